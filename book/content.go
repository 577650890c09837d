package book

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// ContentType says what a document's content holds.
type ContentType string

// The content types.
const (
	// ContentNone: the document was recorded through the plain
	// issuing.Store, without content.
	ContentNone ContentType = ""
	// ContentSeed: the last document of a series issued before the book
	// kept it (Store.Seed): only its chain fields.
	ContentSeed ContentType = "seed"
	// ContentSAFTInvoice: the SAF-T (PT) record of an invoice
	// (SourceDocuments/SalesInvoices/Invoice), as JSON of saft.Invoice.
	ContentSAFTInvoice ContentType = "saft.Invoice"
	// ContentSAFTWorkDocument: the SAF-T (PT) record of a working
	// document, a document shown to the customer to check goods or
	// services (SourceDocuments/WorkingDocuments/WorkDocument), as JSON of
	// saft.WorkDocument.
	ContentSAFTWorkDocument ContentType = "saft.WorkDocument"
	// ContentSAFTStockMovement: the SAF-T (PT) record of a transport
	// document (SourceDocuments/MovementOfGoods/StockMovement), as JSON of
	// saft.StockMovement.
	ContentSAFTStockMovement ContentType = "saft.StockMovement"
	// ContentSAFTPayment: the SAF-T (PT) record of a receipt, numbered but
	// not signed (SourceDocuments/Payments/Payment; Book.IssueReceipt), as
	// JSON of saft.Payment.
	ContentSAFTPayment ContentType = "saft.Payment"
)

// Values returns the content types.
func (ContentType) Values() []ContentType {
	return []ContentType{ContentNone, ContentSeed, ContentSAFTInvoice, ContentSAFTWorkDocument, ContentSAFTStockMovement, ContentSAFTPayment}
}

// Valid reports whether t is a content type.
func (t ContentType) Valid() bool { return slices.Contains(t.Values(), t) }

// saftTypes are the content types ExportSAFT writes, each in its section.
var saftTypes = []any{string(ContentSAFTInvoice), string(ContentSAFTWorkDocument), string(ContentSAFTStockMovement), string(ContentSAFTPayment)}

// Content is what the book keeps of a document besides its number and
// signature: the document itself.
type Content struct {
	Type ContentType
	Data []byte
	// CustomerID and ProductCodes are the master records the document
	// uses (SAF-T CustomerID and ProductCode), exported with it.
	CustomerID   string
	ProductCodes []string
	// Customer, Products and TaxTable, when set, are the master records
	// themselves, recorded with the document where the book has none of
	// their key yet: the first record of a key is kept, as a customer's or
	// product's data does not change once documents use it (Despacho
	// 8632/2014 §3.3.3 to §3.3.5). Book.PutCustomer and PutProduct replace
	// a record on purpose.
	Customer *saft.Customer
	Products []saft.Product
	TaxTable []saft.TaxTableEntry
}

// ContentFunc builds a document's content once it is numbered and signed,
// so that the content carries its number, ATCUD and hash.
type ContentFunc func(issuing.Document) (Content, error)

// SAFTInvoice returns the ContentFunc of the invoice inv: the issued
// document's InvoiceNo, ATCUD, Hash, HashControl, InvoiceDate and
// SystemEntryDate are set from what was issued (and the status date, to
// the entry), the rest is kept as given; its GrossTotal must be the one
// signed.
func SAFTInvoice(inv saft.Invoice) ContentFunc {
	return func(doc issuing.Document) (Content, error) {
		inv := inv
		inv.InvoiceNo, inv.ATCUD, inv.Hash, inv.HashControl = doc.DocumentNumber, doc.ATCUD.String(), doc.Hash, doc.HashControl
		inv.InvoiceDate = doc.Date
		inv.SystemEntryDate = doc.SystemEntry
		// Issued now: the status is as of the entry.
		inv.DocumentStatus.InvoiceStatusDate = inv.SystemEntryDate
		if err := sameTotal("invoice", inv.DocumentTotals.GrossTotal, doc); err != nil {
			return Content{}, err
		}
		return invoiceContent(&inv)
	}
}

// SAFTWorkDocument returns the ContentFunc of the working document w, as
// SAFTInvoice does for an invoice: its DocumentNumber, ATCUD, Hash,
// HashControl, WorkDate, SystemEntryDate and status date are set from what
// was issued; its GrossTotal must be the one signed.
func SAFTWorkDocument(w saft.WorkDocument) ContentFunc {
	return func(doc issuing.Document) (Content, error) {
		w := w
		w.DocumentNumber, w.ATCUD, w.Hash, w.HashControl = doc.DocumentNumber, doc.ATCUD.String(), doc.Hash, doc.HashControl
		w.WorkDate = doc.Date
		w.SystemEntryDate = doc.SystemEntry
		w.DocumentStatus.WorkStatusDate = w.SystemEntryDate
		if err := sameTotal("working document", w.DocumentTotals.GrossTotal, doc); err != nil {
			return Content{}, err
		}
		return workDocumentContent(&w)
	}
}

