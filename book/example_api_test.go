package book_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/book"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/saft/audit"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/setup"
)

// The company of the examples, and its day.
const nif = "509999999"

var (
	ctx   = context.Background()
	day   = civil.Date{Year: 2026, Month: time.January, Day: 5}
	key   = sync.OnceValue(func() *certify.PrivateKey { k, _ := certify.GenerateKey(nil); return k })
	clock = func() time.Time { return time.Date(2026, time.January, 5, 9, 30, 0, 0, time.UTC) }
)

func signer() *certify.Signer { s, _ := certify.NewSigner(key(), 1); return s }

// newBook opens a new SQLite book in a temporary directory, migrated, with
// the company registered; done closes it and removes the directory.
func newBook() (b *book.Book, done func()) {
	dir, err := os.MkdirTemp("", "book")
	if err != nil {
		panic(err)
	}
	b, err = book.OpenSQLite(ctx, filepath.Join(dir, "book.db"), book.WithClock(clock))
	if err != nil {
		panic(err)
	}
	if err := b.Migrate(ctx); err != nil {
		panic(err)
	}
	pub, _ := key().PublicKeyPEM()
	if err := b.PutCompany(ctx, book.Company{NIF: nif, Name: "Hotel Miradouro, Lda", Certificate: "9999",
		Keys: []book.KeyVersion{{Version: "1", PublicKey: string(pub)}}}); err != nil {
		panic(err)
	}
	return b, func() { b.Close(); os.RemoveAll(dir) }
}

// registered is the series id of type t as AT answered its registration.
func registered(t series.DocumentType, id string) series.Series {
	s, _ := series.New(id, t, series.NumberOf(1), civil.Date{Year: 2026, Month: time.January, Day: 1})
	s, err := s.Register("CSDF7T5H", nif, time.Date(2025, time.December, 20, 10, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	return s
}

// issuer is the company's issuer, at a clock one second on per document.
func issuer(b *book.Book) *book.Issuer {
	t := clock()
	var mu sync.Mutex
	iss, err := b.Issuer(ctx, nif, signer(), issuing.WithClock(func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Second)
		return t
	}))
	if err != nil {
		panic(err)
	}
	return iss
}

// issueInvoices issues n test invoices in series FT A, with their master
// records.
func issueInvoices(b *book.Book, iss *book.Issuer, n int) []issuing.Document {
	for _, c := range safttest.Customers() {
		_ = b.PutCustomer(ctx, nif, c)
	}
	for _, p := range safttest.Products() {
		_ = b.PutProduct(ctx, nif, p)
	}
	var out []issuing.Document
	for i := range n {
		inv := safttest.Invoice(i, n)
		doc, err := iss.Issue(ctx, registered(series.DocumentTypeFT, "A"),
			issuing.Draft{Date: day, GrossTotal: inv.DocumentTotals.GrossTotal}, book.SAFTInvoice(inv))
		if err != nil {
			panic(err)
		}
		out = append(out, doc)
	}
	return out
}

// sale is a document described to package document.
func sale(t series.DocumentType) document.Draft {
	d := document.Draft{Type: t, Date: day,
		Customer: document.Customer{ID: "C1", TaxID: "500000000", Name: "Café Central, Lda", Address: "Rua Augusta, 100", City: "Lisboa", PostalCode: "1100-053"},
		Lines: []document.Line{{Product: document.Product{Code: "CAF", Description: "Café em grão 1 kg"},
			Quantity: decimal.NewFromInt(10), UnitPrice: decimal.RequireFromString("18.50"), Tax: document.Tax{Category: document.Normal}}}}
	if t.Class() == series.DocumentClassMG {
		d.Transport = &document.Transport{Start: time.Date(2026, time.January, 5, 15, 0, 0, 0, civil.Lisbon),
			From: saft.CustomerAddress{AddressDetail: "Armazém 1", City: "Lisboa", PostalCode: "1000-001", Country: "PT"},
			To:   saft.CustomerAddress{AddressDetail: "Rua Augusta, 100", City: "Lisboa", PostalCode: "1100-053", Country: "PT"}}
	}
	return d
}

// issueSale computes the sale of type t and issues it in series id with
// its content.
func issueSale(iss *book.Issuer, t series.DocumentType, id string) *document.Issued {
	c, err := document.Compute(sale(t))
	if err != nil {
		panic(err)
	}
	is, err := document.IssueComputed(book.WithContent(ctx, book.FromDocument(c)), iss.Issuing(), registered(t, id), c)
	if err != nil {
		panic(err)
	}
	return is
}

func ExampleSchemaVersion() {
	fmt.Println(book.SchemaVersion(book.SQLite) == book.SchemaVersion(book.Postgres))
	// Output: true
}

