// Package violation is the one shape in which every package of the module
// reports invalid input: a [Violation] names where (a field path), which rule
// (a stable typed [Code] with a description in a [Catalogue]) and a message
// for people; an [*Error] holds every violation found at once and matches
// errors.Is(err, [ErrInvalid]).
//
// Codes are upper-case words joined by hyphens, prefixed by the package that
// owns them ("SERIES-REQUIRED", "SAFT-FACET-MAXLEN"), and never change
// meaning; messages may.
//
// The package imports nothing of the module: every other package uses it.
package violation

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// ErrInvalid is matched (errors.Is) by every [*Error].
var ErrInvalid = errors.New("invalid")

// Code is the stable name of a rule.
type Code string

// String returns the code itself.
func (c Code) String() string { return string(c) }

// Description returns the description its catalogue gives, or "" for a code
// no catalogue holds.
func (c Code) Description() string {
	e, _ := Lookup(c)
	return e.Description
}

// Severity returns the severity its catalogue gives; a code no catalogue
// holds is a [SeverityError].
func (c Code) Severity() Severity {
	e, _ := Lookup(c)
	return e.Severity
}

// Severity says whether a violation makes the input unusable.
type Severity uint8

// Severities. SeverityError is the zero value.
const (
	// SeverityError: the input breaks a rule the law, a manual or a schema
	// states; it is refused.
	SeverityError Severity = iota
	// SeverityWarning: an anomaly the rules accept but an inspection may ask
	// about; it is reported and does not refuse the input.
	SeverityWarning
)

// Values returns every severity.
func (Severity) Values() []Severity { return []Severity{SeverityError, SeverityWarning} }

// Valid reports whether s is a known severity.
func (s Severity) Valid() bool { return s <= SeverityWarning }

// String returns "error" or "warning".
func (s Severity) String() string {
	switch s {
	case SeverityError:
		return "error"
	case SeverityWarning:
		return "warning"
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText writes String.
func (s Severity) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("violation: unknown severity %d", s)
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads "error" or "warning", so that what MarshalText wrote
// reads back.
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = SeverityError
	case "warning":
		*s = SeverityWarning
	default:
		return fmt.Errorf("violation: unknown severity %q", b)
	}
	return nil
}

// Violation is one broken rule.
type Violation struct {
	// Path locates the value: a field name ("FirstNumber"), a dotted path
	// ("Lines[2].Tax") or an XPath-like path for SAF-T
	// ("/AuditFile/Header/TaxRegistrationNumber"), indexes counted from 1.
	// Empty for the input as a whole.
	Path    string
	Code    Code
	Message string
}

// String returns "PATH: MESSAGE [CODE]" ("MESSAGE [CODE]" without a path).
func (v Violation) String() string {
	if v.Path == "" {
		return v.Message + " [" + string(v.Code) + "]"
	}
	return v.Path + ": " + v.Message + " [" + string(v.Code) + "]"
}

// Error holds every violation found in one input, in the order found.
type Error struct {
	// Subject names what was checked, for the message ("series",
	// "saft"); it may be empty.
	Subject    string
	Violations []Violation
}

// maxShown bounds the violations an error message lists; all stay in
// Violations.
const maxShown = 5

// Error lists the violations (the first few when there are many).
func (e *Error) Error() string {
	var b strings.Builder
	if e.Subject != "" {
		b.WriteString(e.Subject)
		b.WriteString(": ")
	}
	switch n := len(e.Violations); n {
	case 0:
		b.WriteString("invalid")
		return b.String()
	case 1:
		b.WriteString("invalid: ")
	default:
		b.WriteString(strconv.Itoa(n))
		b.WriteString(" violations: ")
	}
	for i, v := range e.Violations {
		if i == maxShown {
			b.WriteString("; and ")
			b.WriteString(strconv.Itoa(len(e.Violations) - maxShown))
			b.WriteString(" more")
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.String())
	}
	return b.String()
}

// Is makes errors.Is(err, ErrInvalid) true.
func (e *Error) Is(target error) bool { return target == ErrInvalid }

// Has reports whether a violation has this code.
func (e *Error) Has(code Code) bool {
	return slices.ContainsFunc(e.Violations, func(v Violation) bool { return v.Code == code })
}

// HasAt reports whether a violation at path has this code.
func (e *Error) HasAt(path string, code Code) bool {
	return slices.ContainsFunc(e.Violations, func(v Violation) bool { return v.Path == path && v.Code == code })
}

// Codes returns the distinct codes, in the order first found.
func (e *Error) Codes() []Code {
	var out []Code
	for _, v := range e.Violations {
		if !slices.Contains(out, v.Code) {
			out = append(out, v.Code)
		}
	}
	return out
}

// Has reports whether err is, or wraps, an [*Error] with a violation of this
// code.
func Has(err error, code Code) bool {
	var e *Error
	return errors.As(err, &e) && e.Has(code)
}

// Codes returns the codes of the [*Error] err is or wraps, or nil.
func Codes(err error) []Code {
	var e *Error
	if !errors.As(err, &e) {
		return nil
	}
	return e.Codes()
}

// List collects violations while an input is checked.
type List []Violation

// Add appends a violation whose message is fmt.Sprintf(format, args...).
func (l *List) Add(path string, code Code, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	*l = append(*l, Violation{Path: path, Code: code, Message: msg})
}

// Err returns nil when l holds no violation of severity [SeverityError] (warnings
// alone do not refuse the input), and otherwise an [*Error] with every
// violation, warnings included.
func (l List) Err(subject string) error {
	for _, v := range l {
		if v.Code.Severity() == SeverityError {
			return &Error{Subject: subject, Violations: slices.Clip(l)}
		}
	}
	return nil
}

// Entry describes one code.
type Entry struct {
	Code        Code
	Severity    Severity
	Description string
}

// Catalogue is the list of a package's codes.
type Catalogue struct {
	entries []Entry
}

var (
	registryMu sync.RWMutex
	registry   = map[Code]Entry{}
)

// NewCatalogue returns the catalogue of entries and registers them, so that
// [Code.Description] and [Lookup] know them. A code registered twice, empty,
// or without a description is a programming error: it panics, at package
// initialisation.
func NewCatalogue(entries ...Entry) *Catalogue {
	registryMu.Lock()
	defer registryMu.Unlock()
	for _, e := range entries {
		if e.Code == "" || e.Description == "" || !e.Severity.Valid() {
			panic(fmt.Sprintf("violation: incomplete catalogue entry %+v", e))
		}
		if _, dup := registry[e.Code]; dup {
			panic("violation: code registered twice: " + string(e.Code))
		}
		registry[e.Code] = e
	}
	return &Catalogue{entries: slices.Clone(entries)}
}

// Values returns the catalogue's codes in catalogue order.
func (c *Catalogue) Values() []Code {
	out := make([]Code, len(c.entries))
	for i, e := range c.entries {
		out[i] = e.Code
	}
	return out
}

// Entries returns the catalogue's entries in catalogue order.
func (c *Catalogue) Entries() []Entry { return slices.Clone(c.entries) }

// Valid reports whether code is in the catalogue.
func (c *Catalogue) Valid(code Code) bool {
	_, ok := c.Lookup(code)
	return ok
}

// Lookup returns code's entry in the catalogue.
func (c *Catalogue) Lookup(code Code) (Entry, bool) {
	for _, e := range c.entries {
		if e.Code == code {
			return e, true
		}
	}
	return Entry{}, false
}

// Lookup returns code's entry in whichever catalogue holds it.
func Lookup(code Code) (Entry, bool) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	e, ok := registry[code]
	return e, ok
}
