package attest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// The e-Fatura service (fatcorews): real-time communication of invoices,
// working documents and cash-VAT receipts (AT, "Comunicação dos elementos
// dos documentos de faturação à AT, por webservice", v1.0, June 2022). The
// simulator reads requests with its own XML tree, independently of
// atclient, and answers with the manual's codes (§2.2.4). A failed
// authentication gets the manual's code (1 to 20, 33, 99) the way AT's
// authentication system was seen to deliver it: in the detail of a SOAP
// fault (writeAuthFault), as for the series service, not in CodigoResposta
// where the manual lists it.

// EFaturaPath is the path of the e-Fatura service, as at AT.
const EFaturaPath = "/fatcorews/ws/"

const nsEFatura = "http://factemi.at.min_financas.pt/documents"

// EFaturaURL returns the URL of the e-Fatura service
// (atclient.Endpoints.EFatura).
func (s *Server) EFaturaURL() string { return s.srv.URL + EFaturaPath }

// EFaturaDocument is a communicated document as the server holds it, for
// tests that inspect the server's state.
type EFaturaDocument struct {
	Kind         string // "Invoice", "Work" or "Payment"
	Number       string // InvoiceNo, DocumentNumber or PaymentRefNo
	Date         string // InvoiceDate, WorkDate or TransactionDate
	Type         string // InvoiceType, WorkType or PaymentType
	Status       string // the last status communicated
	StatusDate   string
	GrossTotal   string
	Registered   time.Time
	Deleted      bool   // its communication was deleted
	DeleteReason string // the reason given
	canonical    string // the request's document data, to tell a repeat from a conflict
}

// efBook holds the documents of one issuer NIF, by kind and number.
type efBook map[string]*EFaturaDocument

func efKey(kind, number string) string { return kind + "\x00" + number }

// EFaturaDocuments returns a copy of the documents communicated for nif,
// sorted by kind and number.
func (s *Server) EFaturaDocuments(nif string) []EFaturaDocument {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []EFaturaDocument
	for _, d := range s.efatura[nif] {
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b EFaturaDocument) int {
		return strings.Compare(efKey(a.Kind, a.Number), efKey(b.Kind, b.Number))
	})
	return out
}

// node is an element of the request.
type node struct {
	name     xml.Name
	text     string
	children []*node
}

func (n *node) child(local string) *node {
	if n == nil {
		return nil
	}
	for _, c := range n.children {
		if c.name.Local == local {
			return c
		}
	}
	return nil
}

func (n *node) all(local string) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for _, c := range n.children {
		if c.name.Local == local {
			out = append(out, c)
		}
	}
	return out
}

// get follows a path of local names and returns the text, "" when absent.
func (n *node) get(path ...string) string {
	for _, p := range path {
		n = n.child(p)
	}
	if n == nil {
		return ""
	}
	return strings.TrimSpace(n.text)
}

// canonical writes n's subtree without prefixes or whitespace, to compare
// two communications of a document.
func (n *node) canonical(b *strings.Builder) {
	b.WriteString("<" + n.name.Local + ">")
	b.WriteString(strings.TrimSpace(n.text))
	for _, c := range n.children {
		c.canonical(b)
	}
	b.WriteString("</" + n.name.Local + ">")
}

// parseTree reads the Body's operation element. Every element must be in
// the WSDL's namespace (its schema is elementFormDefault="qualified").
func parseTree(body []byte) (*node, error) {
	return readTree(body, func(name xml.Name, _ bool) error {
		if name.Space != nsEFatura {
			return fmt.Errorf("element {%s}%s is not in %s", name.Space, name.Local, nsEFatura)
		}
		return nil
	})
}

// readTree reads the Body's one operation element into a tree of nodes,
// refusing an element for which check, told whether it is the operation
// element, returns an error.
func readTree(body []byte, check func(name xml.Name, top bool) error) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	var stack []*node
	var root *node
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not XML: %s", clip(err.Error()))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			top := len(stack) == 0
			if top && root != nil {
				return nil, fmt.Errorf("more than one element in Body")
			}
			if err := check(t.Name, top); err != nil {
				return nil, err
			}
			n := &node{name: t.Name}
			if top {
				root = n
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			}
			stack = append(stack, n)
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	if root == nil {
		return nil, fmt.Errorf("empty Body")
	}
	return root, nil
}

var efOperations = []string{"RegisterInvoice", "ChangeInvoiceStatus", "DeleteInvoice", "RegisterWork", "ChangeWorkStatus",
	"DeleteWork", "RegisterPayment", "ChangePaymentStatus", "DeletePayment"}

