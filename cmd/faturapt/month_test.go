package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/book"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/series"
)

// The month's scan reads the series a page at a time: the documents of
// the period counted once, the hash before the period's first one.
func TestMonthScanPages(t *testing.T) {
	defer func(n int) { scanPage = n }(scanPage)
	scanPage = 2
	ctx := context.Background()
	b, err := book.OpenSQLite(ctx, filepath.Join(t.TempDir(), "book.db"))
	require.NoError(t, err)
	defer b.Close()
	require.NoError(t, b.Migrate(ctx))
	const nif = "509999999"
	require.NoError(t, b.PutCompany(ctx, book.Company{NIF: nif, Name: "Hotel Miradouro, Lda", Certificate: "9999"}))
	s, err := series.New("A", series.DocumentTypeFT, series.NumberOf(1), civil.Date{Year: 2026, Month: time.January, Day: 1})
	require.NoError(t, err)
	s, err = s.Register("CSDF7T5H", nif, time.Date(2025, time.December, 20, 10, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.NoError(t, b.PutSeries(ctx, nif, s))
	day := 28
	clock := func() time.Time { return time.Date(2026, time.January, day, 9, 30, 0, 0, time.UTC) }
	iss, err := b.Issuer(ctx, nif, certifytest.Signer(t), issuing.WithClock(clock))
	require.NoError(t, err)
	var hashes []string
	for i := range 7 { // 3 in January, 4 in February
		if i == 3 {
			day = 32 // February 1st
		}
		inv := safttest.Invoice(i%3, 3)
		doc, err := iss.Issue(ctx, s, issuing.Draft{Date: civil.DateIn(clock(), civil.Lisbon), GrossTotal: inv.DocumentTotals.GrossTotal}, book.SAFTInvoice(inv))
		require.NoError(t, err)
		hashes = append(hashes, doc.Hash)
	}
	sess := &session{env: newEnv(os.Stdout, os.Stderr), book: b, nif: nif}
	previous, count, err := sess.monthScan(ctx, civil.Date{Year: 2026, Month: time.February, Day: 1}, civil.Date{Year: 2026, Month: time.February, Day: 28})
	require.NoError(t, err)
	assert.Equal(t, 4, count)
	assert.Equal(t, map[string]string{"FT A": hashes[2]}, previous)
}
