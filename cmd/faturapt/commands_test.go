package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every command says what it does with -h, on stdout for help and stderr
// for -h (flag's convention), and exits 0.
func TestHelp(t *testing.T) {
	code, out, _ := runCmd("help")
	assert.Equal(t, 0, code)
	for name := range commands {
		assert.Contains(t, out, "  "+name, "help lists %s", name)
	}
	assert.Contains(t, out, "audit FILE.xml")
	for _, args := range [][]string{
		{"simulator", "-h"}, {"init", "-h"}, {"series", "new", "-h"}, {"series", "list", "-h"}, {"method", "show", "-h"},
		{"status", "-h"}, {"issue", "-h"}, {"month", "-h"}, {"help", "issue"},
	} {
		code, out, errOut := runCmd(args...)
		assert.Equal(t, 0, code, "%q", args)
		name := args[0]
		if name == "help" {
			name = args[1]
		}
		assert.Contains(t, out+errOut, "usage: faturapt "+name, "%q", args)
		if name != "simulator" {
			assert.Contains(t, out+errOut, "-book", "%q", args)
		}
	}
	for _, args := range [][]string{{"series", "-h"}, {"method", "-h"}} {
		code, out, _ := runCmd(args...)
		assert.Equal(t, 0, code, "%q", args)
		assert.Contains(t, out, "usage: faturapt "+args[0])
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("FATURAPT_BOOK", filepath.Join(dir, "none.db"))
	t.Setenv("FATURAPT_NOW", "")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"series"}, 2, "usage: faturapt series"},
		{[]string{"series", "rename"}, 2, `unknown series subcommand "rename"`},
		{[]string{"method", "choose", "2026", "fax"}, 2, `METHOD "fax": say saft`},
		{[]string{"month", "June"}, 2, `"June" is not a month: YYYY-MM`},
		{[]string{"status"}, 3, "no book at " + filepath.Join(dir, "none.db") + `: create it with "faturapt init"`},
		{[]string{"series", "list"}, 2, "no book at"},
		{[]string{"init", "--nif", "599999993"}, 2, "init needs [--name --at --software-certificate]"},
		{[]string{"init", "--nif", "123456780", "--name", "X", "--at", "test", "--software-certificate", "9999"}, 2, "--nif:"},
		{[]string{"init", "--nif", "599999993", "--name", "X", "--at", "staging", "--software-certificate", "9999"}, 2, `--at "staging": say test, production or simulator`},
		{[]string{"init", "--nif", "599999993", "--name", "X", "--at", "simulator", "--software-certificate", "9999"}, 2, "--at simulator needs --simulator DIR"},
		{[]string{"simulator"}, 2, "usage: faturapt simulator"},
		{[]string{"init", "--nif", "599999993", "--name", "X", "--at", "test", "--software-certificate", "9999"}, 2, "--at test needs --cert FILE.p12 and --sub-user N"},
	} {
		code, _, errOut := runCmd(tc.args...)
		assert.Equal(t, tc.code, code, "%q: %s", tc.args, errOut)
		assert.Contains(t, errOut, tc.want, "%q", tc.args)
	}
	t.Setenv("FATURAPT_NOW", "tomorrow")
	code, _, errOut := runCmd("status")
	assert.Equal(t, 3, code)
	assert.Contains(t, errOut, `FATURAPT_NOW "tomorrow" is not an RFC 3339 time`)
}

// A secret comes from its variable, else its file; missing, the error
// says where to put it; it is never in the error.
func TestSecret(t *testing.T) {
	dir := t.TempDir()
	e := newEnv(os.Stdout, os.Stderr)
	env := map[string]string{}
	e.getenv = func(k string) string { return env[k] }
	devNull, err := os.Open(os.DevNull)
	require.NoError(t, err)
	defer devNull.Close()
	e.stdin = devNull // not a terminal: no prompt

	_, err = e.secret("the AT password", "FATURAPT_AT_PASSWORD", "", "at-password-file", true)
	require.Error(t, err)
	assert.Equal(t, "the AT password is needed: set FATURAPT_AT_PASSWORD, or give --at-password-file FILE", err.Error())

	file := filepath.Join(dir, "pw")
	require.NoError(t, os.WriteFile(file, []byte("from-the-file\n"), 0o600))
	v, err := e.secret("the AT password", "FATURAPT_AT_PASSWORD", file, "at-password-file", true)
	require.NoError(t, err)
	assert.Equal(t, "from-the-file", v, "the line's end is not part of it")

	env["FATURAPT_AT_PASSWORD"] = "from-the-environment"
	v, err = e.secret("the AT password", "FATURAPT_AT_PASSWORD", file, "at-password-file", true)
	require.NoError(t, err)
	assert.Equal(t, "from-the-environment", v)

	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.WriteFile(empty, []byte("\n"), 0o600))
	delete(env, "FATURAPT_AT_PASSWORD")
	_, err = e.secret("the AT password", "FATURAPT_AT_PASSWORD", empty, "at-password-file", true)
	assert.ErrorContains(t, err, "is empty")
}

func TestRedactURL(t *testing.T) {
	assert.Equal(t, "postgres://app:xxxxx@db:5432/books", redactURL("postgres://app:hunter2@db:5432/books"))
	assert.Equal(t, "postgres://app@db/books", redactURL("postgres://app@db/books"))
	assert.Equal(t, "book.db", redactURL("book.db"))
}
