// Command efatura communicates invoicing documents to AT in real time
// through the e-Fatura web service (fatcorews) — here to the in-process
// simulator of package atclient/attest — as a program that issues them
// would:
//
//   - describes an invoice once, in the SAF-T model of package saft, and
//     sends it (RegisterInvoice);
//   - survives a lost answer: the simulator registers the next invoice and
//     drops the connection; the client sends the identical request once
//     more and AT's "already registered" answer tells it the invoice is
//     there (Reconciled);
//   - cancels the first invoice (ChangeInvoiceStatus with status A);
//   - sends a receipt of the cash VAT scheme (RegisterPayment);
//   - deletes a communication made in error (DeleteInvoice);
//   - shows the one-method-a-year rule: for a year the company reports by
//     SAF-T file, the client refuses before sending anything.
//
// It needs no arguments and no network: go run ./examples/efatura
//
// Against AT, replace the simulator's pieces: atclient.TestEndpoints() (or
// ProductionEndpoints()), the producer's certificate from
// atclient.LoadPKCS12, the credentials of the taxpayer's sub-user with the
// WFA profile, and no WithATKey/WithRootCAs.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/atclient/efatura"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "efatura example:", err)
		os.Exit(1)
	}
}

func run() error {
	srv, err := attest.New()
	if err != nil {
		return err
	}
	defer srv.Close()
	key, err := atclient.ParseATKey(srv.EncryptionCertificatePEM())
	if err != nil {
		return err
	}
	cert, err := atclient.CertificateFromTLS(srv.ClientCertificate())
	if err != nil {
		return err
	}
	creds, err := atclient.NewCredentials(attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword)
	if err != nil {
		return err
	}

	// The company's SAF-T header: the same issuer data goes to e-Fatura.
	header := saft.Header{AuditFileVersion: saft.AuditFileVersion, TaxRegistrationNumber: attest.DefaultNIF,
		TaxEntity: saft.TaxEntityGlobal, SoftwareCertificateNumber: 0}
	// It reported 2025 by SAF-T file and reports 2026 in real time.
	method := reporting.Choices{{Year: 2025, Method: reporting.MethodSAFT}, {Year: 2026, Method: reporting.MethodWebService}}

	at, err := atclient.New(atclient.Endpoints{EFatura: srv.EFaturaURL()}, creds, cert,
		atclient.WithATKey(key), atclient.WithRootCAs(srv.RootCAs()))
	if err != nil {
		return err
	}
	defer at.Close()
	client, err := efatura.New(at,
		efatura.WithIssuer(efatura.IssuerFromHeader(header)),
		efatura.WithReportingMethod(method),
		efatura.WithChannel("faturapt example", "1"))
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	customer := saft.Customer{CustomerID: "C1", AccountID: saft.Unknown, CustomerTaxID: "503504564", CompanyName: "Cliente, Lda",
		BillingAddress: saft.CustomerAddress{AddressDetail: "Rua Direita 1", City: "Lisboa", PostalCode: "1100-001", Country: "PT"}}

	// 1. Send an invoice.
	ft1 := invoice("FT A/1", "CSDF7T5H-1", civil.DateTime{Date: civil.Date{Year: 2026, Month: time.March, Day: 2}, Hour: 10, Minute: 30, Second: 0}, "100.00")
	rec, err := client.RegisterInvoice(ctx, efatura.Invoice{Invoice: ft1, Customer: customer, PaperLess: true})
	if err != nil {
		return err
	}
	fmt.Printf("%s %s: %s\n", rec.Operation, ft1.InvoiceNo, rec.Message)

	// 2. A lost answer: AT registers, the connection drops.
	srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(efatura.OpRegisterInvoice), AfterProcessing: true})
	ft2 := invoice("FT A/2", "CSDF7T5H-2", civil.DateTime{Date: civil.Date{Year: 2026, Month: time.March, Day: 2}, Hour: 11, Minute: 0, Second: 0}, "40.00")
	rec, err = client.RegisterInvoice(ctx, efatura.Invoice{Invoice: ft2, Customer: customer})
	if err != nil {
		return err
	}
	fmt.Printf("%s %s after a lost answer: reconciled=%t, sent %d times, registered once\n",
		rec.Operation, ft2.InvoiceNo, rec.Reconciled, srv.Requests(string(efatura.OpRegisterInvoice))-1)

	// 3. Cancel FT A/1: the SAF-T status becomes A, and AT is told.
	ft1.DocumentStatus.InvoiceStatus = saft.InvoiceStatusCancelled
	ft1.DocumentStatus.InvoiceStatusDate = civil.DateTime{Date: civil.Date{Year: 2026, Month: time.March, Day: 2}, Hour: 16, Minute: 0, Second: 0}
	ft1.DocumentStatus.Reason = "Erro do operador"
	if rec, err = client.ChangeInvoiceStatus(ctx, efatura.Invoice{Invoice: ft1, Customer: customer}); err != nil {
		return err
	}
	fmt.Printf("%s %s to A: %s\n", rec.Operation, ft1.InvoiceNo, rec.Message)

	// 4. A receipt of the cash VAT scheme for FT A/2.
	paid := civil.DateTime{Date: civil.Date{Year: 2026, Month: time.April, Day: 10}, Hour: 9, Minute: 0, Second: 0}
	rc := &saft.Payment{
		PaymentRefNo: "RC A/1", ATCUD: "CSDF7T5J-1", TransactionDate: paid.Date, PaymentType: series.DocumentTypeRC,
		DocumentStatus:  saft.PaymentDocumentStatus{PaymentStatus: saft.PaymentStatusNormal, PaymentStatusDate: paid, SourceID: "ana", SourcePayment: "P"},
		SourceID:        "ana",
		SystemEntryDate: paid, CustomerID: customer.CustomerID,
		Line: []saft.PaymentLine{{LineNumber: 1,
			SourceDocumentID: []saft.SourceDocumentID{{OriginatingON: ft2.InvoiceNo, InvoiceDate: ft2.InvoiceDate}},
			CreditAmount:     money("40.00"),
			Tax:              &saft.PaymentTax{TaxType: "IVA", TaxCountryRegion: "PT", TaxCode: "NOR", TaxPercentage: money("23")}}},
		DocumentTotals: saft.PaymentTotals{TaxPayable: *money("9.20"), NetTotal: *money("40.00"), GrossTotal: *money("49.20")},
	}
	if rec, err = client.RegisterPayment(ctx, efatura.Payment{Payment: rc, Customer: customer}); err != nil {
		return err
	}
	fmt.Printf("%s %s: %s\n", rec.Operation, rc.PaymentRefNo, rec.Message)

	// 5. Delete the communication of FT A/1, sent in error.
	if rec, err = client.DeleteInvoice(ctx, []efatura.Invoice{{Invoice: ft1, Customer: customer}}, nil, "Comunicado por engano"); err != nil {
		return err
	}
	fmt.Printf("%s %s: %s\n", rec.Operation, ft1.InvoiceNo, rec.Message)

	// 6. A 2025 document: that year is reported by SAF-T file.
	old := invoice("FT 2025/9", "CSDF7T5H-9", civil.DateTime{Date: civil.Date{Year: 2025, Month: time.December, Day: 30}, Hour: 10, Minute: 0, Second: 0}, "10.00")
	_, err = client.RegisterInvoice(ctx, efatura.Invoice{Invoice: old, Customer: customer})
	if !errors.Is(err, reporting.ErrOtherMethod) {
		return fmt.Errorf("a 2025 document was not refused: %v", err)
	}
	fmt.Println("refused before sending:", err)

	fmt.Println("AT holds:")
	for _, d := range srv.EFaturaDocuments(attest.DefaultNIF) {
		fmt.Printf("  %-7s %-8s %s status %s, total %s, deleted %t\n", d.Kind, d.Number, d.Date, d.Status, d.GrossTotal, d.Deleted)
	}
	return nil
}

