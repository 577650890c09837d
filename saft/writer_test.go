package saft

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/golden"
	"github.com/faturapt/faturapt/internal/xmllint"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

var fxGoldens = []struct {
	name string
	file func() *AuditFile
}{
	{"golden_full.xml", fxFullFile},
	{"golden_invoicing_F.xml", fxInvoicingFile},
	{"golden_accounting_C.xml", fxAccountingFile},
}

func fxWrite(t testing.TB, f *AuditFile, opts ...Option) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteAuditFile(&buf, f, append([]Option{WithoutValidation()}, opts...)...))
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, g := range fxGoldens {
		t.Run(g.name, func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", g.name), fxWrite(t, g.file()))
		})
	}
}

// TestGoldenSchema validates every golden file with xmllint against the
// XSD 1.0 form of the official schema.
func TestGoldenSchema(t *testing.T) {
	for _, g := range fxGoldens {
		t.Run(g.name, func(t *testing.T) {
			require.NoError(t, xmllint.ValidateFile(t, schema, filepath.Join("testdata", g.name)))
		})
	}
}

func TestGoldenCoversEveryDocumentType(t *testing.T) {
	data, err := os.ReadFile("testdata/golden_full.xml")
	require.NoError(t, err)
	for _, typ := range series.DocumentType("").Values() {
		var tag string
		switch typ.Class() {
		case series.DocumentClassSI:
			tag = "InvoiceType"
		case series.DocumentClassMG:
			tag = "MovementType"
		case series.DocumentClassWD:
			tag = "WorkType"
		case series.DocumentClassPY:
			tag = "PaymentType"
		}
		assert.Contains(t, string(data), "<"+tag+">"+string(typ)+"</"+tag+">", typ)
	}
}

// decode reads a Windows-1252 SAF-T file with encoding/xml.
func fxDecode(t testing.TB, data []byte) *AuditFile {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		require.Equal(t, "windows-1252", strings.ToLower(label))
		return charmap.Windows1252.NewDecoder().Reader(r), nil
	}
	var f AuditFile
	require.NoError(t, d.Decode(&f))
	return &f
}

func TestRoundTrip(t *testing.T) {
	for _, g := range fxGoldens {
		t.Run(g.name, func(t *testing.T) {
			want := g.file()
			got := fxDecode(t, fxWrite(t, want))
			got.XMLName = want.XMLName
			if diff := fxModelDiff(reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem(), "AuditFile"); diff != "" {
				t.Fatal(diff)
			}
			// And writing the decoded model gives the same bytes.
			assert.Equal(t, string(fxWrite(t, want)), string(fxWrite(t, got)))
		})
	}
}

var fxDecimalType = reflect.TypeOf(decimal.Decimal{})

// fxModelDiff compares two model values field by field, decimals by value
// (10.5 equals 10.50), and returns the first difference's path.
func fxModelDiff(a, b reflect.Value, path string) string {
	if a.Type() == fxDecimalType {
		da, db := a.Interface().(decimal.Decimal), b.Interface().(decimal.Decimal)
		if !da.Equal(db) {
			return path + ": " + da.String() + " != " + db.String()
		}
		return ""
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": nil mismatch"
			}
			return ""
		}
		return fxModelDiff(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if d := fxModelDiff(a.Field(i), b.Field(i), path+"/"+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice:
		if a.Len() != b.Len() {
			return path + ": length " + strconv.Itoa(a.Len()) + " != " + strconv.Itoa(b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if d := fxModelDiff(a.Index(i), b.Index(i), path+"["+strconv.Itoa(i+1)+"]"); d != "" {
				return d
			}
		}
		return ""
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return path + ": " + reflect.ValueOf(a.Interface()).String() + " != " + reflect.ValueOf(b.Interface()).String()
		}
		return ""
	}
}

