package saft

import (
	"strconv"

	"github.com/faturapt/faturapt/violation"
)

// Codes of the violations the validator reports and of the reader's issues,
// described in the catalogue [Codes]. They are stable: a code keeps its
// meaning across versions.
//
// SAFT-FACET-*: what the XSD 1.0 schema (SAFTPT1.04_01.xsd10.xsd) checks on
// one element: presence, length, pattern, enumeration, range, choice.
const (
	CodeFacetRequired  violation.Code = "SAFT-FACET-REQUIRED" // a mandatory element is missing or empty
	CodeFacetOccurs    violation.Code = "SAFT-FACET-OCCURS"   // a repeated element occurs fewer times than minOccurs
	CodeFacetChoice    violation.Code = "SAFT-FACET-CHOICE"   // an xs:choice has none or both of its alternatives
	CodeFacetMinLength violation.Code = "SAFT-FACET-MINLEN"   // shorter than minLength
	CodeFacetMaxLength violation.Code = "SAFT-FACET-MAXLEN"   // longer than maxLength
	CodeFacetLength    violation.Code = "SAFT-FACET-LENGTH"   // not exactly xs:length characters
	CodeFacetPattern   violation.Code = "SAFT-FACET-PATTERN"  // does not match the pattern
	CodeFacetEnum      violation.Code = "SAFT-FACET-ENUM"     // not one of the enumerated values
	CodeFacetMin       violation.Code = "SAFT-FACET-MIN"      // below minInclusive (negative amounts included)
	CodeFacetMax       violation.Code = "SAFT-FACET-MAX"      // above maxInclusive
	CodeFacetChar      violation.Code = "SAFT-FACET-CHAR"     // a character XML 1.0 cannot carry, or invalid UTF-8
	CodeFacetType      violation.Code = "SAFT-FACET-TYPE"     // not a value of the base type (xs:date, xs:dateTime, xs:integer)
)

// SAFT-ASSERT-NN: the 19 xs:assert of the XSD 1.1 schema
// (SAFTPT1.04_01.asserts.txt), numbered in the order of that file; each
// code's description states its rule in plain words.
const (
	CodeAssert01 violation.Code = "SAFT-ASSERT-01" // Account: TaxonomyCode present iff GroupingCategory GM
	CodeAssert02 violation.Code = "SAFT-ASSERT-02" // Account: GroupingCode absent for GR/AR, present for GA/AA/GM/AM
	CodeAssert03 violation.Code = "SAFT-ASSERT-03" // Invoice line: TaxAmount ≠ 0 iff no TaxExemptionReason
	CodeAssert04 violation.Code = "SAFT-ASSERT-04" // Invoice line: TaxPercentage ≠ 0 iff no TaxExemptionReason
	CodeAssert05 violation.Code = "SAFT-ASSERT-05" // Invoice line: TaxExemptionReason and TaxExemptionCode together
	CodeAssert06 violation.Code = "SAFT-ASSERT-06" // Invoice line: with TaxBase, UnitPrice is 0
	CodeAssert07 violation.Code = "SAFT-ASSERT-07" // Invoice line: with TaxBase, Debit/CreditAmount is 0
	CodeAssert08 violation.Code = "SAFT-ASSERT-08" // StockMovement line: TaxPercentage ≠ 0 iff no TaxExemptionReason
	CodeAssert09 violation.Code = "SAFT-ASSERT-09" // StockMovement line: TaxExemptionReason and TaxExemptionCode together
	CodeAssert10 violation.Code = "SAFT-ASSERT-10" // WorkDocument line: TaxAmount ≠ 0 iff no TaxExemptionReason
	CodeAssert11 violation.Code = "SAFT-ASSERT-11" // WorkDocument line: TaxPercentage ≠ 0 iff no TaxExemptionReason
	CodeAssert12 violation.Code = "SAFT-ASSERT-12" // WorkDocument line: TaxExemptionReason and TaxExemptionCode together
	CodeAssert13 violation.Code = "SAFT-ASSERT-13" // WorkDocument line: with TaxBase, UnitPrice is 0
	CodeAssert14 violation.Code = "SAFT-ASSERT-14" // WorkDocument line: with TaxBase, Debit/CreditAmount is 0
	CodeAssert15 violation.Code = "SAFT-ASSERT-15" // Payment line: TaxAmount ≠ 0 iff no TaxExemptionReason
	CodeAssert16 violation.Code = "SAFT-ASSERT-16" // Payment line: TaxPercentage ≠ 0 iff no TaxExemptionReason
	CodeAssert17 violation.Code = "SAFT-ASSERT-17" // Payment line: TaxExemptionReason and TaxExemptionCode together
	CodeAssert18 violation.Code = "SAFT-ASSERT-18" // Payment line: a line of an RC payment has Tax
	CodeAssert19 violation.Code = "SAFT-ASSERT-19" // Payment: RG, or RC with a line whose Tax has TaxType
)

