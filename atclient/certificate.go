package atclient

import (
	"crypto"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

// Certificate is the software producer's AT-issued TLS client certificate with
// its private key (generic manual §3 and §5), presented in the mutual-TLS
// handshake with AT. Its private key never appears in a formatted value,
// nor to a reflective printer (go-spew, what testify prints on a failed
// assertion) or encoding/json: it is held behind a function, whose
// captured variables reflection cannot reach.
type Certificate struct {
	// subject is also what keeps the struct from being a single pointer,
	// which go-spew mishandles (it dereferences the function as the struct).
	subject string
	tls     func() *tls.Certificate
}

func newCertificate(c tls.Certificate) Certificate {
	cert := Certificate{tls: func() *tls.Certificate { return &c }}
	if leaf := cert.leaf(); leaf != nil {
		cert.subject = leaf.Subject.String()
	}
	return cert
}

// get returns the certificate and key, nil for the zero Certificate.
func (c Certificate) get() *tls.Certificate {
	if c.tls == nil {
		return nil
	}
	return c.tls()
}

// usable reports whether c has a certificate and a private key.
func (c Certificate) usable() bool {
	t := c.get()
	return t != nil && len(t.Certificate) > 0 && t.PrivateKey != nil
}

// LoadPKCS12 reads a certificate and its private key from a PKCS#12 file
// (.pfx/.p12), the format of generic manual §5.3 and of AT's test
// certificate. The legacy encryptions (RC2-40, 3DES with SHA-1) that
// AT's test certificate and "openssl pkcs12 -export -legacy" use are
// supported, as are the modern ones (AES-256 with PBKDF2).
func LoadPKCS12(data []byte, password string) (Certificate, error) {
	key, leaf, chain, err := pkcs12.DecodeChain(data, password)
	if err != nil {
		if errors.Is(err, pkcs12.ErrIncorrectPassword) {
			return Certificate{}, errors.New("atclient: client certificate: PKCS#12 password is incorrect")
		}
		if len(data) > 1 && data[0] == 0x30 && data[1] == 0x80 {
			// Indefinite lengths: BER, which Go's ASN.1 (DER only) cannot read.
			return Certificate{}, fmt.Errorf("atclient: client certificate: the PKCS#12 file is BER-encoded, which is not supported; "+
				"re-export it with OpenSSL (openssl pkcs12 -in in.pfx -nodes -out all.pem; openssl pkcs12 -export -legacy -in all.pem -out out.pfx) "+
				"or use LoadPEM: %w", err)
		}
		return Certificate{}, fmt.Errorf("atclient: client certificate: reading PKCS#12: %w", err)
	}
	c := tls.Certificate{Certificate: [][]byte{leaf.Raw}, PrivateKey: key, Leaf: leaf}
	for _, ca := range chain {
		c.Certificate = append(c.Certificate, ca.Raw)
	}
	if err := checkKeyPair(leaf, key); err != nil {
		return Certificate{}, err
	}
	return newCertificate(c), nil
}

// LoadPEM reads a certificate (and optionally its chain) and its private key
// from PEM, as openssl writes them (generic manual §5.1).
func LoadPEM(certPEM, keyPEM []byte) (Certificate, error) {
	c, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return Certificate{}, fmt.Errorf("atclient: client certificate: reading PEM: %w", err)
	}
	return newCertificate(c), nil
}

// CertificateFromTLS wraps a certificate already loaded with crypto/tls (for
// example the client certificate of the attest simulator).
func CertificateFromTLS(c tls.Certificate) (Certificate, error) {
	if len(c.Certificate) == 0 || c.PrivateKey == nil {
		return Certificate{}, errors.New("atclient: client certificate: no certificate or no private key")
	}
	return newCertificate(c), nil
}

func checkKeyPair(leaf *x509.Certificate, key crypto.PrivateKey) error {
	signer, ok := key.(crypto.Signer)
	if !ok {
		return fmt.Errorf("atclient: client certificate: private key of type %T cannot sign", key)
	}
	pub, ok := signer.Public().(interface{ Equal(crypto.PublicKey) bool })
	if !ok || !pub.Equal(leaf.PublicKey) {
		return errors.New("atclient: client certificate: private key does not match the certificate")
	}
	return nil
}

// Subject returns the certificate's subject (for AT, CN is the producer's NIF).
func (c Certificate) Subject() string { return c.subject }

// NotAfter returns the end of the certificate's validity (AT issues them for
// 24 months, generic manual §5.4).
func (c Certificate) NotAfter() time.Time {
	if leaf := c.leaf(); leaf != nil {
		return leaf.NotAfter
	}
	return time.Time{}
}

// X509 returns the certificate itself (its public part, never the key),
// e.g. for the expiry check of package setup; nil for the zero Certificate.
func (c Certificate) X509() *x509.Certificate { return c.leaf() }

func (c Certificate) leaf() *x509.Certificate {
	t := c.get()
	if t == nil {
		return nil
	}
	if t.Leaf != nil {
		return t.Leaf
	}
	if len(t.Certificate) == 0 {
		return nil
	}
	leaf, err := x509.ParseCertificate(t.Certificate[0])
	if err != nil {
		return nil
	}
	return leaf
}

// String shows the subject and hides the private key.
func (c Certificate) String() string {
	return "atclient.Certificate{Subject: " + c.Subject() + ", PrivateKey: [REDACTED]}"
}

// GoString is String.
func (c Certificate) GoString() string { return c.String() }

// Format makes every verb print String.
func (c Certificate) Format(f fmt.State, verb rune) { _, _ = fmt.Fprint(f, c.String()) }

// tlsConfig is the client TLS configuration shared by every AT service:
// TLS 1.2 at least, the producer's certificate, the server verified against
// roots (nil: the system's) unless skipVerify.
func tlsConfig(cert Certificate, roots *x509.CertPool, skipVerify bool) *tls.Config {
	return &tls.Config{
		MinVersion:         tls.VersionTLS12,
		Certificates:       []tls.Certificate{*cert.get()},
		RootCAs:            roots,
		InsecureSkipVerify: skipVerify, // only by WithInsecureSkipServerVerification
	}
}
