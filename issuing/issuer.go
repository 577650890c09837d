package issuing

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/series"
)

// Sentinel errors of Issue; the returned errors wrap them with the series
// and the field concerned.
var (
	// ErrSeriesNotActive: the series has no validation code from AT, or is
	// finalized or cancelled (series manual §1.3.3: only an active series
	// is used to issue documents).
	ErrSeriesNotActive = errors.New("issuing: series is not registered and active")
	// ErrNotSigned: the document type is of class PY (receipts), which
	// Despacho 8632/2014 §2.1 does not sign.
	ErrNotSigned = errors.New("issuing: document type is not signed")
	// ErrInvalidDraft: the draft breaks a rule (missing date, negative
	// total, ...).
	ErrInvalidDraft = errors.New("issuing: invalid draft")
)

// Draft is what the caller knows of a document before it is issued.
type Draft struct {
	// Date is InvoiceDate, MovementDate or WorkDate, by document class.
	Date civil.Date
	// GrossTotal is the document's total with taxes in EUR (Despacho
	// 8632/2014 §2.1.7), signed and printed in field O of the QR code.
	GrossTotal decimal.Decimal
	// QR, when not nil, is the QR code message without the fields the
	// issuer fills: A (issuer NIF), D (type), F (date), G (number), H
	// (ATCUD), O (gross total), Q (hash characters) and R (certificate).
	// Leave it nil for a document that prints no QR code.
	QR *qrcode.Document
}

// Document is an issued document: what to store, and what to print.
type Document struct {
	SeriesKey      string      // series.Key of the series, the Store's key
	Number         uint64      // the number in the series
	DocumentNumber string      // SAF-T InvoiceNo / DocumentNumber, "FT A/12"
	ATCUD          atcud.ATCUD // the validation code and number, or "0"
	Date           civil.Date
	SystemEntry    time.Time // SystemEntryDate, to the second
	GrossTotal     decimal.Decimal
	Hash           string // SAF-T Hash: the document's signature
	HashControl    string // SAF-T HashControl: the key version

	HashChars string // the 4 characters printed (Despacho §2.2.2)
	Mention   string // "XXXX-Processado por programa certificado n.º NNNN/AT"
	QR        string // the QR code message, "" when the draft had none
}

// record is the document as package certify sees it.
func (d Document) record() certify.Record {
	return certify.Record{Document: certify.Document{
		Date:        d.Date,
		SystemEntry: d.SystemEntry,
		Number:      d.DocumentNumber,
		GrossTotal:  d.GrossTotal,
	}, Hash: d.Hash}
}

// Option configures an Issuer.
type Option func(*Issuer)

// WithClock sets where SystemEntryDate comes from (default time.Now). Its
// wall clock is used as read, so give Portuguese local time.
func WithClock(now func() time.Time) Option { return func(i *Issuer) { i.now = now } }

// Issuer numbers, signs and records documents. It is safe for concurrent
// use: one series is issued one document at a time, different series in
// parallel.
type Issuer struct {
	issuerNIF   string
	certificate string
	signer      *certify.Signer
	store       Store
	now         func() time.Time

	mu    sync.Mutex
	lines map[string]*line
}

// line is the in-memory state of one series, valid while loaded.
type line struct {
	mu     sync.Mutex
	loaded bool
	chain  certify.Chain
	last   uint64 // last number recorded; 0 with none
}

// New returns an Issuer for the company issuerNIF (QR field A), signing
// with signer as the program certified under certificate (the number AT
// gave the program, e.g. "9999": QR field R and the printed mention).
func New(issuerNIF, certificate string, signer *certify.Signer, store Store, opts ...Option) (*Issuer, error) {
	switch {
	case signer == nil:
		return nil, errors.New("issuing: New: signer is required")
	case store == nil:
		return nil, errors.New("issuing: New: store is required")
	}
	if _, err := certify.IssuedMention(certificate); err != nil {
		return nil, fmt.Errorf("issuing: certificate: %w", err)
	}
	i := &Issuer{issuerNIF: issuerNIF, certificate: certificate, signer: signer, store: store,
		now: time.Now, lines: make(map[string]*line)}
	for _, o := range opts {
		o(i)
	}
	return i, nil
}

func (i *Issuer) line(key string) *line {
	i.mu.Lock()
	defer i.mu.Unlock()
	l := i.lines[key]
	if l == nil {
		l = &line{}
		i.lines[key] = l
	}
	return l
}

