package atclient

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient/attest"
	sgen "github.com/faturapt/faturapt/atclient/internal/selfbillingwsdl"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/secrettest"
	"github.com/faturapt/faturapt/internal/xmllint"
	"github.com/faturapt/faturapt/selfbilling"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

const (
	sbSupplier = "501234560" // a national supplier with an agreement
	sbForeign  = "ESB12345678"
)

// sbAgreements are the agreements of the default NIF in the simulator: a
// national supplier, a foreign supplier and a foreign customer, from
// 2026-01-01.
func sbAgreements() []attest.Option {
	return []attest.Option{
		attest.WithAgreement(attest.DefaultNIF, attest.Agreement{Partner: "FN", AcquirerName: "Compradora Lda", PartnerNIF: sbSupplier,
			PartnerName: "Fornecedor SA", From: "2026-01-01", To: "2027-12-31"}),
		attest.WithAgreement(attest.DefaultNIF, attest.Agreement{Partner: "FE", AcquirerName: "Compradora Lda", PartnerNIF: sbForeign,
			PartnerName: "Proveedor SL", Country: "ES", From: "2026-01-01"}),
		attest.WithAgreement(attest.DefaultNIF, attest.Agreement{Partner: "CE", AcquirerName: "Client SARL", PartnerNIF: attest.DefaultNIF,
			PartnerName: "Compradora Lda", Country: "FR", From: "2026-01-01"}),
	}
}

func newSBSim(t *testing.T, simOpts ...attest.Option) *simEnv {
	t.Helper()
	return newSim(t, append(sbAgreements(), simOpts...))
}

func (e *simEnv) sbSeries(t testing.TB, id string, dt series.DocumentType, p selfbilling.PartnerType, pnif string, opts ...selfbilling.Option) selfbilling.Series {
	t.Helper()
	s, err := selfbilling.New(id, dt, series.NumberOf(1), e.today, p, pnif, opts...)
	require.NoError(t, err)
	return s
}

func (e *simEnv) sbRegister(t testing.TB, id string, dt series.DocumentType) selfbilling.Series {
	t.Helper()
	s, err := e.client.RegisterSelfBillingSeries(testCtx(t), e.sbSeries(t, id, dt, selfbilling.NationalSupplier, sbSupplier))
	require.NoError(t, err)
	return s
}

func TestSelfBillingLifecycle(t *testing.T) {
	e := newSBSim(t)
	ctx := testCtx(t)
	s := e.sbRegister(t, "FORN1", series.DocumentTypeFT)
	assert.Equal(t, series.StatusActive, s.Status)
	assert.Equal(t, series.SeriesTypeSelfBilling, s.Type)
	assert.Len(t, s.ValidationCode, 8)
	assert.Equal(t, e.today, s.RegistrationDate)
	assert.Equal(t, attest.DefaultNIF, s.CommunicatedBy)
	assert.Equal(t, selfbilling.NationalSupplier, s.Partner)
	assert.Equal(t, sbSupplier, s.PartnerNIF)
	// The ATCUD works as for any series.
	n, err := s.DocumentNumber(series.NumberOf(3))
	require.NoError(t, err)
	assert.Equal(t, "FT FORN1/3", n)

	fe, err := e.client.RegisterSelfBillingSeries(ctx, e.sbSeries(t, "ES1", series.DocumentTypeNC, selfbilling.ForeignSupplier, sbForeign,
		selfbilling.WithForeignPartner("ES", "Proveedor SL")))
	require.NoError(t, err)
	assert.Equal(t, "ES", fe.Country)
	assert.Equal(t, "Proveedor SL", fe.ForeignName)
	ce, err := e.client.RegisterSelfBillingSeries(ctx, e.sbSeries(t, "FR1", series.DocumentTypeFT, selfbilling.ForeignCustomer, attest.DefaultNIF))
	require.NoError(t, err)
	assert.Equal(t, selfbilling.ForeignCustomer, ce.Partner)

	all, err := e.client.QuerySelfBillingSeries(ctx, SelfBillingQuery{})
	require.NoError(t, err)
	assert.Len(t, all, 3)
	// §1.3.2: referred to with any capitalisation.
	found, err := e.client.QuerySelfBillingSeries(ctx, SelfBillingQuery{ID: "forn1", DocumentType: series.DocumentTypeFT})
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.Equal(t, s, found[0])
	byPartner, err := e.client.QuerySelfBillingSeries(ctx, SelfBillingQuery{Partner: selfbilling.ForeignSupplier})
	require.NoError(t, err)
	require.Len(t, byPartner, 1)
	assert.Equal(t, "ES1", byPartner[0].ID)

	fin, err := e.client.FinalizeSelfBillingSeries(ctx, s, series.NumberOf(42), "fim do acordo")
	require.NoError(t, err)
	assert.Equal(t, series.StatusFinalized, fin.Status)
	assert.Equal(t, series.NumberOf(42), fin.LastIssued)
	assert.Equal(t, "fim do acordo", fin.Justification)

	can, err := e.client.CancelSelfBillingSeries(ctx, fe, series.CancellationReasonError, true)
	require.NoError(t, err)
	assert.Equal(t, series.StatusCancelled, can.Status)
	assert.Equal(t, series.CancellationReasonError, can.StatusReason)

	// The manual's status filter, applied by the client.
	active, err := e.client.QuerySelfBillingSeries(ctx, SelfBillingQuery{Status: series.StatusActive})
	require.NoError(t, err)
	require.Len(t, active, 1)
	assert.Equal(t, "FR1", active[0].ID)

	ags, err := e.client.QuerySelfBillingAgreements(ctx, AgreementQuery{})
	require.NoError(t, err)
	require.Len(t, ags, 3)
	assert.Equal(t, selfbilling.Agreement{Partner: selfbilling.NationalSupplier, AcquirerNIF: attest.DefaultNIF, AcquirerName: "Compradora Lda",
		PartnerNIF: sbSupplier, PartnerName: "Fornecedor SA", Status: selfbilling.AgreementActive,
		From: civil.Date{Year: 2026, Month: 1, Day: 1}, To: civil.Date{Year: 2027, Month: 12, Day: 31}}, ags[0])
	assert.True(t, ags[0].Covers(s))
	one, err := e.client.QuerySelfBillingAgreements(ctx, AgreementQuery{PartnerNIF: sbForeign, Status: selfbilling.AgreementActive})
	require.NoError(t, err)
	require.Len(t, one, 1)
	assert.Equal(t, "ES", one[0].Country)
}

