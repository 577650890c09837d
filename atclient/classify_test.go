package atclient

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/atclient/internal/atanswers"
	"github.com/faturapt/faturapt/series"
)

func TestFaultClassification(t *testing.T) {
	tests := []struct {
		code         string
		auth, denied bool
	}{
		{"wsse:FailedAuthentication", true, false},
		{"ns1:FailedAuthentication", true, false}, // any prefix
		{" FailedAuthentication ", true, false},
		{"wsse:FailedAuthorization", false, true},
		{"FailedAuthorization", false, true},
		{"S:Server", false, false},
		{"S:Client", false, false},
		{"wsse:InvalidSecurityToken", false, false},
		{"", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			e := &FaultError{Operation: "consultarSeries", HTTPStatus: 500, Code: tt.code, Reason: "x"}
			assert.Equal(t, tt.auth, e.AuthenticationFailed(), "AuthenticationFailed")
			assert.Equal(t, tt.denied, e.PermissionDenied(), "PermissionDenied")
		})
	}
}

// The classification reaches callers through wrapped errors, the way
// package setup looks for it (errors.As on an interface).
func TestFaultClassificationThroughWrapping(t *testing.T) {
	var err error = fmt.Errorf("listing series: %w", &FaultError{Code: "wsse:FailedAuthorization"})
	var denied interface{ PermissionDenied() bool }
	require.ErrorAs(t, err, &denied)
	assert.True(t, denied.PermissionDenied())
}

// Every refusal of the simulator's authentication classifies as such, and
// nothing else does.
func TestSimulatorRefusalsClassify(t *testing.T) {
	srv := startSim(t)
	client := func(user, password string, opts ...Option) *Client {
		return simClientAs(t, srv, attest.DefaultNIF, user, password, append([]Option{WithQueryRetry(1, time.Millisecond)}, opts...)...)
	}
	refused := map[string]*Client{
		"wrong password": client(attest.DefaultSubUser, "wrong"),
		"unknown user":   client("99", attest.DefaultPassword),
		"clock behind":   client(attest.DefaultSubUser, attest.DefaultPassword, WithClock(func() time.Time { return simNow.Add(-time.Hour) })),
	}
	for name, c := range refused {
		t.Run(name, func(t *testing.T) {
			_, err := c.QuerySeries(testCtx(t), SeriesQuery{})
			var fe *FaultError
			require.ErrorAs(t, err, &fe)
			assert.True(t, fe.AuthenticationFailed(), "%v", err)
			assert.False(t, fe.PermissionDenied())
		})
	}
	t.Run("server fault is neither", func(t *testing.T) {
		srv.InjectFault(attest.Fault{Kind: attest.FaultSOAP, Operation: "consultarSeries"})
		_, err := client(attest.DefaultSubUser, attest.DefaultPassword).QuerySeries(testCtx(t), SeriesQuery{})
		var fe *FaultError
		require.ErrorAs(t, err, &fe)
		assert.False(t, fe.AuthenticationFailed())
		assert.False(t, fe.PermissionDenied())
	})
}

func TestATAuthenticationFaultIsReadAsAuthenticationFailure(t *testing.T) {
	for _, status := range []int{200, 500} {
		_, err := decodeSeriesAnswer(OpQuerySeries, status, []byte(atanswers.AuthenticationFault), series.Code2001)
		var fe *FaultError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "Client.Authentication", fe.Code)
		assert.Equal(t, "Ocorreu um erro na autenticação dos contribuintes.", fe.Reason)
		assert.Equal(t, 16, fe.AuthCode)
		assert.Equal(t, "Created: Chave de sessão inválida. Não foi possível decifrar o campo Created", fe.AuthMessage)
		assert.True(t, fe.AuthenticationFailed(), "%v", err)
		assert.False(t, fe.PermissionDenied())
		assert.Contains(t, err.Error(), "authentication code 16: Created: Chave de sessão inválida")

	}
}

func TestATAuthenticationFaultCodeAnyPrefix(t *testing.T) {
	for _, code := range []string{"Client.Authentication", "SOAP-ENV:Client.Authentication", " ns0:Client.Authentication "} {
		assert.True(t, (&FaultError{Code: code}).AuthenticationFailed(), code)
	}
	// A detail with an authentication code is enough, whatever the faultcode.
	assert.True(t, (&FaultError{Code: "S:Client", AuthCode: 99}).AuthenticationFailed())
	assert.False(t, (&FaultError{Code: "Client"}).AuthenticationFailed())
	assert.False(t, (&FaultError{Code: "Server.Authentication"}).AuthenticationFailed())
}

// TestTryLater: AT failing (a server-side fault, an HTTP 5xx, 5000) is told
// from a refusal of the request.
func TestTryLater(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{&FaultError{Code: "env:Receiver", HTTPStatus: 500}, true},
		{&FaultError{Code: "S:Server", HTTPStatus: 500}, true},
		{&FaultError{Code: "soapenv:Server.generalException", HTTPStatus: 500}, true},
		{&FaultError{Code: "env:Sender", HTTPStatus: 500}, false},
		{&FaultError{Code: "S:Client", HTTPStatus: 500}, false},
		{&FaultError{Code: "Client.Authentication", HTTPStatus: 500, AuthCode: 16}, false},
		{&HTTPError{StatusCode: 503}, true},
		{&HTTPError{StatusCode: 404}, false},
		{&ResultError{Code: series.Code5000}, true},
		{&ResultError{Code: series.Code4001}, false},
		{&TransportError{Sent: true}, false},
	} {
		assert.Equal(t, c.want, errors.Is(c.err, ErrTryLater), "%#v", c.err)
	}
}
