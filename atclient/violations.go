package atclient

import "github.com/faturapt/faturapt/violation"

// ErrInvalid is matched (errors.Is) by the *violation.Error of a request
// refused before anything is sent because a field breaks a rule of the
// WSDL or the series manual. Its violations name the AT field (e.g.
// "codValidacaoSerie") and one of the codes below; a series that fails
// series.Validate is refused with that validation's own error.
var ErrInvalid = violation.ErrInvalid

// Violation codes: stable names callers may switch on. A violation's
// Message is for people and may change; its Code and Path do not.
const (
	CodeRequired          violation.Code = "ATCLIENT-REQUIRED"
	CodeTooLong           violation.Code = "ATCLIENT-TOO-LONG"
	CodeTooShort          violation.Code = "ATCLIENT-TOO-SHORT"
	CodeIdentifier        violation.Code = "ATCLIENT-IDENTIFIER"
	CodeUnknownCode       violation.Code = "ATCLIENT-UNKNOWN-CODE"
	CodeClassMismatch     violation.Code = "ATCLIENT-CLASS-MISMATCH"
	CodeOutOfRange        violation.Code = "ATCLIENT-OUT-OF-RANGE"
	CodeFormat            violation.Code = "ATCLIENT-FORMAT"
	CodeBeforeStart       violation.Code = "ATCLIENT-BEFORE-START"
	CodeAlreadyRegistered violation.Code = "ATCLIENT-ALREADY-REGISTERED"
	CodeTooLate           violation.Code = "ATCLIENT-TOO-LATE"
	CodeBeforeFirst       violation.Code = "ATCLIENT-BEFORE-FIRST"
)

// Codes is the catalogue of the violation codes of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeRequired, Description: "a field AT requires is missing"},
	violation.Entry{Code: CodeTooLong, Description: "more characters than the WSDL allows"},
	violation.Entry{Code: CodeTooShort, Description: "fewer characters than the WSDL allows"},
	violation.Entry{Code: CodeIdentifier, Description: "not a series identifier of the manual (§1.3.2)"},
	violation.Entry{Code: CodeUnknownCode, Description: "not a code of the series manual's tables (§1.3)"},
	violation.Entry{Code: CodeClassMismatch, Description: "the document type is not of the class given (§1.3.6, §1.3.7)"},
	violation.Entry{Code: CodeOutOfRange, Description: "a sequence number that is not 1 to 25 digits"},
	violation.Entry{Code: CodeFormat, Description: "not a calendar date"},
	violation.Entry{Code: CodeBeforeStart, Description: "the end of a date range before its start (AT code 4048)"},
	violation.Entry{Code: CodeAlreadyRegistered, Description: "the series already has AT's validation code"},
	violation.Entry{Code: CodeBeforeFirst, Description: "the last number issued is below the series' first number (AT code 4047)"},
	violation.Entry{Code: CodeTooLate, Description: "a self-billing series is cancelled only on the day of its registration or the next (self-billing manual §1.3.3)"},
)

// subject names this package's validation errors.
const subject = "atclient: request"
