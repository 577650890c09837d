package book

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// committer runs SQLite's write transactions through its one connection,
// grouping those that arrive together into one transaction: one fsync for
// many documents of different series, which is what lets a durable book
// keep up with the signatures. Each write runs in its own savepoint, so a
// write that fails (a conflict) is undone alone.
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
	batch := make([]*writeReq, 0, maxGroup)
	for {
		select {
		case <-c.quit:
			return
		case r := <-c.reqs:
			batch = append(batch[:0], r)
		}
	drain:
		for len(batch) < maxGroup {
			select {
			case r := <-c.reqs:
				batch = append(batch, r)
			default:
				break drain
			}
		}
		c.commit(batch)
	}
}

func (c *committer) commit(batch []*writeReq) {
	errs := make([]error, len(batch))
	fail := func(err error) {
		for _, r := range batch {
			r.done <- err
		}
	}
	if !c.prepared {
		c.prepared = c.prepare()
	}
	tx, err := c.db.BeginTx(context.Background(), nil)
	if err != nil {
		fail(err)
		return
	}
	if len(batch) == 1 {
		r := batch[0]
		if err := r.fn(r.ctx, tx); err != nil {
			tx.Rollback()
			r.done <- err
			return
		}
		r.done <- tx.Commit()
		return
	}
	bg := context.Background()
	for i, r := range batch {
		if err := r.ctx.Err(); err != nil {
			errs[i] = err
			continue
		}
		if _, err := tx.ExecContext(bg, `SAVEPOINT w`); err != nil {
			tx.Rollback()
			fail(err)
			return
		}
		if errs[i] = r.fn(r.ctx, tx); errs[i] != nil {
			if _, err := tx.ExecContext(bg, `ROLLBACK TO w`); err != nil {
				tx.Rollback()
				fail(err)
				return
			}
		}
		if _, err := tx.ExecContext(bg, `RELEASE w`); err != nil {
			tx.Rollback()
			fail(err)
			return
		}
	}
	if err := tx.Commit(); err != nil {
		fail(err)
		return
	}
	for i, r := range batch {
		r.done <- errs[i]
	}
}
