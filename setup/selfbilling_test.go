package setup

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/selfbilling"
	"github.com/faturapt/faturapt/series"
)

const (
	supplierA = "501234560"
	supplierB = "500000000"
)

var jan1 = civil.Date{Year: 2026, Month: 1, Day: 1}

func agreement(nif string, status selfbilling.AgreementStatus, to civil.Date) selfbilling.Agreement {
	return selfbilling.Agreement{Partner: selfbilling.NationalSupplier, AcquirerNIF: "599999993", AcquirerName: "Compradora",
		PartnerNIF: nif, PartnerName: "Fornecedor " + nif[:3], Status: status, From: jan1, To: to}
}

func sbRegistered(t *testing.T, id string, typ series.DocumentType, nif string, start civil.Date) selfbilling.Series {
	t.Helper()
	s, err := selfbilling.New(id, typ, series.NumberOf(1), start, selfbilling.NationalSupplier, nif)
	require.NoError(t, err)
	reg, err := s.Register("AAJFJMVNTN", "599999993", now.AddDate(0, 0, -30))
	require.NoError(t, err)
	s.Series = reg
	return s
}

func sbLister(agreements []selfbilling.Agreement, list []selfbilling.Series, err error) SelfBillingLister {
	return SelfBillingFuncs{
		Agreements: func(context.Context) ([]selfbilling.Agreement, error) { return agreements, err },
		Series:     func(context.Context) ([]selfbilling.Series, error) { return list, err },
	}
}

func TestEvaluateSelfBilling(t *testing.T) {
	nov1 := civil.Date{Year: 2026, Month: 11, Day: 1}
	dec1 := civil.Date{Year: 2026, Month: 12, Day: 1}
	cases := []struct {
		name    string
		lister  func(t *testing.T) SelfBillingLister
		types   []series.DocumentType
		typ     series.DocumentType
		partner string
		want    Level
	}{
		{"series under the agreement", func(t *testing.T) SelfBillingLister {
			return sbLister([]selfbilling.Agreement{agreement(supplierA, selfbilling.AgreementActive, civil.Date{})},
				[]selfbilling.Series{sbRegistered(t, "FA", series.DocumentTypeFT, supplierA, nov1)}, nil)
		}, nil, series.DocumentTypeFT, supplierA, Activated},
		{"no series for the agreement", func(t *testing.T) SelfBillingLister {
			return sbLister([]selfbilling.Agreement{agreement(supplierA, selfbilling.AgreementActive, civil.Date{})}, nil, nil)
		}, nil, series.DocumentTypeFT, supplierA, Pending},
		{"another partner's series does not count", func(t *testing.T) SelfBillingLister {
			return sbLister([]selfbilling.Agreement{agreement(supplierA, selfbilling.AgreementActive, civil.Date{})},
				[]selfbilling.Series{sbRegistered(t, "FB", series.DocumentTypeFT, supplierB, nov1)}, nil)
		}, nil, series.DocumentTypeFT, supplierA, Pending},
		{"series starting later", func(t *testing.T) SelfBillingLister {
			return sbLister([]selfbilling.Agreement{agreement(supplierA, selfbilling.AgreementActive, civil.Date{})},
				[]selfbilling.Series{sbRegistered(t, "FA", series.DocumentTypeFT, supplierA, dec1)}, nil)
		}, nil, series.DocumentTypeFT, supplierA, Pending},
		{"agreement ending within the warning", func(t *testing.T) SelfBillingLister {
			return sbLister([]selfbilling.Agreement{agreement(supplierA, selfbilling.AgreementActive, dec1)},
				[]selfbilling.Series{sbRegistered(t, "FA", series.DocumentTypeFT, supplierA, nov1)}, nil)
		}, nil, series.DocumentTypeFT, supplierA, Pending},
		{"a second type self-billed", func(t *testing.T) SelfBillingLister {
			return sbLister([]selfbilling.Agreement{agreement(supplierA, selfbilling.AgreementActive, civil.Date{})},
				[]selfbilling.Series{sbRegistered(t, "FA", series.DocumentTypeFT, supplierA, nov1)}, nil)
		}, []series.DocumentType{series.DocumentTypeFT, series.DocumentTypeNC}, series.DocumentTypeNC, supplierA, Pending},
		{"not a self-billing type", func(t *testing.T) SelfBillingLister {
			return sbLister([]selfbilling.Agreement{agreement(supplierA, selfbilling.AgreementActive, civil.Date{})}, nil, nil)
		}, []series.DocumentType{series.DocumentTypeGT}, series.DocumentTypeGT, supplierA, Failed},
		{"active series without an agreement in force", func(t *testing.T) SelfBillingLister {
			return sbLister([]selfbilling.Agreement{agreement(supplierA, selfbilling.AgreementFinalized, civil.Date{})},
				[]selfbilling.Series{sbRegistered(t, "FA", series.DocumentTypeFT, supplierA, nov1)}, nil)
		}, nil, series.DocumentTypeFT, supplierA, Failed},
		{"agreement expired", func(t *testing.T) SelfBillingLister {
			return sbLister([]selfbilling.Agreement{agreement(supplierA, selfbilling.AgreementActive, nov1)},
				[]selfbilling.Series{sbRegistered(t, "FA", series.DocumentTypeFT, supplierA, nov1)}, nil)
		}, nil, series.DocumentTypeFT, supplierA, Failed},
		{"no agreement", func(t *testing.T) SelfBillingLister { return sbLister(nil, nil, nil) }, nil, "", "", Pending},
		{"AT unreachable", func(t *testing.T) SelfBillingLister { return sbLister(nil, nil, errors.New("reset")) }, nil, "", "", Pending},
		{"permission missing", func(t *testing.T) SelfBillingLister { return sbLister(nil, nil, permErr{}) }, nil, "", "", Failed},
		{"credentials refused", func(t *testing.T) SelfBillingLister { return sbLister(nil, nil, authErr{}) }, nil, "", "", Failed},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			co := complete(t)
			co.SelfBilling = tc.lister(t)
			co.SelfBillingTypes = tc.types
			st := Evaluate(context.Background(), co, WithClock(clock))
			c, ok := st.CheckFor(CheckSelfBilling, tc.typ, tc.partner)
			require.True(t, ok, "check %s %s present in %v", tc.typ, tc.partner, st.Checks)
			assert.Equal(t, tc.want, c.Level, c.String())
			assert.NotEmpty(t, c.Detail)
			if tc.want == Activated {
				assert.Empty(t, c.Remedy)
				assert.Equal(t, Activated, st.Level, "%v", st.Failing())
			} else {
				assert.NotEmpty(t, c.Remedy, "a check that is not green says what to do")
				assert.GreaterOrEqual(t, st.Level.rank(), tc.want.rank())
			}
		})
	}
}

func TestCheckStringNamesPartner(t *testing.T) {
	c := Check{ID: CheckSelfBilling, DocumentType: series.DocumentTypeFT, Partner: supplierA, Level: Pending, Detail: "d", Remedy: "r"}
	assert.Equal(t, "[yellow] self-billing FT for 501234560: d — r", c.String())
}
