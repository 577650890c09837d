package printout_test

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/printout"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// pages counts the page objects of a PDF.
func pages(pdf []byte) int { return bytes.Count(pdf, []byte("/Type /Page\n")) }

// A hotel stay paid at check-out, printed as the guest's invoice-receipt
// and as its duplicate in English.
func ExamplePrinter_Document() {
	iss, mk, err := newIssuer()
	if err != nil {
		fmt.Println(err)
		return
	}
	ss := mk(series.DocumentTypeFR)
	d, err := document.Issue(context.Background(), iss, ss[series.DocumentTypeFR], document.Draft{
		Type: series.DocumentTypeFR, Date: civil.Date{Year: 2026, Month: time.January, Day: 20}, PricesIncludeTax: true,
		Lines: []document.Line{
			{Product: document.Product{Code: "QD", Description: "Alojamento em quarto duplo", Type: saft.ProductTypeServices, Unit: "NOITE"},
				Quantity: dec("2"), UnitPrice: dec("95.00"), Tax: document.Tax{Category: document.Reduced}},
			{Product: document.Product{Code: "TMT", Description: "Taxa municipal turística", Type: saft.ProductTypeTax, Unit: "NOITE"},
				Quantity: dec("4"), UnitPrice: dec("4.00"), Tax: document.Tax{Exemption: "M99"}},
		},
		Payments: []document.Payment{{Mechanism: saft.PaymentMechanismDebitCard}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := printout.New(seller, printout.WithColor(printout.RGB{R: 120, G: 30, B: 40}), printout.WithText("Obrigado pela sua estadia."))
	if err != nil {
		fmt.Println(err)
		return
	}
	var original, duplicate bytes.Buffer
	if err := p.Document(&original, d); err != nil {
		fmt.Println(err)
		return
	}
	if err := p.Document(&duplicate, d, printout.WithCopy(printout.Duplicate), printout.WithLabels(printout.English)); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Document.DocumentNumber, d.Printed.ATCUD, "pages:", pages(original.Bytes()), pages(duplicate.Bytes()))
	fmt.Println(bytes.HasPrefix(original.Bytes(), []byte("%PDF-")), bytes.Equal(original.Bytes(), duplicate.Bytes()))
	// Output:
	// FR A/1 ATCUD:AAJFJMFR-1 pages: 1 1
	// true false
}

// A receipt of an invoice paid later: not signed, it says "Emitido por
// programa certificado" and "Este documento não serve de fatura".
func ExamplePrinter_Receipt() {
	_, mk, err := newIssuer()
	if err != nil {
		fmt.Println(err)
		return
	}
	ss := mk(series.DocumentTypeRG)
	date := civil.Date{Year: 2026, Month: time.February, Day: 3}
	customer := document.Customer{TaxID: "503504564", Name: "Agência Lusa, S.A.", Address: "Avenida da Liberdade, 1", City: "Lisboa", PostalCode: "1250-096"}
	rg, err := document.Receipt(ss[series.DocumentTypeRG], series.NumberOf(1), sellerNIF, certificate,
		civil.DateTime{Date: date, Hour: 9, Minute: 30}, document.ReceiptDraft{Date: date, Customer: customer,
			Settles:  []document.Settled{{Number: "FT A/12", Date: civil.Date{Year: 2026, Month: time.January, Day: 5}, Amount: dec("720.80")}},
			Payments: []document.Payment{{Mechanism: saft.PaymentMechanismBankTransfer}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := printout.New(seller)
	if err != nil {
		fmt.Println(err)
		return
	}
	var pdf bytes.Buffer
	if err := p.Receipt(&pdf, rg); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rg.Number, rg.Printed.ATCUD, "pages:", pages(pdf.Bytes()))
	// Output:
	// RG A/1 ATCUD:AAJFJMRG-1 pages: 1
}

// A seller without a valid NIF, and a copy that does not exist: every
// problem at once.
func ExampleNew() {
	_, err := printout.New(printout.Seller{Name: "Loja", TaxID: "123456780"}, printout.WithCopy(printout.Copy(7)))
	fmt.Println(err)
	// Output:
	// printout: 2 violations: Seller.TaxID: "123456780" is not a valid NIF [PRINT-SELLER]; Copy: 7 is not a copy [PRINT-COPY]
}

func ExampleLabels_Money() {
	v := dec("1234567.5")
	fmt.Printf("%q\n", printout.Portuguese.Money(v))
	fmt.Println(printout.English.Money(v))
	fmt.Println(printout.Portuguese.Number(dec("89.625000"), 2), printout.Portuguese.Number(dec("3"), 0))
	// Output:
	// "1\u00a0234\u00a0567,50"
	// 1,234,567.50
	// 89,625 3
}

func ExampleDate() {
	d := civil.Date{Year: 2026, Month: time.January, Day: 5}
	fmt.Println(printout.Date(d), printout.DateTime(civil.DateTime{Date: d, Hour: 15, Minute: 7}))
	// Output:
	// 05-01-2026 05-01-2026 15:07
}

func ExampleCopy() {
	for _, c := range printout.Original.Values() {
		fmt.Printf("%s / %s\n", c, printout.English.Copies[c])
	}
	// Output:
	// Original / Original
	// Duplicado / Duplicate (Duplicado)
	// Triplicado / Triplicate (Triplicado)
	// 2.ª via / Reprint (2.ª via)
}
