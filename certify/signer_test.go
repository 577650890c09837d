package certify

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	goldenfile "github.com/faturapt/faturapt/internal/golden"
)

const goldenPath = "testdata/golden_signatures.json"

// testdata/test_key_pkcs1.pem is a 1024-bit key made once with
// "openssl genrsa -traditional 1024"; test_key_pkcs8.pem is the same key
// through "openssl pkcs8 -topk8 -nocrypt", test_key_public.pem through
// "openssl rsa -pubout". It is a test key, public by design.
func testKey(t testing.TB) *PrivateKey {
	t.Helper()
	data, err := os.ReadFile("testdata/test_key_pkcs1.pem")
	require.NoError(t, err)
	k, err := ParsePrivateKeyPEM(data)
	require.NoError(t, err)
	return k
}

func testSigner(t testing.TB) *Signer {
	t.Helper()
	s, err := NewSigner(testKey(t), 1)
	require.NoError(t, err)
	return s
}

type golden struct {
	Message string `json:"message"`
	Hash    string `json:"hash"`
}

// goldenMessages is a series of three documents (the §7.1 records followed
// by a third), each chained on the hash of the one before, plus a §4.8
// style document with no amount.
func goldenMessages(t testing.TB, s *Signer) []golden {
	docs := []Document{
		{Date: mustDate(t, "2010-05-18"), SystemEntry: mustEntry(t, "2010-05-18T11:22:19"), Number: "FAC 001/14", GrossTotal: decimal.RequireFromString("3.12")},
		{Date: mustDate(t, "2010-05-18"), SystemEntry: mustEntry(t, "2010-05-18T15:25:00"), Number: "FAC 001/15", GrossTotal: decimal.RequireFromString("25.62")},
		{Date: mustDate(t, "2010-05-19"), SystemEntry: mustEntry(t, "2010-05-19T09:00:00"), Number: "FAC 001/16", GrossTotal: decimal.RequireFromString("1500")},
	}
	var out []golden
	prev := ""
	for _, d := range docs {
		h, err := s.SignDocument(d, prev)
		require.NoError(t, err)
		out = append(out, golden{d.Message(prev), h})
		prev = h
	}
	gr := Document{Date: mustDate(t, "2013-07-02"), SystemEntry: mustEntry(t, "2013-07-02T09:37:25"), Number: "GR ABC/00021"}
	h, err := s.SignDocument(gr, "")
	require.NoError(t, err)
	return append(out, golden{gr.Message(""), h})
}

func TestGoldenSignatures(t *testing.T) {
	s := testSigner(t)
	got := goldenMessages(t, s)
	if goldenfile.Update() {
		data, err := json.MarshalIndent(got, "", "  ")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(goldenPath, append(data, '\n'), 0o644))
	}
	data, err := os.ReadFile(goldenPath)
	require.NoError(t, err, "run go test -run TestGoldenSignatures -update")
	var want []golden
	require.NoError(t, json.Unmarshal(data, &want))
	assert.Equal(t, want, got)
	v, err := NewVerifier(s.Public())
	require.NoError(t, err)
	for _, g := range want {
		assert.Len(t, g.Hash, HashLen)
		assert.NotContains(t, g.Hash, "\n")
		assert.NoError(t, v.Verify(g.Message, g.Hash))
		// SignMessage over the same text gives the same hash.
		h, err := s.SignMessage(g.Message)
		require.NoError(t, err)
		assert.Equal(t, g.Hash, h)
	}
}