func TestControlTotals(t *testing.T) {
	f := fxFullFile()
	got := fxDecode(t, fxWrite(t, f))
	si := got.SourceDocuments.SalesInvoices
	// 9 invoices; FT A/2 (A) and FT A/4 (F) are left out of the sums (4.1.2, 4.1.3).
	assert.Equal(t, 9, si.NumberOfEntries)
	var debit, credit decimal.Decimal
	for _, inv := range f.SourceDocuments.SalesInvoices.Invoice {
		if s := inv.DocumentStatus.InvoiceStatus; s == InvoiceStatusCancelled || s == InvoiceStatusBilled {
			continue
		}
		for _, l := range inv.Line {
			if l.DebitAmount != nil {
				debit = debit.Add(*l.DebitAmount)
			}
			if l.CreditAmount != nil {
				credit = credit.Add(*l.CreditAmount)
			}
		}
	}
	assert.Equal(t, "100.00", debit.StringFixed(2))
	assert.True(t, si.TotalDebit.Equal(debit), "%s", si.TotalDebit)
	assert.True(t, si.TotalCredit.Equal(credit), "%s", si.TotalCredit)
	assert.Equal(t, "670.50", si.TotalCredit.StringFixed(2))

	mg := got.SourceDocuments.MovementOfGoods
	assert.Equal(t, 6, mg.NumberOfMovementLines, "4.2.1 counts the lines of cancelled documents")
	assert.Equal(t, "42.5", mg.TotalQuantityIssued.String(), "4.2.2 leaves out the 5 of GR A/2 (A)")

	wd := got.SourceDocuments.WorkingDocuments
	assert.Equal(t, 13, wd.NumberOfEntries)
	assert.Equal(t, "30.00", wd.TotalDebit.StringFixed(2), "the CC's debit line")
	assert.Equal(t, "330.00", wd.TotalCredit.StringFixed(2), "11 credit documents of 30; OR A/1 (A) left out (4.3.3)")

	py := got.SourceDocuments.Payments
	assert.Equal(t, 3, py.NumberOfEntries)
	assert.Equal(t, "0.01", py.TotalDebit.StringFixed(2), "RG A/2 (A) left out (4.4.2)")
	assert.Equal(t, "530.50", py.TotalCredit.StringFixed(2))

	gl := got.GeneralLedgerEntries
	assert.Equal(t, 3, gl.NumberOfEntries)
	assert.Equal(t, "492.01", gl.TotalDebit.StringFixed(2))
	assert.Equal(t, "492.01", gl.TotalCredit.StringFixed(2))
}

func TestControlTotalsIgnoreCaller(t *testing.T) {
	f := fxInvoicingFile()
	f.SourceDocuments.SalesInvoices.NumberOfEntries = 1
	f.SourceDocuments.SalesInvoices.TotalCredit = fxDec("1")
	got := fxDecode(t, fxWrite(t, f))
	assert.Equal(t, 9, got.SourceDocuments.SalesInvoices.NumberOfEntries)
	assert.Equal(t, "670.50", got.SourceDocuments.SalesInvoices.TotalCredit.StringFixed(2))
}

func TestFormats(t *testing.T) {
	data := string(fxWrite(t, fxFullFile()))
	assert.True(t, strings.HasPrefix(data, `<?xml version="1.0" encoding="Windows-1252"?>`+"\n"+`<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">`))
	assert.Contains(t, data, "<UnitPrice>100.00</UnitPrice>")
	assert.Contains(t, data, "<UnitPrice>7.50</UnitPrice>")
	assert.Contains(t, data, "<Quantity>3.5</Quantity>")
	assert.Contains(t, data, "<TaxPercentage>23</TaxPercentage>")
	assert.Contains(t, data, "<ExchangeRate>1.0925</ExchangeRate>")
	assert.Contains(t, data, "<GrossTotal>391.50</GrossTotal>")
	assert.Contains(t, data, "<SelfBillingIndicator>1</SelfBillingIndicator>")
	assert.Contains(t, data, "<CompanyName>Hotel \xc7 &amp; Filhos &lt;Lda&gt;</CompanyName>")
	// CR kept as a reference, € and — in Windows-1252 (0x80, 0x97), Ł and ź as references.
	assert.Contains(t, data, "<HeaderComment>Ficheiro de teste: todas as sec\xe7\xf5es&#13;\n\x80 \x97 &#321;\xf3d&#378;</HeaderComment>")
}