// SAFTStockMovement returns the ContentFunc of the transport document m,
// as SAFTInvoice does for an invoice: its DocumentNumber, ATCUD, Hash,
// HashControl, MovementDate, SystemEntryDate and status date are set from
// what was issued; its GrossTotal must be the one signed.
func SAFTStockMovement(m saft.StockMovement) ContentFunc {
	return func(doc issuing.Document) (Content, error) {
		m := m
		m.DocumentNumber, m.ATCUD, m.Hash, m.HashControl = doc.DocumentNumber, doc.ATCUD.String(), doc.Hash, doc.HashControl
		m.MovementDate = doc.Date
		m.SystemEntryDate = doc.SystemEntry
		m.DocumentStatus.MovementStatusDate = m.SystemEntryDate
		if err := sameTotal("transport document", m.DocumentTotals.GrossTotal, doc); err != nil {
			return Content{}, err
		}
		return stockMovementContent(&m)
	}
}

// FromDocument returns the ContentFunc of the document c, computed by
// package document: the SAF-T record that document.IssueComputed returns
// (an invoice, a working document or a transport document, by the type of
// its series) with its customer, products and tax table entries, all
// recorded with its number. Issue c through Issuer.Issuing with it:
//
//	ctx = book.WithContent(ctx, book.FromDocument(c))
//	issued, err := document.IssueComputed(ctx, bookIssuer.Issuing(), s, c)
func FromDocument(c *document.Computed) ContentFunc {
	return func(doc issuing.Document) (Content, error) {
		is := c.Issued(doc)
		var (
			out Content
			err error
		)
		switch {
		case is.Invoice != nil:
			out, err = invoiceContent(is.Invoice)
		case is.WorkDocument != nil:
			out, err = workDocumentContent(is.WorkDocument)
		case is.StockMovement != nil:
			out, err = stockMovementContent(is.StockMovement)
		default:
			return Content{}, fmt.Errorf("%w: document %s of type %s has no SAF-T record", ErrInvalid, doc.DocumentNumber, c.Draft.Type)
		}
		if err != nil {
			return Content{}, err
		}
		cu := is.Customer
		out.Customer, out.Products, out.TaxTable = &cu, is.Products, is.TaxTable
		return out, nil
	}
}

func sameTotal(what string, total decimal.Decimal, doc issuing.Document) error {
	if !total.Equal(doc.GrossTotal) {
		return fmt.Errorf("%w: %s GrossTotal %s is not the signed %s", ErrInvalid, what,
			total.StringFixed(2), doc.GrossTotal.StringFixed(2))
	}
	return nil
}

func invoiceContent(inv *saft.Invoice) (Content, error) {
	c := Content{Type: ContentSAFTInvoice, CustomerID: inv.CustomerID}
	for _, l := range inv.Line {
		c.ProductCodes = append(c.ProductCodes, l.ProductCode)
	}
	return c.encode(inv)
}

func workDocumentContent(w *saft.WorkDocument) (Content, error) {
	c := Content{Type: ContentSAFTWorkDocument, CustomerID: w.CustomerID}
	for _, l := range w.Line {
		c.ProductCodes = append(c.ProductCodes, l.ProductCode)
	}
	return c.encode(w)
}

func stockMovementContent(m *saft.StockMovement) (Content, error) {
	// A movement names a customer or a supplier; the book keeps
	// customers.
	c := Content{Type: ContentSAFTStockMovement, CustomerID: m.CustomerID}
	for _, l := range m.Line {
		c.ProductCodes = append(c.ProductCodes, l.ProductCode)
	}
	return c.encode(m)
}

func (c Content) encode(v any) (Content, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return Content{}, err
	}
	c.Data = data
	return c, nil
}

// Invoice decodes a ContentSAFTInvoice content.
func (c Content) Invoice() (*saft.Invoice, error) {
	return decodeContent[saft.Invoice](c, ContentSAFTInvoice)
}

// WorkDocument decodes a ContentSAFTWorkDocument content.
func (c Content) WorkDocument() (*saft.WorkDocument, error) {
	return decodeContent[saft.WorkDocument](c, ContentSAFTWorkDocument)
}

