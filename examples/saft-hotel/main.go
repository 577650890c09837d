// Command saft-hotel writes the January 2026 invoicing SAF-T (PT) file of a
// small hotel — the file of the monthly communication of invoices to AT
// (TaxAccountingBasis F) — to a temporary file, prints a summary and exits.
//
// The documents are made up but complete: each stay is described as the
// hotel sells it (rooms at the reduced rate, breakfast at the intermediate
// rate, the minibar at the normal rate, the municipal tourist tax not
// subject to VAT) and package document computes its amounts, issues it
// through package issuing (number, ATCUD, signature chained per series with
// a key generated on the spot) and collects the records of the month's
// file. A credit note corrects part of an invoice; the travel agency's
// invoices are paid later, with receipts.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

const companyNIF = "509999999"

// The hotel's price list, with VAT included.
var (
	room       = item{document.Product{Code: "QD", Description: "Alojamento em quarto duplo", Type: saft.ProductTypeServices, Unit: "NOITE"}, d("90.10"), document.Tax{Category: document.Reduced}}
	breakfast  = item{document.Product{Code: "PA", Description: "Pequeno-almoço", Type: saft.ProductTypeServices}, d("10.74"), document.Tax{Category: document.Intermediate}}
	minibar    = item{document.Product{Code: "MB", Description: "Minibar"}, d("3.50"), document.Tax{Category: document.Normal}}
	touristTax = item{document.Product{Code: "TMT", Description: "Taxa municipal turística", Type: saft.ProductTypeTax, Unit: "NOITE"}, d("4.00"), document.Tax{Exemption: "M99"}}
	items      = []item{room, breakfast, minibar, touristTax}
)

type item struct {
	product document.Product
	price   decimal.Decimal
	tax     document.Tax
}

var (
	agency = document.Customer{ID: "AG001", TaxID: "512345678", Name: "Agência de Viagens Lusa, S.A.",
		Address: "Avenida da Liberdade, 1", City: "Lisboa", PostalCode: "1250-096"}
	walkIn = document.Customer{} // the final consumer
)

// The validation codes AT returned when the series were communicated.
var validationCodes = map[series.DocumentType]string{
	series.DocumentTypeFR: "JJ8KL2MN",
	series.DocumentTypeFT: "JJ8KL2MP",
	series.DocumentTypeNC: "JJ8KL2MQ",
	series.DocumentTypeRG: "JJ8KL2MR",
}

// hotel issues the month's documents.
type hotel struct {
	issuer   *issuing.Issuer
	now      time.Time // the issuer's clock
	series   map[series.DocumentType]series.Series
	receipts uint64 // receipts are numbered by the program, not signed
	month    *document.Collector
	count    map[series.DocumentType]int
}

// stay describes qty of each item as a draft.
func stay(typ series.DocumentType, c document.Customer, day civil.Date, qty []int64) document.Draft {
	dr := document.Draft{Type: typ, Date: day, Customer: c, PricesIncludeTax: true, SourceID: "rececao", EACCode: "55111"}
	for i, it := range items {
		if qty[i] > 0 {
			dr.Lines = append(dr.Lines, document.Line{Product: it.product, Quantity: decimal.NewFromInt(qty[i]), UnitPrice: it.price, Tax: it.tax})
		}
	}
	return dr
}

func (h *hotel) issue(at time.Time, dr document.Draft) *document.Issued {
	h.now = at
	out, err := document.Issue(context.Background(), h.issuer, h.series[dr.Type], dr)
	if err != nil {
		log.Fatal(err)
	}
	h.month.Add(out)
	h.count[dr.Type]++
	return out
}

// receipt issues the receipt of an invoice paid by bank transfer.
func (h *hotel) receipt(at time.Time, inv *document.Issued) {
	h.receipts++
	r, err := document.Receipt(h.series[series.DocumentTypeRG], series.NumberOf(h.receipts), companyNIF, "9999", civil.DateTimeIn(at, civil.Lisbon), document.ReceiptDraft{
		Date: civil.DateIn(at, civil.Lisbon), Customer: inv.Draft.Customer, SourceID: "contabilidade",
		Settles:  []document.Settled{{Number: inv.Document.DocumentNumber, Date: inv.Draft.Date, Amount: inv.Payable}},
		Payments: []document.Payment{{Mechanism: saft.PaymentMechanismBankTransfer}},
	})
	if err != nil {
		log.Fatal(err)
	}
	h.month.AddReceipt(r)
}

