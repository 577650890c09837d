package attest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// The self-billing series service, SeriesAutoFaturacaoWSService
// (self-billing manual, Aspetos Específicos): the five operations of its
// WSDL with the manual's rules and codes, the same authentication and fault
// injection as the series service. Agreements are made in the Portal das
// Finanças, not through the service (§1.3.6): a test gives them with
// WithAgreement.
//
// Where the manual leaves the answer open, the simulator chooses:
//   - a partner type that is not FN, FE or CE, which the manual answers
//     with a code it prints as "4###": 4003 naming the field on register,
//     4004 on cancel (finalize has no such row: the series is not found,
//     4005);
//   - a series for a partner without an active agreement in force on the
//     start of use, which the manual does not mention: 4003 naming
//     nifAssociadoAoAcordo;
//   - a field that breaks the WSDL's simple types: 4003 (the self-billing
//     manual does not document the ordinary service's 4000).
//
// The manual's estado filter of consultarSeriesAutofaturacao, which the
// WSDL lacks, is refused like any unknown element (a SOAP fault); the
// WSDL's acordoRegistadoCom filter is applied.

// SelfBillingPath is the path of the self-billing series service, as at AT.
const SelfBillingPath = "/SeriesAutoFaturacaoWSService"

// SelfBillingURL returns the URL of the self-billing series service
// (atclient.Endpoints.SelfBilling).
func (s *Server) SelfBillingURL() string { return s.srv.URL + SelfBillingPath }

// Agreement is a self-billing agreement as the server holds it
// (infoAcordoAutofaturacao, self-billing manual §2.6.3). Dates are
// YYYY-MM-DD; To is empty for an open-ended agreement.
type Agreement struct {
	Partner      string // acordoRegistadoCom: FN, FE or CE
	AcquirerNIF  string // nifAdquirente
	AcquirerName string // nomeAdquirente
	PartnerNIF   string // nifAssociadoAoAcordo
	PartnerName  string // nomeNifAssociadoAoAcordo
	Country      string // paisEstrangeiro
	Status       string // estado: A or F
	From, To     string // periodoAutorizacaoDe, periodoAutorizacaoAte
}

// SelfBillingRecord is a self-billing series as the server holds it.
type SelfBillingRecord struct {
	Record
	Partner     string // acordoRegistadoCom
	PartnerNIF  string // nifAssociadoAoAcordo
	Country     string // paisEstrangeiro
	ForeignName string // nomeEstrangeiro
}

// WithAgreement gives the taxpayer nif (the self-biller, whose sub-user
// calls the service) the agreement a, as if registered in the Portal das
// Finanças. AcquirerNIF defaults to nif, Status to A.
func WithAgreement(nif string, a Agreement) Option {
	return func(s *Server) { s.addAgreement(nif, a) }
}

// AddAgreement is WithAgreement on a running server.
func (s *Server) AddAgreement(nif string, a Agreement) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addAgreement(nif, a)
}

func (s *Server) addAgreement(nif string, a Agreement) {
	if a.AcquirerNIF == "" {
		a.AcquirerNIF = nif
	}
	if a.Status == "" {
		a.Status = "A"
	}
	if s.agreements == nil {
		s.agreements = map[string][]Agreement{}
	}
	s.agreements[nif] = append(s.agreements[nif], a)
}

// SelfBillingSeries returns a copy of the self-billing series registered by
// nif.
func (s *Server) SelfBillingSeries(nif string) []SelfBillingRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]SelfBillingRecord, 0, len(s.selfBilling[nif]))
	for _, r := range s.selfBilling[nif] {
		out = append(out, *r)
	}
	return out
}

