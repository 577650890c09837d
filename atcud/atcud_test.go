package atcud

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/faturapt/faturapt/violation"
)

func TestNewManualExamples(t *testing.T) {
	cases := []struct {
		code, doc, want, source string
	}{
		// QR-code specification §4 field G/H and example §5.1.
		{"CSDF7T5H", "FT AB2019/0035", "CSDF7T5H-0035", "QR spec §4, §5.1"},
		// QR-code specification §5.2 (simplified invoice).
		{"CDF7T5HD", "FS CDVF/12345", "CDF7T5HD-12345", "QR spec §5.2"},
		// QR-code specification §5.3 (pro-forma) and §5.4 (transport document).
		{"HB6FT7RV", "PF G2019CB/145789", "HB6FT7RV-145789", "QR spec §5.3"},
		{"GTVX4Y8B", "GT G234CB/50987", "GTVX4Y8B-50987", "QR spec §5.4"},
		// A 10-character code, as AT has answered.
		{"AB12CD34EF", "FT A/1", "AB12CD34EF-1", "10-character code"},
		{"abcdefgh", "NC 2024.x-1_A/000", "", "number 000 is zero"},
		{"CSDF7T5H", "FR A/0000000000000000000000001", "CSDF7T5H-0000000000000000000000001", "leading zeros kept"},
	}
	for _, tc := range cases {
		got, err := New(tc.code, tc.doc)
		if tc.want == "" {
			if !violation.Has(err, CodeNumberZero) {
				t.Errorf("New(%q, %q) error = %v, want CodeNumberZero", tc.code, tc.doc, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("New(%q, %q): %v (%s)", tc.code, tc.doc, err, tc.source)
			continue
		}
		if got.String() != tc.want || got.Label() != "ATCUD:"+tc.want {
			t.Errorf("New(%q, %q) = %q / %q, want %q (%s)", tc.code, tc.doc, got, got.Label(), tc.want, tc.source)
		}
		if got.ValidationCode() != tc.code || got.Number() != tc.want[len(tc.code)+1:] {
			t.Errorf("New(%q, %q): code %q number %q", tc.code, tc.doc, got.ValidationCode(), got.Number())
		}
		if got.IsLegacy() || got.IsZero() {
			t.Errorf("New(%q, %q): IsLegacy %v IsZero %v", tc.code, tc.doc, got.IsLegacy(), got.IsZero())
		}
	}
}

func TestNewErrors(t *testing.T) {
	long := strings.Repeat("A", 60)
	cases := []struct {
		code, doc string
		field     string
		rule      violation.Code
	}{
		{"", "FT A/1", "validationCode", CodeValidationCodeTooShort},
		{"CSDF7T5", "FT A/1", "validationCode", CodeValidationCodeTooShort},
		{"CSDF-7T5H", "FT A/1", "validationCode", CodeValidationCodeCharset},
		{"CSDF7T5H ", "FT A/1", "validationCode", CodeValidationCodeCharset},
		{"CSDFÇT5H", "FT A/1", "validationCode", CodeValidationCodeCharset},
		{"CSDF7T5H", "", "documentNumber", CodeDocumentNumber},
		{"CSDF7T5H", "0035", "documentNumber", CodeDocumentNumber},
		{"CSDF7T5H", "FTAB2019/0035", "documentNumber", CodeDocumentNumber},
		{"CSDF7T5H", " AB2019/0035", "documentNumber", CodeDocumentNumber},
		{"CSDF7T5H", "FT AB2019", "documentNumber", CodeDocumentNumber},
		{"CSDF7T5H", "FT /0035", "documentNumber", CodeDocumentNumber},
		{"CSDF7T5H", "FT A B/0035", "documentNumber", CodeDocumentNumber},
		{"CSDF7T5H", "FT A^B/0035", "documentNumber", CodeDocumentNumber},
		{"CSDF7T5H", "FT AB2019/", "documentNumber", CodeNumberDigits},
		{"CSDF7T5H", "FT AB2019/00x5", "documentNumber", CodeNumberDigits},
		{"CSDF7T5H", "FT AB2019/35 ", "documentNumber", CodeNumberDigits},
		{"CSDF7T5H", "FT A/B/35", "documentNumber", CodeNumberDigits},
		{"CSDF7T5H", "FT AB2019/0", "documentNumber", CodeNumberZero},
		{"CSDF7T5H", "FT A/" + strings.Repeat("9", 26), "documentNumber", CodeNumberTooLong},
		{long, "FT A/" + strings.Repeat("1", 10), "number", CodeTooLong},
	}
	for _, tc := range cases {
		a, err := New(tc.code, tc.doc)
		var e *violation.Error
		if !errors.As(err, &e) || !e.HasAt(tc.field, tc.rule) {
			t.Errorf("New(%q, %q) = %q, %v; want field %s rule %v", tc.code, tc.doc, a, err, tc.field, tc.rule)
			continue
		}
		if !a.IsZero() {
			t.Errorf("New(%q, %q) returned non-zero %q with an error", tc.code, tc.doc, a)
		}
		if !strings.HasPrefix(err.Error(), "atcud: invalid: "+tc.field+": ") {
			t.Errorf("error %q does not start with the field", err)
		}
	}
	// 25 significant digits is the maximum; 60+1+10 = 71 > 70 fails, 59+1+10 = 70 passes.
	if _, err := New("CSDF7T5H", "FT A/"+strings.Repeat("9", 25)); err != nil {
		t.Errorf("25-digit number: %v", err)
	}
	if a, err := New(long[:59], "FT A/"+strings.Repeat("1", 10)); err != nil || len(a.String()) != MaxLength {
		t.Errorf("70-character ATCUD: %q, %v", a, err)
	}
}

func TestFromSequence(t *testing.T) {
	cases := []struct {
		code string
		n    uint64
		want string
		rule violation.Code
	}{
		{"CSDF7T5H", 35, "CSDF7T5H-35", ""},
		{"HB6FT7RV", 145789, "HB6FT7RV-145789", ""}, // QR spec §5.3
		{"GTVX4Y8B", 50987, "GTVX4Y8B-50987", ""},   // QR spec §5.4
		{"CSDF7T5H", 1, "CSDF7T5H-1", ""},
		{"CSDF7T5H", 18446744073709551615, "CSDF7T5H-18446744073709551615", ""},
		{"CSDF7T5H", 0, "", CodeNumberZero},
		{"SHORT", 1, "", CodeValidationCodeTooShort},
		{"CSDF_7T5H", 1, "", CodeValidationCodeCharset},
	}
	for _, tc := range cases {
		got, err := FromSequence(tc.code, tc.n)
		if tc.rule != "" {
			if !violation.Has(err, tc.rule) {
				t.Errorf("FromSequence(%q, %d) error = %v, want %v", tc.code, tc.n, err, tc.rule)
			}
			continue
		}
		if err != nil || got.String() != tc.want {
			t.Errorf("FromSequence(%q, %d) = %q, %v; want %q", tc.code, tc.n, got, err, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	cases := []struct {
		in, want string
		rule     violation.Code
	}{
		{"CSDF7T5H-0035", "CSDF7T5H-0035", ""},
		{"ATCUD:CSDF7T5H-0035", "CSDF7T5H-0035", ""},
		{"CDF7T5HD-12345", "CDF7T5HD-12345", ""},
		{"AB12CD34EF-7", "AB12CD34EF-7", ""},
		{"0", "0", ""},
		{"ATCUD:0", "0", ""},
		{"", "", CodeSyntax},
		{"ATCUD:", "", CodeSyntax},
		{"CSDF7T5H", "", CodeSyntax},
		{"CSDF7T5H0035", "", CodeSyntax},
		{"00", "", CodeSyntax},
		{"atcud:CSDF7T5H-0035", "", CodeValidationCodeCharset},
		{"ATCUD: CSDF7T5H-0035", "", CodeValidationCodeCharset},
		{" CSDF7T5H-0035", "", CodeValidationCodeCharset},
		{"ATCUD:ATCUD:CSDF7T5H-1", "", CodeValidationCodeCharset},
		{"CSDF7T5-0035", "", CodeValidationCodeTooShort},
		{"-0035", "", CodeValidationCodeTooShort},
		{"CSDF7T5H-", "", CodeNumberDigits},
		{"CSDF7T5H-0035 ", "", CodeNumberDigits},
		{"CSDF7T5H-00-35", "", CodeNumberDigits},
		{"CSDF7T5H-+35", "", CodeNumberDigits},
		{"CSDF7T5H-0000", "", CodeNumberZero},
		{"CSDF7T5H-" + strings.Repeat("1", 26), "", CodeNumberTooLong},
		{strings.Repeat("A", 60) + "-" + strings.Repeat("1", 10), "", CodeTooLong},
	}
	for _, tc := range cases {
		got, err := Parse(tc.in)
		if tc.rule != "" {
			var e *violation.Error
			if !errors.As(err, &e) || !e.Has(tc.rule) {
				t.Errorf("Parse(%q) = %q, %v; want %v", tc.in, got, err, tc.rule)
			}
			continue
		}
		if err != nil || got.String() != tc.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	if a, _ := Parse("ATCUD:0"); a != Legacy || !a.IsLegacy() || a.Label() != "ATCUD:0" || a.ValidationCode() != "" || a.Number() != "" {
		t.Errorf("Parse(ATCUD:0) = %#v, want Legacy", a)
	}
	// New and Parse agree.
	a, _ := New("CSDF7T5H", "FT AB2019/0035")
	b, _ := Parse("ATCUD:CSDF7T5H-0035")
	if a != b {
		t.Errorf("New and Parse differ: %#v vs %#v", a, b)
	}
}

func TestZeroValue(t *testing.T) {
	var z ATCUD
	if !z.IsZero() || z.IsLegacy() || z.String() != "" || z.Label() != "" {
		t.Errorf("zero value: IsZero %v IsLegacy %v String %q Label %q", z.IsZero(), z.IsLegacy(), z, z.Label())
	}
	if Legacy.IsZero() || Legacy.String() != "0" {
		t.Errorf("Legacy: IsZero %v String %q", Legacy.IsZero(), Legacy)
	}
	if _, err := z.MarshalText(); !violation.Has(err, CodeEmpty) {
		t.Errorf("zero MarshalText error = %v, want CodeEmpty", err)
	}
	if _, err := json.Marshal(struct{ A ATCUD }{}); err == nil {
		t.Error("json.Marshal of a zero ATCUD succeeded")
	}
}

func TestText(t *testing.T) {
	a, _ := New("CSDF7T5H", "FT AB2019/0035")
	data, err := json.Marshal(struct{ A, L ATCUD }{a, Legacy})
	if err != nil || string(data) != `{"A":"CSDF7T5H-0035","L":"0"}` {
		t.Fatalf("json.Marshal = %s, %v", data, err)
	}
	var back struct{ A, L ATCUD }
	if err := json.Unmarshal(data, &back); err != nil || back.A != a || back.L != Legacy {
		t.Fatalf("json.Unmarshal = %#v, %v", back, err)
	}
	var bad ATCUD
	if err := bad.UnmarshalText([]byte("CSDF7T5H")); !violation.Has(err, CodeSyntax) || !bad.IsZero() {
		t.Errorf("UnmarshalText(bad) = %v, value %#v", err, bad)
	}
}

func TestErrorMessageClipped(t *testing.T) {
	_, err := Parse(strings.Repeat("x", 10000))
	if err == nil || len(err.Error()) > 200 {
		t.Errorf("error for a huge input is %d bytes", len(err.Error()))
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"CSDF7T5H-0035", "ATCUD:CSDF7T5H-0035", "0", "ATCUD:0", "", "ATCUD:", "-", "CSDF7T5H-0",
		"AB12CD34EF-18446744073709551616", "CSDF7T5H-00-35", "ATCUD:ATCUD:0", "\xff-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse(s)
		if err != nil {
			var e *violation.Error
			if !errors.As(err, &e) || len(e.Violations) == 0 || e.Violations[0].Path == "" || !Codes.Valid(e.Violations[0].Code) {
				t.Fatalf("Parse(%q) error %v is not a *violation.Error with path and code", s, err)
			}
			if !a.IsZero() {
				t.Fatalf("Parse(%q) returned %#v with an error", s, a)
			}
			return
		}
		str := a.String()
		if str != strings.TrimPrefix(s, LabelPrefix) || a.Label() != LabelPrefix+str || len(str) > MaxLength {
			t.Fatalf("Parse(%q) = %q / %q: not the input", s, str, a.Label())
		}
		for _, form := range []string{str, a.Label()} {
			b, err := Parse(form)
			if err != nil || b != a {
				t.Fatalf("Parse(%q) = %#v, %v; want %#v", form, b, err, a)
			}
		}
		if !a.IsLegacy() {
			if ValidateCode(a.ValidationCode()) != nil {
				t.Fatalf("Parse(%q) accepted code %q", s, a.ValidationCode())
			}
			b, err := New(a.ValidationCode(), "FT A/"+a.Number())
			if err != nil || b != a {
				t.Fatalf("New(%q, FT A/%s) = %#v, %v; want %#v", a.ValidationCode(), a.Number(), b, err, a)
			}
		}
	})
}

func FuzzNew(f *testing.F) {
	f.Add("CSDF7T5H", "FT AB2019/0035")
	f.Add("CDF7T5HD", "FS CDVF/12345")
	f.Add("", "")
	f.Add("AB12CD34EF", "FT A/B/1")
	f.Fuzz(func(t *testing.T, code, doc string) {
		a, err := New(code, doc)
		if err != nil {
			var e *violation.Error
			if !errors.As(err, &e) || !a.IsZero() {
				t.Fatalf("New(%q, %q) = %#v, %v", code, doc, a, err)
			}
			return
		}
		if a.ValidationCode() != code || !strings.HasSuffix(doc, "/"+a.Number()) {
			t.Fatalf("New(%q, %q) = %q", code, doc, a)
		}
		b, err := Parse(a.Label())
		if err != nil || b != a {
			t.Fatalf("Parse(%q) = %#v, %v; want %#v", a.Label(), b, err, a)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("ATCUD:CSDF7T5H-0035"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewString(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		a, err := New("CSDF7T5H", "FT AB2019/0035")
		if err != nil || a.String() == "" {
			b.Fatal(err)
		}
	}
}

// Every broken rule of the input is reported, not only the first.
func TestEveryViolation(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want []violation.Code
	}{
		{"New", func() error { _, err := New("AB-", "FT A/0"); return err }(),
			[]violation.Code{CodeValidationCodeCharset, CodeValidationCodeTooShort, CodeNumberZero}},
		{"FromSequence", func() error { _, err := FromSequence("", 0); return err }(),
			[]violation.Code{CodeValidationCodeTooShort, CodeNumberZero}},
		{"Parse", func() error { _, err := Parse("ATCUD:AB_-x"); return err }(),
			[]violation.Code{CodeValidationCodeCharset, CodeValidationCodeTooShort, CodeNumberDigits}},
	}
	for _, tc := range cases {
		got := violation.Codes(tc.err)
		if !errors.Is(tc.err, ErrInvalid) || len(got) != len(tc.want) {
			t.Errorf("%s: codes %v, want %v (%v)", tc.name, got, tc.want, tc.err)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: codes %v, want %v", tc.name, got, tc.want)
			}
		}
	}
}
