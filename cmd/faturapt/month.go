package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/faturapt/faturapt/atclient/efatura"
	"github.com/faturapt/faturapt/book"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/nif"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/saft/audit"
)

const monthUsage = `usage: faturapt month YYYY-MM [--out FILE] [--producer-nif NIF]
       faturapt month YYYY-MM --send

In a year whose method is the SAF-T file, writes the month's SAF-T (PT)
invoicing file (TaxAccountingBasis F, Portaria 302/2016) straight from the
book, validated as it is written, then audits it (package saft/audit: schema
rules, control totals, series, ATCUD, arithmetic and every signature with the
book's public keys); the file gets its name (default SAFT_NIF_YYYY-MM.xml) only
once the audit finds no error. A month not over yet is written up to today.
The producer's NIF (the SAF-T header's ProductCompanyTaxID) comes from
--producer-nif or FATURAPT_PRODUCER_NIF.

In a web-service year, shows where the documents stand with e-Fatura; --send
sends every pending document (of any month) and records AT's answers. The
other method is refused: no file in a web-service year, nothing sent in a
SAF-T year.
Exit status: 0 done, 1 refused (the other method, an audit with errors, a
document AT refused or could not receive), 2 bad usage.
`

func cmdMonth(e *env, args []string) int {
	fs := e.flags("month", monthUsage)
	bf := e.bookFlags(fs)
	sf := e.secretFlags(fs, true, false)
	out := fs.String("out", "", "the SAF-T file to write (default SAFT_NIF_YYYY-MM.xml)")
	producer := fs.String("producer-nif", e.getenv("FATURAPT_PRODUCER_NIF"), "the program producer's NIF ($FATURAPT_PRODUCER_NIF)")
	send := fs.Bool("send", false, "send the pending documents to e-Fatura (web-service year)")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		fs.Usage()
		return exitUsage
	}
	t, err := time.Parse("2006-01", rest[0])
	if err != nil {
		return e.fail(exitUsage, "%q is not a month: YYYY-MM, e.g. 2026-06", rest[0])
	}
	year, month := t.Year(), t.Month()
	ctx, s, code := e.begin(bf)
	if s == nil {
		return code
	}
	defer s.close()
	methods, err := s.book.Methods(ctx, s.nif)
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	chosen, _ := methods.Method(year)
	switch {
	case *send:
		if err := methods.Check(year, reporting.MethodWebService); err != nil {
			return e.fail(exitFailed, "nothing sent: %v", hint(err, year))
		}
		return s.send(ctx, sf, methods)
	case chosen == reporting.MethodWebService && *out == "":
		return s.efaturaState(ctx)
	}
	if *producer == "" {
		return e.fail(exitUsage, "the SAF-T header needs the program producer's NIF: give --producer-nif NIF or set FATURAPT_PRODUCER_NIF")
	}
	if err := nif.Validate(*producer); err != nil {
		return e.fail(exitUsage, "--producer-nif: %v", err)
	}
	path := *out
	if path == "" {
		path = fmt.Sprintf("SAFT_%s_%04d-%02d.xml", s.nif, year, int(month))
	}
	return s.writeMonth(ctx, methods, year, month, *producer, path)
}

// hint adds to a refusal of the year's method what to do.
func hint(err error, year int) error {
	switch {
	case errors.Is(err, reporting.ErrNoChoice):
		return fmt.Errorf("%w: choose it with \"faturapt method choose %d saft|webservice\"", err, year)
	case errors.Is(err, reporting.ErrOtherMethod):
		return fmt.Errorf("%w (\"faturapt method show\")", err)
	}
	return err
}