// A postgres:// URL opens PostgreSQL; anything else is a SQLite file.
func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "book")
	defer os.RemoveAll(dir)
	b, err := book.Open(ctx, filepath.Join(dir, "book.db"))
	if err != nil {
		panic(err)
	}
	defer b.Close()
	fmt.Println(b.Engine())
	// Output: sqlite
}

func ExampleOpenSQLite() {
	dir, _ := os.MkdirTemp("", "book")
	defer os.RemoveAll(dir)
	b, err := book.OpenSQLite(ctx, filepath.Join(dir, "book.db"))
	if err != nil {
		panic(err)
	}
	defer b.Close()
	v, _ := b.Version(ctx)
	fmt.Println(b.Engine(), "schema version", v)
	_, err = book.OpenSQLite(ctx, "book.db?mode=ro")
	fmt.Println(err)
	// Output:
	// sqlite schema version 0
	// book: invalid: SQLite path "book.db?mode=ro" (a plain file path)
}

// OpenPostgres connects at once: a server out of reach is an error, not a
// book that fails later (examples/book-postgres runs the whole flow on a
// server).
func ExampleOpenPostgres() {
	_, err := book.OpenPostgres(ctx, "postgres://postgres@127.0.0.1:1/test?sslmode=disable&connect_timeout=5")
	fmt.Println(strings.HasPrefix(err.Error(), "book: connecting to postgres:"))
	// Output: true
}

func ExampleBook_Migrate() {
	dir, _ := os.MkdirTemp("", "book")
	defer os.RemoveAll(dir)
	b, _ := book.OpenSQLite(ctx, filepath.Join(dir, "book.db"))
	defer b.Close()
	_, err := b.Issuer(ctx, nif, signer())
	fmt.Println(err)
	if err := b.Migrate(ctx); err != nil {
		panic(err)
	}
	v, _ := b.Version(ctx)
	fmt.Println(v == book.SchemaVersion(book.SQLite))
	// Output:
	// book: the book's schema is not up to date (call Migrate): version 0, this program needs 3
	// true
}

func ExampleBook_Version() {
	b, done := newBook()
	defer done()
	v, _ := b.Version(ctx)
	fmt.Println(v)
	// Output: 3
}

func ExampleBook_Engine() {
	b, done := newBook()
	defer done()
	fmt.Println(b.Engine(), b.Engine().Valid())
	// Output: sqlite true
}

func ExampleBook_Close() {
	b, done := newBook()
	defer done()
	fmt.Println(b.Close())
	_, err := b.Companies(ctx)
	fmt.Println(err != nil)
	// Output:
	// <nil>
	// true
}

func ExampleEngine_Values() {
	fmt.Println(book.Engine("").Values())
	// Output: [sqlite postgres]
}

func ExampleEngine_Valid() {
	fmt.Println(book.SQLite.Valid(), book.Engine("mysql").Valid())
	// Output: true false
}

// The book's clock dates what the book records itself: here a status
// change without a time of its own.
func ExampleWithClock() {
	b, done := newBook() // with book.WithClock(clock)
	defer done()
	docs := issueInvoices(b, issuer(b), 1)
	_ = b.SetStatus(ctx, nif, docs[0].SeriesKey, 1, book.Status{Status: saft.InvoiceStatusCancelled, Reason: "Erro no cliente"})
	var out bytes.Buffer
	_ = b.ExportSAFT(ctx, &out, nif, safttest.Header(), safttest.TaxTable())
	f, _ := saft.Decode(&out)
	fmt.Println(f.SourceDocuments.SalesInvoices.Invoice[0].DocumentStatus.InvoiceStatusDate)
	// Output: 2026-01-05T09:30:00
}

func ExampleBook_PutCompany() {
	b, done := newBook()
	defer done()
	err := b.PutCompany(ctx, book.Company{NIF: "500000000", Name: "Mercearia, Lda", Certificate: "9999",
		Address: book.Address{Street: "Rua da Prata, 80", City: "Lisboa", PostalCode: "1100-420", Country: "PT"}})
	fmt.Println(err)
	fmt.Println(b.PutCompany(ctx, book.Company{NIF: "500000000"}))
	// Output:
	// <nil>
	// book: invalid: company "500000000": Name is required; Certificate is required
}

func ExampleBook_Company() {
	b, done := newBook()
	defer done()
	co, _ := b.Company(ctx, nif)
	fmt.Println(co.Name, co.Certificate, len(co.Keys), co.Keys[0].Version)
	_, err := b.Company(ctx, "500000000")
	fmt.Println(err)
	// Output:
	// Hotel Miradouro, Lda 9999 1 1
	// book: not found: company 500000000
}

func ExampleBook_Companies() {
	b, done := newBook()
	defer done()
	_ = b.PutCompany(ctx, book.Company{NIF: "500000000", Name: "Mercearia, Lda", Certificate: "9999"})
	cos, _ := b.Companies(ctx)
	fmt.Println(cos)
	// Output: [500000000 509999999]
}

