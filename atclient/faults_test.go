package atclient

import (
	"crypto/tls"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
)

// A register whose answer is lost after AT registered the series: the client
// queries and returns the series with its validation code; AT registered it
// once.
func TestRegisterLostAnswerIsReconciled(t *testing.T) {
	for _, f := range []attest.Fault{
		{Kind: attest.FaultDrop, AfterProcessing: true},
		{Kind: attest.FaultMalformed, AfterProcessing: true},
		{Kind: attest.FaultTechnicalError, AfterProcessing: true},
		{Kind: attest.FaultDelay, Delay: 4 * time.Second, AfterProcessing: true},
	} {
		t.Run(f.Kind.String(), func(t *testing.T) {
			e := newSim(t, nil, WithRequestTimeout(1500*time.Millisecond))
			f.Operation = string(OpRegisterSeries)
			e.srv.InjectFault(f)
			s, err := e.client.RegisterSeries(testCtx(t), e.newSeries(t, "LOST", series.DocumentTypeFT, 1))
			require.NoError(t, err)
			recs := e.srv.Series(attest.DefaultNIF)
			require.Len(t, recs, 1, "registered once")
			assert.Equal(t, recs[0].ValidationCode, s.ValidationCode, "the validation code is not lost")
			assert.Equal(t, 1, e.srv.Calls(string(OpRegisterSeries)), "never sent twice")
			assert.Equal(t, 1, e.srv.Calls(string(OpQuerySeries)))
		})
	}
}

// The answer is lost before AT acted: the query shows nothing, the error
// says so (ErrNotApplied, wrapping the cause), and registering again works.
func TestRegisterLostBeforeProcessing(t *testing.T) {
	for _, tc := range []struct {
		fault attest.Fault
		cause any
	}{
		{attest.Fault{Kind: attest.FaultDrop}, new(*TransportError)},
		{attest.Fault{Kind: attest.FaultMalformed}, new(*MalformedResponseError)},
		{attest.Fault{Kind: attest.FaultTechnicalError}, new(*ResultError)},
	} {
		t.Run(tc.fault.Kind.String(), func(t *testing.T) {
			e := newSim(t, nil)
			tc.fault.Operation = string(OpRegisterSeries)
			e.srv.InjectFault(tc.fault)
			in := e.newSeries(t, "RETRY", series.DocumentTypeFT, 1)
			_, err := e.client.RegisterSeries(testCtx(t), in)
			require.ErrorIs(t, err, ErrNotApplied)
			require.ErrorAs(t, err, tc.cause)
			assert.Empty(t, e.srv.Series(attest.DefaultNIF))
			s, err := e.client.RegisterSeries(testCtx(t), in)
			require.NoError(t, err)
			assert.Len(t, s.ValidationCode, 8)
			assert.Len(t, e.srv.Series(attest.DefaultNIF), 1)
		})
	}
	t.Run("5000 is AT's code", func(t *testing.T) {
		e := newSim(t, nil)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultTechnicalError, Operation: string(OpRegisterSeries)})
		_, err := e.client.RegisterSeries(testCtx(t), e.newSeries(t, "T", series.DocumentTypeFT, 1))
		requireCode(t, err, series.Code5000)
	})
}

// The answer is lost and the follow-up query fails too: the outcome is
// unknown, said so, and the register is not repeated.
func TestRegisterOutcomeUnknown(t *testing.T) {
	e := newSim(t, nil)
	e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpRegisterSeries), AfterProcessing: true})
	e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpQuerySeries), Count: 10})
	_, err := e.client.RegisterSeries(testCtx(t), e.newSeries(t, "U", series.DocumentTypeFT, 1))
	require.ErrorIs(t, err, ErrOutcomeUnknown)
	assert.Contains(t, err.Error(), "query before trying again")
	assert.Equal(t, 1, e.srv.Calls(string(OpRegisterSeries)))
	assert.Equal(t, 3, e.srv.Requests(string(OpQuerySeries)), "the query is retried (3 attempts)")
	assert.Equal(t, 0, e.srv.Calls(string(OpQuerySeries)))
	assert.Len(t, e.srv.Series(attest.DefaultNIF), 1)

	// Later the caller queries and finds it.
	e.srv.ClearFaults()
	got, err := e.client.QuerySeries(testCtx(t), SeriesQuery{ID: "U", DocumentType: series.DocumentTypeFT})
	require.NoError(t, err)
	require.Len(t, got, 1)
}

// Another registration with the same identifier was there: the lost answer
// is reconciled as AT's 4001, not as success.
func TestRegisterLostAnswerConflict(t *testing.T) {
	e := newSim(t, nil)
	e.register(t, "DUP", series.DocumentTypeFT, 1)
	e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpRegisterSeries), AfterProcessing: true})
	_, err := e.client.RegisterSeries(testCtx(t), e.newSeries(t, "dup", series.DocumentTypeFT, 100))
	re := requireCode(t, err, series.Code4001)
	assert.Contains(t, re.Message, "after the answer was lost")
}

