// Package violationtest checks, once for every package of the module, that
// a validation error has the house shape of package violation: it matches
// errors.Is(err, violation.ErrInvalid), is (or wraps) a *violation.Error,
// and its codes are typed constants of the package's catalogue, each with a
// description, named in the error's message with their path.
package violationtest

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/faturapt/faturapt/violation"
)

// codePattern is the form of every code: upper-case words joined by
// hyphens, the first naming the package ("SERIES-REQUIRED").
var codePattern = regexp.MustCompile(`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$`)

// maxShown is how many violations an error message lists.
const maxShown = 5

// Check fails t unless err is a validation error of the house shape whose
// codes all belong to cat and include each of want. It returns the
// *violation.Error for further checks.
func Check(t testing.TB, err error, cat *violation.Catalogue, want ...violation.Code) *violation.Error {
	t.Helper()
	if err == nil {
		t.Fatal("no error, want a validation error")
	}
	if !errors.Is(err, violation.ErrInvalid) {
		t.Errorf("errors.Is(%v, violation.ErrInvalid) is false", err)
	}
	var ve *violation.Error
	if !errors.As(err, &ve) {
		t.Fatalf("%v (%T) is not a *violation.Error", err, err)
	}
	if len(ve.Violations) == 0 {
		t.Fatalf("%v holds no violation", err)
	}
	for _, w := range want {
		if !ve.Has(w) || !violation.Has(err, w) {
			t.Errorf("%v: no violation with code %s", err, w)
		}
	}
	codes := ve.Codes()
	if !slices.Equal(codes, violation.Codes(err)) {
		t.Errorf("Codes() = %v, violation.Codes(err) = %v", codes, violation.Codes(err))
	}
	for i, c := range codes {
		if slices.Contains(codes[:i], c) {
			t.Errorf("Codes() = %v repeats %s", codes, c)
		}
	}
	msg := err.Error()
	for i, v := range ve.Violations {
		if !cat.Valid(v.Code) {
			t.Errorf("violation %d: code %q is not in the package's catalogue", i, v.Code)
		}
		if v.Code.Description() == "" {
			t.Errorf("violation %d: code %q has no description", i, v.Code)
		}
		if !slices.Contains(codes, v.Code) || !ve.HasAt(v.Path, v.Code) {
			t.Errorf("violation %d (%s at %q) is not found by Codes or HasAt", i, v.Code, v.Path)
		}
		if v.Message == "" {
			t.Errorf("violation %d (%s) has no message", i, v.Code)
		}
		if i < maxShown && !strings.Contains(msg, v.String()) {
			t.Errorf("message %q does not name violation %d, %q", msg, i, v.String())
		}
	}
	if ve.HasAt("\x00no such path", ve.Violations[0].Code) {
		t.Error("HasAt matches a path no violation has")
	}
	if ve.Subject != "" && !strings.HasPrefix(ve.Error(), ve.Subject+": ") {
		t.Errorf("message %q does not start with its subject %q", ve.Error(), ve.Subject)
	}
	CheckCatalogue(t, cat)
	return ve
}

// CheckCatalogue fails t unless every code of cat has the code form, a
// description and a known severity, is registered, and appears once.
func CheckCatalogue(t testing.TB, cat *violation.Catalogue) {
	t.Helper()
	values := cat.Values()
	if len(values) == 0 {
		t.Error("empty catalogue")
	}
	prefix := ""
	for i, c := range values {
		if !codePattern.MatchString(string(c)) {
			t.Errorf("code %q is not UPPER-HYPHEN with a package prefix", c)
		}
		p, _, _ := strings.Cut(string(c), "-")
		if i == 0 {
			prefix = p
		} else if p != prefix {
			t.Errorf("code %q: prefix %s, the catalogue's first code has %s", c, p, prefix)
		}
		if slices.Contains(values[:i], c) {
			t.Errorf("code %q appears twice", c)
		}
		e, ok := cat.Lookup(c)
		if !ok || !cat.Valid(c) || e.Description == "" || !e.Severity.Valid() {
			t.Errorf("code %q: entry %+v", c, e)
		}
		if g, ok := violation.Lookup(c); !ok || g != e {
			t.Errorf("code %q is not registered as in its catalogue", c)
		}
	}
	if cat.Valid("") || cat.Valid("NO-SUCH-CODE") {
		t.Error("Valid accepts a code the catalogue does not hold")
	}
}
