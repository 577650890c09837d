package selfbilling_test

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/selfbilling"
	"github.com/faturapt/faturapt/series"
)

// Once registered, a self-billing series numbers, signs and gives ATCUDs to
// documents as any series: its embedded series.Series is what the issuer
// takes.
func TestIssueInSelfBillingSeries(t *testing.T) {
	at := time.Date(2026, time.June, 1, 10, 0, 0, 0, time.UTC)
	s, err := selfbilling.New("MOAGEM", series.DocumentTypeFT, series.NumberOf(1), day, selfbilling.NationalSupplier, "501234560")
	require.NoError(t, err)
	s.Series, err = s.Register("AAJFJMVN", "599999993", at)
	require.NoError(t, err)

	issuer, err := issuing.New("599999993", "9999", certifytest.Signer(t), issuing.NewMemoryStore(),
		issuing.WithClock(func() time.Time { return at }))
	require.NoError(t, err)
	for n, want := range []string{"AAJFJMVN-1", "AAJFJMVN-2"} {
		doc, err := issuer.Issue(context.Background(), s.Series, issuing.Draft{Date: day, GrossTotal: decimal.RequireFromString("123.00")})
		require.NoError(t, err)
		assert.Equal(t, want, doc.ATCUD.String())
		assert.Equal(t, "FT MOAGEM/"+[]string{"1", "2"}[n], doc.DocumentNumber)
	}
}
