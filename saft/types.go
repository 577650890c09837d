package saft

import (
	"errors"
	"fmt"
	"time"
)

// Date is a civil date without time of day or zone: the schema's
// SAFdateType (xs:date), written YYYY-MM-DD. The zero Date is "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d. It does not normalise: use Valid to check.
func NewDate(year int, month time.Month, day int) Date {
	return Date{Year: year, Month: month, Day: day}
}

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	var d Date
	err := d.UnmarshalText([]byte(s))
	return d, err
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is a real calendar date with a 4-digit year.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Time returns midnight of d in loc.
func (d Date) Time(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	default:
		return cmpInt(d.Day, e.Day)
	}
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDays returns d plus n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time(time.UTC).AddDate(0, 0, n)) }

// String returns YYYY-MM-DD.
func (d Date) String() string { return string(d.appendText(nil)) }

func (d Date) appendText(b []byte) []byte {
	b = appendPadded(b, d.Year, 4)
	b = append(b, '-')
	b = appendPadded(b, int(d.Month), 2)
	b = append(b, '-')
	return appendPadded(b, d.Day, 2)
}

// MarshalText writes YYYY-MM-DD; it fails for an invalid date.
func (d Date) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, fmt.Errorf("saft: invalid date %04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	return d.appendText(make([]byte, 0, 10)), nil
}

// UnmarshalText parses YYYY-MM-DD (surrounding XML whitespace is ignored).
func (d *Date) UnmarshalText(b []byte) error {
	b = trimSpace(b)
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return fmt.Errorf("saft: date %q: want YYYY-MM-DD", b)
	}
	y, ok1 := atoi(b[0:4])
	m, ok2 := atoi(b[5:7])
	dd, ok3 := atoi(b[8:10])
	v := Date{y, time.Month(m), dd}
	if !ok1 || !ok2 || !ok3 || !v.Valid() {
		return fmt.Errorf("saft: date %q: not a calendar date", b)
	}
	*d = v
	return nil
}

// DateTime is a date and time of day without zone: the schema's
// SAFdateTimeType as the Portaria uses it (YYYY-MM-DDThh:mm:ss, local time
// of the issuer, whole seconds). The zero DateTime is "no date-time".
type DateTime struct {
	Date
	Hour, Minute, Second int
}

// NewDateTime returns the date-time y-m-d h:mi:s.
func NewDateTime(year int, month time.Month, day, hour, min, sec int) DateTime {
	return DateTime{Date{year, month, day}, hour, min, sec}
}

// DateTimeOf returns the wall clock of t in its location, truncated to
// the second.
func DateTimeOf(t time.Time) DateTime {
	h, mi, s := t.Clock()
	return DateTime{DateOf(t), h, mi, s}
}

// ParseDateTime parses YYYY-MM-DDThh:mm:ss.
func ParseDateTime(s string) (DateTime, error) {
	var d DateTime
	err := d.UnmarshalText([]byte(s))
	return d, err
}

// IsZero reports whether t is the zero DateTime.
func (t DateTime) IsZero() bool { return t == DateTime{} }

// Valid reports whether t is a real date with a valid time of day.
func (t DateTime) Valid() bool {
	return t.Date.Valid() && t.Hour >= 0 && t.Hour < 24 && t.Minute >= 0 && t.Minute < 60 &&
		t.Second >= 0 && t.Second < 60
}

// Time returns t as a time.Time in loc.
func (t DateTime) Time(loc *time.Location) time.Time {
	return time.Date(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, 0, loc)
}

// Compare returns -1, 0 or +1 as t is before, equal to or after u.
func (t DateTime) Compare(u DateTime) int {
	if c := t.Date.Compare(u.Date); c != 0 {
		return c
	}
	if t.Hour != u.Hour {
		return cmpInt(t.Hour, u.Hour)
	}
	if t.Minute != u.Minute {
		return cmpInt(t.Minute, u.Minute)
	}
	return cmpInt(t.Second, u.Second)
}

// Before reports whether t is before u.
func (t DateTime) Before(u DateTime) bool { return t.Compare(u) < 0 }

// After reports whether t is after u.
func (t DateTime) After(u DateTime) bool { return t.Compare(u) > 0 }

// String returns YYYY-MM-DDThh:mm:ss.
func (t DateTime) String() string { return string(t.appendText(nil)) }

func (t DateTime) appendText(b []byte) []byte {
	b = t.Date.appendText(b)
	b = append(b, 'T')
	b = appendPadded(b, t.Hour, 2)
	b = append(b, ':')
	b = appendPadded(b, t.Minute, 2)
	b = append(b, ':')
	return appendPadded(b, t.Second, 2)
}

// MarshalText writes YYYY-MM-DDThh:mm:ss; it fails for an invalid value.
func (t DateTime) MarshalText() ([]byte, error) {
	if !t.Valid() {
		return nil, fmt.Errorf("saft: invalid date-time %s", t.appendText(nil))
	}
	return t.appendText(make([]byte, 0, 19)), nil
}

// UnmarshalText parses YYYY-MM-DDThh:mm:ss. A fraction of a second or a
// zone suffix, which xs:dateTime allows, is rejected: the Portaria's format
// has neither and dropping them silently would change the value.
func (t *DateTime) UnmarshalText(b []byte) error {
	b = trimSpace(b)
	if len(b) != 19 || b[10] != 'T' || b[13] != ':' || b[16] != ':' {
		return fmt.Errorf("saft: date-time %q: want YYYY-MM-DDThh:mm:ss", b)
	}
	var v DateTime
	if err := v.Date.UnmarshalText(b[:10]); err != nil {
		return fmt.Errorf("saft: date-time %q: not a calendar date", b)
	}
	var ok1, ok2, ok3 bool
	v.Hour, ok1 = atoi(b[11:13])
	v.Minute, ok2 = atoi(b[14:16])
	v.Second, ok3 = atoi(b[17:19])
	if !ok1 || !ok2 || !ok3 || !v.Valid() {
		return fmt.Errorf("saft: date-time %q: invalid time of day", b)
	}
	*t = v
	return nil
}

// Indicator is a 0/1 flag of the schema (SelfBillingIndicator,
// CashVATSchemeIndicator, ThirdPartiesBillingIndicator): true is written 1.
type Indicator bool

// MarshalText writes "1" or "0".
func (i Indicator) MarshalText() ([]byte, error) {
	if i {
		return []byte("1"), nil
	}
	return []byte("0"), nil
}

// UnmarshalText accepts "0" or "1".
func (i *Indicator) UnmarshalText(b []byte) error {
	switch string(trimSpace(b)) {
	case "1":
		*i = true
	case "0":
		*i = false
	default:
		return errors.New("saft: indicator must be 0 or 1")
	}
	return nil
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

func appendPadded(b []byte, v, width int) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	var tmp [20]byte
	i := len(tmp)
	for v >= 10 {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	i--
	tmp[i] = byte('0' + v)
	for n := len(tmp) - i; n < width; n++ {
		b = append(b, '0')
	}
	return append(b, tmp[i:]...)
}

func atoi(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isXMLSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isXMLSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
