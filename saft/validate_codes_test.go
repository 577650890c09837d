package saft

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
)

// codeCase breaks one rule of the base file. codes is the exact set of
// codes Validate must report, path where the first of them is.
type codeCase struct {
	name   string
	codes  []string
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
	{"required", []string{CodeFacetRequired}, pHeader + "/CompanyName", func(f *AuditFile) { f.Header.CompanyName = "" }},
	{"required line tax", []string{CodeFacetRequired}, pInv0 + "/Line[1]/Tax", func(f *AuditFile) { invLine(f, 0, 0).Tax = nil }},
	{"maxlen", []string{CodeFacetMaxLength}, pMF + "/Customer[1]/CompanyName", func(f *AuditFile) {
		f.MasterFiles.Customer[0].CompanyName = strings.Repeat("ç", 101)
	}},
	{"minlen", []string{CodeFacetMinLength}, pMF + "/Product[1]/ProductDescription", func(f *AuditFile) {
		f.MasterFiles.Product[0].ProductDescription = "A"
	}},
	{"length", []string{CodeFacetLength}, pInv0 + "/EACCode", func(f *AuditFile) { f.SourceDocuments.SalesInvoices.Invoice[0].EACCode = "5510" }},
	{"pattern", []string{CodeFacetPattern}, pInv0 + "/InvoiceNo", func(f *AuditFile) { f.SourceDocuments.SalesInvoices.Invoice[0].InvoiceNo = "FTA/1" }},
	{"pattern country", []string{CodeFacetPattern}, pHeader + "/CompanyAddress/Country", func(f *AuditFile) { f.Header.CompanyAddress.Country = "Portugal" }},
	{"pattern hashcontrol", []string{CodeFacetPattern}, pInv0 + "/HashControl", func(f *AuditFile) {
		f.SourceDocuments.SalesInvoices.Invoice[0].HashControl = "Não certificado"
	}},
	{"enum", []string{CodeFacetEnum}, pInv0 + "/DocumentStatus/InvoiceStatus", func(f *AuditFile) {
		f.SourceDocuments.SalesInvoices.Invoice[0].DocumentStatus.InvoiceStatus = "X"
	}},
	{"enum currency", []string{CodeFacetEnum}, pHeader + "/CurrencyCode", func(f *AuditFile) { f.Header.CurrencyCode = "USD" }},
	{"min", []string{CodeFacetMin}, pInv0 + "/Line[1]/Quantity", func(f *AuditFile) { invLine(f, 0, 0).Quantity = valDec("-1") }},
	{"max", []string{CodeFacetMax}, pInv0 + "/Period", func(f *AuditFile) { f.SourceDocuments.SalesInvoices.Invoice[0].Period = 13 }},
	{"max fiscal year", []string{CodeFacetMin}, pHeader + "/FiscalYear", func(f *AuditFile) { f.Header.FiscalYear = 1999 }},
	{"type integer", []string{CodeFacetType}, pHeader + "/TaxRegistrationNumber", func(f *AuditFile) { f.Header.TaxRegistrationNumber = "PT509999999" }},
	{"choice both", []string{CodeFacetChoice}, pInv0 + "/Line[1]/CreditAmount", func(f *AuditFile) { invLine(f, 0, 0).DebitAmount = valDecp("1") }},
	{"choice none", []string{CodeFacetChoice}, pMvDoc + "/CustomerID", func(f *AuditFile) {
		f.SourceDocuments.MovementOfGoods.StockMovement[0].CustomerID = ""
	}},
	{"occurs", []string{CodeFacetOccurs}, pWdDoc + "/Line", func(f *AuditFile) { f.SourceDocuments.WorkingDocuments.WorkDocument[0].Line = nil }},

	// Keys.
	{"unique account", []string{CodeUniqueAccount}, pAccts + "[4]/AccountID", func(f *AuditFile) {
		a := account(f, 3)
		a.AccountID, a.GroupingCode = "211", "21"
		glTx(f).Lines.CreditLine[0].AccountID = "211"
	}},
	{"unique customer", []string{CodeUniqueCustomer}, pMF + "/Customer[2]/CustomerID", func(f *AuditFile) {
		f.MasterFiles.Customer[1].CustomerID = "C1"
		f.SourceDocuments.SalesInvoices.Invoice[1].CustomerID = "C1"
	}},
	{"unique supplier", []string{CodeUniqueSupplier}, pMF + "/Supplier[2]/SupplierID", func(f *AuditFile) {
		f.MasterFiles.Supplier = append(f.MasterFiles.Supplier, f.MasterFiles.Supplier[0])
	}},
	{"unique product", []string{CodeUniqueProduct}, pMF + "/Product[2]/ProductCode", func(f *AuditFile) {
		f.MasterFiles.Product[1].ProductCode = "ALOJ"
		invLine(f, 0, 1).ProductCode = "ALOJ"
		mvLine(f).ProductCode = "ALOJ"
	}},
	{"unique journal", []string{CodeUniqueJournal}, "/AuditFile/GeneralLedgerEntries/Journal[2]/JournalID", func(f *AuditFile) {
		f.GeneralLedgerEntries.Journal = append(f.GeneralLedgerEntries.Journal, Journal{JournalID: "VND", Description: "Outro"})
	}},
	{"unique transaction", []string{CodeUniqueTransaction}, "/AuditFile/GeneralLedgerEntries/Journal[1]/Transaction[2]/TransactionID", func(f *AuditFile) {
		j := &f.GeneralLedgerEntries.Journal[0]
		j.Transaction = append(j.Transaction, j.Transaction[0])
	}},
	{"unique invoice", []string{CodeUniqueInvoiceNo}, pInv1 + "/InvoiceNo", func(f *AuditFile) {
		i := &f.SourceDocuments.SalesInvoices.Invoice[1]
		i.InvoiceNo, i.InvoiceType = "FT A/1", "FT"
	}},
	{"unique stock movement", []string{CodeUniqueStockMovement}, pMvDoc[:len(pMvDoc)-3] + "[2]/DocumentNumber", func(f *AuditFile) {
		m := f.SourceDocuments.MovementOfGoods
		m.StockMovement = append(m.StockMovement, m.StockMovement[0])
	}},
	{"unique work document", []string{CodeUniqueWorkDocument}, pWdDoc[:len(pWdDoc)-3] + "[2]/DocumentNumber", func(f *AuditFile) {
		w := f.SourceDocuments.WorkingDocuments
		w.WorkDocument = append(w.WorkDocument, w.WorkDocument[0])
	}},
	{"unique payment", []string{CodeUniquePaymentRefNo}, "/AuditFile/SourceDocuments/Payments/Payment[2]/PaymentRefNo", func(f *AuditFile) {
		p := pay(f, 1)
		p.PaymentRefNo, p.PaymentType = "RC A/1", "RC"
		p.Line[0].Tax = pay(f, 0).Line[0].Tax
	}},
	{"keyref grouping code", []string{CodeKeyrefGroupingCode}, pAccts + "[2]/GroupingCode", func(f *AuditFile) { account(f, 1).GroupingCode = "99" }},
	{"keyref account", []string{CodeKeyrefAccount}, pGL + "/Lines/DebitLine[1]/AccountID", func(f *AuditFile) { glTx(f).Lines.DebitLine[0].AccountID = "999" }},
	{"keyref customer", []string{CodeKeyrefCustomer}, pInv0 + "/CustomerID", func(f *AuditFile) { f.SourceDocuments.SalesInvoices.Invoice[0].CustomerID = "C9" }},
	{"keyref customer ledger", []string{CodeKeyrefCustomer}, pGL + "/CustomerID", func(f *AuditFile) { glTx(f).CustomerID = "C9" }},
	{"keyref supplier", []string{CodeKeyrefSupplier}, pMvDoc + "/SupplierID", func(f *AuditFile) {
		m := &f.SourceDocuments.MovementOfGoods.StockMovement[0]
		m.CustomerID, m.SupplierID = "", "S9"
	}},
	{"keyref product", []string{CodeKeyrefProduct}, pWd + "/ProductCode", func(f *AuditFile) { wdLine(f).ProductCode = "NOPE" }},
	{"keyref master account", []string{CodeKeyrefMasterAccount}, pMF + "/Customer[1]/AccountID", func(f *AuditFile) { f.MasterFiles.Customer[0].AccountID = "2119" }},
	{"keyref tax", []string{CodeKeyrefTax}, pInv0 + "/Line[1]/Tax", func(f *AuditFile) { invLine(f, 0, 0).Tax.TaxCode = TaxCodeIntermediate }},
	{"keyref tax region", []string{CodeKeyrefTax}, pMv + "/Tax", func(f *AuditFile) { mvLine(f).Tax.TaxCountryRegion = "PT-MA" }},

	// Rules of the Portaria and the Despacho.
	{"header period", []string{CodeRuleHeaderPeriod}, pHeader + "/EndDate", func(f *AuditFile) { f.Header.StartDate = valDate("2026-02-01") }},
	{"header date created", []string{CodeRuleHeaderDateCreated}, pHeader + "/DateCreated", func(f *AuditFile) { f.Header.DateCreated = valDate("2026-01-20") }},
	{"header nif", []string{CodeRuleHeaderNIF}, pHeader + "/TaxRegistrationNumber", func(f *AuditFile) { f.Header.TaxRegistrationNumber = "509999998" }},
	{"header tax entity", []string{CodeRuleTaxEntity}, pHeader + "/TaxEntity", func(f *AuditFile) {
		f.Header.TaxAccountingBasis = TaxAccountingBasisAccounting
		f.Header.TaxEntity = TaxEntityGlobal
	}},
	{"document date", []string{CodeRuleDocumentDate}, pInv0 + "/InvoiceDate", func(f *AuditFile) {
		f.SourceDocuments.SalesInvoices.Invoice[0].InvoiceDate = valDate("2025-12-31")
	}},
	{"payment date", []string{CodeRuleDocumentDate}, pPay0 + "/TransactionDate", func(f *AuditFile) { pay(f, 0).TransactionDate = valDate("2026-02-01") }},
	{"hash missing", []string{CodeRuleHashMissing}, pInv0 + "/Hash", func(f *AuditFile) { f.SourceDocuments.SalesInvoices.Invoice[0].Hash = "0" }},
	{"hash format", []string{CodeRuleHashFormat}, pMvDoc + "/Hash", func(f *AuditFile) {
		f.SourceDocuments.MovementOfGoods.StockMovement[0].Hash = strings.Repeat("A", 171)
	}},
	{"hash control unsigned", []string{CodeRuleHashControl}, pWdDoc + "/HashControl", func(f *AuditFile) {
		f.SourceDocuments.WorkingDocuments.WorkDocument[0].HashControl = "0"
	}},
	{"hash control integrated", []string{CodeRuleHashControl}, pInv0 + "/HashControl", func(f *AuditFile) {
		f.SourceDocuments.SalesInvoices.Invoice[0].DocumentStatus.SourceBilling = SourceBillingIntegrated
	}},
	{"hash control manual type", []string{CodeRuleHashControl}, pInv0 + "/HashControl", func(f *AuditFile) {
		i := &f.SourceDocuments.SalesInvoices.Invoice[0]
		i.DocumentStatus.SourceBilling, i.HashControl = SourceBillingManual, "1-GRM abc/00001"
	}},
	{"document code", []string{CodeRuleDocumentCode}, pWdDoc + "/DocumentNumber", func(f *AuditFile) {
		f.SourceDocuments.WorkingDocuments.WorkDocument[0].DocumentNumber = "FT B/1"
	}},
	{"transaction id", []string{CodeRuleTransactionID}, pGL + "/TransactionID", func(f *AuditFile) { glTx(f).TransactionID = "2026-01-11 VND 1" }},
	{"transaction required", []string{CodeRuleTransactionRef}, pInv0 + "/TransactionID", func(f *AuditFile) {
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
	{"final consumer", []string{CodeRuleFinalConsumer}, pMF + "/Customer[2]/CompanyName", func(f *AuditFile) { f.MasterFiles.Customer[1].CompanyName = "Cliente" }},
	{"tax code", []string{CodeRuleTaxCode}, pMF + "/TaxTable/TaxTableEntry[5]/TaxCode", func(f *AuditFile) {
		tt := f.MasterFiles.TaxTable
		tt.TaxTableEntry = append(tt.TaxTableEntry, TaxTableEntry{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: "NS", Description: "Errada", TaxPercentage: valDecp("0")})
	}},
	{"taxonomy code", []string{CodeRuleTaxonomyCode}, pAccts + "[2]/TaxonomyCode", func(f *AuditFile) {
		f.MasterFiles.GeneralLedgerAccounts.TaxonomyReference = TaxonomyReferenceOther
		account(f, 3).TaxonomyCode = 1
	}},
	{"gross total scale", []string{CodeRuleGrossTotalScale}, pWdDoc + "/DocumentTotals/GrossTotal", func(f *AuditFile) {
		f.SourceDocuments.WorkingDocuments.WorkDocument[0].DocumentTotals.GrossTotal = valDec("123.001")
	}},
	{"gross total trailing zeros", nil, "", func(f *AuditFile) {
		f.SourceDocuments.WorkingDocuments.WorkDocument[0].DocumentTotals.GrossTotal = valDec("123.0000")
	}},
	{"self-billing", []string{CodeRuleSelfBilling}, pInv0 + "/SpecialRegimes/SelfBillingIndicator", func(f *AuditFile) {
		f.SourceDocuments.SalesInvoices.Invoice[0].DocumentStatus.InvoiceStatus = InvoiceStatusSelfBilled
	}},
	{"self-billing kept", nil, "", func(f *AuditFile) {
		i := &f.SourceDocuments.SalesInvoices.Invoice[0]
		i.DocumentStatus.InvoiceStatus, i.SpecialRegimes.SelfBillingIndicator = InvoiceStatusSelfBilled, true
	}},
	{"tax id prefix", []string{CodeRuleTaxIDPrefix}, pMF + "/Supplier[1]/SupplierTaxID", func(f *AuditFile) {
		f.MasterFiles.Supplier[0].SupplierTaxID = "PT500000000"
	}},
	{"foreign tax id", nil, "", func(f *AuditFile) { f.MasterFiles.Customer[0].CustomerTaxID = "B12345678" }},
	{"tax entity kept", nil, "", func(f *AuditFile) {
		f.Header.TaxAccountingBasis, f.Header.TaxEntity = TaxAccountingBasisAccounting, "Sede"
	}},
	{"exempt rate", []string{CodeRuleExemptRate}, pMv + "/Tax/TaxPercentage", func(f *AuditFile) {
		mvLine(f).Tax.TaxCode = TaxCodeExempt // at 6%
	}},
	{"exempt rate table", []string{CodeRuleExemptRate}, pMF + "/TaxTable/TaxTableEntry[5]/TaxPercentage", func(f *AuditFile) {
		tt := f.MasterFiles.TaxTable
		tt.TaxTableEntry = append(tt.TaxTableEntry, TaxTableEntry{TaxType: TaxTypeNotSubject, TaxCountryRegion: "PT", TaxCode: "NS", Description: "Não sujeito", TaxPercentage: valDecp("6")})
	}},
	{"final consumer address", []string{CodeRuleFinalConsumer}, pMF + "/Customer[2]/BillingAddress/City", func(f *AuditFile) {
		f.MasterFiles.Customer[1].BillingAddress.City = "Lisboa"
	}},
	{"ledger lines", []string{CodeFacetOccurs}, pGL + "/Lines/CreditLine", func(f *AuditFile) { glTx(f).Lines.CreditLine = nil }},
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
	p := c.codes[0]
	return strings.HasPrefix(p, "SAFT-FACET-") || strings.HasPrefix(p, "SAFT-UNIQUE-") || strings.HasPrefix(p, "SAFT-KEYREF-")
}

// TestCodes breaks the base file once per rule and checks the exact codes
// reported and the path. Where the writer can write the broken file, it
// also asks xmllint: the schema must reject what we call a schema
// violation (facets, keys) and accept the rest (assertions and rules it
// cannot express) — our checks and the official schema agree.
func TestCodes(t *testing.T) {
	lint := xmllintAvailable(t)
	seen := map[string]bool{}
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
			ok, out := xmllintValid(t, buf.Bytes())
			if schemaCode(tc) {
				assert.False(t, ok, "xmllint accepts a file we reject with %s", tc.codes[0])
			} else {
				assert.True(t, ok, "xmllint rejects a file only our checks should reject: %s", out)
			}
		})
	}
	for _, c := range Codes() {
		if strings.HasPrefix(c, "SAFT-ASSERT-") {
			continue // TestAssertions
		}
		if c == CodeFacetChar || IsWarning(c) {
			continue // TestTextFacets, TestCharAndDate, TestWarnings
		}
		assert.True(t, seen[c], "code %s is never produced by TestCodes", c)
	}
}