// The manual's identifier example (§1.3.2): with "AB" registered for a
// document type, "Ab", "aB" and "ab" are taken for it, and free for another.
func TestSelfBillingIdentifierCase(t *testing.T) {
	e := newSBSim(t)
	e.sbRegister(t, "AB", series.DocumentTypeFT)
	for _, id := range []string{"AB", "Ab", "aB", "ab"} {
		_, err := e.client.RegisterSelfBillingSeries(testCtx(t), e.sbSeries(t, id, series.DocumentTypeFT, selfbilling.NationalSupplier, sbSupplier))
		var re *ResultError
		require.ErrorAs(t, err, &re, id)
		assert.Equal(t, series.Code4001, re.Code, id)
		assert.Equal(t, OpRegisterSelfBillingSeries, re.Operation)
	}
	e.sbRegister(t, "ab", series.DocumentTypeFS)
}

// §1.3.3: once cancelled, an identifier is never registered again for the
// document type; and only today's or yesterday's registration is cancelled.
func TestSelfBillingCancelRules(t *testing.T) {
	e := newSBSim(t)
	s := e.sbRegister(t, "C1", series.DocumentTypeFT)
	_, err := e.client.CancelSelfBillingSeries(testCtx(t), s, series.CancellationReasonError, true)
	require.NoError(t, err)
	_, err = e.client.RegisterSelfBillingSeries(testCtx(t), e.sbSeries(t, "c1", series.DocumentTypeFT, selfbilling.NationalSupplier, sbSupplier))
	var re *ResultError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, series.Code4001, re.Code)

	// Two days later, by the client's clock: refused before sending.
	s2 := e.sbRegister(t, "C2", series.DocumentTypeFT)
	late := simClient(t, e.srv, WithClock(func() time.Time { return simNow.Add(48 * time.Hour) }))
	before := e.srv.Requests(string(OpCancelSelfBillingSeries))
	_, err = late.CancelSelfBillingSeries(testCtx(t), s2, series.CancellationReasonError, true)
	assert.True(t, violation.Has(err, CodeTooLate), "%v", err)
	assert.Equal(t, before, e.srv.Requests(string(OpCancelSelfBillingSeries)), "nothing sent")
}

