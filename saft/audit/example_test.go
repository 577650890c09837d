package audit_test

import (
	"bytes"
	"fmt"

	"github.com/faturapt/faturapt/internal/safttest"
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
