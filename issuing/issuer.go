package issuing

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/nif"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
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
	SystemEntry    civil.DateTime // SystemEntryDate, to the second, Portuguese legal time
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

// WithClock sets where SystemEntryDate comes from (default time.Now). The
// instant is read in the issuer's location (see [WithLocation]), whatever
// the clock's own zone.
func WithClock(now func() time.Time) Option { return func(i *Issuer) { i.now = now } }

// WithLocation sets the legal time SystemEntryDate is written in (default
// [civil.Lisbon], mainland Portugal and Madeira). An issuer in the Azores
// passes [civil.Azores]: SAF-T carries no zone, and Decreto-Lei 17/1996
// gives the Azores legal time one hour behind Lisbon's.
func WithLocation(loc *time.Location) Option { return func(i *Issuer) { i.loc = loc } }

// Issuer numbers, signs and records documents. It is safe for concurrent
// use: one series is issued one document at a time, different series in
// parallel.
type Issuer struct {
	issuerNIF   string
	certificate string
	signer      *certify.Signer
	store       Store
	now         func() time.Time
	loc         *time.Location

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
// Every argument that breaks a rule is reported at once, in a
// [*violation.Error] (errors.Is(err, ErrInvalid)).
func New(issuerNIF, certificate string, signer *certify.Signer, store Store, opts ...Option) (*Issuer, error) {
	i := &Issuer{issuerNIF: issuerNIF, certificate: certificate, signer: signer, store: store,
		now: time.Now, loc: civil.Lisbon, lines: make(map[string]*line)}
	for _, o := range opts {
		o(i)
	}
	var vs violation.List
	if err := nif.Validate(issuerNIF); err != nil {
		vs.Add("issuerNIF", CodeIssuerNIF, "issuer NIF %q: %v", issuerNIF, err)
	}
	// The QR code's field R holds at most 4 digits (Especificações Técnicas
	// Código QR §4), the printed mention the same number.
	if _, err := certify.IssuedMention(certificate); err != nil || len(certificate) > 4 {
		vs.Add("certificate", CodeCertificate, "certificate number %q must be the 1 to 4 digits AT assigned to the program", certificate)
	}
	if signer == nil {
		vs.Add("signer", CodeRequired, "signer is required")
	} else if signer.Bits() != certify.KeyBits {
		// SAF-T Hash holds 172 characters, a 1024-bit signature in base64.
		vs.Add("signer", CodeKeySize, "the signer's key has %d bits: SAF-T Hash holds the %d-character signature of a %d-bit key (Despacho 8632/2014 §6.2)", signer.Bits(), certify.HashLen, certify.KeyBits)
	}
	if store == nil {
		vs.Add("store", CodeRequired, "store is required")
	}
	if i.now == nil {
		vs.Add("WithClock", CodeRequired, "the clock is nil")
	}
	if i.loc == nil {
		vs.Add("WithLocation", CodeRequired, "the location is nil")
	}
	if err := vs.Err(subject); err != nil {
		return nil, err
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
//
// A draft that the signature or the SAF-T file would refuse is refused
// here, before it is numbered, with every violation at once in a
// [*violation.Error] (errors.Is(err, ErrInvalid)): an issued document can
// always be exported.
func (i *Issuer) Issue(ctx context.Context, s series.Series, d Draft) (Document, error) {
	if err := checkSeries(s); err != nil {
		return Document{}, err
	}
	if err := i.checkDraft(s, d); err != nil {
		return Document{}, err
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
				var vs violation.List
				vs.Add("FirstNumber", CodeFirstNumber, "series %s: first number %s is beyond what the signature chain numbers", s.ID, s.FirstNumber)
				return Document{}, vs.Err(subject)
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
		SystemEntry: civil.DateTimeIn(i.now(), i.loc),
		Number:      number,
		GrossTotal:  d.GrossTotal,
	}
	chain := l.chain
	signing <- struct{}{}
	hash, err := chain.Sign(i.signer, cd)
	<-signing
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
		if doc.QR, err = qrcode.Build(i.qr(s, d, number, code.String(), chars)); err != nil {
			return Document{}, certify.Chain{}, fmt.Errorf("issuing: QR code of %s: %w", number, err)
		}
	}
	return doc, chain, nil
}

// signing bounds the signatures computed at once to the processors Go
// runs goroutines on. A signature is CPU work alone: more at once finish
// no sooner, but they queue every other goroutine behind them, the
// store's among them, which, woken from its I/O (a commit), would find
// dozens of signatures ahead of it in the scheduler's queue while the
// documents waiting for that commit hold their series.
var signing = make(chan struct{}, runtime.GOMAXPROCS(0))

func checkSeries(s series.Series) error {
	if s.ValidationCode == "" || s.Status != series.StatusActive {
		return fmt.Errorf("%w: %s %s (status %q)", ErrSeriesNotActive, s.DocumentType, s.ID, s.Status)
	}
	if s.Class() == series.DocumentClassPY {
		return fmt.Errorf("%w: %s (receipts are numbered but not signed, Despacho 8632/2014 §2.1)", ErrNotSigned, s.DocumentType)
	}
	if strings.TrimSpace(s.ID) == "" {
		var vs violation.List
		vs.Add("ID", CodeRequired, "series identifier is empty")
		return vs.Err(subject)
	}
	return nil
}

// qr is the draft's QR code message with the fields the issuer fills.
func (i *Issuer) qr(s series.Series, d Draft, number, code, hashChars string) qrcode.Document {
	q := *d.QR
	q.IssuerNIF = i.issuerNIF
	q.DocumentType = string(s.DocumentType)
	q.Date = d.Date
	q.DocumentNumber = number
	q.ATCUD = code
	q.GrossTotal = d.GrossTotal
	q.Hash = hashChars
	q.CertificateNumber = i.certificate
	return q
}

// maxGrossTotalDigits is the integer digits of an amount in the signed
// message (certify refuses more).
const maxGrossTotalDigits = 30

// checkDraft refuses, before a number is used, what the signature (package
// certify) or the SAF-T writer would refuse later.
func (i *Issuer) checkDraft(s series.Series, d Draft) error {
	var vs violation.List
	switch {
	case d.Date.IsZero():
		vs.Add("Date", CodeRequired, "the document date is required")
	case !d.Date.Valid():
		vs.Add("Date", CodeDate, "%s is not a calendar date with a four-digit year", d.Date)
	}
	g := d.GrossTotal
	if g.IsNegative() {
		vs.Add("GrossTotal", CodeGrossTotalNegative, "GrossTotal %s is negative (SAF-T SAFmonetaryType, min 0.00)", g)
	}
	// Trailing zeros (123.450) are harmless: the value has 2 decimals.
	if g.Exponent() < -2 && !g.Equal(g.Round(2)) {
		vs.Add("GrossTotal", CodeGrossTotalScale, "GrossTotal %s has more than 2 decimals: the document would be signed with it rounded, and the SAF-T file refuses it (Despacho 8632/2014 §2.6.7); round it before issuing", g)
	}
	if int64(g.NumDigits())+int64(g.Exponent()) > maxGrossTotalDigits {
		vs.Add("GrossTotal", CodeGrossTotalDigits, "GrossTotal has more than %d integer digits", maxGrossTotalDigits)
	}
	if d.QR != nil {
		i.checkQR(s, d, &vs)
	}
	return vs.Err(subject)
}

// issuerFilled are the QR code fields the issuer fills: their rules are
// checked on the draft's own fields (Date, GrossTotal) or by New.
var issuerFilled = map[string]bool{"A": true, "D": true, "F": true, "G": true, "H": true, "Q": true, "R": true}

// checkQR validates the draft's QR code message with the fields the
// issuer fills set to values of the right shape (the number and hash are
// not known yet), and reports the caller's fields that break a rule.
func (i *Issuer) checkQR(s series.Series, d Draft, vs *violation.List) {
	number, err := s.DocumentNumber(s.FirstNumber)
	if err != nil {
		return // refused with the number when the document is built
	}
	code, err := atcud.New(s.ValidationCode, number)
	if err != nil {
		return
	}
	err = i.qr(s, d, number, code.String(), "AAAA").Validate()
	var qe *violation.Error
	if !errors.As(err, &qe) {
		return
	}
	grossReported := slices.ContainsFunc(*vs, func(v violation.Violation) bool { return v.Path == "GrossTotal" })
	for _, v := range qe.Violations {
		if issuerFilled[v.Path] || (v.Path == "O" && grossReported) {
			continue
		}
		vs.Add("QR."+v.Path, CodeQR, "%s: %s", v.Code, v.Message)
	}
}
