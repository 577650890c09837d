package document

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// Issued is a document numbered, signed and recorded, with everything
// that follows from it.
type Issued struct {
	*Computed
	// Document is what package issuing recorded: number, ATCUD, hash,
	// SystemEntryDate, the printed hash characters and the QR message.
	Document issuing.Document
	// The SAF-T record: exactly one of Invoice (FT, FS, FR, NC, ND),
	// WorkDocument and StockMovement is set.
	Invoice       *saft.Invoice
	WorkDocument  *saft.WorkDocument
	StockMovement *saft.StockMovement
	// The master records the record uses.
	Customer saft.Customer
	Products []saft.Product
	TaxTable []saft.TaxTableEntry
	// Printed is what the printed document must show besides its lines and
	// totals.
	Printed Printed
}

// Printed is what the printed document shows besides lines and totals.
type Printed struct {
	// ATCUD is "ATCUD:" and the code, printed above the QR code (Portaria
	// 195/2020 art. 4).
	ATCUD string
	// Mention is "XXXX-Processado por programa certificado n.º NNNN/AT"
	// (Despacho 8632/2014 §2.2.2).
	Mention string
	// QR is the QR code message (Portaria 195/2020 art. 4).
	QR string
	// Mentions: exemption mentions and "IVA - autoliquidação" (CIVA art.
	// 36 n.º 5 e) and n.º 13), "Consumidor final" (Despacho 8632/2014
	// §2.2.5), the withholding and the original currency.
	Mentions []string
}

// Issue computes the draft, issues it in series s through issuer (next
// number, ATCUD, chained signature, QR code) and returns the SAF-T record
// with its master records and what the document prints. The series must be
// of the draft's type. Nothing is recorded when the draft is invalid (a
// *violation.Error).
func Issue(ctx context.Context, issuer *issuing.Issuer, s series.Series, d Draft) (*Issued, error) {
	c, err := Compute(d)
	if err != nil {
		return nil, err
	}
	return IssueComputed(ctx, issuer, s, c)
}

// IssueComputed issues a document already computed.
func IssueComputed(ctx context.Context, issuer *issuing.Issuer, s series.Series, c *Computed) (*Issued, error) {
	d := &c.Draft
	if s.DocumentType != d.Type {
		return nil, fmt.Errorf("document: series %s is of type %s, the draft is %s", s.ID, s.DocumentType, d.Type)
	}
	q := c.QR
	doc, err := issuer.Issue(ctx, s, issuing.Draft{Date: d.Date, GrossTotal: c.GrossTotal, QR: &q})
	if err != nil {
		return nil, err
	}
	return c.Issued(doc), nil
}

// Issued returns c as issued as doc (its number, ATCUD, hash, entry time
// and QR code): the SAF-T record, its master records and what it prints,
// as IssueComputed returns them. A store that keeps each document's record
// with its number builds it with Issued while the number is recorded (see
// book.FromDocument).
func (c *Computed) Issued(doc issuing.Document) *Issued {
	d := &c.Draft
	out := &Issued{Computed: c, Document: doc}
	out.Printed = Printed{ATCUD: doc.ATCUD.Label(), Mention: doc.Mention, QR: doc.QR, Mentions: c.Mentions}
	out.Customer = c.customer()
	out.Products = c.products()
	out.TaxTable = c.taxTable()
	switch d.Type.Class() {
	case series.DocumentClassSI:
		out.Invoice = c.invoice(&doc)
	case series.DocumentClassWD:
		out.WorkDocument = c.workDocument(&doc)
	case series.DocumentClassMG:
		out.StockMovement = c.stockMovement(&doc)
	}
	return out
}

// SAFTInvoice returns the SAF-T record of the invoice c once issued as
// doc (its number, ATCUD, hash and SystemEntryDate), the one IssueComputed
// returns in Issued.Invoice; nil when c is not of an invoice type (class
// SI). A store that records the record in the same transaction as the
// number builds it with SAFTInvoice from the document being recorded.
func (c *Computed) SAFTInvoice(doc issuing.Document) *saft.Invoice {
	if c.Draft.Type.Class() != series.DocumentClassSI {
		return nil
	}
	return c.invoice(&doc)
}

// Customer returns the SAF-T customer master record of c.
func (c *Computed) Customer() saft.Customer { return c.customer() }

// Products returns the SAF-T product master records of c's lines, each once.
func (c *Computed) Products() []saft.Product { return c.products() }