var sbFacets = map[string]facet{
	"serie":                   {kind: "string", maxLength: 35},
	"classeDoc":               {kind: "string", length: 2},
	"tipoDoc":                 {kind: "string", length: 2},
	"numInicialSeq":           {kind: "int", minValue: 1, maxDigits: 25},
	"seqUltimoDocEmitido":     {kind: "int", minValue: 1, maxDigits: 25},
	"dataInicioPrevUtiliz":    {kind: "date"},
	"dataRegistoDe":           {kind: "date"},
	"dataRegistoAte":          {kind: "date"},
	"periodoDeAutorizacaoDe":  {kind: "date"},
	"periodoDeAutorizacaoAte": {kind: "date"},
	"numCertSWFatur":          {kind: "int", minValue: 0, maxDigits: 4},
	"codValidacaoSerie":       {kind: "string", minLength: 8},
	"motivo":                  {kind: "string", length: 2},
	"justificacao":            {kind: "string", maxLength: 4000},
	"estado":                  {kind: "string", length: 1},
	"declaracaoNaoEmissao":    {kind: "bool"},
	"comunicarEmNomeDe":       {kind: "string", length: 2},
	"acordoRegistadoCom":      {kind: "string", length: 2},
	"nifAssociadoAoAcordo":    {kind: "string", maxLength: 30},
	"paisEstrangeiro":         {kind: "string", length: 2},
	"nomeEstrangeiro":         {kind: "string", maxLength: 100},
}

var sbOperations = map[string]opFields{
	"registarSerieAutofaturacao": {
		[]string{"serie", "classeDoc", "tipoDoc", "numInicialSeq", "dataInicioPrevUtiliz", "numCertSWFatur", "comunicarEmNomeDe", "nifAssociadoAoAcordo", "paisEstrangeiro", "nomeEstrangeiro"},
		set("serie", "classeDoc", "tipoDoc", "numInicialSeq", "dataInicioPrevUtiliz", "numCertSWFatur", "comunicarEmNomeDe", "nifAssociadoAoAcordo"),
	},
	"anularSerieAutofaturacao": {
		[]string{"serie", "classeDoc", "tipoDoc", "codValidacaoSerie", "motivo", "declaracaoNaoEmissao", "acordoRegistadoCom", "nifAssociadoAoAcordo"},
		set("serie", "classeDoc", "tipoDoc", "codValidacaoSerie", "motivo", "declaracaoNaoEmissao", "acordoRegistadoCom", "nifAssociadoAoAcordo"),
	},
	"finalizarSerieAutofaturacao": {
		[]string{"serie", "classeDoc", "tipoDoc", "codValidacaoSerie", "seqUltimoDocEmitido", "justificacao", "acordoRegistadoCom", "nifAssociadoAoAcordo"},
		set("serie", "classeDoc", "tipoDoc", "codValidacaoSerie", "seqUltimoDocEmitido", "acordoRegistadoCom", "nifAssociadoAoAcordo"),
	},
	"consultarSeriesAutofaturacao": {
		[]string{"serie", "classeDoc", "tipoDoc", "codValidacaoSerie", "dataRegistoDe", "dataRegistoAte", "nifAssociadoAoAcordo", "acordoRegistadoCom"},
		set(),
	},
	"consultarAcordosAutofaturacao": {
		[]string{"nifAssociadoAoAcordo", "estado", "periodoDeAutorizacaoDe", "periodoDeAutorizacaoAte"},
		set(),
	},
}

// sbClasses are the self-billing document types and their class (§1.3.11).
var sbClasses = map[string]string{"FT": "SI", "FS": "SI", "FR": "SI", "ND": "SI", "NC": "SI"}

func (s *Server) serveSelfBilling(w http.ResponseWriter, r *http.Request) {
	nif, op, fields, f, ok := s.seriesRequest(w, r, sbOperations)
	if !ok {
		return
	}
	a := s.applySelfBilling(nif, op, fields)
	if f != nil && f.AfterProcessing && s.fail(w, r, f, op) {
		return
	}
	writeSelfBilling(w, op, a)
}

// sbAnswer is the outcome of an operation.
type sbAnswer struct {
	fault      string // a SOAP fault's faultstring instead of an answer
	code       int
	msg        string
	series     []SelfBillingRecord
	agreements []Agreement
}

func sbRefuse(code int, msg string) sbAnswer { return sbAnswer{code: code, msg: msg} }