// TestOpenSSLCrossCheck signs the golden messages with the commands of
// Despacho §7.1 and compares, and verifies our hashes with §7.2's command.
func TestOpenSSLCrossCheck(t *testing.T) {
	openssl, err := exec.LookPath("openssl")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("openssl is required in CI for the cross-check with Despacho §7.1's commands")
		}
		t.Skip("openssl not installed: cross-check with Despacho §7.1's commands skipped")
	}
	dir := t.TempDir()
	for i, g := range goldenMessages(t, testSigner(t)) {
		msgFile := filepath.Join(dir, fmt.Sprintf("Registo%d.txt", i+1))
		sigFile := filepath.Join(dir, fmt.Sprintf("Registo%d.sha1", i+1))
		require.NoError(t, os.WriteFile(msgFile, []byte(g.Message), 0o600))
		out, err := exec.Command(openssl, "dgst", "-sha1", "-sign", "testdata/test_key_pkcs1.pem", "-out", sigFile, msgFile).CombinedOutput()
		require.NoError(t, err, "%s", out)
		sig, err := os.ReadFile(sigFile)
		require.NoError(t, err)
		assert.Equal(t, base64.StdEncoding.EncodeToString(sig), g.Hash, "message %q", g.Message)

		ourSig, err := base64.StdEncoding.DecodeString(g.Hash)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(sigFile, ourSig, 0o600))
		out, err = exec.Command(openssl, "dgst", "-sha1", "-verify", "testdata/test_key_public.pem", "-signature", sigFile, msgFile).CombinedOutput()
		require.NoError(t, err, "%s", out)
		assert.Contains(t, string(out), "Verified OK")
	}
}

func TestKeyLoading(t *testing.T) {
	pkcs1 := testKey(t)
	data, err := os.ReadFile("testdata/test_key_pkcs8.pem")
	require.NoError(t, err)
	pkcs8, err := ParsePrivateKeyPEM(data)
	require.NoError(t, err)
	assert.True(t, pkcs1.key().Equal(pkcs8.key()))
	assert.Equal(t, 1024, pkcs8.Bits())

	data, err = os.ReadFile("testdata/test_key_public.pem")
	require.NoError(t, err)
	pub, err := ParsePublicKeyPEM(data)
	require.NoError(t, err)
	assert.True(t, pkcs1.Public().Equal(pub))

	pemOut, err := pkcs1.PublicKeyPEM()
	require.NoError(t, err)
	assert.Equal(t, string(data), string(pemOut), "same PEM as openssl rsa -pubout (Despacho §5.2)")

	privOut, err := pkcs1.MarshalPEM()
	require.NoError(t, err)
	back, err := ParsePrivateKeyPEM(privOut)
	require.NoError(t, err)
	assert.True(t, pkcs1.key().Equal(back.key()))

	data2048, err := os.ReadFile("testdata/test_key_2048.pem")
	require.NoError(t, err)
	_, err = ParsePrivateKeyPEM(data2048)
	assert.ErrorIs(t, err, ErrKeySize)
	k2048, err := ParsePrivateKeyPEM(data2048, WithAllowedKeySize(2048))
	require.NoError(t, err)
	_, err = WrapPrivateKey(k2048.key())
	assert.ErrorIs(t, err, ErrKeySize)
	s2048, err := NewSigner(k2048, 1)
	require.NoError(t, err)
	h, err := s2048.SignMessage("x")
	require.NoError(t, err)
	assert.Len(t, h, 344)
	_, err = NewVerifier(k2048.Public())
	assert.ErrorIs(t, err, ErrKeySize)
	v2048, err := NewVerifier(k2048.Public(), WithAllowedKeySize(2048))
	require.NoError(t, err)
	assert.NoError(t, v2048.Verify("x", h))
	pub2048, err := os.ReadFile("testdata/test_key_2048.pem")
	require.NoError(t, err)
	_, err = ParsePublicKeyPEM(pub2048)
	assert.ErrorIs(t, err, ErrInvalidKey, "a private key block is not a public key")

	for name, in := range map[string]string{
		"empty":      "",
		"not PEM":    "MIICXQIBAAKBgQCjgbQG27",
		"wrong type": "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
		"garbage":    "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n",
		"garbage 8":  "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
		"garbage p":  "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
		"garbage p1": "-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----\n",
		"encrypted":  "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00000000000000000000000000000000\n\nAAAA\n-----END RSA PRIVATE KEY-----\n",
	} {
		_, err := ParsePrivateKeyPEM([]byte(in))
		assert.ErrorIs(t, err, ErrInvalidKey, name)
		_, err = ParsePublicKeyPEM([]byte(in))
		assert.ErrorIs(t, err, ErrInvalidKey, name)
	}
	_, err = NewSigner(nil, 1)
	assert.ErrorIs(t, err, ErrInvalidKey)
	_, err = NewSigner(pkcs1, 0)
	assert.ErrorIs(t, err, ErrInvalidHashControl)
	_, err = WrapPrivateKey(nil)
	assert.ErrorIs(t, err, ErrInvalidKey)
	broken := *pkcs1.key()
	broken.D = new(big.Int).Add(broken.D, big.NewInt(2))
	_, err = WrapPrivateKey(&broken)
	assert.ErrorIs(t, err, ErrInvalidKey)
	_, err = PublicKeyPEM(nil)
	assert.ErrorIs(t, err, ErrInvalidKey)
	_, err = NewVerifier(nil)
	assert.ErrorIs(t, err, ErrInvalidKey)
}

