package audit_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/saft/audit"
	"github.com/faturapt/faturapt/violation"
)

// An audit of a file whose declared number of invoices is wrong.
func ExampleRun() {
	var file bytes.Buffer
	_ = safttest.Write(&file, safttest.Options{Invoices: 3})
	data := bytes.Replace(file.Bytes(), []byte("<NumberOfEntries>3<"), []byte("<NumberOfEntries>4<"), 1)

	report, err := audit.Run(bytes.NewReader(data))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range report.Findings {
		fmt.Println(f.Line, f.Severity, f.Code, f.Message)
	}
	fmt.Println("errors:", report.HasErrors())
	// Output:
	// 309 error AUDIT-TOTALS-ENTRIES NumberOfEntries declares 4, the records give 3
	// errors: true
}

// A monthly file holds series FT A from its second document on: the first
// one here is signed over the hash of FT A/1, in last month's file.
func ExampleWithPreviousHashes() {
	key, _ := certify.GenerateKey(nil)
	signer, _ := certify.NewSigner(key, 1)
	var month bytes.Buffer
	_ = safttest.Write(&month, safttest.Options{Invoices: 3, Signer: signer})
	f, _ := saft.Decode(&month)
	invoices := &f.SourceDocuments.SalesInvoices.Invoice
	lastMonth := (*invoices)[0] // FT A/1
	*invoices = (*invoices)[1:]
	var file bytes.Buffer
	_ = saft.WriteAuditFile(&file, f)

	for _, opts := range [][]audit.Option{
		{audit.WithPublicKey(key.Public())},
		{audit.WithPublicKey(key.Public()), audit.WithPreviousHashes(map[string]string{"FT A": lastMonth.Hash})},
	} {
		report, _ := audit.Run(bytes.NewReader(file.Bytes()), opts...)
		fmt.Println("signatures:", report.SignaturesChecked, "errors:", report.Errors, "warnings:", report.Warnings)
		for _, f := range report.Findings {
			fmt.Println(f.Severity, f.Code, f.Record)
		}
	}
	// Output:
	// signatures: 2 errors: 0 warnings: 1
	// warning AUDIT-SIG-START FT A/2
	// signatures: 2 errors: 0 warnings: 0
}

// A file on disk audited: its verdict, then what an unreadable path gives.
func ExampleFile() {
	dir, _ := os.MkdirTemp("", "audit")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "saft.xml")
	var file bytes.Buffer
	_ = safttest.Write(&file, safttest.Options{Invoices: 2, Payments: 1})
	_ = os.WriteFile(path, file.Bytes(), 0o600)

	report, err := audit.File(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(report.CompanyName, report.Complete, report.Errors, report.Warnings)

	_, err = audit.File(dir)
	fmt.Println(errors.Is(err, audit.ErrRead))
	// Output:
	// Hotel Miradouro, Lda true 0 0
	// true
}

// A file with a thousand unknown elements: the report holds the first two,
// and counts them all.
func ExampleWithMaxFindingsPerCode() {
	var file bytes.Buffer
	_ = safttest.Write(&file, safttest.Options{Invoices: 1})
	data := bytes.Replace(file.Bytes(), []byte("<InvoiceNo>"), append(bytes.Repeat([]byte("<X/>"), 1000), "<InvoiceNo>"...), 1)

	report, _ := audit.Run(bytes.NewReader(data), audit.WithMaxFindingsPerCode(2))
	for _, f := range report.Findings {
		fmt.Println(f.Code, f.Record, f.Path)
	}
	for _, c := range report.CodeCounts {
		fmt.Println(c.Code, c.Severity, c.Count, c.Shown)
	}
	fmt.Println("errors:", report.Errors, "not shown:", report.Omitted())
	// Output:
	// SAFT-READ-UNEXPECTED FT A/1 /AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/X
	// SAFT-READ-UNEXPECTED FT A/1 /AuditFile/SourceDocuments/SalesInvoices/Invoice[1]/X
	// SAFT-READ-UNEXPECTED error 1000 2
	// errors: 1000 not shown: 998
}

// The report for people: findings, counts per code, sections, verdict.
func ExampleReport_WriteText() {
	var file bytes.Buffer
	_ = safttest.Write(&file, safttest.Options{Invoices: 2})
	data := bytes.Replace(file.Bytes(), []byte("<NumberOfEntries>2<"), []byte("<NumberOfEntries>3<"), 1)

	report, _ := audit.Run(bytes.NewReader(data))
	_ = report.WriteText(os.Stdout, "saft.xml")
	// Output:
	// SAF-T (PT) audit of saft.xml
	// Company: Hotel Miradouro, Lda (NIF 509999999), TaxAccountingBasis F, period 2026-01-01 to 2026-01-31
	// Read 17418 bytes (windows-1252)
	// Signatures: not verified (no public key given); chain structure checked
	//
	// Findings (1 errors, 0 warnings):
	// LINE  SEVERITY  CODE                  RECORD         MESSAGE
	// 309   error     AUDIT-TOTALS-ENTRIES  SalesInvoices  NumberOfEntries declares 3, the records give 2
	//
	// Findings per code:
	// CODE                  SEVERITY  COUNT  SHOWN
	// AUDIT-TOTALS-ENTRIES  error     1      1
	//
	// Summary per section:
	// SECTION        RECORDS  ERRORS  WARNINGS
	// Header         1        0       0
	// MasterFiles    34       0       0
	// SalesInvoices  2        1       0
	//
	// Result: FAIL (1 errors, 0 warnings)
}

