package atclient

import (
	"crypto/rsa"
	"crypto/tls"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/internal/secrettest"
)

func TestLoadPKCS12LegacyAndModern(t *testing.T) {
	// legacy.pfx has the encryption of AT's TesteWebservices.pfx (RC2-40
	// certificates, 3DES key, SHA-1 MAC); modern.pfx OpenSSL 3's AES-256.
	for _, name := range []string{"legacy.pfx", "modern.pfx"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + name)
			require.NoError(t, err)
			c, err := LoadPKCS12(data, "TESTEwebservice")
			require.NoError(t, err)
			assert.Contains(t, c.Subject(), "CN=599999993")
			assert.False(t, c.NotAfter().IsZero())
			require.NotNil(t, c.X509())
			assert.Equal(t, c.NotAfter(), c.X509().NotAfter)
			assert.Equal(t, c.Subject(), c.X509().Subject.String())

			_, err = LoadPKCS12(data, "wrong")
			require.Error(t, err)
			assert.Contains(t, err.Error(), "password is incorrect")
			assert.NotContains(t, err.Error(), "wrong")
		})
	}
}

// A BER-encoded file (indefinite lengths, as some Java and Windows tools
// write) gets an error that says how to convert it.
func TestLoadPKCS12BER(t *testing.T) {
	der, err := os.ReadFile("testdata/legacy.pfx")
	require.NoError(t, err)
	require.Equal(t, byte(0x30), der[0])
	require.Equal(t, byte(0x82), der[1], "outer SEQUENCE with a 2-byte length")
	ber := append(append([]byte{0x30, 0x80}, der[4:]...), 0, 0)
	_, err = LoadPKCS12(ber, "TESTEwebservice")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "BER-encoded")
	assert.Contains(t, err.Error(), "LoadPEM")
}

func TestLoadPKCS12Garbage(t *testing.T) {
	_, err := LoadPKCS12([]byte("not a pfx"), "x")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "PKCS#12")
}

func TestLoadPEM(t *testing.T) {
	crt, err := os.ReadFile("testdata/client.crt.pem")
	require.NoError(t, err)
	key, err := os.ReadFile("testdata/client.key.pem")
	require.NoError(t, err)
	c, err := LoadPEM(crt, key)
	require.NoError(t, err)
	assert.Contains(t, c.Subject(), "CN=599999993")

	_, err = LoadPEM(crt, crt)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "BEGIN")
}

func TestCertificateFromTLSRejectsEmpty(t *testing.T) {
	_, err := CertificateFromTLS(tls.Certificate{})
	require.Error(t, err)
}

func TestTLSConfigDefaults(t *testing.T) {
	data, err := os.ReadFile("testdata/legacy.pfx")
	require.NoError(t, err)
	c, err := LoadPKCS12(data, "TESTEwebservice")
	require.NoError(t, err)
	cfg := tlsConfig(c, nil, false)
	assert.Equal(t, uint16(tls.VersionTLS12), cfg.MinVersion)
	assert.False(t, cfg.InsecureSkipVerify, "server verification on by default")
	assert.Len(t, cfg.Certificates, 1)
	assert.True(t, tlsConfig(c, nil, true).InsecureSkipVerify)
}

// Secrets never show in a printed value: no fmt verb, no reflective
// printer (go-spew, what testify prints on a failed assertion), no JSON
// reveals the password, the private key's exponent, primes or modulus, or
// its PEM, alone or inside another value.
func TestRedaction(t *testing.T) {
	const password = "Sup3r-Secret-PF"
	creds, err := NewCredentials("599999993", "37", password)
	require.NoError(t, err)
	key, err := os.ReadFile("testdata/client.key.pem")
	require.NoError(t, err)
	crt, err := os.ReadFile("testdata/client.crt.pem")
	require.NoError(t, err)
	cert, err := LoadPEM(crt, key)
	require.NoError(t, err)
	client, err := New(TestEndpoints(), creds, cert)
	require.NoError(t, err)
	pfx, err := os.ReadFile("testdata/modern.pfx")
	require.NoError(t, err)
	fromPFX, err := LoadPKCS12(pfx, "TESTEwebservice")
	require.NoError(t, err)

	secrets := []secrettest.Secret{{Name: "password", Value: password}, {Name: "key PEM", Value: key}}
	for _, c := range []Certificate{cert, fromPFX} {
		priv := c.get().PrivateKey.(*rsa.PrivateKey)
		secrets = append(secrets,
			secrettest.Secret{Name: "private exponent", Value: priv.D},
			secrettest.Secret{Name: "modulus", Value: priv.N},
			secrettest.Secret{Name: "prime p", Value: priv.Primes[0]},
			secrettest.Secret{Name: "prime q", Value: priv.Primes[1]})
	}
	wrapped := struct {
		C  Credentials
		Ce Certificate
		Cl *Client
	}{creds, cert, client}
	for name, v := range map[string]any{"credentials": creds, "*credentials": &creds, "certificate": cert,
		"PKCS#12 certificate": fromPFX, "client": client, "struct": wrapped, "slice": []any{creds, cert}} {
		t.Run(name, func(t *testing.T) { secrettest.AssertHidden(t, v, secrets...) })
	}
	assert.Contains(t, creds.String(), "599999993/37")
	assert.Contains(t, fmt.Sprintf("%v", creds), "[REDACTED]")
}

func TestNewCredentialsRules(t *testing.T) {
	_, err := NewCredentials("59999999", "1", "p")
	require.Error(t, err)
	_, err = NewCredentials("599999993", "a1", "p")
	require.Error(t, err)
	_, err = NewCredentials("599999993", "1", "")
	require.Error(t, err)
	// All three at once, never the password.
	_, err = NewCredentials("x", "", "")
	require.Error(t, err)
	assert.Equal(t, 3, strings.Count(err.Error(), "credentials:"))
	c, err := NewCredentials("555555555", "0002", "p")
	require.NoError(t, err)
	assert.Equal(t, "555555555/0002", c.Username())
}

func TestEmbeddedATKey(t *testing.T) {
	k := DefaultATKey()
	assert.Equal(t, "Chave Cifra Publica AT", k.Subject())
	assert.Equal(t, "2027-04-15", k.NotAfter().UTC().Format(time.DateOnly))
	assert.Equal(t, 4096, k.PublicKey().N.BitLen())
	require.NoError(t, k.usable(time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)))
	err := k.usable(time.Date(2027, 4, 16, 0, 0, 0, 0, time.UTC))
	require.ErrorIs(t, err, ErrATKeyExpired)
	assert.Contains(t, err.Error(), "2027-04-15")
}

func TestParseATKeyFromOtherFiles(t *testing.T) {
	// AT's previous key, expired on 2025-06-28: parsed, but refused for use.
	data, err := os.ReadFile("testdata/ChaveCifraPublicaAT2025.cer")
	require.NoError(t, err)
	k, err := ParseATKey(data)
	require.NoError(t, err)
	assert.Equal(t, "Chave Cifra Publica AT", k.Subject())
	err = k.usable(time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC))
	require.ErrorIs(t, err, ErrATKeyExpired)
	assert.Contains(t, err.Error(), "2025-06-28")

	_, err = ParseATKey([]byte("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
	require.Error(t, err)
	_, err = ParseATKey([]byte("junk"))
	require.Error(t, err)
	_, err = NewATKey(nil, time.Time{})
	require.Error(t, err)
	var target *TLSError
	assert.False(t, errors.As(err, &target))
}
