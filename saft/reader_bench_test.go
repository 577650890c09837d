package saft_test

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/saft"
)

// benchFile writes a generated invoicing file of n invoices (3 lines each)
// into the benchmark's temporary directory.
func benchFile(b *testing.B, n int) (string, int64) {
	b.Helper()
	path := filepath.Join(b.TempDir(), fmt.Sprintf("saft-%d.xml", n))
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := safttest.Write(w, safttest.Options{Invoices: n}); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, st.Size()
}

// heapSampler tracks the heap while a file is read: the peak of the heap in
// use (which follows the GC's pacing, 4 MiB at the least) and, after a
// forced collection every 20,000 records, the live heap: what the reader
// keeps, which must not grow with the file.
type heapSampler struct {
	n          int
	peak, live uint64
}

func (h *heapSampler) tick() {
	h.n++
	if h.n%20000 == 0 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		h.peak = max(h.peak, m.HeapInuse)
		runtime.GC()
		runtime.ReadMemStats(&m)
		h.live = max(h.live, m.HeapAlloc)
	}
}

func (h *heapSampler) report(b *testing.B) {
	b.ReportMetric(float64(h.peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(h.live)/(1<<10), "live-KiB")
}

var benchSizes = []int{20_000, 200_000}

// BenchmarkReader streams every record of the file into the model.
func BenchmarkReader(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("invoices=%d", n), func(b *testing.B) {
			path, size := benchFile(b, n)
			b.SetBytes(size)
			b.ReportAllocs()
			var h heapSampler
			runtime.GC()
			for b.Loop() {
				f, err := os.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				r, err := saft.NewReader(f)
				if err != nil {
					b.Fatal(err)
				}
				count := 0
				for rec, err := range r.Records() {
					if err != nil {
						b.Fatal(err)
					}
					if rec.Kind == saft.RecordInvoice {
						count++
					}
					h.tick()
				}
				f.Close()
				if count != n {
					b.Fatalf("%d invoices, want %d", count, n)
				}
			}
			h.report(b)
		})
	}
}

// BenchmarkReaderEncodingXML decodes the same file into the same model with
// encoding/xml, streaming too: one DecodeElement per record.
func BenchmarkReaderEncodingXML(b *testing.B) {
	records := map[string]func() any{
		"Header": func() any { return new(saft.Header) }, "Customer": func() any { return new(saft.Customer) },
		"Product": func() any { return new(saft.Product) }, "TaxTableEntry": func() any { return new(saft.TaxTableEntry) },
		"Invoice": func() any { return new(saft.Invoice) },
	}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("invoices=%d", n), func(b *testing.B) {
			path, size := benchFile(b, n)
			b.SetBytes(size)
			b.ReportAllocs()
			var h heapSampler
			runtime.GC()
			for b.Loop() {
				f, err := os.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				d := xml.NewDecoder(f)
				d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) {
					return charmap.Windows1252.NewDecoder().Reader(r), nil
				}
				count := 0
				for {
					tok, err := d.Token()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					if se, ok := tok.(xml.StartElement); ok {
						if mk := records[se.Name.Local]; mk != nil {
							v := mk()
							if err := d.DecodeElement(v, &se); err != nil {
								b.Fatal(err)
							}
							if se.Name.Local == "Invoice" {
								count++
							}
							h.tick()
						}
					}
				}
				f.Close()
				if count != n {
					b.Fatalf("%d invoices, want %d", count, n)
				}
			}
			h.report(b)
		})
	}
}
