package saft_test

import (
	"bytes"
	"fmt"

	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/saft"
)

// A file streamed one record at a time: memory stays constant whatever
// the number of documents.
func ExampleNewReader() {
	var file bytes.Buffer
	_ = safttest.Write(&file, safttest.Options{Invoices: 3})

	r, err := saft.NewReader(&file)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Header().CompanyName, r.Header().StartDate, r.Encoding())
	for rec, err := range r.Records() {
		if err != nil {
			fmt.Println(err)
			return
		}
		if rec.Kind == saft.RecordInvoice {
			fmt.Printf("line %d: %s %s\n", rec.Line, rec.Invoice.InvoiceNo, rec.Invoice.DocumentTotals.GrossTotal.StringFixed(2))
		}
	}
	// Output:
	// Hotel Miradouro, Lda 2026-01-01 windows-1252
	// line 313: FT A/1 67.82
	// line 391: FT A/2 65.53
	// line 471: FT A/3 68.10
}

// Decode reads a whole small file; other XML is refused with a clear error.
func ExampleDecode() {
	var file bytes.Buffer
	_ = safttest.Write(&file, safttest.Options{Invoices: 2, Payments: 1})
	f, err := saft.Decode(&file)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(f.MasterFiles.Customer), "customers,", f.SourceDocuments.SalesInvoices.NumberOfEntries, "invoices")

	_, err = saft.Decode(bytes.NewReader([]byte(`<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.03_01"/>`)))
	fmt.Println(err)
	// Output:
	// 10 customers, 2 invoices
	// saft: unsupported SAF-T (PT) version (want 1.04_01): namespace "urn:OECD:StandardAuditFile-Tax:PT_1.03_01" is version 1.03_01
}
