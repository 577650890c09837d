// Command transport communicates transport documents to AT before the
// goods leave, through the transport documents web service (sgdtws) —
// here to the in-process simulator of package atclient/attest — as a
// program that issues them would:
//
//   - describes each delivery note once, as the SAF-T StockMovement it
//     exports, and checks it against the manual's rules before sending:
//     a draft without its place of loading, whose transport has already
//     started, is refused with every violation at once;
//   - communicates it and keeps AT's code (ATDocCodeID) in the same
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
	"github.com/faturapt/faturapt/civil"
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
	customer = saft.Customer{CustomerID: "C7", CustomerTaxID: "503504564", CompanyName: "Construções do Norte, S.A.",
		BillingAddress: saft.CustomerAddress{AddressDetail: "Avenida da Boavista, 100", City: "Porto", PostalCode: "4100-119", Country: "PT"}}
	warehouse = saft.CustomerAddress{AddressDetail: "Armazém 3, Rua do Açúcar, 5", City: "Lisboa", PostalCode: "1950-009", Country: "PT"}
)

// deliveryNote is the program's GR number n, leaving at hour:00 today.
func deliveryNote(n, hour int) *saft.StockMovement {
	m := &saft.StockMovement{
		DocumentNumber: fmt.Sprintf("GR 2026/%d", n), ATCUD: fmt.Sprintf("CSDF7T5H-%d", n),
		MovementDate: today, MovementType: series.DocumentTypeGR, CustomerID: customer.CustomerID,
		ShipFrom:          &saft.ShippingPoint{Address: &warehouse},
		ShipTo:            &saft.ShippingPoint{Address: &customer.BillingAddress},
		MovementStartTime: civil.DateTime{Date: today, Hour: hour},
		Line: []saft.StockMovementLine{
			{LineNumber: 1, ProductCode: "P6", ProductDescription: "Parafusos M6 (caixa de 100)", Quantity: decimal.NewFromInt(40),
				UnitOfMeasure: "CX", UnitPrice: decimal.RequireFromString("4.50")},
			{LineNumber: 2, ProductCode: "CB25", ProductDescription: "Cabo elétrico 2,5 mm²", Quantity: decimal.RequireFromString("250.5"),
				UnitOfMeasure: "M", UnitPrice: decimal.RequireFromString("0.62")},
		},
	}
	m.DocumentStatus.MovementStatus = saft.MovementStatusNormal
	return m
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
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	// 0. Must this company communicate at all?
	turnover := decimal.RequireFromString("412000.00")
	fmt.Printf("turnover %s €: communication required: %t\n", turnover.StringFixed(2), transport.Required(turnover))

	// 1. A draft that breaks the rules is refused before sending.
	draft := deliveryNote(1, 8)
	draft.ShipFrom = nil
	err = client.Check(transport.Document{Movement: draft, Customer: &customer, VehicleID: "AA-00-BB"})
	var ve *violation.Error
	if !errors.As(err, &ve) {
		return fmt.Errorf("the draft was not refused: %v", err)
	}
	fmt.Println("draft refused:")
	for _, v := range ve.Violations {
		fmt.Printf("  %s %s\n", v.Path, v.Code)
	}

	// 2. The corrected note is communicated; AT's code goes into the
	// StockMovement the SAF-T export writes.
	gr1 := deliveryNote(1, 10)
	rec, err := client.Communicate(ctx, transport.Document{Movement: gr1, Customer: &customer, VehicleID: "AA-00-BB"})
	if err != nil {
		return err
	}
	gr1.ATDocCodeID = rec.ATDocCodeID
	fmt.Printf("%s (%s): AT code %s\n", gr1.DocumentNumber, gr1.ATCUD, rec.ATDocCodeID)

	// 3. A lost answer: AT registers GR 2026/2, the connection drops.
	srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: attest.TransportOperation, AfterProcessing: true})
	gr2 := deliveryNote(2, 11)
	rec, err = client.Communicate(ctx, transport.Document{Movement: gr2, Customer: &customer})
	if err != nil {
		return err
	}
	fmt.Printf("%s after a lost answer: reconciled=%t, sent %d times, the repeat answered %d\n",
		gr2.DocumentNumber, rec.Reconciled, srv.Requests(attest.TransportOperation)-1, rec.Statuses[0].Code)

	// 4. The truck changes: the coded note is sent again with its code;
	// then the order is called off and the note cancelled.
	if _, err := client.Communicate(ctx, transport.Document{Movement: gr1, Customer: &customer, VehicleID: "11-CC-22"}); err != nil {
		return err
	}
	gr1.DocumentStatus.MovementStatus = saft.MovementStatusCancelled
	gr1.DocumentStatus.Reason = "Encomenda anulada"
	if _, err := client.Communicate(ctx, transport.Document{Movement: gr1, Customer: &customer, VehicleID: "11-CC-22"}); err != nil {
		return err
	}
	for _, d := range srv.TransportDocuments(attest.DefaultNIF) {
		fmt.Printf("AT holds %s: code %s, status %s, vehicle %q\n", d.DocumentNumber, d.ATDocCodeID, d.Status, d.VehicleID)
	}

	// 5. The same StockMovement, as the SAF-T export writes it, carries
	// AT's code.
	b, err := xml.MarshalIndent(gr1, "", " ")
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