func (h *hotel) january(lisbon *time.Location) {
	type due struct {
		invoice *document.Issued
		day     int
	}
	var unpaid []due
	var groups []*document.Issued
	for day := 1; day <= 31; day++ {
		at := func(hour, minute int) time.Time {
			return time.Date(2026, time.January, day, hour, minute, 0, 0, lisbon)
		}
		date := civil.Date{Year: 2026, Month: time.January, Day: day}
		// The travel agency pays its invoices by transfer ten days later.
		for len(unpaid) > 0 && unpaid[0].day == day {
			h.receipt(at(9, 30), unpaid[0].invoice)
			unpaid = unpaid[1:]
		}
		// Every morning a walk-in guest checks out and pays on the spot.
		nights := int64(1 + day%3)
		fr := stay(series.DocumentTypeFR, walkIn, date, []int64{nights, 2 * nights, int64(day % 4), 2 * nights})
		fr.Payments = []document.Payment{{Mechanism: saft.PaymentMechanismDebitCard}}
		h.issue(at(11, 5), fr)
		// Every 5th day the agency's group is invoiced.
		if day%5 == 0 {
			ft := h.issue(at(12, 30), stay(series.DocumentTypeFT, agency, date, []int64{8, 16, 0, 16}))
			groups = append(groups, ft)
			unpaid = append(unpaid, due{ft, day + 10})
		}
		// On the 21st a group of the 20th left a night early: a credit note
		// for part of its invoice.
		if day == 21 {
			nc := stay(series.DocumentTypeNC, agency, date, []int64{2, 0, 0, 4})
			nc.Reference = &document.Reference{Number: groups[3].Document.DocumentNumber, Reason: "Estadia encurtada"}
			h.issue(at(17, 45), nc)
		}
	}
}

func main() {
	lisbon := civil.Lisbon
	key, err := certify.GenerateKey(nil)
	if err != nil {
		log.Fatal(err)
	}
	signer, err := certify.NewSigner(key, 1)
	if err != nil {
		log.Fatal(err)
	}
	h := &hotel{series: map[series.DocumentType]series.Series{}, month: document.NewCollector(), count: map[series.DocumentType]int{}}
	if h.issuer, err = issuing.New(companyNIF, "9999", signer, issuing.NewMemoryStore(), issuing.WithClock(func() time.Time { return h.now })); err != nil {
		log.Fatal(err)
	}
	for typ, code := range validationCodes {
		s, err := series.New("A", typ, series.NumberOf(1), civil.Date{Year: 2026, Month: time.January, Day: 1})
		if err != nil {
			log.Fatal(err)
		}
		if h.series[typ], err = s.Register(code, companyNIF, time.Date(2025, time.December, 15, 10, 0, 0, 0, lisbon)); err != nil {
			log.Fatal(err)
		}
	}
	h.january(lisbon)

	company := saft.Company{
		ID: companyNIF, TaxRegistrationNumber: companyNIF, Name: "Hotel Miradouro, Lda",
		Address: saft.Address{AddressDetail: "Rua da Alegria, 12", City: "Lisboa", PostalCode: "1250-004", Country: "PT"},
	}
	software := saft.Software{ProducerTaxID: "510000002", CertificateNumber: 9999, ProductID: "FaturaPT/FaturaPT Software Lda", Version: "1.0"}
	header := saft.MonthlyInvoicingHeader(company, software, 2026, time.January, civil.Date{Year: 2026, Month: time.February, Day: 2})

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
	if err := saft.Write(out, h.month.Content(header)); err != nil { // validates, then writes
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
	for _, inv := range h.month.Invoices {
		if inv.InvoiceType == series.DocumentTypeNC {
			gross = gross.Sub(inv.DocumentTotals.GrossTotal)
		} else {
			gross = gross.Add(inv.DocumentTotals.GrossTotal)
		}
	}
	fmt.Printf("wrote %s (%d bytes)\n", filepath.Base(path), info.Size())
	fmt.Printf("sales documents: %d (FR %d, FT %d, NC %d); receipts: %d\n", len(h.month.Invoices),
		h.count[series.DocumentTypeFR], h.count[series.DocumentTypeFT], h.count[series.DocumentTypeNC], len(h.month.Payments))
	fmt.Printf("gross total invoiced, net of credit notes: %s EUR\n", gross.StringFixed(2))
}