// applySelfBilling runs op for the self-biller nif.
func (s *Server) applySelfBilling(nif, op string, f map[string]string) sbAnswer {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[op]++
	var missing []string
	for _, name := range sbOperations[op].fields {
		if sbOperations[op].required[name] && f[name] == "" {
			missing = append(missing, name)
		}
	}
	bad := checkFacets(f, sbFacets)
	if len(bad) > 0 || len(missing) > 0 {
		// Each operation refuses with the code its table has for a
		// request it cannot take; the queries have none, and a JAX-WS
		// server refuses a value it cannot read with a fault.
		list := "[" + strings.Join(append(missing, bad...), ", ") + "]"
		switch op {
		case "registarSerieAutofaturacao":
			if len(missing) > 0 {
				return sbRefuse(4002, "Não foi possível registar a Série de autofaturação. Por favor preencha os campos assinalados. "+list)
			}
			return sbRefuse(4003, "Não foi possível registar a Série de autofaturação. Por favor corrija os erros nos campos assinalados. "+list)
		case "anularSerieAutofaturacao":
			return sbRefuse(4004, "Não foi possível anular a Série de autofaturação. "+list)
		case "finalizarSerieAutofaturacao":
			return sbRefuse(4005, "Não foi possível finalizar a Série de autofaturação. "+list)
		}
		return sbAnswer{fault: "Unmarshalling Error: " + list}
	}
	// 4045 and 4046 are register's (§2.1.4): the other operations find no
	// series of a class or type that does not exist.
	if c := f["classeDoc"]; op == "registarSerieAutofaturacao" && c != "SI" {
		return sbRefuse(4045, "O valor indicado na Classe do Documento deve corresponder a um valor predefinido")
	}
	if t := f["tipoDoc"]; op == "registarSerieAutofaturacao" && sbClasses[t] == "" {
		return sbRefuse(4046, "O valor indicado no Tipo de Documento deve corresponder a um valor válido de acordo com a Classe do Documento indicada.")
	}
	now := s.now().UTC()
	today := now.In(lisbon).Format(time.DateOnly)
	switch op {
	case "registarSerieAutofaturacao":
		return s.sbRegister(nif, f, now, today)
	case "anularSerieAutofaturacao":
		return s.sbCancel(nif, f, now, today)
	case "finalizarSerieAutofaturacao":
		return s.sbFinalize(nif, f, now)
	case "consultarSeriesAutofaturacao":
		return s.sbQuerySeries(nif, f)
	default:
		return s.sbQueryAgreements(nif, f)
	}
}

// lisbon is AT's clock's zone: days change at midnight in Portugal.
var lisbon = func() *time.Location {
	if l, err := time.LoadLocation("Europe/Lisbon"); err == nil {
		return l
	}
	return time.UTC
}()

