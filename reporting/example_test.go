package reporting_test

import (
	"errors"
	"fmt"

	"github.com/faturapt/faturapt/reporting"
)

func ExampleChoices_Check() {
	company := reporting.Choices{
		{Year: 2025, Method: reporting.MethodSAFT},
		{Year: 2026, Method: reporting.MethodWebService},
	}
	fmt.Println(company.Check(2026, reporting.MethodWebService))

	err := company.Check(2026, reporting.MethodSAFT)
	var me *reporting.MethodError
	fmt.Println(errors.Is(err, reporting.ErrOtherMethod), errors.As(err, &me) && me.Chosen == reporting.MethodWebService)
	fmt.Println(err)

	fmt.Println(errors.Is(company.Check(2027, reporting.MethodSAFT), reporting.ErrNoChoice))
	// Output:
	// <nil>
	// true true
	// reporting: 2026: the company communicates its invoicing by real-time web service (e-Fatura) this year; monthly SAF-T (PT) file is refused (one method per calendar year)
	// true
}

func ExampleChoice_Check() {
	choice := reporting.Choice{Year: 2026, Method: reporting.MethodSAFT}
	fmt.Println(choice.Check(2026, reporting.MethodSAFT) == nil)
	fmt.Println(errors.Is(choice.Check(2026, reporting.MethodWebService), reporting.ErrOtherMethod))
	// Output:
	// true
	// true
}

func ExampleMethod_Valid() {
	fmt.Println(reporting.MethodWebService.Valid(), reporting.Method("FILE").Valid())
	// Output: true false
}