// SAFT-UNIQUE-* and SAFT-KEYREF-*: the xs:unique and xs:keyref constraints
// of the schema's AuditFile element, plus the references the Portaria and
// Despacho 8632/2014 §2.6.3 add (master-file accounts, tax table).
const (
	CodeUniqueAccount       violation.Code = "SAFT-UNIQUE-ACCOUNT"       // AccountIDConstraint
	CodeUniqueCustomer      violation.Code = "SAFT-UNIQUE-CUSTOMER"      // CustomerIDConstraint
	CodeUniqueSupplier      violation.Code = "SAFT-UNIQUE-SUPPLIER"      // SupplierIDConstraint
	CodeUniqueProduct       violation.Code = "SAFT-UNIQUE-PRODUCT"       // ProductCodeConstraint
	CodeUniqueJournal       violation.Code = "SAFT-UNIQUE-JOURNAL"       // GeneralLedgerEntriesJournalIdConstraint
	CodeUniqueTransaction   violation.Code = "SAFT-UNIQUE-TRANSACTION"   // GeneralLedgerEntriesTransactionIdConstraint
	CodeUniqueInvoiceNo     violation.Code = "SAFT-UNIQUE-INVOICENO"     // InvoiceNoConstraint
	CodeUniqueStockMovement violation.Code = "SAFT-UNIQUE-STOCKMOVEMENT" // DocumentNumberConstraint
	CodeUniqueWorkDocument  violation.Code = "SAFT-UNIQUE-WORKDOCUMENT"  // WorkDocumentDocumentNumberConstraint
	CodeUniquePaymentRefNo  violation.Code = "SAFT-UNIQUE-PAYMENTREFNO"  // PaymentPaymentRefNoConstraint

	CodeKeyrefGroupingCode  violation.Code = "SAFT-KEYREF-GROUPINGCODE"  // GroupingCodeConstraint
	CodeKeyrefAccount       violation.Code = "SAFT-KEYREF-ACCOUNT"       // GeneralLedgerEntries{Debit,Credit}LineAccountIDConstraint
	CodeKeyrefCustomer      violation.Code = "SAFT-KEYREF-CUSTOMER"      // *CustomerIDConstraint
	CodeKeyrefSupplier      violation.Code = "SAFT-KEYREF-SUPPLIER"      // *SupplierIDConstraint
	CodeKeyrefProduct       violation.Code = "SAFT-KEYREF-PRODUCT"       // *ProductCodeConstraint
	CodeKeyrefMasterAccount violation.Code = "SAFT-KEYREF-MASTERACCOUNT" // Customer/Supplier AccountID not in the chart of accounts (Portaria fields 2.2.2, 2.3.2)
	CodeKeyrefTax           violation.Code = "SAFT-KEYREF-TAX"           // a line's Tax not in TaxTable (Despacho 8632/2014 §2.6.3)
)

