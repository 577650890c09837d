package certify

import (
	"errors"
	"os"
	"testing"
)

// FuzzParseKeyPEM feeds any bytes to the key parsers: no panic, and every
// error is ErrInvalidKey or ErrKeySize.
func FuzzParseKeyPEM(f *testing.F) {
	for _, name := range []string{"test_key_pkcs1.pem", "test_key_pkcs8.pem", "test_key_public.pem", "test_key_2048.pem"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("-----BEGIN RSA PUBLIC KEY-----\nMAA=\n-----END RSA PUBLIC KEY-----\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		k, err := ParsePrivateKeyPEM(data)
		if err != nil && !errors.Is(err, ErrInvalidKey) && !errors.Is(err, ErrKeySize) {
			t.Fatalf("private: %v", err)
		}
		if err == nil && k.Bits() != KeyBits {
			t.Fatalf("accepted a %d-bit key", k.Bits())
		}
		p, err := ParsePublicKeyPEM(data)
		if err != nil && !errors.Is(err, ErrInvalidKey) && !errors.Is(err, ErrKeySize) {
			t.Fatalf("public: %v", err)
		}
		if err == nil && p.N.BitLen() != KeyBits {
			t.Fatalf("accepted a %d-bit public key", p.N.BitLen())
		}
	})
}
