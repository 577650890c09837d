package atclient

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hooklift/gowsdl/soap"

	sgen "github.com/faturapt/faturapt/atclient/internal/selfbillingwsdl"
	gen "github.com/faturapt/faturapt/atclient/internal/serieswsdl"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/selfbilling"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

// SeriesAutoFaturacaoWSService, the self-billing series service
// (self-billing manual, Aspetos Específicos §2). It is the series service
// again, for the series a company holds on behalf of the partners of its
// self-billing agreements: the same transport, security and answers
// (infoSerieAutofaturacao extends infoSerie with the agreement), the same
// return codes. Requests are the gowsdl types of internal/selfbillingwsdl.
//
// What the WSDL and the manual disagree on, and what this client does:
//   - consultarSeriesAutofaturacao: the manual (§2.4.2) has a status filter
//     (estado) the WSDL lacks, and the WSDL has a partner-type filter
//     (acordoRegistadoCom) the manual lacks. The client sends what the
//     WSDL allows and applies SelfBillingQuery.Status to AT's answer itself.
//   - consultarAcordosAutofaturacao: the manual points its estado filter at
//     the series' states (A, N, F) while agreements have A and F only
//     (§1.3.8); the client accepts A and F.
//   - the finalize answer's wrapper is finalizarSerieAutoFaturacaoResp in
//     the WSDL (capital F), unlike the others; both spellings are read.
//   - the manual lists infoResultOper first in the answers of §2.2 to §2.4,
//     the WSDL last; either order is read.

// The five operations of SeriesAutoFaturacaoWSService.
const (
	OpRegisterSelfBillingSeries  Operation = "registarSerieAutofaturacao"
	OpFinalizeSelfBillingSeries  Operation = "finalizarSerieAutofaturacao"
	OpCancelSelfBillingSeries    Operation = "anularSerieAutofaturacao"
	OpQuerySelfBillingSeries     Operation = "consultarSeriesAutofaturacao"
	OpQuerySelfBillingAgreements Operation = "consultarAcordosAutofaturacao"
)

var selfBillingOperations = []Operation{OpRegisterSelfBillingSeries, OpQuerySelfBillingSeries,
	OpFinalizeSelfBillingSeries, OpCancelSelfBillingSeries, OpQuerySelfBillingAgreements}

// SelfBillingQuery selects self-billing series in QuerySelfBillingSeries
// (self-billing manual §2.4.2); every field is optional, zero values are
// left out.
type SelfBillingQuery struct {
	ID             string // serie, matched by AT whatever the letter case (§1.3.2)
	Class          series.DocumentClass
	DocumentType   series.DocumentType
	ValidationCode string
	RegisteredFrom civil.Date // dataRegistoDe
	RegisteredTo   civil.Date // dataRegistoAte
	PartnerNIF     string     // nifAssociadoAoAcordo
	// Partner is the WSDL's acordoRegistadoCom filter, which the manual
	// does not list.
	Partner selfbilling.PartnerType
	// Status is the manual's estado filter, which the WSDL does not have:
	// the client filters AT's answer by it.
	Status series.Status
}

// AgreementQuery selects agreements in QuerySelfBillingAgreements
// (self-billing manual §2.5.2); every field is optional.
type AgreementQuery struct {
	PartnerNIF string                      // nifAssociadoAoAcordo
	Status     selfbilling.AgreementStatus // estado
	From       civil.Date                  // periodoDeAutorizacaoDe
	To         civil.Date                  // periodoDeAutorizacaoAte
}

