package saft_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/internal/xmllint"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/violation"
)

func genFile(t testing.TB, o safttest.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, safttest.Write(&b, o))
	return b.Bytes()
}

// stdDecode decodes a file with encoding/xml into the same model.
func stdDecode(data []byte) (*saft.AuditFile, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		return charmap.Windows1252.NewDecoder().Reader(r), nil
	}
	var f saft.AuditFile
	return &f, d.Decode(&f)
}

func rewrite(t testing.TB, f *saft.AuditFile) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, saft.WriteAuditFile(&b, f, saft.WithoutValidation()))
	return b.Bytes()
}

// writerFiles are files made by our writer: a generated one with every
// source-document section, and the writer's golden files when present.
func writerFiles(t *testing.T) map[string][]byte {
	files := map[string][]byte{
		"generated": genFile(t, safttest.Options{Invoices: 20, StockMovements: 3, WorkDocuments: 3, Payments: 4}),
		// Many times the scanner's buffer: tokens cross buffer refills.
		"large": genFile(t, safttest.Options{Invoices: 2000, StockMovements: 50, WorkDocuments: 50, Payments: 100}),
	}
	golden, _ := filepath.Glob("testdata/*.xml")
	for _, g := range golden {
		data, err := os.ReadFile(g)
		require.NoError(t, err)
		files[g] = data
	}
	return files
}

// TestReaderRoundTrip: what the writer writes, the reader reads into the
// same model as encoding/xml does, and the writer writes it back byte for
// byte.
func TestReaderRoundTrip(t *testing.T) {
	for name, data := range writerFiles(t) {
		t.Run(name, func(t *testing.T) {
			ours, err := saft.Decode(bytes.NewReader(data))
			require.NoError(t, err)
			std, err := stdDecode(data)
			require.NoError(t, err)
			assert.Equal(t, string(rewrite(t, std)), string(rewrite(t, ours)), "reader and encoding/xml disagree")
			assert.Equal(t, string(data), string(rewrite(t, ours)), "written back differently")
		})
	}
}

