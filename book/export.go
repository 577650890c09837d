package book

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
)

// PutCustomer records the customer master record c of the company nif (or
// its new version), exported with the documents that name it.
func (b *Book) PutCustomer(ctx context.Context, nif string, c saft.Customer) error {
	if c.CustomerID == "" {
		return fmt.Errorf("%w: customer: CustomerID is required", ErrInvalid)
	}
	return b.putMaster(ctx, `customers`, `customer_id`, nif, c.CustomerID, c)
}

// Customer returns the customer master record id of the company nif.
func (b *Book) Customer(ctx context.Context, nif, id string) (saft.Customer, error) {
	var data string
	err := b.rdb.QueryRowContext(ctx, `SELECT content FROM customers WHERE company = $1 AND customer_id = $2`, nif, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return saft.Customer{}, fmt.Errorf("%w: customer %s of %s", ErrNotFound, id, nif)
	}
	if err != nil {
		return saft.Customer{}, fmt.Errorf("book: customer %s of %s: %w", id, nif, err)
	}
	var c saft.Customer
	if err := json.Unmarshal([]byte(data), &c); err != nil {
		return saft.Customer{}, fmt.Errorf("book: customer %s of %s: %w", id, nif, err)
	}
	return c, nil
}

// PutProduct records the product master record p of the company nif.
func (b *Book) PutProduct(ctx context.Context, nif string, p saft.Product) error {
	if p.ProductCode == "" {
		return fmt.Errorf("%w: product: ProductCode is required", ErrInvalid)
	}
	return b.putMaster(ctx, `products`, `product_code`, nif, p.ProductCode, p)
}

func (b *Book) putMaster(ctx context.Context, table, keyCol, nif, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("book: %s %s: %w", table, key, err)
	}
	return b.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (company, `+keyCol+`, content) VALUES ($1, $2, $3)
			ON CONFLICT (company, `+keyCol+`) DO UPDATE SET content = excluded.content`, nif, key, string(data))
		if err != nil {
			return fmt.Errorf("book: %s %s: %w", table, key, err)
		}
		return nil
	})
}

// Status is a status change of an issued document: a new row of the book,
// never a change of the signed one.
type Status struct {
	// Status is InvoiceStatusCancelled (A) or InvoiceStatusBilled (F): the
	// same letters in the status of every SAF-T section, but a receipt is
	// only cancelled (PaymentStatus N or A).
	Status saft.InvoiceStatus
	Reason string
	At     time.Time // when; its wall clock is recorded, as SystemEntryDate's
}

// SetStatus records that the document number of the series changed status
// (ErrNotFound when the book has no such document).
func (b *Book) SetStatus(ctx context.Context, nif, seriesKey string, number uint64, st Status) error {
	if st.Status != saft.InvoiceStatusCancelled && st.Status != saft.InvoiceStatusBilled {
		return fmt.Errorf("%w: status %q (A or F)", ErrInvalid, st.Status)
	}
	if st.At.IsZero() {
		st.At = b.now()
	}
	return b.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var ct string
		err := tx.QueryRowContext(ctx, `SELECT content_type FROM documents WHERE company = $1 AND series_key = $2 AND number = $3`,
			nif, seriesKey, int64(number)).Scan(&ct)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("%w: document %d of series %s", ErrNotFound, number, seriesKey)
		case err != nil:
			return fmt.Errorf("book: status of %s/%d: %w", seriesKey, number, err)
		case ct == string(ContentSAFTPayment) && st.Status != saft.InvoiceStatusCancelled:
			return fmt.Errorf("%w: status %q of a receipt (only A, PaymentStatus)", ErrInvalid, st.Status)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO document_events (company, series_key, number, seq, status, reason, at)
			SELECT company, series_key, number,
				(SELECT count(*) + 1 FROM document_events e WHERE e.company = $1 AND e.series_key = $2 AND e.number = $3), $4, $5, $6
			FROM documents WHERE company = $1 AND series_key = $2 AND number = $3`,
			nif, seriesKey, int64(number), string(st.Status), st.Reason, civil.DateTimeOf(st.At).String())
		if err != nil {
			return fmt.Errorf("book: status of %s/%d: %w", seriesKey, number, err)
		}
		return nil
	})
}