// RegisterSelfBillingSeries communicates a self-billing series to AT on
// behalf of the partner of an agreement (registarSerieAutofaturacao,
// self-billing manual §2.1) and returns it with AT's answer: validation
// code, status A, registration date. s must pass s.ValidateFor(c.NIF())
// (the rules of §1.3, every violation at once) and not be registered yet.
// The agreement itself is registered only in the Portal das Finanças
// (§1.3.6): see QuerySelfBillingAgreements.
//
// AT's refusals are *ResultError (series.Code4001 already registered,
// series.Code4049 start of use in the past, ...).
//
// A register whose answer is lost (timeout, dropped connection, garbled
// answer, AT's 5000) is never repeated: the client queries the series, as
// the manual's query operation allows (§2.4). If AT has it, active and with
// the same data, it is returned as if the answer had arrived; if AT has the
// identifier for the document type otherwise (other data, finalized, or
// cancelled: a cancelled self-billing identifier is never free again,
// §1.3.3) the result is a *ResultError with series.Code4001; if AT does not
// have it the error wraps ErrNotApplied and registering again is safe; if
// the query fails too, the error wraps ErrOutcomeUnknown.
func (c *Client) RegisterSelfBillingSeries(ctx context.Context, s selfbilling.Series) (selfbilling.Series, error) {
	if err := s.ValidateFor(c.NIF()); err != nil {
		return selfbilling.Series{}, err
	}
	if s.Registered() {
		var vs violation.List
		vs.Add("codValidacaoSerie", CodeAlreadyRegistered, "self-billing series %s of type %s already has validation code %s", s.ID, s.DocumentType, s.ValidationCode)
		return selfbilling.Series{}, vs.Err(subject)
	}
	var vs violation.List
	first := numSeqSB(&vs, "numInicialSeq", s.FirstNumber)
	if err := vs.Err(subject); err != nil {
		return selfbilling.Series{}, err
	}
	req := &sgen.RegistarSerieAutofaturacao{
		Serie:                ptr(sgen.SerieType(s.ID)),
		ClasseDoc:            ptr(sgen.ClasseDocType(s.DocumentType.Class())),
		TipoDoc:              ptr(sgen.TipoDocType(s.DocumentType)),
		NumInicialSeq:        &first,
		DataInicioPrevUtiliz: xsdDate(s.ExpectedStart),
		NumCertSWFatur:       ptr(sgen.NumCertSWFaturType(s.CertificateNumber)),
		ComunicarEmNomeDe:    ptr(sgen.TipoEntidadeAcordoType(s.Partner)),
		NifAssociadoAoAcordo: ptr(sgen.NifAcordoType(s.PartnerNIF)),
	}
	if s.Country != "" {
		req.PaisEstrangeiro = ptr(sgen.PaisType(s.Country))
	}
	if s.ForeignName != "" {
		req.NomeEstrangeiro = ptr(sgen.NomeType(s.ForeignName))
	}
	out, err := c.selfBillingOp(ctx, OpRegisterSelfBillingSeries, req, series.Code2001)
	if err == nil || !Uncertain(err) {
		return out, err
	}
	found, qerr := c.settleSelfBilling(ctx, s.Series, "")
	if qerr != nil {
		return selfbilling.Series{}, fmt.Errorf("%w: %w (follow-up query: %w)", ErrOutcomeUnknown, err, qerr)
	}
	for _, f := range found {
		if f.Status == series.StatusActive && sameRegistration(f.Series, s.Series) &&
			f.Partner == s.Partner && selfbilling.SamePartnerNIF(f.PartnerNIF, s.PartnerNIF) {
			return f, nil
		}
	}
	if len(found) == 0 {
		return selfbilling.Series{}, fmt.Errorf("%w: %w", ErrNotApplied, err)
	}
	other := found[0]
	return selfbilling.Series{}, &ResultError{Operation: OpRegisterSelfBillingSeries, Code: series.Code4001, Message: fmt.Sprintf(
		"(atclient, after the answer was lost) self-billing series %s of type %s is registered with other data (validation code %s, status %s, partner %s %s)",
		other.ID, other.DocumentType, other.ValidationCode, other.Status, other.Partner, other.PartnerNIF)}
}

