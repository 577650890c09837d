package setup

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/selfbilling"
	"github.com/faturapt/faturapt/series"
)

// SelfBillingLister lists what AT holds of a company's self-billing: its
// agreements (consultarAcordosAutofaturacao) and the self-billing series it
// registered (consultarSeriesAutofaturacao). Its errors are classified as
// SeriesLister's.
type SelfBillingLister interface {
	ListAgreements(ctx context.Context) ([]selfbilling.Agreement, error)
	ListSelfBillingSeries(ctx context.Context) ([]selfbilling.Series, error)
}

// SelfBillingFuncs adapts two functions to SelfBillingLister, e.g. with
// atclient's Client c:
//
//	setup.SelfBillingFuncs{
//		Agreements: func(ctx context.Context) ([]selfbilling.Agreement, error) {
//			return c.QuerySelfBillingAgreements(ctx, atclient.AgreementQuery{})
//		},
//		Series: func(ctx context.Context) ([]selfbilling.Series, error) {
//			return c.QuerySelfBillingSeries(ctx, atclient.SelfBillingQuery{})
//		},
//	}
type SelfBillingFuncs struct {
	Agreements func(ctx context.Context) ([]selfbilling.Agreement, error)
	Series     func(ctx context.Context) ([]selfbilling.Series, error)
}

// ListAgreements implements SelfBillingLister.
func (f SelfBillingFuncs) ListAgreements(ctx context.Context) ([]selfbilling.Agreement, error) {
	return f.Agreements(ctx)
}

// ListSelfBillingSeries implements SelfBillingLister.
func (f SelfBillingFuncs) ListSelfBillingSeries(ctx context.Context) ([]selfbilling.Series, error) {
	return f.Series(ctx)
}

// CheckFor returns the check with the id, document type and partner (for
// CheckSelfBilling).
func (s Status) CheckFor(id CheckID, t series.DocumentType, partner string) (Check, bool) {
	for _, c := range s.Checks {
		if c.ID == id && c.DocumentType == t && c.Partner == partner {
			return c, true
		}
	}
	return Check{}, false
}

// checkSelfBilling checks a self-billing company: for every agreement in
// force today and every type it self-bills, an active self-billing series
// on behalf of the partner (Activated; Pending when none, or when it starts
// later, or the agreement ends within warn); and every active self-billing
// series under an agreement in force (Failed otherwise: a document issued
// in it would be self-billed without an agreement, §1.3.6).
func checkSelfBilling(ctx context.Context, co Company, today civil.Date, warn time.Duration) []Check {
	if co.SelfBilling == nil {
		return nil
	}
	agreements, err := co.SelfBilling.ListAgreements(ctx)
	var list []selfbilling.Series
	if err == nil {
		list, err = co.SelfBilling.ListSelfBillingSeries(ctx)
	}
	if err != nil {
		c := Check{ID: CheckSelfBilling, Level: Pending, Detail: "AT could not be asked: " + err.Error(),
			Remedy: "evaluate again once AT answers"}
		var denied interface{ PermissionDenied() bool }
		var auth interface{ AuthenticationFailed() bool }
		switch {
		case errors.As(err, &denied) && denied.PermissionDenied():
			c.Level, c.Detail = Failed, "AT refused the self-billing series service to this sub-user: "+err.Error()
			c.Remedy = "give the sub-user the profile \"WSE - Comunicação de Séries Documentais por Webservice\" (self-billing manual, Aspetos Genéricos §2.1)"
		case errors.As(err, &auth) && auth.AuthenticationFailed():
			c.Level, c.Detail = Failed, "AT refused the credentials: "+err.Error()
			c.Remedy = "the self-biller's own sub-user and password are needed (Aspetos Genéricos §2)"
		}
		return []Check{c}
	}
	types := co.SelfBillingTypes
	if len(types) == 0 {
		types = []series.DocumentType{series.DocumentTypeFT}
	}
	var out []Check
	inForce := 0
	for _, a := range agreements {
		if !a.InForce(today) {
			continue
		}
		inForce++
		for _, t := range types {
			out = append(out, agreementCheck(a, t, list, today, warn))
		}
	}
	if inForce == 0 {
		out = append(out, Check{ID: CheckSelfBilling, Level: Pending, Detail: "no self-billing agreement in force",
			Remedy: "register the agreement with each supplier in the Portal das Finanças, where both parties confirm it (self-billing manual §1.3.6)"})
	}
	// Active series without an agreement in force.
	for _, s := range list {
		if s.Status != series.StatusActive || len(selfbilling.InForceFor(agreements, s, today)) > 0 {
			continue
		}
		out = append(out, Check{ID: CheckSelfBilling, DocumentType: s.DocumentType, Partner: s.PartnerNIF, Level: Failed,
			Detail: fmt.Sprintf("self-billing series %s is active but no agreement with %s (%s) is in force: its documents would be self-billed without an agreement", s.ID, s.PartnerNIF, s.Partner.DescriptionEN()),
			Remedy: "finalize the series, or renew the agreement in the Portal das Finanças (self-billing manual §1.3.6, §2.3)"})
	}
	return out
}

func agreementCheck(a selfbilling.Agreement, t series.DocumentType, list []selfbilling.Series, today civil.Date, warn time.Duration) Check {
	c := Check{ID: CheckSelfBilling, DocumentType: t, Partner: a.PartnerNIF}
	who := a.PartnerNIF
	if a.PartnerName != "" {
		who += " (" + a.PartnerName + ")"
	}
	if !t.Valid() || t.Class() != series.DocumentClassSI {
		c.Level, c.Detail, c.Remedy = Failed, fmt.Sprintf("%q is not a self-billing document type", t), "use one of FT, FS, FR, ND, NC (self-billing manual §1.3.11)"
		return c
	}
	var inUse, ahead []string
	for _, s := range list {
		if s.DocumentType != t || s.Status != series.StatusActive || s.ValidationCode == "" || !a.Covers(s) {
			continue
		}
		if s.ExpectedStart.After(today) {
			ahead = append(ahead, s.ID+" from "+s.ExpectedStart.String())
		} else {
			inUse = append(inUse, s.ID)
		}
	}
	slices.Sort(inUse)
	ends := ""
	if !a.To.IsZero() {
		ends = ", agreement until " + a.To.String()
	}
	switch {
	case len(inUse) > 0 && !a.To.IsZero() && a.To.Time(time.UTC).Sub(today.Time(time.UTC)) < warn:
		c.Level, c.Detail = Pending, fmt.Sprintf("active self-billing series for %s: %v; the agreement ends on %s", who, inUse, a.To)
		c.Remedy = "renew the agreement in the Portal das Finanças before it ends, or finalize the series then"
	case len(inUse) > 0:
		c.Level, c.Detail = Activated, fmt.Sprintf("active self-billing series for %s: %v%s", who, inUse, ends)
	case len(ahead) > 0:
		c.Level, c.Detail = Pending, fmt.Sprintf("self-billing series for %s registered, in use only from its start date: %s", who, strings.Join(ahead, ", "))
		c.Remedy = "wait for the start of use, or register a series that starts today"
	default:
		c.Level, c.Detail = Pending, fmt.Sprintf("no active self-billing series for %s under the agreement (%s)", who, a.Partner.DescriptionEN())
		c.Remedy = fmt.Sprintf("register a self-billing series for %s (%s) on behalf of %s (RegisterSelfBillingSeries)", t, t.DescriptionEN(), a.PartnerNIF)
	}
	return c
}
