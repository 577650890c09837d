package attest

import (
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/internal/secrettest"
)

// A printed Server shows none of its private keys (TLS server, TLS client,
// encryption) nor its users' passwords, to fmt, go-spew (what testify
// prints on a failed assertion) or encoding/json.
func TestServerHidesSecrets(t *testing.T) {
	const password = "Sup3r-Secret-PF"
	srv, err := New(WithUser(DefaultNIF, DefaultSubUser, password))
	require.NoError(t, err)
	t.Cleanup(srv.Close)

	ecKey := func(k any) *big.Int {
		b, err := k.(*ecdsa.PrivateKey).Bytes()
		require.NoError(t, err)
		return new(big.Int).SetBytes(b)
	}
	enc := srv.encKey()
	secrets := []secrettest.Secret{
		{Name: "password", Value: password},
		{Name: "TLS server key", Value: ecKey(srv.srv.server().TLS.Certificates[0].PrivateKey)},
		{Name: "TLS client key", Value: ecKey(srv.ClientCertificate().PrivateKey)},
		{Name: "encryption key exponent", Value: enc.D},
		{Name: "encryption key prime", Value: enc.Primes[0]},
	}
	for name, v := range map[string]any{"server": srv, "struct": struct{ S *Server }{srv}, "slice": []any{srv}} {
		t.Run(name, func(t *testing.T) { secrettest.AssertHidden(t, v, secrets...) })
	}
}
