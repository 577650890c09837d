package audit_test

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"io"
	mrand "math/rand/v2"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/saft/audit"
	"github.com/faturapt/faturapt/violation"
)

var testKey = sync.OnceValue(func() *certify.PrivateKey {
	k, err := certify.GenerateKey(rand.Reader)
	if err != nil {
		panic(err)
	}
	return k
})

func signer(t testing.TB) *certify.Signer {
	s, err := certify.NewSigner(testKey(), 1)
	require.NoError(t, err)
	return s
}

// base is a valid file made by our writer: every source-document section,
// invoices, movements and work documents signed and chained.
var base = sync.OnceValue(func() []byte {
	s, err := certify.NewSigner(testKey(), 1)
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := safttest.Write(&b, safttest.Options{Invoices: 6, StockMovements: 3, WorkDocuments: 3, Payments: 2, Signer: s}); err != nil {
		panic(err)
	}
	return b.Bytes()
})

func run(t *testing.T, data []byte, opts ...audit.Option) *audit.Report {
	t.Helper()
	r, err := audit.Run(bytes.NewReader(data), opts...)
	require.NoError(t, err)
	return r
}

func withKey() audit.Option { return audit.WithPublicKey(testKey().Public()) }

// mutate reads the base file into the model, changes it and writes it back
// with our writer (which recomputes the control totals).
func mutate(t *testing.T, change func(f *saft.AuditFile)) []byte {
	t.Helper()
	f, err := saft.Decode(bytes.NewReader(base()))
	require.NoError(t, err)
	change(f)
	var b bytes.Buffer
	require.NoError(t, saft.WriteAuditFile(&b, f, saft.WithoutValidation()))
	return b.Bytes()
}

// replace changes the first match of re in the base file's text.
func replace(t *testing.T, re, repl string) []byte {
	t.Helper()
	rx := regexp.MustCompile(re)
	loc := rx.FindIndex(base())
	require.NotNil(t, loc, "pattern %s", re)
	out := append([]byte(nil), base()[:loc[0]]...)
	out = append(out, rx.ReplaceAll(base()[loc[0]:loc[1]], []byte(repl))...)
	return append(out, base()[loc[1]:]...)
}

func d(s string) decimal.Decimal                       { return decimal.RequireFromString(s) }
func plus(v decimal.Decimal, s string) decimal.Decimal { return v.Add(d(s)) }

func inv(f *saft.AuditFile, n int) *saft.Invoice {
	return &f.SourceDocuments.SalesInvoices.Invoice[n-1]
}

