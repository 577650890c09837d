package book

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/saft"
)

type refusal struct{ msg string }

func (r *refusal) Error() string { return r.msg }
func (r *refusal) Refused() bool { return true }

// fakeAT accepts every invoice, refuses those in refuse, fails once those
// in flaky, and counts what it was sent.
type fakeAT struct {
	mu     sync.Mutex
	sent   map[string]int
	refuse map[string]bool
	flaky  map[string]bool
}

func (f *fakeAT) SendInvoice(_ context.Context, inv *saft.Invoice) (EFaturaAnswer, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sent[inv.InvoiceNo]++
	switch {
	case f.refuse[inv.InvoiceNo]:
		return EFaturaAnswer{}, &refusal{"-3: NIF do adquirente inválido"}
	case f.flaky[inv.InvoiceNo]:
		delete(f.flaky, inv.InvoiceNo)
		return EFaturaAnswer{}, errors.New("AT out of reach")
	}
	return EFaturaAnswer{Code: "0", Message: "Registado com sucesso"}, nil
}

// settableClock is a clock the test moves.
type settableClock struct{ t atomic.Int64 }

func (c *settableClock) now() time.Time      { return time.Unix(0, c.t.Load()).UTC() }
func (c *settableClock) set(t time.Time)     { c.t.Store(t.UnixNano()) }
func (c *settableClock) add(d time.Duration) { c.t.Add(int64(d)) }

func TestCommunicate(t *testing.T) {
	for _, e := range engines {
		t.Run(string(e.name), func(t *testing.T) {
			ctx := context.Background()
			clk := &settableClock{}
			clk.set(time.Date(2026, time.January, 5, 12, 0, 0, 0, time.UTC))
			b := openBook(t, e.where(t), WithClock(clk.now))
			require.NoError(t, b.PutCompany(ctx, testCompany(t)))
			issueInvoices(t, b, 2)                                                          // before the choice
			require.NoError(t, b.SetMethod(ctx, testNIF, 2026, reporting.MethodWebService)) // queues them
			iss := newIssuer(t, b)
			s := activeSeries(t, "A")
			for i := 2; i < 10; i++ {
				d, c := invoice(i)
				_, err := iss.Issue(ctx, s, d, c)
				require.NoError(t, err)
			}
			pending, err := b.EFatura(ctx, testNIF, EFaturaPending)
			require.NoError(t, err)
			require.Len(t, pending, 10)

			at := &fakeAT{sent: map[string]int{}, refuse: map[string]bool{"FT A/3": true}, flaky: map[string]bool{"FT A/5": true}}
			rep, err := b.Communicate(ctx, testNIF, at)
			require.NoError(t, err)
			assert.Equal(t, 8, rep.Sent)
			assert.Equal(t, 1, rep.Refused)
			assert.Equal(t, 1, rep.Failed)

			refused, err := b.EFatura(ctx, testNIF, EFaturaRefused)
			require.NoError(t, err)
			require.Len(t, refused, 1)
			assert.Equal(t, uint64(3), refused[0].Number)
			assert.Contains(t, refused[0].Answer, "NIF do adquirente")

			// The failed one waits for its retry, then goes.
			rep, err = b.Communicate(ctx, testNIF, at)
			require.NoError(t, err)
			assert.Equal(t, CommunicateReport{}, rep)
			clk.add(time.Minute)
			rep, err = b.Communicate(ctx, testNIF, at)
			require.NoError(t, err)
			assert.Equal(t, 1, rep.Sent)
			sent, err := b.EFatura(ctx, testNIF, EFaturaSent)
			require.NoError(t, err)
			assert.Len(t, sent, 9)
			assert.Equal(t, "Registado com sucesso", sent[0].Answer)
			assert.Equal(t, 2, at.sent["FT A/5"])
			assert.Equal(t, 1, at.sent["FT A/1"])
		})
	}
}

// Several processes communicating at once send each document once.
func TestCommunicateConcurrently(t *testing.T) {
	for _, e := range engines {
		t.Run(string(e.name), func(t *testing.T) {
			ctx := context.Background()
			where := e.where(t)
			b := openBook(t, where)
			require.NoError(t, b.PutCompany(ctx, testCompany(t)))
			require.NoError(t, b.SetMethod(ctx, testNIF, 2026, reporting.MethodWebService))
			issueInvoices(t, b, 40)
			at := &fakeAT{sent: map[string]int{}}
			var wg sync.WaitGroup
			var total atomic.Int64
			for range 4 {
				other := openBook(t, where) // a process of its own
				wg.Add(1)
				go func() {
					defer wg.Done()
					rep, err := other.Communicate(ctx, testNIF, at)
					assert.NoError(t, err)
					total.Add(int64(rep.Sent))
				}()
			}
			wg.Wait()
			assert.Equal(t, int64(40), total.Load())
			assert.Len(t, at.sent, 40)
			for no, n := range at.sent {
				assert.Equal(t, 1, n, no)
			}
		})
	}
}
