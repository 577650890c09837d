// Command saft-hotel writes the January 2026 invoicing SAF-T (PT) file of a
// small hotel — the file of the monthly communication of invoices to AT
// (TaxAccountingBasis F) — to a temporary file, prints a summary and exits.
//
// The documents are made up but complete: numbered in series with their
// ATCUD, signed in a chain per series with a key generated on the spot
// (package certify), and streamed to the writer from iterators, as a real
// program would stream them from its database.
package main

import (
	"crypto/rand"
	"fmt"
	"iter"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

var lisbon = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Lisbon")
	if err != nil {
		return time.FixedZone("WET", 0)
	}
	return loc
}()

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// product is a line item of the hotel.
type product struct {
	code, description string
	price             decimal.Decimal
	tax               saft.Tax
	exemptionReason   string
	exemptionCode     string
}

var (
	rate6, rate13, rate0 = d("6"), d("13"), d("0")
	room                 = product{"QD", "Alojamento em quarto duplo", d("85.00"),
		saft.Tax{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: saft.TaxCodeReduced, TaxPercentage: &rate6}, "", ""}
	breakfast = product{"PA", "Pequeno-almoço", d("9.50"),
		saft.Tax{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: saft.TaxCodeIntermediate, TaxPercentage: &rate13}, "", ""}
	touristTax = product{"TMT", "Taxa municipal turística", d("4.00"),
		saft.Tax{TaxType: saft.TaxTypeNotSubject, TaxCountryRegion: "PT", TaxCode: saft.TaxCodeNotSubject, TaxPercentage: &rate0},
		"Não sujeito ou não tributado", "M99"}
	products = []product{room, breakfast, touristTax}
)

// The validation codes AT returned when the series were communicated.
var validationCodes = map[series.DocumentType]string{
	series.DocumentTypeFR: "JJ8KL2MN",
	series.DocumentTypeFT: "JJ8KL2MP",
	series.DocumentTypeNC: "JJ8KL2MQ",
	series.DocumentTypeRG: "JJ8KL2MR",
}

// hotel issues and signs the month's documents.
type hotel struct {
	signer   *certify.Signer
	chains   map[series.DocumentType]*certify.Chain
	numbers  map[series.DocumentType]uint64
	invoices []saft.Invoice
	payments []saft.Payment
}

func (h *hotel) next(typ series.DocumentType) (number, code string) {
	h.numbers[typ]++
	n := h.numbers[typ]
	number = fmt.Sprintf("%s A/%d", typ, n)
	a, err := atcud.FromSequence(validationCodes[typ], n)
	if err != nil {
		log.Fatal(err)
	}
	return number, a.String()
}

func (h *hotel) sign(typ series.DocumentType, day civil.Date, entry time.Time, number string, gross decimal.Decimal) string {
	hash, err := h.chains[typ].Sign(h.signer, certify.Document{Date: day, SystemEntry: entry, Number: number, GrossTotal: gross})
	if err != nil {
		log.Fatal(err)
	}
	return hash
}

