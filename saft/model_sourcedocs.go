package saft

import (
	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
)

// SourceDocuments is table 4 of the Portaria: the documents issued in
// the period. Control totals (NumberOfEntries, TotalDebit, ...) are
// computed by the Writer following the Portaria's notes; in a decoded
// file they are the declared ones.
type SourceDocuments struct {
	// SalesInvoices (4.1): invoices, simplified invoices, invoice-receipts,
	// debit and credit notes.
	SalesInvoices *SalesInvoices `xml:"SalesInvoices,omitempty"`
	// MovementOfGoods (4.2): transport documents (guias).
	MovementOfGoods *MovementOfGoods `xml:"MovementOfGoods,omitempty"`
	// WorkingDocuments (4.3): documents that can be shown to the customer
	// for checking goods or services (quotations, pro forma, table
	// consultations...).
	WorkingDocuments *WorkingDocuments `xml:"WorkingDocuments,omitempty"`
	// Payments (4.4): receipts.
	Payments *Payments `xml:"Payments,omitempty"`
}

// SalesInvoices is SourceDocuments/SalesInvoices (4.1).
type SalesInvoices struct {
	// NumberOfEntries (4.1.1): number of documents, including those with
	// InvoiceStatus A or F.
	NumberOfEntries int `xml:"NumberOfEntries"`
	// TotalDebit (4.1.2): sum of the lines' DebitAmount, excluding the
	// documents with InvoiceStatus A or F.
	TotalDebit decimal.Decimal `xml:"TotalDebit"`
	// TotalCredit (4.1.3): sum of the lines' CreditAmount, excluding the
	// documents with InvoiceStatus A or F.
	TotalCredit decimal.Decimal `xml:"TotalCredit"`
	// Invoice (4.1.4).
	Invoice []Invoice `xml:"Invoice,omitempty"`
}

// DocumentStatus is the status of a sales invoice (4.1.4.3).
type InvoiceDocumentStatus struct {
	// InvoiceStatus (4.1.4.3.1): N, S, A, R or F.
	InvoiceStatus InvoiceStatus `xml:"InvoiceStatus"`
	// InvoiceStatusDate (4.1.4.3.2): when the status was last set (the
	// issue time for status N).
	InvoiceStatusDate civil.DateTime `xml:"InvoiceStatusDate"`
	// Reason (4.1.4.3.3): why the status changed, when it did.
	Reason string `xml:"Reason,omitempty"`
	// SourceID (4.1.4.3.4): the user who set the status.
	SourceID string `xml:"SourceID"`
	// SourceBilling (4.1.4.3.5): P produced here, I integrated, M manual
	// or recovered.
	SourceBilling SourceBilling `xml:"SourceBilling"`
}

