package series

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func requireRefused(t *testing.T, err error, op Operation, code ReturnCode, sentinel error) *TransitionError {
	t.Helper()
	var te *TransitionError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, op, te.Op)
	assert.Equal(t, code, te.Code, "AT code: %v", err)
	if sentinel != nil {
		assert.ErrorIs(t, err, sentinel)
	}
	assert.Contains(t, err.Error(), "AT code "+code.String())
	return te
}

func TestCanRegister(t *testing.T) {
	today := civil.Date{Year: 2024, Month: time.January, Day: 1}
	require.NoError(t, validSeries().CanRegister(today))

	// 4049: the expected start of use must be today or later.
	s := validSeries()
	s.ExpectedStart = civil.Date{Year: 2023, Month: time.December, Day: 31}
	requireRefused(t, s.CanRegister(today), OpRegister, Code4049, ErrStartInPast)
	s.ExpectedStart = civil.Date{Year: 2024, Month: time.January, Day: 2}
	require.NoError(t, s.CanRegister(today))

	// 4002 when a required field is missing, 4003 for wrong values; the
	// *violation.Error is reachable.
	s = validSeries()
	s.DocumentType = ""
	te := requireRefused(t, s.CanRegister(today), OpRegister, Code4002, ErrInvalid)
	var ve *violation.Error
	require.ErrorAs(t, te, &ve)
	assert.True(t, ve.HasAt("DocumentType", CodeRequired))
	s.DocumentType = "XX"
	requireRefused(t, s.CanRegister(today), OpRegister, Code4003, ErrInvalid)

	requireRefused(t, registeredSeries().CanRegister(today), OpRegister, Code4001, ErrAlreadyRegistered)
	requireRefused(t, validSeries().CanRegister(civil.Date{}), OpRegister, Code4003, civil.ErrInvalid)
}

func TestCanFinalize(t *testing.T) {
	s := registeredSeries()
	s.FirstNumber = NumberOf(10)
	require.NoError(t, s.CanFinalize(NumberOf(10), ""), "only the first document issued")
	require.NoError(t, s.CanFinalize(NumberOf(11), "fim de ano"))
	requireRefused(t, s.CanFinalize(NumberOf(9), ""), OpFinalize, Code4047, ErrLastBeforeFirst)
	requireRefused(t, s.CanFinalize(Number{}, ""), OpFinalize, Code4000, ErrInvalidRequest)
	requireRefused(t, s.CanFinalize(tooBig(), ""), OpFinalize, Code4000, ErrInvalidRequest)
	requireRefused(t, s.CanFinalize(NumberOf(11), strings.Repeat("x", 4001)), OpFinalize, Code4000, ErrInvalidRequest)
	require.NoError(t, s.CanFinalize(NumberOf(11), strings.Repeat("ç", 4000)), "4000 characters, not bytes")

	for _, st := range []Status{StatusFinalized, StatusCancelled} {
		s := registeredSeries()
		s.Status = st
		requireRefused(t, s.CanFinalize(NumberOf(5), ""), OpFinalize, Code4005, ErrNotActive)
	}
	requireRefused(t, validSeries().CanFinalize(NumberOf(5), ""), OpFinalize, Code4005, ErrNotRegistered)
}

func TestCanCancel(t *testing.T) {
	s := registeredSeries()
	require.NoError(t, s.CanCancel(CancellationReasonError, true))
	requireRefused(t, s.CanCancel(CancellationReasonError, false), OpCancel, Code4004, ErrDeclarationMissing)
	requireRefused(t, s.CanCancel("XX", true), OpCancel, Code4051, ErrInvalidReason)
	requireRefused(t, s.CanCancel("", true), OpCancel, Code4051, ErrInvalidReason)

	s.LastIssued = NumberOf(1)
	requireRefused(t, s.CanCancel(CancellationReasonError, true), OpCancel, Code4004, ErrDocumentsIssued)

	for _, st := range []Status{StatusFinalized, StatusCancelled} {
		s := registeredSeries()
		s.Status = st
		requireRefused(t, s.CanCancel(CancellationReasonError, true), OpCancel, Code4004, ErrNotActive)
	}
	requireRefused(t, validSeries().CanCancel(CancellationReasonError, true), OpCancel, Code4004, ErrNotRegistered)
}

