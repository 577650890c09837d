package saft_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/faturapt/faturapt/saft"
)

func dp(s string) *decimal.Decimal { d := decimal.RequireFromString(s); return &d }

// Which documents count in which control total, field by field of
// Portaria 302/2016.
func TestControlTotals(t *testing.T) {
	invoice := func(status saft.InvoiceStatus) *saft.Invoice {
		inv := &saft.Invoice{Line: []saft.InvoiceLine{{CreditAmount: dp("10.00")}, {DebitAmount: dp("1.50")}}}
		inv.DocumentStatus.InvoiceStatus = status
		return inv
	}
	work := func(status saft.WorkStatus) *saft.WorkDocument {
		d := &saft.WorkDocument{Line: []saft.InvoiceLine{{CreditAmount: dp("10.00")}, {DebitAmount: dp("1.50")}}}
		d.DocumentStatus.WorkStatus = status
		return d
	}
	payment := func(status saft.PaymentStatus) *saft.Payment {
		p := &saft.Payment{Line: []saft.PaymentLine{{CreditAmount: dp("10.00")}, {DebitAmount: dp("1.50")}}}
		p.DocumentStatus.PaymentStatus = status
		return p
	}
	movement := func(status saft.MovementStatus) *saft.StockMovement {
		m := &saft.StockMovement{Line: []saft.StockMovementLine{{Quantity: decimal.RequireFromString("2.5")}, {Quantity: decimal.RequireFromString("1")}}}
		m.DocumentStatus.MovementStatus = status
		return m
	}
	type totals struct {
		entries       int
		debit, credit string
	}
	entry := func(e *saft.EntryTotals) totals {
		return totals{e.NumberOfEntries(), e.TotalDebit().String(), e.TotalCredit().String()}
	}
	counted, excluded := totals{1, "1.5", "10"}, totals{1, "0", "0"}
	cases := []struct {
		name string // the Portaria's fields
		add  func(*saft.ControlTotals)
		got  func(*saft.ControlTotals) totals
		want totals
	}{
		{"3.1-3.3 every transaction counts", func(c *saft.ControlTotals) {
			c.AddTransaction(&saft.Transaction{Lines: saft.TransactionLines{
				DebitLine:  []saft.DebitLine{{DebitAmount: decimal.RequireFromString("7.25")}},
				CreditLine: []saft.CreditLine{{CreditAmount: decimal.RequireFromString("7.25")}}}})
		}, func(c *saft.ControlTotals) totals { return entry(&c.GeneralLedgerEntries) }, totals{1, "7.25", "7.25"}},
		{"4.1.1-4.1.3 normal invoice", func(c *saft.ControlTotals) { c.AddInvoice(invoice(saft.InvoiceStatusNormal)) },
			func(c *saft.ControlTotals) totals { return entry(&c.SalesInvoices) }, counted},
		{"4.1.1-4.1.3 self-billed invoice", func(c *saft.ControlTotals) { c.AddInvoice(invoice(saft.InvoiceStatusSelfBilled)) },
			func(c *saft.ControlTotals) totals { return entry(&c.SalesInvoices) }, counted},
		{"4.1.1-4.1.3 summary invoice", func(c *saft.ControlTotals) { c.AddInvoice(invoice(saft.InvoiceStatusSummary)) },
			func(c *saft.ControlTotals) totals { return entry(&c.SalesInvoices) }, counted},
		{"4.1.1-4.1.3 cancelled invoice: counted, not summed", func(c *saft.ControlTotals) { c.AddInvoice(invoice(saft.InvoiceStatusCancelled)) },
			func(c *saft.ControlTotals) totals { return entry(&c.SalesInvoices) }, excluded},
		{"4.1.1-4.1.3 billed invoice: counted, not summed", func(c *saft.ControlTotals) { c.AddInvoice(invoice(saft.InvoiceStatusBilled)) },
			func(c *saft.ControlTotals) totals { return entry(&c.SalesInvoices) }, excluded},
		{"4.3.1-4.3.3 normal work document", func(c *saft.ControlTotals) { c.AddWorkDocument(work(saft.WorkStatusNormal)) },
			func(c *saft.ControlTotals) totals { return entry(&c.WorkingDocuments) }, counted},
		{"4.3.1-4.3.3 billed work document: summed", func(c *saft.ControlTotals) { c.AddWorkDocument(work(saft.WorkStatusBilled)) },
			func(c *saft.ControlTotals) totals { return entry(&c.WorkingDocuments) }, counted},
		{"4.3.1-4.3.3 cancelled work document: counted, not summed", func(c *saft.ControlTotals) { c.AddWorkDocument(work(saft.WorkStatusCancelled)) },
			func(c *saft.ControlTotals) totals { return entry(&c.WorkingDocuments) }, excluded},
		{"4.4.1-4.4.3 normal payment", func(c *saft.ControlTotals) { c.AddPayment(payment(saft.PaymentStatusNormal)) },
			func(c *saft.ControlTotals) totals { return entry(&c.Payments) }, counted},
		{"4.4.1-4.4.3 cancelled payment: counted, not summed", func(c *saft.ControlTotals) { c.AddPayment(payment(saft.PaymentStatusCancelled)) },
			func(c *saft.ControlTotals) totals { return entry(&c.Payments) }, excluded},
		{"4.2.1-4.2.2 normal movement", func(c *saft.ControlTotals) { c.AddStockMovement(movement(saft.MovementStatusNormal)) },
			func(c *saft.ControlTotals) totals {
				return totals{c.MovementOfGoods.NumberOfMovementLines(), "", c.MovementOfGoods.TotalQuantityIssued().String()}
			}, totals{2, "", "3.5"}},
		{"4.2.1-4.2.2 billed movement: summed", func(c *saft.ControlTotals) { c.AddStockMovement(movement(saft.MovementStatusBilled)) },
			func(c *saft.ControlTotals) totals {
				return totals{c.MovementOfGoods.NumberOfMovementLines(), "", c.MovementOfGoods.TotalQuantityIssued().String()}
			}, totals{2, "", "3.5"}},
		{"4.2.1-4.2.2 cancelled movement: lines counted, quantity not summed", func(c *saft.ControlTotals) { c.AddStockMovement(movement(saft.MovementStatusCancelled)) },
			func(c *saft.ControlTotals) totals {
				return totals{c.MovementOfGoods.NumberOfMovementLines(), "", c.MovementOfGoods.TotalQuantityIssued().String()}
			}, totals{2, "", "0"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ct saft.ControlTotals
			c.add(&ct)
			assert.Equal(t, c.want, c.got(&ct))
		})
	}
}

