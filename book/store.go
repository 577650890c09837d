package book

import (
	"context"
	"database/sql"
	"encoding/json"
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
	if s.b.group != nil {
		r, err := s.grouped(previous, doc, c)
		if err != nil {
			return err
		}
		return s.b.group.do(ctx, r)
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
// document, in tx. A conflict is found by the first statement, before
// anything is written.
func (s *Store) append(ctx context.Context, tx *sql.Tx, previous uint64, doc issuing.Document, c Content) error {
	r, err := s.record(previous, doc, c)
	if err != nil {
		return err
	}
	a := r.args
	// The compare-and-set: only the process that read the series' last
	// number moves it. A series the book has no row of yet is inserted.
	res, err := s.b.exec(ctx, tx, sqlAdvanceSeries, a[:10]...)
	if err != nil {
		return fmt.Errorf("book: recording %s: %w", doc.DocumentNumber, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return issuing.ErrConflict
	}
	if _, err := s.b.exec(ctx, tx, sqlInsertDocument, a[0], a[1], a[4], a[5], a[2], a[10], a[7], a[8], a[11],
		a[6], a[12], a[13], a[14], a[15], a[16]); err != nil {
		return fmt.Errorf("book: recording %s: %w", doc.DocumentNumber, err)
	}
	if len(r.products) > 0 {
		q, codes := sqlInsertProducts, any(r.products)
		if s.b.engine == SQLite {
			data, err := json.Marshal(r.products)
			if err != nil {
				return err
			}
			q, codes = sqlInsertProductsSQLite, string(data)
		}
		if _, err := s.b.exec(ctx, tx, q, a[0], a[1], a[4], codes); err != nil {
			return fmt.Errorf("book: recording %s: %w", doc.DocumentNumber, err)
		}
	}
	if c.masters() {
		if err := s.putMasters(ctx, tx, c); err != nil {
			return err
		}
	}
	if !r.queue {
		return nil
	}
	if _, err := s.b.exec(ctx, tx, sqlQueueEFatura, a[0], a[1], a[4], a[7], a[18], a[20], a[21]); err != nil {
		return fmt.Errorf("book: recording %s: %w", doc.DocumentNumber, err)
	}
	return nil
}

// appendReq is one document to record: the arguments of sqlAppend.
type appendReq struct {
	ctx      context.Context
	lock     string // company and series: the order rows are locked in
	number   string // the document number, for errors
	args     []any
	products []string
	queue    bool // content that waits for e-Fatura in a web-service year
	done     chan error
}

// record checks doc and returns the arguments that record it.
func (s *Store) record(previous uint64, doc issuing.Document, c Content) (*appendReq, error) {
	if err := checkDocument(doc); err != nil {
		return nil, err
	}
	ref, err := series.ParseDocumentNumber(doc.DocumentNumber)
	if err != nil {
		return nil, fmt.Errorf("%w: document number %q: %v", ErrInvalid, doc.DocumentNumber, err)
	}
	date := civil.Date{Year: doc.Date.Year, Month: doc.Date.Month, Day: doc.Date.Day}
	if !date.Valid() {
		return nil, fmt.Errorf("%w: date of %s: %q is not a date", ErrInvalid, doc.DocumentNumber, date)
	}
	day := date.String()
	products := uniq(c.ProductCodes)
	// In a year communicated by web service, the document waits to be
	// sent to e-Fatura.
	queue := c.Type == ContentSAFTInvoice
	return &appendReq{
		lock: s.company + "\x00" + doc.SeriesKey, number: doc.DocumentNumber, products: products, queue: queue,
		args: []any{s.company, doc.SeriesKey, string(ref.Type), ref.Series, // $1-$4
			int64(doc.Number), doc.DocumentNumber, doc.Hash, day, doc.SystemEntry.String(), int64(previous), // $5-$10
			doc.ATCUD.String(), doc.GrossTotal.StringFixed(2), doc.HashControl, doc.QR, c.CustomerID, // $11-$15
			string(c.Type), string(c.Data), products, string(EFaturaPending), queue, yearOf(day), methodWebService}, // $16-$22
	}, nil
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
	// sqlAdvanceSeries is the compare-and-set; a series without a row
	// yet gets one.
	sqlAdvanceSeries = `INSERT INTO series (company, series_key, document_type, series_id,
		last_number, last_document, last_hash, last_date, last_entry)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (company, series_key) DO UPDATE SET last_number = excluded.last_number,
			last_document = excluded.last_document, last_hash = excluded.last_hash,
			last_date = excluded.last_date, last_entry = excluded.last_entry
		WHERE series.last_number = $10 OR series.last_number = 0`
	sqlInsertDocument = `INSERT INTO documents (company, series_key, number, document_number, document_type, atcud,
		date, system_entry, gross_total, hash, hash_control, qr, customer_id, content_type, content)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`
	// The document's products in one statement: the codes as an array
	// on PostgreSQL, as a JSON array on SQLite.
	sqlInsertProducts = `INSERT INTO document_products (company, series_key, number, product_code)
		SELECT $1, $2, $3, code FROM unnest($4::text[]) AS code`
	sqlInsertProductsSQLite = `INSERT INTO document_products (company, series_key, number, product_code)
		SELECT $1, $2, $3, value FROM json_each($4)`
	sqlQueueEFatura = `INSERT INTO efatura (company, series_key, number, date, state)
		SELECT $1, $2, $3, $4, $5 FROM methods WHERE company = $1 AND year = $6 AND method = $7`
)

// sqlAppend records a document on PostgreSQL in one statement: the
// compare-and-set (s: a row when it moved the series, on PostgreSQL under
// the series row's lock), then, only from that row, the document, its
// products, its e-Fatura state and the master records it brought that the
// book has not. It returns 1 when the document was
// recorded, 0 when the series had moved on. The trigger that checks the
// document against its series sees the series as s left it (a trigger's
// queries see the changes of the statement that fired it).
const sqlAppend = `WITH s AS (` + sqlAdvanceSeries + ` RETURNING last_number),
	d AS (INSERT INTO documents (company, series_key, number, document_number, document_type, atcud,
		date, system_entry, gross_total, hash, hash_control, qr, customer_id, content_type, content)
		SELECT $1, $2, s.last_number, $6, $3, $11, $8, $9, $12, $7, $13, $14, $15, $16, $17 FROM s
		RETURNING number),
	p AS (INSERT INTO document_products (company, series_key, number, product_code)
		SELECT $1, $2, d.number, code FROM d, unnest($18::text[]) AS code),
	e AS (INSERT INTO efatura (company, series_key, number, date, state)
		SELECT $1, $2, d.number, $8, $19 FROM d, methods m
		WHERE $20 AND m.company = $1 AND m.year = $21 AND m.method = $22),
	mc AS (INSERT INTO customers (company, customer_id, content)
		SELECT $1, k, v FROM d, unnest($23::text[], $24::text[]) AS m(k, v) ON CONFLICT DO NOTHING),
	mp AS (INSERT INTO products (company, product_code, content)
		SELECT $1, k, v FROM d, unnest($25::text[], $26::text[]) AS m(k, v) ON CONFLICT DO NOTHING),
	mt AS (INSERT INTO tax_entries (company, entry_key, content)
		SELECT $1, k, v FROM d, unnest($27::text[], $28::text[]) AS m(k, v) ON CONFLICT DO NOTHING)
	SELECT count(*) FROM d`

// grouped returns what the grouper sends to record doc: the arguments of
// sqlAppend.
func (s *Store) grouped(previous uint64, doc issuing.Document, c Content) (*appendReq, error) {
	r, err := s.record(previous, doc, c)
	if err != nil {
		return nil, err
	}
	masters, err := masterArgs(c)
	if err != nil {
		return nil, fmt.Errorf("book: recording %s: %w", doc.DocumentNumber, err)
	}
	r.args = append(r.args, masters...)
	return r, nil
}

// masterArgs are the master records of c as sqlAppend takes them ($23 to
// $28): the keys and JSON of its customer, products and tax table
// entries, each key once, the first kept (as Store.putMasters keeps
// them: a master record already in the book is not replaced).
func masterArgs(c Content) ([]any, error) {
	var keys, data [3][]string
	type kindKey struct {
		i   int
		key string
	}
	seen := map[kindKey]bool{}
	add := func(i int, key string, v any) error {
		if key == "" || seen[kindKey{i, key}] {
			return nil
		}
		seen[kindKey{i, key}] = true
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		keys[i], data[i] = append(keys[i], key), append(data[i], string(b))
		return nil
	}
	if c.Customer != nil {
		if err := add(0, c.Customer.CustomerID, c.Customer); err != nil {
			return nil, err
		}
	}
	for i := range c.Products {
		if err := add(1, c.Products[i].ProductCode, &c.Products[i]); err != nil {
			return nil, err
		}
	}
	for i := range c.TaxTable {
		if err := add(2, taxEntryKey(&c.TaxTable[i]), &c.TaxTable[i]); err != nil {
			return nil, err
		}
	}
	return []any{keys[0], data[0], keys[1], data[1], keys[2], data[2]}, nil
}

var hotStatements = []string{sqlAdvanceSeries, sqlInsertDocument, sqlInsertProductsSQLite, sqlQueueEFatura}
