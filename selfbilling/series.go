package selfbilling

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/nif"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

// Field limits of the WSDL.
const (
	MaxPartnerNIFLength = 30  // nifAssociadoAoAcordo: maxLength = 30
	MaxNameLength       = 100 // nomeEstrangeiro, nomeAdquirente: maxLength = 100
)

// Series is a self-billing series: a series of type A (the embedded
// series.Series, whose fields and validation code work as for any series)
// held on behalf of the partner of an agreement. It is what
// registarSerieAutofaturacao sends (self-billing manual §2.1.2) and, once
// registered, what AT describes (infoSerieAutofaturacao, §2.6.2).
//
// The embedded series' life-cycle methods (Register, Finalize, Cancel)
// return a series.Series: assign it to s.Series to keep the partner.
type Series struct {
	series.Series

	Partner     PartnerType // comunicarEmNomeDe (register), acordoRegistadoCom (answers)
	PartnerNIF  string      // nifAssociadoAoAcordo: see Validate
	Country     string      // paisEstrangeiro: ISO 3166-1 alpha-2, optional
	ForeignName string      // nomeEstrangeiro: optional, at most 100 characters
}

// Option sets an optional field in [New].
type Option func(*Series)

// WithCertificateNumber sets AT's certificate number of the invoicing
// program (default 0: not applicable).
func WithCertificateNumber(n int) Option {
	return func(s *Series) { s.CertificateNumber = n }
}

// WithForeignPartner sets the country (ISO 3166-1 alpha-2) and the name of
// a foreign supplier or customer (paisEstrangeiro, nomeEstrangeiro); either
// may be empty.
func WithForeignPartner(country, name string) Option {
	return func(s *Series) { s.Country, s.ForeignName = country, name }
}

// New returns a self-billing series ready to be registered on behalf of the
// partner of an agreement, or a [*violation.Error] listing every broken
// rule. partnerNIF is the supplier's NIF for a national supplier (a valid
// Portuguese NIF), its foreign identification for a foreign supplier, and
// the communicator's own NIF for a foreign customer (§1.3.4).
func New(id string, t series.DocumentType, first series.Number, expectedStart civil.Date, partner PartnerType, partnerNIF string, opts ...Option) (Series, error) {
	s := Series{
		Series: series.Series{
			ID:              id,
			Type:            series.SeriesTypeSelfBilling,
			DocumentType:    t,
			FirstNumber:     first,
			ExpectedStart:   expectedStart,
			ProcessingMeans: series.ProcessingMeansInvoicingProgram,
		},
		Partner:    partner,
		PartnerNIF: partnerNIF,
	}
	for _, o := range opts {
		o(&s)
	}
	if err := s.Validate(); err != nil {
		return Series{}, err
	}
	return s, nil
}

// Validate checks s against the self-billing manual and returns nil or a
// [*violation.Error] with every violation at once: the rules of a series
// (series.Series.Validate) and those of self-billing: series type A, a
// document type of class SI, processing means PI, an identifier not
// starting with "AT", the partner type, its NIF (a valid Portuguese NIF
// for FN and CE, any identification of up to 30 characters for FE), the
// country and the foreign name.
func (s Series) Validate() error {
	var vs violation.List
	var inner *violation.Error
	if err := s.Series.Validate(); errors.As(err, &inner) {
		vs = append(vs, inner.Violations...)
	}
	s.check(&vs)
	return vs.Err(subject)
}

// ValidateFor is Validate for the series communicated by the taxpayer
// communicator (the NIF of the credentials): with a foreign customer (CE)
// the agreement's NIF must be communicator's own (§1.3.4).
func (s Series) ValidateFor(communicator string) error {
	var vs violation.List
	var inner *violation.Error
	if err := s.Validate(); errors.As(err, &inner) {
		vs = append(vs, inner.Violations...)
	}
	if s.Partner == ForeignCustomer && s.PartnerNIF != "" && s.PartnerNIF != communicator {
		vs.Add("PartnerNIF", CodeNotCommunicator, "with a foreign customer (CE) the agreement's NIF is the communicator's own, %s, not %q (§1.3.4)", communicator, clip(s.PartnerNIF))
	}
	return vs.Err(subject)
}

