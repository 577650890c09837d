// Package xmllint runs libxml2's xmllint for the tests that check a
// document against an XSD 1.0 schema (SAF-T's SAFTPT1.04_01.xsd10.xsd, the
// e-Fatura WSDL's schema). Where xmllint is not installed the check is
// skipped on a developer's machine and fails under CI (CI set in the
// environment), where it must run.
package xmllint

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Path returns xmllint's path, or skips t (fails it under CI) when xmllint
// is not installed.
func Path(t testing.TB) string {
	t.Helper()
	p, ok := Lookup(t)
	if !ok {
		t.Skip("xmllint not installed (apt-get install libxml2-utils): schema check skipped")
	}
	return p
}

// Lookup returns xmllint's path and true, or false when it is not
// installed (failing t under CI): for a test that runs other checks
// without it.
func Lookup(t testing.TB) (string, bool) {
	t.Helper()
	p, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is required in CI (apt-get install libxml2-utils)")
		}
		return "", false
	}
	return p, true
}

// Validate returns nil when doc is valid against the schema file xsd, and
// otherwise an error with xmllint's report. It skips t as Path does.
func Validate(t testing.TB, xsd string, doc []byte) error {
	t.Helper()
	cmd := exec.Command(Path(t), "--noout", "--schema", xsd, "-")
	cmd.Stdin = bytes.NewReader(doc)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("xmllint: %v: %s", err, out)
	}
	return nil
}

// ValidateFile is Validate for a document in a file.
func ValidateFile(t testing.TB, xsd, path string) error {
	t.Helper()
	if out, err := exec.Command(Path(t), "--noout", "--schema", xsd, path).CombinedOutput(); err != nil {
		return fmt.Errorf("xmllint: %v: %s", err, out)
	}
	return nil
}

// SchemaFromWSDL writes the schema a WSDL embeds, its element tag (with the
// prefix the WSDL gives it), as a standalone XSD file named name in t's
// temporary directory and returns its path. decls declares on it the
// namespace prefixes it uses that the WSDL declares on wsdl:definitions.
func SchemaFromWSDL(t testing.TB, wsdl []byte, tag, decls, name string) string {
	t.Helper()
	w := string(wsdl)
	start := strings.Index(w, "<"+tag+" ")
	end := strings.Index(w, "</"+tag+">")
	if start < 0 || end < start {
		t.Fatalf("no <%s> element in the WSDL", tag)
	}
	schema := "<" + tag + " " + decls + " " + w[start+len(tag)+2:end+len(tag)+3]
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+schema), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
