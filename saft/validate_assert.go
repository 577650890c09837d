package saft

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// The 19 xs:assert of SAFTPT1.04_01.xsd (XSD 1.1), which XSD 1.0 validators
// such as xmllint cannot run. Numbered as in SAFTPT1.04_01.asserts.txt; each
// entry gives the schema line, the element it constrains, the XPath 2.0 test
// and the rule in plain words that the code below implements.
//
// XPath notes: a path to an absent element is the empty sequence, and a
// general comparison (!=, eq on a missing node) with the empty sequence is
// false; so "Tax/TaxAmount != 0" is false when there is no TaxAmount.
var assertionRules = [20]string{
	"",
	// 1. line 189, GeneralLedgerAccounts/Account:
	// (GroupingCategory != 'GM' and not(TaxonomyCode)) or (GroupingCategory eq 'GM' and TaxonomyCode)
	"an account has a TaxonomyCode if and only if its GroupingCategory is GM",
	// 2. line 195, GeneralLedgerAccounts/Account:
	// (GR and not(GroupingCode)) or (AR and not(GroupingCode)) or (GA and GroupingCode) or
	// (AA and GroupingCode) or (GM and GroupingCode) or (AM and GroupingCode)
	"an account of category GR or AR has no GroupingCode; one of category GA, AA, GM or AM has one (any other category fails)",
	// 3. line 428, SalesInvoices/Invoice/Line:
	// not(Tax/TaxAmount) or (Tax/TaxAmount != 0 and not(TaxExemptionReason)) or (Tax/TaxAmount eq 0 and TaxExemptionReason)
	"an invoice line with a Tax/TaxAmount has a TaxExemptionReason if and only if that amount is 0",
	// 4. line 434, SalesInvoices/Invoice/Line: the same with Tax/TaxPercentage.
	"an invoice line with a Tax/TaxPercentage has a TaxExemptionReason if and only if that percentage is 0",
	// 5. line 440, SalesInvoices/Invoice/Line:
	// not((TaxExemptionReason and not(TaxExemptionCode)) or (TaxExemptionCode and not(TaxExemptionReason)))
	"an invoice line has both TaxExemptionReason and TaxExemptionCode, or neither",
	// 6. line 446, SalesInvoices/Invoice/Line: not(TaxBase and UnitPrice != 0)
	"an invoice line with a TaxBase has UnitPrice 0",
	// 7. line 452, SalesInvoices/Invoice/Line:
	// not((TaxBase and DebitAmount != 0) or (TaxBase and CreditAmount != 0))
	"an invoice line with a TaxBase has a DebitAmount or CreditAmount of 0",
	// 8. line 555, MovementOfGoods/StockMovement/Line: as 4.
	"a stock-movement line with a Tax/TaxPercentage has a TaxExemptionReason if and only if that percentage is 0",
	// 9. line 561, MovementOfGoods/StockMovement/Line: as 5.
	"a stock-movement line has both TaxExemptionReason and TaxExemptionCode, or neither",
	// 10. line 650, WorkingDocuments/WorkDocument/Line: as 3.
	"a working-document line with a Tax/TaxAmount has a TaxExemptionReason if and only if that amount is 0",
	// 11. line 656, WorkingDocuments/WorkDocument/Line: as 4.
	"a working-document line with a Tax/TaxPercentage has a TaxExemptionReason if and only if that percentage is 0",
	// 12. line 662, WorkingDocuments/WorkDocument/Line: as 5.
	"a working-document line has both TaxExemptionReason and TaxExemptionCode, or neither",
	// 13. line 668, WorkingDocuments/WorkDocument/Line: as 6.
	"a working-document line with a TaxBase has UnitPrice 0",
	// 14. line 674, WorkingDocuments/WorkDocument/Line: as 7.
	"a working-document line with a TaxBase has a DebitAmount or CreditAmount of 0",
	// 15. line 757, Payments/Payment/Line: as 3.
	"a payment line with a Tax/TaxAmount has a TaxExemptionReason if and only if that amount is 0",
	// 16. line 763, Payments/Payment/Line: as 4.
	"a payment line with a Tax/TaxPercentage has a TaxExemptionReason if and only if that percentage is 0",
	// 17. line 769, Payments/Payment/Line: as 5.
	"a payment line has both TaxExemptionReason and TaxExemptionCode, or neither",
	// 18. line 775, Payments/Payment/Line: not(../PaymentType eq 'RC' and not(Tax))
	"every line of a payment of type RC (cash VAT scheme receipt) has a Tax",
	// 19. line 806, Payments/Payment:
	// (Line/Tax/TaxType and PaymentType eq 'RC') or (PaymentType eq 'RG')
	"a payment is of type RG, or of type RC with at least one line whose Tax has a TaxType",
}

