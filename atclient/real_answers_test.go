package atclient

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient/internal/atanswers"
	"github.com/faturapt/faturapt/series"
)

// Answers in AT's real shape (package atanswers).

func TestRealShapeSeriesRegistered(t *testing.T) {
	list, err := decodeSeriesAnswer(OpRegisterSeries, 200, []byte(atanswers.SeriesRegistered), series.Code2001)
	require.NoError(t, err)
	require.Len(t, list, 1)
	s := list[0]
	assert.Equal(t, "2511232477", s.ID)
	assert.Equal(t, series.DocumentTypeFT, s.DocumentType)
	assert.Equal(t, "999", s.FirstNumber.String())
	assert.Equal(t, "2022-04-01", s.ExpectedStart.String())
	assert.Equal(t, 9999, s.CertificateNumber)
	assert.Equal(t, series.ProcessingMeans("PF"), s.ProcessingMeans)
	assert.Equal(t, "AAJFF5JWJN", s.ValidationCode, "AT gives codes longer than the minimum of 8")
	assert.Equal(t, "2022-02-01", s.RegistrationDate.String())
	assert.Equal(t, series.Status("A"), s.Status)
	assert.True(t, s.StatusTime.Equal(time.Date(2022, 2, 1, 12, 31, 20, 0, time.UTC)), s.StatusTime)
	assert.Equal(t, "555555550", s.CommunicatedBy)
}

func TestRealShapeSeriesTechnicalError(t *testing.T) {
	_, err := decodeSeriesAnswer(OpRegisterSeries, 200, []byte(atanswers.SeriesTechnicalError), series.Code2001)
	var re *ResultError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, series.Code5000, re.Code)
	assert.Equal(t, "Erro Técnico Inespecífico", re.Message)
}

func TestRealShapeSOAP12Fault(t *testing.T) {
	for _, status := range []int{200, 500} {
		_, err := decodeSeriesAnswer(OpQuerySeries, status, []byte(atanswers.InternalError), series.Code2002)
		var fe *FaultError
		require.ErrorAs(t, err, &fe, "HTTP %d", status)
		assert.Equal(t, "env:Receiver", fe.Code)
		assert.Equal(t, "Internal Error (from server)", fe.Reason)
		assert.Equal(t, status, fe.HTTPStatus)
		assert.False(t, fe.AuthenticationFailed())

		assert.True(t, fe.ServerFault())
		assert.ErrorIs(t, err, ErrTryLater, "AT failing, not a refusal")
		assert.True(t, Uncertain(err), "whether AT acted is unknown")

	}
	// A SOAP 1.2 envelope that is not a fault is not an answer of ours.
	other := `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><x/></env:Body></env:Envelope>`
	_, err := decodeSeriesAnswer(OpQuerySeries, 200, []byte(other), series.Code2002)
	var me *MalformedResponseError
	assert.ErrorAs(t, err, &me)
	_, err = decodeSeriesAnswer(OpQuerySeries, 503, []byte(other), series.Code2002)
	var he *HTTPError
	assert.ErrorAs(t, err, &he)
}