func ExampleBook_PutSeries() {
	b, done := newBook()
	defer done()
	if err := b.PutSeries(ctx, nif, registered(series.DocumentTypeFT, "A")); err != nil {
		panic(err)
	}
	entries, _ := b.Series(ctx, nif)
	fmt.Println(entries[0].Series.Key(), entries[0].Series.ValidationCode, entries[0].Series.Status)
	// Output: FT:A CSDF7T5H A
}

func ExampleBook_Series() {
	b, done := newBook()
	defer done()
	_ = b.PutSeries(ctx, nif, registered(series.DocumentTypeFT, "A"))
	_ = b.PutSeries(ctx, nif, registered(series.DocumentTypeFT, "B"))
	_ = b.SetDefaultSeries(ctx, nif, series.DocumentTypeFT, "B")
	issueInvoices(b, issuer(b), 2)
	entries, _ := b.Series(ctx, nif)
	for _, e := range entries {
		fmt.Println(e.Series.Key(), e.Default, e.LastNumber, e.LastDocument)
	}
	// Output:
	// FT:A false 2 FT A/2
	// FT:B true 0
}

func ExampleBook_SetDefaultSeries() {
	b, done := newBook()
	defer done()
	fmt.Println(b.SetDefaultSeries(ctx, nif, series.DocumentTypeFT, "A"))
	_ = b.PutSeries(ctx, nif, registered(series.DocumentTypeFT, "A"))
	fmt.Println(b.SetDefaultSeries(ctx, nif, series.DocumentTypeFT, "A"))
	// Output:
	// book: not found: series FT:A is not registered in the book
	// <nil>
}

func ExampleBook_DefaultSeries() {
	b, done := newBook()
	defer done()
	_ = b.PutSeries(ctx, nif, registered(series.DocumentTypeFS, "LOJA1"))
	_ = b.SetDefaultSeries(ctx, nif, series.DocumentTypeFS, "LOJA1")
	s, _ := b.DefaultSeries(ctx, nif, series.DocumentTypeFS)
	fmt.Println(s.Key(), s.ValidationCode)
	_, err := b.DefaultSeries(ctx, nif, series.DocumentTypeFT)
	fmt.Println(err)
	// Output:
	// FS:LOJA1 CSDF7T5H
	// book: not found: no default series of FT for 509999999
}

func ExampleBook_Methods() {
	b, done := newBook()
	defer done()
	_ = b.SetMethod(ctx, nif, 2026, reporting.MethodSAFT)
	_ = b.SetMethod(ctx, nif, 2027, reporting.MethodWebService)
	ms, _ := b.Methods(ctx, nif)
	fmt.Println(ms.Check(2026, reporting.MethodSAFT), ms.Check(2027, reporting.MethodSAFT) != nil)
	// Output: <nil> true
}

func ExampleBook_PutCustomer() {
	b, done := newBook()
	defer done()
	err := b.PutCustomer(ctx, nif, saft.Customer{CustomerID: "C1", AccountID: saft.Unknown, CustomerTaxID: "500000000",
		CompanyName: "Café Central, Lda", BillingAddress: saft.CustomerAddress{AddressDetail: "Rua Augusta, 100",
			City: "Lisboa", PostalCode: "1100-053", Country: "PT"}})
	fmt.Println(err)
	fmt.Println(b.PutCustomer(ctx, nif, saft.Customer{}))
	// Output:
	// <nil>
	// book: invalid: customer: CustomerID is required
}

func ExampleBook_PutProduct() {
	b, done := newBook()
	defer done()
	fmt.Println(b.PutProduct(ctx, nif, saft.Product{ProductType: saft.ProductTypeGoods, ProductCode: "CAF",
		ProductDescription: "Café em grão 1 kg", ProductNumberCode: "CAF"}))
	fmt.Println(b.PutProduct(ctx, nif, saft.Product{}))
	// Output:
	// <nil>
	// book: invalid: product: ProductCode is required
}

func ExampleBook_Issuer() {
	b, done := newBook()
	defer done()
	iss, err := b.Issuer(ctx, nif, signer(), issuing.WithClock(clock))
	fmt.Println(err, iss.Store().Company())
	_, err = b.Issuer(ctx, "500000000", signer())
	fmt.Println(err)
	// Output:
	// <nil> 509999999
	// book: not found: company 500000000
}

func ExampleIssuer_Issue() {
	b, done := newBook()
	defer done()
	iss := issuer(b)
	inv := safttest.Invoice(0, 1)
	doc, err := iss.Issue(ctx, registered(series.DocumentTypeFT, "A"),
		issuing.Draft{Date: day, GrossTotal: inv.DocumentTotals.GrossTotal}, book.SAFTInvoice(inv))
	if err != nil {
		panic(err)
	}
	fmt.Println(doc.DocumentNumber, doc.ATCUD, doc.SystemEntry)
	// Output: FT A/1 CSDF7T5H-1 2026-01-05T09:30:01
}

