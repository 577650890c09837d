// Command selfbilling registers self-billing series ("autofaturação com
// acordo") with AT's self-billing series service
// (SeriesAutoFaturacaoWSService) — here the in-process simulator of package
// atclient/attest — on behalf of the suppliers a company has agreements
// with, and prints each series' ATCUD:
//
//   - lists the company's agreements (made in the Portal das Finanças by
//     both parties, never through the service);
//   - registers a series for a national supplier and one for a foreign
//     supplier, and prints the ATCUD of their first invoice;
//   - survives a lost answer: the simulator registers a series and drops the
//     connection, the client finds the series by a query instead of
//     registering it twice;
//   - refuses, before sending anything, a series that breaks the manual's
//     rules (every violation at once);
//   - finalizes a series and cancels one registered in error;
//   - shows the set-up status of the company's self-billing.
//
// It needs no arguments and no network: go run ./examples/selfbilling
//
// Against AT: atclient.TestEndpoints() (or ProductionEndpoints()), the
// producer's certificate, and the self-biller's own sub-user credentials
// (self-billing manual, Aspetos Genéricos §2), without WithATKey and
// WithRootCAs.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/selfbilling"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/setup"
	"github.com/faturapt/faturapt/violation"
)

const (
	mill   = "501234560"   // a national supplier (a valid NIF)
	quarry = "ESB12345678" // a foreign supplier, identified in Spain
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "selfbilling example:", err)
		os.Exit(1)
	}
}

func run() error {
	now := time.Now()
	today := civil.DateIn(now, civil.Lisbon)
	srv, err := attest.New(
		attest.WithAgreement(attest.DefaultNIF, attest.Agreement{Partner: "FN", AcquirerName: "Padaria Central Lda",
			PartnerNIF: mill, PartnerName: "Moagem do Norte SA", From: today.AddDays(-90).String()}),
		attest.WithAgreement(attest.DefaultNIF, attest.Agreement{Partner: "FE", AcquirerName: "Padaria Central Lda",
			PartnerNIF: quarry, PartnerName: "Harinas del Sur SL", Country: "ES", From: today.AddDays(-30).String()}))
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
	client, err := atclient.New(atclient.Endpoints{SelfBilling: srv.SelfBillingURL()}, creds, cert,
		atclient.WithATKey(key), atclient.WithRootCAs(srv.RootCAs()),
		atclient.WithRequestTimeout(5*time.Second), atclient.WithQueryRetry(3, 10*time.Millisecond))
	if err != nil {
		return err
	}
	defer client.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	// 1. The agreements.
	agreements, err := client.QuerySelfBillingAgreements(ctx, atclient.AgreementQuery{Status: selfbilling.AgreementActive})
	if err != nil {
		return err
	}
	for _, a := range agreements {
		fmt.Printf("agreement: %s %s (%s), from %s\n", a.Partner.DescriptionEN(), a.PartnerNIF, a.PartnerName, a.From)
	}

	// 2. A series per supplier.
	fn, err := selfbilling.New("MOAGEM", series.DocumentTypeFT, series.NumberOf(1), today, selfbilling.NationalSupplier, mill)
	if err != nil {
		return err
	}
	if fn, err = client.RegisterSelfBillingSeries(ctx, fn); err != nil {
		return err
	}
	fe, err := selfbilling.New("HARINAS", series.DocumentTypeFT, series.NumberOf(1), today, selfbilling.ForeignSupplier, quarry,
		selfbilling.WithForeignPartner("ES", "Harinas del Sur SL"))
	if err != nil {
		return err
	}
	if fe, err = client.RegisterSelfBillingSeries(ctx, fe); err != nil {
		return err
	}
	for _, s := range []selfbilling.Series{fn, fe} {
		if err := printATCUD(s, 1); err != nil {
			return err
		}
	}

	// 3. A lost answer: AT registers the series, the connection drops.
	srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(atclient.OpRegisterSelfBillingSeries), AfterProcessing: true})
	nc, err := selfbilling.New("MOAGEM", series.DocumentTypeNC, series.NumberOf(1), today, selfbilling.NationalSupplier, mill)
	if err != nil {
		return err
	}
	if nc, err = client.RegisterSelfBillingSeries(ctx, nc); err != nil {
		return err
	}
	fmt.Printf("after a lost answer: %s %s found by a query, sent %d time(s)\n", nc.DocumentType, nc.ID,
		srv.Requests(string(atclient.OpRegisterSelfBillingSeries))-2)

	// 4. Refused before sending: every rule broken at once.
	bad := fn
	bad.ID, bad.DocumentType, bad.ValidationCode, bad.Status = "AT-2026", series.DocumentTypeGT, "", ""
	bad.PartnerNIF = "501234561"
	_, err = client.RegisterSelfBillingSeries(ctx, bad)
	var ve *violation.Error
	if !errors.As(err, &ve) {
		return fmt.Errorf("want a validation error, got %v", err)
	}
	fmt.Println("refused before sending:")
	for _, v := range ve.Violations {
		fmt.Printf("  %s [%s]\n", v.Path, v.Code)
	}

	// 5. Finalize one, cancel another (registered in error today).
	if fn, err = client.FinalizeSelfBillingSeries(ctx, fn, series.NumberOf(12), "fim do contrato"); err != nil {
		return err
	}
	if fe, err = client.CancelSelfBillingSeries(ctx, fe, series.CancellationReasonError, true); err != nil {
		return err
	}
	fmt.Printf("%s %s: %s after document %s; %s %s: %s\n", fn.DocumentType, fn.ID, fn.Status.DescriptionEN(), fn.LastIssued,
		fe.DocumentType, fe.ID, fe.Status.DescriptionEN())

	// 6. The set-up status of the company's self-billing.
	st := setup.Evaluate(ctx, setup.Company{
		SelfBilling: setup.SelfBillingFuncs{
			Agreements: func(ctx context.Context) ([]selfbilling.Agreement, error) {
				return client.QuerySelfBillingAgreements(ctx, atclient.AgreementQuery{})
			},
			Series: func(ctx context.Context) ([]selfbilling.Series, error) {
				return client.QuerySelfBillingSeries(ctx, atclient.SelfBillingQuery{})
			},
		},
		SelfBillingTypes: []series.DocumentType{series.DocumentTypeFT, series.DocumentTypeNC},
	}, setup.WithClock(func() time.Time { return now }))
	for _, c := range st.Checks {
		if c.ID == setup.CheckSelfBilling {
			fmt.Println(c)
		}
	}
	return nil
}

func printATCUD(s selfbilling.Series, number uint64) error {
	doc, err := s.DocumentNumber(series.NumberOf(number))
	if err != nil {
		return err
	}
	a, err := atcud.FromSequence(s.ValidationCode, number)
	if err != nil {
		return err
	}
	fmt.Printf("registered on behalf of %s: %s, ATCUD %s\n", s.PartnerNIF, doc, a)
	return nil
}
