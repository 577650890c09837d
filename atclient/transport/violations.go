package transport

import "github.com/faturapt/faturapt/violation"

// Violation codes of a document refused before anything is sent: the rules
// of the WSDL's types and of the manual (§4.2) and of the goods
// circulation regime that the SAF-T model does not carry. Each violation's
// Path is the request's element path (e.g. "AddressFrom/PostalCode",
// "Line[2]/UnitPrice"); its Message is for people and may change, its Code
// and Path do not.
const (
	CodeRequired     violation.Code = "TRANSPORT-REQUIRED"
	CodeLength       violation.Code = "TRANSPORT-LENGTH"
	CodePattern      violation.Code = "TRANSPORT-PATTERN"
	CodeEnum         violation.Code = "TRANSPORT-ENUM"
	CodeChoice       violation.Code = "TRANSPORT-CHOICE"
	CodeNIF          violation.Code = "TRANSPORT-NIF"
	CodeCountry      violation.Code = "TRANSPORT-COUNTRY"
	CodeDate         violation.Code = "TRANSPORT-DATE"
	CodeStarted      violation.Code = "TRANSPORT-START-PASSED"
	CodeStartTooFar  violation.Code = "TRANSPORT-TOO-EARLY"
	CodeStartTooOld  violation.Code = "TRANSPORT-TOO-LATE"
	CodeEndOrder     violation.Code = "TRANSPORT-END-BEFORE-START"
	CodeStartOrder   violation.Code = "TRANSPORT-START-BEFORE-ISSUE"
	CodeATCUD        violation.Code = "TRANSPORT-ATCUD"
	CodeQuantity     violation.Code = "TRANSPORT-QUANTITY"
	CodePrice        violation.Code = "TRANSPORT-PRICE"
	CodeVehicle      violation.Code = "TRANSPORT-VEHICLE"
	CodeOwnAssets    violation.Code = "TRANSPORT-OWN-ASSETS"
	CodeParty        violation.Code = "TRANSPORT-PARTY"
	CodeCancelNoCode violation.Code = "TRANSPORT-CANCEL-WITHOUT-CODE"
)

// Codes is the catalogue of the violation codes of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeRequired, Description: "a field the WSDL or the manual requires is missing"},
	violation.Entry{Code: CodeLength, Description: "a text is longer than its WSDL type allows"},
	violation.Entry{Code: CodePattern, Description: "a value does not have the form the WSDL or the manual gives (document number, postal code NNNN-NNN)"},
	violation.Entry{Code: CodeEnum, Description: "a document type or status the service does not accept (GR, GT, GA, GC, GD; N, T, A)"},
	violation.Entry{Code: CodeChoice, Description: "not exactly one of the customer and the supplier (xs:choice CustomerTaxID|SupplierTaxID)"},
	violation.Entry{Code: CodeNIF, Description: "a NIF that is not a valid Portuguese NIF (AT refuses the recipient's with -20)"},
	violation.Entry{Code: CodeCountry, Description: "an address outside Portugal where the WSDL fixes Country to PT"},
	violation.Entry{Code: CodeDate, Description: "a date or date-time missing or not valid"},
	violation.Entry{Code: CodeStarted, Description: "the transport has started: the communication is due before it (regime of goods in circulation, art. 5.º n.º 5; AT answers the alert -100)"},
	violation.Entry{Code: CodeStartTooFar, Description: "the transport starts more than 3 months from now (AT refuses with -21)"},
	violation.Entry{Code: CodeStartTooOld, Description: "the transport started more than 3 months ago (AT refuses with -17)"},
	violation.Entry{Code: CodeEndOrder, Description: "the end of the transport is not after its start"},
	violation.Entry{Code: CodeStartOrder, Description: "the transport starts before the day the document is issued"},
	violation.Entry{Code: CodeATCUD, Description: "the ATCUD is missing, malformed, or its number is not the document's (AT: -22, -20008)"},
	violation.Entry{Code: CodeQuantity, Description: "a line's quantity is not positive"},
	violation.Entry{Code: CodePrice, Description: "a line's unit price is negative (0.00 for documents not valued)"},
	violation.Entry{Code: CodeVehicle, Description: "the vehicle's registration is not 1 to 32 letters, digits, spaces or hyphens"},
	violation.Entry{Code: CodeOwnAssets, Description: "a GA (movement of own assets) names a recipient other than the sender"},
	violation.Entry{Code: CodeParty, Description: "the customer or supplier given is not the one the document names"},
	violation.Entry{Code: CodeCancelNoCode, Description: "a cancellation (MovementStatus A) of a document AT never coded (no ATDocCodeID)"},
)

// ErrInvalid is matched (errors.Is) by the *violation.Error of a document
// refused before sending.
var ErrInvalid = violation.ErrInvalid
