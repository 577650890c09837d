package document

import "github.com/faturapt/faturapt/violation"

// ErrInvalid is matched by every *violation.Error of this package.
var ErrInvalid = violation.ErrInvalid

// The codes of the violations this package reports.
const (
	CodeType            violation.Code = "DOC-TYPE"
	CodeDate            violation.Code = "DOC-DATE"
	CodeLines           violation.Code = "DOC-LINES"
	CodeQuantity        violation.Code = "DOC-QUANTITY"
	CodePrice           violation.Code = "DOC-PRICE"
	CodeDiscount        violation.Code = "DOC-DISCOUNT"
	CodeProduct         violation.Code = "DOC-PRODUCT"
	CodeCategory        violation.Code = "DOC-TAX-CATEGORY"
	CodeRegion          violation.Code = "DOC-REGION"
	CodeRateUnknown     violation.Code = "DOC-RATE-UNKNOWN"
	CodeExemption       violation.Code = "DOC-EXEMPTION"
	CodeStampDuty       violation.Code = "DOC-STAMP-DUTY"
	CodeCustomerNIF     violation.Code = "DOC-CUSTOMER-NIF"
	CodeCustomerName    violation.Code = "DOC-CUSTOMER-NAME"
	CodeCustomerCountry violation.Code = "DOC-CUSTOMER-COUNTRY"
	CodeSimplifiedLimit violation.Code = "DOC-FS-LIMIT"
	CodeCurrency        violation.Code = "DOC-CURRENCY"
	CodeWithholding     violation.Code = "DOC-WITHHOLDING"
	CodeSettlement      violation.Code = "DOC-SETTLEMENT"
	CodePayments        violation.Code = "DOC-PAYMENTS"
	CodeReference       violation.Code = "DOC-REFERENCE"
	CodeTransport       violation.Code = "DOC-TRANSPORT"
	CodeCreditExceeds   violation.Code = "DOC-CREDIT-EXCEEDS"
	CodeCreditClosed    violation.Code = "DOC-CREDIT-CLOSED"
	CodeCreditUnknown   violation.Code = "DOC-CREDIT-UNKNOWN"
	CodeCancelCorrected violation.Code = "DOC-CANCEL-CORRECTED"
	CodeReceipt         violation.Code = "DOC-RECEIPT"
)

// Codes is the catalogue of this package's violation codes.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeType, Severity: violation.SeverityError, Description: "the document type is not one this package issues"},
	violation.Entry{Code: CodeDate, Severity: violation.SeverityError, Description: "a date is missing or is not a calendar date"},
	violation.Entry{Code: CodeLines, Severity: violation.SeverityError, Description: "a document has at least one line"},
	violation.Entry{Code: CodeQuantity, Severity: violation.SeverityError, Description: "a line's quantity is greater than 0"},
	violation.Entry{Code: CodePrice, Severity: violation.SeverityError, Description: "a unit price is not negative (Despacho 8632/2014 §2.2.6)"},
	violation.Entry{Code: CodeDiscount, Severity: violation.SeverityError, Description: "a discount is between 0 and 100 % (Despacho 8632/2014 §3.2.8)"},
	violation.Entry{Code: CodeProduct, Severity: violation.SeverityError, Description: "a line's product has a code, a description and a valid type"},
	violation.Entry{Code: CodeCategory, Severity: violation.SeverityError, Description: "a VAT line has a rate category: reduced, intermediate or normal"},
	violation.Entry{Code: CodeRegion, Severity: violation.SeverityError, Description: "the fiscal space is PT, PT-AC or PT-MA"},
	violation.Entry{Code: CodeRateUnknown, Severity: violation.SeverityError, Description: "the rates table has no rate in force on the tax point date"},
	violation.Entry{Code: CodeExemption, Severity: violation.SeverityError, Description: "an exemption code is M01 to M99 and has the mention the law makes the document print"},
	violation.Entry{Code: CodeStampDuty, Severity: violation.SeverityError, Description: "a stamp duty has its table item and exactly one of a rate or an amount"},
	violation.Entry{Code: CodeCustomerNIF, Severity: violation.SeverityError, Description: "a Portuguese customer's tax number is a valid NIF"},
	violation.Entry{Code: CodeCustomerName, Severity: violation.SeverityError, Description: "an identified customer has a name (CIVA art. 36 n.º 5 a))"},
	violation.Entry{Code: CodeCustomerCountry, Severity: violation.SeverityError, Description: "the customer's country is ISO 3166-1 alpha-2"},
	violation.Entry{Code: CodeSimplifiedLimit, Severity: violation.SeverityError, Description: "a simplified invoice stays within the limits of CIVA art. 40"},
	violation.Entry{Code: CodeCurrency, Severity: violation.SeverityError, Description: "a foreign currency has an ISO 4217 code other than EUR and a positive exchange rate"},
	violation.Entry{Code: CodeWithholding, Severity: violation.SeverityError, Description: "a withholding tax has its type and exactly one of a rate or an amount"},
	violation.Entry{Code: CodeSettlement, Severity: violation.SeverityError, Description: "a settlement discount is between 0 and 100 %"},
	violation.Entry{Code: CodePayments, Severity: violation.SeverityError, Description: "an invoice-receipt is paid, and the payments add up to the gross total"},
	violation.Entry{Code: CodeReference, Severity: violation.SeverityError, Description: "a credit or debit note's lines name the corrected document and the reason (Portaria 302/2016, 4.1.4.19.10); other documents have none"},
	violation.Entry{Code: CodeTransport, Severity: violation.SeverityError, Description: "a transport document has its movement's start and addresses"},
	violation.Entry{Code: CodeCreditExceeds, Severity: violation.SeverityError, Description: "a credit note credits no more than what remains uncredited of the document it corrects (Despacho 8632/2014 §3.2.7)"},
	violation.Entry{Code: CodeCreditClosed, Severity: violation.SeverityError, Description: "no credit note corrects a cancelled or fully credited document (Despacho 8632/2014 §3.3.7)"},
	violation.Entry{Code: CodeCreditUnknown, Severity: violation.SeverityError, Description: "the corrected document is in the history given"},
	violation.Entry{Code: CodeCancelCorrected, Severity: violation.SeverityError, Description: "a document that a credit or debit note corrects is not cancelled before that note is (Despacho 8632/2014 §3.3.8)"},
	violation.Entry{Code: CodeReceipt, Severity: violation.SeverityError, Description: "a receipt settles at least one earlier document, each for a positive amount"},
)