// ExportSAFT writes the SAF-T (PT) file of header's period for the company
// nif straight from the book: the documents dated in the period, each in
// its section (invoices in SalesInvoices, transport documents in
// MovementOfGoods, working documents in WorkingDocuments, receipts in
// Payments) in the order they were issued, with their latest status, and
// the customers and products they use, streamed with memory that does not
// grow with the number of documents. header is written as given
// (saft.MonthlyInvoicingHeader builds the month's invoicing file's; the
// invoicing file holds all four sections, Portaria 302/2016 Annex I,
// 1.f); taxTable is the tax table to write, nil for the entries recorded
// with the documents' content (FromDocument); opts are saft.Write's
// (saft.WithReportingMethod with Book.Methods refuses the file of a
// web-service year).
func (b *Book) ExportSAFT(ctx context.Context, w io.Writer, nif string, header saft.Header, taxTable []saft.TaxTableEntry, opts ...saft.Option) error {
	if err := b.ready(ctx); err != nil {
		return err
	}
	start, err := civil.ParseDate(header.StartDate.String())
	if err != nil {
		return fmt.Errorf("%w: header StartDate: %v", ErrInvalid, err)
	}
	end, err := civil.ParseDate(header.EndDate.String())
	if err != nil {
		return fmt.Errorf("%w: header EndDate: %v", ErrInvalid, err)
	}
	from, to := start.String(), end.String()
	if taxTable == nil {
		if taxTable, err = b.taxTable(ctx, nif); err != nil {
			return err
		}
	}
	c := saft.Content{Header: header, TaxTable: taxTable}
	const inTypes = `IN ($4, $5, $6, $7)`
	args := append([]any{nif, from, to}, saftTypes...)
	c.Customers = queryJSON[saft.Customer](ctx, b, `SELECT content FROM customers WHERE company = $1 AND customer_id IN
		(SELECT customer_id FROM documents WHERE company = $1 AND content_type `+inTypes+` AND date BETWEEN $2 AND $3)
		ORDER BY customer_id`, args...)
	c.Products = queryJSON[saft.Product](ctx, b, `SELECT content FROM products WHERE company = $1 AND product_code IN
		(SELECT p.product_code FROM document_products p JOIN documents d
			ON d.company = p.company AND d.series_key = p.series_key AND d.number = p.number
			WHERE d.company = $1 AND d.content_type `+inTypes+` AND d.date BETWEEN $2 AND $3)
		ORDER BY product_code`, args...)
	c.SalesInvoices = records(ctx, b, nif, from, to, ContentSAFTInvoice, func(inv *saft.Invoice, st string, at civil.DateTime, reason string) {
		inv.DocumentStatus.InvoiceStatus, inv.DocumentStatus.InvoiceStatusDate, inv.DocumentStatus.Reason = saft.InvoiceStatus(st), at, reason
	})
	// The sections other than SalesInvoices are written when the period
	// has documents of theirs.
	var has [3]bool
	const exists = `EXISTS (SELECT 1 FROM documents WHERE company = $1 AND content_type = %s AND date BETWEEN $2 AND $3)`
	if err := b.rdb.QueryRowContext(ctx, `SELECT `+fmt.Sprintf(exists, "$4")+`, `+fmt.Sprintf(exists, "$5")+`, `+fmt.Sprintf(exists, "$6"),
		nif, from, to, string(ContentSAFTStockMovement), string(ContentSAFTWorkDocument), string(ContentSAFTPayment)).Scan(&has[0], &has[1], &has[2]); err != nil {
		return fmt.Errorf("book: export: %w", err)
	}
	if has[0] {
		c.MovementOfGoods = records(ctx, b, nif, from, to, ContentSAFTStockMovement, func(m *saft.StockMovement, st string, at civil.DateTime, reason string) {
			m.DocumentStatus.MovementStatus, m.DocumentStatus.MovementStatusDate, m.DocumentStatus.Reason = saft.MovementStatus(st), at, reason
		})
	}
	if has[1] {
		c.WorkingDocuments = records(ctx, b, nif, from, to, ContentSAFTWorkDocument, func(wd *saft.WorkDocument, st string, at civil.DateTime, reason string) {
			wd.DocumentStatus.WorkStatus, wd.DocumentStatus.WorkStatusDate, wd.DocumentStatus.Reason = saft.WorkStatus(st), at, reason
		})
	}
	if has[2] {
		c.Payments = records(ctx, b, nif, from, to, ContentSAFTPayment, func(p *saft.Payment, st string, at civil.DateTime, reason string) {
			p.DocumentStatus.PaymentStatus, p.DocumentStatus.PaymentStatusDate, p.DocumentStatus.Reason = saft.PaymentStatus(st), at, reason
		})
	}
	return saft.Write(w, c, opts...)
}

