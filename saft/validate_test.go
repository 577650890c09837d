package saft

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/internal/xmllint"
	"github.com/faturapt/faturapt/violation"
)

// violations returns f's violations, none when f is valid.
func violations(t *testing.T, f *AuditFile) []violation.Violation {
	t.Helper()
	err := f.Validate()
	if err == nil {
		return nil
	}
	var ve *violation.Error
	require.ErrorAs(t, err, &ve)
	require.ErrorIs(t, err, ErrInvalid)
	require.NotEmpty(t, ve.Violations)
	return ve.Violations
}

func codesOf(vs []violation.Violation) []violation.Code {
	var out []violation.Code
	for _, v := range vs {
		if !slices.Contains(out, v.Code) {
			out = append(out, v.Code)
		}
	}
	slices.Sort(out)
	return out
}

func TestValidFile(t *testing.T) {
	f := valFile()
	assert.Empty(t, violations(t, f))
	// The writer validates by default and accepts it.
	var buf bytes.Buffer
	require.NoError(t, WriteAuditFile(&buf, f))
	requireSchemaValid(t, buf.Bytes())
}

const schema = "testdata/SAFTPT1.04_01.xsd10.xsd"

func requireSchemaValid(t *testing.T, data []byte) {
	t.Helper()
	require.NoError(t, xmllint.Validate(t, schema, data))
}

// assertionCase breaks assertion n in break and exercises its condition
// without breaking it in keep.
type assertionCase struct {
	n       int
	also    []int // other assertions the broken file breaks too
	path    string
	breakIt func(f *AuditFile)
	keep    func(f *AuditFile)
}

func invLine(f *AuditFile, i, l int) *InvoiceLine {
	return &f.SourceDocuments.SalesInvoices.Invoice[i].Line[l]
}
func mvLine(f *AuditFile) *StockMovementLine {
	return &f.SourceDocuments.MovementOfGoods.StockMovement[0].Line[0]
}
func wdLine(f *AuditFile) *InvoiceLine {
	return &f.SourceDocuments.WorkingDocuments.WorkDocument[0].Line[0]
}
func pay(f *AuditFile, i int) *Payment { return &f.SourceDocuments.Payments.Payment[i] }
func account(f *AuditFile, i int) *Account {
	return &f.MasterFiles.GeneralLedgerAccounts.Account[i]
}

func exempt(reason, code string) func(*InvoiceLine) {
	return func(l *InvoiceLine) { l.TaxExemptionReason, l.TaxExemptionCode = reason, code }
}

func stampDuty(amount string) *Tax {
	return &Tax{TaxType: TaxTypeStampDuty, TaxCountryRegion: "PT", TaxCode: "1.1", TaxAmount: fxDecp(amount)}
}

const (
	pInv0  = "/AuditFile/SourceDocuments/SalesInvoices/Invoice[1]"
	pInv1  = "/AuditFile/SourceDocuments/SalesInvoices/Invoice[2]"
	pMv    = "/AuditFile/SourceDocuments/MovementOfGoods/StockMovement[1]/Line[1]"
	pWd    = "/AuditFile/SourceDocuments/WorkingDocuments/WorkDocument[1]/Line[1]"
	pPay0  = "/AuditFile/SourceDocuments/Payments/Payment[1]"
	pAccts = "/AuditFile/MasterFiles/GeneralLedgerAccounts/Account"
)

