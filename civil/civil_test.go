package civil

import (
	"errors"
	"testing"
	"time"
)

func TestParseDateRoundTrip(t *testing.T) {
	for _, s := range []string{"2024-02-29", "0001-01-01", "9999-12-31", "2023-12-31", "2000-02-29", "1900-02-28"} {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", s, err)
		}
		if !d.Valid() || d.String() != s {
			t.Errorf("ParseDate(%q) = %v (valid %v), prints %q", s, d, d.Valid(), d.String())
		}
		b, err := d.MarshalText()
		if err != nil || string(b) != s {
			t.Errorf("%v.MarshalText() = %q, %v", d, b, err)
		}
		var u Date
		if err := u.UnmarshalText(b); err != nil || u != d {
			t.Errorf("UnmarshalText(%q) = %v, %v", b, u, err)
		}
	}
}

func TestParseDateInvalid(t *testing.T) {
	for _, s := range []string{
		"", "2024-2-29", "20240229", "2024/02/29", "2024-02-29T00:00:00", "+024-02-29", " 2024-02-29",
		"2023-02-29", // not a leap year
		"1900-02-29", // divisible by 100, not by 400
		"2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00", "0000-01-01", "2024-0a-01",
	} {
		if d, err := ParseDate(s); !errors.Is(err, ErrInvalid) || !d.IsZero() {
			t.Errorf("ParseDate(%q) = %v, %v; want the zero Date and ErrInvalid", s, d, err)
		}
	}
}

func TestLeapYears(t *testing.T) {
	for _, tc := range []struct {
		year int
		leap bool
	}{{2024, true}, {2023, false}, {2000, true}, {1900, false}, {2100, false}, {2400, true}, {4, true}} {
		_, err := NewDate(tc.year, time.February, 29)
		if (err == nil) != tc.leap {
			t.Errorf("NewDate(%d, February, 29) error %v, leap year %v", tc.year, err, tc.leap)
		}
	}
	for _, bad := range []Date{{Year: 0, Month: 1, Day: 1}, {Year: 10000, Month: 1, Day: 1}, {Year: 2024, Month: 13, Day: 1}, {Year: 2024, Month: 4, Day: 31}, {}} {
		if _, err := NewDate(bad.Year, bad.Month, bad.Day); !errors.Is(err, ErrInvalid) {
			t.Errorf("NewDate(%v) error %v, want ErrInvalid", bad, err)
		}
	}
}

func TestCompare(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"2024-01-31", "2024-02-01", -1},
		{"2024-02-01", "2024-01-31", 1},
		{"2023-12-31", "2024-01-01", -1},
		{"2024-03-09", "2024-03-09", 0},
		{"2024-03-09", "2024-03-10", -1},
	} {
		a, b := mustDate(t, tc.a), mustDate(t, tc.b)
		if got := a.Compare(b); got != tc.want {
			t.Errorf("%s.Compare(%s) = %d, want %d", a, b, got, tc.want)
		}
		if a.Before(b) != (tc.want < 0) || a.After(b) != (tc.want > 0) {
			t.Errorf("%s Before/After %s disagree with Compare %d", a, b, tc.want)
		}
	}
	x, y := DateTime{Date: mustDate(t, "2024-03-09"), Hour: 23, Minute: 59, Second: 59}, DateTime{Date: mustDate(t, "2024-03-10")}
	if x.Compare(y) != -1 || !x.Before(y) || !y.After(x) || x.Compare(x) != 0 {
		t.Errorf("DateTime order of %s and %s", x, y)
	}
}

func TestAddDays(t *testing.T) {
	for _, tc := range []struct {
		from string
		n    int
		want string
	}{{"2024-02-28", 1, "2024-02-29"}, {"2023-02-28", 1, "2023-03-01"}, {"2024-01-01", -1, "2023-12-31"}, {"2024-03-30", 2, "2024-04-01"}} {
		if got := mustDate(t, tc.from).AddDays(tc.n); got.String() != tc.want {
			t.Errorf("%s.AddDays(%d) = %s, want %s", tc.from, tc.n, got, tc.want)
		}
	}
}

