package book

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	_ "modernc.org/sqlite"             // the "sqlite" database/sql driver, pure Go
)

// Sentinel errors.
var (
	// ErrSchemaNewer: the book was migrated by a newer version of this
	// package; this code refuses to touch it.
	ErrSchemaNewer = errors.New("book: the book's schema is newer than this program knows")
	// ErrNotMigrated: the book's schema is older than this code; call
	// Migrate.
	ErrNotMigrated = errors.New("book: the book's schema is not up to date (call Migrate)")
	// ErrNotFound: no such company, series or document in the book.
	ErrNotFound = errors.New("book: not found")
	// ErrInvalid: an argument breaks a rule; the error names it.
	ErrInvalid = errors.New("book: invalid")
)

//go:embed schema
var schemaFS embed.FS

// Engine is the database a book lives in.
type Engine string

// The engines.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Values returns the engines.
func (Engine) Values() []Engine { return []Engine{SQLite, Postgres} }

// Valid reports whether e is an engine.
func (e Engine) Valid() bool { return e == SQLite || e == Postgres }

// Option configures a Book.
type Option func(*Book)

// WithClock sets the clock of the times the book records itself (status
// changes, e-Fatura answers, leases); default time.Now.
func WithClock(now func() time.Time) Option { return func(b *Book) { b.now = now } }

// Book is a company's, or many companies', book of issued documents. It is
// safe for concurrent use.
type Book struct {
	engine Engine
	db     *sql.DB    // writes
	rdb    *sql.DB    // reads; the same pool on PostgreSQL
	commit *committer // SQLite: every write
	group  *grouper   // PostgreSQL: the documents issued
	now    func() time.Time
	stmts  sync.Map // SQLite: query -> *sql.Stmt prepared on the write connection
}

// OpenSQLite opens (creating it when absent) the SQLite book in the file
// path, in WAL mode with synchronous=FULL, so that a commit that returned
// survives a power cut. Call Migrate before the first use of a new file.
func OpenSQLite(ctx context.Context, path string, opts ...Option) (*Book, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("%w: SQLite path %q (a plain file path)", ErrInvalid, path)
	}
	dsn := func(lock string) string {
		q := url.Values{}
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Add("_pragma", "busy_timeout(30000)")
		q.Add("_pragma", "foreign_keys(ON)")
		q.Set("_txlock", lock)
		return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	}
	w, err := sql.Open("sqlite", dsn("immediate"))
	if err != nil {
		return nil, fmt.Errorf("book: opening %s: %w", path, err)
	}
	// One writer: SQLite takes one write transaction at a time, and the
	// committer groups concurrent ones into a single durable commit.
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	r, err := sql.Open("sqlite", dsn("deferred"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("book: opening %s: %w", path, err)
	}
	r.SetMaxOpenConns(8)
	b := &Book{engine: SQLite, db: w, rdb: r}
	b.commit = newCommitter(w, b.prepare)
	return b.open(ctx, opts)
}

// OpenPostgres opens the book in the PostgreSQL database at url (a
// libpq-style URL or key=value string, read by pgx; a search_path
// parameter selects a schema). Call Migrate before the first use of a new
// database.
func OpenPostgres(ctx context.Context, url string, opts ...Option) (*Book, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("book: opening PostgreSQL: %w", err)
	}
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(32)
	b := &Book{engine: Postgres, db: db, rdb: db}
	b.group = newGrouper(db)
	return b.open(ctx, opts)
}

// Open opens the book at where: a postgres:// or postgresql:// URL opens
// PostgreSQL, anything else is a SQLite file path.
func Open(ctx context.Context, where string, opts ...Option) (*Book, error) {
	if strings.HasPrefix(where, "postgres://") || strings.HasPrefix(where, "postgresql://") {
		return OpenPostgres(ctx, where, opts...)
	}
	return OpenSQLite(ctx, where, opts...)
}

func (b *Book) open(ctx context.Context, opts []Option) (*Book, error) {
	b.now = time.Now
	for _, o := range opts {
		o(b)
	}
	if err := b.db.PingContext(ctx); err != nil {
		b.Close()
		return nil, fmt.Errorf("book: connecting to %s: %w", b.engine, err)
	}
	v, err := b.Version(ctx)
	if err != nil {
		b.Close()
		return nil, err
	}
	if latest := len(migrations(b.engine)); v > latest {
		b.Close()
		return nil, fmt.Errorf("%w: version %d, this program knows up to %d", ErrSchemaNewer, v, latest)
	}
	return b, nil
}

// Engine returns the book's engine.
func (b *Book) Engine() Engine { return b.engine }

// Close closes the book's connections.
func (b *Book) Close() error {
	if b.commit != nil {
		b.commit.close()
	}
	if b.group != nil {
		b.group.close()
	}
	err := b.db.Close()
	if b.rdb != b.db {
		err = errors.Join(err, b.rdb.Close())
	}
	return err
}

// migration is one numbered step of the schema.
type migration struct {
	version int
	sql     string
}

