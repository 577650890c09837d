package saft_test

import (
	"fmt"
	"io"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/saft"
)

// A company that chose the e-Fatura web service for 2026 cannot also send
// that year's invoicing as a SAF-T file.
func ExampleWithReportingMethod() {
	methods := reporting.Choices{{Year: 2026, Method: reporting.MethodWebService}}
	header := saft.MonthlyInvoicingHeader(exampleCompany, exampleSoftware, 2026, time.January, civil.Date{Year: 2026, Month: time.February, Day: 1})
	err := saft.Write(io.Discard, saft.Content{Header: header}, saft.WithReportingMethod(methods))
	fmt.Println(err)
	// Output:
	// saft: reporting: 2026: the company communicates its invoicing by real-time web service (e-Fatura) this year; monthly SAF-T (PT) file is refused (one method per calendar year)
}
