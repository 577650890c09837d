package document_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

var (
	coffee = document.Product{Code: "CAF", Description: "Café em grão 1 kg"}
	book   = document.Product{Code: "LIV", Description: "Livro"}
	advice = document.Product{Code: "CONS", Description: "Consultoria", Type: saft.ProductTypeServices, Unit: "H"}
)

func normal() document.Tax  { return document.Tax{Category: document.Normal} }
func reduced() document.Tax { return document.Tax{Category: document.Reduced} }

// The QR specification's example (Especificações Técnicas Código QR, §5):
// I3:12532.65 I4:751.96 at 6 %, and its other blocks, rebuilt from lines
// whose amounts add up to the example's bases.
func TestQRSpecificationExample(t *testing.T) {
	d := document.Draft{Type: series.DocumentTypeFT, Date: day(2026, time.January, 5),
		Customer: document.Customer{TaxID: "999999990"},
		Lines: []document.Line{
			{Product: book, Quantity: dec("1"), UnitPrice: dec("12000.00"), Tax: document.Tax{Exemption: "M07"}},
			{Product: book, Quantity: dec("1"), UnitPrice: dec("12532.65"), Tax: reduced()},
			{Product: coffee, Quantity: dec("1"), UnitPrice: dec("100.00"), Tax: document.Tax{Exemption: "M99"}},
		}}
	c, err := document.Compute(d)
	require.NoError(t, err)
	assert.Equal(t, "751.96", c.QR.FiscalSpaceI.ReducedVAT.Decimal.StringFixed(2), "6 %% of 12532.65 = 751.959, half up")
	assert.Equal(t, "12532.65", c.QR.FiscalSpaceI.ReducedBase.Decimal.StringFixed(2))
	assert.Equal(t, "12000.00", c.QR.FiscalSpaceI.ExemptBase.Decimal.StringFixed(2))
	assert.Equal(t, "100.00", c.QR.NonTaxable.Decimal.StringFixed(2))
	assert.Equal(t, "751.96", c.TaxPayable.StringFixed(2))
	assert.Equal(t, "25384.61", c.GrossTotal.StringFixed(2))
	assert.Equal(t, []string{"Consumidor final", "M07: Isento artigo 9.º do CIVA", "M99: Não sujeito ou não tributado"}, c.Mentions)
}

// Tax per rate, rounded once: three lines of 0.10 at 23 % have 0.069 of
// VAT, 0.07 on the document, not 3 x 0.02 = 0.06 (per line) nor anything
// the audit's tolerance would have to excuse.
func TestTaxRoundedPerRate(t *testing.T) {
	l := document.Line{Product: coffee, Quantity: dec("1"), UnitPrice: dec("0.10"), Tax: normal()}
	c, err := document.Compute(document.Draft{Type: series.DocumentTypeFT, Date: day(2026, 1, 5), Lines: []document.Line{l, l, l}})
	require.NoError(t, err)
	assert.Equal(t, "0.30", c.NetTotal.StringFixed(2))
	assert.Equal(t, "0.07", c.TaxPayable.StringFixed(2))
	assert.Equal(t, "0.37", c.GrossTotal.StringFixed(2))
	var shares []string
	for _, l := range c.Lines {
		shares = append(shares, l.Tax.StringFixed(2))
	}
	assert.Equal(t, []string{"0.03", "0.02", "0.02"}, shares, "lines' shares add up to the rate's tax")
}

// Prices with tax included: the customer pays exactly the sum of the
// prices; the base is that sum / 1.23 to the cent.
func TestPricesIncludeTax(t *testing.T) {
	cases := []struct {
		name                  string
		lines                 []document.Line
		net, tax, gross, unit string
	}{
		// 1.00 / 1.23 = 0.813: base 0.81, VAT 0.19.
		{"one espresso", []document.Line{{Product: coffee, Quantity: dec("1"), UnitPrice: dec("1.00"), Tax: normal()}}, "0.81", "0.19", "1.00", "0.81"},
		// 3 x 0.85 = 2.55 paid; 2.55 / 1.23 = 2.0732: base 2.07.
		{"three at 0.85", []document.Line{{Product: coffee, Quantity: dec("3"), UnitPrice: dec("0.85"), Tax: normal()}}, "2.07", "0.48", "2.55", "0.69"},
		// 2.50 at 23 % and 1.06 at 6 %: 2.0325 -> 2.03 and 1.00 exactly.
		{"two rates", []document.Line{
			{Product: coffee, Quantity: dec("1"), UnitPrice: dec("2.50"), Tax: normal()},
			{Product: book, Quantity: dec("1"), UnitPrice: dec("1.06"), Tax: reduced()},
		}, "3.03", "0.53", "3.56", "2.03"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := document.Compute(document.Draft{Type: series.DocumentTypeFS, Date: day(2026, 1, 5), PricesIncludeTax: true, Lines: tc.lines})
			require.NoError(t, err)
			assert.Equal(t, tc.net, c.NetTotal.StringFixed(2))
			assert.Equal(t, tc.tax, c.TaxPayable.StringFixed(2))
			assert.Equal(t, tc.gross, c.GrossTotal.StringFixed(2))
			assert.Equal(t, tc.unit, c.Lines[0].UnitPrice.String())
		})
	}
}

