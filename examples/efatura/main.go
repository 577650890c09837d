// Command efatura communicates invoicing documents to AT in real time
// through the e-Fatura web service (fatcorews) — here to the in-process
// simulator of package atclient/attest — as a program that issues them
// would:
//
//   - describes each invoice once to package document, which computes its
//     amounts and issues it through package issuing (number, ATCUD,
//     signature chained with a key generated on the spot), and sends its
//     SAF-T record (RegisterInvoice);
//   - survives a lost answer: the simulator registers the next invoice and
//     drops the connection; the client sends the identical request once
//     more and AT's "already registered" answer tells it the invoice is
//     there (Reconciled);
//   - cancels the first invoice (ChangeInvoiceStatus with status A);
//   - sends a receipt of the cash VAT scheme, made by document.Receipt
//     (RegisterPayment);
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
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/issuing"
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

	sales, err := newSales()
	if err != nil {
		return err
	}
	lisbon := func(y int, m time.Month, d, h, min int) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, civil.Lisbon)
	}

	// 1. Send an invoice.
	ft1, err := sales.invoice(lisbon(2026, time.March, 2, 10, 30), "100.00")
	if err != nil {
		return err
	}
	rec, err := client.RegisterInvoice(ctx, efatura.Invoice{Invoice: ft1.Invoice, Customer: ft1.Customer, PaperLess: true})
	if err != nil {
		return err
	}
	fmt.Printf("%s %s: %s\n", rec.Operation, ft1.Invoice.InvoiceNo, rec.Message)

	// 2. A lost answer: AT registers, the connection drops.
	srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(efatura.OpRegisterInvoice), AfterProcessing: true})
	ft2, err := sales.invoice(lisbon(2026, time.March, 2, 11, 0), "40.00")
	if err != nil {
		return err
	}
	rec, err = client.RegisterInvoice(ctx, efatura.Invoice{Invoice: ft2.Invoice, Customer: ft2.Customer})
	if err != nil {
		return err
	}
	fmt.Printf("%s %s after a lost answer: reconciled=%t, sent %d times, registered once\n",
		rec.Operation, ft2.Invoice.InvoiceNo, rec.Reconciled, srv.Requests(string(efatura.OpRegisterInvoice))-1)

	// 3. Cancel FT A/1: the SAF-T status becomes A, and AT is told.
	ft1.Invoice.DocumentStatus.InvoiceStatus = saft.InvoiceStatusCancelled
	ft1.Invoice.DocumentStatus.InvoiceStatusDate = civil.DateTime{Date: civil.Date{Year: 2026, Month: time.March, Day: 2}, Hour: 16, Minute: 0, Second: 0}
	ft1.Invoice.DocumentStatus.Reason = "Erro do operador"
	if rec, err = client.ChangeInvoiceStatus(ctx, efatura.Invoice{Invoice: ft1.Invoice, Customer: ft1.Customer}); err != nil {
		return err
	}
	fmt.Printf("%s %s to A: %s\n", rec.Operation, ft1.Invoice.InvoiceNo, rec.Message)

	// 4. A receipt of the cash VAT scheme for FT A/2.
	rc, err := sales.receipt(lisbon(2026, time.April, 10, 9, 0), ft2)
	if err != nil {
		return err
	}
	if rec, err = client.RegisterPayment(ctx, efatura.Payment{Payment: rc.Payment, Customer: rc.Customer}); err != nil {
		return err
	}
	fmt.Printf("%s %s: %s\n", rec.Operation, rc.Number, rec.Message)

	// 5. Delete the communication of FT A/1, sent in error.
	if rec, err = client.DeleteInvoice(ctx, []efatura.Invoice{{Invoice: ft1.Invoice, Customer: ft1.Customer}}, nil, "Comunicado por engano"); err != nil {
		return err
	}
	fmt.Printf("%s %s: %s\n", rec.Operation, ft1.Invoice.InvoiceNo, rec.Message)

	// 6. A 2025 document: that year is reported by SAF-T file.
	old, err := sales.invoice(lisbon(2025, time.December, 30, 10, 0), "10.00")
	if err != nil {
		return err
	}
	_, err = client.RegisterInvoice(ctx, efatura.Invoice{Invoice: old.Invoice, Customer: old.Customer})
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

