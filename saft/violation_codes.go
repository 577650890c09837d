package saft

import (
	"slices"
	"strconv"
)

// Codes of the violations Validate and the Check* functions report. They
// are stable: a code keeps its meaning across versions.
//
// SAFT-FACET-*: what the XSD 1.0 schema (SAFTPT1.04_01.xsd10.xsd) checks on
// one element: presence, length, pattern, enumeration, range, choice.
const (
	CodeFacetRequired  = "SAFT-FACET-REQUIRED" // a mandatory element is missing or empty
	CodeFacetOccurs    = "SAFT-FACET-OCCURS"   // a repeated element occurs fewer times than minOccurs
	CodeFacetChoice    = "SAFT-FACET-CHOICE"   // an xs:choice has none or both of its alternatives
	CodeFacetMinLength = "SAFT-FACET-MINLEN"   // shorter than minLength
	CodeFacetMaxLength = "SAFT-FACET-MAXLEN"   // longer than maxLength
	CodeFacetLength    = "SAFT-FACET-LENGTH"   // not exactly xs:length characters
	CodeFacetPattern   = "SAFT-FACET-PATTERN"  // does not match the pattern
	CodeFacetEnum      = "SAFT-FACET-ENUM"     // not one of the enumerated values
	CodeFacetMin       = "SAFT-FACET-MIN"      // below minInclusive (negative amounts included)
	CodeFacetMax       = "SAFT-FACET-MAX"      // above maxInclusive
	CodeFacetChar      = "SAFT-FACET-CHAR"     // a character XML 1.0 cannot carry, or invalid UTF-8
	CodeFacetType      = "SAFT-FACET-TYPE"     // not a value of the base type (xs:date, xs:dateTime, xs:integer)
)

// SAFT-ASSERT-NN: the 19 xs:assert of the XSD 1.1 schema
// (SAFTPT1.04_01.asserts.txt), numbered in the order of that file. See
// assertionRules for each one in plain words.
const (
	CodeAssert01 = "SAFT-ASSERT-01" // Account: TaxonomyCode present iff GroupingCategory GM
	CodeAssert02 = "SAFT-ASSERT-02" // Account: GroupingCode absent for GR/AR, present for GA/AA/GM/AM
	CodeAssert03 = "SAFT-ASSERT-03" // Invoice line: TaxAmount ≠ 0 iff no TaxExemptionReason
	CodeAssert04 = "SAFT-ASSERT-04" // Invoice line: TaxPercentage ≠ 0 iff no TaxExemptionReason
	CodeAssert05 = "SAFT-ASSERT-05" // Invoice line: TaxExemptionReason and TaxExemptionCode together
	CodeAssert06 = "SAFT-ASSERT-06" // Invoice line: with TaxBase, UnitPrice is 0
	CodeAssert07 = "SAFT-ASSERT-07" // Invoice line: with TaxBase, Debit/CreditAmount is 0
	CodeAssert08 = "SAFT-ASSERT-08" // StockMovement line: TaxPercentage ≠ 0 iff no TaxExemptionReason
	CodeAssert09 = "SAFT-ASSERT-09" // StockMovement line: TaxExemptionReason and TaxExemptionCode together
	CodeAssert10 = "SAFT-ASSERT-10" // WorkDocument line: TaxAmount ≠ 0 iff no TaxExemptionReason
	CodeAssert11 = "SAFT-ASSERT-11" // WorkDocument line: TaxPercentage ≠ 0 iff no TaxExemptionReason
	CodeAssert12 = "SAFT-ASSERT-12" // WorkDocument line: TaxExemptionReason and TaxExemptionCode together
	CodeAssert13 = "SAFT-ASSERT-13" // WorkDocument line: with TaxBase, UnitPrice is 0
	CodeAssert14 = "SAFT-ASSERT-14" // WorkDocument line: with TaxBase, Debit/CreditAmount is 0
	CodeAssert15 = "SAFT-ASSERT-15" // Payment line: TaxAmount ≠ 0 iff no TaxExemptionReason
	CodeAssert16 = "SAFT-ASSERT-16" // Payment line: TaxPercentage ≠ 0 iff no TaxExemptionReason
	CodeAssert17 = "SAFT-ASSERT-17" // Payment line: TaxExemptionReason and TaxExemptionCode together
	CodeAssert18 = "SAFT-ASSERT-18" // Payment line: a line of an RC payment has Tax
	CodeAssert19 = "SAFT-ASSERT-19" // Payment: RG, or RC with a line whose Tax has TaxType
)

