package attest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"time"
)

const (
	nsSOAP = "http://schemas.xmlsoap.org/soap/envelope/"
	nsAT   = "http://at.gov.pt/"
)

// Record is a series as the server holds it (the fields of seriesInfo,
// series manual §2.5.2), for tests that inspect the server's state.
type Record struct {
	ID                string // serie, as registered
	SeriesType        string // tipoSerie
	Class             string // classeDoc
	DocumentType      string // tipoDoc
	FirstNumber       string // numInicialSeq
	ExpectedStart     string // dataInicioPrevUtiliz, YYYY-MM-DD
	LastIssued        string // seqUltimoDocEmitido, "" until finalized
	ProcessingMeans   string // meioProcessamento
	CertificateNumber string // numCertSWFatur
	ValidationCode    string // codValidacaoSerie
	RegistrationDate  string // dataRegisto, YYYY-MM-DD
	Status            string // estado: A, N or F
	StatusReason      string // motivoEstado
	Justification     string // justificacao
	StatusTime        time.Time
	NIF               string // nifComunicou
}

// book is the series of one NIF, in registration order.
type book struct{ records []*Record }

// Series returns a copy of the series registered for nif.
func (s *Server) Series(nif string) []Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.books[nif]
	if b == nil {
		return nil
	}
	out := make([]Record, len(b.records))
	for i, r := range b.records {
		out[i] = *r
	}
	return out
}

// classes maps each document type to its class (series manual §1.3.7).
var classes = map[string]string{
	"FT": "SI", "FS": "SI", "FR": "SI", "ND": "SI", "NC": "SI",
	"GR": "MG", "GT": "MG", "GA": "MG", "GC": "MG", "GD": "MG",
	"CM": "WD", "CC": "WD", "FC": "WD", "FO": "WD", "NE": "WD", "OU": "WD", "OR": "WD", "PF": "WD",
	"RP": "WD", "RE": "WD", "CS": "WD", "LD": "WD", "RA": "WD",
	"RC": "PY", "RG": "PY",
}

// identifier is §1.3.2: letters, digits and . _ -, no separator at either end
// or twice in a row, at most 35 characters.
var identifier = regexp.MustCompile(`^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$`)

// facet is the WSDL's simple type of a field.
type facet struct {
	kind      string // "string", "int", "date", "bool"
	length    int    // exact length, strings
	minLength int
	maxLength int
	minValue  int // ints: 0 or 1
	maxDigits int
}

var facets = map[string]facet{
	"serie":                {kind: "string", maxLength: 35},
	"tipoSerie":            {kind: "string", length: 1},
	"classeDoc":            {kind: "string", length: 2},
	"tipoDoc":              {kind: "string", length: 2},
	"numInicialSeq":        {kind: "int", minValue: 1, maxDigits: 25},
	"seqUltimoDocEmitido":  {kind: "int", minValue: 1, maxDigits: 25},
	"dataInicioPrevUtiliz": {kind: "date"},
	"dataRegistoDe":        {kind: "date"},
	"dataRegistoAte":       {kind: "date"},
	"numCertSWFatur":       {kind: "int", minValue: 0, maxDigits: 4},
	"codValidacaoSerie":    {kind: "string", length: 8},
	"motivo":               {kind: "string", length: 2},
	"justificacao":         {kind: "string", maxLength: 4000},
	"estado":               {kind: "string", length: 1},
	"meioProcessamento":    {kind: "string", length: 2},
	"declaracaoNaoEmissao": {kind: "bool"},
}

// opFields are the fields of an operation, in the WSDL's order, and which
// are required.
type opFields = struct {
	fields   []string
	required map[string]bool
}