// sales issues the company's documents: series registered at AT, an
// issuer signing with a key generated on the spot, on the clock of the
// example's story.
type sales struct {
	issuer   *issuing.Issuer
	now      time.Time
	series   map[string]series.Series // by type and year
	receipts uint64                   // receipts are numbered by the program, not signed
}

// The validation codes AT returned when the series were communicated.
var seriesCodes = []struct {
	id   string
	typ  series.DocumentType
	code string
	from civil.Date
}{
	{"2025", series.DocumentTypeFT, "CSDF7T5G", civil.Date{Year: 2025, Month: time.January, Day: 1}},
	{"A", series.DocumentTypeFT, "CSDF7T5H", civil.Date{Year: 2026, Month: time.January, Day: 1}},
	{"A", series.DocumentTypeRC, "CSDF7T5J", civil.Date{Year: 2026, Month: time.January, Day: 1}},
}

func newSales() (*sales, error) {
	key, err := certify.GenerateKey(nil)
	if err != nil {
		return nil, err
	}
	signer, err := certify.NewSigner(key, 1)
	if err != nil {
		return nil, err
	}
	s := &sales{series: map[string]series.Series{}}
	if s.issuer, err = issuing.New(attest.DefaultNIF, "9999", signer, issuing.NewMemoryStore(), issuing.WithClock(func() time.Time { return s.now })); err != nil {
		return nil, err
	}
	for _, c := range seriesCodes {
		sr, err := series.New(c.id, c.typ, series.NumberOf(1), c.from)
		if err != nil {
			return nil, err
		}
		if sr, err = sr.Register(c.code, attest.DefaultNIF, time.Date(2024, time.December, 15, 10, 0, 0, 0, civil.Lisbon)); err != nil {
			return nil, err
		}
		s.series[string(c.typ)+fmt.Sprint(c.from.Year)] = sr
	}
	return s, nil
}

var customer = document.Customer{ID: "C1", TaxID: "503504564", Name: "Cliente, Lda", Address: "Rua Direita 1", City: "Lisboa", PostalCode: "1100-001"}

// invoice issues at the given time an FT of hours of consulting at 23 %
// VAT, for net EUR; package document computes the tax and totals.
func (s *sales) invoice(at time.Time, net string) (*document.Issued, error) {
	s.now = at
	date := civil.DateIn(at, civil.Lisbon)
	return document.Issue(context.Background(), s.issuer, s.series["FT"+fmt.Sprint(date.Year)], document.Draft{
		Type: series.DocumentTypeFT, Date: date, Customer: customer, SourceID: "ana",
		Lines: []document.Line{{Product: document.Product{Code: "S1", Description: "Consultoria", Type: saft.ProductTypeServices, Unit: "H"},
			Quantity: decimal.NewFromInt(1), UnitPrice: decimal.RequireFromString(net), Tax: document.Tax{Category: document.Normal}}},
	})
}

// receipt makes the cash VAT scheme receipt (RC) of an invoice paid in
// full by bank transfer.
func (s *sales) receipt(at time.Time, inv *document.Issued) (*document.IssuedReceipt, error) {
	s.receipts++
	return document.Receipt(s.series["RC"+fmt.Sprint(at.Year())], series.NumberOf(s.receipts), attest.DefaultNIF, "9999", civil.DateTimeIn(at, civil.Lisbon), document.ReceiptDraft{
		Type: series.DocumentTypeRC, Date: civil.DateIn(at, civil.Lisbon), Customer: inv.Draft.Customer, SourceID: "ana",
		Settles:  []document.Settled{{Number: inv.Document.DocumentNumber, Date: inv.Draft.Date, Amount: inv.Payable, Document: inv.Computed}},
		Payments: []document.Payment{{Mechanism: saft.PaymentMechanismBankTransfer}},
	})
}
