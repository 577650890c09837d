package qrcode

import "testing"

func BenchmarkBuild(b *testing.B) {
	doc := specExamples()[0].doc // 452 characters, all fields
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	msg := specExamples()[0].want
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(msg); err != nil {
			b.Fatal(err)
		}
	}
}
