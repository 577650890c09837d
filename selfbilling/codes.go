package selfbilling

import "github.com/faturapt/faturapt/violation"

// ErrInvalid is matched (errors.Is) by every validation error of this
// package, a [*violation.Error] whose violations name the field (its Go
// name, e.g. "PartnerNIF"; the embedded series' fields keep theirs, e.g.
// "FirstNumber", with package series' codes) and one of the codes below.
var ErrInvalid = violation.ErrInvalid

// Violation codes: stable names callers may switch on.
const (
	CodeRequired        violation.Code = "SELFBILLING-REQUIRED"
	CodeTooLong         violation.Code = "SELFBILLING-TOO-LONG"
	CodeUnknownCode     violation.Code = "SELFBILLING-UNKNOWN-CODE"
	CodeSeriesType      violation.Code = "SELFBILLING-SERIES-TYPE"
	CodeDocumentType    violation.Code = "SELFBILLING-DOCUMENT-TYPE"
	CodeProcessingMeans violation.Code = "SELFBILLING-PROCESSING-MEANS"
	CodeReservedID      violation.Code = "SELFBILLING-RESERVED-ID"
	CodeNIF             violation.Code = "SELFBILLING-NIF"
	CodeCountry         violation.Code = "SELFBILLING-COUNTRY"
	CodeNotCommunicator violation.Code = "SELFBILLING-NOT-COMMUNICATOR"
	CodeFormat          violation.Code = "SELFBILLING-FORMAT"
	CodeInconsistent    violation.Code = "SELFBILLING-INCONSISTENT"
)

// Codes is the catalogue of the violation codes of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeRequired, Description: "a field the self-billing manual requires is empty"},
	violation.Entry{Code: CodeTooLong, Description: "more characters than the WSDL allows (NIF 30, name 100)"},
	violation.Entry{Code: CodeUnknownCode, Description: "not a code of the self-billing manual's tables (§1.3)"},
	violation.Entry{Code: CodeSeriesType, Description: "a self-billing series has series type A (§1.3.9)"},
	violation.Entry{Code: CodeDocumentType, Description: "a self-billing series is of FT, FS, FR, ND or NC, class SI (§1.3.10, §1.3.11)"},
	violation.Entry{Code: CodeProcessingMeans, Description: "a self-billing series is processed by an invoicing program, PI (§1.3.12)"},
	violation.Entry{Code: CodeReservedID, Description: "identifiers starting with AT are reserved for AT's own programs (§1.3.2)"},
	violation.Entry{Code: CodeNIF, Description: "not a valid Portuguese NIF where the manual demands one (§1.3.4)"},
	violation.Entry{Code: CodeCountry, Description: "not an ISO 3166-1 alpha-2 country code"},
	violation.Entry{Code: CodeNotCommunicator, Description: "with a foreign customer (CE) the agreement's NIF is the communicator's own (§1.3.4)"},
	violation.Entry{Code: CodeFormat, Description: "not a calendar date"},
	violation.Entry{Code: CodeInconsistent, Description: "fields that contradict each other"},
)

// subject names this package's validation errors.
const subject = "selfbilling"
