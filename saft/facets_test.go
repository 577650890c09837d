package saft

import (
	"encoding/base64"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
)

// allPatterns is every pattern facet of facets.go.
var allPatterns = map[string]*xsdPattern{
	"AccountID": patAccountID, "GLAccountID": patGLAccountID, "AuditFileVersion": patAuditFileVersion,
	"CompanyID": patCompanyID, "Country": patCountry, "CustomerCountry": patCustomerCountry,
	"TaxCountryRegion": patTaxCountryRegion, "CurrencyCode": patCurrencyCode,
	"DocumentNumber": patDocumentNumber, "EACCode": patEACCode, "TaxCode": patTaxCode,
	"PaymentTaxCode": patPaymentTaxCode, "TaxTableTaxCode": patTaxTableTaxCode,
	"MovementTaxCode": patMovementTaxCode, "CNCode": patCNCode, "UNNumber": patUNNumber,
	"DocArchivalNumber": patDocArchivalNumber, "JournalID": patJournalID, "HashControl": patHashControl,
	"ExemptionCode": patExemptionCode, "ProductID": patProductID, "TransactionID": patTransactionID,
}

// schemaFacets reads pattern, maxLength and assert counts of the schema.
func readSchema(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/SAFTPT1.04_01.xsd")
	require.NoError(t, err)
	return string(b)
}

func xmlUnescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&amp;", "&").Replace(s)
}

// TestSchemaPatternsCovered checks that the pattern table is the schema's:
// every xs:pattern of SAFTPT1.04_01.xsd is in facets.go verbatim and every
// pattern of facets.go is in the schema.
func TestSchemaPatternsCovered(t *testing.T) {
	xsd := readSchema(t)
	inSchema := map[string]bool{}
	for _, m := range regexp.MustCompile(`<xs:pattern\s+value="([^"]*)"`).FindAllStringSubmatch(xsd, -1) {
		inSchema[xmlUnescape(m[1])] = true
	}
	require.Len(t, inSchema, 22, "distinct patterns in the schema")
	ours := map[string]bool{}
	for name, p := range allPatterns {
		ours[p.xsd] = true
		assert.True(t, inSchema[p.xsd], "pattern %s is not in the schema: %s", name, p.xsd)
	}
	for p := range inSchema {
		assert.True(t, ours[p], "schema pattern without a facet: %s", p)
	}
}

// TestSchemaLengthsCovered checks that every text type of the schema with a
// maxLength has a facet with the same bounds.
func TestSchemaLengthsCovered(t *testing.T) {
	xsd := readSchema(t)
	re := regexp.MustCompile(`(?s)<xs:simpleType name="(SAFPTtextTypeMandatoryMax\d+Car|SAFPTGLAccountID|SAFPTProductDescription|SAFPTProductID|SAFPTPortugueseTaxExemptionReason|SAFPTHashControl|SAFPTTransactionID|PaymentTaxCode|TaxTableEntryTaxCode)">(.*?)</xs:simpleType>`)
	facets := map[string]*textFacet{}
	for _, f := range []*textFacet{tMax10, tMax20, tMax21, tMax30, tMax50, tMax60, tMax100, tMax172, tMax200,
		tMax210, tMax254, tMax255, tGLAccountID, tProductDesc, tProductID, tExemptionReason, tHashControl,
		tTransactionID, tPaymentTaxCode, tTaxTableTaxCode} {
		facets[f.name] = f
	}
	minRe := regexp.MustCompile(`minLength value="(\d+)"`)
	maxRe := regexp.MustCompile(`maxLength value="(\d+)"`)
	seen := 0
	for _, m := range re.FindAllStringSubmatch(xsd, -1) {
		name, body := m[1], m[2]
		f, ok := facets[name]
		if !ok {
			// Max35, Max70 and Max90 are declared but used by no element.
			assert.Contains(t, []string{"SAFPTtextTypeMandatoryMax35Car", "SAFPTtextTypeMandatoryMax70Car", "SAFPTtextTypeMandatoryMax90Car"}, name)
			continue
		}
		seen++
		assert.Equal(t, minRe.FindStringSubmatch(body)[1], strconv.Itoa(f.min), name+" minLength")
		assert.Equal(t, maxRe.FindStringSubmatch(body)[1], strconv.Itoa(f.max), name+" maxLength")
	}
	assert.Equal(t, len(facets), seen)
}