func TestFinalizeAndCancelLostAnswers(t *testing.T) {
	e := newSim(t, nil)
	a := e.register(t, "FA", series.DocumentTypeFT, 1)
	b := e.register(t, "CA", series.DocumentTypeFT, 1)

	e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpFinalizeSeries), AfterProcessing: true})
	f, err := e.client.FinalizeSeries(testCtx(t), a, series.NumberOf(7), "")
	require.NoError(t, err)
	assert.Equal(t, series.StatusFinalized, f.Status)

	e.srv.InjectFault(attest.Fault{Kind: attest.FaultMalformed, Operation: string(OpCancelSeries)})
	_, err = e.client.CancelSeries(testCtx(t), b, series.CancellationReasonError, true)
	require.ErrorIs(t, err, ErrNotApplied)
	e.srv.InjectFault(attest.Fault{Kind: attest.FaultMalformed, Operation: string(OpCancelSeries), AfterProcessing: true})
	c, err := e.client.CancelSeries(testCtx(t), b, series.CancellationReasonError, true)
	require.NoError(t, err)
	assert.Equal(t, series.StatusCancelled, c.Status)
	assert.Equal(t, 1, e.srv.Calls(string(OpFinalizeSeries)))
	assert.Equal(t, 2, e.srv.Requests(string(OpCancelSeries)))
	assert.Equal(t, 1, e.srv.Calls(string(OpCancelSeries)), "the cancel stopped before processing had no effect")
}

// A fault of the server's side is AT failing, not a refusal: a register is
// reconciled by a query, a query is retried.
func TestServerFault(t *testing.T) {
	e := newSim(t, nil)
	e.srv.InjectFault(attest.Fault{Kind: attest.FaultSOAP, Operation: string(OpRegisterSeries)})
	_, err := e.client.RegisterSeries(testCtx(t), e.newSeries(t, "S", series.DocumentTypeFT, 1))
	var fe *FaultError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "S:Server", fe.Code)
	assert.Equal(t, 500, fe.HTTPStatus)
	assert.Contains(t, fe.Error(), "injected SOAP fault")
	assert.ErrorIs(t, err, ErrTryLater)
	assert.ErrorIs(t, err, ErrNotApplied, "the query found nothing registered")
	assert.Equal(t, 1, e.srv.Calls(string(OpQuerySeries)))

	e.srv.InjectFault(attest.Fault{Kind: attest.FaultInternalError, Operation: string(OpRegisterSeries), AfterProcessing: true})
	s, err := e.client.RegisterSeries(testCtx(t), e.newSeries(t, "S", series.DocumentTypeFT, 1))
	require.NoError(t, err, "registered by the request whose answer was AT's internal error")
	assert.NotEmpty(t, s.ValidationCode)

	e.srv.InjectFault(attest.Fault{Kind: attest.FaultInternalError, Operation: string(OpQuerySeries)})
	_, err = e.client.QuerySeries(testCtx(t), SeriesQuery{})
	require.NoError(t, err)
	assert.Equal(t, 4, e.srv.Requests(string(OpQuerySeries)), "the query after AT's internal error was retried")
}

func TestQueryRetriesPassingFailures(t *testing.T) {
	e := newSim(t, nil)
	e.register(t, "R", series.DocumentTypeFT, 1)
	e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpQuerySeries)})
	e.srv.InjectFault(attest.Fault{Kind: attest.FaultTechnicalError, Operation: string(OpQuerySeries)})
	got, err := e.client.QuerySeries(testCtx(t), SeriesQuery{})
	require.NoError(t, err)
	assert.Len(t, got, 1)
	assert.Equal(t, 3, e.srv.Requests(string(OpQuerySeries)), "tried three times")
	assert.Equal(t, 1, e.srv.Calls(string(OpQuerySeries)))
}

func TestDelayWithinTimeoutIsHarmless(t *testing.T) {
	e := newSim(t, nil)
	e.srv.InjectFault(attest.Fault{Kind: attest.FaultDelay, Delay: 100 * time.Millisecond})
	_, err := e.client.RegisterSeries(testCtx(t), e.newSeries(t, "D", series.DocumentTypeFT, 1))
	require.NoError(t, err)
	assert.Equal(t, 0, e.srv.Calls(string(OpQuerySeries)))
}

