package printout

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// sheet is what a document prints, in words: the layout draws it.
type sheet struct {
	typ                   series.DocumentType
	number                string
	date                  civil.Date
	entry                 civil.DateTime
	atcud, mention, qr    string
	customer              []string // name first
	info                  []string // references, transport
	cols                  []column
	rows                  []row
	taxes                 [][3]string // rate, base, tax
	totals                []total
	payments              []string
	mentions              []string
	notInvoice, hasTaxCol bool
}

type column struct {
	head  string
	width float64
	align string
	wrap  bool
}

type row struct {
	cells  []string
	notes  []string
	amount decimal.Decimal
}

type total struct {
	label, value string
	strong       bool
}

func known(s string) bool { return s != "" && s != saft.Unknown }

func customerLines(l *Labels, name, taxID, address, postal, city, country string) []string {
	out := []string{name}
	if taxID != "" && taxID != "999999990" {
		out = append(out, l.TaxID+": "+taxID)
	}
	if known(address) {
		out = append(out, address)
	}
	var place []string
	for _, s := range []string{postal, city} {
		if known(s) {
			place = append(place, s)
		}
	}
	if known(country) && country != "PT" {
		place = append(place, country)
	}
	if len(place) > 0 {
		out = append(out, strings.Join(place, " "))
	}
	return out
}

