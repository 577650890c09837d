package series

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func validSeries() Series {
	return Series{
		ID:              "A2024",
		Type:            SeriesTypeNormal,
		DocumentType:    DocumentTypeFT,
		FirstNumber:     NumberOf(1),
		ExpectedStart:   civil.Date{Year: 2024, Month: time.January, Day: 1},
		ProcessingMeans: ProcessingMeansInvoicingProgram,
	}
}

func registeredSeries() Series {
	s := validSeries()
	s.ValidationCode = "CSDF7T5H"
	s.RegistrationDate = civil.Date{Year: 2023, Month: time.December, Day: 20}
	s.Status = StatusActive
	s.StatusTime = time.Date(2023, 12, 20, 10, 0, 0, 0, time.UTC)
	s.CommunicatedBy = "123456789"
	return s
}

func TestNew(t *testing.T) {
	s, err := New("A", DocumentTypeFT, NumberOf(1), civil.Date{Year: 2024, Month: 1, Day: 1})
	require.NoError(t, err)
	assert.Equal(t, SeriesTypeNormal, s.Type, "default series type")
	assert.Equal(t, ProcessingMeansInvoicingProgram, s.ProcessingMeans, "default processing means")
	assert.Equal(t, 0, s.CertificateNumber, "default: not certified")
	assert.Equal(t, DocumentClassSI, s.Class())
	assert.False(t, s.Registered())

	s, err = New("B", DocumentTypeGT, NumberOf(100), civil.Date{Year: 2024, Month: 1, Day: 1},
		WithSeriesType(SeriesTypeRecovery), WithCertificateNumber(9999), WithProcessingMeans(ProcessingMeansOtherElectronic))
	require.NoError(t, err)
	assert.Equal(t, SeriesTypeRecovery, s.Type)
	assert.Equal(t, 9999, s.CertificateNumber)
	assert.Equal(t, ProcessingMeansOtherElectronic, s.ProcessingMeans)
	assert.Equal(t, DocumentClassMG, s.Class())

	_, err = New("", "XX", Number{}, civil.Date{}, WithCertificateNumber(10000))
	var ve *violation.Error
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Violations, 5, "every violation at once: %v", err)
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Series)
		field string
		code  violation.Code
	}{
		{"empty id", func(s *Series) { s.ID = "" }, "ID", CodeRequired},
		{"bad id", func(s *Series) { s.ID = "A..B" }, "ID", CodeSeparatorRepeat},
		{"no type", func(s *Series) { s.Type = "" }, "Type", CodeRequired},
		{"bad type", func(s *Series) { s.Type = "X" }, "Type", CodeUnknownCode},
		{"no doc type", func(s *Series) { s.DocumentType = "" }, "DocumentType", CodeRequired},
		{"bad doc type", func(s *Series) { s.DocumentType = "XX" }, "DocumentType", CodeUnknownCode},
		{"no first", func(s *Series) { s.FirstNumber = Number{} }, "FirstNumber", CodeRequired},
		{"first 26 digits", func(s *Series) { s.FirstNumber = tooBig() }, "FirstNumber", CodeOutOfRange},
		{"no start", func(s *Series) { s.ExpectedStart = civil.Date{} }, "ExpectedStart", CodeRequired},
		{"bad start", func(s *Series) { s.ExpectedStart = civil.Date{Year: 2023, Month: 2, Day: 29} }, "ExpectedStart", CodeFormat},
		{"cert negative", func(s *Series) { s.CertificateNumber = -1 }, "CertificateNumber", CodeOutOfRange},
		{"cert 5 digits", func(s *Series) { s.CertificateNumber = 10000 }, "CertificateNumber", CodeOutOfRange},
		{"no means", func(s *Series) { s.ProcessingMeans = "" }, "ProcessingMeans", CodeRequired},
		{"bad means", func(s *Series) { s.ProcessingMeans = "XX" }, "ProcessingMeans", CodeUnknownCode},
		{"document number over 60", func(s *Series) {
			s.ID = strings.Repeat("A", 35)
			s.FirstNumber = MustNumber(strings.Repeat("1", 22))
		}, "ID", CodeTooLong},
		{"status without code", func(s *Series) { s.Status = StatusActive }, "ValidationCode", CodeRequired},
		{"code without status", func(s *Series) { s.ValidationCode = "CSDF7T5H" }, "Status", CodeRequired},
		{"short code", func(s *Series) { *s = registeredSeries(); s.ValidationCode = "ABC1234" }, "ValidationCode", CodeFormat},
		{"code charset", func(s *Series) { *s = registeredSeries(); s.ValidationCode = "CSDF-7T5H" }, "ValidationCode", CodeCharset},
		{"bad status", func(s *Series) { *s = registeredSeries(); s.Status = "X" }, "Status", CodeUnknownCode},
		{"bad registration date", func(s *Series) {
			*s = registeredSeries()
			s.RegistrationDate = civil.Date{Year: 2023, Month: 13, Day: 1}
		}, "RegistrationDate", CodeFormat},
		{"bad reason", func(s *Series) { *s = registeredSeries(); s.Status = StatusCancelled; s.StatusReason = "XX" }, "StatusReason", CodeUnknownCode},
		{"reason on active", func(s *Series) { *s = registeredSeries(); s.StatusReason = CancellationReasonError }, "StatusReason", CodeInconsistent},
		{"justification 4001", func(s *Series) { *s = registeredSeries(); s.Justification = strings.Repeat("é", 4001) }, "Justification", CodeTooLong},
		{"last below first (4047)", func(s *Series) {
			*s = registeredSeries()
			s.FirstNumber = NumberOf(100)
			s.LastIssued = NumberOf(99)
		}, "LastIssued", CodeBeforeFirst},
		{"last 26 digits", func(s *Series) { *s = registeredSeries(); s.LastIssued = tooBig() }, "LastIssued", CodeOutOfRange},
		{"final 26 digits", func(s *Series) { *s = registeredSeries(); s.FinalNumber = tooBig() }, "FinalNumber", CodeOutOfRange},
		{"nif 8 digits", func(s *Series) { *s = registeredSeries(); s.CommunicatedBy = "12345678" }, "CommunicatedBy", CodeFormat},
		{"nif letters", func(s *Series) { *s = registeredSeries(); s.CommunicatedBy = "12345678X" }, "CommunicatedBy", CodeFormat},
	}
	require.NoError(t, validSeries().Validate())
	require.NoError(t, registeredSeries().Validate())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := validSeries()
			tt.edit(&s)
			err := s.Validate()
			var ve *violation.Error
			require.ErrorAs(t, err, &ve)
			require.ErrorIs(t, err, ErrInvalid)
			require.Len(t, ve.Violations, 1, "only the broken rule: %v", err)
			assert.Equal(t, tt.field, ve.Violations[0].Path)
			assert.Equal(t, tt.code, ve.Violations[0].Code)
			assert.True(t, ve.HasAt(tt.field, tt.code))
			assert.Contains(t, err.Error(), tt.field+": ")
		})
	}
}

