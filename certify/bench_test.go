package certify

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/shopspring/decimal"
)

func benchDocument(b *testing.B) (Document, string) {
	doc := Document{
		Date:        civil.Date{Year: 2024, Month: time.March, Day: 15},
		SystemEntry: civil.DateTime{Date: civil.Date{Year: 2024, Month: 3, Day: 15}, Hour: 10, Minute: 11, Second: 12},
		Number:      "FT 2024A/123456",
		GrossTotal:  decimal.RequireFromString("1234.56"),
	}
	return doc, despacho7Hash1
}

// BenchmarkSignDocument is our whole signing path: validation, message,
// SHA-1, RSA, base64. Compare with BenchmarkSignBareRSA.
func BenchmarkSignDocument(b *testing.B) {
	s := testSigner(b)
	doc, prev := benchDocument(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.SignDocument(doc, prev); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignBareRSA is rsa.SignPKCS1v15 over SHA-1 of the same,
// already built message.
func BenchmarkSignBareRSA(b *testing.B) {
	key := testKey(b).key() // precomputed, as the Signer's
	doc, prev := benchDocument(b)
	msg := []byte(doc.Message(prev))
	b.ReportAllocs()
	for b.Loop() {
		h := sha1.Sum(msg)
		if _, err := rsa.SignPKCS1v15(nil, key, crypto.SHA1, h[:]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChainSign signs into a chain (order checks included).
func BenchmarkChainSign(b *testing.B) {
	s := testSigner(b)
	doc, _ := benchDocument(b)
	start := Chain{Series: "FT 2024A", LastNumber: 123455, LastHash: despacho7Hash1, LastDate: doc.Date, LastSystemEntry: doc.SystemEntry}
	b.ReportAllocs()
	for b.Loop() {
		c := start
		if _, err := c.Sign(s, doc); err != nil {
			b.Fatal(err)
		}
	}
}

var (
	bigChainOnce sync.Once
	bigChain     []Record
)

// chain100k returns 100,000 documents of one series signed with the test
// key. Signing them takes minutes (each signature needs the one before, so
// it cannot be spread over cores); the hashes are cached in the temporary
// directory, and the cache is used only if its last signature verifies.
func chain100k(b *testing.B) []Record {
	bigChainOnce.Do(func() {
		const n = 100_000
		s := testSigner(b)
		cache := filepath.Join(os.TempDir(), "faturapt-certify-bench-chain100k-v1.txt")
		if data, err := os.ReadFile(cache); err == nil {
			if hashes := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n"); len(hashes) == n {
				recs := make([]Record, n)
				for i := range recs {
					recs[i] = Record{Document: seriesDocument(i), Hash: hashes[i]}
				}
				v := testVerifier(b, s)
				if v.VerifyDocument(recs[n-1].Document, recs[n-2].Hash, recs[n-1].Hash) == nil {
					bigChain = recs
					return
				}
			}
		}
		b.Logf("signing %d documents once (cached in %s)", n, cache)
		bigChain = signedSeries(b, s, n)
		var sb strings.Builder
		for _, r := range bigChain {
			sb.WriteString(r.Hash)
			sb.WriteByte('\n')
		}
		if err := os.WriteFile(cache, []byte(sb.String()), 0o644); err != nil {
			b.Logf("cache not written: %v", err)
		}
	})
	return bigChain
}

func BenchmarkVerifyChain100k(b *testing.B) {
	recs := chain100k(b)
	s := testSigner(b)
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			v := testVerifier(b, s, WithWorkers(workers))
			b.ReportAllocs()
			for b.Loop() {
				if err := v.VerifyChain(Chain{}, recs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(recs)), "ns/doc")
		})
	}
}

func BenchmarkMessage(b *testing.B) {
	doc, prev := benchDocument(b)
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for b.Loop() {
		buf = doc.appendMessage(buf[:0], prev)
	}
}

// BenchmarkSignOverhead alternates our signing path and the bare
// rsa.SignPKCS1v15 in the same loop, so that load from other processes hits
// both alike, and reports our overhead in percent.
func BenchmarkSignOverhead(b *testing.B) {
	s := testSigner(b)
	key := testKey(b).key()
	doc, prev := benchDocument(b)
	msg := []byte(doc.Message(prev))
	var ours, bare time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := s.SignDocument(doc, prev); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		h := sha1.Sum(msg)
		if _, err := rsa.SignPKCS1v15(nil, key, crypto.SHA1, h[:]); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		ours += t1.Sub(t0)
		bare += t2.Sub(t1)
	}
	b.ReportMetric(float64(ours.Nanoseconds())/float64(b.N), "ours-ns/sign")
	b.ReportMetric(float64(bare.Nanoseconds())/float64(b.N), "bare-ns/sign")
	b.ReportMetric(100*(float64(ours)/float64(bare)-1), "overhead-%")
}

// BenchmarkVerifyChain100kSpeedup alternates one worker and GOMAXPROCS
// workers over the same 100,000 documents and reports the speed-up.
func BenchmarkVerifyChain100kSpeedup(b *testing.B) {
	recs := chain100k(b)
	s := testSigner(b)
	one := testVerifier(b, s, WithWorkers(1))
	all := testVerifier(b, s, WithWorkers(runtime.GOMAXPROCS(0)))
	var d1, dn time.Duration
	for b.Loop() {
		t0 := time.Now()
		if err := one.VerifyChain(Chain{}, recs); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := all.VerifyChain(Chain{}, recs); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		d1 += t1.Sub(t0)
		dn += t2.Sub(t1)
	}
	b.ReportMetric(float64(d1.Nanoseconds())/float64(b.N*len(recs)), "1worker-ns/doc")
	b.ReportMetric(float64(dn.Nanoseconds())/float64(b.N*len(recs)), "Nworkers-ns/doc")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "workers")
	b.ReportMetric(float64(d1)/float64(dn), "speedup")
	// Reference: the speed-up of a pure arithmetic loop on the same
	// machine right after, which on an idle machine is GOMAXPROCS. When
	// other processes compete for the cores it falls too, and the
	// verification figure above must be read against it.
	b.ReportMetric(spinSpeedup(), "spin-speedup")
}

var spinSink atomic.Uint64

// spinSpeedup times the same arithmetic work on one goroutine and split
// over GOMAXPROCS goroutines.
func spinSpeedup() float64 {
	const work = 200_000_000
	spin := func(n int) {
		x := uint64(n)
		for range n {
			x = x*6364136223846793005 + 1442695040888963407
		}
		spinSink.Add(x)
	}
	t0 := time.Now()
	spin(work)
	d1 := time.Since(t0)
	procs := runtime.GOMAXPROCS(0)
	t0 = time.Now()
	var wg sync.WaitGroup
	for range procs {
		wg.Go(func() { spin(work / procs) })
	}
	wg.Wait()
	return float64(d1) / float64(time.Since(t0))
}
