package attest

import (
	"bytes"
	"crypto/aes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"encoding/base64"
	"encoding/xml"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawClient speaks to the server with a header built here, so that the
// server's checks can be exercised one by one.
type rawClient struct {
	t   *testing.T
	srv *Server
	hc  *http.Client
}

// testNow is the fixed clock of the tests' servers and headers: no test
// reads the wall clock, so none depends on the day or hour it runs.
var testNow = time.Date(2026, time.June, 1, 10, 0, 0, 0, time.UTC)

func newRaw(t *testing.T, opts ...Option) *rawClient {
	t.Helper()
	srv, err := New(append([]Option{WithClock(func() time.Time { return testNow })}, opts...)...)
	require.NoError(t, err)
	t.Cleanup(srv.Close)
	return &rawClient{t: t, srv: srv, hc: srv.HTTPClient()}
}

func ecb(key, plain []byte) string {
	b, _ := aes.NewCipher(key)
	n := 16 - len(plain)%16
	buf := append(append([]byte{}, plain...), bytes.Repeat([]byte{byte(n)}, n)...)
	for i := 0; i < len(buf); i += 16 {
		b.Encrypt(buf[i:i+16], buf[i:i+16])
	}
	return base64.StdEncoding.EncodeToString(buf)
}

// header builds a UsernameToken with key ks.
func (c *rawClient) header(ks []byte, user, password string, created time.Time) string {
	//lint:ignore SA1019 AT's protocol (generic manual §4.1, H.2)
	nonce, err := rsa.EncryptPKCS1v15(rand.Reader, c.srv.EncryptionKey(), ks)
	require.NoError(c.t, err)
	return `<S:Header><wss:Security xmlns:wss="http://schemas.xmlsoap.org/ws/2002/12/secext"><wss:UsernameToken>` +
		`<wss:Username>` + user + `</wss:Username><wss:Password>` + ecb(ks, []byte(password)) + `</wss:Password>` +
		`<wss:Nonce>` + base64.StdEncoding.EncodeToString(nonce) + `</wss:Nonce>` +
		`<wss:Created>` + ecb(ks, []byte(created.UTC().Format("2006-01-02T15:04:05.00Z"))) + `</wss:Created>` +
		`</wss:UsernameToken></wss:Security></S:Header>`
}

func newKey() []byte {
	k := make([]byte, 16)
	_, _ = rand.Read(k)
	return k
}

type answer struct {
	status int
	code   int
	msg    string
	fault  string
	infos  []infoXML
	// faultCode and authCode: the faultcode and, for a refused header,
	// the authentication code of AT's fault detail.
	faultCode string
	authCode  int
}

func (c *rawClient) post(header, body string) answer {
	c.t.Helper()
	env := `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">` + header + `<S:Body>` + body + `</S:Body></S:Envelope>`
	resp, err := c.hc.Post(c.srv.URL(), "text/xml; charset=utf-8", strings.NewReader(env))
	require.NoError(c.t, err)
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var out struct {
		Body struct {
			Fault *struct {
				Code     string `xml:"faultcode"`
				String   string `xml:"faultstring"`
				AuthCode int    `xml:"detail>AuthenticationException>AuthenticationFailed>Code"`
			} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Fault"`
			Inner []byte `xml:",innerxml"`
		} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Body"`
	}
	require.NoError(c.t, xml.Unmarshal(data, &out), string(data))
	a := answer{status: resp.StatusCode}
	if out.Body.Fault != nil {
		a.fault, a.faultCode, a.authCode = out.Body.Fault.String, out.Body.Fault.Code, out.Body.Fault.AuthCode
		return a
	}
	var op struct {
		Resp respXML `xml:",any"`
	}
	require.NoError(c.t, xml.Unmarshal(out.Body.Inner, &op), string(data))
	a.code, a.msg, a.infos = op.Resp.Result.Code, op.Resp.Result.Msg, op.Resp.Info
	return a
}

func (c *rawClient) ok() string {
	return c.header(newKey(), DefaultNIF+"/"+DefaultSubUser, DefaultPassword, testNow)
}

func register(id, start string) string {
	return `<at:registarSerie xmlns:at="http://at.gov.pt/"><serie>` + id + `</serie><tipoSerie>N</tipoSerie><classeDoc>SI</classeDoc>` +
		`<tipoDoc>FT</tipoDoc><numInicialSeq>1</numInicialSeq><dataInicioPrevUtiliz>` + start + `</dataInicioPrevUtiliz>` +
		`<numCertSWFatur>0</numCertSWFatur><meioProcessamento>PI</meioProcessamento></at:registarSerie>`
}

func today() string { return testNow.UTC().Format(time.DateOnly) }

func TestRegisterAnswer(t *testing.T) {
	c := newRaw(t)
	a := c.post(c.ok(), register("A", today()))
	require.Equal(t, 2001, a.code, a.msg)
	require.Len(t, a.infos, 1)
	assert.Equal(t, validationCode(1), a.infos[0].CodValidacaoSerie)
	assert.Contains(t, a.msg, a.infos[0].CodValidacaoSerie)
	assert.Equal(t, DefaultNIF, a.infos[0].NifComunicou)
	assert.Equal(t, 1, c.srv.Calls("registarSerie"))
}

func TestWSSecurityChecks(t *testing.T) {
	c := newRaw(t)
	user := DefaultNIF + "/" + DefaultSubUser
	body := `<at:consultarSeries xmlns:at="http://at.gov.pt/"/>`

	ks := newKey()
	h := c.header(ks, user, DefaultPassword, testNow)
	require.Equal(t, 2002, c.post(h, body).code)
	a := c.post(h, body)
	// Refusals have AT's shape: faultcode Client.Authentication and the
	// manual's code (legacy invoice manual §4.3) in the detail.
	assert.Equal(t, "Client.Authentication", a.faultCode)
	assert.Equal(t, "Ocorreu um erro na autenticação dos contribuintes.", a.fault)
	assert.Equal(t, 500, a.status)
	assert.Equal(t, 12, a.authCode, "a request key is used once")
	// Same key, new header: still refused.
	assert.Equal(t, 12, c.post(c.header(ks, user, DefaultPassword, testNow), body).authCode)

	assert.Equal(t, 99, c.post(c.header(newKey(), user, "wrong", testNow), body).authCode)
	assert.Equal(t, 99, c.post(c.header(newKey(), DefaultNIF+"/99", DefaultPassword, testNow), body).authCode)
	assert.Equal(t, 4, c.post(c.header(newKey(), "nobody", DefaultPassword, testNow), body).authCode)
	assert.Equal(t, 10, c.post(c.header(newKey(), user, DefaultPassword, testNow.Add(-6*time.Minute)), body).authCode)
	assert.Equal(t, 10, c.post(c.header(newKey(), user, DefaultPassword, testNow.Add(6*time.Minute)), body).authCode)
	assert.Equal(t, 1, c.post("", body).authCode)
	a = c.post(c.header(newKey(), user, DefaultPassword, testNow), body)
	assert.Equal(t, 2002, a.code, "a fresh, right header passes")
	assert.Equal(t, 2, c.srv.Calls("consultarSeries"))

	// The password encrypted under another key than the Nonce's.
	other := c.header(newKey(), user, DefaultPassword, testNow)
	mixed := c.header(newKey(), user, DefaultPassword, testNow)
	i, j := strings.Index(other, "<wss:Password>"), strings.Index(other, "</wss:Password>")
	k, l := strings.Index(mixed, "<wss:Password>"), strings.Index(mixed, "</wss:Password>")
	mixed = mixed[:k] + other[i:j] + mixed[l:]
	assert.NotEmpty(t, c.post(mixed, body).fault)
}

func TestSkewOption(t *testing.T) {
	fixed := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	c := newRaw(t, WithClock(func() time.Time { return fixed }), WithMaxClockSkew(time.Minute))
	user := DefaultNIF + "/" + DefaultSubUser
	body := `<at:consultarSeries xmlns:at="http://at.gov.pt/"/>`
	assert.Equal(t, 2002, c.post(c.header(newKey(), user, DefaultPassword, fixed.Add(50*time.Second)), body).code)
	assert.NotEmpty(t, c.post(c.header(newKey(), user, DefaultPassword, fixed.Add(70*time.Second)), body).fault)
}

func TestBodyNamespacesAsTheWSDL(t *testing.T) {
	c := newRaw(t)
	// The default namespace on the operation puts the children in it: AT
	// (JAX-WS) refuses with a SOAP fault.
	a := c.post(c.ok(), `<registarSerie xmlns="http://at.gov.pt/"><serie>A</serie></registarSerie>`)
	assert.Contains(t, a.fault, `unexpected element (uri:"http://at.gov.pt/", local:"serie")`)
	assert.Equal(t, 500, a.status)
	a = c.post(c.ok(), `<registarSerie><serie>A</serie></registarSerie>`)
	assert.Contains(t, a.fault, "Cannot find dispatch method")
	a = c.post(c.ok(), `<at:registarSerie xmlns:at="http://at.gov.pt/"><serie><b>A</b></serie></at:registarSerie>`)
	assert.Contains(t, a.fault, "unexpected element")
	a = c.post(c.ok(), `<at:registarSerie xmlns:at="http://at.gov.pt/"><foo>A</foo></at:registarSerie>`)
	assert.Contains(t, a.fault, "Expected elements are <{}serie>")
	assert.Equal(t, 0, c.srv.Calls("registarSerie"))
}

func TestRegisterRules(t *testing.T) {
	c := newRaw(t, WithUser(DefaultNIF, DefaultSubUser, DefaultPassword))
	for _, tc := range []struct {
		id   string
		code int
	}{
		{"A", 2001}, {"a", 4001}, {"A.B-C_D", 2001}, {strings.Repeat("Z", 35), 2001},
		{strings.Repeat("Y", 36), 4000}, {".A", 4003}, {"A.", 4003}, {"A..B", 4003}, {"A-_B", 4003},
		{"Ç", 4003}, {"A B", 4003}, {"", 4002},
	} {
		a := c.post(c.ok(), register(tc.id, today()))
		assert.Equal(t, tc.code, a.code, "%q: %s", tc.id, a.msg)
	}
	yesterday := testNow.AddDate(0, 0, -1).Format(time.DateOnly)
	assert.Equal(t, 4049, c.post(c.ok(), register("P", yesterday)).code)
	assert.Equal(t, 4000, c.post(c.ok(), register("P", "2026-13-01")).code)
	assert.Equal(t, 4000, c.post(c.ok(), strings.Replace(register("P", today()), ">1<", ">0<", 1)).code, "numInicialSeq ≥ 1")
	assert.Equal(t, 4000, c.post(c.ok(), strings.Replace(register("P", today()), "<numCertSWFatur>0", "<numCertSWFatur>10000", 1)).code)
	assert.Equal(t, 2001, c.post(c.ok(), strings.Replace(register("P", today()), ">1<", ">"+strings.Repeat("9", 25)+"<", 1)).code, "25 digits")
}

func TestValidationCodes(t *testing.T) {
	seen := map[string]bool{}
	for n := 1; n <= 50_000; n++ {
		code := validationCode(n)
		require.Len(t, code, 8)
		require.Equal(t, "", strings.Trim(code, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
		require.False(t, seen[code], "code %s repeated at %d", code, n)
		seen[code] = true
	}
}

func TestClientCertificateRequired(t *testing.T) {
	c := newRaw(t)
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: c.srv.RootCAs()}}}
	_, err := hc.Post(c.srv.URL(), "text/xml", strings.NewReader("<x/>"))
	require.Error(t, err)
}

func TestFaultQueue(t *testing.T) {
	c := newRaw(t)
	c.srv.InjectFault(Fault{Kind: FaultTechnicalError, Operation: "consultarSeries", Count: 2})
	body := `<at:consultarSeries xmlns:at="http://at.gov.pt/"/>`
	assert.Equal(t, 2001, c.post(c.ok(), register("A", today())).code, "other operations untouched")
	assert.Equal(t, 5000, c.post(c.ok(), body).code)
	assert.Equal(t, 5000, c.post(c.ok(), body).code)
	assert.Equal(t, 2002, c.post(c.ok(), body).code)
	c.srv.InjectFault(Fault{Kind: FaultSOAP})
	c.srv.ClearFaults()
	assert.Equal(t, 2002, c.post(c.ok(), body).code)
	assert.Equal(t, 4, c.srv.Requests("consultarSeries"))
	assert.Equal(t, 2, c.srv.Calls("consultarSeries"))
}
