package atclient

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient/attest"
	gen "github.com/faturapt/faturapt/atclient/internal/serieswsdl"
	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

func requireCode(t *testing.T, err error, code series.ReturnCode) *ResultError {
	t.Helper()
	var re *ResultError
	require.ErrorAs(t, err, &re, "want AT code %d, got %v", int(code), err)
	require.Equal(t, code, re.Code, re.Message)
	return re
}

func TestRegisterNewSeriesGivesCodeAndATCUD(t *testing.T) {
	e := newSim(t, nil)
	s := e.register(t, "A", series.DocumentTypeFT, 1)
	assert.Len(t, s.ValidationCode, 8)
	assert.Equal(t, series.StatusActive, s.Status)
	assert.Equal(t, e.today, s.RegistrationDate)
	assert.Equal(t, e.today, s.ExpectedStart)
	assert.Equal(t, attest.DefaultNIF, s.CommunicatedBy)
	assert.Equal(t, series.SeriesTypeNormal, s.Type)
	assert.Equal(t, series.ProcessingMeansInvoicingProgram, s.ProcessingMeans)
	assert.Equal(t, simNow, s.StatusTime.UTC())
	a, err := atcud.FromSequence(s.ValidationCode, 1)
	require.NoError(t, err)
	assert.Equal(t, s.ValidationCode+"-1", a.String())

	recs := e.srv.Series(attest.DefaultNIF)
	require.Len(t, recs, 1)
	assert.Equal(t, s.ValidationCode, recs[0].ValidationCode)
}

func TestRegisterExistingSeriesFromNumber1234(t *testing.T) {
	e := newSim(t, nil)
	in := e.newSeries(t, "2026-LOJA1", series.DocumentTypeFR, 1234)
	in.CertificateNumber = 9999
	in.Type = series.SeriesTypeTraining
	s, err := e.client.RegisterSeries(testCtx(t), in)
	require.NoError(t, err)
	assert.Equal(t, series.NumberOf(1234), s.FirstNumber)
	assert.Equal(t, 9999, s.CertificateNumber)
	assert.Equal(t, series.SeriesTypeTraining, s.Type)
	next, err := s.NextNumber()
	require.NoError(t, err)
	assert.Equal(t, "1234", next.String())
}

