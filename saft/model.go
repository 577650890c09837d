package saft

import (
	"encoding/xml"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
)

// Conventions of the model:
//
//   - Fields follow the schema's element order; field names are the
//     element names; `xml` tags let encoding/xml marshal and unmarshal the
//     model (our Writer does not use them: it writes by hand, faster and
//     with the exact formats).
//   - An optional text element is a string with omitempty: the schema's
//     text types have minLength 1, so "" means absent.
//   - An optional number is a pointer (*decimal.Decimal, *civil.Date,
//     *civil.DateTime) or, where 0 is not a valid value (Period, TaxonomyCode),
//     an int with omitempty. An optional structure is a pointer; a
//     repeated one a slice.
//   - A choice of two elements (DebitAmount | CreditAmount, TaxPercentage
//     | TaxAmount, CustomerID | SupplierID) is two optional fields of which
//     exactly one is set.
//   - Money and quantities are decimal.Decimal. The Writer writes
//     SAFmonetaryType values with at least 2 decimals and never rounds;
//     encoding/xml writes decimal.String().
//   - Dates are civil.Date (YYYY-MM-DD), date-times civil.DateTime (no
//     zone).
//
// Field comments quote the field index and technical note of Portaria
// 302/2016 (docs/Portaria_302_2016.txt), briefly.

// AuditFile is a whole SAF-T (PT) file in memory. For large files use
// Write with iterators (Content) instead.
type AuditFile struct {
	XMLName              xml.Name              `xml:"urn:OECD:StandardAuditFile-Tax:PT_1.04_01 AuditFile"`
	Header               Header                `xml:"Header"`
	MasterFiles          MasterFiles           `xml:"MasterFiles"`
	GeneralLedgerEntries *GeneralLedgerEntries `xml:"GeneralLedgerEntries,omitempty"`
	SourceDocuments      *SourceDocuments      `xml:"SourceDocuments,omitempty"`
}

// Header is table 1 of the Portaria: who produced the file, for whom and
// for which period.
type Header struct {
	// AuditFileVersion (1.1): "1.04_01" (AuditFileVersion constant).
	AuditFileVersion string `xml:"AuditFileVersion"`
	// CompanyID (1.2): the commercial registry office and registration
	// number ("Conservatória número"), or the NIF when there is none.
	CompanyID string `xml:"CompanyID"`
	// TaxRegistrationNumber (1.3): the company's Portuguese NIF, 9 digits
	// without country prefix.
	TaxRegistrationNumber string `xml:"TaxRegistrationNumber"`
	// TaxAccountingBasis (1.4): C accounting, F invoicing, etc.
	TaxAccountingBasis TaxAccountingBasis `xml:"TaxAccountingBasis"`
	// CompanyName (1.5): the company's registered name.
	CompanyName string `xml:"CompanyName"`
	// BusinessName (1.6): trade name, when any.
	BusinessName string `xml:"BusinessName,omitempty"`
	// CompanyAddress (1.7): the registered office.
	CompanyAddress Address `xml:"CompanyAddress"`
	// FiscalYear (1.8): the tax year (CIRC art. 8) of the data; for a
	// year not matching the civil year, the year it starts.
	FiscalYear int `xml:"FiscalYear"`
	// StartDate (1.9): first day of the period exported.
	StartDate civil.Date `xml:"StartDate"`
	// EndDate (1.10): last day of the period exported.
	EndDate civil.Date `xml:"EndDate"`
	// CurrencyCode (1.11): always "EUR".
	CurrencyCode string `xml:"CurrencyCode"`
	// DateCreated (1.12): date the file was created.
	DateCreated civil.Date `xml:"DateCreated"`
	// TaxEntity (1.13): for invoicing files the establishment the file
	// covers: "Global" for all, "Sede" for the head office, or an
	// establishment's identifier; "Sede" for accounting and integrated files.
	TaxEntity string `xml:"TaxEntity"`
	// ProductCompanyTaxID (1.14): NIF of the software producer.
	ProductCompanyTaxID string `xml:"ProductCompanyTaxID"`
	// SoftwareCertificateNumber (1.15): number of the program's AT
	// certificate, 0 when not certified.
	SoftwareCertificateNumber int `xml:"SoftwareCertificateNumber"`
	// ProductID (1.16): "program name/producer company name".
	ProductID string `xml:"ProductID"`
	// ProductVersion (1.17): the program's version.
	ProductVersion string `xml:"ProductVersion"`
	// HeaderComment (1.18): free comment.
	HeaderComment string `xml:"HeaderComment,omitempty"`
	// Telephone (1.19) of the company.
	Telephone string `xml:"Telephone,omitempty"`
	// Fax (1.20) of the company.
	Fax string `xml:"Fax,omitempty"`
	// Email (1.21) of the company.
	Email string `xml:"Email,omitempty"`
	// Website (1.22) of the company.
	Website string `xml:"Website,omitempty"`
}

