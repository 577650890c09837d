package nif

import (
	"errors"
	"fmt"
)

// Length is the number of digits of a NIF.
const Length = 9

// FinalConsumer is the NIF used for an anonymous buyer ("Consumidor final").
// It is a valid NIF.
const FinalConsumer = "999999990"

// Sentinel errors, one per rule. Validate wraps them in an *Error.
var (
	ErrLength     = errors.New("must have exactly 9 digits")
	ErrNotDigit   = errors.New("must contain only the digits 0-9")
	ErrPrefix     = errors.New("first digits are not an assigned NIF range")
	ErrCheckDigit = errors.New("check digit (mod 11) does not match")
)

// Error is a rule violation found by Validate. It names the field ("NIF"), the
// rule's sentinel (use errors.Is) and a detail for people.
type Error struct {
	Field  string // always "NIF"
	Rule   error  // one of ErrLength, ErrNotDigit, ErrPrefix, ErrCheckDigit
	Detail string // e.g. "got 8 characters"
}

func (e *Error) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("nif: %s %v", e.Field, e.Rule)
	}
	return fmt.Sprintf("nif: %s %v: %s", e.Field, e.Rule, e.Detail)
}

// Unwrap returns the rule's sentinel error.
func (e *Error) Unwrap() error { return e.Rule }

func fail(rule error, format string, args ...any) error {
	return &Error{Field: "NIF", Rule: rule, Detail: fmt.Sprintf(format, args...)}
}

// Validate reports whether s is a well-formed Portuguese NIF/NIPC. It returns
// nil when s is valid, or an *Error wrapping the sentinel of the first rule
// that fails (length, then characters, then prefix, then check digit). s must
// be the bare nine digits: no spaces, no "PT" country prefix.
func Validate(s string) error {
	if len(s) != Length {
		return fail(ErrLength, "got %d bytes", len(s))
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return fail(ErrNotDigit, "position %d is %q", i+1, s[i])
		}
	}
	if CategoryOf(s) == "" {
		return fail(ErrPrefix, "%q is not an assigned range", s[:2])
	}
	want := checkDigit(s[:8])
	if s[8] != want {
		return fail(ErrCheckDigit, "last digit is %c, expected %c", s[8], want)
	}
	return nil
}

// Valid reports whether Validate(s) returns nil.
func Valid(s string) bool { return Validate(s) == nil }

// CheckDigit returns the check digit ('0'-'9') for the first eight digits of a
// NIF. It fails with ErrLength or ErrNotDigit when first8 is not eight digits.
// It does not check the prefix.
func CheckDigit(first8 string) (byte, error) {
	if len(first8) != Length-1 {
		return 0, fail(ErrLength, "CheckDigit needs the first 8 digits, got %d bytes", len(first8))
	}
	for i := 0; i < len(first8); i++ {
		if first8[i] < '0' || first8[i] > '9' {
			return 0, fail(ErrNotDigit, "position %d is %q", i+1, first8[i])
		}
	}
	return checkDigit(first8), nil
}

// checkDigit computes the mod-11 check digit of eight ASCII digits.
func checkDigit(first8 string) byte {
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(first8[i]-'0') * (9 - i)
	}
	r := sum % 11
	if r < 2 {
		return '0'
	}
	return byte('0' + 11 - r)
}
