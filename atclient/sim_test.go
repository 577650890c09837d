package atclient

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/series"
)

// recorder keeps the bodies of the requests a Client sends.
type recorder struct {
	next http.RoundTripper
	mu   sync.Mutex
	reqs [][]byte
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	body, err := req.GetBody()
	if err == nil {
		var b []byte
		buf := make([]byte, 4096)
		for {
			n, rerr := body.Read(buf)
			b = append(b, buf[:n]...)
			if rerr != nil {
				break
			}
		}
		r.mu.Lock()
		r.reqs = append(r.reqs, b)
		r.mu.Unlock()
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
	today  series.Date
}

// newSim starts a simulator and a client of it; both clocks read now.
func newSim(t *testing.T, simOpts []attest.Option, opts ...Option) *simEnv {
	t.Helper()
	srv, err := attest.New(simOpts...)
	require.NoError(t, err)
	t.Cleanup(srv.Close)
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
	rec := &recorder{next: c.t.http.Transport}
	c.t.http.Transport = rec
	return &simEnv{srv: srv, client: c, rec: rec, today: series.DateOf(time.Now().UTC())}
}

func (e *simEnv) newSeries(t *testing.T, id string, dt series.DocumentType, first uint64) series.Series {
	t.Helper()
	s, err := series.New(id, dt, series.NumberOf(first), e.today)
	require.NoError(t, err)
	return s
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

func TestSmokeRegister(t *testing.T) {
	e := newSim(t, nil)
	s, err := e.client.RegisterSeries(ctx(t), e.newSeries(t, "A", series.DocumentTypeFT, 1))
	require.NoError(t, err)
	require.Len(t, s.ValidationCode, 8)
	t.Logf("%+v", s)
}