// Issue gives the draft the next number of s, its ATCUD and its signature
// chained to the previous document of s, records it in the Store and
// returns it. On any error nothing is recorded and the number is not used.
func (i *Issuer) Issue(ctx context.Context, s series.Series, d Draft) (Document, error) {
	if err := checkSeries(s); err != nil {
		return Document{}, err
	}
	if d.Date.IsZero() {
		return Document{}, fmt.Errorf("%w: Date is required", ErrInvalidDraft)
	}
	if d.GrossTotal.IsNegative() {
		return Document{}, fmt.Errorf("%w: GrossTotal %s is negative", ErrInvalidDraft, d.GrossTotal.StringFixed(2))
	}

	key := s.Key()
	l := i.line(key)
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.loaded {
		chain, found, err := i.store.Last(ctx, key)
		if err != nil {
			return Document{}, fmt.Errorf("issuing: reading series %s: %w", key, err)
		}
		l.chain, l.last = chain, chain.LastNumber
		if !found {
			first, ok := s.FirstNumber.Uint64()
			if !ok {
				return Document{}, fmt.Errorf("%w: series %s: first number %s is beyond what the signature chain numbers", ErrInvalidDraft, s.ID, s.FirstNumber)
			}
			l.chain, l.last = certify.Chain{}, first-1
		}
		l.loaded = true
	}

	doc, chain, err := i.build(s, key, l, d)
	if err != nil {
		return Document{}, err
	}
	if err := i.store.Append(ctx, l.last, doc); err != nil {
		// The store is the truth: read it again before the next document.
		l.loaded = false
		return Document{}, fmt.Errorf("issuing: recording %s: %w", doc.DocumentNumber, err)
	}
	l.chain, l.last = chain, doc.Number
	return doc, nil
}

// build numbers and signs the next document of l without changing l.
func (i *Issuer) build(s series.Series, key string, l *line, d Draft) (Document, certify.Chain, error) {
	n := l.last + 1
	number, err := s.DocumentNumber(series.NumberOf(n))
	if err != nil {
		return Document{}, certify.Chain{}, err
	}
	code := atcud.Legacy
	if s.ATCUDApplies(series.NumberOf(n)) {
		if code, err = atcud.New(s.ValidationCode, number); err != nil {
			return Document{}, certify.Chain{}, err
		}
	}
	cd := certify.Document{
		Date:        d.Date,
		SystemEntry: i.now().Truncate(time.Second),
		Number:      number,
		GrossTotal:  d.GrossTotal,
	}
	chain := l.chain
	hash, err := chain.Sign(i.signer, cd)
	if err != nil {
		return Document{}, certify.Chain{}, fmt.Errorf("issuing: signing %s: %w", number, err)
	}
	chars, err := certify.HashChars(hash)
	if err != nil {
		return Document{}, certify.Chain{}, err
	}
	mention, err := certify.ProcessedMention(hash, i.certificate)
	if err != nil {
		return Document{}, certify.Chain{}, err
	}
	doc := Document{
		SeriesKey: key, Number: n, DocumentNumber: number, ATCUD: code,
		Date: d.Date, SystemEntry: cd.SystemEntry, GrossTotal: d.GrossTotal,
		Hash: hash, HashControl: i.signer.HashControl(),
		HashChars: chars, Mention: mention,
	}
	if d.QR != nil {
		q := *d.QR
		q.IssuerNIF = i.issuerNIF
		q.DocumentType = string(s.DocumentType)
		q.Date = d.Date
		q.DocumentNumber = number
		q.ATCUD = code.String()
		q.GrossTotal = d.GrossTotal
		q.Hash = chars
		q.CertificateNumber = i.certificate
		if doc.QR, err = qrcode.Build(q); err != nil {
			return Document{}, certify.Chain{}, fmt.Errorf("issuing: QR code of %s: %w", number, err)
		}
	}
	return doc, chain, nil
}

func checkSeries(s series.Series) error {
	if s.ValidationCode == "" || s.Status != series.StatusActive {
		return fmt.Errorf("%w: %s %s (status %q)", ErrSeriesNotActive, s.DocumentType, s.ID, s.Status)
	}
	if s.Class() == series.DocumentClassPY {
		return fmt.Errorf("%w: %s (receipts are numbered but not signed, Despacho 8632/2014 §2.1)", ErrNotSigned, s.DocumentType)
	}
	if strings.TrimSpace(s.ID) == "" {
		return fmt.Errorf("%w: series identifier is empty", ErrInvalidDraft)
	}
	return nil
}
