package saft

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/faturapt/faturapt/saft/internal/xmlscan"
	"github.com/faturapt/faturapt/violation"
)

// Errors of the Reader.
var (
	// ErrNotSAFT: the XML is not a SAF-T file (wrong root element or namespace).
	ErrNotSAFT = errors.New("saft: not a SAF-T (PT) file")
	// ErrVersion: a SAF-T (PT) file of a version other than 1.04_01.
	ErrVersion = errors.New("saft: unsupported SAF-T (PT) version (want 1.04_01)")
	// ErrMalformed is matched by every *ReadError and *IssuesError.
	ErrMalformed = errors.New("saft: malformed SAF-T file")
)

// ReadError is an XML well-formedness error, or a structure the Reader
// cannot go on from, at a line and column (1-based; the column counts
// bytes) of the input.
type ReadError struct {
	Line, Col int
	Msg       string
}

func (e *ReadError) Error() string {
	return fmt.Sprintf("saft: line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

// Is makes a *ReadError match ErrMalformed.
func (e *ReadError) Is(target error) bool { return target == ErrMalformed }

// Codes of the ReadIssues: what the XSD 1.0 schema would reject in the
// structure of the file, found while reading.
const (
	CodeReadUnexpected violation.Code = "SAFT-READ-UNEXPECTED" // an element or text the schema does not allow there
	CodeReadOrder      violation.Code = "SAFT-READ-ORDER"      // an element out of the schema's order, or repeated
	CodeReadValue      violation.Code = "SAFT-READ-VALUE"      // a number, date or indicator that does not parse
	CodeReadAttribute  violation.Code = "SAFT-READ-ATTRIBUTE"  // an attribute the schema does not allow (it declares none), xsi:nil
)

// ReadIssue is a problem of a well-formed file that does not stop the
// Reader: the element is skipped or the field left at its zero value.
type ReadIssue struct {
	Code    violation.Code // CodeRead*
	Path    string         // XPath-like, e.g. /AuditFile/SourceDocuments/SalesInvoices/Invoice[2]/Line[1]/Quantity
	Line    int
	Col     int
	Message string
}

func (i ReadIssue) String() string {
	return fmt.Sprintf("line %d: %s: %s: %s", i.Line, i.Path, i.Code, i.Message)
}

// IssuesError is returned by Decode and ReadFile when the file was read
// but had ReadIssues. It matches ErrMalformed.
type IssuesError struct {
	Issues []ReadIssue
}

func (e *IssuesError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "saft: %d problem(s) reading the file: %s", len(e.Issues), e.Issues[0])
	if len(e.Issues) > 1 {
		b.WriteString("; ...")
	}
	return b.String()
}

// Is makes an *IssuesError match ErrMalformed.
func (e *IssuesError) Is(target error) bool { return target == ErrMalformed }

// RecordKind says which field of a Record is set.
type RecordKind uint8

// Record kinds, in the order they can appear in a file.
const (
	RecordGeneralLedgerAccounts RecordKind = iota + 1 // GeneralLedgerAccounts (TaxonomyReference; no Account)
	RecordAccount
	RecordCustomer
	RecordSupplier
	RecordProduct
	RecordTaxTableEntry
	RecordGeneralLedgerEntries // the section's control totals (no Journal)
	RecordJournal              // JournalID and Description (no Transaction)
	RecordTransaction
	RecordSalesInvoices // the section's control totals (no Invoice)
	RecordInvoice
	RecordMovementOfGoods
	RecordStockMovement
	RecordWorkingDocuments
	RecordWorkDocument
	RecordPayments
	RecordPayment
	RecordEnd // the end of the file: no record, only the last Issues
)

var recordKindNames = [...]string{"", "GeneralLedgerAccounts", "Account", "Customer", "Supplier", "Product",
	"TaxTableEntry", "GeneralLedgerEntries", "Journal", "Transaction", "SalesInvoices", "Invoice",
	"MovementOfGoods", "StockMovement", "WorkingDocuments", "WorkDocument", "Payments", "Payment", "End"}

func (k RecordKind) String() string {
	if int(k) < len(recordKindNames) {
		return recordKindNames[k]
	}
	return "RecordKind(" + fmt.Sprint(uint8(k)) + ")"
}

// Record is one master-file record, document, journal or section header of
// a file, as the Reader streams it. Exactly the field named by Kind is set;
// section headers and journals come without their records, which follow as
// records of their own. A Record and what it points to belong to the
// caller (the Reader never reuses them).
type Record struct {
	Kind  RecordKind
	Line  int    // line of the record's start tag
	Index int    // position among its siblings, from 1 (as in an XPath)
	Path  string // XPath-like location, e.g. /AuditFile/SourceDocuments/SalesInvoices/Invoice[3]
	// JournalIndex is, for a Transaction, the Index of its Journal.
	JournalIndex int
	// Issues found since the previous record (mostly inside this one).
	Issues []ReadIssue

	GeneralLedgerAccounts *GeneralLedgerAccounts
	Account               *Account
	Customer              *Customer
	Supplier              *Supplier
	Product               *Product
	TaxTableEntry         *TaxTableEntry
	GeneralLedgerEntries  *GeneralLedgerEntries
	Journal               *Journal
	Transaction           *Transaction
	SalesInvoices         *SalesInvoices
	Invoice               *Invoice
	MovementOfGoods       *MovementOfGoods
	StockMovement         *StockMovement
	WorkingDocuments      *WorkingDocuments
	WorkDocument          *WorkDocument
	Payments              *Payments
	Payment               *Payment

	elems []elemLine // lines of the record's structure elements, for LineOf
}

// LineOf returns the line of the innermost structure element of the
// record on path (an XPath-like path inside the record, as in a
// Violation: ".../Invoice[3]/Line[2]/Tax/TaxCode" gives the line of that
// line's Tax), or the record's own line when path is not inside the record
// or names no structure element of it.
func (r *Record) LineOf(path string) int {
	rest, ok := strings.CutPrefix(path, r.Path)
	if !ok || r.Path == "" {
		return r.Line
	}
	line, depth, from := r.Line, 0, 0
	for _, seg := range strings.Split(strings.TrimPrefix(rest, "/"), "/") {
		if seg == "" {
			break
		}
		name, index := seg, 0
		if i := strings.IndexByte(seg, '['); i > 0 && strings.HasSuffix(seg, "]") {
			name = seg[:i]
			n, err := strconv.Atoi(seg[i+1 : len(seg)-1])
			if err != nil {
				break
			}
			index = n
		}
		depth++
		found := false
		for k := from; k < len(r.elems); k++ {
			e := r.elems[k]
			if e.depth < depth {
				break // left the parent's subtree
			}
			if e.depth == depth && e.name == name && e.index == index {
				line, from, found = e.line, k+1, true
				break
			}
		}
		if !found {
			break
		}
	}
	return line
}

// Reader streams a SAF-T (PT) 1.04_01 file: the Header first (read by
// NewReader), then one record at a time from Records. Memory is bounded by
// the largest record, whatever the size of the file. Windows-1252 and
// UTF-8 input are decoded as the XML declaration says.
type Reader struct {
	d          decoder
	header     Header
	headerLine int
	issues     []ReadIssue // of the header
	done       bool
}

// ReaderOption configures a Reader.
type ReaderOption func(*Reader)

// WithIssueHandler hands every ReadIssue to f as soon as it is found,
// instead of collecting them in HeaderIssues and Record.Issues (which then
// stay empty): a file with millions of bad elements in one record then
// costs no memory for them. An issue found inside a record comes before
// that record.
func WithIssueHandler(f func(ReadIssue)) ReaderOption {
	return func(r *Reader) { r.d.onIssue = f }
}

// NewReader reads the start of a SAF-T file up to the end of its Header.
// It fails with ErrNotSAFT for other XML, ErrVersion for another SAF-T
// version and a *ReadError for malformed XML.
func NewReader(r io.Reader, opts ...ReaderOption) (*Reader, error) {
	rd := &Reader{d: decoder{s: xmlscan.New(r)}}
	for _, o := range opts {
		o(rd)
	}
	d := &rd.d
	k, err := d.next()
	if err != nil {
		return nil, err
	}
	if k != xmlscan.StartElement {
		return nil, &ReadError{Line: d.s.Line(), Col: d.s.Col(), Msg: "expected the AuditFile element"}
	}
	if name, space := d.s.Name(), d.s.Space(); name != "AuditFile" || space != Namespace {
		const prefix = "urn:OECD:StandardAuditFile-Tax:PT_"
		if name == "AuditFile" && strings.HasPrefix(space, prefix) {
			return nil, fmt.Errorf("%w: namespace %q is version %s", ErrVersion, space, strings.TrimPrefix(space, prefix))
		}
		return nil, fmt.Errorf("%w: root element is {%s}%s, want {%s}AuditFile", ErrNotSAFT, space, name, Namespace)
	}
	d.enter("AuditFile", 0)
	found := false
	err = rd.children(func(name string) (bool, error) {
		if name != "Header" {
			return false, &ReadError{Line: d.s.Line(), Col: d.s.Col(), Msg: "expected Header, found " + name}
		}
		found = true
		rd.headerLine = d.s.Line()
		d.enter("Header", 0)
		err := d.decodeStruct(reflect.ValueOf(&rd.header).Elem(), planFor(reflect.TypeFor[Header]()))
		d.path = d.path[:len(d.path)-1]
		return true, err
	})
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, &ReadError{Line: d.s.Line(), Col: d.s.Col(), Msg: "AuditFile without Header"}
	}
	if v := rd.header.AuditFileVersion; v != AuditFileVersion {
		return nil, fmt.Errorf("%w: AuditFileVersion is %q", ErrVersion, v)
	}
	rd.issues, d.issues = d.issues, nil
	return rd, nil
}

