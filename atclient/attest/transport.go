package attest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/faturapt/faturapt/civil"
)

// The transport documents service (sgdtws, documentosTransporte): the
// communication of a guia before goods leave (AT, "Comunicação dos
// Documentos de Transporte à AT — Manual de Integração de Software",
// revision of 31-07-2025, §4.2). The simulator reads requests with its own
// XML tree, independently of atclient/transport, checks them against the
// WSDL's types and the manual's rules, and answers with the manual's
// ReturnCodes. A failed authentication gets the manual's code as the other
// services' do, in the detail of a SOAP fault (writeAuthFault); a sub-user
// without the WDT profile (WithoutPermission) is answered 54.

// TransportPath is the path of the transport documents service, as at AT.
const TransportPath = "/sgdtws/documentosTransporte"

const nsTransport = "https://servicos.portaldasfinancas.gov.pt/sgdtws/documentosTransporte/"

// TransportOperation is the service's one operation, the name faults are
// injected for (Fault.Operation).
const TransportOperation = "envioDocumentoTransporte"

// TransportURL returns the URL of the transport documents service
// (atclient.Endpoints.Transport).
func (s *Server) TransportURL() string { return s.srv.URL + TransportPath }

// TransportDocument is a communicated transport document as the server
// holds it, for tests that inspect the server's state.
type TransportDocument struct {
	DocumentNumber string
	ATCUD          string
	ATDocCodeID    string // the code the server gave
	Type           string // MovementType
	Status         string // MovementStatus: N, T or A
	Date           string // MovementDate
	Start          string // MovementStartTime
	Recipient      string // CustomerTaxID or SupplierTaxID
	VehicleID      string
	Lines          int
	// MereCommunication: the transport had started (the alert -100).
	MereCommunication bool
	Registered        time.Time
}

// TransportDocuments returns a copy of the documents communicated for
// nif, sorted by number.
func (s *Server) TransportDocuments(nif string) []TransportDocument {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []TransportDocument
	for _, d := range s.transport[nif] {
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b TransportDocument) int { return strings.Compare(a.DocumentNumber, b.DocumentNumber) })
	return out
}

// dtStatus is one ResponseStatus of an answer.
type dtStatus struct {
	code int
	msg  string
}

func (s *Server) serveTransport(w http.ResponseWriter, r *http.Request) {
	env, tok, nif, ok := s.jaxwsRequest(w, r)
	if !ok {
		return
	}
	root, err := parseUnqualified(env.Body.Inner, nsTransport, "envioDocumentoTransporteRequestElem")
	if err != nil {
		writeFault(w, http.StatusInternalServerError, "S:Client", "Pedido SOAP inválido: "+err.Error())
		return
	}
	op := TransportOperation
	if _, denied := s.permissionDenied(tok); denied {
		writeTransport(w, []dtStatus{{54, "Não tem permissões para aceder a esta operação"}}, nil)
		return
	}
	s.mu.Lock()
	s.requests[op]++
	s.mu.Unlock()
	f := s.takeFault(op)
	if f != nil && !f.AfterProcessing && s.transportFail(w, r, f, op) {
		return
	}
	st, doc := s.applyTransport(nif, root)
	if f != nil && f.AfterProcessing && s.transportFail(w, r, f, op) {
		return
	}
	writeTransport(w, st, doc)
}

func (s *Server) transportFail(w http.ResponseWriter, r *http.Request, f *Fault, op string) bool {
	if f.Kind == FaultTechnicalError {
		writeTransport(w, []dtStatus{{-99, "Erro interno"}}, nil)
		return true
	}
	if f.Kind == FaultMalformed {
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		_, _ = w.Write([]byte(`<S:Envelope xmlns:S="` + nsSOAP + `"><S:Body><ns2:envioDocumentoTransporteResponseElem xmlns:ns2="` + nsTransport + `"><ResponseStatus><Return`))
		return true
	}
	return s.fail(w, r, f, op)
}

// parseUnqualified reads the Body's operation element, which must be
// {ns}local, with every descendant unqualified (the schema has no
// elementFormDefault), as a JAX-WS server demands.
func parseUnqualified(body []byte, ns, local string) (*node, error) {
	return readTree(body, func(name xml.Name, top bool) error {
		if top && (name.Space != ns || name.Local != local) {
			return fmt.Errorf("no endpoint for {%s}%s", clip(name.Space), clip(name.Local))
		}
		if !top && name.Space != "" {
			return fmt.Errorf("unexpected element {%s}%s: the children are unqualified", clip(name.Space), clip(name.Local))
		}
		return nil
	})
}