// Every code the manual documents, as AT (the simulator) answers it, reaches
// the caller as a *ResultError with the code; each request is sent as is,
// past the client's own checks.
func TestSelfBillingEveryDocumentedCode(t *testing.T) {
	e := newSBSim(t, attest.WithoutActivity("500000000"), attest.WithUser("500000000", "1", "pw"),
		attest.WithUser(attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword),
		attest.WithAgreement("500000000", attest.Agreement{Partner: "FN", PartnerNIF: sbSupplier, From: "2026-01-01"}))
	ok := e.sbRegister(t, "OK", series.DocumentTypeFT)
	day := e.today.String()
	reg := func(id, class, typ, start, partner, pnif string) *sgen.RegistarSerieAutofaturacao {
		r := &sgen.RegistarSerieAutofaturacao{
			Serie: ptr(sgen.SerieType(id)), ClasseDoc: ptr(sgen.ClasseDocType(class)), TipoDoc: ptr(sgen.TipoDocType(typ)),
			NumInicialSeq: ptr(sgen.NumSeqType("1")), DataInicioPrevUtiliz: xsdDate(mustDate(t, start)),
			NumCertSWFatur: ptr(sgen.NumCertSWFaturType(0)), ComunicarEmNomeDe: ptr(sgen.TipoEntidadeAcordoType(partner)),
		}
		if pnif != "" {
			r.NifAssociadoAoAcordo = ptr(sgen.NifAcordoType(pnif))
		}
		return r
	}
	ref := func(s selfbilling.Series) (*sgen.SerieType, *sgen.ClasseDocType, *sgen.TipoDocType, *sgen.CodValidacaoSerieType) {
		return ptr(sgen.SerieType(s.ID)), ptr(sgen.ClasseDocType("SI")), ptr(sgen.TipoDocType(s.DocumentType)), ptr(sgen.CodValidacaoSerieType(s.ValidationCode))
	}
	cancel := func(s selfbilling.Series, motivo string, declared bool) *sgen.AnularSerieAutofaturacao {
		a, b, c, d := ref(s)
		return &sgen.AnularSerieAutofaturacao{Serie: a, ClasseDoc: b, TipoDoc: c, CodValidacaoSerie: d, Motivo: ptr(sgen.MotivoType(motivo)),
			DeclaracaoNaoEmissao: declared, AcordoRegistadoCom: ptr(sgen.TipoEntidadeAcordoType("FN")), NifAssociadoAoAcordo: ptr(sgen.NifAcordoType(sbSupplier))}
	}
	finalize := func(s selfbilling.Series, last string) *sgen.FinalizarSerieAutofaturacao {
		a, b, c, d := ref(s)
		return &sgen.FinalizarSerieAutofaturacao{Serie: a, ClasseDoc: b, TipoDoc: c, CodValidacaoSerie: d, SeqUltimoDocEmitido: ptr(sgen.NumSeqType(last)),
			AcordoRegistadoCom: ptr(sgen.TipoEntidadeAcordoType("FN")), NifAssociadoAoAcordo: ptr(sgen.NifAcordoType(sbSupplier))}
	}
	other := e.sbRegister(t, "OTHER", series.DocumentTypeFS)
	inactive := simClientAs(t, e.srv, "500000000", "1", "pw")
	cases := []struct {
		name   string
		client *Client
		op     Operation
		req    any
		want   series.ReturnCode
	}{
		{"2001 registered", nil, OpRegisterSelfBillingSeries, reg("NEW", "SI", "FR", day, "FN", sbSupplier), series.Code2001},
		{"4001 already registered", nil, OpRegisterSelfBillingSeries, reg("ok", "SI", "FT", day, "FN", sbSupplier), series.Code4001},
		{"4002 fields missing", nil, OpRegisterSelfBillingSeries, reg("X1", "SI", "FT", day, "FN", ""), series.Code4002},
		{"4003 fields with errors", nil, OpRegisterSelfBillingSeries, reg("AT1", "SI", "FT", day, "FN", sbSupplier), series.Code4003},
		{"4003 no agreement", nil, OpRegisterSelfBillingSeries, reg("X2", "SI", "FT", day, "FN", "500000000"), series.Code4003},
		{"4003 4### partner type", nil, OpRegisterSelfBillingSeries, reg("X3", "SI", "FT", day, "XX", sbSupplier), series.Code4003},
		{"4043 no open activity", inactive, OpRegisterSelfBillingSeries, reg("X4", "SI", "FT", day, "FN", sbSupplier), series.Code4043},
		{"4045 class", nil, OpRegisterSelfBillingSeries, reg("X5", "MG", "GT", day, "FN", sbSupplier), series.Code4045},
		{"4046 type of the class", nil, OpRegisterSelfBillingSeries, reg("X6", "SI", "GT", day, "FN", sbSupplier), series.Code4046},
		{"4049 start in the past", nil, OpRegisterSelfBillingSeries, reg("X7", "SI", "FT", e.today.AddDays(-1).String(), "FN", sbSupplier), series.Code4049},
		{"4051 cancel reason", nil, OpCancelSelfBillingSeries, cancel(ok, "XX", true), series.Code4051},
		{"4004 no declaration", nil, OpCancelSelfBillingSeries, []byte(`<at:anularSerieAutofaturacao xmlns:at="http://at.gov.pt/"><serie>OK</serie>` +
			`<classeDoc>SI</classeDoc><tipoDoc>FT</tipoDoc><codValidacaoSerie>` + ok.ValidationCode + `</codValidacaoSerie><motivo>ER</motivo>` +
			`<declaracaoNaoEmissao>false</declaracaoNaoEmissao><acordoRegistadoCom>FN</acordoRegistadoCom><nifAssociadoAoAcordo>` + sbSupplier +
			`</nifAssociadoAoAcordo></at:anularSerieAutofaturacao>`), series.Code4004},
		{"2003 cancelled", nil, OpCancelSelfBillingSeries, cancel(ok, "ER", true), series.Code2003},
		{"4004 not active", nil, OpCancelSelfBillingSeries, cancel(ok, "ER", true), series.Code4004},
		{"2004 finalized", nil, OpFinalizeSelfBillingSeries, finalize(other, "1"), series.Code2004},
		{"4005 not active", nil, OpFinalizeSelfBillingSeries, finalize(other, "2"), series.Code4005},
		{"2002 query", nil, OpQuerySelfBillingSeries, &sgen.ConsultarSeriesAutofaturacao{}, series.Code2002},
		{"4048 query range", nil, OpQuerySelfBillingSeries, &sgen.ConsultarSeriesAutofaturacao{
			DataRegistoDe: xsdDate(e.today), DataRegistoAte: xsdDate(e.today.AddDays(-1))}, series.Code4048},
		{"2002 agreements", nil, OpQuerySelfBillingAgreements, &sgen.ConsultarAcordosAutofaturacao{}, series.Code2002},
		{"4048 agreements range", nil, OpQuerySelfBillingAgreements, &sgen.ConsultarAcordosAutofaturacao{
			PeriodoDeAutorizacaoDe: xsdDate(e.today), PeriodoDeAutorizacaoAte: xsdDate(e.today.AddDays(-1))}, series.Code4048},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cl := c.client
			if cl == nil {
				cl = e.client
			}
			body, raw := c.req.([]byte)
			if !raw {
				var err error
				body, err = marshalOperation("at", nsSeries, string(c.op), c.req)
				require.NoError(t, err)
			}
			status, data, err := cl.t.call(testCtx(t), cl.endpoints.SelfBilling, string(c.op), "", body)
			require.NoError(t, err)
			var code series.ReturnCode
			if c.op == OpQuerySelfBillingAgreements {
				_, err = decodeAgreementsAnswer(status, data)
			} else {
				_, err = decodeSelfBillingAnswer(c.op, status, data, c.want)
			}
			var re *ResultError
			switch {
			case err == nil:
				code = c.want
			case errors.As(err, &re):
				code = re.Code
				assert.Equal(t, c.op, re.Operation)
				assert.NotEmpty(t, re.Message)
			default:
				t.Fatalf("%v", err)
			}
			assert.Equal(t, c.want, code)
			assert.Contains(t, selfbilling.ReturnCodes(sbOperation(c.op)), code, "a code the manual documents for the operation")
		})
	}
	// 4047 needs a series that starts later than 1.
	late, err := selfbilling.New("LATE", series.DocumentTypeND, series.NumberOf(10), e.today, selfbilling.NationalSupplier, sbSupplier)
	require.NoError(t, err)
	late, err = e.client.RegisterSelfBillingSeries(testCtx(t), late)
	require.NoError(t, err)
	body, err := marshalOperation("at", nsSeries, string(OpFinalizeSelfBillingSeries), finalize(late, "9"))
	require.NoError(t, err)
	status, data, err := e.client.t.call(testCtx(t), e.client.endpoints.SelfBilling, string(OpFinalizeSelfBillingSeries), "", body)
	require.NoError(t, err)
	_, err = decodeSelfBillingAnswer(OpFinalizeSelfBillingSeries, status, data, series.Code2004)
	var re *ResultError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, series.Code4047, re.Code)

	// 5000, injected.
	e.srv.InjectFault(attest.Fault{Kind: attest.FaultTechnicalError, Operation: string(OpQuerySelfBillingAgreements), Count: 3})
	_, err = e.client.QuerySelfBillingAgreements(testCtx(t), AgreementQuery{})
	require.ErrorAs(t, err, &re)
	assert.Equal(t, series.Code5000, re.Code)
	assert.ErrorIs(t, err, ErrTryLater)
}

