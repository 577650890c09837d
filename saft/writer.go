package saft

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"iter"

	"github.com/faturapt/faturapt/reporting"
)

// Content is a SAF-T file to write: the Header and, for every collection,
// an iterator. A nil iterator leaves its element out (a nil
// SalesInvoices means no SalesInvoices section; a non-nil one that
// yields nothing writes the section with zero totals).
//
// Each iterator yields pointers the Writer reads before asking for the
// next record and never keeps, so a producer may reuse one struct for
// every record. An iterator yields (nil, err) to abort the write.
//
// The iterators of the sections with control totals (GeneralLedgerEntries
// and the four SourceDocuments sections) are called twice, and with
// validation on (the default) every iterator is: see Write. They must
// yield the same records each time, as a slice, a file or a repeatable
// database query do.
type Content struct {
	Header Header

	// GeneralLedgerAccounts (2.1) writes MasterFiles/GeneralLedgerAccounts.
	GeneralLedgerAccounts *AccountsSource
	// Customers (2.2).
	Customers iter.Seq2[*Customer, error]
	// Suppliers (2.3).
	Suppliers iter.Seq2[*Supplier, error]
	// Products (2.4).
	Products iter.Seq2[*Product, error]
	// TaxTable (2.5): the table is small and kept in memory; nil or empty
	// leaves it out.
	TaxTable []TaxTableEntry

	// GeneralLedgerEntries (3): the journals, each with an iterator of its
	// transactions.
	GeneralLedgerEntries iter.Seq2[*JournalSource, error]

	// SalesInvoices (4.1).
	SalesInvoices iter.Seq2[*Invoice, error]
	// MovementOfGoods (4.2).
	MovementOfGoods iter.Seq2[*StockMovement, error]
	// WorkingDocuments (4.3).
	WorkingDocuments iter.Seq2[*WorkDocument, error]
	// Payments (4.4).
	Payments iter.Seq2[*Payment, error]
}

// AccountsSource is the chart of accounts to write (2.1).
type AccountsSource struct {
	TaxonomyReference TaxonomyReference
	Accounts          iter.Seq2[*Account, error]
}

// JournalSource is one journal to write (3.4) with its transactions.
type JournalSource struct {
	JournalID   string
	Description string
	// Transactions may be nil for a journal without transactions.
	Transactions iter.Seq2[*Transaction, error]
}

// Option configures Write.
type Option func(*config)

type config struct {
	validate bool
	indent   bool
	bufSize  int
	method   reporting.Checker // see WithReportingMethod
}

// WithoutValidation writes the file without validating it first. Use it
// only for files validated otherwise (or to write a broken file on
// purpose, in tests): by default Write refuses to write a file that
// fails validation.
func WithoutValidation() Option { return func(c *config) { c.validate = false } }

// WithCompact writes the XML without newlines and indentation (about 20%
// smaller). By default each element is on its own line, indented by two
// spaces.
func WithCompact() Option { return func(c *config) { c.indent = false } }

