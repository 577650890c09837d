package saft

import (
	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
)

// MasterFiles is table 2 of the Portaria: accounts, customers, suppliers,
// products and tax rates referenced by the rest of the file.
type MasterFiles struct {
	// GeneralLedgerAccounts (2.1): the chart of accounts; accounting files
	// (TaxAccountingBasis C and I) only.
	GeneralLedgerAccounts *GeneralLedgerAccounts `xml:"GeneralLedgerAccounts,omitempty"`
	// Customer (2.2): the customers of the documents and transactions
	// exported.
	Customer []Customer `xml:"Customer,omitempty"`
	// Supplier (2.3): the suppliers of the transactions and movements
	// exported.
	Supplier []Supplier `xml:"Supplier,omitempty"`
	// Product (2.4): the goods and services of the documents' lines.
	Product []Product `xml:"Product,omitempty"`
	// TaxTable (2.5): the tax rates used in the documents.
	TaxTable *TaxTable `xml:"TaxTable,omitempty"`
}

// GeneralLedgerAccounts is MasterFiles/GeneralLedgerAccounts (2.1).
type GeneralLedgerAccounts struct {
	// TaxonomyReference (2.1.1): S, M, N or O.
	TaxonomyReference TaxonomyReference `xml:"TaxonomyReference"`
	// Account (2.1.2): every account of the chart, including the ones
	// without movements.
	Account []Account `xml:"Account"`
}

// Account is one general-ledger account (2.1.2).
type Account struct {
	// AccountID (2.1.2.1): the account code as in the chart of accounts.
	AccountID string `xml:"AccountID"`
	// AccountDescription (2.1.2.2): its name.
	AccountDescription string `xml:"AccountDescription"`
	// OpeningDebitBalance (2.1.2.3): debit balance at the start of the
	// period.
	OpeningDebitBalance decimal.Decimal `xml:"OpeningDebitBalance"`
	// OpeningCreditBalance (2.1.2.4): credit balance at the start of the
	// period.
	OpeningCreditBalance decimal.Decimal `xml:"OpeningCreditBalance"`
	// ClosingDebitBalance (2.1.2.5): debit balance at the end of the
	// period.
	ClosingDebitBalance decimal.Decimal `xml:"ClosingDebitBalance"`
	// ClosingCreditBalance (2.1.2.6): credit balance at the end of the
	// period.
	ClosingCreditBalance decimal.Decimal `xml:"ClosingCreditBalance"`
	// GroupingCategory (2.1.2.7): GR, GA, GM, AR, AA or AM.
	GroupingCategory GroupingCategory `xml:"GroupingCategory"`
	// GroupingCode (2.1.2.8): the AccountID of the parent account; absent
	// for first-degree accounts (GR, AR).
	GroupingCode string `xml:"GroupingCode,omitempty"`
	// TaxonomyCode (2.1.2.9): taxonomy code of a movement account (GM),
	// 1 to 999; 0 means absent.
	TaxonomyCode int `xml:"TaxonomyCode,omitempty"`
}

// Customer is one customer record (2.2).
type Customer struct {
	// CustomerID (2.2.1): unique key of the customer in the file; the
	// same customer has one ID across the file. Final consumers without
	// NIF may share a generic customer.
	CustomerID string `xml:"CustomerID"`
	// AccountID (2.2.2): the customer's general-ledger account, or
	// "Desconhecido" when there is no accounting.
	AccountID string `xml:"AccountID"`
	// CustomerTaxID (2.2.3): NIF, without country prefix for Portuguese
	// ones; 999999990 for final consumers without NIF.
	CustomerTaxID string `xml:"CustomerTaxID"`
	// CompanyName (2.2.4): name; "Consumidor final" for the generic
	// customer.
	CompanyName string `xml:"CompanyName"`
	// Contact (2.2.5): contact person.
	Contact string `xml:"Contact,omitempty"`
	// BillingAddress (2.2.6): head office or domicile; "Desconhecido" in
	// each field when unknown.
	BillingAddress CustomerAddress `xml:"BillingAddress"`
	// ShipToAddress (2.2.7): delivery addresses.
	ShipToAddress []CustomerAddress `xml:"ShipToAddress,omitempty"`
	// Telephone (2.2.8).
	Telephone string `xml:"Telephone,omitempty"`
	// Fax (2.2.9).
	Fax string `xml:"Fax,omitempty"`
	// Email (2.2.10).
	Email string `xml:"Email,omitempty"`
	// Website (2.2.11).
	Website string `xml:"Website,omitempty"`
	// SelfBillingIndicator (2.2.12): 1 when a self-billing agreement with
	// this customer exists.
	SelfBillingIndicator Indicator `xml:"SelfBillingIndicator"`
}

