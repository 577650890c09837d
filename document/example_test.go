package document_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// exampleIssuer is an issuer with a fixed clock and a fresh key, and the
// series of the given types registered at AT.
func exampleIssuer(types ...series.DocumentType) (*issuing.Issuer, map[series.DocumentType]series.Series) {
	key, err := certify.GenerateKey(nil)
	if err != nil {
		panic(err)
	}
	signer, err := certify.NewSigner(key, 1)
	if err != nil {
		panic(err)
	}
	at := time.Date(2026, time.January, 20, 11, 5, 0, 0, civil.Lisbon)
	iss, err := issuing.New(issuerNIF, certificate, signer, issuing.NewMemoryStore(), issuing.WithClock(func() time.Time { return at }))
	if err != nil {
		panic(err)
	}
	out := map[series.DocumentType]series.Series{}
	for _, t := range types {
		s, err := series.New("A", t, series.NumberOf(1), civil.Date{Year: 2026, Month: time.January, Day: 1})
		if err != nil {
			panic(err)
		}
		if s, err = s.Register("AAJFJM"+string(t), issuerNIF, time.Date(2025, time.December, 20, 10, 0, 0, 0, civil.Lisbon)); err != nil {
			panic(err)
		}
		out[t] = s
	}
	return iss, out
}

func printTotals(d *document.Issued) {
	t := d.Invoice.DocumentTotals
	fmt.Printf("%s %s: net %s, tax %s, gross %s\n", d.Document.DocumentNumber, d.Printed.ATCUD,
		t.NetTotal.StringFixed(2), t.TaxPayable.StringFixed(2), t.GrossTotal.StringFixed(2))
	for _, l := range d.Invoice.Line {
		amount := l.CreditAmount
		if amount == nil {
			amount = l.DebitAmount
		}
		fmt.Printf("  %d %s x %s %s = %s %s/%s/%s%s\n", l.LineNumber, l.Quantity, l.UnitPrice, l.ProductCode, amount.StringFixed(2),
			l.Tax.TaxType, l.Tax.TaxCountryRegion, l.Tax.TaxCode, strings.TrimRight(" "+l.TaxExemptionCode, " "))
	}
	for _, m := range d.Printed.Mentions {
		fmt.Println("  mention:", m)
	}
}

