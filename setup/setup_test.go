package setup

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/series"
)

var now = time.Date(2026, time.November, 28, 12, 0, 0, 0, time.UTC)

func clock() time.Time { return now }

type authErr struct{}

func (authErr) Error() string              { return "wsse:FailedAuthentication" }
func (authErr) AuthenticationFailed() bool { return true }

type permErr struct{}

func (permErr) Error() string          { return "sub-user not authorised" }
func (permErr) PermissionDenied() bool { return true }

func registered(t *testing.T, id string, typ series.DocumentType, start civil.Date) series.Series {
	t.Helper()
	s, err := series.New(id, typ, series.NumberOf(1), start)
	require.NoError(t, err)
	s, err = s.Register("AAJFJMVNTN", "599999993", now.AddDate(0, 0, -30))
	require.NoError(t, err)
	return s
}

func lister(list []series.Series, err error) SeriesLister {
	return SeriesListerFunc(func(context.Context) ([]series.Series, error) { return list, err })
}

// complete is a set-up where every check is green.
func complete(t *testing.T) Company {
	return Company{
		DocumentTypes: []series.DocumentType{series.DocumentTypeFT, series.DocumentTypeFS},
		AT: lister([]series.Series{
			registered(t, "A", series.DocumentTypeFT, civil.Date{Year: 2026, Month: 11, Day: 1}),
			registered(t, "A", series.DocumentTypeFS, civil.Date{Year: 2026, Month: 11, Day: 1}),
		}, nil),
		Certificate:   &x509.Certificate{NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.AddDate(1, 0, 0)},
		ATKeyNotAfter: time.Date(2027, time.April, 15, 0, 0, 0, 0, time.UTC),
		Methods:       reporting.Choices{{Year: 2026, Method: reporting.MethodSAFT}},
	}
}

func TestEvaluateComplete(t *testing.T) {
	st := Evaluate(context.Background(), complete(t), WithClock(clock))
	assert.Equal(t, Activated, st.Level, "%v", st.Failing())
	assert.Empty(t, st.Failing())
	assert.Len(t, st.Checks, 7) // credentials, permission, certificate, key, FT, FS, method
}

