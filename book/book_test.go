package book

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/series"
)

// PostgresEnv names the environment variable with the URL of the
// PostgreSQL server the tests use (each test in a schema of its own).
const PostgresEnv = "FATURAPT_POSTGRES_URL"

const (
	testNIF  = "509999999"
	testCode = "CSDF7T5H"
)

// postgresURL returns the server's URL, or skips (fails under CI) when
// none is given.
func postgresURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(PostgresEnv)
	if u == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set, and CI is: the PostgreSQL tests must run (.ci/run provides a server)", PostgresEnv)
		}
		t.Skipf("PostgreSQL engine not tested: set %s (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable)", PostgresEnv)
	}
	return u
}

// postgresSchema creates a schema of its own for the test, dropped at its
// end, and returns the URL that works in it.
func postgresSchema(t testing.TB) string {
	t.Helper()
	base := postgresURL(t)
	name := fmt.Sprintf("book_test_%d_%d", os.Getpid(), rand.Uint64()%1e12)
	admin, err := sql.Open("pgx", base)
	require.NoError(t, err)
	_, err = admin.Exec(`CREATE SCHEMA ` + name)
	require.NoError(t, err)
	t.Cleanup(func() {
		_, err := admin.Exec(`DROP SCHEMA ` + name + ` CASCADE`)
		admin.Close()
		if err != nil {
			t.Errorf("dropping schema %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	require.NoError(t, err)
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

// engine is where a test's book lives.
type engine struct {
	name  Engine
	where func(t testing.TB) string // a new, empty book
}

var engines = []engine{
	{SQLite, func(t testing.TB) string { return filepath.Join(t.TempDir(), "book.db") }},
	{Postgres, postgresSchema},
}

// forEachEngine runs f on a new, migrated book of each engine.
func forEachEngine(t *testing.T, f func(t *testing.T, b *Book, where string)) {
	for _, e := range engines {
		t.Run(string(e.name), func(t *testing.T) {
			where := e.where(t)
			f(t, openBook(t, where), where)
		})
	}
}

func openBook(t testing.TB, where string, opts ...Option) *Book {
	t.Helper()
	b, err := Open(context.Background(), where, opts...)
	require.NoError(t, err)
	t.Cleanup(func() { b.Close() })
	require.NoError(t, b.Migrate(context.Background()))
	return b
}

func testCompany(t testing.TB) Company {
	t.Helper()
	certifytest.Signer(t)
	pub, err := certifytest.Key(t).PublicKeyPEM()
	require.NoError(t, err)
	return Company{NIF: testNIF, Name: "Hotel Miradouro, Lda", Certificate: "9999",
		Address: Address{Street: "Rua da Alegria, 12", City: "Lisboa", PostalCode: "1250-004", Country: "PT"},
		Keys:    []KeyVersion{{Version: "1", PublicKey: string(pub)}}}
}

// activeSeries returns the series id of type FT, registered at AT.
func activeSeries(t testing.TB, id string) series.Series {
	t.Helper()
	start := civil.Date{Year: 2026, Month: time.January, Day: 1}
	s, err := series.New(id, series.DocumentTypeFT, series.NumberOf(1), start, series.WithCertificateNumber(9999))
	require.NoError(t, err)
	s, err = s.Register(testCode, testNIF, time.Date(2025, time.December, 28, 10, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	return s
}

// tickingClock advances one second per call from start.
func tickingClock(start time.Time) func() time.Time {
	var mu sync.Mutex
	t := start
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Second)
		return t
	}
}

// clock is the clock of every issuer of the tests: a restarted issuer
// goes on after the documents of the one before.
var clock = tickingClock(time.Date(2026, time.January, 5, 8, 0, 0, 0, time.UTC))

// newIssuer registers the test company in b and returns its issuer.
func newIssuer(t testing.TB, b *Book) *Issuer {
	t.Helper()
	ctx := context.Background()
	require.NoError(t, b.PutCompany(ctx, testCompany(t)))
	iss, err := b.Issuer(ctx, testNIF, certifytest.Signer(t), issuing.WithClock(clock))
	require.NoError(t, err)
	return iss
}

// invoice returns the draft and content of the i-th test invoice.
func invoice(i int) (issuing.Draft, ContentFunc) {
	inv := safttest.Invoice(i%500, 500)
	d := issuing.Draft{Date: civil.Date{Year: 2026, Month: time.January, Day: 5}, GrossTotal: inv.DocumentTotals.GrossTotal}
	return d, SAFTInvoice(inv)
}

// verifyChain checks that the series' documents are numbered 1, 2, ...
// without a gap and that their chain verifies from the first.
func verifyChain(t testing.TB, b *Book, key string) []Document {
	t.Helper()
	docs, err := b.Store(testNIF).Documents(context.Background(), key, 1, 0)
	require.NoError(t, err)
	records := make([]certify.Record, len(docs))
	for i, d := range docs {
		require.Equal(t, uint64(i+1), d.Number, "gap in series %s", key)
		records[i] = d.Record()
	}
	v, err := certify.NewVerifier(certifytest.Key(t).Public())
	require.NoError(t, err)
	require.NoError(t, v.VerifyChain(certify.Chain{}, records))
	return docs
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func jsonOf(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}