// Code that issues through an *issuing.Issuer, as package document does,
// records into the book through Issuing.
func ExampleIssuer_Issuing() {
	b, done := newBook()
	defer done()
	is := issueSale(issuer(b), series.DocumentTypeFT, "A")
	kept, _ := b.Store(nif).Document(ctx, is.Document.SeriesKey, is.Document.Number)
	fmt.Println(kept.DocumentNumber, kept.Content.Type, kept.Content.CustomerID)
	// Output: FT A/1 saft.Invoice C1
}

func ExampleIssuer_Store() {
	b, done := newBook()
	defer done()
	iss := issuer(b)
	issueInvoices(b, iss, 3)
	chain, _, _ := iss.Store().Last(ctx, "FT:A")
	fmt.Println(iss.Store().Company(), chain.LastNumber)
	// Output: 509999999 3
}

// WithContent puts the content in the context of an issuing that does
// not go through Issuer.Issue: document.IssueComputed here.
func ExampleWithContent() {
	b, done := newBook()
	defer done()
	iss := issuer(b)
	c, _ := document.Compute(sale(series.DocumentTypeFT))
	is, err := document.IssueComputed(book.WithContent(ctx, book.FromDocument(c)), iss.Issuing(), registered(series.DocumentTypeFT, "A"), c)
	if err != nil {
		panic(err)
	}
	kept, _ := iss.Store().Document(ctx, "FT:A", is.Document.Number)
	inv, _ := kept.Content.Invoice()
	fmt.Println(inv.InvoiceNo, inv.DocumentTotals.GrossTotal, inv.Hash == is.Document.Hash)
	// Output: FT A/1 227.55 true
}

// A working document (a quotation, OR) and a transport document (GT)
// described to package document go into the book with their SAF-T
// records, customer, products and tax rate.
func ExampleFromDocument() {
	b, done := newBook()
	defer done()
	iss := issuer(b)
	for _, t := range []series.DocumentType{series.DocumentTypeOR, series.DocumentTypeGT} {
		is := issueSale(iss, t, "A")
		kept, _ := iss.Store().Document(ctx, is.Document.SeriesKey, is.Document.Number)
		fmt.Println(kept.DocumentNumber, kept.Content.Type)
	}
	var out bytes.Buffer
	if err := b.ExportSAFT(ctx, &out, nif, safttest.Header(), nil); err != nil {
		panic(err)
	}
	r, _ := audit.Run(&out, audit.WithPublicKey(key().Public()))
	fmt.Println("audit errors:", r.Errors, "signatures:", r.SignaturesChecked)
	// Output:
	// OR A/1 saft.WorkDocument
	// GT A/1 saft.StockMovement
	// audit errors: 0 signatures: 2
}

func ExampleSAFTInvoice() {
	b, done := newBook()
	defer done()
	inv := safttest.Invoice(0, 1)
	doc, _ := issuer(b).Issue(ctx, registered(series.DocumentTypeFT, "A"),
		issuing.Draft{Date: day, GrossTotal: inv.DocumentTotals.GrossTotal}, book.SAFTInvoice(inv))
	kept, _ := b.Store(nif).Document(ctx, doc.SeriesKey, doc.Number)
	saved, _ := kept.Content.Invoice()
	fmt.Println(saved.InvoiceNo, saved.ATCUD, saved.InvoiceDate, saved.SystemEntryDate)

	// A content whose total is not the one signed is refused, and the
	// number is not used.
	_, err := issuer(b).Issue(ctx, registered(series.DocumentTypeFT, "A"),
		issuing.Draft{Date: day, GrossTotal: decimal.RequireFromString("1.00")}, book.SAFTInvoice(inv))
	fmt.Println(strings.Contains(err.Error(), "is not the signed 1.00"))
	// Output:
	// FT A/1 CSDF7T5H-1 2026-01-05 2026-01-05T09:30:01
	// true
}

// A working document built by the program itself: the book sets its
// number, ATCUD, hash and dates from the issued document.
func ExampleSAFTWorkDocument() {
	b, done := newBook()
	defer done()
	c, _ := document.Compute(sale(series.DocumentTypePF))
	w := c.Issued(issuing.Document{}).WorkDocument // the record, not numbered yet
	doc, err := issuer(b).Issue(ctx, registered(series.DocumentTypePF, "A"),
		issuing.Draft{Date: day, GrossTotal: c.GrossTotal}, book.SAFTWorkDocument(*w))
	if err != nil {
		panic(err)
	}
	kept, _ := b.Store(nif).Document(ctx, doc.SeriesKey, doc.Number)
	saved, _ := kept.Content.WorkDocument()
	fmt.Println(saved.DocumentNumber, saved.ATCUD, saved.WorkType, saved.DocumentTotals.GrossTotal)
	// Output: PF A/1 CSDF7T5H-1 PF 227.55
}

