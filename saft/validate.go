package saft

import (
	"strconv"
	"strings"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
)

// Validation of the model, before writing (Write, WriteAuditFile) and when
// auditing a file read from elsewhere. It checks, and reports all at once:
//
//   - the facets of the XSD 1.0 schema (SAFTPT1.04_01.xsd10.xsd): mandatory
//     elements, lengths, patterns, enumerations, ranges, choices (codes
//     SAFT-FACET-*);
//   - the 19 assertions of the XSD 1.1 schema (SAFT-ASSERT-01..19; each
//     code's description states its rule);
//   - the schema's keys and references: unique AccountID, CustomerID,
//     SupplierID, ProductCode, JournalID, TransactionID and document
//     numbers; every AccountID, GroupingCode, CustomerID, SupplierID and
//     ProductCode referenced exists (SAFT-UNIQUE-*, SAFT-KEYREF-*);
//   - rules of Portaria 302/2016 and Despacho 8632/2014 that no schema can
//     express (SAFT-RULE-*), each citing its field or paragraph.
//
// Two ways in: (*AuditFile).Validate checks a whole tree in memory;
// Validator checks a file one record at a time, in file order, keeping only
// the keys across records (for streams of any size: the writer and the
// audit use it).
//
// Paths are XPath-like, from the root, positions counted from 1:
// /AuditFile/SourceDocuments/SalesInvoices/Invoice[3]/Line[2]/UnitPrice.
// Document control totals (NumberOfEntries, TotalDebit...) are not checked:
// the writer computes them, and the audit recomputes and compares them.

// Paths of the records, as the Validator builds them.
const (
	pathHeader           = "/AuditFile/Header"
	pathMasterFiles      = "/AuditFile/MasterFiles"
	pathAccounts         = "/AuditFile/MasterFiles/GeneralLedgerAccounts"
	pathTaxTable         = "/AuditFile/MasterFiles/TaxTable"
	pathLedger           = "/AuditFile/GeneralLedgerEntries"
	pathSalesInvoices    = "/AuditFile/SourceDocuments/SalesInvoices"
	pathMovementOfGoods  = "/AuditFile/SourceDocuments/MovementOfGoods"
	pathWorkingDocuments = "/AuditFile/SourceDocuments/WorkingDocuments"
	pathPayments         = "/AuditFile/SourceDocuments/Payments"
)

// Validate checks the whole file f and returns a *violation.Error listing
// every violation (errors.Is(err, ErrInvalid)), or nil when there is no
// error (warnings alone do not fail: see Codes for each code's severity). It checks the XSD 1.0
// schema's facets (SAFT-FACET-*), the 19 assertions of the XSD 1.1 schema
// (SAFT-ASSERT-01..19), the schema's keys and references (SAFT-UNIQUE-*,
// SAFT-KEYREF-*) and the rules of Portaria 302/2016 and Despacho 8632/2014
// that no schema expresses (SAFT-RULE-*); Codes describes each code and
// cites its source. The control totals held in f are not checked:
// the writer computes its own.
func (f *AuditFile) Validate() error {
	v := NewValidator()
	var out []violation.Violation
	out = append(out, v.Header(&f.Header)...)
	mf := &f.MasterFiles
	if gla := mf.GeneralLedgerAccounts; gla != nil {
		out = append(out, v.TaxonomyReference(gla.TaxonomyReference)...)
		for i := range gla.Account {
			out = append(out, v.Account(i+1, &gla.Account[i])...)
		}
	}
	for i := range mf.Customer {
		out = append(out, v.Customer(i+1, &mf.Customer[i])...)
	}
	for i := range mf.Supplier {
		out = append(out, v.Supplier(i+1, &mf.Supplier[i])...)
	}
	for i := range mf.Product {
		out = append(out, v.Product(i+1, &mf.Product[i])...)
	}
	if mf.TaxTable != nil {
		out = append(out, v.TaxTable(mf.TaxTable.TaxTableEntry)...)
	}
	if gle := f.GeneralLedgerEntries; gle != nil {
		for j := range gle.Journal {
			jr := &gle.Journal[j]
			out = append(out, v.Journal(j+1, jr.JournalID, jr.Description)...)
			for i := range jr.Transaction {
				out = append(out, v.Transaction(j+1, i+1, &jr.Transaction[i])...)
			}
		}
	}
	if sd := f.SourceDocuments; sd != nil {
		if s := sd.SalesInvoices; s != nil {
			for i := range s.Invoice {
				out = append(out, v.Invoice(i+1, &s.Invoice[i])...)
			}
		}
		if s := sd.MovementOfGoods; s != nil {
			for i := range s.StockMovement {
				out = append(out, v.StockMovement(i+1, &s.StockMovement[i])...)
			}
		}
		if s := sd.WorkingDocuments; s != nil {
			for i := range s.WorkDocument {
				out = append(out, v.WorkDocument(i+1, &s.WorkDocument[i])...)
			}
		}
		if s := sd.Payments; s != nil {
			for i := range s.Payment {
				out = append(out, v.Payment(i+1, &s.Payment[i])...)
			}
		}
	}
	out = append(out, v.Finish()...)
	return asError(out)
}