func (s *Server) serveEFatura(w http.ResponseWriter, r *http.Request) {
	data, ok := s.readRequest(w, r, "SOAP-ENV:Client")
	if !ok {
		return
	}
	var env envelope
	if err := xml.Unmarshal(data, &env); err != nil {
		writeFault(w, http.StatusInternalServerError, "SOAP-ENV:Client", "Could not access envelope: "+clip(err.Error()))
		return
	}
	root, err := parseTree(env.Body.Inner)
	op := ""
	if err == nil {
		op = strings.TrimSuffix(root.name.Local, "Request")
		if !slices.Contains(efOperations, op) || op == root.name.Local {
			writeFault(w, http.StatusInternalServerError, "SOAP-ENV:Client", fmt.Sprintf("No endpoint mapping found for {%s}%s", root.name.Space, root.name.Local))
			return
		}
	}
	var tok *token
	if env.Header.Security != nil {
		tok = env.Header.Security.Token
	}
	nif, code, msg := s.authenticateCoded(tok)
	if err != nil {
		// Without an operation element there is no response element to
		// answer in: a fault, as a Spring-WS server does.
		writeFault(w, http.StatusInternalServerError, "SOAP-ENV:Client", "Pedido SOAP inválido: "+err.Error())
		return
	}
	if code != 0 {
		writeAuthFault(w, code, msg)
		return
	}
	s.mu.Lock()
	s.requests[op]++
	s.mu.Unlock()
	f := s.takeFault(op)
	if f != nil && !f.AfterProcessing && s.efaturaFail(w, r, f, op) {
		return
	}
	code, msg = s.applyEFatura(nif, op, root)
	if f != nil && f.AfterProcessing && s.efaturaFail(w, r, f, op) {
		return
	}
	writeEFatura(w, op, code, msg, s.now())
}

func (s *Server) efaturaFail(w http.ResponseWriter, r *http.Request, f *Fault, op string) bool {
	if f.Kind == FaultTechnicalError {
		writeEFatura(w, op, -99, "Erro de sistema. Por favor volte a tentar mais tarde.", s.now())
		return true
	}
	return s.fail(w, r, f, op)
}

// authenticateCoded checks the header (shared by the series and e-Fatura
// services: one authentication system) and gives the manual's
// authentication code of a refusal (legacy invoice manual §4.3, e-Fatura
// manual §2.2.4) with its text.
func (s *Server) authenticateCoded(t *token) (string, int, string) {
	switch {
	case t == nil || strings.TrimSpace(t.Username) == "":
		return "", 1, "Utilizador não preenchido"
	case strings.TrimSpace(t.Password) == "":
		return "", 6, "Senha não preenchida"
	case strings.TrimSpace(t.Nonce) == "":
		return "", 20, "Chave do pedido não preenchida"
	case strings.TrimSpace(t.Created) == "":
		return "", 19, "Data de criação do pedido não preenchida"
	}
	user := strings.TrimSpace(t.Username)
	nif, sub, ok := strings.Cut(user, "/")
	switch {
	case !ok:
		return "", 4, "Utilizador com formato inválido"
	case len(nif) != 9:
		return "", 2, "Tamanho do utilizador incorreto"
	case !isDigits(nif):
		return "", 3, "NIF inválido"
	case !isDigits(sub):
		return "", 5, "Subutilizador com formato inválido"
	}
	nif, err := s.authenticate(t)
	if err == nil {
		return nif, 0, ""
	}
	// The shared check says what failed in words; the e-Fatura manual has
	// a code for each.
	reason := err.Error()
	switch {
	case strings.Contains(reason, "not base64"):
		return "", 7, "Codificação Base64 inválida"
	case strings.HasPrefix(reason, "Nonce does not decrypt"):
		return "", 8, "Cifra da chave pública inválida"
	case strings.HasPrefix(reason, "Password:"):
		return "", 17, "Chave de sessão inválida. Não foi possível decifrar o campo Password"
	case strings.Contains(reason, "is not a UTC ISO 8601 time"):
		return "", 9, "Formato do campo Created inválido"
	case strings.HasPrefix(reason, "Created:"):
		return "", 16, "Chave de sessão inválida. Não foi possível decifrar o campo Created"
	case strings.Contains(reason, "away from the server's time"):
		return "", 10, "Validade da credencial expirada"
	case strings.Contains(reason, "already used"):
		return "", 12, "Chave simétrica repetida"
	case strings.Contains(reason, "authentication failed"):
		return "", 99, "Erro na validação da senha (Senha errada, acesso suspenso, etc.)"
	}
	return "", 33, "Pedido SOAP inválido"
}

