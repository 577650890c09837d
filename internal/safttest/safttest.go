// Package safttest generates valid SAF-T (PT) 1.04_01 invoicing files with
// the package saft writer, for the tests and benchmarks of the reader and
// the audit: customers, products, a tax table, sales invoices (optionally
// signed and chained with package certify), stock movements, working
// documents and payments, with consistent arithmetic, series numbering,
// ATCUDs and control totals. Deterministic: the same Options give the
// same bytes.
package safttest

import (
	"fmt"
	"io"
	"iter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// Options say what to generate.
type Options struct {
	Invoices       int // sales invoices (FT A/1...), 3 lines each
	StockMovements int // GT A/1...
	WorkDocuments  int // OR A/1...
	Payments       int // RG A/1...
	// Signer, when set, signs invoices, movements and work documents,
	// chained per series; otherwise Hash is "0" and HashControl "0".
	Signer *certify.Signer
}

// ValidationCode is the series validation code of every generated ATCUD.
const ValidationCode = "CSDF7T5H"

var (
	company = saft.Company{
		ID: "509999999", TaxRegistrationNumber: "509999999", Name: "Hotel Miradouro, Lda",
		Address: saft.Address{AddressDetail: "Rua da Alegria, 12", City: "Lisboa", PostalCode: "1250-004", Country: "PT"},
	}
	software = saft.Software{ProducerTaxID: "510000002", CertificateNumber: 9999, ProductID: "FaturaPT/FaturaPT Lda", Version: "1.0"}
	rates    = []string{"23", "13", "6", "0"}
	codes    = []saft.TaxCode{saft.TaxCodeNormal, saft.TaxCodeIntermediate, saft.TaxCodeReduced, saft.TaxCodeExempt}
)

const month = time.January

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// Header is the header of every generated file: the invoicing file of
// January 2026.
func Header() saft.Header {
	return saft.MonthlyInvoicingHeader(company, software, 2026, month, civil.Date{Year: 2026, Month: time.February, Day: 1})
}

// Customers are the customer master records: C0 is the final consumer.
func Customers() []saft.Customer {
	out := []saft.Customer{{CustomerID: "C0", AccountID: saft.Unknown, CustomerTaxID: "999999990", CompanyName: "Consumidor final",
		BillingAddress: saft.CustomerAddress{AddressDetail: saft.Unknown, City: saft.Unknown, PostalCode: saft.Unknown, Country: saft.Unknown}}}
	for i := 1; i <= 9; i++ {
		out = append(out, saft.Customer{CustomerID: fmt.Sprintf("C%d", i), AccountID: saft.Unknown,
			CustomerTaxID: NIF(fmt.Sprintf("5000000%d", i)), CompanyName: fmt.Sprintf("Cliente %d, Lda", i),
			BillingAddress: saft.CustomerAddress{AddressDetail: fmt.Sprintf("Avenida da Liberdade, %d", i), City: "Lisboa", PostalCode: "1250-096", Country: "PT"}})
	}
	return out
}

// Products are the product master records P1..P20.
func Products() []saft.Product {
	var out []saft.Product
	for i := 1; i <= 20; i++ {
		out = append(out, saft.Product{ProductType: saft.ProductTypeServices, ProductCode: fmt.Sprintf("P%d", i),
			ProductDescription: fmt.Sprintf("Serviço de alojamento n.º %d", i), ProductNumberCode: fmt.Sprintf("P%d", i)})
	}
	return out
}

// TaxTable is the VAT table of the mainland.
func TaxTable() []saft.TaxTableEntry {
	var out []saft.TaxTableEntry
	for i, r := range rates {
		p := dec(r)
		out = append(out, saft.TaxTableEntry{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: codes[i],
			Description: "IVA " + r + "%", TaxPercentage: &p})
	}
	return out
}

// NIF completes the 8 digits of prefix with the check digit of a
// Portuguese tax number (modulo 11).
func NIF(prefix string) string {
	sum := 0
	for i := range 8 {
		sum += int(prefix[i]-'0') * (9 - i)
	}
	c := 11 - sum%11
	if c >= 10 {
		c = 0
	}
	return prefix + string(rune('0'+c))
}

func pdec(d decimal.Decimal) *decimal.Decimal { return &d }

// lines returns three lines of document i and their totals (tax rounded
// per line to the cent).
func lines(i int, date civil.Date) (ls []saft.InvoiceLine, tax, net decimal.Decimal) {
	for k := range 3 {
		r := (i + k) % len(rates)
		qty := decimal.NewFromInt(int64(1 + (i+k)%3))
		price := decimal.New(int64(1000+(i*7+k*13)%9000), -2)
		amount := qty.Mul(price).Round(2)
		l := saft.InvoiceLine{LineNumber: k + 1, ProductCode: fmt.Sprintf("P%d", 1+(i+k)%20),
			ProductDescription: "Serviço de alojamento", Quantity: qty, UnitOfMeasure: "UN", UnitPrice: price,
			TaxPointDate: date, Description: "Alojamento", CreditAmount: pdec(amount),
			Tax: &saft.Tax{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: codes[r], TaxPercentage: pdec(dec(rates[r]))}}
		if rates[r] == "0" {
			l.TaxExemptionReason, l.TaxExemptionCode = "Artigo 9.º do CIVA", "M07"
		}
		ls = append(ls, l)
		net = net.Add(amount)
		tax = tax.Add(amount.Mul(dec(rates[r])).Div(decimal.NewFromInt(100)).Round(2))
	}
	return ls, tax, net
}

// when returns the date and entry time of document i of n: dates and
// times never go back (a day's documents are entered a second apart from
// 08:00).
func when(i, n int) civil.DateTime {
	n = max(n, 1)
	day := 1 + i*28/n
	first := ((day-1)*n + 27) / 28 // the first i of that day
	sec := i - first
	return civil.DateTime{Date: civil.Date{Year: 2026, Month: month, Day: day}, Hour: 8 + sec/3600, Minute: sec / 60 % 60, Second: sec % 60}
}

type chain struct {
	c certify.Chain
	s *certify.Signer
}

func (c *chain) sign(number string, dt civil.DateTime, gross decimal.Decimal) (hash, control string, err error) {
	if c.s == nil {
		return "0", "0", nil
	}
	doc := certify.Document{Date: dt.Date, SystemEntry: dt, Number: number, GrossTotal: gross}
	h, err := c.c.Sign(c.s, doc)
	return h, c.s.HashControl(), err
}

// Invoice returns invoice i (0-based) of n, unsigned.
func Invoice(i, n int) saft.Invoice {
	dt := when(i, n)
	ls, tax, net := lines(i, dt.Date)
	num := i + 1
	return saft.Invoice{
		InvoiceNo: fmt.Sprintf("FT A/%d", num), ATCUD: fmt.Sprintf("%s-%d", ValidationCode, num),
		DocumentStatus: saft.InvoiceDocumentStatus{InvoiceStatus: saft.InvoiceStatusNormal, InvoiceStatusDate: dt, SourceID: "ana", SourceBilling: saft.SourceBillingProduced},
		Hash:           "0", HashControl: "0", InvoiceDate: dt.Date, InvoiceType: series.DocumentTypeFT, SourceID: "ana", SystemEntryDate: dt,
		CustomerID: fmt.Sprintf("C%d", i%10), Line: ls,
		DocumentTotals: saft.InvoiceTotals{TaxPayable: tax, NetTotal: net, GrossTotal: net.Add(tax)},
	}
}

func seq[T any](n int, make func(i int) (T, error)) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		for i := range n {
			v, err := make(i)
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(&v, nil) {
				return
			}
		}
	}
}