// FinalizeSelfBillingSeries tells AT that no document will be issued in the
// self-billing series after lastIssued (finalizarSerieAutofaturacao,
// self-billing manual §2.3); justification is optional (at most 4000
// characters). s needs ID, DocumentType, ValidationCode, Partner and
// PartnerNIF, as QuerySelfBillingSeries or RegisterSelfBillingSeries return
// it. A lost answer is reconciled by a query, as in
// RegisterSelfBillingSeries.
func (c *Client) FinalizeSelfBillingSeries(ctx context.Context, s selfbilling.Series, lastIssued series.Number, justification string) (selfbilling.Series, error) {
	var vs violation.List
	checkSelfBillingRef(&vs, s)
	seq := numSeqSB(&vs, "seqUltimoDocEmitido", lastIssued)
	if lastIssued.Valid() && s.FirstNumber.Valid() && lastIssued.Cmp(s.FirstNumber) < 0 {
		vs.Add("seqUltimoDocEmitido", CodeBeforeFirst, "last number issued %s is below the first number %s (AT code 4047)", lastIssued, s.FirstNumber)
	}
	if n := utf8.RuneCountInString(justification); n > series.MaxJustificationChars {
		vs.Add("justificacao", CodeTooLong, "%d characters, at most %d", n, series.MaxJustificationChars)
	}
	if err := vs.Err(subject); err != nil {
		return selfbilling.Series{}, err
	}
	req := &sgen.FinalizarSerieAutofaturacao{
		Serie:                ptr(sgen.SerieType(s.ID)),
		ClasseDoc:            ptr(sgen.ClasseDocType(s.DocumentType.Class())),
		TipoDoc:              ptr(sgen.TipoDocType(s.DocumentType)),
		CodValidacaoSerie:    ptr(sgen.CodValidacaoSerieType(s.ValidationCode)),
		SeqUltimoDocEmitido:  &seq,
		AcordoRegistadoCom:   ptr(sgen.TipoEntidadeAcordoType(s.Partner)),
		NifAssociadoAoAcordo: ptr(sgen.NifAcordoType(s.PartnerNIF)),
	}
	if justification != "" {
		req.Justificacao = ptr(sgen.JustificacaoType(justification))
	}
	out, err := c.selfBillingOp(ctx, OpFinalizeSelfBillingSeries, req, series.Code2004)
	if err == nil || !Uncertain(err) {
		return out, err
	}
	return c.reconcileSelfBilling(ctx, s, err, func(f selfbilling.Series) bool {
		return f.Status == series.StatusFinalized && f.LastIssued == lastIssued
	})
}

// CancelSelfBillingSeries cancels the communication of a self-billing
// series registered in error (anularSerieAutofaturacao, self-billing
// manual §2.2). AT accepts it only for an active series registered today or
// yesterday (§1.3.3; the client checks the day, in Lisbon by its clock,
// when s carries its registration date), with reason ER and the
// declaration that no document was issued in the series: pass
// declaredNoDocuments true only when that is so. A cancelled identifier
// can never be registered again for the document type (§1.3.3). A lost
// answer is reconciled by a query, as in RegisterSelfBillingSeries.
func (c *Client) CancelSelfBillingSeries(ctx context.Context, s selfbilling.Series, reason series.CancellationReason, declaredNoDocuments bool) (selfbilling.Series, error) {
	var vs violation.List
	checkSelfBillingRef(&vs, s)
	if !reason.Valid() {
		vs.Add("motivo", CodeUnknownCode, "%q is not ER (§1.3.13)", clip(string(reason)))
	}
	if !declaredNoDocuments {
		vs.Add("declaracaoNaoEmissao", CodeRequired, "AT cancels a registration only with the declaration that no document was issued in the series")
	}
	today := civil.DateIn(c.t.cfg.clock(), civil.Lisbon)
	if !s.RegistrationDate.IsZero() && s.RegistrationDate.AddDays(1).Before(today) {
		vs.Add("dataRegisto", CodeTooLate, "registered on %s, today is %s: a self-billing series is cancelled only on the day of its registration or the next; finalize it instead", s.RegistrationDate, today)
	}
	if err := vs.Err(subject); err != nil {
		return selfbilling.Series{}, err
	}
	req := &sgen.AnularSerieAutofaturacao{
		Serie:                ptr(sgen.SerieType(s.ID)),
		ClasseDoc:            ptr(sgen.ClasseDocType(s.DocumentType.Class())),
		TipoDoc:              ptr(sgen.TipoDocType(s.DocumentType)),
		CodValidacaoSerie:    ptr(sgen.CodValidacaoSerieType(s.ValidationCode)),
		Motivo:               ptr(sgen.MotivoType(reason)),
		DeclaracaoNaoEmissao: true,
		AcordoRegistadoCom:   ptr(sgen.TipoEntidadeAcordoType(s.Partner)),
		NifAssociadoAoAcordo: ptr(sgen.NifAcordoType(s.PartnerNIF)),
	}
	out, err := c.selfBillingOp(ctx, OpCancelSelfBillingSeries, req, series.Code2003)
	if err == nil || !Uncertain(err) {
		return out, err
	}
	return c.reconcileSelfBilling(ctx, s, err, func(f selfbilling.Series) bool { return f.Status == series.StatusCancelled })
}

// QuerySelfBillingSeries returns the self-billing series AT holds that
// match q (consultarSeriesAutofaturacao, self-billing manual §2.4), none
// being an empty slice. Failures that may pass are retried as in
// QuerySeries.
func (c *Client) QuerySelfBillingSeries(ctx context.Context, q SelfBillingQuery) ([]selfbilling.Series, error) {
	req, err := selfBillingQueryRequest(q)
	if err != nil {
		return nil, err
	}
	list, err := c.querySelfBilling(ctx, req)
	if err != nil || q.Status == "" {
		return list, err
	}
	out := list[:0]
	for _, s := range list {
		if s.Status == q.Status {
			out = append(out, s)
		}
	}
	return out, nil
}

