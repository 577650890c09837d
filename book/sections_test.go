package book

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/internal/xmllint"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

const xsd = "../saft/testdata/SAFTPT1.04_01.xsd10.xsd"

// registered returns the series id of type t, registered at AT.
func registered(t testing.TB, typ series.DocumentType, id string) series.Series {
	t.Helper()
	s, err := series.New(id, typ, series.NumberOf(1), civil.Date{Year: 2026, Month: time.January, Day: 1}, series.WithCertificateNumber(9999))
	require.NoError(t, err)
	s, err = s.Register(testCode, testNIF, time.Date(2025, time.December, 28, 10, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	return s
}

// sectionDrafts are documents of the three signed classes: invoices, a
// working document (a quotation, OR) and transport documents (GT).
func sectionDrafts() []document.Draft {
	day := civil.Date{Year: 2026, Month: time.January, Day: 5}
	p := func(s string) document.Line {
		return document.Line{Product: document.Product{Code: "P" + s[:1], Description: "Artigo " + s[:1]},
			Quantity: dec("2"), UnitPrice: dec(s), Tax: document.Tax{Category: document.Normal}}
	}
	buyer := document.Customer{ID: "C1", TaxID: "500000000", Name: "Cliente 1, Lda", Address: "Rua Augusta, 1", City: "Lisboa", PostalCode: "1100-053"}
	move := &document.Transport{Start: time.Date(2026, time.January, 6, 9, 0, 0, 0, civil.Lisbon),
		From: saft.CustomerAddress{AddressDetail: "Armazém 1", City: "Lisboa", PostalCode: "1000-001", Country: "PT"},
		To:   saft.CustomerAddress{AddressDetail: "Loja 2", City: "Porto", PostalCode: "4000-001", Country: "PT"}}
	return []document.Draft{
		{Type: series.DocumentTypeFT, Date: day, Customer: buyer, Lines: []document.Line{p("10.00"), p("3.50")}},
		{Type: series.DocumentTypeOR, Date: day, Customer: buyer, Lines: []document.Line{p("7.25")}},
		{Type: series.DocumentTypeGT, Date: day, Customer: buyer, Transport: move, Lines: []document.Line{p("10.00")}},
		{Type: series.DocumentTypeFT, Date: day, Lines: []document.Line{p("5.00")}}, // the final consumer
		{Type: series.DocumentTypeGT, Date: day, Customer: buyer, Transport: move, Lines: []document.Line{p("3.50"), p("7.25")}},
	}
}

// Documents described to package document go into the book with their
// SAF-T record and master records in the transaction of their number, and
// come out of it, each in its section, in a file the schema and the audit
// accept.
func TestExportSections(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		ctx := context.Background()
		require.NoError(t, b.PutCompany(ctx, testCompany(t)))
		iss, err := b.Issuer(ctx, testNIF, certifytest.Signer(t),
			issuing.WithClock(tickingClock(time.Date(2026, time.January, 5, 8, 0, 0, 0, time.UTC))))
		require.NoError(t, err)
		ids := map[series.DocumentType]string{series.DocumentTypeFT: "A", series.DocumentTypeOR: "B", series.DocumentTypeGT: "C"}
		var issued []*document.Issued
		for _, d := range sectionDrafts() {
			c, err := document.Compute(d)
			require.NoError(t, err)
			s := registered(t, d.Type, ids[d.Type])
			is, err := document.IssueComputed(WithContent(ctx, FromDocument(c)), iss.Issuing(), s, c)
			require.NoError(t, err)
			issued = append(issued, is)
		}

		// Kept as issued.
		st := b.Store(testNIF)
		for _, is := range issued {
			kept, err := st.Document(ctx, is.Document.SeriesKey, is.Document.Number)
			require.NoError(t, err)
			switch {
			case is.Invoice != nil:
				got, err := kept.Content.Invoice()
				require.NoError(t, err)
				assertSameJSON(t, is.Invoice, got)
			case is.WorkDocument != nil:
				got, err := kept.Content.WorkDocument()
				require.NoError(t, err)
				assertSameJSON(t, is.WorkDocument, got)
				_, err = kept.Content.Invoice()
				assert.ErrorIs(t, err, ErrInvalid, "a working document is not an invoice")
			case is.StockMovement != nil:
				got, err := kept.Content.StockMovement()
				require.NoError(t, err)
				assertSameJSON(t, is.StockMovement, got)
			}
		}
		gt := issued[2].Document
		require.NoError(t, b.SetStatus(ctx, testNIF, gt.SeriesKey, gt.Number, Status{
			Status: saft.InvoiceStatusCancelled, Reason: "Mercadoria não saiu", At: time.Date(2026, time.January, 6, 8, 0, 0, 0, time.UTC)}))

		// The tax table, the customers and the products from the book.
		var out bytes.Buffer
		require.NoError(t, b.ExportSAFT(ctx, &out, testNIF, safttest.Header(), nil))
		file := out.Bytes()
		r := auditFile(t, file)
		assert.False(t, r.HasErrors(), "%v", r.Findings)
		assert.Equal(t, len(issued), r.SignaturesChecked)

		f, err := saft.Decode(bytes.NewReader(file))
		require.NoError(t, err)
		sd := f.SourceDocuments
		require.NotNil(t, sd.SalesInvoices)
		require.NotNil(t, sd.WorkingDocuments)
		require.NotNil(t, sd.MovementOfGoods)
		assert.Nil(t, sd.Payments)
		numbers := func(n int, get func(i int) string) []string {
			var out []string
			for i := range n {
				out = append(out, get(i))
			}
			return out
		}
		assert.Equal(t, []string{"FT A/1", "FT A/2"}, numbers(len(sd.SalesInvoices.Invoice), func(i int) string { return sd.SalesInvoices.Invoice[i].InvoiceNo }))
		assert.Equal(t, []string{"OR B/1"}, numbers(len(sd.WorkingDocuments.WorkDocument), func(i int) string { return sd.WorkingDocuments.WorkDocument[i].DocumentNumber }))
		moves := sd.MovementOfGoods.StockMovement
		assert.Equal(t, []string{"GT C/1", "GT C/2"}, numbers(len(moves), func(i int) string { return moves[i].DocumentNumber }))
		assert.Equal(t, saft.MovementStatusCancelled, moves[0].DocumentStatus.MovementStatus)
		assert.Equal(t, "Mercadoria não saiu", moves[0].DocumentStatus.Reason)
		assert.Equal(t, saft.MovementStatusNormal, moves[1].DocumentStatus.MovementStatus)
		assert.Equal(t, 3, sd.MovementOfGoods.NumberOfMovementLines, "the cancelled movement's line counts")
		assert.Equal(t, "4", sd.MovementOfGoods.TotalQuantityIssued.String(), "its quantity does not")

		require.NotNil(t, f.MasterFiles.TaxTable)
		assert.Len(t, f.MasterFiles.TaxTable.TaxTableEntry, 1, "one rate used, recorded once")
		var customers []string
		for _, c := range f.MasterFiles.Customer {
			customers = append(customers, c.CustomerID)
		}
		assert.ElementsMatch(t, []string{"C1", issued[3].Customer.CustomerID}, customers)
		assert.Len(t, f.MasterFiles.Product, 4)

		assert.NoError(t, xmllint.Validate(t, xsd, file))
	})
}

// assertSameJSON asserts that want and got are the same record: the
// decimals compared by value, not by scale.
func assertSameJSON(t *testing.T, want, got any) {
	t.Helper()
	w, err := jsonOf(want)
	require.NoError(t, err)
	g, err := jsonOf(got)
	require.NoError(t, err)
	assert.JSONEq(t, w, g)
}

// A month without working or transport documents has no such sections.
func TestExportOnlyTheSectionsUsed(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		issueInvoices(t, b, 2)
		f, err := saft.Decode(bytes.NewReader(export(t, b)))
		require.NoError(t, err)
		assert.NotNil(t, f.SourceDocuments.SalesInvoices)
		assert.Nil(t, f.SourceDocuments.WorkingDocuments)
		assert.Nil(t, f.SourceDocuments.MovementOfGoods)
	})
}
