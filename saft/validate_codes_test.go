package saft

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/xmllint"
	"github.com/faturapt/faturapt/violation"
)

// codeCase breaks one rule of the base file. codes is the exact set of
// codes Validate must report, path where the first of them is.
type codeCase struct {
	name   string
	codes  []violation.Code
	path   string
	mutate func(f *AuditFile)
}

const (
	pHeader = "/AuditFile/Header"
	pMF     = "/AuditFile/MasterFiles"
	pGL     = "/AuditFile/GeneralLedgerEntries/Journal[1]/Transaction[1]"
	pMvDoc  = "/AuditFile/SourceDocuments/MovementOfGoods/StockMovement[1]"
	pWdDoc  = "/AuditFile/SourceDocuments/WorkingDocuments/WorkDocument[1]"
)

func glTx(f *AuditFile) *Transaction { return &f.GeneralLedgerEntries.Journal[0].Transaction[0] }

var codeCases = []codeCase{
	// Facets.
	{"required", []violation.Code{CodeFacetRequired}, pHeader + "/CompanyName", func(f *AuditFile) { f.Header.CompanyName = "" }},
	{"required line tax", []violation.Code{CodeFacetRequired}, pInv0 + "/Line[1]/Tax", func(f *AuditFile) { invLine(f, 0, 0).Tax = nil }},
	{"maxlen", []violation.Code{CodeFacetMaxLength}, pMF + "/Customer[1]/CompanyName", func(f *AuditFile) {
		f.MasterFiles.Customer[0].CompanyName = strings.Repeat("ç", 101)
	}},
	{"minlen", []violation.Code{CodeFacetMinLength}, pMF + "/Product[1]/ProductDescription", func(f *AuditFile) {
		f.MasterFiles.Product[0].ProductDescription = "A"
	}},
	{"length", []violation.Code{CodeFacetLength}, pInv0 + "/EACCode", func(f *AuditFile) { f.SourceDocuments.SalesInvoices.Invoice[0].EACCode = "5510" }},
	{"pattern", []violation.Code{CodeFacetPattern}, pInv0 + "/InvoiceNo", func(f *AuditFile) { f.SourceDocuments.SalesInvoices.Invoice[0].InvoiceNo = "FTA/1" }},
	{"pattern country", []violation.Code{CodeFacetPattern}, pHeader + "/CompanyAddress/Country", func(f *AuditFile) { f.Header.CompanyAddress.Country = "Portugal" }},
	{"pattern hashcontrol", []violation.Code{CodeFacetPattern}, pInv0 + "/HashControl", func(f *AuditFile) {
		f.SourceDocuments.SalesInvoices.Invoice[0].HashControl = "Não certificado"
	}},
	{"enum", []violation.Code{CodeFacetEnum}, pInv0 + "/DocumentStatus/InvoiceStatus", func(f *AuditFile) {
		f.SourceDocuments.SalesInvoices.Invoice[0].DocumentStatus.InvoiceStatus = "X"
	}},
	{"enum currency", []violation.Code{CodeFacetEnum}, pHeader + "/CurrencyCode", func(f *AuditFile) { f.Header.CurrencyCode = "USD" }},
	{"min", []violation.Code{CodeFacetMin}, pInv0 + "/Line[1]/Quantity", func(f *AuditFile) { invLine(f, 0, 0).Quantity = fxDec("-1") }},
	{"max", []violation.Code{CodeFacetMax}, pInv0 + "/Period", func(f *AuditFile) { f.SourceDocuments.SalesInvoices.Invoice[0].Period = 13 }},
	{"max fiscal year", []violation.Code{CodeFacetMin}, pHeader + "/FiscalYear", func(f *AuditFile) { f.Header.FiscalYear = 1999 }},
	{"type integer", []violation.Code{CodeFacetType}, pHeader + "/TaxRegistrationNumber", func(f *AuditFile) { f.Header.TaxRegistrationNumber = "PT509999999" }},
	{"choice both", []violation.Code{CodeFacetChoice}, pInv0 + "/Line[1]/CreditAmount", func(f *AuditFile) { invLine(f, 0, 0).DebitAmount = fxDecp("1") }},
	{"choice none", []violation.Code{CodeFacetChoice}, pMvDoc + "/CustomerID", func(f *AuditFile) {
		f.SourceDocuments.MovementOfGoods.StockMovement[0].CustomerID = ""
	}},
	{"occurs", []violation.Code{CodeFacetOccurs}, pWdDoc + "/Line", func(f *AuditFile) { f.SourceDocuments.WorkingDocuments.WorkDocument[0].Line = nil }},

	// Keys.
	{"unique account", []violation.Code{CodeUniqueAccount}, pAccts + "[4]/AccountID", func(f *AuditFile) {
		a := account(f, 3)
		a.AccountID, a.GroupingCode = "211", "21"
		glTx(f).Lines.CreditLine[0].AccountID = "211"
	}},
	{"unique customer", []violation.Code{CodeUniqueCustomer}, pMF + "/Customer[2]/CustomerID", func(f *AuditFile) {
		f.MasterFiles.Customer[1].CustomerID = "C1"
		f.SourceDocuments.SalesInvoices.Invoice[1].CustomerID = "C1"
	}},
	{"unique supplier", []violation.Code{CodeUniqueSupplier}, pMF + "/Supplier[2]/SupplierID", func(f *AuditFile) {
		f.MasterFiles.Supplier = append(f.MasterFiles.Supplier, f.MasterFiles.Supplier[0])
	}},
	{"unique product", []violation.Code{CodeUniqueProduct}, pMF + "/Product[2]/ProductCode", func(f *AuditFile) {
		f.MasterFiles.Product[1].ProductCode = "ALOJ"
		invLine(f, 0, 1).ProductCode = "ALOJ"
		mvLine(f).ProductCode = "ALOJ"
	}},
	{"unique journal", []violation.Code{CodeUniqueJournal}, "/AuditFile/GeneralLedgerEntries/Journal[2]/JournalID", func(f *AuditFile) {
		f.GeneralLedgerEntries.Journal = append(f.GeneralLedgerEntries.Journal, Journal{JournalID: "VND", Description: "Outro"})
	}},
	{"unique transaction", []violation.Code{CodeUniqueTransaction}, "/AuditFile/GeneralLedgerEntries/Journal[1]/Transaction[2]/TransactionID", func(f *AuditFile) {
		j := &f.GeneralLedgerEntries.Journal[0]
		j.Transaction = append(j.Transaction, j.Transaction[0])
	}},
	{"unique invoice", []violation.Code{CodeUniqueInvoiceNo}, pInv1 + "/InvoiceNo", func(f *AuditFile) {
		i := &f.SourceDocuments.SalesInvoices.Invoice[1]
		i.InvoiceNo, i.InvoiceType = "FT A/1", "FT"
	}},
	{"unique stock movement", []violation.Code{CodeUniqueStockMovement}, pMvDoc[:len(pMvDoc)-3] + "[2]/DocumentNumber", func(f *AuditFile) {
		m := f.SourceDocuments.MovementOfGoods
		m.StockMovement = append(m.StockMovement, m.StockMovement[0])
	}},
	{"unique work document", []violation.Code{CodeUniqueWorkDocument}, pWdDoc[:len(pWdDoc)-3] + "[2]/DocumentNumber", func(f *AuditFile) {
		w := f.SourceDocuments.WorkingDocuments
		w.WorkDocument = append(w.WorkDocument, w.WorkDocument[0])
	}},
	{"unique payment", []violation.Code{CodeUniquePaymentRefNo}, "/AuditFile/SourceDocuments/Payments/Payment[2]/PaymentRefNo", func(f *AuditFile) {
		p := pay(f, 1)
		p.PaymentRefNo, p.PaymentType = "RC A/1", "RC"
		p.Line[0].Tax = pay(f, 0).Line[0].Tax
	}},
	{"keyref grouping code", []violation.Code{CodeKeyrefGroupingCode}, pAccts + "[2]/GroupingCode", func(f *AuditFile) { account(f, 1).GroupingCode = "99" }},
	{"keyref account", []violation.Code{CodeKeyrefAccount}, pGL + "/Lines/DebitLine[1]/AccountID", func(f *AuditFile) { glTx(f).Lines.DebitLine[0].AccountID = "999" }},
	{"keyref customer", []violation.Code{CodeKeyrefCustomer}, pInv0 + "/CustomerID", func(f *AuditFile) { f.SourceDocuments.SalesInvoices.Invoice[0].CustomerID = "C9" }},
	{"keyref customer ledger", []violation.Code{CodeKeyrefCustomer}, pGL + "/CustomerID", func(f *AuditFile) { glTx(f).CustomerID = "C9" }},
	{"keyref supplier", []violation.Code{CodeKeyrefSupplier}, pMvDoc + "/SupplierID", func(f *AuditFile) {
		m := &f.SourceDocuments.MovementOfGoods.StockMovement[0]
		m.CustomerID, m.SupplierID = "", "S9"
	}},
	{"keyref product", []violation.Code{CodeKeyrefProduct}, pWd + "/ProductCode", func(f *AuditFile) { wdLine(f).ProductCode = "NOPE" }},
	{"keyref master account", []violation.Code{CodeKeyrefMasterAccount}, pMF + "/Customer[1]/AccountID", func(f *AuditFile) { f.MasterFiles.Customer[0].AccountID = "2119" }},
	{"keyref tax", []violation.Code{CodeKeyrefTax}, pInv0 + "/Line[1]/Tax", func(f *AuditFile) { invLine(f, 0, 0).Tax.TaxCode = TaxCodeIntermediate }},
	{"keyref tax region", []violation.Code{CodeKeyrefTax}, pMv + "/Tax", func(f *AuditFile) { mvLine(f).Tax.TaxCountryRegion = "PT-MA" }},

	// Rules of the Portaria and the Despacho.
	{"header period", []violation.Code{CodeRuleHeaderPeriod}, pHeader + "/EndDate", func(f *AuditFile) { f.Header.StartDate = fxDate("2026-02-01") }},
	{"header date created", []violation.Code{CodeRuleHeaderDateCreated}, pHeader + "/DateCreated", func(f *AuditFile) { f.Header.DateCreated = fxDate("2026-01-20") }},
	{"header nif", []violation.Code{CodeRuleHeaderNIF}, pHeader + "/TaxRegistrationNumber", func(f *AuditFile) { f.Header.TaxRegistrationNumber = "509999998" }},
	{"header tax entity", []violation.Code{CodeRuleTaxEntity}, pHeader + "/TaxEntity", func(f *AuditFile) {
		f.Header.TaxAccountingBasis = TaxAccountingBasisAccounting
		f.Header.TaxEntity = TaxEntityGlobal
	}},
	{"document date", []violation.Code{CodeRuleDocumentDate}, pInv0 + "/InvoiceDate", func(f *AuditFile) {
		f.SourceDocuments.SalesInvoices.Invoice[0].InvoiceDate = fxDate("2025-12-31")
	}},
	{"payment date", []violation.Code{CodeRuleDocumentDate}, pPay0 + "/TransactionDate", func(f *AuditFile) { pay(f, 0).TransactionDate = fxDate("2026-02-01") }},
	{"hash missing", []violation.Code{CodeRuleHashMissing}, pInv0 + "/Hash", func(f *AuditFile) { f.SourceDocuments.SalesInvoices.Invoice[0].Hash = "0" }},
	{"hash format", []violation.Code{CodeRuleHashFormat}, pMvDoc + "/Hash", func(f *AuditFile) {
		f.SourceDocuments.MovementOfGoods.StockMovement[0].Hash = strings.Repeat("A", 171)
	}},
	{"hash control unsigned", []violation.Code{CodeRuleHashControl}, pWdDoc + "/HashControl", func(f *AuditFile) {
		f.SourceDocuments.WorkingDocuments.WorkDocument[0].HashControl = "0"
	}},
	{"hash control integrated", []violation.Code{CodeRuleHashControl}, pInv0 + "/HashControl", func(f *AuditFile) {
		f.SourceDocuments.SalesInvoices.Invoice[0].DocumentStatus.SourceBilling = SourceBillingIntegrated
	}},
	{"hash control manual type", []violation.Code{CodeRuleHashControl}, pInv0 + "/HashControl", func(f *AuditFile) {
		i := &f.SourceDocuments.SalesInvoices.Invoice[0]
		i.DocumentStatus.SourceBilling, i.HashControl = SourceBillingManual, "1-GRM abc/00001"
	}},
	{"document code", []violation.Code{CodeRuleDocumentCode}, pWdDoc + "/DocumentNumber", func(f *AuditFile) {
		f.SourceDocuments.WorkingDocuments.WorkDocument[0].DocumentNumber = "FT B/1"
	}},
	{"transaction id", []violation.Code{CodeRuleTransactionID}, pGL + "/TransactionID", func(f *AuditFile) { glTx(f).TransactionID = "2026-01-11 VND 1" }},
	{"transaction required", []violation.Code{CodeRuleTransactionRef}, pInv0 + "/TransactionID", func(f *AuditFile) {
		f.Header.TaxAccountingBasis, f.Header.TaxEntity = TaxAccountingBasisIntegrated, "Sede"
		for i := range f.SourceDocuments.SalesInvoices.Invoice[1:] {
			f.SourceDocuments.SalesInvoices.Invoice[i+1].TransactionID = "2026-01-10 VND 1"
		}
		for i := range f.SourceDocuments.Payments.Payment {
			f.SourceDocuments.Payments.Payment[i].TransactionID = "2026-01-10 VND 1"
		}
	}},
	// The AT's demonstration file (TaxAccountingBasis I) has annulled
	// invoices without TransactionID: annulled before posting, they have no
	// accounting entry.
	{"transaction not required when annulled", nil, "", func(f *AuditFile) {
		f.Header.TaxAccountingBasis, f.Header.TaxEntity = TaxAccountingBasisIntegrated, "Sede"
		for i := range f.SourceDocuments.SalesInvoices.Invoice[1:] {
			f.SourceDocuments.SalesInvoices.Invoice[i+1].TransactionID = "2026-01-10 VND 1"
		}
		for i := range f.SourceDocuments.Payments.Payment {
			f.SourceDocuments.Payments.Payment[i].TransactionID = "2026-01-10 VND 1"
		}
		ds := &f.SourceDocuments.SalesInvoices.Invoice[0].DocumentStatus
		ds.InvoiceStatus, ds.Reason = InvoiceStatusCancelled, "Erro na identificação do cliente"
	}},
	{"final consumer", []violation.Code{CodeRuleFinalConsumer}, pMF + "/Customer[2]/CompanyName", func(f *AuditFile) { f.MasterFiles.Customer[1].CompanyName = "Cliente" }},
	{"tax code", []violation.Code{CodeRuleTaxCode}, pMF + "/TaxTable/TaxTableEntry[5]/TaxCode", func(f *AuditFile) {
		tt := f.MasterFiles.TaxTable
		tt.TaxTableEntry = append(tt.TaxTableEntry, TaxTableEntry{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: "NS", Description: "Errada", TaxPercentage: fxDecp("0")})
	}},
	{"taxonomy code", []violation.Code{CodeRuleTaxonomyCode}, pAccts + "[2]/TaxonomyCode", func(f *AuditFile) {
		f.MasterFiles.GeneralLedgerAccounts.TaxonomyReference = TaxonomyReferenceOther
		account(f, 3).TaxonomyCode = 1
	}},
	{"gross total scale", []violation.Code{CodeRuleGrossTotalScale}, pWdDoc + "/DocumentTotals/GrossTotal", func(f *AuditFile) {
		f.SourceDocuments.WorkingDocuments.WorkDocument[0].DocumentTotals.GrossTotal = fxDec("123.001")
	}},
	{"gross total trailing zeros", nil, "", func(f *AuditFile) {
		f.SourceDocuments.WorkingDocuments.WorkDocument[0].DocumentTotals.GrossTotal = fxDec("123.0000")
	}},
	{"self-billing", []violation.Code{CodeRuleSelfBilling}, pInv0 + "/SpecialRegimes/SelfBillingIndicator", func(f *AuditFile) {
		f.SourceDocuments.SalesInvoices.Invoice[0].DocumentStatus.InvoiceStatus = InvoiceStatusSelfBilled
	}},
	{"self-billing kept", nil, "", func(f *AuditFile) {
		i := &f.SourceDocuments.SalesInvoices.Invoice[0]
		i.DocumentStatus.InvoiceStatus, i.SpecialRegimes.SelfBillingIndicator = InvoiceStatusSelfBilled, true
	}},
	{"tax id prefix", []violation.Code{CodeRuleTaxIDPrefix}, pMF + "/Supplier[1]/SupplierTaxID", func(f *AuditFile) {
		f.MasterFiles.Supplier[0].SupplierTaxID = "PT500000000"
	}},
	{"foreign tax id", nil, "", func(f *AuditFile) { f.MasterFiles.Customer[0].CustomerTaxID = "B12345678" }},
	{"tax entity kept", nil, "", func(f *AuditFile) {
		f.Header.TaxAccountingBasis, f.Header.TaxEntity = TaxAccountingBasisAccounting, "Sede"
	}},
	{"exempt rate", []violation.Code{CodeRuleExemptRate}, pMv + "/Tax/TaxPercentage", func(f *AuditFile) {
		mvLine(f).Tax.TaxCode = TaxCodeExempt // at 6%
	}},
	{"exempt rate table", []violation.Code{CodeRuleExemptRate}, pMF + "/TaxTable/TaxTableEntry[5]/TaxPercentage", func(f *AuditFile) {
		tt := f.MasterFiles.TaxTable
		tt.TaxTableEntry = append(tt.TaxTableEntry, TaxTableEntry{TaxType: TaxTypeNotSubject, TaxCountryRegion: "PT", TaxCode: "NS", Description: "Não sujeito", TaxPercentage: fxDecp("6")})
	}},
	{"final consumer address", []violation.Code{CodeRuleFinalConsumer}, pMF + "/Customer[2]/BillingAddress/City", func(f *AuditFile) {
		f.MasterFiles.Customer[1].BillingAddress.City = "Lisboa"
	}},
	{"ledger lines", []violation.Code{CodeFacetOccurs}, pGL + "/Lines/CreditLine", func(f *AuditFile) { glTx(f).Lines.CreditLine = nil }},
}

