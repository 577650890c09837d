package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/saft/audit"
)

type fixture struct {
	dir, good, bad, key, priv string
}

func auditFixture(t *testing.T) fixture {
	t.Helper()
	dir := t.TempDir()
	k, err := certify.GenerateKey(nil)
	if err != nil {
		t.Skip("cannot generate a key:", err)
	}
	s, err := certify.NewSigner(k, 1)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, safttest.Write(&b, safttest.Options{Invoices: 4, Payments: 1, Signer: s}))
	fx := fixture{dir: dir, good: filepath.Join(dir, "good.xml"), bad: filepath.Join(dir, "bad.xml"),
		key: filepath.Join(dir, "key.pem"), priv: filepath.Join(dir, "priv.pem")}
	require.NoError(t, os.WriteFile(fx.good, b.Bytes(), 0o600))
	bad := bytes.Replace(b.Bytes(), []byte("<NumberOfEntries>4</NumberOfEntries>"), []byte("<NumberOfEntries>5</NumberOfEntries>"), 1)
	require.NoError(t, os.WriteFile(fx.bad, bad, 0o600))
	pub, err := k.PublicKeyPEM()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(fx.key, pub, 0o600))
	priv, err := k.MarshalPEM()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(fx.priv, priv, 0o600))
	return fx
}

func runCmd(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestAuditCommand(t *testing.T) {
	fx := auditFixture(t)

	code, out, _ := runCmd("audit", fx.good)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "No findings.")
	assert.Contains(t, out, "Signatures: not verified")
	assert.Contains(t, out, "Result: PASS")

	code, out, _ = runCmd("audit", fx.good, "--public-key", fx.key)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Signatures: 4 verified")

	code, out, _ = runCmd("audit", "--json", fx.bad)
	assert.Equal(t, 1, code)
	var r audit.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	require.Len(t, r.Findings, 1)
	assert.Equal(t, audit.CodeTotalsEntries, r.Findings[0].Code)
	assert.True(t, r.HasErrors())

	code, out, _ = runCmd("audit", fx.bad)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "AUDIT-TOTALS-ENTRIES")
	assert.Contains(t, out, "Result: FAIL (1 errors, 0 warnings)")
}

func TestAuditCommandUsage(t *testing.T) {
	fx := auditFixture(t)
	for _, args := range [][]string{{"audit"}, {"audit", "a.xml", "b.xml"}, {"audit", "--nope", fx.good}} {
		code, _, errOut := runCmd(args...)
		assert.Equal(t, 2, code, "%q", args)
		assert.Contains(t, errOut, "usage: faturapt audit", "%q", args)
	}
	// No command, or one that does not exist: the list of commands.
	code, _, errOut := runCmd()
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "usage: faturapt COMMAND")
	code, _, errOut = runCmd("verify")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `unknown command "verify"; run "faturapt help"`)
	code, _, errOut = runCmd("audit", filepath.Join(fx.dir, "missing.xml"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "no such file")

	// A directory, or a file that cannot be read, could not be audited:
	// exit 2, not a failed file.
	code, out, errOut := runCmd("audit", fx.dir)
	assert.Equal(t, 2, code, "%s", out)
	assert.Contains(t, errOut, "is a directory")
	assert.Empty(t, out)
	if os.Getuid() != 0 { // root reads any file
		unreadable := filepath.Join(fx.dir, "unreadable.xml")
		require.NoError(t, os.WriteFile(unreadable, nil, 0o200))
		code, _, _ = runCmd("audit", unreadable)
		assert.Equal(t, 2, code)
	}

	// A private key is refused, and never printed.
	code, _, errOut = runCmd("audit", fx.good, "--public-key", fx.priv)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "not a public key")
	priv, _ := os.ReadFile(fx.priv)
	assert.NotContains(t, errOut, strings.Split(string(priv), "\n")[1])
}

// A monthly file holding a series from its second document: its first
// signature is verified once --previous-hash gives the hash before it.
func TestAuditCommandPreviousHash(t *testing.T) {
	fx := auditFixture(t)
	f, err := saft.ReadFile(fx.good)
	require.NoError(t, err)
	invoices := &f.SourceDocuments.SalesInvoices.Invoice
	first := (*invoices)[0]
	*invoices = (*invoices)[1:]
	var b bytes.Buffer
	require.NoError(t, saft.WriteAuditFile(&b, f))
	cont := filepath.Join(fx.dir, "continued.xml")
	require.NoError(t, os.WriteFile(cont, b.Bytes(), 0o600))
	series := first.InvoiceNo[:strings.LastIndexByte(first.InvoiceNo, '/')]

	code, out, _ := runCmd("audit", cont, "--public-key", fx.key)
	assert.Equal(t, 0, code, "a warning only: %s", out)
	assert.Contains(t, out, audit.CodeSigStart)
	assert.Contains(t, out, "Result: PASS with 1 warnings")
	code, _, _ = runCmd("audit", cont, "--public-key", fx.key, "--strict")
	assert.Equal(t, 1, code, "--strict: warnings fail")

	code, out, _ = runCmd("audit", cont, "--public-key", fx.key, "--previous-hash", series+"="+first.Hash)
	assert.Equal(t, 0, code)
	assert.NotContains(t, out, "AUDIT-SIG")
	assert.Contains(t, out, "No findings.")

	code, _, errOut := runCmd("audit", cont, "--previous-hash", "nohash")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "TYPE SERIES=HASH")
}

// -h documents the exit statuses; --max-findings bounds the findings shown
// per code.
func TestAuditCommandHelpAndLimit(t *testing.T) {
	fx := auditFixture(t)
	code, _, errOut := runCmd("audit", "-h")
	assert.Equal(t, 0, code)
	assert.Regexp(t, `(?s)Exit status:\s+0\s+no error.*1\s+errors found.*--strict.*2\s+could not audit.*directory`, errOut)

	data, err := os.ReadFile(fx.good)
	require.NoError(t, err)
	many := filepath.Join(fx.dir, "many.xml")
	require.NoError(t, os.WriteFile(many, bytes.ReplaceAll(data, []byte("<InvoiceNo>"), []byte("<X/><X/><X/><InvoiceNo>")), 0o600))
	code, out, _ := runCmd("audit", "--json", "--max-findings", "2", many)
	assert.Equal(t, 1, code)
	var r audit.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Len(t, r.Findings, 2)
	assert.Equal(t, 12, r.Errors)
	assert.Equal(t, []audit.CodeCount{{Code: "SAFT-READ-UNEXPECTED", Count: 12, Shown: 2}}, r.CodeCounts)

	code, out, _ = runCmd("audit", "--max-findings", "-1", many)
	assert.Equal(t, 1, code)
	assert.Equal(t, 12, strings.Count(out, "error     SAFT-READ-UNEXPECTED"), out)
}

func TestAuditCommandKeyVersions(t *testing.T) {
	fx := auditFixture(t)
	code, out, _ := runCmd("audit", fx.good, "--public-key", "1="+fx.key)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Signatures: 4 verified")

	// The file's documents are signed with version 1: a key for version 2
	// only verifies nothing, and says so.
	code, out, _ = runCmd("audit", fx.good, "--public-key", "2="+fx.key)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, audit.CodeSigNoKey)

	code, _, errOut := runCmd("audit", fx.good, "--public-key", "x="+fx.key)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "N=FILE")
}
