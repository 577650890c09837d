package nif_test

import (
	"errors"
	"fmt"

	"github.com/faturapt/faturapt/nif"
)

func ExampleValidate() {
	for _, s := range []string{"503504564", nif.FinalConsumer, "50350456", "50350456X", "401234509", "503504565"} {
		fmt.Printf("%s: %v\n", s, nif.Validate(s))
	}
	// Output:
	// 503504564: <nil>
	// 999999990: <nil>
	// 50350456: nif: NIF must have exactly 9 digits: got 8 bytes
	// 50350456X: nif: NIF must contain only the digits 0-9: position 9 is 'X'
	// 401234509: nif: NIF first digits are not an assigned NIF range: "40" is not an assigned range
	// 503504565: nif: NIF check digit (mod 11) does not match: last digit is 5, expected 4
}

func ExampleValidate_errorsIs() {
	err := nif.Validate("503504565")
	fmt.Println(errors.Is(err, nif.ErrCheckDigit), errors.Is(err, nif.ErrPrefix))
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

func ExampleCategories() {
	fmt.Println(len(nif.Categories()), nif.Categories()[0], nif.CategoryUndividedEstate.Description())
	// Output: 15 individual Herança indivisa
}

func ExampleCategory_Valid() {
	fmt.Println(nif.CategoryLegalPerson.Valid(), nif.Category("company").Valid())
	// Output: true false
}

func ExampleError() {
	var e *nif.Error
	if errors.As(nif.Validate("12345678"), &e) {
		fmt.Println(e.Field, "|", e.Rule, "|", e.Detail)
	}
	// Output: NIF | must have exactly 9 digits | got 8 bytes
}
