package book

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/internal/xmllint"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

// receiptBook is a book of the test company at a clock one second on per
// call, with two invoices issued to customer C1 in series FT A.
func receiptBook(t *testing.T, where string) (*Book, []*document.Issued) {
	t.Helper()
	ctx := context.Background()
	b := openBook(t, where, WithClock(tickingClock(time.Date(2026, time.January, 7, 9, 0, 0, 0, time.UTC))))
	require.NoError(t, b.PutCompany(ctx, testCompany(t)))
	iss, err := b.Issuer(ctx, testNIF, certifytest.Signer(t),
		issuing.WithClock(tickingClock(time.Date(2026, time.January, 5, 8, 0, 0, 0, time.UTC))))
	require.NoError(t, err)
	var invs []*document.Issued
	for _, d := range sectionDrafts()[:1] {
		for range 2 {
			c, err := document.Compute(d)
			require.NoError(t, err)
			is, err := document.IssueComputed(WithContent(ctx, FromDocument(c)), iss.Issuing(), registered(t, d.Type, "A"), c)
			require.NoError(t, err)
			invs = append(invs, is)
		}
	}
	return b, invs
}

func receiptOf(inv *document.Issued, amount string) document.ReceiptDraft {
	return document.ReceiptDraft{Date: civil.Date{Year: 2026, Month: time.January, Day: 7}, Customer: inv.Computed.Draft.Customer,
		Settles:  []document.Settled{{Number: inv.Document.DocumentNumber, Date: inv.Document.Date, Amount: dec(amount)}},
		Payments: []document.Payment{{Mechanism: saft.PaymentMechanismMultibanco}}}
}

// Receipts are numbered by the book without a gap, kept with their SAF-T
// record, and exported in Payments.
func TestIssueReceipts(t *testing.T) {
	forEachEngine(t, func(t *testing.T, _ *Book, where string) {
		ctx := context.Background()
		b, invs := receiptBook(t, where)
		rg := registered(t, series.DocumentTypeRG, "R")

		full := invs[0].Document.GrossTotal.StringFixed(2)
		r1, err := b.IssueReceipt(ctx, testNIF, rg, receiptOf(invs[0], full))
		require.NoError(t, err)
		assert.Equal(t, "RG R/1", r1.Number)
		assert.Equal(t, testCode+"-1", r1.ATCUD.String())

		// A draft document.Receipt refuses uses no number.
		bad := receiptOf(invs[1], "10.00")
		bad.Settles = nil
		_, err = b.IssueReceipt(ctx, testNIF, rg, bad)
		var ve *violation.Error
		require.ErrorAs(t, err, &ve)
		assert.True(t, ve.HasAt("Settles", document.CodeReceipt), "%v", err)

		r2, err := b.IssueReceipt(ctx, testNIF, rg, receiptOf(invs[1], "10.00"))
		require.NoError(t, err)
		assert.Equal(t, "RG R/2", r2.Number)

		// Not a receipt series, or not active.
		_, err = b.IssueReceipt(ctx, testNIF, registered(t, series.DocumentTypeFT, "A"), receiptOf(invs[1], "1.00"))
		assert.ErrorIs(t, err, ErrInvalid)
		unregistered, err := series.New("S", series.DocumentTypeRG, series.NumberOf(1), civil.Date{Year: 2026, Month: time.January, Day: 1})
		require.NoError(t, err)
		_, err = b.IssueReceipt(ctx, testNIF, unregistered, receiptOf(invs[1], "1.00"))
		assert.ErrorIs(t, err, ErrInvalid)

		kept, err := b.Store(testNIF).Document(ctx, rg.Key(), 2)
		require.NoError(t, err)
		p, err := kept.Content.Payment()
		require.NoError(t, err)
		assertSameJSON(t, r2.Payment, p)
		assert.Equal(t, "2026-01-07T09:00:0", p.SystemEntryDate.String()[:18], "the book's clock, in Lisbon")

		// Cancelled, never billed.
		key := rg.Key()
		require.NoError(t, b.SetStatus(ctx, testNIF, key, 1, Status{Status: saft.InvoiceStatusCancelled, Reason: "Pagamento devolvido",
			At: time.Date(2026, time.January, 8, 10, 0, 0, 0, time.UTC)}))
		assert.ErrorIs(t, b.SetStatus(ctx, testNIF, key, 2, Status{Status: saft.InvoiceStatusBilled}), ErrInvalid)
		assert.ErrorIs(t, b.SetStatus(ctx, testNIF, key, 3, Status{Status: saft.InvoiceStatusCancelled}), ErrNotFound)

		var out bytes.Buffer
		require.NoError(t, b.ExportSAFT(ctx, &out, testNIF, safttest.Header(), nil))
		file := out.Bytes()
		r := auditFile(t, file)
		assert.False(t, r.HasErrors(), "%v", r.Findings)
		f, err := saft.Decode(bytes.NewReader(file))
		require.NoError(t, err)
		require.NotNil(t, f.SourceDocuments.Payments)
		ps := f.SourceDocuments.Payments.Payment
		require.Len(t, ps, 2)
		assert.Equal(t, "RG R/1", ps[0].PaymentRefNo)
		assert.Equal(t, saft.PaymentStatusCancelled, ps[0].DocumentStatus.PaymentStatus)
		assert.Equal(t, "Pagamento devolvido", ps[0].DocumentStatus.Reason)
		assert.Equal(t, saft.PaymentStatusNormal, ps[1].DocumentStatus.PaymentStatus)
		assert.Equal(t, "10.00", f.SourceDocuments.Payments.TotalCredit.StringFixed(2), "the cancelled receipt is not in the totals")
		assert.NoError(t, xmllint.Validate(t, xsd, file))
	})
}

// Receipts issued at once, on PostgreSQL by several connections, are
// numbered without a gap or a repeat.
func TestIssueReceiptsConcurrently(t *testing.T) {
	forEachEngine(t, func(t *testing.T, _ *Book, where string) {
		ctx := context.Background()
		b, invs := receiptBook(t, where)
		rg := registered(t, series.DocumentTypeRG, "R")
		var wg sync.WaitGroup
		var mu sync.Mutex
		var errs []error
		numbers := map[string]bool{}
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 5 {
					r, err := b.IssueReceipt(ctx, testNIF, rg, receiptOf(invs[1], "1.00"))
					mu.Lock()
					if err != nil {
						errs = append(errs, err)
					} else {
						numbers[r.Number] = true
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		require.NoError(t, errors.Join(errs...))
		docs, err := b.Store(testNIF).Documents(ctx, rg.Key(), 1, 0)
		require.NoError(t, err)
		require.Len(t, docs, 40)
		for i, d := range docs {
			assert.Equal(t, uint64(i+1), d.Number)
			assert.True(t, numbers[fmt.Sprintf("RG R/%d", i+1)], d.DocumentNumber)
		}
	})
}
