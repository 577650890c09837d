package certify

import (
	"errors"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seriesDocument is document i (from 0) of the test series "FT A".
func seriesDocument(i int) Document {
	t0 := time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC)
	return Document{
		Date:        civil.DateOf(t0.Add(time.Duration(i) * time.Hour)),
		SystemEntry: civil.DateTimeOf(t0.Add(time.Duration(i) * time.Hour)),
		Number:      "FT A/" + itoa(i+1),
		GrossTotal:  decimal.New(int64(i*37+1), -2),
	}
}

// signedSeries signs n documents of series "FT A" from number 1.
func signedSeries(t testing.TB, s *Signer, n int) []Record {
	t.Helper()
	var c Chain
	recs := make([]Record, n)
	for i := range recs {
		d := seriesDocument(i)
		h, err := c.Sign(s, d)
		require.NoError(t, err)
		recs[i] = Record{Document: d, Hash: h}
	}
	return recs
}

func itoa(i int) string { return strconv.Itoa(i) }

func testVerifier(t testing.TB, s *Signer, opts ...Option) *Verifier {
	t.Helper()
	v, err := NewVerifier(s.Public(), opts...)
	require.NoError(t, err)
	return v
}

func TestVerifyOne(t *testing.T) {
	s := testSigner(t)
	v := testVerifier(t, s)
	recs := signedSeries(t, s, 2)
	assert.NoError(t, v.VerifyDocument(recs[1].Document, recs[0].Hash, recs[1].Hash))
	assert.ErrorIs(t, v.VerifyDocument(recs[1].Document, "", recs[1].Hash), ErrBadSignature)
	changed := recs[1].Document
	changed.GrossTotal = changed.GrossTotal.Add(decimal.New(1, -2))
	assert.ErrorIs(t, v.VerifyDocument(changed, recs[0].Hash, recs[1].Hash), ErrBadSignature)
	assert.ErrorIs(t, v.Verify("x", "not base64!"), ErrMalformedHash)
	assert.ErrorIs(t, v.Verify("x", recs[0].Hash[:171]+"!"), ErrMalformedHash)
	assert.ErrorIs(t, v.Verify("x", despacho4Hash), ErrMalformedHash, "170 characters")
	assert.ErrorIs(t, v.Verify("x", despacho7Hash1), ErrBadSignature, "well-formed, another key")
}

func TestVerifyChainValid(t *testing.T) {
	s := testSigner(t)
	recs := signedSeries(t, s, 600)
	for _, w := range []int{1, 2, 3, 0} {
		assert.NoError(t, testVerifier(t, s, WithWorkers(w)).VerifyChain(Chain{}, recs), "workers %d", w)
	}
	// Verifying the tail from the state after a record.
	start, err := ChainAfter(recs[299])
	require.NoError(t, err)
	assert.NoError(t, testVerifier(t, s).VerifyChain(start, recs[300:]))
	// Without the start, the tail's first signature is over another hash.
	err = testVerifier(t, s).VerifyChain(Chain{}, recs[300:])
	var ce *ChainError
	require.ErrorAs(t, err, &ce)
	require.Len(t, ce.Breaks, 1)
	assert.Equal(t, 0, ce.Breaks[0].Index)
	assert.ErrorIs(t, ce.Breaks[0], ErrBadSignature)
	assert.NoError(t, testVerifier(t, s).VerifyChain(Chain{}, nil))
}

func TestVerifyChainReportsEveryBreak(t *testing.T) {
	s := testSigner(t)
	good := signedSeries(t, s, 1000)
	recs := append([]Record(nil), good...)

	// 10: amount altered after signing.
	recs[10].GrossTotal = recs[10].GrossTotal.Add(decimal.NewFromInt(1))
	// 300: hash replaced with garbage of the right length.
	recs[300].Hash = "A" + recs[300].Hash[1:]
	// 400: malformed hash; 401 then fails too, signed over the real 400.
	recs[400].Hash = "0"
	// 500: re-signed as the first of a series (chain restarted).
	h, err := s.SignDocument(recs[500].Document, "")
	require.NoError(t, err)
	recs[500].Hash = h
	// 700: date moved back (its signature breaks too: the date is signed).
	recs[700].Date = civil.Date{Year: 2023, Month: 12, Day: 31}
	// 800..801: document 800 removed; 801 now follows 799.
	recs = append(recs[:800], recs[801:]...)

	want := []struct {
		index int
		err   error
	}{
		{10, ErrBadSignature},
		{300, ErrBadSignature},
		{301, ErrBadSignature}, // signed over the original hash of 300
		{400, ErrMalformedHash},
		{401, ErrBadSignature},
		{500, ErrPreviousHash},
		{501, ErrBadSignature}, // signed over the original hash of 500
		{700, ErrDateOrder},
		{700, ErrBadSignature},
		{800, ErrNumberSequence},
		{800, ErrBadSignature},
	}
	for _, workers := range []int{1, runtime.GOMAXPROCS(0), 7} {
		err := testVerifier(t, s, WithWorkers(workers)).VerifyChain(Chain{}, recs)
		var ce *ChainError
		require.ErrorAs(t, err, &ce)
		got := make([]struct {
			index int
			err   error
		}, len(ce.Breaks))
		for i, b := range ce.Breaks {
			got[i].index, got[i].err = b.Index, b.Err
			assert.Equal(t, recs[b.Index].Number, b.Number)
			assert.NotEmpty(t, b.Detail)
		}
		assert.Equal(t, want, got, "workers %d", workers)
		for _, sentinel := range []error{ErrBadSignature, ErrPreviousHash, ErrMalformedHash, ErrDateOrder, ErrNumberSequence} {
			assert.ErrorIs(t, err, sentinel)
		}
		assert.False(t, errors.Is(err, ErrSystemEntryOrder))
		assert.Contains(t, err.Error(), "11 places")
	}
}

