package book

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/series"
)

// Store is one company's issuing.Store in the book: the last state of each
// series and every document, each recorded with its content in the same
// transaction as its number.
type Store struct {
	b       *Book
	company string
}

var _ issuing.Store = (*Store)(nil)

// Store returns the issuing.Store of the company whose tax number is nif.
func (b *Book) Store(nif string) *Store { return &Store{b: b, company: nif} }

// Company returns the tax number the store keeps documents of.
func (s *Store) Company() string { return s.company }

// Last implements issuing.Store.
func (s *Store) Last(ctx context.Context, seriesKey string) (certify.Chain, bool, error) {
	var (
		n                      int64
		docNo, hash, day, when string
	)
	err := s.b.rdb.QueryRowContext(ctx, `SELECT last_number, last_document, last_hash, last_date, last_entry
		FROM series WHERE company = $1 AND series_key = $2`, s.company, seriesKey).Scan(&n, &docNo, &hash, &day, &when)
	if errors.Is(err, sql.ErrNoRows) || err == nil && n == 0 {
		return certify.Chain{}, false, nil
	}
	if err != nil {
		return certify.Chain{}, false, fmt.Errorf("book: reading series %s: %w", seriesKey, err)
	}
	c := certify.Chain{LastNumber: uint64(n), LastHash: hash}
	if i := strings.LastIndexByte(docNo, '/'); i > 0 {
		c.Series = docNo[:i]
	}
	ld, err := civil.ParseDate(day)
	if err != nil {
		return certify.Chain{}, false, fmt.Errorf("book: series %s: last date: %w", seriesKey, err)
	}
	c.LastDate.Year, c.LastDate.Month, c.LastDate.Day = ld.Year, ld.Month, ld.Day
	if c.LastSystemEntry, err = parseEntry(when); err != nil {
		return certify.Chain{}, false, fmt.Errorf("book: series %s: last system entry: %w", seriesKey, err)
	}
	return c, true, nil
}

// Append implements issuing.Store: it records doc, with no content, as the
// series' next document. Documents issued through Issuer carry their
// content.
func (s *Store) Append(ctx context.Context, previous uint64, doc issuing.Document) error {
	c := Content{}
	if f, ok := ctx.Value(contentKey{}).(ContentFunc); ok && f != nil {
		var err error
		if c, err = f(doc); err != nil {
			return fmt.Errorf("book: content of %s: %w", doc.DocumentNumber, err)
		}
	}
	return s.b.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return s.append(ctx, tx, previous, doc, c)
	})
}

// Seed records the last document a series had before the book kept it (a
// series whose chain continues from documents issued elsewhere), for a
// series with no document in the book yet.
func (s *Store) Seed(ctx context.Context, doc issuing.Document) error {
	return s.b.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var n int64
		err := tx.QueryRowContext(ctx, `SELECT last_number FROM series WHERE company = $1 AND series_key = $2`, s.company, doc.SeriesKey).Scan(&n)
		if err == nil && n != 0 {
			return issuing.ErrConflict
		}
		return s.append(ctx, tx, doc.Number-1, doc, Content{Type: ContentSeed})
	})
}

