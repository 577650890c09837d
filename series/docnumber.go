package series

import (
	"errors"
	"fmt"
	"strings"
)

// MaxDocumentNumberLength is the SAF-T maxLength of InvoiceNo,
// DocumentNumber and PaymentRefNo.
const MaxDocumentNumberLength = 60

// ErrInvalidDocumentNumber is wrapped by every error of [ParseDocumentNumber]
// and [DocumentNumber].
var ErrInvalidDocumentNumber = errors.New("series: invalid document number")

// DocumentRef is a document number split in its parts: "FT AB2019/0035" is
// {Type: FT, Series: "AB2019", Number: 35, Width: 4}.
type DocumentRef struct {
	Type   DocumentType
	Series string
	Number Number
	// Width is the minimum count of digits, zero-padded on the left. It is 0
	// unless the number was written with leading zeros, which the ATCUD keeps
	// ("FT AB2019/0035" gives ATCUD CSDF7T5H-0035).
	Width int
}

// DocumentNumber returns the SAF-T document number "TYPE SERIES/NUMBER"
// (e.g. "FT A/12"; XSD pattern [^ ]+ [^/^ ]+/[0-9]+, at most 60 characters),
// or an error naming the part and the rule broken.
func DocumentNumber(t DocumentType, seriesID string, n Number) (string, error) {
	return DocumentRef{Type: t, Series: seriesID, Number: n}.Format()
}

// Format returns r as "TYPE SERIES/NUMBER", or an error naming the part and
// rule broken: a known document type, a valid series identifier, a number
// of 1 to 25 digits, at most 60 characters in all.
func (r DocumentRef) Format() (string, error) {
	if !r.Type.Valid() {
		return "", fmt.Errorf("%w: document type %q is not one of the 25 codes of §1.3.7", ErrInvalidDocumentNumber, truncate(string(r.Type)))
	}
	if err := ValidateID(r.Series); err != nil {
		return "", fmt.Errorf("%w: series: %w", ErrInvalidDocumentNumber, err)
	}
	if !r.Number.Valid() {
		return "", fmt.Errorf("%w: number %s is not 1 to 25 digits", ErrInvalidDocumentNumber, r.Number)
	}
	if r.Width < 0 || r.Width > MaxDocumentNumberLength {
		return "", fmt.Errorf("%w: width %d is outside 0..%d", ErrInvalidDocumentNumber, r.Width, MaxDocumentNumberLength)
	}
	s := r.String()
	if len(s) > MaxDocumentNumberLength {
		return "", parseError(ErrInvalidDocumentNumber, "DocumentNumber", CodeTooLong, "%q has %d characters, SAF-T allows %d", truncate(s), len(s), MaxDocumentNumberLength)
	}
	return s, nil
}

// String returns "TYPE SERIES/NUMBER" without checking the parts; use
// [DocumentRef.Format] for a checked value.
func (r DocumentRef) String() string {
	digits := r.Number.String()
	if pad := r.Width - len(digits); pad > 0 {
		digits = strings.Repeat("0", pad) + digits
	}
	return string(r.Type) + " " + r.Series + "/" + digits
}

// Digits returns the number as written in the document number, leading
// zeros included: the part after "/" that goes into the ATCUD.
func (r DocumentRef) Digits() string {
	s := r.String()
	return s[strings.LastIndexByte(s, '/')+1:]
}

// ParseDocumentNumber splits a SAF-T document number "TYPE SERIES/NUMBER"
// into its parts. TYPE must be one of the 25 document types of the series
// manual §1.3.7 (the same codes as SAF-T's InvoiceType, MovementType,
// WorkType and PaymentType), SERIES a valid identifier (§1.3.2) and NUMBER
// 1 to 25 significant digits; leading zeros are kept in Width so that
// String gives the input back. Errors name the part and the rule.
func ParseDocumentNumber(s string) (DocumentRef, error) {
	if s == "" {
		return DocumentRef{}, parseError(ErrInvalidDocumentNumber, "DocumentNumber", CodeRequired, "empty, want TYPE SERIES/NUMBER (e.g. FT A/12)")
	}
	if len(s) > MaxDocumentNumberLength {
		return DocumentRef{}, parseError(ErrInvalidDocumentNumber, "DocumentNumber", CodeTooLong, "%q has %d characters, SAF-T allows %d", truncate(s), len(s), MaxDocumentNumberLength)
	}
	typ, rest, ok := strings.Cut(s, " ")
	if !ok {
		return DocumentRef{}, parseError(ErrInvalidDocumentNumber, "DocumentNumber", CodeFormat, "%q: no space between document type and series, want TYPE SERIES/NUMBER", s)
	}
	t := DocumentType(typ)
	if !t.Valid() {
		return DocumentRef{}, parseError(ErrInvalidDocumentNumber, "DocumentNumber", CodeUnknownCode, "%q: document type %q is not one of the 25 codes of §1.3.7", s, typ)
	}
	id, digits, ok := strings.Cut(rest, "/")
	if !ok {
		return DocumentRef{}, parseError(ErrInvalidDocumentNumber, "DocumentNumber", CodeFormat, "%q: no \"/\" between series and number, want TYPE SERIES/NUMBER", s)
	}
	if err := ValidateID(id); err != nil {
		return DocumentRef{}, parseError(ErrInvalidDocumentNumber, "DocumentNumber", CodeFormat, "%q: series: %v", s, err)
	}
	if digits == "" {
		return DocumentRef{}, parseError(ErrInvalidDocumentNumber, "DocumentNumber", CodeFormat, "%q: no number after \"/\"", s)
	}
	n, err := ParseNumber(digits)
	if err != nil {
		return DocumentRef{}, parseError(ErrInvalidDocumentNumber, "DocumentNumber", CodeFormat, "%q: number: %v", s, err)
	}
	if n.IsZero() {
		return DocumentRef{}, parseError(ErrInvalidDocumentNumber, "DocumentNumber", CodeOutOfRange, "%q: number is 0, sequence numbers start at 1 (numInicialSeq minInclusive = 1)", s)
	}
	r := DocumentRef{Type: t, Series: id, Number: n}
	if digits[0] == '0' {
		r.Width = len(digits)
	}
	return r, nil
}
