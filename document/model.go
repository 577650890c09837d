package document

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// Draft is a document as the seller describes the sale: who buys, what,
// at what price and under which tax. [Compute] turns it into amounts;
// [Issue] numbers, signs and records it.
type Draft struct {
	// Type is the SAF-T document type: FT, FS, FR, NC, ND (sales
	// invoices), PF, OR, NE, CM, ... (working documents), GT, GR, GA, GC,
	// GD (transport documents).
	Type series.DocumentType
	// Date is the document's date (InvoiceDate, WorkDate, MovementDate).
	Date civil.Date
	// Region is the fiscal space of the seller's establishment, the
	// default of every line's Tax.Region: Mainland (the default), Azores
	// or Madeira.
	Region Region
	// Customer buys; the zero Customer is the final consumer (999999990,
	// "Consumidor final").
	Customer Customer
	// Lines, at least one.
	Lines []Line
	// PricesIncludeTax: the unit prices include VAT (and stamp duty given
	// as a rate), as at a point of sale. What the customer pays stays the
	// sum of the lines' prices; the amounts without tax are derived from it
	// (see the package comment).
	PricesIncludeTax bool
	// Discount is a global discount in percent (0 to 100) applied to every
	// line after its own discount.
	Discount decimal.Decimal
	// Currency, when not nil, is the currency the prices are given in; the
	// document's values are in EUR and the original total goes to SAF-T's
	// Currency.
	Currency *Currency
	// Withholding is the tax withheld at source on the document (IRS or
	// IRC on services, Despacho 8632/2014 §2.2.7: printed after the gross
	// total, which it does not change).
	Withholding []Withholding
	// Settlement is an agreed discount for early payment (SAF-T
	// Settlement, 4.1.4.20.5): informative, it never changes the totals.
	Settlement *Settlement
	// Payments says how an FR or FS (or an invoice paid at once) was paid;
	// an FR needs them and, when given, they add up to the gross total.
	Payments []Payment
	// Reference is, for a credit or debit note, the document corrected and
	// why, applied to every line without a Reference of its own (Portaria
	// 302/2016, 4.1.4.19.10: compulsory on NC and ND).
	Reference *Reference
	// Retail: the seller sells goods as a retailer or street vendor, for
	// the simplified invoice limit of CIVA art. 40 n.º 1 a).
	Retail bool
	// Transport is the movement of a transport document (GT, GR, GA, GC,
	// GD): when it starts and where it goes.
	Transport *Transport
	// Rates overrides the VAT rates table (default [DefaultRates]).
	Rates Rates
	// SourceID is the user issuing the document (SAF-T SourceID); default
	// "document".
	SourceID string
	// EACCode is the activity code (CAE) of the document, optional.
	EACCode string
}

// Customer is the buyer. A Portuguese customer's TaxID is a NIF checked
// with its check digit; a foreign customer's is written as given.
type Customer struct {
	// ID is the key in SAF-T's customer table; default: the TaxID, or
	// "CF" for the final consumer.
	ID string
	// TaxID is the NIF (Portuguese, without "PT") or a foreign tax
	// number; empty means the final consumer, 999999990.
	TaxID string
	// Name; "Consumidor final" for the final consumer.
	Name string
	// Address, City, PostalCode: "Desconhecido" when empty.
	Address, City, PostalCode string
	// Country is ISO 3166-1 alpha-2; empty is PT for a customer with a
	// NIF and unknown for the final consumer.
	Country string
	// TaxablePerson: the customer buys as a taxable person (sujeito
	// passivo), which bounds the simplified invoice to 100 EUR (CIVA art.
	// 40 n.º 1). A customer with a Portuguese company NIF is one anyway.
	TaxablePerson bool
}

// Line is one thing sold.
type Line struct {
	Product Product
	// Quantity, greater than 0.
	Quantity decimal.Decimal
	// UnitPrice is the price of one unit in the document's currency,
	// without tax or, with Draft.PricesIncludeTax, with it.
	UnitPrice decimal.Decimal
	// Discount is the line's discount in percent, 0 to 100 (Despacho
	// 8632/2014 §3.2.8).
	Discount decimal.Decimal
	// Tax is how the line is taxed.
	Tax Tax
	// TaxPointDate is when the goods were delivered or the service done;
	// default the document's date. It chooses the VAT rate in force.
	TaxPointDate civil.Date
	// Description, default the product's description.
	Description string
	// Reference overrides Draft.Reference for this line of a credit or
	// debit note.
	Reference *Reference
}

