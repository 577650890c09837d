package selfbilling

import (
	"strings"
	"unicode/utf8"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
)

// Agreement is a self-billing agreement as AT describes it
// (infoAcordoAutofaturacao, self-billing manual §2.6.3). Agreements are
// registered and finalized only in the Portal das Finanças, by both parties
// (§1.3.6); a program only queries them.
type Agreement struct {
	Partner      PartnerType     // acordoRegistadoCom
	AcquirerNIF  string          // nifAdquirente: the other party of the agreement
	AcquirerName string          // nomeAdquirente
	PartnerNIF   string          // nifAssociadoAoAcordo: see Series.PartnerNIF
	PartnerName  string          // nomeNifAssociadoAoAcordo
	Country      string          // paisEstrangeiro: ISO 3166-1 alpha-2, optional
	Status       AgreementStatus // estado
	From         civil.Date      // periodoAutorizacaoDe: first day of the agreement
	To           civil.Date      // periodoAutorizacaoAte: last day, zero when open-ended
}

// InForce reports whether the agreement is active and day falls in its
// period.
func (a Agreement) InForce(day civil.Date) bool {
	return a.Status == AgreementActive && !day.Before(a.From) && (a.To.IsZero() || !day.After(a.To))
}

// Covers reports whether s is held under this agreement: the same partner
// type and the same NIF of the agreement (a foreign identification is
// compared ignoring case and spaces, which AT does not check, §1.3.4).
func (a Agreement) Covers(s Series) bool {
	return a.Partner == s.Partner && SamePartnerNIF(a.PartnerNIF, s.PartnerNIF)
}

// SamePartnerNIF reports whether two NIFs of an agreement name the same
// partner: equal once spaces are dropped and letters folded.
func SamePartnerNIF(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), ""), strings.Join(strings.Fields(b), ""))
}

// Validate checks what AT answers for an agreement against the manual
// (§2.6.3) and returns nil or a [*violation.Error] with every violation.
func (a Agreement) Validate() error {
	var vs violation.List
	checkPartner(&vs, "", a.Partner, a.PartnerNIF)
	if a.AcquirerNIF == "" {
		vs.Add("AcquirerNIF", CodeRequired, "the other party's NIF (nifAdquirente) is empty")
	} else if utf8.RuneCountInString(a.AcquirerNIF) > MaxPartnerNIFLength {
		vs.Add("AcquirerNIF", CodeTooLong, "the other party's NIF has more than %d characters", MaxPartnerNIFLength)
	}
	for _, n := range []struct{ path, v string }{{"AcquirerName", a.AcquirerName}, {"PartnerName", a.PartnerName}} {
		if c := utf8.RuneCountInString(n.v); c > MaxNameLength {
			vs.Add(n.path, CodeTooLong, "%d characters, at most %d", c, MaxNameLength)
		}
	}
	checkCountry(&vs, "Country", a.Country)
	switch {
	case a.Status == "":
		vs.Add("Status", CodeRequired, "agreement status (estado) is empty, want A or F (§1.3.8)")
	case !a.Status.Valid():
		vs.Add("Status", CodeUnknownCode, "agreement status %q is not A or F (§1.3.8)", clip(string(a.Status)))
	}
	switch {
	case a.From.IsZero():
		vs.Add("From", CodeRequired, "the start of the agreement (periodoAutorizacaoDe) is missing")
	case !a.From.Valid():
		vs.Add("From", CodeFormat, "%s is not a calendar date", a.From)
	}
	if !a.To.IsZero() {
		switch {
		case !a.To.Valid():
			vs.Add("To", CodeFormat, "%s is not a calendar date", a.To)
		case a.From.Valid() && a.To.Before(a.From):
			vs.Add("To", CodeInconsistent, "the agreement ends on %s, before it starts on %s", a.To, a.From)
		}
	}
	return vs.Err(subject)
}

// InForceFor returns the agreements of list in force on day that cover s.
func InForceFor(list []Agreement, s Series, day civil.Date) []Agreement {
	var out []Agreement
	for _, a := range list {
		if a.InForce(day) && a.Covers(s) {
			out = append(out, a)
		}
	}
	return out
}
