package certify_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/faturapt/faturapt/certify"
)

// A Signer signs with the producer's private key, recorded as key version
// 1: the HashControl of the documents it signs. Its signature of a message
// is always the same (RSA PKCS#1 v1.5 is deterministic).
func ExampleNewSigner() {
	pemData, err := os.ReadFile("testdata/test_key_pkcs1.pem")
	if err != nil {
		fmt.Println(err)
		return
	}
	key, err := certify.ParsePrivateKeyPEM(pemData)
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := certify.NewSigner(key, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	hash, err := s.SignMessage("2024-03-01;2024-03-01T09:30:00;FT A/1;123.00;")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(hash), hash[:24]+"...")
	fmt.Println("HashControl", s.HashControl())
	fmt.Println(s) // never the key

	_, err = certify.NewSigner(key, 0)
	fmt.Println(errors.Is(err, certify.ErrInvalidHashControl))
	// Output:
	// 172 UB1WAgnV9OeW4zn8Vln/kYE4...
	// HashControl 1
	// certify.Signer{key: RSA-1024 [redacted], version: 1}
	// true
}

// A Verifier checks signatures with the public key the producer gave AT.
func ExampleNewVerifier() {
	pemData, err := os.ReadFile("testdata/test_key_public.pem")
	if err != nil {
		fmt.Println(err)
		return
	}
	pub, err := certify.ParsePublicKeyPEM(pemData)
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := certify.NewVerifier(pub)
	if err != nil {
		fmt.Println(err)
		return
	}
	const message = "2024-03-01;2024-03-01T09:30:00;FT A/1;123.00;"
	hash, _ := signer().SignMessage(message)
	fmt.Println(v.Verify(message, hash))
	fmt.Println(v.Verify("2024-03-01;2024-03-01T09:30:00;FT A/1;128.00;", hash))
	// Output:
	// <nil>
	// signature does not verify
}