// A transport document built by the program itself.
func ExampleSAFTStockMovement() {
	b, done := newBook()
	defer done()
	c, _ := document.Compute(sale(series.DocumentTypeGR))
	m := c.Issued(issuing.Document{}).StockMovement
	doc, err := issuer(b).Issue(ctx, registered(series.DocumentTypeGR, "A"),
		issuing.Draft{Date: day, GrossTotal: c.GrossTotal}, book.SAFTStockMovement(*m))
	if err != nil {
		panic(err)
	}
	kept, _ := b.Store(nif).Document(ctx, doc.SeriesKey, doc.Number)
	saved, _ := kept.Content.StockMovement()
	fmt.Println(saved.DocumentNumber, saved.MovementType, saved.MovementStartTime)
	// Output: GR A/1 GR 2026-01-05T15:00:00
}

func ExampleContent_Invoice() {
	b, done := newBook()
	defer done()
	issueInvoices(b, issuer(b), 1)
	kept, _ := b.Store(nif).Document(ctx, "FT:A", 1)
	inv, _ := kept.Content.Invoice()
	fmt.Println(inv.InvoiceNo, inv.CustomerID)
	_, err := kept.Content.WorkDocument()
	fmt.Println(err)
	// Output:
	// FT A/1 C0
	// book: invalid: content is "saft.Invoice", not "saft.WorkDocument"
}

func ExampleContent_WorkDocument() {
	b, done := newBook()
	defer done()
	issueSale(issuer(b), series.DocumentTypeOR, "A")
	kept, _ := b.Store(nif).Document(ctx, "OR:A", 1)
	w, _ := kept.Content.WorkDocument()
	fmt.Println(w.DocumentNumber, w.WorkType, w.DocumentStatus.WorkStatus)
	// Output: OR A/1 OR N
}

func ExampleContent_StockMovement() {
	b, done := newBook()
	defer done()
	issueSale(issuer(b), series.DocumentTypeGT, "A")
	kept, _ := b.Store(nif).Document(ctx, "GT:A", 1)
	m, _ := kept.Content.StockMovement()
	fmt.Println(m.DocumentNumber, m.ShipTo.Address.City, len(m.Line))
	// Output: GT A/1 Lisboa 1
}

func ExampleContentType_Values() {
	fmt.Println(book.ContentType("").Values()[2:])
	// Output: [saft.Invoice saft.WorkDocument saft.StockMovement saft.Payment]
}

func ExampleContentType_Valid() {
	fmt.Println(book.ContentSAFTStockMovement.Valid(), book.ContentType("pdf").Valid())
	// Output: true false
}

// The month's SAF-T (PT) invoicing file, straight from the book.
func ExampleBook_ExportSAFT() {
	b, done := newBook()
	defer done()
	issueInvoices(b, issuer(b), 3)
	var out bytes.Buffer
	if err := b.ExportSAFT(ctx, &out, nif, safttest.Header(), safttest.TaxTable()); err != nil {
		panic(err)
	}
	r, _ := audit.Run(&out, audit.WithPublicKey(key().Public()))
	fmt.Println(r.TaxAccountingBasis, r.StartDate, r.EndDate, "errors:", r.Errors, "signatures:", r.SignaturesChecked)
	// Output: F 2026-01-01 2026-01-31 errors: 0 signatures: 3
}

func ExampleBook_SetStatus() {
	b, done := newBook()
	defer done()
	issueInvoices(b, issuer(b), 2)
	err := b.SetStatus(ctx, nif, "FT:A", 2, book.Status{Status: saft.InvoiceStatusCancelled, Reason: "Erro no cliente",
		At: time.Date(2026, time.January, 6, 10, 0, 0, 0, time.UTC)})
	fmt.Println(err)
	var out bytes.Buffer
	_ = b.ExportSAFT(ctx, &out, nif, safttest.Header(), safttest.TaxTable())
	f, _ := saft.Decode(&out)
	for _, inv := range f.SourceDocuments.SalesInvoices.Invoice {
		fmt.Printf("%s %s %q\n", inv.InvoiceNo, inv.DocumentStatus.InvoiceStatus, inv.DocumentStatus.Reason)
	}
	fmt.Println(b.SetStatus(ctx, nif, "FT:A", 1, book.Status{Status: saft.InvoiceStatusNormal}))
	// Output:
	// <nil>
	// FT A/1 N ""
	// FT A/2 A "Erro no cliente"
	// book: invalid: status "N" (A or F)
}

func ExampleBook_Store() {
	b, done := newBook()
	defer done()
	st := b.Store(nif)
	_, found, _ := st.Last(ctx, "FT:A")
	fmt.Println(st.Company(), found)
	// Output: 509999999 false
}

func ExampleStore_Company() {
	b, done := newBook()
	defer done()
	fmt.Println(b.Store("500000000").Company())
	// Output: 500000000
}

