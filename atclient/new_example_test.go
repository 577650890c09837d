package atclient_test

import (
	"context"
	"fmt"
	"time"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
)

// A Client of AT's services for one taxpayer's sub-user. Against AT the
// endpoints are atclient.TestEndpoints() or atclient.ProductionEndpoints(),
// the certificate comes from atclient.LoadPKCS12 and AT's key is the
// embedded one; here the simulator provides them. The simulator and the
// client share a fixed clock, and the client's query retries pause 10 ms
// instead of the default second.
func ExampleNew() {
	now := time.Date(2026, time.December, 1, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	srv, err := attest.New(attest.WithClock(clock))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()

	// Without credentials nor certificate, both are reported.
	_, err = atclient.New(atclient.TestEndpoints(), atclient.Credentials{}, atclient.Certificate{})
	fmt.Println(err)

	key, err := atclient.ParseATKey(srv.EncryptionCertificatePEM())
	if err != nil {
		fmt.Println(err)
		return
	}
	cert, err := atclient.CertificateFromTLS(srv.ClientCertificate())
	if err != nil {
		fmt.Println(err)
		return
	}
	creds, err := atclient.NewCredentials(attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword)
	if err != nil {
		fmt.Println(err)
		return
	}
	client, err := atclient.New(atclient.Endpoints{Series: srv.URL()}, creds, cert,
		atclient.WithATKey(key), atclient.WithRootCAs(srv.RootCAs()),
		atclient.WithClock(clock), atclient.WithQueryRetry(3, 10*time.Millisecond))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer client.Close()

	s, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(1), civil.DateOf(now))
	s, err = client.RegisterSeries(context.Background(), s)
	fmt.Println(s.ValidationCode, err)
	fmt.Println(creds) // never the password
	// Output:
	// atclient: no credentials (use NewCredentials)
	// atclient: no client certificate (use LoadPKCS12 or LoadPEM): AT accepts only mutual TLS
	// 018033Y8 <nil>
	// atclient.Credentials{Username: 599999993/37, Password: [REDACTED]}
}