// Write writes c to w as a SAF-T (PT) 1.04_01 file: Windows-1252, with
// its XML declaration, the SAF-T namespace, every element in the schema's
// order (monetary values with at least 2 decimals and never rounded, document totals with exactly 2, quantities
// and rates exact; characters outside Windows-1252 as character
// references).
//
// Control totals (NumberOfEntries, TotalDebit, TotalCredit,
// NumberOfMovementLines, TotalQuantityIssued) are computed from the
// records following the Portaria's notes (3.1-3.3, 4.1.1-4.1.3, 4.2.1-4.2.2,
// 4.3.1-4.3.3, 4.4.1-4.4.3), never taken from the caller.
//
// Two passes. The totals come before the records they sum, so Write
// reads the iterators twice: the first pass validates every record (unless
// WithoutValidation) and computes the totals, writing nothing; the second
// writes. Compared with spooling the records to a temporary file and
// copying it behind the totals, this needs no disk space or temporary
// file, writes the output once, and lets validation refuse a bad file
// before a byte of it is written; the cost is iterating the records
// twice. Memory stays constant whatever the number of
// records: one record at a time plus a 64 KiB buffer (the validator's key
// sets aside). The second pass recomputes the totals and fails with
// ErrSourceChanged if they differ from the first.
//
// Errors: a *violation.Error (errors.Is ErrInvalid) when validation fails,
// nothing written; a *WriteError (ErrInvalidChar, ErrScale,
// ErrInvalidDate) for a value that cannot be written; the iterators' and
// w's errors, wrapped. After an error other than validation, what was
// written is incomplete and must be discarded.
func Write(w io.Writer, c Content, opts ...Option) error {
	cfg := config{validate: true, indent: true, bufSize: 64 << 10}
	for _, o := range opts {
		o(&cfg)
	}
	if err := checkMethod(cfg.method, &c.Header); err != nil {
		return err
	}
	first, err := firstPass(&c, cfg.validate)
	if err != nil {
		return err
	}
	x := &xmlWriter{w: bufio.NewWriterSize(w, cfg.bufSize), indent: cfg.indent, stack: make([]frame, 0, 16), num: make([]byte, 0, 64)}
	if err := writeContent(x, &c, first); err != nil {
		return err
	}
	return x.w.Flush()
}

// WriteAuditFile writes a whole in-memory file; see Write. The control
// totals held in f are ignored and recomputed.
func WriteAuditFile(w io.Writer, f *AuditFile, opts ...Option) error {
	return Write(w, f.Content(), opts...)
}

// Content returns iterators over f's records, for Write.
func (f *AuditFile) Content() Content {
	c := Content{Header: f.Header}
	mf := &f.MasterFiles
	if gla := mf.GeneralLedgerAccounts; gla != nil {
		c.GeneralLedgerAccounts = &AccountsSource{TaxonomyReference: gla.TaxonomyReference, Accounts: each(gla.Account)}
	}
	if mf.Customer != nil {
		c.Customers = each(mf.Customer)
	}
	if mf.Supplier != nil {
		c.Suppliers = each(mf.Supplier)
	}
	if mf.Product != nil {
		c.Products = each(mf.Product)
	}
	if mf.TaxTable != nil {
		c.TaxTable = mf.TaxTable.TaxTableEntry
		if c.TaxTable == nil {
			c.TaxTable = []TaxTableEntry{}
		}
	}
	if gle := f.GeneralLedgerEntries; gle != nil {
		c.GeneralLedgerEntries = func(yield func(*JournalSource, error) bool) {
			for i := range gle.Journal {
				j := &gle.Journal[i]
				if !yield(&JournalSource{JournalID: j.JournalID, Description: j.Description, Transactions: each(j.Transaction)}, nil) {
					return
				}
			}
		}
	}
	if sd := f.SourceDocuments; sd != nil {
		if sd.SalesInvoices != nil {
			c.SalesInvoices = each(sd.SalesInvoices.Invoice)
		}
		if sd.MovementOfGoods != nil {
			c.MovementOfGoods = each(sd.MovementOfGoods.StockMovement)
		}
		if sd.WorkingDocuments != nil {
			c.WorkingDocuments = each(sd.WorkingDocuments.WorkDocument)
		}
		if sd.Payments != nil {
			c.Payments = each(sd.Payments.Payment)
		}
	}
	return c
}

