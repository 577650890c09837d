package series

import (
	"errors"
	"strings"
)

// ErrInvalid is matched (errors.Is) by every [*ValidationError].
var ErrInvalid = errors.New("series: invalid")

// Violation codes: stable strings callers may switch on. A violation's
// Message is for people and may change; its Code and Field do not.
const (
	ViolationRequired        = "required"         // the field is empty
	ViolationTooLong         = "too_long"         // more characters than allowed
	ViolationCharset         = "charset"          // a character outside the allowed set
	ViolationSeparatorEdge   = "separator_edge"   // identifier starts or ends with . _ -
	ViolationSeparatorRepeat = "separator_repeat" // two separators in a row
	ViolationUnknownCode     = "unknown_code"     // not a code of the manual's tables
	ViolationOutOfRange      = "out_of_range"     // number outside its allowed range
	ViolationFormat          = "format"           // wrong shape (NIF, validation code, date)
	ViolationBeforeFirst     = "before_first"     // last number issued below the first number (AT code 4047)
	ViolationInconsistent    = "inconsistent"     // fields that contradict each other
)

// Violation is one broken rule: the field (the Go field name of [Series],
// e.g. "FirstNumber"), the stable code and a human message naming the rule.
type Violation struct {
	Field   string
	Code    string
	Message string
}

// ValidationError lists every violation found, in field order.
type ValidationError struct {
	Violations []Violation
}

// Error joins the violations' messages.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("series: invalid: ")
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

// Is makes errors.Is(err, ErrInvalid) true.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Has reports whether a violation with this field and code is present;
// an empty field matches any field.
func (e *ValidationError) Has(field, code string) bool {
	for _, v := range e.Violations {
		if (field == "" || v.Field == field) && v.Code == code {
			return true
		}
	}
	return false
}

type violations []Violation

func (vs *violations) add(field, code, msg string) {
	*vs = append(*vs, Violation{Field: field, Code: code, Message: msg})
}

func (vs violations) err() error {
	if len(vs) == 0 {
		return nil
	}
	return &ValidationError{Violations: vs}
}
