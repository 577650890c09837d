// Package civil holds the calendar date and the zone-less date-time that
// Portuguese invoicing documents carry: the invoice date, the tax point date
// and SAF-T's SystemEntryDate (Portaria 302/2016, SAFdateType and
// SAFdateTimeType; series manual, dataInicioPrevUtiliz). A time.Time would
// carry a zone that can move the day; a Date cannot.
//
// Dates taken from a clock are read in Portugal's legal time (Decreto-Lei
// 17/1996): mainland Portugal and Madeira keep the time of [Lisbon], the
// Azores one hour less. A program issuing from the Azores passes [Azores] to
// [DateIn] and [DateTimeIn]; every other caller passes [Lisbon] (or nil, which
// means Lisbon).
//
// The package imports nothing of the module: every other package uses it.
package civil

import (
	"errors"
	"fmt"
	"time"
	_ "time/tzdata" // the zones below must load on machines without a zone database
)

// ErrInvalid is wrapped by every error of this package.
var ErrInvalid = errors.New("civil: invalid date")

// Lisbon is the legal time of mainland Portugal and Madeira.
var Lisbon = mustZone("Europe/Lisbon")

// Azores is the legal time of the Autonomous Region of the Azores.
var Azores = mustZone("Atlantic/Azores")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		// Unreachable: time/tzdata embeds the zone database.
		panic("civil: " + err.Error())
	}
	return loc
}

// Date is a calendar date without time of day or zone, written YYYY-MM-DD.
// The zero Date means "no date"; a Date literal is not checked until
// [Date.Valid] (or a marshal) is called.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d, or an error when it does not exist
// (2023-02-29) or its year has not four digits.
func NewDate(y int, m time.Month, d int) (Date, error) {
	date := Date{y, m, d}
	if !date.Valid() {
		return Date{}, fmt.Errorf("%w: %s does not exist (want a calendar date, years 1 to 9999)", ErrInvalid, date)
	}
	return date, nil
}

// DateOf returns the date t shows in its own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// DateIn returns the date t shows in loc; a nil loc is [Lisbon].
func DateIn(t time.Time, loc *time.Location) Date {
	if loc == nil {
		loc = Lisbon
	}
	return DateOf(t.In(loc))
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	var d Date
	if err := d.parse([]byte(s)); err != nil {
		return Date{}, err
	}
	return d, nil
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is a calendar date with a four-digit year.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Time returns midnight of d in loc; a nil loc is [Lisbon].
func (d Date) Time(loc *time.Location) time.Time {
	if loc == nil {
		loc = Lisbon
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays returns d plus n days (n may be negative).
func (d Date) AddDays(n int) Date { return DateOf(d.Time(time.UTC).AddDate(0, 0, n)) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	}
	return cmpInt(d.Day, e.Day)
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String returns YYYY-MM-DD.
func (d Date) String() string { return string(d.Append(make([]byte, 0, 10))) }

// Append appends YYYY-MM-DD to b, unchecked: a writer that has validated d
// appends without allocating.
func (d Date) Append(b []byte) []byte {
	b = appendPadded(b, d.Year, 4)
	b = append(b, '-')
	b = appendPadded(b, int(d.Month), 2)
	b = append(b, '-')
	return appendPadded(b, d.Day, 2)
}

// AppendText appends YYYY-MM-DD to b; the zero Date appends nothing and an
// invalid date is an error.
func (d Date) AppendText(b []byte) ([]byte, error) {
	if d.IsZero() {
		return b, nil
	}
	if !d.Valid() {
		return b, fmt.Errorf("%w: %s cannot be written", ErrInvalid, d)
	}
	return d.Append(b), nil
}

// MarshalText writes YYYY-MM-DD and the zero Date (no date) as empty text;
// an invalid date is an error.
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(make([]byte, 0, 10)) }

// UnmarshalText reads YYYY-MM-DD; empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	return d.parse(b)
}

func (d *Date) parse(b []byte) error {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return fmt.Errorf("%w: %q: want YYYY-MM-DD", ErrInvalid, clip(b))
	}
	y, ok1 := atoi(b[0:4])
	m, ok2 := atoi(b[5:7])
	dd, ok3 := atoi(b[8:10])
	v := Date{y, time.Month(m), dd}
	if !ok1 || !ok2 || !ok3 || !v.Valid() {
		return fmt.Errorf("%w: %q: not a calendar date", ErrInvalid, clip(b))
	}
	*d = v
	return nil
}

// DateTime is a date and a time of day without zone, written
// YYYY-MM-DDThh:mm:ss in whole seconds: the issuer's legal time, as SAF-T's
// SystemEntryDate. The zero DateTime means "no date-time".
type DateTime struct {
	Date
	Hour, Minute, Second int
}

