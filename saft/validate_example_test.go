package saft_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/violation"
)

func exampleInvoice() saft.Invoice {
	rate := decimal.NewFromInt(23)
	net := decimal.RequireFromString("100.00")
	return saft.Invoice{
		InvoiceNo: "FT A/1", ATCUD: "CSDF7T5H-1",
		DocumentStatus: saft.InvoiceDocumentStatus{
			InvoiceStatus: saft.InvoiceStatusNormal, InvoiceStatusDate: civil.DateTime{Date: civil.Date{Year: 2026, Month: time.January, Day: 10}, Hour: 10, Minute: 0, Second: 0},
			SourceID: "ana", SourceBilling: saft.SourceBillingProduced,
		},
		Hash: "0", HashControl: "0", // not signed: a program that need not be certified
		InvoiceDate: civil.Date{Year: 2026, Month: time.January, Day: 10}, InvoiceType: "FT",
		SourceID: "ana", SystemEntryDate: civil.DateTime{Date: civil.Date{Year: 2026, Month: time.January, Day: 10}, Hour: 10, Minute: 0, Second: 0}, CustomerID: "C1",
		Line: []saft.InvoiceLine{{
			LineNumber: 1, ProductCode: "ALOJ", ProductDescription: "Alojamento", Quantity: decimal.NewFromInt(1),
			UnitOfMeasure: "noite", UnitPrice: net, TaxPointDate: civil.Date{Year: 2026, Month: time.January, Day: 10},
			Description: "Noite", CreditAmount: &net,
			Tax: &saft.Tax{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: saft.TaxCodeNormal, TaxPercentage: &rate},
		}},
		DocumentTotals: saft.InvoiceTotals{
			TaxPayable: decimal.RequireFromString("23.00"), NetTotal: net, GrossTotal: decimal.RequireFromString("123.00"),
		},
	}
}

// Invoice checks one invoice: the schema's facets, the assertions on its
// lines, its Hash and HashControl, and the references and keys the
// Validator has seen so far.
func ExampleValidator_Invoice() {
	v := saft.NewValidator()
	inv := exampleInvoice()
	inv.InvoiceNo = "FT1"                                        // not "TYPE SERIES/NUMBER"
	inv.Line[0].TaxExemptionReason = "Artigo 9.º do CIVA"        // 23% is not exempt
	inv.Line[0].TaxExemptionCode = "M07"                         //
	inv.Line[0].UnitPrice = decimal.RequireFromString("-100.00") // negative
	for _, viol := range v.Invoice(1, &inv) {
		fmt.Println(viol.Code, viol.Path)
	}
	// Output:
	// SAFT-FACET-PATTERN /AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/InvoiceNo
	// SAFT-FACET-MIN /AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/Line[1]/UnitPrice
	// SAFT-ASSERT-04 /AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/Line[1]/TaxExemptionReason
	// SAFT-KEYREF-CUSTOMER /AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/CustomerID
	// SAFT-KEYREF-PRODUCT /AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/Line[1]/ProductCode
	// SAFT-KEYREF-TAX /AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/Line[1]/Tax
}

// A Validator checks a file as a stream, one record at a time, keeping the
// keys it needs to check references and uniqueness.
func ExampleValidator() {
	v := saft.NewValidator()
	h := saft.MonthlyInvoicingHeader(
		saft.Company{ID: "509999999", TaxRegistrationNumber: "509999999", Name: "Hotel Miradouro, Lda",
			Address: saft.Address{AddressDetail: "Rua da Alegria, 12", City: "Lisboa", PostalCode: "1250-004", Country: "PT"}},
		saft.Software{ProducerTaxID: "510000002", ProductID: "FaturaPT/FaturaPT Lda", Version: "1.0"},
		2026, time.January, civil.Date{Year: 2026, Month: time.February, Day: 2})
	fmt.Println(len(v.Header(&h)))
	inv := exampleInvoice()
	for _, viol := range v.Invoice(1, &inv) { // no customer C1, product ALOJ or tax entry yet
		fmt.Println(viol.Code, viol.Path)
	}
	for _, viol := range v.Invoice(2, &inv) {
		if viol.Code == saft.CodeUniqueInvoiceNo {
			fmt.Println(viol.Message)
		}
	}
	fmt.Println(len(v.Finish()))
	// Output:
	// 0
	// SAFT-KEYREF-CUSTOMER /AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/CustomerID
	// SAFT-KEYREF-PRODUCT /AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/Line[1]/ProductCode
	// SAFT-KEYREF-TAX /AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/Line[1]/Tax
	// InvoiceNo "FT A/1" is repeated in SalesInvoices
	// 0
}

