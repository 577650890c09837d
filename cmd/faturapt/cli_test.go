package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/book"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/internal/pgtest"
	"github.com/faturapt/faturapt/saft/audit"
)

// The fixed time of the commands and of the simulator (FATURAPT_NOW): no
// test reads the wall clock.
const now = "2026-06-01T10:00:00Z"

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// binary builds the command once per test binary.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "faturapt-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "faturapt")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	require.NoError(t, buildErr)
	return binPath
}

// secrets are one run's secret values, random so that finding one in an
// output can only mean it leaked.
type secrets struct {
	atPassword, certPassword string
	keyPEM                   []byte
	key                      *certify.PrivateKey
}

func newSecrets(t *testing.T) secrets {
	r := make([]byte, 16)
	_, err := rand.Read(r)
	require.NoError(t, err)
	key := certifytest.Key(t)
	pemKey, err := key.MarshalPEM()
	require.NoError(t, err)
	return secrets{atPassword: "at-" + hex.EncodeToString(r[:8]), certPassword: "p12-" + hex.EncodeToString(r[8:]), keyPEM: pemKey, key: key}
}

// values are what must never appear: the passwords and every line of the
// key's PEM body.
func (s secrets) values() []string {
	out := []string{s.atPassword, s.certPassword}
	for _, l := range strings.Split(string(s.keyPEM), "\n") {
		if l != "" && !strings.HasPrefix(l, "-----") {
			out = append(out, l)
		}
	}
	return out
}

// cli runs the command as an operator would, and keeps everything it
// showed and every command line, to look for the secrets in them.
type cli struct {
	t       *testing.T
	bin     string
	dir     string
	env     []string
	outputs bytes.Buffer
	argvs   [][]string
	schema  string // the PostgreSQL schema of the book; "" for SQLite
}

// newCLI runs commands on a new SQLite book.
func newCLI(t *testing.T, sec secrets) *cli {
	return newCLIOn(t, sec, "")
}

// newCLIOn runs commands on a new book of engine e (SQLite when "").
func newCLIOn(t *testing.T, sec secrets, e book.Engine) *cli {
	dir := t.TempDir()
	where, schema := filepath.Join(dir, "book.db"), ""
	if e == book.Postgres {
		schema, where = pgtest.Schema(t)
	}
	return &cli{t: t, bin: binary(t), dir: dir, schema: schema, env: append(os.Environ(),
		"FATURAPT_NOW="+now,
		"FATURAPT_BOOK="+where,
		"FATURAPT_AT_PASSWORD="+sec.atPassword,
		"FATURAPT_CERT_PASSWORD="+sec.certPassword,
		"FATURAPT_SIGNING_KEY="+string(sec.keyPEM),
		"FATURAPT_PRODUCER_NIF=510000002",
		"FATURAPT_COMPANY=", // not the caller's
	)}
}

// run runs the command and returns its exit status, stdout and stderr.
func (c *cli) run(args ...string) (int, string, string) {
	c.t.Helper()
	cmd := exec.Command(c.bin, args...)
	cmd.Dir, cmd.Env = c.dir, c.env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	c.argvs = append(c.argvs, cmd.Args)
	c.outputs.Write(out.Bytes())
	c.outputs.Write(errOut.Bytes())
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else {
		require.NoError(c.t, err)
	}
	return code, out.String(), errOut.String()
}

// ok runs the command and requires exit status want.
func (c *cli) ok(want int, args ...string) string {
	c.t.Helper()
	code, out, errOut := c.run(args...)
	require.Equal(c.t, want, code, "faturapt %s\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), out, errOut)
	return out
}

// simulator starts "faturapt simulator" for nif and returns its directory
// once it is ready; it is stopped (SIGINT) when the test ends.
func (c *cli) simulator(nif string) string {
	c.t.Helper()
	dir, stop := c.startSimulator(nif)
	c.t.Cleanup(stop)
	return dir
}

// startSimulator starts "faturapt simulator" for nif and returns its
// directory once it is ready, and the function that stops it (SIGINT).
func (c *cli) startSimulator(nif string) (string, func()) {
	c.t.Helper()
	dir := filepath.Join(c.dir, "sim")
	cmd := exec.Command(c.bin, "simulator", "--dir", dir, "--nif", nif)
	cmd.Env = c.env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	require.NoError(c.t, cmd.Start())
	c.argvs = append(c.argvs, cmd.Args)
	// What a process listing shows of it.
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", cmd.Process.Pid))
	if err == nil {
		c.argvs = append(c.argvs, strings.Split(string(cmdline), "\x00"))
	}
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cmd.Process.Signal(syscall.SIGINT)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			assert.NoError(c.t, err, "the simulator stops cleanly on SIGINT\n%s", errOut.String())
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			c.t.Error("the simulator did not stop on SIGINT")
		}
		c.outputs.Write(out.Bytes())
		c.outputs.Write(errOut.Bytes())
	}
	for range 300 {
		if _, err := os.Stat(filepath.Join(dir, "simulator.json")); err == nil {
			return dir, stop
		}
		time.Sleep(100 * time.Millisecond)
	}
	stop()
	c.t.Fatalf("the simulator did not start:\n%s\n%s", out.String(), errOut.String())
	return "", nil
}