// schemaCodes are the codes the XSD 1.0 schema checks too: xmllint must
// reject a file that breaks one of them, and accept the others.
func schemaCode(c codeCase) bool {
	switch {
	case c.name == "ledger lines": // XSD 1.1 only (xs:all)
		return false
	case c.codes[0] == CodeKeyrefMasterAccount || c.codes[0] == CodeKeyrefTax:
		return false
	}
	p := string(c.codes[0])
	return strings.HasPrefix(p, "SAFT-FACET-") || strings.HasPrefix(p, "SAFT-UNIQUE-") || strings.HasPrefix(p, "SAFT-KEYREF-")
}

// TestCodes breaks the base file once per rule and checks the exact codes
// reported and the path. Where the writer can write the broken file, it
// also asks xmllint: the schema must reject what we call a schema
// violation (facets, keys) and accept the rest (assertions and rules it
// cannot express) — our checks and the official schema agree.
func TestCodes(t *testing.T) {
	_, lint := xmllint.Lookup(t)
	seen := map[violation.Code]bool{}
	for _, tc := range codeCases {
		t.Run(tc.name, func(t *testing.T) {
			f := valFile()
			tc.mutate(f)
			vs := violations(t, f)
			assert.Equal(t, tc.codes, codesOf(vs), "violations: %v", vs)
			if len(tc.codes) == 0 {
				return
			}
			found := false
			for _, v := range vs {
				seen[v.Code] = true
				if v.Code == tc.codes[0] && v.Path == tc.path {
					found = true
					assert.NotEmpty(t, v.Message)
				}
			}
			assert.True(t, found, "no %s at %s in %v", tc.codes[0], tc.path, vs)
			if !lint {
				return
			}
			var buf bytes.Buffer
			if err := WriteAuditFile(&buf, f, WithoutValidation()); err != nil {
				t.Logf("the writer refuses this file (%v): no schema comparison", err)
				return
			}
			err := xmllint.Validate(t, schema, buf.Bytes())
			if schemaCode(tc) {
				assert.Error(t, err, "xmllint accepts a file we reject with %s", tc.codes[0])
			} else {
				assert.NoError(t, err, "xmllint rejects a file only our checks should reject")
			}
		})
	}
	for _, c := range Codes.Values() {
		if strings.HasPrefix(string(c), "SAFT-ASSERT-") {
			continue // TestAssertions
		}
		if strings.HasPrefix(string(c), "SAFT-READ-") {
			continue // the reader's
		}
		if c == CodeFacetChar || c.Severity() == violation.SeverityWarning {
			continue // TestTextFacets, TestCharAndDate, TestWarnings
		}
		assert.True(t, seen[c], "code %s is never produced by TestCodes", c)
	}
}

