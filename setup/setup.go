package setup

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/series"
)

// Level is the state of a check or of the whole set-up.
type Level string

// The three indicators.
const (
	Activated Level = "activated" // green: complete
	Pending   Level = "pending"   // yellow: not complete yet, nothing wrong
	Failed    Level = "failed"    // red: something is wrong
)

// Valid reports whether l is one of the three levels.
func (l Level) Valid() bool { return l == Activated || l == Pending || l == Failed }

// Color is the indicator's colour.
func (l Level) Color() string {
	switch l {
	case Activated:
		return "green"
	case Pending:
		return "yellow"
	case Failed:
		return "red"
	}
	return ""
}

func (l Level) rank() int {
	switch l {
	case Activated:
		return 0
	case Pending:
		return 1
	}
	return 2
}

// CheckID names a check; the values are stable.
type CheckID string

// The checks.
const (
	CheckCredentials CheckID = "credentials"  // AT accepts the sub-user's credentials
	CheckPermission  CheckID = "permission"   // the sub-user holds the WSE profile
	CheckCertificate CheckID = "certificate"  // the producer's TLS certificate
	CheckATKey       CheckID = "at-key"       // AT's public key for the credentials
	CheckSeries      CheckID = "series"       // one per document type issued
	CheckMethod      CheckID = "method"       // the year's communication method
	CheckSelfBilling CheckID = "self-billing" // one per agreement and document type self-billed
)

// Check is the outcome of one check.
type Check struct {
	ID           CheckID
	DocumentType series.DocumentType // for CheckSeries and CheckSelfBilling
	Partner      string              // for CheckSelfBilling: the NIF of the agreement's partner
	Level        Level
	Detail       string // what was found
	Remedy       string // what to do, when Level is not Activated
}

func (c Check) String() string {
	name := string(c.ID)
	if c.DocumentType != "" {
		name += " " + string(c.DocumentType)
	}
	if c.Partner != "" {
		name += " for " + c.Partner
	}
	s := fmt.Sprintf("[%s] %s: %s", c.Level.Color(), name, c.Detail)
	if c.Remedy != "" {
		s += " — " + c.Remedy
	}
	return s
}

// Status is the set-up's state: the worst level of its checks.
type Status struct {
	Level  Level
	Checks []Check
}

// Failing returns the checks that are not Activated.
func (s Status) Failing() []Check {
	var out []Check
	for _, c := range s.Checks {
		if c.Level != Activated {
			out = append(out, c)
		}
	}
	return out
}

// Check returns the first check with the id (and document type, for
// CheckSeries).
func (s Status) Check(id CheckID, t series.DocumentType) (Check, bool) {
	for _, c := range s.Checks {
		if c.ID == id && c.DocumentType == t {
			return c, true
		}
	}
	return Check{}, false
}

// SeriesLister lists the company's series as AT knows them (consultarSeries).
// Wrap atclient's Client: func(ctx) { return c.QuerySeries(ctx, atclient.SeriesQuery{}) }.
//
// Its errors are classified through optional methods: an error in whose
// chain errors.As finds a value with AuthenticationFailed() bool returning
// true means the credentials were refused; one with PermissionDenied() bool
// returning true means the sub-user lacks the WSE profile. Any other error
// means AT could not be asked.
type SeriesLister interface {
	ListSeries(ctx context.Context) ([]series.Series, error)
}

// SeriesListerFunc adapts a function to SeriesLister.
type SeriesListerFunc func(ctx context.Context) ([]series.Series, error)

// ListSeries implements SeriesLister.
func (f SeriesListerFunc) ListSeries(ctx context.Context) ([]series.Series, error) { return f(ctx) }

// MethodRecord tells the communication method recorded for a year;
// reporting.Choices implements it.
type MethodRecord interface {
	Method(year int) (reporting.Method, bool)
}

// Company is what the checks look at.
type Company struct {
	// DocumentTypes are the types the company issues; each needs a series.
	DocumentTypes []series.DocumentType
	// AT answers the series queries; nil fails the credential check.
	AT SeriesLister
	// Certificate is the producer's AT-issued certificate for mutual TLS.
	Certificate *x509.Certificate
	// ATKeyNotAfter is the end of validity of AT's public key in use
	// (atclient.ATKey.NotAfter).
	ATKeyNotAfter time.Time
	// Methods is the company's record of communication methods.
	Methods MethodRecord
	// SelfBilling answers the self-billing queries of a company that
	// issues invoices in its suppliers' names; nil when it does not.
	SelfBilling SelfBillingLister
	// SelfBillingTypes are the document types the company self-bills for
	// each agreement (default FT).
	SelfBillingTypes []series.DocumentType
}