func address(a saft.CustomerAddress) string {
	var parts []string
	for _, s := range []string{a.AddressDetail, strings.TrimSpace(a.PostalCode + " " + a.City), a.Country} {
		if known(s) {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

func (l *Labels) percent(p decimal.Decimal) string { return l.Number(p, 0) + "%" }

func (l *Labels) region(r string) string {
	switch document.Region(r) {
	case document.Azores:
		return " (" + l.Azores + ")"
	case document.Madeira:
		return " (" + l.Madeira + ")"
	}
	return ""
}

func (l *Labels) taxName(typ saft.TaxType, code saft.TaxCode, pct decimal.Decimal, region string) string {
	var s string
	switch {
	case typ == saft.TaxTypeStampDuty:
		s = l.StampDuty
	case typ == saft.TaxTypeNotSubject || code == saft.TaxCodeNotSubject:
		s = l.NotSubject
	case code == saft.TaxCodeExempt:
		s = l.VAT + " " + l.Exempt
	default:
		s = l.VAT + " " + l.percent(pct)
	}
	return s + l.region(region)
}

func sheetOf(d *document.Issued, l *Labels) *sheet {
	dr := &d.Draft
	s := &sheet{
		typ: dr.Type, number: d.Document.DocumentNumber, date: dr.Date, entry: d.Document.SystemEntry,
		atcud: d.Printed.ATCUD, mention: d.Printed.Mention, qr: d.Printed.QR,
		notInvoice: dr.Type.Class() != series.DocumentClassSI, hasTaxCol: true,
	}
	cu := dr.Customer
	s.customer = customerLines(l, cu.Name, cu.TaxID, cu.Address, cu.PostalCode, cu.City, cu.Country)
	s.cols = []column{
		{head: l.Code, width: 20, align: "L"},
		{head: l.Description, width: 63, align: "L", wrap: true},
		{head: l.Quantity, width: 15, align: "R"},
		{head: l.Unit, width: 12, align: "L"},
		{head: l.UnitPrice, width: 22, align: "R"},
		{head: l.Discount, width: 12, align: "R"},
		{head: l.Tax, width: 14, align: "R"},
		{head: l.Value, width: 22, align: "R"},
	}
	// A credit or debit note names the documents it corrects (Despacho
	// 8632/2014 §1.4); one reference goes to the head, several to their
	// lines.
	var refs []document.Reference
	for i := range d.Lines {
		if r := d.Lines[i].Line.Reference; r != nil && !slices.Contains(refs, *r) {
			refs = append(refs, *r)
		}
	}
	for _, r := range refs {
		info := l.References + ": " + r.Number
		if r.Reason != "" {
			info += " – " + r.Reason
		}
		s.info = append(s.info, info)
	}
	if t := dr.Transport; t != nil {
		s.info = append(s.info,
			l.LoadingPlace+": "+address(t.From),
			l.Start+": "+DateTime(civil.DateTimeOf(t.Start)),
			l.UnloadingPlace+": "+address(t.To))
	}
	var discounts decimal.Decimal
	for i := range d.Lines {
		la := &d.Lines[i]
		price := la.Amount.Add(la.DiscountAmount).DivRound(la.Quantity, 6)
		tax := l.percent(la.Percent)
		switch {
		case la.Exemption != nil:
			tax = la.Exemption.Code
		case la.TaxType == saft.TaxTypeStampDuty:
			tax = "IS"
		}
		disc := ""
		if !la.Line.Discount.IsZero() {
			disc = l.Number(la.Line.Discount, 0)
		}
		r := row{cells: []string{la.Product.Code, la.Description, l.Number(la.Quantity, 0), la.Product.Unit,
			l.Number(price, 2), disc, tax, l.Money(la.Amount)}, amount: la.Amount}
		if e := la.Exemption; e != nil {
			// CIVA art. 36 n.º 5 e); Despacho 8632/2014 §2.2.14.
			r.notes = append(r.notes, e.Code+": "+e.Mention)
		}
		if la.TaxPointDate != dr.Date && !la.TaxPointDate.IsZero() {
			r.notes = append(r.notes, l.SupplyDate+": "+Date(la.TaxPointDate)) // CIVA art. 36 n.º 5 f)
		}
		if ref := la.Line.Reference; ref != nil && len(refs) > 1 {
			r.notes = append(r.notes, l.References+": "+ref.Number)
		}
		discounts = discounts.Add(la.DiscountAmount)
		s.rows = append(s.rows, r)
	}
	for _, t := range d.Taxes {
		s.taxes = append(s.taxes, [3]string{l.taxName(t.Type, t.Code, t.Percent, string(t.Region)), l.Money(t.Base), l.Money(t.Tax)})
	}
	if discounts.IsPositive() {
		s.totals = append(s.totals, total{label: l.Discounts, value: l.Money(discounts)})
	}
	if !dr.Discount.IsZero() {
		s.totals = append(s.totals, total{label: l.GlobalDiscount, value: l.percent(dr.Discount)})
	}
	s.totals = append(s.totals,
		total{label: l.NetTotal, value: l.Money(d.NetTotal)},
		total{label: l.TaxPayable, value: l.Money(d.TaxPayable)},
		total{label: l.GrossTotal, value: l.Money(d.GrossTotal) + " " + l.Currency, strong: true})
	// Withholding after the gross total, which it does not change
	// (Despacho 8632/2014 §2.2.7).
	for _, w := range d.Withholding {
		s.totals = append(s.totals, total{label: l.Withholding + " (" + string(w.Type) + ")", value: l.Money(w.Amount)})
	}
	if len(d.Withholding) > 0 {
		s.totals = append(s.totals, total{label: l.Payable, value: l.Money(d.Payable) + " " + l.Currency, strong: true})
	}
	if st := dr.Settlement; st != nil {
		label := l.Settlement + " " + l.percent(st.Percent)
		if !st.Date.IsZero() {
			label += " " + l.Until + " " + Date(st.Date)
		}
		s.totals = append(s.totals, total{label: label, value: l.Money(d.SettlementAmount)})
	}
	for _, p := range dr.Payments {
		amount := p.Amount
		if amount.IsZero() {
			amount = d.Payable
		}
		date := p.Date
		if date.IsZero() {
			date = dr.Date
		}
		s.payments = append(s.payments, l.mechanism(p.Mechanism)+": "+l.Money(amount)+" "+l.Currency+" ("+Date(date)+")")
	}
	s.mentions = d.Printed.Mentions
	return s
}

func sheetOfReceipt(r *document.IssuedReceipt, mention string, l *Labels) *sheet {
	p := r.Payment
	s := &sheet{
		typ: p.PaymentType, number: r.Number, date: p.TransactionDate, entry: p.SystemEntryDate,
		atcud: r.Printed.ATCUD, mention: mention, qr: r.Printed.QR, notInvoice: true,
	}
	cu := r.Customer
	a := cu.BillingAddress
	s.customer = customerLines(l, cu.CompanyName, cu.CustomerTaxID, a.AddressDetail, a.PostalCode, a.City, a.Country)
	rc := p.PaymentType == series.DocumentTypeRC
	s.cols = []column{
		{head: l.SettledDocument, width: 40, align: "L"},
		{head: l.SettledDate, width: 30, align: "L"},
		{head: l.Description, width: 80, align: "L", wrap: true},
		{head: l.Value, width: 30, align: "R"},
	}
	for _, ln := range p.Line {
		var amount decimal.Decimal
		if ln.CreditAmount != nil {
			amount = *ln.CreditAmount
		}
		for _, src := range ln.SourceDocumentID {
			desc := src.Description
			if t := ln.Tax; t != nil && t.TaxPercentage != nil {
				desc = strings.TrimSpace(l.taxName(t.TaxType, t.TaxCode, *t.TaxPercentage, t.TaxCountryRegion) + " " + desc)
			}
			s.rows = append(s.rows, row{cells: []string{src.OriginatingON, Date(src.InvoiceDate), desc, l.Money(amount)}, amount: amount})
			amount = decimal.Zero // one line, one amount
		}
	}
	t := p.DocumentTotals
	if rc {
		s.totals = append(s.totals,
			total{label: l.NetTotal, value: l.Money(t.NetTotal)},
			total{label: l.TaxPayable, value: l.Money(t.TaxPayable)})
	}
	s.totals = append(s.totals, total{label: l.Received, value: l.Money(t.GrossTotal) + " " + l.Currency, strong: true})
	for _, pm := range p.PaymentMethod {
		s.payments = append(s.payments, l.mechanism(pm.PaymentMechanism)+": "+l.Money(pm.PaymentAmount)+" "+l.Currency+" ("+Date(pm.PaymentDate)+")")
	}
	s.mentions = r.Printed.Mentions
	return s
}
