package audit

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"strconv"
	"strings"

	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/violation"
)

// auditor holds the state of one audit: only per-series and per-section
// state and the master-file keys (in the saft.Validator), never the
// documents, so memory does not grow with the number of documents.
type auditor struct {
	cfg    *config
	report Report
	v      *saft.Validator

	found *collector

	taxEntries []saft.TaxTableEntry // the tax table, checked when complete
	taxLines   []int
	// pending: the indexes in found.kept of the reader's issues found
	// since the last record, named once the record they are in is known.
	pending []int
	// unread: the paths of the values the reader could not read
	// (ReadIssue SAFT-READ-VALUE). The validator sees such a value as
	// absent; what it then says about that path ("one of TaxPercentage and
	// TaxAmount is mandatory" of a TaxPercentage written empty) is a
	// consequence of the same fault, not a second one, and is left out.
	// Those of a record are forgotten after it; those of the tax table
	// (checked when complete) and of GroupingCodes (checked at the end)
	// are kept until then.
	unread, unreadKept map[string]bool
	totals             totals
	series             map[string]*seriesState
	sig                *signatures
}

func newAuditor(cfg *config) (*auditor, error) {
	a := &auditor{cfg: cfg, v: saft.NewValidator(), series: map[string]*seriesState{},
		found: newCollector(cfg.maxPerCode), unread: map[string]bool{}, unreadKept: map[string]bool{}}
	a.report.MaxFindingsPerCode = max(cfg.maxPerCode, -1)
	if cfg.key != nil || len(cfg.keys) > 0 {
		sig, err := newSignatures(cfg, a)
		if err != nil {
			return nil, err
		}
		a.sig = sig
		a.report.SignaturesVerified = true
	}
	return a, nil
}

// add records a finding.
func (a *auditor) add(f Finding) { a.found.add(f) }

// addAt records a finding of code about record rec.
func (a *auditor) addAt(rec *saft.Record, code violation.Code, path, format string, args ...any) {
	a.add(Finding{Code: code, Section: sectionOf(rec.Kind), Record: recordName(rec), Path: path, Line: rec.LineOf(path),
		Message: fmt.Sprintf(format, args...)})
}

// recViolations records the validator's violations about rec, each at the
// line of the innermost element of rec its path names.
func (a *auditor) recViolations(rec *saft.Record, vs []violation.Violation) {
	if len(vs) == 0 {
		return
	}
	sec, name := sectionOf(rec.Kind), recordName(rec)
	for _, v := range vs {
		if a.isUnread(v.Path) {
			continue
		}
		a.add(Finding{Code: v.Code, Section: sec, Record: name, Path: v.Path, Line: rec.LineOf(v.Path), Message: v.Message})
	}
}

// violations records the validator's violations about rec.
func (a *auditor) violations(vs []violation.Violation, section, record string, line int) {
	for _, v := range vs {
		if a.isUnread(v.Path) {
			continue
		}
		a.add(Finding{Code: v.Code, Section: section, Record: record, Path: v.Path, Line: line, Message: v.Message})
	}
}

// issue records a problem the reader found, as it finds it: before the
// record it is in has been read whole.
func (a *auditor) issue(i saft.ReadIssue) {
	if i.Code == saft.CodeReadValue && i.Path != "" {
		if strings.Contains(i.Path, "/TaxTableEntry[") || strings.HasSuffix(i.Path, "/GroupingCode") {
			a.unreadKept[i.Path] = true
		} else {
			a.unread[i.Path] = true
		}
	}
	if a.found.add(Finding{Code: i.Code, Section: sectionOfPath(i.Path), Path: i.Path, Line: i.Line, Message: i.Message}) {
		a.pending = append(a.pending, len(a.found.kept)-1)
	}
}

// named names the record of the issues found since the last one.
func (a *auditor) named(record string) {
	for _, i := range a.pending {
		a.found.kept[i].Record = record
	}
	a.pending = a.pending[:0]
}

func (a *auditor) isUnread(path string) bool { return a.unread[path] || a.unreadKept[path] }

