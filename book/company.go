package book

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/series"
)

// Company is a company whose documents the book keeps. The private
// signing key stays with the caller: the book keeps the public key of
// each version, to verify the chain.
type Company struct {
	NIF         string // tax number, the key of every row of the company
	Name        string
	Address     Address
	Certificate string // the program's AT certificate number, e.g. "9999"
	Keys        []KeyVersion
}

// Address is the company's head office address.
type Address struct {
	Street, City, PostalCode, Country string
}

// KeyVersion is a signing key version in use (SAF-T HashControl) and its
// public key in PEM.
type KeyVersion struct {
	Version   string
	PublicKey string
}

// PutCompany records co, or replaces its name, address and certificate
// number, and adds its key versions (a key version once recorded is never
// changed: documents were signed with it).
func (b *Book) PutCompany(ctx context.Context, co Company) error {
	var bad []string
	if strings.TrimSpace(co.NIF) == "" {
		bad = append(bad, "NIF is required")
	}
	if strings.TrimSpace(co.Name) == "" {
		bad = append(bad, "Name is required")
	}
	if strings.TrimSpace(co.Certificate) == "" {
		bad = append(bad, "Certificate is required")
	}
	for i, k := range co.Keys {
		if k.Version == "" || k.PublicKey == "" {
			bad = append(bad, fmt.Sprintf("Keys[%d]: Version and PublicKey are required", i))
		}
	}
	if bad != nil {
		return fmt.Errorf("%w: company %q: %s", ErrInvalid, co.NIF, strings.Join(bad, "; "))
	}
	return b.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO companies (company, name, street, city, postal_code, country, certificate)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (company) DO UPDATE SET name = excluded.name, street = excluded.street, city = excluded.city,
				postal_code = excluded.postal_code, country = excluded.country, certificate = excluded.certificate`,
			co.NIF, co.Name, co.Address.Street, co.Address.City, co.Address.PostalCode, co.Address.Country, co.Certificate); err != nil {
			return fmt.Errorf("book: company %s: %w", co.NIF, err)
		}
		for _, k := range co.Keys {
			res, err := tx.ExecContext(ctx, `INSERT INTO signing_keys (company, version, public_key) VALUES ($1, $2, $3)
				ON CONFLICT DO NOTHING`, co.NIF, k.Version, k.PublicKey)
			if err != nil {
				return fmt.Errorf("book: company %s: key %s: %w", co.NIF, k.Version, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				var have string
				if err := tx.QueryRowContext(ctx, `SELECT public_key FROM signing_keys WHERE company = $1 AND version = $2`,
					co.NIF, k.Version).Scan(&have); err != nil {
					return fmt.Errorf("book: company %s: key %s: %w", co.NIF, k.Version, err)
				}
				if strings.TrimSpace(have) != strings.TrimSpace(k.PublicKey) {
					return fmt.Errorf("%w: company %s: key version %s is recorded with another key", ErrInvalid, co.NIF, k.Version)
				}
			}
		}
		return nil
	})
}

// Company returns the company nif.
func (b *Book) Company(ctx context.Context, nif string) (Company, error) {
	co := Company{NIF: nif}
	err := b.rdb.QueryRowContext(ctx, `SELECT name, street, city, postal_code, country, certificate FROM companies WHERE company = $1`, nif).
		Scan(&co.Name, &co.Address.Street, &co.Address.City, &co.Address.PostalCode, &co.Address.Country, &co.Certificate)
	if errors.Is(err, sql.ErrNoRows) {
		return Company{}, fmt.Errorf("%w: company %s", ErrNotFound, nif)
	}
	if err != nil {
		return Company{}, fmt.Errorf("book: company %s: %w", nif, err)
	}
	rows, err := b.rdb.QueryContext(ctx, `SELECT version, public_key FROM signing_keys WHERE company = $1 ORDER BY version`, nif)
	if err != nil {
		return Company{}, fmt.Errorf("book: company %s: %w", nif, err)
	}
	defer rows.Close()
	for rows.Next() {
		var k KeyVersion
		if err := rows.Scan(&k.Version, &k.PublicKey); err != nil {
			return Company{}, err
		}
		co.Keys = append(co.Keys, k)
	}
	return co, rows.Err()
}

// Companies returns the tax numbers of the companies in the book, in order.
func (b *Book) Companies(ctx context.Context) ([]string, error) {
	rows, err := b.rdb.QueryContext(ctx, `SELECT company FROM companies ORDER BY company`)
	if err != nil {
		return nil, fmt.Errorf("book: companies: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// SeriesEntry is a series in the registry: as AT answered for it, and how
// far it has been issued.
type SeriesEntry struct {
	Series       series.Series
	Default      bool   // the default series of its document type
	LastNumber   uint64 // 0 before the first document
	LastDocument string
	LastHash     string
}

// CanCancel reports whether the series e may be cancelled at AT
// (series.Series.CanCancel), refusing first a series with documents in the
// book (series.ErrDocumentsIssued): AT accepts the cancellation only with
// the declaration that no document was issued in it, and the book may
// know of documents AT does not know yet; such a series is finalized.
func (e SeriesEntry) CanCancel(reason series.CancellationReason, declaredNoDocuments bool) error {
	if e.LastNumber > 0 {
		return fmt.Errorf("%w: %s %s has documents in the book (the last %s): it cannot be cancelled; finalize it instead",
			series.ErrDocumentsIssued, e.Series.DocumentType, e.Series.ID, e.LastDocument)
	}
	return e.Series.CanCancel(reason, declaredNoDocuments)
}

// PutSeries records s, or its new state, in the company's registry: its
// validation code and status as the series service answered. The numbering
// state of the series is never touched.
func (b *Book) PutSeries(ctx context.Context, nif string, s series.Series) error {
	if s.ID == "" || !s.DocumentType.Valid() {
		return fmt.Errorf("%w: series %q of type %q", ErrInvalid, s.ID, s.DocumentType)
	}
	reg, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("book: series %s: %w", s.Key(), err)
	}
	return b.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO series (company, series_key, document_type, series_id, validation_code, status, registration)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (company, series_key) DO UPDATE SET validation_code = excluded.validation_code,
				status = excluded.status, registration = excluded.registration`,
			nif, s.Key(), string(s.DocumentType), s.ID, s.ValidationCode, string(s.Status), string(reg))
		if err != nil {
			return fmt.Errorf("book: series %s: %w", s.Key(), err)
		}
		return nil
	})
}

