package audit

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/saft"
)

// Document arithmetic: rounding rule and tolerance.
//
// Portaria 302/2016 defines the amounts but no rounding rule:
//
//   - UnitPrice (4.1.4.19.7) is the unit price net of line and header
//     discounts, without tax; DebitAmount/CreditAmount (4.1.4.19.13/14) is
//     the line's value without tax, net of the same discounts. So the line
//     amount is Quantity x UnitPrice. Amounts are written to the cent, and
//     programs round half up or half even: 0.01. A program may also have
//     written UnitPrice rounded from the price it computed the amount with
//     (a price net of a header discount rarely ends at the cent), so the
//     rounding of the written price, multiplied by the quantity, is
//     accepted too: |amount - Quantity x UnitPrice| <= 0.01 + |Quantity| x
//     half a unit of UnitPrice's last written decimal (of the cent, for a
//     price written with fewer decimals).
//   - NetTotal (4.1.4.20.2) is the total without taxes: the sum of the line
//     amounts, credits minus debits (in absolute value: a credit note has
//     debit lines). The amounts are cents already; we accept 0.01 for lines
//     written with more than two decimals.
//   - TaxPayable (4.1.4.20.1) is the tax of the document. Programs round the
//     tax per line or per rate; each rounding moves the result by at most
//     half a cent, so we compare with the exact sum of amount x
//     TaxPercentage / 100 (TaxAmount for fixed stamp duty) and accept
//     max(0.01, 0.005 x taxed lines). A line with TaxBase (4.1.4.19.8, the
//     unit taxable value that "serves as the base of the line's taxes" but
//     not of NetTotal) is taxed on TaxBase x Quantity; since programs differ
//     on whether that tax enters TaxPayable, both readings are accepted.
//     When a line carries no Tax (optional in stock movements), the tax
//     cannot be recomputed and is not checked.
//   - GrossTotal (4.1.4.20.3) is NetTotal + TaxPayable, withholding tax not
//     deducted: both are cents, so the sum is exact; for a document in a
//     foreign currency (Currency present), converted amounts may each have
//     been rounded: 0.01 accepted.
var (
	cent        = decimal.New(1, -2)
	halfCent    = decimal.New(5, -3)
	hundred     = decimal.NewFromInt(100)
	zeroDecimal = decimal.Zero
)

type lineFacts struct {
	qty, price     decimal.Decimal
	debit, credit  *decimal.Decimal
	taxBase        *decimal.Decimal
	pct, taxAmount *decimal.Decimal
}

type docFacts struct {
	lines                 []lineFacts
	net, tax, gross       decimal.Decimal
	foreign               bool
	linePath, totalsPath  string
	checkLines, checkTaxe bool
}

func (a *auditor) arithmetic(rec *saft.Record, d *docFacts) {
	var credit, debit, exactTax, taxBaseTax decimal.Decimal
	taxed := 0
	unknownTax := false
	for i, l := range d.lines {
		var amount decimal.Decimal
		sign := decimal.NewFromInt(1)
		switch {
		case l.credit != nil:
			amount = *l.credit
			credit = credit.Add(amount)
		case l.debit != nil:
			amount = *l.debit
			debit = debit.Add(amount)
			sign = sign.Neg()
		}
		if l.taxBase == nil && d.checkLines {
			want := l.qty.Mul(l.price)
			if amount.Sub(want).Abs().GreaterThan(lineTolerance(l.qty, l.price)) {
				a.addAt(rec, CodeLineAmount, d.linePath+"["+strconv.Itoa(i+1)+"]",
					"line %d: amount %s is not Quantity %s x UnitPrice %s = %s", i+1, amount.String(), l.qty.String(), l.price.String(), want.Round(2).StringFixed(2))
			}
		}
		switch {
		case l.taxAmount != nil:
			exactTax = exactTax.Add(sign.Mul(*l.taxAmount))
			taxed++
		case l.pct != nil && l.taxBase != nil:
			taxBaseTax = taxBaseTax.Add(sign.Mul(l.taxBase.Mul(l.qty).Mul(*l.pct).Div(hundred)))
			taxed++
		case l.pct != nil && !l.pct.IsZero():
			exactTax = exactTax.Add(sign.Mul(amount.Mul(*l.pct).Div(hundred)))
			taxed++
		case l.pct == nil:
			unknownTax = true
		}
	}
	net := credit.Sub(debit).Abs()
	if d.checkLines && d.net.Sub(net).Abs().GreaterThan(cent) {
		a.addAt(rec, CodeDocNetTotal, d.totalsPath+"/NetTotal", "NetTotal %s is not the sum of the lines %s", d.net.StringFixed(2), net.StringFixed(2))
	}
	if d.checkTaxe && !unknownTax {
		tol := decimal.Max(cent, halfCent.Mul(decimal.NewFromInt(int64(taxed))))
		with, without := exactTax.Add(taxBaseTax).Abs(), exactTax.Abs()
		if d.tax.Sub(with).Abs().GreaterThan(tol) && d.tax.Sub(without).Abs().GreaterThan(tol) {
			a.addAt(rec, CodeDocTaxPayable, d.totalsPath+"/TaxPayable", "TaxPayable %s is not the lines' tax %s (tolerance %s)", d.tax.StringFixed(2), with.Round(2).StringFixed(2), tol.String())
		}
	}
	tol := zeroDecimal
	if d.foreign {
		tol = cent
	}
	if sum := d.net.Add(d.tax); d.gross.Sub(sum).Abs().GreaterThan(tol) {
		a.addAt(rec, CodeDocGrossTotal, d.totalsPath+"/GrossTotal", "GrossTotal %s is not NetTotal %s + TaxPayable %s = %s",
			d.gross.StringFixed(2), d.net.StringFixed(2), d.tax.StringFixed(2), sum.StringFixed(2))
	}
}