// TestSchemaAssertionCount checks that the XSD 1.1 schema has exactly the
// 19 assertions this package implements.
func TestSchemaAssertionCount(t *testing.T) {
	assert.Equal(t, 19, strings.Count(readSchema(t), "<xs:assert"))
	for n := 1; n <= 19; n++ {
		assert.NotEmpty(t, assertionRule(n))
		assert.NotEmpty(t, AssertionCode(n))
		assert.NotEmpty(t, AssertionCode(n).Description())
	}
	assert.Empty(t, assertionRule(0))
	assert.Empty(t, AssertionCode(20))
}

// patternCases holds values each pattern must accept and refuse, chosen at
// the edges of each XSD construct.
var patternCases = map[string]struct{ ok, bad []string }{
	"AccountID":        {[]string{"", "2111", "Desconhecido", "21 1/é", "a\nb"}, []string{"^", "21^1", "Desconhecido^"}},
	"GLAccountID":      {[]string{"", "21", "6.2.1 x"}, []string{"2^"}},
	"AuditFileVersion": {[]string{"1.04_01"}, []string{"1x04_01", "1.04_01 ", "1.03_01", ""}},
	"CompanyID": {
		[]string{"123456789", "123456789123456789", "Conservatória de Lisboa 12345/2001", "x 1", "a b 1/2"},
		[]string{"12345678", "1234567890", "Lisboa", "Lisboa ", "Lisboa 12a", "^ 1", " 1", "a 1 "},
	},
	"Country":          {[]string{"PT", "ES", "XK", "ZW"}, []string{"pt", "EU", "PT-AC", "Desconhecido", "", "PTE", "UK"}},
	"CustomerCountry":  {[]string{"PT", "Desconhecido", "AD"}, []string{"desconhecido", "PT-MA", "", "P"}},
	"TaxCountryRegion": {[]string{"PT", "PT-AC", "PT-MA", "ES"}, []string{"PT-XX", "Desconhecido", "", "PTAC"}},
	"CurrencyCode":     {[]string{"USD", "GBP", "ZWR", "AED"}, []string{"EUR", "usd", "", "US"}},
	"DocumentNumber": {
		[]string{"FT A/1", "FT 2024A/0001", "FT^ A/1", "F/T A/12", "FTé Sé/9", "a\tb b/1", "FT A\n/1"},
		[]string{"FT A/", "FT A/1a", "FT /1", " A/1", "FT  A/1", "FT A B/1", "FT A/1/2", "FT A^/1", "FTA/1", "FT A/1 ", "", "FT A/-1"},
	},
	"EACCode":         {[]string{"", "12345", "00000"}, []string{"1234a", "１２３４５", " 1234"}},
	"TaxCode":         {[]string{"", "NOR", "NS", "a.B9", "ISE"}, []string{"NO R", "N-S", "é", "NA!"}},
	"PaymentTaxCode":  {[]string{"NA", "RED", "x"}, []string{"N A", "_"}},
	"TaxTableTaxCode": {[]string{"NA", "NS", "OUT", "1.2"}, []string{"N/A", "-"}},
	"MovementTaxCode": {[]string{"RED", "INT", "NOR", "ISE", "OUT", "NS"}, []string{"NA", "", "nor", "RED "}},
	"CNCode":          {[]string{"12345678"}, []string{"1234567", "123456789", "1234567a", ""}},
	"UNNumber":        {[]string{"1234"}, []string{"123", "12345", "12a4"}},
	"DocArchivalNumber": {
		[]string{"1", "12345678901234567890", "ééééééééééééééééééé", "a/b\nc"},
		[]string{"", "123456789012345678901", "a b", " "},
	},
	"JournalID": {[]string{"1", strings.Repeat("j", 30)}, []string{"", strings.Repeat("j", 31), "a b"}},
	"HashControl": {
		[]string{"0", "1", "12", "9999.1", "1-FTM abc/00001", "1-FTD XY 2013A/00099", "12-GRM a.b/1"},
		[]string{"", "1.", ".1", "1.2.3", "1-ftM a/1", "1-FTM a b/1", "1-FTM a/1/2", "1-FTD a/1", "1-FTX a/1", "Não certificado", "1 -FTM a/1", "1-FTM /1", "12-GRM a^/1"},
	},
	"ExemptionCode": {[]string{"M01", "M99", "M01M02", "M00"}, []string{"", "M1", "M001", "m01", "M01M", "M0a", "X01"}},
	"ProductID":     {[]string{"Prog/Empresa", "a/b", "a b/c d"}, []string{"ab", "a/b/c", "/b", "a/"}},
	"TransactionID": {
		[]string{"2024-01-15 DIV 123", "1999-19-39 j a", "2024-01-15 " + strings.Repeat("é", 30) + " " + strings.Repeat("x", 20)},
		[]string{"0024-01-15 DIV 1", "2024-21-15 DIV 1", "2024-01-45 DIV 1", "2024-01-15 DIV", "2024-01-15  1", "2024-01-15 DIV 1 2",
			"2024-01-15 " + strings.Repeat("é", 31) + " 1", "2024-01-15 j " + strings.Repeat("x", 21), "2024/01/15 j 1", "2024-1-15 j 1"},
	},
}

