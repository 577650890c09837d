package book

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/issuing"
)

func TestMigrate(t *testing.T) {
	for _, e := range engines {
		t.Run(string(e.name), func(t *testing.T) {
			ctx := context.Background()
			where := e.where(t)
			b, err := Open(ctx, where)
			require.NoError(t, err)
			defer b.Close()
			v, err := b.Version(ctx)
			require.NoError(t, err)
			assert.Equal(t, 0, v)
			_, err = b.Issuer(ctx, testNIF, certifytest.Signer(t))
			require.ErrorIs(t, err, ErrNotMigrated)

			require.NoError(t, b.Migrate(ctx))
			require.NoError(t, b.Migrate(ctx), "a second Migrate does nothing")
			v, err = b.Version(ctx)
			require.NoError(t, err)
			assert.Equal(t, SchemaVersion(e.name), v)

			// A book migrated by a newer program is refused.
			_, err = b.db.Exec(`INSERT INTO book_schema (version, applied_at) VALUES (99, 'later')`)
			require.NoError(t, err)
			assert.ErrorIs(t, b.Migrate(ctx), ErrSchemaNewer)
			_, err = Open(ctx, where)
			assert.ErrorIs(t, err, ErrSchemaNewer)
		})
	}
}

func TestIssueRecordsDocumentAndContent(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		ctx := context.Background()
		iss := newIssuer(t, b)
		s := activeSeries(t, "A")
		var issued []issuing.Document
		for i := range 5 {
			d, c := invoice(i)
			doc, err := iss.Issue(ctx, s, d, c)
			require.NoError(t, err)
			issued = append(issued, doc)
		}
		docs := verifyChain(t, b, s.Key())
		require.Len(t, docs, 5)
		for i, d := range docs {
			want := issued[i]
			want.Mention, want.QR = "", d.QR
			assert.Equal(t, want.DocumentNumber, d.DocumentNumber)
			assert.Equal(t, want.Hash, d.Hash)
			assert.Equal(t, want.ATCUD, d.ATCUD)
			assert.Equal(t, want.HashChars, d.HashChars)
			assert.True(t, want.GrossTotal.Equal(d.GrossTotal))
			assert.Equal(t, testNIF, d.Company)
			inv, err := d.Content.Invoice()
			require.NoError(t, err)
			assert.Equal(t, d.DocumentNumber, inv.InvoiceNo)
			assert.Equal(t, d.Hash, inv.Hash)
			assert.Equal(t, "CSDF7T5H-"+d.ATCUD.Number(), inv.ATCUD)
			assert.Equal(t, "2026-01-05", inv.InvoiceDate.String())
		}

		chain, found, err := b.Store(testNIF).Last(ctx, s.Key())
		require.NoError(t, err)
		require.True(t, found)
		assert.Equal(t, uint64(5), chain.LastNumber)
		assert.Equal(t, issued[4].Hash, chain.LastHash)
		assert.Equal(t, "FT A", chain.Series)

		// Another issuer (a restarted program) goes on from the book.
		again := newIssuer(t, b)
		d, c := invoice(5)
		doc, err := again.Issue(ctx, s, d, c)
		require.NoError(t, err)
		assert.Equal(t, "FT A/6", doc.DocumentNumber)
		verifyChain(t, b, s.Key())
	})
}

func TestAppendCompareAndSet(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		ctx := context.Background()
		iss := newIssuer(t, b)
		s := activeSeries(t, "A")
		d, c := invoice(0)
		first, err := iss.Issue(ctx, s, d, c)
		require.NoError(t, err)

		// A second document numbered 1 again, as a process that read the
		// series before the first was recorded would try.
		st := b.Store(testNIF)
		fork := first
		fork.Hash = first.Hash[:10] + "x" + first.Hash[11:]
		assert.ErrorIs(t, st.Append(ctx, 0, fork), issuing.ErrConflict)
		next := first
		next.Number, next.DocumentNumber = 2, "FT A/2"
		assert.ErrorIs(t, st.Append(ctx, 5, next), issuing.ErrConflict)
		docs := verifyChain(t, b, s.Key())
		assert.Len(t, docs, 1)

		// An issuer whose view is stale gets a conflict once, then reads
		// the book again.
		stale := newIssuer(t, b)
		_, err = stale.Issue(ctx, s, d, c) // reads the book: number 2
		require.NoError(t, err)
		_, err = iss.Issue(ctx, s, d, c) // still believes 1 is last
		assert.ErrorIs(t, err, issuing.ErrConflict)
		doc, err := iss.Issue(ctx, s, d, c)
		require.NoError(t, err)
		assert.Equal(t, uint64(3), doc.Number)
		verifyChain(t, b, s.Key())
	})
}

func TestSignedRowsRefuseChange(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		ctx := context.Background()
		iss := newIssuer(t, b)
		s := activeSeries(t, "A")
		for i := range 3 {
			d, c := invoice(i)
			_, err := iss.Issue(ctx, s, d, c)
			require.NoError(t, err)
		}
		for _, q := range []string{
			`UPDATE documents SET gross_total = '0.01' WHERE number = 2`,
			`UPDATE documents SET content = '{}'`,
			`DELETE FROM documents WHERE number = 3`,
			`UPDATE document_products SET product_code = 'X'`,
			`DELETE FROM document_products`,
			`UPDATE series SET last_number = 7`,
			`UPDATE series SET last_hash = 'x'`,
			`DELETE FROM series`,
			`INSERT INTO documents SELECT company, series_key, 4, 'FT A/4', document_type, atcud, date, system_entry,
				gross_total, hash, hash_control, qr, customer_id, content_type, content FROM documents WHERE number = 3`,
		} {
			_, err := b.db.ExecContext(ctx, q)
			assert.Error(t, err, q)
			if err != nil {
				assert.Contains(t, err.Error(), "book:", q)
			}
		}
		docs := verifyChain(t, b, s.Key())
		assert.Len(t, docs, 3)
	})
}

func TestIssueConcurrently(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		ctx := context.Background()
		iss := newIssuer(t, b)
		var wg sync.WaitGroup
		var mu sync.Mutex
		var errs []error
		ids := []string{"A", "B", "C", "D"}
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := activeSeries(t, ids[g%len(ids)])
				for i := range 10 {
					d, c := invoice(i)
					if _, err := iss.Issue(ctx, s, d, c); err != nil {
						mu.Lock()
						errs = append(errs, err)
						mu.Unlock()
					}
				}
			}()
		}
		wg.Wait()
		require.NoError(t, errors.Join(errs...))
		for _, id := range ids {
			assert.Len(t, verifyChain(t, b, activeSeries(t, id).Key()), 20)
		}
	})
}

func TestOpenSQLiteRefusesQueryInPath(t *testing.T) {
	_, err := OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "x.db?mode=ro"))
	assert.ErrorIs(t, err, ErrInvalid)
}