// operations of the series service.
var operations = map[string]opFields{
	"registarSerie": {
		[]string{"serie", "tipoSerie", "classeDoc", "tipoDoc", "numInicialSeq", "dataInicioPrevUtiliz", "numCertSWFatur", "meioProcessamento"},
		set("serie", "tipoSerie", "classeDoc", "tipoDoc", "numInicialSeq", "dataInicioPrevUtiliz", "numCertSWFatur", "meioProcessamento"),
	},
	"finalizarSerie": {
		[]string{"serie", "classeDoc", "tipoDoc", "codValidacaoSerie", "seqUltimoDocEmitido", "justificacao"},
		set("serie", "classeDoc", "tipoDoc", "codValidacaoSerie", "seqUltimoDocEmitido"),
	},
	"anularSerie": {
		[]string{"serie", "classeDoc", "tipoDoc", "codValidacaoSerie", "motivo", "declaracaoNaoEmissao"},
		set("serie", "classeDoc", "tipoDoc", "codValidacaoSerie", "motivo", "declaracaoNaoEmissao"),
	},
	"consultarSeries": {
		[]string{"serie", "tipoSerie", "classeDoc", "tipoDoc", "codValidacaoSerie", "dataRegistoDe", "dataRegistoAte", "estado", "meioProcessamento"},
		set(),
	},
}

func set(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// envelope is the request as the simulator reads it, with its own types.
type envelope struct {
	XMLName xml.Name `xml:"http://schemas.xmlsoap.org/soap/envelope/ Envelope"`
	Header  struct {
		Security *struct {
			Token *token `xml:"http://schemas.xmlsoap.org/ws/2002/12/secext UsernameToken"`
		} `xml:"http://schemas.xmlsoap.org/ws/2002/12/secext Security"`
	} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Header"`
	Body struct {
		Inner []byte `xml:",innerxml"`
	} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Body"`
}

func (s *Server) serveSeries(w http.ResponseWriter, r *http.Request) {
	nif, op, fields, f, ok := s.seriesRequest(w, r, operations)
	if !ok {
		return
	}
	code, msg, infos := s.apply(nif, op, fields)
	if f != nil && f.AfterProcessing && s.fail(w, r, f, op) {
		return
	}
	writeResult(w, op, code, msg, infos)
}

// seriesRequest reads a request of the series services, ordinary or
// self-billing (one server, one dialect of faults): the envelope, the
// credentials, the WSE permission and the operation, answering the fault
// itself when one fails. It counts the request and takes the fault injected
// for it, answering one injected before processing; ok is false when an
// answer was written.
func (s *Server) seriesRequest(w http.ResponseWriter, r *http.Request, ops map[string]opFields) (nif, op string, fields map[string]string, f *Fault, ok bool) {
	env, tok, nif, ok := s.jaxwsRequest(w, r)
	if !ok {
		return "", "", nil, nil, false
	}
	if reason, denied := s.permissionDenied(tok); denied {
		writeFault(w, http.StatusInternalServerError, faultPermission, reason)
		return "", "", nil, nil, false
	}
	op, fields, err := parseOperation(env.Body.Inner, ops)
	if err != nil {
		writeFault(w, http.StatusInternalServerError, "S:Client", err.Error())
		return "", "", nil, nil, false
	}
	s.mu.Lock()
	s.requests[op]++
	s.mu.Unlock()
	f = s.takeFault(op)
	if f != nil && !f.AfterProcessing && s.fail(w, r, f, op) {
		return "", "", nil, nil, false
	}
	return nif, op, fields, f, true
}

// jaxwsRequest reads the envelope of a request to a JAX-WS service (series,
// self-billing, transport documents: one dialect of faults) and
// authenticates its credentials, answering the fault itself when one fails;
// ok is false when an answer was written.
func (s *Server) jaxwsRequest(w http.ResponseWriter, r *http.Request) (env envelope, tok *token, nif string, ok bool) {
	data, ok := s.readRequest(w, r, "S:Client")
	if !ok {
		return env, nil, "", false
	}
	if err := xml.Unmarshal(data, &env); err != nil {
		writeFault(w, http.StatusInternalServerError, "S:Client", "Couldn't create SOAP message: "+clip(err.Error()))
		return env, nil, "", false
	}
	if env.Header.Security != nil {
		tok = env.Header.Security.Token
	}
	nif, code, msg := s.authenticateCoded(tok)
	if code != 0 {
		writeAuthFault(w, code, msg)
		return env, nil, "", false
	}
	return env, tok, nif, true
}

// parseOperation reads the Body's operation element, one of ops: it must be
// in the WSDL's namespace, its children unqualified (the schema has no
// elementFormDefault) and simple. A JAX-WS server such as AT's refuses
// anything else with a SOAP fault, and so does this one.
func parseOperation(body []byte, operations map[string]opFields) (string, map[string]string, error) {
	fault := func(format string, args ...any) error { return &bodyFault{fmt.Sprintf(format, args...)} }
	dec := xml.NewDecoder(bytes.NewReader(body))
	var op string
	fields := map[string]string{}
	depth := 0
	var current string
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", nil, fault("Unmarshalling Error: %s", clip(err.Error()))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch depth {
			case 1:
				if op != "" {
					return "", nil, fault("Unmarshalling Error: more than one element in Body")
				}
				if t.Name.Space != nsAT {
					return "", nil, fault("Cannot find dispatch method for {%s}%s", t.Name.Space, t.Name.Local)
				}
				if _, ok := operations[t.Name.Local]; !ok {
					return "", nil, fault("Cannot find dispatch method for {%s}%s", t.Name.Space, t.Name.Local)
				}
				op = t.Name.Local
			case 2:
				known := false
				for _, f := range operations[op].fields {
					known = known || f == t.Name.Local
				}
				if t.Name.Space != "" || !known {
					return "", nil, fault("Unmarshalling Error: unexpected element (uri:%q, local:%q). Expected elements are %s",
						t.Name.Space, t.Name.Local, expected(operations[op].fields))
				}
				if _, dup := fields[t.Name.Local]; dup {
					return "", nil, fault("Unmarshalling Error: element %q given twice", t.Name.Local)
				}
				current = t.Name.Local
				text.Reset()
			default:
				return "", nil, fault("Unmarshalling Error: unexpected element (uri:%q, local:%q) inside %s", t.Name.Space, t.Name.Local, current)
			}
		case xml.CharData:
			if depth == 2 {
				text.Write(t)
			}
		case xml.EndElement:
			if depth == 2 {
				fields[current] = strings.TrimSpace(text.String())
			}
			depth--
		}
	}
	if op == "" {
		return "", nil, fault("Unmarshalling Error: empty Body")
	}
	return op, fields, nil
}

