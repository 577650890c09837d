package atclient

import (
	"context"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hooklift/gowsdl/soap"

	gen "github.com/faturapt/faturapt/atclient/internal/serieswsdl"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

// SeriesWSService (series manual §2). Requests are the gowsdl types of
// internal/serieswsdl, encoded with the operation element in the WSDL's
// target namespace and its children unqualified; answers are decoded into
// the same types and converted to series.Series.

// nsSeries is the target namespace of Comunicacao_Series.wsdl.
const nsSeries = "http://at.gov.pt/"

// Operation is an operation of SeriesWSService (Comunicacao_Series.wsdl) or
// of SeriesAutoFaturacaoWSService (self-billing series).
type Operation string

// The four operations, in the WSDL's order.
const (
	OpRegisterSeries Operation = "registarSerie"
	OpFinalizeSeries Operation = "finalizarSerie"
	OpCancelSeries   Operation = "anularSerie"
	OpQuerySeries    Operation = "consultarSeries"
)

// Values lists the four operations, then the five of the self-billing
// series service.
func (Operation) Values() []Operation {
	return append([]Operation{OpRegisterSeries, OpFinalizeSeries, OpCancelSeries, OpQuerySeries}, selfBillingOperations...)
}

// Valid reports whether op is one of the WSDL's operations.
func (op Operation) Valid() bool { return slices.Contains(op.Values(), op) }

// String returns the operation's name in the WSDL.
func (op Operation) String() string { return string(op) }

// SeriesQuery selects series in QuerySeries (series manual §2.4.2); every
// field is optional, zero values are left out.
type SeriesQuery struct {
	ID              string // serie, matched by AT whatever the letter case (§1.3.2)
	Type            series.SeriesType
	Class           series.DocumentClass
	DocumentType    series.DocumentType
	ValidationCode  string
	RegisteredFrom  civil.Date // dataRegistoDe
	RegisteredTo    civil.Date // dataRegistoAte
	Status          series.Status
	ProcessingMeans series.ProcessingMeans
}

// RegisterSeries communicates a new series to AT (registarSerie, series
// manual §2.1) and returns it with AT's answer: validation code, status A,
// registration date. s must pass s.Validate() and not be registered yet.
//
// AT's refusals are *ResultError (series.Code4001 already registered,
// series.Code4049 start of use in the past, ...).
//
// A register whose answer is lost (timeout, connection reset, garbled
// answer, AT's 5000) is never repeated blindly: the client queries the
// series. If AT has it with the same data, it is returned as if the answer
// had arrived, so its validation code is never lost; if AT has it with other
// data the result is a *ResultError with series.Code4001; if AT does not
// have it the error wraps ErrNotApplied and registering again is safe; if the
// query fails too, the error wraps ErrOutcomeUnknown.
func (c *Client) RegisterSeries(ctx context.Context, s series.Series) (series.Series, error) {
	if err := s.Validate(); err != nil {
		return series.Series{}, err
	}
	if s.Registered() || s.Type == series.SeriesTypeSelfBilling {
		var vs violation.List
		if s.Registered() {
			vs.Add("codValidacaoSerie", CodeAlreadyRegistered, "series %s of type %s already has validation code %s", s.ID, s.DocumentType, s.ValidationCode)
		}
		if s.Type == series.SeriesTypeSelfBilling {
			vs.Add("tipoSerie", CodeUnknownCode, "a self-billing series (type A) is registered with RegisterSelfBillingSeries, in the supplier's name")
		}
		return series.Series{}, vs.Err(subject)
	}
	req, err := registerRequest(s)
	if err != nil {
		return series.Series{}, err
	}
	out, err := c.seriesOp(ctx, OpRegisterSeries, req, series.Code2001)
	if err == nil {
		return out, nil
	}
	if !Uncertain(err) {
		return series.Series{}, err
	}
	found, qerr := c.settle(ctx, s, "")
	if qerr != nil {
		return series.Series{}, fmt.Errorf("%w: %w (follow-up query: %w)", ErrOutcomeUnknown, err, qerr)
	}
	var other *series.Series
	for i, f := range found {
		switch {
		case f.Status == series.StatusCancelled:
			// A registration cancelled as an error does not hold the identifier.
		case f.Status == series.StatusActive && sameRegistration(f, s):
			return f, nil
		default:
			other = &found[i]
		}
	}
	if other == nil {
		return series.Series{}, fmt.Errorf("%w: %w", ErrNotApplied, err)
	}
	return series.Series{}, &ResultError{Operation: OpRegisterSeries, Code: series.Code4001, Message: fmt.Sprintf(
		"(atclient, after the answer was lost) series %s of type %s is registered with other data (validation code %s, status %s)",
		other.ID, other.DocumentType, other.ValidationCode, other.Status)}
}

// FinalizeSeries tells AT that no document will be issued in the series after
// lastIssued (finalizarSerie, series manual §2.3); justification is optional
// (at most 4000 characters). s needs ID, DocumentType and ValidationCode.
// A lost answer is reconciled by a query, as in RegisterSeries.
func (c *Client) FinalizeSeries(ctx context.Context, s series.Series, lastIssued series.Number, justification string) (series.Series, error) {
	var vs violation.List
	checkRef(&vs, s)
	seq := numSeq(&vs, "seqUltimoDocEmitido", lastIssued)
	if n := utf8.RuneCountInString(justification); n > series.MaxJustificationChars {
		vs.Add("justificacao", CodeTooLong, "%d characters, at most %d", n, series.MaxJustificationChars)
	}
	if err := vs.Err(subject); err != nil {
		return series.Series{}, err
	}
	req := &gen.FinalizarSerie{
		Serie:               ptr(gen.SerieType(s.ID)),
		ClasseDoc:           ptr(gen.ClasseDocType(s.DocumentType.Class())),
		TipoDoc:             ptr(gen.TipoDocType(s.DocumentType)),
		CodValidacaoSerie:   ptr(gen.CodValidacaoSerieType(s.ValidationCode)),
		SeqUltimoDocEmitido: &seq,
	}
	if justification != "" {
		req.Justificacao = ptr(gen.JustificacaoType(justification))
	}
	out, err := c.seriesOp(ctx, OpFinalizeSeries, req, series.Code2004)
	if err == nil || !Uncertain(err) {
		return out, err
	}
	return c.reconcile(ctx, s, err, func(f series.Series) bool {
		return f.Status == series.StatusFinalized && f.LastIssued == lastIssued
	})
}

// CancelSeries cancels the registration of a series registered in error
// (anularSerie, series manual §2.2). AT accepts it only with reason ER and
// the declaration that no document was issued in the series
// (declaracaoNaoEmissao): pass declaredNoDocuments true only when that is
// so. s needs ID, DocumentType and ValidationCode. A lost answer is
// reconciled by a query, as in RegisterSeries.
func (c *Client) CancelSeries(ctx context.Context, s series.Series, reason series.CancellationReason, declaredNoDocuments bool) (series.Series, error) {
	var vs violation.List
	checkRef(&vs, s)
	if !reason.Valid() {
		vs.Add("motivo", CodeUnknownCode, "%q is not ER (§1.3.9)", clip(string(reason)))
	}
	if !declaredNoDocuments {
		vs.Add("declaracaoNaoEmissao", CodeRequired, "AT cancels a registration only with the declaration that no document was issued in the series")
	}
	if err := vs.Err(subject); err != nil {
		return series.Series{}, err
	}
	req := &gen.AnularSerie{
		Serie:                ptr(gen.SerieType(s.ID)),
		ClasseDoc:            ptr(gen.ClasseDocType(s.DocumentType.Class())),
		TipoDoc:              ptr(gen.TipoDocType(s.DocumentType)),
		CodValidacaoSerie:    ptr(gen.CodValidacaoSerieType(s.ValidationCode)),
		Motivo:               ptr(gen.MotivoType(reason)),
		DeclaracaoNaoEmissao: true,
	}
	out, err := c.seriesOp(ctx, OpCancelSeries, req, series.Code2003)
	if err == nil || !Uncertain(err) {
		return out, err
	}
	return c.reconcile(ctx, s, err, func(f series.Series) bool { return f.Status == series.StatusCancelled })
}

// QuerySeries returns the series AT holds that match q (consultarSeries,
// series manual §2.4), none being an empty slice. Queries change nothing at
// AT, so a failure that may be passing (network, HTTP 5xx, 5000) is retried
// with backoff (WithQueryRetry).
func (c *Client) QuerySeries(ctx context.Context, q SeriesQuery) ([]series.Series, error) {
	req, err := queryRequest(q)
	if err != nil {
		return nil, err
	}
	return c.query(ctx, req)
}

func (c *Client) query(ctx context.Context, req *gen.ConsultarSeries) ([]series.Series, error) {
	body, err := marshalOperation("at", nsSeries, string(OpQuerySeries), req)
	if err != nil {
		return nil, fmt.Errorf("atclient: %s: encoding: %w", OpQuerySeries, err)
	}
	delay := c.t.cfg.queryBackoff
	for attempt := 1; ; attempt++ {
		list, err := c.seriesCall(ctx, OpQuerySeries, body, series.Code2002)
		if err == nil || !transient(err) || attempt >= c.t.cfg.queryAttempts || ctx.Err() != nil {
			return list, err
		}
		if serr := c.t.cfg.sleep(ctx, delay); serr != nil {
			return nil, err
		}
		delay *= 2
	}
}

// findSeries returns the series of type t with identifier id (whatever the
// case) and, when given, validation code code.
func (c *Client) findSeries(ctx context.Context, id string, t series.DocumentType, code string) ([]series.Series, error) {
	req := &gen.ConsultarSeries{
		Serie:     ptr(gen.SerieType(id)),
		ClasseDoc: ptr(gen.ClasseDocType(t.Class())),
		TipoDoc:   ptr(gen.TipoDocType(t)),
	}
	if code != "" {
		req.CodValidacaoSerie = ptr(gen.CodValidacaoSerieType(code))
	}
	list, err := c.query(ctx, req)
	if err != nil {
		return nil, err
	}
	var out []series.Series
	for _, f := range list {
		if series.SameID(f.ID, id) && f.DocumentType == t && (code == "" || f.ValidationCode == code) {
			out = append(out, f)
		}
	}
	return out, nil
}

// settle looks for s after a lost answer, first pausing for the query
// backoff: a request that timed out may still be in AT's hands.
func (c *Client) settle(ctx context.Context, s series.Series, code string) ([]series.Series, error) {
	if err := c.t.cfg.sleep(ctx, c.t.cfg.queryBackoff); err != nil {
		return nil, err
	}
	return c.findSeries(ctx, s.ID, s.DocumentType, code)
}

// reconcile settles a finalize or cancel whose answer was lost: done tells
// whether the series found shows the change.
func (c *Client) reconcile(ctx context.Context, s series.Series, cause error, done func(series.Series) bool) (series.Series, error) {
	found, qerr := c.settle(ctx, s, s.ValidationCode)
	if qerr != nil {
		return series.Series{}, fmt.Errorf("%w: %w (follow-up query: %w)", ErrOutcomeUnknown, cause, qerr)
	}
	for _, f := range found {
		if done(f) {
			return f, nil
		}
	}
	return series.Series{}, fmt.Errorf("%w: %w", ErrNotApplied, cause)
}

func sameRegistration(a, b series.Series) bool {
	return series.SameID(a.ID, b.ID) && a.DocumentType == b.DocumentType && a.Type == b.Type &&
		a.FirstNumber == b.FirstNumber && a.ExpectedStart == b.ExpectedStart &&
		a.CertificateNumber == b.CertificateNumber && a.ProcessingMeans == b.ProcessingMeans
}

// seriesOp sends a state-changing operation and returns the one series of
// the answer.
func (c *Client) seriesOp(ctx context.Context, op Operation, req any, success series.ReturnCode) (series.Series, error) {
	body, err := marshalOperation("at", nsSeries, string(op), req)
	if err != nil {
		return series.Series{}, fmt.Errorf("atclient: %s: encoding: %w", op, err)
	}
	list, err := c.seriesCall(ctx, op, body, success)
	if err != nil {
		return series.Series{}, err
	}
	if len(list) != 1 {
		return series.Series{}, &MalformedResponseError{Operation: string(op), Reason: fmt.Sprintf("%d infoSerie in a success answer, want 1", len(list))}
	}
	return list[0], nil
}

func (c *Client) seriesCall(ctx context.Context, op Operation, body []byte, success series.ReturnCode) ([]series.Series, error) {
	status, data, err := c.t.call(ctx, c.endpoints.Series, string(op), "", body)
	if err != nil {
		return nil, err
	}
	return decodeSeriesAnswer(op, status, data, success)
}

// decodeSeriesAnswer turns AT's answer to op into series, or the error it
// carries. It is the parser the fuzz test exercises.
func decodeSeriesAnswer(op Operation, status int, data []byte, success series.ReturnCode) ([]series.Series, error) {
	infos, result, err := parseSeriesAnswer(op, status, data)
	if err != nil {
		return nil, err
	}
	code := series.ReturnCode(*result.CodResultOper)
	msg := ""
	if result.MsgResultOper != nil {
		msg = clip(strings.TrimSpace(string(*result.MsgResultOper)))
	}
	if !code.Success() {
		return nil, &ResultError{Operation: op, Code: code, Message: msg}
	}
	if code != success {
		return nil, &MalformedResponseError{Operation: string(op), Reason: fmt.Sprintf("success code %d, want %d", int(code), int(success))}
	}
	out := make([]series.Series, 0, len(infos))
	for i := range infos {
		s, err := fromInfo(&infos[i])
		if err != nil {
			return nil, &MalformedResponseError{Operation: string(op), Reason: fmt.Sprintf("infoSerie %d: %v", i+1, err)}
		}
		out = append(out, s)
	}
	return out, nil
}

// parseSeriesAnswer reads the operation's response element, e.g.
// <ns:registarSerieResponse><registarSerieResp><infoSerie>...</infoSerie>
// <infoResultOper>...</infoResultOper></registarSerieResp>. gowsdl's types
// carry the XML name of their schema type (seriesInfo), not of the element
// (infoSerie), so each is decoded with the type's name as its start element.
func parseSeriesAnswer(op Operation, status int, data []byte) ([]gen.SeriesInfo, gen.OperationResultInfo, error) {
	var result gen.OperationResultInfo
	malformed := func(format string, args ...any) error {
		return &MalformedResponseError{Operation: string(op), Reason: fmt.Sprintf(format, args...)}
	}
	dec, start, err := OpenAnswer(string(op), status, data)
	if err != nil {
		return nil, result, err
	}
	if start.Name.Local != string(op)+"Response" || start.Name.Space != nsSeries {
		return nil, result, malformed("body element is {%s}%s, want {%s}%sResponse", clip(start.Name.Space), clip(start.Name.Local), nsSeries, op)
	}
	respName := string(op) + "Resp"
	var infos []gen.SeriesInfo
	haveResp, haveResult := false, false
	depth := 1 // inside <opResponse>
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return nil, result, malformed("not XML: %s", clip(err.Error()))
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if !unqualified(tk.Name) {
				return nil, result, malformed("element %s is in namespace %s, want none", clip(tk.Name.Local), clip(tk.Name.Space))
			}
			switch {
			case depth == 1 && tk.Name.Local == respName && !haveResp:
				haveResp = true
				depth++
			case depth == 2 && tk.Name.Local == "infoSerie":
				var si gen.SeriesInfo
				tk.Name = xml.Name{Space: nsSeries, Local: "seriesInfo"}
				if err := dec.DecodeElement(&si, &tk); err != nil {
					return nil, result, malformed("infoSerie: %s", clip(err.Error()))
				}
				infos = append(infos, si)
			case depth == 2 && tk.Name.Local == "infoResultOper" && !haveResult:
				tk.Name = xml.Name{Space: nsSeries, Local: "operationResultInfo"}
				if err := dec.DecodeElement(&result, &tk); err != nil {
					return nil, result, malformed("infoResultOper: %s", clip(err.Error()))
				}
				haveResult = true
			default:
				return nil, result, malformed("unexpected element %s", clip(tk.Name.Local))
			}
		case xml.EndElement:
			depth--
		}
	}
	switch {
	case !haveResp:
		return nil, result, malformed("no %s", respName)
	case !haveResult || result.CodResultOper == nil:
		return nil, result, malformed("no infoResultOper/codResultOper")
	}
	return infos, result, nil
}

