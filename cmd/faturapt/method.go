package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/faturapt/faturapt/reporting"
)

const methodUsage = `usage: faturapt method show [--json]
       faturapt method choose YEAR saft|webservice

A company communicates each calendar year's invoicing to AT by one method
(Decreto-Lei 198/2012 art. 3.º): the monthly SAF-T (PT) file ("saft", faturapt
month YYYY-MM writes it) or each document through the e-Fatura web service
("webservice", faturapt month YYYY-MM --send sends what is pending). Choosing
the other method for a year already chosen is refused; choosing the same one
again does nothing.
Exit status: 0 done, 1 refused (the other method was chosen), 2 bad usage.
`

type methodJSON struct {
	Year        int    `json:"year"`
	Method      string `json:"method"`
	Description string `json:"description"`
}

func cmdMethod(e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, methodUsage)
		return exitUsage
	}
	sub, args := args[0], args[1:]
	if sub == "-h" || sub == "-help" || sub == "--help" || sub == "help" {
		fmt.Fprint(e.stdout, methodUsage)
		return exitOK
	}
	if sub != "show" && sub != "choose" {
		return e.fail(exitUsage, "unknown method subcommand %q: show or choose (faturapt method -h)", sub)
	}
	fs := e.flags("method "+sub, methodUsage)
	bf := e.bookFlags(fs)
	asJSON := fs.Bool("json", false, "print as JSON")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	var year int
	var m reporting.Method
	if sub == "choose" {
		if len(rest) != 2 {
			fs.Usage()
			return exitUsage
		}
		var err error
		if year, err = strconv.Atoi(rest[0]); err != nil {
			return e.fail(exitUsage, "YEAR %q is not a year", rest[0])
		}
		if m, ok = parseMethod(rest[1]); !ok {
			return e.fail(exitUsage, "METHOD %q: say saft (the monthly SAF-T file) or webservice (e-Fatura)", rest[1])
		}
	} else if len(rest) != 0 {
		fs.Usage()
		return exitUsage
	}
	ctx, s, code := e.begin(bf)
	if s == nil {
		return code
	}
	defer s.close()
	if sub == "choose" {
		if err := s.book.SetMethod(ctx, s.nif, year, m); err != nil {
			return e.fail(exitFailed, "%v", err)
		}
		fmt.Fprintf(e.stdout, "%d: %s\n", year, m.DescriptionEN())
		if m == reporting.MethodWebService {
			fmt.Fprintf(e.stdout, "next: the year's documents wait for e-Fatura; send them with \"faturapt month YYYY-MM --send\"\n")
		} else {
			fmt.Fprintf(e.stdout, "next: write each month's file with \"faturapt month YYYY-MM\" once the month is over (by the 5th of the next, Decreto-Lei 198/2012 art. 3.º n.º 2)\n")
		}
		return exitOK
	}
	cs, err := s.book.Methods(ctx, s.nif)
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	if *asJSON {
		out := []methodJSON{}
		for _, c := range cs {
			out = append(out, methodJSON{Year: c.Year, Method: string(c.Method), Description: c.Method.DescriptionEN()})
		}
		return e.json(out)
	}
	if len(cs) == 0 {
		fmt.Fprintln(e.stdout, "no method chosen yet: faturapt method choose YEAR saft|webservice")
	}
	for _, c := range cs {
		fmt.Fprintf(e.stdout, "%d: %s\n", c.Year, c.Method.DescriptionEN())
	}
	return exitOK
}

func parseMethod(s string) (reporting.Method, bool) {
	switch strings.ToLower(s) {
	case "saft", "saf-t", "file":
		return reporting.MethodSAFT, true
	case "webservice", "ws", "efatura", "e-fatura":
		return reporting.MethodWebService, true
	}
	return "", false
}