// SAFT-RULE-*: rules of Portaria 302/2016 (technical notes, cited by field
// index) and Despacho 8632/2014 that no schema can express.
const (
	CodeRuleHeaderPeriod      violation.Code = "SAFT-RULE-HEADER-PERIOD"          // StartDate after EndDate (1.9, 1.10)
	CodeRuleHeaderDateCreated violation.Code = "SAFT-RULE-HEADER-DATECREATED"     // file created before its EndDate (Annex I 1.c, 1.12)
	CodeRuleDocumentDate      violation.Code = "SAFT-RULE-DOCUMENT-DATE"          // a source document dated outside StartDate..EndDate (Annex I 1.c)
	CodeRuleHashMissing       violation.Code = "SAFT-RULE-HASH-MISSING"           // a signed document (HashControl ≠ 0) without signature (4.1.4.4)
	CodeRuleHashFormat        violation.Code = "SAFT-RULE-HASH-FORMAT"            // Hash neither "0" nor 172 base64 characters (Despacho 8632/2014)
	CodeRuleHashControl       violation.Code = "SAFT-RULE-HASHCONTROL"            // HashControl form does not fit SourceBilling (Despacho 8632/2014 §2.3.4, 2.4.5, 2.5.5)
	CodeRuleLineNumber        violation.Code = "SAFT-RULE-LINENUMBER"             // warning: LineNumber repeated within a document (4.1.4.19.1 and the like)
	CodeRuleDocumentCode      violation.Code = "SAFT-RULE-DOCUMENT-CODE"          // one internal code used for two document types (4.1.4.1, 4.2.3.1, 4.3.4.1, 4.4.4.1)
	CodeRuleTransactionID     violation.Code = "SAFT-RULE-TRANSACTIONID"          // GL TransactionID not "TransactionDate JournalID DocArchivalNumber" (3.4.3.1)
	CodeRuleTransactionRef    violation.Code = "SAFT-RULE-TRANSACTIONID-REQUIRED" // integrated file (I) document without TransactionID (4.1.4.13, 4.4.4.4)
	CodeRuleFinalConsumer     violation.Code = "SAFT-RULE-FINAL-CONSUMER"         // NIF 999999990 not named "Consumidor final" (2.2.3, 2.2.4)
	CodeRuleTaxCode           violation.Code = "SAFT-RULE-TAXCODE"                // TaxCode not allowed for the TaxType (4.1.4.19.15.3)
	CodeRuleTaxonomyCode      violation.Code = "SAFT-RULE-TAXONOMYCODE"           // TaxonomyReference O with TaxonomyCode ≠ 1 (2.1.2.9)
	CodeRuleHeaderNIF         violation.Code = "SAFT-RULE-HEADER-NIF"             // TaxRegistrationNumber is not a valid Portuguese NIF (1.3)
	CodeRuleGrossTotalScale   violation.Code = "SAFT-RULE-GROSSTOTAL-SCALE"       // GrossTotal with more than 2 decimals (Despacho 8632/2014 §2.6.7)
	CodeRuleSelfBilling       violation.Code = "SAFT-RULE-SELFBILLING"            // InvoiceStatus S (self-billing) with SelfBillingIndicator 0 (4.1.4.3.1, 4.1.4.9.1)
	CodeRuleTaxIDPrefix       violation.Code = "SAFT-RULE-TAXID-PREFIX"           // CustomerTaxID/SupplierTaxID with the PT country prefix (2.2.3, 2.3.3)
	CodeRuleTaxEntity         violation.Code = "SAFT-RULE-TAXENTITY"              // accounting or integrated file whose TaxEntity is not "Sede" (1.13)
	CodeRuleExemptRate        violation.Code = "SAFT-RULE-EXEMPT-RATE"            // exempt (ISE) or not subject (NS) tax with a TaxPercentage other than 0 (2.5.1.6, 4.1.4.19.15.4...)
)

// assertionCodes indexes CodeAssert01..19 by number.
var assertionCodes = [20]violation.Code{"", CodeAssert01, CodeAssert02, CodeAssert03, CodeAssert04, CodeAssert05,
	CodeAssert06, CodeAssert07, CodeAssert08, CodeAssert09, CodeAssert10, CodeAssert11, CodeAssert12,
	CodeAssert13, CodeAssert14, CodeAssert15, CodeAssert16, CodeAssert17, CodeAssert18, CodeAssert19}

// AssertionCode returns the code of assertion n (1..19) of the schema, ""
// for another n.
func AssertionCode(n int) violation.Code {
	if n < 1 || n > 19 {
		return ""
	}
	return assertionCodes[n]
}

// Codes is the catalogue of every code the validator and the reader report,
// with its severity and a description citing its source. Only
// SAFT-RULE-LINENUMBER is a warning: a file with warnings alone is valid.
var Codes = violation.NewCatalogue(catalogue()...)

