package book

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/setup"
)

func TestDeadline(t *testing.T) {
	for _, tc := range []struct{ day, due string }{
		{"2026-01-05", "2026-02-05"},
		{"2026-01-31", "2026-02-05"},
		{"2026-12-01", "2027-01-05"},
		{"2023-01-01", "2023-02-05"},
		{"2022-12-31", "2023-01-12"},
		{"2020-01-01", "2020-02-12"},
		{"2019-12-31", "2020-01-15"},
	} {
		d, err := civil.ParseDate(tc.day)
		require.NoError(t, err)
		assert.Equal(t, tc.due, Deadline(d).String(), tc.day)
	}
}

func TestSetupStatus(t *testing.T) {
	forEachEngine(t, func(t *testing.T, _ *Book, where string) {
		ctx := context.Background()
		clk := &settableClock{}
		clk.set(time.Date(2026, time.January, 20, 12, 0, 0, 0, time.UTC))
		b := openBook(t, where, WithClock(clk.now))
		s := activeSeries(t, "A")
		require.NoError(t, b.PutSeries(ctx, testNIF, s))
		at := setup.SeriesListerFunc(func(context.Context) ([]series.Series, error) { return []series.Series{s}, nil })
		co := setup.Company{AT: at}
		check := func(id setup.CheckID) setup.Check {
			st, err := b.SetupStatus(ctx, testNIF, co)
			require.NoError(t, err)
			for _, c := range st.Checks {
				if c.ID == id {
					return c
				}
			}
			t.Fatalf("no check %s in %v", id, st.Checks)
			return setup.Check{}
		}

		assert.Equal(t, setup.Pending, check(CheckDefaultSeries).Level)
		assert.Equal(t, setup.Pending, check(setup.CheckMethod).Level)
		require.NoError(t, b.SetDefaultSeries(ctx, testNIF, series.DocumentTypeFT, "A"))
		require.NoError(t, b.SetMethod(ctx, testNIF, 2026, reporting.MethodWebService))
		c := check(CheckDefaultSeries)
		assert.Equal(t, setup.Activated, c.Level)
		assert.Equal(t, series.DocumentTypeFT, c.DocumentType)
		assert.Equal(t, setup.Activated, check(setup.CheckMethod).Level)
		assert.Equal(t, setup.Activated, check(CheckEFatura).Level)

		issueInvoices(t, b, 3) // dated 2026-01-05
		c = check(CheckEFatura)
		assert.Equal(t, setup.Pending, c.Level)
		assert.Contains(t, c.Detail, "3 documents wait")
		assert.Contains(t, c.Detail, "2026-02-05")

		clk.set(time.Date(2026, time.February, 6, 9, 0, 0, 0, time.UTC))
		c = check(CheckEFatura)
		assert.Equal(t, setup.Failed, c.Level)
		bl, err := b.Backlog(ctx, testNIF, civil.Date{Year: 2026, Month: time.February, Day: 6})
		require.NoError(t, err)
		assert.Equal(t, Backlog{Pending: 3, Late: 3, Oldest: civil.Date{Year: 2026, Month: time.January, Day: 5},
			Deadline: civil.Date{Year: 2026, Month: time.February, Day: 5}}, bl)
		st, err := b.SetupStatus(ctx, testNIF, co)
		require.NoError(t, err)
		assert.Equal(t, setup.Failed, st.Level)
	})
}

// A company with no series yet is not set up: it needs an invoice series.
func TestSetupStatusEmptyRegistry(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		ctx := context.Background()
		at := setup.SeriesListerFunc(func(context.Context) ([]series.Series, error) { return nil, nil })
		require.NoError(t, b.SetMethod(ctx, testNIF, 2026, reporting.MethodSAFT))
		st, err := b.SetupStatus(ctx, testNIF, setup.Company{AT: at},
			setup.WithClock(func() time.Time { return time.Date(2026, time.January, 20, 12, 0, 0, 0, time.UTC) }))
		require.NoError(t, err)
		c, ok := st.Check(setup.CheckSeries, series.DocumentTypeFT)
		require.True(t, ok, "%v", st.Checks)
		assert.Equal(t, setup.Pending, c.Level)
		c, ok = st.Check(CheckDefaultSeries, series.DocumentTypeFT)
		require.True(t, ok, "%v", st.Checks)
		assert.Equal(t, setup.Pending, c.Level)
		assert.NotEqual(t, setup.Activated, st.Level)
	})
}
