package series

import (
	"errors"
	"fmt"
	"time"
)

// ErrInvalidDate is wrapped by every error about a [Date].
var ErrInvalidDate = errors.New("series: invalid date")

// Date is a civil date without time of day or zone, as xsd:date
// (dataInicioPrevUtiliz, dataRegisto). A time.Time at midnight would carry a
// zone that can move the day; a Date cannot. The zero value is "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d, or an error when it does not exist
// (e.g. 2023-02-29) or the year is outside 1..9999.
func NewDate(y int, m time.Month, d int) (Date, error) {
	date := Date{y, m, d}
	if !date.Valid() {
		return Date{}, fmt.Errorf("%w: %04d-%02d-%02d does not exist (want a calendar date, years 1 to 9999)", ErrInvalidDate, y, int(m), d)
	}
	return date, nil
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads a date written YYYY-MM-DD (xsd:date without zone).
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%w: %q: want YYYY-MM-DD", ErrInvalidDate, truncate(s))
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%w: %q: want an existing YYYY-MM-DD date", ErrInvalidDate, truncate(s))
	}
	return DateOf(t), nil
}

// Valid reports whether d is an existing date with a 4-digit year.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return DateOf(d.in(time.UTC)) == d
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d == Date{} }

// String returns YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

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

// in returns midnight of d in loc.
func (d Date) in(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// MarshalText writes YYYY-MM-DD, and the zero Date (no date) as empty
// text; a non-zero date that does not exist is an error.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	if !d.Valid() {
		return nil, fmt.Errorf("%w: %s cannot be written", ErrInvalidDate, d)
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads YYYY-MM-DD with [ParseDate]; empty text is the zero
// Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
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
