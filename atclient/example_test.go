package atclient_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/attesttest"
	"github.com/faturapt/faturapt/series"
)

// simulatorClient starts AT's simulator and returns a client of it, set up
// as ExampleNew shows, on a fixed clock.
func simulatorClient() (*attest.Server, *atclient.Client) {
	srv, err := attest.New(attest.WithClock(attesttest.Clock))
	if err != nil {
		log.Fatal(err)
	}
	client, err := attesttest.Dial(srv)
	if err != nil {
		log.Fatal(err)
	}
	return srv, client
}

// today is the date of the examples' fixed clock.
func today() civil.Date { return civil.DateOf(attesttest.Now) }

// Register a new series with AT and print the ATCUD of its first document
// (the client is set up as ExampleNew shows).
func Example_registerNewSeries() {
	srv, client := simulatorClient()
	defer srv.Close()
	defer client.Close()

	s, err := series.New("2026A", series.DocumentTypeFT, series.NumberOf(1), today())
	if err != nil {
		log.Fatal(err)
	}
	s, err = client.RegisterSeries(context.Background(), s)
	if err != nil {
		log.Fatal(err)
	}
	doc, _ := s.DocumentNumber(series.NumberOf(1))
	a, err := atcud.FromSequence(s.ValidationCode, 1)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("status:", s.Status.DescriptionEN())
	fmt.Println(doc, "ATCUD:", a)
	// Output:
	// status: Active
	// FT 2026A/1 ATCUD: 018033Y8-1
}

// A program that already issued documents 1 to 1233 in series B before
// communicating it registers it from the next number, 1234.
func ExampleClient_RegisterSeries() {
	srv, client := simulatorClient()
	defer srv.Close()
	s, err := series.New("B", series.DocumentTypeFR, series.NumberOf(1234), today(),
		series.WithCertificateNumber(9999))
	if err != nil {
		log.Fatal(err)
	}
	s, err = client.RegisterSeries(context.Background(), s)
	if err != nil {
		log.Fatal(err)
	}
	next, _ := s.NextNumber()
	a, _ := atcud.FromSequence(s.ValidationCode, 1234)
	fmt.Println("next number:", next, "ATCUD:", a)
	// Output:
	// next number: 1234 ATCUD: 018033Y8-1234
}

// Finalize a series after its last document.
func ExampleClient_FinalizeSeries() {
	srv, client := simulatorClient()
	defer srv.Close()
	ctx := context.Background()
	s, _ := series.New("C", series.DocumentTypeFS, series.NumberOf(1), today())
	s, err := client.RegisterSeries(ctx, s)
	if err != nil {
		log.Fatal(err)
	}
	s, err = client.FinalizeSeries(ctx, s, series.NumberOf(250), "fim do exercício")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.ID, s.Status.DescriptionEN(), "last issued", s.LastIssued)
	// Output:
	// C Finalized last issued 250
}

// Cancel a registration made in error (no document was issued in it).
func ExampleClient_CancelSeries() {
	srv, client := simulatorClient()
	defer srv.Close()
	ctx := context.Background()
	s, _ := series.New("WRONG", series.DocumentTypeGT, series.NumberOf(1), today())
	s, err := client.RegisterSeries(ctx, s)
	if err != nil {
		log.Fatal(err)
	}
	s, err = client.CancelSeries(ctx, s, series.CancellationReasonError, true)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.ID, s.Status.DescriptionEN(), s.StatusReason)
	// Output:
	// WRONG Cancelled ER
}

// Query the series registered, here the active ones of class SI.
func ExampleClient_QuerySeries() {
	srv, client := simulatorClient()
	defer srv.Close()
	ctx := context.Background()
	for _, id := range []string{"A", "B"} {
		s, _ := series.New(id, series.DocumentTypeFT, series.NumberOf(1), today())
		if _, err := client.RegisterSeries(ctx, s); err != nil {
			log.Fatal(err)
		}
	}
	s, _ := series.New("G", series.DocumentTypeGR, series.NumberOf(1), today())
	if _, err := client.RegisterSeries(ctx, s); err != nil {
		log.Fatal(err)
	}
	list, err := client.QuerySeries(ctx, atclient.SeriesQuery{Class: series.DocumentClassSI, Status: series.StatusActive})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range list {
		fmt.Println(s.DocumentType, s.ID, s.ValidationCode)
	}
	// Output:
	// FT A 018033Y8
	// FT B 02FWGVOX
}

