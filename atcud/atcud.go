package atcud

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

const (
	// LegacyValue is the ATCUD of a document that has none (SAF-T «0»).
	LegacyValue = "0"
	// LabelPrefix starts the printed form (Portaria 195/2020, art. 4 n.º 1).
	LabelPrefix = "ATCUD:"
	// MinCodeLength is the minimum length of a series validation code
	// (Portaria 195/2020, art. 3 n.º 1).
	MinCodeLength = 8
	// MaxLength is the maximum length of an ATCUD, without "ATCUD:" (QR-code
	// specification §4, field H).
	MaxLength = 70
	// MaxNumberDigits is the maximum number of significant digits of the
	// sequential number (series manual §2.1.2, numInicialSeq totalDigits = 25).
	MaxNumberDigits = 25
)

// ATCUD is a unique document code: a series validation code and a document's
// sequential number, or the legacy value "0". Build one with New, FromSequence
// or Parse; the zero value means "no ATCUD" and is not valid.
type ATCUD struct {
	code   string
	number string // digits exactly as in the document number, leading zeros kept
	legacy bool
}

// Legacy is the ATCUD "0" of documents issued without one (see the package
// comment).
var Legacy = ATCUD{legacy: true}

// New builds the ATCUD of the document numbered documentNumber ("FT AB2019/0035",
// the SAF-T form "TYPE SERIES/NUMBER") in the series whose validation code is
// validationCode. The sequential number is the digits after the "/", leading
// zeros kept.
func New(validationCode, documentNumber string) (ATCUD, error) {
	if err := ValidateCode(validationCode); err != nil {
		return ATCUD{}, err
	}
	number, err := numberOf(documentNumber)
	if err != nil {
		return ATCUD{}, err
	}
	return build(validationCode, number, "number")
}

// FromSequence builds the ATCUD for the document with sequential number
// number (at least 1) in the series whose validation code is validationCode.
// The number is written without leading zeros; use New when the document
// number is printed with them.
func FromSequence(validationCode string, number uint64) (ATCUD, error) {
	if err := ValidateCode(validationCode); err != nil {
		return ATCUD{}, err
	}
	if number == 0 {
		return ATCUD{}, fail("number", ErrNumberZero, "got 0")
	}
	return build(validationCode, strconv.FormatUint(number, 10), "number")
}

// Parse reads an ATCUD as written by String ("CSDF7T5H-0035" or "0") or by
// Label ("ATCUD:CSDF7T5H-0035" or "ATCUD:0"). Nothing else is accepted: no
// surrounding spaces, no other case of the "ATCUD:" prefix.
func Parse(s string) (ATCUD, error) {
	body := strings.TrimPrefix(s, LabelPrefix)
	if body == LegacyValue {
		return Legacy, nil
	}
	code, number, ok := strings.Cut(body, "-")
	if !ok {
		return ATCUD{}, fail("ATCUD", ErrSyntax, "no %q in %q", "-", clip(s))
	}
	if err := ValidateCode(code); err != nil {
		return ATCUD{}, err
	}
	if err := checkNumber(number, "number"); err != nil {
		return ATCUD{}, err
	}
	return build(code, number, "ATCUD")
}

// ValidateCode checks a series validation code: at least MinCodeLength
// characters, each an ASCII letter or digit. The error names the field
// "validationCode" and wraps ErrCodeTooShort or ErrCodeCharacter.
func ValidateCode(code string) error {
	for i := 0; i < len(code); i++ {
		if !isAlnum(code[i]) {
			return fail("validationCode", ErrCodeCharacter, "position %d is %q", i+1, code[i])
		}
	}
	if len(code) < MinCodeLength {
		return fail("validationCode", ErrCodeTooShort, "got %d", len(code))
	}
	return nil
}

// String returns the ATCUD as SAF-T and the QR code carry it: "CSDF7T5H-0035",
// "0" for Legacy, "" for the zero value.
func (a ATCUD) String() string {
	switch {
	case a.legacy:
		return LegacyValue
	case a.code == "":
		return ""
	}
	return a.code + "-" + a.number
}

// Label returns the printed mention "ATCUD:CSDF7T5H-0035" ("ATCUD:0" for
// Legacy, "" for the zero value).
func (a ATCUD) Label() string {
	if a.IsZero() {
		return ""
	}
	return LabelPrefix + a.String()
}

