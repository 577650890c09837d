package book

import (
	"context"
	"encoding/base64"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/series"
)

var exportDocs = flag.Int("book.exportdocs", 1_000_000, "documents in the book BenchmarkExport writes out")

// benchStores are the stores the issuing benchmarks compare: MemoryStore
// (the bound: signing, no I/O) and a durable book on each engine.
func benchStores(b *testing.B) []struct {
	name string
	iss  func(b *testing.B) func(ctx context.Context, s series.Series, d issuing.Draft, c ContentFunc) (issuing.Document, error)
} {
	type entry = struct {
		name string
		iss  func(b *testing.B) func(ctx context.Context, s series.Series, d issuing.Draft, c ContentFunc) (issuing.Document, error)
	}
	clock := issuing.WithClock(tickingClock(time.Date(2026, time.January, 5, 8, 0, 0, 0, time.UTC)))
	memory := func(b *testing.B) func(ctx context.Context, s series.Series, d issuing.Draft, c ContentFunc) (issuing.Document, error) {
		iss, err := issuing.New(testNIF, "9999", certifytest.Signer(b), issuing.NewMemoryStore(), clock)
		if err != nil {
			b.Fatal(err)
		}
		return func(ctx context.Context, s series.Series, d issuing.Draft, _ ContentFunc) (issuing.Document, error) {
			return iss.Issue(ctx, s, d)
		}
	}
	out := []entry{{"memory", memory}}
	for _, e := range engines {
		out = append(out, entry{string(e.name), func(b *testing.B) func(ctx context.Context, s series.Series, d issuing.Draft, c ContentFunc) (issuing.Document, error) {
			bk := openBook(b, e.where(b))
			if err := bk.PutCompany(context.Background(), testCompany(b)); err != nil {
				b.Fatal(err)
			}
			iss, err := bk.Issuer(context.Background(), testNIF, certifytest.Signer(b), clock)
			if err != nil {
				b.Fatal(err)
			}
			return iss.Issue
		}})
	}
	return out
}

// Durable issuing in one series, against MemoryStore: what a durable
// commit costs on top of the signature.
func BenchmarkIssue(b *testing.B) {
	for _, st := range benchStores(b) {
		b.Run(st.name, func(b *testing.B) {
			issue := st.iss(b)
			s := activeSeries(b, "A")
			d, c := invoice(1)
			b.ReportAllocs()
			cpu := processCPU(b)
			for b.Loop() {
				if _, err := issue(context.Background(), s, d, c); err != nil {
					b.Fatal(err)
				}
			}
			cpu.report(b)
		})
	}
}

