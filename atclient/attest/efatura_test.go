package attest

import (
	"strings"
	"testing"
)

func TestValidNIF(t *testing.T) {
	for nif, want := range map[string]bool{
		"599999993": true, "503504564": true, "999999990": true,
		"222222222": false, "599999990": false, "12345678": false, "0999999990": false, "59999999x": false,
	} {
		if got := validNIF(nif); got != want {
			t.Errorf("validNIF(%q) = %t, want %t", nif, got, want)
		}
	}
}

func TestParseTree(t *testing.T) {
	root, err := parseTree([]byte(`<d:RegisterInvoiceRequest xmlns:d="` + nsEFatura + `"><d:InvoiceData><d:InvoiceNo> FT 1/1 </d:InvoiceNo></d:InvoiceData></d:RegisterInvoiceRequest>`))
	if err != nil {
		t.Fatal(err)
	}
	if got := root.get("InvoiceData", "InvoiceNo"); got != "FT 1/1" {
		t.Fatalf("InvoiceNo = %q", got)
	}
	// Unqualified children are refused: the schema is elementFormDefault
	// qualified.
	_, err = parseTree([]byte(`<d:RegisterInvoiceRequest xmlns:d="` + nsEFatura + `"><InvoiceData/></d:RegisterInvoiceRequest>`))
	if err == nil || !strings.Contains(err.Error(), "InvoiceData is not in") {
		t.Fatalf("unqualified child accepted: %v", err)
	}
}

// FuzzParseTree: the simulator's request parser never panics.
func FuzzParseTree(f *testing.F) {
	f.Add([]byte(`<d:RegisterInvoiceRequest xmlns:d="` + nsEFatura + `"><d:InvoiceData><d:InvoiceNo>FT 1/1</d:InvoiceNo></d:InvoiceData></d:RegisterInvoiceRequest>`))
	f.Add([]byte(`<a/><b/>`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, data []byte) {
		root, err := parseTree(data)
		if err == nil {
			var b strings.Builder
			root.canonical(&b)
			_ = root.get("InvoiceData", "InvoiceNo")
		}
	})
}
