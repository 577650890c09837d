package atclient

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
)

// The one wiring of the simulator for this package's tests (package
// internal/attesttest does the same for the rest of the module, but it
// imports atclient, which these tests cannot).

// simNow is the fixed time of the simulator and the clients: no test reads
// the wall clock, so none depends on the day or the hour it runs.
var simNow = time.Date(2026, time.June, 1, 10, 0, 0, 0, time.UTC)

func simClock() time.Time { return simNow }

type simEnv struct {
	srv    *attest.Server
	client *Client
	today  civil.Date
}

// newSim starts a simulator and a client of it, both on the fixed clock.
func newSim(t testing.TB, simOpts []attest.Option, opts ...Option) *simEnv {
	t.Helper()
	srv := startSim(t, simOpts...)
	return &simEnv{srv: srv, client: simClient(t, srv, opts...), today: civil.DateOf(simNow)}
}

// startSim starts a simulator on the fixed clock, closed at the test's end.
func startSim(t testing.TB, opts ...attest.Option) *attest.Server {
	t.Helper()
	srv, err := attest.New(append([]attest.Option{attest.WithClock(simClock)}, opts...)...)
	require.NoError(t, err)
	t.Cleanup(srv.Close)
	return srv
}

// simClient is a client of srv with the default user.
func simClient(t testing.TB, srv *attest.Server, opts ...Option) *Client {
	t.Helper()
	return simClientAs(t, srv, attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword, opts...)
}

// simClientAs is a client of srv's two services for the given user: srv's
// key in the role of AT's, its CA trusted, the fixed clock and a 1 ms
// query retry; opts come after these and may replace them.
func simClientAs(t testing.TB, srv *attest.Server, nif, subUser, password string, opts ...Option) *Client {
	t.Helper()
	key, err := ParseATKey(srv.EncryptionCertificatePEM())
	require.NoError(t, err)
	cert, err := CertificateFromTLS(srv.ClientCertificate())
	require.NoError(t, err)
	creds, err := NewCredentials(nif, subUser, password)
	require.NoError(t, err)
	all := append([]Option{WithATKey(key), WithRootCAs(srv.RootCAs()), WithClock(simClock), WithQueryRetry(3, time.Millisecond)}, opts...)
	c, err := New(Endpoints{Series: srv.URL(), EFatura: srv.EFaturaURL(), SelfBilling: srv.SelfBillingURL()}, creds, cert, all...)
	require.NoError(t, err)
	t.Cleanup(c.Close)
	return c
}

func (e *simEnv) newSeries(t testing.TB, id string, dt series.DocumentType, first uint64) series.Series {
	t.Helper()
	s, err := series.New(id, dt, series.NumberOf(first), e.today)
	require.NoError(t, err)
	return s
}

func (e *simEnv) register(t testing.TB, id string, dt series.DocumentType, first uint64) series.Series {
	t.Helper()
	s, err := e.client.RegisterSeries(testCtx(t), e.newSeries(t, id, dt, first))
	require.NoError(t, err)
	return s
}

func testCtx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

// rawCall sends a gowsdl request as is, past the client's own checks, so
// that the simulator's refusals can be exercised.
func (e *simEnv) rawCall(t *testing.T, op Operation, req any, success series.ReturnCode) ([]series.Series, error) {
	t.Helper()
	body, err := marshalOperation("at", nsSeries, string(op), req)
	require.NoError(t, err)
	return e.client.seriesCall(testCtx(t), op, body, success)
}
