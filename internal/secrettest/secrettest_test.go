package secrettest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// A bare key, its PEM and a password are found by every printer that shows
// them: the checks can fail.
func TestAssertHiddenFindsLeaks(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	pemKey := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})
	cases := []struct {
		name     string
		v        any
		secret   Secret
		printers []string // at least these must report it
	}{
		{"key", key, Secret{"D", key.D}, []string{"fmt %v", "fmt %d", "spew.Sdump", "spew without methods", "testify's spew", "encoding/json"}},
		{"prime in a struct", struct{ K *rsa.PrivateKey }{key}, Secret{"P", key.Primes[0]}, []string{"spew without methods", "encoding/json"}},
		{"PEM bytes", struct{ B []byte }{pemKey}, Secret{"PEM", pemKey}, []string{"fmt %s", "spew.Sdump", "testify's spew", "encoding/json"}},
		{"password", struct{ p string }{"Sup3r-Secret-PF"}, Secret{"password", "Sup3r-Secret-PF"}, []string{"fmt %v", "fmt %x", "spew.Sdump"}},
		{"password bytes", struct{ p []byte }{[]byte("Sup3r-Secret-PF")}, Secret{"password", "Sup3r-Secret-PF"}, []string{"fmt %s", "spew.Sdump", "testify's spew"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := &recorder{TB: t}
			if AssertHidden(r, c.v, c.secret) {
				t.Fatal("no leak reported")
			}
			got := strings.Join(r.errs, "\n")
			for _, p := range c.printers {
				if !strings.Contains(got, p+" reveals "+c.secret.Name) {
					t.Errorf("%s not reported; reports:\n%s", p, got)
				}
			}
		})
	}
}

// A value that holds nothing of the secret is not reported.
func TestAssertHiddenNoFalseAlarm(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	other, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	AssertHidden(t, other, Secret{"D", key.D}, Secret{"N", key.N}, Secret{"password", "Sup3r-Secret-PF"})
}
