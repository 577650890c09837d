package efatura

import (
	"bytes"
	"io"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient"
)

// TestEFaturaSimulatorAuthenticationCodes replays a request the client
// sent, with its WS-Security header altered, and checks the manual's
// authentication code for each alteration (§2.2.4), decoded by the client's
// answer parser.
func TestEFaturaSimulatorAuthenticationCodes(t *testing.T) {
	e := newEFSim(t, nil)
	_, err := e.client.RegisterInvoice(testCtx(t), simInvoice())
	require.NoError(t, err)
	bodies := e.srv.Received()
	require.Len(t, bodies, 1)
	sent := bodies[0]

	field := func(name, value string) func([]byte) []byte {
		re := regexp.MustCompile(`<wss:` + name + `>[^<]*</wss:` + name + `>`)
		return func(b []byte) []byte { return re.ReplaceAll(b, []byte(`<wss:`+name+`>`+value+`</wss:`+name+`>`)) }
	}
	swap := func(a, b string) func([]byte) []byte {
		ra := regexp.MustCompile(`<wss:` + a + `>([^<]*)</wss:` + a + `>`)
		rb := regexp.MustCompile(`<wss:` + b + `>([^<]*)</wss:` + b + `>`)
		return func(x []byte) []byte {
			va, vb := ra.FindSubmatch(x)[1], rb.FindSubmatch(x)[1]
			x = ra.ReplaceAllLiteral(x, []byte(`<wss:`+a+`>`+string(vb)+`</wss:`+a+`>`))
			return rb.ReplaceAllLiteral(x, []byte(`<wss:`+b+`>`+string(va)+`</wss:`+b+`>`))
		}
	}
	noHeader := func(b []byte) []byte { return regexp.MustCompile(`<S:Header>.*</S:Header>`).ReplaceAll(b, nil) }
	tests := []struct {
		name  string
		alter func([]byte) []byte
		code  ResponseCode
	}{
		{"replayed as sent (same request key)", func(b []byte) []byte { return b }, CodeRepeatedSymmetricKey},
		{"no header", noHeader, CodeUserMissing},
		{"no slash in the user", field("Username", "599999993"), CodeUserFormat},
		{"short NIF", field("Username", "59999/37"), CodeUserLength},
		{"NIF not digits", field("Username", "59999999X/37"), CodeInvalidNIF},
		{"sub-user not digits", field("Username", "599999993/ab"), CodeSubUserFormat},
		{"no password", field("Password", ""), CodePasswordMissing},
		{"no nonce", field("Nonce", ""), CodeNonceMissing},
		{"no created", field("Created", ""), CodeCreatedMissing},
		{"nonce not base64", field("Nonce", "%%%"), CodeInvalidBase64},
		{"nonce of another key", field("Nonce", "AAAA"), CodeInvalidPublicKeyCipher},
		{"password where created goes", swap("Password", "Created"), CodeInvalidCreated},
		{"created not AES ciphertext", field("Created", "AAAA"), CodeCreatedUndecipherable},
		{"password not AES ciphertext", field("Password", "AAAA"), CodePasswordUndecipherable},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := tc.alter(bytes.Clone(sent))
			resp, err := e.srv.HTTPClient().Post(e.srv.EFaturaURL(), "text/xml; charset=utf-8", bytes.NewReader(body))
			require.NoError(t, err)
			data, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			require.NoError(t, resp.Body.Close())
			_, err = decodeAnswer(OpRegisterInvoice, resp.StatusCode, data)
			assert.Equal(t, tc.code, efCode(t, err), "%s", data)
			assert.ErrorIs(t, err, ErrAuthentication)
			// The simulator refuses as AT's servers do: a SOAP fault
			// with the code in its detail.
			var fe *atclient.FaultError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "Client.Authentication", fe.Code)
			assert.Equal(t, int(tc.code), fe.AuthCode)
		})
	}
	assert.Len(t, e.srv.EFaturaDocuments("599999993"), 1, "nothing registered by the altered requests")
}
