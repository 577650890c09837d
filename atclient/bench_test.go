package atclient

import (
	"testing"
	"time"

	"github.com/faturapt/faturapt/series"
)

// The WS-Security header with AT's real key (RSA 4096): one per request.
func BenchmarkUsernameToken(b *testing.B) {
	key := DefaultATKey().PublicKey()
	now := time.Now()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newUsernameToken(key, "599999993/37", []byte("password"), now); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeSeriesAnswer(b *testing.B) {
	data := []byte(answerRegistered)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := decodeSeriesAnswer(OpRegisterSeries, 200, data, series.Code2001); err != nil {
			b.Fatal(err)
		}
	}
}

// A query round trip against the simulator: TLS (kept alive), header,
// server-side decryption, answer parsing.
func BenchmarkQueryRoundTrip(b *testing.B) {
	e := newSim(b, nil)
	s, err := e.client.RegisterSeries(b.Context(), e.newSeries(b, "BENCH", series.DocumentTypeFT, 1))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		list, err := e.client.QuerySeries(b.Context(), SeriesQuery{ValidationCode: s.ValidationCode})
		if err != nil || len(list) != 1 {
			b.Fatal(err, list)
		}
	}
}
