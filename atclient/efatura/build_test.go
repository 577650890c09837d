package efatura

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/violation"
)

// violationsOf lists path:rule of every violation of err, the rule being
// its code without the package prefix, in lower case ("EFATURA-ENUM" is
// "enum"). Every code is in the catalogue.
func violationsOf(t *testing.T, err error) []string {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, ErrInvalid)
	var ve *violation.Error
	require.ErrorAs(t, err, &ve)
	var out []string
	for _, v := range ve.Violations {
		require.True(t, Codes.Valid(v.Code), "%s is in the catalogue", v.Code)
		rule := strings.ReplaceAll(strings.ToLower(strings.TrimPrefix(string(v.Code), "EFATURA-")), "-", "_")
		out = append(out, v.Path+":"+rule)
	}
	return out
}

// TestEFaturaInvoiceRules: the rules of the manual and the WSDL that the
// SAF-T model does not carry, each violation reported with its field and
// rule, all at once.
func TestEFaturaInvoiceRules(t *testing.T) {
	is := manualIssuer()
	tests := []struct {
		name   string
		is     *Issuer
		mutate func(*Invoice)
		want   []string
	}{
		{"no issuer", nil, func(*Invoice) {}, []string{"TaxRegistrationNumber:issuer"}},
		{"legacy SAF-T type VD", &is, func(d *Invoice) { d.Invoice.InvoiceType = "VD" }, []string{"InvoiceData/InvoiceType:enum"}},
		{"summary status R is SAF-T only", &is, func(d *Invoice) { d.Invoice.DocumentStatus.InvoiceStatus = saft.InvoiceStatusSummary },
			[]string{"InvoiceData/DocumentStatus/InvoiceStatus:enum"}},
		{"customer record of another document", &is, func(d *Invoice) { d.Customer.CustomerID = "C2" }, []string{"InvoiceData/CustomerTaxID:customer"}},
		{"customer country", &is, func(d *Invoice) { d.Customer.BillingAddress.Country = "pt" }, []string{"InvoiceData/CustomerTaxIDCountry:pattern"}},
		{"number format", &is, func(d *Invoice) { d.Invoice.InvoiceNo = "FT1/1" }, []string{"InvoiceData/InvoiceNo:pattern"}},
		{"short hash", &is, func(d *Invoice) { d.Invoice.Hash = "abc" }, []string{"InvoiceData/HashCharacters:hash"}},
		{"zero rate without exemption code", &is, func(d *Invoice) {
			d.Invoice.Line[0].Tax = &saft.Tax{TaxType: "IVA", TaxCountryRegion: "PT", TaxCode: "ISE", TaxPercentage: decp("0")}
		}, []string{"InvoiceData/LineSummary[line 1]/TaxExemptionCode:exemption_required"}},
		{"negative amount", &is, func(d *Invoice) { d.Invoice.Line[0].CreditAmount = decp("-1") }, []string{"InvoiceData/LineSummary[1]/Amount:range"}},
		{"both debit and credit", &is, func(d *Invoice) { d.Invoice.Line[0].DebitAmount = decp("1") },
			[]string{"InvoiceData/LineSummary[line 1]/DebitCreditIndicator:choice"}},
		{"no tax on an invoice line", &is, func(d *Invoice) { d.Invoice.Line[0].Tax = nil }, []string{"InvoiceData/LineSummary[line 1]/Tax:required"}},
		{"rate above 100", &is, func(d *Invoice) { d.Invoice.Line[0].Tax.TaxPercentage = decp("123") },
			[]string{"InvoiceData/LineSummary[line 1]/Tax/TaxPercentage:range"}},
		{"EAC code", &is, func(d *Invoice) { d.Invoice.EACCode = "6201" }, []string{"InvoiceData/EACCode:pattern"}},
		{"total above the WSDL's maximum", &is, func(d *Invoice) { d.Invoice.DocumentTotals.GrossTotal = dec("10000000000000") },
			[]string{"InvoiceData/DocumentTotals/GrossTotal:range"}},
		{"many at once", &Issuer{TaxRegistrationNumber: "12", TaxEntity: strings.Repeat("x", 21), SoftwareCertificateNumber: -1, AuditFileVersion: "1.05"},
			func(d *Invoice) {
				d.Invoice.InvoiceNo = ""
				d.Invoice.InvoiceDate = civil.Date{}
				d.Invoice.SystemEntryDate = civil.DateTime{}
				d.Invoice.Line = nil
			}, []string{"TaxRegistrationNumber:nif", "TaxEntity:length", "SoftwareCertificateNumber:range", "AuditFileVersion:pattern",
				"InvoiceData/InvoiceNo:required", "InvoiceData/InvoiceDate:date", "InvoiceData/SystemEntryDate:datetime", "InvoiceData/LineSummary:required"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := manualInvoice()
			tc.mutate(&d)
			_, err := buildRegisterInvoice(tc.is, d)
			assert.ElementsMatch(t, tc.want, violationsOf(t, err))
		})
	}
	_, err := buildRegisterInvoice(&is, Invoice{})
	assert.Equal(t, []string{"InvoiceData:required"}, violationsOf(t, err))
}

