package attest

import (
	"testing"
	"time"
)

// FuzzApply: any Body content goes through the simulator's parsing and
// rules without a panic, and every answer has one of the manual's codes.
func FuzzApply(f *testing.F) {
	for _, s := range []string{
		register("A", "2030-01-01"), register("a..b", "2030-13-01"),
		`<at:consultarSeries xmlns:at="http://at.gov.pt/"><serie>A</serie><dataRegistoDe>2030-01-02</dataRegistoDe><dataRegistoAte>2030-01-01</dataRegistoAte></at:consultarSeries>`,
		`<at:finalizarSerie xmlns:at="http://at.gov.pt/"><serie>A</serie><classeDoc>SI</classeDoc><tipoDoc>FT</tipoDoc><codValidacaoSerie>018033Y8</codValidacaoSerie><seqUltimoDocEmitido>5</seqUltimoDocEmitido></at:finalizarSerie>`,
		`<at:anularSerie xmlns:at="http://at.gov.pt/"><serie>A</serie><classeDoc>SI</classeDoc><tipoDoc>FT</tipoDoc><codValidacaoSerie>018033Y8</codValidacaoSerie><motivo>ER</motivo><declaracaoNaoEmissao>true</declaracaoNaoEmissao></at:anularSerie>`,
		"", "<", "<x/>",
	} {
		f.Add([]byte(s))
	}
	known := map[int]bool{2001: true, 2002: true, 2003: true, 2004: true, 4000: true, 4001: true, 4002: true, 4003: true,
		4004: true, 4005: true, 4043: true, 4045: true, 4046: true, 4047: true, 4048: true, 4049: true, 4051: true}
	f.Fuzz(func(t *testing.T, body []byte) {
		s := &Server{clock: func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) },
			inactive: map[string]bool{}, books: map[string]*book{}, calls: map[string]int{}, requests: map[string]int{}}
		// Twice, so that state-dependent rules (4001, finalize) run too.
		for range 2 {
			op, fields, err := parseOperation(body, operations)
			if err != nil {
				continue
			}
			code, msg, _ := s.apply(DefaultNIF, op, fields)
			if !known[code] || msg == "" {
				t.Fatalf("%s: code %d %q", op, code, msg)
			}
		}
	})
}
