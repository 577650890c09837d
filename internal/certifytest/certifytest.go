// Package certifytest gives tests one 1024-bit signing key per test binary
// (the size Despacho 8632/2014 prescribes): generating a key costs more than
// most tests, and a shared key keeps signatures comparable across a test.
package certifytest

import (
	"sync"
	"testing"

	"github.com/faturapt/faturapt/certify"
)

var (
	once   sync.Once
	key    *certify.PrivateKey
	keyErr error
)

// Key returns the test binary's key, generated on first use.
func Key(t testing.TB) *certify.PrivateKey {
	t.Helper()
	once.Do(func() { key, keyErr = certify.GenerateKey(nil) })
	if keyErr != nil {
		t.Fatalf("certifytest: generating the test key: %v", keyErr)
	}
	return key
}

// Signer returns a signer with the test binary's key as key version 1.
func Signer(t testing.TB) *certify.Signer {
	t.Helper()
	s, err := certify.NewSigner(Key(t), 1)
	if err != nil {
		t.Fatalf("certifytest: %v", err)
	}
	return s
}