func TestGenerateKey(t *testing.T) {
	k, err := GenerateKey(nil)
	require.NoError(t, err)
	assert.Equal(t, KeyBits, k.Bits())
	s, err := NewSigner(k, 2)
	require.NoError(t, err)
	assert.Equal(t, "2", s.HashControl())
	assert.Equal(t, 2, s.KeyVersion())
	h, err := s.SignMessage("2010-05-18;2010-05-18T11:22:19;FAC 001/14;3.12;")
	require.NoError(t, err)
	assert.Len(t, h, HashLen)
	pemData, err := k.PublicKeyPEM()
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(pemData), "-----BEGIN PUBLIC KEY-----\n"))
	pub, err := ParsePublicKeyPEM(pemData)
	require.NoError(t, err)
	v, err := NewVerifier(pub)
	require.NoError(t, err)
	assert.NoError(t, v.Verify("2010-05-18;2010-05-18T11:22:19;FAC 001/14;3.12;", h))
	_, err = GenerateKey(nil, WithAllowedKeySize(512))
	assert.ErrorIs(t, err, ErrKeySize)
}

func TestKeysNeverPrint(t *testing.T) {
	k := testKey(t)
	s, err := NewSigner(k, 1)
	require.NoError(t, err)
	secret := k.key().D.String()
	prime := k.key().Primes[0].String()
	for _, f := range []string{"%v", "%+v", "%#v", "%s", "%d", "%x", "%q"} {
		for _, x := range []any{s, k, *s, []any{k}} {
			out := fmt.Sprintf(f, x)
			assert.NotContains(t, out, secret[:20], f)
			assert.NotContains(t, out, prime[:20], f)
			assert.NotContains(t, out, fmt.Sprintf("%x", k.key().D.Bytes()[:10]), f)
		}
		assert.Contains(t, fmt.Sprintf(f, s), "redacted", f)
		assert.Contains(t, fmt.Sprintf(f, k), "redacted", f)
	}
	// Errors about a document carry no key material either.
	_, err = s.SignDocument(Document{}, "")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), secret[:20])
	var nilSigner *Signer
	assert.Equal(t, "certify.Signer(nil)", fmt.Sprint(nilSigner))
	var nilKey *PrivateKey
	assert.Equal(t, "certify.PrivateKey(nil)", fmt.Sprint(nilKey))
}

func TestSignDocumentValidates(t *testing.T) {
	s := testSigner(t)
	_, err := s.SignDocument(Document{Date: civil.Date{Year: 2024, Month: 1, Day: 1}, SystemEntry: civil.DateTime{Date: civil.Date{Year: 2024, Month: 1, Day: 1}, Hour: 9}, Number: "FT A/1", GrossTotal: decimal.NewFromInt(-5)}, "")
	assert.ErrorIs(t, err, ErrInvalid)
}