func TestRegisterRefusals(t *testing.T) {
	e := newSim(t, []attest.Option{attest.WithoutActivity("500000000"), attest.WithUser(attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword)})
	e.register(t, "AB", series.DocumentTypeFT, 1)

	t.Run("4001 same identifier in another case, same type", func(t *testing.T) {
		_, err := e.client.RegisterSeries(testCtx(t), e.newSeries(t, "aB", series.DocumentTypeFT, 1))
		re := requireCode(t, err, series.Code4001)
		assert.Contains(t, re.Message, "já foi registada")
		// Another document type may use it.
		_, err = e.client.RegisterSeries(testCtx(t), e.newSeries(t, "ab", series.DocumentTypeNC, 1))
		require.NoError(t, err)
	})
	t.Run("4049 start of use in the past", func(t *testing.T) {
		s := e.newSeries(t, "OLD", series.DocumentTypeFT, 1)
		s.ExpectedStart = civil.DateOf(simNow.AddDate(0, 0, -1))
		_, err := e.client.RegisterSeries(testCtx(t), s)
		requireCode(t, err, series.Code4049)
	})
	t.Run("4000 facets", func(t *testing.T) {
		req, _ := registerRequest(e.newSeries(t, "X", series.DocumentTypeFT, 1))
		req.TipoSerie = ptr(gen.TipoSerieType("NN"))
		_, err := e.rawCall(t, OpRegisterSeries, req, series.Code2001)
		re := requireCode(t, err, series.Code4000)
		assert.Contains(t, re.Message, "tipoSerie")
	})
	t.Run("4002 missing fields", func(t *testing.T) {
		req, _ := registerRequest(e.newSeries(t, "X", series.DocumentTypeFT, 1))
		req.MeioProcessamento = nil
		req.NumCertSWFatur = nil
		_, err := e.rawCall(t, OpRegisterSeries, req, series.Code2001)
		re := requireCode(t, err, series.Code4002)
		assert.Contains(t, re.Message, "numCertSWFatur, meioProcessamento")
	})
	t.Run("4003 identifier rules", func(t *testing.T) {
		for _, id := range []string{"A--B", "-A", "A.", "Ç1", "A B"} {
			req, _ := registerRequest(e.newSeries(t, "X", series.DocumentTypeFT, 1))
			req.Serie = ptr(gen.SerieType(id))
			_, err := e.rawCall(t, OpRegisterSeries, req, series.Code2001)
			requireCode(t, err, series.Code4003)
		}
	})
	t.Run("4045 unknown class", func(t *testing.T) {
		req, _ := registerRequest(e.newSeries(t, "X", series.DocumentTypeFT, 1))
		req.ClasseDoc = ptr(gen.ClasseDocType("XX"))
		_, err := e.rawCall(t, OpRegisterSeries, req, series.Code2001)
		requireCode(t, err, series.Code4045)
	})
	t.Run("4046 type not of the class", func(t *testing.T) {
		req, _ := registerRequest(e.newSeries(t, "X", series.DocumentTypeFT, 1))
		req.ClasseDoc = ptr(gen.ClasseDocType("MG"))
		_, err := e.rawCall(t, OpRegisterSeries, req, series.Code2001)
		requireCode(t, err, series.Code4046)
	})
	t.Run("4043 no open activity", func(t *testing.T) {
		srv := startSim(t, attest.WithUser("500000000", "1", "pw"), attest.WithoutActivity("500000000"))
		c := simClientAs(t, srv, "500000000", "1", "pw")
		_, err := c.RegisterSeries(testCtx(t), e.newSeries(t, "A", series.DocumentTypeFT, 1))
		requireCode(t, err, series.Code4043)
	})
	assert.Len(t, e.srv.Series(attest.DefaultNIF), 2, "only AB/FT and ab/NC were registered")
}

func TestRegisterChecksBeforeSending(t *testing.T) {
	e := newSim(t, nil)
	_, err := e.client.RegisterSeries(testCtx(t), series.Series{ID: "A--", DocumentType: "ZZ"})
	require.ErrorIs(t, err, ErrInvalid)
	require.True(t, series.Codes.Valid(violation.Codes(err)[0]), "refused by the series' own validation: %v", err)
	s := e.register(t, "A", series.DocumentTypeFT, 1)
	_, err = e.client.RegisterSeries(testCtx(t), s)
	require.ErrorIs(t, err, ErrInvalid, "already has a validation code")
	assert.True(t, violation.Has(err, CodeAlreadyRegistered))
	_, err = e.client.FinalizeSeries(testCtx(t), s, series.Number{}, "")
	var ve *violation.Error
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.HasAt("seqUltimoDocEmitido", CodeOutOfRange), "%v", err)
	for _, c := range ve.Codes() {
		assert.True(t, Codes.Valid(c), "%s in the catalogue", c)
	}
	assert.Equal(t, 1, e.srv.Calls(string(OpRegisterSeries)), "refused requests never reach AT")
	assert.Equal(t, 0, e.srv.Requests(string(OpFinalizeSeries)))
}

// The WSDL allows 25-digit sequence numbers; they go and come back whole.
func TestTwentyFiveDigitNumbers(t *testing.T) {
	e := newSim(t, nil)
	in := e.newSeries(t, "BIG", series.DocumentTypeFT, 1)
	in.FirstNumber = series.MustNumber("2026000000000000000000001")
	s, err := e.client.RegisterSeries(testCtx(t), in)
	require.NoError(t, err)
	assert.Equal(t, in.FirstNumber, s.FirstNumber)
	last := series.MustNumber("9999999999999999999999999")
	f, err := e.client.FinalizeSeries(testCtx(t), s, last, "")
	require.NoError(t, err)
	assert.Equal(t, last, f.LastIssued)
}

