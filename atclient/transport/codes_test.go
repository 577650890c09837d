package transport

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
)

// manualCodes is the manual's table of return codes (§4.2, "Documentos de
// transporte - Resposta ao pedido SOAP"), number and text as printed.
var manualCodes = []struct {
	code int
	text string
}{
	{0, "Documento registado com sucesso"},
	{1, "Utilizador não preenchido"}, {2, "Tamanho do utilizador incorreto"}, {3, "NIF inválido"},
	{4, "Utilizador com formato inválido"}, {5, "Subutilizador com formato inválido"}, {6, "Senha não preenchida"},
	{7, "Codificação Base64 inválida"}, {8, "Cifra da chave pública inválida"}, {9, "Timestamp não preenchido"},
	{10, "Formato do timestamp inválido"}, {11, "Validade da credencial expirada"}, {12, "Chave simétrica não preenchida"},
	{13, "Chave simétrica repetida"}, {14, "Digest da senha não preenchido"}, {15, "O Digest não corresponde ao esperado"},
	{16, "Chave de sessão inválida. Não foi possível decifrar o campo Created"},
	{17, "Chave de sessão inválida. Não foi possível decifrar o campo Password"},
	{18, "Chave de sessão inválida. Não foi possível decifrar o campo Digest"},
	{19, "Data de criação do pedido não preenchida"}, {20, "Chave do pedido não preenchida"}, {33, "Pedido SOAP inválido"},
	{50, "Header inexistente ou vazio"}, {51, "O NIF não está preenchido no Header"},
	{52, "Não foi possível verificar se o utilizador tem permissões para aceder a esta operação"},
	{54, "Não tem permissões para aceder a esta operação"},
	{99, "Erro na validação da senha (Senha errada, acesso suspenso, etc.)"},
	{-100, "A data início de transporte é inferior à data atual, pelo que esta informação será considerada uma mera comunicação de dados à AT"},
	{-1, "Parâmetro de entrada inválido"},
	{-2, "O número do Documento Global não corresponde a nenhum Documento de Transporte existente"},
	{-3, "Já foi inserido um Documento de Transporte com o número fornecido"},
	{-4, "Já foi anulado o Documento de Transporte com o número fornecido"},
	{-5, "Estado de Documento de Transporte inválido"},
	{-6, "A Data de início de transporte não pode ser anterior à data atual"},
	{-7, "O NIF do Remetente não corresponde ao NIF do Header do pedido"},
	{-8, "O Código AT está preenchido mas não existe Documento de Transporte"},
	{-9, "O nº de Documento de Transporte é diferente do anteriormente fornecido"},
	{-10, "O Remetente não tem atividade registada"},
	{-11, "O NIF do Adquirente não corresponde ao anteriormente fornecido"},
	{-12, "Não foi possível verificar se o Remetente tem atividade aberta"},
	{-13, "Não pode ser alterado um Documento de Transporte quando a Data de Início já decorreu"},
	{-14, "As referências de Documento Global para Documentos com tipo de emissão 4, têm que ser do tipo 3"},
	{-15, "Não pode adicionar referências para outros documentos, uma vez que este documento já é referenciado por documentos parciais"},
	{-16, "Não pode alterar a data de emissão do documento"},
	{-17, "A comunicação de documentos só é permitida até 3 meses após o início do transporte"},
	{-18, "O tipo de documento não pode ser alterado"},
	{-19, "O NIF do Remetente não corresponde ao anteriormente fornecido"},
	{-20, "O NIF do destinatário não é válido"},
	{-21, "O documento deve ser comunicado com um máximo de 3 meses de antecedência"},
	{-22, "Código ATCUD inválido. ATCUD não preenchido ou formato inválido"},
	{-23, "Código ATCUD inválido. ATCUD não corresponde a série válida"},
	{-24, "Código ATCUD inválido. ATCUD já se encontra associado a um documento de transporte"},
	{-25, "Código ATCUD inválido. Não foi possível verificar se o ATCUD corresponde a uma série válida"},
	{-26, "Código ATCUD inválido. ATCUD indicado não pertence ao documento"},
	{-27, "Código ATCUD inválido. Código pertence a uma série interna e reservada da aplicação SGDT"},
	{-99, "Erro interno"},
	{-20001, "Dados recebidos insuficientes (todos os parâmetros são obrigatórios)"},
	{-20002, "Dados recebidos com um formato inválido (número documento e /ou atcud)"},
	{-20005, "Par NIF/Código de Validação inválido para Classe/Tipo de Documento"},
	{-20006, "Conjunto NIF/Código de Validação/Classe/Tipo de Documento existente, mas não vigente à data do Documento"},
	{-20007, "Par Série/Código de Validação inválido"},
	{-20008, "Sequência do nº de Documento e do ATCUD diferentes"},
	{-20009, "Sequência do nº de Documento inválida para o intervalo comunicado"},
	{-20000, "Erro não esperado inespecífico"},
}

