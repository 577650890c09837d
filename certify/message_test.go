package certify

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hashes printed in Despacho 8632/2014, joined across the PDF's line breaks.
const (
	// despacho4Hash is the previous hash of the §4.6, §4.8 and §4.10
	// examples. It is illustrative (170 characters, not valid base64): §4.6
	// and §4.8 print it identically; §4.10 prints it with a "G" lost at a
	// line break ("KcGg3" / "EHmw") and an "O" lost in "ETsOPo8", so the
	// §4.10 vector uses this full form.
	despacho4Hash = "mYJEv4iGwLcnQbRD7dPs2uD1mX08XjXIKcGg3GEHmwMhmmGYusfflJjTdSITLX+uujTwzqmL/U5nvt6S9s8ijN3Lwk" +
		"JXsiEpt099e1MET/8y3+Y1bN+K+YPJQiVmlQS0fXETsOPo8SwUZdBALt0vTo1VhUZKejACcjEYJG6nl="
	// despacho7Hash1 is the hash of the 1st record of §7.1 (output of the
	// 3rd step), 172 characters. The 2nd record's message reprints it with
	// "l"/"I" and "v"/"V" swapped in three places ("grl8"/"grI8",
	// "oAvGJ"/"oAVGJ", "gvl7"/"gvI7"); by §2.1.5 the previous hash is the
	// 1st record's hash, so the vector uses the 3rd step's form.
	despacho7Hash1 = "oso2FoOw4V941CwKTrv6xwzUrOtxBWCwU0yLVAqKwf0CNKZHM" +
		"ETG1XZZC4spRSyby1uDXBggplogrl8gHnvevA00UEoAvGJo9Fa3DO" +
		"A0MhZNDa9/rNvu71pp+0zHmN2ra5IWpiHcgmUYxm5qamLBk49rk" +
		"gvl7h1myKCYBKqgu60="
)

func mustDate(t testing.TB, s string) civil.Date {
	t.Helper()
	d, err := civil.ParseDate(s)
	require.NoError(t, err)
	return d
}

func mustEntry(t testing.TB, s string) civil.DateTime {
	t.Helper()
	tm, err := civil.ParseDateTime(s)
	require.NoError(t, err)
	return tm
}

func TestMessageDespachoVectors(t *testing.T) {
	secondsRE := regexp.MustCompile(`^([^;]*;[0-9-]{10}T[0-9]{2}:[0-9]{2}):[0-9]{2};`)
	tests := []struct {
		name, date, entry, number, total, prev string
		want                                   string
		// printedWithoutSeconds: the Despacho prints this SystemEntryDate
		// as hh:mm; compare with the seconds of our output removed.
		printedWithoutSeconds bool
	}{
		{
			name: "§4.6 SalesInvoices", date: "2013-07-01", entry: "2013-07-01T11:27:08", number: "FS 001/0009", total: "200", prev: despacho4Hash,
			want: "2013-07-01;2013-07-01T11:27:08;FS 001/0009;200.00;" + despacho4Hash,
		},
		{
			// The Despacho prints "2013-07-02T09;37:25": a misprinted ":".
			name: "§4.8 MovementOfGoods, no amount", date: "2013-07-02", entry: "2013-07-02T09:37:25", number: "GR ABC/00021", total: "0", prev: despacho4Hash,
			want: "2013-07-02;2013-07-02T09:37:25;GR ABC/00021;0.00;" + despacho4Hash,
		},
		{
			name: "§4.10 WorkingDocuments", date: "2013-07-03", entry: "2013-07-03T14:25:00", number: "RC 005/001", total: "1500", prev: despacho4Hash,
			want: "2013-07-03;2013-07-03T14:25:00;RC 005/001;1500.00;" + despacho4Hash,
		},
		{
			name: "§7.1 1st record, first of the series", date: "2010-05-18", entry: "2010-05-18T11:22:19", number: "FAC 001/14", total: "3.12", prev: "",
			want: "2010-05-18;2010-05-18T11:22:19;FAC 001/14;3.12;",
		},
		{
			// The Despacho prints "2010-05-18T15:25": the seconds are lost.
			name: "§7.1 2nd record", date: "2010-05-18", entry: "2010-05-18T15:25:00", number: "FAC 001/15", total: "25.62", prev: despacho7Hash1,
			want:                  "2010-05-18;2010-05-18T15:25;FAC 001/15;25.62;" + despacho7Hash1,
			printedWithoutSeconds: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Document{Date: mustDate(t, tt.date), SystemEntry: mustEntry(t, tt.entry), Number: tt.number, GrossTotal: decimal.RequireFromString(tt.total)}
			require.NoError(t, doc.Validate())
			got := doc.Message(tt.prev)
			assert.Equal(t, got, Message(doc.Date, doc.SystemEntry, doc.Number, doc.GrossTotal, tt.prev))
			assert.Equal(t, got, string(appendMessage(nil, doc.Date, doc.SystemEntry, doc.Number, doc.GrossTotal, tt.prev)))
			if tt.printedWithoutSeconds {
				got = secondsRE.ReplaceAllString(got, "$1;")
			}
			assert.Equal(t, tt.want, got)
		})
	}
	assert.Len(t, despacho7Hash1, HashLen, "§7.1: signatures contain 172 bytes")
}