// Validate checks a whole file in memory and returns every violation at
// once in a *violation.Error.
func ExampleAuditFile_Validate() {
	f := &saft.AuditFile{}
	err := f.Validate()
	var ve *violation.Error
	if errors.As(err, &ve) {
		fmt.Println(errors.Is(err, saft.ErrInvalid), len(ve.Violations) > 10)
		fmt.Println(ve.Violations[0])
	}
	// Output:
	// true true
	// /AuditFile/Header/AuditFileVersion: AuditFileVersion is mandatory (minOccurs 1) and is missing [SAFT-FACET-REQUIRED]
}

func ExampleValidator_Header() {
	h := saft.Header{}
	vs := saft.NewValidator().Header(&h)
	fmt.Println(vs[0].Code, vs[0].Path)
	// Output:
	// SAFT-FACET-REQUIRED /AuditFile/Header/AuditFileVersion
}

func ExampleValidator_Account() {
	a := saft.Account{AccountID: "211", AccountDescription: "Clientes c/c", GroupingCategory: saft.GroupingCategoryGM}
	for _, viol := range saft.NewValidator().Account(2, &a) {
		fmt.Println(viol.Code, viol.Path)
	}
	// Output:
	// SAFT-ASSERT-01 /AuditFile/MasterFiles/GeneralLedgerAccounts/Account[2]/TaxonomyCode
	// SAFT-ASSERT-02 /AuditFile/MasterFiles/GeneralLedgerAccounts/Account[2]/GroupingCode
}

func ExampleValidator_Customer() {
	c := saft.Customer{CustomerID: "CF", AccountID: saft.Unknown, CustomerTaxID: "999999990", CompanyName: "Cliente",
		BillingAddress: saft.CustomerAddress{AddressDetail: saft.Unknown, City: saft.Unknown, PostalCode: saft.Unknown, Country: saft.Unknown}}
	for _, viol := range saft.NewValidator().Customer(1, &c) {
		fmt.Println(viol.Code)
	}
	// Output:
	// SAFT-RULE-FINAL-CONSUMER
}

func ExampleValidator_Supplier() {
	s := saft.Supplier{SupplierID: "S1", AccountID: saft.Unknown, SupplierTaxID: "500000000", CompanyName: "Lavandaria, Lda",
		BillingAddress: saft.Address{AddressDetail: "Rua B, 2", City: "Lisboa", PostalCode: "1000-001", Country: "Desconhecido"}}
	for _, viol := range saft.NewValidator().Supplier(1, &s) {
		fmt.Println(viol.Code, viol.Path)
	}
	// Output:
	// SAFT-FACET-PATTERN /AuditFile/MasterFiles/Supplier[1]/BillingAddress/Country
}

func ExampleValidator_Product() {
	p := saft.Product{ProductType: "X", ProductCode: "ALOJ", ProductDescription: "Alojamento", ProductNumberCode: "ALOJ"}
	for _, viol := range saft.NewValidator().Product(1, &p) {
		fmt.Println(viol.Message)
	}
	// Output:
	// ProductType "X" is not one of the values of ProductType: P, S, O, E, I
}

func ExampleValidator_TaxTableEntry() {
	e := saft.TaxTableEntry{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: saft.TaxCodeNormal, Description: "Taxa normal"}
	for _, viol := range saft.NewValidator().TaxTableEntry(1, &e) {
		fmt.Println(viol.Code, viol.Path)
	}
	// Output:
	// SAFT-FACET-CHOICE /AuditFile/MasterFiles/TaxTable/TaxTableEntry[1]/TaxPercentage
}

func ExampleValidator_Transaction() {
	amount := decimal.RequireFromString("123.00")
	t := saft.Transaction{
		TransactionID: "2026-01-11 VND 1", Period: 1, TransactionDate: civil.Date{Year: 2026, Month: time.January, Day: 10}, SourceID: "ana",
		Description: "FT A/1", DocArchivalNumber: "1", TransactionType: saft.TransactionTypeNormal,
		GLPostingDate: civil.Date{Year: 2026, Month: time.January, Day: 10},
		Lines: saft.TransactionLines{
			DebitLine: []saft.DebitLine{{RecordID: "1", AccountID: "211", SystemEntryDate: civil.DateTime{Date: civil.Date{Year: 2026, Month: time.January, Day: 10}, Hour: 10}, Description: "FT A/1", DebitAmount: amount}},
		},
	}
	v := saft.NewValidator()
	v.Journal(1, "VND", "Vendas")
	for _, viol := range v.Transaction(1, 1, &t) {
		fmt.Println(viol.Code, viol.Path)
	}
	// Output:
	// SAFT-FACET-OCCURS /AuditFile/GeneralLedgerEntries/Journal[1]/Transaction[1]/Lines/CreditLine
	// SAFT-RULE-TRANSACTIONID /AuditFile/GeneralLedgerEntries/Journal[1]/Transaction[1]/TransactionID
	// SAFT-KEYREF-ACCOUNT /AuditFile/GeneralLedgerEntries/Journal[1]/Transaction[1]/Lines/DebitLine[1]/AccountID
}

