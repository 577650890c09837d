package transport

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient/internal/atanswers"
)

// TestRealAnswer: the answer AT's servers were seen to give (WebLogic
// header, ns0 prefix, "OK" for a message, no ATCUD echoed).
func TestRealAnswer(t *testing.T) {
	rec, err := decodeAnswer(200, []byte(atanswers.TransportRegistered))
	require.NoError(t, err)
	assert.Equal(t, "1099217777", rec.ATDocCodeID)
	assert.Equal(t, "GT 999GT/1629053776", rec.DocumentNumber)
	assert.Empty(t, rec.ATCUD)
	assert.Equal(t, []Status{{CodeOK, "OK"}}, rec.Statuses)

	_, err = decodeAnswer(500, []byte(atanswers.InternalError))
	assert.ErrorIs(t, err, ErrTryLater)
	assert.True(t, uncertain(err))
	_, err = decodeAnswer(500, []byte(atanswers.AuthenticationFault))
	assert.ErrorIs(t, err, ErrAuthentication)
}

// FuzzDecodeAnswer: no input makes the decoder panic, and an accepted
// answer always has a status that accepts it.
func FuzzDecodeAnswer(f *testing.F) {
	f.Add(200, []byte(atanswers.TransportRegistered))
	f.Add(500, []byte(atanswers.InternalError))
	f.Add(500, []byte(atanswers.AuthenticationFault))
	f.Add(200, answer(status(0, "ok")+status(-100, "alerta"), `<ATDocCodeID>1</ATDocCodeID>`))
	f.Add(200, answer(status(-3, "Já foi inserido"), ""))
	f.Add(200, answer("", ""))
	f.Add(200, []byte(""))
	f.Fuzz(func(t *testing.T, status int, data []byte) {
		rec, err := decodeAnswer(status, data)
		if err != nil {
			var e *Error
			if errors.As(err, &e) && e.Code.Accepted() && e.Fault == nil {
				t.Fatalf("an accepting code refused: %v", err)
			}
			return
		}
		if len(rec.Statuses) == 0 || !strings.Contains(string(data), "ReturnCode") {
			t.Fatalf("accepted without a ReturnCode: %q", data)
		}
		for _, s := range rec.Statuses {
			if !s.Code.Accepted() {
				t.Fatalf("accepted with %v", s.Code)
			}
		}
	})
}