func sbOperation(op Operation) selfbilling.Operation {
	return map[Operation]selfbilling.Operation{
		OpRegisterSelfBillingSeries: selfbilling.OpRegister, OpCancelSelfBillingSeries: selfbilling.OpCancel,
		OpFinalizeSelfBillingSeries: selfbilling.OpFinalize, OpQuerySelfBillingSeries: selfbilling.OpQuerySeries,
		OpQuerySelfBillingAgreements: selfbilling.OpQueryAgreements,
	}[op]
}

func mustDate(t *testing.T, s string) civil.Date {
	t.Helper()
	tm, err := time.Parse(time.DateOnly, s)
	require.NoError(t, err)
	return civil.DateOf(tm)
}

// Every rule is checked before sending, every violation at once.
func TestSelfBillingRefusedBeforeSending(t *testing.T) {
	e := newSBSim(t)
	bad := e.sbSeries(t, "B1", series.DocumentTypeFT, selfbilling.ForeignCustomer, attest.DefaultNIF)
	bad.ID, bad.DocumentType, bad.PartnerNIF = "AT-1", series.DocumentTypeGT, "500000000"
	_, err := e.client.RegisterSelfBillingSeries(testCtx(t), bad)
	require.ErrorIs(t, err, ErrInvalid)
	for _, c := range []violation.Code{selfbilling.CodeReservedID, selfbilling.CodeDocumentType, selfbilling.CodeNotCommunicator} {
		assert.True(t, violation.Has(err, c), "%s in %v", c, err)
	}
	_, err = e.client.FinalizeSelfBillingSeries(testCtx(t), selfbilling.Series{}, series.Number{}, strings.Repeat("x", 4001))
	for _, p := range []string{"serie", "tipoDoc", "codValidacaoSerie", "acordoRegistadoCom", "nifAssociadoAoAcordo", "seqUltimoDocEmitido", "justificacao"} {
		var ve *violation.Error
		require.ErrorAs(t, err, &ve)
		assert.True(t, slicesHasPath(ve, p), "%s in %v", p, err)
	}
	_, err = e.client.CancelSelfBillingSeries(testCtx(t), selfbilling.Series{}, "XX", false)
	for _, c := range []violation.Code{CodeUnknownCode, CodeRequired} {
		assert.True(t, violation.Has(err, c), "%s in %v", c, err)
	}
	_, err = e.client.QuerySelfBillingSeries(testCtx(t), SelfBillingQuery{ID: "-x", Class: series.DocumentClassMG, DocumentType: series.DocumentTypeGT,
		ValidationCode: "short", RegisteredFrom: e.today, RegisteredTo: e.today.AddDays(-1), Partner: "XX", Status: "Z"})
	var ve *violation.Error
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Violations, 7, "%v", err)
	_, err = e.client.QuerySelfBillingAgreements(testCtx(t), AgreementQuery{Status: "N", From: e.today, To: e.today.AddDays(-1)})
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Violations, 2, "%v", err)
	for _, op := range selfBillingOperations {
		assert.Zero(t, e.srv.Requests(string(op)), "%s: nothing sent", op)
	}
	assert.True(t, op(OpRegisterSelfBillingSeries).Valid())
}

