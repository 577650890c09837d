package reporting

import (
	"errors"
	"fmt"
	"slices"

	"github.com/faturapt/faturapt/violation"
)

// Method is a way of communicating invoicing data to AT.
type Method string

// The two methods of Decreto-Lei n.º 198/2012, art. 3.º, n.º 1.
const (
	// MethodSAFT is the monthly SAF-T (PT) file (alínea b).
	MethodSAFT Method = "SAFT"
	// MethodWebService is real-time communication, document by document,
	// through the e-Fatura web service (alínea a).
	MethodWebService Method = "WS"
)

// Values returns the methods.
func (Method) Values() []Method { return []Method{MethodSAFT, MethodWebService} }

// Valid reports whether m is one of the methods.
func (m Method) Valid() bool { return m == MethodSAFT || m == MethodWebService }

// Description is the method's name in Portuguese.
func (m Method) Description() string {
	switch m {
	case MethodSAFT:
		return "Envio mensal do ficheiro SAF-T (PT)"
	case MethodWebService:
		return "Comunicação em tempo real por webservice"
	}
	return ""
}

// DescriptionEN is the method's name in English.
func (m Method) DescriptionEN() string {
	switch m {
	case MethodSAFT:
		return "monthly SAF-T (PT) file"
	case MethodWebService:
		return "real-time web service (e-Fatura)"
	}
	return ""
}

// String is DescriptionEN, or the raw value for an invalid method.
func (m Method) String() string {
	if d := m.DescriptionEN(); d != "" {
		return d
	}
	return fmt.Sprintf("Method(%q)", string(m))
}

// Year bounds of a Choice: AT's real-time communication started in 2013.
const (
	MinYear = 2013
	MaxYear = 9999
)

// ErrOtherMethod is matched (errors.Is) by every refusal because the
// company chose the other method for the year; the error is a
// *MethodError.
var ErrOtherMethod = errors.New("reporting: the company communicates this year's invoicing by the other method")

// ErrNoChoice is matched when no method is recorded for the year.
var ErrNoChoice = errors.New("reporting: no communication method recorded for the year")

// ErrInvalid is matched (errors.Is) by Validate's errors and by Check's
// refusal of an invalid record or method: a [*violation.Error] whose
// violations name the field ("Year", "Method", "Choices[2].Year", counted
// from 1) and one of the codes below.
var ErrInvalid = violation.ErrInvalid

// Violation codes.
const (
	CodeYearRange violation.Code = "REPORTING-YEAR-RANGE"
	CodeMethod    violation.Code = "REPORTING-METHOD"
	CodeYearTwice violation.Code = "REPORTING-YEAR-TWICE"
)

// Codes is the catalogue of the violation codes of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeYearRange, Description: "the year is outside the range a record may hold"},
	violation.Entry{Code: CodeMethod, Description: "the method is not SAFT or WS (Decreto-Lei 198/2012, art. 3.º, n.º 1)"},
	violation.Entry{Code: CodeYearTwice, Description: "a year has two choices: one method per calendar year"},
)

const subject = "reporting"

// MethodError refuses communicating year's data by Attempted because the
// company chose Chosen for that year.
type MethodError struct {
	Year      int
	Chosen    Method
	Attempted Method
}

func (e *MethodError) Error() string {
	return fmt.Sprintf("reporting: %d: the company communicates its invoicing by %s this year; %s is refused (one method per calendar year)",
		e.Year, e.Chosen, e.Attempted)
}

// Is makes errors.Is(err, ErrOtherMethod) true.
func (e *MethodError) Is(target error) bool { return target == ErrOtherMethod }

// Checker is what a communicating side consults: Choice and Choices
// implement it.
type Checker interface {
	Check(year int, m Method) error
}

// Choice is the method a company chose for one calendar year.
type Choice struct {
	Year   int
	Method Method
}

// Validate checks the year and the method, returning every violation.
func (c Choice) Validate() error {
	var vs violation.List
	c.validate(&vs, "")
	return vs.Err(subject)
}

func (c Choice) validate(vs *violation.List, prefix string) {
	if c.Year < MinYear || c.Year > MaxYear {
		vs.Add(prefix+"Year", CodeYearRange, "year %d is out of range %d-%d", c.Year, MinYear, MaxYear)
	}
	checkMethod(vs, prefix+"Method", c.Method)
}

func checkMethod(vs *violation.List, path string, m Method) {
	if !m.Valid() {
		vs.Add(path, CodeMethod, "method %q: want %q or %q", string(m), string(MethodSAFT), string(MethodWebService))
	}
}

// Check returns nil when m is the method chosen for year; a *MethodError
// (ErrOtherMethod) when the other one was; an error matching ErrNoChoice
// when year is not c.Year; an error matching ErrInvalid when c or m
// is invalid.
func (c Choice) Check(year int, m Method) error {
	return Choices{c}.Check(year, m)
}

// Choices is a company's record of methods, one per year at most.
type Choices []Choice

// Validate checks every choice and that no year appears twice.
func (cs Choices) Validate() error {
	var vs violation.List
	seen := map[int]bool{}
	for i, c := range cs {
		prefix := fmt.Sprintf("Choices[%d].", i+1)
		c.validate(&vs, prefix)
		if seen[c.Year] {
			vs.Add(prefix+"Year", CodeYearTwice, "year %d recorded twice", c.Year)
		}
		seen[c.Year] = true
	}
	return vs.Err(subject)
}

// Method returns the method recorded for year.
func (cs Choices) Method(year int) (Method, bool) {
	i := slices.IndexFunc(cs, func(c Choice) bool { return c.Year == year })
	if i < 0 {
		return "", false
	}
	return cs[i].Method, true
}

// Check returns nil when m is the method recorded for year, a
// *MethodError (ErrOtherMethod) when the other method is, and an error
// matching ErrNoChoice when none is; invalid records or an invalid m give
// an error matching ErrInvalid.
func (cs Choices) Check(year int, m Method) error {
	var vs violation.List
	checkMethod(&vs, "Method", m)
	if err := vs.Err(subject); err != nil {
		return err
	}
	if err := cs.Validate(); err != nil {
		return err
	}
	chosen, ok := cs.Method(year)
	if !ok {
		return fmt.Errorf("%w: %d (record the company's choice before communicating %s)", ErrNoChoice, year, m)
	}
	if chosen != m {
		return &MethodError{Year: year, Chosen: chosen, Attempted: m}
	}
	return nil
}