// Header is the file's Header.
func (r *Reader) Header() *Header { return &r.header }

// HeaderLine is the line of the Header's start tag.
func (r *Reader) HeaderLine() int { return r.headerLine }

// HeaderIssues are the problems found reading the Header.
func (r *Reader) HeaderIssues() []ReadIssue { return r.issues }

// Encoding is the input's declared encoding ("windows-1252", "UTF-8"...).
func (r *Reader) Encoding() string { return r.d.s.Encoding().String() }

// InputOffset is how many bytes of the input were consumed: progress.
func (r *Reader) InputOffset() int64 { return r.d.s.InputOffset() }

// children calls f for each child element of the element just started,
// with the scanner on the child's start tag; f consumes the child. When f
// returns stop, children returns without reading further.
func (r *Reader) children(f func(name string) (stop bool, err error)) error {
	d := &r.d
	for {
		k, err := d.nextElem()
		if err != nil {
			return err
		}
		switch k {
		case xmlscan.EndElement:
			return nil
		case xmlscan.Text:
			if !isBlank(d.s.Text()) {
				d.issue(CodeReadUnexpected, "", "text %q not allowed here", truncateBytes(d.s.Text()))
			}
		case xmlscan.StartElement:
			if !d.inNamespace() {
				d.issue(CodeReadUnexpected, d.s.Name(), "element {%s}%s is not in the SAF-T namespace", d.s.Space(), d.s.Name())
				if err := d.skip(); err != nil {
					return err
				}
				continue
			}
			stop, err := f(d.s.Name())
			if err != nil || stop {
				return err
			}
		}
	}
}

