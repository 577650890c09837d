package audit_test

import (
	"bytes"
	"fmt"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/saft/audit"
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
