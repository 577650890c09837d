package saft

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is the table of the simple types of SAFTPT1.04_01.xsd (revision
// 2022-05-17): for each XSD simple type or restricted element, its facets
// (minLength, maxLength, length, pattern, enumeration, minInclusive,
// maxInclusive) as Go values, and the checks that apply them to a value.
//
// XSD patterns are translated to RE2 (package regexp) by anchoring them
// (XSD patterns always match the whole value: ^(?:...)\z). The schema's
// patterns use only ASCII ranges, negated classes such as [^^] and [^/^ ]
// (a '^' after the first position is literal in both dialects),
// alternation, groups and counted repetition; none uses \d, \w, \p{...},
// '.' or class subtraction, the constructs whose meaning differs between
// XSD and RE2, so the anchored translation is exact. Go's negated classes
// match newlines, as XSD's do. TestSchemaPatternsCovered checks that every
// pattern of the schema appears here verbatim, so a new schema revision
// cannot slip past this table. Hot patterns also have a hand-written
// matcher, checked against the regexp by tests and by FuzzPatternMatchers.
//
// Lengths are counted in characters (Unicode code points), as XSD does.

// xsdPattern is one pattern facet: the schema's text, its anchored RE2
// translation and, optionally, a faster equivalent matcher.
type xsdPattern struct {
	xsd  string
	re   *regexp.Regexp
	fast func(string) bool
}

func newPattern(xsd string, fast func(string) bool) *xsdPattern {
	return &xsdPattern{xsd: xsd, re: regexp.MustCompile(`^(?:` + xsd + `)\z`), fast: fast}
}

func (p *xsdPattern) match(s string) bool {
	if p.fast != nil {
		return p.fast(s)
	}
	return p.re.MatchString(s)
}

// textFacet is a restriction of xs:string: length bounds in characters
// (max 0 = none, exact > 0 = xs:length) and an optional pattern.
type textFacet struct {
	name     string // XSD type name (or element name for anonymous types)
	min, max int
	exact    int
	pattern  *xsdPattern
}

// enumFacet is a restriction of xs:string by enumeration.
type enumFacet struct {
	name   string
	values []string
}

func enumOf[T ~string](name string, values func(T) []T) *enumFacet {
	var zero T
	e := &enumFacet{name: name}
	for _, v := range values(zero) {
		e.values = append(e.values, string(v))
	}
	return e
}

func (e *enumFacet) has(v string) bool {
	for _, x := range e.values {
		if x == v {
			return true
		}
	}
	return false
}

// intFacet is a restriction of xs:integer by minInclusive/maxInclusive.
type intFacet struct {
	name     string
	min, max int64
	hasMax   bool
}

// The countries of ISO 3166-1 alpha-2 the schema lists (element Country).
const countryCodes = "AD|AE|AF|AG|AI|AL|AM|AO|AQ|AR|AS|AT|AU|AW|AX|AZ|BA|BB|BD|BE|BF|BG|BH|BI|BJ|BL|BM|BN|BO|BQ|BR|BS|BT|BV|BW|BY|BZ|CA|CC|CD|CF|CG|CH|CI|CK|CL|CM|CN|CO|CR|CU|CV|CW|CX|CY|CZ|DE|DJ|DK|DM|DO|DZ|EC|EE|EG|EH|ER|ES|ET|FI|FJ|FK|FM|FO|FR|GA|GB|GD|GE|GF|GG|GH|GI|GL|GM|GN|GP|GQ|GR|GS|GT|GU|GW|GY|HK|HM|HN|HR|HT|HU|ID|IE|IL|IM|IN|IO|IQ|IR|IS|IT|JE|JM|JO|JP|KE|KG|KH|KI|KM|KN|KP|KR|KW|KY|KZ|LA|LB|LC|LI|LK|LR|LS|LT|LU|LV|LY|MA|MC|MD|ME|MF|MG|MH|MK|ML|MM|MN|MO|MP|MQ|MR|MS|MT|MU|MV|MW|MX|MY|MZ|NA|NC|NE|NF|NG|NI|NL|NO|NP|NR|NU|NZ|OM|PA|PE|PF|PG|PH|PK|PL|PM|PN|PR|PS|PT|PW|PY|QA|RE|RO|RS|RU|RW|SA|SB|SC|SD|SE|SG|SH|SI|SJ|SK|SL|SM|SN|SO|SR|SS|ST|SV|SX|SY|SZ|TC|TD|TF|TG|TH|TJ|TK|TL|TM|TN|TO|TR|TT|TV|TW|TZ|UA|UG|UM|US|UY|UZ|VA|VC|VE|VG|VI|VN|VU|WF|WS|XK|YE|YT|ZA|ZM|ZW"

// The currencies of ISO 4217 the schema lists (element CurrencyCode of a
// document's Currency; EUR is deliberately absent: a document in euros has
// no Currency structure).
const currencyCodes = "AED|AFN|ALL|AMD|ANG|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BGN|BHD|BIF|BMD|BND|BOB|BOV|BRL|BSD|BTN|BWP|BYN|BYR|BZD|CAD|CDF|CHE|CHF|CHW|CLF|CLP|CNY|COP|COU|CRC|CUC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HRK|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LTL|LVL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRO|MRU|MUR|MVR|MWK|MXN|MXV|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SLL|SOS|SRD|SSP|STD|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|USN|USS|UYI|UYU|UZS|VED|VEF|VES|VND|VUV|WST|XAF|XAG|XAU|XBA|XBB|XBC|XBD|XCD|XDR|XFU|XOF|XPD|XPF|XPT|XSU|XUA|YER|ZAR|ZMW|ZWL|EEK|SKK|TMM|ZMK|ZWD|ZWR"

func setOf(alternatives string) map[string]bool {
	m := map[string]bool{}
	for _, v := range strings.Split(alternatives, "|") {
		m[v] = true
	}
	return m
}

var (
	countrySet         = setOf(countryCodes)
	customerCountrySet = setOf(countryCodes + "|Desconhecido")
	taxRegionSet       = setOf(countryCodes + "|PT-AC|PT-MA")
	currencySet        = setOf(currencyCodes)
)

func inSet(m map[string]bool) func(string) bool { return func(s string) bool { return m[s] } }

// Patterns of the schema, verbatim, with their matchers.
var (
	patAccountID         = newPattern(`(([^^]*)|Desconhecido)`, noCaret)
	patGLAccountID       = newPattern(`([^^]*)`, noCaret)
	patAuditFileVersion  = newPattern(`1\.04_01`, func(s string) bool { return s == "1.04_01" })
	patCompanyID         = newPattern(`([0-9]{9})+|([^^]+ [0-9/]+)`, nil)
	patCountry           = newPattern(countryCodes, inSet(countrySet))
	patCustomerCountry   = newPattern(countryCodes+`|Desconhecido`, inSet(customerCountrySet))
	patTaxCountryRegion  = newPattern(countryCodes+`|PT-AC|PT-MA`, inSet(taxRegionSet))
	patCurrencyCode      = newPattern(currencyCodes, inSet(currencySet))
	patDocumentNumber    = newPattern(`[^ ]+ [^/^ ]+/[0-9]+`, isDocumentNumber)
	patEACCode           = newPattern(`(([0-9]*))`, allDigits)
	patTaxCode           = newPattern(`RED|INT|NOR|ISE|OUT|([a-zA-Z0-9\.])*|NS`, isTaxCodeChars)
	patPaymentTaxCode    = newPattern(`RED|INT|NOR|ISE|OUT|([a-zA-Z0-9\.])*|NA`, isTaxCodeChars)
	patTaxTableTaxCode   = newPattern(`RED|INT|NOR|ISE|OUT|([a-zA-Z0-9\.])*|NS|NA`, isTaxCodeChars)
	patMovementTaxCode   = newPattern(`RED|INT|NOR|ISE|OUT|NS`, nil)
	patCNCode            = newPattern(`[0-9]{8}`, nil)
	patUNNumber          = newPattern(`[0-9]{4}`, nil)
	patDocArchivalNumber = newPattern(`[^ ]{1,20}`, func(s string) bool { return noSpaceRunes(s, 20) })
	patJournalID         = newPattern(`[^ ]{1,30}`, func(s string) bool { return noSpaceRunes(s, 30) })
	patHashControl       = newPattern(`[0-9]+|[0-9]+[\.][0-9]+|[0-9]+-[A-Z]{2}(M )([^/^ ]+[/][0-9]+)|[0-9]+-[A-Z]{2}(D )([^ ]+ [^/^ ]+[/][0-9]+)`, nil)
	patExemptionCode     = newPattern(`(M[0-9]{2})+`, isExemptionCode)
	patProductID         = newPattern(`[^/]+/[^/]+`, nil)
	patTransactionID     = newPattern(`[1-9][0-9]{3}-[01][0-9]-[0-3][0-9] [^ ]{1,30} [^ ]{1,20}`, isTransactionID)
)

func init() {
	// HashControl is on every document: answer its two common forms (key
	// version; certificate.version) without the regexp.
	re := patHashControl.re
	patHashControl.fast = func(s string) bool {
		if allDigits(s) && s != "" {
			return true
		}
		if i := strings.IndexByte(s, '.'); i > 0 && i < len(s)-1 && allDigits(s[:i]) && allDigits(s[i+1:]) {
			return true
		}
		return re.MatchString(s)
	}
}

func noCaret(s string) bool { return strings.IndexByte(s, '^') < 0 }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isTaxCodeChars(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.') {
			return false
		}
	}
	return true
}

