package document

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

// ReceiptDraft is a receipt of documents issued earlier (SAF-T Payments,
// 4.4).
type ReceiptDraft struct {
	// Type is RG (the default) or RC (a receipt under the cash VAT
	// scheme).
	Type     series.DocumentType
	Date     civil.Date
	Customer Customer
	// Settles lists the documents paid, at least one.
	Settles []Settled
	// Payments says how it was paid; the only payment may leave Amount
	// zero for the total.
	Payments []Payment
	SourceID string
}

// Settled is one document a receipt pays.
type Settled struct {
	Number      string          // its SAF-T number, "FT A/12"
	Date        civil.Date      // its date
	Amount      decimal.Decimal // what this receipt pays of it, in EUR
	Description string          // optional
	// Document is the computed document paid. A receipt of the cash VAT
	// scheme (RC) needs it: the amount paid is split over the document's
	// rates in proportion to its gross amount per rate, one line per rate
	// with its Tax (SAF-T 4.4.4.14.6), and the QR code shows the VAT so
	// received.
	Document *Computed
}

// IssuedReceipt is a numbered receipt.
type IssuedReceipt struct {
	Number  string
	ATCUD   atcud.ATCUD
	Total   decimal.Decimal
	Payment *saft.Payment
	// Customer is the customer's master record.
	Customer saft.Customer
	Printed  Printed
}

