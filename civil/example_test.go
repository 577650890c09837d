package civil_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/faturapt/faturapt/civil"
)

func ExampleNewDate() {
	d, err := civil.NewDate(2024, time.February, 29)
	fmt.Println(d, err)
	_, err = civil.NewDate(2023, time.February, 29)
	fmt.Println(err)
	// Output:
	// 2024-02-29 <nil>
	// civil: invalid date: 2023-02-29 does not exist (want a calendar date, years 1 to 9999)
}

func ExampleParseDate() {
	d, err := civil.ParseDate("2024-06-01")
	fmt.Println(d, err, d.After(civil.Date{Year: 2024, Month: time.May, Day: 31}))
	_, err = civil.ParseDate("2024-6-1")
	fmt.Println(err)
	// Output:
	// 2024-06-01 <nil> true
	// civil: invalid date: "2024-6-1": want YYYY-MM-DD
}

func ExampleDateIn() {
	// 23:30 UTC on 31 July is already 1 August in Lisbon (UTC+1 in summer)
	// and still 31 July in the Azores (UTC+0 in summer).
	at := time.Date(2024, time.July, 31, 23, 30, 0, 0, time.UTC)
	fmt.Println(civil.DateIn(at, civil.Lisbon), civil.DateIn(at, civil.Azores), civil.DateIn(at, nil))
	// Output: 2024-08-01 2024-07-31 2024-08-01
}

func ExampleDateOf() {
	at := time.Date(2024, time.June, 1, 0, 30, 0, 0, time.FixedZone("WEST", 3600))
	fmt.Println(civil.DateOf(at))
	// Output: 2024-06-01
}

func ExampleDate_Compare() {
	a, _ := civil.ParseDate("2024-01-31")
	b, _ := civil.ParseDate("2024-02-01")
	fmt.Println(a.Compare(b), a.Before(b), b.After(a), civil.Date{}.IsZero())
	// Output: -1 true true true
}

func ExampleDate_AddDays() {
	d := civil.Date{Year: 2024, Month: time.February, Day: 28}
	fmt.Println(d.AddDays(1), d.AddDays(2), d.AddDays(-28))
	// Output: 2024-02-29 2024-03-01 2024-01-31
}

func ExampleDate_Time() {
	d := civil.Date{Year: 2024, Month: time.July, Day: 1}
	fmt.Println(d.Time(nil), d.Time(civil.Azores).UTC())
	// Output: 2024-07-01 00:00:00 +0100 WEST 2024-07-01 00:00:00 +0000 UTC
}

func ExampleDate_Append() {
	b := []byte("F:")
	b = civil.Date{Year: 2024, Month: time.March, Day: 9}.Append(b)
	fmt.Println(string(b))
	// Output: F:2024-03-09
}

func ExampleDate_MarshalText() {
	out, _ := json.Marshal(struct{ Start, End civil.Date }{Start: civil.Date{Year: 2024, Month: time.January, Day: 1}})
	fmt.Println(string(out))
	var back struct{ Start, End civil.Date }
	err := json.Unmarshal(out, &back)
	fmt.Println(back.Start, back.End.IsZero(), err)
	// Output:
	// {"Start":"2024-01-01","End":""}
	// 2024-01-01 true <nil>
}

func ExampleParseDateTime() {
	t, err := civil.ParseDateTime("2024-03-09T07:05:03")
	fmt.Println(t, t.Date, t.Hour, err)
	_, err = civil.ParseDateTime("2024-03-09T07:05:03Z")
	fmt.Println(err)
	// Output:
	// 2024-03-09T07:05:03 2024-03-09 7 <nil>
	// civil: invalid date: "2024-03-09T07:05:03Z": want YYYY-MM-DDThh:mm:ss
}

func ExampleDateTimeIn() {
	at := time.Date(2024, time.October, 27, 0, 30, 15, 999, time.UTC)
	fmt.Println(civil.DateTimeIn(at, nil), civil.DateTimeIn(at, civil.Azores))
	// Output: 2024-10-27T01:30:15 2024-10-27T00:30:15
}

func ExampleNewDateTime() {
	t, err := civil.NewDateTime(2024, time.March, 9, 23, 59, 59)
	fmt.Println(t, err)
	_, err = civil.NewDateTime(2024, time.March, 9, 24, 0, 0)
	fmt.Println(err)
	// Output:
	// 2024-03-09T23:59:59 <nil>
	// civil: invalid date: 2024-03-09T24:00:00 does not exist
}

func ExampleDateTime_Time() {
	t := civil.DateTime{Date: civil.Date{Year: 2024, Month: time.January, Day: 15}, Hour: 9}
	fmt.Println(t.Time(nil).UTC(), t.Time(civil.Azores).UTC())
	// Output: 2024-01-15 09:00:00 +0000 UTC 2024-01-15 10:00:00 +0000 UTC
}