// Invoice is one sales document (4.1.4).
type Invoice struct {
	// InvoiceNo (4.1.4.1): "type series/number", e.g. "FT A/12"; unique.
	InvoiceNo string `xml:"InvoiceNo"`
	// ATCUD (4.1.4.2): the document's unique code, "validation code-number".
	ATCUD string `xml:"ATCUD"`
	// DocumentStatus (4.1.4.3).
	DocumentStatus InvoiceDocumentStatus `xml:"DocumentStatus"`
	// Hash (4.1.4.4): the document's signature (Despacho 8632/2014); "0"
	// when the program is not certified.
	Hash string `xml:"Hash"`
	// HashControl (4.1.4.5): the private key's version; for recovered or
	// manual documents the version plus "-" type, "M" or "D" and the
	// manual document's number.
	HashControl string `xml:"HashControl"`
	// Period (4.1.4.6): accounting period, 1 to 12; 0 means absent.
	Period int `xml:"Period,omitempty"`
	// InvoiceDate (4.1.4.7): date of issue.
	InvoiceDate civil.Date `xml:"InvoiceDate"`
	// InvoiceType (4.1.4.8): FT, FS, FR, ND, NC (and the insurance
	// types RP, RE, CS, LD, RA; legacy VD, TV, TD, AA, DA for data up to
	// 2012).
	InvoiceType series.DocumentType `xml:"InvoiceType"`
	// SpecialRegimes (4.1.4.9).
	SpecialRegimes SpecialRegimes `xml:"SpecialRegimes"`
	// SourceID (4.1.4.10): the user who issued the document.
	SourceID string `xml:"SourceID"`
	// EACCode (4.1.4.11): the CAE code of the activity, 5 digits.
	EACCode string `xml:"EACCode,omitempty"`
	// SystemEntryDate (4.1.4.12): when the document was signed.
	SystemEntryDate civil.DateTime `xml:"SystemEntryDate"`
	// TransactionID (4.1.4.13): the TransactionID of the accounting
	// transaction recording it; required in an integrated accounting and
	// invoicing system.
	TransactionID string `xml:"TransactionID,omitempty"`
	// CustomerID (4.1.4.14): key of the customer in MasterFiles.
	CustomerID string `xml:"CustomerID"`
	// ShipTo (4.1.4.15): delivery information.
	ShipTo *ShippingPoint `xml:"ShipTo,omitempty"`
	// ShipFrom (4.1.4.16): loading information.
	ShipFrom *ShippingPoint `xml:"ShipFrom,omitempty"`
	// MovementEndTime (4.1.4.17): end of transport, when the invoice is a
	// transport document.
	MovementEndTime *civil.DateTime `xml:"MovementEndTime,omitempty"`
	// MovementStartTime (4.1.4.18): start of transport, when the invoice
	// is a transport document.
	MovementStartTime *civil.DateTime `xml:"MovementStartTime,omitempty"`
	// Line (4.1.4.19): at least one.
	Line []InvoiceLine `xml:"Line"`
	// DocumentTotals (4.1.4.20).
	DocumentTotals InvoiceTotals `xml:"DocumentTotals"`
	// WithholdingTax (4.1.4.21).
	WithholdingTax []WithholdingTax `xml:"WithholdingTax,omitempty"`
}

// InvoiceLine is one line of a sales document (4.1.4.19) or of a work
// document (4.3.4.14, where Tax is optional). Exactly one of DebitAmount
// and CreditAmount is set.
type InvoiceLine struct {
	// LineNumber (4.1.4.19.1): lines in order, from 1.
	LineNumber int `xml:"LineNumber"`
	// OrderReferences (4.1.4.19.2): source orders.
	OrderReferences []OrderReferences `xml:"OrderReferences,omitempty"`
	// ProductCode (4.1.4.19.3): key of the product in MasterFiles.
	ProductCode string `xml:"ProductCode"`
	// ProductDescription (4.1.4.19.4): the description on the document.
	ProductDescription string `xml:"ProductDescription"`
	// Quantity (4.1.4.19.5).
	Quantity decimal.Decimal `xml:"Quantity"`
	// UnitOfMeasure (4.1.4.19.6).
	UnitOfMeasure string `xml:"UnitOfMeasure"`
	// UnitPrice (4.1.4.19.7): unit price without tax, after line and
	// header discounts.
	UnitPrice decimal.Decimal `xml:"UnitPrice"`
	// TaxBase (4.1.4.19.8): taxable amount of a line without price
	// (e.g. free offers), not summed into the totals.
	TaxBase *decimal.Decimal `xml:"TaxBase,omitempty"`
	// TaxPointDate (4.1.4.19.9): date of dispatch or of the service.
	TaxPointDate civil.Date `xml:"TaxPointDate"`
	// References (4.1.4.19.10): for credit/debit notes, the corrected
	// document.
	References []References `xml:"References,omitempty"`
	// Description (4.1.4.19.11): the line's description.
	Description string `xml:"Description"`
	// ProductSerialNumber (4.1.4.19.12).
	ProductSerialNumber *ProductSerialNumber `xml:"ProductSerialNumber,omitempty"`
	// DebitAmount (4.1.4.19.13): line amount without tax, for credit
	// notes (and other debit lines).
	DebitAmount *decimal.Decimal `xml:"DebitAmount,omitempty"`
	// CreditAmount (4.1.4.19.14): line amount without tax, for invoices.
	CreditAmount *decimal.Decimal `xml:"CreditAmount,omitempty"`
	// Tax (4.1.4.19.15): required in SalesInvoices, optional in
	// WorkingDocuments.
	Tax *Tax `xml:"Tax,omitempty"`
	// TaxExemptionReason (4.1.4.19.16): legal provision of the exemption
	// when the rate or amount is 0.
	TaxExemptionReason string `xml:"TaxExemptionReason,omitempty"`
	// TaxExemptionCode (4.1.4.19.17): AT's code of the exemption, M01...
	TaxExemptionCode string `xml:"TaxExemptionCode,omitempty"`
	// SettlementAmount (4.1.4.19.18): line and pro-rated header discounts,
	// informative.
	SettlementAmount *decimal.Decimal `xml:"SettlementAmount,omitempty"`
	// CustomsInformation (4.1.4.19.19).
	CustomsInformation *CustomsInformation `xml:"CustomsInformation,omitempty"`
}