// TestCharAndDate covers the values the writer itself refuses to write.
func TestCharAndDate(t *testing.T) {
	f := valFile()
	invLine(f, 0, 0).Description = "Quarto\x00duplo"
	f.SourceDocuments.SalesInvoices.Invoice[0].InvoiceDate = civil.Date{Year: 2026, Month: 2, Day: 30}
	f.SourceDocuments.SalesInvoices.Invoice[0].SystemEntryDate.Hour = 24
	vs := violations(t, f)
	assert.Contains(t, vs, violation.Violation{Code: CodeFacetChar, Path: pInv0 + "/Line[1]/Description", Message: "Description holds a character XML cannot carry (U+0)"})
	assert.Contains(t, vs, violation.Violation{Code: CodeFacetType, Path: pInv0 + "/InvoiceDate", Message: "InvoiceDate 2026-2-30 is not a calendar date (xs:date)"})
	assert.Contains(t, vs, violation.Violation{Code: CodeFacetType, Path: pInv0 + "/SystemEntryDate", Message: "SystemEntryDate is not a valid date and time of day (xs:dateTime)"})
}

// TestWriterRefusesInvalid checks the writer's hook: a file that fails
// validation is not written unless the caller says so.
func TestWriterRefusesInvalid(t *testing.T) {
	f := valFile()
	f.SourceDocuments.SalesInvoices.Invoice[0].Hash = "0"
	var buf bytes.Buffer
	err := WriteAuditFile(&buf, f)
	require.ErrorIs(t, err, ErrInvalid)
	var ve *violation.Error
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []violation.Code{CodeRuleHashMissing}, ve.Codes())
	assert.Zero(t, buf.Len(), "nothing written")
	require.NoError(t, WriteAuditFile(&buf, f, WithoutValidation()))
	assert.NotZero(t, buf.Len())
}

