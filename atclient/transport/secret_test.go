package transport

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/internal/attesttest"
	"github.com/faturapt/faturapt/internal/secrettest"
)

// A printed Client, or an error of the service, shows neither the
// sub-user's password nor the producer's private key. (The password is
// not the simulator's default, whose "attest" the simulator's certificate
// names also contain.)
func TestClientHidesSecrets(t *testing.T) {
	const password = "Sup3r-Secret-PF"
	srv := attesttest.Start(t, attest.WithUser(attest.DefaultNIF, attest.DefaultSubUser, password), attest.WithoutActivity(attest.DefaultNIF))
	at := attesttest.ClientAs(t, srv, attest.DefaultNIF, attest.DefaultSubUser, password)
	c, err := New(at, testSender(), WithClock(now))
	require.NoError(t, err)
	_, err = c.Communicate(testCtx(t), testDocument())
	require.Error(t, err)
	secrets := []secrettest.Secret{{Name: "password", Value: password}}
	for name, v := range map[string]any{"client": c, "struct": struct{ C *Client }{c}, "error": err} {
		t.Run(name, func(t *testing.T) { secrettest.AssertHidden(t, v, secrets...) })
	}
}