// InvoiceTotals is Invoice/DocumentTotals (4.1.4.20).
type InvoiceTotals struct {
	// TaxPayable (4.1.4.20.1): total tax of the document.
	TaxPayable decimal.Decimal `xml:"TaxPayable"`
	// NetTotal (4.1.4.20.2): total without tax.
	NetTotal decimal.Decimal `xml:"NetTotal"`
	// GrossTotal (4.1.4.20.3): total with tax, the amount signed in the
	// hash (2 decimals).
	GrossTotal decimal.Decimal `xml:"GrossTotal"`
	// Currency (4.1.4.20.4): only for documents in a foreign currency.
	Currency *Currency `xml:"Currency,omitempty"`
	// Settlement (4.1.4.20.5): agreed discounts and payment terms.
	Settlement []Settlement `xml:"Settlement,omitempty"`
	// Payment (4.1.4.20.6): how an invoice-receipt (FR) etc. was paid.
	Payment []PaymentMethod `xml:"Payment,omitempty"`
}

// DocumentTotals is the DocumentTotals of stock movements and work
// documents (4.2.3.22, 4.3.4.15).
type DocumentTotals struct {
	// TaxPayable (4.2.3.22.1).
	TaxPayable decimal.Decimal `xml:"TaxPayable"`
	// NetTotal (4.2.3.22.2).
	NetTotal decimal.Decimal `xml:"NetTotal"`
	// GrossTotal (4.2.3.22.3): the amount signed in the hash.
	GrossTotal decimal.Decimal `xml:"GrossTotal"`
	// Currency (4.2.3.22.4): only for a foreign currency.
	Currency *Currency `xml:"Currency,omitempty"`
}

// MovementOfGoods is SourceDocuments/MovementOfGoods (4.2): documents
// used for transport under the goods circulation regime (Decreto-Lei
// 147/2003); invoices that are also transport documents are not here.
type MovementOfGoods struct {
	// NumberOfMovementLines (4.2.1): number of lines of the documents,
	// including the lines of documents with MovementStatus A.
	NumberOfMovementLines int `xml:"NumberOfMovementLines"`
	// TotalQuantityIssued (4.2.2): sum of the lines' Quantity, excluding
	// the lines of documents with MovementStatus A.
	TotalQuantityIssued decimal.Decimal `xml:"TotalQuantityIssued"`
	// StockMovement (4.2.3).
	StockMovement []StockMovement `xml:"StockMovement,omitempty"`
}

