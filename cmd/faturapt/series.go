package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/book"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/series"
)

const seriesUsage = `usage: faturapt series SUBCOMMAND [ARGS] [FLAGS]

  new TYPE ID [--start DATE] [--default]
      registers a new series at AT, numbered from 1, and records it with the
      validation code AT gives (the first half of every ATCUD). TYPE is the
      document type (FT, FS, FR, NC, ND, RG, ...).
  existing TYPE ID --next N [--last-hash HASH --last-entry DATETIME] [--start DATE] [--default]
      registers a series that already has documents (issued before series were
      communicated, or by another program) from its next number N (Portaria
      195/2020 art. 7); with the last document's hash and SystemEntryDate the
      signature chain goes on from it (Despacho 8632/2014 §2.1.5).
  list [--json]
      our series (the book) and AT's side by side, differences flagged.
  finalize TYPE ID [--justification TEXT]
      tells AT no document follows the last one the book issued in the series.
  cancel TYPE ID --no-documents
      cancels a series registered in error; AT accepts it only when no document
      was issued in it, which you declare with --no-documents.
  default TYPE ID
      makes the series the default of its document type (faturapt issue uses it).

The first series registered for a type becomes its default; --default makes a
later one the default. Exit status: 0 done, 1 AT or the law refused, 2 bad usage.
`

func cmdSeries(e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, seriesUsage)
		return exitUsage
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "new", "existing":
		return seriesRegister(e, sub, rest)
	case "list":
		return seriesList(e, rest)
	case "finalize", "cancel":
		return seriesEnd(e, sub, rest)
	case "default":
		return seriesDefault(e, rest)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(e.stdout, seriesUsage)
		return exitOK
	}
	return e.fail(exitUsage, "unknown series subcommand %q: new, existing, list, finalize, cancel or default (faturapt series -h)", sub)
}

// typeAndID reads the TYPE ID arguments.
func typeAndID(e *env, fs *flag.FlagSet, rest []string) (series.DocumentType, string, bool) {
	if len(rest) != 2 {
		fs.Usage()
		return "", "", false
	}
	t := series.DocumentType(strings.ToUpper(rest[0]))
	if !t.Valid() {
		var all []string
		for _, v := range t.Values() {
			all = append(all, string(v))
		}
		e.fail(exitUsage, "%q is not a document type: one of %s", rest[0], strings.Join(all, ", "))
		return "", "", false
	}
	return t, rest[1], true
}

func seriesRegister(e *env, sub string, args []string) int {
	fs := e.flags("series "+sub, seriesUsage)
	bf := e.bookFlags(fs)
	sf := e.secretFlags(fs, true, false)
	start := fs.String("start", "", "expected start of use, YYYY-MM-DD (default today)")
	makeDefault := fs.Bool("default", false, "make it the default series of its document type")
	var next *uint64
	var lastHash, lastEntry, lastGross *string
	if sub == "existing" {
		next = fs.Uint64("next", 0, "the number of the next document of the series (required)")
		lastHash = fs.String("last-hash", "", "the Hash of the series' last document, for the chain to go on from it")
		lastEntry = fs.String("last-entry", "", "with --last-hash: that document's SystemEntryDate, YYYY-MM-DDThh:mm:ss")
		lastGross = fs.String("last-gross", "0", "with --last-hash: that document's GrossTotal")
	}
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	t, id, ok := typeAndID(e, fs, rest)
	if !ok {
		return exitUsage
	}
	first := uint64(1)
	if next != nil {
		if *next < 1 {
			return e.fail(exitUsage, "series existing needs --next N, the number of the series' next document")
		}
		first = *next
		if *lastHash != "" && *lastEntry == "" || *lastHash == "" && *lastEntry != "" {
			return e.fail(exitUsage, "--last-hash and --last-entry go together: the last document's Hash and SystemEntryDate")
		}
		if *lastHash != "" && first == 1 {
			return e.fail(exitUsage, "--last-hash: a series whose next number is 1 has no last document")
		}
	}
	ctx, s, code := e.begin(bf)
	if s == nil {
		return code
	}
	defer s.close()
	day := e.today()
	if *start != "" {
		var err error
		if day, err = civil.ParseDate(*start); err != nil {
			return e.fail(exitUsage, "--start: %v", err)
		}
	}
	certNumber, err := strconv.Atoi(s.company.Certificate)
	if err != nil {
		return e.fail(exitUsage, "the book's certificate number %q is not a number: fix it with faturapt init", s.company.Certificate)
	}
	sr, err := series.New(id, t, series.NumberOf(first), day, series.WithCertificateNumber(certNumber))
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	var seed *issuing.Document
	if lastHash != nil && *lastHash != "" {
		if seed, err = seedDocument(sr, first-1, *lastHash, *lastEntry, *lastGross); err != nil {
			return e.fail(exitUsage, "%v", err)
		}
	}
	a, err := s.dial(ctx, sf)
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	defer a.client.Close()
	e.progress("registering %s %s at AT (%s)...", t, id, a.conn.Environment)
	reg, err := a.client.RegisterSeries(ctx, sr)
	if err != nil {
		return e.fail(exitFailed, "AT did not register %s %s: %v", t, id, err)
	}
	if err := s.book.PutSeries(ctx, s.nif, reg); err != nil {
		return e.fail(exitFailed, "AT registered %s %s with validation code %s, but the book could not record it: %v; "+
			"run \"faturapt series list\" once the book is fixed", t, id, reg.ValidationCode, err)
	}
	if seed != nil {
		seed.SeriesKey = reg.Key()
		// Before the registration's first number: issued without ATCUD.
		seed.ATCUD = atcud.Legacy
		if err := s.book.Store(s.nif).Seed(ctx, *seed); err != nil {
			return e.fail(exitFailed, "recording the last document of %s %s: %v", t, id, err)
		}
	}
	isDefault, err := s.makeDefault(ctx, reg, *makeDefault)
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	nextNumber, err := reg.NextNumber()
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	nextDoc, err := reg.DocumentNumber(nextNumber)
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	fmt.Fprintf(e.stdout, "%s %s registered: validation code %s, next document %s, ATCUD %s-%s",
		t, reg.ID, reg.ValidationCode, nextDoc, reg.ValidationCode, nextNumber)
	if isDefault {
		fmt.Fprint(e.stdout, ", the default series of "+string(t))
	}
	fmt.Fprintln(e.stdout)
	if seed != nil {
		fmt.Fprintf(e.stdout, "the chain goes on from %s (hash %s...)\n", seed.DocumentNumber, seed.Hash[:min(12, len(seed.Hash))])
	}
	return exitOK
}