// writeMonth writes the month's file beside path, audits it and gives it
// its name when the audit finds no error.
func (s *session) writeMonth(ctx context.Context, methods reporting.Choices, year int, month time.Month, producer, path string) int {
	e := s.env
	today := e.today()
	header, err := book.MonthlyHeader(s.saftCompany(), s.software(producer), year, month, today)
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	e.progress("reading the documents of %s to %s...", header.StartDate, header.EndDate)
	previous, count, err := s.monthScan(ctx, header.StartDate, header.EndDate)
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	part := path + ".part"
	f, err := os.Create(part)
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	e.progress("writing %d documents to %s...", count, part)
	// nil: the tax table the book recorded with the documents.
	err = s.book.ExportSAFT(ctx, f, s.nif, header, nil, saft.WithReportingMethod(methods))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(part)
		return e.fail(exitFailed, "no file written: %v", hint(err, year))
	}
	e.progress("auditing %s...", part)
	opts := []audit.Option{audit.WithPreviousHashes(previous)}
	for _, k := range s.company.Keys {
		pub, err := parsePublicKey([]byte(k.PublicKey), "the book's key version "+k.Version)
		if err != nil {
			return e.fail(exitFailed, "%v", err)
		}
		v, err := strconv.Atoi(k.Version)
		if err != nil {
			return e.fail(exitFailed, "the book's key version %q is not a number", k.Version)
		}
		opts = append(opts, audit.WithPublicKeyVersion(v, pub))
	}
	rep, err := audit.File(part, opts...)
	if err != nil {
		return e.fail(exitFailed, "auditing %s: %v", part, err)
	}
	if rep.HasErrors() {
		if err := rep.WriteText(e.stdout, part); err != nil {
			return e.fail(exitFailed, "%v", err)
		}
		return e.fail(exitFailed, "the audit found %d errors: the file stays %s, not to be sent; fix the book and write it again", rep.Errors, part)
	}
	if err := os.Rename(part, path); err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	fmt.Fprintf(e.stdout, "%s: SAF-T (PT) invoicing file of %s to %s, %d documents, %d bytes\n", path, header.StartDate, header.EndDate, count, info.Size())
	fmt.Fprintf(e.stdout, "audit: %d errors, %d warnings, %d signatures verified\n", rep.Errors, rep.Warnings, rep.SignaturesChecked)
	for _, f := range rep.Findings {
		fmt.Fprintf(e.stdout, "  %s\n", f)
	}
	fmt.Fprintf(e.stdout, "next: submit it on the Portal das Finanças (e-Fatura) by %s\n", book.Deadline(header.EndDate))
	return exitOK
}

// scanPage is how many documents monthScan reads at once.
var scanPage = 1000

// monthScan reads the documents of the period that the file holds: the
// hash before each series' first document of the period, and their
// number.
func (s *session) monthScan(ctx context.Context, from, to civil.Date) (map[string]string, int, error) {
	entries, err := s.book.Series(ctx, s.nif)
	if err != nil {
		return nil, 0, err
	}
	previous := map[string]string{}
	count := 0
	store := s.book.Store(s.nif)
	for _, en := range entries {
		prevHash, first := "", true
		// A page at a time: memory stays flat however long the series.
		for next := uint64(1); ; {
			docs, err := store.Documents(ctx, en.Series.Key(), next, scanPage)
			if err != nil {
				return nil, 0, err
			}
			if len(docs) == 0 {
				break
			}
			next = docs[len(docs)-1].Number + 1
			for _, d := range docs {
				if d.Date.Before(from) || to.Before(d.Date) || !inFile[d.Content.Type] {
					prevHash = d.Hash
					continue
				}
				if first && prevHash != "" {
					previous[d.DocumentNumber[:strings.LastIndexByte(d.DocumentNumber, '/')]] = prevHash
				}
				first = false
				prevHash = d.Hash
				count++
			}
		}
	}
	return previous, count, nil
}

// inFile are the contents that Book.ExportSAFT writes in the file's
// sections.
var inFile = map[book.ContentType]bool{book.ContentSAFTInvoice: true, book.ContentSAFTWorkDocument: true,
	book.ContentSAFTStockMovement: true, book.ContentSAFTPayment: true}