func (s *Server) sbRegister(nif string, f map[string]string, now time.Time, today string) sbAnswer {
	const fix = "Não foi possível registar a Série de autofaturação. Por favor corrija os erros nos campos assinalados. ["
	var bad []string
	if !identifier.MatchString(f["serie"]) || strings.EqualFold(f["serie"][:min(2, len(f["serie"]))], "AT") {
		bad = append(bad, "serie")
	}
	partner, pnif := f["comunicarEmNomeDe"], f["nifAssociadoAoAcordo"]
	switch partner {
	case "FN":
		if !validNIF(pnif) {
			bad = append(bad, "nifAssociadoAoAcordo")
		}
	case "CE":
		if pnif != nif {
			bad = append(bad, "nifAssociadoAoAcordo")
		}
	case "FE":
	default:
		return sbRefuse(4003, fix+"comunicarEmNomeDe] O valor indicado no Comunicar Em Nome De deve corresponder a um valor válido de acordo com o código do tipo de entidade associado ao Acordo de Autofaturação.")
	}
	if len(bad) > 0 {
		return sbRefuse(4003, fix+strings.Join(bad, ", ")+"]")
	}
	if s.inactive[nif] {
		return sbRefuse(4043, "O NIF do sujeito passivo para o qual está a registar a Série de autofaturação não possui atividade aberta.")
	}
	// §1.3.2 and §1.3.3: an identifier is unique per document type whatever
	// the case, and a cancelled one is never free again.
	for _, r := range s.selfBilling[nif] {
		if r.DocumentType == f["tipoDoc"] && strings.EqualFold(r.ID, f["serie"]) {
			return sbRefuse(4001, fmt.Sprintf("Não foi possível registar a Série de autofaturação. A Série %s indicada para o tipo de documento %s já foi registada.", r.ID, r.DocumentType))
		}
	}
	start, _ := parseDate(f["dataInicioPrevUtiliz"])
	if start.Format(time.DateOnly) < today {
		return sbRefuse(4049, "O valor indicado no início previsto de utilização deve ser superior ou igual à data atual do sistema.")
	}
	if !s.agreementInForce(nif, partner, pnif, start.Format(time.DateOnly)) {
		return sbRefuse(4003, fix+"nifAssociadoAoAcordo] Não existe Acordo de Autofaturação ativo com a entidade indicada.")
	}
	s.codes++
	r := &SelfBillingRecord{
		Record: Record{
			ID: f["serie"], SeriesType: "A", Class: f["classeDoc"], DocumentType: f["tipoDoc"],
			FirstNumber: canonicalInt(f["numInicialSeq"]), ExpectedStart: start.Format(time.DateOnly),
			ProcessingMeans: "PI", CertificateNumber: canonicalInt(f["numCertSWFatur"]),
			ValidationCode: validationCode(s.codes), RegistrationDate: today, Status: "A", StatusTime: now, NIF: nif,
		},
		Partner: partner, PartnerNIF: pnif, Country: f["paisEstrangeiro"], ForeignName: f["nomeEstrangeiro"],
	}
	if s.selfBilling == nil {
		s.selfBilling = map[string][]*SelfBillingRecord{}
	}
	s.selfBilling[nif] = append(s.selfBilling[nif], r)
	return sbAnswer{code: 2001, msg: "Série de autofaturação registada com sucesso. A situação ficou ativa e foi atribuído o seguinte código de validação: " + r.ValidationCode,
		series: []SelfBillingRecord{*r}}
}

func (s *Server) agreementInForce(nif, partner, pnif, day string) bool {
	for _, a := range s.agreements[nif] {
		if a.Status == "A" && a.Partner == partner && strings.EqualFold(a.PartnerNIF, pnif) &&
			a.From <= day && (a.To == "" || day <= a.To) {
			return true
		}
	}
	return false
}

// sbFind returns the series with id (any case), type, code and partner.
func (s *Server) sbFind(nif string, f map[string]string) *SelfBillingRecord {
	for _, r := range s.selfBilling[nif] {
		if r.Class == f["classeDoc"] && r.DocumentType == f["tipoDoc"] && strings.EqualFold(r.ID, f["serie"]) && r.ValidationCode == f["codValidacaoSerie"] &&
			r.Partner == f["acordoRegistadoCom"] && strings.EqualFold(r.PartnerNIF, f["nifAssociadoAoAcordo"]) {
			return r
		}
	}
	return nil
}

func (s *Server) sbCancel(nif string, f map[string]string, now time.Time, today string) sbAnswer {
	const refused = "Não foi possível anular a Série de autofaturação. "
	if f["motivo"] != "ER" {
		return sbRefuse(4051, "O valor indicado no motivo de anulação deve corresponder a um valor pré-definido.")
	}
	if p := f["acordoRegistadoCom"]; p != "FN" && p != "FE" && p != "CE" {
		return sbRefuse(4004, "Não foi possível anular a Série de autofaturação. [O valor indicado no tipo de entidade (acordoRegistadoCom) deve corresponder a um valor pré-definido.]")
	}
	r := s.sbFind(nif, f)
	switch {
	case f["declaracaoNaoEmissao"] != "true" && f["declaracaoNaoEmissao"] != "1":
		return sbRefuse(4004, refused+"[é necessário declarar que não foram emitidos documentos com a informação da Série]")
	case r == nil:
		return sbRefuse(4004, refused+"[Série não encontrada para o tipo de documento, código de validação e acordo indicados]")
	case r.Status != "A":
		return sbRefuse(4004, refused+"[a Série não está ativa (estado "+r.Status+")]")
	case dayAfter(r.RegistrationDate) < today:
		return sbRefuse(4004, refused+"[só é possível anular uma Série comunicada no próprio dia ou no dia anterior]")
	}
	r.Status, r.StatusReason, r.StatusTime = "N", "ER", now
	return sbAnswer{code: 2003, msg: "Série de autofaturação anulada com sucesso.", series: []SelfBillingRecord{*r}}
}