// invoice issues a document of typ to customer with qty of each product.
func (h *hotel) invoice(typ series.DocumentType, customer string, entry time.Time, qty []int64, ref string) saft.Invoice {
	number, code := h.next(typ)
	day := civil.DateOf(entry)
	inv := saft.Invoice{
		InvoiceNo: number, ATCUD: code,
		DocumentStatus: saft.InvoiceDocumentStatus{InvoiceStatus: saft.InvoiceStatusNormal, InvoiceStatusDate: civil.DateTimeOf(entry),
			SourceID: "rececao", SourceBilling: saft.SourceBillingProduced},
		HashControl: h.signer.HashControl(), Period: int(day.Month),
		InvoiceDate: day, InvoiceType: typ, SourceID: "rececao", EACCode: "55111",
		SystemEntryDate: civil.DateTimeOf(entry), CustomerID: customer,
	}
	var net, tax decimal.Decimal
	for i, p := range products {
		if qty[i] == 0 {
			continue
		}
		q := decimal.NewFromInt(qty[i])
		amount := q.Mul(p.price).Round(2)
		pt := p.tax
		line := saft.InvoiceLine{
			LineNumber: len(inv.Line) + 1, ProductCode: p.code, ProductDescription: p.description,
			Quantity: q, UnitOfMeasure: "UN", UnitPrice: p.price, TaxPointDate: day, Description: p.description,
			Tax: &pt, TaxExemptionReason: p.exemptionReason, TaxExemptionCode: p.exemptionCode,
		}
		if typ == series.DocumentTypeNC {
			line.DebitAmount = &amount
			line.References = []saft.References{{Reference: ref, Reason: "Estadia encurtada"}}
		} else {
			line.CreditAmount = &amount
		}
		inv.Line = append(inv.Line, line)
		net = net.Add(amount)
		tax = tax.Add(amount.Mul(*p.tax.TaxPercentage).Div(decimal.NewFromInt(100)).Round(2))
	}
	gross := net.Add(tax)
	inv.DocumentTotals = saft.InvoiceTotals{TaxPayable: tax, NetTotal: net, GrossTotal: gross}
	if typ == series.DocumentTypeFR { // paid on the spot
		inv.DocumentTotals.Payment = []saft.PaymentMethod{{PaymentMechanism: saft.PaymentMechanismDebitCard, PaymentAmount: gross, PaymentDate: day}}
	}
	inv.Hash = h.sign(typ, day, entry, number, gross)
	return inv
}

// payment issues the receipt of an invoice paid by bank transfer.
func (h *hotel) payment(inv *saft.Invoice, entry time.Time) saft.Payment {
	number, code := h.next(series.DocumentTypeRG)
	day := civil.DateOf(entry)
	total := inv.DocumentTotals.GrossTotal
	return saft.Payment{
		PaymentRefNo: number, ATCUD: code, Period: int(day.Month), TransactionDate: day, PaymentType: series.DocumentTypeRG,
		DocumentStatus: saft.PaymentDocumentStatus{PaymentStatus: saft.PaymentStatusNormal, PaymentStatusDate: civil.DateTimeOf(entry),
			SourceID: "contabilidade", SourcePayment: saft.SourceBillingProduced},
		PaymentMethod: []saft.PaymentMethod{{PaymentMechanism: saft.PaymentMechanismBankTransfer, PaymentAmount: total, PaymentDate: day}},
		SourceID:      "contabilidade", SystemEntryDate: civil.DateTimeOf(entry), CustomerID: inv.CustomerID,
		Line: []saft.PaymentLine{{LineNumber: 1,
			SourceDocumentID: []saft.SourceDocumentID{{OriginatingON: inv.InvoiceNo, InvoiceDate: inv.InvoiceDate}},
			CreditAmount:     &total}},
		DocumentTotals: saft.PaymentTotals{TaxPayable: d("0"), NetTotal: total, GrossTotal: total},
	}
}

func (h *hotel) january() {
	type due struct {
		invoice int // index in h.invoices
		day     int
	}
	var unpaid []due
	for day := 1; day <= 31; day++ {
		at := func(hour, minute int) time.Time {
			return time.Date(2026, time.January, day, hour, minute, 0, 0, lisbon)
		}
		// The travel agency pays its invoices by transfer ten days later.
		for len(unpaid) > 0 && unpaid[0].day == day {
			h.payments = append(h.payments, h.payment(&h.invoices[unpaid[0].invoice], at(9, 30)))
			unpaid = unpaid[1:]
		}
		// Every morning a walk-in guest checks out and pays on the spot.
		nights := int64(1 + day%3)
		h.invoices = append(h.invoices, h.invoice(series.DocumentTypeFR, "CF", at(11, 5), []int64{nights, 2 * nights, 2 * nights}, ""))
		// Every 5th day the agency's group is invoiced.
		if day%5 == 0 {
			h.invoices = append(h.invoices, h.invoice(series.DocumentTypeFT, "AG001", at(12, 30), []int64{8, 16, 16}, ""))
			unpaid = append(unpaid, due{len(h.invoices) - 1, day + 10})
		}
		// On the 21st a group left a night early: credit note.
		if day == 21 {
			h.invoices = append(h.invoices, h.invoice(series.DocumentTypeNC, "AG001", at(17, 45), []int64{2, 0, 4}, "FT A/4"))
		}
	}
}