// NewDateTime returns the date-time y-m-d h:mi:s, or an error when it does
// not exist.
func NewDateTime(y int, m time.Month, d, h, mi, s int) (DateTime, error) {
	t := DateTime{Date{y, m, d}, h, mi, s}
	if !t.Valid() {
		return DateTime{}, fmt.Errorf("%w: %s does not exist", ErrInvalid, t)
	}
	return t, nil
}

// DateTimeOf returns the wall clock of t in its own location, truncated to
// the second.
func DateTimeOf(t time.Time) DateTime {
	h, mi, s := t.Clock()
	return DateTime{DateOf(t), h, mi, s}
}

// DateTimeIn returns the wall clock of t in loc, truncated to the second; a
// nil loc is [Lisbon].
func DateTimeIn(t time.Time, loc *time.Location) DateTime {
	if loc == nil {
		loc = Lisbon
	}
	return DateTimeOf(t.In(loc))
}

// ParseDateTime reads YYYY-MM-DDThh:mm:ss. A fraction of a second or a zone
// suffix is refused: dropping them would change the value.
func ParseDateTime(s string) (DateTime, error) {
	var t DateTime
	if err := t.parse([]byte(s)); err != nil {
		return DateTime{}, err
	}
	return t, nil
}

// IsZero reports whether t is the zero DateTime.
func (t DateTime) IsZero() bool { return t == DateTime{} }

// Valid reports whether t is a calendar date with a time of day.
func (t DateTime) Valid() bool {
	return t.Date.Valid() && t.Hour >= 0 && t.Hour < 24 && t.Minute >= 0 && t.Minute < 60 &&
		t.Second >= 0 && t.Second < 60
}

// Time returns t in loc; a nil loc is [Lisbon].
func (t DateTime) Time(loc *time.Location) time.Time {
	if loc == nil {
		loc = Lisbon
	}
	return time.Date(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, 0, loc)
}

// Compare returns -1, 0 or +1 as t is before, equal to or after u.
func (t DateTime) Compare(u DateTime) int {
	if c := t.Date.Compare(u.Date); c != 0 {
		return c
	}
	switch {
	case t.Hour != u.Hour:
		return cmpInt(t.Hour, u.Hour)
	case t.Minute != u.Minute:
		return cmpInt(t.Minute, u.Minute)
	}
	return cmpInt(t.Second, u.Second)
}

// Before reports whether t is before u.
func (t DateTime) Before(u DateTime) bool { return t.Compare(u) < 0 }

// After reports whether t is after u.
func (t DateTime) After(u DateTime) bool { return t.Compare(u) > 0 }

// String returns YYYY-MM-DDThh:mm:ss.
func (t DateTime) String() string { return string(t.Append(make([]byte, 0, 19))) }

// Append appends YYYY-MM-DDThh:mm:ss to b, unchecked.
func (t DateTime) Append(b []byte) []byte {
	b = t.Date.Append(b)
	b = append(b, 'T')
	b = appendPadded(b, t.Hour, 2)
	b = append(b, ':')
	b = appendPadded(b, t.Minute, 2)
	b = append(b, ':')
	return appendPadded(b, t.Second, 2)
}

// AppendText appends YYYY-MM-DDThh:mm:ss to b; the zero DateTime appends
// nothing and an invalid one is an error.
func (t DateTime) AppendText(b []byte) ([]byte, error) {
	if t.IsZero() {
		return b, nil
	}
	if !t.Valid() {
		return b, fmt.Errorf("%w: %s cannot be written", ErrInvalid, t)
	}
	return t.Append(b), nil
}

// MarshalText writes YYYY-MM-DDThh:mm:ss and the zero DateTime as empty
// text; an invalid value is an error.
func (t DateTime) MarshalText() ([]byte, error) { return t.AppendText(make([]byte, 0, 19)) }

// UnmarshalText reads YYYY-MM-DDThh:mm:ss; empty text is the zero DateTime.
func (t *DateTime) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = DateTime{}
		return nil
	}
	return t.parse(b)
}

func (t *DateTime) parse(b []byte) error {
	if len(b) != 19 || b[10] != 'T' || b[13] != ':' || b[16] != ':' {
		return fmt.Errorf("%w: %q: want YYYY-MM-DDThh:mm:ss", ErrInvalid, clip(b))
	}
	var v DateTime
	if err := v.Date.parse(b[:10]); err != nil {
		return fmt.Errorf("%w: %q: not a calendar date", ErrInvalid, clip(b))
	}
	var ok1, ok2, ok3 bool
	v.Hour, ok1 = atoi(b[11:13])
	v.Minute, ok2 = atoi(b[14:16])
	v.Second, ok3 = atoi(b[17:19])
	if !ok1 || !ok2 || !ok3 || !v.Valid() {
		return fmt.Errorf("%w: %q: not a time of day", ErrInvalid, clip(b))
	}
	*t = v
	return nil
}

// clip keeps error messages short when the input is long.
func clip(b []byte) []byte {
	if len(b) > 40 {
		return b[:40]
	}
	return b
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
