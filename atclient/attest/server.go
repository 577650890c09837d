package attest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// The user New registers unless WithUser is given: the NIF is a valid test
// NIF (the one of the generic manual's example header).
const (
	DefaultNIF      = "599999993"
	DefaultSubUser  = "37"
	DefaultPassword = "attest-password"
)

// DefaultMaxClockSkew is how far the Created time of a request may be from
// the server's clock. AT does not publish its tolerance.
const DefaultMaxClockSkew = 5 * time.Minute

// SeriesPath is the path of the series service, as at AT.
const SeriesPath = "/SeriesWSService"

// Server is a running simulator. Its methods are safe for concurrent use.
//
// Its private keys and its users' passwords are held behind functions, out
// of reach of a reflective printer (go-spew, what testify prints on a failed
// assertion): a test that prints the Server shows none of them.
type Server struct {
	srv        listener
	caPEM      []byte
	roots      *x509.CertPool
	clientCert func() tls.Certificate
	encKey     func() *rsa.PrivateKey
	encCertPEM []byte

	mu       sync.Mutex
	clock    func() time.Time
	skew     time.Duration
	users    map[string]func() []byte // "NIF/sub" -> password
	inactive map[string]bool          // NIFs without open activity (4043)
	denied   map[string]bool          // "NIF/sub" without the WSE profile (WithoutPermission)
	books    map[string]*book         // per NIF
	keysSeen map[string]time.Time
	faults   []Fault
	calls    map[string]int    // processed requests per operation
	requests map[string]int    // authenticated requests per operation, faults included
	codes    int               // validation codes given
	received [][]byte          // every request body, in order
	efatura  map[string]efBook // e-Fatura documents per NIF

	agreements  map[string][]Agreement          // self-billing agreements per self-biller NIF
	selfBilling map[string][]*SelfBillingRecord // self-billing series per self-biller NIF

	transport map[string]map[string]*TransportDocument // transport documents per NIF, by number
}

// listener is the HTTPS server, whose TLS configuration holds the server's
// private key.
type listener struct {
	URL    string
	server func() *httptest.Server
}

func (l listener) Close() { l.server().Close() }

func password(p string) func() []byte {
	b := []byte(p)
	return func() []byte { return b }
}

// sharedEncKey is the encryption key pair, in the role of AT's
// authentication system's key, made once per process because RSA key
// generation is slow: every Server of a process has the same one. RSA 2048
// (AT's current key is 4096).
var sharedEncKey = sync.OnceValues(func() (*rsa.PrivateKey, error) { return rsa.GenerateKey(rand.Reader, 2048) })

// Option configures a Server.
type Option func(*Server)

// WithUser accepts the credentials of sub-user subUser of nif (replacing the
// default user; give it several times for several users).
func WithUser(nif, subUser, pw string) Option {
	return func(s *Server) {
		if s.users == nil {
			s.users = map[string]func() []byte{}
		}
		s.users[nif+"/"+subUser] = password(pw)
	}
}

// WithClock sets the server's clock (default time.Now): today's date for the
// start-of-use rule and registration dates, and the reference for Created.
func WithClock(now func() time.Time) Option { return func(s *Server) { s.clock = now } }

// WithMaxClockSkew sets the tolerance for the Created time.
func WithMaxClockSkew(d time.Duration) Option { return func(s *Server) { s.skew = d } }

// WithoutActivity makes registrations for nif fail with 4043 (the taxpayer
// has no open activity).
func WithoutActivity(nif string) Option { return func(s *Server) { s.inactive[nif] = true } }

// New starts a simulator on 127.0.0.1. Close it when done.
func New(opts ...Option) (*Server, error) {
	s := &Server{
		clock:    time.Now,
		skew:     DefaultMaxClockSkew,
		inactive: map[string]bool{},
		denied:   map[string]bool{},
		books:    map[string]*book{},
		keysSeen: map[string]time.Time{},
		calls:    map[string]int{},
		requests: map[string]int{},
	}
	for _, o := range opts {
		o(s)
	}
	if s.users == nil {
		s.users = map[string]func() []byte{DefaultNIF + "/" + DefaultSubUser: password(DefaultPassword)}
	}
	if err := s.makeKeys(); err != nil {
		return nil, fmt.Errorf("attest: %w", err)
	}
	return s, nil
}

