package audit

import (
	"github.com/faturapt/faturapt/violation"
)

// Codes of the audit's own checks. A Finding may also carry a code of the
// saft reader (SAFT-READ-*) or validator (SAFT-FACET-*, SAFT-ASSERT-*,
// SAFT-UNIQUE-*, SAFT-KEYREF-*, SAFT-RULE-*), reported as they are.
//
// Severities mean exactly this, for the audit's codes and saft's alike:
//
//   - error: the file breaks the schema or one of its assertions, or a
//     rule Portaria 302/2016 or Despacho 8632/2014 states outright (a
//     broken signature, a wrong control total, a number used twice, a
//     missing master record...);
//   - warning: an anomaly AT accepts but an inspection may ask about (a
//     SystemEntryDate earlier than the previous document's, a document
//     that cannot be verified without another file...).
const (
	CodeMalformed violation.Code = "AUDIT-MALFORMED" // the file is not well-formed XML or not SAF-T: the audit stopped there

	CodeTotalsEntries  violation.Code = "AUDIT-TOTALS-ENTRIES"  // NumberOfEntries differs from the documents (or transactions) counted
	CodeTotalsDebit    violation.Code = "AUDIT-TOTALS-DEBIT"    // TotalDebit differs from the recomputed sum
	CodeTotalsCredit   violation.Code = "AUDIT-TOTALS-CREDIT"   // TotalCredit differs from the recomputed sum
	CodeTotalsLines    violation.Code = "AUDIT-TOTALS-LINES"    // NumberOfMovementLines differs
	CodeTotalsQuantity violation.Code = "AUDIT-TOTALS-QUANTITY" // TotalQuantityIssued differs

	CodeSeriesGap       violation.Code = "AUDIT-SERIES-GAP"       // numbers missing in a series
	CodeSeriesOrder     violation.Code = "AUDIT-SERIES-ORDER"     // a document listed after one with a higher number of its series
	CodeSeriesDate      violation.Code = "AUDIT-SERIES-DATE"      // a document dated before the previous one of its series
	CodeSeriesEntryDate violation.Code = "AUDIT-SERIES-ENTRYDATE" // SystemEntryDate before the previous document's of its series
	CodeSeriesNumber    violation.Code = "AUDIT-SERIES-NUMBER"    // a document number that is not "TYPE SERIES/N"

	CodeATCUDFormat  violation.Code = "AUDIT-ATCUD-FORMAT"  // ATCUD is not "CODE-NUMBER" (nor the legacy "0")
	CodeATCUDNumber  violation.Code = "AUDIT-ATCUD-NUMBER"  // ATCUD's number is not the document's number in its series
	CodeATCUDCode    violation.Code = "AUDIT-ATCUD-CODE"    // ATCUD's validation code differs from the series' first document's
	CodeATCUDMissing violation.Code = "AUDIT-ATCUD-MISSING" // legacy ATCUD "0" on a document dated 2023 or later

	CodeLineAmount      violation.Code = "AUDIT-LINE-AMOUNT"      // line amount is not Quantity x UnitPrice
	CodeDocNetTotal     violation.Code = "AUDIT-DOC-NETTOTAL"     // NetTotal is not the sum of the lines
	CodeDocTaxPayable   violation.Code = "AUDIT-DOC-TAXPAYABLE"   // TaxPayable is not the sum of the lines' tax
	CodeDocGrossTotal   violation.Code = "AUDIT-DOC-GROSSTOTAL"   // GrossTotal is not NetTotal + TaxPayable
	CodeSigBad          violation.Code = "AUDIT-SIG-BAD"          // the signature does not verify with the producer's key
	CodeSigMalformed    violation.Code = "AUDIT-SIG-MALFORMED"    // Hash is not base64 of a signature of the key's size
	CodeSigPrevious     violation.Code = "AUDIT-SIG-PREVIOUS"     // signed over another previous hash: the chain is broken
	CodeSigStart        violation.Code = "AUDIT-SIG-START"        // a series' first document in the file is signed over a hash from an earlier file
	CodeSigNoKey        violation.Code = "AUDIT-SIG-NOKEY"        // documents signed with a key version for which no public key was given
	CodeChainUnsigned   violation.Code = "AUDIT-CHAIN-UNSIGNED"   // an unsigned document produced by the program in a signed series
	CodeChainKeyVersion violation.Code = "AUDIT-CHAIN-KEYVERSION" // HashControl key version goes back within a series
)