// noSecrets checks that no secret reached an output, a command line or a
// file of the book.
func (c *cli) noSecrets(sec secrets) {
	c.t.Helper()
	books, err := filepath.Glob(filepath.Join(c.dir, "book.db*"))
	require.NoError(c.t, err)
	var dump string
	if c.schema != "" {
		dump = pgtest.Dump(c.t, c.schema)
		require.Contains(c.t, dump, companyNIF, "the dump holds the book")
	} else {
		require.NotEmpty(c.t, books)
	}
	files := map[string][]byte{}
	for _, b := range books {
		data, err := os.ReadFile(b)
		require.NoError(c.t, err)
		files[b] = data
	}
	for _, v := range sec.values() {
		assert.NotContains(c.t, dump, v, "a secret in the PostgreSQL book")
		assert.NotContains(c.t, c.outputs.String(), v, "a secret on stdout or stderr")
		for _, argv := range c.argvs {
			assert.NotContains(c.t, strings.Join(argv, " "), v, "a secret in a command line")
		}
		for _, b := range books {
			assert.False(c.t, bytes.Contains(files[b], []byte(v)), "a secret in %s", b)
		}
	}
}

func (c *cli) write(name, content string) string {
	c.t.Helper()
	p := filepath.Join(c.dir, name)
	require.NoError(c.t, os.WriteFile(p, []byte(content), 0o600))
	return p
}

const (
	companyNIF = "599999993"
	invoice    = `{"Type": "FT",
 "Customer": {"TaxID": "500000000", "Name": "Café Central, Lda", "Address": "Rua Augusta, 100", "City": "Lisboa", "PostalCode": "1100-053"},
 "Lines": [{"Product": {"Code": "CAF", "Description": "Café em grão 1 kg"}, "Quantity": "10", "UnitPrice": "18.50", "Tax": {"Category": "NOR"}},
           {"Product": {"Code": "LIV", "Description": "Livro de receitas"}, "Quantity": "2", "UnitPrice": "20.00", "Tax": {"Category": "RED"}}]}`
	quotation = `{"Type": "OR",
 "Customer": {"TaxID": "500000000", "Name": "Café Central, Lda", "Address": "Rua Augusta, 100", "City": "Lisboa", "PostalCode": "1100-053"},
 "Lines": [{"Product": {"Code": "MOI", "Description": "Moinho de café"}, "Quantity": "1", "UnitPrice": "120.00", "Tax": {"Category": "INT"}}]}`
	simplified = `{"Type": "FS",
 "Lines": [{"Product": {"Code": "CHV", "Description": "Chávena de porcelana"}, "Quantity": "2", "UnitPrice": "7.90", "Tax": {"Category": "NOR"}}],
 "Payments": [{"Mechanism": "NU"}]}`
)

func statusOf(t *testing.T, out string) statusJSON {
	t.Helper()
	var st statusJSON
	require.NoError(t, json.Unmarshal([]byte(out), &st), out)
	return st
}

func (c *cli) init(sim string) {
	c.t.Helper()
	out := c.ok(0, "init", "--nif", companyNIF, "--name", "Hotel Miradouro, Lda", "--street", "Rua da Prata, 80",
		"--city", "Lisboa", "--postal-code", "1100-420", "--software-certificate", "9999", "--at", "simulator", "--simulator", sim)
	assert.Contains(c.t, out, "company 599999993 (Hotel Miradouro, Lda)")
}

// The seed's flow, from a terminal: set up, a new default series and an
// existing one, yellow then green, documents issued, the method chosen,
// the month's file written and audited clean, the other method refused.
func TestSeedFlowSAFTYear(t *testing.T) {
	for _, e := range []book.Engine{book.SQLite, book.Postgres} {
		t.Run(string(e), func(t *testing.T) {
			t.Parallel()
			seedFlow(t, e)
		})
	}
}