func dayAfter(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, 1).Format(time.DateOnly)
}

func (s *Server) sbFinalize(nif string, f map[string]string, now time.Time) sbAnswer {
	const refused = "Não foi possível finalizar a Série de autofaturação. "
	r := s.sbFind(nif, f)
	switch {
	case r == nil:
		return sbRefuse(4005, refused+"[Série não encontrada para o tipo de documento, código de validação e acordo indicados]")
	case r.Status != "A":
		return sbRefuse(4005, refused+"[a Série não está ativa (estado "+r.Status+")]")
	case cmpInt(canonicalInt(f["seqUltimoDocEmitido"]), r.FirstNumber) < 0:
		return sbRefuse(4047, "O valor indicado no último documento emitido deve ser superior ao indicado no início da sequência.")
	}
	r.Status, r.StatusTime = "F", now
	r.LastIssued = canonicalInt(f["seqUltimoDocEmitido"])
	r.Justification = f["justificacao"]
	return sbAnswer{code: 2004, msg: "Série de autofaturação finalizada com sucesso.", series: []SelfBillingRecord{*r}}
}

const (
	sbFound    = "Pesquisa efetuada com sucesso."
	sbNotFound = "Pesquisa efetuada com sucesso. Não existem resultados para os filtros selecionados."
	sbBadRange = "A data que indicou no campo Ate (data fim) não pode ser inferior à data que indicou no campo De (data início)."
)

func (s *Server) sbQuerySeries(nif string, f map[string]string) sbAnswer {
	from, to := f["dataRegistoDe"], f["dataRegistoAte"]
	if from != "" && to != "" && to[:10] < from[:10] {
		return sbRefuse(4048, sbBadRange)
	}
	a := sbAnswer{code: 2002, msg: sbNotFound}
	for _, r := range s.selfBilling[nif] {
		switch {
		case f["serie"] != "" && !strings.EqualFold(f["serie"], r.ID),
			f["classeDoc"] != "" && f["classeDoc"] != r.Class,
			f["tipoDoc"] != "" && f["tipoDoc"] != r.DocumentType,
			f["codValidacaoSerie"] != "" && f["codValidacaoSerie"] != r.ValidationCode,
			from != "" && r.RegistrationDate < from[:10],
			to != "" && r.RegistrationDate > to[:10],
			f["nifAssociadoAoAcordo"] != "" && !strings.EqualFold(f["nifAssociadoAoAcordo"], r.PartnerNIF),
			f["acordoRegistadoCom"] != "" && f["acordoRegistadoCom"] != r.Partner:
			continue
		}
		a.series = append(a.series, *r)
		a.msg = sbFound
	}
	return a
}

func (s *Server) sbQueryAgreements(nif string, f map[string]string) sbAnswer {
	from, to := f["periodoDeAutorizacaoDe"], f["periodoDeAutorizacaoAte"]
	if from != "" && to != "" && to[:10] < from[:10] {
		return sbRefuse(4048, sbBadRange)
	}
	a := sbAnswer{code: 2002, msg: sbNotFound}
	for _, ag := range s.agreements[nif] {
		switch {
		case f["nifAssociadoAoAcordo"] != "" && !strings.EqualFold(f["nifAssociadoAoAcordo"], ag.PartnerNIF),
			f["estado"] != "" && f["estado"] != ag.Status,
			// periods that do not overlap the one asked
			to != "" && ag.From > to[:10],
			from != "" && ag.To != "" && ag.To < from[:10]:
			continue
		}
		a.agreements = append(a.agreements, ag)
		a.msg = sbFound
	}
	return a
}

type sbInfoXML struct {
	infoXML
	AcordoRegistadoCom   string `xml:"acordoRegistadoCom"`
	NifAssociadoAoAcordo string `xml:"nifAssociadoAoAcordo"`
	PaisEstrangeiro      string `xml:"paisEstrangeiro,omitempty"`
	NomeEstrangeiro      string `xml:"nomeEstrangeiro,omitempty"`
}