func op(o Operation) Operation { return o }

func slicesHasPath(ve *violation.Error, p string) bool {
	for _, v := range ve.Violations {
		if v.Path == p {
			return true
		}
	}
	return false
}

// A lost answer never registers a series twice: the client queries before
// anything else (self-billing manual §2.4), never resends.
func TestSelfBillingLostAnswer(t *testing.T) {
	for _, kind := range []attest.FaultKind{attest.FaultDrop, attest.FaultTechnicalError, attest.FaultInternalError, attest.FaultMalformed} {
		t.Run(kind.String()+" after processing", func(t *testing.T) {
			e := newSBSim(t)
			e.srv.InjectFault(attest.Fault{Kind: kind, Operation: string(OpRegisterSelfBillingSeries), AfterProcessing: true})
			s, err := e.client.RegisterSelfBillingSeries(testCtx(t), e.sbSeries(t, "L1", series.DocumentTypeFT, selfbilling.NationalSupplier, sbSupplier))
			require.NoError(t, err)
			assert.Len(t, s.ValidationCode, 8)
			assert.Equal(t, 1, e.srv.Requests(string(OpRegisterSelfBillingSeries)), "never sent twice")
			assert.Len(t, e.srv.SelfBillingSeries(attest.DefaultNIF), 1)
		})
		t.Run(kind.String()+" before processing", func(t *testing.T) {
			e := newSBSim(t)
			e.srv.InjectFault(attest.Fault{Kind: kind, Operation: string(OpRegisterSelfBillingSeries)})
			_, err := e.client.RegisterSelfBillingSeries(testCtx(t), e.sbSeries(t, "L1", series.DocumentTypeFT, selfbilling.NationalSupplier, sbSupplier))
			assert.ErrorIs(t, err, ErrNotApplied)
			assert.Equal(t, 1, e.srv.Requests(string(OpRegisterSelfBillingSeries)))
			assert.Empty(t, e.srv.SelfBillingSeries(attest.DefaultNIF))
		})
	}
	t.Run("query fails too", func(t *testing.T) {
		e := newSBSim(t)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpRegisterSelfBillingSeries), AfterProcessing: true})
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpQuerySelfBillingSeries), Count: 3})
		_, err := e.client.RegisterSelfBillingSeries(testCtx(t), e.sbSeries(t, "L1", series.DocumentTypeFT, selfbilling.NationalSupplier, sbSupplier))
		assert.ErrorIs(t, err, ErrOutcomeUnknown)
	})
	t.Run("registered with other data", func(t *testing.T) {
		e := newSBSim(t)
		e.sbRegister(t, "L1", series.DocumentTypeFT)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpRegisterSelfBillingSeries)})
		other := e.sbSeries(t, "l1", series.DocumentTypeFT, selfbilling.ForeignSupplier, sbForeign)
		_, err := e.client.RegisterSelfBillingSeries(testCtx(t), other)
		var re *ResultError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, series.Code4001, re.Code)
	})
	t.Run("finalize and cancel", func(t *testing.T) {
		e := newSBSim(t)
		s := e.sbRegister(t, "L2", series.DocumentTypeFT)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpFinalizeSelfBillingSeries), AfterProcessing: true})
		fin, err := e.client.FinalizeSelfBillingSeries(testCtx(t), s, series.NumberOf(5), "")
		require.NoError(t, err)
		assert.Equal(t, series.StatusFinalized, fin.Status)
		assert.Equal(t, 1, e.srv.Requests(string(OpFinalizeSelfBillingSeries)))

		c := e.sbRegister(t, "L3", series.DocumentTypeFT)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpCancelSelfBillingSeries)})
		_, err = e.client.CancelSelfBillingSeries(testCtx(t), c, series.CancellationReasonError, true)
		assert.ErrorIs(t, err, ErrNotApplied)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultTechnicalError, Operation: string(OpCancelSelfBillingSeries), AfterProcessing: true})
		can, err := e.client.CancelSelfBillingSeries(testCtx(t), c, series.CancellationReasonError, true)
		require.NoError(t, err)
		assert.Equal(t, series.StatusCancelled, can.Status)
		assert.Equal(t, 2, e.srv.Requests(string(OpCancelSelfBillingSeries)))
	})
}