// Durable issuing in 64 series at once (64 goroutines), against
// MemoryStore: the book groups concurrent commits, so the signatures bound
// it as they bound MemoryStore.
func BenchmarkIssue64Series(b *testing.B) {
	for _, st := range benchStores(b) {
		b.Run(st.name, func(b *testing.B) {
			issue := st.iss(b)
			// One document in each series first: the series exist and
			// the connections are open before the clock starts.
			var warm sync.WaitGroup
			for i := range 64 {
				warm.Add(1)
				go func() {
					defer warm.Done()
					d, c := invoice(1)
					if _, err := issue(context.Background(), activeSeries(b, fmt.Sprintf("S%d", i)), d, c); err != nil {
						b.Error(err)
					}
				}()
			}
			warm.Wait()
			var next atomic.Int64
			b.ResetTimer()
			b.SetParallelism((64 + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
			b.ReportAllocs()
			cpu := processCPU(b)
			defer cpu.report(b)
			b.RunParallel(func(pb *testing.PB) {
				s := activeSeries(b, fmt.Sprintf("S%d", (next.Add(1)-1)%64))
				d, c := invoice(1)
				for pb.Next() {
					if _, err := issue(context.Background(), s, d, c); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

// cpuClock reads the CPU time the process spent (user and system, every
// goroutine's: the signatures' and the store's), which on a machine
// shared with other work says what a document costs when the wall clock
// cannot.
type cpuClock struct{ start time.Duration }

func processCPU(b *testing.B) cpuClock { return cpuClock{cpuTime(b)} }

// report adds the process CPU time per document; a PostgreSQL server's
// is not in it.
func (c cpuClock) report(b *testing.B) {
	if c.start < 0 {
		return
	}
	b.ReportMetric(float64((cpuTime(b)-c.start).Microseconds())/float64(b.N), "cpu-µs/op")
}

// loadBook fills the book with n invoices of one series, without signing
// them (the export does not verify): rows written many at a time, with the
// triggers that check each insert against its series out of the way.
func loadBook(b *testing.B, bk *Book, n int) {
	ctx := context.Background()
	if err := bk.PutCompany(ctx, testCompany(b)); err != nil {
		b.Fatal(err)
	}
	for _, c := range safttest.Customers() {
		if err := bk.PutCustomer(ctx, testNIF, c); err != nil {
			b.Fatal(err)
		}
	}
	for _, p := range safttest.Products() {
		if err := bk.PutProduct(ctx, testNIF, p); err != nil {
			b.Fatal(err)
		}
	}
	if bk.Engine() == Postgres {
		mustExec(b, bk, `ALTER TABLE documents DISABLE TRIGGER USER`)
	} else {
		mustExec(b, bk, `DROP TRIGGER documents_follow_series`)
	}
	hash := base64.StdEncoding.EncodeToString(make([]byte, 128))
	key := activeSeries(b, "A").Key()
	const rows = 400
	tx, err := bk.db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	var docArgs, prodArgs []any
	var docVals, prodVals []string
	flush := func() {
		if len(docVals) > 0 {
			if _, err := tx.Exec(`INSERT INTO documents (company, series_key, number, document_number, document_type, atcud,
				date, system_entry, gross_total, hash, hash_control, qr, customer_id, content_type, content) VALUES `+
				strings.Join(docVals, ","), docArgs...); err != nil {
				b.Fatal(err)
			}
			if _, err := tx.Exec(`INSERT INTO document_products (company, series_key, number, product_code) VALUES `+
				strings.Join(prodVals, ","), prodArgs...); err != nil {
				b.Fatal(err)
			}
		}
		docArgs, prodArgs, docVals, prodVals = docArgs[:0], prodArgs[:0], docVals[:0], prodVals[:0]
	}
	ph := func(args *[]any, vals ...any) string {
		p := make([]string, len(vals))
		for i, v := range vals {
			*args = append(*args, v)
			p[i] = fmt.Sprintf("$%d", len(*args))
		}
		return "(" + strings.Join(p, ",") + ")"
	}
	for i := range n {
		inv := safttest.Invoice(i, n)
		inv.Hash, inv.HashControl = hash, "1"
		data, err := jsonOf(&inv)
		if err != nil {
			b.Fatal(err)
		}
		docVals = append(docVals, ph(&docArgs, testNIF, key, i+1, inv.InvoiceNo, "FT", inv.ATCUD, inv.InvoiceDate.String(),
			inv.SystemEntryDate.String(), inv.DocumentTotals.GrossTotal.StringFixed(2), hash, "1", "", inv.CustomerID,
			string(ContentSAFTInvoice), data))
		seen := map[string]bool{}
		for _, l := range inv.Line {
			if !seen[l.ProductCode] {
				seen[l.ProductCode] = true
				prodVals = append(prodVals, ph(&prodArgs, testNIF, key, i+1, l.ProductCode))
			}
		}
		if len(docVals) == rows {
			flush()
		}
	}
	flush()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if bk.Engine() == Postgres {
		mustExec(b, bk, `ANALYZE`)
	}
}

func mustExec(b *testing.B, bk *Book, q string) {
	if _, err := bk.db.Exec(q); err != nil {
		b.Fatal(err)
	}
}

// Export of a month of -book.exportdocs invoices from each engine: MB/s of
// SAF-T written, and the peak heap while writing (in use, and live after a
// collection).
func BenchmarkExport(b *testing.B) {
	for _, e := range engines {
		b.Run(fmt.Sprintf("%s/%d", e.name, *exportDocs), func(b *testing.B) {
			bk := openBook(b, e.where(b))
			start := time.Now()
			loadBook(b, bk, *exportDocs)
			b.Logf("loaded %d documents in %s", *exportDocs, time.Since(start).Round(time.Millisecond))
			runtime.GC()
			var base runtime.MemStats
			runtime.ReadMemStats(&base)
			peak := sampleHeap()
			var written int64
			b.ResetTimer()
			for b.Loop() {
				cw := &countWriter{}
				if err := bk.ExportSAFT(context.Background(), cw, testNIF, safttest.Header(), safttest.TaxTable()); err != nil {
					b.Fatal(err)
				}
				written = cw.n
			}
			b.StopTimer()
			inUse, live := peak()
			b.SetBytes(written)
			b.ReportMetric(float64(inUse)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(live)/(1<<20), "peak-live-MB")
			b.ReportMetric(float64(base.HeapAlloc)/(1<<20), "heap-before-MB")
			b.ReportMetric(float64(written)/(1<<20), "file-MB")
		})
	}
}

// sampleHeap samples the heap until the returned function is called,
// which returns the largest samples of the heap in use (garbage included:
// it swings with the collector's pacing) and of the heap live after a
// collection (what the export holds: flat when the memory is).
func sampleHeap() func() (inUse, live uint64) {
	var maxInUse, maxLive uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			runtime.ReadMemStats(&m)
			maxInUse = max(maxInUse, m.HeapAlloc)
			metrics.Read(s)
			if s[0].Value.Kind() == metrics.KindUint64 {
				maxLive = max(maxLive, s[0].Value.Uint64())
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() (uint64, uint64) { close(stop); wg.Wait(); return maxInUse, maxLive }
}

type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)
