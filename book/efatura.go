package book

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/faturapt/faturapt/saft"
)

// EFaturaState is where a document of a web-service year stands with
// e-Fatura.
type EFaturaState string

// The states.
const (
	EFaturaPending EFaturaState = "pending" // to send (again)
	EFaturaSent    EFaturaState = "sent"    // AT accepted it
	EFaturaRefused EFaturaState = "refused" // AT refused it, for a reason to fix
)

// Values returns the states.
func (EFaturaState) Values() []EFaturaState {
	return []EFaturaState{EFaturaPending, EFaturaSent, EFaturaRefused}
}

// Valid reports whether s is a state.
func (s EFaturaState) Valid() bool {
	return s == EFaturaPending || s == EFaturaSent || s == EFaturaRefused
}

// EFaturaSender sends one invoice to e-Fatura (registarFatura). The
// e-Fatura client satisfies it through a few lines of adapter that build
// its request from the SAF-T record; no library package imports the
// client.
//
// An answer of AT that accepts the document is returned with a nil error.
// An error in whose chain errors.As finds a value with a Refused() bool
// method returning true is AT refusing the document: it is recorded as
// refused, with the error's text as the reason, and not sent again. Any
// other error (AT out of reach, a timeout) leaves the document pending, to
// be sent again later.
type EFaturaSender interface {
	SendInvoice(ctx context.Context, inv *saft.Invoice) (EFaturaAnswer, error)
}

// EFaturaSenderFunc adapts a function to EFaturaSender.
type EFaturaSenderFunc func(ctx context.Context, inv *saft.Invoice) (EFaturaAnswer, error)

// SendInvoice implements EFaturaSender.
func (f EFaturaSenderFunc) SendInvoice(ctx context.Context, inv *saft.Invoice) (EFaturaAnswer, error) {
	return f(ctx, inv)
}

// EFaturaAnswer is what AT answered to a document it accepted.
type EFaturaAnswer struct {
	Code    string // AT's return code
	Message string // AT's message
}

// CommunicateReport counts what a Communicate call did.
type CommunicateReport struct {
	Sent, Refused, Failed int
	// Errors are the failures that left documents pending (at most 10).
	Errors []error
}

// CommunicateOption configures Communicate.
type CommunicateOption func(*communicateConfig)

type communicateConfig struct {
	lease time.Duration
	batch int
	retry func(attempts int) time.Duration
}

// WithLease sets how long a process holds the documents it took to send
// (default 2 minutes): a process that dies holding them lets another take
// them once the lease ends.
func WithLease(d time.Duration) CommunicateOption {
	return func(c *communicateConfig) { c.lease = d }
}

// WithRetry sets how long a document whose sending failed waits before it
// is sent again, by its number of attempts (default 30 s doubling up to an
// hour).
func WithRetry(f func(attempts int) time.Duration) CommunicateOption {
	return func(c *communicateConfig) { c.retry = f }
}

// leaseTime is how lease times are kept: text that sorts as time does.
const leaseTime = "2006-01-02T15:04:05.000Z"

// Communicate sends every pending document of the company nif whose turn
// has come through sender and records each answer. Several processes may
// run it at once: each takes a few documents under a lease (on PostgreSQL
// with FOR UPDATE SKIP LOCKED, so that they never wait for each other), so
// each document is sent by one of them. It is safe to interrupt: a
// document taken and not answered is taken again once its lease ends. It
// returns when no pending document is due, or when ctx ends.
func (b *Book) Communicate(ctx context.Context, nif string, sender EFaturaSender, opts ...CommunicateOption) (CommunicateReport, error) {
	cfg := communicateConfig{lease: 2 * time.Minute, batch: 16, retry: func(n int) time.Duration {
		return min(30*time.Second<<min(n-1, 10), time.Hour)
	}}
	for _, o := range opts {
		o(&cfg)
	}
	var rep CommunicateReport
	if err := b.ready(ctx); err != nil {
		return rep, err
	}
	var id [8]byte
	rand.Read(id[:])
	owner := hex.EncodeToString(id[:])
	for {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		claimed, err := b.claim(ctx, nif, owner, cfg)
		if err != nil {
			return rep, err
		}
		if len(claimed) == 0 {
			return rep, nil
		}
		for _, c := range claimed {
			if err := b.send(ctx, nif, owner, c, sender, cfg, &rep); err != nil {
				return rep, err
			}
		}
	}
}

