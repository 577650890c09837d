package conformance_test

import (
	"time"

	"github.com/faturapt/faturapt/civil"
)

var (
	civilZero civil.Date
	civilDay  = civil.Date{Year: 2024, Month: time.March, Day: 9}
	entry     = time.Date(2024, time.March, 9, 10, 0, 0, 0, time.UTC)
)
