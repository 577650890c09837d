// Command quickstart runs, in a few seconds and without network, the whole
// flow a shop or hotel goes through to invoice legally in Portugal, against
// the in-process AT simulator of package atclient/attest:
//
//  1. the set-up status before anything is set up (package setup);
//  2. a new invoice series (FT) and an existing series of simplified
//     invoices (FS) whose next number is 1234 registered at AT, which answers
//     with their validation codes (package atclient);
//  3. the set-up status turning green;
//  4. invoices and a simplified invoice issued with their ATCUD, hash chain
//     and QR code (package issuing; with -out DIR, the QR codes as PNG files,
//     package qrcode/qrimage);
//  5. the month's SAF-T (PT) invoicing file written (package saft) and
//     audited (package saft/audit);
//  6. the year's communication method chosen (package reporting) and the
//     other one refused by the e-Fatura client.
//
// Usage:
//
//	go run ./examples/quickstart            # the SAF-T file goes to a temporary directory
//	go run ./examples/quickstart -out DIR   # keeps the SAF-T file and the QR code PNGs in DIR
//
// Against AT, replace the simulator's pieces: atclient.TestEndpoints() (or
// ProductionEndpoints()), the producer's certificate from
// atclient.LoadPKCS12, the taxpayer's sub-user credentials, the program's own
// signing key (certify.ParsePrivateKeyPEM) and certificate number, no
// WithATKey/WithRootCAs, and a Store backed by the program's database.
package main

import (
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
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/qrcode/qrimage"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/saft/audit"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/setup"
)

func main() { os.Exit(quickstart()) }