// The report as JSON, written one finding at a time.
func ExampleReport_WriteJSON() {
	report, _ := audit.Run(strings.NewReader(`<?xml version="1.0"?><Invoice/>`))
	_ = report.WriteJSON(os.Stdout)
	// Output:
	// {
	//   "bytes": 31,
	//   "complete": false,
	//   "signaturesVerified": false,
	//   "signaturesChecked": 0,
	//   "maxFindingsPerCode": 100,
	//   "findings": [
	//     {
	//       "code": "AUDIT-MALFORMED",
	//       "severity": "error",
	//       "section": "File",
	//       "line": 0,
	//       "message": "saft: not a SAF-T (PT) file: root element is {}Invoice, want {urn:OECD:StandardAuditFile-Tax:PT_1.04_01}AuditFile"
	//     }
	//   ],
	//   "codeCounts": [
	//     {
	//       "code": "AUDIT-MALFORMED",
	//       "severity": "error",
	//       "count": 1,
	//       "shown": 1
	//     }
	//   ],
	//   "sections": [
	//     {
	//       "name": "File",
	//       "records": 0,
	//       "errors": 1,
	//       "warnings": 0
	//     }
	//   ],
	//   "errors": 1,
	//   "warnings": 0
	// }
}

// Every code a finding may carry, the audit's own (Codes) and saft's, is
// described in the one registry of package violation, with its severity.
func Example_codes() {
	for _, code := range []violation.Code{audit.CodeSeriesEntryDate, audit.CodeTotalsQuantity} {
		fmt.Println(code, code.Severity())
	}
	fmt.Println(len(audit.Codes.Values()) > 20, audit.Codes.Valid(audit.CodeSigBad))
	fmt.Println(saft.CodeReadValue.Severity(), saft.CodeReadValue.Description())
	// Output:
	// AUDIT-SERIES-ENTRYDATE warning
	// AUDIT-TOTALS-QUANTITY error
	// true true
	// error a number, date or indicator that does not parse, or an empty element
}

// Every signature and chain verified with the producer's public key; a
// GrossTotal changed after signing breaks its document's signature.
func ExampleWithPublicKey() {
	key, _ := certify.GenerateKey(nil)
	signer, _ := certify.NewSigner(key, 1)
	var file bytes.Buffer
	_ = safttest.Write(&file, safttest.Options{Invoices: 3, Signer: signer})
	data := bytes.Replace(file.Bytes(), []byte("<GrossTotal>65.53<"), []byte("<GrossTotal>75.53<"), 1)

	report, _ := audit.Run(bytes.NewReader(data), audit.WithPublicKey(key.Public()))
	fmt.Println("signatures:", report.SignaturesChecked)
	for _, c := range report.CodeCounts {
		fmt.Println(c.Code, c.Count)
	}
	// Output:
	// signatures: 3
	// AUDIT-DOC-GROSSTOTAL 1
	// AUDIT-SIG-BAD 1
}

// A key per version of the producer's private key (HashControl): the
// documents of a version without a key are not verified, and the report
// says so.
func ExampleWithPublicKeyVersion() {
	key, _ := certify.GenerateKey(nil)
	signer, _ := certify.NewSigner(key, 1) // documents signed with key version 1
	var file bytes.Buffer
	_ = safttest.Write(&file, safttest.Options{Invoices: 2, Signer: signer})

	for _, version := range []int{1, 2} {
		report, _ := audit.Run(bytes.NewReader(file.Bytes()), audit.WithPublicKeyVersion(version, key.Public()))
		fmt.Println("key of version", version, "signatures:", report.SignaturesChecked, "codes:", report.Codes())
	}
	// Output:
	// key of version 1 signatures: 2 codes: []
	// key of version 2 signatures: 0 codes: [AUDIT-SIG-NOKEY]
}

// Progress of a long audit, for a progress bar.
func ExampleWithProgress() {
	var file bytes.Buffer
	_ = safttest.Write(&file, safttest.Options{Invoices: 5000})
	size := file.Len()
	calls := 0
	report, _ := audit.Run(&file, audit.WithProgress(func(read int64) {
		if calls++; read <= 0 || read > int64(size) {
			fmt.Println("unexpected", read)
		}
	}))
	fmt.Println(calls > 0, report.Bytes == int64(size))
	// Output:
	// true true
}