func TestAuthenticationRefusals(t *testing.T) {
	srv := startSim(t)
	s := series.Series{ID: "A", Type: series.SeriesTypeNormal, DocumentType: series.DocumentTypeFT, FirstNumber: series.NumberOf(1),
		ExpectedStart: civil.DateOf(simNow), ProcessingMeans: series.ProcessingMeansInvoicingProgram}

	t.Run("wrong password", func(t *testing.T) {
		c := simClientAs(t, srv, attest.DefaultNIF, attest.DefaultSubUser, "wrong-password")
		_, err := c.RegisterSeries(testCtx(t), s)
		var fe *FaultError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "Client.Authentication", fe.Code) // AT's real faultcode
		assert.Equal(t, 99, fe.AuthCode)
		assert.True(t, fe.AuthenticationFailed())
		assert.NotContains(t, err.Error(), "wrong-password")
	})
	t.Run("clock too far behind", func(t *testing.T) {
		c := simClient(t, srv, WithClock(func() time.Time { return simNow.Add(-10 * time.Minute) }))
		_, err := c.QuerySeries(testCtx(t), SeriesQuery{})
		var fe *FaultError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, 10, fe.AuthCode, "%v", err)
	})
	t.Run("wrong AT key", func(t *testing.T) {
		c := simClient(t, srv, WithATKey(DefaultATKey()))
		_, err := c.QuerySeries(testCtx(t), SeriesQuery{})
		var fe *FaultError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, 8, fe.AuthCode, "%v", err)
		assert.Contains(t, fe.AuthMessage, "Cifra da chave pública")
	})
	t.Run("expired AT key: nothing sent", func(t *testing.T) {
		old, err := NewATKey(&testRSAKey.PublicKey, simNow.Add(-time.Hour))
		require.NoError(t, err)
		before := srv.Calls(string(OpQuerySeries))
		c := simClient(t, srv, WithATKey(old))
		_, err = c.QuerySeries(testCtx(t), SeriesQuery{})
		require.ErrorIs(t, err, ErrATKeyExpired)
		assert.Equal(t, before, srv.Requests(string(OpQuerySeries)))
	})
	assert.Empty(t, srv.Series(attest.DefaultNIF))
}

func TestTLSFailures(t *testing.T) {
	srv, err := attest.New()
	require.NoError(t, err)
	defer srv.Close()
	key, _ := ParseATKey(srv.EncryptionCertificatePEM())
	creds, _ := NewCredentials(attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword)
	simCert, _ := CertificateFromTLS(srv.ClientCertificate())
	crt, _ := os.ReadFile("testdata/client.crt.pem")
	k, _ := os.ReadFile("testdata/client.key.pem")
	strange, err := LoadPEM(crt, k)
	require.NoError(t, err)

	t.Run("server not trusted", func(t *testing.T) {
		c, err := New(Endpoints{Series: srv.URL()}, creds, simCert, WithATKey(key)) // system roots
		require.NoError(t, err)
		_, err = c.QuerySeries(testCtx(t), SeriesQuery{})
		var te *TLSError
		require.ErrorAs(t, err, &te)
		assert.Contains(t, err.Error(), "TLS handshake failed")
	})
	t.Run("client certificate refused", func(t *testing.T) {
		c, err := New(Endpoints{Series: srv.URL()}, creds, strange, WithATKey(key), WithRootCAs(srv.RootCAs()))
		require.NoError(t, err)
		_, err = c.RegisterSeries(testCtx(t), series.Series{ID: "A", Type: series.SeriesTypeNormal, DocumentType: series.DocumentTypeFT,
			FirstNumber: series.NumberOf(1), ExpectedStart: civil.DateOf(simNow), ProcessingMeans: series.ProcessingMeansInvoicingProgram})
		var te *TLSError
		require.ErrorAs(t, err, &te, "got %v", err)
		assert.False(t, errors.Is(err, ErrNotApplied), "a TLS refusal is certain, not reconciled")
	})
	t.Run("verification explicitly off", func(t *testing.T) {
		c, err := New(Endpoints{Series: srv.URL()}, creds, simCert, WithATKey(key), WithInsecureSkipServerVerification())
		require.NoError(t, err)
		_, err = c.QuerySeries(testCtx(t), SeriesQuery{})
		require.NoError(t, err)
	})
	t.Run("TLS 1.1 server refused", func(t *testing.T) {
		old := httptest.NewUnstartedServer(http.NotFoundHandler())
		old.TLS = &tls.Config{MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS11}
		old.Config.ErrorLog = log.New(io.Discard, "", 0)
		old.StartTLS()
		defer old.Close()
		c, err := New(Endpoints{Series: old.URL}, creds, simCert, WithATKey(key), WithInsecureSkipServerVerification())
		require.NoError(t, err)
		_, err = c.QuerySeries(testCtx(t), SeriesQuery{})
		var te *TLSError
		require.ErrorAs(t, err, &te, "got %v", err)
	})
	t.Run("nothing listening", func(t *testing.T) {
		c, err := New(Endpoints{Series: "https://127.0.0.1:1/SeriesWSService"}, creds, simCert, WithATKey(key), WithQueryRetry(2, time.Millisecond))
		require.NoError(t, err)
		_, err = c.QuerySeries(testCtx(t), SeriesQuery{})
		var te *TransportError
		require.ErrorAs(t, err, &te)
		assert.False(t, te.Sent)
		assert.Contains(t, err.Error(), "could not reach AT")
	})
	assert.Empty(t, srv.Series(attest.DefaultNIF))
}

func TestHTTPError(t *testing.T) {
	e := newSim(t, nil)
	c := simClient(t, e.srv)
	c.endpoints.Series = strings.TrimSuffix(e.srv.URL(), attest.SeriesPath) + "/nowhere"
	_, err := c.QuerySeries(testCtx(t), SeriesQuery{})
	var he *HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, 404, he.StatusCode)
}
