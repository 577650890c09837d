package qrcode

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/nif"
)

var (
	// SAF-T InvoiceNo / DocumentNumber / DocumentNumber(work) / PaymentRefNo
	// pattern: internal type code, space, series, "/", sequential number.
	documentNumberPattern = regexp.MustCompile(`^[^ ]+ [^/^ ]+/([0-9]+)$`)
	// Q: characters of a base64 signature (Portaria 363/2010), 4 of them.
	hashPattern        = regexp.MustCompile(`^[A-Za-z0-9+/]{4}$`)
	certificatePattern = regexp.MustCompile(`^[0-9]{1,4}$`)
)

// Validate checks d against every rule of the specification and returns a
// *violation.Error listing all violations (in table order), or nil.
func (d Document) Validate() error {
	var vs violations
	d.validate(&vs)
	return vs.err()
}

func (d Document) validate(vs *violations) {
	if checkText(vs, "A", d.IssuerNIF) {
		if err := nif.Validate(d.IssuerNIF); err != nil {
			vs.add("A", CodeNIF, "issuer NIF %q: %s", d.IssuerNIF, detail(err))
		}
	}
	if checkText(vs, "B", d.BuyerTaxID) && d.BuyerCountry == "PT" {
		// A Portuguese buyer is identified by a NIF; a foreign buyer's tax
		// id has no common format (SAF-T CustomerTaxID, up to 30 chars).
		if err := nif.Validate(d.BuyerTaxID); err != nil {
			vs.add("B", CodeNIF, "buyer NIF %q with country PT: %s", d.BuyerTaxID, detail(err))
		}
	}
	if checkText(vs, "C", d.BuyerCountry) && !countries[d.BuyerCountry] && d.BuyerCountry != CountryUnknown {
		vs.add("C", CodeCode, "%q is not a SAF-T Customer Country (ISO 3166-1 alpha-2 or %q)", d.BuyerCountry, CountryUnknown)
	}
	if checkText(vs, "D", d.DocumentType) && !documentTypes[d.DocumentType] {
		vs.add("D", CodeCode, "%q is not a SAF-T document type", d.DocumentType)
	}
	if checkText(vs, "E", d.DocumentStatus) && !documentStatuses[d.DocumentStatus] {
		vs.add("E", CodeCode, "%q is not a SAF-T document status (N, S, A, R, F, T)", d.DocumentStatus)
	}
	switch {
	case d.Date.IsZero():
		vs.add("F", CodeRequired, "document date is missing")
	case !d.Date.Valid():
		vs.add("F", CodeFormat, "%s is not a calendar date with a 4-digit year", d.Date)
	}
	var sequence string // G's sequential number
	if checkText(vs, "G", d.DocumentNumber) {
		if m := documentNumberPattern.FindStringSubmatch(d.DocumentNumber); m == nil {
			vs.add("G", CodeFormat, "%q is not \"TYPE SERIES/NUMBER\" (SAF-T InvoiceNo pattern)", d.DocumentNumber)
		} else {
			sequence = m[1]
		}
	}
	if checkText(vs, "H", d.ATCUD) {
		// The field carries the bare ATCUD: the printed "ATCUD:" label
		// (Portaria 195/2020 art. 4) is not part of it.
		a, err := atcud.Parse(d.ATCUD)
		switch {
		case strings.HasPrefix(d.ATCUD, atcud.LabelPrefix):
			vs.add("H", CodeATCUD, "%q carries the printed label %q", clip(d.ATCUD), atcud.LabelPrefix)
		case err != nil:
			vs.add("H", CodeATCUD, "%q: %s", clip(d.ATCUD), detail(err))
		case !a.IsLegacy() && sequence != "" && a.Number() != sequence:
			vs.add("H", CodeATCUDNumber, "ATCUD number %q is not the number %q of G", a.Number(), sequence)
		}
	}

	d.validateSpaces(vs)

	checkMoney(vs, "L", d.NonTaxable)
	checkMoney(vs, "M", d.StampDuty)
	checkMoney(vs, "N", Amount(d.TaxPayable))
	checkMoney(vs, "O", Amount(d.GrossTotal))
	checkMoney(vs, "P", d.WithholdingTax)

	if checkText(vs, "Q", d.Hash) && d.Hash != Unsigned && !hashPattern.MatchString(d.Hash) {
		vs.add("Q", CodeFormat, "%q is not 4 characters of a base64 signature nor %q", d.Hash, Unsigned)
	}
	if checkText(vs, "R", d.CertificateNumber) && !certificatePattern.MatchString(d.CertificateNumber) {
		vs.add("R", CodeFormat, "certificate number %q is not 1 to 4 digits", d.CertificateNumber)
	}
	d.validateOtherInfo(vs)
}