// lineOf is the line of the n-th occurrence (from 1) of s in data.
func lineOf(data []byte, s string, n int) int {
	off := 0
	for range n {
		i := bytes.Index(data[off:], []byte(s))
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// lineAfter is the line of the n-th (from 1) occurrence of tag after the
// first occurrence of anchor.
func lineAfter(data []byte, anchor, tag string, n int) int {
	off := bytes.Index(data, []byte(anchor))
	if off < 0 {
		return -1
	}
	for range n {
		i := bytes.Index(data[off:], []byte(tag))
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

func inFT2(tag string, n int) func([]byte) int {
	return func(data []byte) int { return lineAfter(data, "<InvoiceNo>FT A/2</InvoiceNo>", tag, n) }
}

func TestValidFileHasNoFindings(t *testing.T) {
	for _, opts := range [][]audit.Option{nil, {withKey()}} {
		r := run(t, base(), opts...)
		require.Empty(t, r.Findings)
		assert.False(t, r.HasErrors())
		assert.True(t, r.Complete)
		assert.Equal(t, "509999999", r.TaxRegistration)
		assert.Equal(t, int64(len(base())), r.Bytes)
		if len(opts) > 0 {
			assert.True(t, r.SignaturesVerified)
			assert.Equal(t, 12, r.SignaturesChecked)
		}
		names := []string{}
		for _, s := range r.Sections {
			names = append(names, s.Name)
		}
		assert.Equal(t, []string{"Header", "MasterFiles", "SalesInvoices", "MovementOfGoods", "WorkingDocuments", "Payments"}, names)
	}
}

// findingCase breaks the base file so that it has the finding Code about
// Record at the line of Record's start tag.
type findingCase struct {
	code   violation.Code
	data   func(t *testing.T) []byte
	record string                // the finding's record ("" to skip the check)
	key    bool                  // audit with the public key
	opts   func() []audit.Option // other options
	// line, when set, gives the finding's expected line; otherwise it is
	// the line of the record's start tag, when the record is unambiguous.
	line   func(data []byte) int
	noLine bool
}

func findingCases() []findingCase {
	return []findingCase{
		{code: audit.CodeTotalsEntries, data: func(t *testing.T) []byte {
			return replace(t, `<NumberOfEntries>6</NumberOfEntries>`, `<NumberOfEntries>7</NumberOfEntries>`)
		}, record: "SalesInvoices"},
		{code: audit.CodeTotalsDebit, data: func(t *testing.T) []byte {
			return replace(t, `<TotalDebit>0.00</TotalDebit>`, `<TotalDebit>1.00</TotalDebit>`)
		}, record: "SalesInvoices"},
		{code: audit.CodeTotalsCredit, data: func(t *testing.T) []byte {
			return replace(t, `<TotalCredit>[0-9.]+</TotalCredit>`, `<TotalCredit>1.00</TotalCredit>`)
		}, record: "SalesInvoices"},
		{code: audit.CodeTotalsLines, data: func(t *testing.T) []byte {
			return replace(t, `<NumberOfMovementLines>3</NumberOfMovementLines>`, `<NumberOfMovementLines>4</NumberOfMovementLines>`)
		}, record: "MovementOfGoods"},
		{code: audit.CodeTotalsQuantity, data: func(t *testing.T) []byte {
			return replace(t, `<TotalQuantityIssued>[0-9.]+</TotalQuantityIssued>`, `<TotalQuantityIssued>7</TotalQuantityIssued>`)
		}, record: "MovementOfGoods"},
		{code: audit.CodeSeriesGap, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 6).InvoiceNo, inv(f, 6).ATCUD = "FT A/8", "CSDF7T5H-8" })
		}, record: "FT A/8"},
		{code: audit.CodeSeriesOrder, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 3).InvoiceNo, inv(f, 3).ATCUD = "FT A/1", "CSDF7T5H-1" })
		}, record: "FT A/1", noLine: true},
		{code: audit.CodeSeriesDate, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 6).InvoiceDate = civil.Date{Year: 2026, Month: time.January, Day: 2} })
		}, record: "FT A/6"},
		{code: audit.CodeSeriesEntryDate, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) {
				inv(f, 6).SystemEntryDate = civil.DateTime{Date: civil.Date{Year: 2026, Month: time.January, Day: 2}, Hour: 8, Minute: 0, Second: 0}
			})
		}, record: "FT A/6"},
		{code: audit.CodeSeriesNumber, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 6).InvoiceNo = "FTA6" })
		}, record: "FTA6"},
		{code: audit.CodeATCUDFormat, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 4).ATCUD = "CSDF7T5H4" })
		}, record: "FT A/4"},
		{code: audit.CodeATCUDNumber, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 4).ATCUD = "CSDF7T5H-5" })
		}, record: "FT A/4"},
		{code: audit.CodeATCUDCode, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 4).ATCUD = "ABCDEFGH-4" })
		}, record: "FT A/4"},
		{code: audit.CodeATCUDMissing, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 4).ATCUD = "0" })
		}, record: "FT A/4"},
		{code: audit.CodeLineAmount, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 2).Line[1].UnitPrice = plus(inv(f, 2).Line[1].UnitPrice, "0.05") })
		}, record: "FT A/2", line: inFT2("<Line>", 2)},
		{code: audit.CodeDocNetTotal, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) {
				tt := &inv(f, 2).DocumentTotals
				tt.NetTotal, tt.GrossTotal = plus(tt.NetTotal, "1"), plus(tt.GrossTotal, "1")
			})
		}, record: "FT A/2", line: inFT2("<DocumentTotals>", 1)},
		{code: audit.CodeDocTaxPayable, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) {
				tt := &inv(f, 2).DocumentTotals
				tt.TaxPayable, tt.GrossTotal = plus(tt.TaxPayable, "0.03"), plus(tt.GrossTotal, "0.03")
			})
		}, record: "FT A/2", line: inFT2("<DocumentTotals>", 1)},
		{code: audit.CodeDocGrossTotal, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { tt := &inv(f, 2).DocumentTotals; tt.GrossTotal = plus(tt.GrossTotal, "0.01") })
		}, record: "FT A/2", line: inFT2("<DocumentTotals>", 1)},
		{code: audit.CodeSigBad, key: true, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 3).SystemEntryDate.Second++ })
		}, record: "FT A/3"},
		{code: audit.CodeSigMalformed, key: true, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 3).Hash = strings.Repeat("A", 171) + "!" })
		}, record: "FT A/3"},
		{code: audit.CodeSigPrevious, key: true, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) {
				i := inv(f, 4)
				h, err := signer(t).SignDocument(certify.Document{
					Date:        civil.Date{Year: i.InvoiceDate.Year, Month: i.InvoiceDate.Month, Day: i.InvoiceDate.Day},
					SystemEntry: i.SystemEntryDate, Number: i.InvoiceNo, GrossTotal: i.DocumentTotals.GrossTotal}, "")
				require.NoError(t, err)
				i.Hash = h // signed as if it were the first of the series
			})
		}, record: "FT A/4"},
		{code: audit.CodeSigStart, key: true, data: func(t *testing.T) []byte {
			return mutate(t, dropFirstInvoice)
		}, record: "FT A/2"},
		{code: audit.CodeSigNoKey, data: keyChange, opts: func() []audit.Option {
			return []audit.Option{audit.WithPublicKeyVersion(1, testKey().Public())}
		}, record: "FT A/4"},
		{code: audit.CodeChainUnsigned, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 1).Hash, inv(f, 1).HashControl = "0", "0" })
		}, record: "FT A/1"},
		{code: audit.CodeChainKeyVersion, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 2).HashControl = "2" })
		}, record: "FT A/3"},
		{code: audit.CodeMalformed, data: func(t *testing.T) []byte {
			return base()[:len(base())*2/3]
		}},
		// The reader's codes.
		{code: saft.CodeReadUnexpected, data: func(t *testing.T) []byte {
			return replace(t, `<InvoiceNo>FT A/2</InvoiceNo>`, `<InvoiceNo>FT A/2</InvoiceNo><Bogus/>`)
		}, record: "FT A/2", line: func(data []byte) int { return lineOf(data, "<Bogus/>", 1) }},
		{code: saft.CodeReadOrder, data: func(t *testing.T) []byte {
			return replace(t, `<InvoiceNo>FT A/2</InvoiceNo>`, `<InvoiceNo>FT A/2</InvoiceNo><InvoiceNo>FT A/2</InvoiceNo>`)
		}, record: "FT A/2", line: func(data []byte) int { return lineOf(data, "<InvoiceNo>FT A/2</InvoiceNo>", 1) }},
		{code: saft.CodeReadValue, data: func(t *testing.T) []byte {
			return replace(t, `<GrossTotal>([0-9.]+)</GrossTotal>`, `<GrossTotal>$1 EUR</GrossTotal>`)
		}},
		// A few of the validator's codes, to show they come through with
		// the record and its line.
		{code: saft.CodeKeyrefCustomer, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 5).CustomerID = "NOBODY" })
		}, record: "FT A/5"},
		{code: saft.CodeUniqueInvoiceNo, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { inv(f, 5).InvoiceNo, inv(f, 5).ATCUD = "FT A/4", "CSDF7T5H-4" })
		}, record: "FT A/4", noLine: true},
		{code: saft.AssertionCode(5), data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) {
				// Invoice 2's third line is exempt (reason and code).
				inv(f, 2).Line[2].TaxExemptionCode = ""
			})
		}, record: "FT A/2", line: inFT2("<Line>", 3)},
		{code: saft.CodeFacetPattern, data: func(t *testing.T) []byte {
			return mutate(t, func(f *saft.AuditFile) { f.MasterFiles.Customer[3].BillingAddress.Country = "pt" })
		}, record: "Customer C3"},
	}
}