// assertionRule returns assertion n (1..19) of the schema in plain words,
// "" for another n.
func assertionRule(n int) string {
	if n < 1 || n > 19 {
		return ""
	}
	return assertionRules[n]
}

// lineFacts is what the line assertions (3 to 18) look at, whatever the
// section: presence and value of the elements the XPath tests name.
type lineFacts struct {
	hasTaxAmount, hasTaxPercentage bool
	taxAmount, taxPercentage       decimal.Decimal
	hasReason, hasCode             bool
	hasTaxBase                     bool
	unitPrice                      decimal.Decimal
	hasDebit, hasCredit            bool
	debit, credit                  decimal.Decimal
}

// exemptionVsAmount is assertions 3, 10, 15: false when the line breaks it.
func (f *lineFacts) exemptionVsAmount() bool {
	if !f.hasTaxAmount {
		return true
	}
	return (f.taxAmount.Sign() != 0) != f.hasReason
}

// exemptionVsPercentage is assertions 4, 8, 11, 16.
func (f *lineFacts) exemptionVsPercentage() bool {
	if !f.hasTaxPercentage {
		return true
	}
	return (f.taxPercentage.Sign() != 0) != f.hasReason
}

// exemptionPair is assertions 5, 9, 12, 17.
func (f *lineFacts) exemptionPair() bool { return f.hasReason == f.hasCode }

// taxBaseUnitPrice is assertions 6, 13.
func (f *lineFacts) taxBaseUnitPrice() bool { return !(f.hasTaxBase && f.unitPrice.Sign() != 0) }

// taxBaseAmount is assertions 7, 14.
func (f *lineFacts) taxBaseAmount() bool {
	if !f.hasTaxBase {
		return true
	}
	return !(f.hasDebit && f.debit.Sign() != 0) && !(f.hasCredit && f.credit.Sign() != 0)
}

// assertion records assertion n as broken at field (relative to the
// current element).
func (c *checker) assertion(n int, field string) {
	c.add(assertionCodes[n], field, "assertion "+strconv.Itoa(n)+" of the schema fails: "+assertionRules[n])
}

// lineAssertions runs the line assertions for one section; nums lists the
// assertion numbers of that section for, in order: amount (3), percentage
// (4), pair (5), unit price (6), amount with TaxBase (7); 0 = the section
// has no such assertion.
func (c *checker) lineAssertions(f *lineFacts, nums [5]int) {
	if nums[0] != 0 && !f.exemptionVsAmount() {
		c.assertion(nums[0], "TaxExemptionReason")
	}
	if nums[1] != 0 && !f.exemptionVsPercentage() {
		c.assertion(nums[1], "TaxExemptionReason")
	}
	if nums[2] != 0 && !f.exemptionPair() {
		field := "TaxExemptionCode"
		if f.hasCode {
			field = "TaxExemptionReason"
		}
		c.assertion(nums[2], field)
	}
	if nums[3] != 0 && !f.taxBaseUnitPrice() {
		c.assertion(nums[3], "UnitPrice")
	}
	if nums[4] != 0 && !f.taxBaseAmount() {
		field := "DebitAmount"
		if f.hasCredit {
			field = "CreditAmount"
		}
		c.assertion(nums[4], field)
	}
}

var (
	invoiceLineAsserts  = [5]int{3, 4, 5, 6, 7}
	movementLineAsserts = [5]int{0, 8, 9, 0, 0}
	workLineAsserts     = [5]int{10, 11, 12, 13, 14}
	paymentLineAsserts  = [5]int{15, 16, 17, 0, 0}
)

// accountAssertions is assertions 1 and 2 on an account.
func (c *checker) accountAssertions(category string, hasTaxonomyCode, hasGroupingCode bool) {
	if (category == "GM") != hasTaxonomyCode {
		c.assertion(1, "TaxonomyCode")
	}
	ok := false
	switch category {
	case "GR", "AR":
		ok = !hasGroupingCode
	case "GA", "AA", "GM", "AM":
		ok = hasGroupingCode
	}
	if !ok {
		c.assertion(2, "GroupingCode")
	}
}
