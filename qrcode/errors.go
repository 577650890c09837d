package qrcode

import (
	"errors"
	"fmt"
	"strings"

	"github.com/faturapt/faturapt/violation"
)

// ErrInvalid is matched (errors.Is) by every validation error of this
// package, a [*violation.Error] whose violations are at the field code of
// the §4 table ("A", "I3", "S"; "" for the message as a whole) with one of
// the codes below.
var ErrInvalid = violation.ErrInvalid

// Rules of the specification that a value or a message breaks. The section
// cited is the specification's unless said otherwise.
const (
	CodeRequired    violation.Code = "QRCODE-REQUIRED"     // §3 d: a mandatory field is missing
	CodeEmpty       violation.Code = "QRCODE-EMPTY"        // §3 f: an optional field is present without a value
	CodeMaxLength   violation.Code = "QRCODE-MAX-LENGTH"   // §3 i: value longer than the table's maximum
	CodeFormat      violation.Code = "QRCODE-FORMAT"       // value does not have the field's format (§4 instructions)
	CodeDecimals    violation.Code = "QRCODE-DECIMALS"     // §3 c: money must have exactly two decimals, "." separator
	CodeNegative    violation.Code = "QRCODE-NEGATIVE"     // money below zero (SAF-T amounts are never negative)
	CodeAsterisk    violation.Code = "QRCODE-ASTERISK"     // §3 b, §4 S: a value contains the separator "*"
	CodeSpaces      violation.Code = "QRCODE-SPACES"       // §3 a: spaces around a code or value
	CodeNIF         violation.Code = "QRCODE-NIF"          // not a valid Portuguese NIF (check digit, range)
	CodeCode        violation.Code = "QRCODE-CODE"         // value not in the SAF-T code list of the field
	CodeATCUD       violation.Code = "QRCODE-ATCUD"        // H is not "code-number" (Portaria 195/2020 art. 3)
	CodeATCUDNumber violation.Code = "QRCODE-ATCUD-NUMBER" // H's number is not G's sequential number (Portaria 195/2020 art. 3 n.º 3)
	CodeNoVATRate   violation.Code = "QRCODE-NO-VAT-RATE"  // §3 h: I1:0 with VAT amounts or other fiscal spaces
	CodeRegion      violation.Code = "QRCODE-REGION"       // §3 g: fiscal space missing its region or repeating one
	CodeSyntax      violation.Code = "QRCODE-SYNTAX"       // a part of the message is not "code:value"
	CodeUnknown     violation.Code = "QRCODE-UNKNOWN"      // field code not in the §4 table
	CodeDuplicate   violation.Code = "QRCODE-DUPLICATE"    // field given twice
	CodeOrder       violation.Code = "QRCODE-ORDER"        // §3 b: fields out of the table's order
)

// Codes is the catalogue of the rules of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeRequired, Description: "a mandatory field is missing (§3 d)"},
	violation.Entry{Code: CodeEmpty, Description: "an optional field is present without a value (§3 f)"},
	violation.Entry{Code: CodeMaxLength, Description: "a value is longer than the §4 table's maximum (§3 i)"},
	violation.Entry{Code: CodeFormat, Description: "a value does not have the field's format (§4)"},
	violation.Entry{Code: CodeDecimals, Description: `an amount has not exactly two decimals with "." (§3 c)`},
	violation.Entry{Code: CodeNegative, Description: "an amount is negative (SAF-T amounts never are)"},
	violation.Entry{Code: CodeAsterisk, Description: `a value contains the field separator "*" (§3 b)`},
	violation.Entry{Code: CodeSpaces, Description: "spaces around a code or a value (§3 a)"},
	violation.Entry{Code: CodeNIF, Description: "not a valid Portuguese NIF"},
	violation.Entry{Code: CodeCode, Description: "a value not in the SAF-T code list of the field"},
	violation.Entry{Code: CodeATCUD, Description: `field H is not an ATCUD "code-number" or "0" (Portaria 195/2020 art. 3)`},
	violation.Entry{Code: CodeATCUDNumber, Description: "the ATCUD's number is not the document number's (Portaria 195/2020 art. 3 n.º 3)"},
	violation.Entry{Code: CodeNoVATRate, Description: "I1:0 (no VAT rate) with VAT amounts, other fiscal spaces or a document of table 4.1 (§3 h)"},
	violation.Entry{Code: CodeRegion, Description: "a fiscal space without its region, or repeating one (§3 g)"},
	violation.Entry{Code: CodeSyntax, Description: `a part of the message is not "code:value"`},
	violation.Entry{Code: CodeUnknown, Description: "a field code not in the §4 table"},
	violation.Entry{Code: CodeDuplicate, Description: "a field given twice"},
	violation.Entry{Code: CodeOrder, Description: "fields out of the §4 table's order (§3 b)"},
)

// violations collects violations; fields with a violation already (e.g. an
// unparsable date) can be muted so later checks do not repeat them.
type violations struct {
	list  violation.List
	muted map[string]bool
}

func (vs *violations) add(field string, rule violation.Code, format string, args ...any) {
	if vs.muted[field] {
		return
	}
	vs.list.Add(field, rule, format, args...)
}

func (vs *violations) mute(field string) {
	if vs.muted == nil {
		vs.muted = map[string]bool{}
	}
	vs.muted[field] = true
}

func (vs *violations) err() error { return vs.list.Err("qrcode") }

// detail is the message of another package's validation error, without its
// subject: the violations' messages and codes.
func detail(err error) string {
	var e *violation.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	parts := make([]string, len(e.Violations))
	for i, v := range e.Violations {
		parts[i] = fmt.Sprintf("%s [%s]", v.Message, v.Code)
	}
	return strings.Join(parts, "; ")
}