func TestFindingCodes(t *testing.T) {
	for _, c := range findingCases() {
		t.Run(string(c.code), func(t *testing.T) {
			data := c.data(t)
			var opts []audit.Option
			if c.key {
				opts = append(opts, withKey())
			}
			if c.opts != nil {
				opts = append(opts, c.opts()...)
			}
			r := run(t, data, opts...)
			var got *audit.Finding
			for i := range r.Findings {
				if r.Findings[i].Code == c.code && (c.record == "" || r.Findings[i].Record == c.record) {
					got = &r.Findings[i]
					break
				}
			}
			require.NotNil(t, got, "want %s about %q; got %v", c.code, c.record, r.Findings)
			if got.Severity == violation.SeverityError {
				assert.True(t, r.HasErrors())
			}
			assert.NotEmpty(t, got.Message)
			assert.NotEmpty(t, c.code.Description(), "code without description")
			assert.Positive(t, got.Line)
			switch {
			case c.line != nil:
				assert.Equal(t, c.line(data), got.Line, "line")
			case c.noLine:
			case strings.HasPrefix(c.record, "FT A/") && !strings.HasPrefix(string(c.code), "AUDIT-TOTALS"):
				// The line is the document's start tag.
				no := bytes.Index(data, []byte("<InvoiceNo>"+c.record+"</InvoiceNo>"))
				require.Positive(t, no)
				start := bytes.LastIndex(data[:no], []byte("<Invoice>"))
				assert.Equal(t, bytes.Count(data[:start], []byte("\n"))+1, got.Line, "line")
			case c.record == "SalesInvoices":
				assert.Equal(t, lineOf(data, "<SalesInvoices>", 1), got.Line)
			}
		})
	}
}

