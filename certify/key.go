package certify

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"io"
)

// KeyBits is the key size Despacho 8632/2014 §6.2 prescribes.
const KeyBits = 1024

// Option configures key loading, generation or a [Verifier].
type Option func(*options)

type options struct {
	extraBits []int
	workers   int
}

// WithAllowedKeySize accepts RSA keys of the given size in bits besides 1024, e.g.
// for a test or a future rule. Without it any other size is refused with
// ErrKeySize.
func WithAllowedKeySize(bits int) Option {
	return func(o *options) { o.extraBits = append(o.extraBits, bits) }
}

// WithWorkers sets how many goroutines [Verifier.VerifyChain] uses; n < 1 means
// GOMAXPROCS (the default).
func WithWorkers(n int) Option {
	return func(o *options) { o.workers = n }
}

func buildOptions(opts []Option) options {
	var o options
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	return o
}

func (o options) checkBits(bits int) error {
	if bits == KeyBits {
		return nil
	}
	for _, b := range o.extraBits {
		if b == bits {
			return nil
		}
	}
	return fmt.Errorf("certify: key of %d bits: %w (use WithAllowedKeySize to accept it)", bits, ErrKeySize)
}

// GenerateKey generates a 1024-bit RSA key pair (openssl genrsa ... 1024,
// Despacho §5.1). With WithAllowedKeySize(n) as the only size option it generates
// n bits instead. random defaults to crypto/rand.Reader when nil.
func GenerateKey(random io.Reader, opts ...Option) (*PrivateKey, error) {
	o := buildOptions(opts)
	bits := KeyBits
	if len(o.extraBits) == 1 {
		bits = o.extraBits[0]
	}
	if bits < 1024 {
		return nil, fmt.Errorf("certify: key of %d bits: %w", bits, ErrKeySize)
	}
	if random == nil {
		random = rand.Reader
	}
	k, err := rsa.GenerateKey(random, bits)
	if err != nil {
		return nil, fmt.Errorf("certify: generating a %d-bit key: %w", bits, err)
	}
	return newPrivateKey(k), nil
}

// ParsePrivateKeyPEM loads an RSA private key from PEM: PKCS#1 ("RSA PRIVATE
// KEY", what openssl genrsa -traditional writes) or PKCS#8 ("PRIVATE KEY").
// Encrypted PEM is not supported. The key must be 1024 bits unless allowed
// with WithAllowedKeySize. Errors never contain key material.
func ParsePrivateKeyPEM(data []byte, opts ...Option) (*PrivateKey, error) {
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, fmt.Errorf("certify: private key: no PEM block found: %w", ErrInvalidKey)
	}
	var key *rsa.PrivateKey
	switch block.Type {
	case "RSA PRIVATE KEY":
		if _, enc := block.Headers["Proc-Type"]; enc {
			return nil, fmt.Errorf("certify: private key: encrypted PEM is not supported: %w", ErrInvalidKey)
		}
		k, err := x509.ParsePKCS1PrivateKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("certify: private key: PKCS#1 block does not parse: %w", ErrInvalidKey)
		}
		key = k
	case "PRIVATE KEY":
		k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("certify: private key: PKCS#8 block does not parse: %w", ErrInvalidKey)
		}
		rk, ok := k.(*rsa.PrivateKey)
		if !ok {
			return nil, fmt.Errorf("certify: private key: PKCS#8 key is %T, not RSA: %w", k, ErrInvalidKey)
		}
		key = rk
	default:
		return nil, fmt.Errorf("certify: private key: PEM block %q, want \"RSA PRIVATE KEY\" or \"PRIVATE KEY\": %w", block.Type, ErrInvalidKey)
	}
	return WrapPrivateKey(key, opts...)
}

