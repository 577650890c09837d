package attest

import (
	"testing"
	"time"
)

// FuzzApplySelfBilling: any Body content goes through the self-billing
// service's parsing and rules without a panic, and every answer has one of
// the manual's codes for the operation (or is a fault).
func FuzzApplySelfBilling(f *testing.F) {
	for _, s := range []string{
		`<at:registarSerieAutofaturacao xmlns:at="http://at.gov.pt/"><serie>A</serie><classeDoc>SI</classeDoc><tipoDoc>FT</tipoDoc><numInicialSeq>1</numInicialSeq><dataInicioPrevUtiliz>2030-01-01</dataInicioPrevUtiliz><numCertSWFatur>0</numCertSWFatur><comunicarEmNomeDe>FN</comunicarEmNomeDe><nifAssociadoAoAcordo>501234560</nifAssociadoAoAcordo></at:registarSerieAutofaturacao>`,
		`<at:anularSerieAutofaturacao xmlns:at="http://at.gov.pt/"><serie>A</serie><classeDoc>SI</classeDoc><tipoDoc>FT</tipoDoc><codValidacaoSerie>018033Y8</codValidacaoSerie><motivo>ER</motivo><declaracaoNaoEmissao>true</declaracaoNaoEmissao><acordoRegistadoCom>FN</acordoRegistadoCom><nifAssociadoAoAcordo>501234560</nifAssociadoAoAcordo></at:anularSerieAutofaturacao>`,
		`<at:finalizarSerieAutofaturacao xmlns:at="http://at.gov.pt/"><serie>A</serie><classeDoc>SI</classeDoc><tipoDoc>FT</tipoDoc><codValidacaoSerie>018033Y8</codValidacaoSerie><seqUltimoDocEmitido>5</seqUltimoDocEmitido><acordoRegistadoCom>FN</acordoRegistadoCom><nifAssociadoAoAcordo>501234560</nifAssociadoAoAcordo></at:finalizarSerieAutofaturacao>`,
		`<at:consultarSeriesAutofaturacao xmlns:at="http://at.gov.pt/"><dataRegistoDe>2030-01-02</dataRegistoDe><dataRegistoAte>2030-01-01</dataRegistoAte></at:consultarSeriesAutofaturacao>`,
		`<at:consultarAcordosAutofaturacao xmlns:at="http://at.gov.pt/"><estado>A</estado></at:consultarAcordosAutofaturacao>`,
		"", "<",
	} {
		f.Add([]byte(s))
	}
	documented := map[string]map[int]bool{
		"registarSerieAutofaturacao":    {2001: true, 4001: true, 4002: true, 4003: true, 4043: true, 4045: true, 4046: true, 4049: true},
		"anularSerieAutofaturacao":      {2003: true, 4004: true, 4051: true},
		"finalizarSerieAutofaturacao":   {2004: true, 4005: true, 4047: true},
		"consultarSeriesAutofaturacao":  {2002: true, 4048: true},
		"consultarAcordosAutofaturacao": {2002: true, 4048: true},
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		s := &Server{clock: func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) },
			inactive: map[string]bool{}, calls: map[string]int{}, requests: map[string]int{}}
		s.addAgreement(DefaultNIF, Agreement{Partner: "FN", PartnerNIF: "501234560", From: "2029-01-01"})
		for range 2 {
			op, fields, err := parseOperation(body, sbOperations)
			if err != nil {
				continue
			}
			a := s.applySelfBilling(DefaultNIF, op, fields)
			if a.fault != "" {
				continue
			}
			if !documented[op][a.code] || a.msg == "" {
				t.Fatalf("%s: code %d %q", op, a.code, a.msg)
			}
		}
	})
}
