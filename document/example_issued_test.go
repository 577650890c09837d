package document_test

import (
	"fmt"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// A store that keeps each document's SAF-T record with its number (package
// book) builds it with Issued from the document it is recording: the record
// IssueComputed returns, for a document of any class (here a transport
// document).
func ExampleComputed_Issued() {
	iss, ss := exampleIssuer(series.DocumentTypeGT)
	c, err := document.Compute(document.Draft{
		Type: series.DocumentTypeGT, Date: civil.Date{Year: 2026, Month: time.January, Day: 20},
		Customer: document.Customer{ID: "C1", TaxID: "500000000", Name: "Café Central, Lda"},
		Transport: &document.Transport{Start: time.Date(2026, time.January, 20, 15, 0, 0, 0, civil.Lisbon),
			From: saft.CustomerAddress{AddressDetail: "Armazém 1", City: "Lisboa", PostalCode: "1000-001", Country: "PT"},
			To:   saft.CustomerAddress{AddressDetail: "Rua Augusta, 100", City: "Lisboa", PostalCode: "1100-053", Country: "PT"}},
		Lines: []document.Line{{Product: document.Product{Code: "CAF", Description: "Café em grão 1 kg"},
			Quantity: dec("2"), UnitPrice: dec("18.50"), Tax: document.Tax{Category: document.Normal}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := document.IssueComputed(ctx, iss, ss[series.DocumentTypeGT], c)
	if err != nil {
		fmt.Println(err)
		return
	}
	again := c.Issued(d.Document)
	m := again.StockMovement
	fmt.Println(m.DocumentNumber, m.ATCUD, m.MovementStartTime, m.Hash == d.StockMovement.Hash)
	fmt.Println(again.Invoice == nil, again.Printed.ATCUD)
	// Output:
	// GT A/1 AAJFJMGT-1 2026-01-20T15:00:00 true
	// true ATCUD:AAJFJMGT-1
}