// The whole life cycle of figure 1: register (A), then finalize (F) or
// cancel (N); F and N are final.
func TestLifeCycle(t *testing.T) {
	at := time.Date(2024, 1, 1, 9, 30, 0, 0, time.UTC)
	s, err := validSeries().Register("CSDF7T5H", "123456789", at)
	require.NoError(t, err)
	assert.Equal(t, StatusActive, s.Status)
	assert.Equal(t, civil.Date{Year: 2024, Month: 1, Day: 1}, s.RegistrationDate)
	assert.Equal(t, at, s.StatusTime)
	assert.True(t, s.Registered())
	require.NoError(t, s.Validate())

	_, err = s.Register("CSDF7T5H", "123456789", at)
	requireRefused(t, err, OpRegister, Code4001, ErrAlreadyRegistered)
	_, err = validSeries().Register("SHORT", "123456789", at)
	requireRefused(t, err, OpRegister, Code4003, ErrInvalid)
	_, err = validSeries().Register("CSDF7T5H", "12345", at)
	requireRefused(t, err, OpRegister, Code4003, ErrInvalid)
	_, err = validSeries().Register("CSDF7T5H", "123456789", time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC))
	requireRefused(t, err, OpRegister, Code4049, ErrStartInPast)

	later := at.Add(24 * time.Hour)
	f, err := s.Finalize(NumberOf(120), "fim", later)
	require.NoError(t, err)
	assert.Equal(t, StatusFinalized, f.Status)
	assert.Equal(t, NumberOf(120), f.LastIssued)
	assert.Equal(t, "fim", f.Justification)
	assert.Equal(t, later, f.StatusTime)
	require.NoError(t, f.Validate())
	_, err = f.Finalize(NumberOf(121), "", later)
	requireRefused(t, err, OpFinalize, Code4005, ErrNotActive)
	_, err = f.Cancel(CancellationReasonError, true, later)
	requireRefused(t, err, OpCancel, Code4004, ErrNotActive)

	c, err := s.Cancel(CancellationReasonError, true, later)
	require.NoError(t, err)
	assert.Equal(t, StatusCancelled, c.Status)
	assert.Equal(t, CancellationReasonError, c.StatusReason)
	require.NoError(t, c.Validate())
	_, err = c.Finalize(NumberOf(1), "", later)
	requireRefused(t, err, OpFinalize, Code4005, ErrNotActive)
	_, err = s.Cancel(CancellationReasonError, false, later)
	requireRefused(t, err, OpCancel, Code4004, ErrDeclarationMissing)

	assert.Equal(t, StatusActive, s.Status, "transitions return a new value")
}

func TestReturnCodes(t *testing.T) {
	codes := ReturnCode(0).Values()
	require.Len(t, codes, 18)
	for i, c := range codes {
		assert.True(t, c.Valid(), c)
		assert.NotEmpty(t, c.Description(), c)
		assert.NotEmpty(t, c.DescriptionEN(), c)
		assert.Equal(t, c >= 2001 && c <= 2004, c.Success(), c)
		if i > 0 {
			assert.Less(t, codes[i-1], c)
		}
	}
	assert.Contains(t, Code4047.Description(), "último documento emitido")
	assert.False(t, ReturnCode(4044).Valid())
	assert.Empty(t, ReturnCode(4044).Description())
	assert.Equal(t, "4047", Code4047.String())
	assert.True(t, errors.Is(&TransitionError{Err: ErrNotActive}, ErrNotActive))
}