// Receipt makes receipt number n of series s, entered at entry (its
// SystemEntryDate, Portuguese legal time: take it from a clock with
// [civil.DateTimeIn]). Receipts
// are numbered but not signed (Despacho 8632/2014 §2.1), so the caller
// keeps their numbering; issuerNIF and certificate fill the QR code,
// whose fiscal space is I1:0 (a document of SAF-T table 4.4 without VAT
// rate, Especificações Técnicas Código QR §3 h) and whose hash is "0".
func Receipt(s series.Series, n series.Number, issuerNIF, certificate string, entry civil.DateTime, r ReceiptDraft) (*IssuedReceipt, error) {
	var vs violation.List
	if r.Type == "" {
		r.Type = series.DocumentTypeRG
	}
	if r.Type.Class() != series.DocumentClassPY || s.DocumentType != r.Type {
		vs.Add("Type", CodeType, "a receipt is RG or RC, in a series of its type (series %s is %s, the receipt %s)", s.ID, s.DocumentType, r.Type)
	}
	if !r.Date.Valid() {
		vs.Add("Date", CodeDate, "receipt date %s is missing or not a calendar date", r.Date)
	}
	if r.SourceID == "" {
		r.SourceID = "document"
	}
	r.Customer = normalizeCustomer(r.Customer, &vs)
	if len(r.Settles) == 0 {
		vs.Add("Settles", CodeReceipt, "a receipt settles at least one document")
	}
	var total decimal.Decimal
	for i, st := range r.Settles {
		path := "Settles[" + strconv.Itoa(i+1) + "]"
		if strings.TrimSpace(st.Number) == "" || !st.Amount.IsPositive() || st.Amount.Exponent() < -2 && !st.Amount.Equal(st.Amount.Round(2)) {
			vs.Add(path, CodeReceipt, "a settled document has its number and a positive amount in cents")
		}
		if r.Type == series.DocumentTypeRC && st.Document == nil {
			vs.Add(path+".Document", CodeReceipt, "a receipt of the cash VAT scheme (RC) names the computed document it pays, for its VAT")
		}
		if !st.Date.Valid() {
			vs.Add(path+".Date", CodeDate, "the settled document's date %s is not a calendar date", st.Date)
		}
		total = total.Add(st.Amount)
	}
	payments := r.Payments
	if len(payments) == 1 && payments[0].Amount.IsZero() {
		payments = []Payment{payments[0]}
		payments[0].Amount = total
	}
	var paid decimal.Decimal
	for i := range payments {
		if payments[i].Date.IsZero() {
			payments[i].Date = r.Date
		}
		if payments[i].Mechanism == "" {
			vs.Add("Payments["+strconv.Itoa(i+1)+"]", CodePayments, "a payment has a mechanism")
		}
		paid = paid.Add(payments[i].Amount)
	}
	if len(payments) == 0 || !paid.Equal(total) {
		vs.Add("Payments", CodePayments, "the payments add up to %s, not to the %s received", paid, total)
	}
	if err := vs.Err("receipt"); err != nil {
		return nil, err
	}
	number, err := s.DocumentNumber(n)
	if err != nil {
		return nil, err
	}
	code := atcud.Legacy
	if s.ATCUDApplies(n) {
		if code, err = atcud.New(s.ValidationCode, number); err != nil {
			return nil, err
		}
	}
	at := entry
	c := &Computed{Draft: Draft{Customer: r.Customer}}
	p := &saft.Payment{
		PaymentRefNo: number, ATCUD: code.String(), Period: int(r.Date.Month), TransactionDate: r.Date,
		PaymentType: r.Type,
		DocumentStatus: saft.PaymentDocumentStatus{PaymentStatus: saft.PaymentStatusNormal, PaymentStatusDate: at,
			SourceID: r.SourceID, SourcePayment: saft.SourceBillingProduced},
		SourceID: r.SourceID, SystemEntryDate: at, CustomerID: r.Customer.ID,
		DocumentTotals: saft.PaymentTotals{TaxPayable: decimal.Zero, NetTotal: total, GrossTotal: total},
	}
	for _, pm := range payments {
		p.PaymentMethod = append(p.PaymentMethod, saft.PaymentMethod{PaymentMechanism: pm.Mechanism, PaymentAmount: pm.Amount, PaymentDate: pm.Date})
	}
	var taxes []TaxAmounts // RC: the VAT received, per rate
	for _, st := range r.Settles {
		src := []saft.SourceDocumentID{{OriginatingON: st.Number, InvoiceDate: st.Date, Description: st.Description}}
		if r.Type != series.DocumentTypeRC {
			amount := st.Amount
			p.Line = append(p.Line, saft.PaymentLine{LineNumber: len(p.Line) + 1, SourceDocumentID: src, CreditAmount: &amount})
			continue
		}
		for _, t := range paidPerRate(st.Amount, st.Document) {
			base, pct := t.Base, t.Percent
			p.Line = append(p.Line, saft.PaymentLine{LineNumber: len(p.Line) + 1, SourceDocumentID: src, CreditAmount: &base,
				Tax: &saft.PaymentTax{TaxType: t.Type, TaxCountryRegion: string(t.Region), TaxCode: t.Code, TaxPercentage: &pct}})
			p.DocumentTotals.TaxPayable = p.DocumentTotals.TaxPayable.Add(t.Tax)
			taxes = append(taxes, t)
		}
	}
	p.DocumentTotals.NetTotal = total.Sub(p.DocumentTotals.TaxPayable)
	q := qrcode.Document{
		IssuerNIF: issuerNIF, BuyerTaxID: r.Customer.TaxID, BuyerCountry: r.Customer.Country,
		DocumentType: string(r.Type), DocumentStatus: "N", Date: r.Date,
		DocumentNumber: number, ATCUD: code.String(), FiscalSpaceI: qrcode.NoVATRate(),
		TaxPayable: decimal.Zero, GrossTotal: total, Hash: qrcode.Unsigned, CertificateNumber: certificate,
	}
	if len(taxes) > 0 {
		rc := &Computed{Draft: Draft{Customer: r.Customer, Region: Mainland}, Taxes: taxes, TaxPayable: p.DocumentTotals.TaxPayable}
		vat := rc.qr()
		q.FiscalSpaceI, q.FiscalSpaceJ, q.FiscalSpaceK = vat.FiscalSpaceI, vat.FiscalSpaceJ, vat.FiscalSpaceK
		q.NonTaxable, q.StampDuty, q.TaxPayable = vat.NonTaxable, vat.StampDuty, vat.TaxPayable
	}
	msg, err := qrcode.Build(q)
	if err != nil {
		return nil, fmt.Errorf("document: QR code of %s: %w", number, err)
	}
	return &IssuedReceipt{Number: number, ATCUD: code, Total: total, Payment: p, Customer: c.customer(),
		Printed: Printed{ATCUD: code.Label(), QR: msg, Mentions: c.mentions()}}, nil
}

// paidPerRate splits amount, paid of document c, over its rates in
// proportion to each rate's gross amount (base + tax), to the cent, the
// last rate taking what is left; each part's base is in the proportion of
// the rate's base to its gross amount, its tax the rest. A full payment
// gives back the document's bases and taxes.
func paidPerRate(amount decimal.Decimal, c *Computed) []TaxAmounts {
	out := make([]TaxAmounts, 0, len(c.Taxes))
	left := amount
	full := amount.Equal(c.GrossTotal)
	for i, t := range c.Taxes {
		gross := t.Base.Add(t.Tax)
		part := left
		if i < len(c.Taxes)-1 {
			part = amount.Mul(gross).DivRound(c.GrossTotal, 2)
			if full {
				part = gross
			}
		}
		left = left.Sub(part)
		base := t.Base
		if !full && !gross.IsZero() {
			base = part.Mul(t.Base).DivRound(gross, 2)
		}
		out = append(out, TaxAmounts{Type: t.Type, Region: t.Region, Code: t.Code, Percent: t.Percent, Fixed: t.Fixed,
			Description: t.Description, Base: base, Tax: part.Sub(base)})
	}
	return out
}