// ValidationCode returns the series validation code ("" for Legacy and the zero value).
func (a ATCUD) ValidationCode() string { return a.code }

// Number returns the sequential number as printed, leading zeros kept ("" for
// Legacy and the zero value).
func (a ATCUD) Number() string { return a.number }

// IsLegacy reports whether a is the legacy value "0".
func (a ATCUD) IsLegacy() bool { return a.legacy }

// IsZero reports whether a is the zero value (no ATCUD at all).
func (a ATCUD) IsZero() bool { return !a.legacy && a.code == "" }

// MarshalText implements encoding.TextMarshaler with String. It fails for the
// zero value, so that a missing ATCUD is never written.
func (a ATCUD) MarshalText() ([]byte, error) {
	if a.IsZero() {
		return nil, fail("ATCUD", ErrEmpty, "zero value; use atcud.Legacy for \"0\"")
	}
	return []byte(a.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with Parse.
func (a *ATCUD) UnmarshalText(text []byte) error {
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

func build(code, number, field string) (ATCUD, error) {
	if n := len(code) + 1 + len(number); n > MaxLength {
		return ATCUD{}, fail(field, ErrTooLong, "ATCUD would have %d characters", n)
	}
	return ATCUD{code: code, number: number}, nil
}

// numberOf returns the digits after the "/" of a SAF-T document number,
// checking the XSD pattern "[^ ]+ [^/^ ]+/[0-9]+".
func numberOf(doc string) (string, error) {
	const field = "documentNumber"
	typ, rest, ok := strings.Cut(doc, " ")
	if !ok || typ == "" {
		return "", fail(field, ErrDocumentNumber, "no document type before a space in %q", clip(doc))
	}
	series, number, ok := strings.Cut(rest, "/")
	if !ok {
		return "", fail(field, ErrDocumentNumber, "no %q before the number in %q", "/", clip(doc))
	}
	if series == "" || strings.ContainsAny(series, " ^") {
		return "", fail(field, ErrDocumentNumber, "series part %q must be non-empty, without spaces or ^", clip(series))
	}
	if err := checkNumber(number, field); err != nil {
		return "", err
	}
	return number, nil
}

func checkNumber(n, field string) error {
	if n == "" {
		return fail(field, ErrNumberDigits, "no digits")
	}
	for i := 0; i < len(n); i++ {
		if n[i] < '0' || n[i] > '9' {
			return fail(field, ErrNumberDigits, "number %q has %q at position %d", clip(n), n[i], i+1)
		}
	}
	significant := strings.TrimLeft(n, "0")
	if significant == "" {
		return fail(field, ErrNumberZero, "got %q", clip(n))
	}
	if len(significant) > MaxNumberDigits {
		return fail(field, ErrNumberTooLong, "got %d", len(significant))
	}
	return nil
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// clip keeps error messages short when the input is huge.
func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

// Sentinel errors, one per rule; every error of this package is an *Error
// wrapping one of them.
var (
	ErrCodeTooShort   = errors.New("must have at least 8 characters")
	ErrCodeCharacter  = errors.New("must contain only ASCII letters and digits")
	ErrDocumentNumber = errors.New(`must have the SAF-T form "TYPE SERIES/NUMBER"`)
	ErrNumberDigits   = errors.New("must be one or more digits 0-9")
	ErrNumberZero     = errors.New("must be at least 1")
	ErrNumberTooLong  = errors.New("must have at most 25 significant digits")
	ErrTooLong        = errors.New("must make an ATCUD of at most 70 characters")
	ErrSyntax         = errors.New(`must be "0" or "CODE-NUMBER", optionally after "ATCUD:"`)
	ErrEmpty          = errors.New("must not be empty")
)

// Error is a rule violation: the field ("validationCode", "documentNumber",
// "number" or "ATCUD"), the rule's sentinel (use errors.Is) and a detail.
type Error struct {
	Field  string
	Rule   error
	Detail string
}

func (e *Error) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("atcud: %s %v", e.Field, e.Rule)
	}
	return fmt.Sprintf("atcud: %s %v: %s", e.Field, e.Rule, e.Detail)
}

// Unwrap returns the rule's sentinel error.
func (e *Error) Unwrap() error { return e.Rule }

func fail(field string, rule error, format string, args ...any) error {
	return &Error{Field: field, Rule: rule, Detail: fmt.Sprintf(format, args...)}
}