// The WSDL's order of StockMovement's children; CustomerTaxID and
// SupplierTaxID are the alternatives of one xs:choice.
var dtOrder = []string{"TaxRegistrationNumber", "CompanyName", "CompanyAddress", "DocumentNumber", "ATCUD", "ATDocCodeID",
	"MovementStatus", "MovementDate", "MovementType", "CustomerTaxID|SupplierTaxID", "CustomerAddress", "CustomerName",
	"AddressTo", "AddressFrom", "MovementEndTime", "MovementStartTime", "VehicleID", "Line"}

var (
	dtPostalRE  = regexp.MustCompile(`^[0-9]{4}-[0-9]{3}$`)
	dtNumberRE  = regexp.MustCompile(`^[a-zA-Z0-9./_\-]+ [a-zA-Z0-9]*/([0-9]+)$`)
	dtATCUDRE   = regexp.MustCompile(`^([A-Za-z0-9]{8,})-([0-9]+)$`)
	dtDateTimes = []string{"2006-01-02T15:04:05", "2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05.999999999Z07:00"}
)

// schemaCheck checks the request against the WSDL's types; a violation is
// answered -1 "Parâmetro de entrada inválido" with what is wrong.
func schemaCheck(root *node) string {
	pos := 0
	for _, c := range root.children {
		name := c.name.Local
		i := slices.IndexFunc(dtOrder[pos:], func(o string) bool { return slices.Contains(strings.Split(o, "|"), name) })
		if i < 0 {
			return "elemento inesperado " + name
		}
		pos += i
		if name != "Line" {
			pos++
		}
	}
	text := func(path string, v string, min, max int) string {
		n := len([]rune(v))
		if n < min || n > max {
			return fmt.Sprintf("%s com %d carateres (%d a %d)", path, n, min, max)
		}
		return ""
	}
	for _, req := range []string{"TaxRegistrationNumber", "CompanyName", "CompanyAddress", "DocumentNumber", "MovementStatus", "MovementDate", "MovementType", "AddressFrom", "MovementStartTime", "Line"} {
		if root.child(req) == nil {
			return req + " em falta"
		}
	}
	for _, f := range []struct {
		name     string
		min, max int
	}{{"CompanyName", 1, 100}, {"DocumentNumber", 1, 60}, {"ATCUD", 1, 100}, {"ATDocCodeID", 1, 200},
		{"CustomerTaxID", 1, 20}, {"SupplierTaxID", 1, 20}, {"CustomerName", 1, 100}, {"VehicleID", 1, 32}} {
		if c := root.child(f.name); c != nil {
			if m := text(f.name, c.text, f.min, f.max); m != "" {
				return m
			}
		}
	}
	if v := root.get("TaxRegistrationNumber"); len(v) != 9 || !isDigits(v) || v[0] == '0' {
		return "TaxRegistrationNumber inválido"
	}
	for _, a := range []string{"CompanyAddress", "CustomerAddress", "AddressTo", "AddressFrom"} {
		n := root.child(a)
		if n == nil {
			continue
		}
		for _, c := range n.children {
			v := strings.TrimSpace(c.text)
			switch c.name.Local {
			case "Addressdetail":
				if m := text(a+"/Addressdetail", c.text, 1, 210); m != "" {
					return m
				}
			case "City":
				if m := text(a+"/City", c.text, 1, 50); m != "" {
					return m
				}
			case "PostalCode":
				if !dtPostalRE.MatchString(v) {
					return a + "/PostalCode inválido"
				}
			case "Country":
				if v != "PT" {
					return a + "/Country deve ser PT"
				}
			default:
				return "elemento inesperado " + a + "/" + c.name.Local
			}
		}
	}
	if _, err := time.Parse(time.DateOnly, root.get("MovementDate")); err != nil {
		return "MovementDate inválida"
	}
	for _, t := range []string{"MovementStartTime", "MovementEndTime"} {
		if c := root.child(t); c != nil {
			if _, ok := parseDateTime(c.text); !ok {
				return t + " inválida"
			}
		}
	}
	if !slices.Contains([]string{"GR", "GT", "GA", "GC", "GD"}, root.get("MovementType")) {
		return "MovementType inválido"
	}
	for i, l := range root.all("Line") {
		p := fmt.Sprintf("Line[%d]", i+1)
		if m := text(p+"/ProductDescription", l.get("ProductDescription"), 1, 200); m != "" {
			return m
		}
		if m := text(p+"/UnitOfMeasure", l.get("UnitOfMeasure"), 1, 20); m != "" {
			return m
		}
		if _, ok := dec(l.get("Quantity")); !ok {
			return p + "/Quantity inválida"
		}
		if _, ok := dec(l.get("UnitPrice")); !ok {
			return p + "/UnitPrice inválido"
		}
	}
	return ""
}

