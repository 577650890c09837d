package reporting

import (
	"errors"
	"fmt"
	"slices"
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
func Values() []Method { return []Method{MethodSAFT, MethodWebService} }

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

// ErrInvalidChoice is matched by Validate's errors.
var ErrInvalidChoice = errors.New("reporting: invalid choice")

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
	var errs []error
	if c.Year < MinYear || c.Year > MaxYear {
		errs = append(errs, fmt.Errorf("%w: Year %d: out of range %d-%d", ErrInvalidChoice, c.Year, MinYear, MaxYear))
	}
	if !c.Method.Valid() {
		errs = append(errs, fmt.Errorf("%w: Method %q: want %q or %q", ErrInvalidChoice, string(c.Method), MethodSAFT, MethodWebService))
	}
	return errors.Join(errs...)
}

// Check returns nil when m is the method chosen for year; a *MethodError
// (ErrOtherMethod) when the other one was; an error matching ErrNoChoice
// when year is not c.Year; an error matching ErrInvalidChoice when c or m
// is invalid.
func (c Choice) Check(year int, m Method) error {
	return Choices{c}.Check(year, m)
}

// Choices is a company's record of methods, one per year at most.
type Choices []Choice

// Validate checks every choice and that no year appears twice.
func (cs Choices) Validate() error {
	var errs []error
	seen := map[int]bool{}
	for i, c := range cs {
		if err := c.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("choice %d: %w", i, err))
		}
		if seen[c.Year] {
			errs = append(errs, fmt.Errorf("%w: choice %d: year %d recorded twice", ErrInvalidChoice, i, c.Year))
		}
		seen[c.Year] = true
	}
	return errors.Join(errs...)
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
// an error matching ErrInvalidChoice.
func (cs Choices) Check(year int, m Method) error {
	if !m.Valid() {
		return fmt.Errorf("%w: Method %q: want %q or %q", ErrInvalidChoice, string(m), MethodSAFT, MethodWebService)
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