func ExampleStore_Last() {
	b, done := newBook()
	defer done()
	docs := issueInvoices(b, issuer(b), 2)
	chain, found, _ := b.Store(nif).Last(ctx, "FT:A")
	fmt.Println(found, chain.Series, chain.LastNumber, chain.LastHash == docs[1].Hash, chain.LastSystemEntry)
	// Output: true FT A 2 true 2026-01-05T09:30:02
}

// The plain issuing.Store: an issuing.Issuer over it records documents
// without content.
func ExampleStore_Append() {
	b, done := newBook()
	defer done()
	iss, _ := issuing.New(nif, "9999", signer(), b.Store(nif), issuing.WithClock(clock))
	doc, err := iss.Issue(ctx, registered(series.DocumentTypeFT, "A"), issuing.Draft{Date: day, GrossTotal: decimal.RequireFromString("12.30")})
	fmt.Println(doc.DocumentNumber, err)
	// A second document numbered 1 is refused.
	fmt.Println(b.Store(nif).Append(ctx, 0, doc))
	kept, _ := b.Store(nif).Document(ctx, "FT:A", 1)
	fmt.Printf("%q\n", kept.Content.Type)
	// Output:
	// FT A/1 <nil>
	// issuing: series changed since it was read
	// ""
}

// A series whose documents were issued by another program goes on from
// its last document.
func ExampleStore_Seed() {
	b, done := newBook()
	defer done()
	s := registered(series.DocumentTypeFS, "LOJA1")
	date := civil.Date{Year: 2025, Month: time.December, Day: 30}
	entry := civil.DateTime{Date: date, Hour: 18}
	var chain certify.Chain
	hash, _ := chain.Sign(signer(), certify.Document{Date: date, SystemEntry: entry, Number: "FS LOJA1/41", GrossTotal: decimal.RequireFromString("12.30")})
	last := issuing.Document{SeriesKey: s.Key(), Number: 41, DocumentNumber: "FS LOJA1/41", Date: date, SystemEntry: entry,
		GrossTotal: decimal.RequireFromString("12.30"), Hash: hash, HashControl: "1"}
	if err := b.Store(nif).Seed(ctx, last); err != nil {
		panic(err)
	}
	doc, err := issuer(b).Issue(ctx, s, issuing.Draft{Date: day, GrossTotal: decimal.RequireFromString("5.00")}, nil)
	fmt.Println(doc.DocumentNumber, err)
	// Output: FS LOJA1/42 <nil>
}

func ExampleStore_Documents() {
	b, done := newBook()
	defer done()
	issueInvoices(b, issuer(b), 5)
	docs, _ := b.Store(nif).Documents(ctx, "FT:A", 2, 3)
	for _, d := range docs {
		fmt.Println(d.DocumentNumber, d.ATCUD, d.Content.Type)
	}
	// Output:
	// FT A/2 CSDF7T5H-2 saft.Invoice
	// FT A/3 CSDF7T5H-3 saft.Invoice
	// FT A/4 CSDF7T5H-4 saft.Invoice
}

func ExampleStore_Document() {
	b, done := newBook()
	defer done()
	issueInvoices(b, issuer(b), 1)
	d, _ := b.Store(nif).Document(ctx, "FT:A", 1)
	fmt.Println(d.Company, d.DocumentNumber, d.GrossTotal.StringFixed(2), d.HashControl)
	_, err := b.Store(nif).Document(ctx, "FT:A", 2)
	fmt.Println(err)
	// Output:
	// 509999999 FT A/1 67.82 1
	// book: not found: document 2 of series FT:A
}

// The documents of the book verify with the company's public key.
func ExampleDocument_Record() {
	b, done := newBook()
	defer done()
	issueInvoices(b, issuer(b), 3)
	docs, _ := b.Store(nif).Documents(ctx, "FT:A", 1, 0)
	records := make([]certify.Record, len(docs))
	for i, d := range docs {
		records[i] = d.Record()
	}
	v, _ := certify.NewVerifier(key().Public())
	fmt.Println(v.VerifyChain(certify.Chain{}, records))
	// Output: <nil>
}

func ExampleEFaturaState_Values() {
	fmt.Println(book.EFaturaState("").Values())
	// Output: [pending sent refused]
}

func ExampleEFaturaState_Valid() {
	fmt.Println(book.EFaturaSent.Valid(), book.EFaturaState("lost").Valid())
	// Output: true false
}

// webServiceYear is a book whose company communicates 2026 by web service,
// with three invoices issued.
func webServiceYear() (*book.Book, func()) {
	b, done := newBook()
	_ = b.SetMethod(ctx, nif, 2026, reporting.MethodWebService)
	issueInvoices(b, issuer(b), 3)
	return b, done
}