func TestMessageFormatting(t *testing.T) {
	lisbon, err := time.LoadLocation("Europe/Lisbon")
	if err != nil {
		lisbon = time.FixedZone("WEST", 3600)
	}
	tests := []struct {
		name  string
		entry time.Time
		total string
		want  string
	}{
		{"fraction of second dropped, total rounded half away from zero", time.Date(2024, 3, 9, 7, 5, 3, 999_999_999, time.UTC), "10.005", "2024-03-09;2024-03-09T07:05:03;FT A/1;10.01;"},
		{"zone ignored: wall clock as read in its location", time.Date(2024, 7, 1, 0, 30, 0, 0, lisbon), "0.004", "2024-03-09;2024-07-01T00:30:00;FT A/1;0.00;"},
		{"large amount, no grouping, no exponent", time.Date(2024, 12, 31, 23, 59, 59, 0, time.UTC), "1234567890.1", "2024-03-09;2024-12-31T23:59:59;FT A/1;1234567890.10;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Message(civil.Date{Year: 2024, Month: time.March, Day: 9}, civil.DateTimeOf(tt.entry), "FT A/1", decimal.RequireFromString(tt.total), "")
			assert.Equal(t, tt.want, got)
		})
	}
	assert.Equal(t, "0.00", string(appendGrossTotal(nil, decimal.Decimal{})), "§2.1.6: an absent total is signed as 0.00")
}

func TestDocumentValidateReportsEveryViolation(t *testing.T) {
	doc := Document{Date: civil.Date{Year: 2024, Month: 2, Day: 30}, Number: "FT A;1", GrossTotal: decimal.RequireFromString("-1")}
	err := doc.Validate()
	var ve *violation.Error
	require.ErrorAs(t, err, &ve)
	assert.ErrorIs(t, err, ErrInvalid)
	var codes []violation.Code
	for _, v := range ve.Violations {
		codes = append(codes, v.Code)
	}
	assert.Equal(t, []violation.Code{CodeDateInvalid, CodeSystemEntryInvalid, CodeNumberFormat, CodeGrossTotalNegative}, codes)
	assert.Contains(t, err.Error(), "GrossTotal")

	for _, n := range []string{"", "FT A", "FT A/", "FTA/1", "/1", "FT A/1x", "FT A/0", "FT A/-1", "FT A/1\n", "FT A/99999999999999999999", "FT A B/1", " A/1", "FT /1", "FT A^/1", "FT  A/1", "FT A/1/2"} {
		d := Document{Date: civil.Date{Year: 2024, Month: 1, Day: 1}, SystemEntry: civil.DateTime{Date: civil.Date{Year: 2024, Month: 1, Day: 1}}, Number: n}
		assert.ErrorIs(t, d.Validate(), ErrInvalid, "%q", n)
	}
	tooLarge := Document{Date: civil.Date{Year: 2024, Month: 1, Day: 1}, SystemEntry: civil.DateTime{Date: civil.Date{Year: 2024, Month: 1, Day: 1}}, Number: "FT A/1", GrossTotal: decimal.RequireFromString("1E30")}
	require.ErrorIs(t, tooLarge.Validate(), ErrInvalid)
	assert.Contains(t, tooLarge.Validate().Error(), string(CodeGrossTotalTooLarge))
	assert.Equal(t, "7E100000000", string(appendGrossTotal(nil, decimal.RequireFromString("7E100000000"))), "printed compactly, never expanded")

	series, num, err := splitNumber("FT SERIE.2024-X_1/012")
	require.NoError(t, err)
	assert.Equal(t, "FT SERIE.2024-X_1", series)
	assert.Equal(t, uint64(12), num)
}