// ParsePublicKeyPEM loads an RSA public key from PEM: "PUBLIC KEY" (PKIX, what
// openssl rsa -pubout writes and AT receives, §5.2) or "RSA PUBLIC KEY"
// (PKCS#1). The key must be 1024 bits unless allowed with WithAllowedKeySize.
func ParsePublicKeyPEM(data []byte, opts ...Option) (*rsa.PublicKey, error) {
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, fmt.Errorf("certify: public key: no PEM block found: %w", ErrInvalidKey)
	}
	var pub *rsa.PublicKey
	switch block.Type {
	case "PUBLIC KEY":
		k, err := x509.ParsePKIXPublicKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("certify: public key: PKIX block does not parse: %w", ErrInvalidKey)
		}
		rk, ok := k.(*rsa.PublicKey)
		if !ok {
			return nil, fmt.Errorf("certify: public key: key is %T, not RSA: %w", k, ErrInvalidKey)
		}
		pub = rk
	case "RSA PUBLIC KEY":
		k, err := x509.ParsePKCS1PublicKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("certify: public key: PKCS#1 block does not parse: %w", ErrInvalidKey)
		}
		pub = k
	default:
		return nil, fmt.Errorf("certify: public key: PEM block %q, want \"PUBLIC KEY\": %w", block.Type, ErrInvalidKey)
	}
	if err := buildOptions(opts).checkBits(pub.N.BitLen()); err != nil {
		return nil, err
	}
	return pub, nil
}

// PublicKeyPEM encodes pub as a PKIX "PUBLIC KEY" PEM block: the file (saved
// with a .txt extension) the software producer hands to AT with the Modelo 24
// declaration (Despacho §4.2, §5.2).
func PublicKeyPEM(pub *rsa.PublicKey) ([]byte, error) {
	if pub == nil || pub.N == nil {
		return nil, fmt.Errorf("certify: public key: nil: %w", ErrInvalidKey)
	}
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, fmt.Errorf("certify: public key: %w", ErrInvalidKey)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}), nil
}

// PrivateKey is the producer's RSA private key. It never prints itself:
// %v, %+v, %#v and %s show only its size, so it cannot leak into a log line
// or an error message. Nor can a reflective printer (go-spew, what testify
// prints on a failed assertion) or encoding/json reach it: the key is held
// behind a function, whose captured variables reflection cannot see.
type PrivateKey struct {
	bits int
	key  func() *rsa.PrivateKey
}

func newPrivateKey(k *rsa.PrivateKey) *PrivateKey {
	return &PrivateKey{bits: k.N.BitLen(), key: hide(k)}
}

// hide returns a function that returns k: see PrivateKey.
func hide(k *rsa.PrivateKey) func() *rsa.PrivateKey { return func() *rsa.PrivateKey { return k } }

// WrapPrivateKey checks key (1024 bits unless allowed with WithAllowedKeySize, and
// internally consistent) and wraps it.
func WrapPrivateKey(key *rsa.PrivateKey, opts ...Option) (*PrivateKey, error) {
	if key == nil || key.N == nil {
		return nil, fmt.Errorf("certify: private key: nil: %w", ErrInvalidKey)
	}
	if err := buildOptions(opts).checkBits(key.N.BitLen()); err != nil {
		return nil, err
	}
	if err := key.Validate(); err != nil {
		return nil, fmt.Errorf("certify: private key fails its consistency check: %w", ErrInvalidKey)
	}
	key.Precompute()
	return newPrivateKey(key), nil
}

// Bits returns the key size.
func (k *PrivateKey) Bits() int { return k.bits }

// Public returns the public half.
func (k *PrivateKey) Public() *rsa.PublicKey { return &k.key().PublicKey }

// PublicKeyPEM returns the public key file for AT, see [PublicKeyPEM].
func (k *PrivateKey) PublicKeyPEM() ([]byte, error) { return PublicKeyPEM(k.Public()) }

// MarshalPEM encodes the key as a PKCS#8 "PRIVATE KEY" PEM block, for the
// producer to store it. Keep the result secret (Despacho §3.1.4, §4.3).
func (k *PrivateKey) MarshalPEM() ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(k.key())
	if err != nil {
		return nil, fmt.Errorf("certify: private key: cannot encode: %w", ErrInvalidKey)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// String redacts the key.
func (k *PrivateKey) String() string {
	if k == nil || k.key == nil {
		return "certify.PrivateKey(nil)"
	}
	return fmt.Sprintf("certify.PrivateKey{RSA-%d [redacted]}", k.bits)
}

// GoString redacts the key.
func (k *PrivateKey) GoString() string { return k.String() }

// Format redacts the key under every verb.
func (k *PrivateKey) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(k.String())) }
