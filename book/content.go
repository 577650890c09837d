package book

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/faturapt/faturapt/certify"
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
)

// Values returns the content types.
func (ContentType) Values() []ContentType {
	return []ContentType{ContentNone, ContentSeed, ContentSAFTInvoice}
}

// Valid reports whether t is a content type.
func (t ContentType) Valid() bool {
	return t == ContentNone || t == ContentSeed || t == ContentSAFTInvoice
}

// Content is what the book keeps of a document besides its number and
// signature: the document itself.
type Content struct {
	Type ContentType
	Data []byte
	// CustomerID and ProductCodes are the master records the document
	// uses (SAF-T CustomerID and ProductCode), exported with it.
	CustomerID   string
	ProductCodes []string
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
		inv.InvoiceNo = doc.DocumentNumber
		inv.ATCUD = doc.ATCUD.String()
		inv.Hash = doc.Hash
		inv.HashControl = doc.HashControl
		inv.InvoiceDate.Year, inv.InvoiceDate.Month, inv.InvoiceDate.Day = doc.Date.Year, doc.Date.Month, doc.Date.Day
		if err := inv.SystemEntryDate.UnmarshalText([]byte(doc.SystemEntry.String())); err != nil {
			return Content{}, err
		}
		// Issued now: the status is as of the entry.
		inv.DocumentStatus.InvoiceStatusDate = inv.SystemEntryDate
		if !inv.DocumentTotals.GrossTotal.Equal(doc.GrossTotal) {
			return Content{}, fmt.Errorf("%w: invoice GrossTotal %s is not the signed %s", ErrInvalid,
				inv.DocumentTotals.GrossTotal.StringFixed(2), doc.GrossTotal.StringFixed(2))
		}
		data, err := json.Marshal(&inv)
		if err != nil {
			return Content{}, err
		}
		c := Content{Type: ContentSAFTInvoice, Data: data, CustomerID: inv.CustomerID}
		for _, l := range inv.Line {
			c.ProductCodes = append(c.ProductCodes, l.ProductCode)
		}
		return c, nil
	}
}

// Invoice decodes a ContentSAFTInvoice content.
func (c Content) Invoice() (*saft.Invoice, error) {
	if c.Type != ContentSAFTInvoice {
		return nil, fmt.Errorf("%w: content is %q, not %q", ErrInvalid, c.Type, ContentSAFTInvoice)
	}
	inv := new(saft.Invoice)
	if err := json.Unmarshal(c.Data, inv); err != nil {
		return nil, fmt.Errorf("book: reading an invoice: %w", err)
	}
	return inv, nil
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