// Address is the schema's AddressStructure (company and supplier
// addresses; Country restricted to ISO 3166-1 alpha-2).
type Address struct {
	// BuildingNumber (1.7.1): door number.
	BuildingNumber string `xml:"BuildingNumber,omitempty"`
	// StreetName (1.7.2): street.
	StreetName string `xml:"StreetName,omitempty"`
	// AddressDetail (1.7.3): the detailed address: street, number, floor
	// etc.; required.
	AddressDetail string `xml:"AddressDetail"`
	// City (1.7.4).
	City string `xml:"City"`
	// PostalCode (1.7.5).
	PostalCode string `xml:"PostalCode"`
	// Region (1.7.6): district.
	Region string `xml:"Region,omitempty"`
	// Country (1.7.7): ISO 3166-1 alpha-2 ("PT").
	Country string `xml:"Country"`
}

// CustomerAddress is the schema's CustomerAddressStructure: an Address
// whose Country may also be "Desconhecido" (Unknown). Customer billing
// and ship-to addresses and ShipTo/ShipFrom addresses of documents use it.
type CustomerAddress struct {
	// BuildingNumber (2.2.6.1): door number.
	BuildingNumber string `xml:"BuildingNumber,omitempty"`
	// StreetName (2.2.6.2).
	StreetName string `xml:"StreetName,omitempty"`
	// AddressDetail (2.2.6.3): "Desconhecido" when unknown.
	AddressDetail string `xml:"AddressDetail"`
	// City (2.2.6.4): "Desconhecido" when unknown.
	City string `xml:"City"`
	// PostalCode (2.2.6.5): "Desconhecido" when unknown.
	PostalCode string `xml:"PostalCode"`
	// Region (2.2.6.6).
	Region string `xml:"Region,omitempty"`
	// Country (2.2.6.7): ISO 3166-1 alpha-2, or "Desconhecido".
	Country string `xml:"Country"`
}

// Currency is the schema's Currency structure (4.1.4.20.4): filled only
// when the document's currency is not the euro.
type Currency struct {
	// CurrencyCode (4.1.4.20.4.1): ISO 4217 code of the original currency.
	CurrencyCode string `xml:"CurrencyCode"`
	// CurrencyAmount (4.1.4.20.4.2): GrossTotal in the original currency.
	CurrencyAmount decimal.Decimal `xml:"CurrencyAmount"`
	// ExchangeRate (4.1.4.20.4.3): the rate used to convert into EUR.
	ExchangeRate decimal.Decimal `xml:"ExchangeRate"`
}

// CustomsDetails is Product/CustomsDetails (2.4.6).
type CustomsDetails struct {
	// CNCode (2.4.6.1): Combined Nomenclature codes, 8 digits each.
	CNCode []string `xml:"CNCode,omitempty"`
	// UNNumber (2.4.6.2): UN numbers of dangerous goods, 4 digits each.
	UNNumber []string `xml:"UNNumber,omitempty"`
}

// CustomsInformation is a line's CustomsInformation (4.1.4.19.19): excise
// data.
type CustomsInformation struct {
	// ARCNo (4.1.4.19.19.1): the e-DA/e-DAS administrative reference codes.
	ARCNo []string `xml:"ARCNo,omitempty"`
	// IECAmount (4.1.4.19.19.2): the excise (IEC) amount, when known.
	IECAmount *decimal.Decimal `xml:"IECAmount,omitempty"`
}