func TestReturnCodesAreTheManuals(t *testing.T) {
	var got []ReturnCode
	for _, c := range manualCodes {
		got = append(got, ReturnCode(c.code))
		rc := ReturnCode(c.code)
		assert.True(t, rc.Valid(), c.code)
		assert.Equal(t, c.text, rc.Meaning(), c.code)
		assert.NotEmpty(t, rc.MeaningEN(), c.code)
		assert.Equal(t, c.code > 0, rc.Authentication(), c.code)
		assert.Equal(t, c.code == 0 || c.code == -100, rc.Accepted(), c.code)
	}
	assert.Equal(t, got, ReturnCode(0).Values())
	assert.False(t, ReturnCode(-28).Valid())
	assert.Empty(t, ReturnCode(-28).Meaning())
	assert.Equal(t, "-28", ReturnCode(-28).String())
	assert.Equal(t, "-3 (a transport document of this number is already registered)", CodeAlreadyRegistered.String())
}

// answer is an answer of the service as the manual's response table
// describes it (§4.2): ResponseStatus (ReturnCode, ReturnMessage),
// DocumentNumber, ATCUD, ATDocCodeID, children unqualified.
func answer(statuses string, rest string) []byte {
	return []byte(`<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>` +
		`<ns2:envioDocumentoTransporteResponseElem xmlns:ns2="` + ns + `">` + statuses + rest +
		`</ns2:envioDocumentoTransporteResponseElem></S:Body></S:Envelope>`)
}

func status(code int, msg string) string {
	return fmt.Sprintf("<ResponseStatus><ReturnCode>%d</ReturnCode><ReturnMessage>%s</ReturnMessage></ResponseStatus>", code, msg)
}

// TestDecodeEveryCode: each of the manual's codes, in an answer of the
// WSDL's shape, becomes a Receipt (0, -100) or an *Error of that code.
func TestDecodeEveryCode(t *testing.T) {
	const rest = `<DocumentNumber>GT GT2026/1</DocumentNumber><ATCUD>CSDF7T5H-1</ATCUD><ATDocCodeID>ABC123456</ATDocCodeID>`
	for _, c := range manualCodes {
		rec, err := decodeAnswer(200, answer(status(c.code, c.text), rest))
		if c.code == 0 || c.code == -100 {
			require.NoError(t, err, c.code)
			assert.Equal(t, "ABC123456", rec.ATDocCodeID)
			assert.Equal(t, "GT GT2026/1", rec.DocumentNumber)
			assert.Equal(t, "CSDF7T5H-1", rec.ATCUD)
			assert.Equal(t, []Status{{ReturnCode(c.code), c.text}}, rec.Statuses)
			assert.Equal(t, c.code == -100, rec.MereCommunication())
			continue
		}
		var e *Error
		require.True(t, errors.As(err, &e), "%d: %v", c.code, err)
		assert.Equal(t, ReturnCode(c.code), e.Code)
		assert.Equal(t, c.text, e.Message)
		assert.Contains(t, err.Error(), fmt.Sprint(c.code))
		assert.Equal(t, c.code > 0, errors.Is(err, ErrAuthentication), c.code)
		assert.Equal(t, c.code == -3, errors.Is(err, ErrAlreadyRegistered), c.code)
		assert.Equal(t, ReturnCode(c.code).Temporary(), errors.Is(err, ErrTryLater), c.code)
		assert.Equal(t, c.code == -99, uncertain(err), c.code)
	}
}

