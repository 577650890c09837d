package certify

import (
	"errors"
	"strings"
)

// Sentinel errors; every error of this package wraps one of them, so callers
// test with errors.Is.
var (
	ErrInvalidDocument    = errors.New("invalid document")
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

// Violation is one broken rule of a document, with a stable code and the
// field it concerns.
type Violation struct {
	Field   string // e.g. "GrossTotal"
	Code    string // stable, e.g. "gross_total.negative"
	Message string
}

// ValidationError lists every violation of a document at once. It wraps
// ErrInvalidDocument.
type ValidationError struct {
	Violations []Violation
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("certify: invalid document: ")
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.Field)
		b.WriteString(": ")
		b.WriteString(v.Message)
		b.WriteString(" [")
		b.WriteString(v.Code)
		b.WriteString("]")
	}
	return b.String()
}

// Unwrap makes errors.Is(err, ErrInvalidDocument) true.
func (e *ValidationError) Unwrap() error { return ErrInvalidDocument }
