package audit_test

import (
	"bytes"
	stdjson "encoding/json"
	"io"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/saft/audit"
	"github.com/faturapt/faturapt/violation"
)

// peakHeap runs f and returns the largest heap in use seen while it ran,
// above the heap in use before it, sampled every millisecond. The garbage
// collector runs at a fifth of its usual growth, so that the peak follows
// the live heap rather than the garbage the allocation rate leaves.
func peakHeap(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(20))
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base := m.HeapInuse
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		var peak uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-stop:
				done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(stop)
	return max(<-done, base) - base
}

// badElements is a file of 2,000 invoices with perInvoice elements the
// schema does not know in each: perInvoice findings SAFT-READ-UNEXPECTED
// per invoice.
func badElements(t testing.TB, perInvoice int) []byte {
	var b bytes.Buffer
	require.NoError(t, safttest.Write(&b, safttest.Options{Invoices: 2000}))
	return bytes.ReplaceAll(b.Bytes(), []byte("<InvoiceNo>"), append(bytes.Repeat([]byte("<X/>"), perInvoice), "<InvoiceNo>"...))
}

// TestMemoryFlatWithFindings: auditing a file of 1,000,000 findings and
// writing its report, as text or JSON, takes no more memory than a file of
// 2,000 (both above the findings held per code, so both reports hold the
// same number of findings): the findings are counted, not kept.
func TestMemoryFlatWithFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("audits a file of 1,000,000 findings")
	}
	small, heavy := badElements(t, 1), badElements(t, 500)
	measure := func(data []byte, write func(*audit.Report) error) (uint64, *audit.Report) {
		var r *audit.Report
		peak := peakHeap(func() {
			var err error
			r, err = audit.Run(bytes.NewReader(data))
			require.NoError(t, err)
			require.NoError(t, write(r))
		})
		return peak, r
	}
	text := func(r *audit.Report) error { return r.WriteText(io.Discard, "f.xml") }
	json := func(r *audit.Report) error { return r.WriteJSON(io.Discard) }

	smallText, rs := measure(small, text)
	heavyText, rh := measure(heavy, text)
	heavyJSON, _ := measure(heavy, json)
	smallJSON, _ := measure(small, json)
	assert.Equal(t, 2000, rs.Errors)
	assert.Equal(t, 1_000_000, rh.Errors)
	assert.Len(t, rh.Findings, audit.DefaultMaxFindingsPerCode)
	assert.Equal(t, []audit.CodeCount{{Code: "SAFT-READ-UNEXPECTED", Count: 1_000_000, Shown: audit.DefaultMaxFindingsPerCode}}, rh.CodeCounts)

	const mib = 1 << 20
	t.Logf("peak heap: %d bytes (%.1f MB) with 2,000 findings, %d bytes (%.1f MB) with 1,000,000: text %.1f / %.1f MiB, JSON %.1f / %.1f MiB",
		len(small), float64(len(small))/1e6, len(heavy), float64(len(heavy))/1e6,
		float64(smallText)/mib, float64(heavyText)/mib, float64(smallJSON)/mib, float64(heavyJSON)/mib)
	// Flat: at most twice the small file's peak plus a few MiB of
	// sampling noise, where keeping the findings took hundreds of MiB.
	assert.Less(t, heavyText, 2*smallText+8*mib, "text")
	assert.Less(t, heavyJSON, 2*smallJSON+8*mib, "JSON")
}

// The report holds the first findings of each code and counts the rest,
// in text and JSON alike.
func TestMaxFindingsPerCode(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, safttest.Write(&b, safttest.Options{Invoices: 5}))
	data := bytes.ReplaceAll(b.Bytes(), []byte("<InvoiceNo>"), []byte("<X/><Y/><InvoiceNo>"))
	data = bytes.Replace(data, []byte("<NumberOfEntries>5<"), []byte("<NumberOfEntries>6<"), 1)

	for _, c := range []struct {
		max, shown int
	}{{3, 3 + 1}, {0, 0}, {-1, 10 + 1}, {100, 10 + 1}} {
		r, err := audit.Run(bytes.NewReader(data), audit.WithMaxFindingsPerCode(c.max))
		require.NoError(t, err)
		assert.Equal(t, 11, r.Errors, "max %d", c.max)
		assert.Len(t, r.Findings, c.shown, "max %d", c.max)
		assert.Equal(t, 11-c.shown, r.Omitted())
		assert.Equal(t, max(c.max, -1), r.MaxFindingsPerCode)
		want := []audit.CodeCount{
			{Code: audit.CodeTotalsEntries, Count: 1, Shown: min(1, c.shown)},
			{Code: "SAFT-READ-UNEXPECTED", Count: 10, Shown: c.shown - min(1, c.shown)},
		}
		assert.Equal(t, want, r.CodeCounts, "max %d", c.max)
		assert.Equal(t, []violation.Code{audit.CodeTotalsEntries, "SAFT-READ-UNEXPECTED"}, r.Codes())
		if c.max == 3 {
			// The first ones, in the order of the file.
			assert.Equal(t, "FT A/1", r.Findings[1].Record)
			assert.Equal(t, "FT A/2", r.Findings[3].Record)
			var text bytes.Buffer
			require.NoError(t, r.WriteText(&text, "f.xml"))
			assert.Contains(t, text.String(), "Findings (11 errors, 0 warnings; 7 not shown: the first 3 of each code are):")
			assert.Regexp(t, `(?m)^SAFT-READ-UNEXPECTED\s+error\s+10\s+3$`, text.String())
		}
	}
}

// WriteJSON streams the object json.Marshal would build, and it reads back.
func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, safttest.Write(&b, safttest.Options{Invoices: 3, Payments: 1}))
	data := bytes.ReplaceAll(b.Bytes(), []byte("<InvoiceNo>"), []byte("<X/><InvoiceNo>"))
	for _, in := range [][]byte{data, b.Bytes(), []byte("<x/>")} {
		r, err := audit.Run(bytes.NewReader(in))
		require.NoError(t, err)
		var got bytes.Buffer
		require.NoError(t, r.WriteJSON(&got))
		want, err := stdjson.MarshalIndent(r, "", "  ")
		require.NoError(t, err)
		assert.Equal(t, string(want)+"\n", got.String())
		var back audit.Report
		require.NoError(t, stdjson.Unmarshal(got.Bytes(), &back))
		assert.Equal(t, r, &back)
	}
}
