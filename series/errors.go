package series

import "github.com/faturapt/faturapt/violation"

// ErrInvalid is matched (errors.Is) by every validation error of this
// package, a [*violation.Error] whose violations name the [Series] field
// (its Go name, e.g. "FirstNumber") and one of the codes below.
var ErrInvalid = violation.ErrInvalid

// Violation codes: stable names callers may switch on. A violation's
// Message is for people and may change; its Code and Path do not.
const (
	ViolationRequired        violation.Code = "SERIES-REQUIRED"
	ViolationTooLong         violation.Code = "SERIES-TOO-LONG"
	ViolationCharset         violation.Code = "SERIES-CHARSET"
	ViolationSeparatorEdge   violation.Code = "SERIES-SEPARATOR-EDGE"
	ViolationSeparatorRepeat violation.Code = "SERIES-SEPARATOR-REPEAT"
	ViolationUnknownCode     violation.Code = "SERIES-UNKNOWN-CODE"
	ViolationOutOfRange      violation.Code = "SERIES-OUT-OF-RANGE"
	ViolationFormat          violation.Code = "SERIES-FORMAT"
	ViolationBeforeFirst     violation.Code = "SERIES-BEFORE-FIRST"
	ViolationInconsistent    violation.Code = "SERIES-INCONSISTENT"
)

// Codes is the catalogue of the violation codes of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: ViolationRequired, Description: "a required field is empty"},
	violation.Entry{Code: ViolationTooLong, Description: "more characters than the series manual or SAF-T allows"},
	violation.Entry{Code: ViolationCharset, Description: "a character outside the allowed set"},
	violation.Entry{Code: ViolationSeparatorEdge, Description: "the series identifier starts or ends with a separator . _ - (§1.3.2)"},
	violation.Entry{Code: ViolationSeparatorRepeat, Description: "the series identifier has two separators in a row (§1.3.2)"},
	violation.Entry{Code: ViolationUnknownCode, Description: "not a code of the series manual's tables (§1.3)"},
	violation.Entry{Code: ViolationOutOfRange, Description: "a number outside its allowed range"},
	violation.Entry{Code: ViolationFormat, Description: "wrong shape: NIF, validation code or date"},
	violation.Entry{Code: ViolationBeforeFirst, Description: "the last number issued is below the first number (AT code 4047)"},
	violation.Entry{Code: ViolationInconsistent, Description: "fields that contradict each other"},
)

// subject names this package's validation errors.
const subject = "series"
