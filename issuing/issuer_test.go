package issuing

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

const (
	testNIF         = "123456789"
	testCertificate = "9999"
	testCode        = "AAJFJMVNTN"
)

// activeSeries returns series id of type t registered at AT, starting at first.
func activeSeries(t testing.TB, id string, typ series.DocumentType, first uint64) series.Series {
	t.Helper()
	start := civil.Date{Year: 2026, Month: time.December, Day: 1}
	s, err := series.New(id, typ, series.NumberOf(first), start, series.WithCertificateNumber(9999))
	require.NoError(t, err)
	s, err = s.Register(testCode, testNIF, time.Date(2026, time.November, 28, 10, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	return s
}

// tickingClock advances one second per call, as a busy till would.
func tickingClock() func() time.Time {
	var mu sync.Mutex
	t := time.Date(2026, time.December, 1, 9, 0, 0, 0, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Second)
		return t
	}
}

func newIssuer(t testing.TB, store Store) *Issuer {
	t.Helper()
	return newIssuerClock(t, store, tickingClock())
}

func newIssuerClock(t testing.TB, store Store, clock func() time.Time) *Issuer {
	t.Helper()
	i, err := New(testNIF, testCertificate, certifytest.Signer(t), store, WithClock(clock))
	require.NoError(t, err)
	return i
}

func draft(total string) Draft {
	return Draft{Date: civil.Date{Year: 2026, Month: time.December, Day: 1}, GrossTotal: decimal.RequireFromString(total)}
}

func TestIssueFirstDocuments(t *testing.T) {
	store := NewMemoryStore()
	iss := newIssuer(t, store)
	s := activeSeries(t, "A", series.DocumentTypeFT, 1)
	ctx := context.Background()

	first, err := iss.Issue(ctx, s, draft("12.30"))
	require.NoError(t, err)
	second, err := iss.Issue(ctx, s, draft("100"))
	require.NoError(t, err)

	assert.Equal(t, "FT A/1", first.DocumentNumber)
	assert.Equal(t, "AAJFJMVNTN-1", first.ATCUD.String())
	assert.Equal(t, "FT A/2", second.DocumentNumber)
	assert.Equal(t, "AAJFJMVNTN-2", second.ATCUD.String())
	assert.Equal(t, "1", first.HashControl)
	assert.Len(t, first.Hash, certify.HashLen)
	assert.Equal(t, string([]byte{first.Hash[0], first.Hash[10], first.Hash[20], first.Hash[30]}), first.HashChars)
	assert.Equal(t, first.HashChars+"-Processado por programa certificado n.º 9999/AT", first.Mention)

	// The second signature covers the first hash: Despacho 8632/2014 §2.1.
	v, err := certify.NewVerifier(certifytest.Key(t).Public())
	require.NoError(t, err)
	require.NoError(t, v.VerifyDocument(second.record().Document, first.Hash, second.Hash))
	require.Error(t, v.VerifyDocument(second.record().Document, "", second.Hash))
	assert.Equal(t, "2026-12-01;2026-12-01T09:00:01;FT A/1;12.30;", first.record().Message(""))
	assert.Equal(t, []Document{first, second}, store.Documents(s.Key()))
}

func TestIssueQRCode(t *testing.T) {
	iss := newIssuer(t, NewMemoryStore())
	s := activeSeries(t, "LOJA1", series.DocumentTypeFS, 1)
	d := draft("12.30")
	d.QR = &qrcode.Document{
		BuyerTaxID: "999999990", BuyerCountry: "PT", DocumentStatus: "N",
		FiscalSpaceI: qrcode.FiscalSpace{Region: "PT", NormalBase: qrcode.Amount(decimal.RequireFromString("10")), NormalVAT: qrcode.Amount(decimal.RequireFromString("2.30"))},
		TaxPayable:   decimal.RequireFromString("2.30"),
	}
	doc, err := iss.Issue(context.Background(), s, d)
	require.NoError(t, err)

	q, err := qrcode.Parse(doc.QR)
	require.NoError(t, err)
	assert.Equal(t, testNIF, q.IssuerNIF)
	assert.Equal(t, "FS", q.DocumentType)
	assert.Equal(t, "FS LOJA1/1", q.DocumentNumber)
	assert.Equal(t, doc.ATCUD.String(), q.ATCUD)
	assert.Equal(t, doc.HashChars, q.Hash)
	assert.Equal(t, testCertificate, q.CertificateNumber)
	assert.Equal(t, "12.30", q.GrossTotal.StringFixed(2))
	assert.Contains(t, doc.QR, "*F:20261201*")
}

// A series registered when it already had documents: the first number is the
// next one, the chain continues from the last document issued before.
func TestIssueExistingSequence(t *testing.T) {
	store := NewMemoryStore()
	s := activeSeries(t, "2026", series.DocumentTypeFT, 1234)
	iss := newIssuer(t, store)
	legacyHash := strings.Repeat("b", certify.HashLen)
	require.NoError(t, store.Seed(Document{
		SeriesKey: s.Key(), Number: 1233, DocumentNumber: "FT 2026/1233",
		Date: civil.Date{Year: 2026, Month: time.November, Day: 30}, SystemEntry: civil.DateTime{Date: civil.Date{Year: 2026, Month: 11, Day: 30}, Hour: 18},
		GrossTotal: decimal.RequireFromString("50"), Hash: legacyHash,
	}))

	doc, err := iss.Issue(context.Background(), s, draft("10"))
	require.NoError(t, err)
	assert.Equal(t, "FT 2026/1234", doc.DocumentNumber)
	assert.Equal(t, "AAJFJMVNTN-1234", doc.ATCUD.String())
	v, err := certify.NewVerifier(certifytest.Key(t).Public())
	require.NoError(t, err)
	require.NoError(t, v.VerifyDocument(doc.record().Document, legacyHash, doc.Hash))
}

// A new series whose numbering starts above 1 (no document before it).
func TestIssueStartsAtFirstNumber(t *testing.T) {
	iss := newIssuer(t, NewMemoryStore())
	doc, err := iss.Issue(context.Background(), activeSeries(t, "B", series.DocumentTypeFT, 500), draft("1"))
	require.NoError(t, err)
	assert.Equal(t, "FT B/500", doc.DocumentNumber)
	assert.Equal(t, "AAJFJMVNTN-500", doc.ATCUD.String())
}

func TestIssueRefuses(t *testing.T) {
	iss := newIssuer(t, NewMemoryStore())
	active := activeSeries(t, "A", series.DocumentTypeFT, 1)
	unregistered, err := series.New("A", series.DocumentTypeFT, series.NumberOf(1), civil.Date{Year: 2026, Month: 12, Day: 1})
	require.NoError(t, err)
	finalized, err := active.Finalize(series.NumberOf(1), "", time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	receipts := activeSeries(t, "R", series.DocumentTypeRG, 1)

	cases := []struct {
		name string
		s    series.Series
		d    Draft
		want error
	}{
		{"unregistered series", unregistered, draft("1"), ErrSeriesNotActive},
		{"finalized series", finalized, draft("1"), ErrSeriesNotActive},
		{"receipt", receipts, draft("1"), ErrNotSigned},
		{"no date", active, Draft{GrossTotal: decimal.NewFromInt(1)}, ErrInvalid},
		{"negative total", active, draft("-1"), ErrInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := iss.Issue(context.Background(), c.s, c.d)
			require.ErrorIs(t, err, c.want)
		})
	}
	// None of the refusals used a number.
	doc, err := iss.Issue(context.Background(), active, draft("1"))
	require.NoError(t, err)
	assert.Equal(t, uint64(1), doc.Number)
}

func TestIssueDateGoingBackIsRefused(t *testing.T) {
	iss := newIssuer(t, NewMemoryStore())
	s := activeSeries(t, "A", series.DocumentTypeFT, 1)
	_, err := iss.Issue(context.Background(), s, draft("1"))
	require.NoError(t, err)
	earlier := draft("1")
	earlier.Date = civil.Date{Year: 2026, Month: time.November, Day: 30}
	_, err = iss.Issue(context.Background(), s, earlier)
	require.ErrorIs(t, err, certify.ErrDateOrder)
	doc, err := iss.Issue(context.Background(), s, draft("1"))
	require.NoError(t, err)
	assert.Equal(t, uint64(2), doc.Number, "a refused document uses no number")
}

// failingStore fails Append on demand, as a database that crashed or lost
// its connection between numbering and recording.
type failingStore struct {
	*MemoryStore
	fail bool
}

func (f *failingStore) Append(ctx context.Context, previous uint64, doc Document) error {
	if f.fail {
		return errors.New("connection lost")
	}
	return f.MemoryStore.Append(ctx, previous, doc)
}

func TestIssueRecordingFailureUsesNoNumber(t *testing.T) {
	store := &failingStore{MemoryStore: NewMemoryStore()}
	clock := tickingClock()
	iss := newIssuerClock(t, store, clock)
	s := activeSeries(t, "A", series.DocumentTypeFT, 1)
	ctx := context.Background()
	first, err := iss.Issue(ctx, s, draft("1"))
	require.NoError(t, err)

	store.fail = true
	_, err = iss.Issue(ctx, s, draft("2"))
	require.Error(t, err)
	store.fail = false

	second, err := iss.Issue(ctx, s, draft("3"))
	require.NoError(t, err)
	assert.Equal(t, uint64(2), second.Number)
	v, err := certify.NewVerifier(certifytest.Key(t).Public())
	require.NoError(t, err)
	require.NoError(t, v.VerifyDocument(second.record().Document, first.Hash, second.Hash))

	// After a restart (a new Issuer on the same store) numbering resumes.
	third, err := newIssuerClock(t, store, clock).Issue(ctx, s, draft("4"))
	require.NoError(t, err)
	assert.Equal(t, uint64(3), third.Number)
	require.NoError(t, v.VerifyDocument(third.record().Document, second.Hash, third.Hash))
}

// Two Issuers (two processes) on one store: the second one's stale view is
// refused by the store, and its next attempt resumes from the store.
func TestIssueConflictBetweenProcesses(t *testing.T) {
	store := NewMemoryStore()
	clock := tickingClock()
	a, b := newIssuerClock(t, store, clock), newIssuerClock(t, store, clock)
	s := activeSeries(t, "A", series.DocumentTypeFT, 1)
	ctx := context.Background()
	_, err := a.Issue(ctx, s, draft("1"))
	require.NoError(t, err)
	_, err = b.Issue(ctx, s, draft("1"))
	require.NoError(t, err) // b had not loaded the series yet: it reads the store
	_, err = a.Issue(ctx, s, draft("1"))
	require.ErrorIs(t, err, ErrConflict)
	doc, err := a.Issue(ctx, s, draft("1"))
	require.NoError(t, err)
	assert.Equal(t, uint64(3), doc.Number)
}

func TestIssueConcurrentOneSeries(t *testing.T) {
	const goroutines, perGoroutine = 8, 1250 // 10,000 documents
	store := NewMemoryStore()
	iss := newIssuer(t, store)
	s := activeSeries(t, "A", series.DocumentTypeFT, 1)

	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < perGoroutine; k++ {
				if _, err := iss.Issue(context.Background(), s, draft(fmt.Sprintf("%d.%02d", k, g))); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}

	docs := store.Documents(s.Key())
	require.Len(t, docs, goroutines*perGoroutine)
	records := make([]certify.Record, len(docs))
	for k, d := range docs {
		require.Equal(t, uint64(k+1), d.Number, "numbers are unique and without gaps")
		require.Equal(t, fmt.Sprintf("FT A/%d", k+1), d.DocumentNumber)
		records[k] = d.record()
	}
	v, err := certify.NewVerifier(certifytest.Key(t).Public())
	require.NoError(t, err)
	require.NoError(t, v.VerifyChain(certify.Chain{}, records), "the chain is unbroken")
}

// blockingStore holds Append of one series until released.
type blockingStore struct {
	*MemoryStore
	block   string
	entered chan struct{}
	release chan struct{}
}

func (b *blockingStore) Append(ctx context.Context, previous uint64, doc Document) error {
	if doc.SeriesKey == b.block {
		close(b.entered)
		<-b.release
	}
	return b.MemoryStore.Append(ctx, previous, doc)
}

func TestIssueSeriesDoNotWaitForEachOther(t *testing.T) {
	slow := activeSeries(t, "A", series.DocumentTypeFT, 1)
	fast := activeSeries(t, "B", series.DocumentTypeFT, 1)
	store := &blockingStore{MemoryStore: NewMemoryStore(), block: slow.Key(), entered: make(chan struct{}), release: make(chan struct{})}
	iss := newIssuer(t, store)

	done := make(chan error, 1)
	go func() {
		_, err := iss.Issue(context.Background(), slow, draft("1"))
		done <- err
	}()
	<-store.entered // series A is held inside its recording
	doc, err := iss.Issue(context.Background(), fast, draft("1"))
	require.NoError(t, err, "series B is issued while series A is busy")
	assert.Equal(t, "FT B/1", doc.DocumentNumber)
	close(store.release)
	require.NoError(t, <-done)
}

// A draft that the signature or the SAF-T file would refuse is refused
// before it is numbered, every violation at once.
func TestIssueRefusesDraft(t *testing.T) {
	iss := newIssuer(t, NewMemoryStore())
	s := activeSeries(t, "A", series.DocumentTypeFT, 1)
	withQR := func(d Draft, q qrcode.Document) Draft { d.QR = &q; return d }
	goodQR := qrcode.Document{BuyerTaxID: "999999990", BuyerCountry: "PT", DocumentStatus: "N",
		FiscalSpaceI: qrcode.FiscalSpace{Region: "PT", NormalBase: qrcode.Amount(decimal.RequireFromString("100.00")),
			NormalVAT: qrcode.Amount(decimal.RequireFromString("23.00"))}, TaxPayable: decimal.RequireFromString("23.00")}
	badBuyer := goodQR
	badBuyer.BuyerTaxID = "999999991" // check digit wrong

	type at struct {
		path string
		code violation.Code
	}
	cases := []struct {
		name string
		d    Draft
		want []at
	}{
		{"no date", Draft{GrossTotal: decimal.NewFromInt(1)}, []at{{"Date", CodeRequired}}},
		{"not a calendar date", Draft{Date: civil.Date{Year: 2026, Month: 2, Day: 30}, GrossTotal: decimal.NewFromInt(1)}, []at{{"Date", CodeDate}}},
		{"five-digit year", Draft{Date: civil.Date{Year: 20260, Month: 2, Day: 3}, GrossTotal: decimal.NewFromInt(1)}, []at{{"Date", CodeDate}}},
		{"negative", draft("-1.00"), []at{{"GrossTotal", CodeGrossTotalNegative}}},
		{"three decimals", draft("123.455"), []at{{"GrossTotal", CodeGrossTotalScale}}},
		{"a tenth of a cent", draft("0.001"), []at{{"GrossTotal", CodeGrossTotalScale}}},
		{"31 integer digits", draft("1" + strings.Repeat("0", 30)), []at{{"GrossTotal", CodeGrossTotalDigits}}},
		{"QR buyer NIF", withQR(draft("123.00"), badBuyer), []at{{"QR.B", CodeQR}}},
		{"three decimals with a QR code: reported once", withQR(draft("123.001"), goodQR), []at{{"GrossTotal", CodeGrossTotalScale}}},
		{"all at once", withQR(Draft{GrossTotal: decimal.RequireFromString("-0.005")}, badBuyer), []at{
			{"Date", CodeRequired}, {"GrossTotal", CodeGrossTotalNegative}, {"GrossTotal", CodeGrossTotalScale}, {"QR.B", CodeQR}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := iss.Issue(context.Background(), s, c.d)
			require.ErrorIs(t, err, ErrInvalid)
			var ve *violation.Error
			require.ErrorAs(t, err, &ve)
			var got []at
			for _, v := range ve.Violations {
				got = append(got, at{v.Path, v.Code})
				assert.True(t, Codes.Valid(v.Code), "%s is in the catalogue", v.Code)
			}
			assert.Equal(t, c.want, got, "%v", err)
		})
	}
	// None of them used a number; what is only written with more digits is
	// issued.
	for i, total := range []string{"123.450", "123.4500", "0"} {
		doc, err := iss.Issue(context.Background(), s, withQR(draft(total), goodQR))
		require.NoError(t, err, total)
		assert.Equal(t, uint64(i+1), doc.Number)
	}
}

// What is issued passes the signature's own check: the draft rules leave
// nothing for certify to refuse later.
func TestIssuedDocumentsVerify(t *testing.T) {
	store := NewMemoryStore()
	iss := newIssuer(t, store)
	s := activeSeries(t, "A", series.DocumentTypeFT, 1)
	for _, total := range []string{"0.01", "123.450", "999999999999999999999999999999.99"} {
		_, err := iss.Issue(context.Background(), s, draft(total))
		require.NoError(t, err, total)
	}
	v, err := certify.NewVerifier(certifytest.Key(t).Public())
	require.NoError(t, err)
	var recs []certify.Record
	for _, d := range store.Documents(s.Key()) {
		recs = append(recs, d.record())
	}
	require.NoError(t, v.VerifyChain(certify.Chain{}, recs))
}

func TestNewRefuses(t *testing.T) {
	_, err := New(testNIF, testCertificate, nil, NewMemoryStore())
	require.ErrorIs(t, err, ErrInvalid)
	assert.True(t, violation.Has(err, CodeRequired))
	assert.ErrorContains(t, err, "signer is required")
	_, err = New(testNIF, testCertificate, certifytest.Signer(t), nil)
	assert.ErrorContains(t, err, "store is required")
	_, err = New(testNIF, "", certifytest.Signer(t), NewMemoryStore())
	assert.ErrorContains(t, err, "certificate")

	// Every argument at once.
	_, err = New("123456780", "12345", nil, nil, WithClock(nil), WithLocation(nil))
	var ve *violation.Error
	require.ErrorAs(t, err, &ve)
	var got []string
	for _, v := range ve.Violations {
		got = append(got, v.Path+" "+string(v.Code))
	}
	assert.Equal(t, []string{"issuerNIF ISSUING-ISSUER-NIF", "certificate ISSUING-CERTIFICATE",
		"signer ISSUING-REQUIRED", "store ISSUING-REQUIRED", "WithClock ISSUING-REQUIRED", "WithLocation ISSUING-REQUIRED"}, got)

	// A 2048-bit key signs with 344 characters, more than SAF-T Hash holds.
	pemKey, err := os.ReadFile("../certify/testdata/test_key_2048.pem")
	require.NoError(t, err)
	k2048, err := certify.ParsePrivateKeyPEM(pemKey, certify.WithAllowedKeySize(2048))
	require.NoError(t, err)
	big, err := certify.NewSigner(k2048, 1)
	require.NoError(t, err)
	_, err = New(testNIF, testCertificate, big, NewMemoryStore())
	assert.True(t, violation.Has(err, CodeKeySize), "%v", err)
}

// SystemEntryDate is Portuguese legal time whatever the clock's zone:
// Lisbon's by default, an hour less in the Azores (Decreto-Lei 17/1996).
func TestSystemEntryInLegalTime(t *testing.T) {
	instant := time.Date(2026, time.December, 1, 12, 0, 0, 0, time.FixedZone("UTC-7", -7*3600)) // 19:00Z
	clock := func() time.Time { return instant }
	for _, tt := range []struct {
		name string
		opts []Option
		want civil.DateTime
	}{
		{"Lisbon by default", nil, civil.DateTime{Date: civil.Date{Year: 2026, Month: time.December, Day: 1}, Hour: 19}},
		{"Azores", []Option{WithLocation(civil.Azores)}, civil.DateTime{Date: civil.Date{Year: 2026, Month: time.December, Day: 1}, Hour: 18}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			iss, err := New(testNIF, testCertificate, certifytest.Signer(t), NewMemoryStore(), append([]Option{WithClock(clock)}, tt.opts...)...)
			require.NoError(t, err)
			d := draft("1")
			s := activeSeries(t, "A", series.DocumentTypeFT, 1)
			doc, err := iss.Issue(context.Background(), s, d)
			require.NoError(t, err)
			assert.Equal(t, tt.want, doc.SystemEntry)
		})
	}
}
