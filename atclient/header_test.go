package atclient

import (
	"crypto/rsa"
	"encoding/base64"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/series"
)

// The header on the wire, decrypted in the test with the private key of the
// key pair the client was given in place of AT's: the username in clear, the
// password and the Created of the injected clock, a new key each request.
func TestHeaderOnTheWireDecrypts(t *testing.T) {
	var mu sync.Mutex
	var bodies [][]byte
	var soapAction []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, b)
		soapAction = append(soapAction, r.Header.Get("SOAPAction"), r.Header.Get("Content-Type"))
		mu.Unlock()
		_, _ = io.WriteString(w, `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>`+
			`<ns2:consultarSeriesResponse xmlns:ns2="http://at.gov.pt/"><consultarSeriesResp><infoResultOper>`+
			`<codResultOper>2002</codResultOper><msgResultOper>Consulta efetuada com sucesso.</msgResultOper>`+
			`</infoResultOper></consultarSeriesResp></ns2:consultarSeriesResponse></S:Body></S:Envelope>`)
	}))
	defer srv.Close()

	key, err := NewATKey(&testRSAKey.PublicKey, time.Time{})
	require.NoError(t, err)
	creds, err := NewCredentials("599999993", "0037", "pässwörd & <xml>")
	require.NoError(t, err)
	crt, _ := os.ReadFile("testdata/client.crt.pem")
	k, _ := os.ReadFile("testdata/client.key.pem")
	cert, err := LoadPEM(crt, k)
	require.NoError(t, err)
	clock := time.Date(2026, 3, 29, 1, 30, 0, 123_000_000, time.FixedZone("WEST", 3600))
	c, err := New(Endpoints{Series: srv.URL}, creds, cert, WithATKey(key), WithClock(func() time.Time { return clock }))
	require.NoError(t, err)

	for range 2 {
		list, err := c.QuerySeries(testCtx(t), SeriesQuery{DocumentType: series.DocumentTypeFT})
		require.NoError(t, err)
		assert.Empty(t, list)
	}
	require.Len(t, bodies, 2)
	assert.Equal(t, `""`, soapAction[0])
	assert.True(t, strings.HasPrefix(soapAction[1], "text/xml"))

	var keys []string
	for _, body := range bodies {
		var env struct {
			Header struct {
				Security struct {
					Token struct {
						Username string `xml:"http://schemas.xmlsoap.org/ws/2002/12/secext Username"`
						Password string `xml:"http://schemas.xmlsoap.org/ws/2002/12/secext Password"`
						Nonce    string `xml:"http://schemas.xmlsoap.org/ws/2002/12/secext Nonce"`
						Created  string `xml:"http://schemas.xmlsoap.org/ws/2002/12/secext Created"`
					} `xml:"http://schemas.xmlsoap.org/ws/2002/12/secext UsernameToken"`
				} `xml:"http://schemas.xmlsoap.org/ws/2002/12/secext Security"`
			} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Header"`
		}
		require.NoError(t, xml.Unmarshal(body, &env))
		tk := env.Header.Security.Token
		assert.Equal(t, "599999993/0037", tk.Username)
		nonce, err := base64.StdEncoding.DecodeString(tk.Nonce)
		require.NoError(t, err)
		//lint:ignore SA1019 AT's protocol (generic manual §4.1, H.2)
		ks, err := rsa.DecryptPKCS1v15(nil, testRSAKey, nonce)
		require.NoError(t, err)
		require.Len(t, ks, 16)
		keys = append(keys, string(ks))
		pw, _ := base64.StdEncoding.DecodeString(tk.Password)
		assert.Equal(t, "pässwörd & <xml>", string(ecbDecrypt(t, ks, pw)))
		cr, _ := base64.StdEncoding.DecodeString(tk.Created)
		assert.Equal(t, "2026-03-29T00:30:00.123Z", string(ecbDecrypt(t, ks, cr)))
		assert.NotContains(t, string(body), "pässwörd")
	}
	assert.NotEqual(t, keys[0], keys[1], "a new AES key per request")
}

// CallAction sends the binding's soapAction, quoted, where Call sends "".
func TestCallActionSetsSOAPAction(t *testing.T) {
	var mu sync.Mutex
	var actions []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		actions = append(actions, r.Header.Get("SOAPAction"))
		mu.Unlock()
		_, _ = io.WriteString(w, `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><x/></S:Body></S:Envelope>`)
	}))
	defer srv.Close()
	key, err := NewATKey(&testRSAKey.PublicKey, time.Time{})
	require.NoError(t, err)
	creds, err := NewCredentials("599999993", "37", "pw")
	require.NoError(t, err)
	crt, _ := os.ReadFile("testdata/client.crt.pem")
	k, _ := os.ReadFile("testdata/client.key.pem")
	cert, err := LoadPEM(crt, k)
	require.NoError(t, err)
	c, err := New(Endpoints{Transport: srv.URL}, creds, cert, WithATKey(key))
	require.NoError(t, err)
	const action = "https://servicos.portaldasfinancas.gov.pt/sgdtws/documentosTransporte/"
	status, _, err := c.CallAction(testCtx(t), srv.URL, "envioDocumentoTransporte", action, []byte("<x/>"))
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, status)
	_, _, err = c.Call(testCtx(t), srv.URL, "op", []byte("<x/>"))
	require.NoError(t, err)
	assert.Equal(t, []string{`"` + action + `"`, `""`}, actions)
}