func TestPatterns(t *testing.T) {
	for name, cases := range patternCases {
		p := allPatterns[name]
		require.NotNil(t, p, name)
		for _, s := range cases.ok {
			assert.True(t, p.re.MatchString(s), "%s regexp should accept %q", name, s)
			assert.True(t, p.match(s), "%s should accept %q", name, s)
		}
		for _, s := range cases.bad {
			assert.False(t, p.re.MatchString(s), "%s regexp should refuse %q", name, s)
			assert.False(t, p.match(s), "%s should refuse %q", name, s)
		}
	}
	for name := range allPatterns {
		_, ok := patternCases[name]
		assert.True(t, ok, "pattern %s has no test cases", name)
	}
}

// FuzzPatternMatchers checks that every hand-written matcher agrees with
// the anchored regexp translation of the schema's pattern.
func FuzzPatternMatchers(f *testing.F) {
	for _, cases := range patternCases {
		for _, s := range append(cases.ok, cases.bad...) {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, p := range allPatterns {
			if p.fast == nil {
				continue
			}
			if got, want := p.fast(s), p.re.MatchString(s); got != want {
				t.Fatalf("%s: matcher says %v, regexp %v, for %q", name, got, want, s)
			}
		}
	})
}

func TestTextFacets(t *testing.T) {
	check := func(v string, f *textFacet) []violation.Code {
		c := newChecker("/X")
		c.text("F", v, f)
		var codes []violation.Code
		for _, v := range c.out {
			assert.Equal(t, "/X/F", v.Path)
			codes = append(codes, v.Code)
		}
		return codes
	}
	assert.Empty(t, check("a", tMax10))
	assert.Equal(t, []violation.Code{CodeFacetRequired}, check("", tMax10))
	assert.Empty(t, check(strings.Repeat("é", 10), tMax10), "lengths count characters, not bytes")
	assert.Equal(t, []violation.Code{CodeFacetMaxLength}, check(strings.Repeat("é", 11), tMax10))
	assert.Equal(t, []violation.Code{CodeFacetMinLength}, check("a", tProductDesc))
	assert.Empty(t, check("Isento", tExemptionReason), "6 characters is enough")
	assert.Equal(t, []violation.Code{CodeFacetMinLength}, check("Isent", tExemptionReason))
	assert.Equal(t, []violation.Code{CodeFacetLength}, check("1234", tEACCode))
	assert.Equal(t, []violation.Code{CodeFacetLength, CodeFacetPattern}, check("1234a6", tEACCode))
	assert.Equal(t, []violation.Code{CodeFacetPattern}, check("FT1", tInvoiceNo))
	assert.Equal(t, []violation.Code{CodeFacetMaxLength}, check("FT A/"+strings.Repeat("1", 56), tInvoiceNo))
	assert.Equal(t, []violation.Code{CodeFacetChar}, check("a\x01b", tMax10))
	assert.Equal(t, []violation.Code{CodeFacetChar}, check("a\xffb", tMax10))
	assert.Equal(t, []violation.Code{CodeFacetChar}, check("\uFFFE", tMax10))
	assert.Empty(t, check("a\tb\r\nc", tMax10), "tab, CR and LF are XML characters")
	assert.Empty(t, check("😀", tMax10), "supplementary characters are XML characters")

	c := newChecker("/X")
	c.optText("F", "", tMax10)
	assert.Empty(t, c.out, "an optional empty text is absent")
}

