package efatura

import "github.com/faturapt/faturapt/violation"

// Violation codes of a request refused before anything is sent: the rules
// of the WSDL's types and of the manual ("Comunicação dos elementos dos
// documentos de faturação", v1.0, §2.2.2) that the SAF-T model does not
// carry. Each violation's Path is the request field, the WSDL's element
// path (e.g. "InvoiceData/LineSummary[1]/Tax/TaxCode"); its Message is for
// people and may change, its Code and Path do not.
const (
	ViolationRequired          violation.Code = "EFATURA-REQUIRED"
	ViolationLength            violation.Code = "EFATURA-LENGTH"
	ViolationPattern           violation.Code = "EFATURA-PATTERN"
	ViolationRange             violation.Code = "EFATURA-RANGE"
	ViolationEnum              violation.Code = "EFATURA-ENUM"
	ViolationChoice            violation.Code = "EFATURA-CHOICE"
	ViolationDate              violation.Code = "EFATURA-DATE"
	ViolationDateTime          violation.Code = "EFATURA-DATETIME"
	ViolationNIF               violation.Code = "EFATURA-NIF"
	ViolationIssuer            violation.Code = "EFATURA-ISSUER"
	ViolationCustomer          violation.Code = "EFATURA-CUSTOMER"
	ViolationHash              violation.Code = "EFATURA-HASH"
	ViolationExemptionRequired violation.Code = "EFATURA-EXEMPTION-REQUIRED"
	ViolationRepeated          violation.Code = "EFATURA-REPEATED"
	ViolationYears             violation.Code = "EFATURA-YEARS"
)

// Codes is the catalogue of the violation codes of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: ViolationRequired, Severity: violation.SeverityError, Description: "a field the WSDL or the manual requires is missing"},
	violation.Entry{Code: ViolationLength, Severity: violation.SeverityError, Description: "a text is shorter or longer than its WSDL type allows"},
	violation.Entry{Code: ViolationPattern, Severity: violation.SeverityError, Description: "a value does not match its WSDL type's pattern"},
	violation.Entry{Code: ViolationRange, Severity: violation.SeverityError, Description: "a number is outside its WSDL type's range"},
	violation.Entry{Code: ViolationEnum, Severity: violation.SeverityError, Description: "a code is not one of the values the WSDL lists"},
	violation.Entry{Code: ViolationChoice, Severity: violation.SeverityError, Description: "not exactly one of the alternatives of an xs:choice is given"},
	violation.Entry{Code: ViolationDate, Severity: violation.SeverityError, Description: "a date is missing or not a calendar date"},
	violation.Entry{Code: ViolationDateTime, Severity: violation.SeverityError, Description: "a date and time is missing or not valid"},
	violation.Entry{Code: ViolationNIF, Severity: violation.SeverityError, Description: "a NIF is not 9 digits"},
	violation.Entry{Code: ViolationIssuer, Severity: violation.SeverityError, Description: "no issuer is configured (WithIssuer)"},
	violation.Entry{Code: ViolationCustomer, Severity: violation.SeverityError, Description: "the customer given is not the document's customer"},
	violation.Entry{Code: ViolationHash, Severity: violation.SeverityError, Description: "the document's Hash is neither \"0\" nor a signature of at least 31 characters"},
	violation.Entry{Code: ViolationExemptionRequired, Severity: violation.SeverityError, Description: "a line of zero tax has no tax exemption code (manual 1.6.14.8)"},
	violation.Entry{Code: ViolationRepeated, Severity: violation.SeverityError, Description: "a document is listed twice for deletion (AT refuses with 491)"},
	violation.Entry{Code: ViolationYears, Severity: violation.SeverityError, Description: "documents of several years in one deletion (AT refuses with 401)"},
)

// ErrInvalid is matched (errors.Is) by the *violation.Error of a request
// refused before sending.
var ErrInvalid = violation.ErrInvalid
