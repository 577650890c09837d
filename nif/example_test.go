package nif_test

import (
	"errors"
	"fmt"

	"github.com/faturapt/faturapt/nif"
	"github.com/faturapt/faturapt/violation"
)

func ExampleValidate() {
	for _, s := range []string{"503504564", nif.FinalConsumer, "50350456", "50350456X", "401234509", "503504565"} {
		fmt.Printf("%s: %v\n", s, nif.Validate(s))
	}
	// Output:
	// 503504564: <nil>
	// 999999990: <nil>
	// 50350456: nif: invalid: NIF: must have exactly 9 digits, got 8 bytes [NIF-LENGTH]
	// 50350456X: nif: invalid: NIF: must contain only the digits 0-9: position 9 is 'X' [NIF-NOT-DIGIT]
	// 401234509: nif: invalid: NIF: first digits "40" are not an assigned NIF range [NIF-PREFIX]
	// 503504565: nif: invalid: NIF: check digit (mod 11) does not match: last digit is 5, expected 4 [NIF-CHECK-DIGIT]
}

func ExampleValidate_errorsIs() {
	err := nif.Validate("503504565")
	fmt.Println(violation.Has(err, nif.CodeCheckDigit), violation.Has(err, nif.CodePrefix))
	// Output: true false
}

func ExampleValid() {
	fmt.Println(nif.Valid("123456789"), nif.Valid("123456780"))
	// Output: true false
}

func ExampleCheckDigit() {
	d, err := nif.CheckDigit("50350456")
	fmt.Println(string(d), err)
	// Output: 4 <nil>
}

func ExampleCategoryOf() {
	for _, s := range []string{"503504564", "123456789", "999999990", "991234502", "401234509"} {
		c := nif.CategoryOf(s)
		fmt.Printf("%s %q (%s)\n", s, c, c.DescriptionEN())
	}
	// Output:
	// 503504564 "legal-person" (Legal person)
	// 123456789 "individual" (Individual)
	// 999999990 "final-consumer" (Final consumer)
	// 991234502 "civil-society" (Civil society without legal personality)
	// 401234509 "" ()
}

func ExampleCategory_Values() {
	fmt.Println(len(nif.Category("").Values()), nif.Category("").Values()[0], nif.CategoryUndividedEstate.Description())
	// Output: 15 individual Herança indivisa
}

func ExampleCategory_Valid() {
	fmt.Println(nif.CategoryLegalPerson.Valid(), nif.Category("company").Valid())
	// Output: true false
}

func ExampleValidate_everyRule() {
	var e *violation.Error
	if errors.As(nif.Validate("4O123450"), &e) {
		for _, v := range e.Violations {
			fmt.Println(v.Path, "|", v.Code, "|", v.Message)
		}
	}
	// Output:
	// NIF | NIF-LENGTH | must have exactly 9 digits, got 8 bytes
	// NIF | NIF-NOT-DIGIT | must contain only the digits 0-9: position 2 is 'O'
}
