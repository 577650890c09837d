package saft

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
)

// checker collects the violations of one record. Paths are built only
// when a violation is recorded, so checking a valid record allocates
// nothing: base is the record's path, segs the nested elements below it
// (pushed and popped as the walk goes down and up).
type checker struct {
	out  []violation.Violation
	base string
	segs [8]pathSeg // a fixed array, not a slice: keeps the checker off the heap
	n    int
}

type pathSeg struct {
	name  string
	index int // 1-based XPath position; 0 = no position
}

func newChecker(base string) checker { return checker{base: base} }

// push enters element name (index 0: no position). The model is at most
// seven levels deep below a record, within the array.
func (c *checker) push(name string, index int) {
	c.segs[c.n] = pathSeg{name, index}
	c.n++
}

func (c *checker) pop() { c.n-- }

// path returns the location of field (may be "" for the current element).
func (c *checker) path(field string) string {
	var b strings.Builder
	b.Grow(len(c.base) + 16*c.n + len(field) + 1)
	b.WriteString(c.base)
	for _, s := range c.segs[:c.n] {
		b.WriteByte('/')
		b.WriteString(s.name)
		if s.index > 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
		}
	}
	if field != "" {
		b.WriteByte('/')
		b.WriteString(field)
	}
	return b.String()
}

// label names field in messages: field itself, or for "" the current
// element (repeated simple elements are pushed with their position and
// checked with field "").
func (c *checker) label(field string) string {
	if field == "" && c.n > 0 {
		return c.segs[c.n-1].name
	}
	return field
}

func (c *checker) add(code violation.Code, field, msg string) {
	c.out = append(c.out, violation.Violation{Code: code, Path: c.path(field), Message: msg})
}

// required reports a missing mandatory element.
func (c *checker) required(field string) {
	c.add(CodeFacetRequired, field, c.label(field)+" is mandatory (minOccurs 1) and is missing")
}

// text checks a mandatory string element against f.
func (c *checker) text(field, v string, f *textFacet) {
	if v == "" {
		c.required(field)
		return
	}
	c.textValue(field, v, f)
}

// optText checks an optional string element; "" means absent (no string
// type of the schema accepts an empty value, so nothing is lost).
func (c *checker) optText(field, v string, f *textFacet) {
	if v != "" {
		c.textValue(field, v, f)
	}
}

func (c *checker) textValue(field, v string, f *textFacet) {
	n, r := scanText(v)
	if r >= 0 {
		msg := c.label(field) + " holds a character XML cannot carry"
		if r == utf8.RuneError {
			msg = c.label(field) + " is not valid UTF-8"
		} else {
			msg += " (U+" + strings.ToUpper(strconv.FormatInt(int64(r), 16)) + ")"
		}
		c.add(CodeFacetChar, field, msg)
		return
	}
	switch {
	case f.exact > 0 && n != f.exact:
		c.add(CodeFacetLength, field, c.label(field)+" must have exactly "+strconv.Itoa(f.exact)+" characters ("+f.name+"), has "+strconv.Itoa(n))
	case n < f.min:
		c.add(CodeFacetMinLength, field, c.label(field)+" must have at least "+strconv.Itoa(f.min)+" characters ("+f.name+"), has "+strconv.Itoa(n))
	case f.max > 0 && n > f.max:
		c.add(CodeFacetMaxLength, field, c.label(field)+" must have at most "+strconv.Itoa(f.max)+" characters ("+f.name+"), has "+strconv.Itoa(n))
	}
	if f.pattern != nil && !f.pattern.match(v) {
		c.add(CodeFacetPattern, field, c.label(field)+" "+quote(v)+" does not match the pattern of "+f.name+": "+shortPattern(f.pattern.xsd))
	}
}

// shortPattern keeps the long country and currency lists out of messages.
func shortPattern(p string) string {
	if len(p) > 80 {
		return p[:60] + "…"
	}
	return p
}

// enum checks a mandatory enumerated element.
func (c *checker) enum(field, v string, e *enumFacet) {
	if v == "" {
		c.required(field)
		return
	}
	if !e.has(v) {
		c.add(CodeFacetEnum, field, c.label(field)+" "+quote(v)+" is not one of the values of "+e.name+": "+strings.Join(e.values, ", "))
	}
}

// optEnum checks an optional enumerated element ("" = absent).
func (c *checker) optEnum(field, v string, e *enumFacet) {
	if v != "" {
		c.enum(field, v, e)
	}
}

// integer checks an integer element against f.
func (c *checker) integer(field string, v int64, f *intFacet) {
	switch {
	case v < f.min:
		c.add(CodeFacetMin, field, c.label(field)+" "+strconv.FormatInt(v, 10)+" is less than "+strconv.FormatInt(f.min, 10)+" ("+f.name+")")
	case f.hasMax && v > f.max:
		c.add(CodeFacetMax, field, c.label(field)+" "+strconv.FormatInt(v, 10)+" is greater than "+strconv.FormatInt(f.max, 10)+" ("+f.name+")")
	}
}

