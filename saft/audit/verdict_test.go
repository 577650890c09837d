package audit_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/saft/audit"
	"github.com/faturapt/faturapt/violation"
)

// A SystemEntryDate earlier than the previous document's of the series is
// a warning: a certified program's real export records the time a draft
// was created, with the chain in order.
func TestEntryDateBackIsWarning(t *testing.T) {
	r := run(t, mutate(t, func(f *saft.AuditFile) {
		inv(f, 6).SystemEntryDate = civil.DateTime{Date: civil.Date{Year: 2026, Month: time.January, Day: 2}, Hour: 8}
	}))
	require.Len(t, r.Findings, 1, "%v", r.Findings)
	assert.Equal(t, audit.CodeSeriesEntryDate, r.Findings[0].Code)
	assert.Equal(t, violation.SeverityWarning, r.Findings[0].Severity)
	assert.False(t, r.HasErrors())
	assert.Equal(t, 1, r.Warnings)
}

// totalsFindings are the AUDIT-TOTALS-* findings of r, as "CODE FIELD".
func totalsFindings(r *audit.Report) []string {
	var out []string
	for _, f := range r.Findings {
		if strings.HasPrefix(string(f.Code), "AUDIT-TOTALS-") {
			out = append(out, string(f.Code)+" "+f.Path[strings.LastIndexByte(f.Path, '/')+1:])
		}
	}
	return out
}

// A declared total written to the cent that is the exact sum rounded to
// the cent is right: AT's demonstration file declares TotalQuantityIssued
// 3295.92 for lines that add up to 3295.922006. The same for TotalDebit
// and TotalCredit.
func TestControlTotalsToTheCent(t *testing.T) {
	exact := mutate(t, func(f *saft.AuditFile) {
		m := f.SourceDocuments.MovementOfGoods.StockMovement
		rest := d("3295.922006")
		for i := range m {
			for j := range m[i].Line {
				m[i].Line[j].Quantity = d("1")
				rest = rest.Sub(d("1"))
			}
		}
		m[0].Line[0].Quantity = rest.Add(d("1"))
		inv(f, 1).Line[0].CreditAmount = ptr(d("10.004"))
		f.SourceDocuments.Payments.Payment[0].Line[0].DebitAmount = ptr(d("0.125"))
		f.SourceDocuments.Payments.Payment[0].Line[0].CreditAmount = nil
	})
	// The writer declares the exact sums: 3295.922006.
	total := func(tag string) string {
		m := regexp.MustCompile(`<` + tag + `>([0-9.]+)<`).FindSubmatch(exact)
		require.NotNil(t, m, tag)
		return string(m[1])
	}
	require.Equal(t, "3295.922006", total("TotalQuantityIssued"))
	credit := d(total("TotalCredit"))
	require.Equal(t, int32(-3), credit.Exponent())
	set := func(data []byte, tag, old, value string) []byte {
		out := bytes.Replace(data, []byte("<"+tag+">"+old+"<"), []byte("<"+tag+">"+value+"<"), 1)
		require.NotEqual(t, data, out)
		return out
	}
	assert.Empty(t, totalsFindings(run(t, exact)))

	rounded := set(exact, "TotalQuantityIssued", "3295.922006", "3295.92")
	rounded = set(rounded, "TotalCredit", credit.String(), credit.Round(2).StringFixed(2))
	rounded = set(rounded, "TotalDebit", "0.125", "0.12") // half even
	assert.Empty(t, totalsFindings(run(t, rounded)))
	rounded = set(rounded, "TotalDebit", "0.12", "0.13") // half up
	assert.Empty(t, totalsFindings(run(t, rounded)))

	wrong := set(exact, "TotalQuantityIssued", "3295.922006", "3295.93")
	wrong = set(wrong, "TotalCredit", credit.String(), credit.Round(2).Add(d("0.01")).StringFixed(2))
	wrong = set(wrong, "TotalDebit", "0.125", "0.1")
	assert.ElementsMatch(t, []string{"AUDIT-TOTALS-QUANTITY TotalQuantityIssued", "AUDIT-TOTALS-CREDIT TotalCredit", "AUDIT-TOTALS-DEBIT TotalDebit"},
		totalsFindings(run(t, wrong)))
}

func ptr[T any](v T) *T { return &v }
