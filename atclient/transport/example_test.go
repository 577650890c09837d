package transport_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/atclient/transport"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/attesttest"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

// The header of the program's SAF-T files: the sender.
var header = saft.Header{
	TaxRegistrationNumber: attest.DefaultNIF, CompanyName: "Exemplo, Lda.",
	CompanyAddress: saft.Address{AddressDetail: "Rua da Prata, 10", City: "Lisboa", PostalCode: "1100-420", Country: "PT"},
}

// The customer as the program keeps it for SAF-T.
var customer = saft.Customer{CustomerID: "C1", CustomerTaxID: "503504564", CompanyName: "Cliente, Lda",
	BillingAddress: saft.CustomerAddress{AddressDetail: "Avenida da Boavista, 100", City: "Porto", PostalCode: "4100-119", Country: "PT"}}

// guide is a delivery note (GR) the program also exports to SAF-T,
// leaving Lisbon for Porto this afternoon (the simulator's clock shows
// 2026-06-01 11:00 in Lisbon).
func guide(n int) *saft.StockMovement {
	m := &saft.StockMovement{
		DocumentNumber: fmt.Sprintf("GR A/%d", n), ATCUD: fmt.Sprintf("CSDF7T5H-%d", n),
		MovementDate: civil.Date{Year: 2026, Month: time.June, Day: 1}, MovementType: series.DocumentTypeGR,
		CustomerID:        customer.CustomerID,
		ShipFrom:          &saft.ShippingPoint{Address: &saft.CustomerAddress{AddressDetail: "Armazém 3", City: "Lisboa", PostalCode: "1950-009", Country: "PT"}},
		ShipTo:            &saft.ShippingPoint{Address: &customer.BillingAddress},
		MovementStartTime: civil.DateTime{Date: civil.Date{Year: 2026, Month: time.June, Day: 1}, Hour: 15},
		Line: []saft.StockMovementLine{{LineNumber: 1, ProductDescription: "Parafusos M6", Quantity: decimal.NewFromInt(12),
			UnitOfMeasure: "CX", UnitPrice: decimal.RequireFromString("4.50")}},
	}
	m.DocumentStatus.MovementStatus = saft.MovementStatusNormal
	return m
}

// transportClient starts AT's simulator and returns a transport client of
// it for the simulator's taxpayer (see ExampleNew for a client of AT).
func transportClient(opts ...transport.Option) (*attest.Server, *transport.Client) {
	srv, err := attest.New(attest.WithClock(attesttest.Clock))
	if err != nil {
		log.Fatal(err)
	}
	at, err := attesttest.Dial(srv)
	if err != nil {
		log.Fatal(err)
	}
	client, err := transport.New(at, transport.SenderFromHeader(header), append([]transport.Option{transport.WithClock(attesttest.Clock)}, opts...)...)
	if err != nil {
		log.Fatal(err)
	}
	return srv, client
}