// Records streams the rest of the file. It yields each record with a nil
// error; on a fatal error (malformed XML, a reader error) it yields (nil,
// err) and stops. The last record is RecordEnd. Records can be ranged over
// once.
func (r *Reader) Records() iter.Seq2[*Record, error] {
	return func(yield func(*Record, error) bool) {
		if r.done {
			yield(nil, errors.New("saft: Records called twice"))
			return
		}
		r.done = true
		w := walker{r: r, yield: yield}
		if err := w.auditFile(); err != nil {
			if err != errStop {
				yield(nil, err)
			}
			return
		}
		w.emit(&Record{Kind: RecordEnd, Line: r.d.s.Line()})
	}
}

var errStop = errors.New("stop")

// walker walks the sections of the file, yielding records.
type walker struct {
	r     *Reader
	yield func(*Record, error) bool
}

func (w *walker) emit(rec *Record) error {
	rec.Issues, w.r.d.issues = w.r.d.issues, nil
	if !w.yield(rec, nil) {
		return errStop
	}
	return nil
}

// ordered checks the order of the children of a container with plan p.
type ordered struct {
	d         *decoder
	p         *structPlan
	last      int
	lastName  string
	container string
}

// check returns the child's plan, or nil (after an issue) when unknown.
func (o *ordered) check(name string) *fieldPlan {
	f := o.p.fields[name]
	if f == nil {
		o.d.issue(CodeReadUnexpected, name, "element %s not allowed in %s", name, o.container)
		return nil
	}
	repeatable := f.kind == fStructSlice
	switch {
	case f.order < o.last:
		o.d.issue(CodeReadOrder, name, "element %s out of the schema's order (after %s)", name, o.lastName)
	case f.order == o.last && !repeatable:
		o.d.issue(CodeReadOrder, name, "element %s repeated", name)
	}
	o.last, o.lastName = f.order, name
	return f
}

