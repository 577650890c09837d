package certify

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/violation"
)

func TestPrintedForms(t *testing.T) {
	// Positions 1, 11, 21, 31 of the §7.1 1st record's hash, counted by hand:
	// o(1) s o 2 F o O w 4 V 9(11) 4 1 C w K T r v 6 x(21) w z U r O t x B W C(31).
	chars, err := HashChars(despacho7Hash1)
	require.NoError(t, err)
	assert.Equal(t, "o9xC", chars)

	m, err := ProcessedMention(despacho7Hash1, "0000")
	require.NoError(t, err)
	assert.Equal(t, "o9xC-Processado por programa certificado n.º 0000/AT", m)
	// "n.º" is "n." followed by U+00BA MASCULINE ORDINAL INDICATOR, as in the
	// Despacho's text, not the degree sign U+00B0.
	assert.Contains(t, m, "n.\u00ba ")

	issued, err := IssuedMention("1234")
	require.NoError(t, err)
	assert.Equal(t, "Emitido por programa certificado n.º 1234/AT", issued)

	for _, bad := range []string{"", "12a", "1 2", "12345678901", "-1"} {
		_, err := ProcessedMention(despacho7Hash1, bad)
		assert.ErrorIs(t, err, ErrInvalidCertificate, bad)
		_, err = IssuedMention(bad)
		assert.ErrorIs(t, err, ErrInvalidCertificate, bad)
	}
	_, err = ProcessedMention("short", "1234")
	assert.ErrorIs(t, err, ErrMalformedHash)

	assert.Equal(t, "Documento emitido para fins de Formação", TrainingMention)
	assert.Equal(t, "Cópia do documento original", CopyMention)
}

func TestHashControl(t *testing.T) {
	manual := ManualDocument{DocumentType: "FT", Series: "abc", Number: "00001"}
	hc, err := manual.HashControl(1)
	require.NoError(t, err)
	assert.Equal(t, "1-FTM abc/00001", hc, "Despacho §2.4.5.2 example")
	cp, err := manual.CopyMention()
	require.NoError(t, err)
	assert.Equal(t, "Cópia do documento original - FTM abc/00001", cp, "Despacho §2.2.9 example")

	dup := DuplicateDocument{DocumentType: "FT", Number: "XY 2013A/00099"}
	hc, err = dup.HashControl(1)
	require.NoError(t, err)
	assert.Equal(t, "1-FTD XY 2013A/00099", hc, "Despacho §2.5.5.2 example")
	cp, err = dup.CopyMention()
	require.NoError(t, err)
	assert.Equal(t, "Cópia do documento original - FTD XY 2013A/00099", cp, "Despacho §2.2.10 example")

	integrated, err := IntegratedHashControl("9999", 1)
	require.NoError(t, err)
	assert.Equal(t, "9999.1", integrated, "Despacho §2.3.4 e) example")

	s := testSigner(t)
	for _, ok := range []string{"1", s.HashControl(), "12", "9999.1", "1-FTM abc/00001", "1-FTD XY 2013A/00099", UncertifiedHashControl} {
		assert.True(t, ValidHashControl(ok), ok)
	}
	// The Despacho's "Não certificado" does not match the SAF-T 1.04_01 XSD
	// pattern: the file carries "0" (Portaria 302/2016, 4.1.4.5).
	for _, bad := range []string{NotCertified, "", "1-FTM a b/1", "1-FTX abc/1", "1-FTM abc/x", "1-FTD XY/1", "v1", "1.", "1-FTM abc/00001 "} {
		assert.False(t, ValidHashControl(bad), bad)
	}

	badCases := []struct {
		name string
		fn   func() (string, error)
		path string
		code violation.Code
	}{
		{"manual: type lower-case", func() (string, error) { return ManualDocument{"ft", "abc", "1"}.HashControl(1) }, "DocumentType", CodeRecoveryReference},
		{"manual: series with space", func() (string, error) { return ManualDocument{"FT", "a c", "1"}.HashControl(1) }, "Series", CodeRecoveryReference},
		{"manual: number not digits", func() (string, error) { return ManualDocument{"FT", "abc", "1a"}.HashControl(1) }, "Number", CodeRecoveryReference},
		{"manual: version 0", func() (string, error) { return ManualDocument{"FT", "abc", "1"}.HashControl(0) }, "keyVersion", CodeKeyVersion},
		{"manual: too long", func() (string, error) {
			return ManualDocument{"FT", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij", "12345678"}.HashControl(1)
		}, "HashControl", CodeHashControlLength},
		{"manual copy: bad", func() (string, error) { return ManualDocument{"FT", "", "1"}.CopyMention() }, "Series", CodeRecoveryReference},
		{"duplicate: no series", func() (string, error) { return DuplicateDocument{"FT", "XY/99"}.HashControl(1) }, "Number", CodeRecoveryReference},
		{"duplicate: three letters", func() (string, error) { return DuplicateDocument{"FTX", "XY A/99"}.HashControl(1) }, "DocumentType", CodeRecoveryReference},
		{"duplicate copy: bad", func() (string, error) { return DuplicateDocument{"FT", ""}.CopyMention() }, "Number", CodeRecoveryReference},
		{"integrated: version 0", func() (string, error) { return IntegratedHashControl("9999", 0) }, "keyVersion", CodeKeyVersion},
	}
	for _, c := range badCases {
		_, err := c.fn()
		assert.ErrorIs(t, err, ErrInvalid, c.name)
		assert.ErrorIs(t, err, ErrInvalidHashControl, c.name)
		var ve *violation.Error
		if assert.ErrorAs(t, err, &ve, c.name) {
			assert.True(t, ve.HasAt(c.path, c.code), "%s: %v", c.name, err)
		}
	}
	_, err = IntegratedHashControl("99a", 1)
	assert.ErrorIs(t, err, ErrInvalidCertificate)
	assert.True(t, violation.Has(err, CodeCertificate), "%v", err)
	_, err = ManualDocument{"ft", "abc", "1"}.HashControl(1)
	assert.ErrorIs(t, err, ErrInvalidHashControl)
}