func (s *session) saftCompany() saft.Company {
	a := s.company.Address
	unknown := func(v string) string {
		if v == "" {
			return saft.Unknown
		}
		return v
	}
	return saft.Company{ID: s.nif, TaxRegistrationNumber: s.nif, Name: s.company.Name,
		Address: saft.Address{AddressDetail: unknown(a.Street), City: unknown(a.City), PostalCode: unknown(a.PostalCode), Country: a.Country}}
}

// software is the program in the SAF-T header: this command, under the
// book's certificate number.
func (s *session) software(producer string) saft.Software {
	version := "devel"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		version = bi.Main.Version
	}
	n, _ := strconv.Atoi(s.company.Certificate)
	return saft.Software{ProducerTaxID: producer, CertificateNumber: n, ProductID: "faturapt/faturapt", Version: version}
}

// send sends the pending documents to e-Fatura; methods are the book's
// choices, which cmdMonth has read.
func (s *session) send(ctx context.Context, sf *secretFlags, methods reporting.Choices) int {
	e := s.env
	a, err := s.dial(ctx, sf)
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	defer a.client.Close()
	n, _ := strconv.Atoi(s.company.Certificate)
	ef, err := efatura.New(a.client, efatura.WithReportingMethod(methods),
		efatura.WithIssuer(efatura.Issuer{TaxRegistrationNumber: s.nif, TaxEntity: "Global", SoftwareCertificateNumber: n}))
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	sender := book.EFaturaSenderFunc(func(ctx context.Context, inv *saft.Invoice) (book.EFaturaAnswer, error) {
		cu, err := s.book.Customer(ctx, s.nif, inv.CustomerID)
		if err != nil {
			return book.EFaturaAnswer{}, err
		}
		e.progress("sending %s to e-Fatura...", inv.InvoiceNo)
		rec, err := ef.RegisterInvoice(ctx, efatura.Invoice{Invoice: inv, Customer: cu})
		if err != nil {
			return book.EFaturaAnswer{}, err
		}
		return book.EFaturaAnswer{Code: "0", Message: rec.Message}, nil
	})
	rep, err := s.book.Communicate(ctx, s.nif, sender)
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	fmt.Fprintf(e.stdout, "e-Fatura: %d sent, %d refused, %d failed (to send again later)\n", rep.Sent, rep.Refused, rep.Failed)
	for _, err := range rep.Errors {
		fmt.Fprintf(e.stdout, "  %v\n", err)
	}
	if code := s.efaturaState(ctx); code != exitOK {
		return code
	}
	if rep.Refused > 0 || rep.Failed > 0 {
		return exitFailed
	}
	return exitOK
}

// efaturaState prints where the documents stand with e-Fatura.
func (s *session) efaturaState(ctx context.Context) int {
	e := s.env
	all, err := s.book.EFatura(ctx, s.nif, "")
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	counts := map[book.EFaturaState]int{}
	for _, st := range all {
		counts[st.State]++
	}
	fmt.Fprintf(e.stdout, "e-Fatura: %d pending, %d sent, %d refused\n", counts[book.EFaturaPending], counts[book.EFaturaSent], counts[book.EFaturaRefused])
	for _, st := range all {
		if st.State == book.EFaturaRefused {
			fmt.Fprintf(e.stdout, "  refused %s/%d: %s\n", st.SeriesKey, st.Number, st.Answer)
		}
	}
	bl, err := s.book.Backlog(ctx, s.nif, e.today())
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	if bl.Pending > 0 {
		fmt.Fprintf(e.stdout, "oldest pending of %s, due by %s (%d late): send with \"faturapt month %s --send\"\n",
			bl.Oldest, bl.Deadline, bl.Late, fmt.Sprintf("%04d-%02d", bl.Oldest.Year, int(bl.Oldest.Month)))
	}
	return exitOK
}