// noSpaceRunes is [^ ]{1,max}.
func noSpaceRunes(s string, max int) bool {
	if s == "" || strings.IndexByte(s, ' ') >= 0 {
		return false
	}
	return utf8.RuneCountInString(s) <= max
}

// isDocumentNumber is [^ ]+ [^/^ ]+/[0-9]+: exactly one space (neither side
// may hold one); the type code before it is not empty; after it, a series
// without '/' or '^', one '/', and at least one digit.
func isDocumentNumber(s string) bool {
	sp := strings.IndexByte(s, ' ')
	if sp <= 0 {
		return false
	}
	rest := s[sp+1:]
	sl := strings.IndexByte(rest, '/')
	if sl <= 0 || sl == len(rest)-1 {
		return false
	}
	series, num := rest[:sl], rest[sl+1:]
	if strings.IndexByte(series, ' ') >= 0 || strings.IndexByte(series, '^') >= 0 {
		return false
	}
	return allDigits(num)
}

// isExemptionCode is (M[0-9]{2})+.
func isExemptionCode(s string) bool {
	if s == "" || len(s)%3 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 3 {
		if s[i] != 'M' || !allDigits(s[i+1:i+3]) {
			return false
		}
	}
	return true
}

// isTransactionID is [1-9][0-9]{3}-[01][0-9]-[0-3][0-9] [^ ]{1,30} [^ ]{1,20}.
func isTransactionID(s string) bool {
	if len(s) < 14 {
		return false
	}
	d := s[:10]
	if d[0] < '1' || d[0] > '9' || !allDigits(d[1:4]) || d[4] != '-' ||
		(d[5] != '0' && d[5] != '1') || !allDigits(d[6:7]) || d[7] != '-' ||
		d[8] < '0' || d[8] > '3' || !allDigits(d[9:10]) || s[10] != ' ' {
		return false
	}
	rest := s[11:]
	sp := strings.IndexByte(rest, ' ')
	if sp < 0 {
		return false
	}
	return noSpaceRunes(rest[:sp], 30) && noSpaceRunes(rest[sp+1:], 20)
}

