package setup_test

import (
	"context"
	"crypto/x509"
	"fmt"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/setup"
)

// A company that issues invoices and credit notes, before its credit-note
// series is registered.
func ExampleEvaluate() {
	now := time.Date(2026, time.November, 28, 12, 0, 0, 0, time.UTC)
	ft, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(1), civil.Date{Year: 2026, Month: 11, Day: 28})
	ft, _ = ft.Register("AAJFJMVNTN", "599999993", now)

	st := setup.Evaluate(context.Background(), setup.Company{
		DocumentTypes: []series.DocumentType{series.DocumentTypeFT, series.DocumentTypeNC},
		AT: setup.SeriesListerFunc(func(context.Context) ([]series.Series, error) {
			return []series.Series{ft}, nil // in a program: client.QuerySeries(ctx, atclient.SeriesQuery{})
		}),
		Certificate:   &x509.Certificate{NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.AddDate(1, 0, 0)},
		ATKeyNotAfter: time.Date(2027, time.April, 15, 0, 0, 0, 0, time.UTC),
		Methods:       reporting.Choices{{Year: 2026, Method: reporting.MethodSAFT}},
	}, setup.WithClock(func() time.Time { return now }))

	fmt.Println("set-up:", st.Level.Color())
	for _, c := range st.Checks {
		fmt.Println(c)
	}
	// Output:
	// set-up: yellow
	// [green] credentials: AT accepted the credentials
	// [green] permission: the sub-user may use the series web service (WSE)
	// [green] certificate: producer certificate valid until 2027-11-28
	// [green] at-key: AT public key valid until 2027-04-15
	// [green] series FT: active series: [A]
	// [yellow] series NC: no active series with a validation code — register a series for NC (Credit note) at AT
	// [green] method: 2026: monthly SAF-T (PT) file
}
