package series

import (
	"strings"

	"github.com/faturapt/faturapt/violation"
)

// MaxIDLength is the longest series identifier (series manual §1.3.2).
const MaxIDLength = 35

// ValidateID checks a series identifier against the series manual §1.3.2:
// at most 35 characters, only A-Z a-z 0-9 and the separators . _ -, no
// separator first or last and never two separators in a row. It returns nil
// or a [*violation.Error] (field "ID") listing every broken rule.
//
// Every valid identifier contains neither space, "/" nor "^", so the SAF-T
// document number pattern [^ ]+ [^/^ ]+/[0-9]+ always accepts it.
func ValidateID(id string) error {
	var vs violation.List
	validateID(&vs, "ID", id)
	return vs.Err(subject)
}

func validateID(vs *violation.List, field, id string) {
	if id == "" {
		vs.Add(field, CodeRequired, "series identifier is empty, want 1 to 35 characters (§1.3.2)")
		return
	}
	if len(id) > MaxIDLength {
		vs.Add(field, CodeTooLong, "series identifier has %d bytes, at most %d characters allowed (§1.3.2)", len(id), MaxIDLength)
	}
	for i := 0; i < len(id); i++ {
		if !isIDLetterOrDigit(id[i]) && !isSeparator(id[i]) {
			vs.Add(field, CodeCharset, "series identifier %q: byte %q at position %d is not one of A-Z a-z 0-9 . _ - (no accents, no Ç) (§1.3.2)", truncate(id), id[i], i+1)
			break
		}
	}
	if isSeparator(id[0]) || isSeparator(id[len(id)-1]) {
		vs.Add(field, CodeSeparatorEdge, "series identifier %q starts or ends with a separator . _ - (§1.3.2)", truncate(id))
	}
	for i := 1; i < len(id); i++ {
		if isSeparator(id[i]) && isSeparator(id[i-1]) {
			vs.Add(field, CodeSeparatorRepeat, "series identifier %q has two separators in a row at position %d (§1.3.2)", truncate(id), i)
			break
		}
	}
}

func isIDLetterOrDigit(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

func isSeparator(c byte) bool { return c == '.' || c == '_' || c == '-' }

// Key returns the key under which a series must be unique: AT refuses a new
// identifier whose letters equal, ignoring case, those of a series already
// communicated for the same document type, and lets callers refer to a
// series with any capitalisation (series manual §1.3.2: with "AB"
// registered, "Ab", "aB" and "ab" are taken and all name it). Use it in your
// own registries: Key(DocumentTypeFT, "ab") == Key(DocumentTypeFT, "AB").
//
// Identifiers are ASCII (see [ValidateID]), so upper-casing is the whole
// folding; the ":" between type and identifier cannot occur in either.
func Key(t DocumentType, id string) string {
	return string(t) + ":" + strings.ToUpper(id)
}

// SameID reports whether two identifiers name the same series of a
// document type (case-insensitive, §1.3.2).
func SameID(a, b string) bool { return strings.EqualFold(a, b) }