// TestEveryAuditCodeTested: each of the audit's codes has a case above.
func TestEveryAuditCodeTested(t *testing.T) {
	tested := map[violation.Code]bool{}
	for _, c := range findingCases() {
		tested[c.code] = true
	}
	for _, code := range audit.Codes.Values() {
		assert.True(t, tested[code], "no test for %s", code)
	}
	assert.True(t, tested[audit.CodeMalformed])
}

func TestSeverities(t *testing.T) {
	r := run(t, mutate(t, func(f *saft.AuditFile) { inv(f, 4).ATCUD = "0" }))
	require.Len(t, r.Findings, 1)
	assert.Equal(t, violation.SeverityWarning, r.Findings[0].Severity)
	assert.False(t, r.HasErrors())
	assert.Equal(t, 1, r.Warnings)
}

func TestValidatorWarnings(t *testing.T) {
	// The validator's warnings stay warnings (a repeated line number), its
	// errors errors (an accounting file's TaxEntity).
	r := run(t, mutate(t, func(f *saft.AuditFile) {
		f.Header.TaxAccountingBasis = saft.TaxAccountingBasisAccounting
		inv(f, 2).Line[1].LineNumber = inv(f, 2).Line[0].LineNumber
	}))
	for _, f := range r.Findings {
		assert.Equal(t, f.Code == saft.CodeRuleLineNumber, f.Severity == violation.SeverityWarning, "%v", f)
	}
	assert.Positive(t, r.Warnings)
	assert.True(t, r.HasErrors())
}

func TestNotSAFT(t *testing.T) {
	r := run(t, []byte(`<?xml version="1.0"?><Invoice/>`))
	assert.False(t, r.Complete)
	require.Len(t, r.Findings, 1)
	assert.Equal(t, audit.CodeMalformed, r.Findings[0].Code)
	assert.Contains(t, r.Findings[0].Message, "not a SAF-T")
	assert.True(t, r.HasErrors())
	// A finding about the whole file has no line: the text report shows
	// "-", not a line 0.
	var text bytes.Buffer
	require.NoError(t, r.WriteText(&text, "x.xml"))
	assert.Regexp(t, `(?m)^-\s+error\s+AUDIT-MALFORMED`, text.String())
}