// Validator checks a SAF-T file one record at a time, as a stream: each
// method checks its record (facets, assertions, rules) and the rules across
// records (keys, references, the Header's period), and returns the
// record's violations (nil when valid; no allocation then, except keys
// stored). Records must come in file order: Header first, then
// TaxonomyReference and the accounts, customers, suppliers, products, the
// tax table, journals and their transactions, then invoices, stock
// movements, working documents and payments. Finish reports what can only
// be known at the end. Positions (i, journal) count from 1 within their
// parent, as in XPath.
//
// The keys kept are the master-file keys, general-ledger TransactionIDs,
// and the document numbers per series as intervals of numbers (constant
// size for a series without gaps). A Validator is not safe for concurrent
// use.
type Validator struct {
	headerSeen   bool
	start, end   civil.Date // the Header's period, when valid
	basis        TaxAccountingBasis
	taxonomyRef  TaxonomyReference
	accountsSeen bool
	taxTableSeen bool
	nAccounts    int
	journalID    string

	accounts, customers, suppliers, products keySet
	journals, transactions                   keySet
	taxes                                    map[taxKey]struct{}
	invoices, movements, works, payments     docNumbers
	docCodes                                 map[string]string // internal document code -> document type
	grouping                                 []pendingRef
}

// NewValidator returns a Validator for one file.
func NewValidator() *Validator {
	return &Validator{
		accounts: keySet{}, customers: keySet{}, suppliers: keySet{}, products: keySet{},
		journals: keySet{}, transactions: keySet{}, taxes: map[taxKey]struct{}{},
		invoices: newDocNumbers(), movements: newDocNumbers(), works: newDocNumbers(), payments: newDocNumbers(),
		docCodes: map[string]string{},
	}
}

// Header checks the Header and keeps its period and TaxAccountingBasis.
func (v *Validator) Header(h *Header) []violation.Violation {
	v.headerSeen = true
	v.basis = h.TaxAccountingBasis
	if h.StartDate.Valid() && h.EndDate.Valid() && !h.StartDate.After(h.EndDate) {
		v.start, v.end = h.StartDate, h.EndDate
	}
	c := newChecker(pathHeader)
	c.header(h)
	return c.out
}

// TaxonomyReference checks GeneralLedgerAccounts/TaxonomyReference; call it
// when the file has a GeneralLedgerAccounts table, before its accounts.
func (v *Validator) TaxonomyReference(r TaxonomyReference) []violation.Violation {
	v.accountsSeen = true
	v.taxonomyRef = r
	c := newChecker(pathAccounts)
	c.enum("TaxonomyReference", string(r), eTaxonomyReference)
	return c.out
}

// Account checks the i-th account of GeneralLedgerAccounts.
func (v *Validator) Account(i int, a *Account) []violation.Violation {
	v.accountsSeen = true
	v.nAccounts++
	c := newChecker(pathAccounts)
	c.push("Account", i)
	c.account(a)
	if a.AccountID != "" && !v.accounts.add(a.AccountID) {
		c.add(CodeUniqueAccount, "AccountID", "AccountID "+quote(a.AccountID)+" is repeated in GeneralLedgerAccounts")
	}
	if a.GroupingCode != "" {
		v.grouping = append(v.grouping, pendingRef{path: c.path("GroupingCode"), value: strings.Clone(a.GroupingCode)})
	}
	// TaxonomyReference O: "TaxonomyCode must always be equal to 1"
	// (Portaria 302/2016, field 2.1.2.9).
	if v.taxonomyRef == TaxonomyReferenceOther && a.TaxonomyCode != 0 && a.TaxonomyCode != 1 {
		c.add(CodeRuleTaxonomyCode, "TaxonomyCode", "with TaxonomyReference O, TaxonomyCode must be 1 (Portaria 302/2016, field 2.1.2.9), not "+strconv.Itoa(a.TaxonomyCode))
	}
	return c.out
}