// TestPerRecord checks the per-record functions: same checks as the
// Validator for one record, under the caller's path, without the keys.
func TestPerRecord(t *testing.T) {
	f := valFile()
	inv := &f.SourceDocuments.SalesInvoices.Invoice[0]
	assert.Empty(t, check("/X", func(c *checker) { c.invoice(inv) }))
	inv.CustomerID = "nobody" // a reference: not checked for a record alone
	assert.Empty(t, check("/X", func(c *checker) { c.invoice(inv) }))
	exempt("Isento artigo 9.º", "M07")(&inv.Line[0])
	inv.Line[0].UnitPrice = fxDec("-1")
	assert.Equal(t, []violation.Violation{
		{Code: CodeFacetMin, Path: "/X/Line[1]/UnitPrice", Message: "UnitPrice -1 is negative; amounts are exported as absolute values (Portaria 302/2016, Annex I, 1.l)"},
		{Code: CodeAssert04, Path: "/X/Line[1]/TaxExemptionReason", Message: "assertion 4 of the schema fails: " + assertionRule(4)},
	}, check("/X", func(c *checker) { c.invoice(inv) }))

	assert.Empty(t, check(pathHeader, func(c *checker) { c.header(&f.Header) }))
	assert.Empty(t, check("/A", func(c *checker) { c.account(account(f, 1)) }))
	assert.Empty(t, check("/C", func(c *checker) { c.customer(&f.MasterFiles.Customer[0]) }))
	assert.Empty(t, check("/S", func(c *checker) { c.supplier(&f.MasterFiles.Supplier[0]) }))
	assert.Empty(t, check("/P", func(c *checker) { c.product(&f.MasterFiles.Product[0]) }))
	assert.Empty(t, check("/T", func(c *checker) { c.taxTableEntry(&f.MasterFiles.TaxTable.TaxTableEntry[0]) }))
	assert.Empty(t, check("/G", func(c *checker) { c.transaction(glTx(f), "VND") }))
	assert.Equal(t, []violation.Code{CodeRuleTransactionID}, codesOf(check("/G", func(c *checker) { c.transaction(glTx(f), "OTHER") })))
	assert.Empty(t, check("/M", func(c *checker) { c.stockMovement(&f.SourceDocuments.MovementOfGoods.StockMovement[0]) }))
	assert.Empty(t, check("/W", func(c *checker) { c.workDocument(&f.SourceDocuments.WorkingDocuments.WorkDocument[0]) }))
	assert.Empty(t, check("/Y", func(c *checker) { c.payment(pay(f, 0)) }))
}

