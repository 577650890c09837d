package audit

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/violation"
)

// Finding is one problem of the file.
type Finding struct {
	Code     violation.Code     `json:"code"`
	Severity violation.Severity `json:"severity"`
	// Section is Header, MasterFiles, GeneralLedgerEntries, SalesInvoices,
	// MovementOfGoods, WorkingDocuments, Payments or File.
	Section string `json:"section"`
	// Record names the record: a document number ("FT A/12"), a master
	// record ("Customer C1"), a journal or transaction.
	Record string `json:"record,omitempty"`
	// Path is an XPath-like location when known.
	Path string `json:"path,omitempty"`
	// Line is the line of the file where the record starts (or the
	// problem is, for reading errors); 0 when the finding is about the
	// whole file.
	Line    int    `json:"line"`
	Message string `json:"message"`
}

func (f Finding) String() string {
	return fmt.Sprintf("line %d: %s %s [%s] %s: %s", f.Line, f.Severity, f.Code, f.Section, f.Record, f.Message)
}

// SectionSummary counts the records and findings of a section.
type SectionSummary struct {
	Name     string `json:"name"`
	Records  int    `json:"records"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
}

// CodeCount counts the findings of one code.
type CodeCount struct {
	Code     violation.Code     `json:"code"`
	Severity violation.Severity `json:"severity"`
	// Count is the number of findings of the code in the file.
	Count int `json:"count"`
	// Shown is how many of them Report.Findings holds: the first ones,
	// up to the limit of WithMaxFindingsPerCode.
	Shown int `json:"shown"`
}

// DefaultMaxFindingsPerCode is how many findings of each code a Report
// holds unless WithMaxFindingsPerCode says otherwise; the others are
// counted only.
const DefaultMaxFindingsPerCode = 100

// Report is the result of an audit. Its size does not depend on the file:
// it holds the first findings of each code and counts the others.
type Report struct {
	Encoding           string `json:"encoding,omitempty"`
	Bytes              int64  `json:"bytes"`
	CompanyName        string `json:"companyName,omitempty"`
	TaxRegistration    string `json:"taxRegistrationNumber,omitempty"`
	TaxAccountingBasis string `json:"taxAccountingBasis,omitempty"`
	StartDate          string `json:"startDate,omitempty"`
	EndDate            string `json:"endDate,omitempty"`
	// Complete is false when a fatal error stopped the audit.
	Complete bool `json:"complete"`
	// SignaturesVerified is true when a public key was given.
	SignaturesVerified bool `json:"signaturesVerified"`
	// SignaturesChecked counts the signatures verified with the key.
	SignaturesChecked int `json:"signaturesChecked"`
	// MaxFindingsPerCode is the limit of findings held per code; negative
	// when there was none.
	MaxFindingsPerCode int `json:"maxFindingsPerCode"`
	// Findings are the first findings of each code (see CodeCounts),
	// sorted by line.
	Findings []Finding `json:"findings"`
	// CodeCounts counts the findings of every code found, shown or not,
	// sorted by code.
	CodeCounts []CodeCount      `json:"codeCounts"`
	Sections   []SectionSummary `json:"sections"`
	// Errors and Warnings count every finding, shown or not.
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

// HasErrors reports whether any finding is an error.
func (r *Report) HasErrors() bool { return r.Errors > 0 }

// Omitted is the number of findings counted but not held in Findings.
func (r *Report) Omitted() int { return r.Errors + r.Warnings - len(r.Findings) }

// Codes returns the distinct codes of the findings, sorted.
func (r *Report) Codes() []violation.Code {
	out := make([]violation.Code, len(r.CodeCounts))
	for i, c := range r.CodeCounts {
		out[i] = c.Code
	}
	return out
}

// Option configures an audit.
type Option func(*config)

type config struct {
	maxPerCode int
	key        *rsa.PublicKey
	keys       map[int]*rsa.PublicKey // per key version (HashControl)
	previous   map[string]string
	progress   func(bytesRead int64)
	batchSize  int
}

// WithPublicKey verifies every signature and the chain of every series with
// the producer's public key (the key of its software certificate).
// It verifies documents of every key version (HashControl) for which
// WithPublicKeyVersion gives no key of its own.
func WithPublicKey(pub *rsa.PublicKey) Option { return func(c *config) { c.key = pub } }

// WithPublicKeyVersion gives the public key of one version of the
// producer's private key: a producer that changed keys (Despacho 8632/2014
// §2.1.3: HashControl says which version signed) has signatures of several
// keys in one file, even in one series, whose chain goes on across the
// change. Documents of a version with no key, given neither here nor by
// WithPublicKey, are not verified: AUDIT-SIG-NOKEY, a warning, once per
// series and version.
func WithPublicKeyVersion(version int, pub *rsa.PublicKey) Option {
	return func(c *config) {
		if c.keys == nil {
			c.keys = map[int]*rsa.PublicKey{}
		}
		c.keys[version] = pub
	}
}

// WithPreviousHashes gives, per series, the hash of the document issued
// right before the series' first document in the file: a monthly file holds
// a series from the middle, and its first document is signed over the hash
// of a document in an earlier file (Despacho 8632/2014, §2.1.5). The key is
// the series as document numbers carry it, type and series: "FT A" for
// "FT A/12". Without it, such a document's signature cannot be verified
// and gets the warning AUDIT-SIG-START instead of a verdict.
func WithPreviousHashes(previous map[string]string) Option {
	return func(c *config) { c.previous = previous }
}

// WithMaxFindingsPerCode keeps the first n findings of each code in the
// Report (DefaultMaxFindingsPerCode without this option) and only counts
// the others, so that memory stays flat whatever the file holds; n = 0
// keeps none (the counts alone), a negative n keeps every finding, and
// memory then grows with them.
func WithMaxFindingsPerCode(n int) Option { return func(c *config) { c.maxPerCode = n } }

// WithProgress calls f now and then with the number of bytes read.
func WithProgress(f func(bytesRead int64)) Option { return func(c *config) { c.progress = f } }

// ErrKey is returned when the public key cannot be used to verify.
var ErrKey = errors.New("audit: unusable public key")

// File audits the SAF-T file at path (see Run).
func File(path string, opts ...Option) (*Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRead, err)
	}
	defer f.Close()
	return Run(f, opts...)
}

// ErrRead is matched (errors.Is) by the error of an input that could not
// be read (a directory, a file without read permission, a failing disk):
// the file could not be audited, which says nothing of the file.
var ErrRead = errors.New("audit: cannot read the file")

// Run audits the SAF-T file read from r in one pass. A file that is not
// well-formed or not SAF-T (PT) 1.04_01 is a finding (AUDIT-MALFORMED), not
// an error: the report then has what was found up to that point. Run
// returns an error only for a bad option (ErrKey) or when reading r fails
// (ErrRead): then there is no report.
func Run(r io.Reader, opts ...Option) (*Report, error) {
	cfg := config{batchSize: 1024, maxPerCode: DefaultMaxFindingsPerCode}
	for _, o := range opts {
		o(&cfg)
	}
	a, err := newAuditor(&cfg)
	if err != nil {
		return nil, err
	}
	if err := a.run(r); err != nil {
		a.finish() // ends the signature verification
		return nil, fmt.Errorf("%w: %w", ErrRead, err)
	}
	return a.finish(), nil
}

// sectionOf names the section of a record kind.
func sectionOf(k saft.RecordKind) string {
	switch k {
	case saft.RecordGeneralLedgerAccounts, saft.RecordAccount, saft.RecordCustomer, saft.RecordSupplier,
		saft.RecordProduct, saft.RecordTaxTableEntry:
		return "MasterFiles"
	case saft.RecordGeneralLedgerEntries, saft.RecordJournal, saft.RecordTransaction:
		return "GeneralLedgerEntries"
	case saft.RecordSalesInvoices, saft.RecordInvoice:
		return "SalesInvoices"
	case saft.RecordMovementOfGoods, saft.RecordStockMovement:
		return "MovementOfGoods"
	case saft.RecordWorkingDocuments, saft.RecordWorkDocument:
		return "WorkingDocuments"
	case saft.RecordPayments, saft.RecordPayment:
		return "Payments"
	}
	return "File"
}

// sectionOfPath names the section of an XPath-like path.
func sectionOfPath(p string) string {
	for _, s := range []string{"Header", "MasterFiles", "GeneralLedgerEntries", "SalesInvoices", "MovementOfGoods", "WorkingDocuments", "Payments"} {
		if strings.Contains(p, "/"+s) {
			return s
		}
	}
	return "File"
}

var sectionOrder = []string{"File", "Header", "MasterFiles", "GeneralLedgerEntries", "SalesInvoices", "MovementOfGoods", "WorkingDocuments", "Payments"}

// recordName names a record for people.
func recordName(rec *saft.Record) string {
	switch rec.Kind {
	case saft.RecordAccount:
		return "Account " + rec.Account.AccountID
	case saft.RecordCustomer:
		return "Customer " + rec.Customer.CustomerID
	case saft.RecordSupplier:
		return "Supplier " + rec.Supplier.SupplierID
	case saft.RecordProduct:
		return "Product " + rec.Product.ProductCode
	case saft.RecordTaxTableEntry:
		e := rec.TaxTableEntry
		return "TaxTableEntry " + string(e.TaxType) + "/" + e.TaxCountryRegion + "/" + string(e.TaxCode)
	case saft.RecordJournal:
		return "Journal " + rec.Journal.JournalID
	case saft.RecordTransaction:
		return "Transaction " + rec.Transaction.TransactionID
	case saft.RecordInvoice:
		return rec.Invoice.InvoiceNo
	case saft.RecordStockMovement:
		return rec.StockMovement.DocumentNumber
	case saft.RecordWorkDocument:
		return rec.WorkDocument.DocumentNumber
	case saft.RecordPayment:
		return rec.Payment.PaymentRefNo
	}
	if rec.Index > 0 {
		return rec.Kind.String() + "[" + strconv.Itoa(rec.Index) + "]"
	}
	return rec.Kind.String()
}