// selfBillingXSD extracts the WSDL's schema as a standalone XSD.
func selfBillingXSD(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("wsdl/SeriesAutoFaturacaoWSService.wsdl")
	require.NoError(t, err)
	w := string(data)
	start := regexp.MustCompile(`<xsd:schema\s`).FindStringIndex(w)
	end := strings.Index(w, "</xsd:schema>")
	require.NotNil(t, start)
	schema := strings.Replace(w[start[0]:end+len("</xsd:schema>")], "<xsd:schema ", `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" `, 1)
	path := filepath.Join(t.TempDir(), "SeriesAutoFaturacao.xsd")
	require.NoError(t, os.WriteFile(path, []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+schema), 0o600))
	return path
}

// The operations are the WSDL's, in its order.
func TestSelfBillingOperationsOfWSDL(t *testing.T) {
	data, err := os.ReadFile("wsdl/SeriesAutoFaturacaoWSService.wsdl")
	require.NoError(t, err)
	var w struct {
		Operations []struct {
			Name string `xml:"name,attr"`
		} `xml:"portType>operation"`
	}
	require.NoError(t, xml.Unmarshal(data, &w))
	var names []Operation
	for _, o := range w.Operations {
		names = append(names, Operation(o.Name))
	}
	assert.Equal(t, selfBillingOperations, names)
}

// bodyElement returns the first element inside a SOAP Body.
func bodyElement(t *testing.T, env []byte) []byte {
	t.Helper()
	var e struct {
		Body struct {
			Inner []byte `xml:",innerxml"`
		} `xml:"Body"`
	}
	require.NoError(t, xml.Unmarshal(env, &e))
	return bytes.TrimSpace(e.Body.Inner)
}

// The requests the client sends, and the simulator's answers, are valid
// against the WSDL's schema.
func TestSelfBillingMessagesMatchWSDL(t *testing.T) {
	xmllint.Path(t)
	xsd := selfBillingXSD(t)
	e := newSBSim(t)
	ctx := testCtx(t)
	s := e.sbRegister(t, "W1", series.DocumentTypeFT)
	fe, err := e.client.RegisterSelfBillingSeries(ctx, e.sbSeries(t, "W2", series.DocumentTypeFR, selfbilling.ForeignSupplier, sbForeign,
		selfbilling.WithForeignPartner("ES", "Proveedor SL"), selfbilling.WithCertificateNumber(1234)))
	require.NoError(t, err)
	_, err = e.client.QuerySelfBillingSeries(ctx, SelfBillingQuery{ID: "W1", Class: series.DocumentClassSI, DocumentType: series.DocumentTypeFT,
		ValidationCode: s.ValidationCode, RegisteredFrom: e.today, RegisteredTo: e.today, PartnerNIF: sbSupplier, Partner: selfbilling.NationalSupplier,
		Status: series.StatusActive})
	require.NoError(t, err)
	_, err = e.client.QuerySelfBillingAgreements(ctx, AgreementQuery{PartnerNIF: sbSupplier, Status: selfbilling.AgreementActive, From: e.today, To: e.today})
	require.NoError(t, err)
	_, err = e.client.FinalizeSelfBillingSeries(ctx, s, series.NumberOf(3), "justificação")
	require.NoError(t, err)
	_, err = e.client.CancelSelfBillingSeries(ctx, fe, series.CancellationReasonError, true)
	require.NoError(t, err)

	seen := map[string]bool{}
	for _, env := range e.srv.Received() {
		body := bodyElement(t, env)
		assert.NoError(t, xmllint.Validate(t, xsd, body), "%s", body)
		for _, op := range selfBillingOperations {
			if bytes.Contains(body, []byte(":"+string(op)+" ")) {
				seen[string(op)] = true
			}
		}
	}
	assert.Len(t, seen, 5, "every operation sent: %v", seen)

	// The simulator's answers, taken raw.
	for _, op := range []Operation{OpQuerySelfBillingSeries, OpQuerySelfBillingAgreements} {
		req := map[Operation]any{OpQuerySelfBillingSeries: &sgen.ConsultarSeriesAutofaturacao{}, OpQuerySelfBillingAgreements: &sgen.ConsultarAcordosAutofaturacao{}}[op]
		body, err := marshalOperation("at", nsSeries, string(op), req)
		require.NoError(t, err)
		_, data, err := e.client.t.call(ctx, e.client.endpoints.SelfBilling, string(op), "", body)
		require.NoError(t, err)
		assert.NoError(t, xmllint.Validate(t, xsd, bodyElement(t, data)), "%s", data)
	}
}

