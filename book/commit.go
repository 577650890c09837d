package book

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/faturapt/faturapt/issuing"
)

// committer runs SQLite's write transactions through its one connection,
// grouping those that arrive together into one transaction: one fsync for
// many documents of different series, which is what lets a durable book
// keep up with the signatures. A write that returns issuing.ErrConflict
// must have written nothing (the compare-and-set is its first statement),
// so a conflict fails only its own write; a write that fails otherwise is
// undone alone (see commit).
type committer struct {
	db   *sql.DB
	reqs chan *writeReq
	quit chan struct{}
	wg   sync.WaitGroup
	once sync.Once
	// prepare runs before a transaction until it reports true (the
	// connection is free then).
	prepare  func() bool
	prepared bool
}

type writeReq struct {
	ctx  context.Context
	fn   func(ctx context.Context, tx *sql.Tx) error
	done chan error
}

// maxGroup bounds the writes of one transaction.
const maxGroup = 256

var errClosed = errors.New("book: closed")

func newCommitter(db *sql.DB, prepare func() bool) *committer {
	c := &committer{db: db, reqs: make(chan *writeReq), quit: make(chan struct{}), prepare: prepare}
	c.wg.Add(1)
	go c.run()
	return c
}

func (c *committer) close() {
	c.once.Do(func() { close(c.quit) })
	c.wg.Wait()
}

// do runs fn and waits for its commit. Once handed over, the write is
// waited for even if ctx ends, so that a nil error always means committed.
func (c *committer) do(ctx context.Context, fn func(ctx context.Context, tx *sql.Tx) error) error {
	r := &writeReq{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case c.reqs <- r:
	case <-ctx.Done():
		return ctx.Err()
	case <-c.quit:
		return errClosed
	}
	return <-r.done
}

func (c *committer) run() {
	defer c.wg.Done()
	gather(c.reqs, c.quit, c.commit)
}

func (c *committer) commit(batch []*writeReq) {
	if !c.prepared {
		c.prepared = c.prepare()
	}
	// Most groups commit whole, and run without a savepoint per write. A
	// group in which a write fails is rolled back and run again, each
	// write in its own savepoint, so that it fails alone.
	errs, err := c.try(batch, len(batch) == 1)
	if errors.Is(err, errRetry) {
		errs, err = c.try(batch, true)
	}
	for i, r := range batch {
		if err != nil {
			r.done <- err
		} else {
			r.done <- errs[i]
		}
	}
}

// errRetry: a write of a group run without savepoints failed, and the
// group was rolled back.
var errRetry = errors.New("book: a write of the group failed")

// try runs the group's writes in one transaction and commits it. With
// savepoints, a write that fails is undone alone (its error in errs);
// without, it undoes the group and try returns errRetry.
func (c *committer) try(batch []*writeReq, savepoints bool) (errs []error, err error) {
	bg := context.Background()
	tx, err := c.db.BeginTx(bg, nil)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	errs = make([]error, len(batch))
	for i, r := range batch {
		if errs[i] = r.ctx.Err(); errs[i] != nil {
			continue
		}
		if !savepoints {
			errs[i] = r.fn(r.ctx, tx)
			if errs[i] != nil && !errors.Is(errs[i], issuing.ErrConflict) {
				return nil, errRetry
			}
			continue
		}
		if len(batch) == 1 {
			if errs[i] = r.fn(r.ctx, tx); errs[i] != nil {
				return errs, tx.Rollback()
			}
			continue
		}
		if _, err := tx.ExecContext(bg, `SAVEPOINT w`); err != nil {
			return nil, err
		}
		if errs[i] = r.fn(r.ctx, tx); errs[i] != nil {
			if _, err := tx.ExecContext(bg, `ROLLBACK TO w`); err != nil {
				return nil, err
			}
		}
		if _, err := tx.ExecContext(bg, `RELEASE w`); err != nil {
			return nil, err
		}
	}
	return errs, tx.Commit()
}