// unqualified accepts the WSDL's unqualified children; AT's own server
// writes them so.
func unqualified(n xml.Name) bool { return n.Space == "" }

// fromInfo converts AT's seriesInfo, checking what the WSDL makes required.
func fromInfo(si *gen.SeriesInfo) (series.Series, error) {
	var missing []string
	need := func(ok bool, name string) {
		if !ok {
			missing = append(missing, name)
		}
	}
	need(si.Serie != nil, "serie")
	need(si.TipoSerie != nil, "tipoSerie")
	need(si.ClasseDoc != nil, "classeDoc")
	need(si.TipoDoc != nil, "tipoDoc")
	need(si.NumInicialSeq != nil, "numInicialSeq")
	need(!si.DataInicioPrevUtiliz.ToGoTime().IsZero(), "dataInicioPrevUtiliz")
	need(si.MeioProcessamento != nil, "meioProcessamento")
	need(si.NumCertSWFatur != nil, "numCertSWFatur")
	need(si.CodValidacaoSerie != nil, "codValidacaoSerie")
	need(!si.DataRegisto.ToGoTime().IsZero(), "dataRegisto")
	need(si.Estado != nil, "estado")
	need(!si.DataEstado.ToGoTime().IsZero(), "dataEstado")
	need(si.NifComunicou != nil, "nifComunicou")
	if len(missing) > 0 {
		return series.Series{}, fmt.Errorf("missing or invalid %s", strings.Join(missing, ", "))
	}
	first, ok := number(*si.NumInicialSeq)
	if !ok {
		return series.Series{}, fmt.Errorf("numInicialSeq %q is not 1 to 25 digits", clip(string(*si.NumInicialSeq)))
	}
	s := series.Series{
		ID:                string(*si.Serie),
		Type:              series.SeriesType(*si.TipoSerie),
		DocumentType:      series.DocumentType(*si.TipoDoc),
		FirstNumber:       first,
		ExpectedStart:     civil.DateOf(si.DataInicioPrevUtiliz.ToGoTime()),
		CertificateNumber: int(*si.NumCertSWFatur),
		ProcessingMeans:   series.ProcessingMeans(*si.MeioProcessamento),
		ValidationCode:    string(*si.CodValidacaoSerie),
		RegistrationDate:  civil.DateOf(si.DataRegisto.ToGoTime()),
		Status:            series.Status(*si.Estado),
		StatusTime:        si.DataEstado.ToGoTime(),
		CommunicatedBy:    string(*si.NifComunicou),
	}
	if class := series.DocumentClass(*si.ClasseDoc); class != s.DocumentType.Class() {
		return series.Series{}, fmt.Errorf("classeDoc %q does not match tipoDoc %q", clip(string(class)), clip(string(s.DocumentType)))
	}
	for _, f := range []struct {
		name string
		v    *gen.NumSeqType
		dst  *series.Number
	}{{"seqUltimoDocEmitido", si.SeqUltimoDocEmitido, &s.LastIssued}, {"numFinalSeq", si.NumFinalSeq, &s.FinalNumber}} {
		if f.v == nil {
			continue
		}
		n, ok := number(*f.v)
		if !ok {
			return series.Series{}, fmt.Errorf("%s %q is not 1 to 25 digits", f.name, clip(string(*f.v)))
		}
		*f.dst = n
	}
	if si.MotivoEstado != nil {
		s.StatusReason = series.CancellationReason(*si.MotivoEstado)
	}
	if si.Justificacao != nil {
		s.Justification = string(*si.Justificacao)
	}
	if err := s.Validate(); err != nil {
		return series.Series{}, err
	}
	return s, nil
}

