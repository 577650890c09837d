package atclient

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient/attest"
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
	srv, err := attest.New()
	require.NoError(t, err)
	defer srv.Close()
	key, err := ParseATKey(srv.EncryptionCertificatePEM())
	require.NoError(t, err)
	cert, err := CertificateFromTLS(srv.ClientCertificate())
	require.NoError(t, err)
	client := func(user, password string, opts ...Option) *Client {
		creds, err := NewCredentials(attest.DefaultNIF, user, password)
		require.NoError(t, err)
		c, err := New(Endpoints{Series: srv.URL()}, creds, cert,
			append([]Option{WithATKey(key), WithRootCAs(srv.RootCAs()), WithQueryRetry(1, time.Millisecond)}, opts...)...)
		require.NoError(t, err)
		t.Cleanup(c.Close)
		return c
	}
	refused := map[string]*Client{
		"wrong password": client(attest.DefaultSubUser, "wrong"),
		"unknown user":   client("99", attest.DefaultPassword),
		"clock behind":   client(attest.DefaultSubUser, attest.DefaultPassword, WithClock(func() time.Time { return time.Now().Add(-time.Hour) })),
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
