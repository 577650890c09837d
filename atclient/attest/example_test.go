package attest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
)

// A test of a program's series handling against the simulator: set up a
// client from what the server exposes, then make AT lose an answer. The
// server and the client share a fixed clock, so the example's output does
// not depend on the day; the client pauses 10 ms (not the default second)
// before the query that settles a lost answer.
func ExampleNew() {
	now := time.Date(2026, time.June, 1, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	srv, err := attest.New(attest.WithClock(clock))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	key, _ := atclient.ParseATKey(srv.EncryptionCertificatePEM())
	cert, _ := atclient.CertificateFromTLS(srv.ClientCertificate())
	creds, _ := atclient.NewCredentials(attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword)
	client, err := atclient.New(atclient.Endpoints{Series: srv.URL()}, creds, cert,
		atclient.WithATKey(key), atclient.WithRootCAs(srv.RootCAs()),
		atclient.WithClock(clock), atclient.WithQueryRetry(3, 10*time.Millisecond))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	// The simulator registers the series, then drops the connection.
	srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: "registarSerie", AfterProcessing: true})
	s, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(1), civil.DateOf(now))
	s, err = client.RegisterSeries(context.Background(), s)
	fmt.Println(s.ValidationCode, err, len(srv.Series(attest.DefaultNIF)))

	// Now it drops the connection before acting: nothing registered.
	srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: "registarSerie"})
	b, _ := series.New("B", series.DocumentTypeFT, series.NumberOf(1), civil.DateOf(now))
	_, err = client.RegisterSeries(context.Background(), b)
	fmt.Println(errors.Is(err, atclient.ErrNotApplied), len(srv.Series(attest.DefaultNIF)))
	// Output:
	// 018033Y8 <nil> 1
	// true 1
}