func main() {
	key, err := certify.GenerateKey(rand.Reader)
	if err != nil {
		log.Fatal(err)
	}
	signer, err := certify.NewSigner(key, 1)
	if err != nil {
		log.Fatal(err)
	}
	h := &hotel{signer: signer, chains: map[series.DocumentType]*certify.Chain{}, numbers: map[series.DocumentType]uint64{}}
	for typ := range validationCodes {
		h.chains[typ] = &certify.Chain{}
	}
	h.january()

	company := saft.Company{
		ID: "509999999", TaxRegistrationNumber: "509999999", Name: "Hotel Miradouro, Lda",
		Address: saft.Address{AddressDetail: "Rua da Alegria, 12", City: "Lisboa", PostalCode: "1250-004", Country: "PT"},
	}
	software := saft.Software{ProducerTaxID: "510000002", CertificateNumber: 9999, ProductID: "FaturaPT/FaturaPT Software Lda", Version: "1.0"}
	content := saft.Content{
		Header: saft.MonthlyInvoicingHeader(company, software, 2026, time.January, civil.Date{Year: 2026, Month: time.February, Day: 2}),
		Customers: slice([]saft.Customer{
			{CustomerID: "CF", AccountID: saft.Unknown, CustomerTaxID: "999999990", CompanyName: "Consumidor final",
				BillingAddress: saft.CustomerAddress{AddressDetail: saft.Unknown, City: saft.Unknown, PostalCode: saft.Unknown, Country: saft.Unknown}},
			{CustomerID: "AG001", AccountID: saft.Unknown, CustomerTaxID: "512345678", CompanyName: "Agência de Viagens Lusa, S.A.",
				BillingAddress: saft.CustomerAddress{AddressDetail: "Avenida da Liberdade, 1", City: "Lisboa", PostalCode: "1250-096", Country: "PT"}},
		}),
		Products: func(yield func(*saft.Product, error) bool) {
			for _, p := range products {
				typ := saft.ProductTypeServices
				if p.code == "TMT" {
					typ = saft.ProductTypeTax
				}
				if !yield(&saft.Product{ProductType: typ, ProductCode: p.code, ProductDescription: p.description, ProductNumberCode: p.code}, nil) {
					return
				}
			}
		},
		TaxTable: []saft.TaxTableEntry{
			{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: saft.TaxCodeReduced, Description: "Taxa reduzida", TaxPercentage: &rate6},
			{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: saft.TaxCodeIntermediate, Description: "Taxa intermédia", TaxPercentage: &rate13},
			{TaxType: saft.TaxTypeNotSubject, TaxCountryRegion: "PT", TaxCode: saft.TaxCodeNotSubject, Description: "Não sujeito", TaxPercentage: &rate0},
		},
		SalesInvoices: slice(h.invoices),
		Payments:      slice(h.payments),
	}

	dir, err := os.MkdirTemp("", "saft-hotel")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "SAFT_509999999_2026-01.xml")
	out, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := saft.Write(out, content); err != nil { // validates, then writes
		out.Close()
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		log.Fatal(err)
	}

	var gross decimal.Decimal
	for _, inv := range h.invoices {
		if inv.InvoiceType == series.DocumentTypeNC {
			gross = gross.Sub(inv.DocumentTotals.GrossTotal)
		} else {
			gross = gross.Add(inv.DocumentTotals.GrossTotal)
		}
	}
	fmt.Printf("wrote %s (%d bytes)\n", filepath.Base(path), info.Size())
	fmt.Printf("sales documents: %d (FR %d, FT %d, NC %d); receipts: %d\n", len(h.invoices),
		h.numbers[series.DocumentTypeFR], h.numbers[series.DocumentTypeFT], h.numbers[series.DocumentTypeNC], len(h.payments))
	fmt.Printf("gross total invoiced, net of credit notes: %s EUR\n", gross.StringFixed(2))
}

func slice[T any](s []T) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		for i := range s {
			if !yield(&s[i], nil) {
				return
			}
		}
	}
}
