package saft

import (
	"strconv"
	"testing"
)

// benchInvoice is a valid 3-line invoice numbered n (its lines shared
// with the other invoices of the benchmark: the checks only read them).
func benchInvoice(n int) Invoice {
	inv := benchBase
	inv.InvoiceNo = "FT A/" + strconv.Itoa(n)
	return inv
}

var benchBase = func() Invoice {
	inv := valFile().SourceDocuments.SalesInvoices.Invoice[0]
	inv.Line = append(inv.Line, valLine(3, "ALOJ", "50.00", valVAT("23")))
	return inv
}()

// BenchmarkValidateInvoice is the per-record check alone (facets,
// assertions, Hash rules) of a 3-line invoice.
func BenchmarkValidateInvoice(b *testing.B) {
	inv := benchInvoice(1)
	b.ReportAllocs()
	for b.Loop() {
		if vs := check("/AuditFile/SourceDocuments/SalesInvoices/Invoice[1]", func(c *checker) { c.invoice(&inv) }); vs != nil {
			b.Fatal(vs)
		}
	}
}

// BenchmarkValidatorInvoices streams 100,000 3-line invoices of one
// series through a new Validator per op, as the writer and the audit do:
// keys, references and document numbers included. ns/invoice and
// B/invoice are the per-record figures; the key sets stay constant for a
// series without gaps (its numbers are one interval).
func BenchmarkValidatorInvoices(b *testing.B) {
	f := valFile()
	const n = 100000
	invs := make([]Invoice, n)
	for i := range invs {
		invs[i] = benchInvoice(i + 1)
	}
	b.ReportAllocs()
	for b.Loop() {
		v := NewValidator()
		v.Header(&f.Header)
		for i := range f.MasterFiles.Customer {
			v.Customer(i+1, &f.MasterFiles.Customer[i])
		}
		for i := range f.MasterFiles.Product {
			v.Product(i+1, &f.MasterFiles.Product[i])
		}
		v.TaxTable(f.MasterFiles.TaxTable.TaxTableEntry)
		for i := range invs {
			if vs := v.Invoice(i+1, &invs[i]); vs != nil {
				b.Fatal(vs)
			}
		}
		if vs := v.Finish(); vs != nil {
			b.Fatal(vs)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/invoice")
}

// BenchmarkValidate100k checks a whole in-memory file of 100,000 invoices
// of 3 lines (per op).
func BenchmarkValidate100k(b *testing.B) {
	f := valFile()
	invs := make([]Invoice, 100000)
	for i := range invs {
		invs[i] = benchInvoice(i + 1)
	}
	f.SourceDocuments.SalesInvoices.Invoice = invs
	b.ReportAllocs()
	for b.Loop() {
		if err := f.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
