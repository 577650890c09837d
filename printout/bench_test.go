package printout_test

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/series"
)

// bench20 is a 20-line invoice issued: three rates, an exemption,
// discounts, fractional quantities, to a company.
func bench20(b *testing.B) *document.Issued {
	iss, mk, err := newIssuer()
	if err != nil {
		b.Fatal(err)
	}
	d := document.Draft{Type: series.DocumentTypeFT, Date: day(20),
		Customer: document.Customer{TaxID: "503504564", Name: "Cliente, Lda", Address: "Rua A, 1", City: "Lisboa", PostalCode: "1000-001"}}
	cats := []document.Tax{{Category: document.Normal}, {Category: document.Reduced}, {Category: document.Intermediate}, {Exemption: "M07"}}
	for i := range 20 {
		l := document.Line{Product: document.Product{Code: fmt.Sprintf("P%02d", i), Description: fmt.Sprintf("Artigo %d", i)},
			Quantity: dec(fmt.Sprintf("%d.%03d", 1+i%4, i*37%1000)), UnitPrice: dec(fmt.Sprintf("%d.%02d", 3+i*7, i*13%100)),
			Tax: cats[i%len(cats)]}
		if i%3 == 0 {
			l.Discount = dec("7.5")
		}
		d.Lines = append(d.Lines, l)
	}
	out, err := document.Issue(context.Background(), iss, mk(series.DocumentTypeFT)[series.DocumentTypeFT], d)
	if err != nil {
		b.Fatal(err)
	}
	return out
}

func benchSigner(b *testing.B) *certify.Signer {
	s, err := fixedSigner()
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkRender is the rendering of a 20-line invoice alone.
func BenchmarkRender(b *testing.B) {
	d, p := bench20(b), printer(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := p.Document(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderVsSignature measures, in turn under the same load, the
// RSA signature of a document (certify, 1024-bit key) and the rendering of
// a 20-line invoice to PDF, and reports the rendering's cost as a multiple
// of the signature's (render/sign-x; the target is well under 10).
func BenchmarkRenderVsSignature(b *testing.B) {
	d, p, s := bench20(b), printer(b), benchSigner(b)
	doc := certify.Document{Date: day(20), SystemEntry: civil.DateTime{Date: day(20), Hour: 10},
		Number: "FT A/1", GrossTotal: d.GrossTotal}
	var render, sign time.Duration
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		if _, err := s.SignDocument(doc, ""); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := p.Document(io.Discard, d); err != nil {
			b.Fatal(err)
		}
		sign, render = sign+t1.Sub(t0), render+time.Since(t1)
	}
	b.ReportMetric(float64(render.Nanoseconds())/float64(b.N), "render-ns/op")
	b.ReportMetric(float64(sign.Nanoseconds())/float64(b.N), "sign-ns/op")
	b.ReportMetric(render.Seconds()/sign.Seconds(), "render/sign-x")
}
