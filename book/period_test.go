package book

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// The month's file runs to the end of the month, or to the day it is
// written when the month is not over; a month not begun has no file.
func TestMonthlyHeader(t *testing.T) {
	june := func(day int) civil.Date { return civil.Date{Year: 2026, Month: time.June, Day: day} }
	for _, tc := range []struct {
		name       string
		month      time.Month
		today      civil.Date
		start, end civil.Date
		invalid    bool
	}{
		{name: "over", month: time.June, today: civil.Date{Year: 2026, Month: time.July, Day: 2}, start: june(1), end: june(30)},
		{name: "its last day", month: time.June, today: june(30), start: june(1), end: june(30)},
		{name: "under way", month: time.June, today: june(15), start: june(1), end: june(15)},
		{name: "its first day", month: time.June, today: june(1), start: june(1), end: june(1)},
		{name: "not begun", month: time.July, today: june(30), invalid: true},
		{name: "no such month", month: 13, today: june(30), invalid: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, err := MonthlyHeader(saft.Company{}, saft.Software{}, 2026, tc.month, tc.today)
			if tc.invalid {
				assert.ErrorIs(t, err, ErrInvalid)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.start, h.StartDate)
			assert.Equal(t, tc.end, h.EndDate)
			assert.Equal(t, tc.today, h.DateCreated)
			assert.Equal(t, saft.TaxAccountingBasisInvoicing, h.TaxAccountingBasis)
		})
	}
}

// A series with documents in the book is not cancelled, whatever is
// declared; one without goes on to the series' own rules.
func TestSeriesEntryCanCancel(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		ctx := context.Background()
		iss := newIssuer(t, b)
		used, unused := activeSeries(t, "A"), activeSeries(t, "B")
		require.NoError(t, b.PutSeries(ctx, testNIF, used))
		require.NoError(t, b.PutSeries(ctx, testNIF, unused))
		d, content := invoice(0)
		_, err := iss.Issue(ctx, used, d, content)
		require.NoError(t, err)
		entries, err := b.Series(ctx, testNIF)
		require.NoError(t, err)
		require.Len(t, entries, 2)
		for _, en := range entries {
			switch en.Series.ID {
			case "A":
				err := en.CanCancel(series.CancellationReasonError, true)
				assert.ErrorIs(t, err, series.ErrDocumentsIssued)
				assert.ErrorContains(t, err, "FT A has documents in the book (the last FT A/1)")
			case "B":
				assert.NoError(t, en.CanCancel(series.CancellationReasonError, true))
				assert.ErrorIs(t, en.CanCancel(series.CancellationReasonError, false), series.ErrDeclarationMissing)
			}
		}
	})
}