// An answer in the manual's order (infoResultOper first) and with the
// finalize wrapper spelt either way decodes the same.
func TestSelfBillingAnswerShapes(t *testing.T) {
	info := `<infoSerieAutofaturacao><serie>A</serie><tipoSerie>A</tipoSerie><classeDoc>SI</classeDoc><tipoDoc>FT</tipoDoc>` +
		`<numInicialSeq>1</numInicialSeq><dataInicioPrevUtiliz>2026-06-01</dataInicioPrevUtiliz><seqUltimoDocEmitido>9</seqUltimoDocEmitido>` +
		`<meioProcessamento>PI</meioProcessamento><numCertSWFatur>0</numCertSWFatur><codValidacaoSerie>AAJFJMVN</codValidacaoSerie>` +
		`<dataRegisto>2026-06-01</dataRegisto><estado>F</estado><dataEstado>2026-06-01T10:00:00.000Z</dataEstado><nifComunicou>599999993</nifComunicou>` +
		`<acordoRegistadoCom>FE</acordoRegistadoCom><nifAssociadoAoAcordo>ESB12345678</nifAssociadoAoAcordo><paisEstrangeiro>ES</paisEstrangeiro>` +
		`<nomeEstrangeiro>Proveedor SL</nomeEstrangeiro></infoSerieAutofaturacao>`
	result := `<infoResultOper><codResultOper>2004</codResultOper><msgResultOper>Série de autofaturação finalizada com sucesso.</msgResultOper></infoResultOper>`
	for _, wrap := range []string{"finalizarSerieAutoFaturacaoResp", "finalizarSerieAutofaturacaoResp"} {
		for _, inner := range []string{info + result, result + info} {
			env := `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:finalizarSerieAutofaturacaoResponse xmlns:ns2="http://at.gov.pt/"><` +
				wrap + `>` + inner + `</` + wrap + `></ns2:finalizarSerieAutofaturacaoResponse></S:Body></S:Envelope>`
			list, err := decodeSelfBillingAnswer(OpFinalizeSelfBillingSeries, 200, []byte(env), series.Code2004)
			require.NoError(t, err, wrap)
			require.Len(t, list, 1)
			s := list[0]
			assert.Equal(t, series.NumberOf(9), s.LastIssued)
			assert.Equal(t, series.StatusFinalized, s.Status)
			assert.Equal(t, selfbilling.ForeignSupplier, s.Partner)
			assert.Equal(t, "ESB12345678", s.PartnerNIF)
			assert.Equal(t, "ES", s.Country)
			assert.Equal(t, "Proveedor SL", s.ForeignName)
		}
	}
	// A missing agreement part is a malformed answer.
	bad := strings.Replace(info, `<acordoRegistadoCom>FE</acordoRegistadoCom>`, "", 1)
	env := `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:finalizarSerieAutofaturacaoResponse xmlns:ns2="http://at.gov.pt/"><finalizarSerieAutoFaturacaoResp>` +
		bad + result + `</finalizarSerieAutoFaturacaoResp></ns2:finalizarSerieAutofaturacaoResponse></S:Body></S:Envelope>`
	_, err := decodeSelfBillingAnswer(OpFinalizeSelfBillingSeries, 200, []byte(env), series.Code2004)
	var me *MalformedResponseError
	require.ErrorAs(t, err, &me)
	assert.Contains(t, me.Reason, "acordoRegistadoCom")
}

// The password never shows in what a self-billing failure prints. (The
// simulator's default password shares "attest" with its certificates'
// names, which the hex-dump search would find: a password of its own.)
func TestSelfBillingSecretsHidden(t *testing.T) {
	const password = "Sup3r-Secret-PF"
	e := newSBSim(t, attest.WithUser(attest.DefaultNIF, attest.DefaultSubUser, password))
	client := simClientAs(t, e.srv, attest.DefaultNIF, attest.DefaultSubUser, password)
	e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpRegisterSelfBillingSeries)})
	_, err := client.RegisterSelfBillingSeries(testCtx(t), e.sbSeries(t, "S1", series.DocumentTypeFT, selfbilling.NationalSupplier, sbSupplier))
	require.ErrorIs(t, err, ErrNotApplied)
	secret := secrettest.Secret{Name: "password", Value: password}
	secrettest.AssertHidden(t, err, secret)
	secrettest.AssertHidden(t, client, secret)
	wrong := simClientAs(t, e.srv, attest.DefaultNIF, attest.DefaultSubUser, "wrong-"+password)
	_, err = wrong.QuerySelfBillingAgreements(testCtx(t), AgreementQuery{})
	var fe *FaultError
	require.ErrorAs(t, err, &fe)
	assert.True(t, fe.AuthenticationFailed())
	secrettest.AssertHidden(t, err, secret, secrettest.Secret{Name: "wrong password", Value: "wrong-" + password})
}

