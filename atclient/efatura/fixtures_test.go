package efatura

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// Documents of the manual's full examples (§2.2.3), described once in the
// SAF-T model: the issuer 222222222, customer 111111111 (PT), one line of
// 100.00 at the normal VAT rate of 23%, totals 23.00 / 100.00 / 123.00,
// issued 2021-01-01 at 11:12:13 by a program that is not certified (Hash
// "0", SoftwareCertificateNumber 0).

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decp(s string) *decimal.Decimal { d := dec(s); return &d }

func manualIssuer() Issuer {
	return Issuer{TaxRegistrationNumber: "222222222", TaxEntity: "Global", SoftwareCertificateNumber: 0, AuditFileVersion: "1.04_01"}
}

func manualCustomer() saft.Customer {
	return saft.Customer{CustomerID: "C1", AccountID: saft.Unknown, CustomerTaxID: "111111111", CompanyName: "Cliente",
		BillingAddress: saft.CustomerAddress{AddressDetail: "Rua", City: "Lisboa", PostalCode: "1000-001", Country: "PT"}}
}

var (
	manualDate    = civil.Date{Year: 2021, Month: time.January, Day: 1}
	manualEntry   = civil.DateTime{Date: civil.Date{Year: 2021, Month: time.January, Day: 1}, Hour: 11, Minute: 12, Second: 13}
	manualChanged = civil.DateTime{Date: civil.Date{Year: 2021, Month: time.January, Day: 2}, Hour: 11, Minute: 12, Second: 13}
)

func normalVAT() *saft.Tax {
	return &saft.Tax{TaxType: "IVA", TaxCountryRegion: "PT", TaxCode: "NOR", TaxPercentage: decp("23")}
}

func manualLine() saft.InvoiceLine {
	return saft.InvoiceLine{LineNumber: 1, ProductCode: "P1", ProductDescription: "Produto", Quantity: dec("1"), UnitOfMeasure: "UN",
		UnitPrice: dec("100"), TaxPointDate: manualDate, Description: "Produto", CreditAmount: decp("100"), Tax: normalVAT()}
}

func manualInvoice() Invoice {
	inv := &saft.Invoice{
		InvoiceNo: "FT 1/1", ATCUD: "0",
		DocumentStatus: saft.InvoiceDocumentStatus{InvoiceStatus: saft.InvoiceStatusNormal, InvoiceStatusDate: manualEntry, SourceID: "U1", SourceBilling: "P"},
		Hash:           "0", HashControl: "0", InvoiceDate: manualDate, InvoiceType: series.DocumentTypeFT, SourceID: "U1",
		SystemEntryDate: manualEntry, CustomerID: "C1",
		Line:           []saft.InvoiceLine{manualLine()},
		DocumentTotals: saft.InvoiceTotals{TaxPayable: dec("23.00"), NetTotal: dec("100.00"), GrossTotal: dec("123.00")},
	}
	return Invoice{Invoice: inv, Customer: manualCustomer()}
}

func manualWork() Work {
	w := &saft.WorkDocument{
		DocumentNumber: "FC 1/1", ATCUD: "0",
		DocumentStatus: saft.WorkDocumentStatus{WorkStatus: saft.WorkStatusNormal, WorkStatusDate: manualEntry, SourceID: "U1", SourceBilling: "P"},
		Hash:           "0", HashControl: "0", WorkDate: manualDate, WorkType: series.DocumentTypeFC, SourceID: "U1",
		SystemEntryDate: manualEntry, CustomerID: "C1",
		Line:           []saft.InvoiceLine{manualLine()},
		DocumentTotals: saft.DocumentTotals{TaxPayable: dec("23.00"), NetTotal: dec("100.00"), GrossTotal: dec("123.00")},
	}
	return Work{Work: w, Customer: manualCustomer()}
}

func manualPayment() Payment {
	p := &saft.Payment{
		PaymentRefNo: "RC 1/1", ATCUD: "0", TransactionDate: manualDate, PaymentType: series.DocumentTypeRC,
		DocumentStatus:  saft.PaymentDocumentStatus{PaymentStatus: saft.PaymentStatusNormal, PaymentStatusDate: manualEntry, SourceID: "U1", SourcePayment: "P"},
		SourceID:        "U1",
		SystemEntryDate: manualEntry, CustomerID: "C1",
		Line: []saft.PaymentLine{{LineNumber: 1,
			SourceDocumentID: []saft.SourceDocumentID{{OriginatingON: "FT 1/5", InvoiceDate: manualDate}},
			CreditAmount:     decp("100"),
			Tax:              &saft.PaymentTax{TaxType: "IVA", TaxCountryRegion: "PT", TaxCode: "NOR", TaxPercentage: decp("23")}}},
		DocumentTotals: saft.PaymentTotals{TaxPayable: dec("23.00"), NetTotal: dec("100.00"), GrossTotal: dec("123.00")},
	}
	return Payment{Payment: p, Customer: manualCustomer()}
}

// cancelled returns copies of the manual's documents with status A on
// 2021-01-02 at 11:12:13, as in the status-change examples.
func cancelledInvoice() Invoice {
	d := manualInvoice()
	d.Invoice.DocumentStatus.InvoiceStatus, d.Invoice.DocumentStatus.InvoiceStatusDate = saft.InvoiceStatusCancelled, manualChanged
	return d
}

func cancelledWork() Work {
	d := manualWork()
	d.Work.DocumentStatus.WorkStatus, d.Work.DocumentStatus.WorkStatusDate = saft.WorkStatusCancelled, manualChanged
	return d
}

func cancelledPayment() Payment {
	d := manualPayment()
	d.Payment.DocumentStatus.PaymentStatus, d.Payment.DocumentStatus.PaymentStatusDate = saft.PaymentStatusCancelled, manualChanged
	return d
}

// manualRequests builds the nine requests of the manual's examples.
func manualRequests() (map[Operation]any, error) {
	is := manualIssuer()
	const reason = "Erro na comunicação"
	out := map[Operation]any{}
	var err error
	add := func(op Operation, v any, e error) {
		if e != nil && err == nil {
			err = e
		}
		out[op] = v
	}
	r1, e := buildRegisterInvoice(&is, manualInvoice())
	add(OpRegisterInvoice, r1, e)
	r2, e := buildChangeInvoiceStatus("222222222", cancelledInvoice())
	add(OpChangeInvoiceStatus, r2, e)
	r3, e := buildDeleteInvoice("222222222", []Invoice{manualInvoice()}, nil, reason)
	add(OpDeleteInvoice, r3, e)
	r4, e := buildRegisterWork(&is, manualWork())
	add(OpRegisterWork, r4, e)
	r5, e := buildChangeWorkStatus("222222222", cancelledWork())
	add(OpChangeWorkStatus, r5, e)
	r6, e := buildDeleteWork("222222222", []Work{manualWork()}, nil, reason)
	add(OpDeleteWork, r6, e)
	r7, e := buildRegisterPayment(&is, manualPayment())
	add(OpRegisterPayment, r7, e)
	r8, e := buildChangePaymentStatus("222222222", cancelledPayment())
	add(OpChangePaymentStatus, r8, e)
	r9, e := buildDeletePayment("222222222", []Payment{manualPayment()}, nil, reason)
	add(OpDeletePayment, r9, e)
	return out, err
}

type (
	saftOrderRef    = saft.OrderReferences
	saftTax         = saft.Tax
	saftWithholding = saft.WithholdingTax
	saftReference   = saft.References
)
