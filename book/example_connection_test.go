package book_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/faturapt/faturapt/book"
	"github.com/faturapt/faturapt/reporting"
)

// The book keeps how a program reaches AT for the company, never a
// password: those are given to each run.
func ExampleBook_PutConnection() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "book")
	defer os.RemoveAll(dir)
	b, _ := book.OpenSQLite(ctx, filepath.Join(dir, "book.db"))
	defer b.Close()
	if err := b.Migrate(ctx); err != nil {
		panic(err)
	}
	err := b.PutConnection(ctx, "509999999", book.Connection{Environment: book.EnvironmentTest,
		SeriesURL:  "https://servicos.portaldasfinancas.gov.pt:722/SeriesWSService",
		EFaturaURL: "https://servicos.portaldasfinancas.gov.pt:723/fatcorews/ws/",
		SubUser:    "37", CertificateFile: "producer.p12"})
	if err != nil {
		panic(err)
	}
	c, _ := b.Connection(ctx, "509999999")
	fmt.Println(c.Environment, c.SubUser, c.CertificateFile)
	// Output: test 37 producer.p12
}

// One method a year: the other one is refused.
func ExampleBook_SetMethod() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "book")
	defer os.RemoveAll(dir)
	b, _ := book.OpenSQLite(ctx, filepath.Join(dir, "book.db"))
	defer b.Close()
	if err := b.Migrate(ctx); err != nil {
		panic(err)
	}
	fmt.Println(b.SetMethod(ctx, "509999999", 2026, reporting.MethodSAFT))
	err := b.SetMethod(ctx, "509999999", 2026, reporting.MethodWebService)
	fmt.Println(errors.Is(err, reporting.ErrOtherMethod))
	// Output:
	// <nil>
	// true
}