func xmllintAvailable(t *testing.T) bool {
	t.Helper()
	ok := true
	t.Run("xmllint", func(t *testing.T) {
		defer func() {
			if t.Skipped() {
				ok = false
			}
		}()
		xmllintPath(t)
	})
	return ok
}

// TestCharAndDate covers the values the writer itself refuses to write.
func TestCharAndDate(t *testing.T) {
	f := valFile()
	invLine(f, 0, 0).Description = "Quarto\x00duplo"
	f.SourceDocuments.SalesInvoices.Invoice[0].InvoiceDate = civil.Date{Year: 2026, Month: 2, Day: 30}
	f.SourceDocuments.SalesInvoices.Invoice[0].SystemEntryDate.Hour = 24
	vs := violations(t, f)
	assert.Contains(t, vs, Violation{Code: CodeFacetChar, Path: pInv0 + "/Line[1]/Description", Message: "Description holds a character XML cannot carry (U+0)"})
	assert.Contains(t, vs, Violation{Code: CodeFacetType, Path: pInv0 + "/InvoiceDate", Message: "InvoiceDate 2026-2-30 is not a calendar date (xs:date)"})
	assert.Contains(t, vs, Violation{Code: CodeFacetType, Path: pInv0 + "/SystemEntryDate", Message: "SystemEntryDate is not a valid date and time of day (xs:dateTime)"})
}

