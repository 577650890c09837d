package efatura

import "github.com/faturapt/faturapt/violation"

// The rules a request breaks when it is refused before anything is sent:
// those of the WSDL's types and of the manual ("Comunicação dos elementos
// dos documentos de faturação", v1.0, §2.2.2) that the SAF-T model does
// not carry. Each violation's Path is the request field, the WSDL's
// element path (e.g. "InvoiceData/LineSummary[1]/Tax/TaxCode").
const (
	RuleRequired          violation.Code = "EFATURA-REQUIRED"
	RuleLength            violation.Code = "EFATURA-LENGTH"
	RulePattern           violation.Code = "EFATURA-PATTERN"
	RuleRange             violation.Code = "EFATURA-RANGE"
	RuleEnum              violation.Code = "EFATURA-ENUM"
	RuleChoice            violation.Code = "EFATURA-CHOICE"
	RuleDate              violation.Code = "EFATURA-DATE"
	RuleDateTime          violation.Code = "EFATURA-DATETIME"
	RuleNIF               violation.Code = "EFATURA-NIF"
	RuleIssuer            violation.Code = "EFATURA-ISSUER"
	RuleCustomer          violation.Code = "EFATURA-CUSTOMER"
	RuleHash              violation.Code = "EFATURA-HASH"
	RuleExemptionRequired violation.Code = "EFATURA-EXEMPTION-REQUIRED"
	RuleRepeated          violation.Code = "EFATURA-REPEATED"
	RuleYears             violation.Code = "EFATURA-YEARS"
)

// Rules is the catalogue of the rules above.
var Rules = violation.NewCatalogue(
	violation.Entry{Code: RuleRequired, Severity: violation.SeverityError, Description: "a field the WSDL or the manual requires is missing"},
	violation.Entry{Code: RuleLength, Severity: violation.SeverityError, Description: "a text is shorter or longer than its WSDL type allows"},
	violation.Entry{Code: RulePattern, Severity: violation.SeverityError, Description: "a value does not match its WSDL type's pattern"},
	violation.Entry{Code: RuleRange, Severity: violation.SeverityError, Description: "a number is outside its WSDL type's range"},
	violation.Entry{Code: RuleEnum, Severity: violation.SeverityError, Description: "a code is not one of the values the WSDL lists"},
	violation.Entry{Code: RuleChoice, Severity: violation.SeverityError, Description: "not exactly one of the alternatives of an xs:choice is given"},
	violation.Entry{Code: RuleDate, Severity: violation.SeverityError, Description: "a date is missing or not a calendar date"},
	violation.Entry{Code: RuleDateTime, Severity: violation.SeverityError, Description: "a date and time is missing or not valid"},
	violation.Entry{Code: RuleNIF, Severity: violation.SeverityError, Description: "a NIF is not 9 digits"},
	violation.Entry{Code: RuleIssuer, Severity: violation.SeverityError, Description: "no issuer is configured (WithIssuer)"},
	violation.Entry{Code: RuleCustomer, Severity: violation.SeverityError, Description: "the customer given is not the document's customer"},
	violation.Entry{Code: RuleHash, Severity: violation.SeverityError, Description: "the document's Hash is neither \"0\" nor a signature of at least 31 characters"},
	violation.Entry{Code: RuleExemptionRequired, Severity: violation.SeverityError, Description: "a line of zero tax has no tax exemption code (manual 1.6.14.8)"},
	violation.Entry{Code: RuleRepeated, Severity: violation.SeverityError, Description: "a document is listed twice for deletion (AT refuses with 491)"},
	violation.Entry{Code: RuleYears, Severity: violation.SeverityError, Description: "documents of several years in one deletion (AT refuses with 401)"},
)

// ErrInvalid is matched (errors.Is) by the *violation.Error of a request
// refused before sending.
var ErrInvalid = violation.ErrInvalid
