package nif

import "github.com/faturapt/faturapt/violation"

// Length is the number of digits of a NIF.
const Length = 9

// FinalConsumer is the NIF used for an anonymous buyer ("Consumidor final").
// It is a valid NIF.
const FinalConsumer = "999999990"

// ErrInvalid is matched (errors.Is) by every error of this package, a
// [*violation.Error] whose violations are at path "NIF" with one of the
// codes below.
var ErrInvalid = violation.ErrInvalid

// Violation codes, one per rule.
const (
	CodeLength     violation.Code = "NIF-LENGTH"
	CodeNotDigit   violation.Code = "NIF-NOT-DIGIT"
	CodePrefix     violation.Code = "NIF-PREFIX"
	CodeCheckDigit violation.Code = "NIF-CHECK-DIGIT"
)

// Codes is the catalogue of the violation codes of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeLength, Description: "a NIF has exactly 9 digits"},
	violation.Entry{Code: CodeNotDigit, Description: "a NIF has only the digits 0-9"},
	violation.Entry{Code: CodePrefix, Description: "the first digits are not an assigned NIF range"},
	violation.Entry{Code: CodeCheckDigit, Description: "the check digit (mod 11) does not match the first eight digits"},
)

const (
	subject = "nif"
	path    = "NIF"
)

// Validate reports whether s is a well-formed Portuguese NIF/NIPC. It returns
// nil when s is valid, or a [*violation.Error] with every rule that fails:
// length, characters, prefix (when the first two characters are digits) and
// check digit (when s is nine digits). s must be the bare nine digits: no
// spaces, no "PT" country prefix.
func Validate(s string) error {
	var vs violation.List
	if len(s) != Length {
		vs.Add(path, CodeLength, "must have exactly 9 digits, got %d bytes", len(s))
	}
	digits := checkDigits(&vs, s)
	if len(s) >= 2 && isDigit(s[0]) && isDigit(s[1]) && CategoryOf(s) == "" {
		vs.Add(path, CodePrefix, "first digits %q are not an assigned NIF range", s[:2])
	}
	if digits && len(s) == Length {
		if want := checkDigit(s[:8]); s[8] != want {
			vs.Add(path, CodeCheckDigit, "check digit (mod 11) does not match: last digit is %c, expected %c", s[8], want)
		}
	}
	return vs.Err(subject)
}

// checkDigits adds a violation for the first byte of s that is not a digit
// and reports whether there was none.
func checkDigits(vs *violation.List, s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			vs.Add(path, CodeNotDigit, "must contain only the digits 0-9: position %d is %q", i+1, s[i])
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Valid reports whether Validate(s) returns nil.
func Valid(s string) bool { return Validate(s) == nil }

// CheckDigit returns the check digit ('0'-'9') for the first eight digits of a
// NIF. It fails with [CodeLength] or [CodeNotDigit] when first8 is not eight
// digits. It does not check the prefix.
func CheckDigit(first8 string) (byte, error) {
	var vs violation.List
	if len(first8) != Length-1 {
		vs.Add(path, CodeLength, "CheckDigit needs the first 8 digits, got %d bytes", len(first8))
	}
	checkDigits(&vs, first8)
	if err := vs.Err(subject); err != nil {
		return 0, err
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
