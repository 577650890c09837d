package certify

import (
	"errors"

	"github.com/faturapt/faturapt/violation"
)

// Sentinel errors; every error of this package wraps one of them, so callers
// test with errors.Is. ErrInvalid is matched by the validation errors of a
// [Document] and of a [Chain], a [*violation.Error] with the codes below.
var (
	ErrInvalid            = violation.ErrInvalid
	ErrInvalidKey         = errors.New("invalid RSA key")
	ErrKeySize            = errors.New("RSA key size not allowed (Despacho 8632/2014 §6.2 prescribes 1024 bits)")
	ErrMalformedHash      = errors.New("malformed hash")
	ErrBadSignature       = errors.New("signature does not verify")
	ErrPreviousHash       = errors.New("signed over another previous hash")
	ErrDateOrder          = errors.New("document date before the previous document's")
	ErrSystemEntryOrder   = errors.New("system entry date before the previous document's")
	ErrNumberSequence     = errors.New("document number is not the next in the series")
	ErrInvalidHashControl = errors.New("invalid HashControl element")
	ErrInvalidCertificate = errors.New("invalid certificate number")
)

// Violation codes of a document and of its place in a chain.
const (
	CodeDateInvalid        violation.Code = "CERTIFY-DATE-INVALID"
	CodeSystemEntryInvalid violation.Code = "CERTIFY-SYSTEM-ENTRY-INVALID"
	CodeNumberFormat       violation.Code = "CERTIFY-NUMBER-FORMAT"
	CodeGrossTotalTooLarge violation.Code = "CERTIFY-GROSS-TOTAL-TOO-LARGE"
	CodeGrossTotalNegative violation.Code = "CERTIFY-GROSS-TOTAL-NEGATIVE"
	CodeChainSeries        violation.Code = "CERTIFY-CHAIN-SERIES"
	CodeChainNumber        violation.Code = "CERTIFY-CHAIN-NUMBER"
	CodeChainDate          violation.Code = "CERTIFY-CHAIN-DATE"
	CodeChainSystemEntry   violation.Code = "CERTIFY-CHAIN-SYSTEM-ENTRY"
)

// Violation codes of the printed forms' input: the certificate number,
// the key version and the recovery references (they also match
// ErrInvalidCertificate or ErrInvalidHashControl).
const (
	CodeCertificate       violation.Code = "CERTIFY-CERTIFICATE"
	CodeKeyVersion        violation.Code = "CERTIFY-KEY-VERSION"
	CodeRecoveryReference violation.Code = "CERTIFY-RECOVERY-REFERENCE"
	CodeHashControlLength violation.Code = "CERTIFY-HASH-CONTROL-LENGTH"
)

// Codes is the catalogue of the violation codes of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeDateInvalid, Description: "the document date is not a calendar date with a four-digit year"},
	violation.Entry{Code: CodeSystemEntryInvalid, Description: "SystemEntryDate is missing or has not a four-digit year"},
	violation.Entry{Code: CodeNumberFormat, Description: "the document number is not TYPE SERIES/NUMBER (SAF-T pattern [^ ]+ [^/^ ]+/[0-9]+), numbered from 1"},
	violation.Entry{Code: CodeGrossTotalTooLarge, Description: "GrossTotal has more than 30 integer digits"},
	violation.Entry{Code: CodeGrossTotalNegative, Description: "GrossTotal is negative (SAF-T SAFmonetaryType, min 0.00)"},
	violation.Entry{Code: CodeChainSeries, Description: "the document is not of the chain's series (Despacho 8632/2014 §2.1.5)"},
	violation.Entry{Code: CodeChainNumber, Description: "the document number is not the next of the series (Despacho 8632/2014 §1.6)"},
	violation.Entry{Code: CodeChainDate, Description: "the document date is before the previous document's (Despacho 8632/2014 §3.2.1)"},
	violation.Entry{Code: CodeChainSystemEntry, Description: "SystemEntryDate is before the previous document's (Despacho 8632/2014 §3.2.1)"},
	violation.Entry{Code: CodeCertificate, Description: "the certificate number is not the 1 to 10 digits AT assigned to the program"},
	violation.Entry{Code: CodeKeyVersion, Description: "the key version is below 1 (Despacho 8632/2014 §2.1.3)"},
	violation.Entry{Code: CodeRecoveryReference, Description: "a manual or duplicate document's type, series or number is not as SAFPTHashControl requires (Despacho 8632/2014 §2.4.5.2, §2.5.5.2)"},
	violation.Entry{Code: CodeHashControlLength, Description: "the HashControl is longer than 70 characters (SAF-T SAFPTHashControl)"},
)

const subject = "certify"

// sentinelOf returns the sentinel a code also matches, or nil.
func sentinelOf(code violation.Code) error {
	switch code {
	case CodeCertificate:
		return ErrInvalidCertificate
	case CodeKeyVersion, CodeRecoveryReference, CodeHashControlLength:
		return ErrInvalidHashControl
	case CodeChainSeries, CodeChainNumber:
		return ErrNumberSequence
	case CodeChainDate:
		return ErrDateOrder
	case CodeChainSystemEntry:
		return ErrSystemEntryOrder
	}
	return nil
}

// sentinelError is a *violation.Error that also matches the sentinels of its
// codes.
type sentinelError struct{ ve *violation.Error }

func (e *sentinelError) Error() string { return e.ve.Error() }

func (e *sentinelError) Unwrap() []error {
	errs := []error{e.ve}
	for _, v := range e.ve.Violations {
		if s := sentinelOf(v.Code); s != nil {
			errs = append(errs, s)
		}
	}
	return errs
}

// invalid returns the violations in vs as a [*sentinelError], or nil.
func invalid(vs violation.List) error {
	if err := vs.Err(subject); err != nil {
		return &sentinelError{err.(*violation.Error)}
	}
	return nil
}

// invalidOne returns a single violation as [invalid] does.
func invalidOne(path string, code violation.Code, format string, args ...any) error {
	var vs violation.List
	vs.Add(path, code, format, args...)
	return invalid(vs)
}
