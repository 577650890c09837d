package book

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// errReceiptConflict: another process numbered a receipt of the series
// first; the transaction is run again.
var errReceiptConflict = errors.New("book: receipt series moved")

// maxReceiptTries bounds the runs of a receipt's transaction that another
// process overtook.
const maxReceiptTries = 50

// IssueReceipt numbers the receipt r of the company nif in the receipt
// series s (RG, or RC under the cash VAT scheme) and records it, with its
// SAF-T record (SourceDocuments/Payments/Payment) and its customer, in the
// transaction of its number: the next of the series, without a gap across
// processes (the series row's compare-and-set, as for signed documents).
// Receipts are numbered but not signed (Despacho 8632/2014 §2.1), so
// package issuing does not number them and the book does; the receipt
// carries its ATCUD and QR code (Portaria 195/2020), and its
// SystemEntryDate is the book's clock (WithClock) in Portuguese legal
// time. The series must be active with its validation code. A draft that
// document.Receipt refuses is refused with its *violation.Error, and no
// number is used.
func (b *Book) IssueReceipt(ctx context.Context, nif string, s series.Series, r document.ReceiptDraft) (*document.IssuedReceipt, error) {
	if s.Class() != series.DocumentClassPY {
		return nil, fmt.Errorf("%w: series %s %s is not a receipt series (RG or RC)", ErrInvalid, s.DocumentType, s.ID)
	}
	if s.ValidationCode == "" || s.Status != series.StatusActive {
		return nil, fmt.Errorf("%w: receipt series %s %s is not active with a validation code (status %q)", ErrInvalid, s.DocumentType, s.ID, s.Status)
	}
	if err := b.ready(ctx); err != nil {
		return nil, err
	}
	co, err := b.Company(ctx, nif)
	if err != nil {
		return nil, err
	}
	first, ok := s.FirstNumber.Uint64()
	if !ok || first == 0 {
		return nil, fmt.Errorf("%w: receipt series %s: first number %s", ErrInvalid, s.ID, s.FirstNumber)
	}
	key := s.Key()
	for range maxReceiptTries {
		var out *document.IssuedReceipt
		err := b.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
			var last int64
			err := tx.QueryRowContext(ctx, `SELECT last_number FROM series WHERE company = $1 AND series_key = $2`, nif, key).Scan(&last)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("book: receipt series %s: %w", key, err)
			}
			n := uint64(last) + 1
			if last == 0 {
				n = first
			}
			entry := civil.DateTimeIn(b.now(), civil.Lisbon)
			rc, err := document.Receipt(s, series.NumberOf(n), nif, co.Certificate, entry, r)
			if err != nil {
				return err
			}
			day := rc.Payment.TransactionDate.String()
			res, err := tx.ExecContext(ctx, sqlReceiptSeries, nif, key, string(s.DocumentType), s.ID,
				int64(n), rc.Number, day, entry.String(), last)
			if err != nil {
				return fmt.Errorf("book: recording %s: %w", rc.Number, err)
			}
			if moved, _ := res.RowsAffected(); moved == 0 {
				return errReceiptConflict
			}
			c, err := Content{Type: ContentSAFTPayment, CustomerID: rc.Payment.CustomerID}.encode(rc.Payment)
			if err != nil {
				return err
			}
			cu := rc.Customer
			c.Customer = &cu
			if _, err := tx.ExecContext(ctx, sqlInsertDocument, nif, key, int64(n), rc.Number, string(s.DocumentType),
				rc.ATCUD.String(), day, entry.String(), rc.Total.StringFixed(2), "", "", rc.Printed.QR,
				c.CustomerID, string(c.Type), string(c.Data)); err != nil {
				return fmt.Errorf("book: recording %s: %w", rc.Number, err)
			}
			if err := b.Store(nif).putMasters(ctx, tx, c); err != nil {
				return err
			}
			out = rc
			return nil
		})
		if errors.Is(err, errReceiptConflict) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return out, nil
	}
	return nil, fmt.Errorf("book: receipt series %s: overtaken %d times by other processes", key, maxReceiptTries)
}

// sqlReceiptSeries is the compare-and-set of a receipt's series (an
// unsigned series keeps an empty last hash); its row is a document's
// (sqlInsertDocument).
const sqlReceiptSeries = `INSERT INTO series (company, series_key, document_type, series_id,
	last_number, last_document, last_hash, last_date, last_entry)
	VALUES ($1, $2, $3, $4, $5, $6, '', $7, $8)
	ON CONFLICT (company, series_key) DO UPDATE SET last_number = excluded.last_number,
		last_document = excluded.last_document, last_date = excluded.last_date, last_entry = excluded.last_entry
	WHERE series.last_number = $9`

// Payment decodes a ContentSAFTPayment content.
func (c Content) Payment() (*saft.Payment, error) {
	return decodeContent[saft.Payment](c, ContentSAFTPayment)
}
