package series

import (
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseNumber(t *testing.T) {
	max25 := strings.Repeat("9", 25)
	tests := []struct {
		in      string
		want    string // String() of the result
		wantErr string
	}{
		{in: "1", want: "1"},
		{in: "12", want: "12"},
		{in: "0035", want: "35"}, // QR spec example FT AB2019/0035
		{in: "0", want: "0"},
		{in: "000", want: "0"},
		{in: "18446744073709551615", want: "18446744073709551615"}, // max uint64
		{in: "18446744073709551616", want: "18446744073709551616"}, // max uint64 + 1
		{in: "10000000000000000000", want: "10000000000000000000"},
		{in: max25, want: max25},
		{in: "000" + max25, want: max25}, // leading zeros are not significant
		{in: "1" + strings.Repeat("0", 25), wantErr: "more than 25 significant digits"},
		{in: "", wantErr: "empty"},
		{in: "-1", wantErr: "not a digit"},
		{in: "+1", wantErr: "not a digit"},
		{in: " 1", wantErr: "not a digit"},
		{in: "1 ", wantErr: "not a digit"},
		{in: "1e3", wantErr: "not a digit"},
		{in: "١", wantErr: "not a digit"}, // Arabic-Indic one
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, err := ParseNumber(tt.in)
			if tt.wantErr != "" {
				require.ErrorIs(t, err, ErrInvalidNumber)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, n.String())
			assert.Equal(t, len(tt.want), n.Digits())
		})
	}
}

func TestNumberArithmetic(t *testing.T) {
	max := MustNumber(strings.Repeat("9", 25))
	assert.True(t, max.Valid())
	assert.False(t, Number{}.Valid(), "0 is not a sequence number")
	assert.True(t, Number{}.IsZero())

	_, err := max.Next()
	require.ErrorIs(t, err, ErrInvalidNumber, "no 26-digit successor")
	prev, err := max.Prev()
	require.NoError(t, err)
	assert.Equal(t, strings.Repeat("9", 24)+"8", prev.String())
	_, err = Number{}.Prev()
	require.ErrorIs(t, err, ErrInvalidNumber)

	// Carry across the 64-bit boundary.
	u := NumberOf(^uint64(0))
	next, err := u.Next()
	require.NoError(t, err)
	assert.Equal(t, "18446744073709551616", next.String())
	_, fits := next.Uint64()
	assert.False(t, fits)
	back, err := next.Prev()
	require.NoError(t, err)
	assert.Equal(t, u, back)
	v, fits := back.Uint64()
	assert.True(t, fits)
	assert.Equal(t, ^uint64(0), v)

	assert.Equal(t, -1, NumberOf(1).Cmp(NumberOf(2)))
	assert.Equal(t, 1, next.Cmp(u))
	assert.Equal(t, 0, MustNumber("0012").Cmp(NumberOf(12)))
	assert.Equal(t, -1, u.Cmp(next))
	assert.Panics(t, func() { MustNumber("x") })
}

func TestNumberText(t *testing.T) {
	n := MustNumber("1234567890123456789012345")
	b, err := n.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "1234567890123456789012345", string(b))
	var m Number
	require.NoError(t, m.UnmarshalText(b))
	assert.Equal(t, n, m)
	require.ErrorIs(t, m.UnmarshalText([]byte("12a")), ErrInvalidNumber)
	assert.Equal(t, n, m, "a failed UnmarshalText leaves the value")
}

// FuzzParseNumber checks ParseNumber against math/big: no panic, the same
// value, and parse(String()) gives the value back.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1", "0035", "0", strings.Repeat("9", 25), strings.Repeat("9", 26), "18446744073709551616", "-1", "", "1x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		ref, okRef := new(big.Int).SetString(s, 10)
		digitsOnly := s != "" && strings.Trim(s, "0123456789") == ""
		if !digitsOnly {
			require.Error(t, err)
			return
		}
		require.True(t, okRef)
		if len(ref.String()) > MaxNumberDigits {
			require.Error(t, err)
			return
		}
		require.NoError(t, err)
		require.Equal(t, ref.String(), n.String())
		again, err := ParseNumber(n.String())
		require.NoError(t, err)
		require.Equal(t, n, again)
		if !n.IsZero() {
			require.True(t, n.Valid())
		}
	})
}