// OrderReferences is a line's OrderReferences (4.1.4.19.2): the order the
// line comes from.
type OrderReferences struct {
	// OriginatingON (4.1.4.19.2.1): number of the order or source
	// document, built like InvoiceNo when it comes from this program.
	OriginatingON string `xml:"OriginatingON,omitempty"`
	// OrderDate (4.1.4.19.2.2): date of that document.
	OrderDate *civil.Date `xml:"OrderDate,omitempty"`
}

// References is a line's References (4.1.4.19.10): for credit and debit
// notes, the document corrected.
type References struct {
	// Reference (4.1.4.19.10.1): number of the invoice corrected, built
	// like InvoiceNo when it comes from this program.
	Reference string `xml:"Reference,omitempty"`
	// Reason (4.1.4.19.10.2): the reason for the correction.
	Reason string `xml:"Reason,omitempty"`
}

// ProductSerialNumber is a line's ProductSerialNumber (4.1.4.19.12).
type ProductSerialNumber struct {
	// SerialNumber (4.1.4.19.12.1): the serial numbers of the goods.
	SerialNumber []string `xml:"SerialNumber"`
}

// Tax is a document line's Tax (4.1.4.19.15): the rate or amount applied.
// Exactly one of TaxPercentage and TaxAmount is set.
type Tax struct {
	// TaxType (4.1.4.19.15.1): IVA, IS or NS.
	TaxType TaxType `xml:"TaxType"`
	// TaxCountryRegion (4.1.4.19.15.2): ISO 3166-1 alpha-2, or PT-AC,
	// PT-MA for the autonomous regions' VAT.
	TaxCountryRegion string `xml:"TaxCountryRegion"`
	// TaxCode (4.1.4.19.15.3): RED, INT, NOR, ISE, OUT (VAT), the stamp
	// duty table item (IS) or NS.
	TaxCode TaxCode `xml:"TaxCode"`
	// TaxPercentage (4.1.4.19.15.4): the rate in percent (23 for 23%); 0
	// for exempt or not subject.
	TaxPercentage *decimal.Decimal `xml:"TaxPercentage,omitempty"`
	// TaxAmount (4.1.4.19.15.5): a fixed stamp duty amount.
	TaxAmount *decimal.Decimal `xml:"TaxAmount,omitempty"`
}

// MovementTax is a stock-movement line's Tax (4.2.3.21.12).
type MovementTax struct {
	// TaxType (4.2.3.21.12.1): IVA or NS.
	TaxType TaxType `xml:"TaxType"`
	// TaxCountryRegion (4.2.3.21.12.2).
	TaxCountryRegion string `xml:"TaxCountryRegion"`
	// TaxCode (4.2.3.21.12.3): RED, INT, NOR, ISE, OUT or NS.
	TaxCode TaxCode `xml:"TaxCode"`
	// TaxPercentage (4.2.3.21.12.4): the rate in percent.
	TaxPercentage decimal.Decimal `xml:"TaxPercentage"`
}

// PaymentTax is a payment line's Tax (4.4.4.14.6), for receipts under the
// cash VAT scheme. Exactly one of TaxPercentage and TaxAmount is set.
type PaymentTax struct {
	// TaxType (4.4.4.14.6.1): IVA, IS or NS.
	TaxType TaxType `xml:"TaxType"`
	// TaxCountryRegion (4.4.4.14.6.2).
	TaxCountryRegion string `xml:"TaxCountryRegion"`
	// TaxCode (4.4.4.14.6.3): as Tax, plus NA.
	TaxCode TaxCode `xml:"TaxCode"`
	// TaxPercentage (4.4.4.14.6.4).
	TaxPercentage *decimal.Decimal `xml:"TaxPercentage,omitempty"`
	// TaxAmount (4.4.4.14.6.5): fixed stamp duty amount.
	TaxAmount *decimal.Decimal `xml:"TaxAmount,omitempty"`
}

