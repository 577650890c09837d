package qrcode

import (
	"errors"
	"testing"

	"github.com/faturapt/faturapt/violation"
)

// FuzzParse: Parse never panics, every error is a non-empty
// *violation.Error, and a message Parse accepts is rebuilt unchanged.
func FuzzParse(f *testing.F) {
	for _, ex := range specExamples() {
		f.Add(ex.want)
	}
	for _, seed := range []string{
		"",
		"*",
		"A:",
		"A:123456789*B:ESB12345678*C:ES*D:FS*E:N*F:20190812*G:FS CDVF/12345*H:0*I1:PT-AC*I2:0.00*N:0.15*O:0.80*Q:0*R:9999",
		"A:500000000*B:123456789*C:PT*D:GT*E:N*F:20190720*G:GT G234CB/50987*H:GTVX4Y8B-50987*I1:0*J1:PT-AC*N:0.00*O:0.00*Q:5uIg*R:9999",
		"A:123456789*B:999999990*C:Desconhecido*D:FS*E:N*F:20190812*G:FS A/1*H:ABCDEFGH-1*I1:PT*K1:PT-MA*K8:0.22*N:0.22*O:1.22*Q:ab+/*R:1*S:MB;12345;;1.22",
		"A:1*B:2*C:PT*F:20190230*O:-1.00*O:1*S:",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		doc, err := Parse(msg)
		if err != nil {
			var ve *violation.Error
			if !errors.As(err, &ve) || len(ve.Violations) == 0 || !errors.Is(err, ErrInvalid) {
				t.Fatalf("Parse(%q) error %v is not a non-empty *violation.Error", msg, err)
			}
			return
		}
		got, err := Build(doc)
		if err != nil {
			t.Fatalf("Parse accepted %q but Build rejects it: %v", msg, err)
		}
		if got != msg {
			t.Fatalf("round trip changed the message:\n in: %q\nout: %q", msg, got)
		}
	})
}