func TestValidateLimits(t *testing.T) {
	s := registeredSeries()
	s.ID = strings.Repeat("A", 35)
	s.FirstNumber = MustNumber(strings.Repeat("9", 21)) // FT + space + 35 + / + 21 = 60
	s.LastIssued = s.FirstNumber
	s.CertificateNumber = 9999
	s.Justification = strings.Repeat("é", 4000)
	s.CommunicatedBy = "999999990"
	require.NoError(t, s.Validate())

	s = registeredSeries()
	s.Status = StatusCancelled
	s.StatusReason = CancellationReasonError
	require.NoError(t, s.Validate())
}

// The "register an existing sequence" case: a series already used up to
// document 41 is registered with first number 42; documents from 42 on carry
// the ATCUD, 1 to 41 keep ATCUD 0.
func TestATCUDApplies(t *testing.T) {
	last := NumberOf(41)
	first, err := last.Next()
	require.NoError(t, err)
	s, err := New("A", DocumentTypeFT, first, civil.Date{Year: 2024, Month: 1, Day: 1})
	require.NoError(t, err)
	for n, want := range map[uint64]bool{0: false, 1: false, 41: false, 42: true, 43: true, 1 << 63: true} {
		assert.Equal(t, want, s.ATCUDApplies(NumberOf(n)), n)
	}
	assert.False(t, Series{}.ATCUDApplies(NumberOf(1)), "no first number, no ATCUD")

	next, err := s.NextNumber()
	require.NoError(t, err)
	assert.Equal(t, first, next)
	s.LastIssued = NumberOf(50)
	next, err = s.NextNumber()
	require.NoError(t, err)
	assert.Equal(t, NumberOf(51), next)
	_, err = Series{}.NextNumber()
	require.ErrorIs(t, err, ErrInvalidNumber)

	dn, err := s.DocumentNumber(next)
	require.NoError(t, err)
	assert.Equal(t, "FT A/51", dn)
	assert.Equal(t, Key(DocumentTypeFT, "a"), s.Key())
}

// A Series goes through JSON unchanged, registered or not (Number and Date
// are text).
func TestSeriesJSON(t *testing.T) {
	for _, s := range []Series{validSeries(), registeredSeries()} {
		s.LastIssued = MustNumber("1234567890123456789012345")
		b, err := json.Marshal(s)
		require.NoError(t, err)
		var back Series
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, s.ID, back.ID)
		assert.Equal(t, s.FirstNumber, back.FirstNumber)
		assert.Equal(t, s.LastIssued, back.LastIssued)
		assert.Equal(t, s.ExpectedStart, back.ExpectedStart)
		assert.Equal(t, s.RegistrationDate, back.RegistrationDate)
		assert.True(t, s.StatusTime.Equal(back.StatusTime))
	}
}
