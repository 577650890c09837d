package document

import (
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
)

// The conversions between civil dates and the date types the other
// packages still carry.

func timeMonth(m int) time.Month { return time.Month(m) }

func saftDate(d civil.Date) saft.Date { return saft.Date{Year: d.Year, Month: d.Month, Day: d.Day} }

func saftDateTime(t time.Time) saft.DateTime { return saft.DateTimeOf(t) }
