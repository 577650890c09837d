package document_test

import (
	"strings"
	"testing"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// TestReceiptCashVAT: a receipt of the cash VAT scheme (RC) carries, per
// rate of the document it pays, the base and the tax received (SAF-T
// 4.4.4.14.6; e-Fatura manual 1.6.9.5), and its QR code shows that VAT.
func TestReceiptCashVAT(t *testing.T) {
	inv, err := document.Compute(document.Draft{Type: series.DocumentTypeFT, Date: day(2026, time.March, 2),
		Customer: document.Customer{TaxID: "503504564", Name: "Cliente, Lda"},
		Lines: []document.Line{
			{Product: document.Product{Code: "A", Description: "A"}, Quantity: dec("1"), UnitPrice: dec("100.00"), Tax: document.Tax{Category: document.Normal}},
			{Product: document.Product{Code: "B", Description: "B"}, Quantity: dec("1"), UnitPrice: dec("50.00"), Tax: document.Tax{Category: document.Reduced}},
		}})
	if err != nil {
		t.Fatal(err)
	}
	s := activeSeries(t, "RC", series.DocumentTypeRC)
	at := time.Date(2026, time.April, 10, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name            string
		amount          string
		lines           []string // base and tax of each line
		net, tax, qrVAT string
	}{
		{"paid in full", "176.00", []string{"100.00 23.00", "50.00 3.00"}, "150.00", "26.00", "I1:PT*I3:50.00*I4:3.00*I7:100.00*I8:23.00*N:26.00*O:176.00"},
		// Half: 61.50 (123.00 / 2) at 23 %, the rest 26.50 at 6 %.
		{"paid in half", "88.00", []string{"50.00 11.50", "25.00 1.50"}, "75.00", "13.00", "I1:PT*I3:25.00*I4:1.50*I7:50.00*I8:11.50*N:13.00*O:88.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := document.Receipt(s, series.NumberOf(1), issuerNIF, certificate, civil.DateTimeOf(at), document.ReceiptDraft{
				Type: series.DocumentTypeRC, Date: day(2026, time.April, 10), Customer: inv.Draft.Customer,
				Settles:  []document.Settled{{Number: "FT A/2", Date: inv.Draft.Date, Amount: dec(tt.amount), Document: inv}},
				Payments: []document.Payment{{Mechanism: saft.PaymentMechanismBankTransfer}},
			})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range r.Payment.Line {
				got = append(got, l.CreditAmount.StringFixed(2)+" "+l.Tax.TaxPercentage.Mul(*l.CreditAmount).Div(dec("100")).StringFixed(2))
			}
			if strings.Join(got, ",") != strings.Join(tt.lines, ",") {
				t.Errorf("lines %v, want %v", got, tt.lines)
			}
			tot := r.Payment.DocumentTotals
			if tot.NetTotal.StringFixed(2) != tt.net || tot.TaxPayable.StringFixed(2) != tt.tax || !tot.GrossTotal.Equal(dec(tt.amount)) {
				t.Errorf("totals %s + %s = %s, want %s + %s = %s", tot.NetTotal, tot.TaxPayable, tot.GrossTotal, tt.net, tt.tax, tt.amount)
			}
			if part := qrTaxPart(r.Printed.QR) + "*O:" + tt.amount; !strings.Contains(r.Printed.QR, tt.qrVAT) {
				t.Errorf("QR %s (tax part %s), want %s", r.Printed.QR, part, tt.qrVAT)
			}
			if q, err := qrcode.Parse(r.Printed.QR); err != nil || q.Validate() != nil {
				t.Errorf("QR %s: %v", r.Printed.QR, err)
			}
		})
	}
	_, err = document.Receipt(s, series.NumberOf(1), issuerNIF, certificate, civil.DateTimeOf(at), document.ReceiptDraft{
		Type: series.DocumentTypeRC, Date: day(2026, time.April, 10), Customer: inv.Draft.Customer,
		Settles:  []document.Settled{{Number: "FT A/2", Date: inv.Draft.Date, Amount: dec("176.00")}},
		Payments: []document.Payment{{Mechanism: saft.PaymentMechanismBankTransfer}},
	})
	if err == nil || !strings.Contains(err.Error(), "Settles[1].Document") {
		t.Errorf("RC without its document: %v", err)
	}
}
