// Command quickstart runs, in a few seconds and without network, the whole
// flow a shop or hotel goes through to invoice legally in Portugal, against
// the in-process AT simulator of package atclient/attest:
//
//  1. the set-up status before anything is set up (package setup);
//  2. a new invoice series (FT) and an existing series of simplified
//     invoices (FS) whose next number is 1234 registered at AT, which answers
//     with their validation codes (package atclient);
//  3. the set-up status turning green;
//  4. invoices and a simplified invoice described as sales, computed and
//     issued with their ATCUD, hash chain and QR code (packages document
//     and issuing; with -out DIR, the QR codes as PNG files,
//     package qrcode/qrimage, and each document as the PDF the customer
//     gets, package printout), numbered and kept durably in the book, a
//     SQLite file, each with its SAF-T record and master records in the
//     transaction of its number (package book);
//  5. the month's SAF-T (PT) invoicing file exported from the book
//     (package book, written by package saft) and audited (package
//     saft/audit);
//  6. the year's communication method chosen (package reporting) and the
//     other one refused by the e-Fatura client.
//
// Usage:
//
//	go run ./examples/quickstart            # the book and the SAF-T file go to a temporary directory
//	go run ./examples/quickstart -out DIR   # keeps the book (DIR/book.db), the SAF-T file, the QR code PNGs and the documents' PDFs in DIR
//
// Against AT, replace the simulator's pieces: atclient.TestEndpoints() (or
// ProductionEndpoints()), the producer's certificate from
// atclient.LoadPKCS12, the taxpayer's sub-user credentials, the program's own
// signing key (certify.ParsePrivateKeyPEM) and certificate number, no
// WithATKey/WithRootCAs. The same program keeps its book on PostgreSQL with
// book.OpenPostgres (examples/book-postgres).
package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/atclient/efatura"
	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/book"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/printout"
	"github.com/faturapt/faturapt/qrcode/qrimage"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/saft/audit"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/setup"
)

func main() { os.Exit(quickstart()) }

func quickstart() int {
	out := flag.String("out", "", "directory where the SAF-T file, the QR code PNGs and the documents' PDFs are kept (default: a temporary directory, removed at the end)")
	flag.Parse()
	dir := *out
	if dir == "" {
		tmp, err := os.MkdirTemp("", "faturapt-quickstart")
		if err != nil {
			fmt.Fprintln(os.Stderr, "quickstart:", err)
			return 1
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		return 1
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := run(ctx, os.Stdout, dir, time.Now)
	if err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		return 1
	}
	if *out == "" {
		fmt.Println("(the files were written to a temporary directory, removed now; keep them with -out DIR)")
	}
	return 0
}

// Outcome is what the flow did, for the test to check.
type Outcome struct {
	BookPath      string       // the book, a SQLite file
	Kept          int          // documents in the book after step 4
	Before, After setup.Status // the set-up status before and after the set-up

	Invoices   series.Series    // the FT series, as AT answered
	Simplified series.Series    // the FS series whose documents start at 1234
	AtAT       []attest.Record  // the series as the simulator holds them
	Legacy     issuing.Document // the last FS document issued before the series was communicated
	Documents  []issuing.Document
	PublicKey  *rsa.PublicKey // the key that verifies the signatures
	ChainsOK   bool           // every series' chain verified by certify.Verifier
	QRImages   []string       // the PNG files of the QR codes
	PDFs       []string       // the documents as printed, PDF files
	SAFTPath   string
	Audit      *audit.Report
	Method     reporting.Choice // the method chosen for the year
	Refused    error            // the e-Fatura client's refusal of the other method
	EFaturaHit int              // e-Fatura requests that reached the simulator (0: refused before sending)
}

// The company of the example: the simulator's default taxpayer.
const (
	companyNIF        = attest.DefaultNIF // 599999993
	certificateNumber = 9999              // the program's AT certificate number (9999: AT's number for tests)
)

var lisbon = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Lisbon")
	if err != nil {
		return time.FixedZone("WET", 0)
	}
	return loc
}()

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The shop's articles, priced without VAT; package document computes the
// lines, the VAT per rate, the totals and the QR code's tax blocks.
var (
	coffee  = article{document.Product{Code: "CAF", Description: "Café em grão 1 kg"}, dec("18.50"), document.Normal}
	recipes = article{document.Product{Code: "LIV", Description: "Livro de receitas"}, dec("20.00"), document.Reduced}
	cup     = article{document.Product{Code: "CHV", Description: "Chávena de porcelana"}, dec("7.90"), document.Normal}
)

