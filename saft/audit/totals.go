package audit

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/violation"
)

// declared are the control totals a section declares, and where.
type declared struct {
	present       bool
	line          int
	path          string
	entries       int
	debit, credit decimal.Decimal
	lines         int // MovementOfGoods
	quantity      decimal.Decimal
}

// totals compares the control totals the file declares with those of its
// records, summed by saft.ControlTotals (the rules the writer follows).
type totals struct {
	sum                                      saft.ControlTotals
	ledger, sales, movements, work, payments declared
}

func (t *totals) declare(rec *saft.Record) {
	var d *declared
	switch rec.Kind {
	case saft.RecordGeneralLedgerEntries:
		g := rec.GeneralLedgerEntries
		d = &t.ledger
		d.entries, d.debit, d.credit = g.NumberOfEntries, g.TotalDebit, g.TotalCredit
	case saft.RecordSalesInvoices:
		g := rec.SalesInvoices
		d = &t.sales
		d.entries, d.debit, d.credit = g.NumberOfEntries, g.TotalDebit, g.TotalCredit
	case saft.RecordWorkingDocuments:
		g := rec.WorkingDocuments
		d = &t.work
		d.entries, d.debit, d.credit = g.NumberOfEntries, g.TotalDebit, g.TotalCredit
	case saft.RecordPayments:
		g := rec.Payments
		d = &t.payments
		d.entries, d.debit, d.credit = g.NumberOfEntries, g.TotalDebit, g.TotalCredit
	case saft.RecordMovementOfGoods:
		g := rec.MovementOfGoods
		d = &t.movements
		d.lines, d.quantity = g.NumberOfMovementLines, g.TotalQuantityIssued
	default:
		return
	}
	d.present, d.line, d.path = true, rec.Line, rec.Path
}

// finish compares the declared totals with the records'.
func (t *totals) finish(a *auditor) {
	check := func(d *declared, section string, code violation.Code, field string, ok bool, declared, computed any) {
		if d.present && !ok {
			a.add(Finding{Code: code, Section: section, Record: section, Path: d.path + "/" + field, Line: d.line,
				Message: fmt.Sprintf("%s declares %v, the records give %v", field, declared, computed)})
		}
	}
	entries := func(d *declared, section string, s *saft.EntryTotals) {
		check(d, section, CodeTotalsEntries, "NumberOfEntries", d.entries == s.NumberOfEntries(), d.entries, s.NumberOfEntries())
		debit, credit := s.TotalDebit(), s.TotalCredit()
		check(d, section, CodeTotalsDebit, "TotalDebit", saft.TotalMatches(d.debit, debit), money(d.debit), money(debit))
		check(d, section, CodeTotalsCredit, "TotalCredit", saft.TotalMatches(d.credit, credit), money(d.credit), money(credit))
	}
	entries(&t.ledger, "GeneralLedgerEntries", &t.sum.GeneralLedgerEntries)
	entries(&t.sales, "SalesInvoices", &t.sum.SalesInvoices)
	entries(&t.work, "WorkingDocuments", &t.sum.WorkingDocuments)
	entries(&t.payments, "Payments", &t.sum.Payments)
	d, m := &t.movements, &t.sum.MovementOfGoods
	check(d, "MovementOfGoods", CodeTotalsLines, "NumberOfMovementLines", d.lines == m.NumberOfMovementLines(), d.lines, m.NumberOfMovementLines())
	q := m.TotalQuantityIssued()
	check(d, "MovementOfGoods", CodeTotalsQuantity, "TotalQuantityIssued", saft.TotalMatches(d.quantity, q), d.quantity, q)
}

// money writes an amount to the cent, or with all its decimals when it has
// more.
func money(d decimal.Decimal) string {
	if d.Exponent() < -2 {
		return d.String()
	}
	return d.StringFixed(2)
}