// bodyFault is a body that a JAX-WS server could not unmarshal; its text is
// the faultstring.
type bodyFault struct{ reason string }

func (f *bodyFault) Error() string { return f.reason }

func expected(fields []string) string {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("<{}" + f + ">")
	}
	return b.String()
}

// checkFacets returns the fields that break the WSDL's simple types.
func checkFacets(fields map[string]string, facets map[string]facet) []string {
	var bad []string
	for name, v := range fields {
		f := facets[name]
		ok := true
		switch f.kind {
		case "string":
			n := len([]rune(v))
			ok = (f.length == 0 || n == f.length) && (f.maxLength == 0 || n <= f.maxLength) && n >= f.minLength
		case "int":
			c := canonicalInt(v)
			ok = isDigits(strings.TrimPrefix(v, "+")) && len(c) <= f.maxDigits && (f.minValue == 0 || c != "0")
		case "date":
			_, err := parseDate(v)
			ok = err == nil
		case "bool":
			ok = v == "true" || v == "false" || v == "1" || v == "0"
		}
		if !ok {
			bad = append(bad, name)
		}
	}
	sort.Strings(bad)
	return bad
}

// parseDate reads xsd:date, with an optional time zone.
func parseDate(v string) (time.Time, error) {
	if len(v) < 10 {
		return time.Time{}, fmt.Errorf("bad date")
	}
	t, err := time.Parse(time.DateOnly, v[:10])
	if err != nil {
		return time.Time{}, err
	}
	if rest := v[10:]; rest != "" && rest != "Z" {
		if _, err := time.Parse("-07:00", rest); err != nil {
			return time.Time{}, err
		}
	}
	return t, nil
}

