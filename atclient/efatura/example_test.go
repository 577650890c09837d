package efatura_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/atclient/efatura"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/attesttest"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// efaturaClient starts AT's simulator and returns an e-Fatura client of it
// for the simulator's taxpayer (see ExampleNew for a client of AT).
func efaturaClient(opts ...efatura.Option) (*attest.Server, *efatura.Client) {
	srv, err := attest.New(attest.WithClock(attesttest.Clock))
	if err != nil {
		log.Fatal(err)
	}
	at, err := attesttest.Dial(srv)
	if err != nil {
		log.Fatal(err)
	}
	// The same header the program writes in its SAF-T files.
	header := saft.Header{AuditFileVersion: saft.AuditFileVersion, TaxRegistrationNumber: attest.DefaultNIF,
		TaxEntity: saft.TaxEntityGlobal, SoftwareCertificateNumber: 0}
	client, err := efatura.New(at, append([]efatura.Option{efatura.WithIssuer(efatura.IssuerFromHeader(header))}, opts...)...)
	if err != nil {
		log.Fatal(err)
	}
	return srv, client
}

func efAmount(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

// The customer and invoice as the program keeps them for SAF-T.
var efCustomer = saft.Customer{CustomerID: "C1", AccountID: saft.Unknown, CustomerTaxID: "503504564", CompanyName: "Cliente, Lda",
	BillingAddress: saft.CustomerAddress{AddressDetail: "Rua Direita 1", City: "Lisboa", PostalCode: "1100-001", Country: "PT"}}

func efInvoice() *saft.Invoice {
	issued := civil.DateTime{Date: civil.Date{Year: 2026, Month: time.March, Day: 2}, Hour: 10, Minute: 30, Second: 0}
	return &saft.Invoice{
		InvoiceNo: "FT A/1", ATCUD: "CSDF7T5H-1",
		DocumentStatus: saft.InvoiceDocumentStatus{InvoiceStatus: saft.InvoiceStatusNormal, InvoiceStatusDate: issued, SourceID: "ana", SourceBilling: "P"},
		Hash:           "0", HashControl: "0", InvoiceDate: issued.Date, InvoiceType: series.DocumentTypeFT, SourceID: "ana",
		SystemEntryDate: issued, CustomerID: efCustomer.CustomerID,
		Line: []saft.InvoiceLine{{LineNumber: 1, ProductCode: "S1", ProductDescription: "Consultoria", Quantity: decimal.NewFromInt(2),
			UnitOfMeasure: "H", UnitPrice: decimal.NewFromInt(50), TaxPointDate: issued.Date, Description: "Consultoria",
			CreditAmount: efAmount("100.00"), Tax: &saft.Tax{TaxType: "IVA", TaxCountryRegion: "PT", TaxCode: "NOR", TaxPercentage: efAmount("23")}}},
		DocumentTotals: saft.InvoiceTotals{TaxPayable: decimal.RequireFromString("23.00"), NetTotal: decimal.RequireFromString("100.00"),
			GrossTotal: decimal.RequireFromString("123.00")},
	}
}

// Send an invoice to AT as it is issued.
func ExampleClient_RegisterInvoice() {
	srv, client := efaturaClient()
	defer srv.Close()

	rec, err := client.RegisterInvoice(context.Background(), efatura.Invoice{Invoice: efInvoice(), Customer: efCustomer})
	fmt.Println(rec.Operation, err)
	fmt.Println(rec.Message)

	// Sending it again is refused: AT already has it.
	_, err = client.RegisterInvoice(context.Background(), efatura.Invoice{Invoice: efInvoice(), Customer: efCustomer})
	var ee *efatura.Error
	if errors.As(err, &ee) {
		fmt.Println(ee.Code, ee.Code.MeaningEN(ee.Operation))
	}
	// Output:
	// RegisterInvoice <nil>
	// Operação efetuada com sucesso
	// -10 the document was already registered by the issuer
}

// Cancel a communicated invoice: the program sets the SAF-T status to A
// and communicates the new status.
func ExampleClient_ChangeInvoiceStatus() {
	srv, client := efaturaClient()
	defer srv.Close()
	ctx := context.Background()

	inv := efInvoice()
	if _, err := client.RegisterInvoice(ctx, efatura.Invoice{Invoice: inv, Customer: efCustomer}); err != nil {
		log.Fatal(err)
	}
	inv.DocumentStatus.InvoiceStatus = saft.InvoiceStatusCancelled
	inv.DocumentStatus.InvoiceStatusDate = civil.DateTime{Date: civil.Date{Year: 2026, Month: time.March, Day: 2}, Hour: 16, Minute: 0, Second: 0}
	inv.DocumentStatus.Reason = "Erro do operador"
	_, err := client.ChangeInvoiceStatus(ctx, efatura.Invoice{Invoice: inv, Customer: efCustomer})
	fmt.Println(err)
	for _, d := range srv.EFaturaDocuments(attest.DefaultNIF) {
		fmt.Println(d.Number, d.Status, d.StatusDate)
	}
	// Output:
	// <nil>
	// FT A/1 A 2026-03-02T16:00:00
}

// Send a receipt of the cash VAT scheme.
func ExampleClient_RegisterPayment() {
	srv, client := efaturaClient()
	defer srv.Close()

	paid := civil.DateTime{Date: civil.Date{Year: 2026, Month: time.April, Day: 10}, Hour: 9, Minute: 0, Second: 0}
	receipt := &saft.Payment{
		PaymentRefNo: "RC A/1", ATCUD: "CSDF7T5J-1", TransactionDate: paid.Date, PaymentType: series.DocumentTypeRC,
		DocumentStatus:  saft.PaymentDocumentStatus{PaymentStatus: saft.PaymentStatusNormal, PaymentStatusDate: paid, SourceID: "ana", SourcePayment: "P"},
		SourceID:        "ana",
		SystemEntryDate: paid, CustomerID: efCustomer.CustomerID,
		Line: []saft.PaymentLine{{LineNumber: 1,
			SourceDocumentID: []saft.SourceDocumentID{{OriginatingON: "FT A/1", InvoiceDate: civil.Date{Year: 2026, Month: time.March, Day: 2}}},
			CreditAmount:     efAmount("100.00"),
			Tax:              &saft.PaymentTax{TaxType: "IVA", TaxCountryRegion: "PT", TaxCode: "NOR", TaxPercentage: efAmount("23")}}},
		DocumentTotals: saft.PaymentTotals{TaxPayable: decimal.RequireFromString("23.00"), NetTotal: decimal.RequireFromString("100.00"),
			GrossTotal: decimal.RequireFromString("123.00")},
	}
	rec, err := client.RegisterPayment(context.Background(), efatura.Payment{Payment: receipt, Customer: efCustomer})
	fmt.Println(rec.Operation, err)
	// Output: RegisterPayment <nil>
}

// The manual's rules that SAF-T does not carry are checked before
// sending, every violation at once.
func ExampleClient_RegisterInvoice_invalid() {
	srv, client := efaturaClient()
	defer srv.Close()

	inv := efInvoice()
	inv.InvoiceType = "VD"                                       // a legacy SAF-T type, not accepted by e-Fatura
	inv.DocumentStatus.InvoiceStatus = saft.InvoiceStatusSummary // R exists only in SAF-T
	_, err := client.RegisterInvoice(context.Background(), efatura.Invoice{Invoice: inv, Customer: efCustomer})
	fmt.Println(errors.Is(err, efatura.ErrInvalid))
	fmt.Println(err)
	// Output:
	// true
	// efatura: request: 2 violations: InvoiceData/InvoiceType: "VD" is not one of FT, NC, ND, FS, FR, RP, RE, CS, LD, RA [EFATURA-ENUM]; InvoiceData/DocumentStatus/InvoiceStatus: "R" is not one of N, A, F, S [EFATURA-ENUM]
}

// A company that reports 2026 by SAF-T file cannot send 2026's documents
// by web service: the client refuses before sending anything.
func ExampleWithReportingMethod() {
	choice := reporting.Choice{Year: 2026, Method: reporting.MethodSAFT}
	srv, client := efaturaClient(efatura.WithReportingMethod(choice))
	defer srv.Close()

	_, err := client.RegisterInvoice(context.Background(), efatura.Invoice{Invoice: efInvoice(), Customer: efCustomer})
	fmt.Println(errors.Is(err, reporting.ErrOtherMethod))
	fmt.Println(err)
	fmt.Println(srv.Requests(string(efatura.OpRegisterInvoice)))
	// Output:
	// true
	// efatura: reporting: 2026: the company communicates its invoicing by monthly SAF-T (PT) file this year; real-time web service (e-Fatura) is refused (one method per calendar year)
	// 0
}

func ExampleResponseCode_Meaning() {
	fmt.Println(efatura.ResponseCode(-3).Meaning(efatura.OpRegisterInvoice))
	fmt.Println(efatura.ResponseCode(-26).MeaningEN(efatura.OpChangePaymentStatus))
	fmt.Println(efatura.CodePasswordRejected.Authentication())
	// Output:
	// Documento registado com valores diferentes
	// incoherent input parameters
	// true
}

func efReceipt() *saft.Payment {
	paid := civil.DateTime{Date: civil.Date{Year: 2026, Month: time.April, Day: 10}, Hour: 9, Minute: 0, Second: 0}
	return &saft.Payment{
		PaymentRefNo: "RC A/1", ATCUD: "CSDF7T5J-1", TransactionDate: paid.Date, PaymentType: series.DocumentTypeRC,
		DocumentStatus:  saft.PaymentDocumentStatus{PaymentStatus: saft.PaymentStatusNormal, PaymentStatusDate: paid, SourceID: "ana", SourcePayment: "P"},
		SourceID:        "ana",
		SystemEntryDate: paid, CustomerID: efCustomer.CustomerID,
		Line: []saft.PaymentLine{{LineNumber: 1,
			SourceDocumentID: []saft.SourceDocumentID{{OriginatingON: "FT A/1", InvoiceDate: civil.Date{Year: 2026, Month: time.March, Day: 2}}},
			CreditAmount:     efAmount("100.00"),
			Tax:              &saft.PaymentTax{TaxType: "IVA", TaxCountryRegion: "PT", TaxCode: "NOR", TaxPercentage: efAmount("23")}}},
		DocumentTotals: saft.PaymentTotals{TaxPayable: decimal.RequireFromString("23.00"), NetTotal: decimal.RequireFromString("100.00"),
			GrossTotal: decimal.RequireFromString("123.00")},
	}
}

// Cancel a receipt, then delete its communication.
func ExampleClient_ChangePaymentStatus() {
	srv, client := efaturaClient()
	defer srv.Close()
	ctx := context.Background()

	rc := efReceipt()
	if _, err := client.RegisterPayment(ctx, efatura.Payment{Payment: rc, Customer: efCustomer}); err != nil {
		log.Fatal(err)
	}
	rc.DocumentStatus.PaymentStatus = saft.PaymentStatusCancelled
	rc.DocumentStatus.PaymentStatusDate = civil.DateTime{Date: civil.Date{Year: 2026, Month: time.April, Day: 10}, Hour: 12, Minute: 0, Second: 0}
	_, err := client.ChangePaymentStatus(ctx, efatura.Payment{Payment: rc, Customer: efCustomer})
	fmt.Println("status:", err)
	_, err = client.DeletePayment(ctx, []efatura.Payment{{Payment: rc, Customer: efCustomer}}, nil, "Recibo comunicado em duplicado")
	fmt.Println("delete:", err)
	d := srv.EFaturaDocuments(attest.DefaultNIF)[0]
	fmt.Println(d.Number, d.Status, d.Deleted)
	// Output:
	// status: <nil>
	// delete: <nil>
	// RC A/1 A true
}

// A working document (a pro forma) through its life: sent, billed (F),
// and an attempt to delete the communications of a date range that spans
// two years, which AT refuses with code 401.
func ExampleClient_RegisterWork() {
	srv, client := efaturaClient()
	defer srv.Close()
	ctx := context.Background()

	issued := civil.DateTime{Date: civil.Date{Year: 2026, Month: time.February, Day: 5}, Hour: 15, Minute: 0, Second: 0}
	pf := &saft.WorkDocument{
		DocumentNumber: "PF A/3", ATCUD: "CSDF7T5K-3",
		DocumentStatus: saft.WorkDocumentStatus{WorkStatus: saft.WorkStatusNormal, WorkStatusDate: issued, SourceID: "ana", SourceBilling: "P"},
		Hash:           "0", HashControl: "0", WorkDate: issued.Date, WorkType: series.DocumentTypePF, SourceID: "ana",
		SystemEntryDate: issued, CustomerID: efCustomer.CustomerID,
		Line: []saft.InvoiceLine{{LineNumber: 1, ProductCode: "S1", ProductDescription: "Consultoria", Quantity: decimal.NewFromInt(1),
			UnitOfMeasure: "H", UnitPrice: decimal.NewFromInt(100), TaxPointDate: issued.Date, Description: "Consultoria",
			CreditAmount: efAmount("100.00"), Tax: &saft.Tax{TaxType: "IVA", TaxCountryRegion: "PT", TaxCode: "NOR", TaxPercentage: efAmount("23")}}},
		DocumentTotals: saft.DocumentTotals{TaxPayable: decimal.RequireFromString("23.00"), NetTotal: decimal.RequireFromString("100.00"),
			GrossTotal: decimal.RequireFromString("123.00")},
	}
	work := efatura.Work{Work: pf, Customer: efCustomer}
	_, err := client.RegisterWork(ctx, work)
	fmt.Println("register:", err)
	pf.DocumentStatus.WorkStatus = saft.WorkStatusBilled
	pf.DocumentStatus.WorkStatusDate = civil.DateTime{Date: civil.Date{Year: 2026, Month: time.February, Day: 6}, Hour: 9, Minute: 0, Second: 0}
	_, err = client.ChangeWorkStatus(ctx, work)
	fmt.Println("billed:", err)
	_, err = client.DeleteWork(ctx, nil, &efatura.DateRange{Start: civil.Date{Year: 2025, Month: time.December, Day: 1}, End: civil.Date{Year: 2026, Month: time.February, Day: 28}}, "Comunicados por engano")
	var ee *efatura.Error
	if errors.As(err, &ee) {
		fmt.Println(ee.Code, ee.Code.MeaningEN(ee.Operation))
	}
	// Output:
	// register: <nil>
	// billed: <nil>
	// 401 the list has documents of different years
}

// Delete the communications of every invoice of a period.
func ExampleClient_DeleteInvoice() {
	srv, client := efaturaClient()
	defer srv.Close()
	ctx := context.Background()

	if _, err := client.RegisterInvoice(ctx, efatura.Invoice{Invoice: efInvoice(), Customer: efCustomer}); err != nil {
		log.Fatal(err)
	}
	march := &efatura.DateRange{Start: civil.Date{Year: 2026, Month: time.March, Day: 1}, End: civil.Date{Year: 2026, Month: time.March, Day: 31}}
	_, err := client.DeleteInvoice(ctx, nil, march, "Comunicação em duplicado pelo programa")
	fmt.Println(err, srv.EFaturaDocuments(attest.DefaultNIF)[0].Deleted)
	// Output: <nil> true
}

func ExampleIssuerFromHeader() {
	h := saft.MonthlyInvoicingHeader(
		saft.Company{ID: "599999993", TaxRegistrationNumber: "599999993", Name: "Empresa, Lda"},
		saft.Software{ProducerTaxID: "503504564", CertificateNumber: 9999, ProductID: "Programa/Produtor", Version: "1.0"},
		2026, time.March, civil.Date{Year: 2026, Month: time.April, Day: 1})
	fmt.Printf("%+v\n", efatura.IssuerFromHeader(h))
	// Output: {TaxRegistrationNumber:599999993 TaxEntity:Global SoftwareCertificateNumber:9999 AuditFileVersion:1.04_01}
}

func ExampleOperation_Values() {
	fmt.Println(efatura.Operation("").Values(), efatura.OpDeleteWork.Valid(), efatura.Operation("registarSerie").Valid())
	// Output: [RegisterInvoice ChangeInvoiceStatus DeleteInvoice RegisterWork ChangeWorkStatus DeleteWork RegisterPayment ChangePaymentStatus DeletePayment] true false
}

// A client of AT's test environment: the producer's AT-issued certificate,
// the credentials of a sub-user with the WFA profile, and AT's embedded
// public key; the e-Fatura client sends through it.
func ExampleNew() {
	pfx, err := os.ReadFile("../testdata/legacy.pfx") // AT's test certificate
	if err != nil {
		log.Fatal(err)
	}
	cert, err := atclient.LoadPKCS12(pfx, "TESTEwebservice")
	if err != nil {
		log.Fatal(err)
	}
	creds, err := atclient.NewCredentials("599999993", "1", "the sub-user's password")
	if err != nil {
		log.Fatal(err)
	}
	at, err := atclient.New(atclient.TestEndpoints(), creds, cert)
	if err != nil {
		log.Fatal(err)
	}
	defer at.Close()
	header := saft.Header{AuditFileVersion: saft.AuditFileVersion, TaxRegistrationNumber: "599999993",
		TaxEntity: saft.TaxEntityGlobal, SoftwareCertificateNumber: 9999}
	client, err := efatura.New(at, efatura.WithIssuer(efatura.IssuerFromHeader(header)), efatura.WithChannel("my program", "1.0"))
	fmt.Println(client != nil, err, at.Endpoints().EFatura)

	// Without an e-Fatura endpoint there is nothing to call.
	seriesOnly, _ := atclient.New(atclient.Endpoints{Series: atclient.TestEndpoints().Series}, creds, cert)
	_, err = efatura.New(seriesOnly)
	fmt.Println(err)
	// Output:
	// true <nil> https://servicos.portaldasfinancas.gov.pt:723/fatcorews/ws/
	// efatura: the atclient.Client has no e-Fatura endpoint (Endpoints.EFatura)
}
