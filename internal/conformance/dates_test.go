package conformance_test

import (
	"time"

	"github.com/faturapt/faturapt/civil"
)

var (
	civilZero civil.Date
	civilDay  = civil.Date{Year: 2024, Month: time.March, Day: 9}
	entry     = civil.DateTime{Date: civilDay, Hour: 10}
)