// DateIn reads a fixed instant in Portugal's legal time: Lisbon is UTC in
// winter and UTC+1 in summer, the Azores one hour less. The changes are on
// the last Sunday of March and of October at 01:00 UTC.
func TestDateInPortugal(t *testing.T) {
	utc := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	for _, tc := range []struct {
		name          string
		at            string
		lisbon, azore string
		lisbonTime    string
	}{
		{"winter midnight in Lisbon", "2024-01-15T00:00:00Z", "2024-01-15", "2024-01-14", "2024-01-15T00:00:00"},
		{"winter before midnight in Lisbon", "2024-01-14T23:59:59Z", "2024-01-14", "2024-01-14", "2024-01-14T23:59:59"},
		{"Azores midnight in winter", "2024-01-15T01:00:00Z", "2024-01-15", "2024-01-15", "2024-01-15T01:00:00"},
		{"summer: 23:30 UTC is the next day in Lisbon", "2024-07-31T23:30:00Z", "2024-08-01", "2024-07-31", "2024-08-01T00:30:00"},
		{"summer: Azores at UTC", "2024-08-01T00:30:00Z", "2024-08-01", "2024-08-01", "2024-08-01T01:30:00"},
		{"just before the spring change", "2024-03-31T00:59:59Z", "2024-03-31", "2024-03-30", "2024-03-31T00:59:59"},
		{"just after the spring change", "2024-03-31T01:00:00Z", "2024-03-31", "2024-03-31", "2024-03-31T02:00:00"},
		{"autumn change, last hour of summer time (Azores at UTC)", "2024-10-27T00:30:00Z", "2024-10-27", "2024-10-27", "2024-10-27T01:30:00"},
		{"autumn change, repeated hour", "2024-10-27T01:30:00Z", "2024-10-27", "2024-10-27", "2024-10-27T01:30:00"},
		{"last evening of the year", "2024-12-31T23:30:00Z", "2024-12-31", "2024-12-31", "2024-12-31T23:30:00"},
	} {
		at := utc(tc.at)
		if got := DateIn(at, Lisbon).String(); got != tc.lisbon {
			t.Errorf("%s: DateIn(%s, Lisbon) = %s, want %s", tc.name, tc.at, got, tc.lisbon)
		}
		if got := DateIn(at, nil).String(); got != tc.lisbon {
			t.Errorf("%s: DateIn(%s, nil) = %s, want Lisbon's %s", tc.name, tc.at, got, tc.lisbon)
		}
		if got := DateIn(at, Azores).String(); got != tc.azore {
			t.Errorf("%s: DateIn(%s, Azores) = %s, want %s", tc.name, tc.at, got, tc.azore)
		}
		if got := DateTimeIn(at, nil).String(); got != tc.lisbonTime {
			t.Errorf("%s: DateTimeIn(%s, nil) = %s, want %s", tc.name, tc.at, got, tc.lisbonTime)
		}
	}
}

func TestZeroText(t *testing.T) {
	b, err := Date{}.AppendText([]byte("x"))
	if err != nil || string(b) != "x" {
		t.Errorf("Date{}.AppendText = %q, %v; want nothing appended", b, err)
	}
	if b, err := (Date{}).MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("Date{}.MarshalText = %q, %v", b, err)
	}
	if b, err := (DateTime{}).MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("DateTime{}.MarshalText = %q, %v", b, err)
	}
	if _, err := (Date{Year: 2023, Month: 2, Day: 29}).MarshalText(); !errors.Is(err, ErrInvalid) {
		t.Errorf("MarshalText of 2023-02-29: %v, want ErrInvalid", err)
	}
	if _, err := (DateTime{Date: Date{Year: 2024, Month: 1, Day: 1}, Hour: 24}).MarshalText(); !errors.Is(err, ErrInvalid) {
		t.Errorf("MarshalText of hour 24: %v, want ErrInvalid", err)
	}
	d := Date{Year: 2024, Month: 1, Day: 1}
	if err := d.UnmarshalText(nil); err != nil || !d.IsZero() {
		t.Errorf("UnmarshalText(empty) = %v, %v; want the zero Date", d, err)
	}
	dt := DateTime{Hour: 3}
	if err := dt.UnmarshalText([]byte{}); err != nil || !dt.IsZero() {
		t.Errorf("DateTime.UnmarshalText(empty) = %v, %v", dt, err)
	}
}

func TestParseDateTime(t *testing.T) {
	for _, s := range []string{"2024-03-09T07:05:03", "0001-01-01T00:00:00", "9999-12-31T23:59:59"} {
		v, err := ParseDateTime(s)
		if err != nil || v.String() != s {
			t.Errorf("ParseDateTime(%q) = %v, %v", s, v, err)
		}
	}
	for _, s := range []string{"", "2024-03-09", "2024-03-09T07:05:03Z", "2024-03-09T07:05:03.5", "2024-03-09 07:05:03",
		"2024-03-09T24:00:00", "2024-03-09T07:60:00", "2024-03-09T07:05:60", "2023-02-29T00:00:00", "2024-03-09T7:05:03"} {
		if v, err := ParseDateTime(s); !errors.Is(err, ErrInvalid) || !v.IsZero() {
			t.Errorf("ParseDateTime(%q) = %v, %v; want ErrInvalid", s, v, err)
		}
	}
}

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// FuzzParse: a date or date-time that parses prints back as its input, and
// whatever does not parse is refused with ErrInvalid, without panicking.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2023-02-29", "0000-01-01", "9999-12-31", "2024-1-1", "",
		"2024-03-09T07:05:03", "2024-03-09T24:00:00", "2024-03-09T07:05:03Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := ParseDate(s); err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseDate(%q): %v does not wrap ErrInvalid", s, err)
			}
		} else if !d.Valid() || d.String() != s {
			t.Fatalf("ParseDate(%q) = %v (valid %v)", s, d, d.Valid())
		}
		if v, err := ParseDateTime(s); err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseDateTime(%q): %v does not wrap ErrInvalid", s, err)
			}
		} else if !v.Valid() || v.String() != s {
			t.Fatalf("ParseDateTime(%q) = %v (valid %v)", s, v, v.Valid())
		}
	})
}
