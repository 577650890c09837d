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
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

func ExampleDeadline() {
	fmt.Println(book.Deadline(civil.Date{Year: 2026, Month: time.December, Day: 31}))
	// Output: 2027-01-05
}

// In a web-service year every document waits in the book until
// Communicate has sent it; a worker runs it, from one process or several.
func ExampleBook_Communicate() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "book")
	defer os.RemoveAll(dir)
	b, _ := book.OpenSQLite(ctx, filepath.Join(dir, "book.db"))
	defer b.Close()
	if err := b.Migrate(ctx); err != nil {
		panic(err)
	}
	key, _ := certify.GenerateKey(nil)
	signer, _ := certify.NewSigner(key, 1)
	_ = b.PutCompany(ctx, book.Company{NIF: "509999999", Name: "Hotel Miradouro, Lda", Certificate: "9999"})
	_ = b.SetMethod(ctx, "509999999", 2026, reporting.MethodWebService)

	s, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(1), civil.Date{Year: 2026, Month: time.January, Day: 1})
	s, _ = s.Register("CSDF7T5H", "509999999", time.Date(2025, time.December, 20, 10, 0, 0, 0, time.UTC))
	clock := func() time.Time { return time.Date(2026, time.January, 5, 9, 30, 0, 0, time.UTC) }
	iss, _ := b.Issuer(ctx, "509999999", signer, issuing.WithClock(clock))
	for i := range 3 {
		inv := safttest.Invoice(i, 3)
		if _, err := iss.Issue(ctx, s, issuing.Draft{Date: civil.Date{Year: 2026, Month: time.January, Day: 5},
			GrossTotal: inv.DocumentTotals.GrossTotal}, book.SAFTInvoice(inv)); err != nil {
			panic(err)
		}
	}
	bl, _ := b.Backlog(ctx, "509999999", civil.Date{Year: 2026, Month: time.January, Day: 20})
	fmt.Println("pending:", bl.Pending, "due", bl.Deadline)

	// In a program: an adapter over the e-Fatura client.
	at := book.EFaturaSenderFunc(func(ctx context.Context, inv *saft.Invoice) (book.EFaturaAnswer, error) {
		return book.EFaturaAnswer{Code: "0", Message: "registered " + inv.InvoiceNo}, nil
	})
	rep, err := b.Communicate(ctx, "509999999", at)
	if err != nil {
		panic(err)
	}
	fmt.Println("sent:", rep.Sent)
	sent, _ := b.EFatura(ctx, "509999999", book.EFaturaSent)
	fmt.Println(sent[2].Answer)
	// Output:
	// pending: 3 due 2026-02-05
	// sent: 3
	// registered FT A/3
}