// UpdateControlTotals sets the control totals of every section of f from
// its records, by the same rules as Write.
func (f *AuditFile) UpdateControlTotals() {
	if gle := f.GeneralLedgerEntries; gle != nil {
		var t EntryTotals
		for i := range gle.Journal {
			for j := range gle.Journal[i].Transaction {
				t.addTransaction(&gle.Journal[i].Transaction[j])
			}
		}
		gle.NumberOfEntries, gle.TotalDebit, gle.TotalCredit = t.NumberOfEntries(), t.TotalDebit(), t.TotalCredit()
	}
	sd := f.SourceDocuments
	if sd == nil {
		return
	}
	if s := sd.SalesInvoices; s != nil {
		t := sumDocuments(s.Invoice, (*EntryTotals).addInvoice)
		s.NumberOfEntries, s.TotalDebit, s.TotalCredit = t.NumberOfEntries(), t.TotalDebit(), t.TotalCredit()
	}
	if s := sd.MovementOfGoods; s != nil {
		var t MovementTotals
		for i := range s.StockMovement {
			t.add(&s.StockMovement[i])
		}
		s.NumberOfMovementLines, s.TotalQuantityIssued = t.NumberOfMovementLines(), t.TotalQuantityIssued()
	}
	if s := sd.WorkingDocuments; s != nil {
		t := sumDocuments(s.WorkDocument, (*EntryTotals).addWorkDocument)
		s.NumberOfEntries, s.TotalDebit, s.TotalCredit = t.NumberOfEntries(), t.TotalDebit(), t.TotalCredit()
	}
	if s := sd.Payments; s != nil {
		t := sumDocuments(s.Payment, (*EntryTotals).addPayment)
		s.NumberOfEntries, s.TotalDebit, s.TotalCredit = t.NumberOfEntries(), t.TotalDebit(), t.TotalCredit()
	}
}