func TestReports(t *testing.T) {
	data := mutate(t, func(f *saft.AuditFile) {
		tt := &inv(f, 2).DocumentTotals
		tt.GrossTotal = plus(tt.GrossTotal, "0.01")
		inv(f, 4).ATCUD = "0"
	})
	r := run(t, data, withKey())
	var text bytes.Buffer
	require.NoError(t, r.WriteText(&text, "file.xml"))
	out := text.String()
	assert.Contains(t, out, "SAF-T (PT) audit of file.xml")
	assert.Contains(t, out, "AUDIT-DOC-GROSSTOTAL")
	assert.Contains(t, out, "AUDIT-SIG-BAD") // GrossTotal is signed
	assert.Contains(t, out, "SalesInvoices     6")
	assert.Contains(t, out, "Result: FAIL")

	var js bytes.Buffer
	require.NoError(t, r.WriteJSON(&js))
	var back audit.Report
	require.NoError(t, json.Unmarshal(js.Bytes(), &back))
	assert.Equal(t, r.Findings, back.Findings)
	assert.Equal(t, r.Sections, back.Sections)
}

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, safttest.Write(&b, safttest.Options{Invoices: 5000}))
	var calls []int64
	r, err := audit.Run(bytes.NewReader(b.Bytes()), audit.WithProgress(func(n int64) { calls = append(calls, n) }))
	require.NoError(t, err)
	assert.Empty(t, r.Findings)
	require.NotEmpty(t, calls)
	assert.IsIncreasing(t, calls)
}

// TestAuditMutations: the audit never panics on damaged files, and always
// reports something for a file it cannot fully read.
func TestAuditMutations(t *testing.T) {
	rng := mrand.New(mrand.NewPCG(3, 4))
	for range 300 {
		in := append([]byte(nil), base()...)
		for range 1 + rng.IntN(4) {
			in[rng.IntN(len(in))] = byte(rng.IntN(256))
		}
		r := run(t, in, withKey())
		if !r.Complete {
			require.NotEmpty(t, r.Findings)
			assert.True(t, r.HasErrors())
		}
	}
}

func TestBadKey(t *testing.T) {
	_, err := audit.Run(bytes.NewReader(base()), audit.WithPublicKey(&rsa.PublicKey{}))
	require.ErrorIs(t, err, audit.ErrKey)
}

// TestWriterGoldenFiles audits the files the saft writer's tests produce
// (every section and document type): the reader reads them without issue
// and the audit's own checks (totals, series, ATCUD, arithmetic, chain)
// find nothing. The validator's findings are its own tests' business.
func TestWriterGoldenFiles(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*.xml")
	if len(files) == 0 {
		t.Skip("no golden files in saft/testdata")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			r, err := audit.File(path)
			require.NoError(t, err)
			assert.True(t, r.Complete)
			for _, f := range r.Findings {
				assert.False(t, strings.HasPrefix(string(f.Code), "AUDIT-") || strings.HasPrefix(string(f.Code), "SAFT-READ-"), "%v", f)
			}
		})
	}
}

// dropFirstInvoice makes the file hold series FT A from its second document,
// as a monthly file holds a series begun in an earlier month.
func dropFirstInvoice(f *saft.AuditFile) {
	si := f.SourceDocuments.SalesInvoices
	si.Invoice = si.Invoice[1:]
}

