package nif

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/faturapt/faturapt/violation"
)

// Valid numbers. Check digits were computed independently of this package
// (by hand / a separate script), so the table can catch a wrong algorithm.
var validCases = []struct {
	nif  string
	cat  Category
	note string
}{
	{"999999990", CategoryFinalConsumer, "final consumer; QR spec §4 field B; remainder 0 gives 0"},
	{"123456789", CategoryIndividual, "issuer NIF of the QR spec examples (§5)"},
	{"500000000", CategoryLegalPerson, "issuer NIF of QR spec §5.3 and §5.4; remainder 1 gives 0"},
	{"503504564", CategoryLegalPerson, "public worked example"},
	{"136695973", CategoryIndividual, "public worked example"},
	{"502757191", CategoryLegalPerson, "public worked example"},
	{"234567805", CategoryIndividual, ""},
	{"300000006", CategoryIndividual, "range 3, assigned since 2019"},
	{"451234502", CategoryNonResidentIndividual, ""},
	{"600000001", CategoryPublicEntity, ""},
	{"701234504", CategoryUndividedEstate, ""},
	{"741234505", CategoryUndividedEstate, ""},
	{"751234508", CategoryUndividedEstate, ""},
	{"712345604", CategoryNonResidentLegalPerson, ""},
	{"721234500", CategoryInvestmentFund, "weighted sum 144, remainder 1 gives 0"},
	{"771234503", CategoryOfficiallyAssigned, ""},
	{"781234506", CategoryVATRefund, ""},
	{"791234509", CategoryExceptionalRegime, ""},
	{"812345606", CategorySoleTraderLegacy, ""},
	{"901234508", CategoryCondominium, ""},
	{"911234500", CategoryCondominium, ""},
	{"981234500", CategoryNonResidentNoPE, ""},
	{"991234502", CategoryCivilSociety, ""},
}

func TestValidateValid(t *testing.T) {
	for _, tc := range validCases {
		if err := Validate(tc.nif); err != nil {
			t.Errorf("Validate(%q) = %v, want nil (%s)", tc.nif, err, tc.note)
		}
		if !Valid(tc.nif) {
			t.Errorf("Valid(%q) = false", tc.nif)
		}
		if got := CategoryOf(tc.nif); got != tc.cat {
			t.Errorf("CategoryOf(%q) = %q, want %q", tc.nif, got, tc.cat)
		}
	}
}

func TestValidateInvalid(t *testing.T) {
	cases := []struct {
		in         string
		rule       violation.Code
		detailPart string
	}{
		{"", CodeLength, "got 0 bytes"},
		{"12345678", CodeLength, "got 8 bytes"},
		{"1234567890", CodeLength, "got 10 bytes"},
		{"PT123456789", CodeLength, ""},
		{"123 456 789", CodeLength, ""},
		{"12345678a", CodeNotDigit, "position 9"},
		{"a23456789", CodeNotDigit, "position 1"},
		{"1234-6789", CodeNotDigit, "position 5"},
		{"１23456789"[:9], CodeNotDigit, ""}, // multi-byte digit cut to 9 bytes
		{"12345678\x00", CodeNotDigit, ""},
		// Unassigned ranges, each with a correct mod-11 check digit so that only the prefix rule fails.
		{"012345601", CodePrefix, `"01"`},
		{"401234509", CodePrefix, `"40"`},
		{"461234505", CodePrefix, `"46"`},
		{"731234502", CodePrefix, `"73"`},
		{"761234500", CodePrefix, `"76"`},
		{"921234503", CodePrefix, `"92"`},
		{"971234507", CodePrefix, `"97"`},
		// Wrong check digits.
		{"123456780", CodeCheckDigit, "expected 9"},
		{"999999991", CodeCheckDigit, "expected 0"},
		{"503504565", CodeCheckDigit, "expected 4"},
		{"721234501", CodeCheckDigit, "expected 0"},
		{"215634789", CodeCheckDigit, "expected 0"},
	}
	for _, tc := range cases {
		err := Validate(tc.in)
		if err == nil {
			t.Errorf("Validate(%q) = nil, want %v", tc.in, tc.rule)
			continue
		}
		if !violation.Has(err, tc.rule) {
			t.Errorf("Validate(%q) = %v, want rule %v", tc.in, err, tc.rule)
		}
		var e *violation.Error
		if !errors.As(err, &e) || !e.HasAt("NIF", tc.rule) {
			t.Errorf("Validate(%q): want *violation.Error naming field NIF, got %#v", tc.in, err)
		}
		if !strings.Contains(err.Error(), tc.detailPart) || !strings.HasPrefix(err.Error(), "nif: ") {
			t.Errorf("Validate(%q) message %q, want it to contain %q", tc.in, err, tc.detailPart)
		}
		if Valid(tc.in) {
			t.Errorf("Valid(%q) = true", tc.in)
		}
	}
}