// Text types SAFPTtextTypeMandatoryMaxNNCar and the restricted string
// elements.
var (
	tMax10  = &textFacet{name: "SAFPTtextTypeMandatoryMax10Car", min: 1, max: 10}
	tMax20  = &textFacet{name: "SAFPTtextTypeMandatoryMax20Car", min: 1, max: 20}
	tMax21  = &textFacet{name: "SAFPTtextTypeMandatoryMax21Car", min: 1, max: 21}
	tMax30  = &textFacet{name: "SAFPTtextTypeMandatoryMax30Car", min: 1, max: 30}
	tMax50  = &textFacet{name: "SAFPTtextTypeMandatoryMax50Car", min: 1, max: 50}
	tMax60  = &textFacet{name: "SAFPTtextTypeMandatoryMax60Car", min: 1, max: 60}
	tMax100 = &textFacet{name: "SAFPTtextTypeMandatoryMax100Car", min: 1, max: 100}
	tMax172 = &textFacet{name: "SAFPTtextTypeMandatoryMax172Car", min: 1, max: 172}
	tMax200 = &textFacet{name: "SAFPTtextTypeMandatoryMax200Car", min: 1, max: 200}
	tMax210 = &textFacet{name: "SAFPTtextTypeMandatoryMax210Car", min: 1, max: 210}
	tMax254 = &textFacet{name: "SAFPTtextTypeMandatoryMax254Car", min: 1, max: 254}
	tMax255 = &textFacet{name: "SAFPTtextTypeMandatoryMax255Car", min: 1, max: 255}

	tAccountID         = &textFacet{name: "AccountID", min: 1, max: 30, pattern: patAccountID}
	tGLAccountID       = &textFacet{name: "SAFPTGLAccountID", min: 2, max: 30, pattern: patGLAccountID}
	tAuditFileVersion  = &textFacet{name: "AuditFileVersion", pattern: patAuditFileVersion}
	tCompanyID         = &textFacet{name: "CompanyID", min: 1, max: 50, pattern: patCompanyID}
	tCountry           = &textFacet{name: "Country", pattern: patCountry}
	tCustomerCountry   = &textFacet{name: "CustomerCountry", pattern: patCustomerCountry}
	tTaxCountryRegion  = &textFacet{name: "TaxCountryRegion", pattern: patTaxCountryRegion}
	tCurrencyCode      = &textFacet{name: "CurrencyCode", pattern: patCurrencyCode}
	tDocumentNumber    = &textFacet{name: "DocumentNumber", min: 1, max: 60, pattern: patDocumentNumber}
	tInvoiceNo         = &textFacet{name: "InvoiceNo", min: 1, max: 60, pattern: patDocumentNumber}
	tPaymentRefNo      = &textFacet{name: "PaymentRefNo", min: 1, max: 60, pattern: patDocumentNumber}
	tEACCode           = &textFacet{name: "EACCode", exact: 5, pattern: patEACCode}
	tTaxCode           = &textFacet{name: "TaxCode", min: 1, max: 10, pattern: patTaxCode}
	tPaymentTaxCode    = &textFacet{name: "PaymentTaxCode", min: 1, max: 10, pattern: patPaymentTaxCode}
	tTaxTableTaxCode   = &textFacet{name: "TaxTableEntryTaxCode", min: 1, max: 10, pattern: patTaxTableTaxCode}
	tMovementTaxCode   = &textFacet{name: "SAFTPTMovementTaxCode", pattern: patMovementTaxCode}
	tCNCode            = &textFacet{name: "SAFPTCNCode", pattern: patCNCode}
	tUNNumber          = &textFacet{name: "SAFPTUNNumber", pattern: patUNNumber}
	tDocArchivalNumber = &textFacet{name: "SAFTPTDocArchivalNumber", pattern: patDocArchivalNumber}
	tJournalID         = &textFacet{name: "SAFPTJournalID", pattern: patJournalID}
	tHashControl       = &textFacet{name: "SAFPTHashControl", min: 1, max: 70, pattern: patHashControl}
	tExemptionCode     = &textFacet{name: "SAFPTPortugueseTaxExemptionCode", pattern: patExemptionCode}
	tExemptionReason   = &textFacet{name: "SAFPTPortugueseTaxExemptionReason", min: 6, max: 60}
	tProductDesc       = &textFacet{name: "SAFPTProductDescription", min: 2, max: 200}
	tProductID         = &textFacet{name: "SAFPTProductID", min: 3, max: 255, pattern: patProductID}
	tTransactionID     = &textFacet{name: "SAFPTTransactionID", min: 1, max: 70, pattern: patTransactionID}
)

