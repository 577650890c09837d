package efatura

import "github.com/faturapt/faturapt/violation"

// Violation codes of a request refused before anything is sent: the rules
// of the WSDL's types and of the manual ("Comunicação dos elementos dos
// documentos de faturação", v1.0, §2.2.2) that the SAF-T model does not
// carry. Each violation's Path is the request field, the WSDL's element
// path (e.g. "InvoiceData/LineSummary[1]/Tax/TaxCode"); its Message is for
// people and may change, its Code and Path do not.
const (
	CodeRequired          violation.Code = "EFATURA-REQUIRED"
	CodeLength            violation.Code = "EFATURA-LENGTH"
	CodePattern           violation.Code = "EFATURA-PATTERN"
	CodeRange             violation.Code = "EFATURA-RANGE"
	CodeEnum              violation.Code = "EFATURA-ENUM"
	CodeChoice            violation.Code = "EFATURA-CHOICE"
	CodeDate              violation.Code = "EFATURA-DATE"
	CodeDateTime          violation.Code = "EFATURA-DATETIME"
	CodeNIF               violation.Code = "EFATURA-NIF"
	CodeIssuer            violation.Code = "EFATURA-ISSUER"
	CodeCustomer          violation.Code = "EFATURA-CUSTOMER"
	CodeHash              violation.Code = "EFATURA-HASH"
	CodeExemptionRequired violation.Code = "EFATURA-EXEMPTION-REQUIRED"
	CodeRepeated          violation.Code = "EFATURA-REPEATED"
	CodeYears             violation.Code = "EFATURA-YEARS"
)

// Codes is the catalogue of the violation codes of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeRequired, Severity: violation.SeverityError, Description: "a field the WSDL or the manual requires is missing"},
	violation.Entry{Code: CodeLength, Severity: violation.SeverityError, Description: "a text is shorter or longer than its WSDL type allows"},
	violation.Entry{Code: CodePattern, Severity: violation.SeverityError, Description: "a value does not match its WSDL type's pattern"},
	violation.Entry{Code: CodeRange, Severity: violation.SeverityError, Description: "a number is outside its WSDL type's range"},
	violation.Entry{Code: CodeEnum, Severity: violation.SeverityError, Description: "a code is not one of the values the WSDL lists"},
	violation.Entry{Code: CodeChoice, Severity: violation.SeverityError, Description: "not exactly one of the alternatives of an xs:choice is given"},
	violation.Entry{Code: CodeDate, Severity: violation.SeverityError, Description: "a date is missing or not a calendar date"},
	violation.Entry{Code: CodeDateTime, Severity: violation.SeverityError, Description: "a date and time is missing or not valid"},
	violation.Entry{Code: CodeNIF, Severity: violation.SeverityError, Description: "a NIF is not 9 digits"},
	violation.Entry{Code: CodeIssuer, Severity: violation.SeverityError, Description: "no issuer is configured (WithIssuer)"},
	violation.Entry{Code: CodeCustomer, Severity: violation.SeverityError, Description: "the customer given is not the document's customer"},
	violation.Entry{Code: CodeHash, Severity: violation.SeverityError, Description: "the document's Hash is neither \"0\" nor a signature of at least 31 characters"},
	violation.Entry{Code: CodeExemptionRequired, Severity: violation.SeverityError, Description: "a line of zero tax has no tax exemption code (manual 1.6.14.8)"},
	violation.Entry{Code: CodeRepeated, Severity: violation.SeverityError, Description: "a document is listed twice for deletion (AT refuses with 491)"},
	violation.Entry{Code: CodeYears, Severity: violation.SeverityError, Description: "documents of several years in one deletion (AT refuses with 401)"},
)

// ErrInvalid is matched (errors.Is) by the *violation.Error of a request
// refused before sending.
var ErrInvalid = violation.ErrInvalid