func TestViolationPaths(t *testing.T) {
	c := newChecker("/AuditFile/SourceDocuments/SalesInvoices/Invoice[3]")
	c.push("Line", 2)
	c.push("Tax", 0)
	c.enum("TaxType", "VAT", eTaxType)
	c.pop()
	c.text("ProductCode", "", tMax60)
	c.pop()
	c.text("InvoiceNo", "x", tInvoiceNo)
	require.Len(t, c.out, 3)
	assert.Equal(t, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[3]/Line[2]/Tax/TaxType", c.out[0].Path)
	assert.Equal(t, CodeFacetEnum, c.out[0].Code)
	assert.Contains(t, c.out[0].Message, `"VAT"`)
	assert.Equal(t, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[3]/Line[2]/ProductCode", c.out[1].Path)
	assert.Equal(t, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[3]/InvoiceNo", c.out[2].Path)
}

func TestValidationError(t *testing.T) {
	assert.NoError(t, asError(nil))
	err := asError([]violation.Violation{
		{Code: CodeFacetRequired, Path: "/a", Message: "m1"},
		{Code: CodeFacetEnum, Path: "/b", Message: "m2"},
		{Code: CodeFacetRequired, Path: "/c", Message: "m3"},
		{Code: CodeFacetRequired, Path: "/d", Message: "m4"},
	})
	require.ErrorIs(t, err, ErrInvalid)
	var ve *violation.Error
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []violation.Code{CodeFacetRequired, CodeFacetEnum}, ve.Codes())
	assert.Equal(t, "saft: 4 violations: /a: m1 [SAFT-FACET-REQUIRED]; /b: m2 [SAFT-FACET-ENUM]; /c: m3 [SAFT-FACET-REQUIRED]; /d: m4 [SAFT-FACET-REQUIRED]", err.Error())
	assert.NoError(t, asError([]violation.Violation{{Code: CodeRuleLineNumber, Path: "/a", Message: "m"}}), "warnings alone")
}

func TestCodesDescribed(t *testing.T) {
	codes := Codes.Values()
	assert.GreaterOrEqual(t, len(codes), 19+12+17+19+3)
	for _, c := range codes {
		assert.Regexp(t, `^SAFT-(FACET|ASSERT|UNIQUE|KEYREF|RULE|READ)-[A-Z0-9-]+$`, c)
		assert.True(t, Codes.Valid(c))
		assert.NotEmpty(t, c.Description())
		want := violation.SeverityError
		if c == CodeRuleLineNumber {
			want = violation.SeverityWarning
		}
		assert.Equal(t, want, c.Severity(), c)
	}
	assert.False(t, Codes.Valid("SAFT-NOPE"))
	assert.Empty(t, violation.Code("SAFT-NOPE").Description())
}

// TestValidDate checks the fast calendar check against Date.Valid.
func TestValidDate(t *testing.T) {
	for _, y := range []int{0, 1, 4, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999, 10000} {
		for m := 0; m <= 13; m++ {
			for d := -1; d <= 32; d++ {
				date := civil.Date{Year: y, Month: time.Month(m), Day: d}
				require.Equal(t, date.Valid(), validDate(date), "%v", date)
			}
		}
	}
}

// TestIsSignature checks the signature shape against base64 decoding.
func TestIsSignature(t *testing.T) {
	for i := range 200 {
		sig := make([]byte, 128)
		for j := range sig {
			sig[j] = byte(i*31 + j*7)
		}
		s := base64.StdEncoding.EncodeToString(sig)
		assert.True(t, isSignature(s))
		assert.False(t, isSignature(s[:171]+"A"), "no padding")
		assert.False(t, isSignature(s[:170]+"\n="), "newline")
		assert.False(t, isSignature(s+"="))
	}
	assert.False(t, isSignature("0"))
	assert.False(t, isSignature(strings.Repeat("A", 172)))
	assert.True(t, isSignature(strings.Repeat("A", 171)+"="))
}

// schemaRestrictions returns, for every named simple type and every element
// with an anonymous simple type, the body of its xs:restriction.
func schemaRestrictions(t *testing.T) map[string]string {
	xsd := readSchema(t)
	out := map[string]string{}
	re := regexp.MustCompile(`(?s)<xs:(element|simpleType) name="(\w+)"[^>/]*>(.*?)</xs:(element|simpleType)>`)
	for _, m := range re.FindAllStringSubmatch(xsd, -1) {
		if i := strings.Index(m[3], "<xs:restriction"); i >= 0 {
			out[m[2]] = m[3][i:]
		}
	}
	return out
}

// TestSchemaEnumerationsCovered compares every enumeration of the schema
// with ours.
func TestSchemaEnumerationsCovered(t *testing.T) {
	ours := map[string]*enumFacet{}
	for _, e := range []*enumFacet{eCurrencyPT, eTaxAccountingBasis, eTaxonomyReference, eGroupingCategory, eProductType,
		eTaxType, eMovementTaxType, eTransactionType, eInvoiceStatus, eInvoiceType, eMovementStatus, eMovementType,
		eWorkStatus, eWorkType, ePaymentStatus, ePaymentType, eSourceBilling, eSourcePayment, ePaymentMechanism,
		eWithholdingTaxType} {
		ours[e.name] = e
	}
	enumRe := regexp.MustCompile(`<xs:enumeration value="([^"]*)"`)
	seen := 0
	for name, body := range schemaRestrictions(t) {
		var values []string
		for _, m := range enumRe.FindAllStringSubmatch(body, -1) {
			values = append(values, m[1])
		}
		if values == nil {
			continue
		}
		seen++
		e, ok := ours[name]
		if assert.True(t, ok, "enumeration %s not in facets.go", name) {
			assert.Equal(t, values, e.values, name)
		}
	}
	assert.Equal(t, len(ours), seen)
}

// TestSchemaRangesCovered compares the integer ranges and the element
// text lengths of the schema with ours.
func TestSchemaRangesCovered(t *testing.T) {
	ints := map[string]*intFacet{
		"FiscalYear": iFiscalYear, "Period": iPeriod, "SAFPTAccountingPeriod": iAccountingPer,
		"SAFPTPortugueseVatNumber": iVATNumber, "SAFPTTaxonomyCode": iTaxonomyCode,
	}
	texts := map[string]*textFacet{
		"AccountID": tAccountID, "CompanyID": tCompanyID, "DocumentNumber": tDocumentNumber, "InvoiceNo": tInvoiceNo,
		"PaymentRefNo": tPaymentRefNo, "EACCode": tEACCode, "TaxCode": tTaxCode,
	}
	minRe := regexp.MustCompile(`minInclusive value="(\d+)"`)
	maxRe := regexp.MustCompile(`maxInclusive value="(\d+)"`)
	restrictions := schemaRestrictions(t)
	for name, f := range ints {
		body := restrictions[name]
		require.NotEmpty(t, body, name)
		assert.Equal(t, minRe.FindStringSubmatch(body)[1], strconv.FormatInt(f.min, 10), name)
		assert.Equal(t, maxRe.FindStringSubmatch(body)[1], strconv.FormatInt(f.max, 10), name)
	}
	// The 0/1 indicators are Go bools (Indicator): they cannot go out of range.
	for _, name := range []string{"SelfBillingIndicator", "CashVATSchemeIndicator", "ThirdPartiesBillingIndicator"} {
		assert.Contains(t, restrictions[name], `maxInclusive value="1"`)
	}
	lenRe := func(facet string) *regexp.Regexp { return regexp.MustCompile(facet + ` value="(\d+)"`) }
	for name, f := range texts {
		body := restrictions[name]
		require.NotEmpty(t, body, name)
		if m := lenRe("minLength").FindStringSubmatch(body); m != nil {
			assert.Equal(t, m[1], strconv.Itoa(f.min), name+" minLength")
		}
		if m := lenRe("maxLength").FindStringSubmatch(body); m != nil {
			assert.Equal(t, m[1], strconv.Itoa(f.max), name+" maxLength")
		}
		if m := lenRe("<xs:length").FindStringSubmatch(body); m != nil {
			assert.Equal(t, m[1], strconv.Itoa(f.exact), name+" length")
		}
	}
}
