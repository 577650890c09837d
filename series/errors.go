package series

import "github.com/faturapt/faturapt/violation"

// ErrInvalid is matched (errors.Is) by every validation error of this
// package, a [*violation.Error] whose violations name the [Series] field
// (its Go name, e.g. "FirstNumber") and one of the codes below.
var ErrInvalid = violation.ErrInvalid

// Violation codes: stable names callers may switch on. A violation's
// Message is for people and may change; its Code and Path do not.
const (
	CodeRequired        violation.Code = "SERIES-REQUIRED"
	CodeTooLong         violation.Code = "SERIES-TOO-LONG"
	CodeCharset         violation.Code = "SERIES-CHARSET"
	CodeSeparatorEdge   violation.Code = "SERIES-SEPARATOR-EDGE"
	CodeSeparatorRepeat violation.Code = "SERIES-SEPARATOR-REPEAT"
	CodeUnknownCode     violation.Code = "SERIES-UNKNOWN-CODE"
	CodeOutOfRange      violation.Code = "SERIES-OUT-OF-RANGE"
	CodeFormat          violation.Code = "SERIES-FORMAT"
	CodeBeforeFirst     violation.Code = "SERIES-BEFORE-FIRST"
	CodeInconsistent    violation.Code = "SERIES-INCONSISTENT"
)

// Codes is the catalogue of the violation codes of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeRequired, Description: "a required field is empty"},
	violation.Entry{Code: CodeTooLong, Description: "more characters than the series manual or SAF-T allows"},
	violation.Entry{Code: CodeCharset, Description: "a character outside the allowed set"},
	violation.Entry{Code: CodeSeparatorEdge, Description: "the series identifier starts or ends with a separator . _ - (§1.3.2)"},
	violation.Entry{Code: CodeSeparatorRepeat, Description: "the series identifier has two separators in a row (§1.3.2)"},
	violation.Entry{Code: CodeUnknownCode, Description: "not a code of the series manual's tables (§1.3)"},
	violation.Entry{Code: CodeOutOfRange, Description: "a number outside its allowed range"},
	violation.Entry{Code: CodeFormat, Description: "wrong shape: NIF, validation code or date"},
	violation.Entry{Code: CodeBeforeFirst, Description: "the last number issued is below the first number (AT code 4047)"},
	violation.Entry{Code: CodeInconsistent, Description: "fields that contradict each other"},
)

// subject names this package's validation errors.
const subject = "series"

// inputError is a one-violation [*violation.Error] about a parsed string
// that also matches the sentinel of what was parsed (ErrInvalidNumber,
// ErrInvalidDocumentNumber).
type inputError struct {
	ve       *violation.Error
	sentinel error
}

func (e *inputError) Error() string   { return e.ve.Error() }
func (e *inputError) Unwrap() []error { return []error{e.ve, e.sentinel} }

func parseError(sentinel error, path string, code violation.Code, format string, args ...any) error {
	var vs violation.List
	vs.Add(path, code, format, args...)
	return &inputError{ve: vs.Err(subject).(*violation.Error), sentinel: sentinel}
}
