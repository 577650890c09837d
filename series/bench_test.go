package series

import "testing"

func BenchmarkParseDocumentNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseDocumentNumber("FT AB2019/0035"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDocumentNumber(b *testing.B) {
	b.ReportAllocs()
	n := MustNumber("1234567890123456789012345")
	for b.Loop() {
		if _, err := DocumentNumber(DocumentTypeFT, "AB2019", n); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := ValidateID("SERIE-2024.A_1"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSeriesValidate(b *testing.B) {
	b.ReportAllocs()
	s := registeredSeries()
	for b.Loop() {
		if err := s.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
