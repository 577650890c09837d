package printout_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
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

const (
	sellerNIF   = "509999999"
	certificate = "9999"
)

var seller = printout.Seller{
	Name: "Hotel Miradouro de São Jorge, Lda", TaxID: sellerNIF,
	Address: "Rua da Saudade, 12", PostalCode: "1100-583", City: "Lisboa",
	Details: []string{"Capital social 50 000 € · C.R.C. Lisboa", "Tel. 213 000 000 · reservas@miradouro.pt"},
}

var softwareHouse = printout.Seller{Name: "Faturapt Software, S.A.", TaxID: "503504564", Address: "Avenida da República, 50", PostalCode: "1050-196", City: "Lisboa"}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(d int) civil.Date { return civil.Date{Year: 2026, Month: time.January, Day: d} }

// example is a document of the fixture with what its print must show.
type example struct {
	name    string
	issued  *document.Issued
	receipt *document.IssuedReceipt
	opts    []printout.Option
	pages   int
	// texts the text layer must hold besides the ATCUD, the certificate
	// mention and the document's mentions.
	texts []string
}

func (e *example) qr() string {
	if e.receipt != nil {
		return e.receipt.Printed.QR
	}
	return e.issued.Printed.QR
}

func (e *example) atcud() string {
	if e.receipt != nil {
		return e.receipt.Printed.ATCUD
	}
	return e.issued.Printed.ATCUD
}

func (e *example) mentions() []string {
	if e.receipt != nil {
		return e.receipt.Printed.Mentions
	}
	out := append([]string(nil), e.issued.Printed.Mentions...)
	for _, l := range e.issued.Lines {
		if l.Exemption != nil {
			out = append(out, l.Exemption.Code+": "+l.Exemption.Mention)
		}
	}
	return out
}

func (e *example) render(t testing.TB, p *printout.Printer, opts ...printout.Option) []byte {
	t.Helper()
	var buf bytes.Buffer
	opts = append(append([]printout.Option(nil), e.opts...), opts...)
	var err error
	if e.receipt != nil {
		err = p.Receipt(&buf, e.receipt, opts...)
	} else {
		err = p.Document(&buf, e.issued, opts...)
	}
	if err != nil {
		t.Fatalf("%s: %v", e.name, err)
	}
	return buf.Bytes()
}

var (
	fixtureOnce sync.Once
	fixture     []example
	fixtureErr  error
)

// examples issues, with a fixed key and clock, a document of every class:
// the same documents, signatures and QR codes in every run.
func examples(t testing.TB) []example {
	t.Helper()
	fixtureOnce.Do(func() { fixture, fixtureErr = buildExamples() })
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixture
}

// fixedSigner signs with the key kept under testdata, as key version 1: the
// goldens need the same signatures in every run, which the key
// internal/certifytest generates per test binary cannot give.
func fixedSigner() (*certify.Signer, error) {
	pem, err := os.ReadFile("testdata/signing_key.pem")
	if err != nil {
		return nil, err
	}
	key, err := certify.ParsePrivateKeyPEM(pem)
	if err != nil {
		return nil, err
	}
	return certify.NewSigner(key, 1)
}

func newIssuer() (*issuing.Issuer, func(types ...series.DocumentType) map[series.DocumentType]series.Series, error) {
	signer, err := fixedSigner()
	if err != nil {
		return nil, nil, err
	}
	at := time.Date(2026, time.January, 20, 11, 5, 0, 0, civil.Lisbon)
	clock := func() time.Time { at = at.Add(time.Minute); return at }
	iss, err := issuing.New(sellerNIF, certificate, signer, issuing.NewMemoryStore(), issuing.WithClock(clock))
	if err != nil {
		return nil, nil, err
	}
	mk := func(types ...series.DocumentType) map[series.DocumentType]series.Series {
		out := map[series.DocumentType]series.Series{}
		for _, typ := range types {
			s, err := series.New("A", typ, series.NumberOf(1), day(1), series.WithCertificateNumber(9999))
			if err == nil {
				s, err = s.Register("AAJFJM"+string(typ), sellerNIF, time.Date(2025, time.December, 20, 10, 0, 0, 0, civil.Lisbon))
			}
			if err != nil {
				panic(err)
			}
			out[typ] = s
		}
		return out
	}
	return iss, mk, nil
}

