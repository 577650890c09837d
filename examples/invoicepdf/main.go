// Command invoicepdf issues a hotel guest's invoice-receipt on check-out
// and writes it as the PDF the guest takes away: two nights at the reduced
// rate, breakfasts at the intermediate rate, the minibar at the normal
// rate and the municipal tourist tax, not subject to VAT, paid by card.
//
// The document is computed by package document, numbered, signed and
// given its ATCUD and QR code by package issuing (with a key generated on
// the spot), and drawn by package printout with everything the law makes
// it show. The PDF goes to the directory of -out (default: a temporary
// directory); the command prints where.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/printout"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

var hotel = printout.Seller{
	Name: "Hotel Miradouro de São Jorge, Lda", TaxID: "509999999",
	Address: "Rua da Saudade, 12", PostalCode: "1100-583", City: "Lisboa",
	Details: []string{"Capital social 50 000 € · C.R.C. Lisboa", "Tel. 213 000 000 · reservas@miradouro.pt"},
}

func main() {
	out := flag.String("out", "", "directory for the PDF (default: a temporary directory)")
	flag.Parse()
	if err := run(*out); err != nil {
		log.Fatal(err)
	}
}

func run(dir string) error {
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "invoicepdf"); err != nil {
			return err
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	key, err := certify.GenerateKey(nil)
	if err != nil {
		return err
	}
	signer, err := certify.NewSigner(key, 1)
	if err != nil {
		return err
	}
	checkOut := time.Date(2026, time.January, 20, 11, 5, 0, 0, civil.Lisbon)
	issuer, err := issuing.New(hotel.TaxID, "9999", signer, issuing.NewMemoryStore(),
		issuing.WithClock(func() time.Time { return checkOut }))
	if err != nil {
		return err
	}
	// The invoice-receipt series, communicated to AT in December.
	s, err := series.New("R2026", series.DocumentTypeFR, series.NumberOf(1), civil.Date{Year: 2026, Month: time.January, Day: 1})
	if err != nil {
		return err
	}
	if s, err = s.Register("JJ8KL2MN", hotel.TaxID, time.Date(2025, time.December, 20, 10, 0, 0, 0, civil.Lisbon)); err != nil {
		return err
	}
	doc, err := document.Issue(context.Background(), issuer, s, document.Draft{
		Type: series.DocumentTypeFR, Date: civil.DateIn(checkOut, civil.Lisbon), PricesIncludeTax: true,
		Customer: document.Customer{TaxID: "123456789", Name: "Maria Albertina Gonçalves", Address: "Rua do Almada, 45, 2.º esq.", City: "Porto", PostalCode: "4050-036"},
		Lines: []document.Line{
			{Product: document.Product{Code: "QD", Description: "Alojamento em quarto duplo, 18 a 20 de janeiro", Type: saft.ProductTypeServices, Unit: "NOITE"},
				Quantity: d("2"), UnitPrice: d("95.00"), Tax: document.Tax{Category: document.Reduced}},
			{Product: document.Product{Code: "PA", Description: "Pequeno-almoço", Type: saft.ProductTypeServices},
				Quantity: d("4"), UnitPrice: d("12.50"), Tax: document.Tax{Category: document.Intermediate}},
			{Product: document.Product{Code: "MB", Description: "Minibar"}, Quantity: d("3"), UnitPrice: d("3.50"), Tax: document.Tax{Category: document.Normal}},
			{Product: document.Product{Code: "TMT", Description: "Taxa municipal turística", Type: saft.ProductTypeTax, Unit: "NOITE"},
				Quantity: d("4"), UnitPrice: d("4.00"), Tax: document.Tax{Exemption: "M99"}},
		},
		Payments: []document.Payment{{Mechanism: saft.PaymentMechanismDebitCard}},
	})
	if err != nil {
		return err
	}
	p, err := printout.New(hotel, printout.WithColor(printout.RGB{R: 120, G: 30, B: 40}),
		printout.WithText("Obrigado pela sua estadia. Check-out até às 12h00."))
	if err != nil {
		return err
	}
	var pdf bytes.Buffer
	if err := p.Document(&pdf, doc); err != nil {
		return err
	}
	name := filepath.Join(dir, strings.NewReplacer(" ", "_", "/", "-").Replace(doc.Document.DocumentNumber)+".pdf")
	if err := os.WriteFile(name, pdf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s %s, %s EUR: %s (%d bytes)\n", doc.Document.DocumentNumber, doc.Printed.ATCUD, doc.GrossTotal.StringFixed(2), name, pdf.Len())
	return nil
}
