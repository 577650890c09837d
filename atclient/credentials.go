package atclient

import (
	"errors"
	"fmt"
)

// Credentials are the Portal das Finanças credentials of the taxpayer's
// sub-user that has the web-service profile (WSE for series, generic manual
// §2 and §2.1). The password is kept out of every formatted value; the manual
// asks programs to ask the user for it rather than store it (§2).
type Credentials struct {
	nif, subUser string
	password     secret
}

// NewCredentials checks and returns the credentials of sub-user subUser of
// the taxpayer nif. AT's Username is "NIF/sub-user" (generic manual §4.1,
// H.1: "555555555/1", "555555555/0002").
func NewCredentials(nif, subUser, password string) (Credentials, error) {
	var errs []error
	if !isDigits(nif) || len(nif) != 9 {
		errs = append(errs, errors.New("atclient: credentials: NIF must be 9 digits"))
	}
	if !isDigits(subUser) || len(subUser) > 10 {
		errs = append(errs, errors.New("atclient: credentials: sub-user must be 1 to 10 digits (the number after the NIF in NIF/sub-user)"))
	}
	if password == "" {
		errs = append(errs, errors.New("atclient: credentials: password is empty"))
	}
	if len(errs) > 0 {
		return Credentials{}, errors.Join(errs...)
	}
	return Credentials{nif: nif, subUser: subUser, password: newSecret([]byte(password))}, nil
}

// Username returns the WS-Security Username, "NIF/sub-user".
func (c Credentials) Username() string { return c.nif + "/" + c.subUser }

// NIF returns the taxpayer's NIF.
func (c Credentials) NIF() string { return c.nif }

func (c Credentials) isZero() bool { return c.nif == "" }

// String shows the username and hides the password.
func (c Credentials) String() string {
	return "atclient.Credentials{Username: " + c.Username() + ", Password: [REDACTED]}"
}

// GoString is String: %#v must not reveal the password either.
func (c Credentials) GoString() string { return c.String() }

// Format makes every verb (%v, %+v, %#v, %s, %q, %x...) print String.
func (c Credentials) Format(f fmt.State, verb rune) { _, _ = fmt.Fprint(f, c.String()) }

// secret holds bytes behind a function, so that even reflection-based
// printing of an enclosing struct shows a function pointer, not the value.
type secret struct{ get func() []byte }

func newSecret(b []byte) secret {
	c := append([]byte(nil), b...)
	return secret{get: func() []byte { return c }}
}

func (s secret) bytes() []byte {
	if s.get == nil {
		return nil
	}
	return s.get()
}

func (secret) String() string                { return "[REDACTED]" }
func (secret) GoString() string              { return "[REDACTED]" }
func (secret) Format(f fmt.State, verb rune) { _, _ = fmt.Fprint(f, "[REDACTED]") }

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