var assertionCases = []assertionCase{
	{n: 1, path: pAccts + "[1]/TaxonomyCode",
		breakIt: func(f *AuditFile) { account(f, 0).TaxonomyCode = 1 }, // GR with TaxonomyCode
		keep: func(f *AuditFile) { // GA without TaxonomyCode, AM without
			f.MasterFiles.GeneralLedgerAccounts.Account = append(f.MasterFiles.GeneralLedgerAccounts.Account,
				Account{AccountID: "2111", AccountDescription: "Agregadora", GroupingCategory: GroupingCategoryGA, GroupingCode: "21"},
				Account{AccountID: "A1", AccountDescription: "Analítica", GroupingCategory: GroupingCategoryAM, GroupingCode: "21"})
		}},
	{n: 1, path: pAccts + "[2]/TaxonomyCode",
		breakIt: func(f *AuditFile) { account(f, 1).TaxonomyCode = 0 }, // GM without TaxonomyCode
		keep:    func(f *AuditFile) { account(f, 1).TaxonomyCode = 999 }},
	{n: 2, path: pAccts + "[2]/GroupingCode",
		breakIt: func(f *AuditFile) { account(f, 1).GroupingCode = "" }, // GM without GroupingCode
		keep: func(f *AuditFile) { // AR without, AA with
			f.MasterFiles.GeneralLedgerAccounts.Account = append(f.MasterFiles.GeneralLedgerAccounts.Account,
				Account{AccountID: "90", AccountDescription: "Analítica", GroupingCategory: GroupingCategoryAR},
				Account{AccountID: "901", AccountDescription: "Analítica", GroupingCategory: GroupingCategoryAA, GroupingCode: "90"})
		}},
	{n: 2, path: pAccts + "[1]/GroupingCode",
		breakIt: func(f *AuditFile) { account(f, 0).GroupingCode = "72" }, // GR with GroupingCode
		keep:    func(f *AuditFile) {}},
	{n: 3, path: pInv1 + "/Line[1]/TaxExemptionReason",
		breakIt: func(f *AuditFile) { exempt("Isento artigo 9.º", "M07")(invLine(f, 1, 0)) }, // TaxAmount 5 with a reason
		keep: func(f *AuditFile) { // TaxAmount 0 with a reason
			l := invLine(f, 1, 0)
			l.Tax.TaxAmount = fxDecp("0")
			exempt("Isento artigo 9.º", "M07")(l)
		}},
	{n: 3, path: pInv1 + "/Line[1]/TaxExemptionReason",
		breakIt: func(f *AuditFile) { invLine(f, 1, 0).Tax.TaxAmount = fxDecp("0") }, // TaxAmount 0 without reason
		keep:    func(f *AuditFile) {}},
	{n: 4, path: pInv0 + "/Line[1]/TaxExemptionReason",
		breakIt: func(f *AuditFile) { exempt("Isento artigo 9.º", "M07")(invLine(f, 0, 0)) }, // 23% with a reason
		keep:    func(f *AuditFile) {}},                                                      // 23% without, 0% with
	{n: 4, also: []int{5}, path: pInv0 + "/Line[2]/TaxExemptionReason",
		breakIt: func(f *AuditFile) { exempt("", "M07")(invLine(f, 0, 1)) }, // 0% without a reason
		keep:    func(f *AuditFile) {}},
	{n: 5, path: pInv0 + "/Line[2]/TaxExemptionCode",
		breakIt: func(f *AuditFile) { invLine(f, 0, 1).TaxExemptionCode = "" },
		keep:    func(f *AuditFile) {}},
	{n: 6, path: pInv1 + "/Line[1]/UnitPrice",
		breakIt: func(f *AuditFile) { invLine(f, 1, 0).UnitPrice = fxDec("1") },
		keep:    func(f *AuditFile) { invLine(f, 0, 0).TaxBase = nil }}, // no TaxBase: any UnitPrice
	{n: 7, path: pInv1 + "/Line[1]/CreditAmount",
		breakIt: func(f *AuditFile) { invLine(f, 1, 0).CreditAmount = fxDecp("1") },
		keep: func(f *AuditFile) { // DebitAmount 0 with TaxBase
			l := invLine(f, 1, 0)
			l.CreditAmount, l.DebitAmount = nil, fxDecp("0")
		}},
	{n: 7, path: pInv1 + "/Line[1]/DebitAmount",
		breakIt: func(f *AuditFile) {
			l := invLine(f, 1, 0)
			l.CreditAmount, l.DebitAmount = nil, fxDecp("2")
		},
		keep: func(f *AuditFile) {}},
	{n: 8, path: pMv + "/TaxExemptionReason",
		breakIt: func(f *AuditFile) {
			mvLine(f).TaxExemptionReason, mvLine(f).TaxExemptionCode = "Isento artigo 9.º", "M07"
		},
		keep: func(f *AuditFile) { // 0% with a reason
			l := mvLine(f)
			l.Tax.TaxCode, l.Tax.TaxPercentage = TaxCodeExempt, fxDec("0")
			l.TaxExemptionReason, l.TaxExemptionCode = "Isento artigo 9.º", "M07"
		}},
	{n: 8, also: []int{9}, path: pMv + "/TaxExemptionReason",
		breakIt: func(f *AuditFile) { // 0% without a reason
			l := mvLine(f)
			l.Tax.TaxCode, l.Tax.TaxPercentage = TaxCodeExempt, fxDec("0")
			l.TaxExemptionCode = "M07"
		},
		keep: func(f *AuditFile) { mvLine(f).Tax = nil }}, // no Tax: nothing to check
	{n: 9, path: pMv + "/TaxExemptionCode",
		breakIt: func(f *AuditFile) { // reason without code... and 6%: breaks 8 too, so use 0%
			l := mvLine(f)
			l.Tax.TaxCode, l.Tax.TaxPercentage = TaxCodeExempt, fxDec("0")
			l.TaxExemptionReason = "Isento artigo 9.º"
		},
		keep: func(f *AuditFile) {}},
	{n: 10, path: pWd + "/TaxExemptionReason",
		breakIt: func(f *AuditFile) { wdLine(f).Tax = stampDuty("5"); exempt("Isento artigo 9.º", "M07")(wdLine(f)) },
		keep:    func(f *AuditFile) { wdLine(f).Tax = stampDuty("0"); exempt("Isento artigo 9.º", "M07")(wdLine(f)) }},
	{n: 11, path: pWd + "/TaxExemptionReason",
		breakIt: func(f *AuditFile) { exempt("Isento artigo 9.º", "M07")(wdLine(f)) },
		keep:    func(f *AuditFile) { wdLine(f).Tax = valVAT("0"); exempt("Isento artigo 9.º", "M07")(wdLine(f)) }},
	{n: 12, path: pWd + "/TaxExemptionCode",
		breakIt: func(f *AuditFile) { wdLine(f).Tax = valVAT("0"); exempt("Isento artigo 9.º", "")(wdLine(f)) },
		keep:    func(f *AuditFile) { wdLine(f).Tax = nil }},
	{n: 13, path: pWd + "/UnitPrice",
		breakIt: func(f *AuditFile) { l := wdLine(f); l.TaxBase, l.CreditAmount = fxDecp("1000"), fxDecp("0") },
		keep: func(f *AuditFile) {
			l := wdLine(f)
			l.TaxBase, l.CreditAmount, l.UnitPrice = fxDecp("1000"), fxDecp("0"), fxDec("0")
		}},
	{n: 14, path: pWd + "/CreditAmount",
		breakIt: func(f *AuditFile) { l := wdLine(f); l.TaxBase, l.UnitPrice = fxDecp("1000"), fxDec("0") },
		keep:    func(f *AuditFile) {}},
	{n: 15, path: pPay0 + "/Line[1]/TaxExemptionReason",
		breakIt: func(f *AuditFile) {
			l := &pay(f, 0).Line[0]
			l.Tax = &PaymentTax{TaxType: TaxTypeStampDuty, TaxCountryRegion: "PT", TaxCode: "1.1", TaxAmount: fxDecp("5")}
			l.TaxExemptionReason, l.TaxExemptionCode = "Isento artigo 9.º", "M07"
		},
		keep: func(f *AuditFile) {
			l := &pay(f, 0).Line[0]
			l.Tax = &PaymentTax{TaxType: TaxTypeStampDuty, TaxCountryRegion: "PT", TaxCode: "1.1", TaxAmount: fxDecp("0")}
			l.TaxExemptionReason, l.TaxExemptionCode = "Isento artigo 9.º", "M07"
		}},
	{n: 16, path: pPay0 + "/Line[1]/TaxExemptionReason",
		breakIt: func(f *AuditFile) {
			l := &pay(f, 0).Line[0]
			l.TaxExemptionReason, l.TaxExemptionCode = "Isento artigo 9.º", "M07"
		},
		keep: func(f *AuditFile) {
			l := &pay(f, 0).Line[0]
			l.Tax.TaxCode, l.Tax.TaxPercentage = TaxCodeExempt, fxDecp("0")
			l.TaxExemptionReason, l.TaxExemptionCode = "Isento artigo 9.º", "M07"
		}},
	{n: 17, path: pPay0 + "/Line[1]/TaxExemptionReason",
		breakIt: func(f *AuditFile) { pay(f, 0).Line[0].TaxExemptionCode = "M07" },
		keep:    func(f *AuditFile) {}},
	{n: 18, path: pPay0 + "/Line[2]/Tax",
		breakIt: func(f *AuditFile) { // an RC payment with a second line without Tax
			p := pay(f, 0)
			l := p.Line[0]
			l.LineNumber, l.Tax = 2, nil
			p.Line = append(p.Line, l)
		},
		keep: func(f *AuditFile) { // an RG payment with a line without Tax (the base) and one with
			p := pay(f, 1)
			l := pay(f, 0).Line[0]
			l.LineNumber = 2
			p.Line = append(p.Line, l)
		}},
	{n: 19, also: []int{18}, path: pPay0 + "/PaymentType",
		breakIt: func(f *AuditFile) { pay(f, 0).Line[0].Tax = nil }, // RC without any Tax
		keep:    func(f *AuditFile) {}},
}

