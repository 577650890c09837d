package violation_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/faturapt/faturapt/violation"
)

const (
	codeRequired violation.Code = "VIOLATIONTEST-REQUIRED"
	codeTooLong  violation.Code = "VIOLATIONTEST-TOO-LONG"
	codeOdd      violation.Code = "VIOLATIONTEST-ODD"
)

var testCodes = violation.NewCatalogue(
	violation.Entry{Code: codeRequired, Description: "a required field is empty"},
	violation.Entry{Code: codeTooLong, Description: "a value is too long"},
	violation.Entry{Code: codeOdd, Severity: violation.SeverityWarning, Description: "an unusual value the rules accept"},
)

func TestErrorMessage(t *testing.T) {
	many := make([]violation.Violation, 7)
	for i := range many {
		many[i] = violation.Violation{Path: fmt.Sprintf("Lines[%d]", i+1), Code: codeTooLong, Message: "too long"}
	}
	for _, tc := range []struct {
		name string
		err  *violation.Error
		want string
	}{
		{"none", &violation.Error{Subject: "thing"}, "thing: invalid"},
		{"one", &violation.Error{Subject: "thing", Violations: []violation.Violation{{Path: "Name", Code: codeRequired, Message: "is empty"}}},
			"thing: invalid: Name: is empty [VIOLATIONTEST-REQUIRED]"},
		{"no subject, no path", &violation.Error{Violations: []violation.Violation{{Code: codeRequired, Message: "empty input"}}},
			"invalid: empty input [VIOLATIONTEST-REQUIRED]"},
		{"two", &violation.Error{Subject: "thing", Violations: []violation.Violation{{Path: "A", Code: codeRequired, Message: "m1"}, {Path: "B", Code: codeTooLong, Message: "m2"}}},
			"thing: 2 violations: A: m1 [VIOLATIONTEST-REQUIRED]; B: m2 [VIOLATIONTEST-TOO-LONG]"},
		{"many are cut", &violation.Error{Subject: "thing", Violations: many},
			"thing: 7 violations: Lines[1]: too long [VIOLATIONTEST-TOO-LONG]; Lines[2]: too long [VIOLATIONTEST-TOO-LONG]; Lines[3]: too long [VIOLATIONTEST-TOO-LONG]; Lines[4]: too long [VIOLATIONTEST-TOO-LONG]; Lines[5]: too long [VIOLATIONTEST-TOO-LONG]; and 2 more"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestIsHasCodes(t *testing.T) {
	var l violation.List
	l.Add("Name", codeRequired, "is empty")
	l.Add("Lines[2].Text", codeTooLong, "has %d characters, at most %d", 70, 60)
	l.Add("Name", codeTooLong, "literal %% kept without args")
	err := l.Err("thing")
	wrapped := fmt.Errorf("saving: %w", err)

	if !errors.Is(err, violation.ErrInvalid) || !errors.Is(wrapped, violation.ErrInvalid) {
		t.Fatal("errors.Is(err, ErrInvalid) is false")
	}
	var ve *violation.Error
	if !errors.As(wrapped, &ve) || ve.Subject != "thing" || len(ve.Violations) != 3 {
		t.Fatalf("errors.As: %#v", ve)
	}
	if ve.Violations[1].Message != "has 70 characters, at most 60" || ve.Violations[2].Message != "literal %% kept without args" {
		t.Errorf("messages %q, %q", ve.Violations[1].Message, ve.Violations[2].Message)
	}
	if !ve.Has(codeRequired) || !ve.Has(codeTooLong) || ve.Has(codeOdd) {
		t.Error("Has")
	}
	if !ve.HasAt("Lines[2].Text", codeTooLong) || ve.HasAt("Lines[2].Text", codeRequired) || ve.HasAt("Lines[1].Text", codeTooLong) {
		t.Error("HasAt")
	}
	if got := ve.Codes(); !slices.Equal(got, []violation.Code{codeRequired, codeTooLong}) {
		t.Errorf("Codes() = %v, want distinct codes in order found", got)
	}
	if !violation.Has(wrapped, codeTooLong) || violation.Has(wrapped, codeOdd) || violation.Has(errors.New("x"), codeTooLong) {
		t.Error("package Has")
	}
	if got := violation.Codes(wrapped); !slices.Equal(got, ve.Codes()) || violation.Codes(errors.New("x")) != nil {
		t.Errorf("package Codes = %v", got)
	}
	if errors.Is(errors.New("invalid"), violation.ErrInvalid) {
		t.Error("another error with the same text matches ErrInvalid")
	}
}

func TestListErrWarningsOnly(t *testing.T) {
	var l violation.List
	if l.Err("thing") != nil {
		t.Error("empty list is an error")
	}
	l.Add("Name", codeOdd, "unusual")
	if err := l.Err("thing"); err != nil {
		t.Errorf("warnings only: %v, want nil", err)
	}
	l.Add("Name", codeRequired, "is empty")
	err := l.Err("thing")
	var ve *violation.Error
	if !errors.As(err, &ve) || len(ve.Violations) != 2 || !ve.Has(codeOdd) {
		t.Errorf("an error with a warning: %v, want both violations", err)
	}
	// A code no catalogue holds is an error.
	var u violation.List
	u.Add("", "VIOLATIONTEST-UNREGISTERED", "x")
	if u.Err("thing") == nil {
		t.Error("an unregistered code does not refuse the input")
	}
}

func TestCatalogue(t *testing.T) {
	if got := testCodes.Values(); !slices.Equal(got, []violation.Code{codeRequired, codeTooLong, codeOdd}) {
		t.Errorf("Values() = %v", got)
	}
	if !testCodes.Valid(codeOdd) || testCodes.Valid("VIOLATIONTEST-NONE") || testCodes.Valid("") {
		t.Error("Valid")
	}
	e, ok := testCodes.Lookup(codeOdd)
	if !ok || e.Severity != violation.SeverityWarning || e.Description != "an unusual value the rules accept" {
		t.Errorf("Lookup = %+v, %v", e, ok)
	}
	if g, ok := violation.Lookup(codeTooLong); !ok || g.Code != codeTooLong {
		t.Errorf("global Lookup = %+v, %v", g, ok)
	}
	if codeTooLong.Description() != "a value is too long" || codeOdd.Severity() != violation.SeverityWarning || codeRequired.Severity() != violation.SeverityError {
		t.Error("Code.Description / Code.Severity")
	}
	if violation.Code("VIOLATIONTEST-NONE").Description() != "" || violation.Code("VIOLATIONTEST-NONE").Severity() != violation.SeverityError {
		t.Error("an unknown code has a description or is not an error")
	}
	entries := testCodes.Entries()
	entries[0].Description = "changed"
	if codeRequired.Description() != "a required field is empty" || testCodes.Entries()[0].Description == "changed" {
		t.Error("Entries shares the catalogue's memory")
	}
}

func TestNewCataloguePanics(t *testing.T) {
	for _, tc := range []struct {
		name  string
		entry violation.Entry
		want  string
	}{
		{"registered twice", violation.Entry{Code: codeRequired, Description: "again"}, "registered twice"},
		{"empty code", violation.Entry{Description: "no code"}, "incomplete"},
		{"no description", violation.Entry{Code: "VIOLATIONTEST-NO-DESCRIPTION"}, "incomplete"},
		{"unknown severity", violation.Entry{Code: "VIOLATIONTEST-SEVERITY", Severity: 7, Description: "x"}, "incomplete"},
	} {
		func() {
			defer func() {
				r := recover()
				if r == nil || !strings.Contains(fmt.Sprint(r), tc.want) {
					t.Errorf("%s: recover() = %v, want a panic saying %q", tc.name, r, tc.want)
				}
			}()
			violation.NewCatalogue(tc.entry)
		}()
	}
	if _, ok := violation.Lookup("VIOLATIONTEST-NO-DESCRIPTION"); ok {
		t.Error("an incomplete entry was registered")
	}
}

func TestSeverity(t *testing.T) {
	if got := violation.SeverityError.Values(); !slices.Equal(got, []violation.Severity{violation.SeverityError, violation.SeverityWarning}) {
		t.Errorf("Values() = %v", got)
	}
	if !violation.SeverityWarning.Valid() || violation.Severity(2).Valid() {
		t.Error("Valid")
	}
	if violation.SeverityError.String() != "error" || violation.SeverityWarning.String() != "warning" || violation.Severity(5).String() != "Severity(5)" {
		t.Error("String")
	}
	if _, err := violation.Severity(5).MarshalText(); err == nil {
		t.Error("MarshalText of an unknown severity")
	}
}

func TestViolationString(t *testing.T) {
	if got := (violation.Violation{Path: "A", Code: codeRequired, Message: "m"}).String(); got != "A: m [VIOLATIONTEST-REQUIRED]" {
		t.Error(got)
	}
	if got := (violation.Violation{Code: codeRequired, Message: "m"}).String(); got != "m [VIOLATIONTEST-REQUIRED]" {
		t.Error(got)
	}
}