// TestDecodeShapes: several statuses, qualified children, the
// authentication fault, and what is not an answer.
func TestDecodeShapes(t *testing.T) {
	rec, err := decodeAnswer(200, answer(status(0, "Documento registado com sucesso")+status(-100, "mera comunicação"), `<ATDocCodeID>X1</ATDocCodeID>`))
	require.NoError(t, err)
	assert.True(t, rec.MereCommunication())
	assert.Len(t, rec.Statuses, 2)

	_, err = decodeAnswer(200, answer(status(0, "ok")+status(-24, "ATCUD usado"), ""))
	var e *Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, CodeATCUDUsed, e.Code)
	assert.Len(t, e.Statuses, 2)

	q := []byte(`<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:envioDocumentoTransporteResponseElem xmlns:ns2="` + ns + `">` +
		`<ns2:ResponseStatus><ns2:ReturnCode> 0 </ns2:ReturnCode></ns2:ResponseStatus><ns2:ATDocCodeID>Q9</ns2:ATDocCodeID></ns2:envioDocumentoTransporteResponseElem></S:Body></S:Envelope>`)
	rec, err = decodeAnswer(200, q)
	require.NoError(t, err)
	assert.Equal(t, "Q9", rec.ATDocCodeID)

	auth := []byte(`<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns="x"><SOAP-ENV:Body><SOAP-ENV:Fault>` +
		`<faultcode>Client.Authentication</faultcode><faultstring>Ocorreu um erro na autenticação dos contribuintes.</faultstring>` +
		`<detail><ns:AuthenticationException><AuthenticationFailed><Code>11</Code><Message>Validade da credencial expirada</Message></AuthenticationFailed></ns:AuthenticationException></detail>` +
		`</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`)
	_, err = decodeAnswer(500, auth)
	require.True(t, errors.As(err, &e))
	assert.Equal(t, CodeCredentialExpired, e.Code)
	assert.ErrorIs(t, err, ErrAuthentication)
	assert.False(t, uncertain(err))

	for name, b := range map[string][]byte{
		"no status":       answer("", `<ATDocCodeID>X</ATDocCodeID>`),
		"no code":         answer(`<ResponseStatus><ReturnMessage>x</ReturnMessage></ResponseStatus>`, ""),
		"code not number": answer(`<ResponseStatus><ReturnCode>zero</ReturnCode></ResponseStatus>`, ""),
		"other element":   []byte(`<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><x:Other xmlns:x="` + ns + `"/></S:Body></S:Envelope>`),
		"not XML":         []byte("<html>"),
	} {
		_, err := decodeAnswer(200, b)
		var me *atclient.MalformedResponseError
		assert.True(t, errors.As(err, &me), "%s: %v", name, err)
		assert.True(t, uncertain(err), name)
	}
}

// TestHeaderAsTheManualsExample: the header the client sends has the
// elements, namespace and forms of the manual's example (§4.1): the
// Username NIF/sub-user, and Password, Nonce and Created in base64, the
// Nonce an RSA block.
func TestHeaderAsTheManualsExample(t *testing.T) {
	example, err := os.ReadFile("testdata/manual_header.xml")
	require.NoError(t, err)
	s := newSim(t, nil, nil)
	_, err = s.client.Communicate(testCtx(t), testDocument())
	require.NoError(t, err)
	sent := s.srv.Received()
	require.Len(t, sent, 1)
	i := bytes.Index(sent[0], []byte("<S:Header>"))
	j := bytes.Index(sent[0], []byte("</S:Header>"))
	require.True(t, i >= 0 && j > i)
	ours := append([]byte(`<S:Header xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">`), sent[0][i+len("<S:Header>"):j+len("</S:Header>")]...)

	want, wantText := elements(t, example)
	got, gotText := elements(t, ours)
	assert.Equal(t, want, got)
	assert.Equal(t, "599999993/37", wantText["Username"])
	assert.Equal(t, attest.DefaultNIF+"/"+attest.DefaultSubUser, gotText["Username"])
	// The manual prints Created without its base64 padding ("=");
	// decoded without it, every field is whole AES blocks (Password,
	// Created) or one RSA block (Nonce), ours as the manual's.
	raw := func(s string) []byte {
		b, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(strings.Join(strings.Fields(s), ""), "="))
		require.NoError(t, err, s)
		return b
	}
	for _, f := range []string{"Password", "Created"} {
		assert.Zero(t, len(raw(wantText[f]))%16, "manual %s", f)
		assert.Zero(t, len(raw(gotText[f]))%16, "our %s", f)
	}
	assert.Len(t, raw(wantText["Created"]), 32, "an ISO 8601 time of 2 AES blocks, as 2013-01-01T19:20:30.45Z")
	assert.Len(t, raw(wantText["Nonce"]), 256, "the manual's Nonce is a 2048-bit RSA block")
	assert.Len(t, raw(gotText["Nonce"]), 256, "the simulator's key is RSA 2048 too")
}

// elements lists the names of a fragment's elements in order, and the text
// of each leaf by local name.
func elements(t *testing.T, b []byte) ([]string, map[string]string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var names []string
	text := map[string]string{}
	var cur string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return names, text
		}
		require.NoError(t, err)
		switch tk := tok.(type) {
		case xml.StartElement:
			names = append(names, "{"+tk.Name.Space+"}"+tk.Name.Local)
			cur = tk.Name.Local
		case xml.CharData:
			if s := strings.TrimSpace(string(tk)); s != "" {
				text[cur] += s
			}
		}
	}
}
