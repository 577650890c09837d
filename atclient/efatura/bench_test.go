package efatura

import (
	"encoding/xml"
	"fmt"
	"testing"

	"github.com/faturapt/faturapt/saft"
)

// BenchmarkRegisterInvoiceRequest measures building (rules and line
// summary) and encoding the request of an invoice of 200 lines at four
// rates.
func BenchmarkRegisterInvoiceRequest(b *testing.B) {
	d := manualInvoice()
	rates := []string{"23", "13", "6", "0"}
	d.Invoice.Line = nil
	for i := range 200 {
		l := manualLine()
		l.LineNumber = i + 1
		l.CreditAmount = decp(fmt.Sprintf("%d.%02d", i, i%100))
		l.Tax = &saft.Tax{TaxType: "IVA", TaxCountryRegion: "PT", TaxCode: "NOR", TaxPercentage: decp(rates[i%4])}
		if rates[i%4] == "0" {
			l.Tax.TaxCode, l.TaxExemptionCode = "ISE", "M07"
		}
		d.Invoice.Line = append(d.Invoice.Line, l)
	}
	is := manualIssuer()
	b.ReportAllocs()
	for b.Loop() {
		req, err := buildRegisterInvoice(&is, d)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := xml.Marshal(req); err != nil {
			b.Fatal(err)
		}
	}
}