func seedFlow(t *testing.T, e book.Engine) {
	sec := newSecrets(t)
	c := newCLIOn(t, sec, e)
	sim := c.simulator(companyNIF)
	c.init(sim)

	// Nothing registered, no method: yellow (exit 1), an invoice series
	// to register.
	st := statusOf(t, c.ok(1, "status", "--json"))
	assert.Equal(t, "yellow", st.Light)
	assert.Contains(t, st.Checks, checkJSON{ID: "series", DocumentType: "FT", Level: "pending", Light: "yellow",
		Detail: "no active series with a validation code", Remedy: "register a series for FT (Invoice) at AT"})

	out := c.ok(0, "series", "new", "FT", "A", "--default")
	assert.Regexp(t, `FT A registered: validation code \w{8}, next document FT A/1, ATCUD \w{8}-1, the default series of FT`, out)
	// FS LOJA1 numbered up to 1233 before it was communicated: its chain
	// goes on from that document's hash.
	signer, err := certify.NewSigner(sec.key, 1)
	require.NoError(t, err)
	var chain certify.Chain
	entry := civil.DateTime{Date: civil.Date{Year: 2022, Month: time.December, Day: 30}, Hour: 18, Minute: 42, Second: 7}
	legacyHash, err := chain.Sign(signer, certify.Document{Date: entry.Date, SystemEntry: entry, Number: "FS LOJA1/1233"})
	require.NoError(t, err)
	out = c.ok(0, "series", "existing", "FS", "LOJA1", "--next", "1234", "--last-hash", legacyHash, "--last-entry", entry.String())
	assert.Contains(t, out, "next document FS LOJA1/1234")
	assert.Contains(t, out, "the chain goes on from FS LOJA1/1233")

	out = c.ok(0, "series", "list")
	assert.Regexp(t, `FS\s+LOJA1\s+yes\s+FS LOJA1/1233\s+\w{8} Active from 1234\s+\w{8} Active from 1234\s+none`, out)
	var rows []seriesRow
	require.NoError(t, json.Unmarshal([]byte(c.ok(0, "series", "list", "--json")), &rows))
	require.Len(t, rows, 2)
	for _, r := range rows {
		assert.Empty(t, r.Problems, r.ID)
		assert.Equal(t, r.Book.ValidationCode, r.AT.ValidationCode)
	}

	// Series registered, the year's method still to choose: yellow.
	st = statusOf(t, c.ok(1, "status", "--json"))
	assert.Equal(t, "yellow", st.Light)
	var method checkJSON
	for _, ch := range st.Checks {
		if ch.ID == "method" {
			method = ch
		}
	}
	assert.Equal(t, "yellow", method.Light)
	assert.NotEmpty(t, method.Remedy)

	c.ok(0, "method", "choose", "2026", "saft")
	out = c.ok(0, "status")
	assert.Contains(t, out, "599999993 Hotel Miradouro, Lda: green (activated)")
	assert.Equal(t, "green", statusOf(t, c.ok(0, "status", "--json")).Light)

	// Documents.
	out = c.ok(0, "issue", c.write("ft.json", invoice), "--qr", "ft.png")
	assert.Regexp(t, `FT A/1  ATCUD:\w{8}-1  2026-06-01  customer 500000000`, out)
	assert.Contains(t, out, "net 225.00  VAT 44.95  gross 269.95 EUR")
	assert.Contains(t, out, "QR: A:599999993*B:500000000*C:PT*D:FT*E:N*F:20260601*G:FT A/1*H:")
	png, err := os.ReadFile(filepath.Join(c.dir, "ft.png"))
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(png, []byte("\x89PNG")))
	var doc issuedJSON
	require.NoError(t, json.Unmarshal([]byte(c.ok(0, "issue", c.write("fs.json", simplified), "--json")), &doc))
	assert.Equal(t, "FS LOJA1/1234", doc.Number)
	assert.Equal(t, "19.43", doc.GrossTotal)
	assert.Len(t, doc.HashChars, 4)
	assert.Contains(t, doc.QR, "*G:FS LOJA1/1234*H:"+doc.ATCUD+"*")
	// A draft with a problem: every problem named, nothing issued.
	code, _, errOut := c.run("issue", c.write("bad.json", `{"Type": "FT", "Lines": [{"Product": {"Code": "X"}, "Quantity": "0", "UnitPrice": "1"}]}`))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "DOC-QUANTITY")
	assert.Contains(t, errOut, "DOC-PRODUCT")
	assert.Contains(t, c.ok(0, "issue", c.write("ft2.json", invoice)), "FT A/2 ", "the refused draft used no number")
	// A quotation, a working document: signed and kept with its SAF-T
	// record, its product and its rate, which no invoice uses.
	c.ok(0, "series", "new", "OR", "Q", "--default")
	out = c.ok(0, "issue", c.write("or.json", quotation))
	assert.Regexp(t, `OR Q/1  ATCUD:\w{8}-1  2026-06-01  customer 500000000`, out)

	// The month's file, audited clean with the book's key, FS LOJA1 from
	// the hash before it, the quotation in WorkingDocuments.
	out = c.ok(0, "month", "2026-06")
	assert.Contains(t, out, "SAFT_599999993_2026-06.xml: SAF-T (PT) invoicing file of 2026-06-01 to 2026-06-01, 4 documents")
	assert.Contains(t, out, "audit: 0 errors, 0 warnings, 4 signatures verified")
	saftPath := filepath.Join(c.dir, "SAFT_599999993_2026-06.xml")
	rep, err := audit.File(saftPath, audit.WithPublicKey(sec.key.Public()),
		audit.WithPreviousHashes(map[string]string{"FS LOJA1": legacyHash}))
	require.NoError(t, err)
	assert.Zero(t, rep.Errors+rep.Warnings, "%v", rep.Findings)
	assert.Equal(t, 4, rep.SignaturesChecked)
	file, err := os.ReadFile(saftPath)
	require.NoError(t, err)
	assert.Contains(t, string(file), "<WorkingDocuments>")
	assert.Contains(t, string(file), "<DocumentNumber>OR Q/1</DocumentNumber>")
	assert.Contains(t, string(file), "<ProductCode>MOI</ProductCode>")
	assert.Contains(t, string(file), "<TaxCode>INT</TaxCode>")
	pub, err := sec.key.PublicKeyPEM()
	require.NoError(t, err)
	c.ok(0, "audit", saftPath, "--public-key", c.write("pub.pem", string(pub)), "--previous-hash", "FS LOJA1="+legacyHash)

	// The other method: nothing sent to e-Fatura, and the choice stays.
	code, _, errOut = c.run("month", "2026-06", "--send")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "nothing sent")
	assert.Contains(t, errOut, "real-time web service (e-Fatura) is refused")
	code, _, errOut = c.run("method", "choose", "2026", "webservice")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "e-Fatura) is refused")
	assert.Contains(t, c.ok(0, "method", "show"), "2026: monthly SAF-T (PT) file")

	c.noSecrets(sec)
}

