package saft

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2026-01-31", Date{2026, time.January, 31}, true},
		{" 2024-02-29\n", Date{2024, time.February, 29}, true},
		{"2025-02-29", Date{}, false}, // not a leap year
		{"2026-13-01", Date{}, false},
		{"2026-00-10", Date{}, false},
		{"2026-04-31", Date{}, false},
		{"0000-01-01", Date{}, false},
		{"2026-1-01", Date{}, false},
		{"2026/01/01", Date{}, false},
		{"2026-01-01Z", Date{}, false},
		{"+026-01-01", Date{}, false},
		{"", Date{}, false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if !tt.ok {
			assert.Error(t, err, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got)
		assert.Equal(t, strings.TrimSpace(tt.in), got.String())
	}
}

func TestParseDateTime(t *testing.T) {
	got, err := ParseDateTime("2026-01-15T23:59:59")
	require.NoError(t, err)
	assert.Equal(t, NewDateTime(2026, time.January, 15, 23, 59, 59), got)
	for _, bad := range []string{"2026-01-15T24:00:00", "2026-01-15T10:60:00", "2026-01-15T10:00:60",
		"2026-01-15 10:00:00", "2026-01-15T10:00:00.5", "2026-01-15T10:00:00+01:00", "2026-02-30T10:00:00", "2026-01-15"} {
		_, err := ParseDateTime(bad)
		assert.Error(t, err, bad)
	}
}

func TestDateCompareAndHelpers(t *testing.T) {
	a, b := NewDate(2026, time.January, 31), NewDate(2026, time.February, 1)
	assert.True(t, a.Before(b))
	assert.True(t, b.After(a))
	assert.Equal(t, 0, a.Compare(a))
	assert.Equal(t, b, a.AddDays(1))
	assert.True(t, Date{}.IsZero())
	assert.False(t, Date{}.Valid())
	assert.Equal(t, a, DateOf(a.Time(time.UTC)))
	loc := time.FixedZone("X", 3600)
	tm := time.Date(2026, time.March, 29, 1, 30, 15, 999, loc)
	dt := DateTimeOf(tm)
	assert.Equal(t, "2026-03-29T01:30:15", dt.String())
	assert.True(t, dt.Time(loc).Equal(tm.Truncate(time.Second)))
	assert.True(t, NewDateTime(2026, 1, 1, 0, 0, 0).Before(NewDateTime(2026, 1, 1, 0, 0, 1)))
	assert.True(t, NewDateTime(2026, 1, 1, 1, 0, 0).After(NewDateTime(2026, 1, 1, 0, 59, 59)))
	_, err := Date{2026, 2, 30}.MarshalText()
	assert.Error(t, err)
	_, err = DateTime{}.MarshalText()
	assert.Error(t, err)
}

func TestIndicator(t *testing.T) {
	var i Indicator
	require.NoError(t, i.UnmarshalText([]byte("1")))
	assert.True(t, bool(i))
	require.NoError(t, i.UnmarshalText([]byte(" 0 ")))
	assert.False(t, bool(i))
	assert.Error(t, i.UnmarshalText([]byte("true")))
	b, _ := Indicator(true).MarshalText()
	assert.Equal(t, "1", string(b))
}

func TestCodesValid(t *testing.T) {
	assert.True(t, TaxAccountingBasisInvoicing.Valid())
	assert.False(t, TaxAccountingBasis("X").Valid())
	assert.True(t, TaxCode("10.1").Valid())
	assert.False(t, TaxCode("10-1").Valid())
	assert.False(t, TaxCode("").Valid())
	assert.False(t, TaxCode("ABCDEFGHIJK").Valid())
	assert.True(t, PaymentMechanismMultibanco.Valid())
	assert.False(t, PaymentMechanism("XX").Valid())
	assert.True(t, InvoiceStatusBilled.Valid())
	assert.False(t, InvoiceStatus("T").Valid())
	assert.True(t, MovementStatusThirdParty.Valid())
	assert.False(t, WorkStatus("R").Valid())
	assert.True(t, GroupingCategoryAM.Valid())
	assert.False(t, TaxType("VAT").Valid())
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-01-31", "2024-02-29", "2025-02-29", "9999-12-31", "0001-01-01", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		require.True(t, d.Valid())
		b, err := d.MarshalText()
		require.NoError(t, err)
		again, err := ParseDate(string(b))
		require.NoError(t, err)
		require.Equal(t, d, again)
		require.Equal(t, strings.Trim(s, " \t\r\n"), string(b))
	})
}

func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{"2026-01-31T23:59:59", "2024-02-29T00:00:00", "2026-01-31T24:00:00", "2026-01-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDateTime(s)
		if err != nil {
			return
		}
		b, err := d.MarshalText()
		require.NoError(t, err)
		require.Equal(t, strings.Trim(s, " \t\r\n"), string(b))
	})
}

// FuzzEscape: any string either fails with ErrInvalidChar or is written so
// that an XML parser reads back exactly the same string.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "a<b>&c", "ção €", "\r\n\t", "\x00", "\xff", "日本😀", "\u0081", "]]>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		x := &xmlWriter{w: bufio.NewWriter(&buf)}
		x.text("A", s)
		x.w.Flush()
		if x.err != nil {
			require.True(t, errors.Is(x.err, ErrInvalidChar), "%v", x.err)
			require.False(t, validXMLString(s), "%q rejected but valid", s)
			return
		}
		require.True(t, validXMLString(s), "%q accepted but invalid", s)
		d := xml.NewDecoder(strings.NewReader(`<?xml version="1.0" encoding="Windows-1252"?>` + buf.String()))
		d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return charmap.Windows1252.NewDecoder().Reader(r), nil }
		var got string
		require.NoError(t, d.Decode(&got))
		require.Equal(t, s, got)
	})
}

func validXMLString(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return false
		}
	}
	return true
}
