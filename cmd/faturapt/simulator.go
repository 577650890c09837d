package main

import (
	"crypto/x509"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/nif"
)

const simulatorUsage = `usage: faturapt simulator --dir DIR [--nif NIF] [--sub-user N]

Serves a simulator of AT's series and e-Fatura web services (package
atclient/attest) on 127.0.0.1 until interrupted, with mutual TLS and the
WS-Security checks of AT, so that every command can be tried end to end
without an AT account. It accepts the sub-user NIF/N with the password of
FATURAPT_AT_PASSWORD (or --at-password-file, or a prompt), and writes into DIR:

  producer.p12     a throwaway client certificate in the role of the producer's,
                   encrypted with FATURAPT_CERT_PASSWORD (or --cert-password-file)
  ca.pem           the throwaway certificate authority of the simulator
  at-key.pem       the certificate of the key in the role of AT's public key
  simulator.json   the services' URLs, written last: the simulator is ready

Then: faturapt init --at simulator --simulator DIR --nif NIF ...
The simulator keeps its state in memory: it forgets everything when it stops,
and removes simulator.json. Started again in the same DIR, it is found there by
the commands (new addresses, new certificates) without another init.
`

// simulatorInfo is DIR/simulator.json.
type simulatorInfo struct {
	SeriesURL   string `json:"seriesURL"`
	EFaturaURL  string `json:"efaturaURL"`
	NIF         string `json:"nif"`
	SubUser     string `json:"subUser"`
	Certificate string `json:"certificate"`
	CA          string `json:"ca"`
	ATKey       string `json:"atKey"`
}

func cmdSimulator(e *env, args []string) int {
	fs := e.flags("simulator", simulatorUsage)
	dir := fs.String("dir", "", "directory receiving the certificates and simulator.json (required)")
	company := fs.String("nif", attest.DefaultNIF, "the taxpayer whose sub-user the simulator accepts")
	subUser := fs.String("sub-user", attest.DefaultSubUser, "the sub-user number the simulator accepts")
	sf := e.secretFlags(fs, true, false)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 || *dir == "" {
		fs.Usage()
		return exitUsage
	}
	if e.nowErr != nil {
		return e.fail(exitUsage, "%v", e.nowErr)
	}
	if err := nif.Validate(*company); err != nil {
		return e.fail(exitUsage, "--nif: %v", err)
	}
	atPW, err := e.secret(fmt.Sprintf("the password the simulator accepts for %s/%s", *company, *subUser), "FATURAPT_AT_PASSWORD", sf.atPassword, "at-password-file", true)
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	certPW, err := e.secret("the password of the certificate to write", "FATURAPT_CERT_PASSWORD", sf.certPassword, "cert-password-file", true)
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	srv, err := attest.New(attest.WithClock(e.now), attest.WithUser(*company, *subUser, atPW))
	if err != nil {
		return e.fail(exitFailed, "starting the simulator: %v", err)
	}
	defer srv.Close()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	tc := srv.ClientCertificate()
	leaf := tc.Leaf
	if leaf == nil {
		if leaf, err = x509.ParseCertificate(tc.Certificate[0]); err != nil {
			return e.fail(exitFailed, "the simulator's certificate: %v", err)
		}
	}
	p12, err := pkcs12.Modern.Encode(tc.PrivateKey, leaf, nil, certPW)
	if err != nil {
		return e.fail(exitFailed, "encoding the certificate: %v", err)
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	info := simulatorInfo{SeriesURL: srv.URL(), EFaturaURL: srv.EFaturaURL(), NIF: *company, SubUser: *subUser,
		Certificate: filepath.Join(abs, "producer.p12"), CA: filepath.Join(abs, "ca.pem"), ATKey: filepath.Join(abs, "at-key.pem")}
	for _, f := range []struct {
		path string
		data []byte
		mode os.FileMode
	}{
		{info.Certificate, p12, 0o600},
		{info.CA, srv.CACertificatePEM(), 0o644},
		{info.ATKey, srv.EncryptionCertificatePEM(), 0o644},
	} {
		if err := os.WriteFile(f.path, f.data, f.mode); err != nil {
			return e.fail(exitUsage, "%v", err)
		}
	}
	data, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	// Written whole, then renamed: a reader never sees half of it.
	tmp := filepath.Join(abs, ".simulator.json")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	ready := filepath.Join(abs, "simulator.json")
	if err := os.Rename(tmp, ready); err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	// Once stopped, the commands find no simulator here.
	defer os.Remove(ready)
	fmt.Fprintf(e.stdout, "AT simulator serving (Ctrl-C stops it; it keeps nothing):\n")
	fmt.Fprintf(e.stdout, "  series service   %s\n", info.SeriesURL)
	fmt.Fprintf(e.stdout, "  e-Fatura service %s\n", info.EFaturaURL)
	fmt.Fprintf(e.stdout, "  sub-user         %s/%s\n", info.NIF, info.SubUser)
	fmt.Fprintf(e.stdout, "  files            %s\n", abs)
	fmt.Fprintf(e.stdout, "next: faturapt init --at simulator --simulator %s --nif %s ...\n", *dir, info.NIF)
	ctx, stop := e.context()
	defer stop()
	<-ctx.Done()
	fmt.Fprintln(e.stderr, "faturapt: simulator stopped")
	return exitOK
}
