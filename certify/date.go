package certify

import (
	"fmt"
	"time"
)

// Date is a civil date without time of day or zone, as SAF-T InvoiceDate,
// MovementDate and WorkDate carry it.
//
// certify is a leaf package and cannot use the SAF-T model's date type; a
// time.Time at midnight would carry a zone and a clock that the signed message
// must not depend on (a document dated 2024-01-01 in Lisbon is not 2023-12-31
// in UTC). Exported fields let any other date type convert field by field.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date, or an error when it does not exist in the
// calendar or its year has not four digits.
func NewDate(year int, month time.Month, day int) (Date, error) {
	d := Date{Year: year, Month: month, Day: day}
	if !d.Valid() {
		return Date{}, fmt.Errorf("certify: date %04d-%02d-%02d: %w", year, int(month), day, ErrInvalidDate)
	}
	return d, nil
}

// DateOf returns the calendar date of t as it reads in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || !DateOf(t).Valid() {
		return Date{}, fmt.Errorf("certify: date %q is not a YYYY-MM-DD calendar date from year 0001: %w", s, ErrInvalidDate)
	}
	return DateOf(t), nil
}

// Valid reports whether d is a real calendar date with a four-digit year.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return DateOf(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)) == d
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmpInt(d.Year, o.Year)
	case d.Month != o.Month:
		return cmpInt(int(d.Month), int(o.Month))
	default:
		return cmpInt(d.Day, o.Day)
	}
}

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// String returns YYYY-MM-DD.
func (d Date) String() string { return string(d.appendTo(make([]byte, 0, 10))) }

func (d Date) appendTo(b []byte) []byte {
	b = appendPadded(b, d.Year, 4)
	b = append(b, '-')
	b = appendPadded(b, int(d.Month), 2)
	b = append(b, '-')
	return appendPadded(b, d.Day, 2)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// appendPadded appends v in decimal, zero-padded to width digits. Negative
// values (only ever seen in invalid input) keep their sign.
func appendPadded(b []byte, v, width int) []byte {
	if v < 0 {
		b = append(b, '-')
		if v == -v { // math.MinInt
			return append(b, "9223372036854775808"...)
		}
		v = -v
	}
	var tmp [20]byte
	i := len(tmp)
	for v > 0 || len(tmp)-i < width {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	return append(b, tmp[i:]...)
}