// TestValidatorStream feeds the Validator by hand, as the audit does.
func TestValidatorStream(t *testing.T) {
	f := valFile()
	v := NewValidator()
	assert.Empty(t, v.Header(&f.Header))
	assert.Empty(t, v.TaxonomyReference(TaxonomyReferenceSNC))
	// A GroupingCode may name an account listed after it: resolved at Finish.
	assert.Empty(t, v.Account(1, &Account{AccountID: "211", AccountDescription: "x", GroupingCategory: GroupingCategoryGM, GroupingCode: "21", TaxonomyCode: 1}))
	assert.Empty(t, v.Account(2, &Account{AccountID: "21", AccountDescription: "x", GroupingCategory: GroupingCategoryGR}))
	assert.Empty(t, v.Account(3, &Account{AccountID: "212", AccountDescription: "x", GroupingCategory: GroupingCategoryGM, GroupingCode: "29", TaxonomyCode: 1}))
	assert.Empty(t, v.Customer(1, &f.MasterFiles.Customer[0]))
	assert.Empty(t, v.Product(1, &f.MasterFiles.Product[0]))
	assert.Empty(t, v.Product(2, &f.MasterFiles.Product[1]))
	for i := range f.MasterFiles.TaxTable.TaxTableEntry {
		assert.Empty(t, v.TaxTableEntry(i+1, &f.MasterFiles.TaxTable.TaxTableEntry[i]))
	}
	bad := TaxTableEntry{TaxType: "VAT", TaxCountryRegion: "PT", TaxCode: "NOR", Description: "x", TaxPercentage: fxDecp("23")}
	assert.Equal(t, []violation.Violation{{Code: CodeFacetEnum, Path: pathTaxTable + "/TaxTableEntry[9]/TaxType",
		Message: `TaxType "VAT" is not one of the values of TaxType: IVA, IS, NS`}}, v.TaxTableEntry(9, &bad))
	assert.Equal(t, []violation.Code{CodeFacetOccurs}, codesOf(v.TaxTable([]TaxTableEntry{})))
	inv := f.SourceDocuments.SalesInvoices.Invoice[0]
	assert.Empty(t, v.Invoice(1, &inv))
	// The same number again, then a number far behind: intervals.
	dup := v.Invoice(2, &inv)
	assert.Equal(t, []violation.Violation{{Code: CodeUniqueInvoiceNo, Path: pSalesInvoice(2) + "/InvoiceNo", Message: `InvoiceNo "FT A/1" is repeated in SalesInvoices`}}, dup)
	fin := v.Finish()
	require.Len(t, fin, 1)
	assert.Equal(t, CodeKeyrefGroupingCode, fin[0].Code)
	assert.Equal(t, "/AuditFile/MasterFiles/GeneralLedgerAccounts/Account[3]/GroupingCode", fin[0].Path)

	v = NewValidator()
	assert.Equal(t, []violation.Code{CodeFacetRequired}, codesOf(v.Finish()), "no Header")
}

