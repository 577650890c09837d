package certify

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
)

// Document holds the four fields of a document that its signature covers
// (Despacho 8632/2014 §2.1, §4.5 to §4.10).
type Document struct {
	// Date is InvoiceDate, MovementDate or WorkDate, by document class.
	Date civil.Date
	// SystemEntry is SystemEntryDate, to the second: Portuguese legal time
	// without a zone, as SAF-T carries it (take it from a clock with
	// [civil.DateTimeIn]).
	SystemEntry civil.DateTime
	// Number is InvoiceNo or DocumentNumber exactly as SAF-T carries it,
	// e.g. "FT A/12": document type, a space, series, "/", number.
	Number string
	// GrossTotal is the total with taxes in EUR (§2.1.7: the EUR
	// counter-value of a foreign-currency document); zero when the document
	// carries no amount (§2.1.6, signed as "0.00").
	GrossTotal decimal.Decimal
}

// Message returns the text to sign (Despacho 8632/2014 §4.4, §7.1):
//
//	Date;SystemEntryDate;DocumentNumber;GrossTotal;PreviousHash
//
// with Date as YYYY-MM-DD, SystemEntryDate as YYYY-MM-DDThh:mm:ss (wall clock
// of systemEntry, fractional seconds dropped, zone ignored), GrossTotal with
// exactly two decimals ("." as separator, no grouping, rounded half away
// from zero as decimal.StringFixed(2)) and previousHash empty for the first
// document of a series (the message then ends in ";").
//
// The SAF-T writer formats the same fields as [civil.Date] and
// [civil.DateTime] write them and amounts with StringFixed(2), so that the
// file and the signature never disagree. Message only formats;
// [Document.Validate] checks the values.
func Message(date civil.Date, systemEntry civil.DateTime, number string, grossTotal decimal.Decimal, previousHash string) string {
	return string(appendMessage(make([]byte, 0, 64+len(number)+len(previousHash)), date, systemEntry, number, grossTotal, previousHash))
}

// appendMessage appends the text of [Message] to dst: signing and verifying
// a chain allocate no string per document.
func appendMessage(dst []byte, date civil.Date, systemEntry civil.DateTime, number string, grossTotal decimal.Decimal, previousHash string) []byte {
	dst = date.Append(dst)
	dst = append(dst, ';')
	dst = systemEntry.Append(dst)
	dst = append(dst, ';')
	dst = append(dst, number...)
	dst = append(dst, ';')
	dst = appendGrossTotal(dst, grossTotal)
	dst = append(dst, ';')
	return append(dst, previousHash...)
}

// Message returns the text to sign for d after a document whose hash is
// previousHash ("" for the first of a series).
func (d Document) Message(previousHash string) string {
	return Message(d.Date, d.SystemEntry, d.Number, d.GrossTotal, previousHash)
}

func (d Document) appendMessage(dst []byte, previousHash string) []byte {
	return appendMessage(dst, d.Date, d.SystemEntry, d.Number, d.GrossTotal, previousHash)
}

// maxAmountExponent bounds the decimal exponent formatted digit by digit:
// an amount such as 1E+100000000 would otherwise take 100 MB to print.
// Validate refuses amounts with more than maxAmountDigits integer digits.
const (
	maxAmountExponent = 1000
	maxAmountDigits   = 30
)

// appendGrossTotal appends v as the message carries it: two decimals, "."
// as separator, no grouping (§2.6.7: exported with the value that was
// signed, rounded to two decimals), equal to v.StringFixed(2) for every
// amount Validate accepts. It allocates nothing for the
// usual amounts (at most two decimals, up to 15 digits) and never blows up
// on extreme exponents; a fuzz test holds it equal to StringFixed(2).
func appendGrossTotal(b []byte, v decimal.Decimal) []byte {
	exp := v.Exponent()
	if exp >= -2 && exp <= 0 && v.NumDigits() <= 15 {
		c := v.CoefficientInt64()
		for ; exp > -2; exp-- {
			c *= 10
		}
		if c < 0 {
			b = append(b, '-')
			c = -c
		}
		b = strconv.AppendInt(b, c/100, 10)
		return append(b, '.', byte('0'+c/10%10), byte('0'+c%10))
	}
	if v.IsZero() || (exp < -2 && int64(v.NumDigits())+int64(exp) < -2) {
		// |v| < 0.001 rounds to 0.00, as StringFixed(2) does, without
		// building 10^-exp.
		return append(b, "0.00"...)
	}
	if exp > maxAmountExponent {
		// Not a real amount (Validate refuses it): print it compactly.
		b = append(b, v.Coefficient().String()...)
		b = append(b, 'E')
		return strconv.AppendInt(b, int64(exp), 10)
	}
	return append(b, v.StringFixed(2)...)
}