type article struct {
	product  document.Product
	price    decimal.Decimal // without VAT
	category document.Category
}

// The buyers; the zero Customer is the final consumer (999999990).
var (
	finalConsumer = document.Customer{}
	cafe          = document.Customer{ID: "C001", TaxID: "500000000", Name: "Café Central, Lda", Address: "Rua Augusta, 100", City: "Lisboa", PostalCode: "1100-053"}
	library       = document.Customer{ID: "C002", TaxID: "502011378", Name: "Livraria do Carmo, S.A.", Address: "Largo do Carmo, 5", City: "Lisboa", PostalCode: "1200-092"}
)

// sale is a document to issue: a customer and quantities of articles.
type sale struct {
	typ      series.DocumentType
	customer document.Customer
	lines    []saleLine
}

type saleLine struct {
	a   article
	qty int64
}

// draft describes the sale to package document.
func (s sale) draft(date civil.Date) document.Draft {
	d := document.Draft{Type: s.typ, Date: date, Customer: s.customer, SourceID: "balcao"}
	for _, l := range s.lines {
		d.Lines = append(d.Lines, document.Line{Product: l.a.product, Quantity: decimal.NewFromInt(l.qty), UnitPrice: l.a.price,
			Tax: document.Tax{Category: l.a.category}})
	}
	if s.typ == series.DocumentTypeFS { // paid at the counter
		d.Payments = []document.Payment{{Mechanism: saft.PaymentMechanismCash}}
	}
	return d
}

// say prints one line of the story.
type say struct{ w io.Writer }

func (s say) f(format string, args ...any) { fmt.Fprintf(s.w, format+"\n", args...) }