// A series continued from an earlier file: its first document here is
// verified once the hash before it is given, and a wrong one is an error.
func TestPreviousHashes(t *testing.T) {
	f, err := saft.Decode(bytes.NewReader(base()))
	require.NoError(t, err)
	firstHash := inv(f, 1).Hash
	data := mutate(t, dropFirstInvoice)
	sigFindings := func(r *audit.Report) (codes []string) {
		for _, fd := range r.Findings {
			if strings.HasPrefix(string(fd.Code), "AUDIT-SIG") {
				codes = append(codes, string(fd.Code)+" "+fd.Record)
			}
		}
		return codes
	}

	r := run(t, data, withKey(), audit.WithPreviousHashes(map[string]string{"FT A": firstHash}))
	assert.Empty(t, sigFindings(r))
	assert.False(t, r.HasErrors(), "%v", r.Findings)

	r = run(t, data, withKey(), audit.WithPreviousHashes(map[string]string{"FT A": inv(f, 2).Hash}))
	// Signed over another hash than the one given: the signature fails.
	assert.Equal(t, []string{string(audit.CodeSigBad) + " FT A/2"}, sigFindings(r))
	assert.True(t, r.HasErrors())

	r = run(t, data, withKey())
	assert.Equal(t, []string{string(audit.CodeSigStart) + " FT A/2"}, sigFindings(r))
	assert.False(t, r.HasErrors(), "without the hash it is a warning, not an error: %v", r.Findings)
}

// A document integrated from another program (SourceBilling I) carries that
// program's signature: it is not verified with the producer's key.
func TestIntegratedDocumentsNotVerified(t *testing.T) {
	data := mutate(t, func(f *saft.AuditFile) {
		for i := range f.SourceDocuments.SalesInvoices.Invoice {
			in := &f.SourceDocuments.SalesInvoices.Invoice[i]
			in.DocumentStatus.SourceBilling = saft.SourceBillingIntegrated
			in.Hash = strings.Repeat("Q", 172) // the other program's signature
		}
	})
	r := run(t, data, withKey())
	for _, f := range r.Findings {
		assert.NotEqual(t, audit.CodeSigBad, f.Code, "%v", f)
	}
	// The same file read as produced by this program fails.
	bad := mutate(t, func(f *saft.AuditFile) { inv(f, 1).Hash = strings.Repeat("Q", 172) })
	assert.True(t, run(t, bad, withKey()).HasErrors())
}

var secondKey = sync.OnceValue(func() *certify.PrivateKey {
	k, err := certify.GenerateKey(rand.Reader)
	if err != nil {
		panic(err)
	}
	return k
})

// keyChange is the base file whose series FT A changes to the producer's
// second key at FT A/4: FT A/4 to FT A/6 are signed with it (HashControl
// "2"), the chain going on across the change.
func keyChange(t *testing.T) []byte {
	s2, err := certify.NewSigner(secondKey(), 2)
	require.NoError(t, err)
	return mutate(t, func(f *saft.AuditFile) {
		for n := 4; n <= 6; n++ {
			i := inv(f, n)
			h, err := s2.SignDocument(certify.Document{
				Date:        civil.Date{Year: i.InvoiceDate.Year, Month: i.InvoiceDate.Month, Day: i.InvoiceDate.Day},
				SystemEntry: i.SystemEntryDate, Number: i.InvoiceNo, GrossTotal: i.DocumentTotals.GrossTotal}, inv(f, n-1).Hash)
			require.NoError(t, err)
			i.Hash, i.HashControl = h, "2"
		}
	})
}

func TestKeyVersions(t *testing.T) {
	data := keyChange(t)
	sigs := func(r *audit.Report) (codes []string) {
		for _, f := range r.Findings {
			if strings.HasPrefix(string(f.Code), "AUDIT-SIG") {
				codes = append(codes, string(f.Code)+" "+f.Record)
			}
		}
		return codes
	}
	both := run(t, data, audit.WithPublicKeyVersion(1, testKey().Public()), audit.WithPublicKeyVersion(2, secondKey().Public()))
	assert.Empty(t, sigs(both), "each document verified with its version's key")
	assert.False(t, both.HasErrors(), "%v", both.Findings)

	// A key for version 2 only, the default for the rest.
	mixed := run(t, data, withKey(), audit.WithPublicKeyVersion(2, secondKey().Public()))
	assert.Empty(t, sigs(mixed))
	assert.Equal(t, both.SignaturesChecked, mixed.SignaturesChecked)

	// One key for every version: the second key's documents fail.
	one := run(t, data, withKey())
	assert.Equal(t, []string{"AUDIT-SIG-BAD FT A/4", "AUDIT-SIG-BAD FT A/5", "AUDIT-SIG-BAD FT A/6"}, sigs(one))

	// No key for version 2: not verified, said once.
	partial := run(t, data, audit.WithPublicKeyVersion(1, testKey().Public()))
	assert.Equal(t, []string{string(audit.CodeSigNoKey) + " FT A/4"}, sigs(partial))
	assert.False(t, partial.HasErrors())
	assert.Equal(t, both.SignaturesChecked-3, partial.SignaturesChecked)
}

