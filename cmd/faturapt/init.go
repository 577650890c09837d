package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/book"
	"github.com/faturapt/faturapt/nif"
)

const initUsage = `usage: faturapt init --nif NIF --name NAME --software-certificate N --at ENV [FLAGS]

Records in the book (created when absent) the company, the public key of its
signing key, and how the program reaches AT; running it again updates them
(a new signing key is added as a new --key-version). ENV is:

  test         AT's test services (the producer's test certificate)
  production   AT's production services
  simulator    a "faturapt simulator --dir DIR" running on this machine: give
               --simulator DIR; the certificate, AT's key and the sub-user
               come from DIR

The signing key (FATURAPT_SIGNING_KEY or --signing-key-file) is read to record
its public key; the book never keeps the key itself nor any password.
Next: "faturapt status" says what is left to do.
`

func cmdInit(e *env, args []string) int {
	fs := e.flags("init", initUsage)
	bf := e.bookFlags(fs)
	var co book.Company
	fs.StringVar(&co.NIF, "nif", "", "the company's tax number (required)")
	fs.StringVar(&co.Name, "name", "", "the company's name (required)")
	fs.StringVar(&co.Address.Street, "street", "", "head office: street and number")
	fs.StringVar(&co.Address.City, "city", "", "head office: city")
	fs.StringVar(&co.Address.PostalCode, "postal-code", "", "head office: postal code, NNNN-NNN")
	fs.StringVar(&co.Address.Country, "country", "PT", "head office: country")
	certNumber := fs.Int("software-certificate", 0, "the program's AT certificate number (required; 9999 in AT's tests)")
	keyVersion := fs.Int("key-version", 1, "the version of the signing key (SAF-T HashControl)")
	environment := fs.String("at", "", "AT's services: test, production or simulator (required)")
	simDir := fs.String("simulator", "", "with --at simulator: the simulator's directory")
	var conn book.Connection
	fs.StringVar(&conn.CertificateFile, "cert", "", "the producer's PKCS#12 (.pfx) certificate for AT's services")
	fs.StringVar(&conn.SubUser, "sub-user", "", "the company's Portal das Finanças sub-user number (with WSE and WFA profiles)")
	fs.StringVar(&conn.ATKeyFile, "at-key", "", "certificate of AT's public key, when not the one the program embeds")
	fs.StringVar(&conn.RootCAFile, "ca", "", "PEM certificate authorities to trust instead of the system's")
	sf := e.secretFlags(fs, false, true)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fs.Usage()
		return exitUsage
	}
	var missing []string
	for _, f := range []struct{ name, v string }{{"--nif", co.NIF}, {"--name", co.Name}, {"--at", *environment}} {
		if f.v == "" {
			missing = append(missing, f.name)
		}
	}
	if *certNumber <= 0 {
		missing = append(missing, "--software-certificate")
	}
	if missing != nil {
		return e.fail(exitUsage, "init needs %v (see \"faturapt init -h\")", missing)
	}
	if err := nif.Validate(co.NIF); err != nil {
		return e.fail(exitUsage, "--nif: %v", err)
	}
	if *keyVersion < 1 {
		return e.fail(exitUsage, "--key-version is 1, 2, ...")
	}
	co.Certificate = strconv.Itoa(*certNumber)
	conn.Environment = book.Environment(*environment)
	switch conn.Environment {
	case book.EnvironmentTest, book.EnvironmentProduction:
		ep := atclient.TestEndpoints()
		if conn.Environment == book.EnvironmentProduction {
			ep = atclient.ProductionEndpoints()
		}
		conn.SeriesURL, conn.EFaturaURL = ep.Series, ep.EFatura
		if conn.CertificateFile == "" || conn.SubUser == "" {
			return e.fail(exitUsage, "--at %s needs --cert FILE.p12 and --sub-user N: the producer's certificate and the company's sub-user", conn.Environment)
		}
	case book.EnvironmentSimulator:
		if *simDir == "" {
			return e.fail(exitUsage, "--at simulator needs --simulator DIR, the directory of a running \"faturapt simulator --dir DIR\"")
		}
		data, err := os.ReadFile(filepath.Join(*simDir, "simulator.json"))
		if err != nil {
			return e.fail(exitUsage, "no simulator in %s: start one with \"faturapt simulator --dir %s\" (%v)", *simDir, *simDir, err)
		}
		var info simulatorInfo
		if err := json.Unmarshal(data, &info); err != nil {
			return e.fail(exitUsage, "%s/simulator.json: %v", *simDir, err)
		}
		if info.NIF != co.NIF {
			return e.fail(exitUsage, "the simulator in %s accepts the sub-user of %s, not %s: start it with --nif %s", *simDir, info.NIF, co.NIF, co.NIF)
		}
		conn.SeriesURL, conn.EFaturaURL = info.SeriesURL, info.EFaturaURL
		conn.CertificateFile, conn.ATKeyFile, conn.RootCAFile = info.Certificate, info.ATKey, info.CA
		if conn.SubUser == "" {
			conn.SubUser = info.SubUser
		}
	default:
		return e.fail(exitUsage, "--at %q: say test, production or simulator", *environment)
	}
	for _, p := range []*string{&conn.CertificateFile, &conn.ATKeyFile, &conn.RootCAFile} {
		if *p == "" {
			continue
		}
		abs, err := filepath.Abs(*p)
		if err != nil {
			return e.fail(exitUsage, "%v", err)
		}
		if _, err := os.Stat(abs); err != nil {
			return e.fail(exitUsage, "%v", err)
		}
		*p = abs
	}
	if err := conn.Validate(); err != nil {
		return e.fail(exitUsage, "%v", errors.Join(err, errors.New("see \"faturapt init -h\"")))
	}
	key, err := e.signingKey(sf)
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	pub, err := key.PublicKeyPEM()
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	co.Keys = []book.KeyVersion{{Version: strconv.Itoa(*keyVersion), PublicKey: string(pub)}}
	if e.nowErr != nil {
		return e.fail(exitUsage, "%v", e.nowErr)
	}
	ctx, stop := e.context()
	defer stop()
	b, err := book.Open(ctx, bf.where, book.WithClock(e.now))
	if err != nil {
		return e.fail(exitUsage, "opening the book %s: %v", redactURL(bf.where), err)
	}
	defer b.Close()
	if err := b.Migrate(ctx); err != nil {
		return e.fail(exitUsage, "the book %s: %v", redactURL(bf.where), err)
	}
	if err := b.PutCompany(ctx, co); err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	if err := b.PutConnection(ctx, co.NIF, conn); err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	fmt.Fprintf(e.stdout, "book %s: company %s (%s), program certificate %s, signing key version %d\n",
		redactURL(bf.where), co.NIF, co.Name, co.Certificate, *keyVersion)
	fmt.Fprintf(e.stdout, "AT: %s, sub-user %s/%s, certificate %s\n", conn.Environment, co.NIF, conn.SubUser, conn.CertificateFile)
	fmt.Fprintln(e.stdout, "next: faturapt status")
	return exitOK
}
