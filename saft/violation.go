package saft

import (
	"errors"
	"strconv"
	"strings"
)

// Violation is one broken rule of a SAF-T (PT) file: what rule (Code, a
// stable string such as "SAFT-FACET-MAXLEN" or "SAFT-ASSERT-07"), where
// (Path, an XPath-like location such as
// "/AuditFile/SourceDocuments/SalesInvoices/Invoice[3]/Line[2]/UnitPrice",
// indexes counted from 1 as in XPath) and a message for people.
//
// Codes never change meaning; CodeDescription describes each one.
type Violation struct {
	Code    string
	Path    string
	Message string
}

// String returns "PATH: CODE: MESSAGE".
func (v Violation) String() string { return v.Path + ": " + v.Code + ": " + v.Message }

// ErrInvalid is matched (errors.Is) by every *ValidationError.
var ErrInvalid = errors.New("saft: the audit file is not valid")

// ValidationError lists every violation found in a model, in document order
// (warnings too, see IsWarning). It holds at least one error.
type ValidationError struct {
	Violations []Violation
}

// Error summarises the violations: their number and the first few.
func (e *ValidationError) Error() string {
	const shown = 3
	var b strings.Builder
	b.WriteString("saft: ")
	b.WriteString(strconv.Itoa(len(e.Violations)))
	if len(e.Violations) == 1 {
		b.WriteString(" violation: ")
	} else {
		b.WriteString(" violations: ")
	}
	for i, v := range e.Violations {
		if i == shown {
			b.WriteString("; ...")
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.String())
	}
	return b.String()
}

// Is reports whether target is ErrInvalid.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Codes returns the distinct codes of e's violations, in first-seen order.
func (e *ValidationError) Codes() []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range e.Violations {
		if !seen[v.Code] {
			seen[v.Code] = true
			out = append(out, v.Code)
		}
	}
	return out
}

// IsWarning reports whether code marks a likely error that the official
// texts do not make a rule (see CodeDescription): Validate and the writer
// do not fail for warnings alone, the audit reports them as warnings.
func IsWarning(code string) bool { return code == CodeRuleLineNumber }

// asError returns nil when vs holds no error (warnings alone do not fail)
// and otherwise a *ValidationError with every violation, warnings included.
func asError(vs []Violation) error {
	for _, v := range vs {
		if !IsWarning(v.Code) {
			return &ValidationError{Violations: vs}
		}
	}
	return nil
}
