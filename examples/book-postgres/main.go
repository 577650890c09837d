// Command book-postgres runs the book on PostgreSQL: two application
// servers (two Book handles, as two processes would hold) issue invoices
// into the same series at once, and the series stays gapless and its chain
// unforked; the month's SAF-T file is then written from the book and
// audited.
//
// Usage:
//
//	FATURAPT_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test?sslmode=disable go run ./examples/book-postgres
//
// It works in a schema of its own, faturapt_example, created when absent
// (a search_path parameter in the URL selects a book's schema): run again,
// it goes on numbering where it stopped. The quickstart runs the same flow
// on a SQLite file.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/book"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/saft/audit"
	"github.com/faturapt/faturapt/series"
)

const (
	companyNIF = "599999993"
	schema     = "faturapt_example"
)

func main() {
	base := os.Getenv("FATURAPT_POSTGRES_URL")
	if base == "" {
		fmt.Println("set FATURAPT_POSTGRES_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable")
		if os.Getenv("CI") != "" {
			os.Exit(1)
		}
		return
	}
	if err := run(context.Background(), base); err != nil {
		fmt.Fprintln(os.Stderr, "book-postgres:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, base string) error {
	where, err := inSchema(ctx, base)
	if err != nil {
		return err
	}
	// In a program: its own key (certify.ParsePrivateKeyPEM) and the series
	// as AT answered their registration (atclient).
	key, err := certify.GenerateKey(nil)
	if err != nil {
		return err
	}
	// The key is new at each run: a key version of its own.
	signer, err := certify.NewSigner(key, int(time.Now().Unix()%1e6))
	if err != nil {
		return err
	}
	s, err := series.New(fmt.Sprintf("PG%d", time.Now().UnixNano()%1e9), series.DocumentTypeFT, series.NumberOf(1), civil.DateIn(time.Now(), civil.Lisbon))
	if err != nil {
		return err
	}
	if s, err = s.Register("CSDF7T5H", companyNIF, time.Now()); err != nil {
		return err
	}

	// Two application servers share the book.
	var servers []*book.Book
	for range 2 {
		b, err := book.OpenPostgres(ctx, where)
		if err != nil {
			return err
		}
		defer b.Close()
		if err := b.Migrate(ctx); err != nil { // both may: one migrates, the other waits
			return err
		}
		servers = append(servers, b)
	}
	b := servers[0]
	pub, err := key.PublicKeyPEM()
	if err != nil {
		return err
	}
	version := signer.HashControl()
	if err := b.PutCompany(ctx, book.Company{NIF: companyNIF, Name: "Mercearia Quickstart, Lda", Certificate: "9999",
		Keys: []book.KeyVersion{{Version: version, PublicKey: string(pub)}}}); err != nil {
		return err
	}
	if err := b.PutSeries(ctx, companyNIF, s); err != nil {
		return err
	}
	customer := saft.Customer{CustomerID: "C1", AccountID: saft.Unknown, CustomerTaxID: "500000000", CompanyName: "Café Central, Lda",
		BillingAddress: saft.CustomerAddress{AddressDetail: "Rua Augusta, 1", City: "Lisboa", PostalCode: "1100-048", Country: "PT"}}
	product := saft.Product{ProductType: saft.ProductTypeGoods, ProductCode: "CAF", ProductDescription: "Café em grão 1 kg", ProductNumberCode: "CAF"}
	if err := b.PutCustomer(ctx, companyNIF, customer); err != nil {
		return err
	}
	if err := b.PutProduct(ctx, companyNIF, product); err != nil {
		return err
	}

	// Each server issues from 4 goroutines into the same series.
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for _, srv := range servers {
		iss, err := srv.Issuer(ctx, companyNIF, signer)
		if err != nil {
			return err
		}
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 5; {
					today := civil.DateIn(time.Now(), civil.Lisbon)
					inv, err := invoice(today, int64(1+g+i))
					if err != nil {
						errs <- err
						return
					}
					_, err = iss.Issue(ctx, s, issuing.Draft{Date: today, GrossTotal: inv.DocumentTotals.GrossTotal}, book.SAFTInvoice(inv))
					if err == nil {
						i++
						continue
					}
					if !errors.Is(err, issuing.ErrConflict) { // the other server took the number: try again
						errs <- err
						return
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		return err
	}

	docs, err := b.Store(companyNIF).Documents(ctx, s.Key(), 1, 0)
	if err != nil {
		return err
	}
	records := make([]certify.Record, len(docs))
	for i, d := range docs {
		if d.Number != uint64(i+1) {
			return fmt.Errorf("gap: document %d is numbered %d", i+1, d.Number)
		}
		records[i] = d.Record()
	}
	v, err := certify.NewVerifier(key.Public())
	if err != nil {
		return err
	}
	if err := v.VerifyChain(certify.Chain{}, records); err != nil {
		return err
	}
	fmt.Printf("series %s: %d documents from two servers, numbered 1 to %d without a gap, the chain verified\n", s.ID, len(docs), len(docs))

	now := time.Now()
	header := saft.MonthlyInvoicingHeader(saft.Company{ID: companyNIF, TaxRegistrationNumber: companyNIF, Name: "Mercearia Quickstart, Lda",
		Address: saft.Address{AddressDetail: "Rua da Prata, 80", City: "Lisboa", PostalCode: "1100-420", Country: "PT"}},
		saft.Software{ProducerTaxID: "510000002", CertificateNumber: 9999, ProductID: "FaturaPT/FaturaPT Software Lda", Version: "1.0"},
		now.Year(), now.Month(), civil.DateIn(now, civil.Lisbon))
	header.EndDate = civil.DateIn(now, civil.Lisbon)
	rate := decimal.RequireFromString("23")
	table := []saft.TaxTableEntry{{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: saft.TaxCodeNormal, Description: "Taxa normal", TaxPercentage: &rate}}
	var file bytes.Buffer
	if err := b.ExportSAFT(ctx, &file, companyNIF, header, table); err != nil {
		return err
	}
	rep, err := audit.Run(bytes.NewReader(file.Bytes()), audit.WithPublicKeyVersion(signer.KeyVersion(), key.Public()))
	if err != nil {
		return err
	}
	fmt.Printf("the month's SAF-T file from the book: %d bytes, audit: %d errors\n", file.Len(), rep.Errors)
	return nil
}

// inSchema creates the example's schema and returns the URL that works in
// it.
func inSchema(ctx context.Context, base string) (string, error) {
	db, err := sql.Open("pgx", base)
	if err != nil {
		return "", err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+schema); err != nil {
		return "", err
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// invoice is a sale of n kilos of coffee at 18.50 EUR plus VAT: package
// document computes its amounts, the record the book keeps carries them.
func invoice(day civil.Date, n int64) (saft.Invoice, error) {
	c, err := document.Compute(document.Draft{Type: series.DocumentTypeFT, Date: day, SourceID: "balcao",
		Customer: document.Customer{ID: "C1", TaxID: "500000000", Name: "Café Central, Lda"},
		Lines: []document.Line{{Product: document.Product{Code: "CAF", Description: "Café em grão 1 kg", Unit: "KG"},
			Quantity: decimal.NewFromInt(n), UnitPrice: decimal.RequireFromString("18.50"), Tax: document.Tax{Category: document.Normal}}}})
	if err != nil {
		return saft.Invoice{}, err
	}
	inv := saft.Invoice{
		DocumentStatus: saft.InvoiceDocumentStatus{InvoiceStatus: saft.InvoiceStatusNormal, SourceID: "balcao", SourceBilling: saft.SourceBillingProduced},
		InvoiceType:    series.DocumentTypeFT, SourceID: "balcao", CustomerID: "C1", Period: int(day.Month),
		DocumentTotals: saft.InvoiceTotals{TaxPayable: c.TaxPayable, NetTotal: c.NetTotal, GrossTotal: c.GrossTotal},
	}
	for i, l := range c.Lines {
		amount, pct := l.Amount, l.Percent
		inv.Line = append(inv.Line, saft.InvoiceLine{LineNumber: i + 1, ProductCode: l.Product.Code, ProductDescription: l.Product.Description,
			Quantity: l.Quantity, UnitOfMeasure: l.Product.Unit, UnitPrice: l.UnitPrice, TaxPointDate: l.TaxPointDate, Description: l.Description,
			CreditAmount: &amount, Tax: &saft.Tax{TaxType: l.TaxType, TaxCountryRegion: string(l.Region), TaxCode: l.TaxCode, TaxPercentage: &pct}})
	}
	return inv, nil
}