// taxTable returns the tax table entries recorded with the company's
// documents.
func (b *Book) taxTable(ctx context.Context, nif string) ([]saft.TaxTableEntry, error) {
	var out []saft.TaxTableEntry
	for e, err := range queryJSON[saft.TaxTableEntry](ctx, b, `SELECT content FROM tax_entries WHERE company = $1 ORDER BY entry_key`, nif) {
		if err != nil {
			return nil, err
		}
		out = append(out, *e)
	}
	return out, nil
}

// queryJSON yields the JSON records of a query's one column, decoded.
func queryJSON[T any](ctx context.Context, b *Book, q string, args ...any) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		rows, err := b.rdb.QueryContext(ctx, q, args...)
		if err != nil {
			yield(nil, fmt.Errorf("book: export: %w", err))
			return
		}
		defer rows.Close()
		var data []byte
		for rows.Next() {
			if err := rows.Scan(&data); err != nil {
				yield(nil, fmt.Errorf("book: export: %w", err))
				return
			}
			v := new(T)
			if err := json.Unmarshal(data, v); err != nil {
				yield(nil, fmt.Errorf("book: export: %w", err))
				return
			}
			if !yield(v, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(nil, fmt.Errorf("book: export: %w", err))
		}
	}
}

// records yields the documents of content type t dated in the period, in
// the order they were issued, each with its latest status change, which
// status sets.
func records[T any](ctx context.Context, b *Book, nif, from, to string, t ContentType,
	status func(rec *T, status string, at civil.DateTime, reason string)) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		rows, err := b.rdb.QueryContext(ctx, `SELECT d.document_number, d.content,
			COALESCE((SELECT e.status || '|' || e.at || '|' || e.reason FROM document_events e
				WHERE e.company = d.company AND e.series_key = d.series_key AND e.number = d.number
				ORDER BY e.seq DESC LIMIT 1), '')
			FROM documents d WHERE d.company = $1 AND d.content_type = $4 AND d.date BETWEEN $2 AND $3
			ORDER BY d.date, d.system_entry, d.series_key, d.number`, nif, from, to, string(t))
		if err != nil {
			yield(nil, fmt.Errorf("book: export: %w", err))
			return
		}
		defer rows.Close()
		var (
			data          []byte
			number, event string
		)
		for rows.Next() {
			if err := rows.Scan(&number, &data, &event); err != nil {
				yield(nil, fmt.Errorf("book: export: %w", err))
				return
			}
			rec := new(T)
			if err := json.Unmarshal(data, rec); err != nil {
				yield(nil, fmt.Errorf("book: export: %s: %w", number, err))
				return
			}
			if event != "" {
				st, at, reason, err := parseEvent(event)
				if err != nil {
					yield(nil, fmt.Errorf("book: export: %s: %w", number, err))
					return
				}
				status(rec, st, at, reason)
			}
			if !yield(rec, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(nil, fmt.Errorf("book: export: %w", err))
		}
	}
}

// parseEvent reads a status change, "status|at|reason".
func parseEvent(change string) (status string, at civil.DateTime, reason string, err error) {
	parts := strings.SplitN(change, "|", 3)
	if len(parts) != 3 {
		return "", civil.DateTime{}, "", errors.New("malformed status change")
	}
	if at, err = civil.ParseDateTime(parts[1]); err != nil {
		return "", civil.DateTime{}, "", err
	}
	return parts[0], at, parts[2], nil
}

// MonthlyHeader returns the header of the month's SAF-T (PT) invoicing
// file created on today (saft.MonthlyInvoicingHeader), its period cut at
// today when the month is not over: a file runs from the start of its
// period to its end or to the day it is generated, if earlier (Portaria
// 302/2016, Annex I, 1.c). A month that has not begun on today is refused
// (ErrInvalid).
func MonthlyHeader(c saft.Company, s saft.Software, year int, month time.Month, today civil.Date) (saft.Header, error) {
	if month < time.January || month > time.December {
		return saft.Header{}, fmt.Errorf("%w: month %d is not 1 to 12", ErrInvalid, int(month))
	}
	h := saft.MonthlyInvoicingHeader(c, s, year, month, today)
	if today.Before(h.StartDate) {
		return saft.Header{}, fmt.Errorf("%w: %04d-%02d has not begun on %s", ErrInvalid, year, int(month), today)
	}
	if today.Before(h.EndDate) {
		h.EndDate = today
	}
	return h, nil
}
