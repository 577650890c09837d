package saft

import (
	"encoding/xml"

	"iter"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
)

// Benchmarks of the writer. Run:
//
//	go test -run '^$' -bench 'BenchmarkWrite|BenchmarkThroughput' -benchmem ./saft/
//	go test -run '^$' -bench 'BenchmarkWriteInvoices/n=1000000' -benchtime 1x -benchmem ./saft/
//	go test -run '^$' -bench 'BenchmarkMemory' -benchtime 1x -benchmem ./saft/

// benchSource generates n invoices of 3 lines, reusing one Invoice (as a
// database cursor would), so the benchmark measures the writer, not the
// generator's allocations. Every sampleEvery invoices it samples the heap
// in use into *maxHeap.
type benchSource struct {
	n           int
	sampleEvery int
	maxHeap     uint64
	liveEvery   int    // every liveEvery invoices: GC, then sample the live heap
	maxLive     uint64 // largest HeapAlloc right after a GC
}

var (
	benchQty      = decimal.RequireFromString("2")
	benchPrice    = decimal.RequireFromString("45.50")
	benchAmount   = decimal.RequireFromString("91.00")
	benchRate     = decimal.RequireFromString("23")
	benchTax      = decimal.RequireFromString("62.79")
	benchNet      = decimal.RequireFromString("273.00")
	benchGross    = decimal.RequireFromString("335.79")
	benchHash     = fxHash("bench")
	benchLineDesc = [3]string{"Alojamento em quarto duplo com vista", "Pequeno-almoço continental", "Serviço de lavandaria — camisas"}
)

func (s *benchSource) sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapInuse > s.maxHeap {
		s.maxHeap = m.HeapInuse
	}
}

func (s *benchSource) invoices() iter.Seq2[*Invoice, error] {
	return func(yield func(*Invoice, error) bool) {
		var inv Invoice
		var lines [3]InvoiceLine
		tax := Tax{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeNormal, TaxPercentage: &benchRate}
		var no []byte
		start := time.Date(2026, time.January, 1, 8, 0, 0, 0, time.UTC)
		step := 27 * 24 * time.Hour / time.Duration(s.n) // dates and times never go back in the series
		for i := 1; i <= s.n; i++ {
			when := civil.DateTimeOf(start.Add(time.Duration(i-1) * step))
			for j := range lines {
				lines[j] = InvoiceLine{LineNumber: j + 1, ProductCode: "P" + strconv.Itoa(j), ProductDescription: benchLineDesc[j],
					Quantity: benchQty, UnitOfMeasure: "UN", UnitPrice: benchPrice, TaxPointDate: when.Date,
					Description: benchLineDesc[j], CreditAmount: &benchAmount, Tax: &tax}
			}
			no = strconv.AppendInt(append(no[:0], "FT A/"...), int64(i), 10)
			inv = Invoice{
				InvoiceNo: string(no), ATCUD: "CSDF7T5H-" + string(no[5:]),
				DocumentStatus: InvoiceDocumentStatus{InvoiceStatus: InvoiceStatusNormal, InvoiceStatusDate: when, SourceID: "rececao", SourceBilling: SourceBillingProduced},
				Hash:           benchHash, HashControl: "1", InvoiceDate: when.Date, InvoiceType: series.DocumentTypeFT,
				SourceID: "rececao", SystemEntryDate: when, CustomerID: "C" + strconv.Itoa(i%1000),
				Line:           lines[:],
				DocumentTotals: InvoiceTotals{TaxPayable: benchTax, NetTotal: benchNet, GrossTotal: benchGross},
			}
			if s.sampleEvery > 0 && i%s.sampleEvery == 0 {
				s.sample()
			}
			if s.liveEvery > 0 && i%s.liveEvery == 0 {
				runtime.GC()
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				s.maxLive = max(s.maxLive, m.HeapAlloc)
			}
			if !yield(&inv, nil) {
				return
			}
		}
	}
}

// benchCustomers yields the 1,000 customers the invoices refer to.
func benchCustomers(yield func(*Customer, error) bool) {
	c := Customer{AccountID: Unknown, CustomerTaxID: "999999990", CompanyName: "Consumidor final",
		BillingAddress: CustomerAddress{AddressDetail: Unknown, City: Unknown, PostalCode: Unknown, Country: Unknown}}
	for i := range 1000 {
		c.CustomerID = "C" + strconv.Itoa(i)
		if !yield(&c, nil) {
			return
		}
	}
}

func benchProducts(yield func(*Product, error) bool) {
	for j := range 3 {
		p := Product{ProductType: ProductTypeServices, ProductCode: "P" + strconv.Itoa(j), ProductDescription: benchLineDesc[j], ProductNumberCode: "P" + strconv.Itoa(j)}
		if !yield(&p, nil) {
			return
		}
	}
}