func pSalesInvoice(i int) string { return pathSalesInvoices + "/Invoice[" + strconv.Itoa(i) + "]" }

func TestDocNumbers(t *testing.T) {
	d := newDocNumbers()
	for _, s := range []string{"FT A/1", "FT A/2", "FT A/4", "FT A/3", "FT A/10", "FT A/7", "FT A/8", "FT A/6", "FT A/5", "FT A/9", "FT B/1", "FT A/01", "FT A/x", "FTA1"} {
		assert.True(t, d.add(s), s)
	}
	assert.Equal(t, []interval{{1, 10}}, d.series["FT A"].iv, "merged into one interval")
	for _, s := range []string{"FT A/1", "FT A/5", "FT A/10", "FT B/1", "FT A/01", "FT A/x", "FTA1"} {
		assert.False(t, d.add(s), s)
	}
	assert.True(t, d.add("FT A/12"))
	assert.True(t, d.add("FT A/0"))
	assert.Equal(t, []interval{{0, 10}, {12, 12}}, d.series["FT A"].iv)
	assert.True(t, d.add("FT A/11"))
	assert.Equal(t, []interval{{0, 12}}, d.series["FT A"].iv)
}

// TestEdgeCases covers the less travelled paths: repeated simple
// elements, the date span, an empty chart of accounts, the recovery forms
// of HashControl and long values in messages.
func TestEdgeCases(t *testing.T) {
	f := valFile()
	i0 := &f.SourceDocuments.SalesInvoices.Invoice[0]
	i0.ShipTo = &ShippingPoint{DeliveryID: []string{"ok", strings.Repeat("x", 256)}, Warehouses: []Warehouse{{WarehouseID: "A"}, {LocationID: "L"}, {WarehouseID: strings.Repeat("w", 51)}}}
	f.Header.StartDate = fxDate("1999-12-31")
	vs := violations(t, f)
	assert.Contains(t, vs, violation.Violation{Code: CodeFacetMaxLength, Path: pInv0 + "/ShipTo/DeliveryID[2]", Message: "DeliveryID must have at most 255 characters (SAFPTtextTypeMandatoryMax255Car), has 256"})
	assert.Contains(t, vs, violation.Violation{Code: CodeFacetMaxLength, Path: pInv0 + "/ShipTo/WarehouseID[2]", Message: "WarehouseID must have at most 50 characters (SAFPTtextTypeMandatoryMax50Car), has 51"})
	assert.Contains(t, vs, violation.Violation{Code: CodeFacetMin, Path: pHeader + "/StartDate", Message: "StartDate 1999-12-31 is before 2000-01-01 (SAFPTDateSpan)"})

	g := valFile()
	g.MasterFiles.GeneralLedgerAccounts.Account = nil
	g.GeneralLedgerEntries = nil
	g.MasterFiles.Customer[0].AccountID = Unknown
	assert.Equal(t, []violation.Violation{{Code: CodeFacetOccurs, Path: pathAccounts + "/Account", Message: "at least one Account is required (minOccurs 1)"}}, violations(t, g))

	// Recovery forms of HashControl (Despacho 8632/2014 §2.4.5, §2.5.5).
	for _, hc := range []string{"1-FTM abc/00001", "1-FTD XY 2013A/00099"} {
		h := valFile()
		i := &h.SourceDocuments.SalesInvoices.Invoice[0]
		i.DocumentStatus.SourceBilling, i.HashControl = SourceBillingManual, hc
		assert.Empty(t, violations(t, h), hc)
	}
	h := valFile()
	w := &h.SourceDocuments.WorkingDocuments.WorkDocument[0]
	w.DocumentStatus.SourceBilling = SourceBillingManual // a key version is accepted for working documents
	assert.Empty(t, violations(t, h))
	h.SourceDocuments.SalesInvoices.Invoice[0].DocumentStatus.SourceBilling = SourceBillingManual
	assert.Equal(t, []violation.Code{CodeRuleHashControl}, codesOf(violations(t, h)))
	h = valFile()
	h.SourceDocuments.SalesInvoices.Invoice[0].DocumentStatus.SourceBilling = SourceBillingIntegrated
	h.SourceDocuments.SalesInvoices.Invoice[0].HashControl = "9999.1"
	assert.Empty(t, violations(t, h))

	assert.Equal(t, `"`+strings.Repeat("é", 40)+`…"`, quote(strings.Repeat("é", 41)))
}