func TestEscapeCharacters(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain", "plain"},
		{"a<b>c&d", "a&lt;b&gt;c&amp;d"},
		{"quote \" '", "quote \" '"},
		{"tab\tnl\ncr\r", "tab\tnl\ncr&#13;"},
		{"ção", "\xe7\xe3o"},
		{"€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", "\x80\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8e\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9e\x9f"},
		{"\u0081\u009d", "&#129;&#157;"},
		{"日本", "&#26085;&#26412;"},
		{"😀", "&#128512;"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		x := &xmlWriter{w: bufio.NewWriter(&buf)}
		x.escape("F", tt.in)
		require.NoError(t, x.err)
		x.w.Flush()
		assert.Equal(t, tt.want, buf.String(), tt.in)
		// Whatever we write decodes back to the input.
		doc := `<?xml version="1.0" encoding="Windows-1252"?><a>` + buf.String() + `</a>`
		var s string
		d := xml.NewDecoder(strings.NewReader(doc))
		d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return charmap.Windows1252.NewDecoder().Reader(r), nil }
		require.NoError(t, d.Decode(&s))
		assert.Equal(t, tt.in, s)
	}
}

func TestInvalidCharacters(t *testing.T) {
	for _, bad := range []string{"bell\a", "nul\x00", "esc\x1b", "bad utf8 \xff", "\uFFFE", "\uFFFF"} {
		f := fxInvoicingFile()
		f.SourceDocuments.SalesInvoices.Invoice[2].Line[0].Description = bad
		err := WriteAuditFile(io.Discard, f, WithoutValidation())
		require.ErrorIs(t, err, ErrInvalidChar, "%q", bad)
		var we *WriteError
		require.ErrorAs(t, err, &we)
		assert.Equal(t, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[3]/Line[1]/Description", we.Path)
	}
}

func TestTotalScale(t *testing.T) {
	f := fxInvoicingFile()
	f.SourceDocuments.SalesInvoices.Invoice[1].DocumentTotals.GrossTotal = fxDec("127.205")
	err := WriteAuditFile(io.Discard, f, WithoutValidation())
	require.ErrorIs(t, err, ErrScale)
	assert.Contains(t, err.Error(), "/AuditFile/SourceDocuments/SalesInvoices/Invoice[2]/DocumentTotals/GrossTotal")
	assert.Contains(t, err.Error(), "127.205")
}

func TestInvalidDate(t *testing.T) {
	f := fxInvoicingFile()
	f.SourceDocuments.Payments.Payment[0].TransactionDate = civil.Date{}
	err := WriteAuditFile(io.Discard, f, WithoutValidation())
	require.ErrorIs(t, err, ErrInvalidDate)
	assert.Contains(t, err.Error(), "Payment[1]/TransactionDate")
}

func TestSourceChanged(t *testing.T) {
	invs := fxInvoices()
	calls := 0
	c := fxInvoicingFile().Content()
	c.SalesInvoices = func(yield func(*Invoice, error) bool) {
		calls++
		n := len(invs)
		if calls == 2 {
			n-- // the second pass sees one document less
		}
		for i := range invs[:n] {
			if !yield(&invs[i], nil) {
				return
			}
		}
	}
	err := Write(io.Discard, c, WithoutValidation())
	require.ErrorIs(t, err, ErrSourceChanged)
	assert.Equal(t, 2, calls)
}

func TestIteratorError(t *testing.T) {
	boom := errors.New("database gone")
	c := fxInvoicingFile().Content()
	c.Payments = func(yield func(*Payment, error) bool) { yield(nil, boom) }
	var buf bytes.Buffer
	err := Write(&buf, c, WithoutValidation())
	require.ErrorIs(t, err, boom)
	assert.Contains(t, err.Error(), "Payments")
	assert.Zero(t, buf.Len(), "the first pass fails before anything is written")
}

// A producer may reuse one struct for every record.
func TestReusedRecord(t *testing.T) {
	invs := fxInvoices()
	reuse := func(yield func(*Invoice, error) bool) {
		var inv Invoice
		for i := range invs {
			inv = invs[i]
			if !yield(&inv, nil) {
				return
			}
		}
	}
	c := fxInvoicingFile().Content()
	want := new(bytes.Buffer)
	require.NoError(t, Write(want, c, WithoutValidation()))
	c.SalesInvoices = reuse
	got := new(bytes.Buffer)
	require.NoError(t, Write(got, c, WithoutValidation()))
	assert.Equal(t, want.String(), got.String())
}

func TestCompact(t *testing.T) {
	f := fxAccountingFile()
	compact := fxWrite(t, f, WithCompact())
	assert.Equal(t, 2, bytes.Count(compact, []byte("\n")), "declaration line, body line")
	assert.Less(t, len(compact), len(fxWrite(t, f)))
	got := fxDecode(t, compact)
	got.XMLName = f.XMLName
	assert.Empty(t, fxModelDiff(reflect.ValueOf(got).Elem(), reflect.ValueOf(f).Elem(), ""))
}

func TestEmptySections(t *testing.T) {
	c := Content{Header: fxInvoicingFile().Header,
		SalesInvoices: func(func(*Invoice, error) bool) {},
		Payments:      func(func(*Payment, error) bool) {},
	}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, c, WithoutValidation(), WithCompact()))
	s := buf.String()
	assert.Contains(t, s, "<MasterFiles></MasterFiles>")
	assert.Contains(t, s, "<SalesInvoices><NumberOfEntries>0</NumberOfEntries><TotalDebit>0.00</TotalDebit><TotalCredit>0.00</TotalCredit></SalesInvoices>")
	assert.NotContains(t, s, "MovementOfGoods")
	assert.NotContains(t, s, "GeneralLedgerEntries")
}