// SetDefaultSeries makes the registered series id the default of its
// document type t.
func (b *Book) SetDefaultSeries(ctx context.Context, nif string, t series.DocumentType, id string) error {
	key := series.Key(t, id)
	return b.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var reg string
		err := tx.QueryRowContext(ctx, `SELECT registration FROM series WHERE company = $1 AND series_key = $2`, nif, key).Scan(&reg)
		if errors.Is(err, sql.ErrNoRows) || err == nil && reg == "" {
			return fmt.Errorf("%w: series %s is not registered in the book", ErrNotFound, key)
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO default_series (company, document_type, series_key) VALUES ($1, $2, $3)
			ON CONFLICT (company, document_type) DO UPDATE SET series_key = excluded.series_key`, nif, string(t), key)
		return err
	})
}

// DefaultSeries returns the default series of the document type t.
func (b *Book) DefaultSeries(ctx context.Context, nif string, t series.DocumentType) (series.Series, error) {
	var reg string
	err := b.rdb.QueryRowContext(ctx, `SELECT s.registration FROM default_series d JOIN series s
		ON s.company = d.company AND s.series_key = d.series_key WHERE d.company = $1 AND d.document_type = $2`, nif, string(t)).Scan(&reg)
	if errors.Is(err, sql.ErrNoRows) {
		return series.Series{}, fmt.Errorf("%w: no default series of %s for %s", ErrNotFound, t, nif)
	}
	if err != nil {
		return series.Series{}, fmt.Errorf("book: default series: %w", err)
	}
	var s series.Series
	if err := json.Unmarshal([]byte(reg), &s); err != nil {
		return series.Series{}, fmt.Errorf("book: default series: %w", err)
	}
	return s, nil
}

// Series returns the company's registered series, by key.
func (b *Book) Series(ctx context.Context, nif string) ([]SeriesEntry, error) {
	rows, err := b.rdb.QueryContext(ctx, `SELECT s.registration, s.last_number, s.last_document, s.last_hash,
		CASE WHEN d.series_key IS NULL THEN 0 ELSE 1 END
		FROM series s LEFT JOIN default_series d ON d.company = s.company AND d.series_key = s.series_key
		WHERE s.company = $1 AND s.registration <> '' ORDER BY s.series_key`, nif)
	if err != nil {
		return nil, fmt.Errorf("book: series of %s: %w", nif, err)
	}
	defer rows.Close()
	var out []SeriesEntry
	for rows.Next() {
		var (
			e   SeriesEntry
			reg string
			n   int64
			def int
		)
		if err := rows.Scan(&reg, &n, &e.LastDocument, &e.LastHash, &def); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(reg), &e.Series); err != nil {
			return nil, fmt.Errorf("book: series of %s: %w", nif, err)
		}
		e.LastNumber, e.Default = uint64(n), def == 1
		out = append(out, e)
	}
	return out, rows.Err()
}

// methodWebService is reporting.MethodWebService as the book stores it.
const methodWebService = string(reporting.MethodWebService)

// SetMethod records the communication method of the company for year (one
// a year, Decreto-Lei 198/2012 art. 3.º). Choosing the year's method again
// does nothing; choosing the other one is refused with a
// *reporting.MethodError (reporting.ErrOtherMethod): the year's documents
// are communicated by the method first chosen. From then on the documents
// of a web-service year wait to be communicated (Communicate).
func (b *Book) SetMethod(ctx context.Context, nif string, year int, m reporting.Method) error {
	if err := (reporting.Choice{Year: year, Method: m}).Validate(); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return b.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var chosen string
		err := tx.QueryRowContext(ctx, `SELECT method FROM methods WHERE company = $1 AND year = $2`, nif, year).Scan(&chosen)
		switch {
		case err == nil && chosen == string(m):
			return nil
		case err == nil:
			return &reporting.MethodError{Year: year, Chosen: reporting.Method(chosen), Attempted: m}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO methods (company, year, method) VALUES ($1, $2, $3)`,
			nif, year, string(m)); err != nil {
			return err
		}
		if m != reporting.MethodWebService {
			return nil
		}
		// The year's documents issued before the choice wait too.
		_, err = tx.ExecContext(ctx, `INSERT INTO efatura (company, series_key, number, date, state)
			SELECT company, series_key, number, date, $1 FROM documents
			WHERE company = $2 AND date BETWEEN $3 AND $4 AND content_type = $5
			ON CONFLICT DO NOTHING`, string(EFaturaPending), nif, fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year),
			string(ContentSAFTInvoice))
		return err
	})
}

// Methods returns the company's methods, by year: a reporting.Checker for
// saft.WithReportingMethod and a setup.MethodRecord.
func (b *Book) Methods(ctx context.Context, nif string) (reporting.Choices, error) {
	rows, err := b.rdb.QueryContext(ctx, `SELECT year, method FROM methods WHERE company = $1 ORDER BY year`, nif)
	if err != nil {
		return nil, fmt.Errorf("book: methods of %s: %w", nif, err)
	}
	defer rows.Close()
	var cs reporting.Choices
	for rows.Next() {
		var c reporting.Choice
		var m string
		if err := rows.Scan(&c.Year, &m); err != nil {
			return nil, err
		}
		c.Method = reporting.Method(m)
		cs = append(cs, c)
	}
	return cs, rows.Err()
}
