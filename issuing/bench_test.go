package issuing

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/series"
)

// Issue in one series against a bare RSA-SHA1 signature of a message of
// the same size: what numbering, ATCUD, chain checks and recording add.
func BenchmarkIssue(b *testing.B) {
	iss := newIssuer(b, NewMemoryStore())
	s := activeSeries(b, "A", series.DocumentTypeFT, 1)
	d := draft("123.45")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := iss.Issue(context.Background(), s, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBareSignature(b *testing.B) {
	certifytest.Signer(b)
	pemKey, err := certifytest.Key(b).MarshalPEM()
	if err != nil {
		b.Fatal(err)
	}
	block, _ := pem.Decode(pemKey)
	raw, err := parseRSA(block.Bytes)
	if err != nil {
		b.Fatal(err)
	}
	msg := []byte("2026-12-01;2026-12-01T09:00:01;FT A/12345;123.45;" + string(make([]byte, 172)))
	b.ReportAllocs()
	for b.Loop() {
		h := sha1.Sum(msg)
		if _, err := rsa.SignPKCS1v15(nil, raw, crypto.SHA1, h[:]); err != nil {
			b.Fatal(err)
		}
	}
}

// Documents of different series issued from all cores at once: series do
// not wait for each other, so this scales with GOMAXPROCS.
func BenchmarkIssueManySeries(b *testing.B) {
	iss := newIssuer(b, NewMemoryStore())
	var next atomic.Int64
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		s := activeSeries(b, fmt.Sprintf("S%d", next.Add(1)), series.DocumentTypeFT, 1)
		d := draft("10.00")
		for pb.Next() {
			if _, err := iss.Issue(context.Background(), s, d); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

func parseRSA(der []byte) (*rsa.PrivateKey, error) {
	if k, err := x509.ParsePKCS1PrivateKey(der); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return nil, err
	}
	return k.(*rsa.PrivateKey), nil
}
