package document

import (
	"iter"

	"github.com/faturapt/faturapt/saft"
)

// Collector gathers issued documents with the customers, products and tax
// table entries they use, each once, for the period's SAF-T (PT) file. The
// first record of a key wins: a customer's or product's data does not
// change once documents use it (Despacho 8632/2014 §3.3.3 to §3.3.5).
type Collector struct {
	customers []saft.Customer
	products  []saft.Product
	taxes     []saft.TaxTableEntry
	seen      map[string]bool

	Invoices       []saft.Invoice
	WorkDocuments  []saft.WorkDocument
	StockMovements []saft.StockMovement
	Payments       []saft.Payment
}

// NewCollector returns an empty Collector.
func NewCollector() *Collector { return &Collector{seen: map[string]bool{}} }

func (c *Collector) master(cu saft.Customer, ps []saft.Product, ts []saft.TaxTableEntry) {
	if k := "C\x00" + cu.CustomerID; !c.seen[k] {
		c.seen[k] = true
		c.customers = append(c.customers, cu)
	}
	for _, p := range ps {
		if k := "P\x00" + p.ProductCode; !c.seen[k] {
			c.seen[k] = true
			c.products = append(c.products, p)
		}
	}
	for _, t := range ts {
		k := "T\x00" + string(t.TaxType) + "\x00" + t.TaxCountryRegion + "\x00" + string(t.TaxCode) + "\x00"
		if t.TaxPercentage != nil {
			k += t.TaxPercentage.String()
		} else if t.TaxAmount != nil {
			k += "A" + t.TaxAmount.String()
		}
		if !c.seen[k] {
			c.seen[k] = true
			c.taxes = append(c.taxes, t)
		}
	}
}

// Add records an issued document and its master records.
func (c *Collector) Add(d *Issued) {
	c.master(d.Customer, d.Products, d.TaxTable)
	switch {
	case d.Invoice != nil:
		c.Invoices = append(c.Invoices, *d.Invoice)
	case d.WorkDocument != nil:
		c.WorkDocuments = append(c.WorkDocuments, *d.WorkDocument)
	case d.StockMovement != nil:
		c.StockMovements = append(c.StockMovements, *d.StockMovement)
	}
}

// AddReceipt records a receipt and its customer.
func (c *Collector) AddReceipt(r *IssuedReceipt) {
	c.master(r.Customer, nil, nil)
	c.Payments = append(c.Payments, *r.Payment)
}

// Customers returns the customers collected, in order first met.
func (c *Collector) Customers() []saft.Customer { return c.customers }

// Products returns the products collected.
func (c *Collector) Products() []saft.Product { return c.products }

// TaxTable returns the tax table entries collected.
func (c *Collector) TaxTable() []saft.TaxTableEntry { return c.taxes }

// Content returns the SAF-T file's content under header h, for saft.Write.
func (c *Collector) Content(h saft.Header) saft.Content {
	out := saft.Content{Header: h, Customers: each(c.customers), Products: each(c.products), TaxTable: c.taxes}
	if len(c.Invoices) > 0 {
		out.SalesInvoices = each(c.Invoices)
	}
	if len(c.WorkDocuments) > 0 {
		out.WorkingDocuments = each(c.WorkDocuments)
	}
	if len(c.StockMovements) > 0 {
		out.MovementOfGoods = each(c.StockMovements)
	}
	if len(c.Payments) > 0 {
		out.Payments = each(c.Payments)
	}
	return out
}

func each[T any](s []T) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		for i := range s {
			if !yield(&s[i], nil) {
				return
			}
		}
	}
}