// Enumerations of the schema; those of a typed code of the model are its
// Values, checked against the schema by the tests.
var (
	eCurrencyPT         = &enumFacet{"CurrencyPT", []string{"EUR"}}
	eTaxAccountingBasis = enumOf("TaxAccountingBasis", TaxAccountingBasis.Values)
	eTaxonomyReference  = enumOf("TaxonomyReference", TaxonomyReference.Values)
	eGroupingCategory   = enumOf("GroupingCategory", GroupingCategory.Values)
	eProductType        = enumOf("ProductType", ProductType.Values)
	eTaxType            = enumOf("TaxType", TaxType.Values)
	eMovementTaxType    = &enumFacet{"SAFTPTMovementTaxType", []string{"IVA", "NS"}}
	eTransactionType    = enumOf("TransactionType", TransactionType.Values)
	eInvoiceStatus      = enumOf("InvoiceStatus", InvoiceStatus.Values)
	eInvoiceType        = &enumFacet{"InvoiceType", []string{"FT", "FS", "FR", "ND", "NC", "VD", "TV", "TD", "AA", "DA", "RP", "RE", "CS", "LD", "RA"}}
	eMovementStatus     = enumOf("MovementStatus", MovementStatus.Values)
	eMovementType       = &enumFacet{"MovementType", []string{"GR", "GT", "GA", "GC", "GD"}}
	eWorkStatus         = enumOf("WorkStatus", WorkStatus.Values)
	eWorkType           = &enumFacet{"WorkType", []string{"CM", "CC", "FC", "FO", "NE", "OU", "OR", "PF", "DC", "RP", "RE", "CS", "LD", "RA"}}
	ePaymentStatus      = enumOf("PaymentStatus", PaymentStatus.Values)
	ePaymentType        = &enumFacet{"SAFTPTPaymentType", []string{"RC", "RG"}}
	eSourceBilling      = enumOf("SAFTPTSourceBilling", SourceBilling.Values)
	eSourcePayment      = enumOf("SAFTPTSourcePayment", SourceBilling.Values)
	ePaymentMechanism   = enumOf("PaymentMechanism", PaymentMechanism.Values)
	eWithholdingTaxType = enumOf("WithholdingTaxType", WithholdingTaxType.Values)
)

