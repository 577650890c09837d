package audit

import (
	"slices"

	"github.com/faturapt/faturapt/saft"
)

// Severity of a finding: an error makes the file wrong (AT would reject it
// or the law is broken); a warning deserves a look.
type Severity string

// Severities.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Codes of the audit's own checks. The codes of the reader (SAFT-READ-*)
// and of the validator (SAFT-FACET-*, SAFT-ASSERT-*, SAFT-UNIQUE-*,
// SAFT-KEYREF-*, SAFT-RULE-*) are reported as they are, with severity
// error unless saft.IsWarning says warning; saft.CodeDescription
// describes the latter.
const (
	CodeTotalsEntries  = "AUDIT-TOTALS-ENTRIES"  // NumberOfEntries differs from the documents (or transactions) counted
	CodeTotalsDebit    = "AUDIT-TOTALS-DEBIT"    // TotalDebit differs from the recomputed sum
	CodeTotalsCredit   = "AUDIT-TOTALS-CREDIT"   // TotalCredit differs from the recomputed sum
	CodeTotalsLines    = "AUDIT-TOTALS-LINES"    // NumberOfMovementLines differs
	CodeTotalsQuantity = "AUDIT-TOTALS-QUANTITY" // TotalQuantityIssued differs

	CodeSeriesGap       = "AUDIT-SERIES-GAP"       // numbers missing in a series
	CodeSeriesOrder     = "AUDIT-SERIES-ORDER"     // a document listed after one with a higher number of its series
	CodeSeriesDate      = "AUDIT-SERIES-DATE"      // a document dated before the previous one of its series
	CodeSeriesEntryDate = "AUDIT-SERIES-ENTRYDATE" // SystemEntryDate before the previous document's of its series
	CodeSeriesNumber    = "AUDIT-SERIES-NUMBER"    // a document number that is not "TYPE SERIES/N"

	CodeATCUDFormat  = "AUDIT-ATCUD-FORMAT"  // ATCUD is not "CODE-NUMBER" (nor the legacy "0")
	CodeATCUDNumber  = "AUDIT-ATCUD-NUMBER"  // ATCUD's number is not the document's number in its series
	CodeATCUDCode    = "AUDIT-ATCUD-CODE"    // ATCUD's validation code differs from the series' first document's
	CodeATCUDMissing = "AUDIT-ATCUD-MISSING" // legacy ATCUD "0" on a document dated 2023 or later

	CodeLineAmount      = "AUDIT-LINE-AMOUNT"      // line amount is not Quantity x UnitPrice
	CodeDocNetTotal     = "AUDIT-DOC-NETTOTAL"     // NetTotal is not the sum of the lines
	CodeDocTaxPayable   = "AUDIT-DOC-TAXPAYABLE"   // TaxPayable is not the sum of the lines' tax
	CodeDocGrossTotal   = "AUDIT-DOC-GROSSTOTAL"   // GrossTotal is not NetTotal + TaxPayable
	CodeSigBad          = "AUDIT-SIG-BAD"          // the signature does not verify with the producer's key
	CodeSigMalformed    = "AUDIT-SIG-MALFORMED"    // Hash is not base64 of a signature of the key's size
	CodeSigPrevious     = "AUDIT-SIG-PREVIOUS"     // signed over another previous hash: the chain is broken
	CodeSigStart        = "AUDIT-SIG-START"        // a series' first document in the file is signed over a hash from an earlier file
	CodeSigNoKey        = "AUDIT-SIG-NOKEY"        // documents signed with a key version for which no public key was given
	CodeChainUnsigned   = "AUDIT-CHAIN-UNSIGNED"   // an unsigned document produced by the program in a signed series
	CodeChainKeyVersion = "AUDIT-CHAIN-KEYVERSION" // HashControl key version goes back within a series
)