// Codes is the catalogue of the audit's own codes, with the severity and
// description of each.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeMalformed, Severity: violation.SeverityError, Description: "the file is not well-formed XML, or not readable as SAF-T (PT) 1.04_01: the audit stopped there"},

	violation.Entry{Code: CodeTotalsEntries, Severity: violation.SeverityError, Description: "NumberOfEntries is not the number of documents (or transactions) of the section (Portaria 302/2016, fields 3.1, 4.1.1, 4.3.1, 4.4.1)"},
	violation.Entry{Code: CodeTotalsDebit, Severity: violation.SeverityError, Description: "TotalDebit is not the sum of the debit amounts, cancelled (and, in SalesInvoices, billed) documents excluded (Portaria 302/2016, fields 3.2, 4.1.2, 4.3.2, 4.4.2); a total written to the cent that is the exact sum rounded to the cent is right"},
	violation.Entry{Code: CodeTotalsCredit, Severity: violation.SeverityError, Description: "TotalCredit is not the sum of the credit amounts, cancelled (and, in SalesInvoices, billed) documents excluded (Portaria 302/2016, fields 3.3, 4.1.3, 4.3.3, 4.4.3); a total written to the cent that is the exact sum rounded to the cent is right"},
	violation.Entry{Code: CodeTotalsLines, Severity: violation.SeverityError, Description: "NumberOfMovementLines is not the number of lines of the stock movements, cancelled ones included (Portaria 302/2016, field 4.2.1)"},
	violation.Entry{Code: CodeTotalsQuantity, Severity: violation.SeverityError, Description: "TotalQuantityIssued is not the sum of the quantities, cancelled documents excluded (Portaria 302/2016, field 4.2.2); a total written to the cent that is the exact sum rounded to the cent is right"},

	violation.Entry{Code: CodeSeriesGap, Severity: violation.SeverityError, Description: "numbers are missing in a series: documents are numbered sequentially without gaps (Despacho 8632/2014, §1.6; Decreto-Lei 28/2019, art. 35)"},
	violation.Entry{Code: CodeSeriesOrder, Severity: violation.SeverityWarning, Description: "a document is listed after a document of the same series with a higher number"},
	violation.Entry{Code: CodeSeriesDate, Severity: violation.SeverityError, Description: "a document is dated before the previous document of its series: numbers follow the date of issue (Despacho 8632/2014, §3.2.1)"},
	violation.Entry{Code: CodeSeriesEntryDate, Severity: violation.SeverityWarning, Description: "a SystemEntryDate is before the previous document's of the series: certified programs record the time a draft was created, with the chain in order, so AT accepts it, but an inspection may ask (Despacho 8632/2014, §3.2.1)"},
	violation.Entry{Code: CodeSeriesNumber, Severity: violation.SeverityError, Description: "a document number is not the document type, a space, the series, \"/\" and the sequential number (Portaria 302/2016, field 4.1.4.1)"},

	violation.Entry{Code: CodeATCUDFormat, Severity: violation.SeverityError, Description: "ATCUD is not the series validation code, \"-\" and the number (Portaria 195/2020, art. 3)"},
	violation.Entry{Code: CodeATCUDNumber, Severity: violation.SeverityError, Description: "the number in the ATCUD is not the document's sequential number (Portaria 195/2020, art. 3)"},
	violation.Entry{Code: CodeATCUDCode, Severity: violation.SeverityError, Description: "documents of one series carry different validation codes in their ATCUD (Decreto-Lei 28/2019, art. 35)"},
	violation.Entry{Code: CodeATCUDMissing, Severity: violation.SeverityWarning, Description: "ATCUD \"0\" (legacy) on a document dated 2023-01-01 or later, when the ATCUD is mandatory (Decreto-Lei 28/2019, art. 35, with the deferrals of Despacho SEAAF 412/2020-XXII and later ones)"},

	violation.Entry{Code: CodeLineAmount, Severity: violation.SeverityError, Description: "a line's DebitAmount/CreditAmount is not Quantity x UnitPrice, within a cent plus the rounding of the written UnitPrice (Portaria 302/2016, fields 4.1.4.19.7, 4.1.4.19.13, 4.1.4.19.14)"},
	violation.Entry{Code: CodeDocNetTotal, Severity: violation.SeverityError, Description: "NetTotal is not the sum of the lines' amounts (Portaria 302/2016, field 4.1.4.20.2)"},
	violation.Entry{Code: CodeDocTaxPayable, Severity: violation.SeverityError, Description: "TaxPayable is not the sum of the lines' tax, within half a cent per taxed line (Portaria 302/2016, field 4.1.4.20.1)"},
	violation.Entry{Code: CodeDocGrossTotal, Severity: violation.SeverityError, Description: "GrossTotal is not NetTotal + TaxPayable (Portaria 302/2016, field 4.1.4.20.3)"},
	violation.Entry{Code: CodeSigBad, Severity: violation.SeverityError, Description: "the document's signature does not verify with the producer's public key (Despacho 8632/2014, §7.2)"},
	violation.Entry{Code: CodeSigMalformed, Severity: violation.SeverityError, Description: "Hash is not the base64 of an RSA signature of the key's size (Despacho 8632/2014, §2.1.4)"},
	violation.Entry{Code: CodeSigPrevious, Severity: violation.SeverityError, Description: "the document was signed over another hash than the previous document's of its series: the chain is broken (Despacho 8632/2014, §2.1.5)"},
	violation.Entry{Code: CodeSigStart, Severity: violation.SeverityWarning, Description: "the first document of a series in the file is not the series' first and its signature covers the previous document's hash, which is in an earlier file: it cannot be verified without that hash (Despacho 8632/2014, §2.1.5)"},
	violation.Entry{Code: CodeSigNoKey, Severity: violation.SeverityWarning, Description: "documents signed with a version of the private key (HashControl) for which no public key was given are not verified (Despacho 8632/2014, §2.1.3)"},
	violation.Entry{Code: CodeChainUnsigned, Severity: violation.SeverityError, Description: "a document produced by the program (SourceBilling P) has Hash \"0\" in a series whose other documents are signed (Despacho 8632/2014, §2.1)"},
	violation.Entry{Code: CodeChainKeyVersion, Severity: violation.SeverityWarning, Description: "the private key version in HashControl goes back within a series (Despacho 8632/2014, §2.1.3)"},
)
