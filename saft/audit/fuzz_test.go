package audit_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/saft/audit"
)

// FuzzRun audits arbitrary bytes, with the producer's key and a small
// limit of findings per code, and checks that the audit never fails on
// its input, that the report adds up, and that both reports are written:
// the text with its verdict, the JSON as json.Marshal would write it.
func FuzzRun(f *testing.F) {
	var small bytes.Buffer
	if err := safttest.Write(&small, safttest.Options{Invoices: 2, StockMovements: 1, WorkDocuments: 1, Payments: 1, Signer: signer(f)}); err != nil {
		f.Fatal(err)
	}
	f.Add(small.Bytes(), uint8(2))
	f.Add(base(), uint8(0))
	f.Add(bytes.ReplaceAll(small.Bytes(), []byte("<InvoiceNo>"), []byte("<X/><InvoiceNo>")), uint8(1))
	f.Add(bytes.Replace(small.Bytes(), []byte("FT A/2"), []byte("FT A/3"), -1), uint8(3))
	f.Add(bytes.Replace(small.Bytes(), []byte("<InvoiceNo>"), []byte(`<InvoiceNo a="1">`), 1), uint8(4))
	f.Add([]byte(`<?xml version="1.0"?><AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01"><Header/></AuditFile>`), uint8(1))
	f.Add([]byte("<x/>"), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, max uint8) {
		limit := int(max%5) - 1 // -1 (every finding) to 3
		r, err := audit.Run(bytes.NewReader(data), withKey(), audit.WithMaxFindingsPerCode(limit))
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		if r.Bytes != int64(len(data)) && r.Complete {
			t.Errorf("read %d of %d bytes", r.Bytes, len(data))
		}
		total, shown := 0, map[string]int{}
		for _, f := range r.Findings {
			shown[string(f.Code)]++
			if f.Code.Description() == "" || f.Message == "" || f.Section == "" {
				t.Errorf("finding without description, message or section: %v", f)
			}
		}
		for _, c := range r.CodeCounts {
			total += c.Count
			if c.Shown != shown[string(c.Code)] || c.Shown > c.Count || limit >= 0 && c.Shown > limit || limit < 0 && c.Shown != c.Count {
				t.Errorf("count %+v, %d shown, limit %d", c, shown[string(c.Code)], limit)
			}
		}
		if total != r.Errors+r.Warnings || len(r.Findings) > total {
			t.Errorf("%d counted, %d errors, %d warnings, %d shown", total, r.Errors, r.Warnings, len(r.Findings))
		}
		sections := 0
		for _, s := range r.Sections {
			sections += s.Errors + s.Warnings
		}
		if sections != total {
			t.Errorf("sections count %d findings of %d", sections, total)
		}

		var text bytes.Buffer
		if err := r.WriteText(&text, "f.xml"); err != nil {
			t.Fatal(err)
		}
		if verdict := strings.Contains(text.String(), "Result: FAIL"); verdict != r.HasErrors() {
			t.Errorf("text verdict %v, HasErrors %v", verdict, r.HasErrors())
		}
		var js bytes.Buffer
		if err := r.WriteJSON(&js); err != nil {
			t.Fatal(err)
		}
		want, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if js.String() != string(want)+"\n" {
			t.Errorf("JSON written differs from json.Marshal:\n%s\n%s", js.String(), want)
		}
	})
}
