package atcud

import (
	"strconv"
	"strings"

	"github.com/faturapt/faturapt/violation"
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
	var vs violation.List
	validateCode(&vs, validationCode)
	number := numberOf(&vs, documentNumber)
	if err := vs.Err(subject); err != nil {
		return ATCUD{}, err
	}
	return build(validationCode, number, "number")
}

// FromSequence builds the ATCUD for the document with sequential number
// number (at least 1) in the series whose validation code is validationCode.
// The number is written without leading zeros; use New when the document
// number is printed with them.
func FromSequence(validationCode string, number uint64) (ATCUD, error) {
	var vs violation.List
	validateCode(&vs, validationCode)
	if number == 0 {
		vs.Add("number", CodeNumberZero, "must be at least 1, got 0")
	}
	if err := vs.Err(subject); err != nil {
		return ATCUD{}, err
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
	var vs violation.List
	code, number, ok := strings.Cut(body, "-")
	if !ok {
		vs.Add("ATCUD", CodeSyntax, `must be "0" or "CODE-NUMBER", optionally after "ATCUD:": no "-" in %q`, clip(s))
		return ATCUD{}, vs.Err(subject)
	}
	validateCode(&vs, code)
	checkNumber(&vs, number, "number")
	if err := vs.Err(subject); err != nil {
		return ATCUD{}, err
	}
	return build(code, number, "ATCUD")
}

// ValidateCode checks a series validation code: at least MinCodeLength
// characters, each an ASCII letter or digit. The violations are at path
// "validationCode", codes [CodeValidationCodeCharset] and
// [CodeValidationCodeTooShort].
func ValidateCode(code string) error {
	var vs violation.List
	validateCode(&vs, code)
	return vs.Err(subject)
}

func validateCode(vs *violation.List, code string) {
	const path = "validationCode"
	for i := 0; i < len(code); i++ {
		if !isAlnum(code[i]) {
			vs.Add(path, CodeValidationCodeCharset, "must contain only ASCII letters and digits: position %d is %q", i+1, code[i])
			break
		}
	}
	if len(code) < MinCodeLength {
		vs.Add(path, CodeValidationCodeTooShort, "must have at least %d characters, got %d", MinCodeLength, len(code))
	}
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
		var vs violation.List
		vs.Add("ATCUD", CodeEmpty, `must not be empty: the zero value; use atcud.Legacy for "0"`)
		return nil, vs.Err(subject)
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
		var vs violation.List
		vs.Add(field, CodeTooLong, "must make an ATCUD of at most %d characters, it would have %d", MaxLength, n)
		return ATCUD{}, vs.Err(subject)
	}
	return ATCUD{code: code, number: number}, nil
}

// numberOf returns the digits after the "/" of a SAF-T document number,
// checking the XSD pattern "[^ ]+ [^/^ ]+/[0-9]+".
func numberOf(vs *violation.List, doc string) string {
	const path = "documentNumber"
	const form = `must have the SAF-T form "TYPE SERIES/NUMBER"`
	typ, rest, ok := strings.Cut(doc, " ")
	if !ok || typ == "" {
		vs.Add(path, CodeDocumentNumber, form+": no document type before a space in %q", clip(doc))
		return ""
	}
	series, number, ok := strings.Cut(rest, "/")
	if !ok {
		vs.Add(path, CodeDocumentNumber, form+": no %q before the number in %q", "/", clip(doc))
		return ""
	}
	if series == "" || strings.ContainsAny(series, " ^") {
		vs.Add(path, CodeDocumentNumber, form+": series part %q must be non-empty, without spaces or ^", clip(series))
		return ""
	}
	checkNumber(vs, number, path)
	return number
}

func checkNumber(vs *violation.List, n, path string) {
	if n == "" {
		vs.Add(path, CodeNumberDigits, "must be one or more digits 0-9, got none")
		return
	}
	for i := 0; i < len(n); i++ {
		if n[i] < '0' || n[i] > '9' {
			vs.Add(path, CodeNumberDigits, "must be one or more digits 0-9: number %q has %q at position %d", clip(n), n[i], i+1)
			return
		}
	}
	significant := strings.TrimLeft(n, "0")
	if significant == "" {
		vs.Add(path, CodeNumberZero, "must be at least 1, got %q", clip(n))
		return
	}
	if len(significant) > MaxNumberDigits {
		vs.Add(path, CodeNumberTooLong, "must have at most %d significant digits, got %d", MaxNumberDigits, len(significant))
	}
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

// ErrInvalid is matched (errors.Is) by every error of this package, a
// [*violation.Error] whose violations name the field ("validationCode",
// "documentNumber", "number" or "ATCUD") and one of the codes below.
var ErrInvalid = violation.ErrInvalid

// Violation codes, one per rule.
const (
	CodeValidationCodeTooShort violation.Code = "ATCUD-VALIDATION-CODE-TOO-SHORT"
	CodeValidationCodeCharset  violation.Code = "ATCUD-VALIDATION-CODE-CHARSET"
	CodeDocumentNumber         violation.Code = "ATCUD-DOCUMENT-NUMBER"
	CodeNumberDigits           violation.Code = "ATCUD-NUMBER-DIGITS"
	CodeNumberZero             violation.Code = "ATCUD-NUMBER-ZERO"
	CodeNumberTooLong          violation.Code = "ATCUD-NUMBER-TOO-LONG"
	CodeTooLong                violation.Code = "ATCUD-TOO-LONG"
	CodeSyntax                 violation.Code = "ATCUD-SYNTAX"
	CodeEmpty                  violation.Code = "ATCUD-EMPTY"
)

// Codes is the catalogue of the violation codes of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeValidationCodeTooShort, Description: "the series validation code has fewer than 8 characters (Portaria 195/2020, art. 3 n.º 1)"},
	violation.Entry{Code: CodeValidationCodeCharset, Description: "the series validation code has a character other than an ASCII letter or digit"},
	violation.Entry{Code: CodeDocumentNumber, Description: `the document number is not of the SAF-T form "TYPE SERIES/NUMBER"`},
	violation.Entry{Code: CodeNumberDigits, Description: "the sequential number is not one or more digits 0-9"},
	violation.Entry{Code: CodeNumberZero, Description: "the sequential number is 0; numbers start at 1"},
	violation.Entry{Code: CodeNumberTooLong, Description: "the sequential number has more than 25 significant digits"},
	violation.Entry{Code: CodeTooLong, Description: "the ATCUD would have more than 70 characters (QR code field H)"},
	violation.Entry{Code: CodeSyntax, Description: `not "0" or "CODE-NUMBER", optionally after "ATCUD:"`},
	violation.Entry{Code: CodeEmpty, Description: "the zero ATCUD (no ATCUD) cannot be written"},
)

const subject = "atcud"