func FuzzDecodeSelfBillingAnswer(f *testing.F) {
	f.Add([]byte(`<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:registarSerieAutofaturacaoResponse xmlns:ns2="http://at.gov.pt/"><registarSerieAutofaturacaoResp><infoResultOper><codResultOper>4001</codResultOper><msgResultOper>x</msgResultOper></infoResultOper></registarSerieAutofaturacaoResp></ns2:registarSerieAutofaturacaoResponse></S:Body></S:Envelope>`), uint8(0))
	f.Add([]byte(`<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:consultarAcordosAutofaturacaoResponse xmlns:ns2="http://at.gov.pt/"><consultarAcordosAutofaturacaoResp><infoAcordoAutofaturacao><acordoRegistadoCom>FN</acordoRegistadoCom><nifAdquirente>599999993</nifAdquirente><nomeAdquirente>a</nomeAdquirente><nifAssociadoAoAcordo>501234560</nifAssociadoAoAcordo><nomeNifAssociadoAoAcordo>b</nomeNifAssociadoAoAcordo><estado>A</estado><periodoAutorizacaoDe>2026-01-01</periodoAutorizacaoDe></infoAcordoAutofaturacao><infoResultOper><codResultOper>2002</codResultOper><msgResultOper>x</msgResultOper></infoResultOper></consultarAcordosAutofaturacaoResp></ns2:consultarAcordosAutofaturacaoResponse></S:Body></S:Envelope>`), uint8(4))
	f.Add([]byte("<"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		ops := selfBillingOperations
		op := ops[int(which)%len(ops)]
		if op == OpQuerySelfBillingAgreements {
			list, err := decodeAgreementsAnswer(200, data)
			if err == nil {
				for _, a := range list {
					require.NoError(t, a.Validate())
				}
			}
			return
		}
		list, err := decodeSelfBillingAnswer(op, 200, data, series.Code2001)
		if err != nil {
			return
		}
		for _, s := range list {
			require.NoError(t, s.Series.Validate())
			require.True(t, s.Partner.Valid())
		}
	})
}

// The manual's estado filter of consultarSeriesAutofaturacao (§2.4.2) is not
// in the WSDL: a server that follows the WSDL refuses it, which is why the
// client filters by status itself.
func TestSelfBillingManualStatusFilterNotInWSDL(t *testing.T) {
	e := newSBSim(t)
	body := []byte(`<at:consultarSeriesAutofaturacao xmlns:at="http://at.gov.pt/"><estado>A</estado></at:consultarSeriesAutofaturacao>`)
	status, data, err := e.client.t.call(testCtx(t), e.client.endpoints.SelfBilling, string(OpQuerySelfBillingSeries), "", body)
	require.NoError(t, err)
	_, err = decodeSelfBillingAnswer(OpQuerySelfBillingSeries, status, data, series.Code2002)
	var fe *FaultError
	require.ErrorAs(t, err, &fe)
	assert.Contains(t, fe.Reason, "estado")
	req, err := selfBillingQueryRequest(SelfBillingQuery{Status: series.StatusActive})
	require.NoError(t, err)
	sent, err := marshalOperation("at", nsSeries, string(OpQuerySelfBillingSeries), req)
	require.NoError(t, err)
	assert.NotContains(t, string(sent), "estado", "the client never sends it")
}

// 4047 is checked before sending when the series' first number is known.
func TestSelfBillingFinalizeBelowFirst(t *testing.T) {
	e := newSBSim(t)
	s, err := selfbilling.New("F10", series.DocumentTypeFT, series.NumberOf(10), e.today, selfbilling.NationalSupplier, sbSupplier)
	require.NoError(t, err)
	s, err = e.client.RegisterSelfBillingSeries(testCtx(t), s)
	require.NoError(t, err)
	_, err = e.client.FinalizeSelfBillingSeries(testCtx(t), s, series.NumberOf(9), "")
	assert.True(t, violation.Has(err, CodeBeforeFirst), "%v", err)
	assert.Zero(t, e.srv.Requests(string(OpFinalizeSelfBillingSeries)))
	fin, err := e.client.FinalizeSelfBillingSeries(testCtx(t), s, series.NumberOf(10), "")
	require.NoError(t, err, "the first number is the last when one document was issued")
	assert.Equal(t, series.NumberOf(10), fin.LastIssued)
}