// Product is a product or service of SAF-T's product table.
type Product struct {
	Code        string
	Description string
	// Type is P goods (the default), S services, O other, E excise, I
	// taxes and levies.
	Type saft.ProductType
	// Unit is the unit of measure, default "UN".
	Unit string
}

// Tax says how a line is taxed: VAT at a category's rate, exempt with an
// exemption code, not subject (M99), or stamp duty.
type Tax struct {
	// Category of VAT rate: Reduced, Intermediate or Normal. Ignored when
	// Exemption or StampDuty is set.
	Category Category
	// Region is the fiscal space whose rates apply; default the draft's.
	Region Region
	// Exemption is AT's code of the reason no VAT is charged (M01...M99):
	// exempt (M01-M21), reverse charge (M30-M43, "IVA - autoliquidação"),
	// or not subject (M99, SAF-T TaxType NS).
	Exemption string
	// ExemptionReason overrides the mention of the exemption table.
	ExemptionReason string
	// StampDuty, when not nil, taxes the line with stamp duty instead of
	// VAT (an operation subject to stamp duty is exempt of VAT).
	StampDuty *StampDuty
}

// StampDuty is a stamp duty (Imposto do Selo) item of its general table.
type StampDuty struct {
	// Code is the item of the stamp duty general table, e.g. "17.3.4".
	Code        string
	Description string
	// Percent or Amount: exactly one is set. Amount is the duty on the
	// whole line.
	Percent decimal.Decimal
	Amount  decimal.Decimal
}

// Currency is the currency the prices are given in.
type Currency struct {
	// Code is ISO 4217, e.g. "USD".
	Code string
	// Rate converts into EUR: 1 unit of the currency is Rate EUR.
	Rate decimal.Decimal
}

// Withholding is a tax withheld at source.
type Withholding struct {
	Type        saft.WithholdingTaxType // IRS, IRC or IS
	Description string                  // the legal basis
	// Percent of the base: the amount without VAT of the service lines
	// (product type S). Or Amount, given.
	Percent decimal.Decimal
	Amount  decimal.Decimal
}

// Settlement is an agreed future discount.
type Settlement struct {
	Percent decimal.Decimal // of the gross total
	Date    civil.Date      // until when, optional
	Terms   string          // payment terms, optional
}

// Payment is one payment of a document.
type Payment struct {
	Mechanism saft.PaymentMechanism
	// Amount in EUR; zero in the only payment means the gross total.
	Amount decimal.Decimal
	// Date, default the document's.
	Date civil.Date
}

// Reference is the document a credit or debit note corrects.
type Reference struct {
	Number string // its SAF-T number, "FT A/12"
	Reason string // why it is corrected
}

// Transport is the movement of goods of a transport document.
type Transport struct {
	Start    time.Time // MovementStartTime, at least the document's SystemEntryDate
	From, To saft.CustomerAddress
}

// Region is a fiscal space of Portugal (SAF-T TaxCountryRegion).
type Region string

// The three fiscal spaces of Portuguese VAT (CIVA art. 18 n.º 3).
const (
	Mainland Region = "PT"
	Azores   Region = "PT-AC"
	Madeira  Region = "PT-MA"
)

// Values returns the regions.
func (Region) Values() []Region { return []Region{Mainland, Azores, Madeira} }

// Valid reports whether r is one of the regions.
func (r Region) Valid() bool { return r == Mainland || r == Azores || r == Madeira }

// Category is a VAT rate category (CIVA art. 18 n.º 1).
type Category string

// The VAT rate categories, as SAF-T TaxCode.
const (
	Reduced      Category = "RED"
	Intermediate Category = "INT"
	Normal       Category = "NOR"
)

// Values returns the categories.
func (Category) Values() []Category { return []Category{Reduced, Intermediate, Normal} }

// Valid reports whether c is one of the categories.
func (c Category) Valid() bool { return c == Reduced || c == Intermediate || c == Normal }