// Integer restrictions of the schema.
var (
	iFiscalYear      = &intFacet{name: "FiscalYear", min: 2000, max: 9999, hasMax: true}
	iPeriod          = &intFacet{name: "Period", min: 1, max: 12, hasMax: true}
	iAccountingPer   = &intFacet{name: "SAFPTAccountingPeriod", min: 1, max: 16, hasMax: true}
	iVATNumber       = &intFacet{name: "SAFPTPortugueseVatNumber", min: 100000000, max: 999999999, hasMax: true}
	iTaxonomyCode    = &intFacet{name: "SAFPTTaxonomyCode", min: 1, max: 999, hasMax: true}
	iNonNegative     = &intFacet{name: "xs:nonNegativeInteger", min: 0}
	maxReportedValue = 40 // characters of a bad value quoted in a message
)

// isXMLChar reports whether r may appear in an XML 1.0 document (production
// Char of XML 1.0 §2.2); an xs:string can hold nothing else.
func isXMLChar(r rune) bool {
	switch {
	case r == 0x9 || r == 0xA || r == 0xD:
		return true
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// scanText counts the characters of s and finds the first one XML cannot
// hold (bad = -1 when none; invalid UTF-8 is reported as utf8.RuneError),
// in one pass with an ASCII fast path.
func scanText(s string) (n int, bad rune) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != 0x9 && c != 0xA && c != 0xD {
				return n, rune(c)
			}
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return n, utf8.RuneError
		}
		if !isXMLChar(r) {
			return n, r
		}
		i += size
		n++
	}
	return n, -1
}

// quote returns s quoted for a message, shortened to maxReportedValue
// characters.
func quote(s string) string {
	if utf8.RuneCountInString(s) > maxReportedValue {
		r := []rune(s)
		s = string(r[:maxReportedValue]) + "…"
	}
	return strconv.Quote(s)
}