func ExampleBook_EFatura() {
	b, done := webServiceYear()
	defer done()
	pending, _ := b.EFatura(ctx, nif, book.EFaturaPending)
	for _, p := range pending {
		fmt.Println(p.SeriesKey, p.Number, p.State, p.Attempts)
	}
	// Output:
	// FT:A 1 pending 0
	// FT:A 2 pending 0
	// FT:A 3 pending 0
}

func ExampleBook_Backlog() {
	b, done := webServiceYear()
	defer done()
	bl, _ := b.Backlog(ctx, nif, civil.Date{Year: 2026, Month: time.February, Day: 20})
	fmt.Println(bl.Pending, bl.Oldest, bl.Deadline, bl.Late)
	// Output: 3 2026-01-05 2026-02-05 3
}

// In a program: an adapter over the e-Fatura client's RegisterInvoice.
func ExampleEFaturaSenderFunc_SendInvoice() {
	var sender book.EFaturaSender = book.EFaturaSenderFunc(func(ctx context.Context, inv *saft.Invoice) (book.EFaturaAnswer, error) {
		return book.EFaturaAnswer{Code: "0", Message: "registered " + inv.InvoiceNo}, nil
	})
	a, err := sender.SendInvoice(ctx, &saft.Invoice{InvoiceNo: "FT A/1"})
	fmt.Println(a.Code, a.Message, err)
	// Output: 0 registered FT A/1 <nil>
}

// A failed sending is retried after the time WithRetry gives it.
func ExampleWithRetry() {
	b, done := webServiceYear()
	defer done()
	down := book.EFaturaSenderFunc(func(context.Context, *saft.Invoice) (book.EFaturaAnswer, error) {
		return book.EFaturaAnswer{}, fmt.Errorf("AT out of reach")
	})
	rep, _ := b.Communicate(ctx, nif, down, book.WithRetry(func(attempts int) time.Duration { return time.Hour }))
	fmt.Println("failed:", rep.Failed)
	// The book's clock has not moved: nothing is due again yet.
	rep, _ = b.Communicate(ctx, nif, down)
	fmt.Println("failed:", rep.Failed)
	pending, _ := b.EFatura(ctx, nif, book.EFaturaPending)
	fmt.Println(pending[0].Attempts, pending[0].Answer)
	// Output:
	// failed: 3
	// failed: 0
	// 1 AT out of reach
}

// A process holds the documents it took for the lease; one that dies
// holding them lets another take them once it ends.
func ExampleWithLease() {
	b, done := webServiceYear()
	defer done()
	ok := book.EFaturaSenderFunc(func(context.Context, *saft.Invoice) (book.EFaturaAnswer, error) {
		return book.EFaturaAnswer{Code: "0", Message: "OK"}, nil
	})
	rep, _ := b.Communicate(ctx, nif, ok, book.WithLease(30*time.Second))
	fmt.Println("sent:", rep.Sent)
	// Output: sent: 3
}

// The set-up status with the book's checks: a default series for each
// document type, and what waits to be communicated.
func ExampleBook_SetupStatus() {
	b, done := webServiceYear()
	defer done()
	_ = b.PutSeries(ctx, nif, registered(series.DocumentTypeFT, "A"))
	st, err := b.SetupStatus(ctx, nif, setup.Company{})
	if err != nil {
		panic(err)
	}
	for _, c := range st.Checks {
		if c.ID == book.CheckDefaultSeries || c.ID == book.CheckEFatura {
			fmt.Println(c)
		}
	}
	// Output:
	// [yellow] default-series FT: no default series — choose the default series of FT (Invoice)
	// [yellow] efatura: 3 documents wait to be communicated, the oldest due 2026-02-05 — run Communicate
}

// FromDocument records the customer with the document; Customer reads it
// back.
func ExampleBook_Customer() {
	b, done := newBook()
	defer done()
	issueSale(issuer(b), series.DocumentTypeFT, "A")
	c, _ := b.Customer(ctx, nif, "C1")
	fmt.Println(c.CustomerTaxID, c.CompanyName, c.BillingAddress.City)
	_, err := b.Customer(ctx, nif, "C2")
	fmt.Println(err)
	// Output:
	// 500000000 Café Central, Lda Lisboa
	// book: not found: customer C2 of 509999999
}

func ExampleBook_Connection() {
	b, done := newBook()
	defer done()
	_, err := b.Connection(ctx, nif)
	fmt.Println(err)
	_ = b.PutConnection(ctx, nif, book.Connection{Environment: book.EnvironmentProduction,
		SeriesURL:  "https://servicos.portaldasfinancas.gov.pt:422/SeriesWSService",
		EFaturaURL: "https://servicos.portaldasfinancas.gov.pt:423/fatcorews/ws/", SubUser: "37", CertificateFile: "producer.p12"})
	c, _ := b.Connection(ctx, nif)
	fmt.Println(c.Environment, c.SeriesURL)
	// Output:
	// book: not found: connection of 509999999
	// production https://servicos.portaldasfinancas.gov.pt:422/SeriesWSService
}

