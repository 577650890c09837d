package violationtest_test

import (
	"fmt"
	"testing"

	"github.com/faturapt/faturapt/internal/violationtest"
	"github.com/faturapt/faturapt/violation"
)

var codes = violation.NewCatalogue(
	violation.Entry{Code: "VTEST-REQUIRED", Description: "a required value is missing"},
	violation.Entry{Code: "VTEST-FORMAT", Description: "a value of the wrong form"},
)

// recorder is a testing.TB that records failures instead of stopping the
// test, to check that Check fails when it should.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Error(...any)          { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true; panic(r) }
func (r *recorder) Fatal(...any)          { r.failed = true; panic(r) }
func (r *recorder) check(f func(testing.TB)) (failed bool) {
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
		failed = r.failed
	}()
	f(r)
	return
}

func TestCheck(t *testing.T) {
	var l violation.List
	l.Add("Name", "VTEST-REQUIRED", "is empty")
	l.Add("Code", "VTEST-FORMAT", "is not digits")
	good := l.Err("vtest")
	violationtest.Check(t, fmt.Errorf("wrapped: %w", good), codes, "VTEST-REQUIRED", "VTEST-FORMAT")

	var other violation.List
	other.Add("X", "SERIES-REQUIRED", "from another package")
	for _, tc := range []struct {
		name string
		err  error
		want []violation.Code
	}{
		{"nil", nil, nil},
		{"plain error", fmt.Errorf("invalid"), nil},
		{"missing code", good, []violation.Code{"VTEST-OTHER"}},
		{"code of another catalogue", other.Err("vtest"), nil},
		{"no violation", &violation.Error{Subject: "vtest"}, nil},
	} {
		r := &recorder{TB: t}
		if !r.check(func(tb testing.TB) { violationtest.Check(tb, tc.err, codes, tc.want...) }) {
			t.Errorf("%s: Check passed", tc.name)
		}
	}
}