func money(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

// invoice is an FT of one service line at 23% VAT.
func invoice(number, atcud string, issued civil.DateTime, net string) *saft.Invoice {
	n := decimal.RequireFromString(net)
	tax := n.Mul(decimal.NewFromInt(23)).Div(decimal.NewFromInt(100)).Round(2)
	return &saft.Invoice{
		InvoiceNo: number, ATCUD: atcud,
		DocumentStatus: saft.InvoiceDocumentStatus{InvoiceStatus: saft.InvoiceStatusNormal, InvoiceStatusDate: issued, SourceID: "ana", SourceBilling: "P"},
		Hash:           "0", HashControl: "0", InvoiceDate: issued.Date, InvoiceType: series.DocumentTypeFT, SourceID: "ana",
		SystemEntryDate: issued, CustomerID: "C1",
		Line: []saft.InvoiceLine{{LineNumber: 1, ProductCode: "S1", ProductDescription: "Consultoria", Quantity: decimal.NewFromInt(1),
			UnitOfMeasure: "H", UnitPrice: n, TaxPointDate: issued.Date, Description: "Consultoria",
			CreditAmount: &n, Tax: &saft.Tax{TaxType: "IVA", TaxCountryRegion: "PT", TaxCode: "NOR", TaxPercentage: money("23")}}},
		DocumentTotals: saft.InvoiceTotals{TaxPayable: tax, NetTotal: n, GrossTotal: n.Add(tax)},
	}
}
