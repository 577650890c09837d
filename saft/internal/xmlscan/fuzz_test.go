package xmlscan

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"testing/iotest"
)

// FuzzScanner is the differential test against encoding/xml: on every input
// both accept, the element and text sequences are identical; on any input the
// scanner does not panic, rejects with a positioned *SyntaxError, and gives
// the same result whatever the buffer size and read pattern. On
// any input, reading leaves with LeafText gives the tokens and
// positions of Next.
func FuzzScanner(f *testing.F) {
	for _, seed := range []string{
		sample,
		"<a/>",
		"<a>x</a>",
		"<a><b>1</b><b>2</b></a>",
		"<?xml version=\"1.0\" encoding=\"Windows-1252\"?><a>\xE9\x80</a>",
		"<?xml version='1.0' encoding='ISO-8859-1'?><a b='\xE9'>\xE3</a>",
		"\xEF\xBB\xBF<a>&#x10FFFF;&#65;</a>",
		"<p:a xmlns:p='urn:p'><p:b xmlns='urn:d'><c/></p:b></p:a>",
		"<a>\r\n<![CDATA[\r\nx]]>\r</a>",
		"<a><!-- c --><?pi x?>t</a>",
		"<a x='1' y=\"2\">&lt;&gt;&amp;&quot;&apos;</a>",
		"<a>]]></a>",
		"<!DOCTYPE a><a/>",
		"<a></b>",
		"<?xml version='1.0' encoding='windows-1252'?><a\xE7\xE3o>x</a\xE7\xE3o>",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := tokens(t, in)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Line < 1 || se.Col < 1 {
				t.Fatalf("error without a position: %v", err)
			}
		}
		// LeafText reads what Next reads, positions and errors included.
		want, wantErr := positioned(New(bytes.NewReader(in)), false)
		leaf, leafErr := positioned(New(iotest.HalfReader(bytes.NewReader(in)), WithBufferSize(16)), true)
		if fmt.Sprint(wantErr) != fmt.Sprint(leafErr) || !equal(want, leaf) {
			t.Fatalf("LeafText differs from Next (%v, %v):\n%q\n%q", wantErr, leafErr, want, leaf)
		}
		small, err2 := tokensFrom(New(iotest.HalfReader(bytes.NewReader(in)), WithBufferSize(16)))
		if (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("buffer size changes the result: %v vs %v", err, err2)
		}
		if err != nil {
			return
		}
		if !equal(got, small) {
			t.Fatalf("buffer size changes the tokens:\n%q\n%q", got, small)
		}
		std, stdErr := stdTokens(in)
		if stdErr != nil {
			return
		}
		if !equal(got, std) {
			t.Fatalf("differs from encoding/xml on %q:\nours %q\nstd  %q", in, got, std)
		}
	})
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