type claimedDoc struct {
	key      string
	number   int64
	attempts int
}

func (b *Book) claim(ctx context.Context, nif, owner string, cfg communicateConfig) ([]claimedDoc, error) {
	now := b.now().UTC()
	lock := ""
	if b.engine == Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	var out []claimedDoc
	err := b.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		out = out[:0]
		rows, err := tx.QueryContext(ctx, `UPDATE efatura SET lease_owner = $1, lease_until = $2, attempts = attempts + 1
			WHERE company = $3 AND (series_key, number) IN (SELECT series_key, number FROM efatura
				WHERE company = $3 AND state = $4 AND lease_until < $5 ORDER BY date, series_key, number LIMIT $6`+lock+`)
			RETURNING series_key, number, attempts`,
			owner, now.Add(cfg.lease).Format(leaseTime), nif, string(EFaturaPending), now.Format(leaseTime), cfg.batch)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c claimedDoc
			if err := rows.Scan(&c.key, &c.number, &c.attempts); err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("book: communicate: taking documents: %w", err)
	}
	return out, nil
}

// send sends one claimed document and records the answer, if the lease is
// still this process's.
func (b *Book) send(ctx context.Context, nif, owner string, c claimedDoc, sender EFaturaSender, cfg communicateConfig, rep *CommunicateReport) error {
	doc, err := b.Store(nif).Document(ctx, c.key, uint64(c.number))
	if err != nil {
		return fmt.Errorf("book: communicate: %w", err)
	}
	state, until, code, answer := EFaturaSent, "", "", ""
	inv, err := doc.Content.Invoice()
	if err == nil {
		var a EFaturaAnswer
		a, err = sender.SendInvoice(ctx, inv)
		code, answer = a.Code, a.Message
	}
	var refused interface{ Refused() bool }
	switch {
	case err == nil:
		rep.Sent++
	case errors.As(err, &refused) && refused.Refused():
		state, answer = EFaturaRefused, err.Error()
		rep.Refused++
	case ctx.Err() != nil:
		return ctx.Err() // interrupted: the lease ends and another run sends it
	default:
		state, answer = EFaturaPending, err.Error()
		until = b.now().UTC().Add(cfg.retry(c.attempts)).Format(leaseTime)
		rep.Failed++
		if len(rep.Errors) < 10 {
			rep.Errors = append(rep.Errors, fmt.Errorf("%s: %w", doc.DocumentNumber, err))
		}
	}
	return b.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE efatura SET state = $1, lease_owner = '', lease_until = $2, answer_code = $3, answer = $4, updated_at = $5
			WHERE company = $6 AND series_key = $7 AND number = $8 AND lease_owner = $9`,
			string(state), until, code, answer, b.now().UTC().Format(leaseTime), nif, c.key, c.number, owner)
		return err
	})
}

// EFaturaStatus is where one document stands with e-Fatura.
type EFaturaStatus struct {
	SeriesKey string
	Number    uint64
	State     EFaturaState
	Attempts  int
	Code      string // AT's return code, when sent
	Answer    string // AT's message, or the reason of the refusal or of the last failure
}

// EFatura returns the e-Fatura state of the company's documents in state
// (all states when empty), in issuing order.
func (b *Book) EFatura(ctx context.Context, nif string, state EFaturaState) ([]EFaturaStatus, error) {
	rows, err := b.rdb.QueryContext(ctx, `SELECT series_key, number, state, attempts, answer_code, answer FROM efatura
		WHERE company = $1 AND ($2 = '' OR state = $2) ORDER BY date, series_key, number`, nif, string(state))
	if err != nil {
		return nil, fmt.Errorf("book: e-Fatura states: %w", err)
	}
	defer rows.Close()
	var out []EFaturaStatus
	for rows.Next() {
		var s EFaturaStatus
		var n int64
		var st string
		if err := rows.Scan(&s.SeriesKey, &n, &st, &s.Attempts, &s.Code, &s.Answer); err != nil {
			return nil, err
		}
		s.Number, s.State = uint64(n), EFaturaState(st)
		out = append(out, s)
	}
	return out, rows.Err()
}
