package transport

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// TestFromDocumentModel: a GT described once to package document, issued
// (number, ATCUD, signature), is communicated from the SAF-T record and
// customer document returns, which pass this package's rules as they are.
func TestFromDocumentModel(t *testing.T) {
	issuedAt := time.Date(2026, time.June, 1, 10, 50, 0, 0, civil.Lisbon)
	issuer, err := issuing.New(attest.DefaultNIF, "9999", certifytest.Signer(t), issuing.NewMemoryStore(),
		issuing.WithClock(func() time.Time { return issuedAt }))
	require.NoError(t, err)
	s, err := series.New("GT2026", series.DocumentTypeGT, series.NumberOf(1), civil.Date{Year: 2026, Month: time.January, Day: 1})
	require.NoError(t, err)
	s, err = s.Register("CSDF7T5H", attest.DefaultNIF, time.Date(2025, time.December, 15, 10, 0, 0, 0, civil.Lisbon))
	require.NoError(t, err)
	to := saft.CustomerAddress{AddressDetail: "Avenida da Boavista, 100", City: "Porto", PostalCode: "4100-119", Country: "PT"}
	issued, err := document.Issue(context.Background(), issuer, s, document.Draft{
		Type: series.DocumentTypeGT, Date: civil.DateIn(issuedAt, civil.Lisbon), SourceID: "ana",
		Customer: document.Customer{ID: "C1", TaxID: "123456789", Name: "Cliente Exemplo, S.A.",
			Address: to.AddressDetail, City: to.City, PostalCode: to.PostalCode, Country: "PT"},
		Transport: &document.Transport{Start: time.Date(2026, time.June, 1, 15, 0, 0, 0, civil.Lisbon),
			From: saft.CustomerAddress{AddressDetail: "Armazém 3", City: "Lisboa", PostalCode: "1950-009", Country: "PT"}, To: to},
		Lines: []document.Line{{Product: document.Product{Code: "P6", Description: "Parafusos M6", Type: saft.ProductTypeGoods, Unit: "CX"},
			Quantity: decimal.NewFromInt(40), UnitPrice: decimal.RequireFromString("4.5"), Tax: document.Tax{Category: document.Normal}}},
	})
	require.NoError(t, err)
	require.NotNil(t, issued.StockMovement)

	sim := newSim(t, nil, nil)
	rec, err := sim.client.Communicate(testCtx(t), Document{Movement: issued.StockMovement, Customer: &issued.Customer, VehicleID: "AA-00-BB"})
	require.NoError(t, err)
	assert.Equal(t, issued.Document.DocumentNumber, rec.DocumentNumber)
	assert.Equal(t, issued.Document.ATCUD.String(), rec.ATCUD)
	docs := sim.srv.TransportDocuments(attest.DefaultNIF)
	require.Len(t, docs, 1)
	assert.Equal(t, "2026-06-01T15:00:00", docs[0].Start)
	assert.Equal(t, "123456789", docs[0].Recipient)
}