func TestTotalMatches(t *testing.T) {
	for _, c := range []struct {
		declared, exact string
		want            bool
	}{
		{"10.00", "10", true},
		{"3295.92", "3295.922006", true}, // AT's demonstration file, TotalQuantityIssued
		{"3295.922006", "3295.922006", true},
		{"3295.93", "3295.922006", false},
		{"3295.9", "3295.922006", false}, // one decimal: not the sum to the cent
		{"3296", "3295.922006", false},
		{"3295.922", "3295.922006", true}, // to three decimals
		{"3295.920", "3295.922006", false},
		{"0.13", "0.125", true},  // half up
		{"0.12", "0.125", true},  // half even
		{"0.13", "0.1251", true}, // rounds up either way
		{"0.12", "0.1251", false},
		{"-5.01", "-5.005", true},
		{"5.01", "-5.01", false},
	} {
		assert.Equal(t, c.want, saft.TotalMatches(decimal.RequireFromString(c.declared), decimal.RequireFromString(c.exact)), "%s for %s", c.declared, c.exact)
	}
}

// The control totals of a section, summed as documents are read or
// written, and a declared total checked against them.
func ExampleControlTotals() {
	var totals saft.ControlTotals
	for _, status := range []saft.InvoiceStatus{saft.InvoiceStatusNormal, saft.InvoiceStatusCancelled} {
		inv := &saft.Invoice{Line: []saft.InvoiceLine{{CreditAmount: dp("100.005")}}}
		inv.DocumentStatus.InvoiceStatus = status
		totals.AddInvoice(inv)
	}
	s := &totals.SalesInvoices
	fmt.Println(s.NumberOfEntries(), s.TotalDebit(), s.TotalCredit())
	fmt.Println(saft.TotalMatches(decimal.RequireFromString("100.01"), s.TotalCredit()))
	// Output:
	// 2 0 100.005
	// true
}

// A declared total written to the cent is right when it is the exact sum
// rounded to the cent.
func ExampleTotalMatches() {
	exact := decimal.RequireFromString("3295.922006")
	for _, declared := range []string{"3295.92", "3295.93", "3295.9"} {
		fmt.Println(declared, saft.TotalMatches(decimal.RequireFromString(declared), exact))
	}
	// Output:
	// 3295.92 true
	// 3295.93 false
	// 3295.9 false
}
