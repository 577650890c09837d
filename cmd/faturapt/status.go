package main

import (
	"fmt"
	"time"

	"github.com/faturapt/faturapt/book"
	"github.com/faturapt/faturapt/setup"
)

const statusUsage = `usage: faturapt status [--json]

Tells where the company's set-up stands, as one light and the checks behind
it, each with what to do when it is not green: AT accepts the sub-user's
credentials and it holds the WSE profile; the producer's certificate and AT's
public key are valid; each document type issued has an active series and a
default one; the year's communication method is chosen; in a web-service year,
no document waits for e-Fatura past its deadline (package setup, package book).
It asks AT once (a series query).

Exit status, one per light, for a monitoring script:
  0  green: activated, invoicing may go on
  1  yellow: pending, not complete yet but nothing is wrong
  2  red: failed, something blocks invoicing
  3  could not evaluate: bad usage, no book, a secret missing
`

// Exit statuses of status.
const (
	exitGreen   = 0
	exitYellow  = 1
	exitRed     = 2
	exitUnknown = 3
)

// statusJSON is the JSON of status.
type statusJSON struct {
	Company string      `json:"company"`
	Level   string      `json:"level"`
	Light   string      `json:"light"`
	Checks  []checkJSON `json:"checks"`
}

type checkJSON struct {
	ID           string `json:"id"`
	DocumentType string `json:"documentType,omitempty"`
	Level        string `json:"level"`
	Light        string `json:"light"`
	Detail       string `json:"detail"`
	Remedy       string `json:"remedy,omitempty"`
}

func cmdStatus(e *env, args []string) int {
	fs := e.flags("status", statusUsage)
	bf := e.bookFlags(fs)
	sf := e.secretFlags(fs, true, false)
	asJSON := fs.Bool("json", false, "print the status as JSON")
	rest, code, ok := parse(fs, args)
	if !ok {
		if code != exitOK {
			code = exitUnknown
		}
		return code
	}
	if len(rest) > 0 {
		fs.Usage()
		return exitUnknown
	}
	ctx, s, _ := e.begin(bf)
	if s == nil {
		return exitUnknown
	}
	defer s.close()
	a, err := s.dial(ctx, sf)
	if err != nil {
		return e.fail(exitUnknown, "%v", err)
	}
	defer a.client.Close()
	co := setup.Company{AT: a.lister(), Certificate: a.cert, ATKeyNotAfter: a.keyEnd}
	opts := []setup.Option{setup.WithClock(e.now)}
	if a.conn.Environment == book.EnvironmentSimulator {
		// The simulator's throwaway certificates live a day: with the
		// default warning of 30 days they would always be to renew.
		opts = append(opts, setup.WithExpiryWarning(time.Hour))
	}
	st, err := s.book.SetupStatus(ctx, s.nif, co, opts...)
	if err != nil {
		return e.fail(exitUnknown, "%v", err)
	}
	for i := range st.Checks {
		// The library says what to call; an operator runs the command.
		if c := &st.Checks[i]; c.ID == book.CheckEFatura && c.Level != setup.Activated {
			c.Remedy += ` ("faturapt month YYYY-MM --send" sends them)`
		}
	}
	if *asJSON {
		out := statusJSON{Company: s.nif, Level: string(st.Level), Light: st.Level.Color(), Checks: []checkJSON{}}
		for _, c := range st.Checks {
			out.Checks = append(out.Checks, checkJSON{ID: string(c.ID), DocumentType: string(c.DocumentType),
				Level: string(c.Level), Light: c.Level.Color(), Detail: c.Detail, Remedy: c.Remedy})
		}
		if code := e.json(out); code != exitOK {
			return exitUnknown
		}
	} else {
		fmt.Fprintf(e.stdout, "%s %s: %s (%s)\n", s.nif, s.company.Name, st.Level.Color(), st.Level)
		for _, c := range st.Checks {
			fmt.Fprintf(e.stdout, "  %s\n", c)
		}
	}
	switch st.Level {
	case setup.Activated:
		return exitGreen
	case setup.Pending:
		return exitYellow
	case setup.Failed:
		return exitRed
	}
	return exitUnknown
}
