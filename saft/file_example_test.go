package saft_test

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/saft"
)

// Read a month's invoicing file whole into memory (for files too large
// for memory, NewReader streams them).
func ExampleReadFile() {
	f, err := saft.ReadFile("testdata/golden_invoicing_F.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	h := f.Header
	fmt.Println(h.TaxRegistrationNumber, h.TaxAccountingBasis, h.StartDate, h.EndDate)
	s := f.SourceDocuments.SalesInvoices
	fmt.Println(s.NumberOfEntries, "invoices, credit", s.TotalCredit.StringFixed(2), "debit", s.TotalDebit.StringFixed(2))
	for _, inv := range s.Invoice[:3] {
		fmt.Println(inv.InvoiceNo, inv.ATCUD, inv.InvoiceDate, inv.DocumentTotals.GrossTotal.StringFixed(2))
	}
	// Output:
	// 509999999 F 2026-01-01 2026-01-31
	// 9 invoices, credit 670.50 debit 100.00
	// FT A/1 AAJFJ270-1 2026-01-15 391.50
	// FT A/2 AAJFJ270-2 2026-01-16 127.20
	// FT A/3 AAJFJ270-3 2026-01-17 84.80
}

// Write a file held in memory. The control totals are recomputed and the
// file is validated as it is written: a record that breaks a rule is
// refused, named by its path.
func ExampleWriteAuditFile() {
	f, err := saft.ReadFile("testdata/golden_invoicing_F.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	orig, err := os.ReadFile("testdata/golden_invoicing_F.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	var out bytes.Buffer
	if err := saft.WriteAuditFile(&out, f); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("written again as read:", bytes.Equal(out.Bytes(), orig))

	// A record that breaks a rule is refused, naming it.
	f.SourceDocuments.SalesInvoices.Invoice[1].DocumentTotals.GrossTotal = decimal.RequireFromString("127.205")
	fmt.Println(saft.WriteAuditFile(io.Discard, f))
	// Output:
	// written again as read: true
	// saft: invalid: /AuditFile/SourceDocuments/SalesInvoices/Invoice[2]/DocumentTotals/GrossTotal: GrossTotal 127.205 has more than 2 decimals; it is exported as signed, rounded to 2 decimals (Despacho 8632/2014, §2.6.7) [SAFT-RULE-GROSSTOTAL-SCALE]
}