func (w *walker) auditFile() error {
	d := &w.r.d
	o := ordered{d: d, p: planFor(reflect.TypeFor[AuditFile]()), container: "AuditFile"}
	o.check("Header")
	err := w.r.children(func(name string) (bool, error) {
		if o.check(name) == nil {
			return false, d.skip()
		}
		if name == "GeneralLedgerEntries" {
			return false, w.ledger()
		}
		d.enter(name, 0)
		defer func() { d.path = d.path[:len(d.path)-1] }()
		switch name {
		case "MasterFiles":
			return false, w.masterFiles()
		case "SourceDocuments":
			return false, w.sourceDocuments()
		}
		d.issue(CodeReadOrder, "", "Header repeated")
		return false, d.skip()
	})
	if err != nil {
		return err
	}
	// After the root: only the end of the document.
	if _, err := d.next(); err != io.EOF {
		if err == nil {
			err = &ReadError{Line: d.s.Line(), Col: d.s.Col(), Msg: "content after AuditFile"}
		}
		return err
	}
	return nil
}

func (w *walker) masterFiles() error {
	d := &w.r.d
	o := ordered{d: d, p: planFor(reflect.TypeFor[MasterFiles]()), container: "MasterFiles"}
	counts := map[string]int{}
	return w.r.children(func(name string) (bool, error) {
		if o.check(name) == nil {
			return false, d.skip()
		}
		switch name {
		case "GeneralLedgerAccounts":
			return false, w.section(name, RecordGeneralLedgerAccounts, "Account", RecordAccount)
		case "TaxTable":
			return false, w.section(name, 0, "TaxTableEntry", RecordTaxTableEntry)
		}
		counts[name]++
		kind := map[string]RecordKind{"Customer": RecordCustomer, "Supplier": RecordSupplier, "Product": RecordProduct}[name]
		return false, w.item(name, kind, counts[name])
	})
}

func (w *walker) sourceDocuments() error {
	d := &w.r.d
	o := ordered{d: d, p: planFor(reflect.TypeFor[SourceDocuments]()), container: "SourceDocuments"}
	return w.r.children(func(name string) (bool, error) {
		if o.check(name) == nil {
			return false, d.skip()
		}
		switch name {
		case "SalesInvoices":
			return false, w.section(name, RecordSalesInvoices, "Invoice", RecordInvoice)
		case "MovementOfGoods":
			return false, w.section(name, RecordMovementOfGoods, "StockMovement", RecordStockMovement)
		case "WorkingDocuments":
			return false, w.section(name, RecordWorkingDocuments, "WorkDocument", RecordWorkDocument)
		default: // Payments
			return false, w.section(name, RecordPayments, "Payment", RecordPayment)
		}
	})
}

// recordTypes maps record kinds to their model types.
var recordTypes = map[RecordKind]reflect.Type{
	RecordGeneralLedgerAccounts: reflect.TypeFor[GeneralLedgerAccounts](),
	RecordAccount:               reflect.TypeFor[Account](),
	RecordCustomer:              reflect.TypeFor[Customer](),
	RecordSupplier:              reflect.TypeFor[Supplier](),
	RecordProduct:               reflect.TypeFor[Product](),
	RecordTaxTableEntry:         reflect.TypeFor[TaxTableEntry](),
	RecordGeneralLedgerEntries:  reflect.TypeFor[GeneralLedgerEntries](),
	RecordJournal:               reflect.TypeFor[Journal](),
	RecordTransaction:           reflect.TypeFor[Transaction](),
	RecordSalesInvoices:         reflect.TypeFor[SalesInvoices](),
	RecordInvoice:               reflect.TypeFor[Invoice](),
	RecordMovementOfGoods:       reflect.TypeFor[MovementOfGoods](),
	RecordStockMovement:         reflect.TypeFor[StockMovement](),
	RecordWorkingDocuments:      reflect.TypeFor[WorkingDocuments](),
	RecordWorkDocument:          reflect.TypeFor[WorkDocument](),
	RecordPayments:              reflect.TypeFor[Payments](),
	RecordPayment:               reflect.TypeFor[Payment](),
}

