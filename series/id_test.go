package series

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/faturapt/faturapt/violation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidateID(t *testing.T) {
	tests := []struct {
		id    string
		codes []violation.Code // expected violation codes, none when valid
	}{
		{id: "AB"}, // series manual §1.3.2 example
		{id: "Ab"},
		{id: "ab"},
		{id: "A"},
		{id: "AB2019"},  // QR spec example FT AB2019/0035
		{id: "G2019CB"}, // QR spec example PF G2019CB/145789
		{id: "2024.A_b-1"},
		{id: strings.Repeat("A", 35)},
		{id: "", codes: []violation.Code{CodeRequired}},
		{id: strings.Repeat("A", 36), codes: []violation.Code{CodeTooLong}},
		{id: "A B", codes: []violation.Code{CodeCharset}},
		{id: "A/B", codes: []violation.Code{CodeCharset}},
		{id: "AÇ", codes: []violation.Code{CodeCharset}}, // no Ç
		{id: "Aé", codes: []violation.Code{CodeCharset}}, // no accents
		{id: "A^B", codes: []violation.Code{CodeCharset}},
		{id: "-A", codes: []violation.Code{CodeSeparatorEdge}},
		{id: "A.", codes: []violation.Code{CodeSeparatorEdge}},
		{id: "_", codes: []violation.Code{CodeSeparatorEdge}},
		{id: "A..B", codes: []violation.Code{CodeSeparatorRepeat}},
		{id: "A-_B", codes: []violation.Code{CodeSeparatorRepeat}},
		{id: "A._-B", codes: []violation.Code{CodeSeparatorRepeat}},
		// Every violation at once.
		{id: "-A B--" + strings.Repeat("x", 35), codes: []violation.Code{CodeTooLong, CodeCharset, CodeSeparatorEdge, CodeSeparatorRepeat}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			err := ValidateID(tt.id)
			if len(tt.codes) == 0 {
				require.NoError(t, err)
				return
			}
			var ve *violation.Error
			require.ErrorAs(t, err, &ve)
			require.ErrorIs(t, err, ErrInvalid)
			var got []violation.Code
			for _, v := range ve.Violations {
				assert.Equal(t, "ID", v.Path)
				assert.Contains(t, v.Message, "§1.3.2")
				got = append(got, v.Code)
			}
			assert.Equal(t, tt.codes, got)
		})
	}
}

// Series manual §1.3.2: with "AB" communicated for a document type, "AB",
// "Ab", "aB" and "ab" are all taken for that type and all refer to it.
func TestKeyCaseInsensitive(t *testing.T) {
	for _, v := range []string{"AB", "Ab", "aB", "ab"} {
		assert.Equal(t, Key(DocumentTypeFT, "AB"), Key(DocumentTypeFT, v), v)
		assert.True(t, SameID("AB", v), v)
	}
	assert.NotEqual(t, Key(DocumentTypeFT, "AB"), Key(DocumentTypeFS, "AB"), "uniqueness is per document type")
	assert.NotEqual(t, Key(DocumentTypeFT, "AB"), Key(DocumentTypeFT, "A.B"))
	assert.False(t, SameID("AB", "A-B"))
}

// The identifier rules as one regular expression, the reference for fuzzing.
var idReference = regexp.MustCompile(`^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$`)

// The SAF-T (PT) XSD pattern of InvoiceNo, DocumentNumber and PaymentRefNo.
var saftDocumentNumber = regexp.MustCompile(`^[^ ]+ [^/^ ]+/[0-9]+$`)

func FuzzValidateID(f *testing.F) {
	for _, s := range []string{"AB", "ab", "A.B", "A..B", "-A", "A-", strings.Repeat("a", 35), strings.Repeat("a", 36), "A B", "AÇ", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		err := ValidateID(id)
		want := len(id) <= MaxIDLength && idReference.MatchString(id)
		if !want {
			var ve *violation.Error
			require.True(t, errors.As(err, &ve), "%q must be refused", id)
			require.NotEmpty(t, ve.Violations)
			return
		}
		require.NoError(t, err, "%q must be accepted", id)
		require.Equal(t, Key(DocumentTypeFT, id), Key(DocumentTypeFT, strings.ToLower(id)))
		// A valid identifier keeps the SAF-T document number possible.
		dn, err := DocumentNumber(DocumentTypeFT, id, NumberOf(1))
		require.NoError(t, err)
		require.Regexp(t, saftDocumentNumber, dn)
	})
}