func TestVerifyChainDetectsInsertion(t *testing.T) {
	s := testSigner(t)
	recs := signedSeries(t, s, 4)
	// A forged record slipped between 1 and 2 (same fields as 1, any hash).
	forged := recs[1]
	forged.Hash = recs[3].Hash
	tampered := []Record{recs[0], recs[1], forged, recs[2], recs[3]}
	err := testVerifier(t, s).VerifyChain(Chain{}, tampered)
	var ce *ChainError
	require.ErrorAs(t, err, &ce)
	var prevHashBreak *Break
	for _, b := range ce.Breaks {
		if b.Index == 3 {
			prevHashBreak = b
		}
	}
	require.NotNil(t, prevHashBreak)
	assert.ErrorIs(t, prevHashBreak, ErrPreviousHash)
	assert.Contains(t, prevHashBreak.Detail, "inserted")
}

// FuzzVerify checks that any hash and record never panic and never verify
// unless the signer made them.
func FuzzVerify(f *testing.F) {
	s := testSigner(f)
	v := testVerifier(f, s)
	recs := signedSeries(f, s, 2)
	f.Add(recs[0].Message(""), recs[0].Hash, "FT A/1", 2024, 1, 1, int64(0), "1.00")
	f.Add("x", despacho7Hash1, "FT A/2", 2024, 1, 1, int64(1), "-1")
	f.Add("", "", "", 0, 0, 0, int64(0), "")
	f.Add(";", "====", "a/b", -1, 13, 32, int64(-1), "1e9999")
	f.Fuzz(func(t *testing.T, message, hash, number string, y, m, d int, unix int64, total string) {
		gross, _ := decimal.NewFromString(total)
		err := v.Verify(message, hash)
		if err == nil && hash != recs[0].Hash && hash != recs[1].Hash {
			t.Fatalf("a hash the signer never made verified: %q", hash)
		}
		if err != nil && !errors.Is(err, ErrBadSignature) && !errors.Is(err, ErrMalformedHash) {
			t.Fatalf("unexpected error %v", err)
		}
		r := Record{Document: Document{Date: civil.Date{Year: y, Month: time.Month(m), Day: d}, SystemEntry: civil.DateTimeOf(time.Unix(unix, 0)), Number: number, GrossTotal: gross}, Hash: hash}
		chainErr := v.VerifyChain(Chain{}, append(append([]Record(nil), recs...), r))
		var ce *ChainError
		if !errors.As(chainErr, &ce) || len(ce.Breaks) == 0 {
			if r.Hash != recs[1].Hash || r.Number != "FT A/3" {
				t.Fatalf("appended record %+v did not break the chain", r)
			}
			return
		}
		for _, b := range ce.Breaks {
			if b.Index != 2 {
				t.Fatalf("break reported at the valid document %d: %v", b.Index, b)
			}
		}
	})
}

func TestVerifyChainInvalidNumberReportedOnce(t *testing.T) {
	s := testSigner(t)
	recs := signedSeries(t, s, 5)
	recs[2].Number = "FT A/x"
	err := testVerifier(t, s).VerifyChain(Chain{}, recs)
	var ce *ChainError
	require.ErrorAs(t, err, &ce)
	var got []string
	for _, b := range ce.Breaks {
		got = append(got, itoa(b.Index)+":"+b.Err.Error())
	}
	// Document 2 is invalid and its signature fails (its number is signed);
	// 3 carries 2's unchanged hash, so it verifies, and its number is not
	// checked against the unreadable one: no break for 3.
	assert.Equal(t, []string{"2:" + ErrInvalid.Error(), "2:" + ErrBadSignature.Error()}, got)
}

func TestVerifyStrictBase64AndStartFromHashOnly(t *testing.T) {
	s := testSigner(t)
	v := testVerifier(t, s)
	recs := signedSeries(t, s, 3)
	h := recs[0].Hash
	require.Equal(t, byte('='), h[len(h)-1], "1024-bit signatures end in one '=' pad")
	// Flip the low bits of the last data character: same bytes in lenient
	// base64, a different text.
	last := h[len(h)-2]
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	idx := strings.IndexByte(alphabet, last)
	alt := h[:len(h)-2] + string(alphabet[idx^1]) + "="
	require.Zero(t, idx%4, "canonical: the two padding bits are zero")
	assert.ErrorIs(t, v.Verify(recs[0].Message(""), alt), ErrMalformedHash)
	assert.NoError(t, v.Verify(recs[0].Message(""), h))

	// A start with only the previous hash known checks signatures but not
	// the first number.
	assert.NoError(t, v.VerifyChain(Chain{LastHash: recs[0].Hash}, recs[1:]))
	assert.ErrorIs(t, v.VerifyChain(Chain{LastHash: recs[1].Hash}, recs[1:]), ErrBadSignature)
}