// countingReader counts the bytes read and keeps the first error of the
// input that is not its end.
type countingReader struct {
	r   io.Reader
	n   int64
	err error
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && err != io.EOF && c.err == nil {
		c.err = err
	}
	return n, err
}

func (a *auditor) fatal(err error) {
	a.pending = a.pending[:0]
	f := Finding{Code: CodeMalformed, Section: "File", Message: err.Error()}
	var re *saft.ReadError
	if errors.As(err, &re) {
		f.Line = re.Line
		f.Message = fmt.Sprintf("column %d: %s", re.Col, re.Msg)
	}
	a.add(f)
}

// run audits in; it returns the error of in, if reading it failed.
func (a *auditor) run(in io.Reader) error {
	cr := &countingReader{r: in}
	defer func() { a.report.Bytes = cr.n }()
	a.read(cr)
	return cr.err
}

func (a *auditor) read(cr *countingReader) {
	r, err := saft.NewReader(cr, saft.WithIssueHandler(a.issue))
	if err != nil {
		a.fatal(err)
		return
	}
	a.report.Encoding = r.Encoding()
	h := r.Header()
	a.report.CompanyName, a.report.TaxRegistration = h.CompanyName, h.TaxRegistrationNumber
	a.report.TaxAccountingBasis = string(h.TaxAccountingBasis)
	a.report.StartDate, a.report.EndDate = h.StartDate.String(), h.EndDate.String()
	a.found.section("Header").Records = 1
	a.named("Header")
	a.violations(a.v.Header(h), "Header", "Header", r.HeaderLine())
	clear(a.unread)

	n := 0
	for rec, err := range r.Records() {
		if err != nil {
			a.fatal(err)
			return
		}
		n++
		if a.cfg.progress != nil && n%4096 == 0 {
			a.cfg.progress(r.InputOffset())
		}
		a.record(rec)
		clear(a.unread)
	}
	a.report.Complete = true
}

// record checks one record.
func (a *auditor) record(rec *saft.Record) {
	name := recordName(rec)
	a.named(name)
	if rec.Kind != saft.RecordTaxTableEntry {
		a.flushTaxTable()
	}
	sec := sectionOf(rec.Kind)
	v := a.v
	switch rec.Kind {
	case saft.RecordGeneralLedgerAccounts:
		a.violations(v.TaxonomyReference(rec.GeneralLedgerAccounts.TaxonomyReference), sec, name, rec.Line)
	case saft.RecordAccount:
		a.found.section(sec).Records++
		a.recViolations(rec, v.Account(rec.Index, rec.Account))
	case saft.RecordCustomer:
		a.found.section(sec).Records++
		a.recViolations(rec, v.Customer(rec.Index, rec.Customer))
	case saft.RecordSupplier:
		a.found.section(sec).Records++
		a.recViolations(rec, v.Supplier(rec.Index, rec.Supplier))
	case saft.RecordProduct:
		a.found.section(sec).Records++
		a.recViolations(rec, v.Product(rec.Index, rec.Product))
	case saft.RecordTaxTableEntry:
		a.found.section(sec).Records++
		a.taxEntries = append(a.taxEntries, *rec.TaxTableEntry)
		a.taxLines = append(a.taxLines, rec.Line)
	case saft.RecordGeneralLedgerEntries, saft.RecordSalesInvoices, saft.RecordMovementOfGoods,
		saft.RecordWorkingDocuments, saft.RecordPayments:
		a.totals.declare(rec)
	case saft.RecordJournal:
		a.violations(v.Journal(rec.Index, rec.Journal.JournalID, rec.Journal.Description), sec, name, rec.Line)
	case saft.RecordTransaction:
		a.found.section(sec).Records++
		a.recViolations(rec, v.Transaction(rec.JournalIndex, rec.Index, rec.Transaction))
		a.totals.sum.AddTransaction(rec.Transaction)
	case saft.RecordInvoice:
		a.found.section(sec).Records++
		inv := rec.Invoice
		a.recViolations(rec, v.Invoice(rec.Index, inv))
		a.totals.sum.AddInvoice(inv)
		a.invoiceArithmetic(rec)
		a.inSeries(rec, document{number: inv.InvoiceNo, atcud: inv.ATCUD, date: inv.InvoiceDate, entry: inv.SystemEntryDate,
			hash: inv.Hash, hashControl: inv.HashControl, source: inv.DocumentStatus.SourceBilling, gross: inv.DocumentTotals.GrossTotal, signed: true})
	case saft.RecordStockMovement:
		a.found.section(sec).Records++
		m := rec.StockMovement
		a.recViolations(rec, v.StockMovement(rec.Index, m))
		a.totals.sum.AddStockMovement(m)
		a.movementArithmetic(rec)
		a.inSeries(rec, document{number: m.DocumentNumber, atcud: m.ATCUD, date: m.MovementDate, entry: m.SystemEntryDate,
			hash: m.Hash, hashControl: m.HashControl, source: m.DocumentStatus.SourceBilling, gross: m.DocumentTotals.GrossTotal, signed: true})
	case saft.RecordWorkDocument:
		a.found.section(sec).Records++
		d := rec.WorkDocument
		a.recViolations(rec, v.WorkDocument(rec.Index, d))
		a.totals.sum.AddWorkDocument(d)
		a.workArithmetic(rec)
		a.inSeries(rec, document{number: d.DocumentNumber, atcud: d.ATCUD, date: d.WorkDate, entry: d.SystemEntryDate,
			hash: d.Hash, hashControl: d.HashControl, source: d.DocumentStatus.SourceBilling, gross: d.DocumentTotals.GrossTotal, signed: true})
	case saft.RecordPayment:
		a.found.section(sec).Records++
		p := rec.Payment
		a.recViolations(rec, v.Payment(rec.Index, p))
		a.totals.sum.AddPayment(p)
		a.paymentArithmetic(rec)
		a.inSeries(rec, document{number: p.PaymentRefNo, atcud: p.ATCUD, date: p.TransactionDate, entry: p.SystemEntryDate})
	case saft.RecordEnd:
		a.totals.finish(a)
	}
}