// masterAccount checks the AccountID of a customer or supplier against the
// chart of accounts, when the file has one: "Desconhecido" or an account
// (Portaria 302/2016, fields 2.2.2, 2.3.2).
func (v *Validator) masterAccount(c *checker, accountID string) {
	if v.accountsSeen && accountID != "" && accountID != Unknown && !v.accounts.has(accountID) {
		c.add(CodeKeyrefMasterAccount, "AccountID", "AccountID "+quote(accountID)+" is neither \"Desconhecido\" nor an account of GeneralLedgerAccounts (Portaria 302/2016, fields 2.2.2, 2.3.2)")
	}
}

// Customer checks the i-th MasterFiles/Customer.
func (v *Validator) Customer(i int, cu *Customer) []violation.Violation {
	c := newChecker(pathMasterFiles)
	c.push("Customer", i)
	c.customer(cu)
	if cu.CustomerID != "" && !v.customers.add(cu.CustomerID) {
		c.add(CodeUniqueCustomer, "CustomerID", "CustomerID "+quote(cu.CustomerID)+" is repeated in the Customer table (Portaria 302/2016, field 2.2.1)")
	}
	v.masterAccount(&c, cu.AccountID)
	return c.out
}

// Supplier checks the i-th MasterFiles/Supplier.
func (v *Validator) Supplier(i int, s *Supplier) []violation.Violation {
	c := newChecker(pathMasterFiles)
	c.push("Supplier", i)
	c.supplier(s)
	if s.SupplierID != "" && !v.suppliers.add(s.SupplierID) {
		c.add(CodeUniqueSupplier, "SupplierID", "SupplierID "+quote(s.SupplierID)+" is repeated in the Supplier table")
	}
	v.masterAccount(&c, s.AccountID)
	return c.out
}

// Product checks the i-th MasterFiles/Product.
func (v *Validator) Product(i int, p *Product) []violation.Violation {
	c := newChecker(pathMasterFiles)
	c.push("Product", i)
	c.product(p)
	if p.ProductCode != "" && !v.products.add(p.ProductCode) {
		c.add(CodeUniqueProduct, "ProductCode", "ProductCode "+quote(p.ProductCode)+" is repeated in the Product table")
	}
	return c.out
}

// TaxTable checks the entries of MasterFiles/TaxTable; call it when the
// file has a TaxTable (at least one entry is required then). A stream can
// instead give the entries one at a time to TaxTableEntry.
func (v *Validator) TaxTable(entries []TaxTableEntry) []violation.Violation {
	v.taxTableSeen = true
	c := newChecker(pathTaxTable)
	c.atLeastOne("TaxTableEntry", len(entries))
	out := c.out
	for i := range entries {
		out = append(out, v.TaxTableEntry(i+1, &entries[i])...)
	}
	return out
}

// TaxTableEntry checks the i-th entry of MasterFiles/TaxTable and records
// it for the lines' Tax references.
func (v *Validator) TaxTableEntry(i int, e *TaxTableEntry) []violation.Violation {
	v.taxTableSeen = true
	c := newChecker(pathTaxTable)
	c.push("TaxTableEntry", i)
	c.taxTableEntry(e)
	v.taxes[taxKey{e.TaxType, strings.Clone(e.TaxCountryRegion), TaxCode(strings.Clone(string(e.TaxCode)))}] = struct{}{}
	return c.out
}

// Journal checks the i-th GeneralLedgerEntries/Journal's own fields; its
// transactions follow with Transaction.
func (v *Validator) Journal(i int, journalID, description string) []violation.Violation {
	v.journalID = strings.Clone(journalID)
	c := newChecker(pathLedger)
	c.push("Journal", i)
	c.journal(journalID, description)
	if journalID != "" && !v.journals.add(journalID) {
		c.add(CodeUniqueJournal, "JournalID", "JournalID "+quote(journalID)+" is repeated in GeneralLedgerEntries")
	}
	return c.out
}

