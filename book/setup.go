package book

import (
	"context"
	"fmt"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/setup"
)

// The checks the book adds to package setup's.
const (
	// CheckDefaultSeries: each document type issued has a default series
	// in the book (one per type).
	CheckDefaultSeries setup.CheckID = "default-series"
	// CheckEFatura: in a web-service year, no document waits to be
	// communicated past its deadline, and none was refused.
	CheckEFatura setup.CheckID = "efatura"
)

// Backlog is what waits to be communicated to e-Fatura.
type Backlog struct {
	Pending  int        // documents not yet accepted by AT
	Refused  int        // documents AT refused: to correct and communicate again
	Oldest   civil.Date // date of the oldest pending document
	Deadline civil.Date // the day its communication is due
	Late     int        // pending documents past their deadline
}

// Deadline returns the last day to communicate to AT the invoices dated d,
// by either method (Decreto-Lei 198/2012 art. 3.º n.º 2): the 5th of the
// following month for documents of 2023 on (as the State Budget for 2022
// worded it; AT, "Sistema e-Fatura: alinhamento de funcionalidades", 2022),
// the 12th in 2020 to 2022 (Lei 119/2019 art. 16.º) and the 15th in 2019
// (Ofício-Circulado 30213/2019, note 23).
func Deadline(d civil.Date) civil.Date {
	y, m := d.Year, d.Month+1
	if m > time.December {
		y, m = y+1, time.January
	}
	day := 5
	switch {
	case d.Year <= 2019:
		day = 15
	case d.Year <= 2022:
		day = 12
	}
	return civil.Date{Year: y, Month: m, Day: day}
}

// Backlog counts the company's documents waiting for e-Fatura on today.
func (b *Book) Backlog(ctx context.Context, nif string, today civil.Date) (Backlog, error) {
	var bl Backlog
	rows, err := b.rdb.QueryContext(ctx, `SELECT state, date, count(*) FROM efatura WHERE company = $1 AND state <> $2
		GROUP BY state, date ORDER BY date`, nif, string(EFaturaSent))
	if err != nil {
		return bl, fmt.Errorf("book: backlog: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var st, day string
		var n int
		if err := rows.Scan(&st, &day, &n); err != nil {
			return bl, err
		}
		if EFaturaState(st) == EFaturaRefused {
			bl.Refused += n
			continue
		}
		d, err := civil.ParseDate(day)
		if err != nil {
			return bl, fmt.Errorf("book: backlog: %w", err)
		}
		if bl.Pending == 0 {
			bl.Oldest, bl.Deadline = d, Deadline(d)
		}
		bl.Pending += n
		if Deadline(d).Before(today) {
			bl.Late += n
		}
	}
	return bl, rows.Err()
}

// SetupStatus evaluates the company's set-up (setup.Evaluate) with what the
// book knows: the document types of its registry (when co.DocumentTypes is
// empty; invoices, FT, while the registry is empty) and the methods of its years (when co.Methods is nil); and adds
// the book's checks: a default series for each type, and the e-Fatura
// backlog against its legal deadline. The book's clock (WithClock) is
// setup's and dates the deadlines.
func (b *Book) SetupStatus(ctx context.Context, nif string, co setup.Company, opts ...setup.Option) (setup.Status, error) {
	entries, err := b.Series(ctx, nif)
	if err != nil {
		return setup.Status{}, err
	}
	defaults := map[series.DocumentType]string{}
	var types []series.DocumentType
	for _, e := range entries {
		t := e.Series.DocumentType
		if _, seen := defaults[t]; !seen {
			defaults[t] = ""
			types = append(types, t)
		}
		if e.Default {
			defaults[t] = e.Series.ID
		}
	}
	if len(co.DocumentTypes) == 0 {
		co.DocumentTypes = types
	}
	if len(co.DocumentTypes) == 0 {
		// Nothing registered yet: a taxable person issues an invoice for
		// every supply (CIVA art. 29.º n.º 1 b)), so the set-up is not
		// complete without an invoice series.
		co.DocumentTypes = []series.DocumentType{series.DocumentTypeFT}
	}
	if co.Methods == nil {
		ms, err := b.Methods(ctx, nif)
		if err != nil {
			return setup.Status{}, err
		}
		co.Methods = ms
	}
	now := b.now
	st := setup.Evaluate(ctx, co, append([]setup.Option{setup.WithClock(now)}, opts...)...)

	for _, t := range co.DocumentTypes {
		c := setup.Check{ID: CheckDefaultSeries, DocumentType: t, Level: setup.Activated}
		if id := defaults[t]; id != "" {
			c.Detail = "default series " + id
		} else {
			c.Level, c.Detail = setup.Pending, "no default series"
			c.Remedy = fmt.Sprintf("choose the default series of %s (%s)", t, t.DescriptionEN())
		}
		st.Checks = append(st.Checks, c)
	}

	today := civil.DateIn(now(), civil.Lisbon)
	bl, err := b.Backlog(ctx, nif, today)
	if err != nil {
		return setup.Status{}, err
	}
	c := setup.Check{ID: CheckEFatura, Level: setup.Activated, Detail: "nothing waits to be communicated"}
	switch {
	case bl.Late > 0:
		c.Level, c.Detail = setup.Failed, fmt.Sprintf("%d documents past their deadline (the oldest, of %s, was due %s)", bl.Late, bl.Oldest, bl.Deadline)
		c.Remedy = "run Communicate; if AT is out of reach, communicate them by SAF-T file"
	case bl.Refused > 0:
		c.Level, c.Detail = setup.Failed, fmt.Sprintf("%d documents refused by AT", bl.Refused)
		c.Remedy = "correct what AT refused (see the answers) and communicate them again"
	case bl.Pending > 0:
		c.Level, c.Detail = setup.Pending, fmt.Sprintf("%d documents wait to be communicated, the oldest due %s", bl.Pending, bl.Deadline)
		c.Remedy = "run Communicate"
	}
	st.Checks = append(st.Checks, c)
	for _, c := range st.Checks {
		if worse(c.Level, st.Level) {
			st.Level = c.Level
		}
	}
	return st, nil
}

func worse(a, b setup.Level) bool {
	rank := func(l setup.Level) int {
		switch l {
		case setup.Failed:
			return 2
		case setup.Pending:
			return 1
		}
		return 0
	}
	return rank(a) > rank(b)
}