// TestWarnings: a repeated LineNumber is a warning, reported with the
// errors but failing neither Validate nor the writer alone.
func TestWarnings(t *testing.T) {
	assert.Equal(t, violation.SeverityWarning, CodeRuleLineNumber.Severity())
	assert.Equal(t, violation.SeverityError, CodeRuleHashMissing.Severity())
	f := valFile()
	invLine(f, 0, 1).LineNumber = 1
	require.NoError(t, f.Validate())
	require.NoError(t, WriteAuditFile(discard{}, f))
	assert.Equal(t, []violation.Violation{{Code: CodeRuleLineNumber, Path: pInv0 + "/Line[2]/LineNumber",
		Message: "warning: LineNumber 1 is repeated in this document, whose lines keep the original's order (Portaria 302/2016, field 4.1.4.19.1)"}},
		check(pInv0, func(c *checker) { c.invoice(&f.SourceDocuments.SalesInvoices.Invoice[0]) }))
	h := valFile().Header
	h.TaxAccountingBasis = TaxAccountingBasisIntegrated
	assert.Equal(t, []violation.Violation{{Code: CodeRuleTaxEntity, Path: pHeader + "/TaxEntity",
		Message: `an accounting (C) or integrated (I) file has TaxEntity "Sede" (Portaria 302/2016, field 1.13), not "Global"`}}, check(pathHeader, func(c *checker) { c.header(&h) }))
	assert.Equal(t, violation.SeverityError, CodeRuleTaxEntity.Severity(), "field 1.13 says \"deve\": an error")
	// With an error, the warning is listed too.
	f.Header.CompanyName = ""
	assert.Equal(t, []violation.Code{CodeFacetRequired, CodeRuleLineNumber}, codesOf(violations(t, f)))
}