// sumDocuments returns the totals of a section's documents, adding each
// with add.
func sumDocuments[T any](docs []T, add func(*EntryTotals, *T)) EntryTotals {
	var t EntryTotals
	for i := range docs {
		add(&t, &docs[i])
	}
	return t
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

// ---- pass 1 ----------------------------------------------------------------

func sourceErr(section string, err error) error {
	return fmt.Errorf("saft: reading %s: %w", section, err)
}

func firstPass(c *Content, validate bool) (*ControlTotals, error) {
	t := &ControlTotals{}
	var v *writerValidator
	if validate {
		v = &writerValidator{v: NewValidator()}
		v.Header(&c.Header)
		if a := c.GeneralLedgerAccounts; a != nil {
			v.TaxonomyReference(a.TaxonomyReference)
			if err := visit(a.Accounts, "GeneralLedgerAccounts", v.Account); err != nil {
				return nil, err
			}
		}
		if err := visit(c.Customers, "Customers", v.Customer); err != nil {
			return nil, err
		}
		if err := visit(c.Suppliers, "Suppliers", v.Supplier); err != nil {
			return nil, err
		}
		if err := visit(c.Products, "Products", v.Product); err != nil {
			return nil, err
		}
		if c.TaxTable != nil {
			v.TaxTable(c.TaxTable)
		}
	}
	if c.GeneralLedgerEntries != nil {
		nj := 0
		for j, err := range c.GeneralLedgerEntries {
			if err != nil {
				return nil, sourceErr("GeneralLedgerEntries", err)
			}
			nj++
			if v != nil {
				v.Journal(nj, j.JournalID, j.Description)
			}
			err := visit(j.Transactions, "GeneralLedgerEntries", func(i int, tr *Transaction) {
				t.AddTransaction(tr)
				if v != nil {
					v.Transaction(nj, i, tr)
				}
			})
			if err != nil {
				return nil, err
			}
		}
	}
	err := visit(c.SalesInvoices, "SalesInvoices", func(i int, inv *Invoice) {
		t.AddInvoice(inv)
		if v != nil {
			v.Invoice(i, inv)
		}
	})
	if err == nil {
		err = visit(c.MovementOfGoods, "MovementOfGoods", func(i int, m *StockMovement) {
			t.AddStockMovement(m)
			if v != nil {
				v.StockMovement(i, m)
			}
		})
	}
	if err == nil {
		err = visit(c.WorkingDocuments, "WorkingDocuments", func(i int, d *WorkDocument) {
			t.AddWorkDocument(d)
			if v != nil {
				v.WorkDocument(i, d)
			}
		})
	}
	if err == nil {
		err = visit(c.Payments, "Payments", func(i int, p *Payment) {
			t.AddPayment(p)
			if v != nil {
				v.Payment(i, p)
			}
		})
	}
	if err != nil {
		return nil, err
	}
	if v != nil {
		if err := v.Finish(); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// visit calls f(i, rec) for every record, i counted from 1; a nil seq is
// empty.
func visit[T any](seq iter.Seq2[*T, error], section string, f func(int, *T)) error {
	if seq == nil {
		return nil
	}
	i := 0
	for rec, err := range seq {
		if err != nil {
			return sourceErr(section, err)
		}
		if rec == nil {
			return sourceErr(section, errors.New("nil record"))
		}
		i++
		f(i, rec)
	}
	return nil
}

// ---- pass 2 ----------------------------------------------------------------

const xmlDeclaration = `<?xml version="1.0" encoding="Windows-1252"?>` + "\n" + `<AuditFile xmlns="` + Namespace + `">`

func writeContent(x *xmlWriter, c *Content, first *ControlTotals) error {
	x.w.WriteString(xmlDeclaration)
	x.stack = append(x.stack, frame{"AuditFile", 0})
	writeHeader(x, &c.Header)
	if x.err != nil {
		return x.err
	}

	x.start("MasterFiles")
	if a := c.GeneralLedgerAccounts; a != nil {
		x.start("GeneralLedgerAccounts")
		x.text("TaxonomyReference", string(a.TaxonomyReference))
		if err := writeAll(x, a.Accounts, "GeneralLedgerAccounts", "Account", writeAccount); err != nil {
			return err
		}
		x.end()
	}
	if err := writeAll(x, c.Customers, "Customers", "Customer", writeCustomer); err != nil {
		return err
	}
	if err := writeAll(x, c.Suppliers, "Suppliers", "Supplier", writeSupplier); err != nil {
		return err
	}
	if err := writeAll(x, c.Products, "Products", "Product", writeProduct); err != nil {
		return err
	}
	if c.TaxTable != nil {
		x.start("TaxTable")
		for i := range c.TaxTable {
			x.startN("TaxTableEntry", i+1)
			writeTaxTableEntry(x, &c.TaxTable[i])
			x.end()
		}
		x.end()
	}
	x.end()
	if x.err != nil {
		return x.err
	}

	if c.GeneralLedgerEntries != nil {
		if err := writeLedger(x, c.GeneralLedgerEntries, &first.GeneralLedgerEntries); err != nil {
			return err
		}
	}

	if c.SalesInvoices != nil || c.MovementOfGoods != nil || c.WorkingDocuments != nil || c.Payments != nil {
		x.start("SourceDocuments")
		err := salesSection.write(x, c.SalesInvoices, &first.SalesInvoices)
		if err == nil {
			err = writeMovements(x, c.MovementOfGoods, &first.MovementOfGoods)
		}
		if err == nil {
			err = workSection.write(x, c.WorkingDocuments, &first.WorkingDocuments)
		}
		if err == nil {
			err = paymentsSection.write(x, c.Payments, &first.Payments)
		}
		if err != nil {
			return err
		}
		x.end()
	}
	x.stack = x.stack[:0]
	x.nl()
	x.w.WriteString("</AuditFile>\n")
	return x.err
}

// writeAll writes every record of seq as element name, stopping at the
// first error (the iterator's, or the writer's).
func writeAll[T any](x *xmlWriter, seq iter.Seq2[*T, error], section, name string, f func(*xmlWriter, *T)) error {
	if seq == nil {
		return x.err
	}
	i := 0
	for rec, err := range seq {
		if err != nil {
			return sourceErr(section, err)
		}
		if rec == nil {
			return sourceErr(section, errors.New("nil record"))
		}
		i++
		x.startN(name, i)
		f(x, rec)
		x.end()
		if x.err != nil {
			return x.err
		}
	}
	return x.err
}

// docSection is a source-document section whose control totals are
// NumberOfEntries, TotalDebit and TotalCredit: its name, its records'
// element, how a record adds to the totals and how it is written.
type docSection[T any] struct {
	name, element string
	add           func(*EntryTotals, *T)
	writeRecord   func(*xmlWriter, *T)
}

// The sections are package variables: writing one allocates no more than
// writing it inline did.
var (
	salesSection    = &docSection[Invoice]{"SalesInvoices", "Invoice", (*EntryTotals).addInvoice, writeInvoice}
	workSection     = &docSection[WorkDocument]{"WorkingDocuments", "WorkDocument", (*EntryTotals).addWorkDocument, writeWorkDocument}
	paymentsSection = &docSection[Payment]{"Payments", "Payment", (*EntryTotals).addPayment, writePayment}
)

// write writes the section: the totals of the first pass, then the
// records, summed again to check that the iterator yielded the same. A nil
// seq writes nothing.
func (s *docSection[T]) write(x *xmlWriter, seq iter.Seq2[*T, error], first *EntryTotals) error {
	if seq == nil {
		return nil
	}
	x.start(s.name)
	writeEntryTotals(x, first)
	// The section and the totals summed again in one variable: the
	// closure captures one pointer, which allocates no more than writing
	// each section inline did.
	p := struct {
		s     *docSection[T]
		again EntryTotals
	}{s: s}
	if err := writeAll(x, seq, s.name, s.element, func(x *xmlWriter, rec *T) {
		p.s.add(&p.again, rec)
		p.s.writeRecord(x, rec)
	}); err != nil {
		return err
	}
	if !p.again.equal(first) {
		return sourceErr(s.name, ErrSourceChanged)
	}
	x.end()
	return nil
}

// writeEntryTotals writes NumberOfEntries, TotalDebit and TotalCredit.
func writeEntryTotals(x *xmlWriter, t *EntryTotals) {
	x.integer("NumberOfEntries", t.NumberOfEntries())
	x.money("TotalDebit", t.TotalDebit())
	x.money("TotalCredit", t.TotalCredit())
}

// writeMovements writes MovementOfGoods, whose control totals are lines and
// quantity (see docSection.write).
func writeMovements(x *xmlWriter, seq iter.Seq2[*StockMovement, error], first *MovementTotals) error {
	if seq == nil {
		return nil
	}
	x.start("MovementOfGoods")
	x.integer("NumberOfMovementLines", first.NumberOfMovementLines())
	x.dec("TotalQuantityIssued", first.TotalQuantityIssued())
	var again MovementTotals
	if err := writeAll(x, seq, "MovementOfGoods", "StockMovement", func(x *xmlWriter, m *StockMovement) {
		again.add(m)
		writeStockMovement(x, m)
	}); err != nil {
		return err
	}
	if !again.equal(first) {
		return sourceErr("MovementOfGoods", ErrSourceChanged)
	}
	x.end()
	return nil
}

func writeLedger(x *xmlWriter, journals iter.Seq2[*JournalSource, error], first *EntryTotals) error {
	x.start("GeneralLedgerEntries")
	writeEntryTotals(x, first)
	var again EntryTotals
	nj := 0
	for j, err := range journals {
		if err != nil {
			return sourceErr("GeneralLedgerEntries", err)
		}
		nj++
		x.startN("Journal", nj)
		x.text("JournalID", j.JournalID)
		x.text("Description", j.Description)
		if err := writeAll(x, j.Transactions, "GeneralLedgerEntries", "Transaction", func(x *xmlWriter, tr *Transaction) {
			again.addTransaction(tr)
			writeTransaction(x, tr)
		}); err != nil {
			return err
		}
		x.end()
	}
	if !again.equal(first) {
		return sourceErr("GeneralLedgerEntries", ErrSourceChanged)
	}
	x.end()
	return x.err
}