func benchContent(src *benchSource) Content {
	return Content{
		Header:        MonthlyInvoicingHeader(fxCompany, fxSoftware, 2026, time.January, civil.Date{Year: 2026, Month: time.February, Day: 1}),
		Customers:     benchCustomers,
		Products:      benchProducts,
		TaxTable:      fxTaxTable(),
		SalesInvoices: src.invoices(),
	}
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkWriteInvoices writes a month of n invoices of 3 lines and
// reports the largest heap in use seen while writing (heap-MiB: HeapInuse
// sampled 100 times, garbage included, so it follows the GC's pacing and
// its 4 MiB minimum goal) and the largest live heap (live-KiB: HeapAlloc
// right after a forced GC, sampled 10 times). Neither may grow with n.
func BenchmarkWriteInvoices(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			src := &benchSource{n: n, sampleEvery: max(n/100, 1), liveEvery: max(n/10, 1)}
			var size int64
			runtime.GC()
			for b.Loop() {
				w := &countingWriter{}
				if err := Write(w, benchContent(src), WithoutValidation()); err != nil {
					b.Fatal(err)
				}
				size = w.n
			}
			b.SetBytes(size)
			b.ReportMetric(float64(src.maxHeap)/(1<<20), "heap-MiB")
			b.ReportMetric(float64(src.maxLive)/(1<<10), "live-KiB")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/invoice")
		})
	}
}

// BenchmarkWriteValidated is BenchmarkWriteInvoices with the default
// validation (first pass through the record validator): its key sets
// (document numbers, customers) grow with the file.
func BenchmarkWriteValidated(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			src := &benchSource{n: n, sampleEvery: max(n/100, 1)}
			var size int64
			runtime.GC()
			for b.Loop() {
				w := &countingWriter{}
				if err := Write(w, benchContent(src)); err != nil {
					b.Fatal(err)
				}
				size = w.n
			}
			b.SetBytes(size)
			b.ReportMetric(float64(src.maxHeap)/(1<<20), "heap-MiB")
		})
	}
}

// BenchmarkThroughput compares, on the same 10,000 invoices, our writer
// (Windows-1252, two passes with the control totals) with a plain
// encoding/xml Encoder encoding each Invoice in UTF-8 (one pass, no
// totals, no header). MB/s is of each one's own output.
func BenchmarkThroughput(b *testing.B) {
	const n = 10_000
	b.Run("faturapt", func(b *testing.B) {
		src := &benchSource{n: n}
		var size int64
		for b.Loop() {
			w := &countingWriter{}
			if err := Write(w, benchContent(src), WithoutValidation()); err != nil {
				b.Fatal(err)
			}
			size = w.n
		}
		b.SetBytes(size)
	})
	b.Run("faturapt-compact", func(b *testing.B) {
		src := &benchSource{n: n}
		var size int64
		for b.Loop() {
			w := &countingWriter{}
			if err := Write(w, benchContent(src), WithoutValidation(), WithCompact()); err != nil {
				b.Fatal(err)
			}
			size = w.n
		}
		b.SetBytes(size)
	})
	b.Run("encoding-xml", func(b *testing.B) {
		src := &benchSource{n: n}
		var size int64
		for b.Loop() {
			w := &countingWriter{}
			enc := xml.NewEncoder(w)
			enc.Indent("", "  ")
			for inv, err := range src.invoices() {
				if err != nil {
					b.Fatal(err)
				}
				if err := enc.EncodeElement(inv, xml.StartElement{Name: xml.Name{Local: "Invoice"}}); err != nil {
					b.Fatal(err)
				}
			}
			if err := enc.Flush(); err != nil {
				b.Fatal(err)
			}
			size = w.n
		}
		b.SetBytes(size)
	})
}

// BenchmarkMemory compares, at 100,000 invoices, the usual approach —
// build the whole AuditFile in memory and xml.MarshalIndent it — with our
// streaming writer. heap-MiB is the largest heap in use seen.
func BenchmarkMemory(b *testing.B) {
	const n = 100_000
	b.Run("tree+MarshalIndent", func(b *testing.B) {
		for b.Loop() {
			runtime.GC()
			src := &benchSource{n: n}
			f := &AuditFile{
				Header: MonthlyInvoicingHeader(fxCompany, fxSoftware, 2026, time.January, civil.Date{Year: 2026, Month: time.February, Day: 1}),
				MasterFiles: MasterFiles{Customer: collect(benchCustomers), Product: collect(benchProducts),
					TaxTable: &TaxTable{TaxTableEntry: fxTaxTable()}},
				SourceDocuments: &SourceDocuments{SalesInvoices: &SalesInvoices{}},
			}
			invs := make([]Invoice, 0, n)
			for inv := range src.invoices() {
				c := *inv
				c.Line = append([]InvoiceLine(nil), inv.Line...)
				invs = append(invs, c)
			}
			f.SourceDocuments.SalesInvoices.Invoice = invs
			f.UpdateControlTotals()
			out, err := xml.MarshalIndent(f, "", "  ")
			if err != nil {
				b.Fatal(err)
			}
			src.sample()
			b.ReportMetric(float64(src.maxHeap)/(1<<20), "heap-MiB")
			b.SetBytes(int64(len(out)))
		}
	})
	b.Run("faturapt-stream", func(b *testing.B) {
		for b.Loop() {
			runtime.GC()
			src := &benchSource{n: n, sampleEvery: n / 100}
			w := &countingWriter{}
			if err := Write(w, benchContent(src), WithoutValidation()); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(src.maxHeap)/(1<<20), "heap-MiB")
			b.SetBytes(w.n)
		}
	})
}

func collect[T any](seq func(func(*T, error) bool)) []T {
	var out []T
	for v := range seq {
		out = append(out, *v)
	}
	return out
}
