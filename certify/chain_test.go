package certify

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func seriesDoc(n int, day int, entry time.Time) Document {
	return Document{Date: civil.Date{Year: 2024, Month: time.March, Day: day}, SystemEntry: civil.DateTimeOf(entry), Number: fmt.Sprintf("FT A/%d", n), GrossTotal: decimal.New(int64(n)*125, -2)}
}

func TestChainSignAdvances(t *testing.T) {
	s := testSigner(t)
	var c Chain
	assert.False(t, c.Started())
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	h1, err := c.Sign(s, seriesDoc(1, 1, t0))
	require.NoError(t, err)
	want1, err := s.SignDocument(seriesDoc(1, 1, t0), "")
	require.NoError(t, err)
	assert.Equal(t, want1, h1, "first document signed with an empty previous hash (§2.1.5)")
	assert.Equal(t, Chain{Series: "FT A", LastNumber: 1, LastHash: h1, LastDate: civil.Date{Year: 2024, Month: 3, Day: 1}, LastSystemEntry: civil.DateTimeOf(t0)}, c)

	h2, err := c.Sign(s, seriesDoc(2, 1, t0)) // same date and second: allowed
	require.NoError(t, err)
	want2, err := s.SignDocument(seriesDoc(2, 1, t0), h1)
	require.NoError(t, err)
	assert.Equal(t, want2, h2, "second document chained on the first's hash")

	// Resuming from the stored state of the last record gives the same chain.
	resumed, err := ChainAfter(Record{Document: seriesDoc(2, 1, t0), Hash: h2})
	require.NoError(t, err)
	assert.Equal(t, c, resumed)
}

func TestChainRefusesBreaks(t *testing.T) {
	s := testSigner(t)
	t0 := time.Date(2024, 3, 10, 12, 0, 0, 0, time.UTC)
	var c Chain
	_, err := c.Sign(s, seriesDoc(7, 10, t0)) // a series may start at any number
	require.NoError(t, err)

	tests := []struct {
		name  string
		doc   Document
		want  []error
		codes []violation.Code
	}{
		{"number skipped", seriesDoc(9, 10, t0), []error{ErrNumberSequence}, []violation.Code{CodeChainNumber}},
		{"number repeated", seriesDoc(7, 10, t0), []error{ErrNumberSequence}, []violation.Code{CodeChainNumber}},
		{"other series", Document{Date: civil.Date{Year: 2024, Month: 3, Day: 10}, SystemEntry: civil.DateTimeOf(t0), Number: "FT B/8"}, []error{ErrNumberSequence}, []violation.Code{CodeChainSeries}},
		{"date before the previous", seriesDoc(8, 9, t0), []error{ErrDateOrder}, []violation.Code{CodeChainDate}},
		{"system entry going back", seriesDoc(8, 10, t0.Add(-time.Second)), []error{ErrSystemEntryOrder}, []violation.Code{CodeChainSystemEntry}},
		{"all at once", seriesDoc(3, 2, t0.Add(-time.Hour)), []error{ErrNumberSequence, ErrDateOrder, ErrSystemEntryOrder}, []violation.Code{CodeChainNumber, CodeChainDate, CodeChainSystemEntry}},
		{"invalid document", Document{Number: "FT A/8"}, []error{ErrInvalid}, []violation.Code{CodeDateInvalid, CodeSystemEntryInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := c
			_, err := c.Sign(s, tt.doc)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.ErrorIs(t, err, w)
			}
			assert.ErrorIs(t, err, ErrInvalid)
			var ve *violation.Error
			require.True(t, errors.As(err, &ve))
			var codes []violation.Code
			for _, v := range ve.Violations {
				codes = append(codes, v.Code)
			}
			assert.Equal(t, tt.codes, codes)
			assert.Equal(t, before, c, "chain unchanged on error")
		})
	}
	// The wall clock is compared, not the instant: 10:00 in UTC+1 is 09:00Z
	// but reads 10:00, which is before the previous 12:00.
	_, err = c.Sign(s, seriesDoc(8, 10, time.Date(2024, 3, 10, 13, 0, 0, 0, time.FixedZone("x", 3*3600))))
	require.NoError(t, err, "13:00 at UTC+3 reads after 12:00 even though the instant is before")
}