// Supplier is one supplier record (2.3).
type Supplier struct {
	// SupplierID (2.3.1): unique key of the supplier in the file.
	SupplierID string `xml:"SupplierID"`
	// AccountID (2.3.2): the supplier's general-ledger account, or
	// "Desconhecido".
	AccountID string `xml:"AccountID"`
	// SupplierTaxID (2.3.3): NIF, without country prefix for Portuguese
	// ones.
	SupplierTaxID string `xml:"SupplierTaxID"`
	// CompanyName (2.3.4).
	CompanyName string `xml:"CompanyName"`
	// Contact (2.3.5).
	Contact string `xml:"Contact,omitempty"`
	// BillingAddress (2.3.6): head office or domicile.
	BillingAddress Address `xml:"BillingAddress"`
	// ShipFromAddress (2.3.7): addresses goods come from.
	ShipFromAddress []Address `xml:"ShipFromAddress,omitempty"`
	// Telephone (2.3.8).
	Telephone string `xml:"Telephone,omitempty"`
	// Fax (2.3.9).
	Fax string `xml:"Fax,omitempty"`
	// Email (2.3.10).
	Email string `xml:"Email,omitempty"`
	// Website (2.3.11).
	Website string `xml:"Website,omitempty"`
	// SelfBillingIndicator (2.3.12): 1 when a self-billing agreement with
	// this supplier exists.
	SelfBillingIndicator Indicator `xml:"SelfBillingIndicator"`
}

// Product is one product or service record (2.4).
type Product struct {
	// ProductType (2.4.1): P, S, O, E or I.
	ProductType ProductType `xml:"ProductType"`
	// ProductCode (2.4.2): unique key of the product in the file.
	ProductCode string `xml:"ProductCode"`
	// ProductGroup (2.4.3): the product family.
	ProductGroup string `xml:"ProductGroup,omitempty"`
	// ProductDescription (2.4.4): the name, 2 to 200 characters.
	ProductDescription string `xml:"ProductDescription"`
	// ProductNumberCode (2.4.5): EAN when there is one, else ProductCode.
	ProductNumberCode string `xml:"ProductNumberCode"`
	// CustomsDetails (2.4.6): CN codes and UN numbers.
	CustomsDetails *CustomsDetails `xml:"CustomsDetails,omitempty"`
}

// TaxTable is MasterFiles/TaxTable (2.5): at least one entry.
type TaxTable struct {
	// TaxTableEntry (2.5.1).
	TaxTableEntry []TaxTableEntry `xml:"TaxTableEntry"`
}

// TaxTableEntry is one tax rate (2.5.1). Exactly one of TaxPercentage and
// TaxAmount is set.
type TaxTableEntry struct {
	// TaxType (2.5.1.1): IVA, IS or NS.
	TaxType TaxType `xml:"TaxType"`
	// TaxCountryRegion (2.5.1.2): ISO 3166-1 alpha-2, PT-AC or PT-MA.
	TaxCountryRegion string `xml:"TaxCountryRegion"`
	// TaxCode (2.5.1.3): RED, INT, NOR, ISE, OUT for VAT, the stamp duty
	// table item for IS, NS or NA.
	TaxCode TaxCode `xml:"TaxCode"`
	// Description (2.5.1.4): e.g. "Taxa normal"; for stamp duty the
	// table item's description.
	Description string `xml:"Description"`
	// TaxExpirationDate (2.5.1.5): last day the rate applies.
	TaxExpirationDate *civil.Date `xml:"TaxExpirationDate,omitempty"`
	// TaxPercentage (2.5.1.6): the rate in percent.
	TaxPercentage *decimal.Decimal `xml:"TaxPercentage,omitempty"`
	// TaxAmount (2.5.1.7): a fixed stamp duty amount.
	TaxAmount *decimal.Decimal `xml:"TaxAmount,omitempty"`
}