// number reads a sequence number of an answer; fromInfo reports a bad one.
func number(n gen.NumSeqType) (series.Number, bool) {
	v, err := series.ParseNumber(strings.TrimSpace(string(n)))
	return v, err == nil && v.Valid()
}

// numSeq writes a sequence number (xsd:integer, 1 to 25 digits).
func numSeq(vs *violation.List, field string, n series.Number) gen.NumSeqType {
	if !n.Valid() {
		vs.Add(field, CodeOutOfRange, "%s is not 1 to 25 digits", n)
	}
	return gen.NumSeqType(n.String())
}

// checkRef checks what identifies a registered series.
func checkRef(vs *violation.List, s series.Series) {
	if err := series.ValidateID(s.ID); err != nil {
		vs.Add("serie", CodeIdentifier, "%s", err)
	}
	if !s.DocumentType.Valid() {
		vs.Add("tipoDoc", CodeUnknownCode, "%q is not a code of §1.3.7", clip(string(s.DocumentType)))
	}
	if len(s.ValidationCode) < series.MinValidationCodeLen {
		vs.Add("codValidacaoSerie", CodeRequired, "AT's validation code of the series is needed (at least %d characters)", series.MinValidationCodeLen)
	}
}

func registerRequest(s series.Series) (*gen.RegistarSerie, error) {
	var vs violation.List
	first := numSeq(&vs, "numInicialSeq", s.FirstNumber)
	if err := vs.Err(subject); err != nil {
		return nil, err
	}
	return &gen.RegistarSerie{
		Serie:                ptr(gen.SerieType(s.ID)),
		TipoSerie:            ptr(gen.TipoSerieType(s.Type)),
		ClasseDoc:            ptr(gen.ClasseDocType(s.DocumentType.Class())),
		TipoDoc:              ptr(gen.TipoDocType(s.DocumentType)),
		NumInicialSeq:        &first,
		DataInicioPrevUtiliz: xsdDate(s.ExpectedStart),
		NumCertSWFatur:       ptr(gen.NumCertSWFaturType(s.CertificateNumber)),
		MeioProcessamento:    ptr(gen.MeioProcessamentoType(s.ProcessingMeans)),
	}, nil
}

