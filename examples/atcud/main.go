// Command atcud shows the ATCUD of a few documents and checks a few NIFs.
//
// It needs no arguments and no network: go run ./examples/atcud
package main

import (
	"fmt"
	"os"

	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/nif"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "atcud example:", err)
		os.Exit(1)
	}
}

func run() error {
	fmt.Println("ATCUD of documents (validation code from AT + number after the '/'):")
	docs := []struct{ code, number string }{
		{"CSDF7T5H", "FT AB2019/0035"},   // QR-code specification, example 1
		{"CDF7T5HD", "FS CDVF/12345"},    // QR-code specification, example 2
		{"AB12CD34EF", "NC 2026.A/0007"}, // a 10-character code
	}
	for _, d := range docs {
		a, err := atcud.New(d.code, d.number)
		if err != nil {
			return err
		}
		fmt.Printf("  %-16s -> %s\n", d.number, a.Label())
	}

	// A program that keeps numbers as integers.
	a, err := atcud.FromSequence("CSDF7T5H", 36)
	if err != nil {
		return err
	}
	fmt.Printf("  %-16s -> %s\n", "number 36", a.Label())

	// Documents issued before the series was communicated keep ATCUD "0".
	fmt.Printf("  %-16s -> %s\n", "before the code", atcud.Legacy.Label())

	fmt.Println("Reading ATCUDs back:")
	for _, s := range []string{"ATCUD:CSDF7T5H-0035", "0", "CSDF7T5H-0000", "ABC-12"} {
		p, err := atcud.Parse(s)
		if err != nil {
			fmt.Printf("  %-20s rejected: %v\n", s, err)
			continue
		}
		fmt.Printf("  %-20s code %q number %q legacy %v\n", s, p.ValidationCode(), p.Number(), p.IsLegacy())
	}

	fmt.Println("NIF checks:")
	for _, n := range []string{"503504564", nif.FinalConsumer, "123456789", "123456780", "401234509", "12345678"} {
		if err := nif.Validate(n); err != nil {
			fmt.Printf("  %-10s invalid: %v\n", n, err)
			continue
		}
		fmt.Printf("  %-10s valid (%s)\n", n, nif.CategoryOf(n).DescriptionEN())
	}
	return nil
}
