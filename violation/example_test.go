package violation_test

import (
	"errors"
	"fmt"

	"github.com/faturapt/faturapt/violation"
)

// A package declares its codes and their catalogue once.
const (
	exampleRequired violation.Code = "EXAMPLE-REQUIRED"
	exampleLong     violation.Code = "EXAMPLE-TOO-LONG"
	exampleOdd      violation.Code = "EXAMPLE-ODD"
)

var exampleCodes = violation.NewCatalogue(
	violation.Entry{Code: exampleRequired, Description: "a required field is empty"},
	violation.Entry{Code: exampleLong, Description: "more characters than allowed"},
	violation.Entry{Code: exampleOdd, Severity: violation.SeverityWarning, Description: "an unusual value"},
)

type customer struct{ Name, City string }

func (c customer) validate() error {
	var l violation.List
	if c.Name == "" {
		l.Add("Name", exampleRequired, "customer name is empty")
	}
	if len(c.City) > 10 {
		l.Add("City", exampleLong, "city has %d characters, at most %d", len(c.City), 10)
	}
	return l.Err("customer")
}

func ExampleList() {
	err := customer{City: "Vila Nova de Gaia"}.validate()
	fmt.Println(err)
	fmt.Println(errors.Is(err, violation.ErrInvalid))
	// Output:
	// customer: 2 violations: Name: customer name is empty [EXAMPLE-REQUIRED]; City: city has 17 characters, at most 10 [EXAMPLE-TOO-LONG]
	// true
}

func ExampleList_Err() {
	// Warnings alone do not refuse the input.
	var l violation.List
	l.Add("City", exampleOdd, "city is all in capitals")
	fmt.Println(l.Err("customer"))
	l.Add("Name", exampleRequired, "customer name is empty")
	fmt.Println(l.Err("customer"))
	// Output:
	// <nil>
	// customer: 2 violations: City: city is all in capitals [EXAMPLE-ODD]; Name: customer name is empty [EXAMPLE-REQUIRED]
}

func ExampleError() {
	err := fmt.Errorf("saving: %w", customer{City: "Vila Nova de Gaia"}.validate())
	var ve *violation.Error
	if errors.As(err, &ve) {
		for _, v := range ve.Violations {
			fmt.Println(v.Path, v.Code)
		}
		fmt.Println(ve.Has(exampleLong), ve.HasAt("Name", exampleLong), ve.Codes())
	}
	// Output:
	// Name EXAMPLE-REQUIRED
	// City EXAMPLE-TOO-LONG
	// true false [EXAMPLE-REQUIRED EXAMPLE-TOO-LONG]
}

func ExampleHas() {
	err := fmt.Errorf("saving: %w", customer{}.validate())
	fmt.Println(violation.Has(err, exampleRequired), violation.Codes(err))
	// Output: true [EXAMPLE-REQUIRED]
}

func ExampleNewCatalogue() {
	for _, c := range exampleCodes.Values() {
		fmt.Printf("%s (%s): %s\n", c, c.Severity(), c.Description())
	}
	fmt.Println(exampleCodes.Valid("EXAMPLE-TOO-LONG"), exampleCodes.Valid("SERIES-REQUIRED"))
	// Output:
	// EXAMPLE-REQUIRED (error): a required field is empty
	// EXAMPLE-TOO-LONG (error): more characters than allowed
	// EXAMPLE-ODD (warning): an unusual value
	// true false
}

func ExampleLookup() {
	e, ok := violation.Lookup("EXAMPLE-ODD")
	fmt.Println(e.Severity, e.Description, ok)
	_, ok = violation.Lookup("EXAMPLE-NONE")
	fmt.Println(ok)
	// Output:
	// warning an unusual value true
	// false
}