// run is the whole flow, told to w. dir receives the SAF-T file and the QR
// code images. clock is the time of AT (the simulator), of the client, of
// the set-up checks and of the documents issued.
func run(ctx context.Context, w io.Writer, dir string, clock func() time.Time) (Outcome, error) {
	var o Outcome
	p := say{w}
	now := clock().In(lisbon)
	today := civil.DateIn(now, civil.Lisbon)

	// The simulator in the role of AT, and a client of its series and
	// e-Fatura services with the producer's certificate and the sub-user's
	// credentials.
	srv, err := attest.New(attest.WithClock(clock))
	if err != nil {
		return o, err
	}
	defer srv.Close()
	atKey, err := atclient.ParseATKey(srv.EncryptionCertificatePEM())
	if err != nil {
		return o, err
	}
	tlsCert := srv.ClientCertificate()
	cert, err := atclient.CertificateFromTLS(tlsCert)
	if err != nil {
		return o, err
	}
	creds, err := atclient.NewCredentials(companyNIF, attest.DefaultSubUser, attest.DefaultPassword)
	if err != nil {
		return o, err
	}
	// The company's record of communication methods: nothing chosen yet.
	methods := reporting.Choices{}
	company, software := companyHeader()
	header := saft.MonthlyInvoicingHeader(company, software, now.Year(), now.Month(), civil.DateIn(now, civil.Lisbon))
	// The month is not over: the file covers it up to today, since a file
	// ends at its creation at the latest (Portaria 302/2016, Annex I, 1.c).
	header.EndDate = civil.DateIn(now, civil.Lisbon)
	client, err := atclient.New(atclient.Endpoints{Series: srv.URL(), EFatura: srv.EFaturaURL()}, creds, cert,
		atclient.WithATKey(atKey), atclient.WithRootCAs(srv.RootCAs()),
		atclient.WithRequestTimeout(10*time.Second), atclient.WithClock(clock))
	if err != nil {
		return o, err
	}
	defer client.Close()
	// The e-Fatura client sends through the same transport. It consults
	// the record when it is about to communicate, so the choice made in
	// step 6 applies to it.
	realTime, err := efatura.New(client,
		efatura.WithIssuer(efatura.IssuerFromHeader(header)),
		efatura.WithReportingMethod(checkerFunc(func(year int, m reporting.Method) error { return methods.Check(year, m) })))
	if err != nil {
		return o, err
	}

	types := []series.DocumentType{series.DocumentTypeFT, series.DocumentTypeFS}
	co := setup.Company{
		DocumentTypes: types,
		AT: setup.SeriesListerFunc(func(ctx context.Context) ([]series.Series, error) {
			return client.QuerySeries(ctx, atclient.SeriesQuery{})
		}),
		Certificate:   tlsCert.Leaf,
		ATKeyNotAfter: atKey.NotAfter(),
		Methods:       &methods,
	}
	// The simulator's throwaway TLS certificate lives one day; with the
	// default 30-day warning it would always be "to renew soon".
	evalOpts := []setup.Option{setup.WithExpiryWarning(time.Hour), setup.WithClock(clock)}

	// 1. Before anything is set up.
	p.f("== 1. Set-up status before anything is set up")
	o.Before = setup.Evaluate(ctx, co, evalOpts...)
	printStatus(p, o.Before)

	// 2. Register the series.
	p.f("")
	p.f("== 2. Registering the series at AT (simulator)")
	ft, err := series.New(fmt.Sprintf("Q%d", now.Year()), series.DocumentTypeFT, series.NumberOf(1), today,
		series.WithCertificateNumber(certificateNumber))
	if err != nil {
		return o, err
	}
	if o.Invoices, err = client.RegisterSeries(ctx, ft); err != nil {
		return o, fmt.Errorf("registering %s %s: %w", ft.DocumentType, ft.ID, err)
	}
	p.f("new series %s %s (invoices): validation code %s, first ATCUD %s-1",
		o.Invoices.DocumentType, o.Invoices.ID, o.Invoices.ValidationCode, o.Invoices.ValidationCode)

	// The shop's counter has numbered simplified invoices in series LOJA1
	// since before series were communicated (up to FS LOJA1/1233, the last
	// of 2022, with ATCUD "0"): the series is registered from its next
	// number, 1234 (Portaria 195/2020 art. 7), and its signature chain goes
	// on from that last document.
	key, err := certify.GenerateKey(rand.Reader) // in a program: its own key, certify.ParsePrivateKeyPEM
	if err != nil {
		return o, err
	}
	signer, err := certify.NewSigner(key, 1)
	if err != nil {
		return o, err
	}
	o.PublicKey = key.Public()
	fs, err := series.New("LOJA1", series.DocumentTypeFS, series.NumberOf(1234), today,
		series.WithCertificateNumber(certificateNumber))
	if err != nil {
		return o, err
	}
	if o.Simplified, err = client.RegisterSeries(ctx, fs); err != nil {
		return o, fmt.Errorf("registering %s %s: %w", fs.DocumentType, fs.ID, err)
	}
	next, err := o.Simplified.NextNumber()
	if err != nil {
		return o, err
	}
	p.f("existing series %s %s (simplified invoices): validation code %s, next number %s",
		o.Simplified.DocumentType, o.Simplified.ID, o.Simplified.ValidationCode, next)
	// The book: every document kept durably, in a SQLite file.
	o.BookPath = filepath.Join(dir, "book.db")
	bk, err := openBook(ctx, o.BookPath, key, o.Invoices, o.Simplified)
	if err != nil {
		return o, err
	}
	defer bk.Close()
	p.f("the book: %s (SQLite), both series registered in it as their types' default", o.BookPath)
	if o.Legacy, err = legacyDocument(signer, o.Simplified); err != nil {
		return o, err
	}
	if err := bk.Store(companyNIF).Seed(ctx, o.Legacy); err != nil {
		return o, err
	}
	p.f("its last document before: %s of %s, ATCUD %s, hash %s...", o.Legacy.DocumentNumber, o.Legacy.Date, o.Legacy.ATCUD, o.Legacy.Hash[:12])
	o.AtAT = srv.Series(companyNIF)

	// 3. The year's method chosen: the monthly SAF-T file. The status turns
	// green.
	p.f("")
	p.f("== 3. Set-up status once the series are registered and the year's method is chosen")
	o.Method = reporting.Choice{Year: now.Year(), Method: reporting.MethodSAFT}
	methods = append(methods, o.Method)
	if err := bk.SetMethod(ctx, companyNIF, o.Method.Year, o.Method.Method); err != nil {
		return o, err
	}
	o.After = setup.Evaluate(ctx, co, evalOpts...)
	printStatus(p, o.After)

	// 4. Issue documents.
	p.f("")
	p.f("== 4. Issuing documents (number, ATCUD, chained signature, QR code)")
	bookIssuer, err := bk.Issuer(ctx, companyNIF, signer,
		issuing.WithClock(func() time.Time { return clock().In(lisbon) }))
	if err != nil {
		return o, err
	}
	issuer := bookIssuer.Issuing()
	sales := []sale{
		{series.DocumentTypeFT, cafe, []saleLine{{coffee, 10}, {cup, 12}}},
		{series.DocumentTypeFT, library, []saleLine{{recipes, 15}}},
		{series.DocumentTypeFT, cafe, []saleLine{{coffee, 4}, {recipes, 1}}},
		{series.DocumentTypeFS, finalConsumer, []saleLine{{coffee, 1}, {cup, 2}}},
	}
	var first *document.Issued // for step 6
	shop, err := printout.New(printout.Seller{Name: "Torrefação Lisboeta, Lda", TaxID: companyNIF,
		Address: "Rua dos Fanqueiros, 80", PostalCode: "1100-231", City: "Lisboa"})
	if err != nil {
		return o, err
	}
	for _, s := range sales {
		sr := o.Invoices
		if s.typ == series.DocumentTypeFS {
			sr = o.Simplified
		}
		c, err := document.Compute(s.draft(today))
		if err != nil {
			return o, err
		}
		// The book records the document's SAF-T record, customer,
		// products and tax rates in the transaction of its number.
		issued, err := document.IssueComputed(book.WithContent(ctx, book.FromDocument(c)), issuer, sr, c)
		if err != nil {
			return o, err
		}
		if first == nil {
			first = issued
		}
		doc := issued.Document
		o.Documents = append(o.Documents, doc)
		p.f("%-16s %-10s %8s EUR  %s  %s", doc.DocumentNumber, issued.Customer.CustomerTaxID, doc.GrossTotal.StringFixed(2), issued.Printed.ATCUD, issued.Printed.Mention)
		p.f("    QR: %s", issued.Printed.QR)
		png, err := qrimage.PNG(issued.Printed.QR)
		if err != nil {
			return o, err
		}
		name := filepath.Join(dir, "QR_"+strings.NewReplacer(" ", "_", "/", "_").Replace(doc.DocumentNumber)+".png")
		if err := os.WriteFile(name, png, 0o644); err != nil {
			return o, err
		}
		o.QRImages = append(o.QRImages, name)
		p.f("    QR code image: %s", name)
		var pdf bytes.Buffer
		if err := shop.Document(&pdf, issued); err != nil {
			return o, err
		}
		name = filepath.Join(dir, strings.NewReplacer(" ", "_", "/", "_").Replace(doc.DocumentNumber)+".pdf")
		if err := os.WriteFile(name, pdf.Bytes(), 0o644); err != nil {
			return o, err
		}
		o.PDFs = append(o.PDFs, name)
		p.f("    printed: %s", name)
	}
	for _, sr := range []series.Series{o.Invoices, o.Simplified} {
		kept, err := bk.Store(companyNIF).Documents(ctx, sr.Key(), 0, 0)
		if err != nil {
			return o, err
		}
		o.Kept += len(kept)
	}
	p.f("kept in the book: %d documents (with FS LOJA1's last one before)", o.Kept)
	if o.ChainsOK, err = verifyChains(o); err != nil {
		return o, err
	}
	p.f("signature chains verified with the public key: FT from its first document, FS from %s", o.Legacy.DocumentNumber)

	// 5. The month's SAF-T file, exported from the book and audited.
	p.f("")
	p.f("== 5. The month's SAF-T (PT) invoicing file, from the book")
	o.SAFTPath = filepath.Join(dir, fmt.Sprintf("SAFT_%s_%04d-%02d.xml", companyNIF, now.Year(), int(now.Month())))
	if err := exportSAFT(ctx, bk, o.SAFTPath, header, methods); err != nil {
		return o, err
	}
	info, err := os.Stat(o.SAFTPath)
	if err != nil {
		return o, err
	}
	p.f("exported (validated on write): %s, %d bytes", o.SAFTPath, info.Size())
	// The file holds this month's documents only: FS LOJA1/1234 is signed
	// after FS LOJA1/1233, which is in an earlier file; the audit is given
	// that hash to verify the FS chain from its start here.
	legacySeries := o.Legacy.DocumentNumber[:strings.LastIndexByte(o.Legacy.DocumentNumber, '/')]
	if o.Audit, err = audit.File(o.SAFTPath, audit.WithPublicKey(o.PublicKey),
		audit.WithPreviousHashes(map[string]string{legacySeries: o.Legacy.Hash})); err != nil {
		return o, err
	}
	p.f("audit (schema rules, control totals, series, ATCUD, arithmetic, %d signatures): %d errors, %d warnings",
		o.Audit.SignaturesChecked, o.Audit.Errors, o.Audit.Warnings)
	var sections []string
	for _, sec := range o.Audit.Sections {
		if sec.Name != "Header" {
			sections = append(sections, fmt.Sprintf("%s %d", sec.Name, sec.Records))
		}
	}
	p.f("records in the file: %s", strings.Join(sections, ", "))
	for _, f := range o.Audit.Findings {
		p.f("    %s", f)
	}

	// 6. The year's method is the SAF-T file: the e-Fatura web service is
	// refused before anything is sent.
	p.f("")
	p.f("== 6. Communication method of %d", now.Year())
	p.f("chosen: %s", o.Method.Method.DescriptionEN())
	_, o.Refused = realTime.RegisterInvoice(ctx, efatura.Invoice{Invoice: first.Invoice, Customer: first.Customer})
	o.EFaturaHit = len(srv.EFaturaDocuments(companyNIF))
	if !errors.Is(o.Refused, reporting.ErrOtherMethod) {
		return o, fmt.Errorf("e-Fatura registration of %s was not refused as the other method: %v", first.Invoice.InvoiceNo, o.Refused)
	}
	p.f("real-time communication of %s refused: %v", first.Invoice.InvoiceNo, o.Refused)
	return o, nil
}