// seedDocument is the last document of a series issued before the book
// kept it.
func seedDocument(s series.Series, number uint64, hash, entry, gross string) (*issuing.Document, error) {
	dt, err := civil.ParseDateTime(entry)
	if err != nil {
		return nil, fmt.Errorf("--last-entry: %w", err)
	}
	g, err := decimal.NewFromString(gross)
	if err != nil {
		return nil, fmt.Errorf("--last-gross %q: %w", gross, err)
	}
	num, err := s.DocumentNumber(series.NumberOf(number))
	if err != nil {
		return nil, err
	}
	return &issuing.Document{Number: number, DocumentNumber: num, Date: dt.Date, SystemEntry: dt, GrossTotal: g, Hash: hash}, nil
}

// makeDefault makes reg its type's default when asked or when the type has
// none yet.
func (s *session) makeDefault(ctx context.Context, reg series.Series, asked bool) (bool, error) {
	if !asked {
		_, err := s.book.DefaultSeries(ctx, s.nif, reg.DocumentType)
		if err == nil {
			return false, nil
		}
		if !errors.Is(err, book.ErrNotFound) {
			return false, err
		}
	}
	return true, s.book.SetDefaultSeries(ctx, s.nif, reg.DocumentType, reg.ID)
}

// entry finds a series of the book.
func (s *session) entry(ctx context.Context, t series.DocumentType, id string) (book.SeriesEntry, error) {
	entries, err := s.book.Series(ctx, s.nif)
	if err != nil {
		return book.SeriesEntry{}, err
	}
	for _, en := range entries {
		if en.Series.DocumentType == t && series.SameID(en.Series.ID, id) {
			return en, nil
		}
	}
	return book.SeriesEntry{}, fmt.Errorf("no series %s %s in the book: \"faturapt series list\" shows them", t, id)
}

