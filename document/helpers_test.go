package document_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/series"
)

const (
	issuerNIF   = "509999999" // the company of internal/safttest's header
	certificate = "9999"
	validation  = "AAJFJMVN"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(y int, m time.Month, d int) civil.Date { return civil.Date{Year: y, Month: m, Day: d} }

// activeSeries is series id of type typ, registered at AT, starting at 1.
func activeSeries(t testing.TB, id string, typ series.DocumentType) series.Series {
	t.Helper()
	s, err := series.New(id, typ, series.NumberOf(1), civil.Date{Year: 2025, Month: time.December, Day: 1},
		series.WithCertificateNumber(9999))
	if err != nil {
		t.Fatal(err)
	}
	if s, err = s.Register(validation, issuerNIF, time.Date(2025, time.November, 28, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return s
}

// clock is a settable clock for the issuer.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.now = t }

// newIssuer returns an issuer with a memory store and a clock at start.
func newIssuer(t testing.TB, start time.Time) (*issuing.Issuer, *clock) {
	t.Helper()
	c := &clock{now: start}
	i, err := issuing.New(issuerNIF, certificate, certifytest.Signer(t), issuing.NewMemoryStore(), issuing.WithClock(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	return i, c
}

var ctx = context.Background()