var descriptions = map[string]string{
	CodeTotalsEntries:  "NumberOfEntries is not the number of documents (or transactions) of the section (Portaria 302/2016, fields 3.1, 4.1.1, 4.3.1, 4.4.1)",
	CodeTotalsDebit:    "TotalDebit is not the sum of the debit amounts, cancelled (and, in SalesInvoices, billed) documents excluded (Portaria 302/2016, fields 3.2, 4.1.2, 4.3.2, 4.4.2)",
	CodeTotalsCredit:   "TotalCredit is not the sum of the credit amounts, cancelled (and, in SalesInvoices, billed) documents excluded (Portaria 302/2016, fields 3.3, 4.1.3, 4.3.3, 4.4.3)",
	CodeTotalsLines:    "NumberOfMovementLines is not the number of lines of the stock movements (Portaria 302/2016, field 4.2.1)",
	CodeTotalsQuantity: "TotalQuantityIssued is not the sum of the quantities, cancelled documents excluded (Portaria 302/2016, field 4.2.2)",

	CodeSeriesGap:       "numbers are missing in a series: documents are numbered sequentially without gaps (Despacho 8632/2014, §1.6; Decreto-Lei 28/2019, art. 35)",
	CodeSeriesOrder:     "a document is listed after a document of the same series with a higher number",
	CodeSeriesDate:      "a document is dated before the previous document of its series (Despacho 8632/2014, §3.2.1)",
	CodeSeriesEntryDate: "a SystemEntryDate is before the previous document's of the series (Despacho 8632/2014, §3.2.1)",
	CodeSeriesNumber:    "a document number is not the document type, a space, the series, \"/\" and the sequential number (Portaria 302/2016, field 4.1.4.1)",

	CodeATCUDFormat:  "ATCUD is not the series validation code, \"-\" and the number (Portaria 195/2020, art. 3)",
	CodeATCUDNumber:  "the number in the ATCUD is not the document's sequential number (Portaria 195/2020, art. 3)",
	CodeATCUDCode:    "documents of one series carry different validation codes in their ATCUD (Decreto-Lei 28/2019, art. 35)",
	CodeATCUDMissing: "ATCUD \"0\" (legacy) on a document dated 2023-01-01 or later, when the ATCUD is mandatory (Decreto-Lei 28/2019, art. 35; Despacho SEAAF 412/2020-XXII)",

	CodeLineAmount:      "a line's DebitAmount/CreditAmount is not Quantity x UnitPrice (Portaria 302/2016, fields 4.1.4.19.7, 4.1.4.19.13, 4.1.4.19.14; tolerance in arithmetic.go)",
	CodeDocNetTotal:     "NetTotal is not the sum of the lines' amounts (Portaria 302/2016, field 4.1.4.20.2)",
	CodeDocTaxPayable:   "TaxPayable is not the sum of the lines' tax (Portaria 302/2016, field 4.1.4.20.1)",
	CodeDocGrossTotal:   "GrossTotal is not NetTotal + TaxPayable (Portaria 302/2016, field 4.1.4.20.3)",
	CodeSigBad:          "the document's signature does not verify with the producer's public key (Despacho 8632/2014, §7.2)",
	CodeSigMalformed:    "Hash is not the base64 of an RSA signature of the key's size (Despacho 8632/2014, §2.1.4)",
	CodeSigPrevious:     "the document was signed over another hash than the previous document's of its series: the chain is broken (Despacho 8632/2014, §2.1.5)",
	CodeSigStart:        "the first document of a series in the file is not the series' first and its signature covers the previous document's hash, which is in an earlier file: it cannot be verified without that hash (Despacho 8632/2014, §2.1.5)",
	CodeSigNoKey:        "documents signed with a version of the private key (HashControl) for which no public key was given are not verified (Despacho 8632/2014, §2.1.3)",
	CodeChainUnsigned:   "a document produced by the program (SourceBilling P) has Hash \"0\" in a series whose other documents are signed (Despacho 8632/2014, §2.1)",
	CodeChainKeyVersion: "the private key version in HashControl goes back within a series (Despacho 8632/2014, §2.1.3)",
}

var warnings = map[string]bool{CodeSeriesOrder: true, CodeATCUDMissing: true, CodeChainKeyVersion: true, CodeSigStart: true, CodeSigNoKey: true}

// severityOf returns the severity of a code.
func severityOf(code string) Severity {
	if warnings[code] || saft.IsWarning(code) {
		return SeverityWarning
	}
	return SeverityError
}

// Codes returns the audit's own codes, sorted.
func Codes() []string {
	out := make([]string, 0, len(descriptions))
	for c := range descriptions {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// Description describes any code a Finding may carry: the audit's, the
// validator's and the reader's; "" for an unknown code.
func Description(code string) string {
	if d, ok := descriptions[code]; ok {
		return d
	}
	switch code {
	case saft.CodeReadUnexpected:
		return "an element or text the schema does not allow at that place"
	case saft.CodeReadOrder:
		return "an element out of the schema's order, or repeated"
	case saft.CodeReadValue:
		return "a number, date or indicator that does not parse"
	case CodeMalformed:
		return "the file is not well-formed XML, or not readable as SAF-T: the audit stopped there"
	}
	return saft.CodeDescription(code)
}

// CodeMalformed is the finding of a fatal reading error: malformed XML, a
// structure the reader cannot go on from. The audit stops there.
const CodeMalformed = "AUDIT-MALFORMED"
