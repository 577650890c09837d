package saft

import (
	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
)

// GeneralLedgerEntries is table 3 of the Portaria: the accounting
// transactions of the period (opening entries are not exported; they are
// in the accounts' opening balances). The control totals are computed by
// the Writer; in a decoded file they are the declared ones.
type GeneralLedgerEntries struct {
	// NumberOfEntries (3.1): number of transactions.
	NumberOfEntries int `xml:"NumberOfEntries"`
	// TotalDebit (3.2): sum of every DebitLine's DebitAmount.
	TotalDebit decimal.Decimal `xml:"TotalDebit"`
	// TotalCredit (3.3): sum of every CreditLine's CreditAmount.
	TotalCredit decimal.Decimal `xml:"TotalCredit"`
	// Journal (3.4).
	Journal []Journal `xml:"Journal,omitempty"`
}

// Journal is one accounting journal (3.4).
type Journal struct {
	// JournalID (3.4.1): unique journal identifier, no spaces.
	JournalID string `xml:"JournalID"`
	// Description (3.4.2).
	Description string `xml:"Description"`
	// Transaction (3.4.3).
	Transaction []Transaction `xml:"Transaction,omitempty"`
}

// Transaction is one accounting transaction (3.4.3). At most one of
// CustomerID and SupplierID is set.
type Transaction struct {
	// TransactionID (3.4.3.1): unique key of the transaction,
	// "TransactionDate JournalID DocArchivalNumber" (date YYYY-MM-DD,
	// separated by spaces).
	TransactionID string `xml:"TransactionID"`
	// Period (3.4.3.2): accounting period, 1 to 12, 13 to 16 for the
	// year-end periods.
	Period int `xml:"Period"`
	// TransactionDate (3.4.3.3): date of the source document.
	TransactionDate civil.Date `xml:"TransactionDate"`
	// SourceID (3.4.3.4): the user who recorded it.
	SourceID string `xml:"SourceID"`
	// Description (3.4.3.5).
	Description string `xml:"Description"`
	// DocArchivalNumber (3.4.3.6): number of the supporting document in
	// the archive, no spaces.
	DocArchivalNumber string `xml:"DocArchivalNumber"`
	// TransactionType (3.4.3.7): N, R, A or J.
	TransactionType TransactionType `xml:"TransactionType"`
	// GLPostingDate (3.4.3.8): date of the posting.
	GLPostingDate civil.Date `xml:"GLPostingDate"`
	// CustomerID (3.4.3.9): the customer, when the transaction has one.
	CustomerID string `xml:"CustomerID,omitempty"`
	// SupplierID (3.4.3.10): the supplier, when the transaction has one.
	SupplierID string `xml:"SupplierID,omitempty"`
	// Lines (3.4.3.11).
	Lines TransactionLines `xml:"Lines"`
}

// TransactionLines is Transaction/Lines (3.4.3.11). The Writer writes the
// debit lines first, then the credit lines (the original schema is an
// xs:all; its XSD 1.0 form an unbounded choice).
type TransactionLines struct {
	// DebitLine (3.4.3.11.1).
	DebitLine []DebitLine `xml:"DebitLine,omitempty"`
	// CreditLine (3.4.3.11.2).
	CreditLine []CreditLine `xml:"CreditLine,omitempty"`
}

// DebitLine is one debit of a transaction (3.4.3.11.1).
type DebitLine struct {
	// RecordID (3.4.3.11.1.1): unique line identifier.
	RecordID string `xml:"RecordID"`
	// AccountID (3.4.3.11.1.2): the account debited, as in
	// GeneralLedgerAccounts.
	AccountID string `xml:"AccountID"`
	// SourceDocumentID (3.4.3.11.1.3): the invoice, movement, work
	// document or receipt numbers this line records.
	SourceDocumentID string `xml:"SourceDocumentID,omitempty"`
	// SystemEntryDate (3.4.3.11.1.4): when the line was recorded.
	SystemEntryDate civil.DateTime `xml:"SystemEntryDate"`
	// Description (3.4.3.11.1.5).
	Description string `xml:"Description"`
	// DebitAmount (3.4.3.11.1.6).
	DebitAmount decimal.Decimal `xml:"DebitAmount"`
}

// CreditLine is one credit of a transaction (3.4.3.11.2).
type CreditLine struct {
	// RecordID (3.4.3.11.2.1): unique line identifier.
	RecordID string `xml:"RecordID"`
	// AccountID (3.4.3.11.2.2): the account credited.
	AccountID string `xml:"AccountID"`
	// SourceDocumentID (3.4.3.11.2.3): the source documents recorded.
	SourceDocumentID string `xml:"SourceDocumentID,omitempty"`
	// SystemEntryDate (3.4.3.11.2.4): when the line was recorded.
	SystemEntryDate civil.DateTime `xml:"SystemEntryDate"`
	// Description (3.4.3.11.2.5).
	Description string `xml:"Description"`
	// CreditAmount (3.4.3.11.2.6).
	CreditAmount decimal.Decimal `xml:"CreditAmount"`
}
