package setup_test

import (
	"context"
	"fmt"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/attesttest"
	"github.com/faturapt/faturapt/selfbilling"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/setup"
)

// A company with self-billing agreements with two suppliers, against AT's
// simulator: a series is registered for the first only.
func ExampleSelfBillingFuncs() {
	srv, _ := attest.New(attest.WithClock(attesttest.Clock),
		attest.WithAgreement(attest.DefaultNIF, attest.Agreement{Partner: "FN", PartnerNIF: "501234560", PartnerName: "Moagem SA", From: "2026-01-01"}),
		attest.WithAgreement(attest.DefaultNIF, attest.Agreement{Partner: "FN", PartnerNIF: "500000000", PartnerName: "Cortiças Lda", From: "2026-01-01"}))
	defer srv.Close()
	client, _ := attesttest.Dial(srv)
	defer client.Close()
	ctx := context.Background()

	today := civil.DateIn(attesttest.Now, civil.Lisbon)
	s, _ := selfbilling.New("MOAGEM", series.DocumentTypeFT, series.NumberOf(1), today, selfbilling.NationalSupplier, "501234560")
	if _, err := client.RegisterSelfBillingSeries(ctx, s); err != nil {
		fmt.Println(err)
		return
	}

	st := setup.Evaluate(ctx, setup.Company{
		SelfBilling: setup.SelfBillingFuncs{
			Agreements: func(ctx context.Context) ([]selfbilling.Agreement, error) {
				return client.QuerySelfBillingAgreements(ctx, atclient.AgreementQuery{})
			},
			Series: func(ctx context.Context) ([]selfbilling.Series, error) {
				return client.QuerySelfBillingSeries(ctx, atclient.SelfBillingQuery{})
			},
		},
	}, setup.WithClock(attesttest.Clock))
	for _, c := range st.Checks {
		if c.ID == setup.CheckSelfBilling {
			fmt.Println(c)
		}
	}
	// Output:
	// [green] self-billing FT for 501234560: active self-billing series for 501234560 (Moagem SA): [MOAGEM]
	// [yellow] self-billing FT for 500000000: no active self-billing series for 500000000 (Cortiças Lda) under the agreement (National supplier) — register a self-billing series for FT (Invoice) on behalf of 500000000 (RegisterSelfBillingSeries)
}

// Find the self-billing check of one supplier and document type.
func ExampleStatus_CheckFor() {
	st := setup.Status{Checks: []setup.Check{
		{ID: setup.CheckSelfBilling, DocumentType: series.DocumentTypeFT, Partner: "501234560", Level: setup.Activated, Detail: "active self-billing series for 501234560: [MOAGEM]"},
		{ID: setup.CheckSelfBilling, DocumentType: series.DocumentTypeFT, Partner: "500000000", Level: setup.Pending, Detail: "no active self-billing series", Remedy: "register one"},
	}}
	c, ok := st.CheckFor(setup.CheckSelfBilling, series.DocumentTypeFT, "500000000")
	fmt.Println(ok, c)
	// Output: true [yellow] self-billing FT for 500000000: no active self-billing series — register one
}