// MovementDocumentStatus is StockMovement/DocumentStatus (4.2.3.3).
type MovementDocumentStatus struct {
	// MovementStatus (4.2.3.3.1): N, T, A, F or R.
	MovementStatus MovementStatus `xml:"MovementStatus"`
	// MovementStatusDate (4.2.3.3.2).
	MovementStatusDate civil.DateTime `xml:"MovementStatusDate"`
	// Reason (4.2.3.3.3).
	Reason string `xml:"Reason,omitempty"`
	// SourceID (4.2.3.3.4).
	SourceID string `xml:"SourceID"`
	// SourceBilling (4.2.3.3.5): P, I or M.
	SourceBilling SourceBilling `xml:"SourceBilling"`
}

// StockMovement is one transport document (4.2.3). Exactly one of
// CustomerID and SupplierID is set.
type StockMovement struct {
	// DocumentNumber (4.2.3.1): "type series/number"; unique.
	DocumentNumber string `xml:"DocumentNumber"`
	// ATCUD (4.2.3.2).
	ATCUD string `xml:"ATCUD"`
	// DocumentStatus (4.2.3.3).
	DocumentStatus MovementDocumentStatus `xml:"DocumentStatus"`
	// Hash (4.2.3.4): signature; "0" when not signed.
	Hash string `xml:"Hash"`
	// HashControl (4.2.3.5).
	HashControl string `xml:"HashControl"`
	// Period (4.2.3.6): 1 to 12; 0 means absent.
	Period int `xml:"Period,omitempty"`
	// MovementDate (4.2.3.7): date of issue.
	MovementDate civil.Date `xml:"MovementDate"`
	// MovementType (4.2.3.8): GR, GT, GA, GC or GD.
	MovementType series.DocumentType `xml:"MovementType"`
	// SystemEntryDate (4.2.3.9): when the document was signed.
	SystemEntryDate civil.DateTime `xml:"SystemEntryDate"`
	// TransactionID (4.2.3.10).
	TransactionID string `xml:"TransactionID,omitempty"`
	// CustomerID (4.2.3.11): the customer (for goods going to a customer).
	CustomerID string `xml:"CustomerID,omitempty"`
	// SupplierID (4.2.3.12): the supplier (e.g. returns to a supplier).
	SupplierID string `xml:"SupplierID,omitempty"`
	// SourceID (4.2.3.13): the user who issued it.
	SourceID string `xml:"SourceID"`
	// EACCode (4.2.3.14).
	EACCode string `xml:"EACCode,omitempty"`
	// MovementComments (4.2.3.15).
	MovementComments string `xml:"MovementComments,omitempty"`
	// ShipTo (4.2.3.16).
	ShipTo *ShippingPoint `xml:"ShipTo,omitempty"`
	// ShipFrom (4.2.3.17).
	ShipFrom *ShippingPoint `xml:"ShipFrom,omitempty"`
	// MovementEndTime (4.2.3.18).
	MovementEndTime *civil.DateTime `xml:"MovementEndTime,omitempty"`
	// MovementStartTime (4.2.3.19): start of transport; required.
	MovementStartTime civil.DateTime `xml:"MovementStartTime"`
	// ATDocCodeID (4.2.3.20): AT's identification code of the transport
	// document, when communicated.
	ATDocCodeID string `xml:"ATDocCodeID,omitempty"`
	// Line (4.2.3.21): at least one.
	Line []StockMovementLine `xml:"Line"`
	// DocumentTotals (4.2.3.22).
	DocumentTotals DocumentTotals `xml:"DocumentTotals"`
}