func migrations(e Engine) []migration {
	dir := path.Join("schema", string(e))
	entries, err := fs.ReadDir(schemaFS, dir)
	if err != nil {
		panic(err) // embedded: cannot fail
	}
	var ms []migration
	for _, en := range entries {
		num, _, _ := strings.Cut(en.Name(), "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			panic("book: migration without a number: " + en.Name())
		}
		data, err := fs.ReadFile(schemaFS, path.Join(dir, en.Name()))
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{v, string(data)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			panic(fmt.Sprintf("book: migrations of %s are not numbered 1, 2, ...", e))
		}
	}
	return ms
}

// SchemaVersion is the version of the schema this code knows.
func SchemaVersion(e Engine) int { return len(migrations(e)) }

const versionTable = `CREATE TABLE IF NOT EXISTS book_schema (
	version    INTEGER NOT NULL PRIMARY KEY,
	applied_at TEXT NOT NULL
)`

// Version returns the version of the book's schema: 0 for an empty
// database.
func (b *Book) Version(ctx context.Context) (int, error) {
	var exists bool
	var err error
	if b.engine == Postgres {
		err = b.rdb.QueryRowContext(ctx, `SELECT to_regclass('book_schema') IS NOT NULL`).Scan(&exists)
	} else {
		var n int
		err = b.rdb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'book_schema'`).Scan(&n)
		exists = n > 0
	}
	if err != nil {
		return 0, fmt.Errorf("book: reading the schema version: %w", err)
	}
	if !exists {
		return 0, nil
	}
	var v sql.NullInt64
	if err := b.rdb.QueryRowContext(ctx, `SELECT max(version) FROM book_schema`).Scan(&v); err != nil {
		return 0, fmt.Errorf("book: reading the schema version: %w", err)
	}
	return int(v.Int64), nil
}

// Migrate brings the book's schema to the version this code knows, each
// step in its own transaction, and refuses a book whose schema is newer
// (ErrSchemaNewer). Several processes may call it at once.
func (b *Book) Migrate(ctx context.Context) error {
	ms := migrations(b.engine)
	for {
		done, err := b.migrateOne(ctx, ms)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration, or reports that none is left.
func (b *Book) migrateOne(ctx context.Context, ms []migration) (done bool, err error) {
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("book: migrate: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if b.engine == Postgres {
		// One migrating process at a time; the others wait, then find
		// the work done.
		if _, err = tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7431902251)`); err != nil {
			return false, fmt.Errorf("book: migrate: %w", err)
		}
	}
	if _, err = tx.ExecContext(ctx, versionTable); err != nil {
		return false, fmt.Errorf("book: migrate: %w", err)
	}
	var v sql.NullInt64
	if err = tx.QueryRowContext(ctx, `SELECT max(version) FROM book_schema`).Scan(&v); err != nil {
		return false, fmt.Errorf("book: migrate: %w", err)
	}
	cur := int(v.Int64)
	if cur > len(ms) {
		err = fmt.Errorf("%w: version %d, this program knows up to %d", ErrSchemaNewer, cur, len(ms))
		return false, err
	}
	if cur == len(ms) {
		return true, tx.Commit()
	}
	m := ms[cur]
	if _, err = tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("book: migration %d: %w", m.version, err)
	}
	if _, err = tx.ExecContext(ctx, `INSERT INTO book_schema (version, applied_at) VALUES ($1, $2)`,
		m.version, b.now().UTC().Format(time.RFC3339)); err != nil {
		return false, fmt.Errorf("book: migration %d: %w", m.version, err)
	}
	if err = tx.Commit(); err != nil {
		return false, fmt.Errorf("book: migration %d: %w", m.version, err)
	}
	return false, nil
}

// ready refuses to work on a book whose schema is not the one this code
// knows.
func (b *Book) ready(ctx context.Context) error {
	v, err := b.Version(ctx)
	if err != nil {
		return err
	}
	switch want := SchemaVersion(b.engine); {
	case v > want:
		return fmt.Errorf("%w: version %d, this program knows up to %d", ErrSchemaNewer, v, want)
	case v < want:
		return fmt.Errorf("%w: version %d, this program needs %d", ErrNotMigrated, v, want)
	}
	return nil
}

// write runs fn in a write transaction and commits it durably. On SQLite
// concurrent writes share one commit (each in its own savepoint, so that
// one failing does not fail the others).
func (b *Book) write(ctx context.Context, fn func(ctx context.Context, tx *sql.Tx) error) error {
	if b.commit != nil {
		return b.commit.do(ctx, fn)
	}
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(ctx, tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// exec runs a statement of a write transaction. On SQLite the statements
// of issuing are prepared once on the one write connection and reused
// (SQLite's parsing costs more than its executing); pgx caches PostgreSQL's
// by itself.
func (b *Book) exec(ctx context.Context, tx *sql.Tx, q string, args ...any) (sql.Result, error) {
	if st, ok := b.stmts.Load(q); ok {
		return tx.StmtContext(ctx, st.(*sql.Stmt)).ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, q, args...)
}

// prepare prepares the statements of issuing on SQLite's write connection,
// when free, once the schema is there; it reports whether they are.
func (b *Book) prepare() bool {
	for _, q := range hotStatements {
		if _, ok := b.stmts.Load(q); ok {
			continue
		}
		st, err := b.db.Prepare(q)
		if err != nil {
			return false // not migrated yet: statements run unprepared
		}
		b.stmts.Store(q, st)
	}
	return true
}