// Option configures Evaluate.
type Option func(*config)

type config struct {
	now        func() time.Time
	expiryWarn time.Duration
}

// WithClock sets the current time (default time.Now).
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// WithExpiryWarning sets how long before expiry a certificate or key turns
// Pending (default 30 days).
func WithExpiryWarning(d time.Duration) Option { return func(c *config) { c.expiryWarn = d } }

// Evaluate runs every check and returns the set-up's status. It asks AT once
// (a series query), and for a self-billing company twice more (its
// agreements and self-billing series), bounded by ctx.
func Evaluate(ctx context.Context, co Company, opts ...Option) Status {
	cfg := config{now: time.Now, expiryWarn: 30 * 24 * time.Hour}
	for _, o := range opts {
		o(&cfg)
	}
	now := cfg.now()

	var checks []Check
	registered, access := checkAT(ctx, co.AT)
	checks = append(checks, access...)
	checks = append(checks,
		checkValidity(CheckCertificate, "producer certificate", certNotBefore(co.Certificate), certNotAfter(co.Certificate), co.Certificate == nil, now, cfg.expiryWarn,
			"install the certificate AT issued for the producer's CSR (series manual, Aspetos Genéricos §6)"),
		checkValidity(CheckATKey, "AT public key", time.Time{}, co.ATKeyNotAfter, co.ATKeyNotAfter.IsZero(), now, cfg.expiryWarn,
			"install AT's current public key (\"Chave Cifra Pública AT\", Aspetos Genéricos §6.2)"),
	)
	// The day and the year are Lisbon's, whatever the clock's zone: the
	// series' start of use and the year of the communication method are
	// dates in Portugal.
	today := civil.DateIn(now, civil.Lisbon)
	checks = append(checks, checkSeries(co.DocumentTypes, registered, access, today)...)
	checks = append(checks, checkSelfBilling(ctx, co, today, cfg.expiryWarn)...)
	checks = append(checks, checkMethod(co.Methods, today.Year))

	st := Status{Level: Activated, Checks: checks}
	for _, c := range checks {
		if c.Level.rank() > st.Level.rank() {
			st.Level = c.Level
		}
	}
	return st
}

// checkAT asks AT for the series; the answer, or its failure, decides the
// credential and permission checks.
func checkAT(ctx context.Context, at SeriesLister) ([]series.Series, []Check) {
	cred := Check{ID: CheckCredentials}
	perm := Check{ID: CheckPermission}
	if at == nil {
		cred.Level, cred.Detail, cred.Remedy = Failed, "no AT credentials configured", "enter the sub-user (NIF/n) and its password"
		perm.Level, perm.Detail, perm.Remedy = Pending, "not checked: no credentials", "create a sub-user with the WSE profile in the Portal das Finanças"
		return nil, []Check{cred, perm}
	}
	list, err := at.ListSeries(ctx)
	var auth interface{ AuthenticationFailed() bool }
	var denied interface{ PermissionDenied() bool }
	switch {
	case err == nil:
		cred.Level, cred.Detail = Activated, "AT accepted the credentials"
		perm.Level, perm.Detail = Activated, "the sub-user may use the series web service (WSE)"
	case errors.As(err, &denied) && denied.PermissionDenied():
		cred.Level, cred.Detail = Activated, "AT accepted the credentials"
		perm.Level, perm.Detail = Failed, "AT refused the series service to this sub-user: "+err.Error()
		perm.Remedy = "give the sub-user the profile \"WSE - Comunicação de Séries Documentais por Webservice\" in the Portal das Finanças (Aspetos Genéricos §2.1)"
	case errors.As(err, &auth) && auth.AuthenticationFailed():
		cred.Level, cred.Detail = Failed, "AT refused the credentials: "+err.Error()
		// WS-Security refusals also cover a clock off by minutes (Created) and
		// a credential encrypted with a wrong or expired AT key (Aspetos
		// Genéricos §4.1).
		cred.Remedy = "check the sub-user (NIF/n) and its password in the Portal das Finanças, the machine's clock, and that AT's current public key is installed"
		perm.Level, perm.Detail, perm.Remedy = Pending, "not checked: credentials refused", "fix the credentials first"
	default:
		cred.Level, cred.Detail = Pending, "AT could not be asked: "+err.Error()
		cred.Remedy = "check the network and the certificate, then evaluate again"
		perm.Level, perm.Detail, perm.Remedy = Pending, "not checked: AT could not be asked", "evaluate again once AT answers"
	}
	return list, []Check{cred, perm}
}

