package saft

// recordValidator is the validation Write runs on its first pass, before
// writing anything (see Write). It receives every record in file order,
// with its position (from 1) among its siblings so that it can build the
// Violation paths, keeps what it needs across records (keys, references,
// header period...) and reports every violation at once from Finish, as a
// *ValidationError (nil when the file is valid).
//
// It is implemented by the validation side of the package (validate*.go),
// which sets newRecordValidator. Write never calls the methods after
// Finish, and never concurrently.
type recordValidator interface {
	Header(h *Header)
	TaxonomyReference(r TaxonomyReference)
	Account(i int, a *Account)
	Customer(i int, c *Customer)
	Supplier(i int, s *Supplier)
	Product(i int, p *Product)
	TaxTable(entries []TaxTableEntry)
	Journal(i int, journalID, description string)
	Transaction(journal, i int, t *Transaction)
	Invoice(i int, inv *Invoice)
	StockMovement(i int, m *StockMovement)
	WorkDocument(i int, d *WorkDocument)
	Payment(i int, p *Payment)
	Finish() error
}

// newRecordValidator returns a fresh validator for one file; nil until
// the validation code sets it (Write then fails with ErrNoValidator
// unless WithoutValidation is given).
var newRecordValidator func() recordValidator