func seriesDefault(e *env, args []string) int {
	fs := e.flags("series default", seriesUsage)
	bf := e.bookFlags(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	t, id, ok := typeAndID(e, fs, rest)
	if !ok {
		return exitUsage
	}
	ctx, s, code := e.begin(bf)
	if s == nil {
		return code
	}
	defer s.close()
	en, err := s.entry(ctx, t, id)
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	if err := s.book.SetDefaultSeries(ctx, s.nif, t, en.Series.ID); err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	fmt.Fprintf(e.stdout, "%s %s is the default series of %s\n", t, en.Series.ID, t)
	return exitOK
}

func seriesEnd(e *env, sub string, args []string) int {
	fs := e.flags("series "+sub, seriesUsage)
	bf := e.bookFlags(fs)
	sf := e.secretFlags(fs, true, false)
	var justification *string
	var noDocuments *bool
	if sub == "finalize" {
		justification = fs.String("justification", "", "remarks for AT, at most 4000 characters")
	} else {
		noDocuments = fs.Bool("no-documents", false, "declare that no document was issued in the series (AT requires it)")
	}
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	t, id, ok := typeAndID(e, fs, rest)
	if !ok {
		return exitUsage
	}
	ctx, s, code := e.begin(bf)
	if s == nil {
		return code
	}
	defer s.close()
	en, err := s.entry(ctx, t, id)
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	var check error
	if sub == "finalize" {
		check = en.Series.CanFinalize(series.NumberOf(en.LastNumber), *justification)
	} else {
		check = en.CanCancel(series.CancellationReasonError, *noDocuments)
	}
	if check != nil {
		return e.fail(exitFailed, "%v", check)
	}
	a, err := s.dial(ctx, sf)
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	defer a.client.Close()
	var done series.Series
	if sub == "finalize" {
		e.progress("finalizing %s %s at AT after number %d...", t, en.Series.ID, en.LastNumber)
		done, err = a.client.FinalizeSeries(ctx, en.Series, series.NumberOf(en.LastNumber), *justification)
	} else {
		e.progress("cancelling %s %s at AT...", t, en.Series.ID)
		done, err = a.client.CancelSeries(ctx, en.Series, series.CancellationReasonError, *noDocuments)
	}
	if err != nil {
		return e.fail(exitFailed, "AT refused: %v", err)
	}
	if err := s.book.PutSeries(ctx, s.nif, done); err != nil {
		return e.fail(exitFailed, "AT answered, but the book could not record it: %v", err)
	}
	fmt.Fprintf(e.stdout, "%s %s: %s (%s)\n", t, done.ID, done.Status.DescriptionEN(), done.Status)
	return exitOK
}

// seriesRow is a series in our book, at AT, or both.
type seriesRow struct {
	Type       string   `json:"type"`
	ID         string   `json:"id"`
	Default    bool     `json:"default"`
	LastIssued string   `json:"lastIssued,omitempty"`
	Book       *seenAs  `json:"book"`
	AT         *seenAs  `json:"at"`
	Problems   []string `json:"problems,omitempty"`
}

type seenAs struct {
	ValidationCode string `json:"validationCode"`
	Status         string `json:"status"`
	FirstNumber    string `json:"firstNumber"`
}

func seriesList(e *env, args []string) int {
	fs := e.flags("series list", seriesUsage)
	bf := e.bookFlags(fs)
	sf := e.secretFlags(fs, true, false)
	asJSON := fs.Bool("json", false, "print the list as JSON")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fs.Usage()
		return exitUsage
	}
	ctx, s, code := e.begin(bf)
	if s == nil {
		return code
	}
	defer s.close()
	entries, err := s.book.Series(ctx, s.nif)
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	a, err := s.dial(ctx, sf)
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	defer a.client.Close()
	atSeries, err := a.client.QuerySeries(ctx, atclient.SeriesQuery{})
	if err != nil {
		return e.fail(exitFailed, "asking AT for its series: %v", err)
	}
	rows := map[string]*seriesRow{}
	key := func(t series.DocumentType, id string) string { return string(t) + " " + strings.ToUpper(id) }
	for _, en := range entries {
		r := &seriesRow{Type: string(en.Series.DocumentType), ID: en.Series.ID, Default: en.Default, LastIssued: en.LastDocument,
			Book: &seenAs{ValidationCode: en.Series.ValidationCode, Status: string(en.Series.Status), FirstNumber: en.Series.FirstNumber.String()}}
		rows[key(en.Series.DocumentType, en.Series.ID)] = r
	}
	for _, as := range atSeries {
		k := key(as.DocumentType, as.ID)
		r := rows[k]
		if r == nil {
			r = &seriesRow{Type: string(as.DocumentType), ID: as.ID}
			rows[k] = r
		}
		r.AT = &seenAs{ValidationCode: as.ValidationCode, Status: string(as.Status), FirstNumber: as.FirstNumber.String()}
	}
	var out []seriesRow
	for _, r := range rows {
		switch {
		case r.AT == nil:
			r.Problems = append(r.Problems, "not at AT: register it again or remove it from use")
		case r.Book == nil:
			r.Problems = append(r.Problems, "not in the book: registered by another program, or its answer was lost")
		default:
			if r.Book.ValidationCode != r.AT.ValidationCode {
				r.Problems = append(r.Problems, "validation code differs")
			}
			if r.Book.Status != r.AT.Status {
				r.Problems = append(r.Problems, "status differs")
			}
			if r.Book.FirstNumber != r.AT.FirstNumber {
				r.Problems = append(r.Problems, "first number differs")
			}
		}
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Type != out[j].Type {
			return out[i].Type < out[j].Type
		}
		return out[i].ID < out[j].ID
	})
	if *asJSON {
		if out == nil {
			out = []seriesRow{}
		}
		return e.json(out)
	}
	if len(out) == 0 {
		fmt.Fprintln(e.stdout, "no series, in the book or at AT: register one with \"faturapt series new TYPE ID\"")
		return exitOK
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TYPE\tSERIES\tDEFAULT\tLAST ISSUED\tBOOK\tAT\tDIFFERENCES")
	side := func(v *seenAs) string {
		if v == nil {
			return "-"
		}
		return v.ValidationCode + " " + series.Status(v.Status).DescriptionEN() + " from " + v.FirstNumber
	}
	for _, r := range out {
		def := ""
		if r.Default {
			def = "yes"
		}
		last := r.LastIssued
		if last == "" {
			last = "-"
		}
		diff := strings.Join(r.Problems, "; ")
		if diff == "" {
			diff = "none"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Type, r.ID, def, last, side(r.Book), side(r.AT), diff)
	}
	return exitCode(tw.Flush())
}

func exitCode(err error) int {
	if err != nil {
		return exitFailed
	}
	return exitOK
}