// StockMovementLine is one line of a transport document (4.2.3.21).
// Exactly one of DebitAmount and CreditAmount is set.
type StockMovementLine struct {
	// LineNumber (4.2.3.21.1).
	LineNumber int `xml:"LineNumber"`
	// OrderReferences (4.2.3.21.2).
	OrderReferences []OrderReferences `xml:"OrderReferences,omitempty"`
	// ProductCode (4.2.3.21.3).
	ProductCode string `xml:"ProductCode"`
	// ProductDescription (4.2.3.21.4).
	ProductDescription string `xml:"ProductDescription"`
	// Quantity (4.2.3.21.5).
	Quantity decimal.Decimal `xml:"Quantity"`
	// UnitOfMeasure (4.2.3.21.6).
	UnitOfMeasure string `xml:"UnitOfMeasure"`
	// UnitPrice (4.2.3.21.7): may be 0 when not valued.
	UnitPrice decimal.Decimal `xml:"UnitPrice"`
	// Description (4.2.3.21.8).
	Description string `xml:"Description"`
	// ProductSerialNumber (4.2.3.21.9).
	ProductSerialNumber *ProductSerialNumber `xml:"ProductSerialNumber,omitempty"`
	// DebitAmount (4.2.3.21.10): for movements in (e.g. returns).
	DebitAmount *decimal.Decimal `xml:"DebitAmount,omitempty"`
	// CreditAmount (4.2.3.21.11): for movements out.
	CreditAmount *decimal.Decimal `xml:"CreditAmount,omitempty"`
	// Tax (4.2.3.21.12): required when the document is valued.
	Tax *MovementTax `xml:"Tax,omitempty"`
	// TaxExemptionReason (4.2.3.21.13).
	TaxExemptionReason string `xml:"TaxExemptionReason,omitempty"`
	// TaxExemptionCode (4.2.3.21.14).
	TaxExemptionCode string `xml:"TaxExemptionCode,omitempty"`
	// SettlementAmount (4.2.3.21.15).
	SettlementAmount *decimal.Decimal `xml:"SettlementAmount,omitempty"`
	// CustomsInformation (4.2.3.21.16).
	CustomsInformation *CustomsInformation `xml:"CustomsInformation,omitempty"`
}

// WorkingDocuments is SourceDocuments/WorkingDocuments (4.3).
type WorkingDocuments struct {
	// NumberOfEntries (4.3.1): number of documents, including those with
	// WorkStatus A.
	NumberOfEntries int `xml:"NumberOfEntries"`
	// TotalDebit (4.3.2): sum of the lines' DebitAmount, excluding the
	// documents with WorkStatus A.
	TotalDebit decimal.Decimal `xml:"TotalDebit"`
	// TotalCredit (4.3.3): sum of the lines' CreditAmount, excluding the
	// documents with WorkStatus A.
	TotalCredit decimal.Decimal `xml:"TotalCredit"`
	// WorkDocument (4.3.4).
	WorkDocument []WorkDocument `xml:"WorkDocument,omitempty"`
}

// WorkDocumentStatus is WorkDocument/DocumentStatus (4.3.4.3).
type WorkDocumentStatus struct {
	// WorkStatus (4.3.4.3.1): N, A or F.
	WorkStatus WorkStatus `xml:"WorkStatus"`
	// WorkStatusDate (4.3.4.3.2).
	WorkStatusDate civil.DateTime `xml:"WorkStatusDate"`
	// Reason (4.3.4.3.3).
	Reason string `xml:"Reason,omitempty"`
	// SourceID (4.3.4.3.4).
	SourceID string `xml:"SourceID"`
	// SourceBilling (4.3.4.3.5): P, I or M.
	SourceBilling SourceBilling `xml:"SourceBilling"`
}