func buildExamples() ([]example, error) {
	ctx := context.Background()
	iss, mk, err := newIssuer()
	if err != nil {
		return nil, err
	}
	ss := mk(series.DocumentTypeFT, series.DocumentTypeFS, series.DocumentTypeFR, series.DocumentTypeNC,
		series.DocumentTypePF, series.DocumentTypeGT, series.DocumentTypeRG, series.DocumentTypeRC)
	company := document.Customer{TaxID: "503504564", Name: "Agência de Viagens Lusitânia, S.A.", Address: "Avenida da Liberdade, 110", City: "Lisboa", PostalCode: "1250-146"}
	room := document.Product{Code: "QD", Description: "Alojamento em quarto duplo", Type: saft.ProductTypeServices, Unit: "NOITE"}
	breakfast := document.Product{Code: "PA", Description: "Pequeno-almoço", Type: saft.ProductTypeServices}
	minibar := document.Product{Code: "MB", Description: "Minibar"}
	touristTax := document.Product{Code: "TMT", Description: "Taxa municipal turística", Type: saft.ProductTypeTax, Unit: "NOITE"}
	var out []example
	issue := func(name string, d document.Draft, texts ...string) *document.Issued {
		if err != nil {
			return nil
		}
		var doc *document.Issued
		doc, err = document.Issue(ctx, iss, ss[d.Type], d)
		if err != nil {
			err = fmt.Errorf("%s: %w", name, err)
			return nil
		}
		out = append(out, example{name: name, issued: doc, pages: 1, texts: texts})
		return doc
	}

	// An invoice to a company: three rates, a discount, a line exempt
	// (CIVA art. 9.º, M07) supplied on another day, IRS withheld.
	ft := issue("invoice", document.Draft{Type: series.DocumentTypeFT, Date: day(20), Customer: company,
		Lines: []document.Line{
			{Product: room, Quantity: dec("12"), UnitPrice: dec("85.00"), Discount: dec("10"), Tax: document.Tax{Category: document.Reduced}},
			{Product: breakfast, Quantity: dec("24"), UnitPrice: dec("11.00"), Tax: document.Tax{Category: document.Intermediate}},
			{Product: minibar, Quantity: dec("6"), UnitPrice: dec("3.25"), Tax: document.Tax{Category: document.Normal}},
			{Product: document.Product{Code: "VG", Description: "Visita guiada ao Museu Nacional do Azulejo, com transporte e guia intérprete", Type: saft.ProductTypeServices},
				Quantity: dec("6"), UnitPrice: dec("18.00"), Tax: document.Tax{Exemption: "M07"}, TaxPointDate: day(18)},
		},
		Withholding: []document.Withholding{{Type: saft.WithholdingTaxTypeIRS, Description: "Artigo 101.º n.º 1 do CIRS", Percent: dec("11.5")}},
	}, "Data da entrega ou prestação: 18-01-2026", "Retenção na fonte (IRS)", "Total a pagar", "Agência de Viagens Lusitânia, S.A.", "NIF: 503504564", "NIF: "+sellerNIF)

	// A simplified invoice at the hotel's shop, to a final consumer.
	issue("simplified", document.Draft{Type: series.DocumentTypeFS, Date: day(20), PricesIncludeTax: true, Retail: true,
		Lines: []document.Line{
			{Product: document.Product{Code: "PST", Description: "Pastel de nata"}, Quantity: dec("6"), UnitPrice: dec("1.30"), Tax: document.Tax{Category: document.Intermediate}},
			{Product: document.Product{Code: "GJ", Description: "Ginjinha de Óbidos 50 cl"}, Quantity: dec("1"), UnitPrice: dec("14.90"), Tax: document.Tax{Category: document.Normal}},
		},
		Payments: []document.Payment{{Mechanism: saft.PaymentMechanismCash}},
	}, "Numerário")

	// The hotel stay, paid on check-out: an invoice-receipt.
	issue("invoice-receipt", document.Draft{Type: series.DocumentTypeFR, Date: day(20), PricesIncludeTax: true,
		Lines: []document.Line{
			{Product: room, Quantity: dec("2"), UnitPrice: dec("95.00"), Tax: document.Tax{Category: document.Reduced}},
			{Product: breakfast, Quantity: dec("4"), UnitPrice: dec("12.50"), Tax: document.Tax{Category: document.Intermediate}},
			{Product: minibar, Quantity: dec("3"), UnitPrice: dec("3.50"), Tax: document.Tax{Category: document.Normal}},
			{Product: touristTax, Quantity: dec("4"), UnitPrice: dec("4.00"), Tax: document.Tax{Exemption: "M99"}},
		},
		Payments: []document.Payment{{Mechanism: saft.PaymentMechanismDebitCard}},
	}, "Cartão de débito", "Consumidor final")

	// A credit note for two nights of the invoice.
	if ft != nil {
		issue("credit-note", document.Draft{Type: series.DocumentTypeNC, Date: day(20), Customer: company,
			Reference: &document.Reference{Number: ft.Document.DocumentNumber, Reason: "Cancelamento de duas noites"},
			Lines:     []document.Line{{Product: room, Quantity: dec("2"), UnitPrice: dec("85.00"), Discount: dec("10"), Tax: document.Tax{Category: document.Reduced}}},
		}, "Documento retificado: FT A/1 – Cancelamento de duas noites")
	}

	// A pro forma for a group booking: a working document, with a global
	// discount and one for early payment.
	issue("pro-forma", document.Draft{Type: series.DocumentTypePF, Date: day(20), Customer: company,
		Discount: dec("5"), Settlement: &document.Settlement{Percent: dec("2"), Date: day(30)},
		Lines: []document.Line{
			{Product: room, Quantity: dec("30"), UnitPrice: dec("80.00"), Tax: document.Tax{Category: document.Reduced}},
			{Product: breakfast, Quantity: dec("60"), UnitPrice: dec("10.00"), Tax: document.Tax{Category: document.Intermediate}},
		},
	}, printout.NotAnInvoice, "Desconto global", "Desconto de pronto pagamento 2% até 30-01-2026")

	// Linen sent to the laundry: a transport guide.
	from := saft.CustomerAddress{AddressDetail: "Rua da Saudade, 12", City: "Lisboa", PostalCode: "1100-583", Country: "PT"}
	to := saft.CustomerAddress{AddressDetail: "Estrada de Benfica, 300", City: "Lisboa", PostalCode: "1500-084", Country: "PT"}
	issue("transport-guide", document.Draft{Type: series.DocumentTypeGT, Date: day(20), Customer: company,
		Transport: &document.Transport{Start: time.Date(2026, time.January, 20, 15, 30, 0, 0, civil.Lisbon), From: from, To: to},
		Lines: []document.Line{
			{Product: document.Product{Code: "LC", Description: "Lençóis de algodão"}, Quantity: dec("120"), UnitPrice: dec("0"), Tax: document.Tax{Category: document.Normal}},
			{Product: document.Product{Code: "TL", Description: "Toalhas de banho"}, Quantity: dec("200"), UnitPrice: dec("0"), Tax: document.Tax{Category: document.Normal}},
		},
	}, printout.NotAnInvoice, "Local de carga: Rua da Saudade, 12, 1100-583 Lisboa, PT",
		"Local de descarga: Estrada de Benfica, 300, 1500-084 Lisboa, PT", "Início do transporte: 20-01-2026 15:30")

	// A Polish customer, a name beyond Windows-1252: the Unicode fonts.
	issue("unicode-customer", document.Draft{Type: series.DocumentTypeFT, Date: day(20),
		Customer: document.Customer{ID: "PL1", TaxID: "PL5260250995", Name: "Biuro Podróży Łódź Sp. z o.o.", Address: "ul. Piotrkowska 120", City: "Łódź", PostalCode: "90-006", Country: "PL", TaxablePerson: true},
		Lines: []document.Line{
			{Product: document.Product{Code: "EV", Description: "Organização de evento em Lisboa", Type: saft.ProductTypeServices}, Quantity: dec("1"), UnitPrice: dec("3200.00"), Tax: document.Tax{Exemption: "M40"}},
		},
	}, "Biuro Podróży Łódź Sp. z o.o.", "90-006 Łódź PL")

	// A conference: 110 lines, four pages, with the values carried over.
	long := document.Draft{Type: series.DocumentTypeFT, Date: day(20), Customer: company}
	for i := range 110 {
		p := document.Product{Code: fmt.Sprintf("CF%03d", i+1), Description: fmt.Sprintf("Coffee break da sessão %d do congresso", i+1), Type: saft.ProductTypeServices}
		tax := document.Tax{Category: document.Intermediate}
		if i%10 == 9 {
			p.Description = fmt.Sprintf("Aluguer de sala de formação profissional, sessão %d", i+1)
			tax = document.Tax{Exemption: "M07"}
		}
		long.Lines = append(long.Lines, document.Line{Product: p, Quantity: dec(fmt.Sprint(20 + i%7)), UnitPrice: dec("4.75"), Tax: tax})
	}
	if d := issue("four-pages", long, "A transportar", "Transporte"); d != nil {
		out[len(out)-1].pages = 4
	}

	// The invoice reprinted in training mode.
	if ft != nil {
		out = append(out, example{name: "training-reprint", issued: ft, pages: 1,
			opts:  []printout.Option{printout.WithCopy(printout.Reprint), printout.WithTraining(softwareHouse), printout.WithText("Obrigado pela sua preferência.")},
			texts: []string{printout.Training, "2.ª via", "Faturapt Software, S.A.", "Obrigado pela sua preferência."}})
	}

	// The invoice's receipt.
	if err == nil && ft != nil {
		var rg *document.IssuedReceipt
		rg, err = document.Receipt(ss[series.DocumentTypeRG], series.NumberOf(1), sellerNIF, certificate,
			civil.DateTime{Date: day(27), Hour: 9, Minute: 30}, document.ReceiptDraft{
				Date: day(27), Customer: company,
				Settles:  []document.Settled{{Number: ft.Document.DocumentNumber, Date: ft.Draft.Date, Amount: ft.Payable}},
				Payments: []document.Payment{{Mechanism: saft.PaymentMechanismBankTransfer}},
			})
		out = append(out, example{name: "receipt", receipt: rg, pages: 1,
			texts: []string{printout.NotAnInvoice, "Emitido por programa certificado n.º 9999/AT", "Transferência bancária", "FT A/1"}})
	}
	// Under the cash VAT scheme: the VAT received per rate (RC).
	if err == nil && ft != nil {
		var rc *document.IssuedReceipt
		rc, err = document.Receipt(ss[series.DocumentTypeRC], series.NumberOf(1), sellerNIF, certificate,
			civil.DateTime{Date: day(28), Hour: 10}, document.ReceiptDraft{Type: series.DocumentTypeRC,
				Date: day(28), Customer: company,
				Settles:  []document.Settled{{Number: ft.Document.DocumentNumber, Date: ft.Draft.Date, Amount: ft.GrossTotal, Document: ft.Computed}},
				Payments: []document.Payment{{Mechanism: saft.PaymentMechanismMultibanco}},
			})
		out = append(out, example{name: "receipt-cash-vat", receipt: rc, pages: 1,
			texts: []string{printout.NotAnInvoice, "Recibo (regime de IVA de caixa)", "IVA 6%", "IVA 13%", "Total do IVA", "Referência Multibanco"}})
	}
	return out, err
}