func ExampleValidator_StockMovement() {
	m := saft.StockMovement{}
	vs := saft.NewValidator().StockMovement(1, &m)
	fmt.Println(vs[0])
	// Output:
	// /AuditFile/SourceDocuments/MovementOfGoods/StockMovement[1]/DocumentNumber: DocumentNumber is mandatory (minOccurs 1) and is missing [SAFT-FACET-REQUIRED]
}

func ExampleValidator_WorkDocument() {
	inv := exampleInvoice()
	d := saft.WorkDocument{
		DocumentNumber: "PF A/1", ATCUD: "0",
		DocumentStatus: saft.WorkDocumentStatus{WorkStatus: saft.WorkStatusNormal, WorkStatusDate: inv.SystemEntryDate, SourceID: "ana", SourceBilling: saft.SourceBillingProduced},
		Hash:           "0", HashControl: "1", // signed according to HashControl, but no signature
		WorkDate: inv.InvoiceDate, WorkType: "PF", SourceID: "ana", SystemEntryDate: inv.SystemEntryDate, CustomerID: "C1",
		Line:           inv.Line,
		DocumentTotals: saft.DocumentTotals{TaxPayable: inv.DocumentTotals.TaxPayable, NetTotal: inv.DocumentTotals.NetTotal, GrossTotal: inv.DocumentTotals.GrossTotal},
	}
	for _, viol := range saft.NewValidator().WorkDocument(1, &d) {
		fmt.Println(viol.Code, viol.Path)
	}
	// Output:
	// SAFT-RULE-HASH-MISSING /AuditFile/SourceDocuments/WorkingDocuments/WorkDocument[1]/Hash
	// SAFT-KEYREF-CUSTOMER /AuditFile/SourceDocuments/WorkingDocuments/WorkDocument[1]/CustomerID
	// SAFT-KEYREF-PRODUCT /AuditFile/SourceDocuments/WorkingDocuments/WorkDocument[1]/Line[1]/ProductCode
	// SAFT-KEYREF-TAX /AuditFile/SourceDocuments/WorkingDocuments/WorkDocument[1]/Line[1]/Tax
}

func ExampleValidator_Payment() {
	amount := decimal.RequireFromString("123.00")
	entry := civil.DateTime{Date: civil.Date{Year: 2026, Month: time.January, Day: 14}, Hour: 8}
	p := saft.Payment{
		PaymentRefNo: "RC A/1", ATCUD: "0", TransactionDate: entry.Date, PaymentType: "RC",
		DocumentStatus: saft.PaymentDocumentStatus{PaymentStatus: saft.PaymentStatusNormal, PaymentStatusDate: entry, SourceID: "ana", SourcePayment: saft.SourceBillingProduced},
		SourceID:       "ana", SystemEntryDate: entry, CustomerID: "C1",
		Line:           []saft.PaymentLine{{LineNumber: 1, SourceDocumentID: []saft.SourceDocumentID{{OriginatingON: "FT A/1", InvoiceDate: civil.Date{Year: 2026, Month: time.January, Day: 10}}}, CreditAmount: &amount}},
		DocumentTotals: saft.PaymentTotals{TaxPayable: decimal.Zero, NetTotal: amount, GrossTotal: amount},
	}
	for _, viol := range saft.NewValidator().Payment(1, &p) {
		fmt.Println(viol.Code, viol.Path)
	}
	// Output:
	// SAFT-ASSERT-18 /AuditFile/SourceDocuments/Payments/Payment[1]/Line[1]/Tax
	// SAFT-ASSERT-19 /AuditFile/SourceDocuments/Payments/Payment[1]/PaymentType
	// SAFT-KEYREF-CUSTOMER /AuditFile/SourceDocuments/Payments/Payment[1]/CustomerID
}

func ExampleAssertionCode() {
	fmt.Println(saft.AssertionCode(6), saft.AssertionCode(6).Description())
	// Output: SAFT-ASSERT-06 assertion 6 of the XSD 1.1 schema: an invoice line with a TaxBase has UnitPrice 0
}

// Codes describes every code; SAFT-RULE-LINENUMBER alone is a warning,
// which fails neither Validate nor the writer.
func ExampleCodes() {
	fmt.Println(saft.CodeRuleDocumentDate.Description())
	n := 0
	for _, c := range saft.Codes.Values() {
		if strings.HasPrefix(string(c), "SAFT-ASSERT-") {
			n++
		}
	}
	fmt.Println(n, saft.Codes.Valid("SAFT-RULE-LINENUMBER"), saft.CodeRuleLineNumber.Severity())
	// Output:
	// a source document is dated outside the Header's StartDate..EndDate (Portaria 302/2016, Annex I, 1.c)
	// 19 true warning
}