// TestWriterRefusesInvalid checks the writer's hook: a file that fails
// validation is not written unless the caller says so.
func TestWriterRefusesInvalid(t *testing.T) {
	f := valFile()
	f.SourceDocuments.SalesInvoices.Invoice[0].Hash = "0"
	var buf bytes.Buffer
	err := WriteAuditFile(&buf, f)
	require.ErrorIs(t, err, ErrInvalid)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{CodeRuleHashMissing}, ve.Codes())
	assert.Zero(t, buf.Len(), "nothing written")
	require.NoError(t, WriteAuditFile(&buf, f, WithoutValidation()))
	assert.NotZero(t, buf.Len())
}

// TestPerRecord checks the per-record functions: same checks as the
// Validator for one record, under the caller's path, without the keys.
func TestPerRecord(t *testing.T) {
	f := valFile()
	inv := &f.SourceDocuments.SalesInvoices.Invoice[0]
	assert.Empty(t, ValidateInvoice(inv, "/X"))
	inv.CustomerID = "nobody" // a reference: not checked for a record alone
	assert.Empty(t, ValidateInvoice(inv, "/X"))
	exempt("Isento artigo 9.º", "M07")(&inv.Line[0])
	inv.Line[0].UnitPrice = valDec("-1")
	assert.Equal(t, []Violation{
		{Code: CodeFacetMin, Path: "/X/Line[1]/UnitPrice", Message: "UnitPrice -1 is negative; amounts are exported as absolute values (Portaria 302/2016, Annex I, 1.l)"},
		{Code: CodeAssert04, Path: "/X/Line[1]/TaxExemptionReason", Message: "assertion 4 of the schema fails: " + AssertionRule(4)},
	}, ValidateInvoice(inv, "/X"))

	assert.Empty(t, ValidateHeader(&f.Header))
	assert.Empty(t, ValidateAccount(account(f, 1), "/A"))
	assert.Empty(t, ValidateCustomer(&f.MasterFiles.Customer[0], "/C"))
	assert.Empty(t, ValidateSupplier(&f.MasterFiles.Supplier[0], "/S"))
	assert.Empty(t, ValidateProduct(&f.MasterFiles.Product[0], "/P"))
	assert.Empty(t, ValidateTaxTableEntry(&f.MasterFiles.TaxTable.TaxTableEntry[0], "/T"))
	assert.Empty(t, ValidateTransaction(glTx(f), "VND", "/G"))
	assert.Equal(t, []string{CodeRuleTransactionID}, codesOf(ValidateTransaction(glTx(f), "OTHER", "/G")))
	assert.Empty(t, ValidateStockMovement(&f.SourceDocuments.MovementOfGoods.StockMovement[0], "/M"))
	assert.Empty(t, ValidateWorkDocument(&f.SourceDocuments.WorkingDocuments.WorkDocument[0], "/W"))
	assert.Empty(t, ValidatePayment(pay(f, 0), "/Y"))
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
	bad := TaxTableEntry{TaxType: "VAT", TaxCountryRegion: "PT", TaxCode: "NOR", Description: "x", TaxPercentage: valDecp("23")}
	assert.Equal(t, []Violation{{Code: CodeFacetEnum, Path: pathTaxTable + "/TaxTableEntry[9]/TaxType",
		Message: `TaxType "VAT" is not one of the values of TaxType: IVA, IS, NS`}}, v.TaxTableEntry(9, &bad))
	assert.Equal(t, []string{CodeFacetOccurs}, codesOf(v.TaxTable([]TaxTableEntry{})))
	inv := f.SourceDocuments.SalesInvoices.Invoice[0]
	assert.Empty(t, v.Invoice(1, &inv))
	// The same number again, then a number far behind: intervals.
	dup := v.Invoice(2, &inv)
	assert.Equal(t, []Violation{{Code: CodeUniqueInvoiceNo, Path: pSalesInvoice(2) + "/InvoiceNo", Message: `InvoiceNo "FT A/1" is repeated in SalesInvoices`}}, dup)
	fin := v.Finish()
	require.Len(t, fin, 1)
	assert.Equal(t, CodeKeyrefGroupingCode, fin[0].Code)
	assert.Equal(t, "/AuditFile/MasterFiles/GeneralLedgerAccounts/Account[3]/GroupingCode", fin[0].Path)

	v = NewValidator()
	assert.Equal(t, []string{CodeFacetRequired}, codesOf(v.Finish()), "no Header")
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
	f.Header.StartDate = valDate("1999-12-31")
	vs := violations(t, f)
	assert.Contains(t, vs, Violation{Code: CodeFacetMaxLength, Path: pInv0 + "/ShipTo/DeliveryID[2]", Message: "DeliveryID must have at most 255 characters (SAFPTtextTypeMandatoryMax255Car), has 256"})
	assert.Contains(t, vs, Violation{Code: CodeFacetMaxLength, Path: pInv0 + "/ShipTo/WarehouseID[2]", Message: "WarehouseID must have at most 50 characters (SAFPTtextTypeMandatoryMax50Car), has 51"})
	assert.Contains(t, vs, Violation{Code: CodeFacetMin, Path: pHeader + "/StartDate", Message: "StartDate 1999-12-31 is before 2000-01-01 (SAFPTDateSpan)"})

	g := valFile()
	g.MasterFiles.GeneralLedgerAccounts.Account = nil
	g.GeneralLedgerEntries = nil
	g.MasterFiles.Customer[0].AccountID = Unknown
	assert.Equal(t, []Violation{{Code: CodeFacetOccurs, Path: pathAccounts + "/Account", Message: "at least one Account is required (minOccurs 1)"}}, violations(t, g))

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
	assert.Equal(t, []string{CodeRuleHashControl}, codesOf(violations(t, h)))
	h = valFile()
	h.SourceDocuments.SalesInvoices.Invoice[0].DocumentStatus.SourceBilling = SourceBillingIntegrated
	h.SourceDocuments.SalesInvoices.Invoice[0].HashControl = "9999.1"
	assert.Empty(t, violations(t, h))

	assert.Equal(t, `"`+strings.Repeat("é", 40)+`…"`, quote(strings.Repeat("é", 41)))
}

