package saft_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/violation"
)

// With an issue handler the reader keeps no issue: each goes to the
// handler before the record it is in, the Header's before NewReader returns.
func TestReaderIssueHandler(t *testing.T) {
	valid := string(genFile(t, safttest.Options{Invoices: 2}))
	in := strings.Replace(valid, "<CompanyName>", "<H/><CompanyName>", 1)
	in = strings.Replace(in, "<InvoiceNo>FT A/2<", "<X/><Y/><InvoiceNo>FT A/2<", 1)

	var got []saft.ReadIssue
	seenBefore := map[string]int{}
	r, err := saft.NewReader(strings.NewReader(in), saft.WithIssueHandler(func(i saft.ReadIssue) { got = append(got, i) }))
	require.NoError(t, err)
	assert.Empty(t, r.HeaderIssues())
	require.Len(t, got, 1)
	assert.Equal(t, "/AuditFile/Header/H", got[0].Path)
	for rec, err := range r.Records() {
		require.NoError(t, err)
		assert.Empty(t, rec.Issues)
		if rec.Kind == saft.RecordInvoice {
			seenBefore[rec.Invoice.InvoiceNo] = len(got)
		}
	}
	require.Len(t, got, 3)
	assert.Equal(t, map[string]int{"FT A/1": 1, "FT A/2": 3}, seenBefore)
	assert.Equal(t, "/AuditFile/SourceDocuments/SalesInvoices/Invoice[2]/X", got[1].Path)
	assert.Equal(t, saft.CodeReadUnexpected, got[2].Code)
	assert.Positive(t, got[2].Line)
}

// Issues counted as they come, none kept: a file with millions of bad
// elements costs the reader no memory for them.
func ExampleWithIssueHandler() {
	var file bytes.Buffer
	_ = safttest.Write(&file, safttest.Options{Invoices: 1})
	data := bytes.Replace(file.Bytes(), []byte("<InvoiceNo>"), []byte("<X/><X/><X/><InvoiceNo>"), 1)

	counts := map[violation.Code]int{}
	r, _ := saft.NewReader(bytes.NewReader(data), saft.WithIssueHandler(func(i saft.ReadIssue) { counts[i.Code]++ }))
	for _, err := range r.Records() {
		if err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Println(counts)
	// Output:
	// map[SAFT-READ-UNEXPECTED:3]
}
