package series

import (
	"errors"
	"fmt"
	"math/bits"
	"strconv"
)

// MaxNumberDigits is the largest number of significant digits of a sequence
// number: numInicialSeq and seqUltimoDocEmitido are xsd:integer with
// totalDigits = 25 (series manual §2.1.2, §2.3.2, §2.5.2).
const MaxNumberDigits = 25

// ErrInvalidNumber is wrapped by every error about a sequence number.
var ErrInvalidNumber = errors.New("series: invalid sequence number")

// Number is a document's sequence number in a series (numInicialSeq,
// seqUltimoDocEmitido, the digits after "/" in "FT A/12").
//
// AT allows 25 digits, which do not fit in a uint64 (at most 20 digits,
// 18446744073709551615), so a Number is an unsigned 128-bit value: 10^25 < 2^84.
// It is a comparable value: use == and as a map key; the zero value is 0,
// which is not a valid sequence number (minInclusive = 1) and means "absent"
// in the optional fields of [Series].
type Number struct{ hi, lo uint64 }

// maxNumber is 10^25 - 1, the largest 25-digit number.
var maxNumber = func() Number {
	hi, lo := bits.Mul64(1e19, 1e6) // 10^25
	lo, borrow := bits.Sub64(lo, 1, 0)
	hi -= borrow
	return Number{hi, lo}
}()

// NumberOf returns n as a Number.
func NumberOf(n uint64) Number { return Number{lo: n} }

// ParseNumber reads a sequence number written in decimal digits. Leading
// zeros are accepted and do not count towards the 25 significant digits; a
// sign, spaces or any other character is an error. ParseNumber("0") gives
// the zero Number without error: callers that need a sequence number check
// [Number.IsZero] (or use [Series.Validate]).
func ParseNumber(s string) (Number, error) {
	if s == "" {
		return Number{}, parseError(ErrInvalidNumber, "Number", CodeRequired, "empty, want decimal digits")
	}
	var n Number
	significant := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return Number{}, parseError(ErrInvalidNumber, "Number", CodeCharset, "%q: character %q at position %d is not a digit", truncate(s), c, i+1)
		}
		if significant == 0 && c == '0' {
			continue
		}
		significant++
		if significant > MaxNumberDigits {
			return Number{}, parseError(ErrInvalidNumber, "Number", CodeTooLong, "%q: more than %d significant digits (totalDigits = 25)", truncate(s), MaxNumberDigits)
		}
		n = n.mulAdd(10, uint64(c-'0'))
	}
	return n, nil
}

// MustNumber is ParseNumber for constants known to be valid; it panics on
// error, so use it only with literals (tests, examples, tables).
func MustNumber(s string) Number {
	n, err := ParseNumber(s)
	if err != nil {
		panic(err)
	}
	return n
}

// mulAdd returns n*m + a; callers keep the result below 2^128 (25 digits
// times 10 plus a digit is far below).
func (n Number) mulAdd(m, a uint64) Number {
	hiHi, hiLo := bits.Mul64(n.hi, m)
	_ = hiHi // zero for values of at most 26 digits
	loHi, loLo := bits.Mul64(n.lo, m)
	lo, carry := bits.Add64(loLo, a, 0)
	hi := hiLo + loHi + carry
	return Number{hi, lo}
}

// String returns the number in decimal without leading zeros ("0" for the
// zero value).
func (n Number) String() string {
	if n.hi == 0 {
		return strconv.FormatUint(n.lo, 10)
	}
	// n < 10^25 so n.hi < 10^19 and the quotient fits in 64 bits.
	q, r := bits.Div64(n.hi, n.lo, 1e19)
	rs := strconv.FormatUint(r, 10)
	return strconv.FormatUint(q, 10) + zeros[:19-len(rs)] + rs
}

const zeros = "0000000000000000000000000"

// Digits returns how many digits String has.
func (n Number) Digits() int { return len(n.String()) }

// IsZero reports whether n is 0, i.e. absent.
func (n Number) IsZero() bool { return n == Number{} }

// Valid reports whether n is a sequence number AT accepts: 1 to 25 digits.
func (n Number) Valid() bool { return !n.IsZero() && n.Cmp(maxNumber) <= 0 }

// Cmp compares n and m and returns -1, 0 or +1.
func (n Number) Cmp(m Number) int {
	switch {
	case n.hi < m.hi:
		return -1
	case n.hi > m.hi:
		return 1
	case n.lo < m.lo:
		return -1
	case n.lo > m.lo:
		return 1
	}
	return 0
}

// Next returns n+1, or an error when n+1 would have more than 25 digits.
func (n Number) Next() (Number, error) {
	if n.Cmp(maxNumber) >= 0 {
		return Number{}, fmt.Errorf("%w: %s is the largest 25-digit number, it has no successor", ErrInvalidNumber, n)
	}
	lo, carry := bits.Add64(n.lo, 1, 0)
	return Number{n.hi + carry, lo}, nil
}

// Prev returns n-1, or an error when n is 0.
func (n Number) Prev() (Number, error) {
	if n.IsZero() {
		return Number{}, fmt.Errorf("%w: 0 has no predecessor", ErrInvalidNumber)
	}
	lo, borrow := bits.Sub64(n.lo, 1, 0)
	return Number{n.hi - borrow, lo}, nil
}

// Uint64 returns n as a uint64 and whether it fits.
func (n Number) Uint64() (uint64, bool) { return n.lo, n.hi == 0 }

// MarshalText writes the decimal digits, as the WSDL's xsd:integer.
func (n Number) MarshalText() ([]byte, error) { return []byte(n.String()), nil }

// UnmarshalText reads decimal digits with [ParseNumber].
func (n *Number) UnmarshalText(b []byte) error {
	v, err := ParseNumber(string(b))
	if err != nil {
		return err
	}
	*n = v
	return nil
}

// truncate shortens hostile input quoted in errors.
func truncate(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	return s[:max] + "…"
}