// With several rates and prices with tax, the bases go to the cent that
// keeps the document's tax within a cent of its lines' exact tax.
func TestPricesIncludeTaxDriftBounded(t *testing.T) {
	for cents := int64(1); cents < 3000; cents += 7 {
		p := decimal.New(cents+100, -2)
		d := document.Draft{Type: series.DocumentTypeFT, Date: day(2026, 1, 5), PricesIncludeTax: true, Lines: []document.Line{
			{Product: coffee, Quantity: dec("1"), UnitPrice: p, Tax: normal()},
			{Product: book, Quantity: dec("1"), UnitPrice: p.Add(dec("0.37")), Tax: reduced()},
			{Product: advice, Quantity: dec("1"), UnitPrice: p.Add(dec("0.05")), Tax: document.Tax{Category: document.Intermediate}},
		}}
		c, err := document.Compute(d)
		require.NoError(t, err)
		var exact = dec("0")
		for _, l := range c.Lines {
			exact = exact.Add(l.Amount.Mul(l.Percent).Div(dec("100")))
		}
		require.True(t, c.TaxPayable.Sub(exact).Abs().LessThanOrEqual(dec("0.01")), "price %s: tax %s, exact %s", p, c.TaxPayable, exact)
		paid := p.Mul(dec("3")).Add(dec("0.42")) // 0.37 + 0.05
		require.True(t, c.GrossTotal.Equal(paid), "price %s: gross %s, paid %s", p, c.GrossTotal, paid)
	}
}

// Regions: the rates of Madeira and the Azores, by tax point date, and the
// table overridable by the caller.
func TestRatesByRegionAndDate(t *testing.T) {
	rs := document.DefaultRates()
	cases := []struct {
		region document.Region
		cat    document.Category
		date   string
		want   string
		ok     bool
	}{
		{document.Mainland, document.Normal, "2026-01-05", "23", true},
		{document.Mainland, document.Intermediate, "2026-01-05", "13", true},
		{document.Madeira, document.Reduced, "2026-01-05", "5", true},
		{document.Madeira, document.Normal, "2026-01-05", "22", true},
		{document.Azores, document.Normal, "2026-01-05", "16", true},
		{document.Azores, document.Intermediate, "2021-07-01", "9", true},
		{document.Azores, document.Normal, "2021-06-30", "", false},
	}
	for _, tc := range cases {
		r, ok := rs.Lookup(tc.region, tc.cat, mustDate(t, tc.date))
		assert.Equal(t, tc.ok, ok, "%s %s %s", tc.region, tc.cat, tc.date)
		if ok {
			assert.Equal(t, tc.want, r.Percent.String(), "%s %s %s", tc.region, tc.cat, tc.date)
			assert.NotEmpty(t, r.Source)
		}
	}
	// A change of law, added by the caller: from 2026-07-01 the normal
	// rate of the mainland is 22 %.
	rs = append(rs, document.Rate{Region: document.Mainland, Category: document.Normal, Percent: dec("22"), From: day(2026, 7, 1), Source: "test"})
	r, _ := rs.Lookup(document.Mainland, document.Normal, day(2026, 6, 30))
	assert.Equal(t, "23", r.Percent.String())
	r, _ = rs.Lookup(document.Mainland, document.Normal, day(2026, 7, 1))
	assert.Equal(t, "22", r.Percent.String())

	d := document.Draft{Type: series.DocumentTypeFT, Date: day(2026, 7, 2), Rates: rs, Lines: []document.Line{
		{Product: coffee, Quantity: dec("1"), UnitPrice: dec("100"), Tax: normal(), TaxPointDate: day(2026, 6, 30)},
		{Product: book, Quantity: dec("1"), UnitPrice: dec("100"), Tax: normal()},
	}}
	c, err := document.Compute(d)
	require.NoError(t, err)
	assert.Equal(t, "45.00", c.TaxPayable.StringFixed(2), "23 on the line delivered in June, 22 on the other")
	require.Len(t, c.Taxes, 2)
}

