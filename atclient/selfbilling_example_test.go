package atclient_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/internal/attesttest"
	"github.com/faturapt/faturapt/selfbilling"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

// selfBillingClient starts AT's simulator, where the company (the default
// NIF) has a self-billing agreement with a national supplier, 501234560,
// and one with a Spanish supplier, and returns a client of it.
func selfBillingClient() (*attest.Server, *atclient.Client) {
	srv, err := attest.New(attest.WithClock(attesttest.Clock),
		attest.WithAgreement(attest.DefaultNIF, attest.Agreement{Partner: "FN", AcquirerName: "Padaria Central Lda",
			PartnerNIF: "501234560", PartnerName: "Moagem do Norte SA", From: "2026-01-01"}),
		attest.WithAgreement(attest.DefaultNIF, attest.Agreement{Partner: "FE", AcquirerName: "Padaria Central Lda",
			PartnerNIF: "ESB12345678", PartnerName: "Harinas del Sur SL", Country: "ES", From: "2026-03-01", To: "2027-02-28"}))
	if err != nil {
		log.Fatal(err)
	}
	client, err := attesttest.Dial(srv)
	if err != nil {
		log.Fatal(err)
	}
	return srv, client
}

// Register the series of the invoices the company issues in its national
// supplier's name, and print the ATCUD of the first.
func ExampleClient_RegisterSelfBillingSeries() {
	srv, client := selfBillingClient()
	defer srv.Close()
	defer client.Close()

	s, err := selfbilling.New("MOAGEM", series.DocumentTypeFT, series.NumberOf(1), today(),
		selfbilling.NationalSupplier, "501234560")
	if err != nil {
		log.Fatal(err)
	}
	s, err = client.RegisterSelfBillingSeries(context.Background(), s)
	if err != nil {
		log.Fatal(err)
	}
	a, _ := atcud.FromSequence(s.ValidationCode, 1)
	doc, _ := s.DocumentNumber(series.NumberOf(1))
	fmt.Println(s.Type.DescriptionEN(), s.Status.DescriptionEN(), "for", s.PartnerNIF)
	fmt.Println(doc, "ATCUD:", a)

	// The manual's rules are checked before sending, all at once.
	s.ID, s.DocumentType, s.ValidationCode, s.Status = "AT1", series.DocumentTypeGR, "", ""
	_, err = client.RegisterSelfBillingSeries(context.Background(), s)
	fmt.Println(violation.Codes(err))
	// Output:
	// Self-billing under an agreement Active for 501234560
	// FT MOAGEM/1 ATCUD: 018033Y8-1
	// [SELFBILLING-DOCUMENT-TYPE SELFBILLING-RESERVED-ID]
}

// The agreements are made in the Portal das Finanças by both parties; a
// program reads them.
func ExampleClient_QuerySelfBillingAgreements() {
	srv, client := selfBillingClient()
	defer srv.Close()
	defer client.Close()

	list, err := client.QuerySelfBillingAgreements(context.Background(), atclient.AgreementQuery{Status: selfbilling.AgreementActive})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range list {
		fmt.Println(a.Partner, a.PartnerNIF, a.PartnerName, a.Country, a.From, a.To, a.InForce(today()))
	}
	// Output:
	// FN 501234560 Moagem do Norte SA  2026-01-01 0000-00-00 true
	// FE ESB12345678 Harinas del Sur SL ES 2026-03-01 2027-02-28 true
}

// Query the self-billing series held for a supplier; the status filter of
// the manual, which the WSDL lacks, is applied by the client.
func ExampleClient_QuerySelfBillingSeries() {
	srv, client := selfBillingClient()
	defer srv.Close()
	defer client.Close()
	ctx := context.Background()
	for _, t := range []series.DocumentType{series.DocumentTypeFT, series.DocumentTypeNC} {
		s, _ := selfbilling.New("HARINAS", t, series.NumberOf(1), today(), selfbilling.ForeignSupplier, "ESB12345678",
			selfbilling.WithForeignPartner("ES", "Harinas del Sur SL"))
		if _, err := client.RegisterSelfBillingSeries(ctx, s); err != nil {
			log.Fatal(err)
		}
	}
	list, err := client.QuerySelfBillingSeries(ctx, atclient.SelfBillingQuery{PartnerNIF: "ESB12345678", Status: series.StatusActive})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range list {
		fmt.Println(s.DocumentType, s.ID, s.ValidationCode, s.Partner, s.Country, s.ForeignName)
	}
	// Output:
	// FT HARINAS 018033Y8 FE ES Harinas del Sur SL
	// NC HARINAS 02FWGVOX FE ES Harinas del Sur SL
}

// Finalize a self-billing series after its last document.
func ExampleClient_FinalizeSelfBillingSeries() {
	srv, client := selfBillingClient()
	defer srv.Close()
	defer client.Close()
	ctx := context.Background()
	s, _ := selfbilling.New("MOAGEM", series.DocumentTypeFT, series.NumberOf(1), today(), selfbilling.NationalSupplier, "501234560")
	s, err := client.RegisterSelfBillingSeries(ctx, s)
	if err != nil {
		log.Fatal(err)
	}
	s, err = client.FinalizeSelfBillingSeries(ctx, s, series.NumberOf(250), "acordo terminado")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Status.DescriptionEN(), s.LastIssued, s.Justification)
	// Output: Finalized 250 acordo terminado
}

// Cancel a self-billing series registered in error, on the day of its
// registration or the next; its identifier is never free again for the
// document type.
func ExampleClient_CancelSelfBillingSeries() {
	srv, client := selfBillingClient()
	defer srv.Close()
	defer client.Close()
	ctx := context.Background()
	s, _ := selfbilling.New("ERRO", series.DocumentTypeFT, series.NumberOf(1), today(), selfbilling.NationalSupplier, "501234560")
	s, err := client.RegisterSelfBillingSeries(ctx, s)
	if err != nil {
		log.Fatal(err)
	}
	c, err := client.CancelSelfBillingSeries(ctx, s, series.CancellationReasonError, true)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Status.DescriptionEN(), c.StatusReason)

	again, _ := selfbilling.New("erro", series.DocumentTypeFT, series.NumberOf(1), today(), selfbilling.NationalSupplier, "501234560")
	_, err = client.RegisterSelfBillingSeries(ctx, again)
	var re *atclient.ResultError
	fmt.Println(errors.As(err, &re) && re.Code == series.Code4001)
	// Output:
	// Cancelled ER
	// true
}