// WorkDocument is one working document (4.3.4). Its lines are
// InvoiceLines whose Tax is optional.
type WorkDocument struct {
	// DocumentNumber (4.3.4.1): "type series/number"; unique.
	DocumentNumber string `xml:"DocumentNumber"`
	// ATCUD (4.3.4.2).
	ATCUD string `xml:"ATCUD"`
	// DocumentStatus (4.3.4.3).
	DocumentStatus WorkDocumentStatus `xml:"DocumentStatus"`
	// Hash (4.3.4.4).
	Hash string `xml:"Hash"`
	// HashControl (4.3.4.5).
	HashControl string `xml:"HashControl"`
	// Period (4.3.4.6): 1 to 12; 0 means absent.
	Period int `xml:"Period,omitempty"`
	// WorkDate (4.3.4.7): date of issue.
	WorkDate civil.Date `xml:"WorkDate"`
	// WorkType (4.3.4.8): CM, CC, FC, FO, NE, OU, OR, PF, RP, RE, CS, LD,
	// RA (legacy DC for data up to 2017-06-30).
	WorkType series.DocumentType `xml:"WorkType"`
	// SourceID (4.3.4.9).
	SourceID string `xml:"SourceID"`
	// EACCode (4.3.4.10).
	EACCode string `xml:"EACCode,omitempty"`
	// SystemEntryDate (4.3.4.11): when the document was signed.
	SystemEntryDate civil.DateTime `xml:"SystemEntryDate"`
	// TransactionID (4.3.4.12).
	TransactionID string `xml:"TransactionID,omitempty"`
	// CustomerID (4.3.4.13).
	CustomerID string `xml:"CustomerID"`
	// Line (4.3.4.14): at least one.
	Line []InvoiceLine `xml:"Line"`
	// DocumentTotals (4.3.4.15).
	DocumentTotals DocumentTotals `xml:"DocumentTotals"`
}

// Payments is SourceDocuments/Payments (4.4): receipts issued.
type Payments struct {
	// NumberOfEntries (4.4.1): number of receipts, including those with
	// PaymentStatus A.
	NumberOfEntries int `xml:"NumberOfEntries"`
	// TotalDebit (4.4.2): sum of the lines' DebitAmount, excluding the
	// receipts with PaymentStatus A.
	TotalDebit decimal.Decimal `xml:"TotalDebit"`
	// TotalCredit (4.4.3): sum of the lines' CreditAmount, excluding the
	// receipts with PaymentStatus A.
	TotalCredit decimal.Decimal `xml:"TotalCredit"`
	// Payment (4.4.4).
	Payment []Payment `xml:"Payment,omitempty"`
}

// PaymentDocumentStatus is Payment/DocumentStatus (4.4.4.9).
type PaymentDocumentStatus struct {
	// PaymentStatus (4.4.4.9.1): N or A.
	PaymentStatus PaymentStatus `xml:"PaymentStatus"`
	// PaymentStatusDate (4.4.4.9.2).
	PaymentStatusDate civil.DateTime `xml:"PaymentStatusDate"`
	// Reason (4.4.4.9.3).
	Reason string `xml:"Reason,omitempty"`
	// SourceID (4.4.4.9.4).
	SourceID string `xml:"SourceID"`
	// SourcePayment (4.4.4.9.5): P, I or M.
	SourcePayment SourceBilling `xml:"SourcePayment"`
}

// Payment is one receipt (4.4.4).
type Payment struct {
	// PaymentRefNo (4.4.4.1): "type series/number"; unique.
	PaymentRefNo string `xml:"PaymentRefNo"`
	// ATCUD (4.4.4.2).
	ATCUD string `xml:"ATCUD"`
	// Period (4.4.4.3): 1 to 12; 0 means absent.
	Period int `xml:"Period,omitempty"`
	// TransactionID (4.4.4.4).
	TransactionID string `xml:"TransactionID,omitempty"`
	// TransactionDate (4.4.4.5): date of the receipt.
	TransactionDate civil.Date `xml:"TransactionDate"`
	// PaymentType (4.4.4.6): RC (cash VAT scheme) or RG (other).
	PaymentType series.DocumentType `xml:"PaymentType"`
	// Description (4.4.4.7).
	Description string `xml:"Description,omitempty"`
	// SystemID (4.4.4.8): the receipt's unique number in the system
	// that issued it, when different from PaymentRefNo.
	SystemID string `xml:"SystemID,omitempty"`
	// DocumentStatus (4.4.4.9).
	DocumentStatus PaymentDocumentStatus `xml:"DocumentStatus"`
	// PaymentMethod (4.4.4.10).
	PaymentMethod []PaymentMethod `xml:"PaymentMethod,omitempty"`
	// SourceID (4.4.4.11).
	SourceID string `xml:"SourceID"`
	// SystemEntryDate (4.4.4.12).
	SystemEntryDate civil.DateTime `xml:"SystemEntryDate"`
	// CustomerID (4.4.4.13).
	CustomerID string `xml:"CustomerID"`
	// Line (4.4.4.14): at least one.
	Line []PaymentLine `xml:"Line"`
	// DocumentTotals (4.4.4.15).
	DocumentTotals PaymentTotals `xml:"DocumentTotals"`
	// WithholdingTax (4.4.4.16).
	WithholdingTax []WithholdingTax `xml:"WithholdingTax,omitempty"`
}