// Transaction checks the i-th transaction of the journal-th journal (the
// last one given to Journal).
func (v *Validator) Transaction(journal, i int, t *Transaction) []violation.Violation {
	c := newChecker(pathLedger)
	c.push("Journal", journal)
	c.push("Transaction", i)
	c.transaction(t, v.journalID)
	if t.TransactionID != "" && !v.transactions.add(t.TransactionID) {
		c.add(CodeUniqueTransaction, "TransactionID", "TransactionID "+quote(t.TransactionID)+" is repeated in GeneralLedgerEntries (Portaria 302/2016, field 3.4.3.1)")
	}
	v.customerRef(&c, t.CustomerID)
	v.supplierRef(&c, t.SupplierID)
	c.push("Lines", 0)
	for k := range t.Lines.DebitLine {
		c.push("DebitLine", k+1)
		v.accountRef(&c, t.Lines.DebitLine[k].AccountID)
		c.pop()
	}
	for k := range t.Lines.CreditLine {
		c.push("CreditLine", k+1)
		v.accountRef(&c, t.Lines.CreditLine[k].AccountID)
		c.pop()
	}
	c.pop()
	return c.out
}

func (v *Validator) accountRef(c *checker, id string) {
	if id != "" && !v.accounts.has(id) {
		c.add(CodeKeyrefAccount, "AccountID", "AccountID "+quote(id)+" is not an account of GeneralLedgerAccounts")
	}
}

func (v *Validator) customerRef(c *checker, id string) {
	if id != "" && !v.customers.has(id) {
		c.add(CodeKeyrefCustomer, "CustomerID", "CustomerID "+quote(id)+" is not in the Customer table")
	}
}

func (v *Validator) supplierRef(c *checker, id string) {
	if id != "" && !v.suppliers.has(id) {
		c.add(CodeKeyrefSupplier, "SupplierID", "SupplierID "+quote(id)+" is not in the Supplier table")
	}
}

func (v *Validator) productRef(c *checker, code string) {
	if code != "" && !v.products.has(code) {
		c.add(CodeKeyrefProduct, "ProductCode", "ProductCode "+quote(code)+" is not in the Product table")
	}
}

// taxRef checks that a line's Tax is an entry of TaxTable: TaxCode is
// "código da taxa na tabela de impostos" (Portaria 302/2016, fields
// 4.1.4.19.15.3, 4.2.3.21.12.3, 4.3.4.14.15.3, 4.4.4.14.6.3), and "the
// elements of tables 4.1 to 4.3 must exist in the master tables 2.2 to
// 2.5" (Despacho 8632/2014, §2.6.3).
func (v *Validator) taxRef(c *checker, k taxKey) {
	if k.typ == "" || k.region == "" || k.code == "" {
		return
	}
	if _, ok := v.taxes[k]; !ok {
		c.add(CodeKeyrefTax, "Tax", "Tax "+string(k.typ)+"/"+k.region+"/"+string(k.code)+" (TaxType/TaxCountryRegion/TaxCode) is not an entry of TaxTable (Portaria 302/2016, field 4.1.4.19.15.3: the code of the rate in the tax table; Despacho 8632/2014, §2.6.3)")
	}
}

// lineRefs checks the references of the k-th line (from 1) of a source
// document: its ProductCode ("" on a payment line, which has none) and its
// Tax (the zero taxKey when the line has no Tax).
func (v *Validator) lineRefs(c *checker, k int, productCode string, tax taxKey) {
	c.push("Line", k)
	v.productRef(c, productCode)
	v.taxRef(c, tax)
	c.pop()
}

// key returns the TaxTable key of a line's Tax; the zero key for no Tax.
func (t *Tax) key() taxKey {
	if t == nil {
		return taxKey{}
	}
	return taxKey{t.TaxType, t.TaxCountryRegion, t.TaxCode}
}

func (t *MovementTax) key() taxKey {
	if t == nil {
		return taxKey{}
	}
	return taxKey{t.TaxType, t.TaxCountryRegion, t.TaxCode}
}

// key: a PaymentTax has the fields of a Tax.
func (t *PaymentTax) key() taxKey { return (*Tax)(t).key() }