func queryRequest(q SeriesQuery) (*gen.ConsultarSeries, error) {
	var vs violation.List
	bad := func(field string, code violation.Code, msg string) { vs.Add(field, code, "%s", msg) }
	req := &gen.ConsultarSeries{}
	if q.ID != "" {
		if err := series.ValidateID(q.ID); err != nil {
			bad("serie", CodeIdentifier, err.Error())
		}
		req.Serie = ptr(gen.SerieType(q.ID))
	}
	if q.Type != "" {
		if !q.Type.Valid() || q.Type == series.SeriesTypeSelfBilling {
			bad("tipoSerie", CodeUnknownCode, fmt.Sprintf("%q is not N, F or R (self-billing series: QuerySelfBillingSeries)", clip(string(q.Type))))
		}
		req.TipoSerie = ptr(gen.TipoSerieType(q.Type))
	}
	if q.Class != "" {
		if !q.Class.Valid() {
			bad("classeDoc", CodeUnknownCode, fmt.Sprintf("%q is not SI, MG, WD or PY", clip(string(q.Class))))
		}
		req.ClasseDoc = ptr(gen.ClasseDocType(q.Class))
	}
	if q.DocumentType != "" {
		switch {
		case !q.DocumentType.Valid():
			bad("tipoDoc", CodeUnknownCode, fmt.Sprintf("%q is not a code of §1.3.7", clip(string(q.DocumentType))))
		case q.Class != "" && q.DocumentType.Class() != q.Class:
			bad("tipoDoc", CodeClassMismatch, fmt.Sprintf("%s is of class %s, not %s", q.DocumentType, q.DocumentType.Class(), q.Class))
		}
		req.TipoDoc = ptr(gen.TipoDocType(q.DocumentType))
	}
	if q.ValidationCode != "" {
		if len(q.ValidationCode) < series.MinValidationCodeLen {
			bad("codValidacaoSerie", CodeTooShort, fmt.Sprintf("at least %d characters", series.MinValidationCodeLen))
		}
		req.CodValidacaoSerie = ptr(gen.CodValidacaoSerieType(q.ValidationCode))
	}
	for _, d := range []struct {
		field string
		date  civil.Date
		dst   *soap.XSDDate
	}{{"dataRegistoDe", q.RegisteredFrom, &req.DataRegistoDe}, {"dataRegistoAte", q.RegisteredTo, &req.DataRegistoAte}} {
		if d.date.IsZero() {
			continue
		}
		if !d.date.Valid() {
			bad(d.field, CodeFormat, fmt.Sprintf("%s is not a calendar date", d.date))
			continue
		}
		*d.dst = xsdDate(d.date)
	}
	if !q.RegisteredFrom.IsZero() && !q.RegisteredTo.IsZero() && q.RegisteredTo.Before(q.RegisteredFrom) {
		bad("dataRegistoAte", CodeBeforeStart, fmt.Sprintf("%s is before dataRegistoDe %s (AT code 4048)", q.RegisteredTo, q.RegisteredFrom))
	}
	if q.Status != "" {
		if !q.Status.Valid() {
			bad("estado", CodeUnknownCode, fmt.Sprintf("%q is not A, N or F", clip(string(q.Status))))
		}
		req.Estado = ptr(gen.EstadoType(q.Status))
	}
	if q.ProcessingMeans != "" {
		if !q.ProcessingMeans.Valid() {
			bad("meioProcessamento", CodeUnknownCode, fmt.Sprintf("%q is not PI, PF or OM", clip(string(q.ProcessingMeans))))
		}
		req.MeioProcessamento = ptr(gen.MeioProcessamentoType(q.ProcessingMeans))
	}
	if err := vs.Err(subject); err != nil {
		return nil, err
	}
	return req, nil
}

func xsdDate(d civil.Date) soap.XSDDate {
	return soap.CreateXsdDate(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC), false)
}

func ptr[T any](v T) *T { return &v }
