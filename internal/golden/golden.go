// Package golden holds the one -update flag of the module's golden-file
// tests and the comparison they share: a test computes its output, Check
// compares it with the file under testdata/, and "go test -update"
// rewrites the files after a reviewed change.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with the tests' output")

// Update reports whether the tests run with -update.
func Update() bool { return *update }

// Check fails t when got differs from the file at path, naming the first
// differing line; with -update it first writes got to path.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s differs from the output (%d bytes, want %d), %s; review and rewrite it with go test -update", path, len(got), len(want), firstDiff(got, want))
	}
}

func firstDiff(got, want []byte) string {
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) && i < len(wl); i++ {
		if gl[i] != wl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + clip(gl[i]) + "\nwant: " + clip(wl[i])
		}
	}
	return "one is a prefix of the other"
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}