// nonNegative checks a SAFmonetaryType or SAFdecimalType value
// (xs:decimal, minInclusive 0.00). Negative amounts are never exported:
// the Portaria (Annex I, 1.l) moves them to the other side (debit/credit).
func (c *checker) nonNegative(field string, v decimal.Decimal) {
	if v.Sign() < 0 {
		c.add(CodeFacetMin, field, c.label(field)+" "+v.String()+" is negative; amounts are exported as absolute values (Portaria 302/2016, Annex I, 1.l)")
	}
}

// optNonNegative checks an optional decimal given as a pointer.
func (c *checker) optNonNegative(field string, v *decimal.Decimal) {
	if v != nil {
		c.nonNegative(field, *v)
	}
}

// atLeastOne reports a repeated element with fewer than minOccurs 1.
func (c *checker) atLeastOne(field string, n int) {
	if n == 0 {
		c.add(CodeFacetOccurs, field, "at least one "+c.label(field)+" is required (minOccurs 1)")
	}
}

// exactlyOne reports an xs:choice of two elements where not exactly one is
// present.
func (c *checker) exactlyOne(a, b string, hasA, hasB bool) {
	switch {
	case hasA && hasB:
		c.add(CodeFacetChoice, b, "only one of "+a+" and "+b+" may be present (xs:choice)")
	case !hasA && !hasB:
		c.add(CodeFacetChoice, a, "one of "+a+" and "+b+" is mandatory (xs:choice)")
	}
}

// date checks a mandatory SAFdateType (xs:date) element.
func (c *checker) date(field string, d civil.Date) {
	if d.IsZero() {
		c.required(field)
		return
	}
	c.dateValue(field, d)
}

// optDate checks an optional date given as a pointer.
func (c *checker) optDate(field string, d *civil.Date) {
	if d != nil {
		c.dateValue(field, *d)
	}
}

func (c *checker) dateValue(field string, d civil.Date) bool {
	if !validDate(d) {
		c.add(CodeFacetType, field, c.label(field)+" "+strconv.Itoa(d.Year)+"-"+strconv.Itoa(int(d.Month))+"-"+strconv.Itoa(d.Day)+" is not a calendar date (xs:date)")
		return false
	}
	return true
}

// dateSpan checks a mandatory SAFPTDateSpan element: a date from
// 2000-01-01 to 9999-12-31.
func (c *checker) dateSpan(field string, d civil.Date) {
	if d.IsZero() {
		c.required(field)
		return
	}
	if !c.dateValue(field, d) {
		return
	}
	if d.Before(civil.Date{Year: 2000, Month: 1, Day: 1}) {
		c.add(CodeFacetMin, field, c.label(field)+" "+d.String()+" is before 2000-01-01 (SAFPTDateSpan)")
	}
}

// dateTime checks a mandatory SAFdateTimeType element.
func (c *checker) dateTime(field string, t civil.DateTime) {
	if t.IsZero() {
		c.required(field)
		return
	}
	c.dateTimeValue(field, t)
}

// optDateTime checks an optional date-time given as a pointer.
func (c *checker) optDateTime(field string, t *civil.DateTime) {
	if t != nil {
		c.dateTimeValue(field, *t)
	}
}

func (c *checker) dateTimeValue(field string, t civil.DateTime) {
	if !validDate(t.Date) || t.Hour < 0 || t.Hour > 23 || t.Minute < 0 || t.Minute > 59 || t.Second < 0 || t.Second > 59 {
		c.add(CodeFacetType, field, c.label(field)+" is not a valid date and time of day (xs:dateTime)")
	}
}

// intText checks a mandatory integer element held as text (the model keeps
// TaxRegistrationNumber as a string): digits only, then the range.
func (c *checker) intText(field, v string, f *intFacet) {
	if v == "" {
		c.required(field)
		return
	}
	if !allDigits(v) || len(v) > 18 {
		c.add(CodeFacetType, field, c.label(field)+" "+quote(v)+" is not an integer written with digits only")
		return
	}
	n, _ := strconv.ParseInt(v, 10, 64)
	c.integer(field, n, f)
}

// validDate is Date.Valid without time.Date (this runs for every date of
// every document).
func validDate(d civil.Date) bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
		return false
	}
	switch d.Month {
	case 4, 6, 9, 11:
		return d.Day <= 30
	case 2:
		leap := d.Year%4 == 0 && (d.Year%100 != 0 || d.Year%400 == 0)
		if leap {
			return d.Day <= 29
		}
		return d.Day <= 28
	}
	return true
}
