// Package attesttest starts the attest simulator for a test and makes
// atclient clients of it, so that the tests of the module wire the
// simulator's certificates, encryption key and user once. It is for tests
// and examples only.
//
// The simulator and the clients share a fixed clock (Now): a test never
// reads the wall clock, so it gives the same result on any day and at any
// hour, midnight included. (TLS certificates still follow the real clock;
// the simulator makes them valid around the moment it starts.)
//
// Package atclient's own tests cannot use it (it imports atclient); they
// keep their one helper beside them.
package attesttest

import (
	"testing"
	"time"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
)

// Now is the fixed time of the simulators and clients made here: a
// weekday morning in Lisbon (11:00, summer time), later than the dates of
// the examples' documents.
var Now = time.Date(2026, time.June, 1, 10, 0, 0, 0, time.UTC)

// Clock returns Now.
func Clock() time.Time { return Now }

// Start starts a simulator with the fixed clock and opts (given after the
// clock, so a test may replace it), closed when the test ends.
func Start(t testing.TB, opts ...attest.Option) *attest.Server {
	t.Helper()
	srv, err := attest.New(append([]attest.Option{attest.WithClock(Clock)}, opts...)...)
	if err != nil {
		t.Fatalf("attesttest: starting the simulator: %v", err)
	}
	t.Cleanup(srv.Close)
	return srv
}

// Client returns a client of srv's services for the default user
// (attest.DefaultNIF, DefaultSubUser, DefaultPassword), closed when the
// test ends. See Dial for its options.
func Client(t testing.TB, srv *attest.Server, opts ...atclient.Option) *atclient.Client {
	t.Helper()
	return ClientAs(t, srv, attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword, opts...)
}

// ClientAs is Client for another user (the simulator's WithUser) or
// another password.
func ClientAs(t testing.TB, srv *attest.Server, nif, subUser, password string, opts ...atclient.Option) *atclient.Client {
	t.Helper()
	c, err := DialAs(srv, nif, subUser, password, opts...)
	if err != nil {
		t.Fatalf("attesttest: %v", err)
	}
	t.Cleanup(c.Close)
	return c
}

// Dial returns a client of srv's services for the default user, for
// examples, which have no testing.T: srv's encryption key in the role of
// AT's, its certificate authority as the only trusted one, the fixed clock,
// and a query retry of 1 ms instead of the default second. opts come after
// these and may replace them. The caller closes the client.
func Dial(srv *attest.Server, opts ...atclient.Option) (*atclient.Client, error) {
	return DialAs(srv, attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword, opts...)
}

// DialAs is Dial for another user or another password.
func DialAs(srv *attest.Server, nif, subUser, password string, opts ...atclient.Option) (*atclient.Client, error) {
	key, err := atclient.ParseATKey(srv.EncryptionCertificatePEM())
	if err != nil {
		return nil, err
	}
	cert, err := atclient.CertificateFromTLS(srv.ClientCertificate())
	if err != nil {
		return nil, err
	}
	creds, err := atclient.NewCredentials(nif, subUser, password)
	if err != nil {
		return nil, err
	}
	all := append([]atclient.Option{
		atclient.WithATKey(key), atclient.WithRootCAs(srv.RootCAs()),
		atclient.WithClock(Clock), atclient.WithQueryRetry(3, time.Millisecond),
	}, opts...)
	return atclient.New(atclient.Endpoints{Series: srv.URL(), EFatura: srv.EFaturaURL(), SelfBilling: srv.SelfBillingURL(), Transport: srv.TransportURL()}, creds, cert, all...)
}