// Every single-digit change of the check digit of a valid number is caught:
// mod 11 has exactly one valid last digit.
func TestCheckDigitUnique(t *testing.T) {
	for _, tc := range validCases {
		for d := byte('0'); d <= '9'; d++ {
			s := tc.nif[:8] + string(d)
			if got, want := Valid(s), d == tc.nif[8]; got != want {
				t.Errorf("Valid(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

func TestCheckDigit(t *testing.T) {
	for _, tc := range validCases {
		got, err := CheckDigit(tc.nif[:8])
		if err != nil || got != tc.nif[8] {
			t.Errorf("CheckDigit(%q) = %q, %v; want %q", tc.nif[:8], got, err, tc.nif[8])
		}
	}
	if _, err := CheckDigit("1234567"); !violation.Has(err, CodeLength) {
		t.Errorf("CheckDigit(7 digits) error = %v, want CodeLength", err)
	}
	if _, err := CheckDigit("1234567x"); !violation.Has(err, CodeNotDigit) {
		t.Errorf("CheckDigit(non-digit) error = %v, want CodeNotDigit", err)
	}
}

func TestCategories(t *testing.T) {
	all := Category("").Values()
	if len(all) != len(categoryInfo) {
		t.Fatalf("Values() has %d values, categoryInfo %d", len(all), len(categoryInfo))
	}
	seen := map[Category]bool{}
	for _, c := range all {
		if !c.Valid() || c.Description() == "" || c.DescriptionEN() == "" {
			t.Errorf("category %q: Valid=%v PT=%q EN=%q", c, c.Valid(), c.Description(), c.DescriptionEN())
		}
		if seen[c] {
			t.Errorf("duplicate category %q", c)
		}
		seen[c] = true
	}
	if Category("x").Valid() || Category("").Valid() || Category("x").Description() != "" {
		t.Error("unknown category reported as valid")
	}
	// Every leading two digits maps to a category exactly for the documented ranges.
	assigned := map[string]bool{"45": true, "70": true, "71": true, "72": true, "74": true, "75": true,
		"77": true, "78": true, "79": true, "90": true, "91": true, "98": true, "99": true}
	for i := 0; i < 100; i++ {
		p := string([]byte{byte('0' + i/10), byte('0' + i%10)})
		want := assigned[p] || strings.ContainsRune("12356", rune(p[0])) || p[0] == '8'
		if got := CategoryOf(p+"0000000") != ""; got != want {
			t.Errorf("prefix %s assigned = %v, want %v", p, got, want)
		}
	}
	if CategoryOf("") != "" || CategoryOf("5") != "" {
		t.Error("CategoryOf of a too-short string must be empty")
	}
}

func FuzzValidate(f *testing.F) {
	for _, tc := range validCases {
		f.Add(tc.nif)
	}
	for _, s := range []string{"", "0", "12345678a", "PT999999990", "401234509", "999999991", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := Validate(s)
		if err2 := Validate(s); (err == nil) != (err2 == nil) {
			t.Fatalf("Validate(%q) not stable: %v then %v", s, err, err2)
		}
		if err != nil {
			var e *violation.Error
			if !errors.As(err, &e) || len(e.Violations) == 0 || !Codes.Valid(e.Violations[0].Code) {
				t.Fatalf("Validate(%q) = %v: not a *violation.Error with a code", s, err)
			}
			return
		}
		// Valid: nine digits, an assigned prefix, and the only valid last digit.
		if len(s) != 9 || CategoryOf(s) == "" {
			t.Fatalf("Validate(%q) = nil but length %d, category %q", s, len(s), CategoryOf(s))
		}
		cd, err := CheckDigit(s[:8])
		if err != nil || cd != s[8] {
			t.Fatalf("Validate(%q) = nil but CheckDigit = %q, %v", s, cd, err)
		}
		other := s[:8] + string('0'+(s[8]-'0'+1)%10)
		if Valid(other) {
			t.Fatalf("both %q and %q valid", s, other)
		}
	})
}

func BenchmarkValidate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := Validate("503504564"); err != nil {
			b.Fatal(err)
		}
	}
}

// Every rule that fails is reported.
func TestValidateEveryRule(t *testing.T) {
	cases := []struct {
		in   string
		want []violation.Code
	}{
		{"PT123456789", []violation.Code{CodeLength, CodeNotDigit}},
		{"401234500", []violation.Code{CodePrefix, CodeCheckDigit}},
		{"40123", []violation.Code{CodeLength, CodePrefix}},
		{"12345678", []violation.Code{CodeLength}},
	}
	for _, tc := range cases {
		got := violation.Codes(Validate(tc.in))
		if !slices.Equal(got, tc.want) {
			t.Errorf("Validate(%q) codes %v, want %v", tc.in, got, tc.want)
		}
	}
}