// flushTaxTable checks the tax table once all its entries have been read.
func (a *auditor) flushTaxTable() {
	if a.taxEntries == nil {
		return
	}
	for _, v := range a.v.TaxTable(a.taxEntries) {
		if a.isUnread(v.Path) {
			continue
		}
		// A violation about one entry is at that entry's line, not at the
		// table's first one.
		record, line := "TaxTable", a.taxLines[0]
		if n := entryIndex(v.Path); n > 0 && n <= len(a.taxEntries) {
			e := &a.taxEntries[n-1]
			record = "TaxTableEntry " + string(e.TaxType) + "/" + e.TaxCountryRegion + "/" + string(e.TaxCode)
			line = a.taxLines[n-1]
		}
		a.add(Finding{Code: v.Code, Section: "MasterFiles", Record: record, Path: v.Path, Line: line, Message: v.Message})
	}
	a.taxEntries, a.taxLines = nil, nil
	maps.DeleteFunc(a.unreadKept, func(path string, _ bool) bool { return strings.Contains(path, "/TaxTableEntry[") })
}

// entryIndex is n of a path .../TaxTable/TaxTableEntry[n]/..., 0 if the
// path names no entry.
func entryIndex(path string) int {
	const seg = "/TaxTableEntry["
	i := strings.Index(path, seg)
	if i < 0 {
		return 0
	}
	rest := path[i+len(seg):]
	j := strings.IndexByte(rest, ']')
	if j < 0 {
		return 0
	}
	n, err := strconv.Atoi(rest[:j])
	if err != nil {
		return 0
	}
	return n
}

func (a *auditor) finish() *Report {
	a.flushTaxTable()
	if a.report.Complete {
		// What only the end of the file tells (keys referenced before
		// their definition, a missing Header): meaningless after a fatal error.
		a.violations(a.v.Finish(), "File", "", 0)
	}
	a.finishSeries()
	if a.sig != nil {
		a.report.SignaturesChecked = a.sig.close()
	}
	r := &a.report
	a.found.fill(r)
	return r
}
