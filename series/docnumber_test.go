package series

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDocumentNumber(t *testing.T) {
	tests := []struct {
		in      string
		want    DocumentRef
		digits  string
		wantErr string
	}{
		// The examples of the QR code technical specification (fields G and H).
		{in: "FT AB2019/0035", want: DocumentRef{DocumentTypeFT, "AB2019", NumberOf(35), 4}, digits: "0035"},
		{in: "FS CDVF/12345", want: DocumentRef{DocumentTypeFS, "CDVF", NumberOf(12345), 0}, digits: "12345"},
		{in: "PF G2019CB/145789", want: DocumentRef{DocumentTypePF, "G2019CB", NumberOf(145789), 0}, digits: "145789"},
		{in: "GT G234CB/50987", want: DocumentRef{DocumentTypeGT, "G234CB", NumberOf(50987), 0}, digits: "50987"},
		{in: "FT A/12", want: DocumentRef{DocumentTypeFT, "A", NumberOf(12), 0}, digits: "12"},
		{in: "RG 2024.R-1/1", want: DocumentRef{DocumentTypeRG, "2024.R-1", NumberOf(1), 0}, digits: "1"},
		{in: "FT A/" + strings.Repeat("9", 25), want: DocumentRef{DocumentTypeFT, "A", MustNumber(strings.Repeat("9", 25)), 0}, digits: strings.Repeat("9", 25)},

		{in: "", wantErr: "empty"},
		{in: "FTA/1", wantErr: "no space"},
		{in: "XX A/1", wantErr: `document type "XX"`},
		{in: "ft A/1", wantErr: `document type "ft"`},
		{in: "FT A1", wantErr: `no "/"`},
		{in: "FT A/", wantErr: "no number"},
		{in: "FT /1", wantErr: "series identifier is empty"},
		{in: "FT A B/1", wantErr: "not one of A-Z"},
		{in: "FT A/B/1", wantErr: "number"},
		{in: "FT -A/1", wantErr: "separator"},
		{in: "FT A/1 ", wantErr: "not a digit"},
		{in: "FT A/-1", wantErr: "not a digit"},
		{in: "FT A/0", wantErr: "number is 0"},
		{in: "FT A/000", wantErr: "number is 0"},
		{in: "FT A/1" + strings.Repeat("0", 25), wantErr: "25 significant digits"},
		{in: "FT " + strings.Repeat("A", 35) + "/" + strings.Repeat("1", 22), wantErr: "SAF-T allows 60"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDocumentNumber(tt.in)
			if tt.wantErr != "" {
				require.ErrorIs(t, err, ErrInvalidDocumentNumber)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.digits, got.Digits())
			assert.Equal(t, tt.in, got.String())
			f, err := got.Format()
			require.NoError(t, err)
			assert.Equal(t, tt.in, f)
		})
	}
}

func TestDocumentNumber(t *testing.T) {
	s, err := DocumentNumber(DocumentTypeFT, "A", NumberOf(12))
	require.NoError(t, err)
	assert.Equal(t, "FT A/12", s)

	// Exactly 60 characters is allowed, 61 is not.
	id := strings.Repeat("A", 35)
	s, err = DocumentNumber(DocumentTypeFT, id, MustNumber(strings.Repeat("1", 21)))
	require.NoError(t, err)
	assert.Len(t, s, 60)
	_, err = DocumentNumber(DocumentTypeFT, id, MustNumber(strings.Repeat("1", 22)))
	require.ErrorIs(t, err, ErrInvalidDocumentNumber)
	assert.Contains(t, err.Error(), "61 characters")

	for _, tc := range []struct {
		t    DocumentType
		id   string
		n    Number
		want string
	}{
		{"XX", "A", NumberOf(1), "document type"},
		{"", "A", NumberOf(1), "document type"},
		{DocumentTypeFT, "A/B", NumberOf(1), "series"},
		{DocumentTypeFT, "", NumberOf(1), "series"},
		{DocumentTypeFT, "A", Number{}, "number 0"},
		{DocumentTypeFT, "A", tooBig(), "not 1 to 25 digits"},
	} {
		_, err := DocumentNumber(tc.t, tc.id, tc.n)
		require.ErrorIs(t, err, ErrInvalidDocumentNumber, "%v", tc)
		assert.Contains(t, err.Error(), tc.want)
	}

	_, err = DocumentRef{Type: DocumentTypeFT, Series: "A", Number: NumberOf(1), Width: -1}.Format()
	require.ErrorIs(t, err, ErrInvalidDocumentNumber)
	w, err := DocumentRef{Type: DocumentTypeFT, Series: "A", Number: NumberOf(7), Width: 4}.Format()
	require.NoError(t, err)
	assert.Equal(t, "FT A/0007", w)
	w, err = DocumentRef{Type: DocumentTypeFT, Series: "A", Number: NumberOf(12345), Width: 4}.Format()
	require.NoError(t, err)
	assert.Equal(t, "FT A/12345", w, "width is a minimum")
}

// FuzzParseDocumentNumber: never panics; what it accepts matches the SAF-T
// pattern, formats back to the same text and passes Format's checks.
func FuzzParseDocumentNumber(f *testing.F) {
	for _, s := range []string{"FT AB2019/0035", "FS CDVF/12345", "PF G2019CB/145789", "GT G234CB/50987", "FT A/0", "FT A//1", "FT  A/1", "XX A/1", "", "FT A/" + strings.Repeat("9", 26)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseDocumentNumber(s)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidDocumentNumber)
			return
		}
		require.Regexp(t, saftDocumentNumber, s)
		require.Equal(t, s, r.String())
		out, err := r.Format()
		require.NoError(t, err)
		require.Equal(t, s, out)
		require.True(t, strings.HasSuffix(s, "/"+r.Digits()))
	})
}

// FuzzDocumentNumberRoundTrip: formatting parts then parsing gives the parts back.
func FuzzDocumentNumberRoundTrip(f *testing.F) {
	f.Add(uint8(0), "A", "12")
	f.Add(uint8(24), "AB2019", strings.Repeat("9", 25))
	f.Add(uint8(3), "a.b", "0")
	f.Fuzz(func(t *testing.T, ti uint8, id, digits string) {
		types := DocumentType("").Values()
		dt := types[int(ti)%len(types)]
		n, err := ParseNumber(digits)
		if err != nil {
			return
		}
		s, err := DocumentNumber(dt, id, n)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidDocumentNumber)
			return
		}
		r, err := ParseDocumentNumber(s)
		require.NoError(t, err, s)
		require.Equal(t, DocumentRef{Type: dt, Series: id, Number: n}, r)
	})
}

// tooBig returns 10^25, the smallest number with 26 digits.
func tooBig() Number { return MustNumber("1"+strings.Repeat("0", 24)).mulAdd(10, 0) }