// kinds: the names of each document kind's elements and codes.
type efKind struct {
	kind, data, header, number, date, typ, statusElem string
	types, statuses, newStatuses                      []string
	// codes of RegisterX
	dup, conflict, badDate, badType, badStatus, anomalous, invalid, missing int
	// codes of ChangeXStatus
	notFound, changeStatus, changeDate, changeInvalid int
	// code of DeleteX for invalid input
	deleteInvalid int
}

var efKinds = map[string]*efKind{
	"Invoice": {kind: "Invoice", data: "InvoiceData", header: "InvoiceHeader", number: "InvoiceNo", date: "InvoiceDate", typ: "InvoiceType", statusElem: "InvoiceStatus",
		types: []string{"FT", "NC", "ND", "FS", "FR", "RP", "RE", "CS", "LD", "RA"}, statuses: []string{"N", "A", "F", "S"}, newStatuses: []string{"N", "A", "F"},
		dup: -10, conflict: -3, badDate: -4, badType: -5, badStatus: -6, anomalous: -7, invalid: -28, missing: -50,
		notFound: -11, changeStatus: -12, changeDate: -12, changeInvalid: -31, deleteInvalid: -34},
	"Work": {kind: "Work", data: "WorkData", header: "WorkHeader", number: "DocumentNumber", date: "WorkDate", typ: "WorkType", statusElem: "WorkStatus",
		types: []string{"CM", "CC", "FC", "FO", "NE", "OU", "OR", "PF", "RP", "RE", "CS", "LD", "RA"}, statuses: []string{"N", "A", "F"}, newStatuses: []string{"N", "A", "F"},
		dup: -22, conflict: -22, badDate: -21, badType: -29, badStatus: -29, anomalous: -20, invalid: -29, missing: -51,
		notFound: -19, changeStatus: -37, changeDate: -43, changeInvalid: -32, deleteInvalid: -35},
	"Payment": {kind: "Payment", data: "PaymentData", header: "PaymentHeader", number: "PaymentRefNo", date: "TransactionDate", typ: "PaymentType", statusElem: "PaymentStatus",
		types: []string{"RC"}, statuses: []string{"N", "A"}, newStatuses: []string{"N", "A"},
		dup: -25, conflict: -25, badDate: -24, badType: -30, badStatus: -30, anomalous: -23, invalid: -30, missing: -30,
		notFound: -38, changeStatus: -33, changeDate: -27, changeInvalid: -33, deleteInvalid: -36},
}

// exemptionCodes are the codes of the manual's table (§2.2.2.1).
var exemptionCodes = []string{"M01", "M02", "M04", "M05", "M06", "M07", "M09", "M10", "M11", "M12", "M13", "M14", "M15", "M16",
	"M19", "M20", "M21", "M25", "M30", "M31", "M32", "M33", "M40", "M41", "M42", "M43", "M99"}

func (s *Server) applyEFatura(nif, op string, root *node) (int, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[op]++
	var kind *efKind
	for name, k := range efKinds {
		if strings.HasSuffix(op, name) || strings.HasSuffix(op, name+"Status") {
			kind = k
		}
	}
	if root.get("eFaturaMDVersion") != "0.0.1" {
		return kind.invalid, "Valores de entrada inválidos: eFaturaMDVersion"
	}
	issuer := root.get("TaxRegistrationNumber")
	if !validNIF(issuer) {
		return -17, "NIF inválido"
	}
	if issuer != nif {
		return -16, "Utilizador não tem permissões para registar documentos com o NIF de emitente indicado"
	}
	if s.efatura == nil {
		s.efatura = map[string]efBook{}
	}
	b := s.efatura[nif]
	if b == nil {
		b = efBook{}
		s.efatura[nif] = b
	}
	today := s.now().UTC().Format(time.DateOnly)
	switch {
	case strings.HasPrefix(op, "Register"):
		return s.efRegister(b, kind, root.child(kind.data), today)
	case strings.HasPrefix(op, "Change"):
		return efChange(b, kind, root.child(kind.header), root.child(kind.statusElem), s.now())
	default:
		return efDelete(b, kind, root)
	}
}

func validNIF(v string) bool {
	if len(v) != 9 || !isDigits(v) || v[0] == '0' {
		return false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(v[i]-'0') * (9 - i)
	}
	check := 11 - sum%11
	if check >= 10 {
		check = 0
	}
	return int(v[8]-'0') == check
}

func dec(v string) (decimal.Decimal, bool) {
	d, err := decimal.NewFromString(strings.TrimSpace(v))
	return d, err == nil
}

