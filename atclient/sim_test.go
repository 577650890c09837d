package atclient

import (
	"context"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
)

// recorder keeps the bodies of the requests a Client sends.
type recorder struct {
	next http.RoundTripper
	mu   sync.Mutex
	reqs [][]byte
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.GetBody != nil {
		if body, err := req.GetBody(); err == nil {
			b, _ := io.ReadAll(body)
			r.mu.Lock()
			r.reqs = append(r.reqs, b)
			r.mu.Unlock()
		}
	}
	return r.next.RoundTrip(req)
}

func (r *recorder) bodies() [][]byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([][]byte(nil), r.reqs...)
}

type simEnv struct {
	srv    *attest.Server
	client *Client
	rec    *recorder
	today  civil.Date
}

// newSim starts a simulator and a client of it; both clocks read now.
func newSim(t testing.TB, simOpts []attest.Option, opts ...Option) *simEnv {
	t.Helper()
	srv, err := attest.New(simOpts...)
	require.NoError(t, err)
	t.Cleanup(srv.Close)
	c := simClient(t, srv, opts...)
	rec := &recorder{next: c.t.http().Transport}
	c.t.http().Transport = rec
	return &simEnv{srv: srv, client: c, rec: rec, today: civil.DateOf(time.Now().UTC())}
}

// simClient is a client of srv with the default user, trusting its CA.
func simClient(t testing.TB, srv *attest.Server, opts ...Option) *Client {
	t.Helper()
	key, err := ParseATKey(srv.EncryptionCertificatePEM())
	require.NoError(t, err)
	cert, err := CertificateFromTLS(srv.ClientCertificate())
	require.NoError(t, err)
	creds, err := NewCredentials(attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword)
	require.NoError(t, err)
	all := append([]Option{WithATKey(key), WithRootCAs(srv.RootCAs()), WithQueryRetry(3, time.Millisecond)}, opts...)
	c, err := New(Endpoints{Series: srv.URL()}, creds, cert, all...)
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
func (e *simEnv) rawCall(t *testing.T, op string, req any, success series.ReturnCode) ([]series.Series, error) {
	t.Helper()
	body, err := marshalOperation("at", nsSeries, op, req)
	require.NoError(t, err)
	return e.client.seriesCall(testCtx(t), op, body, success)
}