// A web-service year: each document waits in the book until it is sent to
// e-Fatura; the status is yellow while documents wait, green once they are
// sent; no SAF-T file is written for the year.
func TestWebServiceYear(t *testing.T) {
	t.Parallel()
	sec := newSecrets(t)
	c := newCLI(t, sec)
	sim := c.simulator(companyNIF)
	c.init(sim)
	c.ok(0, "series", "new", "FT", "A")
	c.ok(0, "series", "new", "FS", "B")
	out := c.ok(0, "method", "choose", "2026", "webservice")
	assert.Contains(t, out, "2026: real-time web service (e-Fatura)")
	assert.Equal(t, "green", statusOf(t, c.ok(0, "status", "--json")).Light, "nothing issued yet")

	c.ok(0, "issue", c.write("ft.json", invoice))
	c.ok(0, "issue", c.write("fs.json", simplified))
	out = c.ok(0, "month", "2026-06")
	assert.Contains(t, out, "e-Fatura: 2 pending, 0 sent, 0 refused")
	assert.Contains(t, out, `oldest pending of 2026-06-01, due by 2026-07-05 (0 late): send with "faturapt month 2026-06 --send"`)
	st := statusOf(t, c.ok(1, "status", "--json"))
	assert.Equal(t, "yellow", st.Light)
	var ef checkJSON
	for _, ch := range st.Checks {
		if ch.ID == "efatura" {
			ef = ch
		}
	}
	assert.Equal(t, "yellow", ef.Light)
	assert.Contains(t, ef.Detail, "2 documents wait to be communicated, the oldest due 2026-07-05")
	assert.Contains(t, ef.Remedy, `"faturapt month YYYY-MM --send" sends them`)

	code, out, errOut := c.run("month", "2026-06", "--send")
	require.Equal(t, 0, code, "%s\n%s", out, errOut)
	assert.Contains(t, out, "e-Fatura: 2 sent, 0 refused, 0 failed")
	assert.Contains(t, out, "e-Fatura: 0 pending, 2 sent, 0 refused")
	assert.Contains(t, errOut, "sending FT A/1 to e-Fatura...")
	assert.Contains(t, errOut, "sending FS B/1 to e-Fatura...")
	assert.Equal(t, "green", statusOf(t, c.ok(0, "status", "--json")).Light)
	// Sent once: nothing left to send.
	assert.Contains(t, c.ok(0, "month", "2026-06", "--send"), "e-Fatura: 0 sent, 0 refused, 0 failed")

	// The other method: no SAF-T file for a web-service year.
	code, _, errOut = c.run("month", "2026-06", "--out", "june.xml")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "no file written")
	assert.NoFileExists(t, filepath.Join(c.dir, "june.xml"))
	assert.NoFileExists(t, filepath.Join(c.dir, "june.xml.part"))

	c.noSecrets(sec)
}

