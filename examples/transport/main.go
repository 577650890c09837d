// Command transport communicates transport documents to AT before the
// goods leave, through the transport documents web service (sgdtws) —
// here to the in-process simulator of package atclient/attest — as a
// program that issues them would:
//
//   - describes each delivery note once to package document, which issues
//     it through package issuing (number, ATCUD, signature) and returns its
//     SAF-T StockMovement and customer: what the SAF-T export writes is
//     what is communicated;
//   - checks a note against the manual's rules before sending: one without
//     its place of loading, whose transport has already started, is
//     refused with every violation at once;
//   - communicates a note and keeps AT's code (ATDocCodeID) in its
//     StockMovement, which the SAF-T export then carries;
//   - survives a lost answer: the simulator registers the next note and
//     drops the connection; the client sends the identical request once
//     more and AT's "already registered" (-3) tells it the note is there;
//   - changes the vehicle of a coded note, then cancels it (status A);
//   - tells whether the company must communicate at all (turnover above
//     € 100 000).
//
// It needs no arguments and no network: go run ./examples/transport
//
// Against AT, replace the simulator's pieces: atclient.TestEndpoints() (or
// ProductionEndpoints()), the producer's certificate from
// atclient.LoadPKCS12, the credentials of the taxpayer's sub-user with the
// WDT profile, no WithATKey/WithRootCAs, and the real clock.
package main

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/atclient/transport"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "transport example:", err)
		os.Exit(1)
	}
}

// now is the example's fixed clock, a Monday morning in Lisbon, so that
// its output is the same every day.
func now() time.Time { return time.Date(2026, time.June, 1, 8, 30, 0, 0, civil.Lisbon) }

var (
	today = civil.Date{Year: 2026, Month: time.June, Day: 1}

	header = saft.Header{
		TaxRegistrationNumber: attest.DefaultNIF, CompanyName: "Ferragens Exemplo, Lda.",
		CompanyAddress: saft.Address{AddressDetail: "Rua da Prata, 10", City: "Lisboa", PostalCode: "1100-420", Country: "PT"},
	}
	customer = document.Customer{ID: "C7", TaxID: "503504564", Name: "Construções do Norte, S.A.",
		Address: "Avenida da Boavista, 100", City: "Porto", PostalCode: "4100-119", Country: "PT"}
	warehouse = saft.CustomerAddress{AddressDetail: "Armazém 3, Rua do Açúcar, 5", City: "Lisboa", PostalCode: "1950-009", Country: "PT"}
	site      = saft.CustomerAddress{AddressDetail: "Obra da Rua do Heroísmo, 200", City: "Porto", PostalCode: "4300-256", Country: "PT"}
)

// warehouseOffice issues the company's delivery notes: package document
// computes each one and issues it through package issuing (number, ATCUD,
// signature chained with a key generated on the spot) in a series AT
// validated.
type warehouseOffice struct {
	issuer *issuing.Issuer
	series series.Series
}

func newWarehouseOffice() (*warehouseOffice, error) {
	key, err := certify.GenerateKey(nil)
	if err != nil {
		return nil, err
	}
	signer, err := certify.NewSigner(key, 1)
	if err != nil {
		return nil, err
	}
	issuer, err := issuing.New(attest.DefaultNIF, "9999", signer, issuing.NewMemoryStore(), issuing.WithClock(now))
	if err != nil {
		return nil, err
	}
	s, err := series.New("GR2026", series.DocumentTypeGR, series.NumberOf(1), civil.Date{Year: 2026, Month: time.January, Day: 1})
	if err != nil {
		return nil, err
	}
	if s, err = s.Register("CSDF7T5H", attest.DefaultNIF, time.Date(2025, time.December, 15, 10, 0, 0, 0, civil.Lisbon)); err != nil {
		return nil, err
	}
	return &warehouseOffice{issuer: issuer, series: s}, nil
}

// deliveryNote issues a GR of screws and cable leaving the warehouse at
// hour:00 today for the customer's building site.
func (w *warehouseOffice) deliveryNote(ctx context.Context, hour int) (*document.Issued, error) {
	return document.Issue(ctx, w.issuer, w.series, document.Draft{
		Type: series.DocumentTypeGR, Date: today, Customer: customer, SourceID: "rui",
		Transport: &document.Transport{Start: time.Date(2026, time.June, 1, hour, 0, 0, 0, civil.Lisbon), From: warehouse, To: site},
		Lines: []document.Line{
			{Product: document.Product{Code: "P6", Description: "Parafusos M6 (caixa de 100)", Type: saft.ProductTypeGoods, Unit: "CX"},
				Quantity: decimal.NewFromInt(40), UnitPrice: decimal.RequireFromString("4.50"), Tax: document.Tax{Category: document.Normal}},
			{Product: document.Product{Code: "CB25", Description: "Cabo elétrico 2,5 mm²", Type: saft.ProductTypeGoods, Unit: "M"},
				Quantity: decimal.RequireFromString("250.5"), UnitPrice: decimal.RequireFromString("0.62"), Tax: document.Tax{Category: document.Normal}},
		},
	})
}

