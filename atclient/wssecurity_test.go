package atclient

import (
	"bytes"
	"crypto/aes"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/hex"
	"encoding/xml"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testRSAKey is generated once: 2048-bit keys take a moment.
var testRSAKey = func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
}()

// ecbDecrypt is written here independently of aesECBEncrypt: AES-ECB then
// PKCS#5 unpadding, checking the padding bytes.
func ecbDecrypt(t *testing.T, key, ct []byte) []byte {
	t.Helper()
	b, err := aes.NewCipher(key)
	require.NoError(t, err)
	require.Zero(t, len(ct)%16, "ciphertext is not whole blocks")
	require.NotZero(t, len(ct))
	out := make([]byte, len(ct))
	for i := 0; i < len(ct); i += 16 {
		b.Decrypt(out[i:i+16], ct[i:i+16])
	}
	n := int(out[len(out)-1])
	require.True(t, n >= 1 && n <= 16, "bad padding length %d", n)
	for _, p := range out[len(out)-n:] {
		require.Equal(t, byte(n), p, "bad padding byte")
	}
	return out[:len(out)-n]
}

func TestUsernameTokenDecryptsAsTheManualSays(t *testing.T) {
	now := time.Date(2026, 11, 28, 19, 20, 30, 450_000_000, time.FixedZone("Lisbon+1", 3600))
	tok, err := newUsernameToken(&testRSAKey.PublicKey, "599999993/37", []byte("s3nh@PF çã"), now)
	require.NoError(t, err)
	assert.Equal(t, "599999993/37", tok.Username)

	// H.2: Nonce = Base64(RSA-PKCS#1v1.5(Ks)), Ks 128 bits.
	nonce, err := base64.StdEncoding.DecodeString(tok.Nonce)
	require.NoError(t, err)
	assert.Len(t, nonce, 256, "RSA-2048 ciphertext")
	//lint:ignore SA1019 AT's protocol (generic manual §4.1, H.2)
	ks, err := rsa.DecryptPKCS1v15(nil, testRSAKey, nonce)
	require.NoError(t, err)
	require.Len(t, ks, 16, "AES-128 key")

	// H.3: Password = Base64(AES-ECB-PKCS5_Ks(password)).
	pw, err := base64.StdEncoding.DecodeString(tok.Password)
	require.NoError(t, err)
	assert.Equal(t, "s3nh@PF çã", string(ecbDecrypt(t, ks, pw)))

	// H.4: Created = Base64(AES-ECB-PKCS5_Ks(UTC ISO 8601)).
	cr, err := base64.StdEncoding.DecodeString(tok.Created)
	require.NoError(t, err)
	assert.Equal(t, "2026-11-28T18:20:30.450Z", string(ecbDecrypt(t, ks, cr)))

	// Cross-check with OpenSSL, an implementation that shares no code with ours.
	if path, err := exec.LookPath("openssl"); err == nil {
		cmd := exec.Command(path, "enc", "-d", "-aes-128-ecb", "-K", hex.EncodeToString(ks))
		cmd.Stdin = bytes.NewReader(pw)
		out, err := cmd.Output()
		require.NoError(t, err)
		assert.Equal(t, "s3nh@PF çã", string(out))
	} else if os.Getenv("CI") != "" {
		t.Fatal("openssl not found (needed in CI for the independent AES check)")
	}
}

func TestUsernameTokenKeyIsFreshEachRequest(t *testing.T) {
	seen := map[string]bool{}
	for range 20 {
		tok, err := newUsernameToken(&testRSAKey.PublicKey, "599999993/1", []byte("x"), time.Now())
		require.NoError(t, err)
		nonce, _ := base64.StdEncoding.DecodeString(tok.Nonce)
		//lint:ignore SA1019 AT's protocol (generic manual §4.1, H.2)
		ks, err := rsa.DecryptPKCS1v15(nil, testRSAKey, nonce)
		require.NoError(t, err)
		require.False(t, seen[string(ks)], "AES key repeated")
		seen[string(ks)] = true
	}
}

func TestAESECBPaddingBoundaries(t *testing.T) {
	key := bytes.Repeat([]byte{7}, 16)
	for _, n := range []int{0, 1, 15, 16, 17, 31, 32} {
		plain := bytes.Repeat([]byte{'a'}, n)
		ct := aesECBEncrypt(key, plain)
		assert.Equal(t, (n/16+1)*16, len(ct), "length for %d bytes", n)
		assert.Equal(t, plain, ecbDecrypt(t, key, ct), "round trip for %d bytes", n)
	}
	// The two blocks of identical plaintext encrypt identically: ECB, as AT
	// demands (not CBC by mistake).
	ct := aesECBEncrypt(key, bytes.Repeat([]byte{'a'}, 32))
	assert.Equal(t, ct[:16], ct[16:32])
}

func TestSecurityHeaderShapeMatchesManualExample(t *testing.T) {
	var buf bytes.Buffer
	buf.WriteString(`<S:Envelope xmlns:S="` + nsSOAPEnvelope + `">`)
	writeSecurityHeader(&buf, usernameToken{Username: "599999993/37", Password: "UA==", Nonce: "Tg==", Created: "Qw=="})
	buf.WriteString(`</S:Envelope>`)
	var env struct {
		Header struct {
			Security struct {
				XMLName xml.Name
				Token   struct {
					Username, Password, Nonce, Created struct {
						XMLName xml.Name
						Text    string `xml:",chardata"`
					}
				} `xml:"UsernameToken"`
			} `xml:"http://schemas.xmlsoap.org/ws/2002/12/secext Security"`
		} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Header"`
	}
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &env))
	tk := env.Header.Security.Token
	for _, f := range []struct {
		name xml.Name
		want string
	}{{tk.Username.XMLName, "Username"}, {tk.Password.XMLName, "Password"}, {tk.Nonce.XMLName, "Nonce"}, {tk.Created.XMLName, "Created"}} {
		assert.Equal(t, xml.Name{Space: nsWSSecurity, Local: f.want}, f.name)
	}
	assert.Equal(t, "599999993/37", tk.Username.Text)
	assert.Equal(t, "UA==", tk.Password.Text)
	assert.True(t, strings.Contains(buf.String(), `<wss:Security xmlns:wss="http://schemas.xmlsoap.org/ws/2002/12/secext">`))
}
