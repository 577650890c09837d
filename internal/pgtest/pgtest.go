// Package pgtest gives a test a PostgreSQL schema of its own on the server
// of FATURAPT_POSTGRES_URL, dropped when the test ends. Without the
// variable the test is skipped with a message, or fails when CI is set:
// CI provides the server. It is for tests only.
package pgtest

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// Env names the environment variable with the server's URL.
const Env = "FATURAPT_POSTGRES_URL"

// URL returns the server's URL, or skips (fails under CI) when none is
// given.
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(Env)
	if u == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set, and CI is: the PostgreSQL tests must run (.ci/run provides a server)", Env)
		}
		t.Skipf("PostgreSQL not tested: set %s (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable)", Env)
	}
	return u
}

// Schema creates a schema of its own for the test, dropped at its end,
// and returns its name and the URL that works in it (search_path).
func Schema(t testing.TB) (name, where string) {
	t.Helper()
	base := URL(t)
	name = fmt.Sprintf("pgtest_%d_%d", os.Getpid(), rand.Uint64()%1e12)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	if _, err := admin.Exec(`CREATE SCHEMA ` + name); err != nil {
		admin.Close()
		t.Fatalf("pgtest: creating schema %s: %v", name, err)
	}
	t.Cleanup(func() {
		_, err := admin.Exec(`DROP SCHEMA ` + name + ` CASCADE`)
		admin.Close()
		if err != nil {
			t.Errorf("pgtest: dropping schema %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("pgtest: %s: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return name, u.String()
}

// Dump returns every row of every table of the schema as text, for a
// test that looks for what must not be stored.
func Dump(t testing.TB, schema string) string {
	t.Helper()
	db, err := sql.Open("pgx", URL(t))
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, schema)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatalf("pgtest: %v", err)
		}
		tables = append(tables, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	rows.Close()
	var out []byte
	for _, tb := range tables {
		rs, err := db.Query(fmt.Sprintf(`SELECT r::text FROM %s.%s r`, schema, tb))
		if err != nil {
			t.Fatalf("pgtest: %v", err)
		}
		for rs.Next() {
			var s string
			if err := rs.Scan(&s); err != nil {
				t.Fatalf("pgtest: %v", err)
			}
			out = append(out, s...)
			out = append(out, '\n')
		}
		if err := rs.Err(); err != nil {
			t.Fatalf("pgtest: %v", err)
		}
		rs.Close()
	}
	return string(out)
}
