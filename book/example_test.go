package book_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/faturapt/faturapt/book"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/series"
)

// A program keeps its book in a SQLite file: open, migrate, register the
// company and its series, issue.
func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "book")
	defer os.RemoveAll(dir)

	b, err := book.OpenSQLite(ctx, filepath.Join(dir, "book.db"))
	if err != nil {
		panic(err)
	}
	defer b.Close()
	if err := b.Migrate(ctx); err != nil {
		panic(err)
	}

	key, _ := certify.GenerateKey(nil)
	signer, _ := certify.NewSigner(key, 1)
	pub, _ := key.PublicKeyPEM()
	err = b.PutCompany(ctx, book.Company{NIF: "509999999", Name: "Hotel Miradouro, Lda", Certificate: "9999",
		Keys: []book.KeyVersion{{Version: "1", PublicKey: string(pub)}}})
	if err != nil {
		panic(err)
	}
	s, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(1), civil.Date{Year: 2026, Month: time.January, Day: 1})
	s, _ = s.Register("CSDF7T5H", "509999999", time.Date(2025, time.December, 20, 10, 0, 0, 0, time.UTC))
	if err := b.PutSeries(ctx, "509999999", s); err != nil {
		panic(err)
	}
	if err := b.SetDefaultSeries(ctx, "509999999", series.DocumentTypeFT, "A"); err != nil {
		panic(err)
	}

	clock := func() time.Time { return time.Date(2026, time.January, 5, 9, 30, 0, 0, time.UTC) }
	iss, err := b.Issuer(ctx, "509999999", signer, issuing.WithClock(clock))
	if err != nil {
		panic(err)
	}
	def, _ := b.DefaultSeries(ctx, "509999999", series.DocumentTypeFT)
	inv := safttest.Invoice(0, 1)
	doc, err := iss.Issue(ctx, def, issuing.Draft{Date: civil.Date{Year: 2026, Month: time.January, Day: 5},
		GrossTotal: inv.DocumentTotals.GrossTotal}, book.SAFTInvoice(inv))
	if err != nil {
		panic(err)
	}
	kept, _ := iss.Store().Document(ctx, doc.SeriesKey, doc.Number)
	saved, _ := kept.Content.Invoice()
	fmt.Println(kept.DocumentNumber, kept.ATCUD, saved.InvoiceNo, saved.Hash == doc.Hash)
	// Output: FT A/1 CSDF7T5H-1 FT A/1 true
}