func ExampleConnection_Validate() {
	err := book.Connection{Environment: book.EnvironmentTest, SeriesURL: "http://example.com/series",
		EFaturaURL: "https://servicos.portaldasfinancas.gov.pt:723/fatcorews/ws/"}.Validate()
	fmt.Println(err)
	// Output:
	// book: invalid: connection: SeriesURL "http://example.com/series" is not an https URL (AT's services are reached over mutual TLS)
	// book: invalid: connection: SubUser is required
	// book: invalid: connection: CertificateFile is required
}

func ExampleEnvironment_Values() {
	fmt.Println(book.Environment("").Values())
	// Output: [test production simulator]
}

func ExampleEnvironment_Valid() {
	fmt.Println(book.EnvironmentSimulator.Valid(), book.Environment("staging").Valid())
	// Output: true false
}

// A receipt of an invoice: numbered by the book in its receipt series,
// kept with its SAF-T record and exported in Payments.
func ExampleBook_IssueReceipt() {
	b, done := newBook()
	defer done()
	inv := issueSale(issuer(b), series.DocumentTypeFT, "A")
	r, err := b.IssueReceipt(ctx, nif, registered(series.DocumentTypeRG, "A"), document.ReceiptDraft{Date: day,
		Customer: inv.Computed.Draft.Customer,
		Settles:  []document.Settled{{Number: inv.Document.DocumentNumber, Date: day, Amount: inv.Document.GrossTotal}},
		Payments: []document.Payment{{Mechanism: saft.PaymentMechanismMultibanco}}})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Number, r.ATCUD, r.Total, r.Payment.SystemEntryDate)
	var out bytes.Buffer
	_ = b.ExportSAFT(ctx, &out, nif, safttest.Header(), nil)
	rep, _ := audit.Run(&out)
	fmt.Println("audit errors:", rep.Errors)
	// Output:
	// RG A/1 CSDF7T5H-1 227.55 2026-01-05T09:30:00
	// audit errors: 0
}

func ExampleContent_Payment() {
	b, done := newBook()
	defer done()
	inv := issueSale(issuer(b), series.DocumentTypeFT, "A")
	_, _ = b.IssueReceipt(ctx, nif, registered(series.DocumentTypeRG, "A"), document.ReceiptDraft{Date: day,
		Customer: inv.Computed.Draft.Customer,
		Settles:  []document.Settled{{Number: "FT A/1", Date: day, Amount: decimal.RequireFromString("100.00")}},
		Payments: []document.Payment{{Mechanism: saft.PaymentMechanismCash}}})
	kept, _ := b.Store(nif).Document(ctx, "RG:A", 1)
	p, _ := kept.Content.Payment()
	fmt.Println(p.PaymentRefNo, p.PaymentType, p.Line[0].SourceDocumentID[0].OriginatingON, p.DocumentTotals.GrossTotal.StringFixed(2))
	// Output: RG A/1 RG FT A/1 100.00
}

func ExampleMonthlyHeader() {
	co := saft.Company{ID: nif, TaxRegistrationNumber: nif, Name: "Hotel Miradouro, Lda",
		Address: saft.Address{AddressDetail: "Rua da Prata, 80", City: "Lisboa", PostalCode: "1100-420", Country: "PT"}}
	sw := saft.Software{ProducerTaxID: "599999993", CertificateNumber: 9999, ProductID: "faturapt/faturapt", Version: "1.0"}
	// January written on the 20th: up to the 20th.
	h, _ := book.MonthlyHeader(co, sw, 2026, time.January, civil.Date{Year: 2026, Month: time.January, Day: 20})
	fmt.Println(h.StartDate, h.EndDate)
	// Written in February: the whole month.
	h, _ = book.MonthlyHeader(co, sw, 2026, time.January, civil.Date{Year: 2026, Month: time.February, Day: 2})
	fmt.Println(h.StartDate, h.EndDate)
	_, err := book.MonthlyHeader(co, sw, 2026, time.March, civil.Date{Year: 2026, Month: time.February, Day: 2})
	fmt.Println(err)
	// Output:
	// 2026-01-01 2026-01-20
	// 2026-01-01 2026-01-31
	// book: invalid: 2026-03 has not begun on 2026-02-02
}

func ExampleSeriesEntry_CanCancel() {
	b, done := newBook()
	defer done()
	_ = b.PutSeries(ctx, nif, registered(series.DocumentTypeFT, "A"))
	issueInvoices(b, issuer(b), 1)
	entries, _ := b.Series(ctx, nif)
	fmt.Println(entries[0].CanCancel(series.CancellationReasonError, true))
	// Output: series: documents were issued in the series: FT A has documents in the book (the last FT A/1): it cannot be cancelled; finalize it instead
}
