package qrcode

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalid is matched (errors.Is) by every *ValidationError.
var ErrInvalid = errors.New("qrcode: invalid QR code message")

// Rule is the stable code of a rule of the specification that a value or a
// message breaks.
type Rule string

// Rules. The section cited is the specification's unless said otherwise.
const (
	RuleRequired    Rule = "required"     // §3 d: a mandatory field is missing
	RuleEmpty       Rule = "empty"        // §3 f: an optional field is present without a value
	RuleMaxLength   Rule = "max_length"   // §3 i: value longer than the table's maximum
	RuleFormat      Rule = "format"       // value does not have the field's format (§4 instructions)
	RuleDecimals    Rule = "decimals"     // §3 c: money must have exactly two decimals, "." separator
	RuleNegative    Rule = "negative"     // money below zero (SAF-T amounts are never negative)
	RuleAsterisk    Rule = "asterisk"     // §3 b, §4 S: a value contains the separator "*"
	RuleSpaces      Rule = "spaces"       // §3 a: spaces around a code or value
	RuleNIF         Rule = "nif"          // not a valid Portuguese NIF (check digit, range)
	RuleCode        Rule = "code"         // value not in the SAF-T code list of the field
	RuleATCUD       Rule = "atcud"        // H is not "code-number" (Portaria 195/2020 art. 3)
	RuleATCUDNumber Rule = "atcud_number" // H's number is not G's sequential number (Portaria 195/2020 art. 3 n.º 3)
	RuleNoVATRate   Rule = "no_vat_rate"  // §3 h: I1:0 with VAT amounts or other fiscal spaces
	RuleRegion      Rule = "region"       // §3 g: fiscal space missing its region or repeating one
	RuleSyntax      Rule = "syntax"       // a part of the message is not "code:value"
	RuleUnknown     Rule = "unknown"      // field code not in the §4 table
	RuleDuplicate   Rule = "duplicate"    // field given twice
	RuleOrder       Rule = "order"        // §3 b: fields out of the table's order
)

// Violation is one rule broken by one field.
type Violation struct {
	Field   string // field code of the §4 table ("A", "I3", "S"), or "" for the message as a whole
	Rule    Rule
	Message string // detail for people
}

func (v Violation) String() string {
	if v.Field == "" {
		return fmt.Sprintf("%s: %s", v.Rule, v.Message)
	}
	return fmt.Sprintf("%s: %s: %s", v.Field, v.Rule, v.Message)
}

// ValidationError lists every violation found, in the order of the
// message (Parse) or of the table (Build, Validate).
type ValidationError struct {
	Violations []Violation
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("qrcode: ")
	if len(e.Violations) == 1 {
		b.WriteString(e.Violations[0].String())
		return b.String()
	}
	fmt.Fprintf(&b, "%d violations: ", len(e.Violations))
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.String())
	}
	return b.String()
}

// Is makes errors.Is(err, ErrInvalid) true.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Has reports whether field broke rule.
func (e *ValidationError) Has(field string, rule Rule) bool {
	for _, v := range e.Violations {
		if v.Field == field && v.Rule == rule {
			return true
		}
	}
	return false
}

// violations collects Violations; fields with a violation already (e.g. an
// unparsable date) can be muted so later checks do not repeat them.
type violations struct {
	list  []Violation
	muted map[string]bool
}

func (vs *violations) add(field string, rule Rule, format string, args ...any) {
	if vs.muted[field] {
		return
	}
	vs.list = append(vs.list, Violation{Field: field, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

func (vs *violations) mute(field string) {
	if vs.muted == nil {
		vs.muted = map[string]bool{}
	}
	vs.muted[field] = true
}

func (vs *violations) err() error {
	if len(vs.list) == 0 {
		return nil
	}
	return &ValidationError{Violations: vs.list}
}