// TestWarnings: a repeated LineNumber is a warning, reported with the
// errors but failing neither Validate nor the writer alone.
func TestWarnings(t *testing.T) {
	assert.True(t, IsWarning(CodeRuleLineNumber))
	assert.False(t, IsWarning(CodeRuleHashMissing))
	f := valFile()
	invLine(f, 0, 1).LineNumber = 1
	require.NoError(t, f.Validate())
	require.NoError(t, WriteAuditFile(discard{}, f))
	assert.Equal(t, []Violation{{Code: CodeRuleLineNumber, Path: pInv0 + "/Line[2]/LineNumber",
		Message: "warning: LineNumber 1 is repeated in this document, whose lines keep the original's order (Portaria 302/2016, field 4.1.4.19.1)"}},
		ValidateInvoice(&f.SourceDocuments.SalesInvoices.Invoice[0], pInv0))
	h := valFile().Header
	h.TaxAccountingBasis = TaxAccountingBasisIntegrated
	assert.Equal(t, []Violation{{Code: CodeRuleTaxEntity, Path: pHeader + "/TaxEntity",
		Message: `an accounting (C) or integrated (I) file has TaxEntity "Sede" (Portaria 302/2016, field 1.13), not "Global"`}}, ValidateHeader(&h))
	assert.False(t, IsWarning(CodeRuleTaxEntity), "field 1.13 says \"deve\": an error")
	// With an error, the warning is listed too.
	f.Header.CompanyName = ""
	assert.Equal(t, []string{CodeFacetRequired, CodeRuleLineNumber}, codesOf(violations(t, f)))
}