// checkerFunc adapts a function to reporting.Checker.
type checkerFunc func(year int, m reporting.Method) error

func (f checkerFunc) Check(year int, m reporting.Method) error { return f(year, m) }

func printStatus(p say, st setup.Status) {
	p.f("status: %s (%s)", st.Level, st.Level.Color())
	for _, c := range st.Checks {
		p.f("  %s", c)
	}
}

// legacyDocument is the last document the series had before it was
// communicated: issued on 2022-12-30, before ATCUD was mandatory, so its
// ATCUD is "0".
func legacyDocument(signer *certify.Signer, s series.Series) (issuing.Document, error) {
	number, err := s.DocumentNumber(series.NumberOf(1233))
	if err != nil {
		return issuing.Document{}, err
	}
	date := civil.Date{Year: 2022, Month: time.December, Day: 30}
	entry := civil.DateTime{Date: date, Hour: 18, Minute: 42, Second: 7}
	gross := dec("12.30")
	var chain certify.Chain // its own earlier documents are not needed to go on
	hash, err := chain.Sign(signer, certify.Document{Date: date,
		SystemEntry: entry, Number: number, GrossTotal: gross})
	if err != nil {
		return issuing.Document{}, err
	}
	chars, err := certify.HashChars(hash)
	if err != nil {
		return issuing.Document{}, err
	}
	mention, err := certify.ProcessedMention(hash, fmt.Sprint(certificateNumber))
	if err != nil {
		return issuing.Document{}, err
	}
	return issuing.Document{SeriesKey: s.Key(), Number: 1233, DocumentNumber: number, ATCUD: atcud.Legacy,
		Date: date, SystemEntry: entry, GrossTotal: gross, Hash: hash, HashControl: signer.HashControl(),
		HashChars: chars, Mention: mention}, nil
}