// Files as other programs write them: the same content in the forms XML
// allows (UTF-8 with a byte-order mark, CRLF, schema-location attributes, a
// namespace prefix, comments, standalone) audits the same.
func TestFileVariants(t *testing.T) {
	base := base()
	utf8Body, err := charmap.Windows1252.NewDecoder().Bytes(base)
	require.NoError(t, err)
	utf8Body = bytes.Replace(utf8Body, []byte(`encoding="Windows-1252"`), []byte(`encoding="UTF-8"`), 1)
	root := []byte(`<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">`)
	require.True(t, bytes.Contains(base, root))
	prefixed := bytes.Replace(base, root, []byte(`<AuditFile xmlns:n1="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">`), 1)
	prefixed = regexp.MustCompile(`<([A-Za-z])`).ReplaceAll(bytes.ReplaceAll(prefixed, []byte("</"), []byte("</n1:")), []byte("<n1:$1"))
	variants := map[string][]byte{
		"utf-8 with BOM": append([]byte("\xef\xbb\xbf"), utf8Body...),
		"CRLF":           bytes.ReplaceAll(base, []byte("\n"), []byte("\r\n")),
		"schemaLocation": bytes.Replace(base, root, []byte(`<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01" `+
			`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:OECD:StandardAuditFile-Tax:PT_1.04_01 SAFTPT1.04_01.xsd">`), 1),
		"prefix":     prefixed,
		"comment":    bytes.Replace(base, []byte("<Header>"), []byte("<!-- exported by another program --><Header>"), 1),
		"standalone": bytes.Replace(base, []byte(`encoding="Windows-1252"?>`), []byte(`encoding="windows-1252" standalone="yes"?>`), 1),
		// Forms seen in real exports (Primavera; the AT's demonstration
		// file): the default namespace declared again on inner elements, a
		// comment inside a document, line numbers that do not start at 1.
		"namespace redeclared": bytes.ReplaceAll(bytes.ReplaceAll(base, []byte("<SpecialRegimes>"), []byte(`<SpecialRegimes xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">`)),
			[]byte("<Tax>"), []byte(`<Tax xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">`)),
		"comment in a record": bytes.ReplaceAll(base, []byte("</InvoiceNo>"), []byte("</InvoiceNo>\n<!--Documento anulado por erro-->")),
		"line numbers with gaps": regexp.MustCompile(`<LineNumber>(\d+)</LineNumber>`).ReplaceAllFunc(base, func(m []byte) []byte {
			n, _ := strconv.Atoi(string(m[len("<LineNumber>") : len(m)-len("</LineNumber>")]))
			return []byte("<LineNumber>" + strconv.Itoa(2*n) + "</LineNumber>") // 2, 4, 6: as a Primavera export
		}),
	}
	want := run(t, base, withKey())
	require.Empty(t, want.Findings)
	for name, data := range variants {
		t.Run(name, func(t *testing.T) {
			r := run(t, data, withKey())
			assert.Empty(t, r.Findings)
			assert.True(t, r.Complete)
			assert.Equal(t, want.SignaturesChecked, r.SignaturesChecked)
			assert.Equal(t, want.Sections, r.Sections)
		})
	}
}

