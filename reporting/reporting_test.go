package reporting

import (
	"errors"
	"testing"

	"github.com/faturapt/faturapt/violation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheck(t *testing.T) {
	cs := Choices{{2025, MethodSAFT}, {2026, MethodWebService}}
	tests := []struct {
		year     int
		m        Method
		wantErr  error
		otherErr error
	}{
		{2025, MethodSAFT, nil, nil},
		{2026, MethodWebService, nil, nil},
		{2025, MethodWebService, ErrOtherMethod, ErrNoChoice},
		{2026, MethodSAFT, ErrOtherMethod, ErrNoChoice},
		{2027, MethodSAFT, ErrNoChoice, ErrOtherMethod},
		{2026, Method("XML"), ErrInvalid, ErrOtherMethod},
		{2026, Method(""), ErrInvalid, ErrOtherMethod},
	}
	for _, tc := range tests {
		err := cs.Check(tc.year, tc.m)
		if tc.wantErr == nil {
			assert.NoError(t, err, "%d %s", tc.year, tc.m)
			continue
		}
		require.ErrorIs(t, err, tc.wantErr, "%d %s", tc.year, tc.m)
		assert.NotErrorIs(t, err, tc.otherErr)
	}
}

func TestMethodError(t *testing.T) {
	err := Choice{2026, MethodSAFT}.Check(2026, MethodWebService)
	var me *MethodError
	require.True(t, errors.As(err, &me))
	assert.Equal(t, MethodError{Year: 2026, Chosen: MethodSAFT, Attempted: MethodWebService}, *me)
	assert.Contains(t, err.Error(), "2026")
	assert.Contains(t, err.Error(), "monthly SAF-T (PT) file")
	assert.Contains(t, err.Error(), "one method per calendar year")
}

func TestChoiceOtherYear(t *testing.T) {
	assert.ErrorIs(t, Choice{2026, MethodSAFT}.Check(2027, MethodSAFT), ErrNoChoice)
}

func TestValidate(t *testing.T) {
	assert.NoError(t, Choice{2026, MethodWebService}.Validate())
	err := Choice{1999, "x"}.Validate()
	require.ErrorIs(t, err, ErrInvalid)
	var ve *violation.Error
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.HasAt("Year", CodeYearRange), "%v", err)
	assert.True(t, ve.HasAt("Method", CodeMethod), "%v", err)
	assert.Contains(t, err.Error(), `method "x": want "SAFT" or "WS"`)

	err = Choices{{2026, MethodSAFT}, {2026, MethodWebService}}.Validate()
	require.ErrorIs(t, err, ErrInvalid)
	assert.True(t, violation.Has(err, CodeYearTwice), "%v", err)
	assert.Contains(t, err.Error(), "Choices[2].Year: year 2026 recorded twice")
	// A record that is invalid refuses every check rather than guessing.
	assert.ErrorIs(t, Choices{{2026, MethodSAFT}, {2026, MethodWebService}}.Check(2026, MethodSAFT), ErrInvalid)
}

func TestMethodCodes(t *testing.T) {
	for _, m := range Method("").Values() {
		assert.True(t, m.Valid())
		assert.NotEmpty(t, m.Description())
		assert.NotEmpty(t, m.DescriptionEN())
		assert.Equal(t, m.DescriptionEN(), m.String())
	}
	assert.False(t, Method("saft").Valid(), "codes are case-sensitive")
	assert.Equal(t, `Method("saft")`, Method("saft").String())
	assert.Empty(t, Method("saft").Description())
}

func TestCheckerImplementations(t *testing.T) {
	var _ Checker = Choice{}
	var _ Checker = Choices{}
}