// Communicate a delivery note before the goods leave, and print AT's code
// on it.
func ExampleClient_Communicate() {
	srv, client := transportClient()
	defer srv.Close()

	m := guide(1)
	rec, err := client.Communicate(context.Background(), transport.Document{Movement: m, Customer: &customer, VehicleID: "AA-00-BB"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rec.DocumentNumber, rec.ATCUD, "AT code:", rec.ATDocCodeID)
	// The code goes into the SAF-T export too.
	m.ATDocCodeID = rec.ATDocCodeID

	// Sending the same number again is refused: AT has it.
	_, err = client.Communicate(context.Background(), transport.Document{Movement: guide(1), Customer: &customer})
	var te *transport.Error
	if errors.As(err, &te) {
		fmt.Println(te.Code, errors.Is(err, transport.ErrAlreadyRegistered))
	}

	// Cancelling it: the document with its code and status A.
	m.DocumentStatus.MovementStatus = saft.MovementStatusCancelled
	_, err = client.Communicate(context.Background(), transport.Document{Movement: m, Customer: &customer})
	fmt.Println("cancelled:", err == nil)
	// Output:
	// GR A/1 CSDF7T5H-1 AT code: 100007919
	// -3 (a transport document of this number is already registered) true
	// cancelled: true
}

// The rules are checked before anything is sent, every violation at once.
func ExampleClient_Check() {
	srv, client := transportClient()
	defer srv.Close()

	m := guide(2)
	m.ShipFrom = nil                                                                                      // no place of loading
	m.MovementStartTime = civil.DateTime{Date: civil.Date{Year: 2026, Month: time.June, Day: 1}, Hour: 9} // already started
	err := client.Check(transport.Document{Movement: m, Customer: &customer, VehicleID: "AA/00"})
	var ve *violation.Error
	if errors.As(err, &ve) {
		for _, v := range ve.Violations {
			fmt.Println(v.Path, v.Code)
		}
	}
	// Output:
	// AddressFrom TRANSPORT-REQUIRED
	// MovementStartTime TRANSPORT-START-PASSED
	// VehicleID TRANSPORT-VEHICLE
}

// A document whose transport has started can still be sent, as a mere
// communication of data.
func ExampleWithLateCommunication() {
	srv, client := transportClient(transport.WithLateCommunication())
	defer srv.Close()

	m := guide(3)
	m.MovementStartTime = civil.DateTime{Date: civil.Date{Year: 2026, Month: time.June, Day: 1}, Hour: 9}
	rec, err := client.Communicate(context.Background(), transport.Document{Movement: m, Customer: &customer})
	fmt.Println(err, rec.MereCommunication())
	// Output:
	// <nil> true
}

// A client of AT's test environment: the producer's certificate, the
// taxpayer's sub-user with the WDT profile, and the sender of the SAF-T
// header.
func ExampleNew() {
	creds, err := atclient.NewCredentials("599999993", "37", "the sub-user's password")
	if err != nil {
		log.Fatal(err)
	}
	// cert, err := atclient.LoadPKCS12(pfx, password): the producer's
	// AT-issued certificate; without one New refuses.
	at, err := atclient.New(atclient.TestEndpoints(), creds, atclient.Certificate{})
	fmt.Println(at == nil, err != nil)

	srv, err := attest.New(attest.WithClock(attesttest.Clock))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	sim, err := attesttest.Dial(srv)
	if err != nil {
		log.Fatal(err)
	}
	client, err := transport.New(sim, transport.SenderFromHeader(header))
	fmt.Println(client != nil, err)

	// A client without the transport documents endpoint is refused.
	cert, err := atclient.CertificateFromTLS(srv.ClientCertificate())
	if err != nil {
		log.Fatal(err)
	}
	seriesOnly, err := atclient.New(atclient.Endpoints{Series: srv.URL()}, creds, cert)
	if err != nil {
		log.Fatal(err)
	}
	_, err = transport.New(seriesOnly, transport.SenderFromHeader(header))
	fmt.Println(err)
	// Output:
	// true true
	// true <nil>
	// transport: the atclient.Client has no transport documents endpoint (Endpoints.Transport)
}

func ExampleSenderFromHeader() {
	s := transport.SenderFromHeader(header)
	fmt.Println(s.TaxRegistrationNumber, s.CompanyName, s.CompanyAddress.City)
	// Output: 599999993 Exemplo, Lda. Lisboa
}

// A taxpayer whose turnover of the previous tax period did not exceed
// € 100 000 need not communicate its transport documents.
func ExampleRequired() {
	fmt.Println(transport.Required(decimal.RequireFromString("85000")))
	fmt.Println(transport.Required(decimal.RequireFromString("100000.01")))
	// Output:
	// false
	// true
}

func ExampleTypes() {
	fmt.Println(transport.Types())
	// Output: [GR GT GA GC GD]
}

func ExampleReturnCode_Meaning() {
	for _, c := range []transport.ReturnCode{transport.CodeStartPassed, transport.CodeATCUDSequenceMismatch} {
		fmt.Println(int(c), c.Meaning(), c.Accepted())
	}
	// Output:
	// -100 A data início de transporte é inferior à data atual, pelo que esta informação será considerada uma mera comunicação de dados à AT true
	// -20008 Sequência do nº de Documento e do ATCUD diferentes false
}

func ExampleReturnCode_Values() {
	codes := transport.ReturnCode(0).Values()
	fmt.Println(len(codes), codes[0], codes[len(codes)-1])
	// Output: 64 0 (document registered) -20000 (unexpected unspecified error)
}

// AT's refusals are *Error values with the manual's code; errors.Is tells
// the kinds a program handles differently.
func ExampleError() {
	srv, err := attest.New(attest.WithClock(attesttest.Clock), attest.WithUser(attest.DefaultNIF, attest.DefaultSubUser, "right"))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	at, err := attesttest.DialAs(srv, attest.DefaultNIF, attest.DefaultSubUser, "wrong")
	if err != nil {
		log.Fatal(err)
	}
	client, err := transport.New(at, transport.SenderFromHeader(header), transport.WithClock(attesttest.Clock))
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.Communicate(context.Background(), transport.Document{Movement: guide(4), Customer: &customer})
	var te *transport.Error
	if errors.As(err, &te) {
		fmt.Println(int(te.Code), te.Code.Meaning())
	}
	fmt.Println(errors.Is(err, transport.ErrAuthentication), errors.Is(err, transport.ErrTryLater))
	// Output:
	// 99 Erro na validação da senha (Senha errada, acesso suspenso, etc.)
	// true false
}

// The legal time in which the client reads its clock decides whether the
// transport has started: 10:30 has passed in Lisbon at 11:00, not in the
// Azores, where it is 10:00.
func ExampleWithLocation() {
	m := guide(5)
	m.MovementStartTime = civil.DateTime{Date: civil.Date{Year: 2026, Month: time.June, Day: 1}, Hour: 10, Minute: 30}
	for _, loc := range []*time.Location{civil.Lisbon, civil.Azores} {
		srv, client := transportClient(transport.WithLocation(loc))
		err := client.Check(transport.Document{Movement: m, Customer: &customer})
		fmt.Println(loc, violation.Codes(err))
		srv.Close()
	}
	// Output:
	// Europe/Lisbon [TRANSPORT-START-PASSED]
	// Atlantic/Azores []
}