// StockMovement decodes a ContentSAFTStockMovement content.
func (c Content) StockMovement() (*saft.StockMovement, error) {
	return decodeContent[saft.StockMovement](c, ContentSAFTStockMovement)
}

func decodeContent[T any](c Content, t ContentType) (*T, error) {
	if c.Type != t {
		return nil, fmt.Errorf("%w: content is %q, not %q", ErrInvalid, c.Type, t)
	}
	v := new(T)
	if err := json.Unmarshal(c.Data, v); err != nil {
		return nil, fmt.Errorf("book: reading a %s: %w", t, err)
	}
	return v, nil
}

// masters reports whether c carries master records.
func (c *Content) masters() bool { return c.Customer != nil || c.Products != nil || c.TaxTable != nil }

// putMasters records the master records that came with a document's
// content, in the document's transaction, keeping those the book has.
func (s *Store) putMasters(ctx context.Context, tx *sql.Tx, c Content) error {
	put := func(table, keyCol, key string, v any) error {
		data, err := json.Marshal(v)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO `+table+` (company, `+keyCol+`, content) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING`, s.company, key, string(data))
		return err
	}
	if c.Customer != nil && c.Customer.CustomerID != "" {
		if err := put("customers", "customer_id", c.Customer.CustomerID, c.Customer); err != nil {
			return fmt.Errorf("book: customer %s: %w", c.Customer.CustomerID, err)
		}
	}
	for i := range c.Products {
		if p := &c.Products[i]; p.ProductCode != "" {
			if err := put("products", "product_code", p.ProductCode, p); err != nil {
				return fmt.Errorf("book: product %s: %w", p.ProductCode, err)
			}
		}
	}
	for i := range c.TaxTable {
		e := &c.TaxTable[i]
		if err := put("tax_entries", "entry_key", taxEntryKey(e), e); err != nil {
			return fmt.Errorf("book: tax table entry %s: %w", taxEntryKey(e), err)
		}
	}
	return nil
}

// taxEntryKey identifies a tax table entry: its tax, region, code and rate
// or amount.
func taxEntryKey(e *saft.TaxTableEntry) string {
	k := string(e.TaxType) + "/" + e.TaxCountryRegion + "/" + string(e.TaxCode) + "/"
	switch {
	case e.TaxPercentage != nil:
		k += e.TaxPercentage.String() + "%"
	case e.TaxAmount != nil:
		k += e.TaxAmount.String()
	}
	return k
}

type contentKey struct{}

// Issuer issues one company's documents into the book: an issuing.Issuer
// whose Store is the book, and that records each document's content in
// the same transaction as its number.
type Issuer struct {
	iss   *issuing.Issuer
	store *Store
}

// Issuer returns an Issuer for the company nif, registered with
// PutCompany (its certificate number is the book's), signing with signer.
// It refuses a book whose schema is not the code's (ErrNotMigrated,
// ErrSchemaNewer).
func (b *Book) Issuer(ctx context.Context, nif string, signer *certify.Signer, opts ...issuing.Option) (*Issuer, error) {
	if err := b.ready(ctx); err != nil {
		return nil, err
	}
	co, err := b.Company(ctx, nif)
	if err != nil {
		return nil, err
	}
	st := b.Store(nif)
	iss, err := issuing.New(co.NIF, co.Certificate, signer, st, opts...)
	if err != nil {
		return nil, err
	}
	return &Issuer{iss: iss, store: st}, nil
}

// Store returns the issuer's store.
func (i *Issuer) Store() *Store { return i.store }

// Issuing returns the issuing.Issuer under i, for code that issues through
// an *issuing.Issuer (package document): documents issued through it are
// recorded in the book, with the content that WithContent put in their
// context.
func (i *Issuer) Issuing() *issuing.Issuer { return i.iss }

// WithContent returns a context that makes the book record, with the
// document issued under it, the content that content builds. Issuer.Issue
// does it; code that issues through Issuing uses it.
func WithContent(ctx context.Context, content ContentFunc) context.Context {
	return context.WithValue(ctx, contentKey{}, content)
}

// Issue issues the draft in series s (issuing.Issuer.Issue) and records it
// with the content that content builds from the issued document; nil
// content records none. When Issue returns nil the document and its content
// are durable; on an error neither was recorded and the number was not
// used.
func (i *Issuer) Issue(ctx context.Context, s series.Series, d issuing.Draft, content ContentFunc) (issuing.Document, error) {
	if content != nil {
		ctx = WithContent(ctx, content)
	}
	return i.iss.Issue(ctx, s, d)
}