// FuzzMessage checks that any input formats without panic, and that a valid
// document's message splits back into its five fields.
func FuzzMessage(f *testing.F) {
	f.Add(2010, 5, 18, int64(1274181739), "FAC 001/14", "3.12", "")
	f.Add(2013, 7, 1, int64(1372678028), "FS 001/0009", "200", despacho4Hash)
	f.Add(-1, 0, 99, int64(-1<<62), "a;b/c", "-1e30", ";;")
	f.Add(9999, 12, 31, int64(253402300799), "FT X/18446744073709551615", "0.005", "x")
	f.Add(2024, 1, 1, int64(0), "FT A/1", "1E-100000000", "")
	f.Add(2024, 1, 1, int64(0), "FT A/1", "7E100000000", "")
	f.Fuzz(func(t *testing.T, y, m, d int, unix int64, number, total, prev string) {
		gross, err := decimal.NewFromString(total)
		if err != nil {
			gross = decimal.Zero
		}
		doc := Document{Date: civil.Date{Year: y, Month: time.Month(m), Day: d}, SystemEntry: civil.DateTimeOf(time.Unix(unix, 0).UTC()), Number: number, GrossTotal: gross}
		msg := doc.Message(prev)
		if doc.Validate() != nil || strings.Contains(prev, ";") {
			return
		}
		fields := strings.Split(msg, ";")
		if len(fields) != 5 {
			t.Fatalf("valid document, message %q has %d fields", msg, len(fields))
		}
		if dd, err := civil.ParseDate(fields[0]); err != nil || dd != doc.Date {
			t.Fatalf("date field %q does not parse back to %v", fields[0], doc.Date)
		}
		if se, err := civil.ParseDateTime(fields[1]); err != nil || se != doc.SystemEntry {
			t.Fatalf("system entry field %q does not parse back to %v", fields[1], doc.SystemEntry)
		}
		if fields[2] != number || fields[4] != prev {
			t.Fatalf("number or previous hash altered in %q", msg)
		}
		g, err := decimal.NewFromString(fields[3])
		var rounded decimal.Decimal
		if gross.Exponent() >= -40 { // Round builds 10^-exponent
			rounded = gross.Round(2)
		}
		if err != nil || !g.Equal(rounded) || !regexp.MustCompile(`^[0-9]+\.[0-9]{2}$`).MatchString(fields[3]) {
			t.Fatalf("gross total field %q for %s", fields[3], total)
		}
	})
}

// FuzzGrossTotal holds the allocation-free formatting equal to
// decimal.StringFixed(2), which appendGrossTotal and the SAF-T writer use.
func FuzzGrossTotal(f *testing.F) {
	for _, s := range []string{"0", "-0", "0.00", "3.12", "25.6", "200", "-0.5", "999999999999999", "1000000000000000", "1e3", "1.005", "-1.005", "12.3456", "-99999999999999.99", "0.001", "000E100000000", "1E-100000000", "-1E-7", "5E1001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := decimal.NewFromString(s)
		if err != nil {
			return
		}
		got := string(appendGrossTotal(nil, d))
		digits, exp := int64(d.NumDigits()), int64(d.Exponent())
		switch {
		case exp > maxAmountExponent:
			return // StringFixed itself would print a megabyte-long number
		case d.IsZero() || (exp < -2 && digits+exp < -2):
			// StringFixed would build 10^-exp; the value is below 0.001.
			if got != "0.00" {
				t.Fatalf("%s: tiny amount formatted %q", s, got)
			}
			return
		}
		if want := d.StringFixed(2); got != want {
			t.Fatalf("%s: appendGrossTotal %q, StringFixed(2) %q", s, got, want)
		}
	})
	// Also the zero value, which NewFromString never yields.
	if got := string(appendGrossTotal(nil, decimal.Decimal{})); got != "0.00" {
		f.Fatalf("zero Decimal: %q", got)
	}
}