// append is the compare-and-set of the series and the insert of the
// document, in tx.
func (s *Store) append(ctx context.Context, tx *sql.Tx, previous uint64, doc issuing.Document, c Content) error {
	if err := checkDocument(doc); err != nil {
		return err
	}
	ref, err := series.ParseDocumentNumber(doc.DocumentNumber)
	if err != nil {
		return fmt.Errorf("%w: document number %q: %v", ErrInvalid, doc.DocumentNumber, err)
	}
	date := civil.Date{Year: doc.Date.Year, Month: doc.Date.Month, Day: doc.Date.Day}
	if !date.Valid() {
		return fmt.Errorf("%w: date of %s: %q is not a date", ErrInvalid, doc.DocumentNumber, date)
	}
	day := date.String()
	entry := doc.SystemEntry.String()
	// The compare-and-set: only the process that read the series' last
	// number moves it (on PostgreSQL the row lock makes a concurrent
	// writer wait, then find the number changed and update nothing).
	res, err := s.b.exec(ctx, tx, sqlAdvanceSeries,
		int64(doc.Number), doc.DocumentNumber, doc.Hash, day, entry, s.company, doc.SeriesKey, int64(previous))
	if err != nil {
		return fmt.Errorf("book: recording %s: %w", doc.DocumentNumber, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		res, err = tx.ExecContext(ctx, `INSERT INTO series (company, series_key, document_type, series_id, last_number, last_document, last_hash, last_date, last_entry)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
			s.company, doc.SeriesKey, string(ref.Type), ref.Series, int64(doc.Number), doc.DocumentNumber, doc.Hash, day, entry)
		if err != nil {
			return fmt.Errorf("book: recording %s: %w", doc.DocumentNumber, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return issuing.ErrConflict
		}
	}
	if _, err := s.b.exec(ctx, tx, sqlInsertDocument,
		s.company, doc.SeriesKey, int64(doc.Number), doc.DocumentNumber, string(ref.Type), doc.ATCUD.String(),
		day, entry, doc.GrossTotal.StringFixed(2), doc.Hash, doc.HashControl, doc.QR, c.CustomerID, string(c.Type), string(c.Data)); err != nil {
		return fmt.Errorf("book: recording %s: %w", doc.DocumentNumber, err)
	}
	for _, p := range uniq(c.ProductCodes) {
		if _, err := s.b.exec(ctx, tx, sqlInsertProduct,
			s.company, doc.SeriesKey, int64(doc.Number), p); err != nil {
			return fmt.Errorf("book: recording %s: %w", doc.DocumentNumber, err)
		}
	}
	// In a year communicated by web service, the document waits to be
	// sent to e-Fatura.
	if c.Type != ContentSAFTInvoice {
		return nil
	}
	if _, err := s.b.exec(ctx, tx, sqlQueueEFatura,
		s.company, doc.SeriesKey, int64(doc.Number), day, string(EFaturaPending), yearOf(day), methodWebService); err != nil {
		return fmt.Errorf("book: recording %s: %w", doc.DocumentNumber, err)
	}
	return nil
}

func checkDocument(doc issuing.Document) error {
	var missing []string
	if doc.SeriesKey == "" {
		missing = append(missing, "SeriesKey")
	}
	if doc.Number == 0 {
		missing = append(missing, "Number")
	}
	if doc.Hash == "" {
		missing = append(missing, "Hash")
	}
	if doc.SystemEntry.IsZero() {
		missing = append(missing, "SystemEntry")
	}
	if missing != nil {
		return fmt.Errorf("%w: document %q: %s required", ErrInvalid, doc.DocumentNumber, strings.Join(missing, ", "))
	}
	return nil
}

func uniq(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// Document is an issued document as the book keeps it.
type Document struct {
	issuing.Document
	Company string
	Content Content
}

// Documents returns the documents of a series from number from (1 for
// all) in order, at most limit of them (0: no limit).
func (s *Store) Documents(ctx context.Context, seriesKey string, from uint64, limit int) ([]Document, error) {
	q := `SELECT ` + documentColumns + ` FROM documents WHERE company = $1 AND series_key = $2 AND number >= $3 ORDER BY number`
	args := []any{s.company, seriesKey, int64(from)}
	if limit > 0 {
		q += ` LIMIT $4`
		args = append(args, limit)
	}
	rows, err := s.b.rdb.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("book: reading series %s: %w", seriesKey, err)
	}
	defer rows.Close()
	var docs []Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, rows.Err()
}

// Document returns the document numbered number in the series.
func (s *Store) Document(ctx context.Context, seriesKey string, number uint64) (Document, error) {
	docs, err := s.Documents(ctx, seriesKey, number, 1)
	if err != nil {
		return Document{}, err
	}
	if len(docs) == 0 || docs[0].Number != number {
		return Document{}, fmt.Errorf("%w: document %d of series %s", ErrNotFound, number, seriesKey)
	}
	return docs[0], nil
}

const documentColumns = `company, series_key, number, document_number, atcud, date, system_entry, gross_total,
	hash, hash_control, qr, customer_id, content_type, content`

type scanner interface{ Scan(dest ...any) error }

func scanDocument(r scanner) (Document, error) {
	var (
		d                          Document
		n                          int64
		code, day, when, total, ct string
		content                    string
	)
	if err := r.Scan(&d.Company, &d.SeriesKey, &n, &d.DocumentNumber, &code, &day, &when, &total,
		&d.Hash, &d.HashControl, &d.QR, &d.Content.CustomerID, &ct, &content); err != nil {
		return Document{}, fmt.Errorf("book: reading a document: %w", err)
	}
	d.Number = uint64(n)
	d.Content.Type = ContentType(ct)
	d.Content.Data = []byte(content)
	var err error
	if d.ATCUD, err = atcud.Parse(code); err != nil {
		return Document{}, fmt.Errorf("book: %s: ATCUD: %w", d.DocumentNumber, err)
	}
	date, err := civil.ParseDate(day)
	if err != nil {
		return Document{}, fmt.Errorf("book: %s: date: %w", d.DocumentNumber, err)
	}
	d.Date.Year, d.Date.Month, d.Date.Day = date.Year, date.Month, date.Day
	if d.SystemEntry, err = parseEntry(when); err != nil {
		return Document{}, fmt.Errorf("book: %s: system entry: %w", d.DocumentNumber, err)
	}
	if d.GrossTotal, err = decimal.NewFromString(total); err != nil {
		return Document{}, fmt.Errorf("book: %s: gross total: %w", d.DocumentNumber, err)
	}
	d.HashChars, _ = certify.HashChars(d.Hash)
	return d, nil
}

// Record returns the document as package certify verifies it.
func (d Document) Record() certify.Record {
	r := certify.Record{Hash: d.Hash}
	r.Number = d.DocumentNumber
	r.SystemEntry = d.SystemEntry
	r.GrossTotal = d.GrossTotal
	r.Date.Year, r.Date.Month, r.Date.Day = d.Date.Year, d.Date.Month, d.Date.Day
	return r
}

// parseEntry reads a SystemEntryDate, zone-less as SAF-T carries it.
func parseEntry(s string) (civil.DateTime, error) { return civil.ParseDateTime(s) }

func yearOf(day string) int {
	y, _ := strconv.Atoi(day[:min(4, len(day))])
	return y
}

// The statements of issuing, prepared on SQLite.
const (
	sqlAdvanceSeries = `UPDATE series SET last_number = $1, last_document = $2, last_hash = $3, last_date = $4, last_entry = $5
		WHERE company = $6 AND series_key = $7 AND (last_number = $8 OR last_number = 0)`
	sqlInsertDocument = `INSERT INTO documents (company, series_key, number, document_number, document_type, atcud,
		date, system_entry, gross_total, hash, hash_control, qr, customer_id, content_type, content)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`
	sqlInsertProduct = `INSERT INTO document_products (company, series_key, number, product_code) VALUES ($1, $2, $3, $4)`
	sqlQueueEFatura  = `INSERT INTO efatura (company, series_key, number, date, state)
		SELECT $1, $2, $3, $4, $5 FROM methods WHERE company = $1 AND year = $6 AND method = $7`
)

var hotStatements = []string{sqlAdvanceSeries, sqlInsertDocument, sqlInsertProduct, sqlQueueEFatura}