// setRecord stores v (a pointer to the model type of kind) in rec.
func setRecord(rec *Record, v any) {
	switch v := v.(type) {
	case *GeneralLedgerAccounts:
		rec.GeneralLedgerAccounts = v
	case *Account:
		rec.Account = v
	case *Customer:
		rec.Customer = v
	case *Supplier:
		rec.Supplier = v
	case *Product:
		rec.Product = v
	case *TaxTableEntry:
		rec.TaxTableEntry = v
	case *GeneralLedgerEntries:
		rec.GeneralLedgerEntries = v
	case *Journal:
		rec.Journal = v
	case *Transaction:
		rec.Transaction = v
	case *SalesInvoices:
		rec.SalesInvoices = v
	case *Invoice:
		rec.Invoice = v
	case *MovementOfGoods:
		rec.MovementOfGoods = v
	case *StockMovement:
		rec.StockMovement = v
	case *WorkingDocuments:
		rec.WorkingDocuments = v
	case *WorkDocument:
		rec.WorkDocument = v
	case *Payments:
		rec.Payments = v
	case *Payment:
		rec.Payment = v
	}
}

// item decodes one record element (start tag just read) and yields it.
func (w *walker) item(name string, kind RecordKind, index int) error {
	d := &w.r.d
	line := d.s.Line()
	d.enter(name, index)
	defer func() { d.path = d.path[:len(d.path)-1] }()
	t := recordTypes[kind]
	v := reflect.New(t)
	d.recDepth, d.elems = len(d.path), d.elems[:0]
	err := d.decodeStruct(v.Elem(), planFor(t))
	d.recDepth = 0
	if err != nil {
		return err
	}
	rec := &Record{Kind: kind, Line: line, Index: index, Path: d.pathString(""), elems: slices.Clone(d.elems)}
	setRecord(rec, v.Interface())
	return w.emit(rec)
}

// section reads a container made of leaves (control totals, taxonomy
// reference) followed by repeated records: it yields the container (as
// kind, unless 0) before its first record or at its end, then each record.
func (w *walker) section(name string, kind RecordKind, itemName string, itemKind RecordKind) error {
	d := &w.r.d
	line := d.s.Line()
	d.enter(name, 0)
	defer func() { d.path = d.path[:len(d.path)-1] }()
	var secType reflect.Type
	if kind != 0 {
		secType = recordTypes[kind]
	} else {
		secType = reflect.TypeFor[TaxTable]()
	}
	sec := reflect.New(secType)
	o := ordered{d: d, p: planFor(secType), container: name}
	emitted := kind == 0
	emitSection := func() error {
		if emitted {
			return nil
		}
		emitted = true
		rec := &Record{Kind: kind, Line: line, Index: 0, Path: d.pathString("")}
		setRecord(rec, sec.Interface())
		return w.emit(rec)
	}
	n := 0
	journalItems := itemName == "Journal"
	err := w.r.children(func(child string) (bool, error) {
		f := o.check(child)
		if f == nil {
			return false, d.skip()
		}
		if child == itemName {
			if err := emitSection(); err != nil {
				return false, err
			}
			n++
			if journalItems {
				return false, w.journal(n)
			}
			return false, w.item(child, itemKind, n)
		}
		return false, d.decodeField(sec.Elem(), sec.UnsafePointer(), f, child)
	})
	if err != nil {
		return err
	}
	return emitSection()
}

func (w *walker) ledger() error {
	return w.section("GeneralLedgerEntries", RecordGeneralLedgerEntries, "Journal", RecordJournal)
}

// journal reads a Journal: its JournalID and Description, yielded as a
// RecordJournal, then its transactions.
func (w *walker) journal(index int) error {
	d := &w.r.d
	line := d.s.Line()
	d.enter("Journal", index)
	defer func() { d.path = d.path[:len(d.path)-1] }()
	j := &Journal{}
	o := ordered{d: d, p: planFor(reflect.TypeFor[Journal]()), container: "Journal"}
	emitted := false
	emitJournal := func() error {
		if emitted {
			return nil
		}
		emitted = true
		return w.emit(&Record{Kind: RecordJournal, Line: line, Index: index, Path: d.pathString(""), Journal: j})
	}
	n := 0
	err := w.r.children(func(child string) (bool, error) {
		f := o.check(child)
		if f == nil {
			return false, d.skip()
		}
		if child != "Transaction" {
			jv := reflect.ValueOf(j)
			return false, d.decodeField(jv.Elem(), jv.UnsafePointer(), f, child)
		}
		if err := emitJournal(); err != nil {
			return false, err
		}
		n++
		tline := d.s.Line()
		d.enter("Transaction", n)
		t := &Transaction{}
		d.recDepth, d.elems = len(d.path), d.elems[:0]
		err := d.decodeStruct(reflect.ValueOf(t).Elem(), planFor(reflect.TypeFor[Transaction]()))
		d.recDepth = 0
		path := d.pathString("")
		d.path = d.path[:len(d.path)-1]
		if err != nil {
			return false, err
		}
		return false, w.emit(&Record{Kind: RecordTransaction, Line: tline, Index: n, JournalIndex: index, Path: path, Transaction: t, elems: slices.Clone(d.elems)})
	})
	if err != nil {
		return err
	}
	return emitJournal()
}