type agreementXML struct {
	AcordoRegistadoCom       string `xml:"acordoRegistadoCom"`
	NifAdquirente            string `xml:"nifAdquirente"`
	NomeAdquirente           string `xml:"nomeAdquirente"`
	NifAssociadoAoAcordo     string `xml:"nifAssociadoAoAcordo"`
	NomeNifAssociadoAoAcordo string `xml:"nomeNifAssociadoAoAcordo"`
	PaisEstrangeiro          string `xml:"paisEstrangeiro,omitempty"`
	Estado                   string `xml:"estado"`
	PeriodoAutorizacaoDe     string `xml:"periodoAutorizacaoDe"`
	PeriodoAutorizacaoAte    string `xml:"periodoAutorizacaoAte,omitempty"`
}

type resultXML struct {
	Code int    `xml:"codResultOper"`
	Msg  string `xml:"msgResultOper"`
}

// sbRespName is the answer's wrapper element: the WSDL spells finalize's
// with a capital F (finalizarSerieAutoFaturacaoResp).
func sbRespName(op string) string {
	if op == "finalizarSerieAutofaturacao" {
		return "finalizarSerieAutoFaturacaoResp"
	}
	return op + "Resp"
}

// writeSelfBilling answers like AT's JAX-WS server, in the WSDL's order:
// the information elements, then infoResultOper.
func writeSelfBilling(w http.ResponseWriter, op string, a sbAnswer) {
	if a.fault != "" {
		writeFault(w, http.StatusInternalServerError, "S:Client", a.fault)
		return
	}
	var resp struct {
		Series     []sbInfoXML    `xml:"infoSerieAutofaturacao"`
		Agreements []agreementXML `xml:"infoAcordoAutofaturacao"`
		Result     resultXML      `xml:"infoResultOper"`
	}
	resp.Result = resultXML{Code: a.code, Msg: a.msg}
	for _, r := range a.series {
		resp.Series = append(resp.Series, sbInfoXML{
			infoXML: infoXML{
				Serie: r.ID, TipoSerie: r.SeriesType, ClasseDoc: r.Class, TipoDoc: r.DocumentType,
				NumInicialSeq: r.FirstNumber, DataInicioPrevUtiliz: r.ExpectedStart, SeqUltimoDocEmitido: r.LastIssued,
				MeioProcessamento: r.ProcessingMeans, NumCertSWFatur: r.CertificateNumber, CodValidacaoSerie: r.ValidationCode,
				DataRegisto: r.RegistrationDate, Estado: r.Status, MotivoEstado: r.StatusReason, Justificacao: r.Justification,
				DataEstado: r.StatusTime.UTC().Format("2006-01-02T15:04:05.000Z07:00"), NifComunicou: r.NIF,
			},
			AcordoRegistadoCom: r.Partner, NifAssociadoAoAcordo: r.PartnerNIF, PaisEstrangeiro: r.Country, NomeEstrangeiro: r.ForeignName,
		})
	}
	for _, ag := range a.agreements {
		resp.Agreements = append(resp.Agreements, agreementXML{
			AcordoRegistadoCom: ag.Partner, NifAdquirente: ag.AcquirerNIF, NomeAdquirente: ag.AcquirerName,
			NifAssociadoAoAcordo: ag.PartnerNIF, NomeNifAssociadoAoAcordo: ag.PartnerName, PaisEstrangeiro: ag.Country,
			Estado: ag.Status, PeriodoAutorizacaoDe: ag.From, PeriodoAutorizacaoAte: ag.To,
		})
	}
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="` + nsSOAP + `"><S:Body><ns2:` + op + `Response xmlns:ns2="` + nsAT + `">`)
	enc := xml.NewEncoder(&buf)
	if err := enc.EncodeElement(resp, xml.StartElement{Name: xml.Name{Local: sbRespName(op)}}); err != nil {
		writeFault(w, http.StatusInternalServerError, "S:Server", "attest: encoding: "+err.Error())
		return
	}
	buf.WriteString(`</ns2:` + op + `Response></S:Body></S:Envelope>`)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}
