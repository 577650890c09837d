package atclient

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Endpoints are the URLs of AT's services that a Client calls.
type Endpoints struct {
	Series  string // SeriesWSService
	EFatura string // e-Fatura real-time communication (fatcorews), package atclient/efatura
	// Transport is the transport documents service (sgdtws
	// documentosTransporte), package atclient/transport.
	Transport   string
	SelfBilling string // SeriesAutoFaturacaoWSService, self-billing series (RegisterSelfBillingSeries)
}

// TestEndpoints returns AT's test environment (series manual §1.2.2): what
// is registered there has no fiscal effect, but authentication uses the
// production credentials of the sub-user (generic manual §2.3).
func TestEndpoints() Endpoints {
	return Endpoints{
		Series:  "https://servicos.portaldasfinancas.gov.pt:722/SeriesWSService",
		EFatura: "https://servicos.portaldasfinancas.gov.pt:723/fatcorews/ws/",
		// Transport documents manual (2025-07), §3.1 and §6.6.
		Transport:   "https://servicos.portaldasfinancas.gov.pt:701/sgdtws/documentosTransporte",
		SelfBilling: "https://servicos.portaldasfinancas.gov.pt:722/SeriesAutoFaturacaoWSService",
	}
}

// ProductionEndpoints returns AT's production environment.
func ProductionEndpoints() Endpoints {
	return Endpoints{
		Series:      "https://servicos.portaldasfinancas.gov.pt:422/SeriesWSService",
		EFatura:     "https://servicos.portaldasfinancas.gov.pt:423/fatcorews/ws/",
		Transport:   "https://servicos.portaldasfinancas.gov.pt:401/sgdtws/documentosTransporte",
		SelfBilling: "https://servicos.portaldasfinancas.gov.pt:422/SeriesAutoFaturacaoWSService",
	}
}

// config is what the options set.
type config struct {
	atKey          ATKey
	clock          func() time.Time
	roots          *x509.CertPool
	skipVerify     bool
	requestTimeout time.Duration
	queryAttempts  int
	queryBackoff   time.Duration
	sleep          func(context.Context, time.Duration) error
}

// Option configures a Client.
type Option func(*config)

// WithATKey replaces the embedded AT public key, for example when AT issues
// a new one (the embedded one expires on 2027-04-15) or to talk to a
// simulator.
func WithATKey(k ATKey) Option { return func(c *config) { c.atKey = k } }

// WithClock sets the clock of the WS-Security Created field and of the AT
// key's expiry check (default time.Now). AT refuses requests whose Created
// is too far from its own clock (generic manual §4.1, H.4).
func WithClock(now func() time.Time) Option { return func(c *config) { c.clock = now } }

// WithRootCAs sets the certificate authorities that verify AT's server
// certificate (default: the system's roots).
func WithRootCAs(pool *x509.CertPool) Option { return func(c *config) { c.roots = pool } }

// WithInsecureSkipServerVerification turns off the verification of AT's
// server certificate. The connection is then open to a man in the middle
// who would see the (encrypted) credentials and every series: use it only
// against a local test server you control.
func WithInsecureSkipServerVerification() Option { return func(c *config) { c.skipVerify = true } }

// WithRequestTimeout bounds each HTTP exchange (default 60 s). A register
// whose answer times out is reconciled by a query (see RegisterSeries).
func WithRequestTimeout(d time.Duration) Option { return func(c *config) { c.requestTimeout = d } }

// WithQueryRetry sets how often an idempotent query is tried (default 3)
// and the first pause between tries (default 1 s, doubled each time).
// Only queries are retried, never a request that changes AT's state.
func WithQueryRetry(attempts int, backoff time.Duration) Option {
	return func(c *config) { c.queryAttempts, c.queryBackoff = attempts, backoff }
}

// Client calls AT's web services for one taxpayer's sub-user with the
// software producer's certificate. It is safe for concurrent use.
type Client struct {
	endpoints Endpoints
	t         soapTransport
}

// New returns a Client of the given endpoints (TestEndpoints,
// ProductionEndpoints, or the URLs of a simulator), with the taxpayer's
// credentials and the producer's TLS client certificate.
func New(endpoints Endpoints, creds Credentials, cert Certificate, opts ...Option) (*Client, error) {
	cfg := &config{
		clock:          time.Now,
		requestTimeout: 60 * time.Second,
		queryAttempts:  3,
		queryBackoff:   time.Second,
		sleep:          sleepContext,
	}
	for _, o := range opts {
		o(cfg)
	}
	var errs []error
	if creds.isZero() {
		errs = append(errs, errors.New("atclient: no credentials (use NewCredentials)"))
	}
	if !cert.usable() {
		errs = append(errs, errors.New("atclient: no client certificate (use LoadPKCS12 or LoadPEM): AT accepts only mutual TLS"))
	}
	if cfg.atKey.pub == nil {
		cfg.atKey = DefaultATKey()
	}
	if cfg.clock == nil {
		errs = append(errs, errors.New("atclient: WithClock(nil)"))
	}
	if cfg.queryAttempts < 1 {
		cfg.queryAttempts = 1
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	hc := &http.Client{Transport: &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		TLSHandshakeTimeout: 30 * time.Second,
		MaxIdleConnsPerHost: 4,
		IdleConnTimeout:     90 * time.Second,
		TLSClientConfig:     tlsConfig(cert, cfg.roots, cfg.skipVerify),
	}}
	return &Client{
		endpoints: endpoints,
		t: soapTransport{
			// The transport's TLS configuration holds the private key:
			// behind a function, out of reach of reflective printers.
			http:  func() *http.Client { return hc },
			creds: creds,
			key:   cfg.atKey,
			cfg:   cfg,
		},
	}, nil
}

// Endpoints returns the URLs the client calls.
func (c *Client) Endpoints() Endpoints { return c.endpoints }

// NIF returns the taxpayer's NIF of the credentials.
func (c *Client) NIF() string { return c.t.creds.NIF() }

// Call is the transport every AT service shares, for the packages of the
// other services (atclient/efatura): it sends one request of operation to
// url, body being the operation element, in a SOAP 1.1 envelope with a
// fresh WS-Security header, over mutual TLS, bounded by ctx and the
// request timeout. It returns the HTTP status and the answer's bytes, to be
// opened with OpenAnswer. A failure to exchange is a *TLSError (nothing
// sent) or a *TransportError (Sent tells whether AT may have acted), or the
// AT key's expiry (ErrATKeyExpired). It never repeats a request.
func (c *Client) Call(ctx context.Context, url, operation string, body []byte) (status int, answer []byte, err error) {
	return c.t.call(ctx, url, operation, "", body)
}

// CallAction is Call for a service whose WSDL binding gives the operation
// a soapAction other than "" (the transport documents service does): the
// SOAPAction HTTP header carries action, as SOAP 1.1 §6.1.1 asks.
func (c *Client) CallAction(ctx context.Context, url, operation, action string, body []byte) (status int, answer []byte, err error) {
	return c.t.call(ctx, url, operation, action, body)
}

// Close releases idle connections.
func (c *Client) Close() { c.t.http().CloseIdleConnections() }

// String names the endpoints and the user, never the password or keys.
func (c *Client) String() string {
	if c == nil {
		return "atclient.Client(nil)"
	}
	return fmt.Sprintf("atclient.Client{Series: %s, User: %s}", c.endpoints.Series, c.t.creds.Username())
}

// GoString is String.
func (c *Client) GoString() string { return c.String() }

// Format makes every verb print String.
func (c *Client) Format(f fmt.State, verb rune) { _, _ = fmt.Fprint(f, c.String()) }

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