func (c *Computed) customer() saft.Customer {
	cu := c.Draft.Customer
	return saft.Customer{
		CustomerID: cu.ID, AccountID: saft.Unknown, CustomerTaxID: cu.TaxID, CompanyName: cu.Name,
		BillingAddress: saft.CustomerAddress{AddressDetail: cu.Address, City: cu.City, PostalCode: cu.PostalCode, Country: cu.Country},
	}
}

func (c *Computed) products() []saft.Product {
	var out []saft.Product
	seen := map[string]bool{}
	for i := range c.Lines {
		p := c.Lines[i].Product
		if seen[p.Code] {
			continue
		}
		seen[p.Code] = true
		out = append(out, saft.Product{ProductType: p.Type, ProductCode: p.Code, ProductDescription: p.Description, ProductNumberCode: p.Code})
	}
	return out
}

func (c *Computed) taxTable() []saft.TaxTableEntry {
	out := make([]saft.TaxTableEntry, 0, len(c.Taxes))
	for i := range c.Taxes {
		t := &c.Taxes[i]
		e := saft.TaxTableEntry{TaxType: t.Type, TaxCountryRegion: string(t.Region), TaxCode: t.Code, Description: t.Description}
		if t.Fixed {
			// The table holds the item; the amount is per line.
			a := c.Lines[t.lines[0]].FixedAmount
			e.TaxAmount = a
		} else {
			p := t.Percent
			e.TaxPercentage = &p
		}
		out = append(out, e)
	}
	return out
}

// line is the SAF-T line of l (Portaria 302/2016, 4.1.4.19).
func (c *Computed) line(i int) saft.InvoiceLine {
	l := &c.Lines[i]
	amount := l.Amount
	sl := saft.InvoiceLine{
		LineNumber: i + 1, ProductCode: l.Product.Code, ProductDescription: l.Product.Description,
		Quantity: l.Quantity, UnitOfMeasure: l.Product.Unit, UnitPrice: l.UnitPrice,
		TaxPointDate: l.TaxPointDate, Description: l.Description,
		Tax: &saft.Tax{TaxType: l.TaxType, TaxCountryRegion: string(l.Region), TaxCode: l.TaxCode},
	}
	if l.FixedAmount != nil {
		a := *l.FixedAmount
		sl.Tax.TaxAmount = &a
	} else {
		p := l.Percent
		sl.Tax.TaxPercentage = &p
	}
	if e := l.Exemption; e != nil {
		sl.TaxExemptionCode, sl.TaxExemptionReason = e.Code, saftReason(e.Mention)
	}
	if l.DiscountAmount.IsPositive() {
		s := l.DiscountAmount
		sl.SettlementAmount = &s
	}
	if c.Draft.Type == series.DocumentTypeNC {
		sl.DebitAmount = &amount
	} else {
		sl.CreditAmount = &amount
	}
	if r := l.Line.Reference; r != nil {
		sl.References = []saft.References{{Reference: r.Number, Reason: r.Reason}}
	}
	return sl
}

func (c *Computed) currency() *saft.Currency {
	if c.Draft.Currency == nil {
		return nil
	}
	return &saft.Currency{CurrencyCode: c.Draft.Currency.Code, CurrencyAmount: c.CurrencyAmount, ExchangeRate: c.Draft.Currency.Rate}
}

func (c *Computed) invoice(doc *issuing.Document) *saft.Invoice {
	d := &c.Draft
	entry := doc.SystemEntry
	inv := &saft.Invoice{
		InvoiceNo: doc.DocumentNumber, ATCUD: doc.ATCUD.String(),
		DocumentStatus: saft.InvoiceDocumentStatus{InvoiceStatus: saft.InvoiceStatusNormal, InvoiceStatusDate: entry,
			SourceID: d.SourceID, SourceBilling: saft.SourceBillingProduced},
		Hash: doc.Hash, HashControl: doc.HashControl, Period: int(d.Date.Month),
		InvoiceDate: d.Date, InvoiceType: d.Type, SourceID: d.SourceID, EACCode: d.EACCode,
		SystemEntryDate: entry, CustomerID: d.Customer.ID,
		Line: make([]saft.InvoiceLine, len(c.Lines)),
		DocumentTotals: saft.InvoiceTotals{TaxPayable: c.TaxPayable, NetTotal: c.NetTotal, GrossTotal: c.GrossTotal,
			Currency: c.currency()},
	}
	for i := range c.Lines {
		inv.Line[i] = c.line(i)
	}
	if s := d.Settlement; s != nil {
		st := saft.Settlement{SettlementDiscount: s.Percent.String() + "%", PaymentTerms: s.Terms}
		if c.SettlementAmount.IsPositive() {
			a := c.SettlementAmount
			st.SettlementAmount = &a
		}
		if !s.Date.IsZero() {
			sd := s.Date
			st.SettlementDate = &sd
		}
		inv.DocumentTotals.Settlement = []saft.Settlement{st}
	}
	for _, p := range d.Payments {
		inv.DocumentTotals.Payment = append(inv.DocumentTotals.Payment, saft.PaymentMethod{
			PaymentMechanism: p.Mechanism, PaymentAmount: p.Amount, PaymentDate: p.Date})
	}
	for _, w := range c.Withholding {
		inv.WithholdingTax = append(inv.WithholdingTax, saft.WithholdingTax{WithholdingTaxType: w.Type,
			WithholdingTaxDescription: w.Description, WithholdingTaxAmount: w.Amount})
	}
	return inv
}