// TestEmptyValues: other programs write a value they do not have as an
// empty element (a Primavera export: <TaxPercentage></TaxPercentage>,
// <EACCode></EACCode>). xmllint reports each once (not a valid value of
// SAFdecimalType; length 0 differs from 5); so does the audit, at the
// element's line, and not again as a missing xs:choice branch.
func TestEmptyValues(t *testing.T) {
	data := replace(t, `<TaxPercentage>13</TaxPercentage>`, `<TaxPercentage></TaxPercentage>`)
	data = bytes.Replace(data, []byte("<SystemEntryDate>"), []byte("<EACCode></EACCode><SystemEntryDate>"), 1)
	r := run(t, data)
	var got []string
	for _, f := range r.Findings {
		got = append(got, string(f.Code)+" "+f.Path)
	}
	assert.ElementsMatch(t, []string{
		string(saft.CodeReadValue) + " /AuditFile/MasterFiles/TaxTable/TaxTableEntry[2]/TaxPercentage",
		string(saft.CodeReadValue) + " /AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/EACCode",
	}, got)
	for _, f := range r.Findings {
		switch {
		case strings.HasSuffix(f.Path, "/TaxPercentage"):
			assert.Equal(t, lineOf(data, "<TaxPercentage></TaxPercentage>", 1), f.Line)
			assert.Equal(t, `TaxPercentage "" is not a decimal number (xs:decimal)`, f.Message)
		default:
			assert.Equal(t, lineOf(data, "<EACCode></EACCode>", 1), f.Line)
			assert.Contains(t, f.Message, "EACCode is empty")
		}
	}
}

// TestTaxTableFindingLines: a finding about one tax table entry is at
// that entry's line (as for any record: the innermost structure element)
// and names it, not the table's first line.
func TestTaxTableFindingLines(t *testing.T) {
	data := replace(t, `<TaxPercentage>13</TaxPercentage>`, `<TaxPercentage>13</TaxPercentage><TaxAmount>1.00</TaxAmount>`)
	r := run(t, data)
	require.NotEmpty(t, r.Findings)
	f := r.Findings[0]
	assert.Equal(t, "/AuditFile/MasterFiles/TaxTable/TaxTableEntry[2]/TaxAmount", f.Path, "%v", r.Findings)
	assert.Equal(t, lineOf(data, "<TaxTableEntry>", 2), f.Line)
	assert.True(t, strings.HasPrefix(f.Record, "TaxTableEntry IVA/PT/"), f.Record)
}

// TestEncodingNameWithSpace: a real export declares encoding="UTF-8 ";
// xmllint refuses it (an EncName has no spaces, XML 1.0 4.3.3), and so
// does the audit, saying why, and its text report does not print an
// empty encoding.
func TestEncodingNameWithSpace(t *testing.T) {
	data := bytes.Replace(base(), []byte(`encoding="Windows-1252"`), []byte(`encoding="Windows-1252 "`), 1)
	r := run(t, data)
	assert.False(t, r.Complete)
	require.Len(t, r.Findings, 1)
	assert.Equal(t, audit.CodeMalformed, r.Findings[0].Code)
	assert.Equal(t, 1, r.Findings[0].Line)
	assert.Contains(t, r.Findings[0].Message, `encoding name "Windows-1252 " has surrounding spaces`)
	var text bytes.Buffer
	require.NoError(t, r.WriteText(&text, "file.xml"))
	assert.Regexp(t, `Read \d+ bytes, audit stopped at a fatal error`, text.String())
}

// An input that cannot be read could not be audited: an error, no report,
// not a finding about the file.
func TestUnreadableInput(t *testing.T) {
	_, err := audit.File(t.TempDir())
	require.ErrorIs(t, err, audit.ErrRead)
	_, err = audit.File(filepath.Join(t.TempDir(), "missing.xml"))
	require.ErrorIs(t, err, audit.ErrRead)
	broken := errors.New("disk failure")
	r, err := audit.Run(io.MultiReader(bytes.NewReader(base()[:5000]), iotest.ErrReader(broken)), withKey())
	require.ErrorIs(t, err, audit.ErrRead)
	require.ErrorIs(t, err, broken)
	assert.Nil(t, r)
}