// TestAssertions checks each of the 19 assertions with a file that breaks
// it and one that does not (the base file, which has elements each
// assertion looks at, and a variant exercising its condition).
func TestAssertions(t *testing.T) {
	covered := map[int]bool{}
	for _, tc := range assertionCases {
		code := AssertionCode(tc.n)
		t.Run(string(code), func(t *testing.T) {
			covered[tc.n] = true
			f := valFile()
			tc.breakIt(f)
			vs := violations(t, f)
			want := []violation.Code{code}
			for _, n := range tc.also {
				want = append(want, AssertionCode(n))
			}
			slices.Sort(want)
			assert.Equal(t, want, codesOf(filterCodes(vs, "SAFT-ASSERT-")), "assertions broken: %v", vs)
			assert.Contains(t, vs, violation.Violation{Code: code, Path: tc.path, Message: "assertion " + strconv.Itoa(tc.n) + " of the schema fails: " + assertionRule(tc.n)})

			g := valFile()
			tc.keep(g)
			assert.Empty(t, violations(t, g), "the variant that keeps assertion %d", tc.n)
		})
	}
	for n := 1; n <= 19; n++ {
		assert.True(t, covered[n], "assertion %d has no test", n)
	}
}

// filterCodes keeps the violations whose code starts with prefix.
func filterCodes(vs []violation.Violation, prefix string) []violation.Violation {
	var out []violation.Violation
	for _, v := range vs {
		if strings.HasPrefix(string(v.Code), prefix) {
			out = append(out, v)
		}
	}
	return out
}

// check runs the checks of one record alone at path: no keys, no Header.
func check(path string, f func(c *checker)) []violation.Violation {
	c := newChecker(path)
	f(&c)
	return c.out
}