func parseDateTime(v string) (time.Time, bool) {
	for _, l := range dtDateTimes {
		if t, err := time.ParseInLocation(l, strings.TrimSpace(v), time.UTC); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func (s *Server) applyTransport(nif string, root *node) ([]dtStatus, *TransportDocument) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[TransportOperation]++
	if m := schemaCheck(root); m != "" {
		return []dtStatus{{-1, "Parâmetro de entrada inválido: " + m}}, nil
	}
	sender := root.get("TaxRegistrationNumber")
	if sender != nif {
		return []dtStatus{{-7, "O NIF do Remetente não corresponde ao NIF do Header do pedido"}}, nil
	}
	if s.inactive[sender] {
		return []dtStatus{{-10, "O Remetente não tem atividade registada"}}, nil
	}
	status := root.get("MovementStatus")
	if !slices.Contains([]string{"N", "T", "A"}, status) {
		return []dtStatus{{-5, "Estado de Documento de Transporte inválido"}}, nil
	}
	recipient := root.get("CustomerTaxID")
	if recipient == "" {
		recipient = root.get("SupplierTaxID")
	}
	if recipient != "" && !validNIF(recipient) {
		return []dtStatus{{-20, "O NIF do destinatário não é válido."}}, nil
	}
	for _, l := range root.all("Line") {
		if q, _ := dec(l.get("Quantity")); !q.IsPositive() {
			return []dtStatus{{-1, "Parâmetro de entrada inválido: Quantity"}}, nil
		}
		if p, _ := dec(l.get("UnitPrice")); p.IsNegative() {
			return []dtStatus{{-1, "Parâmetro de entrada inválido: UnitPrice"}}, nil
		}
	}
	now := s.now()
	// The start is a local time without zone; the server's clock is read
	// in Lisbon's legal time to compare them.
	nowLocal := now.In(civil.Lisbon)
	nowWall := time.Date(nowLocal.Year(), nowLocal.Month(), nowLocal.Day(), nowLocal.Hour(), nowLocal.Minute(), nowLocal.Second(), 0, time.UTC)
	start, _ := parseDateTime(root.get("MovementStartTime"))
	if start.After(nowWall.AddDate(0, 3, 0)) {
		return []dtStatus{{-21, "O documento deve ser comunicado com um máximo de 3 meses de antecedência."}}, nil
	}
	if start.Before(nowWall.AddDate(0, -3, 0)) {
		return []dtStatus{{-17, "A comunicação de documentos só é permitida até 3 meses após o início do transporte"}}, nil
	}
	if s.transport == nil {
		s.transport = map[string]map[string]*TransportDocument{}
	}
	book := s.transport[nif]
	if book == nil {
		book = map[string]*TransportDocument{}
		s.transport[nif] = book
	}
	number := root.get("DocumentNumber")
	m := dtNumberRE.FindStringSubmatch(number)
	if m == nil {
		return []dtStatus{{-20002, "Dados recebidos com um formato inválido (número documento e /ou atcud)"}}, nil
	}
	atcud := root.get("ATCUD")
	var st []dtStatus
	if atcud == "" {
		st = append(st, dtStatus{0, "O documento não apresenta um ATCUD válido. Para efeitos de controlo de bens em circulação, deverá fazer-se acompanhar do documento de transporte impresso."})
	} else {
		a := dtATCUDRE.FindStringSubmatch(atcud)
		switch {
		case a == nil:
			return []dtStatus{{-22, "Código ATCUD inválido. ATCUD não preenchido ou formato inválido."}}, nil
		case strings.TrimLeft(a[2], "0") != strings.TrimLeft(m[1], "0"):
			return []dtStatus{{-20008, "Sequência do nº de Documento e do ATCUD diferentes"}}, nil
		}
		for _, d := range book {
			if d.ATCUD == atcud && d.DocumentNumber != number {
				return []dtStatus{{-24, "Código ATCUD inválido. ATCUD já se encontra associado a um documento de transporte."}}, nil
			}
		}
	}
	code := root.get("ATDocCodeID")
	if code == "" {
		if old, ok := book[number]; ok {
			if old.Status == "A" {
				return []dtStatus{{-4, "Já foi anulado o Documento de Transporte com o número fornecido"}}, nil
			}
			return []dtStatus{{-3, "Já foi inserido um Documento de Transporte com o número fornecido"}}, nil
		}
		if status == "A" {
			return []dtStatus{{-5, "Estado de Documento de Transporte inválido"}}, nil
		}
		s.codes++
		d := &TransportDocument{
			DocumentNumber: number, ATCUD: atcud, ATDocCodeID: transportCode(s.codes), Type: root.get("MovementType"),
			Status: status, Date: root.get("MovementDate"), Start: root.get("MovementStartTime"), Recipient: recipient,
			VehicleID: root.get("VehicleID"), Lines: len(root.all("Line")), Registered: now,
		}
		if start.Before(nowWall) {
			d.MereCommunication = true
			st = append(st, dtStatus{-100, "A data início de transporte é inferior à data atual, pelo que esta informação será considerada uma mera comunicação de dados à AT"})
		}
		book[number] = d
		if len(st) == 0 || st[0].code != 0 {
			st = append([]dtStatus{{0, "Documento registado com sucesso"}}, st...)
		}
		return st, d
	}
	// A change of a document AT coded.
	var d *TransportDocument
	for _, v := range book {
		if v.ATDocCodeID == code {
			d = v
		}
	}
	switch {
	case d == nil:
		return []dtStatus{{-8, "O Código AT está preenchido mas não existe Documento de Transporte"}}, nil
	case d.DocumentNumber != number:
		return []dtStatus{{-9, "O nº de Documento de Transporte é diferente do anteriormente fornecido"}}, nil
	case d.Status == "A":
		return []dtStatus{{-4, "Já foi anulado o Documento de Transporte com o número fornecido"}}, nil
	case d.Type != root.get("MovementType"):
		return []dtStatus{{-18, "O tipo de documento não pode ser alterado"}}, nil
	case d.Date != root.get("MovementDate"):
		return []dtStatus{{-16, "Não pode alterar a data de emissão do documento"}}, nil
	case d.Recipient != recipient:
		return []dtStatus{{-11, "O NIF do Adquirente não corresponde ao anteriormente fornecido"}}, nil
	}
	if old, _ := parseDateTime(d.Start); old.Before(nowWall) && status != "A" {
		return []dtStatus{{-13, "Não pode ser alterado um Documento de Transporte quando a Data de Início já decorreu"}}, nil
	}
	d.Status, d.Start, d.VehicleID, d.Lines = status, root.get("MovementStartTime"), root.get("VehicleID"), len(root.all("Line"))
	return []dtStatus{{0, "Documento registado com sucesso"}}, d
}

// transportCode is the n-th identification code a Server gives:
// deterministic, so examples can show it.
func transportCode(n int) string {
	return fmt.Sprintf("%09d", 100000000+(n*7919)%900000000)
}

// writeTransport answers as the WSDL says: the response element in the
// target namespace, its children unqualified.
func writeTransport(w http.ResponseWriter, st []dtStatus, d *TransportDocument) {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="` + nsSOAP + `"><S:Body>`)
	buf.WriteString(`<ns2:envioDocumentoTransporteResponseElem xmlns:ns2="` + nsTransport + `">`)
	for _, s := range st {
		fmt.Fprintf(&buf, "<ResponseStatus><ReturnCode>%d</ReturnCode><ReturnMessage>", s.code)
		_ = xml.EscapeText(&buf, []byte(s.msg))
		buf.WriteString("</ReturnMessage></ResponseStatus>")
	}
	if d != nil {
		elem := func(name, v string) {
			if v == "" {
				return
			}
			buf.WriteString("<" + name + ">")
			_ = xml.EscapeText(&buf, []byte(v))
			buf.WriteString("</" + name + ">")
		}
		elem("DocumentNumber", d.DocumentNumber)
		elem("ATCUD", d.ATCUD)
		elem("ATDocCodeID", d.ATDocCodeID)
	}
	buf.WriteString(`</ns2:envioDocumentoTransporteResponseElem></S:Body></S:Envelope>`)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}