// Write validates by default: the golden fixtures pass validation and come
// out identical.
func TestGoldenFilesPassValidation(t *testing.T) {
	for _, g := range fxGoldens {
		t.Run(g.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteAuditFile(&buf, g.file()))
			want, err := os.ReadFile(filepath.Join("testdata", g.name))
			require.NoError(t, err)
			assert.True(t, bytes.Equal(want, buf.Bytes()))
		})
	}
}

func TestWriteRefusesInvalidFile(t *testing.T) {
	f := fxInvoicingFile()
	f.SourceDocuments.SalesInvoices.Invoice[1].CustomerID = "NO-SUCH-CUSTOMER"
	f.SourceDocuments.Payments.Payment[0].Line[0].Tax = nil // assertion 18: RC lines need Tax
	var buf bytes.Buffer
	err := WriteAuditFile(&buf, f)
	require.Error(t, err)
	var we *WriteError
	assert.False(t, errors.As(err, &we), "a validation error, not a write error: %v", err)
	var ve *violation.Error
	require.ErrorAs(t, err, &ve)
	assert.GreaterOrEqual(t, len(ve.Codes()), 2, "every violation at once: %v", err)
	assert.Contains(t, err.Error(), "Invoice[2]")
	assert.Zero(t, buf.Len(), "nothing written")

	// The caller may opt out explicitly.
	require.NoError(t, WriteAuditFile(&buf, f, WithoutValidation()))
	assert.Contains(t, buf.String(), "NO-SUCH-CUSTOMER")
}

// The model's xml tags alone (encoding/xml, UTF-8) also round-trip, and
// what encoding/xml writes is schema-valid.
func TestEncodingXMLMarshal(t *testing.T) {
	want := fxFullFile()
	data, err := xml.MarshalIndent(want, "", " ")
	require.NoError(t, err)
	var got AuditFile
	require.NoError(t, xml.Unmarshal(data, &got))
	got.XMLName = want.XMLName
	assert.Empty(t, fxModelDiff(reflect.ValueOf(&got).Elem(), reflect.ValueOf(want).Elem(), "AuditFile"))
	assert.True(t, strings.Contains(string(data), "<WarehouseID>ARM1</WarehouseID>\n     <LocationID>P1</LocationID>\n     <LocationID>P2</LocationID>"),
		"ShippingPoint's warehouse pairs in order")
	require.NoError(t, xmllint.Validate(t, schema, data))
}