// documentNumber checks the uniqueness of a document number within its
// table and that its internal type code (the part before the space) is
// not used for another document type, in any table (Portaria 302/2016,
// section 4 and fields 4.1.4.1, 4.2.3.1, 4.3.4.1, 4.4.4.1).
func (v *Validator) documentNumber(c *checker, field, number string, set *docNumbers, uniqueCode violation.Code, table, docType string) {
	if number == "" {
		return
	}
	if !set.add(number) {
		c.add(uniqueCode, field, field+" "+quote(number)+" is repeated in "+table)
	}
	sp := strings.IndexByte(number, ' ')
	if sp <= 0 || docType == "" {
		return
	}
	code := number[:sp]
	if prev, ok := v.docCodes[code]; !ok {
		v.docCodes[strings.Clone(code)] = docType
	} else if prev != docType {
		c.add(CodeRuleDocumentCode, field, "the internal code "+quote(code)+" of "+quote(number)+" is already used for documents of type "+prev+", not "+docType+" (Portaria 302/2016, section 4)")
	}
}

// documentDate checks a source document's date against the Header's
// period: a file holds the documents of StartDate..EndDate (Portaria
// 302/2016, Annex I, 1.c; 1.i for monthly files).
func (v *Validator) documentDate(c *checker, field string, d civil.Date) {
	if v.end.IsZero() || !d.Valid() {
		return
	}
	if d.Before(v.start) || d.After(v.end) {
		c.add(CodeRuleDocumentDate, field, field+" "+d.String()+" is outside the file's period "+v.start.String()+".."+v.end.String()+" (Header StartDate, EndDate; Portaria 302/2016, Annex I, 1.c)")
	}
}

// transactionRequired: in an integrated accounting and invoicing file
// (TaxAccountingBasis I) invoices and receipts carry the TransactionID of
// their accounting entry (Portaria 302/2016, fields 4.1.4.13, 4.4.4.4).
// An annulled document (status A) may have none: annulled before it was
// posted, it has no accounting entry, and the AT's own demonstration file
// (TaxAccountingBasis I, "Software demo/AT") has annulled invoices
// without TransactionID.
func (v *Validator) transactionRequired(c *checker, id string, annulled bool) {
	if v.basis == TaxAccountingBasisIntegrated && id == "" && !annulled {
		c.add(CodeRuleTransactionRef, "TransactionID", "TransactionID is required in an integrated accounting and invoicing file (TaxAccountingBasis I; Portaria 302/2016, fields 4.1.4.13, 4.4.4.4)")
	}
}

// Invoice checks the i-th SalesInvoices/Invoice.
func (v *Validator) Invoice(i int, inv *Invoice) []violation.Violation {
	c := newChecker(pathSalesInvoices)
	c.push("Invoice", i)
	c.invoice(inv)
	v.documentNumber(&c, "InvoiceNo", inv.InvoiceNo, &v.invoices, CodeUniqueInvoiceNo, "SalesInvoices", string(inv.InvoiceType))
	v.documentDate(&c, "InvoiceDate", inv.InvoiceDate)
	v.transactionRequired(&c, inv.TransactionID, inv.DocumentStatus.InvoiceStatus == InvoiceStatusCancelled)
	v.customerRef(&c, inv.CustomerID)
	for k := range inv.Line {
		v.lineRefs(&c, k+1, inv.Line[k].ProductCode, inv.Line[k].Tax.key())
	}
	return c.out
}

// StockMovement checks the i-th MovementOfGoods/StockMovement.
func (v *Validator) StockMovement(i int, m *StockMovement) []violation.Violation {
	c := newChecker(pathMovementOfGoods)
	c.push("StockMovement", i)
	c.stockMovement(m)
	v.documentNumber(&c, "DocumentNumber", m.DocumentNumber, &v.movements, CodeUniqueStockMovement, "MovementOfGoods", string(m.MovementType))
	v.documentDate(&c, "MovementDate", m.MovementDate)
	v.customerRef(&c, m.CustomerID)
	v.supplierRef(&c, m.SupplierID)
	for k := range m.Line {
		v.lineRefs(&c, k+1, m.Line[k].ProductCode, m.Line[k].Tax.key())
	}
	return c.out
}