// QuerySelfBillingAgreements returns the self-billing agreements AT holds
// for the taxpayer that match q (consultarAcordosAutofaturacao,
// self-billing manual §2.5), none being an empty slice. Failures that may
// pass are retried as in QuerySeries.
func (c *Client) QuerySelfBillingAgreements(ctx context.Context, q AgreementQuery) ([]selfbilling.Agreement, error) {
	var vs violation.List
	req := &sgen.ConsultarAcordosAutofaturacao{}
	if q.PartnerNIF != "" {
		if n := utf8.RuneCountInString(q.PartnerNIF); n > selfbilling.MaxPartnerNIFLength {
			vs.Add("nifAssociadoAoAcordo", CodeTooLong, "%d characters, at most %d", n, selfbilling.MaxPartnerNIFLength)
		}
		req.NifAssociadoAoAcordo = ptr(sgen.NifAcordoType(q.PartnerNIF))
	}
	if q.Status != "" {
		if !q.Status.Valid() {
			vs.Add("estado", CodeUnknownCode, "%q is not A or F (§1.3.8)", clip(string(q.Status)))
		}
		req.Estado = ptr(sgen.EstadoType(q.Status))
	}
	dateRange(&vs, "periodoDeAutorizacaoDe", "periodoDeAutorizacaoAte", q.From, q.To, &req.PeriodoDeAutorizacaoDe, &req.PeriodoDeAutorizacaoAte)
	if err := vs.Err(subject); err != nil {
		return nil, err
	}
	body, err := marshalOperation("at", nsSeries, string(OpQuerySelfBillingAgreements), req)
	if err != nil {
		return nil, fmt.Errorf("atclient: %s: encoding: %w", OpQuerySelfBillingAgreements, err)
	}
	var out []selfbilling.Agreement
	err = c.retryQuery(ctx, func() error {
		status, data, err := c.t.call(ctx, c.endpoints.SelfBilling, string(OpQuerySelfBillingAgreements), "", body)
		if err == nil {
			out, err = decodeAgreementsAnswer(status, data)
		}
		return err
	})
	return out, err
}

func (c *Client) querySelfBilling(ctx context.Context, req *sgen.ConsultarSeriesAutofaturacao) ([]selfbilling.Series, error) {
	body, err := marshalOperation("at", nsSeries, string(OpQuerySelfBillingSeries), req)
	if err != nil {
		return nil, fmt.Errorf("atclient: %s: encoding: %w", OpQuerySelfBillingSeries, err)
	}
	var out []selfbilling.Series
	err = c.retryQuery(ctx, func() error {
		var err error
		out, err = c.selfBillingCall(ctx, OpQuerySelfBillingSeries, body, series.Code2002)
		return err
	})
	return out, err
}

// retryQuery runs an idempotent query, retrying what may pass with the
// query backoff.
func (c *Client) retryQuery(ctx context.Context, try func() error) error {
	delay := c.t.cfg.queryBackoff
	for attempt := 1; ; attempt++ {
		err := try()
		if err == nil || !transient(err) || attempt >= c.t.cfg.queryAttempts || ctx.Err() != nil {
			return err
		}
		if serr := c.t.cfg.sleep(ctx, delay); serr != nil {
			return err
		}
		delay *= 2
	}
}

// settleSelfBilling looks for s after a lost answer, first pausing for the
// query backoff: a request that timed out may still be in AT's hands.
func (c *Client) settleSelfBilling(ctx context.Context, s series.Series, code string) ([]selfbilling.Series, error) {
	if err := c.t.cfg.sleep(ctx, c.t.cfg.queryBackoff); err != nil {
		return nil, err
	}
	req := &sgen.ConsultarSeriesAutofaturacao{
		Serie:     ptr(sgen.SerieType(s.ID)),
		ClasseDoc: ptr(sgen.ClasseDocType(s.DocumentType.Class())),
		TipoDoc:   ptr(sgen.TipoDocType(s.DocumentType)),
	}
	if code != "" {
		req.CodValidacaoSerie = ptr(sgen.CodValidacaoSerieType(code))
	}
	list, err := c.querySelfBilling(ctx, req)
	if err != nil {
		return nil, err
	}
	var out []selfbilling.Series
	for _, f := range list {
		if series.SameID(f.ID, s.ID) && f.DocumentType == s.DocumentType && (code == "" || f.ValidationCode == code) {
			out = append(out, f)
		}
	}
	return out, nil
}