func quickstart() int {
	out := flag.String("out", "", "directory where the SAF-T file and the QR code PNGs are kept (default: a temporary directory, removed at the end)")
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
	_, err := run(ctx, os.Stdout, dir)
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
	Before, After setup.Status // the set-up status before and after the set-up

	Invoices   series.Series    // the FT series, as AT answered
	Simplified series.Series    // the FS series whose documents start at 1234
	AtAT       []attest.Record  // the series as the simulator holds them
	Legacy     issuing.Document // the last FS document issued before the series was communicated
	Documents  []issuing.Document
	PublicKey  *rsa.PublicKey // the key that verifies the signatures
	ChainsOK   bool           // every series' chain verified by certify.Verifier
	QRImages   []string       // the PNG files of the QR codes
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

// product is an article the shop sells.
type product struct {
	code, description string
	price             decimal.Decimal // without VAT
	rate              decimal.Decimal // VAT rate in percent
	taxCode           saft.TaxCode
}

var (
	coffee = product{"CAF", "Café em grão 1 kg", dec("18.50"), dec("23"), saft.TaxCodeNormal}
	book   = product{"LIV", "Livro de receitas", dec("20.00"), dec("6"), saft.TaxCodeReduced}
	cup    = product{"CHV", "Chávena de porcelana", dec("7.90"), dec("23"), saft.TaxCodeNormal}
)

// customer is a buyer; Consumidor final has the generic NIF 999999990.
type customer struct {
	id, nif, name string
	address       saft.CustomerAddress
}

var (
	finalConsumer = customer{"CF", "999999990", "Consumidor final", saft.CustomerAddress{
		AddressDetail: saft.Unknown, City: saft.Unknown, PostalCode: saft.Unknown, Country: saft.Unknown}}
	cafe = customer{"C001", "500000000", "Café Central, Lda", saft.CustomerAddress{
		AddressDetail: "Rua Augusta, 100", City: "Lisboa", PostalCode: "1100-053", Country: "PT"}}
	library = customer{"C002", "502011378", "Livraria do Carmo, S.A.", saft.CustomerAddress{
		AddressDetail: "Largo do Carmo, 5", City: "Lisboa", PostalCode: "1200-092", Country: "PT"}}
)

// sale is a document to issue: a customer and quantities of products.
type sale struct {
	typ      series.DocumentType
	customer customer
	lines    []saleLine
}

type saleLine struct {
	p   product
	qty int64
}

// totals of a sale, rounded per line as the SAF-T audit recomputes them.
type totals struct {
	net, tax, gross decimal.Decimal
	base, vat       map[saft.TaxCode]decimal.Decimal
}

func (s sale) totals() totals {
	t := totals{base: map[saft.TaxCode]decimal.Decimal{}, vat: map[saft.TaxCode]decimal.Decimal{}}
	for _, l := range s.lines {
		amount := decimal.NewFromInt(l.qty).Mul(l.p.price).Round(2)
		vat := amount.Mul(l.p.rate).Div(decimal.NewFromInt(100)).Round(2)
		t.net, t.tax = t.net.Add(amount), t.tax.Add(vat)
		t.base[l.p.taxCode] = t.base[l.p.taxCode].Add(amount)
		t.vat[l.p.taxCode] = t.vat[l.p.taxCode].Add(vat)
	}
	t.gross = t.net.Add(t.tax)
	return t
}

// qr is the part of the QR code the issuer does not fill (Portaria
// 195/2020 art. 4; Especificações Técnicas §4): buyer, status, VAT blocks.
func (s sale) qr() *qrcode.Document {
	t := s.totals()
	space := qrcode.FiscalSpace{Region: "PT"}
	if v, ok := t.base[saft.TaxCodeReduced]; ok {
		space.ReducedBase, space.ReducedVAT = qrcode.Amount(v), qrcode.Amount(t.vat[saft.TaxCodeReduced])
	}
	if v, ok := t.base[saft.TaxCodeNormal]; ok {
		space.NormalBase, space.NormalVAT = qrcode.Amount(v), qrcode.Amount(t.vat[saft.TaxCodeNormal])
	}
	country := s.customer.address.Country
	if country == saft.Unknown {
		country = qrcode.CountryUnknown
	}
	return &qrcode.Document{BuyerTaxID: s.customer.nif, BuyerCountry: country, DocumentStatus: "N",
		FiscalSpaceI: space, TaxPayable: t.tax}
}

// say prints one line of the story.
type say struct{ w io.Writer }

func (s say) f(format string, args ...any) { fmt.Fprintf(s.w, format+"\n", args...) }

// run is the whole flow, told to w. dir receives the SAF-T file and the QR
// code images.
func run(ctx context.Context, w io.Writer, dir string) (Outcome, error) {
	var o Outcome
	p := say{w}
	now := time.Now().In(lisbon)
	today := civil.DateIn(now, civil.Lisbon)

	// The simulator in the role of AT, and a client of its series and
	// e-Fatura services with the producer's certificate and the sub-user's
	// credentials.
	srv, err := attest.New()
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
	header := saft.MonthlyInvoicingHeader(company, software, now.Year(), now.Month(), civil.DateOf(now))
	// The month is not over: the file covers it up to today, since a file
	// ends at its creation at the latest (Portaria 302/2016, Annex I, 1.c).
	header.EndDate = civil.DateOf(now)
	client, err := atclient.New(atclient.Endpoints{Series: srv.URL(), EFatura: srv.EFaturaURL()}, creds, cert,
		atclient.WithATKey(atKey), atclient.WithRootCAs(srv.RootCAs()),
		atclient.WithRequestTimeout(10*time.Second))
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
	evalOpts := []setup.Option{setup.WithExpiryWarning(time.Hour)}

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
	store := issuing.NewMemoryStore()
	if o.Legacy, err = legacyDocument(signer, o.Simplified); err != nil {
		return o, err
	}
	if err := store.Seed(o.Legacy); err != nil {
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
	o.After = setup.Evaluate(ctx, co, evalOpts...)
	printStatus(p, o.After)

	// 4. Issue documents.
	p.f("")
	p.f("== 4. Issuing documents (number, ATCUD, chained signature, QR code)")
	issuer, err := issuing.New(companyNIF, fmt.Sprint(certificateNumber), signer, store,
		issuing.WithClock(func() time.Time { return time.Now().In(lisbon) }))
	if err != nil {
		return o, err
	}
	sales := []sale{
		{series.DocumentTypeFT, cafe, []saleLine{{coffee, 10}, {cup, 12}}},
		{series.DocumentTypeFT, library, []saleLine{{book, 15}}},
		{series.DocumentTypeFT, cafe, []saleLine{{coffee, 4}, {book, 1}}},
		{series.DocumentTypeFS, finalConsumer, []saleLine{{coffee, 1}, {cup, 2}}},
	}
	var invoices []saft.Invoice
	for _, s := range sales {
		sr := o.Invoices
		if s.typ == series.DocumentTypeFS {
			sr = o.Simplified
		}
		doc, err := issuer.Issue(ctx, sr, issuing.Draft{Date: today, GrossTotal: s.totals().gross, QR: s.qr()})
		if err != nil {
			return o, err
		}
		o.Documents = append(o.Documents, doc)
		invoices = append(invoices, invoiceOf(doc, s))
		p.f("%-16s %-10s %8s EUR  %s  %s", doc.DocumentNumber, s.customer.nif, doc.GrossTotal.StringFixed(2), doc.ATCUD.Label(), doc.Mention)
		p.f("    QR: %s", doc.QR)
		png, err := qrimage.PNG(doc.QR)
		if err != nil {
			return o, err
		}
		name := filepath.Join(dir, "QR_"+strings.NewReplacer(" ", "_", "/", "_").Replace(doc.DocumentNumber)+".png")
		if err := os.WriteFile(name, png, 0o644); err != nil {
			return o, err
		}
		o.QRImages = append(o.QRImages, name)
		p.f("    QR code image: %s", name)
	}
	if o.ChainsOK, err = verifyChains(o); err != nil {
		return o, err
	}
	p.f("signature chains verified with the public key: FT from its first document, FS from %s", o.Legacy.DocumentNumber)

	// 5. The month's SAF-T file, written and audited.
	p.f("")
	p.f("== 5. The month's SAF-T (PT) invoicing file")
	o.SAFTPath = filepath.Join(dir, fmt.Sprintf("SAFT_%s_%04d-%02d.xml", companyNIF, now.Year(), int(now.Month())))
	if err := writeSAFT(o.SAFTPath, header, sales, invoices, methods); err != nil {
		return o, err
	}
	info, err := os.Stat(o.SAFTPath)
	if err != nil {
		return o, err
	}
	p.f("written (validated on write): %s, %d bytes, %d documents", o.SAFTPath, info.Size(), len(invoices))
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
	for _, f := range o.Audit.Findings {
		p.f("    %s", f)
	}

	// 6. The year's method is the SAF-T file: the e-Fatura web service is
	// refused before anything is sent.
	p.f("")
	p.f("== 6. Communication method of %d", now.Year())
	p.f("chosen: %s", o.Method.Method.DescriptionEN())
	_, o.Refused = realTime.RegisterInvoice(ctx, efatura.Invoice{Invoice: &invoices[0], Customer: saftCustomer(cafe)})
	o.EFaturaHit = len(srv.EFaturaDocuments(companyNIF))
	if !errors.Is(o.Refused, reporting.ErrOtherMethod) {
		return o, fmt.Errorf("e-Fatura registration of %s was not refused as the other method: %v", invoices[0].InvoiceNo, o.Refused)
	}
	p.f("real-time communication of %s refused: %v", invoices[0].InvoiceNo, o.Refused)
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
	entry := time.Date(2022, time.December, 30, 18, 42, 7, 0, lisbon)
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

func saftCustomer(c customer) saft.Customer {
	return saft.Customer{CustomerID: c.id, AccountID: saft.Unknown, CustomerTaxID: c.nif, CompanyName: c.name,
		BillingAddress: c.address}
}

// invoiceOf maps an issued document and its lines to the SAF-T Invoice
// (Portaria 302/2016, 4.1.4).
func invoiceOf(doc issuing.Document, s sale) saft.Invoice {
	day := civil.Date{Year: doc.Date.Year, Month: doc.Date.Month, Day: doc.Date.Day}
	entry := civil.DateTimeOf(doc.SystemEntry)
	inv := saft.Invoice{
		InvoiceNo: doc.DocumentNumber, ATCUD: doc.ATCUD.String(),
		DocumentStatus: saft.InvoiceDocumentStatus{InvoiceStatus: saft.InvoiceStatusNormal, InvoiceStatusDate: entry,
			SourceID: "balcao", SourceBilling: saft.SourceBillingProduced},
		Hash: doc.Hash, HashControl: doc.HashControl, Period: int(day.Month),
		InvoiceDate: day, InvoiceType: s.typ, SourceID: "balcao", SystemEntryDate: entry,
		CustomerID: s.customer.id,
	}
	for i, l := range s.lines {
		amount := decimal.NewFromInt(l.qty).Mul(l.p.price).Round(2)
		rate := l.p.rate
		inv.Line = append(inv.Line, saft.InvoiceLine{
			LineNumber: i + 1, ProductCode: l.p.code, ProductDescription: l.p.description,
			Quantity: decimal.NewFromInt(l.qty), UnitOfMeasure: "UN", UnitPrice: l.p.price, TaxPointDate: day,
			Description: l.p.description, CreditAmount: &amount,
			Tax: &saft.Tax{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: l.p.taxCode, TaxPercentage: &rate},
		})
	}
	t := s.totals()
	inv.DocumentTotals = saft.InvoiceTotals{TaxPayable: t.tax, NetTotal: t.net, GrossTotal: t.gross}
	if s.typ == series.DocumentTypeFS { // paid at the counter
		inv.DocumentTotals.Payment = []saft.PaymentMethod{{PaymentMechanism: saft.PaymentMechanismCash, PaymentAmount: t.gross, PaymentDate: day}}
	}
	return inv
}

// writeSAFT writes the month's invoicing file (TaxAccountingBasis F) with
// the customers, products and tax rates the documents use.
func writeSAFT(path string, header saft.Header, sales []sale, invoices []saft.Invoice, methods reporting.Checker) error {
	var customers []saft.Customer
	var products []saft.Product
	seenC, seenP := map[string]bool{}, map[string]bool{}
	taxes := map[saft.TaxCode]decimal.Decimal{}
	for _, s := range sales {
		if !seenC[s.customer.id] {
			seenC[s.customer.id] = true
			customers = append(customers, saftCustomer(s.customer))
		}
		for _, l := range s.lines {
			taxes[l.p.taxCode] = l.p.rate
			if !seenP[l.p.code] {
				seenP[l.p.code] = true
				products = append(products, saft.Product{ProductType: saft.ProductTypeGoods, ProductCode: l.p.code,
					ProductDescription: l.p.description, ProductNumberCode: l.p.code})
			}
		}
	}
	var table []saft.TaxTableEntry
	for _, code := range []saft.TaxCode{saft.TaxCodeReduced, saft.TaxCodeIntermediate, saft.TaxCodeNormal} {
		if rate, ok := taxes[code]; ok {
			table = append(table, saft.TaxTableEntry{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: code,
				Description: taxDescription[code], TaxPercentage: &rate})
		}
	}
	content := saft.Content{
		Header:        header,
		Customers:     slice(customers),
		Products:      slice(products),
		TaxTable:      table,
		SalesInvoices: slice(invoices),
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	// Write validates the whole file first, and refuses an invoicing file in
	// a year the company communicates by web service.
	if err := saft.Write(f, content, saft.WithReportingMethod(methods)); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("SAF-T file: %w", err)
	}
	return f.Close()
}

var taxDescription = map[saft.TaxCode]string{
	saft.TaxCodeReduced:      "Taxa reduzida",
	saft.TaxCodeIntermediate: "Taxa intermédia",
	saft.TaxCodeNormal:       "Taxa normal",
}

func slice[T any](s []T) func(yield func(*T, error) bool) {
	return func(yield func(*T, error) bool) {
		for i := range s {
			if !yield(&s[i], nil) {
				return
			}
		}
	}
}
