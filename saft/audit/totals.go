package audit

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/violation"
)

// sectionTotals are a section's declared control totals and the ones
// recomputed from its records.
type sectionTotals struct {
	present       bool
	line          int
	path          string
	entries, n    int
	debit, credit decimal.Decimal // declared
	sumD, sumC    decimal.Decimal // recomputed
	lines, nLines int             // MovementOfGoods
	qty, sumQty   decimal.Decimal
}

// totals recomputes the control totals by the rules of Portaria 302/2016
// (the same the saft writer applies): NumberOfEntries counts every
// document (3.1, 4.1.1, 4.3.1, 4.4.1); TotalDebit/TotalCredit sum the
// lines leaving out cancelled documents (status A) and, in SalesInvoices,
// billed ones (F) (4.1.2, 4.1.3, 4.3.2, 4.3.3, 4.4.2, 4.4.3); the ledger
// sums every line (3.2, 3.3); NumberOfMovementLines counts the lines of
// every stock movement (4.2.1) and TotalQuantityIssued sums the
// quantities of the documents not cancelled (4.2.2).
type totals struct {
	ledger, sales, movements, work, payments sectionTotals
}

func (t *totals) declare(rec *saft.Record) {
	var s *sectionTotals
	switch rec.Kind {
	case saft.RecordGeneralLedgerEntries:
		s = &t.ledger
		g := rec.GeneralLedgerEntries
		s.entries, s.debit, s.credit = g.NumberOfEntries, g.TotalDebit, g.TotalCredit
	case saft.RecordSalesInvoices:
		s = &t.sales
		g := rec.SalesInvoices
		s.entries, s.debit, s.credit = g.NumberOfEntries, g.TotalDebit, g.TotalCredit
	case saft.RecordWorkingDocuments:
		s = &t.work
		g := rec.WorkingDocuments
		s.entries, s.debit, s.credit = g.NumberOfEntries, g.TotalDebit, g.TotalCredit
	case saft.RecordPayments:
		s = &t.payments
		g := rec.Payments
		s.entries, s.debit, s.credit = g.NumberOfEntries, g.TotalDebit, g.TotalCredit
	case saft.RecordMovementOfGoods:
		s = &t.movements
		g := rec.MovementOfGoods
		s.lines, s.qty = g.NumberOfMovementLines, g.TotalQuantityIssued
	default:
		return
	}
	s.present, s.line, s.path = true, rec.Line, rec.Path
}

func addLine(s *sectionTotals, debit, credit *decimal.Decimal) {
	if debit != nil {
		s.sumD = s.sumD.Add(*debit)
	}
	if credit != nil {
		s.sumC = s.sumC.Add(*credit)
	}
}

func (t *totals) transaction(tr *saft.Transaction) {
	s := &t.ledger
	s.n++
	for i := range tr.Lines.DebitLine {
		s.sumD = s.sumD.Add(tr.Lines.DebitLine[i].DebitAmount)
	}
	for i := range tr.Lines.CreditLine {
		s.sumC = s.sumC.Add(tr.Lines.CreditLine[i].CreditAmount)
	}
}

func (t *totals) invoice(inv *saft.Invoice) {
	s := &t.sales
	s.n++
	if st := inv.DocumentStatus.InvoiceStatus; st == saft.InvoiceStatusCancelled || st == saft.InvoiceStatusBilled {
		return
	}
	for i := range inv.Line {
		addLine(s, inv.Line[i].DebitAmount, inv.Line[i].CreditAmount)
	}
}

func (t *totals) workDocument(d *saft.WorkDocument) {
	s := &t.work
	s.n++
	if d.DocumentStatus.WorkStatus == saft.WorkStatusCancelled {
		return
	}
	for i := range d.Line {
		addLine(s, d.Line[i].DebitAmount, d.Line[i].CreditAmount)
	}
}

func (t *totals) payment(p *saft.Payment) {
	s := &t.payments
	s.n++
	if p.DocumentStatus.PaymentStatus == saft.PaymentStatusCancelled {
		return
	}
	for i := range p.Line {
		addLine(s, p.Line[i].DebitAmount, p.Line[i].CreditAmount)
	}
}

func (t *totals) movement(m *saft.StockMovement) {
	s := &t.movements
	s.nLines += len(m.Line)
	if m.DocumentStatus.MovementStatus == saft.MovementStatusCancelled {
		return
	}
	for i := range m.Line {
		s.sumQty = s.sumQty.Add(m.Line[i].Quantity)
	}
}

// finish compares the declared totals with the recomputed ones.
func (t *totals) finish(a *auditor) {
	money := func(s *sectionTotals, section string) {
		if !s.present {
			return
		}
		f := func(code violation.Code, field string, declared, computed string) {
			a.add(Finding{Code: code, Section: section, Record: section, Path: s.path + "/" + field, Line: s.line,
				Message: fmt.Sprintf("%s declares %s, the records give %s", field, declared, computed)})
		}
		if s.entries != s.n {
			f(CodeTotalsEntries, "NumberOfEntries", fmt.Sprint(s.entries), fmt.Sprint(s.n))
		}
		if !s.debit.Equal(s.sumD) {
			f(CodeTotalsDebit, "TotalDebit", s.debit.StringFixed(2), s.sumD.StringFixed(2))
		}
		if !s.credit.Equal(s.sumC) {
			f(CodeTotalsCredit, "TotalCredit", s.credit.StringFixed(2), s.sumC.StringFixed(2))
		}
	}
	money(&t.ledger, "GeneralLedgerEntries")
	money(&t.sales, "SalesInvoices")
	money(&t.work, "WorkingDocuments")
	money(&t.payments, "Payments")
	if s := &t.movements; s.present {
		if s.lines != s.nLines {
			a.add(Finding{Code: CodeTotalsLines, Section: "MovementOfGoods", Record: "MovementOfGoods", Path: s.path + "/NumberOfMovementLines", Line: s.line,
				Message: fmt.Sprintf("NumberOfMovementLines declares %d, the stock movements have %d lines", s.lines, s.nLines)})
		}
		if !s.qty.Equal(s.sumQty) {
			a.add(Finding{Code: CodeTotalsQuantity, Section: "MovementOfGoods", Record: "MovementOfGoods", Path: s.path + "/TotalQuantityIssued", Line: s.line,
				Message: fmt.Sprintf("TotalQuantityIssued declares %s, the lines give %s", s.qty.String(), s.sumQty.String())})
		}
	}
}