func (c *Client) reconcileSelfBilling(ctx context.Context, s selfbilling.Series, cause error, done func(selfbilling.Series) bool) (selfbilling.Series, error) {
	found, qerr := c.settleSelfBilling(ctx, s.Series, s.ValidationCode)
	if qerr != nil {
		return selfbilling.Series{}, fmt.Errorf("%w: %w (follow-up query: %w)", ErrOutcomeUnknown, cause, qerr)
	}
	for _, f := range found {
		if done(f) {
			return f, nil
		}
	}
	return selfbilling.Series{}, fmt.Errorf("%w: %w", ErrNotApplied, cause)
}

func (c *Client) selfBillingOp(ctx context.Context, op Operation, req any, success series.ReturnCode) (selfbilling.Series, error) {
	body, err := marshalOperation("at", nsSeries, string(op), req)
	if err != nil {
		return selfbilling.Series{}, fmt.Errorf("atclient: %s: encoding: %w", op, err)
	}
	list, err := c.selfBillingCall(ctx, op, body, success)
	if err != nil {
		return selfbilling.Series{}, err
	}
	if len(list) != 1 {
		return selfbilling.Series{}, &MalformedResponseError{Operation: string(op), Reason: fmt.Sprintf("%d infoSerieAutofaturacao in a success answer, want 1", len(list))}
	}
	return list[0], nil
}

func (c *Client) selfBillingCall(ctx context.Context, op Operation, body []byte, success series.ReturnCode) ([]selfbilling.Series, error) {
	if c.endpoints.SelfBilling == "" {
		return nil, fmt.Errorf("atclient: %s: no self-billing endpoint (Endpoints.SelfBilling)", op)
	}
	status, data, err := c.t.call(ctx, c.endpoints.SelfBilling, string(op), "", body)
	if err != nil {
		return nil, err
	}
	return decodeSelfBillingAnswer(op, status, data, success)
}

// checkSelfBillingRef checks what identifies a registered self-billing
// series: the series and the agreement's partner.
func checkSelfBillingRef(vs *violation.List, s selfbilling.Series) {
	checkRef(vs, s.Series)
	if !s.DocumentType.Valid() || s.DocumentType.Class() != series.DocumentClassSI {
		if s.DocumentType.Valid() {
			vs.Add("tipoDoc", CodeClassMismatch, "%s is not a self-billing document type (FT, FS, FR, ND, NC; §1.3.11)", s.DocumentType)
		}
	}
	if !s.Partner.Valid() {
		vs.Add("acordoRegistadoCom", CodeUnknownCode, "%q is not FN, FE or CE (§1.3.14)", clip(string(s.Partner)))
	}
	switch n := utf8.RuneCountInString(s.PartnerNIF); {
	case n == 0:
		vs.Add("nifAssociadoAoAcordo", CodeRequired, "the NIF of the agreement is needed")
	case n > selfbilling.MaxPartnerNIFLength:
		vs.Add("nifAssociadoAoAcordo", CodeTooLong, "%d characters, at most %d", n, selfbilling.MaxPartnerNIFLength)
	}
}

func numSeqSB(vs *violation.List, field string, n series.Number) sgen.NumSeqType {
	if !n.Valid() {
		vs.Add(field, CodeOutOfRange, "%s is not 1 to 25 digits", n)
	}
	return sgen.NumSeqType(n.String())
}

// dateRange checks and sets an optional date range of a query.
func dateRange(vs *violation.List, fromField, toField string, from, to civil.Date, dstFrom, dstTo *soap.XSDDate) {
	for _, d := range []struct {
		field string
		date  civil.Date
		dst   *soap.XSDDate
	}{{fromField, from, dstFrom}, {toField, to, dstTo}} {
		if d.date.IsZero() {
			continue
		}
		if !d.date.Valid() {
			vs.Add(d.field, CodeFormat, "%s is not a calendar date", d.date)
			continue
		}
		*d.dst = xsdDate(d.date)
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		vs.Add(toField, CodeBeforeStart, "%s is before %s %s (AT code 4048)", to, fromField, from)
	}
}

