package certify

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"strconv"
)

// HashLen is the length of a signature of a 1024-bit key in base64: 172
// characters without line breaks (Despacho §7.1; SAF-T Hash, max 172).
const HashLen = 172

// Signer signs documents with the producer's private key: RSA PKCS#1 v1.5
// over SHA-1, base64 (Despacho §6.2, §7.1). PKCS#1 v1.5 is deterministic: the
// same message and key always give the same hash.
//
// A Signer is safe for concurrent use. It never prints its key: %v, %+v, %#v
// and %s show only the key size and version, and a reflective printer or
// encoding/json cannot reach it (see [PrivateKey]).
type Signer struct {
	key     func() *rsa.PrivateKey
	bits    int
	version int
}

// NewSigner returns a Signer for key, recorded as private key version
// keyVersion (1, 2, ...: Despacho §2.1.3, the HashControl of every document
// it signs). The key's size was checked when it was loaded.
func NewSigner(key *PrivateKey, keyVersion int) (*Signer, error) {
	if key == nil || key.key == nil {
		return nil, fmt.Errorf("certify: signer: nil key: %w", ErrInvalidKey)
	}
	if keyVersion < 1 {
		return nil, invalidOne("keyVersion", CodeKeyVersion, "key version %d must be 1 or more (Despacho 8632/2014 §2.1.3)", keyVersion)
	}
	return &Signer{key: key.key, bits: key.bits, version: keyVersion}, nil
}

// KeyVersion returns the private key version.
func (s *Signer) KeyVersion() int { return s.version }

// HashControl returns the HashControl of documents this Signer signs: the key
// version ("1"). See [ManualHashControl] and [DuplicateHashControl] for
// recovered documents.
func (s *Signer) HashControl() string { return strconv.Itoa(s.version) }

// Public returns the public key.
func (s *Signer) Public() *rsa.PublicKey { return &s.key().PublicKey }

// SignMessage signs message (see [Message]) and returns the base64 hash.
func (s *Signer) SignMessage(message string) (string, error) {
	return s.sign(sha1.Sum([]byte(message)))
}

// SignDocument validates doc and signs its message after previousHash (""
// for the first document of a series). It does not check the chain's order;
// [Chain.Sign] does.
func (s *Signer) SignDocument(doc Document, previousHash string) (string, error) {
	if err := doc.Validate(); err != nil {
		return "", err
	}
	var buf [256]byte
	return s.sign(sha1.Sum(doc.appendMessage(buf[:0], previousHash)))
}

func (s *Signer) sign(digest [sha1.Size]byte) (string, error) {
	sig, err := rsa.SignPKCS1v15(nil, s.key(), crypto.SHA1, digest[:])
	if err != nil {
		// The rsa error describes the operation, never the key.
		return "", fmt.Errorf("certify: signing: %w", err)
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

// String redacts the key.
func (s *Signer) String() string {
	if s == nil || s.key == nil {
		return "certify.Signer(nil)"
	}
	return fmt.Sprintf("certify.Signer{key: RSA-%d [redacted], version: %d}", s.bits, s.version)
}

// GoString redacts the key.
func (s *Signer) GoString() string { return s.String() }

// Format redacts the key under every verb.
func (s *Signer) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }

// Bits returns the size of the key in bits.
func (s *Signer) Bits() int { return s.bits }