// Validate checks d and returns every violation at once as a
// [*violation.Error], or nil.
func (d Document) Validate() error {
	var vs violation.List
	d.validate(&vs)
	return vs.Err(subject)
}

func (d Document) validate(vs *violation.List) {
	if !d.Date.Valid() {
		vs.Add("Date", CodeDateInvalid, "must be a calendar date with a four-digit year, got %s", d.Date)
	}
	if !d.SystemEntry.Valid() {
		vs.Add("SystemEntry", CodeSystemEntryInvalid, "must be set, with a four-digit year, got %s", d.SystemEntry)
	}
	if _, _, err := splitNumber(d.Number); err != nil {
		vs.Add("Number", CodeNumberFormat, "%s", err)
	}
	if int64(d.GrossTotal.NumDigits())+int64(d.GrossTotal.Exponent()) > maxAmountDigits {
		vs.Add("GrossTotal", CodeGrossTotalTooLarge, "must have at most 30 integer digits")
	}
	if d.GrossTotal.IsNegative() {
		vs.Add("GrossTotal", CodeGrossTotalNegative, "must not be negative (SAF-T SAFmonetaryType, min 0.00), got %s", appendGrossTotal(nil, d.GrossTotal))
	}
}

// splitNumber splits "FT A/12" into the series part "FT A" and 12, as the
// SAF-T pattern of InvoiceNo and DocumentNumber reads it. The number is
// digits only (Despacho §1.7: no other information in the numeric
// sequence) and starts at 1 (§2.4.1, §2.5.2: "iniciada no n.º 1").
// Characters that would make the message ambiguous or break a line are
// refused.
func splitNumber(s string) (series string, n uint64, err error) {
	if s == "" {
		return "", 0, errorString("must not be empty (e.g. \"FT A/1\")")
	}
	if strings.ContainsAny(s, ";\r\n\t") {
		return "", 0, errorString("must not contain ';' or line breaks, got " + quoteShort(s))
	}
	i := strings.LastIndexByte(s, '/')
	if i <= 0 || i == len(s)-1 {
		return "", 0, errorString("must be TYPE SERIES/NUMBER, got " + quoteShort(s))
	}
	for _, c := range []byte(s[i+1:]) {
		if c < '0' || c > '9' {
			return "", 0, errorString("number after '/' must be digits only, got " + quoteShort(s))
		}
		if n > (1<<64-1-9)/10 {
			return "", 0, errorString("number after '/' is too large, got " + quoteShort(s))
		}
		n = n*10 + uint64(c-'0')
	}
	if n == 0 {
		return "", 0, errorString("number after '/' must be at least 1, got " + quoteShort(s))
	}
	// SAF-T InvoiceNo/DocumentNumber pattern: [^ ]+ [^/^ ]+/[0-9]+
	typ, series, ok := strings.Cut(s[:i], " ")
	if !ok || typ == "" || series == "" || strings.ContainsAny(series, " /^") {
		return "", 0, errorString("must be TYPE SERIES/NUMBER with one space, no space, '/' or '^' in the series (SAF-T pattern [^ ]+ [^/^ ]+/[0-9]+), got " + quoteShort(s))
	}
	return s[:i], n, nil
}

type errorString string

func (e errorString) Error() string { return string(e) }

func quoteShort(s string) string {
	const max = 60
	if len(s) > max {
		s = s[:max] + "..."
	}
	return strconv.Quote(s)
}