// SAFT-UNIQUE-* and SAFT-KEYREF-*: the xs:unique and xs:keyref constraints
// of the schema's AuditFile element, plus the references the Portaria and
// Despacho 8632/2014 §2.6.3 add (master-file accounts, tax table).
const (
	CodeUniqueAccount       = "SAFT-UNIQUE-ACCOUNT"       // AccountIDConstraint
	CodeUniqueCustomer      = "SAFT-UNIQUE-CUSTOMER"      // CustomerIDConstraint
	CodeUniqueSupplier      = "SAFT-UNIQUE-SUPPLIER"      // SupplierIDConstraint
	CodeUniqueProduct       = "SAFT-UNIQUE-PRODUCT"       // ProductCodeConstraint
	CodeUniqueJournal       = "SAFT-UNIQUE-JOURNAL"       // GeneralLedgerEntriesJournalIdConstraint
	CodeUniqueTransaction   = "SAFT-UNIQUE-TRANSACTION"   // GeneralLedgerEntriesTransactionIdConstraint
	CodeUniqueInvoiceNo     = "SAFT-UNIQUE-INVOICENO"     // InvoiceNoConstraint
	CodeUniqueStockMovement = "SAFT-UNIQUE-STOCKMOVEMENT" // DocumentNumberConstraint
	CodeUniqueWorkDocument  = "SAFT-UNIQUE-WORKDOCUMENT"  // WorkDocumentDocumentNumberConstraint
	CodeUniquePaymentRefNo  = "SAFT-UNIQUE-PAYMENTREFNO"  // PaymentPaymentRefNoConstraint

	CodeKeyrefGroupingCode  = "SAFT-KEYREF-GROUPINGCODE"  // GroupingCodeConstraint
	CodeKeyrefAccount       = "SAFT-KEYREF-ACCOUNT"       // GeneralLedgerEntries{Debit,Credit}LineAccountIDConstraint
	CodeKeyrefCustomer      = "SAFT-KEYREF-CUSTOMER"      // *CustomerIDConstraint
	CodeKeyrefSupplier      = "SAFT-KEYREF-SUPPLIER"      // *SupplierIDConstraint
	CodeKeyrefProduct       = "SAFT-KEYREF-PRODUCT"       // *ProductCodeConstraint
	CodeKeyrefMasterAccount = "SAFT-KEYREF-MASTERACCOUNT" // Customer/Supplier AccountID not in the chart of accounts (Portaria fields 2.2.2, 2.3.2)
	CodeKeyrefTax           = "SAFT-KEYREF-TAX"           // a line's Tax not in TaxTable (Despacho 8632/2014 §2.6.3)
)

// SAFT-RULE-*: rules of Portaria 302/2016 (technical notes, cited by field
// index) and Despacho 8632/2014 that no schema can express.
const (
	CodeRuleHeaderPeriod      = "SAFT-RULE-HEADER-PERIOD"          // StartDate after EndDate (1.9, 1.10)
	CodeRuleHeaderDateCreated = "SAFT-RULE-HEADER-DATECREATED"     // file created before its EndDate (Annex I 1.c, 1.12)
	CodeRuleDocumentDate      = "SAFT-RULE-DOCUMENT-DATE"          // a source document dated outside StartDate..EndDate (Annex I 1.c)
	CodeRuleHashMissing       = "SAFT-RULE-HASH-MISSING"           // a signed document (HashControl ≠ 0) without signature (4.1.4.4)
	CodeRuleHashFormat        = "SAFT-RULE-HASH-FORMAT"            // Hash neither "0" nor 172 base64 characters (Despacho 8632/2014)
	CodeRuleHashControl       = "SAFT-RULE-HASHCONTROL"            // HashControl form does not fit SourceBilling (Despacho 8632/2014 §2.3.4, 2.4.5, 2.5.5)
	CodeRuleLineNumber        = "SAFT-RULE-LINENUMBER"             // warning: LineNumber repeated within a document (4.1.4.19.1 and the like)
	CodeRuleDocumentCode      = "SAFT-RULE-DOCUMENT-CODE"          // one internal code used for two document types (4.1.4.1, 4.2.3.1, 4.3.4.1, 4.4.4.1)
	CodeRuleTransactionID     = "SAFT-RULE-TRANSACTIONID"          // GL TransactionID not "TransactionDate JournalID DocArchivalNumber" (3.4.3.1)
	CodeRuleTransactionRef    = "SAFT-RULE-TRANSACTIONID-REQUIRED" // integrated file (I) document without TransactionID (4.1.4.13, 4.4.4.4)
	CodeRuleFinalConsumer     = "SAFT-RULE-FINAL-CONSUMER"         // NIF 999999990 not named "Consumidor final" (2.2.3, 2.2.4)
	CodeRuleTaxCode           = "SAFT-RULE-TAXCODE"                // TaxCode not allowed for the TaxType (4.1.4.19.15.3)
	CodeRuleTaxonomyCode      = "SAFT-RULE-TAXONOMYCODE"           // TaxonomyReference O with TaxonomyCode ≠ 1 (2.1.2.9)
	CodeRuleHeaderNIF         = "SAFT-RULE-HEADER-NIF"             // TaxRegistrationNumber is not a valid Portuguese NIF (1.3)
	CodeRuleGrossTotalScale   = "SAFT-RULE-GROSSTOTAL-SCALE"       // GrossTotal with more than 2 decimals (Despacho 8632/2014 §2.6.7)
	CodeRuleSelfBilling       = "SAFT-RULE-SELFBILLING"            // InvoiceStatus S (self-billing) with SelfBillingIndicator 0 (4.1.4.3.1, 4.1.4.9.1)
	CodeRuleTaxIDPrefix       = "SAFT-RULE-TAXID-PREFIX"           // CustomerTaxID/SupplierTaxID with the PT country prefix (2.2.3, 2.3.3)
	CodeRuleTaxEntity         = "SAFT-RULE-TAXENTITY"              // accounting or integrated file whose TaxEntity is not "Sede" (1.13)
	CodeRuleExemptRate        = "SAFT-RULE-EXEMPT-RATE"            // exempt (ISE) or not subject (NS) tax with a TaxPercentage other than 0 (2.5.1.6, 4.1.4.19.15.4...)
)