// WorkDocument checks the i-th WorkingDocuments/WorkDocument.
func (v *Validator) WorkDocument(i int, d *WorkDocument) []violation.Violation {
	c := newChecker(pathWorkingDocuments)
	c.push("WorkDocument", i)
	c.workDocument(d)
	v.documentNumber(&c, "DocumentNumber", d.DocumentNumber, &v.works, CodeUniqueWorkDocument, "WorkingDocuments", string(d.WorkType))
	v.documentDate(&c, "WorkDate", d.WorkDate)
	v.customerRef(&c, d.CustomerID)
	for k := range d.Line {
		v.lineRefs(&c, k+1, d.Line[k].ProductCode, d.Line[k].Tax.key())
	}
	return c.out
}

// Payment checks the i-th Payments/Payment.
func (v *Validator) Payment(i int, p *Payment) []violation.Violation {
	c := newChecker(pathPayments)
	c.push("Payment", i)
	c.payment(p)
	v.documentNumber(&c, "PaymentRefNo", p.PaymentRefNo, &v.payments, CodeUniquePaymentRefNo, "Payments", string(p.PaymentType))
	v.documentDate(&c, "TransactionDate", p.TransactionDate)
	v.transactionRequired(&c, p.TransactionID, p.DocumentStatus.PaymentStatus == PaymentStatusCancelled)
	v.customerRef(&c, p.CustomerID)
	for k := range p.Line {
		v.lineRefs(&c, k+1, "", p.Line[k].Tax.key())
	}
	return c.out
}

// Finish reports what is known only at the end of the file: a missing
// Header, a GeneralLedgerAccounts table without accounts, and GroupingCodes
// that name no account (an account may refer to one listed after it).
func (v *Validator) Finish() []violation.Violation {
	c := newChecker("/AuditFile")
	if !v.headerSeen {
		c.required("Header")
	}
	if v.accountsSeen && v.nAccounts == 0 {
		c.base = pathAccounts
		c.atLeastOne("Account", 0)
	}
	for _, r := range v.grouping {
		if !v.accounts.has(r.value) {
			c.out = append(c.out, violation.Violation{Code: CodeKeyrefGroupingCode, Path: r.path,
				Message: "GroupingCode " + quote(r.value) + " is not the AccountID of an account of GeneralLedgerAccounts"})
		}
	}
	v.grouping = nil
	return c.out
}

// writerValidator is the validation Write runs on its first pass, before
// writing anything: a Validator whose violations are collected and
// returned all at once by Finish (nil when the file is valid).
type writerValidator struct {
	v   *Validator
	out []violation.Violation
}

func (w *writerValidator) Header(h *Header) { w.out = append(w.out, w.v.Header(h)...) }
func (w *writerValidator) TaxonomyReference(r TaxonomyReference) {
	w.out = append(w.out, w.v.TaxonomyReference(r)...)
}
func (w *writerValidator) Account(i int, a *Account)   { w.out = append(w.out, w.v.Account(i, a)...) }
func (w *writerValidator) Customer(i int, c *Customer) { w.out = append(w.out, w.v.Customer(i, c)...) }
func (w *writerValidator) Supplier(i int, s *Supplier) { w.out = append(w.out, w.v.Supplier(i, s)...) }
func (w *writerValidator) Product(i int, p *Product)   { w.out = append(w.out, w.v.Product(i, p)...) }
func (w *writerValidator) TaxTable(entries []TaxTableEntry) {
	w.out = append(w.out, w.v.TaxTable(entries)...)
}
func (w *writerValidator) Journal(i int, journalID, description string) {
	w.out = append(w.out, w.v.Journal(i, journalID, description)...)
}
func (w *writerValidator) Transaction(journal, i int, t *Transaction) {
	w.out = append(w.out, w.v.Transaction(journal, i, t)...)
}
func (w *writerValidator) Invoice(i int, inv *Invoice) { w.out = append(w.out, w.v.Invoice(i, inv)...) }
func (w *writerValidator) StockMovement(i int, m *StockMovement) {
	w.out = append(w.out, w.v.StockMovement(i, m)...)
}
func (w *writerValidator) WorkDocument(i int, d *WorkDocument) {
	w.out = append(w.out, w.v.WorkDocument(i, d)...)
}
func (w *writerValidator) Payment(i int, p *Payment) { w.out = append(w.out, w.v.Payment(i, p)...) }
func (w *writerValidator) Finish() error {
	return asError(append(w.out, w.v.Finish()...))
}