func selfBillingQueryRequest(q SelfBillingQuery) (*sgen.ConsultarSeriesAutofaturacao, error) {
	var vs violation.List
	req := &sgen.ConsultarSeriesAutofaturacao{}
	if q.ID != "" {
		if err := series.ValidateID(q.ID); err != nil {
			vs.Add("serie", CodeIdentifier, "%s", err)
		}
		req.Serie = ptr(sgen.SerieType(q.ID))
	}
	if q.Class != "" {
		if q.Class != series.DocumentClassSI {
			vs.Add("classeDoc", CodeUnknownCode, "%q is not SI, the one class of self-billing (§1.3.10)", clip(string(q.Class)))
		}
		req.ClasseDoc = ptr(sgen.ClasseDocType(q.Class))
	}
	if q.DocumentType != "" {
		if !q.DocumentType.Valid() || q.DocumentType.Class() != series.DocumentClassSI {
			vs.Add("tipoDoc", CodeUnknownCode, "%q is not FT, FS, FR, ND or NC (§1.3.11)", clip(string(q.DocumentType)))
		}
		req.TipoDoc = ptr(sgen.TipoDocType(q.DocumentType))
	}
	if q.ValidationCode != "" {
		if len(q.ValidationCode) < series.MinValidationCodeLen {
			vs.Add("codValidacaoSerie", CodeTooShort, "at least %d characters", series.MinValidationCodeLen)
		}
		req.CodValidacaoSerie = ptr(sgen.CodValidacaoSerieType(q.ValidationCode))
	}
	dateRange(&vs, "dataRegistoDe", "dataRegistoAte", q.RegisteredFrom, q.RegisteredTo, &req.DataRegistoDe, &req.DataRegistoAte)
	if q.PartnerNIF != "" {
		if n := utf8.RuneCountInString(q.PartnerNIF); n > selfbilling.MaxPartnerNIFLength {
			vs.Add("nifAssociadoAoAcordo", CodeTooLong, "%d characters, at most %d", n, selfbilling.MaxPartnerNIFLength)
		}
		req.NifAssociadoAoAcordo = ptr(sgen.NifAcordoType(q.PartnerNIF))
	}
	if q.Partner != "" {
		if !q.Partner.Valid() {
			vs.Add("acordoRegistadoCom", CodeUnknownCode, "%q is not FN, FE or CE (§1.3.14)", clip(string(q.Partner)))
		}
		req.AcordoRegistadoCom = ptr(sgen.TipoEntidadeAcordoType(q.Partner))
	}
	if q.Status != "" && !q.Status.Valid() {
		vs.Add("estado", CodeUnknownCode, "%q is not A, N or F (§1.3.7)", clip(string(q.Status)))
	}
	if err := vs.Err(subject); err != nil {
		return nil, err
	}
	return req, nil
}

// selfBillingResp names the answer's wrapper element of op. The finalize
// answer's is spelt ...AutoFaturacaoResp in the WSDL; the regular spelling
// is read too.
func selfBillingResp(op Operation, name string) bool {
	if name == string(op)+"Resp" {
		return true
	}
	return op == OpFinalizeSelfBillingSeries && name == "finalizarSerieAutoFaturacaoResp"
}