func (s *Server) efRegister(b efBook, k *efKind, data *node, today string) (int, string) {
	if data == nil {
		return k.missing, "Parâmetros de entrada obrigatórios em falta: " + k.data
	}
	status := data.child("DocumentStatus")
	var missing []string
	for _, f := range []string{k.number, "ATCUD", k.date, k.typ, "CustomerTaxID", "CustomerTaxIDCountry", "SystemEntryDate"} {
		if data.get(f) == "" {
			missing = append(missing, f)
		}
	}
	if status.get(k.statusElem) == "" {
		missing = append(missing, "DocumentStatus")
	}
	if len(data.all("LineSummary")) == 0 {
		missing = append(missing, "LineSummary")
	}
	if data.child("DocumentTotals") == nil {
		missing = append(missing, "DocumentTotals")
	}
	if len(missing) > 0 {
		return k.missing, "Parâmetros de entrada obrigatórios em falta: " + strings.Join(missing, ", ")
	}
	if !slices.Contains(k.types, data.get(k.typ)) {
		return k.badType, "Tipo de documento inválido: " + data.get(k.typ)
	}
	if !slices.Contains(k.statuses, status.get(k.statusElem)) {
		return k.badStatus, "Estado de documento inválido: " + status.get(k.statusElem)
	}
	date := data.get(k.date)
	if _, err := time.Parse(time.DateOnly, date); err != nil || date > today {
		return k.badDate, "Data de emissão inválida: " + date
	}
	if sd := status.get(k.statusElem + "Date"); len(sd) < 10 || sd[:10] > today {
		if k.kind == "Work" {
			return -45, "A data de estado do documento não pode ser posterior à data atual"
		}
		return k.invalid, "Valores de entrada inválidos: data de estado"
	}
	for _, l := range data.all("LineSummary") {
		tax := l.child("Tax")
		if k.kind == "Invoice" && tax == nil {
			return k.missing, "Parâmetros de entrada obrigatórios em falta: Tax"
		}
		ex := l.get("TaxExemptionCode")
		zero := tax != nil && (tax.get("TaxPercentage") != "" || tax.get("TotalTaxAmount") != "")
		if zero {
			v, _ := dec(tax.get("TaxPercentage") + tax.get("TotalTaxAmount"))
			zero = v.IsZero()
		}
		if k.kind == "Invoice" && ((zero && ex == "") || (ex != "" && !slices.Contains(exemptionCodes, ex))) {
			return -8, "Código de motivo de isenção inválido: " + ex
		}
	}
	t := data.child("DocumentTotals")
	tp, ok1 := dec(t.get("TaxPayable"))
	nt, ok2 := dec(t.get("NetTotal"))
	gt, ok3 := dec(t.get("GrossTotal"))
	if !ok1 || !ok2 || !ok3 {
		return k.invalid, "Valores de entrada inválidos: DocumentTotals"
	}
	if !tp.Add(nt).Sub(gt).Abs().LessThanOrEqual(decimal.RequireFromString("0.01")) {
		return k.anomalous, "Documento inválido por valores anómalos: GrossTotal diferente de NetTotal + TaxPayable"
	}
	var cb strings.Builder
	data.canonical(&cb)
	key := efKey(k.kind, data.get(k.number))
	if old, ok := b[key]; ok && !old.Deleted {
		if old.canonical == cb.String() {
			return k.dup, "O documento já foi registado pelo emitente"
		}
		return k.conflict, "Documento registado com valores diferentes"
	}
	b[key] = &EFaturaDocument{
		Kind: k.kind, Number: data.get(k.number), Date: date, Type: data.get(k.typ),
		Status: status.get(k.statusElem), StatusDate: status.get(k.statusElem + "Date"),
		GrossTotal: t.get("GrossTotal"), Registered: s.now(), canonical: cb.String(),
	}
	return 0, "Operação efetuada com sucesso"
}

func efChange(b efBook, k *efKind, h, st *node, now time.Time) (int, string) {
	if h == nil || st == nil || h.get(k.number) == "" {
		return k.changeInvalid, "Valores de entrada inválidos"
	}
	d, ok := b[efKey(k.kind, h.get(k.number))]
	if !ok || d.Deleted {
		return k.notFound, "O documento não existe"
	}
	if h.get(k.date) != d.Date || h.get(k.typ) != d.Type {
		return k.changeInvalid, "Valores de entrada inválidos: as características do documento não coincidem com as registadas"
	}
	ns, date := st.get(k.statusElem), st.get(k.statusElem+"Date")
	if !slices.Contains(k.newStatuses, ns) {
		return k.changeStatus, "Estado de documento inválido: " + ns
	}
	if d.Status == "A" && ns != "A" && k.kind == "Work" {
		return -37, "Alteração de estado não permitida"
	}
	// Status dates are local times without zone; compare as text, which
	// orders ISO dates.
	if date < d.StatusDate || (len(date) >= 10 && date[:10] > now.UTC().Format(time.DateOnly)) {
		return k.changeDate, "A data de estado do documento não pode ser posterior à data atual nem anterior à última data de estado já comunicada"
	}
	d.Status, d.StatusDate = ns, date
	return 0, "Operação efetuada com sucesso"
}

