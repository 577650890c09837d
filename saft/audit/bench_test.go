package audit_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/saft/audit"
)

func writeBenchFile(b *testing.B, o safttest.Options) (string, int64) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "saft.xml")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := safttest.Write(w, o); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	st, _ := os.Stat(path)
	return path, st.Size()
}

// BenchmarkAudit audits a generated file of 200,000 invoices without a key
// (every check but the signatures), reporting the peak heap; with
// FATURAPT_XMLLINT=1 it also times xmllint --stream --schema on the same
// file once, for comparison (the yardstick).
func BenchmarkAudit(b *testing.B) {
	path, size := writeBenchFile(b, safttest.Options{Invoices: 200_000})
	if os.Getenv("FATURAPT_XMLLINT") != "" {
		if _, err := exec.LookPath("xmllint"); err == nil {
			start := time.Now()
			out, err := exec.Command("xmllint", "--noout", "--stream", "--schema", "../testdata/SAFTPT1.04_01.xsd10.xsd", path).CombinedOutput()
			if err != nil {
				b.Fatalf("xmllint: %v: %s", err, out)
			}
			el := time.Since(start)
			b.Logf("xmllint --stream --schema: %v, %.1f MB/s", el, float64(size)/el.Seconds()/1e6)
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		r, err := audit.File(path, audit.WithProgress(func(int64) {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
		}))
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Findings) != 0 {
			b.Fatalf("findings: %v", r.Findings[0])
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// BenchmarkAuditSigned verifies 20,000 signed invoices with the public key.
func BenchmarkAuditSigned(b *testing.B) {
	s, err := certify.NewSigner(testKey(), 1)
	if err != nil {
		b.Fatal(err)
	}
	path, size := writeBenchFile(b, safttest.Options{Invoices: 20_000, Signer: s})
	b.SetBytes(size)
	for b.Loop() {
		r, err := audit.File(path, withKey())
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Findings) != 0 || r.SignaturesChecked != 20_000 {
			b.Fatal(fmt.Sprint(r.Findings, r.SignaturesChecked))
		}
	}
}
