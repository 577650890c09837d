package attest_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/selfbilling"
	"github.com/faturapt/faturapt/series"
)

// The self-billing series service: an agreement given to the simulator (as
// if made in the Portal das Finanças), a series registered under it, and
// the simulator's record of it.
func ExampleWithAgreement() {
	now := time.Date(2026, time.June, 1, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	srv, err := attest.New(attest.WithClock(clock),
		attest.WithAgreement(attest.DefaultNIF, attest.Agreement{Partner: "FN", PartnerNIF: "501234560", PartnerName: "Moagem SA", From: "2026-01-01"}))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	key, _ := atclient.ParseATKey(srv.EncryptionCertificatePEM())
	cert, _ := atclient.CertificateFromTLS(srv.ClientCertificate())
	creds, _ := atclient.NewCredentials(attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword)
	client, err := atclient.New(atclient.Endpoints{SelfBilling: srv.SelfBillingURL()}, creds, cert,
		atclient.WithATKey(key), atclient.WithRootCAs(srv.RootCAs()), atclient.WithClock(clock))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	s, _ := selfbilling.New("MOAGEM", series.DocumentTypeFT, series.NumberOf(1), civil.DateOf(now), selfbilling.NationalSupplier, "501234560")
	if _, err := client.RegisterSelfBillingSeries(context.Background(), s); err != nil {
		log.Fatal(err)
	}
	// Without an agreement in force the simulator refuses (4003).
	other, _ := selfbilling.New("OUTRO", series.DocumentTypeFT, series.NumberOf(1), civil.DateOf(now), selfbilling.NationalSupplier, "500000000")
	_, err = client.RegisterSelfBillingSeries(context.Background(), other)
	fmt.Println(err)
	for _, r := range srv.SelfBillingSeries(attest.DefaultNIF) {
		fmt.Println(r.DocumentType, r.ID, r.SeriesType, r.Status, r.ValidationCode, r.Partner, r.PartnerNIF)
	}

	// An agreement made later, on a running server.
	srv.AddAgreement(attest.DefaultNIF, attest.Agreement{Partner: "FN", PartnerNIF: "500000000", From: "2026-06-01"})
	_, err = client.RegisterSelfBillingSeries(context.Background(), other)
	fmt.Println(err, len(srv.SelfBillingSeries(attest.DefaultNIF)))
	// Output:
	// atclient: registarSerieAutofaturacao: AT answered 4003 (Some fields have errors.): Não foi possível registar a Série de autofaturação. Por favor corrija os erros nos campos assinalados. [nifAssociadoAoAcordo] Não existe Acordo de Autofaturação ativo com a entidade indicada.
	// FT MOAGEM A A 018033Y8 FN 501234560
	// <nil> 2
}