func (s *Server) apply(nif, op string, f map[string]string) (int, string, []Record) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[op]++
	if bad := checkFacets(f, facets); len(bad) > 0 {
		return 4000, "Erro de validação. Por favor contacte o seu suporte técnico [" + strings.Join(bad, ", ") + "]", nil
	}
	var missing []string
	for _, name := range operations[op].fields {
		if operations[op].required[name] && f[name] == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		if op == "registarSerie" {
			return 4002, "Não foi possível registar a Série. Por favor preencha os campos assinalados. [" + strings.Join(missing, ", ") + "]", nil
		}
		return 4000, "Erro de validação. Por favor contacte o seu suporte técnico [" + strings.Join(missing, ", ") + "]", nil
	}
	if c, ok := f["classeDoc"]; ok && c != "" {
		known := false
		for _, k := range classes {
			known = known || k == c
		}
		if !known {
			return 4045, "O valor indicado na Classe do Documento deve corresponder a um valor predefinido", nil
		}
		if t, ok := f["tipoDoc"]; ok && t != "" && classes[t] != c {
			return 4046, "O valor indicado no Tipo de Documento deve corresponder a um valor válido de acordo com a Classe do Documento indicada.", nil
		}
	}
	b := s.books[nif]
	if b == nil {
		b = &book{}
		s.books[nif] = b
	}
	now := s.now().UTC()
	today := now.Format(time.DateOnly)
	switch op {
	case "registarSerie":
		return s.register(b, nif, f, now, today)
	case "finalizarSerie":
		return finalize(b, f, now)
	case "anularSerie":
		return cancel(b, f, now)
	default:
		return query(b, f)
	}
}

func (s *Server) register(b *book, nif string, f map[string]string, now time.Time, today string) (int, string, []Record) {
	var bad []string
	if !identifier.MatchString(f["serie"]) {
		bad = append(bad, "serie")
	}
	if !strings.Contains("NFR", f["tipoSerie"]) {
		bad = append(bad, "tipoSerie")
	}
	if m := f["meioProcessamento"]; m != "PI" && m != "PF" && m != "OM" {
		bad = append(bad, "meioProcessamento")
	}
	if len(bad) > 0 {
		return 4003, "Não foi possível registar a Série. Por favor corrija os erros nos campos assinalados. [" + strings.Join(bad, ", ") + "]", nil
	}
	if s.inactive[nif] {
		return 4043, "O NIF do sujeito passivo para o qual está a registar a Série não possui atividade aberta.", nil
	}
	// §1.3.2: an identifier is unique per document type whatever the case.
	// A registration cancelled as an error does not block a new one.
	for _, r := range b.records {
		if r.DocumentType == f["tipoDoc"] && strings.EqualFold(r.ID, f["serie"]) && r.Status != "N" {
			return 4001, fmt.Sprintf("Não foi possível registar a Série. A Série %s indicada para o tipo de documento %s já foi registada.", r.ID, r.DocumentType), nil
		}
	}
	start, _ := parseDate(f["dataInicioPrevUtiliz"])
	if start.Format(time.DateOnly) < today {
		return 4049, "O valor indicado no início previsto de utilização deve ser superior ou igual à data atual do sistema.", nil
	}
	s.codes++
	r := &Record{
		ID:                f["serie"],
		SeriesType:        f["tipoSerie"],
		Class:             f["classeDoc"],
		DocumentType:      f["tipoDoc"],
		FirstNumber:       canonicalInt(f["numInicialSeq"]),
		ExpectedStart:     start.Format(time.DateOnly),
		ProcessingMeans:   f["meioProcessamento"],
		CertificateNumber: canonicalInt(f["numCertSWFatur"]),
		ValidationCode:    validationCode(s.codes),
		RegistrationDate:  today,
		Status:            "A",
		StatusTime:        now,
		NIF:               nif,
	}
	b.records = append(b.records, r)
	return 2001, "Série registada com sucesso. O estado ficou ativo e foi atribuído o seguinte código de validação: " + r.ValidationCode, []Record{*r}
}

// find returns the active-or-not record with id (any case), type and code.
func (b *book) find(f map[string]string) *Record {
	for _, r := range b.records {
		if r.DocumentType == f["tipoDoc"] && strings.EqualFold(r.ID, f["serie"]) && r.ValidationCode == f["codValidacaoSerie"] {
			return r
		}
	}
	return nil
}

