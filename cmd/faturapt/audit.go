package main

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/faturapt/faturapt/saft/audit"
)

const auditUsage = `usage: faturapt audit FILE.xml [--public-key [N=]KEY.pem]... [--previous-hash "FT A=HASH"]... [--max-findings N] [--strict] [--json] [--quiet]

Audits a SAF-T (PT) 1.04_01 file: schema structure and values, the 19
assertions, keys and references, control totals, series numbering and
dates, ATCUD, document arithmetic and, with the producer's public key
(PEM: public key or certificate), every signature and hash chain;
"--public-key N=KEY.pem" gives the key of version N (HashControl) of a
producer that changed keys.
--previous-hash gives, for a series the file holds from the middle (a
monthly file), the hash of the document before its first one here, so
that the first one's signature can be verified too; repeat it per series.
The report shows the first --max-findings findings of each code (default
100; -1 shows all) and counts the others, so memory stays flat.

Exit status:
  0  no error (warnings, if any, are printed)
  1  errors found (with --strict, warnings too)
  2  could not audit: bad usage, a directory or unreadable file, a bad key
`

// runAudit is "faturapt audit": args[0] is "audit".
func runAudit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, auditUsage) }
	keys := publicKeys{}
	fs.Var(keys, "public-key", `PEM file with the producer's RSA public key or certificate; "N=FILE" for the key of version N only (HashControl), repeatable`)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	quiet := fs.Bool("quiet", false, "no progress on standard error")
	strict := fs.Bool("strict", false, "exit with status 1 on warnings too")
	maxFindings := fs.Int("max-findings", audit.DefaultMaxFindingsPerCode, "findings shown per code, the others counted; -1 for all")
	previous := previousHashes{}
	fs.Var(previous, "previous-hash", `"SERIES=HASH": the hash of the document before the series' first one in the file, e.g. "FT A=..."`)
	// Flags may come before or after the file name.
	var files []string
	rest := args[1:]
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0 // asked for
			}
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(files) != 1 {
		fs.Usage()
		return 2
	}
	path := files[0]

	opts := []audit.Option{audit.WithMaxFindingsPerCode(*maxFindings)}
	for version, path := range keys {
		pub, err := loadPublicKey(path)
		if err != nil {
			fmt.Fprintf(stderr, "faturapt: %v\n", err)
			return 2
		}
		if version == 0 {
			opts = append(opts, audit.WithPublicKey(pub))
		} else {
			opts = append(opts, audit.WithPublicKeyVersion(version, pub))
		}
	}
	if len(previous) > 0 {
		opts = append(opts, audit.WithPreviousHashes(previous))
	}
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "faturapt: %v\n", err)
		return 2
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > 16<<20 && !*quiet {
		opts = append(opts, audit.WithProgress(progress(stderr, st.Size())))
	}
	report, err := audit.Run(f, opts...)
	if err != nil {
		fmt.Fprintf(stderr, "faturapt: %v\n", err)
		return 2
	}
	if *asJSON {
		err = report.WriteJSON(stdout)
	} else {
		err = report.WriteText(stdout, path)
	}
	if err != nil {
		fmt.Fprintf(stderr, "faturapt: %v\n", err)
		return 2
	}
	if report.HasErrors() || *strict && report.Warnings > 0 {
		return 1
	}
	return 0
}

// progress prints the share of the file read at most once a second.
func progress(w io.Writer, size int64) func(int64) {
	var last time.Time
	return func(n int64) {
		if now := time.Now(); now.Sub(last) >= time.Second {
			last = now
			fmt.Fprintf(w, "faturapt: %d of %d MB read (%d%%)\n", n>>20, size>>20, n*100/size)
		}
	}
}

// loadPublicKey reads an RSA public key from a PEM file holding a PUBLIC
// KEY (SubjectPublicKeyInfo), an RSA PUBLIC KEY (PKCS #1) or a CERTIFICATE.
func loadPublicKey(path string) (*rsa.PublicKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parsePublicKey(data, path)
}

// parsePublicKey reads an RSA public key from PEM; name is where it comes
// from, for the errors.
func parsePublicKey(data []byte, path string) (*rsa.PublicKey, error) {
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, fmt.Errorf("%s: no PEM block", path)
	}
	var key any
	var err error
	switch block.Type {
	case "PUBLIC KEY":
		key, err = x509.ParsePKIXPublicKey(block.Bytes)
	case "RSA PUBLIC KEY":
		key, err = x509.ParsePKCS1PublicKey(block.Bytes)
	case "CERTIFICATE":
		var cert *x509.Certificate
		if cert, err = x509.ParseCertificate(block.Bytes); err == nil {
			key = cert.PublicKey
		}
	default:
		return nil, fmt.Errorf("%s: PEM block %q is not a public key or certificate (a private key must not be given)", path, block.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	pub, ok := key.(*rsa.PublicKey)
	if !ok {
		return nil, errors.New(path + ": not an RSA key")
	}
	return pub, nil
}

// previousHashes collects --previous-hash "FT A=HASH" flags.
type previousHashes map[string]string

func (p previousHashes) String() string { return fmt.Sprint(map[string]string(p)) }

func (p previousHashes) Set(v string) error {
	series, hash, ok := strings.Cut(v, "=")
	series, hash = strings.TrimSpace(series), strings.TrimSpace(hash)
	if !ok || !strings.Contains(series, " ") || hash == "" {
		return fmt.Errorf("want \"TYPE SERIES=HASH\", e.g. \"FT A=...\"; got %q", v)
	}
	p[series] = hash
	return nil
}

// publicKeys collects --public-key flags: "FILE" (every key version, key 0
// here) or "N=FILE" (version N).
type publicKeys map[int]string

func (p publicKeys) String() string { return fmt.Sprint(map[int]string(p)) }

func (p publicKeys) Set(v string) error {
	version := 0
	if n, path, ok := strings.Cut(v, "="); ok {
		var err error
		if version, err = strconv.Atoi(n); err != nil || version < 1 {
			return fmt.Errorf("want FILE or N=FILE with N a key version (1, 2, ...); got %q", v)
		}
		v = path
	}
	if v == "" {
		return errors.New("empty file name")
	}
	p[version] = v
	return nil
}
