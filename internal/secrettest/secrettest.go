// Package secrettest checks, for the tests of the types that hold keys and
// passwords, that no printed form of a value reveals a secret: the fmt
// verbs, go-spew (with its methods on, and off at any depth, which is how
// testify prints the values of a failed assertion) and encoding/json.
//
// A secret is looked for in every form it takes in those printers: a
// string as text, hex and base64; a big.Int (an RSA modulus, exponent or
// prime) in decimal, in hex and as the machine words go-spew prints when
// it walks into one; bytes also as the rows of a hex dump.
package secrettest

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/davecgh/go-spew/spew"
)

// Secret is a value that must not be printed, with the name a failure
// reports.
type Secret struct {
	Name  string
	Value any // string, []byte or *big.Int
}

// Forms returns the printed forms of v by printer.
func Forms(v any) map[string]string {
	forms := map[string]string{}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		forms["fmt "+verb] = fmt.Sprintf(verb, v)
	}
	forms["spew.Sdump"] = spew.Sdump(v)
	forms["spew %#+v"] = spew.Sprintf("%#+v", v)
	forms["spew without methods"] = (&spew.ConfigState{Indent: " ", DisableMethods: true, DisablePointerMethods: true}).Sdump(v)
	forms["testify's spew"] = (&spew.ConfigState{Indent: " ", DisablePointerAddresses: true, DisableCapacities: true,
		SortKeys: true, DisableMethods: true, MaxDepth: 10}).Sdump(v)
	b, err := json.Marshal(v)
	if err != nil {
		forms["encoding/json"] = err.Error()
	} else {
		forms["encoding/json"] = string(b)
	}
	return forms
}

// AssertHidden fails t for every printed form of v (see Forms) that shows
// one of secrets, and returns whether none did.
func AssertHidden(t testing.TB, v any, secrets ...Secret) bool {
	t.Helper()
	ok := true
	for printer, out := range Forms(v) {
		dump := strings.ToLower(strings.Join(strings.Fields(out), ""))
		for _, s := range secrets {
			for _, n := range needles(s.Value) {
				hay := out
				if n.dump {
					hay = dump
				}
				if n.text != "" && strings.Contains(hay, n.text) {
					t.Errorf("%s reveals %s (%s)", printer, s.Name, n.form)
					ok = false
					break
				}
			}
		}
	}
	return ok
}

type needle struct {
	form string
	text string
	dump bool // look in the output without white space, lower case
}

// minLen is the shortest text looked for: shorter ones could match by
// chance.
const minLen = 6

func needles(v any) []needle {
	switch x := v.(type) {
	case string:
		return bytesNeedles([]byte(x))
	case []byte:
		return bytesNeedles(x)
	case *big.Int:
		ns := []needle{{form: "decimal", text: x.String()}, {form: "hex", text: x.Text(16)}}
		for _, w := range x.Bits() {
			if uint64(w) >= 1<<40 { // a word of a key, not a small number
				ns = append(ns, needle{form: "machine word", text: strconv.FormatUint(uint64(w), 10)})
			}
		}
		return append(ns, windows(x.Bytes())...)
	}
	panic(fmt.Sprintf("secrettest: secret of type %T", v))
}

func bytesNeedles(b []byte) []needle {
	if len(b) < minLen {
		panic("secrettest: a secret shorter than 6 bytes cannot be looked for reliably")
	}
	ns := []needle{
		{form: "text", text: string(b)},
		{form: "hex", text: hex.EncodeToString(b)},
		{form: "base64", text: base64.StdEncoding.EncodeToString(b)},
	}
	return append(ns, windows(b)...)
}

// windows are the 6-byte runs of b as a hex dump shows them (go-spew prints
// a []byte so, 16 bytes a row): one of them lies within a row whatever
// the alignment.
func windows(b []byte) []needle {
	var ns []needle
	for i := 0; i+minLen <= len(b); i++ {
		ns = append(ns, needle{form: "hex dump", text: hex.EncodeToString(b[i : i+minLen]), dump: true})
	}
	return ns
}
