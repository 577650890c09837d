package attest

import (
	"crypto/aes"
	"crypto/rsa"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log"
	"strings"
	"time"
)

// token is the UsernameToken as it arrives: base64 text except Username.
type token struct {
	Username string `xml:"Username"`
	Password string `xml:"Password"`
	Nonce    string `xml:"Nonce"`
	Created  string `xml:"Created"`
}

// authFault is a refused WS-Security header; its text is the faultstring.
type authFault struct{ reason string }

func (f *authFault) Error() string { return f.reason }

func refuseAuth(format string, args ...any) error {
	return &authFault{reason: fmt.Sprintf(format, args...)}
}

// authenticate decrypts and checks the token (generic manual §4.1) and
// returns the NIF of the user. Ks must be new, the password right, Created
// within the skew.
func (s *Server) authenticate(t *token) (string, error) {
	if t == nil {
		return "", refuseAuth("WS-Security header missing")
	}
	user := strings.TrimSpace(t.Username)
	nif, sub, ok := strings.Cut(user, "/")
	if !ok || len(nif) != 9 || !isDigits(nif) || !isDigits(sub) {
		return "", refuseAuth("Username %q is not NIF/sub-user", clip(user))
	}
	nonce, err := b64(t.Nonce)
	if err != nil {
		return "", refuseAuth("Nonce is not base64")
	}
	//lint:ignore SA1019 AT's protocol demands RSA PKCS#1 v1.5 for the Nonce (generic manual §4.1, H.2).
	ks, err := rsa.DecryptPKCS1v15(nil, s.encKey(), nonce)
	if err != nil || len(ks) != 16 {
		return "", refuseAuth("Nonce does not decrypt to a 128-bit AES key with the authentication system's key")
	}
	pw, err := s.decryptField(ks, t.Password)
	if err != nil {
		return "", refuseAuth("Password: %v", err)
	}
	created, err := s.decryptField(ks, t.Created)
	if err != nil {
		return "", refuseAuth("Created: %v", err)
	}
	when, err := parseCreated(string(created))
	if err != nil {
		return "", refuseAuth("Created %q is not a UTC ISO 8601 time", clip(string(created)))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if d := now.Sub(when); d > s.skew || d < -s.skew {
		return "", refuseAuth("Created %s is %s away from the server's time %s (tolerance %s)",
			when.UTC().Format(time.RFC3339), d.Round(time.Second), now.UTC().Format(time.RFC3339), s.skew)
	}
	want, known := s.users[user]
	if !known || subtle.ConstantTimeCompare(want(), pw) != 1 {
		return "", refuseAuth("authentication failed for %s", user)
	}
	// A request key is used once (H.2: "não pode ser repetida"). Keys older
	// than twice the skew can be forgotten: their Created is refused anyway.
	k := hex.EncodeToString(ks)
	if _, seen := s.keysSeen[k]; seen {
		return "", refuseAuth("request key (Nonce) already used: every request needs a new one")
	}
	for old, at := range s.keysSeen {
		if now.Sub(at) > 2*s.skew {
			delete(s.keysSeen, old)
		}
	}
	s.keysSeen[k] = now
	return nif, nil
}

func (s *Server) decryptField(ks []byte, field string) ([]byte, error) {
	ct, err := b64(field)
	if err != nil {
		return nil, errors.New("not base64")
	}
	block, _ := aes.NewCipher(ks)
	if len(ct) == 0 || len(ct)%aes.BlockSize != 0 {
		return nil, errors.New("not AES-ECB ciphertext (length)")
	}
	out := make([]byte, len(ct))
	for i := 0; i < len(ct); i += aes.BlockSize {
		block.Decrypt(out[i:i+aes.BlockSize], ct[i:i+aes.BlockSize])
	}
	n := int(out[len(out)-1])
	if n < 1 || n > aes.BlockSize {
		return nil, errors.New("bad PKCS#5 padding (wrong key?)")
	}
	for _, p := range out[len(out)-n:] {
		if int(p) != n {
			return nil, errors.New("bad PKCS#5 padding (wrong key?)")
		}
	}
	return out[:len(out)-n], nil
}

// b64 decodes base64 that may be wrapped over lines (the manual's example
// Nonce is).
func b64(s string) ([]byte, error) {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, s)
	return base64.StdEncoding.DecodeString(s)
}

// parseCreated accepts ISO 8601 UTC times as the manual's example
// "2013-01-01T19:20:30.45Z", with or without fractions, and explicit
// offsets.
func parseCreated(v string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("bad time")
}

func clip(v string) string {
	if len(v) > 80 {
		return v[:80] + "…"
	}
	return v
}

func discardLogger() *log.Logger { return log.New(io.Discard, "", 0) }
