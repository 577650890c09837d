package transport

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/attesttest"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// The test documents: the manual's field tables (§4.2, 1.1 to 1.19)
// filled as it describes, for the simulator's user 599999993 (the NIF of
// the manual's example header, §4.1) on attesttest.Now, 2026-06-01 11:00
// in Lisbon.

// now is attesttest.Now, the tests' fixed clock.
func now() time.Time { return attesttest.Now }

func testSender() Sender {
	return SenderFromHeader(saft.Header{
		TaxRegistrationNumber: attest.DefaultNIF,
		CompanyName:           "Exemplo, Lda.",
		CompanyAddress:        saft.Address{AddressDetail: "Rua da Prata, 10, 2.º", City: "Lisboa", PostalCode: "1100-420", Country: "PT"},
	})
}

func dt(s string) civil.DateTime {
	v, err := civil.ParseDateTime(s)
	if err != nil {
		panic(err)
	}
	return v
}

func dtp(s string) *civil.DateTime { v := dt(s); return &v }

func testCustomer() *saft.Customer {
	return &saft.Customer{
		CustomerID: "C1", CustomerTaxID: "123456789", CompanyName: "Cliente Exemplo, S.A.",
		BillingAddress: saft.CustomerAddress{AddressDetail: "Avenida da Boavista, 100", City: "Porto", PostalCode: "4100-119", Country: "PT"},
	}
}

// testMovement is a GT of two lines leaving Lisbon for Porto this
// afternoon.
func testMovement() *saft.StockMovement {
	m := &saft.StockMovement{
		DocumentNumber: "GT GT2026/1",
		ATCUD:          "CSDF7T5H-1",
		MovementDate:   civil.Date{Year: 2026, Month: time.June, Day: 1},
		MovementType:   series.DocumentTypeGT,
		CustomerID:     "C1",
		ShipFrom: &saft.ShippingPoint{Address: &saft.CustomerAddress{
			AddressDetail: "Armazém 3, Rua do Açúcar, 5", City: "Lisboa", PostalCode: "1950-009", Country: "PT"}},
		ShipTo: &saft.ShippingPoint{Address: &saft.CustomerAddress{
			AddressDetail: "Avenida da Boavista, 100", City: "Porto", PostalCode: "4100-119", Country: "PT"}},
		MovementStartTime: dt("2026-06-01T14:00:00"),
		MovementEndTime:   dtp("2026-06-01T18:30:00"),
		Line: []saft.StockMovementLine{
			{LineNumber: 1, ProductDescription: "Caixa de parafusos M6", Quantity: decimal.RequireFromString("12"), UnitOfMeasure: "UN",
				UnitPrice: decimal.RequireFromString("4.5"), OrderReferences: []saft.OrderReferences{{OriginatingON: "NE NE2026/7"}}},
			{LineNumber: 2, ProductDescription: "Cabo elétrico 2,5 mm²", Quantity: decimal.RequireFromString("250.5"), UnitOfMeasure: "M",
				UnitPrice: decimal.RequireFromString("0.1234")},
		},
	}
	m.DocumentStatus.MovementStatus = saft.MovementStatusNormal
	return m
}

func testDocument() Document {
	return Document{Movement: testMovement(), Customer: testCustomer(), VehicleID: "AA-00-BB"}
}

// numbered returns the test document with number n of its series.
func numbered(n int) Document {
	d := testDocument()
	d.Movement.DocumentNumber = "GT GT2026/" + strconv.Itoa(n)
	d.Movement.ATCUD = "CSDF7T5H-" + strconv.Itoa(n)
	return d
}

func testCtx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

// offline is a client whose atclient points nowhere: for the rules, which
// are checked before anything is sent.
func offline(t testing.TB, opts ...Option) *Client {
	t.Helper()
	srv := attesttest.Start(t)
	c, err := New(attesttest.Client(t, srv), testSender(), append([]Option{WithClock(now)}, opts...)...)
	require.NoError(t, err)
	return c
}

func code(t *testing.T, err error) ReturnCode {
	t.Helper()
	var e *Error
	require.True(t, errors.As(err, &e), "want an *Error, got %v", err)
	return e.Code
}