func finalize(b *book, f map[string]string, now time.Time) (int, string, []Record) {
	const refused = "Não foi possível finalizar a Série. "
	r := b.find(f)
	switch {
	case r == nil:
		return 4005, refused + "[Série não encontrada para o tipo de documento e código de validação indicados]", nil
	case r.Status != "A":
		return 4005, refused + "[a Série não está ativa (estado " + r.Status + ")]", nil
	case cmpInt(canonicalInt(f["seqUltimoDocEmitido"]), r.FirstNumber) < 0:
		return 4047, "O valor indicado no último documento emitido deve ser superior ao indicado no início da sequência.", nil
	}
	r.Status, r.StatusTime = "F", now
	r.LastIssued = canonicalInt(f["seqUltimoDocEmitido"])
	r.Justification = f["justificacao"]
	return 2004, "Série finalizada com sucesso.", []Record{*r}
}

func cancel(b *book, f map[string]string, now time.Time) (int, string, []Record) {
	const refused = "Não foi possível anular a comunicação da Série. "
	if f["motivo"] != "ER" {
		return 4051, "O valor indicado no motivo de anulação deve corresponder a um valor pré-definido.", nil
	}
	r := b.find(f)
	switch {
	case f["declaracaoNaoEmissao"] != "true" && f["declaracaoNaoEmissao"] != "1":
		return 4004, refused + "[é necessário declarar que não foram emitidos documentos com a informação da Série]", nil
	case r == nil:
		return 4004, refused + "[Série não encontrada para o tipo de documento e código de validação indicados]", nil
	case r.Status != "A":
		return 4004, refused + "[a Série não está ativa (estado " + r.Status + ")]", nil
	}
	r.Status, r.StatusReason, r.StatusTime = "N", "ER", now
	return 2003, "Comunicação da Série anulada com sucesso.", []Record{*r}
}

func query(b *book, f map[string]string) (int, string, []Record) {
	from, to := f["dataRegistoDe"], f["dataRegistoAte"]
	if from != "" && to != "" && to[:10] < from[:10] {
		return 4048, "A data que indicou no campo A (data fim) não pode ser inferior à data que indicou no campo DE (data início).", nil
	}
	var out []Record
	for _, r := range b.records {
		switch {
		case f["serie"] != "" && !strings.EqualFold(f["serie"], r.ID),
			f["tipoSerie"] != "" && f["tipoSerie"] != r.SeriesType,
			f["classeDoc"] != "" && f["classeDoc"] != r.Class,
			f["tipoDoc"] != "" && f["tipoDoc"] != r.DocumentType,
			f["codValidacaoSerie"] != "" && f["codValidacaoSerie"] != r.ValidationCode,
			from != "" && r.RegistrationDate < from[:10],
			to != "" && r.RegistrationDate > to[:10],
			f["estado"] != "" && f["estado"] != r.Status,
			f["meioProcessamento"] != "" && f["meioProcessamento"] != r.ProcessingMeans:
			continue
		}
		out = append(out, *r)
	}
	return 2002, "Consulta efetuada com sucesso.", out
}

// validationCode returns the n-th code: 8 characters of [0-9A-Z], distinct
// for every n below 36^8 (an affine map with a multiplier prime to 36).
func validationCode(n int) string {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	const space = 36 * 36 * 36 * 36 * 36 * 36 * 36 * 36
	v := (uint64(n)*2654435761 + 0x5EED0F) % space
	var b [8]byte
	for i := 7; i >= 0; i-- {
		b[i] = alphabet[v%36]
		v /= 36
	}
	return string(b[:])
}

func canonicalInt(v string) string {
	v = strings.TrimLeft(strings.TrimPrefix(v, "+"), "0")
	if v == "" {
		return "0"
	}
	return v
}

