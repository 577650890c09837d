package qrcode

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/faturapt/faturapt/civil"
	"github.com/shopspring/decimal"
)

var (
	moneyPattern   = regexp.MustCompile(`^(0|[1-9][0-9]*)\.[0-9]{2}$`)
	numberPattern  = regexp.MustCompile(`^[0-9]+([.,][0-9]*)?$`)
	compactDateRaw = regexp.MustCompile(`^[0-9]{8}$`)
)

// Parse reads a QR code message back into a Document. It reports every
// rule the message breaks (syntax, order, duplicates, unknown codes, and
// every rule Build checks) in one *violation.Error, and returns the fields
// it could read alongside it. For a message without violations,
// Build(doc) returns the message unchanged.
func Parse(msg string) (Document, error) {
	var (
		d    Document
		vs   violations
		last = -1
		seen = map[string]bool{}
	)
	if msg == "" {
		vs.add("", CodeSyntax, "empty message")
		return d, vs.err()
	}
	for i, part := range strings.Split(msg, "*") {
		colon := strings.IndexByte(part, ':')
		if colon < 0 {
			vs.add("", CodeSyntax, "part %d %q is not \"code:value\"", i+1, clip(part))
			continue
		}
		code, value := part[:colon], part[colon+1:]
		if trimmed := strings.TrimSpace(code); trimmed != code {
			vs.add(trimmed, CodeSpaces, "part %d: code %q has spaces around it", i+1, clip(code))
			continue
		}
		pos, known := position[code]
		switch {
		case !known:
			vs.add("", CodeUnknown, "part %d: field code %q is not in the table of §4", i+1, clip(code))
			continue
		case seen[code]:
			vs.add(code, CodeDuplicate, "field %s appears more than once", code)
			continue
		case pos < last:
			vs.add(code, CodeOrder, "field %s comes after field %s", code, table[last].code)
		}
		seen[code] = true
		if pos > last {
			last = pos
		}
		d.set(&vs, code, value)
	}
	// Mandatory money fields have no "missing" value in the Document.
	for _, code := range []string{"N", "O"} {
		if !seen[code] {
			vs.add(code, CodeRequired, "mandatory field is missing")
		}
	}
	d.validate(&vs)
	return d, vs.err()
}

// set stores the value of one field; values that cannot be stored (a
// malformed date or amount) are reported here and muted for validate.
func (d *Document) set(vs *violations, code, value string) {
	switch code {
	case "A":
		d.IssuerNIF = value
	case "B":
		d.BuyerTaxID = value
	case "C":
		d.BuyerCountry = value
	case "D":
		d.DocumentType = value
	case "E":
		d.DocumentStatus = value
	case "F":
		if value == "" {
			return // validate reports the missing date
		}
		if !compactDateRaw.MatchString(value) {
			vs.add("F", CodeFormat, "date %q is not YYYYMMDD", clip(value))
			vs.mute("F")
			return
		}
		y, _ := strconv.Atoi(value[:4])
		m, _ := strconv.Atoi(value[4:6])
		day, _ := strconv.Atoi(value[6:])
		d.Date = civil.Date{Year: y, Month: time.Month(m), Day: day}
		if !d.Date.Valid() {
			vs.add("F", CodeFormat, "date %q is not a calendar date", value)
			vs.mute("F")
		}
	case "G":
		d.DocumentNumber = value
	case "H":
		d.ATCUD = value
	case "L":
		d.NonTaxable = parseMoney(vs, code, value)
	case "M":
		d.StampDuty = parseMoney(vs, code, value)
	case "N":
		d.TaxPayable = parseMoney(vs, code, value).Decimal
	case "O":
		d.GrossTotal = parseMoney(vs, code, value).Decimal
	case "P":
		d.WithholdingTax = parseMoney(vs, code, value)
	case "Q":
		d.Hash = value
	case "R":
		d.CertificateNumber = value
	case "S":
		if value == "" {
			vs.add("S", CodeEmpty, "optional field is present without a value")
			vs.mute("S")
			return
		}
		d.OtherInfo = strings.Split(value, ";")
	default: // I1..K8
		s := d.space(code[0])
		if code[1] == '1' {
			s.Region = value
			if value == "" {
				// Keep the block, report the empty region once here.
				vs.add(code, CodeEmpty, "fiscal space code is present without a value")
				vs.mute(code)
			}
			return
		}
		*s.amounts()[code[1]-'2'] = parseMoney(vs, code, value)
	}
}

// space returns block I, J or K, creating J or K on first use.
func (d *Document) space(letter byte) *FiscalSpace {
	switch letter {
	case 'J':
		if d.FiscalSpaceJ == nil {
			d.FiscalSpaceJ = &FiscalSpace{}
		}
		return d.FiscalSpaceJ
	case 'K':
		if d.FiscalSpaceK == nil {
			d.FiscalSpaceK = &FiscalSpace{}
		}
		return d.FiscalSpaceK
	}
	return &d.FiscalSpaceI
}

// parseMoney accepts only the canonical form the specification prescribes
// (§3 c, §4): digits without thousands separator or superfluous leading
// zeros, ".", exactly two decimals. The amount is returned present
// whenever the field was given, so validate does not call it missing.
func parseMoney(vs *violations, code, value string) decimal.NullDecimal {
	present := decimal.NullDecimal{Valid: true}
	switch {
	case moneyPattern.MatchString(value):
		d, err := decimal.NewFromString(value)
		if err == nil {
			return Amount(d)
		}
		vs.add(code, CodeFormat, "amount %q: %v", clip(value), err)
	case value == "":
		vs.add(code, CodeEmpty, "optional field is present without a value")
	case strings.HasPrefix(value, "-"):
		vs.add(code, CodeNegative, "amount %q is negative", clip(value))
	case numberPattern.MatchString(value) && !hasLeadingZero(value):
		vs.add(code, CodeDecimals, "amount %q must have \".\" and exactly two decimals", clip(value))
	default:
		vs.add(code, CodeFormat, "amount %q is not digits, \".\", two decimals (no leading zeros, no thousands separator)", clip(value))
	}
	vs.mute(code)
	return present
}

func hasLeadingZero(s string) bool { return len(s) > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9' }

// clip shortens a value quoted in a message, so that a long garbage input
// does not produce a huge error.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}