// Content returns the file's content for saft.Write; every call of an
// iterator yields the same records.
func Content(o Options) saft.Content {
	c := saft.Content{Header: Header(), TaxTable: TaxTable()}
	cs, ps := Customers(), Products()
	c.Customers = seq(len(cs), func(i int) (saft.Customer, error) { return cs[i], nil })
	c.Products = seq(len(ps), func(i int) (saft.Product, error) { return ps[i], nil })
	signed := func(n int, doc func(i int, ch *chain) (any, error)) func(yield func(any, error) bool) {
		return func(yield func(any, error) bool) {
			ch := &chain{s: o.Signer}
			for i := range n {
				if !yield(doc(i, ch)) {
					return
				}
			}
		}
	}
	c.SalesInvoices = adapt[saft.Invoice](signed(o.Invoices, func(i int, ch *chain) (any, error) {
		inv := Invoice(i, o.Invoices)
		var err error
		inv.Hash, inv.HashControl, err = ch.sign(inv.InvoiceNo, inv.SystemEntryDate, inv.DocumentTotals.GrossTotal)
		return &inv, err
	}))
	if o.StockMovements > 0 {
		c.MovementOfGoods = adapt[saft.StockMovement](signed(o.StockMovements, func(i int, ch *chain) (any, error) {
			dt := when(i, o.StockMovements)
			num := fmt.Sprintf("GT A/%d", i+1)
			m := saft.StockMovement{DocumentNumber: num, ATCUD: fmt.Sprintf("%s-%d", "GTVALCOD", i+1),
				DocumentStatus: saft.MovementDocumentStatus{MovementStatus: saft.MovementStatusNormal, MovementStatusDate: dt, SourceID: "ana", SourceBilling: saft.SourceBillingProduced},
				MovementDate:   dt.Date, MovementType: series.DocumentTypeGT, SystemEntryDate: dt, CustomerID: "C1", SourceID: "ana",
				ShipTo:            &saft.ShippingPoint{Address: &saft.CustomerAddress{AddressDetail: "Rua do Porto, 5", City: "Porto", PostalCode: "4000-001", Country: "PT"}},
				ShipFrom:          &saft.ShippingPoint{Address: &saft.CustomerAddress{AddressDetail: "Rua da Alegria, 12", City: "Lisboa", PostalCode: "1250-004", Country: "PT"}},
				MovementStartTime: dt,
				Line: []saft.StockMovementLine{{LineNumber: 1, ProductCode: "P1", ProductDescription: "Serviço de alojamento", Quantity: decimal.NewFromInt(2),
					UnitOfMeasure: "UN", UnitPrice: dec("10.00"), Description: "Caixa", CreditAmount: pdec(dec("20.00")),
					Tax: &saft.MovementTax{TaxType: saft.TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: saft.TaxCodeNormal, TaxPercentage: dec("23")}}},
				DocumentTotals: saft.DocumentTotals{TaxPayable: dec("4.60"), NetTotal: dec("20.00"), GrossTotal: dec("24.60")},
			}
			var err error
			m.Hash, m.HashControl, err = ch.sign(num, dt, m.DocumentTotals.GrossTotal)
			return &m, err
		}))
	}
	if o.WorkDocuments > 0 {
		c.WorkingDocuments = adapt[saft.WorkDocument](signed(o.WorkDocuments, func(i int, ch *chain) (any, error) {
			dt := when(i, o.WorkDocuments)
			ls, tax, net := lines(i, dt.Date)
			num := fmt.Sprintf("OR A/%d", i+1)
			d := saft.WorkDocument{DocumentNumber: num, ATCUD: fmt.Sprintf("%s-%d", "ORVALCOD", i+1),
				DocumentStatus: saft.WorkDocumentStatus{WorkStatus: saft.WorkStatusNormal, WorkStatusDate: dt, SourceID: "ana", SourceBilling: saft.SourceBillingProduced},
				WorkDate:       dt.Date, WorkType: series.DocumentTypeOR, SourceID: "ana", SystemEntryDate: dt, CustomerID: "C2", Line: ls,
				DocumentTotals: saft.DocumentTotals{TaxPayable: tax, NetTotal: net, GrossTotal: net.Add(tax)},
			}
			var err error
			d.Hash, d.HashControl, err = ch.sign(num, dt, d.DocumentTotals.GrossTotal)
			return &d, err
		}))
	}
	if o.Payments > 0 {
		c.Payments = seq(o.Payments, func(i int) (saft.Payment, error) {
			dt := when(i, o.Payments)
			inv := Invoice(i, max(o.Invoices, o.Payments))
			gross := inv.DocumentTotals.GrossTotal
			return saft.Payment{PaymentRefNo: fmt.Sprintf("RG A/%d", i+1), ATCUD: fmt.Sprintf("%s-%d", "RGVALCOD", i+1),
				TransactionDate: dt.Date, PaymentType: series.DocumentTypeRG,
				DocumentStatus: saft.PaymentDocumentStatus{PaymentStatus: saft.PaymentStatusNormal, PaymentStatusDate: dt, SourceID: "ana", SourcePayment: saft.SourceBillingProduced},
				PaymentMethod:  []saft.PaymentMethod{{PaymentMechanism: saft.PaymentMechanismCash, PaymentAmount: gross, PaymentDate: dt.Date}},
				SourceID:       "ana", SystemEntryDate: dt, CustomerID: inv.CustomerID,
				Line: []saft.PaymentLine{{LineNumber: 1, SourceDocumentID: []saft.SourceDocumentID{{OriginatingON: inv.InvoiceNo, InvoiceDate: inv.InvoiceDate}},
					CreditAmount: pdec(gross)}},
				DocumentTotals: saft.PaymentTotals{TaxPayable: decimal.Zero, NetTotal: gross, GrossTotal: gross},
			}, nil
		})
	}
	return c
}

func adapt[T any](s func(yield func(any, error) bool)) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		for v, err := range s {
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(v.(*T), nil) {
				return
			}
		}
	}
}

// Write writes the file o describes to w (without the writer's
// validation, which the audit is there to do).
func Write(w io.Writer, o Options) error {
	return saft.Write(w, Content(o), saft.WithoutValidation())
}