// ShippingPoint is the schema's ShippingPointStructure (ShipTo 4.1.4.15,
// ShipFrom 4.1.4.16).
type ShippingPoint struct {
	// DeliveryID (4.1.4.15.1): delivery references (e.g. carrier's).
	DeliveryID []string `xml:"DeliveryID,omitempty"`
	// DeliveryDate (4.1.4.15.2): date of delivery.
	DeliveryDate *civil.Date `xml:"DeliveryDate,omitempty"`
	// Warehouses (4.1.4.15.3, 4.1.4.15.4): the repeated WarehouseID,
	// LocationID pairs.
	Warehouses []Warehouse `xml:"-"`
	// Address (4.1.4.15.5).
	Address *CustomerAddress `xml:"Address,omitempty"`
}

// Warehouse is one WarehouseID/LocationID pair of a ShippingPoint.
type Warehouse struct {
	// WarehouseID (4.1.4.15.3): the warehouse goods leave from or go to.
	WarehouseID string
	// LocationID (4.1.4.15.4): the location inside the warehouse.
	LocationID string
}

// SpecialRegimes is Invoice/SpecialRegimes (4.1.4.9).
type SpecialRegimes struct {
	// SelfBillingIndicator (4.1.4.9.1): 1 for self-billing (autofaturação).
	SelfBillingIndicator Indicator `xml:"SelfBillingIndicator"`
	// CashVATSchemeIndicator (4.1.4.9.2): 1 when the cash VAT scheme applies.
	CashVATSchemeIndicator Indicator `xml:"CashVATSchemeIndicator"`
	// ThirdPartiesBillingIndicator (4.1.4.9.3): 1 when issued in the name
	// and on behalf of third parties.
	ThirdPartiesBillingIndicator Indicator `xml:"ThirdPartiesBillingIndicator"`
}

// Settlement is DocumentTotals/Settlement (4.1.4.20.5): agreed future
// discounts or payment terms; it never changes GrossTotal.
type Settlement struct {
	// SettlementDiscount (4.1.4.20.5.1): the agreed discount, in words.
	SettlementDiscount string `xml:"SettlementDiscount,omitempty"`
	// SettlementAmount (4.1.4.20.5.2): its amount.
	SettlementAmount *decimal.Decimal `xml:"SettlementAmount,omitempty"`
	// SettlementDate (4.1.4.20.5.3): date agreed for the discount.
	SettlementDate *civil.Date `xml:"SettlementDate,omitempty"`
	// PaymentTerms (4.1.4.20.5.4): agreed payment terms.
	PaymentTerms string `xml:"PaymentTerms,omitempty"`
}

// PaymentMethod is the schema's PaymentMethod (DocumentTotals/Payment
// 4.1.4.20.6 and Payment/PaymentMethod 4.4.4.10): how it was paid.
type PaymentMethod struct {
	// PaymentMechanism (4.1.4.20.6.1): NU cash, CC credit card, etc.
	PaymentMechanism PaymentMechanism `xml:"PaymentMechanism,omitempty"`
	// PaymentAmount (4.1.4.20.6.2): amount paid with this mechanism.
	PaymentAmount decimal.Decimal `xml:"PaymentAmount"`
	// PaymentDate (4.1.4.20.6.3): date of the payment.
	PaymentDate civil.Date `xml:"PaymentDate"`
}

// WithholdingTax is the schema's WithholdingTax (4.1.4.21): tax withheld
// at source.
type WithholdingTax struct {
	// WithholdingTaxType (4.1.4.21.1): IRS, IRC or IS.
	WithholdingTaxType WithholdingTaxType `xml:"WithholdingTaxType,omitempty"`
	// WithholdingTaxDescription (4.1.4.21.2): the legal basis.
	WithholdingTaxDescription string `xml:"WithholdingTaxDescription,omitempty"`
	// WithholdingTaxAmount (4.1.4.21.3): amount withheld.
	WithholdingTaxAmount decimal.Decimal `xml:"WithholdingTaxAmount"`
}