func TestComputeReportsEveryViolation(t *testing.T) {
	d := document.Draft{Type: series.DocumentTypeNC, Date: day(2026, 2, 30),
		Customer: document.Customer{TaxID: "123456788"},
		Lines: []document.Line{
			{Product: document.Product{Code: "X"}, Quantity: dec("0"), UnitPrice: dec("-1"), Discount: dec("120"), Tax: document.Tax{Category: "SUPER"}},
			{Product: coffee, Quantity: dec("1"), UnitPrice: dec("1"), Tax: document.Tax{Exemption: "M77"}},
			{Product: coffee, Quantity: dec("1"), UnitPrice: dec("1"), Tax: document.Tax{Category: document.Normal, Region: "PT-XX"}},
		}}
	_, err := document.Compute(d)
	require.ErrorIs(t, err, document.ErrInvalid)
	var ve *violation.Error
	require.ErrorAs(t, err, &ve)
	for _, want := range []struct {
		path string
		code violation.Code
	}{
		{"Date", document.CodeDate},
		{"Customer.TaxID", document.CodeCustomerNIF},
		{"Customer.Name", document.CodeCustomerName},
		{"Lines[1].Product", document.CodeProduct},
		{"Lines[1].Quantity", document.CodeQuantity},
		{"Lines[1].UnitPrice", document.CodePrice},
		{"Lines[1].Discount", document.CodeDiscount},
		{"Lines[1].Reference", document.CodeReference},
		{"Lines[1].Tax.Category", document.CodeCategory},
		{"Lines[2].Tax.Exemption", document.CodeExemption},
		{"Lines[3].Tax.Region", document.CodeRegion},
	} {
		assert.True(t, ve.HasAt(want.path, want.code), "want %s at %s in %v", want.code, want.path, ve)
	}
	for _, c := range ve.Codes() {
		assert.True(t, document.Codes.Valid(c), "code %s in the catalogue", c)
	}
}

// CIVA art. 40 n.º 1: a simplified invoice up to 1000 EUR for a retailer's
// sale to a final consumer, 100 EUR otherwise.
func TestSimplifiedInvoiceLimits(t *testing.T) {
	fs := func(price string, retail, taxable bool) error {
		_, err := document.Compute(document.Draft{Type: series.DocumentTypeFS, Date: day(2026, 1, 5), Retail: retail, PricesIncludeTax: true,
			Customer: document.Customer{TaxablePerson: taxable},
			Lines:    []document.Line{{Product: coffee, Quantity: dec("1"), UnitPrice: dec(price), Tax: normal()}}})
		return err
	}
	assert.NoError(t, fs("1000.00", true, false))
	assert.True(t, violation.Has(fs("1000.01", true, false), document.CodeSimplifiedLimit))
	assert.NoError(t, fs("100.00", false, false))
	assert.True(t, violation.Has(fs("100.01", false, false), document.CodeSimplifiedLimit))
	assert.True(t, violation.Has(fs("100.01", true, true), document.CodeSimplifiedLimit), "a taxable person: 100")
}

