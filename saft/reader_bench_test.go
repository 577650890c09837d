package saft_test

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

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
	if h == nil {
		return
	}
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

// readOurs streams every record of a file with the Reader and returns the
// number of invoices.
func readOurs(b *testing.B, r io.Reader, h *heapSampler) int {
	rd, err := saft.NewReader(r)
	if err != nil {
		b.Fatal(err)
	}
	count := 0
	for rec, err := range rd.Records() {
		if err != nil {
			b.Fatal(err)
		}
		if rec.Kind == saft.RecordInvoice {
			count++
		}
		h.tick()
	}
	return count
}

// readStd decodes the same records into the same model with encoding/xml,
// streaming too: one DecodeElement per record.
func readStd(b *testing.B, r io.Reader, h *heapSampler) int {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) {
		return charmap.Windows1252.NewDecoder().Reader(r), nil
	}
	count := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return count
		}
		if err != nil {
			b.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			var v any
			switch se.Name.Local {
			case "Header":
				v = new(saft.Header)
			case "Customer":
				v = new(saft.Customer)
			case "Product":
				v = new(saft.Product)
			case "TaxTableEntry":
				v = new(saft.TaxTableEntry)
			case "Invoice":
				v = new(saft.Invoice)
				count++
			default:
				continue
			}
			if err := d.DecodeElement(v, &se); err != nil {
				b.Fatal(err)
			}
			h.tick()
		}
	}
}

// benchRead reads the file at path with read, b.N times.
func benchRead(b *testing.B, n int, read func(*testing.B, io.Reader, *heapSampler) int) {
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
		count := read(b, f, &h)
		f.Close()
		if count != n {
			b.Fatalf("%d invoices, want %d", count, n)
		}
	}
	h.report(b)
}

// BenchmarkReader streams every record of the file into the model.
func BenchmarkReader(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("invoices=%d", n), func(b *testing.B) { benchRead(b, n, readOurs) })
	}
}

// BenchmarkReaderEncodingXML decodes the same file into the same model with
// encoding/xml.
func BenchmarkReaderEncodingXML(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("invoices=%d", n), func(b *testing.B) { benchRead(b, n, readStd) })
	}
}

// BenchmarkReaderVsEncodingXML reads one file from memory with the Reader
// and with encoding/xml in turn, each iteration, and reports how many
// times faster the Reader is: on a shared, loaded machine the two
// measures then see the same load.
func BenchmarkReaderVsEncodingXML(b *testing.B) {
	const n = 20_000
	path, size := benchFile(b, n)
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var ours, std time.Duration
	for b.Loop() {
		start := time.Now()
		if readOurs(b, bytes.NewReader(data), nil) != n {
			b.Fatal("invoices missing")
		}
		mid := time.Now()
		if readStd(b, bytes.NewReader(data), nil) != n {
			b.Fatal("invoices missing")
		}
		ours, std = ours+mid.Sub(start), std+time.Since(mid)
	}
	iters := float64(b.N)
	b.ReportMetric(float64(size)*iters/ours.Seconds()/1e6, "reader-MB/s")
	b.ReportMetric(float64(size)*iters/std.Seconds()/1e6, "encoding/xml-MB/s")
	b.ReportMetric(std.Seconds()/ours.Seconds(), "x-encoding/xml")
}