func TestEvaluateChecks(t *testing.T) {
	wrapped := func(e error) error { return fmt.Errorf("atclient: consultarSeries: %w", e) }
	cases := []struct {
		name   string
		change func(*Company)
		id     CheckID
		typ    series.DocumentType
		want   Level
	}{
		{"no credentials", func(c *Company) { c.AT = nil }, CheckCredentials, "", Failed},
		{"credentials refused", func(c *Company) { c.AT = lister(nil, wrapped(authErr{})) }, CheckCredentials, "", Failed},
		{"AT unreachable", func(c *Company) { c.AT = lister(nil, errors.New("dial tcp: timeout")) }, CheckCredentials, "", Pending},
		{"credentials accepted", func(c *Company) {}, CheckCredentials, "", Activated},
		{"permission missing", func(c *Company) { c.AT = lister(nil, wrapped(permErr{})) }, CheckPermission, "", Failed},
		{"permission unknown when credentials refused", func(c *Company) { c.AT = lister(nil, authErr{}) }, CheckPermission, "", Pending},
		{"permission held", func(c *Company) {}, CheckPermission, "", Activated},
		{"certificate missing", func(c *Company) { c.Certificate = nil }, CheckCertificate, "", Failed},
		{"certificate expired", func(c *Company) { c.Certificate.NotAfter = now.AddDate(0, 0, -1) }, CheckCertificate, "", Failed},
		{"certificate not yet valid", func(c *Company) { c.Certificate.NotBefore = now.AddDate(0, 0, 1) }, CheckCertificate, "", Failed},
		{"certificate expiring", func(c *Company) { c.Certificate.NotAfter = now.AddDate(0, 0, 10) }, CheckCertificate, "", Pending},
		{"certificate valid", func(c *Company) {}, CheckCertificate, "", Activated},
		{"AT key unknown", func(c *Company) { c.ATKeyNotAfter = time.Time{} }, CheckATKey, "", Failed},
		{"AT key expired", func(c *Company) { c.ATKeyNotAfter = time.Date(2025, 6, 28, 0, 0, 0, 0, time.UTC) }, CheckATKey, "", Failed},
		{"AT key expiring", func(c *Company) { c.ATKeyNotAfter = now.AddDate(0, 0, 5) }, CheckATKey, "", Pending},
		{"AT key current", func(c *Company) {}, CheckATKey, "", Activated},
		{"series missing", func(c *Company) { c.DocumentTypes = append(c.DocumentTypes, series.DocumentTypeNC) }, CheckSeries, series.DocumentTypeNC, Pending},
		{"series starting later", func(c *Company) {
			c.DocumentTypes = []series.DocumentType{series.DocumentTypeNC}
			c.AT = lister([]series.Series{registered(t, "B", series.DocumentTypeNC, civil.Date{Year: 2026, Month: 12, Day: 1})}, nil)
		}, CheckSeries, series.DocumentTypeNC, Pending},
		{"series finalized", func(c *Company) {
			s := registered(t, "B", series.DocumentTypeNC, civil.Date{Year: 2026, Month: 11, Day: 1})
			s, err := s.Finalize(series.NumberOf(3), "", now)
			require.NoError(t, err)
			c.DocumentTypes = []series.DocumentType{series.DocumentTypeNC}
			c.AT = lister([]series.Series{s}, nil)
		}, CheckSeries, series.DocumentTypeNC, Pending},
		{"series not checked when AT unreachable", func(c *Company) { c.AT = lister(nil, errors.New("reset")) }, CheckSeries, series.DocumentTypeFT, Pending},
		{"invalid document type", func(c *Company) { c.DocumentTypes = []series.DocumentType{"XX"} }, CheckSeries, "XX", Failed},
		{"series active", func(c *Company) {}, CheckSeries, series.DocumentTypeFT, Activated},
		{"method not chosen", func(c *Company) { c.Methods = nil }, CheckMethod, "", Pending},
		{"method chosen for another year", func(c *Company) { c.Methods = reporting.Choices{{Year: 2025, Method: reporting.MethodSAFT}} }, CheckMethod, "", Pending},
		{"method chosen", func(c *Company) { c.Methods = reporting.Choices{{Year: 2026, Method: reporting.MethodWebService}} }, CheckMethod, "", Activated},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			co := complete(t)
			cert := *co.Certificate
			co.Certificate = &cert
			tc.change(&co)
			st := Evaluate(context.Background(), co, WithClock(clock))
			c, ok := st.Check(tc.id, tc.typ)
			require.True(t, ok, "check %s %s present", tc.id, tc.typ)
			assert.Equal(t, tc.want, c.Level, c.String())
			assert.NotEmpty(t, c.Detail)
			if tc.want == Activated {
				assert.Empty(t, c.Remedy)
			} else {
				assert.NotEmpty(t, c.Remedy, "a check that is not green says what to do")
				assert.Contains(t, st.Failing(), c)
				assert.GreaterOrEqual(t, st.Level.rank(), tc.want.rank(), "the overall level is the worst")
			}
		})
	}
}

func TestLevelColors(t *testing.T) {
	assert.Equal(t, "green", Activated.Color())
	assert.Equal(t, "yellow", Pending.Color())
	assert.Equal(t, "red", Failed.Color())
	assert.False(t, Level("blue").Valid())
}

// The year of the method is Lisbon's, not the clock's zone's: at 20:30 on
// 31 December in New York it is already the next year in Lisbon.
func TestEvaluateMethodYearInLisbon(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	eve := time.Date(2026, time.December, 31, 20, 30, 0, 0, ny) // 01:30 on 1 January 2027 in Lisbon
	co := complete(t)
	co.Methods = reporting.Choices{{Year: 2027, Method: reporting.MethodSAFT}}
	st := Evaluate(context.Background(), co, WithClock(func() time.Time { return eve }))
	m, ok := st.Check(CheckMethod, "")
	require.True(t, ok)
	assert.Equal(t, Activated, m.Level, m.String())
}