// Decode reads a whole SAF-T (PT) 1.04_01 file into memory: for small
// files (use a Reader for large ones). When the file is well-formed but
// has ReadIssues, it returns the file and an *IssuesError.
func Decode(r io.Reader) (*AuditFile, error) {
	rd, err := NewReader(r)
	if err != nil {
		return nil, err
	}
	f := &AuditFile{Header: *rd.Header()}
	f.XMLName.Space, f.XMLName.Local = Namespace, "AuditFile"
	issues := append([]ReadIssue(nil), rd.HeaderIssues()...)
	mf := &f.MasterFiles
	for rec, err := range rd.Records() {
		if err != nil {
			return nil, err
		}
		issues = append(issues, rec.Issues...)
		switch rec.Kind {
		case RecordGeneralLedgerAccounts:
			mf.GeneralLedgerAccounts = rec.GeneralLedgerAccounts
		case RecordAccount:
			if mf.GeneralLedgerAccounts != nil {
				mf.GeneralLedgerAccounts.Account = append(mf.GeneralLedgerAccounts.Account, *rec.Account)
			}
		case RecordCustomer:
			mf.Customer = append(mf.Customer, *rec.Customer)
		case RecordSupplier:
			mf.Supplier = append(mf.Supplier, *rec.Supplier)
		case RecordProduct:
			mf.Product = append(mf.Product, *rec.Product)
		case RecordTaxTableEntry:
			if mf.TaxTable == nil {
				mf.TaxTable = &TaxTable{}
			}
			mf.TaxTable.TaxTableEntry = append(mf.TaxTable.TaxTableEntry, *rec.TaxTableEntry)
		case RecordGeneralLedgerEntries:
			f.GeneralLedgerEntries = rec.GeneralLedgerEntries
		case RecordJournal:
			if g := f.GeneralLedgerEntries; g != nil {
				g.Journal = append(g.Journal, *rec.Journal)
			}
		case RecordTransaction:
			if g := f.GeneralLedgerEntries; g != nil && len(g.Journal) > 0 {
				j := &g.Journal[len(g.Journal)-1]
				j.Transaction = append(j.Transaction, *rec.Transaction)
			}
		case RecordSalesInvoices:
			f.sourceDocuments().SalesInvoices = rec.SalesInvoices
		case RecordInvoice:
			s := f.SourceDocuments.SalesInvoices
			s.Invoice = append(s.Invoice, *rec.Invoice)
		case RecordMovementOfGoods:
			f.sourceDocuments().MovementOfGoods = rec.MovementOfGoods
		case RecordStockMovement:
			s := f.SourceDocuments.MovementOfGoods
			s.StockMovement = append(s.StockMovement, *rec.StockMovement)
		case RecordWorkingDocuments:
			f.sourceDocuments().WorkingDocuments = rec.WorkingDocuments
		case RecordWorkDocument:
			s := f.SourceDocuments.WorkingDocuments
			s.WorkDocument = append(s.WorkDocument, *rec.WorkDocument)
		case RecordPayments:
			f.sourceDocuments().Payments = rec.Payments
		case RecordPayment:
			s := f.SourceDocuments.Payments
			s.Payment = append(s.Payment, *rec.Payment)
		}
	}
	if len(issues) > 0 {
		return f, &IssuesError{Issues: issues}
	}
	return f, nil
}

func (f *AuditFile) sourceDocuments() *SourceDocuments {
	if f.SourceDocuments == nil {
		f.SourceDocuments = &SourceDocuments{}
	}
	return f.SourceDocuments
}

// ReadFile reads the SAF-T file at path into memory; see Decode.
func ReadFile(path string) (*AuditFile, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return Decode(fh)
}