func TestFinalize(t *testing.T) {
	e := newSim(t, nil)
	s := e.register(t, "F1", series.DocumentTypeFT, 10)

	_, err := e.client.FinalizeSeries(testCtx(t), s, series.NumberOf(9), "")
	requireCode(t, err, series.Code4047)

	f, err := e.client.FinalizeSeries(testCtx(t), s, series.NumberOf(57), "Encerramento do exercício")
	require.NoError(t, err)
	assert.Equal(t, series.StatusFinalized, f.Status)
	assert.Equal(t, series.NumberOf(57), f.LastIssued)
	assert.Equal(t, "Encerramento do exercício", f.Justification)
	assert.Equal(t, s.ValidationCode, f.ValidationCode)

	// F is final: neither finalize nor cancel again (§1.3.3).
	_, err = e.client.FinalizeSeries(testCtx(t), f, series.NumberOf(58), "")
	requireCode(t, err, series.Code4005)
	_, err = e.client.CancelSeries(testCtx(t), f, series.CancellationReasonError, true)
	requireCode(t, err, series.Code4004)

	// Referenced in another letter case (§1.3.2) but with a wrong code.
	g := e.register(t, "F2", series.DocumentTypeFT, 1)
	g.ID = "f2"
	g.ValidationCode = "ZZZZZZZZ"
	_, err = e.client.FinalizeSeries(testCtx(t), g, series.NumberOf(1), "")
	requireCode(t, err, series.Code4005)
}

func TestCancel(t *testing.T) {
	e := newSim(t, nil)
	s := e.register(t, "C1", series.DocumentTypeGT, 1)

	_, err := e.client.CancelSeries(testCtx(t), s, series.CancellationReasonError, false)
	require.ErrorIs(t, err, ErrInvalid, "the declaration is required")

	req := &gen.AnularSerie{
		Serie: ptr(gen.SerieType("C1")), ClasseDoc: ptr(gen.ClasseDocType("MG")), TipoDoc: ptr(gen.TipoDocType("GT")),
		CodValidacaoSerie: ptr(gen.CodValidacaoSerieType(s.ValidationCode)), Motivo: ptr(gen.MotivoType("XX")), DeclaracaoNaoEmissao: true,
	}
	_, err = e.rawCall(t, OpCancelSeries, req, series.Code2003)
	requireCode(t, err, series.Code4051)

	req.Motivo = ptr(gen.MotivoType("ER"))
	req.DeclaracaoNaoEmissao = false // omitted on the wire
	_, err = e.rawCall(t, OpCancelSeries, req, series.Code2003)
	requireCode(t, err, series.Code4000)

	c, err := e.client.CancelSeries(testCtx(t), s, series.CancellationReasonError, true)
	require.NoError(t, err)
	assert.Equal(t, series.StatusCancelled, c.Status)
	assert.Equal(t, series.CancellationReasonError, c.StatusReason)

	_, err = e.client.FinalizeSeries(testCtx(t), c, series.NumberOf(1), "")
	requireCode(t, err, series.Code4005)
	_, err = e.client.CancelSeries(testCtx(t), c, series.CancellationReasonError, true)
	requireCode(t, err, series.Code4004)

	// A registration cancelled as an error frees its identifier.
	again := e.register(t, "C1", series.DocumentTypeGT, 5)
	assert.NotEqual(t, s.ValidationCode, again.ValidationCode)
}