func (c *Computed) workDocument(doc *issuing.Document) *saft.WorkDocument {
	d := &c.Draft
	entry := doc.SystemEntry
	w := &saft.WorkDocument{
		DocumentNumber: doc.DocumentNumber, ATCUD: doc.ATCUD.String(),
		DocumentStatus: saft.WorkDocumentStatus{WorkStatus: saft.WorkStatusNormal, WorkStatusDate: entry,
			SourceID: d.SourceID, SourceBilling: saft.SourceBillingProduced},
		Hash: doc.Hash, HashControl: doc.HashControl, Period: int(d.Date.Month),
		WorkDate: d.Date, WorkType: d.Type, SourceID: d.SourceID, EACCode: d.EACCode,
		SystemEntryDate: entry, CustomerID: d.Customer.ID,
		Line: make([]saft.InvoiceLine, len(c.Lines)),
		DocumentTotals: saft.DocumentTotals{TaxPayable: c.TaxPayable, NetTotal: c.NetTotal, GrossTotal: c.GrossTotal,
			Currency: c.currency()},
	}
	for i := range c.Lines {
		w.Line[i] = c.line(i)
	}
	return w
}

func (c *Computed) stockMovement(doc *issuing.Document) *saft.StockMovement {
	d := &c.Draft
	entry := doc.SystemEntry
	from, to := d.Transport.From, d.Transport.To
	m := &saft.StockMovement{
		DocumentNumber: doc.DocumentNumber, ATCUD: doc.ATCUD.String(),
		DocumentStatus: saft.MovementDocumentStatus{MovementStatus: saft.MovementStatusNormal, MovementStatusDate: entry,
			SourceID: d.SourceID, SourceBilling: saft.SourceBillingProduced},
		Hash: doc.Hash, HashControl: doc.HashControl, Period: int(d.Date.Month),
		MovementDate: d.Date, MovementType: d.Type, SystemEntryDate: entry,
		CustomerID: d.Customer.ID, SourceID: d.SourceID, EACCode: d.EACCode,
		ShipTo:            &saft.ShippingPoint{Address: &to},
		ShipFrom:          &saft.ShippingPoint{Address: &from},
		MovementStartTime: civil.DateTimeOf(d.Transport.Start),
		Line:              make([]saft.StockMovementLine, len(c.Lines)),
		DocumentTotals:    saft.DocumentTotals{TaxPayable: c.TaxPayable, NetTotal: c.NetTotal, GrossTotal: c.GrossTotal, Currency: c.currency()},
	}
	for i := range c.Lines {
		l := &c.Lines[i]
		amount := l.Amount
		ml := saft.StockMovementLine{
			LineNumber: i + 1, ProductCode: l.Product.Code, ProductDescription: l.Product.Description,
			Quantity: l.Quantity, UnitOfMeasure: l.Product.Unit, UnitPrice: l.UnitPrice, Description: l.Description,
			CreditAmount: &amount,
			Tax:          &saft.MovementTax{TaxType: l.TaxType, TaxCountryRegion: string(l.Region), TaxCode: l.TaxCode, TaxPercentage: l.Percent},
		}
		if e := l.Exemption; e != nil {
			ml.TaxExemptionCode, ml.TaxExemptionReason = e.Code, saftReason(e.Mention)
		}
		if l.DiscountAmount.IsPositive() {
			s := l.DiscountAmount
			ml.SettlementAmount = &s
		}
		m.Line[i] = ml
	}
	return m
}

// maxReason is the length of SAF-T's TaxExemptionReason
// (SAFPTPortugueseTaxExemptionReason).
const maxReason = 60

// saftReason is the mention as SAF-T's TaxExemptionReason holds it: AT's
// mention of M15 has 61 characters, so the spaces around a dash go.
func saftReason(m string) string {
	if utf8.RuneCountInString(m) <= maxReason {
		return m
	}
	return strings.ReplaceAll(m, " – ", "–")
}