func TestEFaturaOtherRules(t *testing.T) {
	is := manualIssuer()
	p := manualPayment()
	p.Payment.PaymentType = "RG"
	p.Payment.Line[0].Tax = nil
	p.Payment.Line[0].SourceDocumentID = nil
	_, err := buildRegisterPayment(&is, p)
	assert.ElementsMatch(t, []string{"PaymentData/PaymentType:enum", "PaymentData/LineSummary[line 1]/Tax:required",
		"PaymentData/LineSummary[line 1]/SourceDocumentID:required"}, violationsOf(t, err))

	w := manualWork()
	w.Work.WorkType = "DC" // legacy SAF-T type, not in the WSDL
	_, err = buildRegisterWork(&is, w)
	assert.Equal(t, []string{"WorkData/WorkType:enum"}, violationsOf(t, err))

	c := cancelledInvoice()
	c.Invoice.DocumentStatus.InvoiceStatus = saft.InvoiceStatusSelfBilled // S only at registration
	_, err = buildChangeInvoiceStatus("222222222", c)
	assert.Equal(t, []string{"InvoiceStatus/InvoiceStatus:enum"}, violationsOf(t, err))

	// Deletions: one of list and range, reason length, one year, no
	// repeats, range order.
	_, err = buildDeleteInvoice("222222222", nil, nil, "curto")
	assert.ElementsMatch(t, []string{"documentsList:choice", "reason:length"}, violationsOf(t, err))
	other := manualInvoice()
	other.Invoice.InvoiceNo, other.Invoice.InvoiceDate = "FT 1/2", civil.Date{Year: 2022, Month: 1, Day: 3}
	_, err = buildDeleteInvoice("222222222", []Invoice{manualInvoice(), manualInvoice(), other}, &DateRange{Start: manualDate, End: manualDate}, "Erro na comunicação")
	assert.ElementsMatch(t, []string{"documentsList/invoice[2]/InvoiceNo:repeated", "documentsList:choice", "documentsList:years"}, violationsOf(t, err))
	_, err = buildDeletePayment("222222222", nil, &DateRange{Start: manualDate.AddDays(1), End: manualDate}, "Erro na comunicação")
	assert.Equal(t, []string{"dateRange/EndDate:range"}, violationsOf(t, err))
	_, err = buildDeleteWork("12345", nil, &DateRange{Start: manualDate, End: manualDate}, strings.Repeat("x", 501))
	assert.ElementsMatch(t, []string{"TaxRegistrationNumber:nif", "reason:length"}, violationsOf(t, err))
}

// TestEFaturaLineSummary: lines are summed per tax, exemption, tax point
// date, references, orders and debit/credit (manual 1.6.14), in the order
// of their first line; amounts keep their decimals.
func TestEFaturaLineSummary(t *testing.T) {
	d := manualInvoice()
	l := manualLine()
	l2 := l
	l2.CreditAmount = decp("0.005")
	l3 := l
	l3.Tax = &saft.Tax{TaxType: "IVA", TaxCountryRegion: "PT", TaxCode: "RED", TaxPercentage: decp("6")}
	l3.CreditAmount = decp("10")
	l4 := l
	l4.CreditAmount, l4.DebitAmount = nil, decp("7")
	l5 := l
	l5.TaxPointDate = manualDate.AddDays(1)
	d.Invoice.Line = []saft.InvoiceLine{l, l3, l2, l4, l5, l3}
	req, err := buildRegisterInvoice(&Issuer{TaxRegistrationNumber: "222222222", TaxEntity: "Global"}, d)
	require.NoError(t, err)
	type row struct{ code, dc, amount, date string }
	var got []row
	for _, s := range req.InvoiceData.LineSummary {
		b, err := xml.Marshal(s.Amount)
		require.NoError(t, err)
		got = append(got, row{s.Tax.TaxCode, s.DebitCreditIndicator, string(b), s.TaxPointDate.String()})
	}
	assert.Equal(t, []row{
		{"NOR", "C", "<money>100.005</money>", "2021-01-01"},
		{"RED", "C", "<money>20.00</money>", "2021-01-01"},
		{"NOR", "D", "<money>7.00</money>", "2021-01-01"},
		{"NOR", "C", "<money>100.00</money>", "2021-01-02"},
	}, got)
	assert.Equal(t, "1.04_01", req.AuditFileVersion, "AuditFileVersion defaults to the version package saft writes")
}

func TestIssuerFromHeader(t *testing.T) {
	h := saft.Header{AuditFileVersion: saft.AuditFileVersion, TaxRegistrationNumber: "599999993", TaxEntity: saft.TaxEntityGlobal, SoftwareCertificateNumber: 1234}
	assert.Equal(t, Issuer{TaxRegistrationNumber: "599999993", TaxEntity: "Global", SoftwareCertificateNumber: 1234, AuditFileVersion: "1.04_01"}, IssuerFromHeader(h))
}

func TestFormatMoney(t *testing.T) {
	for in, want := range map[string]string{"0": "0.00", "100": "100.00", "1000000": "1000000.00", "0.1": "0.10", "12.345": "12.345", "9999999999999.99": "9999999999999.99"} {
		assert.Equal(t, want, formatMoney(dec(in)), in)
	}
}