// grouper records the documents issued on PostgreSQL: it gathers the
// appends that arrive together, across series, and sends each group as
// one pipeline (one statement per document, one round trip) that the
// server runs as one transaction, committed (its WAL flushed) before any
// of them returns. A conflict fails no statement (the statement writes
// only when its compare-and-set moved the series), so one document's
// conflict does not fail the others; a group that the server refused with
// an error is sent again one document at a time, so that the error goes
// to its document alone.
type grouper struct {
	db   *sql.DB
	reqs chan *appendReq
	quit chan struct{}
	wg   sync.WaitGroup
	once sync.Once
}

// groupSenders is how many groups are on their way to PostgreSQL at once:
// one is gathered while the other runs and flushes its WAL.
const groupSenders = 2

func newGrouper(db *sql.DB) *grouper {
	g := &grouper{db: db, reqs: make(chan *appendReq), quit: make(chan struct{})}
	for range groupSenders {
		g.wg.Add(1)
		go func() {
			defer g.wg.Done()
			gather(g.reqs, g.quit, g.commit)
		}()
	}
	return g
}

func (g *grouper) close() {
	g.once.Do(func() { close(g.quit) })
	g.wg.Wait()
}

// do records one document and waits for their commit. Once
// handed over, the write is waited for even if ctx ends, so that a nil
// error always means committed.
func (g *grouper) do(ctx context.Context, r *appendReq) error {
	r.ctx, r.done = ctx, make(chan error, 1)
	select {
	case g.reqs <- r:
	case <-ctx.Done():
		return ctx.Err()
	case <-g.quit:
		return errClosed
	}
	return <-r.done
}

// gather hands commit what arrived together: the first request it waits
// for, and those already waiting behind it.
func gather[T any](reqs <-chan T, quit <-chan struct{}, commit func([]T)) {
	batch := make([]T, 0, maxGroup)
	for {
		select {
		case <-quit:
			return
		case r := <-reqs:
			batch = append(batch[:0], r)
		}
	drain:
		for len(batch) < maxGroup {
			select {
			case r := <-reqs:
				batch = append(batch, r)
			default:
				break drain
			}
		}
		commit(batch)
	}
}

func (g *grouper) commit(batch []*appendReq) {
	live := batch[:0:0]
	for _, r := range batch {
		if err := r.ctx.Err(); err != nil {
			r.done <- err
			continue
		}
		live = append(live, r)
	}
	if len(live) == 0 {
		return
	}
	// Every group locks its series' rows in the same order: two
	// processes' groups wait for each other but never deadlock.
	slices.SortStableFunc(live, func(a, b *appendReq) int { return strings.Compare(a.lock, b.lock) })
	errs, err := g.send(live)
	if err == nil {
		for i, r := range live {
			r.done <- errs[i]
		}
		return
	}
	// Only an error the server reported says that the group was rolled
	// back; after another (the connection lost) it may have committed,
	// and sending its documents again would report them as conflicts.
	var refused *pgconn.PgError
	if len(live) == 1 || !errors.As(err, &refused) {
		for _, r := range live {
			r.done <- fmt.Errorf("book: recording %s: %w", r.number, err)
		}
		return
	}
	for _, r := range live {
		errs, err := g.send([]*appendReq{r})
		if err != nil {
			errs = []error{fmt.Errorf("book: recording %s: %w", r.number, err)}
		}
		r.done <- errs[0]
	}
}

// send runs the group's statements in one implicit transaction: the
// server commits at the end of the pipeline, and the results are read
// only after it did. It returns each document's outcome (nil or
// issuing.ErrConflict), or the error that rolled the group back.
func (g *grouper) send(group []*appendReq) ([]error, error) {
	ctx := context.Background()
	conn, err := g.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	errs := make([]error, len(group))
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("book: a PostgreSQL connection of type %T", dc)
		}
		b := &pgx.Batch{}
		for _, r := range group {
			b.Queue(sqlAppend, r.args...)
		}
		res := c.Conn().SendBatch(ctx, b)
		var failed error
		for i := range group {
			var n int
			if err := res.QueryRow().Scan(&n); err != nil {
				failed = cmp.Or(failed, err)
				continue
			}
			if n == 0 {
				errs[i] = issuing.ErrConflict
			}
		}
		return cmp.Or(failed, res.Close())
	})
	if err != nil {
		return nil, err
	}
	return errs, nil
}