func invoiceLines(ls []saft.InvoiceLine) []lineFacts {
	out := make([]lineFacts, len(ls))
	for i := range ls {
		l := &ls[i]
		out[i] = lineFacts{qty: l.Quantity, price: l.UnitPrice, debit: l.DebitAmount, credit: l.CreditAmount, taxBase: l.TaxBase}
		if l.Tax != nil {
			out[i].pct, out[i].taxAmount = l.Tax.TaxPercentage, l.Tax.TaxAmount
		}
	}
	return out
}

func (a *auditor) invoiceArithmetic(rec *saft.Record) {
	inv := rec.Invoice
	t := &inv.DocumentTotals
	a.arithmetic(rec, &docFacts{lines: invoiceLines(inv.Line), net: t.NetTotal, tax: t.TaxPayable, gross: t.GrossTotal,
		foreign: t.Currency != nil, linePath: rec.Path + "/Line", totalsPath: rec.Path + "/DocumentTotals", checkLines: true, checkTaxe: true})
}

func (a *auditor) workArithmetic(rec *saft.Record) {
	d := rec.WorkDocument
	t := &d.DocumentTotals
	a.arithmetic(rec, &docFacts{lines: invoiceLines(d.Line), net: t.NetTotal, tax: t.TaxPayable, gross: t.GrossTotal,
		foreign: t.Currency != nil, linePath: rec.Path + "/Line", totalsPath: rec.Path + "/DocumentTotals", checkLines: true, checkTaxe: true})
}

func (a *auditor) movementArithmetic(rec *saft.Record) {
	m := rec.StockMovement
	out := make([]lineFacts, len(m.Line))
	for i := range m.Line {
		l := &m.Line[i]
		out[i] = lineFacts{qty: l.Quantity, price: l.UnitPrice, debit: l.DebitAmount, credit: l.CreditAmount}
		if l.Tax != nil {
			p := l.Tax.TaxPercentage
			out[i].pct = &p
		}
	}
	t := &m.DocumentTotals
	a.arithmetic(rec, &docFacts{lines: out, net: t.NetTotal, tax: t.TaxPayable, gross: t.GrossTotal,
		foreign: t.Currency != nil, linePath: rec.Path + "/Line", totalsPath: rec.Path + "/DocumentTotals", checkLines: true, checkTaxe: true})
}

// paymentArithmetic checks only GrossTotal: a payment's lines are the
// amounts settled of other documents, which may include their tax.
func (a *auditor) paymentArithmetic(rec *saft.Record) {
	t := &rec.Payment.DocumentTotals
	a.arithmetic(rec, &docFacts{net: t.NetTotal, tax: t.TaxPayable, gross: t.GrossTotal, foreign: t.Currency != nil,
		totalsPath: rec.Path + "/DocumentTotals"})
}

// lineTolerance is how far a line amount may be from Quantity x UnitPrice:
// a cent, plus the rounding of the written UnitPrice times the quantity.
func lineTolerance(qty, price decimal.Decimal) decimal.Decimal {
	exp := min(price.Exponent(), -2)
	return cent.Add(qty.Abs().Mul(decimal.New(5, exp-1)))
}
