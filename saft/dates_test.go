package saft_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/saft"
)

// TestDecodeDates: the reader collapses the whitespace XML allows around a
// date before civil's strict parse, and an empty date is an issue, not "no
// date".
func TestDecodeDates(t *testing.T) {
	valid := string(genFile(t, safttest.Options{Invoices: 1}))
	const invoiceDate = "<InvoiceDate>2026-01-01</InvoiceDate>"
	const entry = "<SystemEntryDate>2026-01-01T08:00:00</SystemEntryDate>"
	require.Contains(t, valid, invoiceDate)
	require.Contains(t, valid, entry)

	in := strings.Replace(valid, invoiceDate, "<InvoiceDate>\n\t 2026-01-01 \r\n</InvoiceDate>", 1)
	in = strings.Replace(in, entry, "<SystemEntryDate> 2026-01-01T08:00:00\t</SystemEntryDate>", 1)
	f, err := saft.Decode(strings.NewReader(in))
	require.NoError(t, err)
	inv := f.SourceDocuments.SalesInvoices.Invoice[0]
	assert.Equal(t, civil.Date{Year: 2026, Month: 1, Day: 1}, inv.InvoiceDate)
	assert.Equal(t, civil.DateTime{Date: civil.Date{Year: 2026, Month: 1, Day: 1}, Hour: 8}, inv.SystemEntryDate)

	for _, empty := range []string{"<InvoiceDate></InvoiceDate>", "<InvoiceDate> \n</InvoiceDate>"} {
		_, err := saft.Decode(strings.NewReader(strings.Replace(valid, invoiceDate, empty, 1)))
		var ie *saft.IssuesError
		require.ErrorAs(t, err, &ie, empty)
		assert.Equal(t, saft.CodeReadValue, ie.Issues[0].Code)
		assert.Equal(t, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/InvoiceDate", ie.Issues[0].Path)
	}
}