func TestWithholdingSettlementCurrency(t *testing.T) {
	d := document.Draft{Type: series.DocumentTypeFT, Date: day(2026, 1, 5),
		Customer: document.Customer{TaxID: "503504564", Name: "Cliente, Lda"},
		Lines: []document.Line{
			{Product: advice, Quantity: dec("10"), UnitPrice: dec("60"), Tax: normal()},
			{Product: book, Quantity: dec("2"), UnitPrice: dec("15.50"), Discount: dec("10"), Tax: reduced()},
		},
		Currency:    &document.Currency{Code: "USD", Rate: dec("0.92")},
		Withholding: []document.Withholding{{Type: saft.WithholdingTaxTypeIRS, Description: "Art. 101.º CIRS", Percent: dec("25")}},
		Settlement:  &document.Settlement{Percent: dec("2"), Terms: "2% a 10 dias"},
	}
	c, err := document.Compute(d)
	require.NoError(t, err)
	// USD: 600 + 27.90 = 627.90 net, 138 + 1.67 VAT = 767.57.
	assert.Equal(t, "767.57", c.CurrencyAmount.StringFixed(2))
	// EUR: 552.00 + 25.67 (2 x 15.50 x 0.92 x 0.9 = 25.668) net; 126.96 + 1.54 VAT.
	assert.Equal(t, "577.67", c.NetTotal.StringFixed(2))
	assert.Equal(t, "128.50", c.TaxPayable.StringFixed(2))
	assert.Equal(t, "706.17", c.GrossTotal.StringFixed(2))
	assert.Equal(t, "138.00", c.WithholdingTotal.StringFixed(2), "25 % of the services' 552.00")
	assert.Equal(t, "568.17", c.Payable.StringFixed(2))
	assert.Equal(t, "14.12", c.SettlementAmount.StringFixed(2))
	assert.Equal(t, "2.85", c.Lines[1].DiscountAmount.StringFixed(2))
	assert.Equal(t, qrcode.Amount(dec("138.00")), c.QR.WithholdingTax)
}

// Despacho 8632/2014 §3.2.7, §3.3.7, §3.3.8.
func TestCorrectionsAndCancellations(t *testing.T) {
	h := document.HistoryMap{
		"FT A/1": {Number: "FT A/1", NetTotal: dec("100.00"), Credited: dec("60.00"), Corrections: 1},
		"FT A/2": {Number: "FT A/2", NetTotal: dec("50.00"), Cancelled: true},
		"FT A/3": {Number: "FT A/3", NetTotal: dec("50.00"), Credited: dec("50.00"), Corrections: 2},
		"FT A/4": {Number: "FT A/4", NetTotal: dec("80.00")},
	}
	nc := func(ref, amount string) *document.Computed {
		c, err := document.Compute(document.Draft{Type: series.DocumentTypeNC, Date: day(2026, 1, 5),
			Reference: &document.Reference{Number: ref, Reason: "Devolução"},
			Lines:     []document.Line{{Product: coffee, Quantity: dec("1"), UnitPrice: dec(amount), Tax: normal()}}})
		require.NoError(t, err)
		return c
	}
	assert.NoError(t, document.CheckCorrection(nc("FT A/1", "40.00"), h))
	assert.True(t, violation.Has(document.CheckCorrection(nc("FT A/1", "40.01"), h), document.CodeCreditExceeds))
	assert.True(t, violation.Has(document.CheckCorrection(nc("FT A/2", "1"), h), document.CodeCreditClosed))
	assert.True(t, violation.Has(document.CheckCorrection(nc("FT A/3", "1"), h), document.CodeCreditClosed))
	assert.True(t, violation.Has(document.CheckCorrection(nc("FT A/9", "1"), h), document.CodeCreditUnknown))

	assert.True(t, violation.Has(document.CheckCancellation(h["FT A/1"]), document.CodeCancelCorrected))
	assert.NoError(t, document.CheckCancellation(h["FT A/4"]))

	h.Record(nc("FT A/4", "30.00"), "NC A/1")
	assert.Equal(t, "30", h["FT A/4"].Credited.String())
	assert.Equal(t, 1, h["FT A/4"].Corrections)
	assert.True(t, violation.Has(document.CheckCancellation(h["FT A/4"]), document.CodeCancelCorrected))
}

func mustDate(t *testing.T, s string) civil.Date {
	t.Helper()
	d, err := civil.ParseDate(s)
	require.NoError(t, err)
	return d
}

// Compute leaves the caller's draft as it was given.
func TestComputeLeavesDraftAlone(t *testing.T) {
	d := document.Draft{Type: series.DocumentTypeNC, Date: day(2026, 1, 5), Reference: &document.Reference{Number: "FT A/1", Reason: "Devolução"},
		Lines: []document.Line{{Product: coffee, Quantity: dec("1"), UnitPrice: dec("1"), Tax: normal()}}}
	c, err := document.Compute(d)
	require.NoError(t, err)
	assert.Nil(t, d.Lines[0].Reference)
	assert.Empty(t, d.Lines[0].Product.Unit)
	assert.Equal(t, "UN", c.Lines[0].Product.Unit)
	assert.Equal(t, "FT A/1", c.Lines[0].Line.Reference.Number)
}