// cmpInt compares canonical decimal strings.
func cmpInt(a, b string) int {
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// response types, the simulator's own.
type infoXML struct {
	Serie                string `xml:"serie"`
	TipoSerie            string `xml:"tipoSerie"`
	ClasseDoc            string `xml:"classeDoc"`
	TipoDoc              string `xml:"tipoDoc"`
	NumInicialSeq        string `xml:"numInicialSeq"`
	DataInicioPrevUtiliz string `xml:"dataInicioPrevUtiliz"`
	SeqUltimoDocEmitido  string `xml:"seqUltimoDocEmitido,omitempty"`
	MeioProcessamento    string `xml:"meioProcessamento"`
	NumCertSWFatur       string `xml:"numCertSWFatur"`
	CodValidacaoSerie    string `xml:"codValidacaoSerie"`
	DataRegisto          string `xml:"dataRegisto"`
	Estado               string `xml:"estado"`
	MotivoEstado         string `xml:"motivoEstado,omitempty"`
	Justificacao         string `xml:"justificacao,omitempty"`
	DataEstado           string `xml:"dataEstado"`
	NifComunicou         string `xml:"nifComunicou"`
}

type respXML struct {
	Info   []infoXML `xml:"infoSerie"`
	Result struct {
		Code int    `xml:"codResultOper"`
		Msg  string `xml:"msgResultOper"`
	} `xml:"infoResultOper"`
}

// writeResult answers like AT's JAX-WS server: the response element with the
// ns2 prefix, its content unqualified.
func writeResult(w http.ResponseWriter, op string, code int, msg string, infos []Record) {
	var resp respXML
	resp.Result.Code, resp.Result.Msg = code, msg
	for _, r := range infos {
		resp.Info = append(resp.Info, infoXML{
			Serie: r.ID, TipoSerie: r.SeriesType, ClasseDoc: r.Class, TipoDoc: r.DocumentType,
			NumInicialSeq: r.FirstNumber, DataInicioPrevUtiliz: r.ExpectedStart, SeqUltimoDocEmitido: r.LastIssued,
			MeioProcessamento: r.ProcessingMeans, NumCertSWFatur: r.CertificateNumber, CodValidacaoSerie: r.ValidationCode,
			DataRegisto: r.RegistrationDate, Estado: r.Status, MotivoEstado: r.StatusReason, Justificacao: r.Justification,
			DataEstado: r.StatusTime.UTC().Format("2006-01-02T15:04:05.000Z07:00"), NifComunicou: r.NIF,
		})
	}
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="` + nsSOAP + `"><S:Body><ns2:` + op + `Response xmlns:ns2="` + nsAT + `">`)
	enc := xml.NewEncoder(&buf)
	if err := enc.EncodeElement(resp, xml.StartElement{Name: xml.Name{Local: op + "Resp"}}); err != nil {
		writeFault(w, http.StatusInternalServerError, "S:Server", "attest: encoding: "+err.Error())
		return
	}
	buf.WriteString(`</ns2:` + op + `Response></S:Body></S:Envelope>`)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}

// nsAuthentication is the namespace of the detail of AT's authentication
// faults, as captured.
const nsAuthentication = "http://autenticacao.portaldasfinancas.gov.pt/services/ValidateCredencialService/2012/11"

// writeAuthFault refuses a WS-Security header the way AT's authentication
// system does, as an answer captured from AT by another client shows
// (joaomfrebelo/atws, test/Resources/Responses/Invoice/AuthenticationError.xml):
// faultcode Client.Authentication with no prefix, a generic faultstring, and
// the manual's code and text in detail/AuthenticationException/
// AuthenticationFailed, with NumberOfTriesRemaining -1 as captured. The HTTP
// status of that answer was not captured; 500 is what SOAP 1.1 (§6.2)
// prescribes for a fault.
func writeAuthFault(w http.ResponseWriter, code int, msg string) {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="` + nsSOAP + `" xmlns:ns="` + nsAuthentication + `">` +
		`<SOAP-ENV:Header/><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>Client.Authentication</faultcode>` +
		`<faultstring>Ocorreu um erro na autenticação dos contribuintes.</faultstring><faultactor/><detail><ns:AuthenticationException><AuthenticationFailed>`)
	fmt.Fprintf(&buf, "<Code>%d</Code><Message>", code)
	_ = xml.EscapeText(&buf, []byte(msg))
	buf.WriteString(`</Message><NumberOfTriesRemaining>-1</NumberOfTriesRemaining></AuthenticationFailed></ns:AuthenticationException></detail></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = w.Write(buf.Bytes())
}

func writeFault(w http.ResponseWriter, status int, code, reason string) {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="` + nsSOAP + `"><S:Body><S:Fault><faultcode>`)
	_ = xml.EscapeText(&buf, []byte(code))
	buf.WriteString(`</faultcode><faultstring>`)
	_ = xml.EscapeText(&buf, []byte(reason))
	buf.WriteString(`</faultstring></S:Fault></S:Body></S:Envelope>`)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
