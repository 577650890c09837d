package book

import (
	"context"
	"database/sql"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/issuing"
)

// A group of appends committed together: a conflict fails only its own
// document, and a write that fails with an error fails alone, the others
// committed.
func TestGroupFailsAlone(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		ctx := context.Background()
		require.NoError(t, b.PutCompany(ctx, testCompany(t)))
		mem, err := issuing.New(testNIF, "9999", certifytest.Signer(t), issuing.NewMemoryStore(), issuing.WithClock(clock))
		require.NoError(t, err)
		issue := func(id string) issuing.Document {
			d, _ := invoice(0)
			doc, err := mem.Issue(ctx, activeSeries(t, id), d)
			require.NoError(t, err)
			return doc
		}
		a1, b1, c1 := issue("A"), issue("B"), issue("C")
		// C's first document carrying A's number: the book refuses a
		// second FT A/1 of the company.
		c1.DocumentNumber = a1.DocumentNumber
		st := b.Store(testNIF)

		require.NoError(t, runGroup(t, b, st, []pending{{0, b1}})[0])

		// B's first document again, as from a process that read B
		// before it was recorded.
		errs := runGroup(t, b, st, []pending{{0, a1}, {0, b1}, {0, c1}})
		assert.NoError(t, errs[0])
		assert.ErrorIs(t, errs[1], issuing.ErrConflict)
		assert.Error(t, errs[2])
		assert.NotErrorIs(t, errs[2], issuing.ErrConflict)

		for _, want := range []issuing.Document{a1, b1} {
			docs, err := st.Documents(ctx, want.SeriesKey, 1, 0)
			require.NoError(t, err)
			require.Len(t, docs, 1, want.SeriesKey)
			assert.Equal(t, want.Hash, docs[0].Hash)
		}
		docs, err := st.Documents(ctx, c1.SeriesKey, 1, 0)
		require.NoError(t, err)
		assert.Empty(t, docs)
		_, found, err := st.Last(ctx, c1.SeriesKey)
		require.NoError(t, err)
		assert.False(t, found)
	})
}

type pending struct {
	previous uint64
	doc      issuing.Document
}

// runGroup commits the appends as one group, as the engine's committer
// would if they arrived together, and returns each one's outcome.
func runGroup(t *testing.T, b *Book, st *Store, ps []pending) []error {
	t.Helper()
	errs := make([]error, len(ps))
	if b.group != nil {
		reqs := make([]*appendReq, len(ps))
		for i, p := range ps {
			r, err := st.grouped(p.previous, p.doc, Content{})
			require.NoError(t, err)
			r.ctx, r.done = context.Background(), make(chan error, 1)
			reqs[i] = r
		}
		b.group.commit(reqs)
		for i, r := range reqs {
			errs[i] = <-r.done
		}
		return errs
	}
	reqs := make([]*writeReq, len(ps))
	for i, p := range ps {
		reqs[i] = &writeReq{ctx: context.Background(), done: make(chan error, 1),
			fn: func(ctx context.Context, tx *sql.Tx) error { return st.append(ctx, tx, p.previous, p.doc, Content{}) }}
	}
	b.commit.commit(reqs)
	for i, r := range reqs {
		errs[i] = <-r.done
	}
	return errs
}