func certNotBefore(c *x509.Certificate) time.Time {
	if c == nil {
		return time.Time{}
	}
	return c.NotBefore
}

func certNotAfter(c *x509.Certificate) time.Time {
	if c == nil {
		return time.Time{}
	}
	return c.NotAfter
}

func checkValidity(id CheckID, what string, notBefore, notAfter time.Time, missing bool, now time.Time, warn time.Duration, remedy string) Check {
	c := Check{ID: id}
	day := "2006-01-02"
	switch {
	case missing:
		c.Level, c.Detail, c.Remedy = Failed, what+" missing", remedy
	case now.After(notAfter):
		c.Level, c.Detail, c.Remedy = Failed, what+" expired on "+notAfter.Format(day), remedy
	case !notBefore.IsZero() && now.Before(notBefore):
		c.Level, c.Detail, c.Remedy = Failed, what+" not valid before "+notBefore.Format(day), "check the machine's clock, or wait until it is valid"
	case notAfter.Sub(now) < warn:
		c.Level, c.Detail, c.Remedy = Pending, what+" expires on "+notAfter.Format(day), "renew it before it expires: "+remedy
	default:
		c.Level, c.Detail = Activated, what+" valid until "+notAfter.Format(day)
	}
	return c
}

func checkSeries(types []series.DocumentType, registered []series.Series, access []Check, today civil.Date) []Check {
	reachable := access[0].Level == Activated
	var out []Check
	for _, t := range types {
		c := Check{ID: CheckSeries, DocumentType: t}
		switch {
		case !t.Valid():
			c.Level, c.Detail, c.Remedy = Failed, fmt.Sprintf("%q is not a document type of the series manual §1.3.7", t), "use one of series.DocumentType's values"
		case !reachable:
			c.Level, c.Detail, c.Remedy = Pending, "not checked: AT could not be asked", "fix the checks above"
		default:
			c = seriesCheck(t, registered, today)
		}
		out = append(out, c)
	}
	return out
}

func seriesCheck(t series.DocumentType, registered []series.Series, today civil.Date) Check {
	c := Check{ID: CheckSeries, DocumentType: t}
	var inUse, ahead []string
	for _, s := range registered {
		if s.DocumentType != t || s.Status != series.StatusActive || s.ValidationCode == "" {
			continue
		}
		if s.ExpectedStart.After(today) {
			ahead = append(ahead, s.ID+" from "+s.ExpectedStart.String())
		} else {
			inUse = append(inUse, s.ID)
		}
	}
	slices.Sort(inUse)
	switch {
	case len(inUse) > 0:
		c.Level, c.Detail = Activated, fmt.Sprintf("active series: %v", inUse)
	case len(ahead) > 0:
		c.Level, c.Detail = Pending, fmt.Sprintf("series registered, in use only from its start date: %v", ahead)
		c.Remedy = "wait for the start of use, or register a series that starts today"
	default:
		c.Level, c.Detail = Pending, "no active series with a validation code"
		c.Remedy = fmt.Sprintf("register a series for %s (%s) at AT", t, t.DescriptionEN())
	}
	return c
}

func checkMethod(m MethodRecord, year int) Check {
	c := Check{ID: CheckMethod}
	var method reporting.Method
	ok := false
	if m != nil {
		method, ok = m.Method(year)
	}
	if !ok {
		c.Level, c.Detail = Pending, fmt.Sprintf("no communication method recorded for %d", year)
		c.Remedy = "choose SAF-T file or web service for the year (one a year, Decreto-Lei 198/2012 art. 3.º)"
		return c
	}
	c.Level, c.Detail = Activated, fmt.Sprintf("%d: %s", year, method.DescriptionEN())
	return c
}