func (s Series) check(vs *violation.List) {
	if s.Type != "" && s.Type != series.SeriesTypeSelfBilling {
		vs.Add("Type", CodeSeriesType, "series type %q, a self-billing series has type A (§1.3.9)", clip(string(s.Type)))
	}
	if s.DocumentType.Valid() && s.DocumentType.Class() != series.DocumentClassSI {
		vs.Add("DocumentType", CodeDocumentType, "document type %s (%s) is not one of FT, FS, FR, ND, NC of class SI (§1.3.10, §1.3.11)", s.DocumentType, s.DocumentType.DescriptionEN())
	}
	if s.ProcessingMeans != "" && s.ProcessingMeans != series.ProcessingMeansInvoicingProgram {
		vs.Add("ProcessingMeans", CodeProcessingMeans, "processing means %q, a self-billing series is processed by an invoicing program, PI (§1.3.12)", clip(string(s.ProcessingMeans)))
	}
	// AT answers identifiers case-insensitively (§1.3.2), so the reserved
	// prefix is too.
	if len(s.ID) >= 2 && strings.EqualFold(s.ID[:2], "AT") {
		vs.Add("ID", CodeReservedID, "series identifier %q starts with AT, reserved for the documents of AT's own programs (§1.3.2)", clip(s.ID))
	}
	checkPartner(vs, "", s.Partner, s.PartnerNIF)
	checkCountry(vs, "Country", s.Country)
	if n := utf8.RuneCountInString(s.ForeignName); n > MaxNameLength {
		vs.Add("ForeignName", CodeTooLong, "foreign name has %d characters, at most %d (nomeEstrangeiro)", n, MaxNameLength)
	}
	if !s.Partner.Foreign() && (s.Country != "" || s.ForeignName != "") && s.Partner.Valid() {
		vs.Add("Country", CodeInconsistent, "a country or foreign name is for a foreign supplier or customer (FE, CE), the partner is %s", s.Partner)
	}
}

// checkPartner checks the partner type and the agreement's NIF (§1.3.4).
func checkPartner(vs *violation.List, prefix string, p PartnerType, partnerNIF string) {
	switch {
	case p == "":
		vs.Add(prefix+"Partner", CodeRequired, "partner type (comunicarEmNomeDe) is empty, want FN, FE or CE (§1.3.14)")
	case !p.Valid():
		vs.Add(prefix+"Partner", CodeUnknownCode, "partner type %q is not FN, FE or CE (§1.3.14)", clip(string(p)))
	}
	switch {
	case partnerNIF == "":
		vs.Add(prefix+"PartnerNIF", CodeRequired, "the NIF of the agreement (nifAssociadoAoAcordo) is empty")
	case utf8.RuneCountInString(partnerNIF) > MaxPartnerNIFLength:
		vs.Add(prefix+"PartnerNIF", CodeTooLong, "the NIF of the agreement has %d characters, at most %d", utf8.RuneCountInString(partnerNIF), MaxPartnerNIFLength)
	case p == NationalSupplier || p == ForeignCustomer:
		// FN: the supplier's NIF, which "must be valid"; CE: the
		// communicator's own NIF. FE: not checked by AT (§1.3.4).
		if err := nif.Validate(partnerNIF); err != nil {
			vs.Add(prefix+"PartnerNIF", CodeNIF, "%q is not a valid Portuguese NIF, which a %s partner's agreement needs (§1.3.4): %v", clip(partnerNIF), p.DescriptionEN(), err)
		}
	}
}

// checkCountry checks an optional ISO 3166-1 alpha-2 code: two capital
// letters (paisEstrangeiro, length 2).
func checkCountry(vs *violation.List, path, c string) {
	if c == "" {
		return
	}
	if len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' {
		vs.Add(path, CodeCountry, "country %q is not an ISO 3166-1 alpha-2 code (two capital letters)", clip(c))
	}
}

// CanRegister reports whether AT would accept registering s on the day
// today: s valid (code 4002 or 4003, as series.Series.CanRegister), not
// registered, the expected start of use not before today (4049).
func (s Series) CanRegister(today civil.Date) error {
	if err := s.Validate(); err != nil {
		code := series.Code4003
		if violation.Has(err, CodeRequired) || violation.Has(err, series.CodeRequired) {
			code = series.Code4002
		}
		return &series.TransitionError{Op: series.OpRegister, Code: code, Message: err.Error(), Err: err}
	}
	return s.Series.CanRegister(today)
}

// CanCancel reports whether AT would accept cancelling the communication of
// s on the day today: what series.Series.CanCancel checks, and, particular
// to self-billing, that s was registered today or yesterday (§1.3.3, §2.2.1;
// code 4004).
func (s Series) CanCancel(reason series.CancellationReason, declaredNoDocuments bool, today civil.Date) error {
	if err := s.Series.CanCancel(reason, declaredNoDocuments); err != nil {
		return err
	}
	if !s.RegistrationDate.IsZero() && s.RegistrationDate.AddDays(1).Before(today) {
		return &series.TransitionError{Op: series.OpCancel, Code: series.Code4004, Field: "RegistrationDate", Err: ErrCancelTooLate,
			Message: fmt.Sprintf("series %s of type %s was registered on %s: a self-billing series can be cancelled only on the day of its registration or the next; finalize it instead", s.ID, s.DocumentType, s.RegistrationDate)}
	}
	return nil
}

// ErrCancelTooLate is wrapped by the refusal of [Series.CanCancel] for a
// series registered before yesterday.
var ErrCancelTooLate = errors.New("selfbilling: a series can be cancelled only on the day of its registration or the next")

// SameSeries reports whether a and b are the same registration: the same
// identifier whatever the case, document type and, once registered,
// validation code.
func SameSeries(a, b Series) bool {
	return series.SameID(a.ID, b.ID) && a.DocumentType == b.DocumentType &&
		(a.ValidationCode == "" || b.ValidationCode == "" || a.ValidationCode == b.ValidationCode)
}

func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	for i := max; i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			return s[:i] + "…"
		}
	}
	return ""
}