func (s *Server) makeKeys() error {
	// The certificates are valid around both the real time (the TLS
	// handshake checks them against it) and the server's clock (what a
	// test's fixed clock shows, e.g. to package setup's certificate check).
	now, simulated := time.Now(), s.clock()
	from, to := now, now
	if simulated.Before(from) {
		from = simulated
	}
	if simulated.After(to) {
		to = simulated
	}
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "attest throwaway CA", Organization: []string{"faturapt attest"}},
		NotBefore:             from.Add(-time.Hour),
		NotAfter:              to.Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return err
	}
	ca, err := x509.ParseCertificate(caDER)
	if err != nil {
		return err
	}
	s.caPEM = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER})
	s.roots = x509.NewCertPool()
	s.roots.AddCert(ca)

	issue := func(serial int64, cn string, usage x509.ExtKeyUsage, server bool) (tls.Certificate, error) {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			return tls.Certificate{}, err
		}
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(serial),
			Subject:      pkix.Name{CommonName: cn, Organization: []string{"faturapt attest"}},
			NotBefore:    from.Add(-time.Hour),
			NotAfter:     to.Add(24 * time.Hour),
			KeyUsage:     x509.KeyUsageDigitalSignature,
			ExtKeyUsage:  []x509.ExtKeyUsage{usage},
		}
		if server {
			tmpl.IPAddresses = []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback}
			tmpl.DNSNames = []string{"localhost"}
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
		if err != nil {
			return tls.Certificate{}, err
		}
		leaf, err := x509.ParseCertificate(der)
		if err != nil {
			return tls.Certificate{}, err
		}
		return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, nil
	}
	serverCert, err := issue(2, "localhost", x509.ExtKeyUsageServerAuth, true)
	if err != nil {
		return err
	}
	// The CN of an AT-issued producer certificate is the producer's NIF
	// (generic manual §5).
	clientCert, err := issue(3, DefaultNIF, x509.ExtKeyUsageClientAuth, false)
	if err != nil {
		return err
	}
	s.clientCert = func() tls.Certificate { return clientCert }
	encKey, err := sharedEncKey()
	if err != nil {
		return err
	}
	s.encKey = func() *rsa.PrivateKey { return encKey }
	encTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(4),
		Subject:      pkix.Name{CommonName: "attest Chave Cifra Publica", Organization: []string{"faturapt attest"}},
		NotBefore:    from.Add(-time.Hour),
		NotAfter:     to.AddDate(1, 0, 0),
		KeyUsage:     x509.KeyUsageKeyEncipherment,
	}
	encDER, err := x509.CreateCertificate(rand.Reader, encTmpl, ca, &encKey.PublicKey, caKey)
	if err != nil {
		return err
	}
	s.encCertPEM = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: encDER})

	mux := http.NewServeMux()
	mux.HandleFunc(SeriesPath, s.serveSeries)
	mux.HandleFunc(EFaturaPath, s.serveEFatura)
	mux.HandleFunc(SelfBillingPath, s.serveSelfBilling)
	mux.HandleFunc(TransportPath, s.serveTransport)
	srv := httptest.NewUnstartedServer(mux)
	srv.TLS = &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{serverCert},
		ClientAuth:   tls.RequireAndVerifyClientCert,
		ClientCAs:    s.roots,
	}
	srv.Config.ErrorLog = discardLogger()
	srv.StartTLS()
	s.srv = listener{URL: srv.URL, server: func() *httptest.Server { return srv }}
	return nil
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// URL returns the URL of the series service (atclient.Endpoints.Series).
func (s *Server) URL() string { return s.srv.URL + SeriesPath }

// ClientCertificate returns a client certificate the server accepts, in the
// role of the producer's AT-issued certificate.
func (s *Server) ClientCertificate() tls.Certificate { return s.clientCert() }

// RootCAs returns a pool with the CA that signed the server's certificate.
func (s *Server) RootCAs() *x509.CertPool { return s.roots.Clone() }

// CACertificatePEM returns the CA certificate, PEM.
func (s *Server) CACertificatePEM() []byte { return append([]byte(nil), s.caPEM...) }

// EncryptionKey returns the public key with which clients must encrypt
// their request keys (in place of AT's public key).
func (s *Server) EncryptionKey() *rsa.PublicKey { return &s.encKey().PublicKey }

// EncryptionCertificatePEM returns a certificate of EncryptionKey, like the
// .cer file AT distributes (atclient.ParseATKey reads it).
func (s *Server) EncryptionCertificatePEM() []byte { return append([]byte(nil), s.encCertPEM...) }

// Calls returns how many requests of operation op (e.g. "registarSerie")
// passed authentication and were processed, whatever their result code.
func (s *Server) Calls(op string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[op]
}

// Requests returns how many requests of operation op passed authentication,
// including those an injected fault stopped before processing.
func (s *Server) Requests(op string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[op]
}

// Received returns the body of every request the server received, in
// order, whatever its service and whether it was authenticated: what a
// program under test really sent.
func (s *Server) Received() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([][]byte, len(s.received))
	for i, b := range s.received {
		out[i] = bytes.Clone(b)
	}
	return out
}

// HTTPClient returns an HTTP client that presents ClientCertificate and
// trusts the server, to send requests of a test's own making.
func (s *Server) HTTPClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		MinVersion:   tls.VersionTLS12,
		RootCAs:      s.roots.Clone(),
		Certificates: []tls.Certificate{s.clientCert()},
	}}}
}

// readRequest reads a POSTed body and records it; it answers a fault with
// faultcode clientFault to another method.
func (s *Server) readRequest(w http.ResponseWriter, r *http.Request, clientFault string) ([]byte, bool) {
	if r.Method != http.MethodPost {
		writeFault(w, http.StatusMethodNotAllowed, clientFault, "only POST")
		return nil, false
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return nil, false
	}
	s.mu.Lock()
	s.received = append(s.received, data)
	s.mu.Unlock()
	return data, true
}

func (s *Server) now() time.Time { return s.clock() }

func isDigits(v string) bool {
	if v == "" {
		return false
	}
	return strings.Trim(v, "0123456789") == ""
}