func TestQuery(t *testing.T) {
	e := newSim(t, nil)
	a := e.register(t, "Q1", series.DocumentTypeFT, 1)
	e.register(t, "Q2", series.DocumentTypeFS, 1)
	e.register(t, "Q1", series.DocumentTypeGR, 1)
	_, err := e.client.FinalizeSeries(testCtx(t), a, series.NumberOf(3), "")
	require.NoError(t, err)

	for _, tc := range []struct {
		name string
		q    SeriesQuery
		want int
	}{
		{"all", SeriesQuery{}, 3},
		{"identifier, any case", SeriesQuery{ID: "q1"}, 2},
		{"class", SeriesQuery{Class: series.DocumentClassSI}, 2},
		{"document type", SeriesQuery{DocumentType: series.DocumentTypeGR}, 1},
		{"status", SeriesQuery{Status: series.StatusFinalized}, 1},
		{"code", SeriesQuery{ValidationCode: a.ValidationCode}, 1},
		{"type", SeriesQuery{Type: series.SeriesTypeRecovery}, 0},
		{"means", SeriesQuery{ProcessingMeans: series.ProcessingMeansInvoicingProgram}, 3},
		{"dates", SeriesQuery{RegisteredFrom: e.today, RegisteredTo: e.today}, 3},
		{"dates before", SeriesQuery{RegisteredTo: civil.DateOf(simNow.AddDate(0, 0, -1))}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := e.client.QuerySeries(testCtx(t), tc.q)
			require.NoError(t, err)
			require.Len(t, got, tc.want)
			require.NotNil(t, got)
		})
	}
	got, err := e.client.QuerySeries(testCtx(t), SeriesQuery{Status: series.StatusFinalized})
	require.NoError(t, err)
	assert.Equal(t, series.NumberOf(3), got[0].LastIssued)

	// 4048, past the client's own check.
	req := &gen.ConsultarSeries{DataRegistoDe: xsdDate(e.today), DataRegistoAte: xsdDate(civil.DateOf(simNow.AddDate(0, 0, -1)))}
	_, err = e.rawCall(t, OpQuerySeries, req, series.Code2002)
	requireCode(t, err, series.Code4048)
	_, err = e.client.QuerySeries(testCtx(t), SeriesQuery{RegisteredFrom: e.today, RegisteredTo: civil.DateOf(simNow.AddDate(0, 0, -1))})
	require.ErrorIs(t, err, ErrInvalid)
	_, err = e.client.QuerySeries(testCtx(t), SeriesQuery{Class: series.DocumentClassMG, DocumentType: series.DocumentTypeFT, Status: "X"})
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "tipoDoc")
	assert.Contains(t, err.Error(), "estado")
}

// The other user's series are not visible: state is per NIF.
func TestStatePerNIF(t *testing.T) {
	e := newSim(t, []attest.Option{
		attest.WithUser(attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword),
		attest.WithUser("500000000", "2", "other"),
	})
	e.register(t, "A", series.DocumentTypeFT, 1)
	other := simClientAs(t, e.srv, "500000000", "2", "other")
	got, err := other.QuerySeries(testCtx(t), SeriesQuery{})
	require.NoError(t, err)
	assert.Empty(t, got)
	_, err = other.RegisterSeries(testCtx(t), e.newSeries(t, "A", series.DocumentTypeFT, 1))
	require.NoError(t, err, "the same identifier for another taxpayer")
}

func TestResultErrorText(t *testing.T) {
	err := error(&ResultError{Operation: OpRegisterSeries, Code: series.Code4001, Message: "Não foi possível registar a Série."})
	assert.Equal(t, "atclient: registarSerie: AT answered 4001 (The series was already registered for this document type.): Não foi possível registar a Série.", err.Error())
	var re *ResultError
	require.True(t, errors.As(fmt.Errorf("wrapped: %w", err), &re))
}

func TestOperation(t *testing.T) {
	assert.Equal(t, []Operation{OpRegisterSeries, OpFinalizeSeries, OpCancelSeries, OpQuerySeries,
		OpRegisterSelfBillingSeries, OpQuerySelfBillingSeries, OpFinalizeSelfBillingSeries, OpCancelSelfBillingSeries, OpQuerySelfBillingAgreements},
		Operation("").Values())
	for _, op := range Operation("").Values() {
		assert.True(t, op.Valid(), op)
	}
	assert.False(t, Operation("RegisterInvoice").Valid())
	assert.Equal(t, "anularSerie", OpCancelSeries.String())
}
