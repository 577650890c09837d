package attest_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/atclient/transport"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// A test of a program's transport documents against the simulator: AT
// fails with its -99 "Erro interno" after registering the document; the
// client's repeat finds it there, and the server holds it once.
func ExampleServer_TransportDocuments() {
	now := time.Date(2026, time.June, 1, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	srv, err := attest.New(attest.WithClock(clock))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	key, _ := atclient.ParseATKey(srv.EncryptionCertificatePEM())
	cert, _ := atclient.CertificateFromTLS(srv.ClientCertificate())
	creds, _ := atclient.NewCredentials(attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword)
	at, err := atclient.New(atclient.Endpoints{Transport: srv.TransportURL()}, creds, cert,
		atclient.WithATKey(key), atclient.WithRootCAs(srv.RootCAs()), atclient.WithClock(clock))
	if err != nil {
		log.Fatal(err)
	}
	defer at.Close()
	sender := transport.Sender{TaxRegistrationNumber: attest.DefaultNIF, CompanyName: "Exemplo, Lda.",
		CompanyAddress: saft.Address{AddressDetail: "Rua da Prata, 10", City: "Lisboa", PostalCode: "1100-420", Country: "PT"}}
	client, err := transport.New(at, sender, transport.WithClock(clock))
	if err != nil {
		log.Fatal(err)
	}

	day := civil.Date{Year: 2026, Month: time.June, Day: 1}
	place := saft.CustomerAddress{AddressDetail: "Armazém 3", City: "Lisboa", PostalCode: "1950-009", Country: "PT"}
	m := &saft.StockMovement{DocumentNumber: "GA A/1", ATCUD: "CSDF7T5H-1", MovementDate: day, MovementType: series.DocumentTypeGA,
		CustomerID: "SELF", ShipFrom: &saft.ShippingPoint{Address: &place},
		MovementStartTime: civil.DateTime{Date: day, Hour: 16},
		Line:              []saft.StockMovementLine{{ProductDescription: "Empilhador", Quantity: decimal.NewFromInt(1), UnitOfMeasure: "UN"}}}
	m.DocumentStatus.MovementStatus = saft.MovementStatusNormal
	self := &saft.Customer{CustomerID: "SELF", CustomerTaxID: attest.DefaultNIF, CompanyName: "Exemplo, Lda."}

	srv.InjectFault(attest.Fault{Kind: attest.FaultTechnicalError, Operation: attest.TransportOperation, AfterProcessing: true})
	rec, err := client.Communicate(context.Background(), transport.Document{Movement: m, Customer: self})
	fmt.Println(err, rec.Reconciled, srv.Requests(attest.TransportOperation))
	for _, d := range srv.TransportDocuments(attest.DefaultNIF) {
		fmt.Println(d.DocumentNumber, d.Type, d.ATDocCodeID, d.Recipient)
	}
	// Output:
	// <nil> true 2
	// GA A/1 GA 100007919 599999993
}
