// Command faturapt is the operator's tool over a faturapt book: it sets a
// company up to invoice in Portugal (its AT connection, its series at AT,
// the year's communication method), tells where the set-up stands, issues
// documents, writes the month's SAF-T (PT) file or sends what is pending to
// e-Fatura, and audits SAF-T files. A simulator of AT's services lets every
// command run end to end without an AT account.
//
//	faturapt simulator --dir DIR                 serve AT's services on localhost
//	faturapt init --nif N --name NAME ...        set up the book for a company
//	faturapt series new|existing|list|finalize|cancel|default ...
//	faturapt method show|choose ...              the year's communication method
//	faturapt status [--json]                     green, yellow or red, and why
//	faturapt issue SALE.json [--qr FILE.png]     issue a document
//	faturapt month YYYY-MM [--send]              the month's SAF-T file, or e-Fatura
//	faturapt audit FILE.xml ...                  audit a SAF-T (PT) file
//
// The book is a SQLite file (--book, FATURAPT_BOOK, default faturapt.db) or
// a PostgreSQL URL. Passwords and the signing key are read from the
// environment, a file or a prompt without echo, never from a flag value;
// they are never printed nor kept in the book. "faturapt help" and
// "faturapt CMD -h" say everything; README.md shows a whole walkthrough.
//
// Exit status: 0 done; 1 the operation was refused or failed (AT refused, a
// rule of the law, errors found by an audit); 2 bad usage or nothing to work
// on (no book, a secret missing, an unreadable file). faturapt status exits
// with its light: 0 green, 1 yellow, 2 red, 3 could not evaluate.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const help = `faturapt: invoicing in Portugal from the command line, over a faturapt book

usage: faturapt COMMAND [ARGS] [FLAGS]

Set-up:
  simulator --dir DIR          serve a simulator of AT's series and e-Fatura services on
                               localhost, to try every command without an AT account
  init                         record the company and how it reaches AT in the book
  series new TYPE ID           register a new series at AT (--default: its type's default)
  series existing TYPE ID      register a series that already has documents, from --next N
  series list                  our series and AT's side by side, differences flagged
  series finalize TYPE ID      tell AT no document follows the last one issued
  series cancel TYPE ID        cancel a series registered in error (no document issued)
  series default TYPE ID       make a series the default of its document type
  method show                  the communication method of each year
  method choose YEAR METHOD    saft (the monthly file) or webservice (e-Fatura), one a year
  status                       the set-up's light, green, yellow or red, with every check

Every day and every month:
  issue SALE.json              issue a document described in JSON (number, ATCUD, QR code)
  month YYYY-MM                write the month's SAF-T file (audited) in a SAF-T year;
                               with --send, send what is pending to e-Fatura in a
                               web-service year
  audit FILE.xml               audit a SAF-T (PT) 1.04_01 file

Run "faturapt COMMAND -h" for a command's flags.

The book (every command but audit and simulator):
  --book WHERE        a SQLite file (default faturapt.db) or a postgres:// URL;
                      default $FATURAPT_BOOK (a database password goes in
                      PGPASSWORD or ~/.pgpass, not in the URL)
  --company NIF       the company, when the book holds several; default $FATURAPT_COMPANY

Secrets, never given as a flag value (a process listing would show it), never
printed, never kept in the book; each is read from its environment variable,
else from the file its flag names, else from a prompt without echo:
  FATURAPT_AT_PASSWORD     --at-password-file FILE     the AT sub-user's password
  FATURAPT_CERT_PASSWORD   --cert-password-file FILE   the PKCS#12 certificate's password
  FATURAPT_SIGNING_KEY     --signing-key-file FILE     the program's RSA signing key (PEM)

FATURAPT_NOW (RFC 3339) fixes the clock of the commands and of the simulator,
for tests and demonstrations; AT refuses requests more than a few minutes off.

Exit status:
  0  done
  1  refused or failed: AT refused, a rule of the law, an audit with errors
  2  bad usage or nothing to work on: no book, a secret missing, a file unreadable
  status exits with its light: 0 green, 1 yellow, 2 red, 3 could not evaluate
`

// run is the command, testable: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, help)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 && rest[0] != "help" {
			return run(append(rest[:1:1], "-h"), stdout, stderr)
		}
		fmt.Fprint(stdout, help)
		return 0
	case "audit":
		return runAudit(args, stdout, stderr)
	}
	c, ok := commands[cmd]
	if !ok {
		fmt.Fprintf(stderr, "faturapt: unknown command %q; run \"faturapt help\" for the list\n", cmd)
		return 2
	}
	return c(newEnv(stdout, stderr), rest)
}

// commands are the commands but help and audit.
var commands map[string]func(*env, []string) int

func init() {
	commands = map[string]func(*env, []string) int{
		"simulator": cmdSimulator,
		"init":      cmdInit,
		"series":    cmdSeries,
		"method":    cmdMethod,
		"status":    cmdStatus,
		"issue":     cmdIssue,
		"month":     cmdMonth,
	}
}
