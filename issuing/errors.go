package issuing

import (
	"errors"

	"github.com/faturapt/faturapt/violation"
)

// Sentinel errors of Issue; the returned errors wrap them with the series
// concerned.
var (
	// ErrSeriesNotActive: the series has no validation code from AT, or is
	// finalized or cancelled (series manual §1.3.3: only an active series
	// is used to issue documents).
	ErrSeriesNotActive = errors.New("issuing: series is not registered and active")
	// ErrNotSigned: the document type is of class PY (receipts), which
	// Despacho 8632/2014 §2.1 does not sign.
	ErrNotSigned = errors.New("issuing: document type is not signed")
)

// ErrInvalid is matched (errors.Is) by the errors of a draft or of New's
// arguments that break a rule: a [*violation.Error] with every violation
// at once, each naming the field (its Go name, "GrossTotal", "QR.B") and
// one of the codes below.
var ErrInvalid = violation.ErrInvalid

// Violation codes: stable names callers may switch on.
const (
	CodeRequired           violation.Code = "ISSUING-REQUIRED"
	CodeDate               violation.Code = "ISSUING-DATE"
	CodeGrossTotalNegative violation.Code = "ISSUING-GROSSTOTAL-NEGATIVE"
	CodeGrossTotalScale    violation.Code = "ISSUING-GROSSTOTAL-SCALE"
	CodeGrossTotalDigits   violation.Code = "ISSUING-GROSSTOTAL-DIGITS"
	CodeQR                 violation.Code = "ISSUING-QR"
	CodeIssuerNIF          violation.Code = "ISSUING-ISSUER-NIF"
	CodeCertificate        violation.Code = "ISSUING-CERTIFICATE"
	CodeKeySize            violation.Code = "ISSUING-KEY-SIZE"
	CodeFirstNumber        violation.Code = "ISSUING-FIRST-NUMBER"
)

// Codes is the catalogue of the violation codes of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeRequired, Description: "a required value is missing: the draft's date, New's signer, store or clock"},
	violation.Entry{Code: CodeDate, Description: "the document date is not a calendar date with a four-digit year (SAF-T xs:date, the signed message)"},
	violation.Entry{Code: CodeGrossTotalNegative, Description: "GrossTotal is negative (SAF-T SAFmonetaryType, min 0.00)"},
	violation.Entry{Code: CodeGrossTotalScale, Description: "GrossTotal has more than 2 decimals: it would be signed rounded, and the SAF-T file would refuse it (Despacho 8632/2014 §2.6.7)"},
	violation.Entry{Code: CodeGrossTotalDigits, Description: "GrossTotal has more integer digits than the signature message holds"},
	violation.Entry{Code: CodeQR, Description: "the draft's QR code message breaks a rule of the QR code specification (Portaria 195/2020)"},
	violation.Entry{Code: CodeIssuerNIF, Description: "the issuer's NIF is not a valid Portuguese tax number (QR field A, SAF-T TaxRegistrationNumber)"},
	violation.Entry{Code: CodeCertificate, Description: "the program's certificate number is not 1 to 4 digits (Despacho 8632/2014 §2.2.3, QR field R)"},
	violation.Entry{Code: CodeKeySize, Description: "the signer's key is not of 1024 bits: its signatures do not fit SAF-T Hash (172 characters)"},
	violation.Entry{Code: CodeFirstNumber, Description: "the series' first number is beyond what a document number can carry"},
)

// subject names this package's validation errors.
const subject = "issuing"