func efDelete(b efBook, k *efKind, root *node) (int, string) {
	list, rng := root.child("documentsList"), root.child("dateRange")
	reason := root.get("reason")
	if n := len([]rune(reason)); n < 10 || n > 500 {
		return k.deleteInvalid, "Valores de entrada inválidos: reason"
	}
	if rng != nil {
		start, end := rng.get("StartDate"), rng.get("EndDate")
		switch {
		case start == "":
			return 474, "Data de início não preenchida"
		case end == "":
			return 475, "Data de fim não preenchida"
		}
		if _, err := time.Parse(time.DateOnly, start); err != nil {
			return 484, "Formato de data de início não respeitado. Deve ser 'YYYY-MM-DD'"
		}
		if _, err := time.Parse(time.DateOnly, end); err != nil {
			return 485, "Formato de data de fim não respeitado. Deve ser 'YYYY-MM-DD'"
		}
		if start[:4] != end[:4] {
			return 401, fmt.Sprintf("A lista de documentos a eliminar apresenta documentos de %s e de %s", start[:4], end[:4])
		}
		for _, d := range b {
			if d.Kind == k.kind && !d.Deleted && d.Date >= start && d.Date <= end {
				d.Deleted, d.DeleteReason = true, reason
			}
		}
		return 0, "Operação efetuada com sucesso"
	}
	if list == nil || len(list.children) == 0 {
		return 477, "Não foi preenchida a lista de documentos a eliminar"
	}
	seen := map[string]bool{}
	years := map[string]bool{}
	var found []*EFaturaDocument
	for _, h := range list.children {
		num, date := h.get(k.number), h.get(k.date)
		switch {
		case num == "":
			return 480, "Número de documento não indicado"
		case len([]rune(num)) > 60:
			return 483, "Tamanho do número de documento superior ao limite permitido"
		case date == "":
			return 479, "Data de emissão do documento não indicada"
		case h.get(k.typ) == "":
			return 481, "Tipo do documento não indicado"
		case h.get("CustomerTaxID") == "":
			return 482, "Adquirente do documento não indicado"
		}
		if _, err := time.Parse(time.DateOnly, date); err != nil {
			return 486, "Formato de data de emissão não respeitado. Deve ser 'YYYY-MM-DD'"
		}
		if seen[num] {
			return 491, "A lista de documentos a eliminar apresenta documentos repetidos"
		}
		seen[num] = true
		years[date[:4]] = true
		d, ok := b[efKey(k.kind, num)]
		if !ok || d.Deleted || d.Date != date {
			return 478, "Não existe o documento identificado " + num
		}
		found = append(found, d)
	}
	if len(years) > 1 {
		ys := make([]string, 0, len(years))
		for y := range years {
			ys = append(ys, y)
		}
		slices.Sort(ys)
		return 401, "A lista de documentos a eliminar apresenta documentos de " + strings.Join(ys, " e de ")
	}
	for _, d := range found {
		d.Deleted, d.DeleteReason = true, reason
	}
	return 0, "Operação efetuada com sucesso"
}

// writeEFatura answers as the WSDL says: the response element and its
// content in the target namespace.
func writeEFatura(w http.ResponseWriter, op string, code int, msg string, now time.Time) {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="` + nsSOAP + `"><SOAP-ENV:Header/><SOAP-ENV:Body>`)
	buf.WriteString(`<ns2:` + op + `Response xmlns:ns2="` + nsEFatura + `"><ns2:Response><ns2:CodigoResposta>`)
	fmt.Fprintf(&buf, "%d", code)
	buf.WriteString(`</ns2:CodigoResposta><ns2:Mensagem>`)
	_ = xml.EscapeText(&buf, []byte(msg))
	buf.WriteString(`</ns2:Mensagem><ns2:DataOperacao>` + now.UTC().Format("2006-01-02T15:04:05.000Z") + `</ns2:DataOperacao></ns2:Response></ns2:` + op + `Response></SOAP-ENV:Body></SOAP-ENV:Envelope>`)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}
