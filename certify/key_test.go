package certify

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/internal/secrettest"
)

// No printer reaches the key: not the fmt verbs, not go-spew (what testify
// prints on a failed assertion), not encoding/json, whether the key or the
// Signer is printed alone or inside another value.
func TestKeyHiddenFromReflection(t *testing.T) {
	pemFile, err := os.ReadFile("testdata/test_key_pkcs1.pem")
	require.NoError(t, err)
	k, err := ParsePrivateKeyPEM(pemFile)
	require.NoError(t, err)
	s, err := NewSigner(k, 1)
	require.NoError(t, err)
	pkcs8, err := k.MarshalPEM()
	require.NoError(t, err)
	raw := k.key()
	secrets := []secrettest.Secret{
		{Name: "private exponent", Value: raw.D},
		{Name: "modulus", Value: raw.N},
		{Name: "prime p", Value: raw.Primes[0]},
		{Name: "prime q", Value: raw.Primes[1]},
		{Name: "CRT exponent dP", Value: raw.Precomputed.Dp},
		{Name: "CRT coefficient", Value: raw.Precomputed.Qinv},
		{Name: "PKCS#1 PEM", Value: pemFile},
		{Name: "PKCS#8 PEM", Value: pkcs8},
	}
	holder := struct {
		Key    *PrivateKey
		Signer *Signer
		Value  Signer
	}{k, s, *s}
	for name, v := range map[string]any{"key": k, "signer": s, "signer value": *s, "key value": *k, "struct": holder, "slice": []any{k, s}} {
		t.Run(name, func(t *testing.T) { secrettest.AssertHidden(t, v, secrets...) })
	}
}