// decodeSelfBillingAnswer turns AT's answer to a series operation of the
// self-billing service into series, or the error it carries. It is the
// parser the fuzz test exercises.
func decodeSelfBillingAnswer(op Operation, status int, data []byte, success series.ReturnCode) ([]selfbilling.Series, error) {
	var infos []sgen.InfoSerieAutofaturacao
	result, err := parseSelfBillingAnswer(op, status, data, "infoSerieAutofaturacao", func(dec *xml.Decoder, tk xml.StartElement) error {
		var si sgen.InfoSerieAutofaturacao
		tk.Name = xml.Name{Space: nsSeries, Local: "infoSerieAutofaturacao"}
		if err := dec.DecodeElement(&si, &tk); err != nil {
			return err
		}
		infos = append(infos, si)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := resultError(op, result, success); err != nil {
		return nil, err
	}
	out := make([]selfbilling.Series, 0, len(infos))
	for i := range infos {
		s, err := fromSelfBillingInfo(&infos[i])
		if err != nil {
			return nil, &MalformedResponseError{Operation: string(op), Reason: fmt.Sprintf("infoSerieAutofaturacao %d: %v", i+1, err)}
		}
		out = append(out, s)
	}
	return out, nil
}

// decodeAgreementsAnswer is decodeSelfBillingAnswer for the agreements.
func decodeAgreementsAnswer(status int, data []byte) ([]selfbilling.Agreement, error) {
	op := OpQuerySelfBillingAgreements
	var infos []sgen.InfoAcordoAutofaturacao
	result, err := parseSelfBillingAnswer(op, status, data, "infoAcordoAutofaturacao", func(dec *xml.Decoder, tk xml.StartElement) error {
		var ai sgen.InfoAcordoAutofaturacao
		tk.Name = xml.Name{Space: nsSeries, Local: "infoAcordoAutofaturacao"}
		if err := dec.DecodeElement(&ai, &tk); err != nil {
			return err
		}
		infos = append(infos, ai)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := resultError(op, result, series.Code2002); err != nil {
		return nil, err
	}
	out := make([]selfbilling.Agreement, 0, len(infos))
	for i := range infos {
		a, err := fromAgreementInfo(&infos[i])
		if err != nil {
			return nil, &MalformedResponseError{Operation: string(op), Reason: fmt.Sprintf("infoAcordoAutofaturacao %d: %v", i+1, err)}
		}
		out = append(out, a)
	}
	return out, nil
}

func resultError(op Operation, result sgen.InfoResultOper, success series.ReturnCode) error {
	code := series.ReturnCode(*result.CodResultOper)
	msg := ""
	if result.MsgResultOper != nil {
		msg = clip(strings.TrimSpace(string(*result.MsgResultOper)))
	}
	if !code.Success() {
		return &ResultError{Operation: op, Code: code, Message: msg}
	}
	if code != success {
		return &MalformedResponseError{Operation: string(op), Reason: fmt.Sprintf("success code %d, want %d", int(code), int(success))}
	}
	return nil
}

// parseSelfBillingAnswer reads <ns:opResponse><opResp> with any number of
// info elements (decoded by info) and one infoResultOper, in any order.
func parseSelfBillingAnswer(op Operation, status int, data []byte, infoName string, info func(*xml.Decoder, xml.StartElement) error) (sgen.InfoResultOper, error) {
	var result sgen.InfoResultOper
	malformed := func(format string, args ...any) error {
		return &MalformedResponseError{Operation: string(op), Reason: fmt.Sprintf(format, args...)}
	}
	dec, start, err := OpenAnswer(string(op), status, data)
	if err != nil {
		return result, err
	}
	if start.Name.Local != string(op)+"Response" || start.Name.Space != nsSeries {
		return result, malformed("body element is {%s}%s, want {%s}%sResponse", clip(start.Name.Space), clip(start.Name.Local), nsSeries, op)
	}
	haveResp, haveResult := false, false
	depth := 1
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return result, malformed("not XML: %s", clip(err.Error()))
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if !unqualified(tk.Name) {
				return result, malformed("element %s is in namespace %s, want none", clip(tk.Name.Local), clip(tk.Name.Space))
			}
			switch {
			case depth == 1 && selfBillingResp(op, tk.Name.Local) && !haveResp:
				haveResp = true
				depth++
			case depth == 2 && tk.Name.Local == infoName:
				if err := info(dec, tk); err != nil {
					return result, malformed("%s: %s", infoName, clip(err.Error()))
				}
			case depth == 2 && tk.Name.Local == "infoResultOper" && !haveResult:
				tk.Name = xml.Name{Space: nsSeries, Local: "infoResultOper"}
				if err := dec.DecodeElement(&result, &tk); err != nil {
					return result, malformed("infoResultOper: %s", clip(err.Error()))
				}
				haveResult = true
			default:
				return result, malformed("unexpected element %s", clip(tk.Name.Local))
			}
		case xml.EndElement:
			depth--
		}
	}
	switch {
	case !haveResp:
		return result, malformed("no %sResp", op)
	case !haveResult || result.CodResultOper == nil:
		return result, malformed("no infoResultOper/codResultOper")
	}
	return result, nil
}

// fromSelfBillingInfo converts AT's infoSerieAutofaturacao: its infoSerie
// part as the ordinary service's (fromInfo), then the agreement's partner.
func fromSelfBillingInfo(si *sgen.InfoSerieAutofaturacao) (selfbilling.Series, error) {
	if si.InfoSerie == nil {
		return selfbilling.Series{}, errors.New("missing infoSerie fields")
	}
	in := si.InfoSerie
	conv := &gen.SeriesInfo{
		DataInicioPrevUtiliz: in.DataInicioPrevUtiliz,
		DataRegisto:          in.DataRegisto,
		DataEstado:           in.DataEstado,
	}
	if in.Serie != nil {
		conv.Serie = ptr(gen.SerieType(*in.Serie))
	}
	if in.TipoSerie != nil {
		conv.TipoSerie = ptr(gen.TipoSerieType(*in.TipoSerie))
	}
	if in.ClasseDoc != nil {
		conv.ClasseDoc = ptr(gen.ClasseDocType(*in.ClasseDoc))
	}
	if in.TipoDoc != nil {
		conv.TipoDoc = ptr(gen.TipoDocType(*in.TipoDoc))
	}
	if in.NumInicialSeq != nil {
		conv.NumInicialSeq = ptr(gen.NumSeqType(*in.NumInicialSeq))
	}
	if in.SeqUltimoDocEmitido != nil {
		conv.SeqUltimoDocEmitido = ptr(gen.NumSeqType(*in.SeqUltimoDocEmitido))
	}
	if in.MeioProcessamento != nil {
		conv.MeioProcessamento = ptr(gen.MeioProcessamentoType(*in.MeioProcessamento))
	}
	if in.NumCertSWFatur != nil {
		conv.NumCertSWFatur = ptr(gen.NumCertSWFaturType(*in.NumCertSWFatur))
	}
	if in.CodValidacaoSerie != nil {
		conv.CodValidacaoSerie = ptr(gen.CodValidacaoSerieType(*in.CodValidacaoSerie))
	}
	if in.Estado != nil {
		conv.Estado = ptr(gen.EstadoType(*in.Estado))
	}
	if in.MotivoEstado != nil {
		conv.MotivoEstado = ptr(gen.MotivoType(*in.MotivoEstado))
	}
	if in.Justificacao != nil {
		conv.Justificacao = ptr(gen.JustificacaoType(*in.Justificacao))
	}
	if in.NifComunicou != nil {
		conv.NifComunicou = ptr(gen.NifType(*in.NifComunicou))
	}
	base, err := fromInfo(conv)
	if err != nil {
		return selfbilling.Series{}, err
	}
	var missing []string
	if si.AcordoRegistadoCom == nil {
		missing = append(missing, "acordoRegistadoCom")
	}
	if si.NifAssociadoAoAcordo == nil || strings.TrimSpace(string(*si.NifAssociadoAoAcordo)) == "" {
		missing = append(missing, "nifAssociadoAoAcordo")
	}
	if len(missing) > 0 {
		return selfbilling.Series{}, fmt.Errorf("missing or invalid %s", strings.Join(missing, ", "))
	}
	s := selfbilling.Series{
		Series:     base,
		Partner:    selfbilling.PartnerType(*si.AcordoRegistadoCom),
		PartnerNIF: strings.TrimSpace(string(*si.NifAssociadoAoAcordo)),
	}
	if !s.Partner.Valid() {
		return selfbilling.Series{}, fmt.Errorf("acordoRegistadoCom %q is not FN, FE or CE", clip(string(s.Partner)))
	}
	if si.PaisEstrangeiro != nil {
		s.Country = string(*si.PaisEstrangeiro)
	}
	if si.NomeEstrangeiro != nil {
		s.ForeignName = string(*si.NomeEstrangeiro)
	}
	return s, nil
}

// fromAgreementInfo converts AT's infoAcordoAutofaturacao, checking it
// against the manual (§2.6.3).
func fromAgreementInfo(ai *sgen.InfoAcordoAutofaturacao) (selfbilling.Agreement, error) {
	val := func(p *string) string {
		if p == nil {
			return ""
		}
		return strings.TrimSpace(*p)
	}
	a := selfbilling.Agreement{
		Partner:      selfbilling.PartnerType(val((*string)(ai.AcordoRegistadoCom))),
		AcquirerNIF:  val((*string)(ai.NifAdquirente)),
		AcquirerName: val((*string)(ai.NomeAdquirente)),
		PartnerNIF:   val((*string)(ai.NifAssociadoAoAcordo)),
		PartnerName:  val((*string)(ai.NomeNifAssociadoAoAcordo)),
		Country:      val((*string)(ai.PaisEstrangeiro)),
		Status:       selfbilling.AgreementStatus(val((*string)(ai.Estado))),
	}
	if t := ai.PeriodoAutorizacaoDe.ToGoTime(); !t.IsZero() {
		a.From = civil.DateOf(t)
	}
	if t := ai.PeriodoAutorizacaoAte.ToGoTime(); !t.IsZero() {
		a.To = civil.DateOf(t)
	}
	if err := a.Validate(); err != nil {
		return selfbilling.Agreement{}, err
	}
	return a, nil
}
