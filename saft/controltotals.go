package saft

import "github.com/shopspring/decimal"

// ControlTotals accumulates the control totals of GeneralLedgerEntries and
// of each section of SourceDocuments from their records, by the rules of
// Portaria 302/2016. The writer declares them and the audit checks the
// declared ones with it: one set of rules for both.
//
//   - NumberOfEntries counts every transaction (3.1) or document, cancelled
//     and billed ones included (4.1.1, 4.3.1, 4.4.1).
//   - TotalDebit and TotalCredit sum the lines' DebitAmount and
//     CreditAmount: of every transaction (3.2, 3.3); of the documents not
//     cancelled (InvoiceStatus, WorkStatus, PaymentStatus "A") and, in
//     SalesInvoices, not billed (InvoiceStatus "F") (4.1.2, 4.1.3, 4.3.2,
//     4.3.3, 4.4.2, 4.4.3).
//   - NumberOfMovementLines counts the lines of every stock movement,
//     cancelled ones included (4.2.1); TotalQuantityIssued sums the
//     Quantity of the lines of the movements not cancelled (MovementStatus
//     "A") (4.2.2).
//
// The sums are exact; whether a declared total is right for them is
// TotalMatches. The zero value is empty and ready to use.
type ControlTotals struct {
	GeneralLedgerEntries EntryTotals
	SalesInvoices        EntryTotals
	MovementOfGoods      MovementTotals
	WorkingDocuments     EntryTotals
	Payments             EntryTotals
}

// EntryTotals are NumberOfEntries, TotalDebit and TotalCredit of a section.
type EntryTotals struct {
	n             int
	debit, credit amountSum
}

// NumberOfEntries is the number of transactions or documents added.
func (t *EntryTotals) NumberOfEntries() int { return t.n }

// TotalDebit is the exact sum of the debit amounts that count.
func (t *EntryTotals) TotalDebit() decimal.Decimal { return t.debit.value() }

// TotalCredit is the exact sum of the credit amounts that count.
func (t *EntryTotals) TotalCredit() decimal.Decimal { return t.credit.value() }

// MovementTotals are NumberOfMovementLines and TotalQuantityIssued.
type MovementTotals struct {
	lines    int
	quantity amountSum
}

// NumberOfMovementLines is the number of lines of the movements added.
func (t *MovementTotals) NumberOfMovementLines() int { return t.lines }

// TotalQuantityIssued is the exact sum of the quantities that count.
func (t *MovementTotals) TotalQuantityIssued() decimal.Decimal { return t.quantity.value() }

// AddTransaction adds a transaction of GeneralLedgerEntries.
func (t *ControlTotals) AddTransaction(tr *Transaction) { t.GeneralLedgerEntries.addTransaction(tr) }

// AddInvoice adds a document of SalesInvoices.
func (t *ControlTotals) AddInvoice(inv *Invoice) { t.SalesInvoices.addInvoice(inv) }

// AddStockMovement adds a document of MovementOfGoods.
func (t *ControlTotals) AddStockMovement(m *StockMovement) { t.MovementOfGoods.add(m) }

// AddWorkDocument adds a document of WorkingDocuments.
func (t *ControlTotals) AddWorkDocument(d *WorkDocument) { t.WorkingDocuments.addWorkDocument(d) }

// AddPayment adds a document of Payments.
func (t *ControlTotals) AddPayment(p *Payment) { t.Payments.addPayment(p) }

func (t *EntryTotals) addTransaction(tr *Transaction) {
	t.n++
	for i := range tr.Lines.DebitLine {
		t.debit.add(tr.Lines.DebitLine[i].DebitAmount)
	}
	for i := range tr.Lines.CreditLine {
		t.credit.add(tr.Lines.CreditLine[i].CreditAmount)
	}
}

func (t *EntryTotals) addLine(debit, credit *decimal.Decimal) {
	if debit != nil {
		t.debit.add(*debit)
	}
	if credit != nil {
		t.credit.add(*credit)
	}
}

func (t *EntryTotals) addInvoice(inv *Invoice) {
	t.n++
	if s := inv.DocumentStatus.InvoiceStatus; s == InvoiceStatusCancelled || s == InvoiceStatusBilled {
		return
	}
	for i := range inv.Line {
		t.addLine(inv.Line[i].DebitAmount, inv.Line[i].CreditAmount)
	}
}

func (t *EntryTotals) addWorkDocument(d *WorkDocument) {
	t.n++
	if d.DocumentStatus.WorkStatus == WorkStatusCancelled {
		return
	}
	for i := range d.Line {
		t.addLine(d.Line[i].DebitAmount, d.Line[i].CreditAmount)
	}
}

func (t *EntryTotals) addPayment(p *Payment) {
	t.n++
	if p.DocumentStatus.PaymentStatus == PaymentStatusCancelled {
		return
	}
	for i := range p.Line {
		t.addLine(p.Line[i].DebitAmount, p.Line[i].CreditAmount)
	}
}

func (t *EntryTotals) equal(u *EntryTotals) bool {
	return t.n == u.n && t.debit.value().Equal(u.debit.value()) && t.credit.value().Equal(u.credit.value())
}

func (t *MovementTotals) add(m *StockMovement) {
	t.lines += len(m.Line)
	if m.DocumentStatus.MovementStatus == MovementStatusCancelled {
		return
	}
	for i := range m.Line {
		t.quantity.add(m.Line[i].Quantity)
	}
}

func (t *MovementTotals) equal(u *MovementTotals) bool {
	return t.lines == u.lines && t.quantity.value().Equal(u.quantity.value())
}

// TotalMatches reports whether a declared control total (TotalDebit,
// TotalCredit, TotalQuantityIssued) is right for the exact sum of its
// records: equal to it, or written with n >= 2 decimals and equal to the
// sum rounded to n decimals, half up or half even. The Portaria states the
// sum, not its precision, and AT's own demonstration file declares
// TotalQuantityIssued 3295.92 for lines that add up to 3295.922006.
func TotalMatches(declared, exact decimal.Decimal) bool {
	if declared.Equal(exact) {
		return true
	}
	n := -declared.Exponent()
	if n < 2 {
		return false
	}
	return declared.Equal(exact.Round(n)) || declared.Equal(exact.RoundBank(n))
}