// A hotel stay: two nights at the reduced rate, breakfast at the
// intermediate rate, the minibar at the normal rate and the municipal
// tourist tax, which is not subject to VAT (M99), paid by card on
// check-out: an invoice-receipt.
func Example_hotelStay() {
	iss, ss := exampleIssuer(series.DocumentTypeFR)
	room := document.Product{Code: "QD", Description: "Alojamento em quarto duplo", Type: saft.ProductTypeServices, Unit: "NOITE"}
	breakfast := document.Product{Code: "PA", Description: "Pequeno-almoço", Type: saft.ProductTypeServices}
	minibar := document.Product{Code: "MB", Description: "Minibar"}
	touristTax := document.Product{Code: "TMT", Description: "Taxa municipal turística", Type: saft.ProductTypeTax, Unit: "NOITE"}
	d, err := document.Issue(ctx, iss, ss[series.DocumentTypeFR], document.Draft{
		Type: series.DocumentTypeFR, Date: civil.Date{Year: 2026, Month: time.January, Day: 20},
		PricesIncludeTax: true, // the hotel's price list is with VAT
		Lines: []document.Line{
			{Product: room, Quantity: dec("2"), UnitPrice: dec("95.00"), Tax: document.Tax{Category: document.Reduced}},
			{Product: breakfast, Quantity: dec("4"), UnitPrice: dec("12.50"), Tax: document.Tax{Category: document.Intermediate}},
			{Product: minibar, Quantity: dec("3"), UnitPrice: dec("3.50"), Tax: document.Tax{Category: document.Normal}},
			{Product: touristTax, Quantity: dec("4"), UnitPrice: dec("4.00"), Tax: document.Tax{Exemption: "M99"}},
		},
		Payments: []document.Payment{{Mechanism: saft.PaymentMechanismDebitCard}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	printTotals(d)
	fmt.Println("  paid:", d.Invoice.DocumentTotals.Payment[0].PaymentAmount.StringFixed(2))
	// Output:
	// FR A/1 ATCUD:AAJFJMFR-1: net 248.03, tax 18.47, gross 266.50
	//   1 2 x 89.625 QD = 179.25 IVA/PT/RED
	//   2 4 x 11.06 PA = 44.24 IVA/PT/INT
	//   3 3 x 2.846667 MB = 8.54 IVA/PT/NOR
	//   4 4 x 4 TMT = 16.00 NS/PT/NS M99
	//   mention: Consumidor final
	//   mention: M99: Não sujeito ou não tributado
	//   paid: 266.50
}

// A shop in Madeira sells to a final consumer at the counter: the rates of
// the region (5, 12, 22 %), prices with VAT, a simplified invoice.
func Example_madeiraShop() {
	iss, ss := exampleIssuer(series.DocumentTypeFS)
	d, err := document.Issue(ctx, iss, ss[series.DocumentTypeFS], document.Draft{
		Type: series.DocumentTypeFS, Date: civil.Date{Year: 2026, Month: time.January, Day: 20},
		Region: document.Madeira, PricesIncludeTax: true, Retail: true,
		Lines: []document.Line{
			{Product: document.Product{Code: "PAO", Description: "Bolo do caco"}, Quantity: dec("6"), UnitPrice: dec("0.45"), Tax: document.Tax{Category: document.Reduced}},
			{Product: document.Product{Code: "VIN", Description: "Vinho Madeira 75 cl"}, Quantity: dec("1"), UnitPrice: dec("18.90"), Tax: document.Tax{Category: document.Normal}},
		},
		Payments: []document.Payment{{Mechanism: saft.PaymentMechanismCash}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	printTotals(d)
	fmt.Println("  QR tax blocks:", qrTaxPart(d.Printed.QR))
	// Output:
	// FS A/1 ATCUD:AAJFJMFS-1: net 18.06, tax 3.54, gross 21.60
	//   1 6 x 0.428333 PAO = 2.57 IVA/PT-MA/RED
	//   2 1 x 15.49 VIN = 15.49 IVA/PT-MA/NOR
	//   mention: Consumidor final
	//   QR tax blocks: I1:PT-MA*I3:2.57*I4:0.13*I7:15.49*I8:3.41*N:3.54
}

// An export of goods outside the EU is exempt (CIVA art. 14, M05), to a
// customer abroad, priced in US dollars.
func Example_exemptExport() {
	iss, ss := exampleIssuer(series.DocumentTypeFT)
	d, err := document.Issue(ctx, iss, ss[series.DocumentTypeFT], document.Draft{
		Type: series.DocumentTypeFT, Date: civil.Date{Year: 2026, Month: time.January, Day: 20},
		Customer: document.Customer{ID: "US1", TaxID: "98-7654321", Name: "Cork Importers Inc.", Address: "1 Main St", City: "Boston", PostalCode: "02108", Country: "US"},
		Lines: []document.Line{
			{Product: document.Product{Code: "ROL", Description: "Rolhas de cortiça (milheiro)"}, Quantity: dec("40"), UnitPrice: dec("185.00"), Tax: document.Tax{Exemption: "M05"}},
		},
		Currency: &document.Currency{Code: "USD", Rate: dec("0.9215")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	printTotals(d)
	c := d.Invoice.DocumentTotals.Currency
	fmt.Println("  currency:", c.CurrencyCode, c.CurrencyAmount.StringFixed(2), "at", c.ExchangeRate)
	// Output:
	// FT A/1 ATCUD:AAJFJMFT-1: net 6819.10, tax 0.00, gross 6819.10
	//   1 40 x 170.4775 ROL = 6819.10 IVA/PT/ISE M05
	//   mention: M05: Isento artigo 14.º do CIVA
	//   mention: Total em USD: 7 400,00 (câmbio 0,9215)
	//   currency: USD 7400.00 at 0.9215
}

// A service to a Portuguese company under reverse charge (construction
// services, CIVA art. 2 n.º 1 j), M31): no VAT on the document, "IVA -
// autoliquidação" printed; IRS withheld at 25 %.
func Example_reverseCharge() {
	iss, ss := exampleIssuer(series.DocumentTypeFT)
	d, err := document.Issue(ctx, iss, ss[series.DocumentTypeFT], document.Draft{
		Type: series.DocumentTypeFT, Date: civil.Date{Year: 2026, Month: time.January, Day: 20},
		Customer: document.Customer{TaxID: "503504564", Name: "Construções do Norte, Lda", Address: "Rua do Bolhão, 1", City: "Porto", PostalCode: "4000-110"},
		Lines: []document.Line{
			{Product: document.Product{Code: "EMP", Description: "Empreitada de canalização", Type: saft.ProductTypeServices}, Quantity: dec("1"), UnitPrice: dec("2400.00"), Tax: document.Tax{Exemption: "M31"}},
		},
		Withholding: []document.Withholding{{Type: saft.WithholdingTaxTypeIRS, Description: "Artigo 101.º n.º 1 do CIRS", Percent: dec("25")}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	printTotals(d)
	fmt.Println("  payable:", d.Payable.StringFixed(2))
	// Output:
	// FT A/1 ATCUD:AAJFJMFT-1: net 2400.00, tax 0.00, gross 2400.00
	//   1 1 x 2400 EMP = 2400.00 IVA/PT/ISE M31
	//   mention: M31: IVA - autoliquidação
	//   mention: Retenção na fonte (IRS): 600,00 €
	//   payable: 1800.00
}

// A credit note for part of an invoice: 2 of the 10 chairs are returned.
// The history says what remains uncredited, so a second return of 9 is
// refused.
func Example_partialCreditNote() {
	iss, ss := exampleIssuer(series.DocumentTypeFT, series.DocumentTypeNC)
	chair := document.Product{Code: "CAD", Description: "Cadeira de esplanada"}
	customer := document.Customer{TaxID: "503504564", Name: "Café Central, Lda", Address: "Rua Augusta, 100", City: "Lisboa", PostalCode: "1100-053"}
	date := civil.Date{Year: 2026, Month: time.January, Day: 20}
	history := document.HistoryMap{}
	ft, err := document.Issue(ctx, iss, ss[series.DocumentTypeFT], document.Draft{Type: series.DocumentTypeFT, Date: date, Customer: customer,
		Lines: []document.Line{{Product: chair, Quantity: dec("10"), UnitPrice: dec("45.90"), Discount: dec("10"), Tax: document.Tax{Category: document.Normal}}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	history.Record(ft.Computed, ft.Document.DocumentNumber)
	credit := func(qty string) (*document.Issued, error) {
		c, err := document.Compute(document.Draft{Type: series.DocumentTypeNC, Date: date, Customer: customer,
			Reference: &document.Reference{Number: ft.Document.DocumentNumber, Reason: "Devolução de artigos danificados"},
			Lines:     []document.Line{{Product: chair, Quantity: dec(qty), UnitPrice: dec("45.90"), Discount: dec("10"), Tax: document.Tax{Category: document.Normal}}}})
		if err != nil {
			return nil, err
		}
		if err := document.CheckCorrection(c, history); err != nil {
			return nil, err
		}
		nc, err := document.IssueComputed(ctx, iss, ss[series.DocumentTypeNC], c)
		if err == nil {
			history.Record(c, nc.Document.DocumentNumber)
		}
		return nc, err
	}
	nc, err := credit("2")
	if err != nil {
		fmt.Println(err)
		return
	}
	printTotals(ft)
	printTotals(nc)
	fmt.Println("  reference:", nc.Invoice.Line[0].References[0].Reference, "-", nc.Invoice.Line[0].References[0].Reason)
	_, err = credit("9")
	fmt.Println(err)
	fmt.Println(document.CheckCancellation(history[ft.Document.DocumentNumber]))
	// Output:
	// FT A/1 ATCUD:AAJFJMFT-1: net 413.10, tax 95.01, gross 508.11
	//   1 10 x 41.31 CAD = 413.10 IVA/PT/NOR
	// NC A/1 ATCUD:AAJFJMNC-1: net 82.62, tax 19.00, gross 101.62
	//   1 2 x 41.31 CAD = 82.62 IVA/PT/NOR
	//   reference: FT A/1 - Devolução de artigos danificados
	// correction: invalid: Reference: credits 371.79 of FT A/1, of which only 330.48 remains uncredited (net 413.10, credited 82.62) [DOC-CREDIT-EXCEEDS]
	// cancellation: invalid: FT A/1 is corrected by 1 credit or debit notes: cancel them first [DOC-CANCEL-CORRECTED]
}

// An invoice paid later by bank transfer: its receipt (RG), numbered by
// the program (receipts are not signed).
func Example_receiptOfInvoicePaidLater() {
	iss, ss := exampleIssuer(series.DocumentTypeFT, series.DocumentTypeRG)
	customer := document.Customer{TaxID: "503504564", Name: "Agência Lusa, S.A.", Address: "Avenida da Liberdade, 1", City: "Lisboa", PostalCode: "1250-096"}
	ft, err := document.Issue(ctx, iss, ss[series.DocumentTypeFT], document.Draft{Type: series.DocumentTypeFT,
		Date: civil.Date{Year: 2026, Month: time.January, Day: 5}, Customer: customer,
		Lines: []document.Line{{Product: document.Product{Code: "QD", Description: "Alojamento", Type: saft.ProductTypeServices}, Quantity: dec("8"), UnitPrice: dec("85.00"), Tax: document.Tax{Category: document.Reduced}}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	rg, err := document.Receipt(ss[series.DocumentTypeRG], series.NumberOf(1), issuerNIF, certificate,
		civil.DateTime{Date: civil.Date{Year: 2026, Month: time.January, Day: 20}, Hour: 9, Minute: 30}, document.ReceiptDraft{
			Date: civil.Date{Year: 2026, Month: time.January, Day: 20}, Customer: customer,
			Settles:  []document.Settled{{Number: ft.Document.DocumentNumber, Date: ft.Draft.Date, Amount: ft.Payable}},
			Payments: []document.Payment{{Mechanism: saft.PaymentMechanismBankTransfer}},
		})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := rg.Payment
	fmt.Println(rg.Number, rg.Printed.ATCUD, "settles", p.Line[0].SourceDocumentID[0].OriginatingON, "of", p.Line[0].SourceDocumentID[0].InvoiceDate)
	fmt.Println("  gross", p.DocumentTotals.GrossTotal.StringFixed(2), "paid by", p.PaymentMethod[0].PaymentMechanism)
	fmt.Println("  QR:", rg.Printed.QR)
	// Output:
	// RG A/1 ATCUD:AAJFJMRG-1 settles FT A/1 of 2026-01-05
	//   gross 720.80 paid by TB
	//   QR: A:509999999*B:503504564*C:PT*D:RG*E:N*F:20260120*G:RG A/1*H:AAJFJMRG-1*I1:0*N:0.00*O:720.80*Q:0*R:9999
}

// A store that keeps each invoice's SAF-T record with its number (package
// book) builds the record from the document it is recording, before Issue
// returns: the same record Issue returns.
func ExampleComputed_SAFTInvoice() {
	iss, ss := exampleIssuer(series.DocumentTypeFT)
	c, err := document.Compute(document.Draft{
		Type: series.DocumentTypeFT, Date: civil.Date{Year: 2026, Month: time.January, Day: 20},
		Customer: document.Customer{ID: "C1", TaxID: "500000000", Name: "Café Central, Lda"},
		Lines: []document.Line{{Product: document.Product{Code: "CAF", Description: "Café em grão 1 kg"},
			Quantity: dec("2"), UnitPrice: dec("18.50"), Tax: document.Tax{Category: document.Normal}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := document.IssueComputed(ctx, iss, ss[series.DocumentTypeFT], c)
	if err != nil {
		fmt.Println(err)
		return
	}
	inv := c.SAFTInvoice(d.Document)
	fmt.Println(inv.InvoiceNo, inv.ATCUD, inv.DocumentTotals.GrossTotal, inv.Hash == d.Invoice.Hash)
	fmt.Println(c.Customer().CustomerTaxID, len(c.Products()))
	// Output:
	// FT A/1 AAJFJMFT-1 45.51 true
	// 500000000 1
}
