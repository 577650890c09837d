package atclient

import (
	"bytes"
	"crypto/aes"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// WS-Security as AT's authentication system demands it (series generic
// manual §4.1; the e-Fatura generic manual §2.2 describes the same header).
// Shared by every AT service of this package.

// nsWSSecurity is the (2002 draft) namespace AT uses for wss:Security.
const nsWSSecurity = "http://schemas.xmlsoap.org/ws/2002/12/secext"

// createdLayout is ISO 8601 in UTC as the manual's example
// "2013-01-01T19:20:30.45Z" (H.4), with milliseconds.
const createdLayout = "2006-01-02T15:04:05.000Z"

// usernameToken is the content of wss:UsernameToken: the Username in clear,
// the other three fields base64 text.
type usernameToken struct {
	Username string
	Password string // Base64(AES-ECB-PKCS5_Ks(password)), H.3
	Nonce    string // Base64(RSA-PKCS#1v1.5_KpubSA(Ks)), H.2
	Created  string // Base64(AES-ECB-PKCS5_Ks(UTC time)), H.4
}

// newUsernameToken draws a fresh 128-bit AES key Ks from crypto/rand (H.2:
// "gerada aleatoriamente e a qual não pode ser repetida"), encrypts it with
// AT's public key for the Nonce, and encrypts the password and the creation
// time under it.
func newUsernameToken(key *rsa.PublicKey, username string, password []byte, now time.Time) (usernameToken, error) {
	ks := make([]byte, 16)
	if _, err := io.ReadFull(rand.Reader, ks); err != nil {
		return usernameToken{}, fmt.Errorf("atclient: WS-Security: random key: %w", err)
	}
	defer clear(ks)
	//lint:ignore SA1019 AT's protocol demands RSA PKCS#1 v1.5 for the Nonce (generic manual §4.1, H.2).
	nonce, err := rsa.EncryptPKCS1v15(rand.Reader, key, ks)
	if err != nil {
		return usernameToken{}, fmt.Errorf("atclient: WS-Security: encrypting the request key with the AT public key: %w", err)
	}
	created := now.UTC().Format(createdLayout)
	return usernameToken{
		Username: username,
		Password: base64.StdEncoding.EncodeToString(aesECBEncrypt(ks, password)),
		Nonce:    base64.StdEncoding.EncodeToString(nonce),
		Created:  base64.StdEncoding.EncodeToString(aesECBEncrypt(ks, []byte(created))),
	}, nil
}

// aesECBEncrypt is AES in ECB mode with PKCS#5 (for a 16-byte block: PKCS#7)
// padding, what Java calls "AES/ECB/PKCS5Padding". ECB is AT's choice, not
// ours; each plaintext is short and each key used once.
func aesECBEncrypt(key, plain []byte) []byte {
	block, err := aes.NewCipher(key)
	if err != nil {
		panic("atclient: AES key of invalid length") // key is always 16 bytes here
	}
	n := aes.BlockSize - len(plain)%aes.BlockSize
	buf := append(append(make([]byte, 0, len(plain)+n), plain...), bytes.Repeat([]byte{byte(n)}, n)...)
	for i := 0; i < len(buf); i += aes.BlockSize {
		block.Encrypt(buf[i:i+aes.BlockSize], buf[i:i+aes.BlockSize])
	}
	return buf
}

// writeSecurityHeader writes the SOAP header element with the token, using the
// "wss" prefix of the manual's example (§4.1.1).
func writeSecurityHeader(w *bytes.Buffer, t usernameToken) {
	w.WriteString(`<S:Header><wss:Security xmlns:wss="` + nsWSSecurity + `"><wss:UsernameToken><wss:Username>`)
	_ = xml.EscapeText(w, []byte(t.Username))
	w.WriteString(`</wss:Username><wss:Password>` + t.Password + `</wss:Password><wss:Nonce>` + t.Nonce +
		`</wss:Nonce><wss:Created>` + t.Created + `</wss:Created></wss:UsernameToken></wss:Security></S:Header>`)
}