// assertionCodes indexes CodeAssert01..19 by number.
var assertionCodes = [20]string{"", CodeAssert01, CodeAssert02, CodeAssert03, CodeAssert04, CodeAssert05,
	CodeAssert06, CodeAssert07, CodeAssert08, CodeAssert09, CodeAssert10, CodeAssert11, CodeAssert12,
	CodeAssert13, CodeAssert14, CodeAssert15, CodeAssert16, CodeAssert17, CodeAssert18, CodeAssert19}

// AssertionCode returns the code of assertion n (1..19) of the schema, ""
// for another n.
func AssertionCode(n int) string {
	if n < 1 || n > 19 {
		return ""
	}
	return assertionCodes[n]
}

var codeDescriptions = map[string]string{
	CodeFacetRequired:  "a mandatory element is missing or empty",
	CodeFacetOccurs:    "a repeated element occurs fewer times than the schema's minOccurs",
	CodeFacetChoice:    "an xs:choice of the schema has none or more than one of its alternatives",
	CodeFacetMinLength: "a text is shorter than the schema's minLength",
	CodeFacetMaxLength: "a text is longer than the schema's maxLength",
	CodeFacetLength:    "a text does not have the schema's exact length",
	CodeFacetPattern:   "a text does not match the schema's pattern",
	CodeFacetEnum:      "a code is not one of the schema's enumerated values",
	CodeFacetMin:       "a number is below the schema's minimum (amounts are never negative)",
	CodeFacetMax:       "a number is above the schema's maximum",
	CodeFacetChar:      "a text holds a character XML 1.0 cannot carry, or invalid UTF-8",
	CodeFacetType:      "a value is not of its base type: an invalid date or date-time, or an integer with other characters than digits",

	CodeUniqueAccount:       "AccountID repeated in GeneralLedgerAccounts",
	CodeUniqueCustomer:      "CustomerID repeated in Customer",
	CodeUniqueSupplier:      "SupplierID repeated in Supplier",
	CodeUniqueProduct:       "ProductCode repeated in Product",
	CodeUniqueJournal:       "JournalID repeated in GeneralLedgerEntries",
	CodeUniqueTransaction:   "TransactionID repeated in GeneralLedgerEntries",
	CodeUniqueInvoiceNo:     "InvoiceNo repeated in SalesInvoices",
	CodeUniqueStockMovement: "DocumentNumber repeated in MovementOfGoods",
	CodeUniqueWorkDocument:  "DocumentNumber repeated in WorkingDocuments",
	CodeUniquePaymentRefNo:  "PaymentRefNo repeated in Payments",

	CodeKeyrefGroupingCode:  "GroupingCode is not the AccountID of an account of GeneralLedgerAccounts",
	CodeKeyrefAccount:       "a general-ledger line's AccountID is not in GeneralLedgerAccounts",
	CodeKeyrefCustomer:      "CustomerID is not in the Customer table",
	CodeKeyrefSupplier:      "SupplierID is not in the Supplier table",
	CodeKeyrefProduct:       "ProductCode is not in the Product table",
	CodeKeyrefMasterAccount: "a customer's or supplier's AccountID is neither \"Desconhecido\" nor an account of GeneralLedgerAccounts (Portaria 302/2016, fields 2.2.2 and 2.3.2)",
	CodeKeyrefTax:           "a line's TaxType/TaxCountryRegion/TaxCode is not an entry of TaxTable: TaxCode is \"the code of the rate in the tax table\" (Portaria 302/2016, fields 4.1.4.19.15.3, 4.2.3.21.12.3, 4.3.4.14.15.3, 4.4.4.14.6.3) and the documents' elements exist in the master tables (Despacho 8632/2014, §2.6.3)",

	CodeRuleHeaderPeriod:      "Header StartDate is after EndDate",
	CodeRuleHeaderDateCreated: "Header DateCreated is before EndDate: the file covers its period up to its creation at most (Portaria 302/2016, Annex I, 1.c)",
	CodeRuleDocumentDate:      "a source document is dated outside the Header's StartDate..EndDate (Portaria 302/2016, Annex I, 1.c)",
	CodeRuleHashMissing:       "a document signed according to its HashControl has no signature in Hash (Portaria 302/2016, fields 4.1.4.4/4.1.4.5, 4.2.3.4/4.2.3.5, 4.3.4.4/4.3.4.5)",
	CodeRuleHashFormat:        "Hash is neither \"0\" nor a 172-character base64 RSA signature (Despacho 8632/2014, Annex; Portaria 363/2010)",
	CodeRuleHashControl:       "HashControl does not have the form its SourceBilling requires (Despacho 8632/2014, §2.3.4 e), 2.4.5, 2.5.5)",
	CodeRuleLineNumber:        "warning: a LineNumber is repeated within a document. Lines are exported in the order of the original document (Portaria 302/2016, fields 4.1.4.19.1, 4.2.3.21.1, 4.3.4.14.1, 4.4.4.14.1), which a repeated number leaves ambiguous; only the unofficial English translation adds \"must be unique within the document\", so this is a warning (IsWarning)",
	CodeRuleDocumentCode:      "the same internal document-type code is used for different document types (Portaria 302/2016, section 4 and fields 4.1.4.1, 4.2.3.1, 4.3.4.1, 4.4.4.1)",
	CodeRuleTransactionID:     "a general-ledger TransactionID is not TransactionDate, JournalID and DocArchivalNumber joined by spaces (Portaria 302/2016, field 3.4.3.1)",
	CodeRuleTransactionRef:    "a document of an integrated accounting and invoicing file (TaxAccountingBasis I) has no TransactionID (Portaria 302/2016, fields 4.1.4.13, 4.4.4.4)",
	CodeRuleFinalConsumer:     "the generic final consumer (CustomerTaxID 999999990) is named \"Consumidor final\" and its billing address is \"Desconhecido\" (Portaria 302/2016, fields 2.2.3, 2.2.4, 2.2.6.3 to 2.2.6.5, 2.2.6.7)",
	CodeRuleTaxCode:           "TaxCode is not allowed for its TaxType: VAT (IVA) uses RED, INT, NOR, ISE or OUT; not subject (NS) uses NS, or NA in TaxTable and receipts (Portaria 302/2016, fields 2.5.1.3, 4.1.4.19.15.3, 4.4.4.14.6.3)",
	CodeRuleTaxonomyCode:      "with TaxonomyReference O, TaxonomyCode must be 1 (Portaria 302/2016, field 2.1.2.9)",
	CodeRuleHeaderNIF:         "Header TaxRegistrationNumber is not a valid Portuguese NIF: nine digits with a correct check digit (Portaria 302/2016, field 1.3)",
	CodeRuleGrossTotalScale:   "a document's GrossTotal has more than 2 decimals: it is exported as signed, rounded to 2 decimals (Despacho 8632/2014, §2.6.7)",
	CodeRuleSelfBilling:       "a self-billed invoice (InvoiceStatus S) has SelfBillingIndicator 0; it must be 1 (Portaria 302/2016, fields 4.1.4.3.1, 4.1.4.9.1)",
	CodeRuleTaxIDPrefix:       "a customer's or supplier's tax ID is written with the country prefix PT; it is written without it (Portaria 302/2016, fields 2.2.3, 2.3.3)",
	CodeRuleTaxEntity:         "an accounting (C) or integrated (I) file has TaxEntity \"Sede\" (Portaria 302/2016, field 1.13)",
	CodeRuleExemptRate:        "an exempt (TaxCode ISE) or not subject (TaxType or TaxCode NS) tax has TaxPercentage 0 (Portaria 302/2016, fields 2.5.1.6, 4.1.4.19.15.4, 4.2.3.21.12.4, 4.3.4.14.15.4, 4.4.4.14.6.4)",
}

func init() {
	for n := 1; n <= 19; n++ {
		codeDescriptions[assertionCodes[n]] = "assertion " + strconv.Itoa(n) + " of the XSD 1.1 schema: " + assertionRules[n]
	}
}

// CodeDescription describes a violation code in a sentence; "" for an
// unknown code.
func CodeDescription(code string) string { return codeDescriptions[code] }

// Codes returns every code this package can report, sorted.
func Codes() []string {
	out := make([]string, 0, len(codeDescriptions))
	for c := range codeDescriptions {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}
