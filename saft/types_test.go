package saft

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
)

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

// TestCodeValues: every value a code type lists is valid, and the lists
// hold each constant once (the schema's order is checked by
// TestSchemaEnumerationsCovered).
func TestCodeValues(t *testing.T) {
	checkValues(t, TaxAccountingBasis.Values, 8)
	checkValues(t, TaxonomyReference.Values, 4)
	checkValues(t, GroupingCategory.Values, 6)
	checkValues(t, ProductType.Values, 5)
	checkValues(t, TaxType.Values, 3)
	checkValues(t, TaxCode.Values, 7)
	checkValues(t, TransactionType.Values, 4)
	checkValues(t, InvoiceStatus.Values, 5)
	checkValues(t, MovementStatus.Values, 5)
	checkValues(t, WorkStatus.Values, 3)
	checkValues(t, PaymentStatus.Values, 2)
	checkValues(t, SourceBilling.Values, 3)
	checkValues(t, PaymentMechanism.Values, 14)
	checkValues(t, WithholdingTaxType.Values, 3)
	assert.True(t, TaxCode("10.1").Valid(), "a stamp-duty item: valid, not named")
	assert.NotContains(t, TaxCode("").Values(), TaxCode("10.1"))
}

func checkValues[T interface {
	~string
	Valid() bool
}](t *testing.T, values func(T) []T, n int) {
	t.Helper()
	var zero T
	vs := values(zero)
	assert.Len(t, vs, n)
	assert.Len(t, slices.Compact(slices.Sorted(slices.Values(vs))), n, "repeated value in %v", vs)
	for _, v := range vs {
		assert.True(t, v.Valid(), "%T %q", v, v)
	}
	assert.False(t, zero.Valid(), "%T: the empty value", zero)
	vs[0] = "changed"
	assert.NotEqual(t, T("changed"), values(zero)[0], "%T.Values returns a copy", zero)
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