// verifyChains checks every signature of the documents issued, chained
// after the series' previous document: the FT chain from its start, the FS
// chain after the legacy document.
func verifyChains(o Outcome) (bool, error) {
	v, err := certify.NewVerifier(o.PublicKey)
	if err != nil {
		return false, err
	}
	legacy, err := certify.ChainAfter(record(o.Legacy))
	if err != nil {
		return false, err
	}
	starts := map[string]certify.Chain{o.Invoices.Key(): {}, o.Simplified.Key(): legacy}
	bySeries := map[string][]certify.Record{}
	for _, d := range o.Documents {
		bySeries[d.SeriesKey] = append(bySeries[d.SeriesKey], record(d))
	}
	for key, recs := range bySeries {
		if err := v.VerifyChain(starts[key], recs); err != nil {
			return false, fmt.Errorf("chain of %s: %w", key, err)
		}
	}
	return true, nil
}

func record(d issuing.Document) certify.Record {
	return certify.Record{Document: certify.Document{
		Date:        d.Date,
		SystemEntry: d.SystemEntry, Number: d.DocumentNumber, GrossTotal: d.GrossTotal,
	}, Hash: d.Hash}
}

func companyHeader() (saft.Company, saft.Software) {
	return saft.Company{
			ID: companyNIF, TaxRegistrationNumber: companyNIF, Name: "Mercearia Quickstart, Lda",
			Address: saft.Address{AddressDetail: "Rua da Prata, 80", City: "Lisboa", PostalCode: "1100-420", Country: "PT"},
		}, saft.Software{ProducerTaxID: "510000002", CertificateNumber: certificateNumber,
			ProductID: "FaturaPT/FaturaPT Software Lda", Version: "1.0"}
}

