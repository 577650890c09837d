package saft

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
)

// FuzzValidate puts arbitrary values in the fields the rules look at and
// checks that Validate never panics, that every violation has a known code
// and a path in the file, and that the writer's verdict on the broken
// file agrees: a file Validate accepts is written without error.
func FuzzValidate(f *testing.F) {
	f.Add("FT A/1", "1", "0", "23", "NOR", "IVA", "M07", "Isento art. 9", int64(1), int64(10), "211", "C1")
	f.Add("FT A/1", "0", "0", "0", "ISE", "IVA", "", "", int64(0), int64(40), "", "")
	f.Add("x", "1-FTM a/1", "abc", "-1", "1.1", "IS", "M1", "é\x00", int64(-5), int64(0), "^", "Desconhecido")
	f.Fuzz(func(t *testing.T, invoiceNo, hashControl, hash, rate, taxCode, taxType, exCode, exReason string, lineNo, day int64, groupingCode, customerID string) {
		file := valFile()
		inv := &file.SourceDocuments.SalesInvoices.Invoice[0]
		inv.InvoiceNo, inv.HashControl, inv.Hash, inv.CustomerID = invoiceNo, hashControl, hash, customerID
		inv.InvoiceDate = civil.Date{Year: 2026, Month: time.January, Day: int(day)}
		l := &inv.Line[0]
		l.LineNumber = int(lineNo)
		if d, err := decimal.NewFromString(rate); err == nil {
			l.Tax.TaxPercentage = &d
		}
		l.Tax.TaxCode, l.Tax.TaxType = TaxCode(taxCode), TaxType(taxType)
		l.TaxExemptionCode, l.TaxExemptionReason = exCode, exReason
		account(file, 1).GroupingCode = groupingCode
		pay(file, 0).Line[0].Tax.TaxType = TaxType(taxType)

		err := file.Validate()
		if err == nil {
			if werr := WriteAuditFile(discard{}, file); werr != nil {
				t.Fatalf("valid file not written: %v", werr)
			}
			return
		}
		ve, ok := err.(*violation.Error)
		if !ok || len(ve.Violations) == 0 {
			t.Fatalf("error %T %v", err, err)
		}
		for _, v := range ve.Violations {
			if v.Code.Description() == "" || !strings.HasPrefix(v.Path, "/AuditFile/") || v.Message == "" {
				t.Fatalf("bad violation %+v", v)
			}
		}
	})
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
