package atclient

import (
	"crypto/rsa"
	"crypto/x509"
	_ "embed"
	"encoding/pem"
	"errors"
	"fmt"
	"sync"
	"time"
)

// The public key of AT's authentication system ("Chave Cifra Publica AT",
// generic manual §2.2 and §6.2), valid from 2025-04-15 to 2027-04-15. The same
// key serves the test and production endpoints.
//
//go:embed ChaveCifraPublicaAT2027.cer
var embeddedATKey []byte

// ErrATKeyExpired reports a request that would be encrypted with an AT public
// key whose certificate has expired: AT refuses such requests, so none is
// sent. Get the current key from AT and pass it with WithATKey.
var ErrATKeyExpired = errors.New("atclient: AT public key expired")

// ATKey is the public key of AT's authentication system with which the
// per-request AES key is encrypted (the WS-Security Nonce). It is public
// information; an ATKey made from a certificate carries its validity period.
type ATKey struct {
	pub      *rsa.PublicKey
	subject  string
	notAfter time.Time // zero: no known expiry
}

var defaultATKey = sync.OnceValues(func() (ATKey, error) { return ParseATKey(embeddedATKey) })

// DefaultATKey returns AT's public key embedded in this package
// (ChaveCifraPublicaAT2027.cer, valid until 2027-04-15).
func DefaultATKey() ATKey {
	k, err := defaultATKey()
	if err != nil {
		// The embedded file is part of the build and tested; this cannot
		// happen unless the source tree is corrupt.
		panic("atclient: embedded AT key: " + err.Error())
	}
	return k
}

// ParseATKey reads AT's public key from its X.509 certificate, PEM or DER
// (the .cer file AT sends). The certificate's expiry is kept: a request after
// it fails with ErrATKeyExpired.
func ParseATKey(data []byte) (ATKey, error) {
	der := data
	if block, _ := pem.Decode(data); block != nil {
		if block.Type != "CERTIFICATE" {
			return ATKey{}, fmt.Errorf("atclient: AT key: PEM block is %q, want CERTIFICATE", block.Type)
		}
		der = block.Bytes
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return ATKey{}, fmt.Errorf("atclient: AT key: not an X.509 certificate: %w", err)
	}
	pub, ok := cert.PublicKey.(*rsa.PublicKey)
	if !ok {
		return ATKey{}, fmt.Errorf("atclient: AT key: certificate key is %T, want RSA", cert.PublicKey)
	}
	return ATKey{pub: pub, subject: cert.Subject.CommonName, notAfter: cert.NotAfter}, nil
}

// NewATKey makes an ATKey from a bare RSA public key (for example a
// simulator's); notAfter is its expiry, zero for none.
func NewATKey(pub *rsa.PublicKey, notAfter time.Time) (ATKey, error) {
	if pub == nil || pub.N == nil {
		return ATKey{}, errors.New("atclient: AT key: nil RSA public key")
	}
	return ATKey{pub: pub, subject: "RSA public key", notAfter: notAfter}, nil
}

// NotAfter returns the end of the key's validity, zero when unknown.
func (k ATKey) NotAfter() time.Time { return k.notAfter }

// Subject returns the common name of the key's certificate.
func (k ATKey) Subject() string { return k.subject }

// PublicKey returns the RSA public key.
func (k ATKey) PublicKey() *rsa.PublicKey { return k.pub }

// usable reports whether the key may encrypt a request made at now.
func (k ATKey) usable(now time.Time) error {
	if k.pub == nil {
		return errors.New("atclient: no AT public key")
	}
	if !k.notAfter.IsZero() && now.After(k.notAfter) {
		return fmt.Errorf("%w: %q expired on %s; get the current key from AT and pass it with WithATKey",
			ErrATKeyExpired, k.subject, k.notAfter.UTC().Format(time.DateOnly))
	}
	return nil
}