// openBook opens (creating it) the book at path, with the company, its
// signing key version and its series, each its type's default.
func openBook(ctx context.Context, path string, key *certify.PrivateKey, ss ...series.Series) (*book.Book, error) {
	bk, err := book.OpenSQLite(ctx, path)
	if err != nil {
		return nil, err
	}
	pub, err := key.PublicKeyPEM()
	if err == nil {
		err = bk.Migrate(ctx)
	}
	if err == nil {
		err = bk.PutCompany(ctx, book.Company{NIF: companyNIF, Name: "Mercearia Quickstart, Lda",
			Address:     book.Address{Street: "Rua da Prata, 80", City: "Lisboa", PostalCode: "1100-420", Country: "PT"},
			Certificate: fmt.Sprint(certificateNumber), Keys: []book.KeyVersion{{Version: "1", PublicKey: string(pub)}}})
	}
	for _, s := range ss {
		if err == nil {
			err = bk.PutSeries(ctx, companyNIF, s)
		}
		if err == nil {
			err = bk.SetDefaultSeries(ctx, companyNIF, s.DocumentType, s.ID)
		}
	}
	if err != nil {
		bk.Close()
		return nil, fmt.Errorf("the book: %w", err)
	}
	return bk, nil
}

// exportSAFT writes the month's invoicing file (TaxAccountingBasis F)
// from the book: its documents of the month, with the customers, products
// and tax rates recorded with them.
func exportSAFT(ctx context.Context, bk *book.Book, path string, header saft.Header, methods reporting.Checker) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	// The file is validated whole before it is written, and refused in a
	// year the company communicates by web service.
	if err := bk.ExportSAFT(ctx, f, companyNIF, header, nil, saft.WithReportingMethod(methods)); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("SAF-T file: %w", err)
	}
	return f.Close()
}
