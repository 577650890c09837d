package efatura

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/internal/atanswers"
)

// Answers in the shape AT's servers really gave other clients (package
// atanswers).

func TestRealShapeRegistered(t *testing.T) {
	rec, err := decodeAnswer(OpRegisterInvoice, 200, []byte(atanswers.EFaturaRegistered))
	require.NoError(t, err)
	assert.Equal(t, "Operação efetuada com sucesso.", rec.Message)
	assert.Equal(t, "2022-09-21T10:21:10.627+01:00", rec.OperationTime)
}

// AT's "Internal Error (from server)" is AT failing, not a refusal of the
// document: try later, and a register's outcome is unknown (it is sent
// again, see TestEFaturaLostAnswers).
func TestRealShapeInternalError(t *testing.T) {
	for _, status := range []int{200, 500} {
		_, err := decodeAnswer(OpRegisterInvoice, status, []byte(atanswers.InternalError))
		var fe *atclient.FaultError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "env:Receiver", fe.Code)
		assert.Equal(t, "Internal Error (from server)", fe.Reason)
		assert.ErrorIs(t, err, ErrTryLater)
		assert.NotErrorIs(t, err, ErrAuthentication)
		assert.True(t, atclient.Uncertain(err), "a register is sent again")
		var ee *Error
		assert.False(t, errors.As(err, &ee), "no e-Fatura code: AT did not judge the document")
	}
}

// The e-Fatura service shares AT's authentication system: its refusal in a
// SOAP fault reads as the manual's code, as if in CodigoResposta.
func TestRealShapeAuthenticationFault(t *testing.T) {
	for _, status := range []int{200, 500} {
		_, err := decodeAnswer(OpRegisterInvoice, status, []byte(atanswers.AuthenticationFault))
		var fe *atclient.FaultError
		require.ErrorAs(t, err, &fe)
		assert.True(t, fe.AuthenticationFailed())
		assert.Equal(t, 16, fe.AuthCode)
		var ee *Error
		require.ErrorAs(t, err, &ee)
		assert.Equal(t, CodeCreatedUndecipherable, ee.Code)
		assert.ErrorIs(t, err, ErrAuthentication)
		assert.NotErrorIs(t, err, ErrTryLater)
		assert.False(t, atclient.Uncertain(err))
		assert.Contains(t, err.Error(), "Created: Chave de sessão inválida")
	}
}