func TestReaderStreams(t *testing.T) {
	data := genFile(t, safttest.Options{Invoices: 5, StockMovements: 2, WorkDocuments: 1, Payments: 2})
	r, err := saft.NewReader(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, "509999999", r.Header().TaxRegistrationNumber)
	assert.Equal(t, 3, r.HeaderLine())
	assert.Equal(t, "windows-1252", r.Encoding())
	counts := map[saft.RecordKind]int{}
	var last *saft.Record
	lines := strings.Split(string(data), "\n")
	for rec, err := range r.Records() {
		require.NoError(t, err)
		counts[rec.Kind]++
		assert.Empty(t, rec.Issues)
		if rec.Kind == saft.RecordInvoice {
			// The record's line is the line of its start tag.
			assert.Equal(t, "<Invoice>", strings.TrimSpace(lines[rec.Line-1]))
			assert.Equal(t, counts[saft.RecordInvoice], rec.Index)
			assert.Contains(t, rec.Path, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[")
			require.NotNil(t, rec.Invoice)
			assert.Len(t, rec.Invoice.Line, 3)
		}
		if rec.Kind == saft.RecordSalesInvoices {
			assert.Equal(t, 5, rec.SalesInvoices.NumberOfEntries)
			assert.Empty(t, rec.SalesInvoices.Invoice)
		}
		last = rec
	}
	assert.Equal(t, saft.RecordEnd, last.Kind)
	assert.Equal(t, map[saft.RecordKind]int{
		saft.RecordCustomer: 10, saft.RecordProduct: 20, saft.RecordTaxTableEntry: 4,
		saft.RecordSalesInvoices: 1, saft.RecordInvoice: 5, saft.RecordMovementOfGoods: 1, saft.RecordStockMovement: 2,
		saft.RecordWorkingDocuments: 1, saft.RecordWorkDocument: 1, saft.RecordPayments: 1, saft.RecordPayment: 2,
		saft.RecordEnd: 1,
	}, counts)
}

func TestReaderUTF8(t *testing.T) {
	data := genFile(t, safttest.Options{Invoices: 2})
	utf8Data, err := charmap.Windows1252.NewDecoder().Bytes(data)
	require.NoError(t, err)
	utf8Data = bytes.Replace(utf8Data, []byte(`encoding="Windows-1252"`), []byte(`encoding="UTF-8"`), 1)
	a, err := saft.Decode(bytes.NewReader(data))
	require.NoError(t, err)
	b, err := saft.Decode(bytes.NewReader(utf8Data))
	require.NoError(t, err)
	assert.Equal(t, rewrite(t, a), rewrite(t, b))
	assert.Equal(t, "Serviço de alojamento n.º 1", b.MasterFiles.Product[0].ProductDescription)
}

func TestReaderRejects(t *testing.T) {
	valid := string(genFile(t, safttest.Options{Invoices: 1}))
	cases := []struct {
		name string
		in   string
		is   error
		msg  string
	}{
		{"not xml", "hello", saft.ErrMalformed, "line 1, column 1"},
		{"other root", `<?xml version="1.0"?><Invoice xmlns="urn:x"/>`, saft.ErrNotSAFT, "root element"},
		{"no namespace", `<AuditFile><Header/></AuditFile>`, saft.ErrNotSAFT, "root element"},
		{"version 1.03 namespace", strings.Replace(valid, "PT_1.04_01", "PT_1.03_01", 1), saft.ErrVersion, "1.03_01"},
		{"AuditFileVersion", strings.Replace(valid, ">1.04_01<", ">1.03_01<", 1), saft.ErrVersion, `"1.03_01"`},
		{"truncated", valid[:len(valid)/2], saft.ErrMalformed, "unexpected end of input"},
		{"mismatched tag", strings.Replace(valid, "</InvoiceNo>", "</InvoiceNumber>", 1), saft.ErrMalformed, "closed by"},
		{"no header", `<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01"><MasterFiles/></AuditFile>`, saft.ErrMalformed, "expected Header"},
		// Not well-formed: xmllint "Attribute foo redefined".
		{"repeated attribute", strings.Replace(valid, "<Header>", `<Header foo="1" foo="2">`, 1), saft.ErrMalformed, "attribute foo repeated in <Header>"},
		{"dtd", `<!DOCTYPE x [<!ENTITY a "b">]>` + valid[strings.Index(valid, "<AuditFile"):], saft.ErrMalformed, "DTD"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := saft.Decode(strings.NewReader(c.in))
			require.ErrorIs(t, err, c.is)
			assert.Contains(t, err.Error(), c.msg)
		})
	}
	// A token over the scanner's limit says the limit, once.
	huge := strings.Replace(valid, "<CompanyName>", "<CompanyName>"+strings.Repeat("x", 16<<20+1), 1)
	_, err := saft.Decode(strings.NewReader(huge))
	require.ErrorIs(t, err, saft.ErrMalformed)
	assert.Contains(t, err.Error(), "token of more than 16 MiB")
	assert.NotContains(t, err.Error(), "too large")
	// Malformed XML is reported at its line and column.
	broken := strings.Replace(valid, "<InvoiceNo>FT A/1</InvoiceNo>", "<InvoiceNo>FT A/1 & 2</InvoiceNo>", 1)
	_, err = saft.Decode(strings.NewReader(broken))
	var re *saft.ReadError
	require.ErrorAs(t, err, &re)
	wantLine := strings.Count(broken[:strings.Index(broken, "& 2")], "\n") + 1
	assert.Equal(t, wantLine, re.Line)
	assert.Equal(t, strings.Index(strings.Split(broken, "\n")[wantLine-1], "&")+1, re.Col)
}

func TestReaderIssues(t *testing.T) {
	valid := string(genFile(t, safttest.Options{Invoices: 1}))
	cases := []struct {
		name, old, new string
		code           violation.Code
		path           string
	}{
		{"unknown element", "<InvoiceNo>", "<Bogus>1</Bogus><InvoiceNo>", saft.CodeReadUnexpected, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/Bogus"},
		{"out of order", "<ATCUD>CSDF7T5H-1</ATCUD>", "", saft.CodeReadOrder, ""},
		{"bad number", "<Quantity>2</Quantity>", "<Quantity>two</Quantity>", saft.CodeReadValue, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/Line[2]/Quantity"},
		{"bad date", "<InvoiceDate>2026-01-01</InvoiceDate>", "<InvoiceDate>2026-02-30</InvoiceDate>", saft.CodeReadValue, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/InvoiceDate"},
		{"text in container", "<DocumentTotals>", "<DocumentTotals>oops", saft.CodeReadUnexpected, ""},
		{"child in leaf", "<NetTotal>", "<NetTotal><X/>", saft.CodeReadUnexpected, ""},
		{"other namespace", "<InvoiceNo>", `<x:InvoiceNo xmlns:x="urn:x">1</x:InvoiceNo><InvoiceNo>`, saft.CodeReadUnexpected, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/InvoiceNo"},
		// Real files (a Primavera export) write optional elements empty,
		// <EACCode></EACCode>: no text type of the schema accepts "".
		{"empty optional text", "<SystemEntryDate>", "<EACCode></EACCode><SystemEntryDate>", saft.CodeReadValue, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/EACCode"},
		{"empty optional text, self-closing", "<SystemEntryDate>", "<EACCode/><SystemEntryDate>", saft.CodeReadValue, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/EACCode"},
		{"empty mandatory text", "<SourceID>ana</SourceID>", "<SourceID></SourceID>", saft.CodeReadValue, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/DocumentStatus/SourceID"},
		{"choice repeated", "<TaxPercentage>23</TaxPercentage>", "<TaxPercentage>23</TaxPercentage><TaxAmount>1</TaxAmount><TaxPercentage>23</TaxPercentage>", saft.CodeReadOrder, "/AuditFile/MasterFiles/TaxTable/TaxTableEntry[1]/TaxPercentage"},
		{"other namespace in a container", "<SourceDocuments>", `<SourceDocuments><x:SalesInvoices xmlns:x="urn:x"/>`, saft.CodeReadUnexpected, "/AuditFile/SourceDocuments/SalesInvoices"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := strings.Replace(valid, c.old, c.new, 1)
			if c.name == "out of order" {
				in = strings.Replace(in, "<InvoiceNo>FT A/1</InvoiceNo>", "<Hash>0</Hash><InvoiceNo>FT A/1</InvoiceNo>", 1)
			}
			require.NotEqual(t, valid, in)
			f, err := saft.Decode(strings.NewReader(in))
			var ie *saft.IssuesError
			require.ErrorAs(t, err, &ie)
			require.ErrorIs(t, err, saft.ErrMalformed)
			require.NotNil(t, f)
			assert.Equal(t, c.code, ie.Issues[0].Code)
			assert.Positive(t, ie.Issues[0].Line)
			if c.path != "" {
				assert.Equal(t, c.path, ie.Issues[0].Path)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.xml")
	require.NoError(t, os.WriteFile(path, genFile(t, safttest.Options{Invoices: 2}), 0o600))
	f, err := saft.ReadFile(path)
	require.NoError(t, err)
	assert.Len(t, f.SourceDocuments.SalesInvoices.Invoice, 2)
	_, err = saft.ReadFile(filepath.Join(t.TempDir(), "missing.xml"))
	require.ErrorIs(t, err, os.ErrNotExist)
}

// TestReaderMutations: random byte changes of a valid file (a cheap,
// deterministic complement of FuzzReader) never make the reader panic,
// and what it reads without error the writer writes back and the reader
// reads again identically.
func TestReaderMutations(t *testing.T) {
	valid := genFile(t, safttest.Options{Invoices: 2, StockMovements: 1, WorkDocuments: 1, Payments: 1})
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		in := append([]byte(nil), valid...)
		for range 1 + rng.IntN(5) {
			in[rng.IntN(len(in))] = byte(rng.IntN(256))
		}
		checkReadWrite(t, in)
	}
}

func checkReadWrite(t *testing.T, in []byte) {
	file, err := saft.Decode(bytes.NewReader(in))
	if err != nil {
		if !errors.Is(err, saft.ErrMalformed) && !errors.Is(err, saft.ErrNotSAFT) && !errors.Is(err, saft.ErrVersion) {
			t.Fatalf("unexpected error type: %v", err)
		}
		return
	}
	var out bytes.Buffer
	if err := saft.WriteAuditFile(&out, file, saft.WithoutValidation()); err != nil {
		return // a value the writer cannot write (e.g. an invalid date kept at zero)
	}
	again, err := saft.Decode(bytes.NewReader(out.Bytes()))
	if err != nil && !onlyEmptyElements(err) {
		t.Fatalf("cannot read back what the writer wrote: %v", err)
	}
	var out2 bytes.Buffer
	require.NoError(t, saft.WriteAuditFile(&out2, again, saft.WithoutValidation()))
	if !bytes.Equal(out.Bytes(), out2.Bytes()) {
		t.Fatalf("not stable through write and read")
	}
}

// onlyEmptyElements: every issue of err is an empty element. Without
// validation the writer writes a missing mandatory text element (one the
// reader reads without an issue: minOccurs is the validator's) as an
// empty element, which the reader then reports.
func onlyEmptyElements(err error) bool {
	var ie *saft.IssuesError
	if !errors.As(err, &ie) {
		return false
	}
	for _, i := range ie.Issues {
		if i.Code != saft.CodeReadValue || !strings.Contains(i.Message, " is empty: ") {
			return false
		}
	}
	return true
}

// FuzzReader: the reader never panics; what it accepts without issues, the
// writer writes back, and reading that gives the same file again.
//
// The fuzzer's input is not a file but a short edit script applied to one
// of a few valid files (one per kind of source document): Go's fuzzer
// minimizes every input that finds new coverage, and its byte-subset pass
// is quadratic in the input's length, so a 3-9 KB file input took the
// whole default minimization time (60 s) per new input and a 30 s run
// made a dozen executions. Edit scripts are tens of bytes: they minimize
// in moments and still reach any byte of the files, with XML-shaped
// insertions. FuzzScanner covers arbitrary bytes at the scanner's level.
func FuzzReader(f *testing.F) {
	files := fuzzFiles(f)
	f.Add(uint8(0), []byte{})
	f.Add(uint8(0), []byte{3, 0x0a, 0x00, 4})   // an element inserted near the Header
	f.Add(uint8(1), []byte{0, 0x05, 0x00, 'x'}) // a byte changed
	f.Add(uint8(2), []byte{2, 0x03, 0x00, 7})   // bytes deleted
	f.Add(uint8(3), []byte{3, 0x06, 0x00, 9, 1, 0x06, 0x10, '&'})
	f.Fuzz(func(t *testing.T, which uint8, script []byte) {
		if len(script) > 256 {
			return // 64 edits: enough to break anything
		}
		in := applyEdits(files[int(which)%len(files)], script)
		// A watchdog turns a hang into a crash the fuzzer records.
		done := make(chan struct{})
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				panic(fmt.Sprintf("reading an input of %d bytes took more than 10s", len(in)))
			}
		}()
		defer close(done)
		checkReadWrite(t, in)
	})
}

// fuzzFiles are small valid files, one per kind of source document.
func fuzzFiles(t testing.TB) [][]byte {
	full, err := saft.Decode(bytes.NewReader(genFile(t, safttest.Options{Invoices: 1, StockMovements: 1, WorkDocuments: 1, Payments: 1})))
	require.NoError(t, err)
	mf := &full.MasterFiles
	mf.Customer, mf.Product = mf.Customer[1:2], mf.Product[:1]
	mf.TaxTable.TaxTableEntry = mf.TaxTable.TaxTableEntry[:2]
	sd := *full.SourceDocuments
	var files [][]byte
	for _, only := range []saft.SourceDocuments{{SalesInvoices: sd.SalesInvoices}, {MovementOfGoods: sd.MovementOfGoods},
		{WorkingDocuments: sd.WorkingDocuments}, {Payments: sd.Payments}} {
		full.SourceDocuments = &only
		var b bytes.Buffer
		require.NoError(t, saft.WriteAuditFile(&b, full, saft.WithoutValidation(), saft.WithCompact()))
		files = append(files, b.Bytes())
	}
	return files
}

// fuzzSnippets are the insertions of an edit script: markup that breaks or
// bends a SAF-T file in the ways real and hostile files do.
var fuzzSnippets = []string{"<", ">", "</", "/>", "&amp;", "&#0;", "<X/>", "<Line>", "</Line>", "<Invoice>", "</Invoice>",
	` a="1"`, ` xsi:nil="true"`, ` xmlns:x="urn:x"`, "<x:Y/>", "<![CDATA[1]]>", "<!-- c -->", "<?p x?>", "\r\n", "\xE9",
	"<TaxAmount>1</TaxAmount>", "<DebitAmount>1</DebitAmount>", "<Quantity>1e3</Quantity>", "<InvoiceDate>2026-02-30</InvoiceDate>",
	"<EACCode/>", "<Header>", "</Header>", "<MasterFiles/>", " ", "0", "-", "."}

// applyEdits applies script to a copy of file. Each edit is 4 bytes: a
// kind, a 16-bit position (modulo the length) and an argument: replace the
// byte, insert the byte, delete 1-16 bytes, insert a snippet.
func applyEdits(file, script []byte) []byte {
	out := append([]byte(nil), file...)
	for ; len(script) >= 4; script = script[4:] {
		at := (int(script[1])<<8 | int(script[2])) % (len(out) + 1)
		arg := script[3]
		switch script[0] % 4 {
		case 0:
			if at < len(out) {
				out[at] = arg
			}
		case 1:
			out = slices.Insert(out, at, arg)
		case 2:
			out = slices.Delete(out, at, min(len(out), at+1+int(arg%16)))
		case 3:
			out = slices.Insert(out, at, []byte(fuzzSnippets[int(arg)%len(fuzzSnippets)])...)
		}
	}
	return out
}

func TestRecordLineOf(t *testing.T) {
	data := genFile(t, safttest.Options{Invoices: 2})
	lines := strings.Split(string(data), "\n")
	r, err := saft.NewReader(bytes.NewReader(data))
	require.NoError(t, err)
	for rec, err := range r.Records() {
		require.NoError(t, err)
		if rec.Kind != saft.RecordInvoice || rec.Index != 2 {
			continue
		}
		// The n-th line (from 1) at or after the record's line that is tag.
		find := func(from int, tag string, n int) int {
			for i := from - 1; i < len(lines); i++ {
				if strings.TrimSpace(lines[i]) == tag {
					if n--; n == 0 {
						return i + 1
					}
				}
			}
			return -1
		}
		line2 := find(rec.Line, "<Line>", 2)
		assert.Equal(t, line2, rec.LineOf(rec.Path+"/Line[2]"))
		assert.Equal(t, line2, rec.LineOf(rec.Path+"/Line[2]/UnitPrice"), "a leaf: its structure's line")
		assert.Equal(t, find(line2, "<Tax>", 1), rec.LineOf(rec.Path+"/Line[2]/Tax/TaxCode"))
		assert.Equal(t, find(rec.Line, "<DocumentTotals>", 1), rec.LineOf(rec.Path+"/DocumentTotals/GrossTotal"))
		assert.Equal(t, rec.Line, rec.LineOf(rec.Path+"/InvoiceNo"))
		assert.Equal(t, rec.Line, rec.LineOf(rec.Path+"/Line[9]"), "no such line")
		assert.Equal(t, rec.Line, rec.LineOf("/AuditFile/Header"), "outside the record")
	}
}

// TestReaderSchemaOrders: the orders the schema accepts beyond a plain
// sequence read without a structural issue. Transaction/Lines is an xs:all
// of DebitLine and CreditLine (both unbounded), so debit and credit lines
// may be interleaved; the two elements of an xs:choice may come in either
// order (both present is the validator's SAFT-FACET-CHOICE, whatever their
// order).
func TestReaderSchemaOrders(t *testing.T) {
	golden, err := os.ReadFile("testdata/golden_full.xml")
	require.NoError(t, err)
	valid := string(golden)
	debit := valid[strings.Index(valid, "<DebitLine>") : strings.Index(valid, "</DebitLine>")+len("</DebitLine>")]
	credit := valid[strings.Index(valid, "<CreditLine>") : strings.Index(valid, "</CreditLine>")+len("</CreditLine>")]
	cases := []struct {
		name, old, new string
		schemaValid    bool
	}{
		{"credit line first", debit + "\n          " + credit, credit + "\n          " + debit, true},
		{"debit line between credit lines", debit + "\n          " + credit, credit + debit, true},
		{"choice reversed", "<TaxPercentage>23</TaxPercentage>", "<TaxAmount>1</TaxAmount><TaxPercentage>23</TaxPercentage>", false},
		{"choice both", "<TaxPercentage>23</TaxPercentage>", "<TaxPercentage>23</TaxPercentage><TaxAmount>1</TaxAmount>", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := strings.Replace(valid, c.old, c.new, 1)
			require.NotEqual(t, valid, in)
			_, err := saft.Decode(strings.NewReader(in))
			require.NoError(t, err)
			if _, ok := xmllint.Lookup(t); ok {
				err := xmllint.Validate(t, "testdata/SAFTPT1.04_01.xsd10.xsd", []byte(in))
				assert.Equal(t, c.schemaValid, err == nil, "%v", err)
			}
		})
	}
}

// TestReaderAttributes: the schema declares no attribute, so an attribute
// on any element is a schema violation the reader reports at the
// element's path, as xmllint does; namespace declarations and the
// xsi:schemaLocation hints are not attributes of the schema's and pass.
func TestReaderAttributes(t *testing.T) {
	golden, err := os.ReadFile("testdata/golden_full.xml")
	require.NoError(t, err)
	valid := string(golden)
	const root = `<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">`
	const xsiRoot = `<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
	cases := []struct {
		name     string
		old, new string // the element's start tag, and with its attribute
		xsi      bool   // the root declares the xsi prefix
		path     string // of the one issue; "" when the file is valid
	}{
		{"unknown on the Header", "<Header>", `<Header foo="bar">`, false, "/AuditFile/Header"},
		{"unknown on the root", root, root[:len(root)-1] + ` version="1.04_01">`, false, "/AuditFile"},
		{"unknown on a record", "<Invoice>", `<Invoice id="1">`, false, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[1]"},
		{"unknown on a line", "<Line>", `<Line n="1">`, false, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/Line[1]"},
		{"unknown on a leaf", "<CompanyID>", `<CompanyID x="">`, false, "/AuditFile/Header/CompanyID"},
		{"unknown on a section", "<SalesInvoices>", `<SalesInvoices x="">`, false, "/AuditFile/SourceDocuments/SalesInvoices"},
		{"unknown on a journal", "<Journal>", `<Journal x="">`, false, "/AuditFile/GeneralLedgerEntries/Journal[1]"},
		{"unknown on a transaction", "<Transaction>", `<Transaction x="">`, false, "/AuditFile/GeneralLedgerEntries/Journal[1]/Transaction[1]"},
		{"xml:lang", "<CompanyName>", `<CompanyName xml:lang="pt">`, false, "/AuditFile/Header/CompanyName"},
		{"other namespace", "<Header>", `<Header xmlns:p="urn:p" p:x="1">`, false, "/AuditFile/Header"},
		{"xsi:nil on a leaf", "<CompanyID>", `<CompanyID xsi:nil="true">`, true, "/AuditFile/Header/CompanyID"},
		{"xsi:nil false on a structure", "<Header>", `<Header xsi:nil="false">`, true, "/AuditFile/Header"},
		{"xsi:type", "<MasterFiles>", `<MasterFiles xsi:type="MasterFiles">`, true, "/AuditFile/MasterFiles"},
		{"namespace declarations", "<Header>", `<Header xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01" xmlns:p="urn:p">`, false, ""},
		{"schemaLocation", "<Header>", `<Header xsi:schemaLocation="urn:OECD:StandardAuditFile-Tax:PT_1.04_01 SAFTPT1.04_01.xsd">`, true, ""},
		{"noNamespaceSchemaLocation", "<Header>", `<Header xsi:noNamespaceSchemaLocation="x.xsd">`, true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := valid
			if c.xsi {
				in = strings.Replace(in, root, xsiRoot, 1)
			}
			in = strings.Replace(in, c.old, c.new, 1)
			require.Contains(t, in, c.new)
			_, err := saft.Decode(strings.NewReader(in))
			if c.path == "" {
				require.NoError(t, err)
			} else {
				var ie *saft.IssuesError
				require.ErrorAs(t, err, &ie)
				require.Len(t, ie.Issues, 1, "%v", ie.Issues)
				assert.Equal(t, saft.CodeReadAttribute, ie.Issues[0].Code)
				assert.Equal(t, c.path, ie.Issues[0].Path)
				assert.Equal(t, strings.Count(in[:strings.Index(in, c.new)], "\n")+1, ie.Issues[0].Line)
			}
			if _, ok := xmllint.Lookup(t); ok {
				err := xmllint.Validate(t, "testdata/SAFTPT1.04_01.xsd10.xsd", []byte(in))
				assert.Equal(t, c.path == "", err == nil, "%v", err)
			}
		})
	}
}