// A series' life: a second default, a series cancelled (registered in
// error), one finalized after its last document; AT and the book agree.
func TestSeriesLifeCycle(t *testing.T) {
	t.Parallel()
	sec := newSecrets(t)
	c := newCLI(t, sec)
	sim := c.simulator(companyNIF)
	c.init(sim)
	assert.Contains(t, c.ok(0, "series", "new", "FT", "A"), "the default series of FT", "the type's first series")
	assert.NotContains(t, c.ok(0, "series", "new", "FT", "B"), "default")
	assert.Contains(t, c.ok(0, "series", "default", "FT", "B"), "FT B is the default series of FT")
	c.ok(0, "method", "choose", "2026", "saft")
	assert.Contains(t, c.ok(0, "issue", c.write("ft.json", invoice)), "FT B/1 ")

	// Cancelled: only without documents, and declared so.
	code, _, errOut := c.run("series", "cancel", "FT", "B", "--no-documents")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "FT B has documents in the book (the last FT B/1): it cannot be cancelled; finalize it instead")
	code, _, errOut = c.run("series", "cancel", "FT", "A")
	assert.Equal(t, 1, code, "AT requires the declaration")
	assert.NotEmpty(t, errOut)
	assert.Contains(t, c.ok(0, "series", "cancel", "FT", "A", "--no-documents"), "FT A: ")
	assert.Contains(t, c.ok(0, "series", "finalize", "FT", "B", "--justification", "fim do ano"), "FT B: ")

	var rows []seriesRow
	require.NoError(t, json.Unmarshal([]byte(c.ok(0, "series", "list", "--json")), &rows))
	require.Len(t, rows, 2)
	assert.Equal(t, "N", rows[0].AT.Status, "A cancelled at AT")
	assert.Equal(t, "F", rows[1].AT.Status, "B finalized at AT")
	for _, r := range rows {
		assert.Equal(t, r.AT.Status, r.Book.Status, "the book follows AT for %s", r.ID)
		assert.Empty(t, r.Problems)
	}
	// No active series of FT: red or yellow, never green.
	assert.NotEqual(t, "green", statusOf(t, c.ok(1, "status", "--json")).Light)

	// Bad arguments say what to do.
	code, _, errOut = c.run("series", "new", "XX", "A")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `"XX" is not a document type`)
	code, _, errOut = c.run("series", "default", "FT", "Z")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `no series FT Z in the book: "faturapt series list" shows them`)
	c.noSecrets(sec)
}

// A stopped simulator is said so; started again in its directory, the
// commands find it (new addresses, new certificates) without another init.
func TestSimulatorRestart(t *testing.T) {
	t.Parallel()
	sec := newSecrets(t)
	c := newCLI(t, sec)
	dir, stop := c.startSimulator(companyNIF)
	c.init(dir)
	c.ok(0, "series", "new", "FT", "A")
	stop()
	assert.NoFileExists(t, filepath.Join(dir, "simulator.json"))
	code, _, errOut := c.run("status")
	assert.Equal(t, 3, code)
	assert.Contains(t, errOut, "no simulator running in "+dir+`: start it with "faturapt simulator --dir `+dir+`"`)

	_, stop = c.startSimulator(companyNIF)
	defer stop()
	// A new simulator knows nothing: the series is the book's only.
	var rows []seriesRow
	require.NoError(t, json.Unmarshal([]byte(c.ok(0, "series", "list", "--json")), &rows))
	require.Len(t, rows, 1)
	assert.Nil(t, rows[0].AT)
	assert.Equal(t, []string{"not at AT: register it again or remove it from use"}, rows[0].Problems)
	c.noSecrets(sec)
}
