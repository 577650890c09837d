package saft_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

var (
	exampleCompany = saft.Company{
		ID: "509999999", TaxRegistrationNumber: "509999999", Name: "Hotel Miradouro, Lda",
		Address: saft.Address{AddressDetail: "Rua da Alegria, 12", City: "Lisboa", PostalCode: "1250-004", Country: "PT"},
	}
	exampleSoftware = saft.Software{ProducerTaxID: "510000002", CertificateNumber: 9999,
		ProductID: "FaturaPT/FaturaPT Software Lda", Version: "1.0"}
)

func ExampleMonthlyInvoicingHeader() {
	h := saft.MonthlyInvoicingHeader(exampleCompany, exampleSoftware, 2026, time.February, civil.Date{Year: 2026, Month: time.March, Day: 2})
	fmt.Println(h.TaxAccountingBasis, h.FiscalYear, h.StartDate, h.EndDate, h.TaxEntity)
	// Output: F 2026 2026-02-01 2026-02-28 Global
}

func ExampleAccountingHeader() {
	h := saft.AccountingHeader(exampleCompany, exampleSoftware, 2025,
		civil.Date{Year: 2025, Month: time.January, Day: 1}, civil.Date{Year: 2025, Month: time.December, Day: 31}, civil.Date{Year: 2026, Month: time.March, Day: 31})
	fmt.Println(h.TaxAccountingBasis, h.StartDate, h.EndDate, h.TaxEntity)
	// Output: C 2025-01-01 2025-12-31 Sede
}

func ExampleWrite() {
	amount, rate := decimal.RequireFromString("100"), decimal.RequireFromString("6")
	when := civil.DateTime{Date: civil.Date{Year: 2026, Month: time.January, Day: 15}, Hour: 10, Minute: 30, Second: 0}
	invoices := []saft.Invoice{{
		InvoiceNo: "FT A/1", ATCUD: "JJ8KL2MP-1",
		DocumentStatus: saft.InvoiceDocumentStatus{InvoiceStatus: saft.InvoiceStatusNormal, InvoiceStatusDate: when,
			SourceID: "ana", SourceBilling: saft.SourceBillingProduced},
		Hash: strings.Repeat("A", 172), HashControl: "1", InvoiceDate: when.Date, InvoiceType: series.DocumentTypeFT,
		SourceID: "ana", SystemEntryDate: when, CustomerID: "CF",
		Line: []saft.InvoiceLine{{LineNumber: 1, ProductCode: "QD", ProductDescription: "Alojamento",
			Quantity: decimal.NewFromInt(1), UnitOfMeasure: "UN", UnitPrice: amount, TaxPointDate: when.Date,
			Description: "Alojamento", CreditAmount: &amount,
			Tax: &saft.Tax{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: saft.TaxCodeReduced, TaxPercentage: &rate}}},
		DocumentTotals: saft.InvoiceTotals{TaxPayable: decimal.RequireFromString("6"), NetTotal: amount,
			GrossTotal: decimal.RequireFromString("106")},
	}}
	content := saft.Content{
		Header: saft.MonthlyInvoicingHeader(exampleCompany, exampleSoftware, 2026, time.January, civil.Date{Year: 2026, Month: time.February, Day: 1}),
		Customers: func(yield func(*saft.Customer, error) bool) {
			yield(&saft.Customer{CustomerID: "CF", AccountID: saft.Unknown, CustomerTaxID: "999999990", CompanyName: "Consumidor final",
				BillingAddress: saft.CustomerAddress{AddressDetail: saft.Unknown, City: saft.Unknown, PostalCode: saft.Unknown, Country: saft.Unknown}}, nil)
		},
		Products: func(yield func(*saft.Product, error) bool) {
			yield(&saft.Product{ProductType: saft.ProductTypeServices, ProductCode: "QD", ProductDescription: "Alojamento", ProductNumberCode: "QD"}, nil)
		},
		TaxTable: []saft.TaxTableEntry{{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: saft.TaxCodeReduced,
			Description: "Taxa reduzida", TaxPercentage: &rate}},
		SalesInvoices: func(yield func(*saft.Invoice, error) bool) {
			for i := range invoices {
				if !yield(&invoices[i], nil) {
					return
				}
			}
		},
	}
	var buf bytes.Buffer
	// WithoutValidation only to keep this example independent of the
	// validator; real programs let Write validate.
	if err := saft.Write(&buf, content, saft.WithoutValidation()); err != nil {
		fmt.Println(err)
		return
	}
	out := buf.String()
	fmt.Println(out[:strings.Index(out, "\n")])
	i := strings.Index(out, "<SalesInvoices>")
	fmt.Println(out[i:strings.Index(out, "<Invoice>")])
	// Output:
	// <?xml version="1.0" encoding="Windows-1252"?>
	// <SalesInvoices>
	//       <NumberOfEntries>1</NumberOfEntries>
	//       <TotalDebit>0.00</TotalDebit>
	//       <TotalCredit>100.00</TotalCredit>
}

// A text that does not fit in XML is an error naming the element.
func ExampleWriteError() {
	h := saft.MonthlyInvoicingHeader(exampleCompany, exampleSoftware, 2026, time.January, civil.Date{Year: 2026, Month: time.February, Day: 1})
	h.HeaderComment = "bell\a"
	err := saft.Write(io.Discard, saft.Content{Header: h}, saft.WithoutValidation())
	fmt.Println(err)
	// Output: saft: /AuditFile/Header/HeaderComment: character not allowed in XML: U+0007 at byte 4
}

func ExampleAuditFile_UpdateControlTotals() {
	credit := decimal.RequireFromString("10.5")
	f := &saft.AuditFile{SourceDocuments: &saft.SourceDocuments{SalesInvoices: &saft.SalesInvoices{Invoice: []saft.Invoice{
		{DocumentStatus: saft.InvoiceDocumentStatus{InvoiceStatus: saft.InvoiceStatusNormal}, Line: []saft.InvoiceLine{{CreditAmount: &credit}}},
		{DocumentStatus: saft.InvoiceDocumentStatus{InvoiceStatus: saft.InvoiceStatusCancelled}, Line: []saft.InvoiceLine{{CreditAmount: &credit}}},
	}}}}
	f.UpdateControlTotals()
	si := f.SourceDocuments.SalesInvoices
	fmt.Println(si.NumberOfEntries, si.TotalCredit.StringFixed(2))
	// Output: 2 10.50
}