// AT's refusals are *ResultError with the manual's code.
func ExampleResultError() {
	srv, client := simulatorClient()
	defer srv.Close()
	ctx := context.Background()
	s, _ := series.New("AB", series.DocumentTypeFT, series.NumberOf(1), today())
	if _, err := client.RegisterSeries(ctx, s); err != nil {
		log.Fatal(err)
	}
	s.ID = "ab" // identifiers are unique whatever the letter case (§1.3.2)
	_, err := client.RegisterSeries(ctx, s)
	if re, ok := errors.AsType[*atclient.ResultError](err); ok {
		fmt.Println(int(re.Code), re.Code == series.Code4001)
	}
	// Output:
	// 4001 true
}

// Credentials print without their password.
func ExampleNewCredentials() {
	creds, err := atclient.NewCredentials("555555555", "0002", "the password")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(creds.Username())
	fmt.Printf("%v\n", creds)
	// Output:
	// 555555555/0002
	// atclient.Credentials{Username: 555555555/0002, Password: [REDACTED]}
}

// Load the producer's certificate from the .pfx AT's procedure produces
// (generic manual §5.3); legacy encryptions are read too.
func ExampleLoadPKCS12() {
	data, err := os.ReadFile("testdata/legacy.pfx")
	if err != nil {
		log.Fatal(err)
	}
	cert, err := atclient.LoadPKCS12(data, "TESTEwebservice")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cert.Subject())
	// Output:
	// CN=599999993,C=PT
}

// The certificate's public part, for checks such as package setup's.
func ExampleCertificate_X509() {
	data, err := os.ReadFile("testdata/legacy.pfx")
	if err != nil {
		log.Fatal(err)
	}
	cert, err := atclient.LoadPKCS12(data, "TESTEwebservice")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cert.X509().Subject.CommonName)
	// Output:
	// 599999993
}

// The embedded AT public key and its expiry.
func ExampleDefaultATKey() {
	k := atclient.DefaultATKey()
	fmt.Println(k.Subject(), "valid until", k.NotAfter().Format(time.DateOnly))
	// Output:
	// Chave Cifra Publica AT valid until 2027-04-15
}

// AT's endpoints.
func ExampleTestEndpoints() {
	fmt.Println(atclient.TestEndpoints().Series)
	fmt.Println(atclient.ProductionEndpoints().Series)
	// Output:
	// https://servicos.portaldasfinancas.gov.pt:722/SeriesWSService
	// https://servicos.portaldasfinancas.gov.pt:422/SeriesWSService
}

// A key file AT sends, here its previous key: parsed, and refused for use
// after its expiry (ErrATKeyExpired) without anything being sent.
func ExampleParseATKey() {
	data, err := os.ReadFile("testdata/ChaveCifraPublicaAT2025.cer")
	if err != nil {
		log.Fatal(err)
	}
	k, err := atclient.ParseATKey(data)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(k.Subject(), "expired on", k.NotAfter().Format(time.DateOnly))
	// Output:
	// Chave Cifra Publica AT expired on 2025-06-28
}

// Load the producer's certificate and key from PEM files.
func ExampleLoadPEM() {
	crt, err := os.ReadFile("testdata/client.crt.pem")
	if err != nil {
		log.Fatal(err)
	}
	key, err := os.ReadFile("testdata/client.key.pem")
	if err != nil {
		log.Fatal(err)
	}
	cert, err := atclient.LoadPEM(crt, key)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cert)
	// Output:
	// atclient.Certificate{Subject: CN=599999993,C=PT, PrivateKey: [REDACTED]}
}
