package book

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/saft/audit"
)

// issueInvoices registers the test masters and issues n invoices in series A.
func issueInvoices(t *testing.T, b *Book, n int) *Issuer {
	t.Helper()
	ctx := context.Background()
	iss := newIssuer(t, b)
	for _, c := range safttest.Customers() {
		require.NoError(t, b.PutCustomer(ctx, testNIF, c))
	}
	for _, p := range safttest.Products() {
		require.NoError(t, b.PutProduct(ctx, testNIF, p))
	}
	s := activeSeries(t, "A")
	for i := range n {
		d, c := invoice(i)
		_, err := iss.Issue(ctx, s, d, c)
		require.NoError(t, err)
	}
	return iss
}

func export(t *testing.T, b *Book) []byte {
	t.Helper()
	var out bytes.Buffer
	require.NoError(t, b.ExportSAFT(context.Background(), &out, testNIF, safttest.Header(), safttest.TaxTable()))
	return out.Bytes()
}

func auditFile(t *testing.T, file []byte) *audit.Report {
	t.Helper()
	r, err := audit.Run(bytes.NewReader(file), audit.WithPublicKey(certifytest.Key(t).Public()))
	require.NoError(t, err)
	return r
}

func TestExportAuditsClean(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		ctx := context.Background()
		issueInvoices(t, b, 12)
		require.NoError(t, b.SetStatus(ctx, testNIF, activeSeries(t, "A").Key(), 3, Status{
			Status: saft.InvoiceStatusCancelled, Reason: "Erro no cliente", At: time.Date(2026, time.January, 6, 10, 0, 0, 0, time.UTC)}))

		file := export(t, b)
		r := auditFile(t, file)
		assert.False(t, r.HasErrors(), "%v", r.Findings)
		assert.Contains(t, string(file), "<InvoiceNo>FT A/12</InvoiceNo>")
		assert.Contains(t, string(file), "<InvoiceStatus>A</InvoiceStatus>")
		assert.Contains(t, string(file), "<Reason>Erro no cliente</Reason>")
		// Only the masters the documents use.
		assert.NotContains(t, string(file), "<ProductCode>P20</ProductCode>")
		assert.Contains(t, string(file), "<ProductCode>P1</ProductCode>")
	})
}

// A row changed by hand, with the triggers out of the way, is caught by the
// audit of the exported file.
func TestExportAuditCatchesTampering(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		ctx := context.Background()
		issueInvoices(t, b, 5)
		doc, err := b.Store(testNIF).Document(ctx, activeSeries(t, "A").Key(), 2)
		require.NoError(t, err)
		inv, err := doc.Content.Invoice()
		require.NoError(t, err)
		inv.DocumentTotals.GrossTotal = inv.DocumentTotals.GrossTotal.Add(dec("100"))
		tampered, err := jsonOf(inv)
		require.NoError(t, err)

		var drop []string
		if b.Engine() == Postgres {
			drop = []string{`ALTER TABLE documents DISABLE TRIGGER USER`}
		} else {
			drop = []string{`DROP TRIGGER documents_no_update`}
		}
		_, err = b.db.ExecContext(ctx, `UPDATE documents SET content = $1 WHERE number = 2`, tampered)
		require.Error(t, err, "the trigger refuses")
		for _, q := range drop {
			_, err := b.db.ExecContext(ctx, q)
			require.NoError(t, err)
		}
		_, err = b.db.ExecContext(ctx, `UPDATE documents SET content = $1 WHERE number = 2`, tampered)
		require.NoError(t, err)

		var out bytes.Buffer
		require.NoError(t, b.ExportSAFT(ctx, &out, testNIF, safttest.Header(), safttest.TaxTable(), saft.WithoutValidation()))
		r := auditFile(t, out.Bytes())
		assert.Contains(t, r.Codes(), audit.CodeSigBad)
	})
}