func catalogue() []violation.Entry {
	entries := []violation.Entry{
		{Code: CodeFacetRequired, Severity: violation.SeverityError, Description: "a mandatory element is missing or empty"},
		{Code: CodeFacetOccurs, Severity: violation.SeverityError, Description: "a repeated element occurs fewer times than the schema's minOccurs"},
		{Code: CodeFacetChoice, Severity: violation.SeverityError, Description: "an xs:choice of the schema has none or more than one of its alternatives"},
		{Code: CodeFacetMinLength, Severity: violation.SeverityError, Description: "a text is shorter than the schema's minLength"},
		{Code: CodeFacetMaxLength, Severity: violation.SeverityError, Description: "a text is longer than the schema's maxLength"},
		{Code: CodeFacetLength, Severity: violation.SeverityError, Description: "a text does not have the schema's exact length"},
		{Code: CodeFacetPattern, Severity: violation.SeverityError, Description: "a text does not match the schema's pattern"},
		{Code: CodeFacetEnum, Severity: violation.SeverityError, Description: "a code is not one of the schema's enumerated values"},
		{Code: CodeFacetMin, Severity: violation.SeverityError, Description: "a number is below the schema's minimum (amounts are never negative)"},
		{Code: CodeFacetMax, Severity: violation.SeverityError, Description: "a number is above the schema's maximum"},
		{Code: CodeFacetChar, Severity: violation.SeverityError, Description: "a text holds a character XML 1.0 cannot carry, or invalid UTF-8"},
		{Code: CodeFacetType, Severity: violation.SeverityError, Description: "a value is not of its base type: an invalid date or date-time, or an integer with other characters than digits"},

		{Code: CodeUniqueAccount, Severity: violation.SeverityError, Description: "AccountID repeated in GeneralLedgerAccounts"},
		{Code: CodeUniqueCustomer, Severity: violation.SeverityError, Description: "CustomerID repeated in Customer"},
		{Code: CodeUniqueSupplier, Severity: violation.SeverityError, Description: "SupplierID repeated in Supplier"},
		{Code: CodeUniqueProduct, Severity: violation.SeverityError, Description: "ProductCode repeated in Product"},
		{Code: CodeUniqueJournal, Severity: violation.SeverityError, Description: "JournalID repeated in GeneralLedgerEntries"},
		{Code: CodeUniqueTransaction, Severity: violation.SeverityError, Description: "TransactionID repeated in GeneralLedgerEntries"},
		{Code: CodeUniqueInvoiceNo, Severity: violation.SeverityError, Description: "InvoiceNo repeated in SalesInvoices"},
		{Code: CodeUniqueStockMovement, Severity: violation.SeverityError, Description: "DocumentNumber repeated in MovementOfGoods"},
		{Code: CodeUniqueWorkDocument, Severity: violation.SeverityError, Description: "DocumentNumber repeated in WorkingDocuments"},
		{Code: CodeUniquePaymentRefNo, Severity: violation.SeverityError, Description: "PaymentRefNo repeated in Payments"},

		{Code: CodeKeyrefGroupingCode, Severity: violation.SeverityError, Description: "GroupingCode is not the AccountID of an account of GeneralLedgerAccounts"},
		{Code: CodeKeyrefAccount, Severity: violation.SeverityError, Description: "a general-ledger line's AccountID is not in GeneralLedgerAccounts"},
		{Code: CodeKeyrefCustomer, Severity: violation.SeverityError, Description: "CustomerID is not in the Customer table"},
		{Code: CodeKeyrefSupplier, Severity: violation.SeverityError, Description: "SupplierID is not in the Supplier table"},
		{Code: CodeKeyrefProduct, Severity: violation.SeverityError, Description: "ProductCode is not in the Product table"},
		{Code: CodeKeyrefMasterAccount, Severity: violation.SeverityError, Description: "a customer's or supplier's AccountID is neither \"Desconhecido\" nor an account of GeneralLedgerAccounts (Portaria 302/2016, fields 2.2.2 and 2.3.2)"},
		{Code: CodeKeyrefTax, Severity: violation.SeverityError, Description: "a line's TaxType/TaxCountryRegion/TaxCode is not an entry of TaxTable: TaxCode is \"the code of the rate in the tax table\" (Portaria 302/2016, fields 4.1.4.19.15.3, 4.2.3.21.12.3, 4.3.4.14.15.3, 4.4.4.14.6.3) and the documents' elements exist in the master tables (Despacho 8632/2014, §2.6.3)"},

		{Code: CodeRuleHeaderPeriod, Severity: violation.SeverityError, Description: "Header StartDate is after EndDate"},
		{Code: CodeRuleHeaderDateCreated, Severity: violation.SeverityError, Description: "Header DateCreated is before EndDate: the file covers its period up to its creation at most (Portaria 302/2016, Annex I, 1.c)"},
		{Code: CodeRuleDocumentDate, Severity: violation.SeverityError, Description: "a source document is dated outside the Header's StartDate..EndDate (Portaria 302/2016, Annex I, 1.c)"},
		{Code: CodeRuleHashMissing, Severity: violation.SeverityError, Description: "a document signed according to its HashControl has no signature in Hash (Portaria 302/2016, fields 4.1.4.4/4.1.4.5, 4.2.3.4/4.2.3.5, 4.3.4.4/4.3.4.5)"},
		{Code: CodeRuleHashFormat, Severity: violation.SeverityError, Description: "Hash is neither \"0\" nor a 172-character base64 RSA signature (Despacho 8632/2014, Annex; Portaria 363/2010)"},
		{Code: CodeRuleHashControl, Severity: violation.SeverityError, Description: "HashControl does not have the form its SourceBilling requires (Despacho 8632/2014, §2.3.4 e), 2.4.5, 2.5.5)"},
		{Code: CodeRuleLineNumber, Severity: violation.SeverityWarning, Description: "a LineNumber is repeated within a document. Lines are exported in the order of the original document (Portaria 302/2016, fields 4.1.4.19.1, 4.2.3.21.1, 4.3.4.14.1, 4.4.4.14.1), which a repeated number leaves ambiguous; only the unofficial English translation adds \"must be unique within the document\", so this is a warning"},
		{Code: CodeRuleDocumentCode, Severity: violation.SeverityError, Description: "the same internal document-type code is used for different document types (Portaria 302/2016, section 4 and fields 4.1.4.1, 4.2.3.1, 4.3.4.1, 4.4.4.1)"},
		{Code: CodeRuleTransactionID, Severity: violation.SeverityError, Description: "a general-ledger TransactionID is not TransactionDate, JournalID and DocArchivalNumber joined by spaces (Portaria 302/2016, field 3.4.3.1)"},
		{Code: CodeRuleTransactionRef, Severity: violation.SeverityError, Description: "a document of an integrated accounting and invoicing file (TaxAccountingBasis I) has no TransactionID (Portaria 302/2016, fields 4.1.4.13, 4.4.4.4)"},
		{Code: CodeRuleFinalConsumer, Severity: violation.SeverityError, Description: "the generic final consumer (CustomerTaxID 999999990) is named \"Consumidor final\" and its billing address is \"Desconhecido\" (Portaria 302/2016, fields 2.2.3, 2.2.4, 2.2.6.3 to 2.2.6.5, 2.2.6.7)"},
		{Code: CodeRuleTaxCode, Severity: violation.SeverityError, Description: "TaxCode is not allowed for its TaxType: VAT (IVA) uses RED, INT, NOR, ISE or OUT; not subject (NS) uses NS, or NA in TaxTable and receipts (Portaria 302/2016, fields 2.5.1.3, 4.1.4.19.15.3, 4.4.4.14.6.3)"},
		{Code: CodeRuleTaxonomyCode, Severity: violation.SeverityError, Description: "with TaxonomyReference O, TaxonomyCode must be 1 (Portaria 302/2016, field 2.1.2.9)"},
		{Code: CodeRuleHeaderNIF, Severity: violation.SeverityError, Description: "Header TaxRegistrationNumber is not a valid Portuguese NIF: nine digits with a correct check digit (Portaria 302/2016, field 1.3)"},
		{Code: CodeRuleGrossTotalScale, Severity: violation.SeverityError, Description: "a document's GrossTotal has more than 2 decimals: it is exported as signed, rounded to 2 decimals (Despacho 8632/2014, §2.6.7)"},
		{Code: CodeRuleSelfBilling, Severity: violation.SeverityError, Description: "a self-billed invoice (InvoiceStatus S) has SelfBillingIndicator 0; it must be 1 (Portaria 302/2016, fields 4.1.4.3.1, 4.1.4.9.1)"},
		{Code: CodeRuleTaxIDPrefix, Severity: violation.SeverityError, Description: "a customer's or supplier's tax ID is written with the country prefix PT; it is written without it (Portaria 302/2016, fields 2.2.3, 2.3.3)"},
		{Code: CodeRuleTaxEntity, Severity: violation.SeverityError, Description: "an accounting (C) or integrated (I) file has TaxEntity \"Sede\" (Portaria 302/2016, field 1.13)"},
		{Code: CodeRuleExemptRate, Severity: violation.SeverityError, Description: "an exempt (TaxCode ISE) or not subject (TaxType or TaxCode NS) tax has TaxPercentage 0 (Portaria 302/2016, fields 2.5.1.6, 4.1.4.19.15.4, 4.2.3.21.12.4, 4.3.4.14.15.4, 4.4.4.14.6.4)"},
	}
	for n := 1; n <= 19; n++ {
		entries = append(entries, violation.Entry{Code: assertionCodes[n], Severity: violation.SeverityError,
			Description: "assertion " + strconv.Itoa(n) + " of the XSD 1.1 schema: " + assertionRules[n]})
	}
	return append(entries,
		violation.Entry{Code: CodeReadUnexpected, Severity: violation.SeverityError, Description: "an element or text the schema does not allow at that place"},
		violation.Entry{Code: CodeReadOrder, Severity: violation.SeverityError, Description: "an element out of the schema's order, or repeated"},
		violation.Entry{Code: CodeReadValue, Severity: violation.SeverityError, Description: "a number, date or indicator that does not parse, or an empty element"},
		violation.Entry{Code: CodeReadAttribute, Severity: violation.SeverityError, Description: "an attribute the schema does not allow (it declares none), or xsi:nil on an element that is not nillable"},
	)
}