func run() error {
	srv, err := attest.New(attest.WithClock(now))
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
	at, err := atclient.New(atclient.Endpoints{Transport: srv.TransportURL()}, creds, cert,
		atclient.WithATKey(key), atclient.WithRootCAs(srv.RootCAs()), atclient.WithClock(now))
	if err != nil {
		return err
	}
	defer at.Close()
	client, err := transport.New(at, transport.SenderFromHeader(header), transport.WithClock(now))
	if err != nil {
		return err
	}
	office, err := newWarehouseOffice()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	// 0. Must this company communicate at all?
	turnover := decimal.RequireFromString("412000.00")
	fmt.Printf("turnover %s €: communication required: %t\n", turnover.StringFixed(2), transport.Required(turnover))

	// 1. A note that breaks the rules is refused before sending: here a
	// copy of one whose place of loading was lost and whose transport was
	// due at 08:00, already past.
	gr1, err := office.deliveryNote(ctx, 10)
	if err != nil {
		return err
	}
	broken := *gr1.StockMovement
	broken.ShipFrom = nil
	broken.MovementStartTime = civil.DateTime{Date: today, Hour: 8}
	err = client.Check(transport.Document{Movement: &broken, Customer: &gr1.Customer, VehicleID: "AA-00-BB"})
	var ve *violation.Error
	if !errors.As(err, &ve) {
		return fmt.Errorf("the broken note was not refused: %v", err)
	}
	fmt.Println("refused before sending:")
	for _, v := range ve.Violations {
		fmt.Printf("  %s %s\n", v.Path, v.Code)
	}

	// 2. The note itself, its SAF-T record and customer as package
	// document made them, is communicated; AT's code goes into the
	// StockMovement the SAF-T export writes.
	m1 := gr1.StockMovement
	rec, err := client.Communicate(ctx, transport.Document{Movement: m1, Customer: &gr1.Customer, VehicleID: "AA-00-BB"})
	if err != nil {
		return err
	}
	m1.ATDocCodeID = rec.ATDocCodeID
	fmt.Printf("%s (%s): AT code %s\n", m1.DocumentNumber, m1.ATCUD, rec.ATDocCodeID)

	// 3. A lost answer: AT registers the next note, the connection drops.
	srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: attest.TransportOperation, AfterProcessing: true})
	gr2, err := office.deliveryNote(ctx, 11)
	if err != nil {
		return err
	}
	rec, err = client.Communicate(ctx, transport.Document{Movement: gr2.StockMovement, Customer: &gr2.Customer})
	if err != nil {
		return err
	}
	fmt.Printf("%s after a lost answer: reconciled=%t, sent %d times, the repeat answered %d\n",
		gr2.StockMovement.DocumentNumber, rec.Reconciled, srv.Requests(attest.TransportOperation)-1, rec.Statuses[0].Code)

	// 4. The truck changes: the coded note is sent again with its code;
	// then the order is called off and the note cancelled.
	if _, err := client.Communicate(ctx, transport.Document{Movement: m1, Customer: &gr1.Customer, VehicleID: "11-CC-22"}); err != nil {
		return err
	}
	m1.DocumentStatus.MovementStatus = saft.MovementStatusCancelled
	m1.DocumentStatus.Reason = "Encomenda anulada"
	m1.DocumentStatus.MovementStatusDate = civil.DateTimeIn(now(), civil.Lisbon)
	if _, err := client.Communicate(ctx, transport.Document{Movement: m1, Customer: &gr1.Customer, VehicleID: "11-CC-22"}); err != nil {
		return err
	}
	for _, d := range srv.TransportDocuments(attest.DefaultNIF) {
		fmt.Printf("AT holds %s: code %s, status %s, vehicle %q\n", d.DocumentNumber, d.ATDocCodeID, d.Status, d.VehicleID)
	}

	// 5. The same StockMovement, as the SAF-T export writes it, carries
	// AT's code.
	b, err := xml.MarshalIndent(m1, "", " ")
	if err != nil {
		return err
	}
	fmt.Println("SAF-T:")
	for _, line := range strings.Split(string(b), "\n") {
		for _, field := range []string{"<DocumentNumber>", "<ATCUD>", "<MovementStatus>", "<ATDocCodeID>"} {
			if strings.HasPrefix(strings.TrimSpace(line), field) {
				fmt.Println(" ", strings.TrimSpace(line))
			}
		}
	}
	return nil
}