func (d Document) validateSpaces(vs *violations) {
	spaces := d.spaces()
	seen := map[string]string{}
	for i, s := range spaces {
		if s == nil {
			continue
		}
		letter := spaceLetters[i]
		code := letter + "1"
		switch {
		case s.Region == "":
			// A J or K block with amounts but no region, or no I1 at all.
			vs.add(code, CodeRequired, "fiscal space %s has no region", letter)
		case s.Region == RegionNoVATRate && letter == "I":
			for j, a := range s.amounts() {
				if a.Valid {
					vs.add(code, CodeNoVATRate, "I1:0 (document without VAT rate) with amount I%d", j+2)
				}
			}
			if invoiceOnlyTypes[d.DocumentType] {
				vs.add(code, CodeNoVATRate, "I1:0 is for documents of SAF-T tables 4.2-4.4, not for type %s (table 4.1)", d.DocumentType)
			}
			if d.FiscalSpaceJ != nil || d.FiscalSpaceK != nil {
				vs.add(code, CodeNoVATRate, "I1:0 (document without VAT rate) with other fiscal spaces")
			}
		default:
			if checkText(vs, code, s.Region) && !isTaxRegion(s.Region) {
				vs.add(code, CodeCode, "%q is not a SAF-T TaxCountryRegion", s.Region)
			} else if prev, dup := seen[s.Region]; dup {
				vs.add(code, CodeRegion, "region %q already in fiscal space %s", s.Region, prev)
			}
			seen[s.Region] = letter
		}
		for j, a := range s.amounts() {
			checkMoney(vs, letter+string(rune('2'+j)), *a)
		}
	}
}

var spaceLetters = [3]string{"I", "J", "K"}

func (d *Document) spaces() [3]*FiscalSpace {
	return [3]*FiscalSpace{&d.FiscalSpaceI, d.FiscalSpaceJ, d.FiscalSpaceK}
}

func isTaxRegion(s string) bool {
	return countries[s] || s == RegionAzores || s == RegionMadeira
}

func (d Document) validateOtherInfo(vs *violations) {
	if len(d.OtherInfo) == 0 {
		return
	}
	for i, part := range d.OtherInfo {
		if strings.Contains(part, ";") {
			vs.add("S", CodeFormat, "part %d %q contains the part separator \";\"", i+1, part)
		}
		if strings.TrimSpace(part) != part {
			vs.add("S", CodeSpaces, "part %d %q has spaces around it (§3 j: joined by \";\" without spaces)", i+1, part)
		}
	}
	joined := strings.Join(d.OtherInfo, ";")
	checkText(vs, "S", joined)
}

// checkText checks the rules common to every text value: present when
// mandatory, not empty when given, within the maximum length, no "*", no
// surrounding spaces. It returns whether the value is worth checking
// further (present and free of those faults).
func checkText(vs *violations, code, value string) bool {
	f := spec(code)
	if value == "" {
		if f.mandatory {
			vs.add(code, CodeRequired, "mandatory field is missing")
		} else {
			vs.add(code, CodeEmpty, "optional field is present without a value")
		}
		return false
	}
	ok := true
	if n := utf8.RuneCountInString(value); n > f.maxLength {
		vs.add(code, CodeMaxLength, "%d characters, maximum %d", n, f.maxLength)
		ok = false
	}
	if strings.Contains(value, "*") {
		vs.add(code, CodeAsterisk, "value contains the field separator \"*\"")
		ok = false
	}
	if strings.TrimSpace(value) != value {
		vs.add(code, CodeSpaces, "value %q has leading or trailing spaces", value)
		ok = false
	}
	if !utf8.ValidString(value) {
		vs.add(code, CodeFormat, "value is not valid UTF-8")
		ok = false
	}
	return ok
}

// checkMoney checks an optional money value: not negative, at most two
// decimals (it is written with exactly two: rounding is the caller's
// business, not ours), within the maximum length.
func checkMoney(vs *violations, code string, v decimal.NullDecimal) {
	if !v.Valid {
		return
	}
	d := v.Decimal
	if d.IsNegative() {
		vs.add(code, CodeNegative, "amount %s is negative", d.String())
	}
	if d.Exponent() < -2 && !d.Equal(d.Truncate(2)) {
		vs.add(code, CodeDecimals, "amount %s has more than two decimals", d.String())
		return
	}
	// With two decimals, 16 characters hold up to 13 integer digits.
	if !d.Abs().LessThan(moneyLimit) {
		s := d.StringFixed(2)
		vs.add(code, CodeMaxLength, "amount %s has %d characters, maximum %d", s, len(s), spec(code).maxLength)
	}
}

// moneyLimit is the smallest amount too long for a 16-character field.
var moneyLimit = decimal.New(1, 13)