// PaymentLine is one line of a receipt (4.4.4.14). Exactly one of
// DebitAmount and CreditAmount is set.
type PaymentLine struct {
	// LineNumber (4.4.4.14.1).
	LineNumber int `xml:"LineNumber"`
	// SourceDocumentID (4.4.4.14.2): the documents paid; at least one.
	SourceDocumentID []SourceDocumentID `xml:"SourceDocumentID"`
	// SettlementAmount (4.4.4.14.3): discount granted on payment.
	SettlementAmount *decimal.Decimal `xml:"SettlementAmount,omitempty"`
	// DebitAmount (4.4.4.14.4): amount without tax, for refunds.
	DebitAmount *decimal.Decimal `xml:"DebitAmount,omitempty"`
	// CreditAmount (4.4.4.14.5): amount without tax, for payments
	// received.
	CreditAmount *decimal.Decimal `xml:"CreditAmount,omitempty"`
	// Tax (4.4.4.14.6): for receipts under the cash VAT scheme.
	Tax *PaymentTax `xml:"Tax,omitempty"`
	// TaxExemptionReason (4.4.4.14.7).
	TaxExemptionReason string `xml:"TaxExemptionReason,omitempty"`
	// TaxExemptionCode (4.4.4.14.8).
	TaxExemptionCode string `xml:"TaxExemptionCode,omitempty"`
}

// SourceDocumentID identifies a document paid by a receipt line
// (4.4.4.14.2).
type SourceDocumentID struct {
	// OriginatingON (4.4.4.14.2.1): number of the document paid.
	OriginatingON string `xml:"OriginatingON"`
	// InvoiceDate (4.4.4.14.2.2): its date.
	InvoiceDate civil.Date `xml:"InvoiceDate"`
	// Description (4.4.4.14.2.3).
	Description string `xml:"Description,omitempty"`
}

// PaymentTotals is Payment/DocumentTotals (4.4.4.15).
type PaymentTotals struct {
	// TaxPayable (4.4.4.15.1).
	TaxPayable decimal.Decimal `xml:"TaxPayable"`
	// NetTotal (4.4.4.15.2).
	NetTotal decimal.Decimal `xml:"NetTotal"`
	// GrossTotal (4.4.4.15.3).
	GrossTotal decimal.Decimal `xml:"GrossTotal"`
	// Settlement (4.4.4.15.4): total of the lines' SettlementAmount.
	Settlement *PaymentSettlement `xml:"Settlement,omitempty"`
	// Currency (4.4.4.15.5): only for a foreign currency.
	Currency *Currency `xml:"Currency,omitempty"`
}

// PaymentSettlement is Payment/DocumentTotals/Settlement (4.4.4.15.4).
type PaymentSettlement struct {
	// SettlementAmount (4.4.4.15.4.1): sum of the discounts of the lines.
	SettlementAmount decimal.Decimal `xml:"SettlementAmount"`
}
