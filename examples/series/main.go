// Command series communicates document series to AT's series web service
// (SeriesWSService) — here to the in-process simulator of package
// atclient/attest — and prints each series' ATCUD:
//
//   - registers a new series and prints the ATCUD of its document 1;
//   - registers an existing series whose next document number is 1234;
//   - survives a lost answer: the simulator registers a series and drops the
//     connection, the client finds the series by a query instead of
//     registering it twice;
//   - finalizes a series, cancels one registered in error, queries them all.
//
// It needs no arguments and no network: go run ./examples/series
//
// Against AT, replace the simulator's pieces: atclient.TestEndpoints() (or
// ProductionEndpoints()), the producer's certificate from
// atclient.LoadPKCS12, the taxpayer's sub-user credentials, and no
// WithATKey/WithRootCAs (the embedded AT key and the system's roots).
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "series example:", err)
		os.Exit(1)
	}
}

func run() error {
	srv, err := attest.New()
	if err != nil {
		return err
	}
	defer srv.Close()

	key, err := atclient.ParseATKey(srv.EncryptionCertificatePEM())
	if err != nil {
		return err
	}
	cert, err := atclient.CertificateFromTLS(srv.ClientCertificate())
	if err != nil {
		return err
	}
	creds, err := atclient.NewCredentials(attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword)
	if err != nil {
		return err
	}
	client, err := atclient.New(atclient.Endpoints{Series: srv.URL()}, creds, cert,
		atclient.WithATKey(key), atclient.WithRootCAs(srv.RootCAs()),
		atclient.WithRequestTimeout(5*time.Second))
	if err != nil {
		return err
	}
	defer client.Close()
	fmt.Println("client:", client) // the password never shows

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	today := civil.DateIn(time.Now(), civil.Lisbon)

	// 1. A new series, numbered from 1.
	a, err := series.New("2026A", series.DocumentTypeFT, series.NumberOf(1), today)
	if err != nil {
		return err
	}
	if a, err = client.RegisterSeries(ctx, a); err != nil {
		return err
	}
	if err := printATCUD(a, 1); err != nil {
		return err
	}

	// 2. A series in use before it was communicated: next number 1234.
	b, err := series.New("LOJA1", series.DocumentTypeFR, series.NumberOf(1234), today,
		series.WithCertificateNumber(9999))
	if err != nil {
		return err
	}
	if b, err = client.RegisterSeries(ctx, b); err != nil {
		return err
	}
	next, err := b.NextNumber()
	if err != nil {
		return err
	}
	fmt.Println("next number of LOJA1:", next)
	if err := printATCUD(b, 1234); err != nil {
		return err
	}

	// 3. The answer to a register is lost after AT registered the series.
	srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: "registarSerie", AfterProcessing: true})
	c, err := series.New("NC-2026", series.DocumentTypeNC, series.NumberOf(1), today)
	if err != nil {
		return err
	}
	if c, err = client.RegisterSeries(ctx, c); err != nil {
		return err
	}
	times := 0
	for _, r := range srv.Series(attest.DefaultNIF) {
		if r.ID == c.ID {
			times++
		}
	}
	fmt.Printf("answer lost, series found by a query: %s %s, code %s (registered %d time)\n",
		c.DocumentType, c.ID, c.ValidationCode, times)
	if times != 1 {
		return fmt.Errorf("series %s registered %d times", c.ID, times)
	}

	// 4. Finalize series 2026A after its document 250.
	if a, err = client.FinalizeSeries(ctx, a, series.NumberOf(250), "fim do exercício"); err != nil {
		return err
	}
	fmt.Printf("finalized: %s %s, last document %s\n", a.DocumentType, a.ID, a.LastIssued)

	// 5. A registration made in error, cancelled (no document issued in it).
	w, err := series.New("ERRADA", series.DocumentTypeGT, series.NumberOf(1), today)
	if err != nil {
		return err
	}
	if w, err = client.RegisterSeries(ctx, w); err != nil {
		return err
	}
	if w, err = client.CancelSeries(ctx, w, series.CancellationReasonError, true); err != nil {
		return err
	}
	fmt.Printf("cancelled: %s %s (%s)\n", w.DocumentType, w.ID, w.StatusReason.DescriptionEN())

	// 6. Query everything registered.
	list, err := client.QuerySeries(ctx, atclient.SeriesQuery{})
	if err != nil {
		return err
	}
	fmt.Println("series at AT:")
	for _, s := range list {
		fmt.Printf("  %-2s %-8s %s  from %-5s %s\n", s.DocumentType, s.ID, s.ValidationCode, s.FirstNumber, s.Status.DescriptionEN())
	}
	if len(list) != 4 {
		return fmt.Errorf("query returned %d series, want 4", len(list))
	}
	return nil
}

func printATCUD(s series.Series, number uint64) error {
	doc, err := s.DocumentNumber(series.NumberOf(number))
	if err != nil {
		return err
	}
	a, err := atcud.FromSequence(s.ValidationCode, number)
	if err != nil {
		return err
	}
	fmt.Printf("registered: %s, ATCUD %s\n", doc, a)
	return nil
}
