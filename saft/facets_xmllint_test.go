package saft

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/faturapt/faturapt/internal/xmllint"
	"github.com/faturapt/faturapt/violation"
)

// TestFacetsAgainstXmllint is a differential test of the pattern and
// length facets against libxml2's own XSD regular expressions: random and
// near-miss values go into the fields with patterns, and our verdict
// (a schema violation or not) must be xmllint's.
func TestFacetsAgainstXmllint(t *testing.T) {
	xmllint.Path(t)
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "FTAM 0123456789/^-.:aé\tPT"
	random := func() string {
		n := rng.IntN(12)
		var b strings.Builder
		r := []rune(alphabet)
		for range n {
			b.WriteRune(r[rng.IntN(len(r))])
		}
		return b.String()
	}
	fields := []struct {
		name   string
		values []string
		set    func(f *AuditFile, v string)
	}{
		{"InvoiceNo", []string{"FT A/1", "FT A/1x", "FT  A/1", "F^T A/9", "FT A^/9", "FT A/", "é é/0", "FT\tA/1"},
			func(f *AuditFile, v string) { f.SourceDocuments.SalesInvoices.Invoice[0].InvoiceNo = v }},
		{"HashControl", []string{"1", "1.1", "1-FTM a/1", "1-FTD FT A/1", "1-FTD A/1", "1-FTMa/1", "01", "1-FT a/1"},
			func(f *AuditFile, v string) { f.SourceDocuments.SalesInvoices.Invoice[0].HashControl = v }},
		{"EACCode", []string{"55101", "5510", "551011", "5510a", "00000"},
			func(f *AuditFile, v string) { f.SourceDocuments.SalesInvoices.Invoice[0].EACCode = v }},
		{"TransactionID", []string{"2026-01-10 VND 1", "2026-01-10 VND  1", "2026-13-10 VND 1", "2026-01-40 VND 1", "0026-01-10 A B", "2026-01-10 A B C"},
			func(f *AuditFile, v string) { f.SourceDocuments.SalesInvoices.Invoice[0].TransactionID = v }},
		{"TaxExemptionCode", []string{"M07", "M7", "M07M08", "m07", "M0"},
			func(f *AuditFile, v string) { invLine(f, 0, 1).TaxExemptionCode = v }},
		{"TaxCode", []string{"NOR", "N.1", "N-1", "ABCDEFGHIJK", "é"},
			func(f *AuditFile, v string) { invLine(f, 0, 0).Tax.TaxCode = TaxCode(v) }},
		{"CompanyID", []string{"509999999", "509999999509999999", "Lisboa 1/2", "Lisboa", "^ 1", "a  1"},
			func(f *AuditFile, v string) { f.Header.CompanyID = v }},
		{"ProductID", []string{"a/b", "a/b/c", "ab", "/b", "é/é"},
			func(f *AuditFile, v string) { f.Header.ProductID = v }},
		{"Country", []string{"PT", "Desconhecido", "PT-AC", "pt", "XX"},
			func(f *AuditFile, v string) { f.MasterFiles.Customer[0].BillingAddress.Country = v }},
		{"TaxCountryRegion", []string{"PT-AC", "PT-MA", "PT-XX", "ES"},
			func(f *AuditFile, v string) { invLine(f, 0, 0).Tax.TaxCountryRegion = v }},
	}
	type result struct {
		field, value string
		ours         bool
		err          error
	}
	var results []result
	var files []string
	dir := t.TempDir()
	for _, fl := range fields {
		values := append([]string(nil), fl.values...)
		for range 20 {
			values = append(values, random())
		}
		for _, v := range values {
			f := valFile()
			fl.set(f, v)
			err := f.Validate()
			ours := false
			if err != nil {
				for _, viol := range err.(*violation.Error).Violations {
					if strings.HasPrefix(string(viol.Code), "SAFT-FACET-") || strings.HasPrefix(string(viol.Code), "SAFT-UNIQUE-") ||
						strings.HasPrefix(string(viol.Code), "SAFT-KEYREF-") && viol.Code != CodeKeyrefTax && viol.Code != CodeKeyrefMasterAccount {
						ours = true
					}
				}
			}
			var buf bytes.Buffer
			if WriteAuditFile(&buf, f, WithoutValidation()) != nil {
				continue
			}
			name := filepath.Join(dir, strconv.Itoa(len(files))+".xml")
			if err := os.WriteFile(name, buf.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			files = append(files, name)
			results = append(results, result{fl.name, v, ours, err})
		}
	}
	// One xmllint run for all files: it prints "FILE validates" or "FILE
	// fails to validate" for each.
	out, _ := exec.Command(xmllint.Path(t), append([]string{"--noout", "--schema", schema}, files...)...).CombinedOutput()
	for i, name := range files {
		valid := strings.Contains(string(out), name+" validates")
		invalid := strings.Contains(string(out), name+" fails to validate")
		if valid == invalid {
			t.Fatalf("no verdict for %s in xmllint's output", name)
		}
		r := results[i]
		if valid == r.ours {
			t.Errorf("%s = %q: xmllint valid=%v, our schema checks valid=%v (%v)", r.field, r.value, valid, !r.ours, r.err)
		}
	}
	if len(files) < 80 {
		t.Errorf("only %d cases compared", len(files))
	}
}
