package atclient

import (
	"errors"
	"strings"
	"testing"

	"github.com/faturapt/faturapt/atclient/internal/atanswers"
	"github.com/faturapt/faturapt/series"
)

const answerRegistered = `<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>` +
	`<ns2:registarSerieResponse xmlns:ns2="http://at.gov.pt/"><registarSerieResp><infoSerie><serie>A</serie><tipoSerie>N</tipoSerie>` +
	`<classeDoc>SI</classeDoc><tipoDoc>FT</tipoDoc><numInicialSeq>1</numInicialSeq><dataInicioPrevUtiliz>2026-11-28</dataInicioPrevUtiliz>` +
	`<meioProcessamento>PI</meioProcessamento><numCertSWFatur>0</numCertSWFatur><codValidacaoSerie>AAJFJ4KW</codValidacaoSerie>` +
	`<dataRegisto>2026-11-28</dataRegisto><estado>A</estado><dataEstado>2026-11-28T18:20:30.450Z</dataEstado><nifComunicou>599999993</nifComunicou>` +
	`</infoSerie><infoResultOper><codResultOper>2001</codResultOper><msgResultOper>Série registada com sucesso.</msgResultOper></infoResultOper>` +
	`</registarSerieResp></ns2:registarSerieResponse></S:Body></S:Envelope>`

const answerRefused = `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Header/><S:Body>` +
	`<ns2:registarSerieResponse xmlns:ns2="http://at.gov.pt/"><registarSerieResp><infoResultOper><codResultOper>4001</codResultOper>` +
	`<msgResultOper>Não foi possível registar a Série.</msgResultOper></infoResultOper></registarSerieResp></ns2:registarSerieResponse></S:Body></S:Envelope>`

const answerFault = `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault><faultcode>S:Client</faultcode>` +
	`<faultstring>Unmarshalling Error</faultstring></S:Fault></S:Body></S:Envelope>`

func TestDecodeSeriesAnswerVectors(t *testing.T) {
	list, err := decodeSeriesAnswer(OpRegisterSeries, 200, []byte(answerRegistered), series.Code2001)
	if err != nil || len(list) != 1 || list[0].ValidationCode != "AAJFJ4KW" || list[0].StatusTime.IsZero() {
		t.Fatalf("registered: %v %+v", err, list)
	}
	var re *ResultError
	if _, err := decodeSeriesAnswer(OpRegisterSeries, 200, []byte(answerRefused), series.Code2001); !errors.As(err, &re) || re.Code != series.Code4001 {
		t.Fatalf("refused: %v", err)
	}
	var fe *FaultError
	if _, err := decodeSeriesAnswer(OpRegisterSeries, 500, []byte(answerFault), series.Code2001); !errors.As(err, &fe) || fe.Code != "S:Client" {
		t.Fatalf("fault: %v", err)
	}
	var he *HTTPError
	if _, err := decodeSeriesAnswer(OpRegisterSeries, 503, []byte("<html>busy</html>"), series.Code2001); !errors.As(err, &he) || he.StatusCode != 503 {
		t.Fatalf("http: %v", err)
	}
	for name, body := range map[string]string{
		"empty":           "",
		"not xml":         "garbage",
		"wrong operation": replace(answerRegistered, "registarSerieResponse", "anularSerieResponse"),
		"child qualified": replace(answerRegistered, "<registarSerieResp>", `<registarSerieResp xmlns="http://at.gov.pt/">`),
		"missing code":    replace(answerRegistered, "<codValidacaoSerie>AAJFJ4KW</codValidacaoSerie>", ""),
		"short code":      replace(answerRegistered, "AAJFJ4KW", "AAJ"),
		"bad date":        replace(answerRegistered, "<dataRegisto>2026-11-28", "<dataRegisto>28/11/2026"),
		"class mismatch":  replace(answerRegistered, "<classeDoc>SI", "<classeDoc>MG"),
		"bad number":      replace(answerRegistered, "<numInicialSeq>1<", "<numInicialSeq>x<"),
		"truncated":       answerRegistered[:len(answerRegistered)/2],
		"no result":       replace(answerRefused, "<codResultOper>4001</codResultOper>", ""),
		"wrong success":   replace(answerRegistered, ">2001<", ">2004<"),
	} {
		var me *MalformedResponseError
		if _, err := decodeSeriesAnswer(OpRegisterSeries, 200, []byte(body), series.Code2001); !errors.As(err, &me) {
			t.Errorf("%s: want a malformed-answer error, got %v", name, err)
		}
	}
}

func replace(s, old, repl string) string { return strings.ReplaceAll(s, old, repl) }

// FuzzDecodeSeriesAnswer: any body, no panic; a success is made of series
// that pass series.Validate; a failure is one of the typed errors.
func FuzzDecodeSeriesAnswer(f *testing.F) {
	for _, s := range []string{answerRegistered, answerRefused, answerFault, "", "<", "<S:Envelope/>",
		replace(replace(answerRegistered, "registarSerie", "consultarSeries"), ">2001<", ">2002<")} {
		f.Add([]byte(s), uint16(200))
	}
	f.Add([]byte(answerFault), uint16(500))
	// Shapes of AT's real answers (package atanswers).
	for _, s := range []string{atanswers.SeriesRegistered, atanswers.SeriesTechnicalError, atanswers.InternalError, atanswers.AuthenticationFault} {
		f.Add([]byte(s), uint16(200))
		f.Add([]byte(s), uint16(500))
	}
	f.Fuzz(func(t *testing.T, body []byte, status uint16) {
		for _, op := range []struct {
			name Operation
			code series.ReturnCode
		}{{OpRegisterSeries, series.Code2001}, {OpQuerySeries, series.Code2002}} {
			list, err := decodeSeriesAnswer(op.name, int(status), body, op.code)
			if err == nil {
				for _, s := range list {
					if verr := s.Validate(); verr != nil {
						t.Fatalf("accepted an invalid series: %v", verr)
					}
					if len(s.ValidationCode) < 8 {
						t.Fatalf("accepted a short validation code %q", s.ValidationCode)
					}
				}
				continue
			}
			var (
				re *ResultError
				fe *FaultError
				he *HTTPError
				me *MalformedResponseError
			)
			if !errors.As(err, &re) && !errors.As(err, &fe) && !errors.As(err, &he) && !errors.As(err, &me) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
		}
	})
}
