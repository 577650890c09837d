package atclient

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/series"
)

// Answers in the shape AT's servers really gave other clients, reproduced by
// hand (shortened, values changed). The captures are in joaomfrebelo/atws,
// test/Resources/Responses/: Series/RegisterResponse.xml and
// Series/ErrorResponse.xml (series service), Invoice/ReturnCodeError.xml
// (e-Fatura). What they show that a WSDL-made example does not: a WebLogic
// WorkContext element in the SOAP Header, the ns0 prefix, accented letters
// as character references, a validation code of 10 characters (the WSDL
// only says at least 8), dataEstado in UTC with "Z", and a DataOperacao with
// milliseconds and an offset.

const realShapeRegistered = `<?xml version="1.0" encoding="UTF-8"?>
<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">
<S:Header><WorkContext xmlns="http://oracle.com/weblogic/soap/workarea/">
  rO0ABXdWABV3ZWJsb2dpYy5hcHAuc2VyaWVzYm8=
</WorkContext></S:Header>
<S:Body><ns0:registarSerieResponse xmlns:ns0="http://at.gov.pt/"><registarSerieResp>
<infoSerie><serie>2511232477</serie><tipoSerie>N</tipoSerie><classeDoc>SI</classeDoc><tipoDoc>FT</tipoDoc>
<numInicialSeq>999</numInicialSeq><dataInicioPrevUtiliz>2022-04-01</dataInicioPrevUtiliz>
<meioProcessamento>PF</meioProcessamento><numCertSWFatur>9999</numCertSWFatur>
<codValidacaoSerie>AAJFF5JWJN</codValidacaoSerie><dataRegisto>2022-02-01</dataRegisto><estado>A</estado>
<dataEstado>2022-02-01T12:31:20Z</dataEstado><nifComunicou>555555550</nifComunicou></infoSerie>
<infoResultOper><codResultOper>2001</codResultOper>
<msgResultOper>S&#233;rie registada com sucesso. A situa&#231;&#227;o ficou ativa e foi atribu&#237;do o seguinte c&#243;digo de valida&#231;&#227;o : AAJFF5JWJN</msgResultOper>
</infoResultOper></registarSerieResp></ns0:registarSerieResponse></S:Body></S:Envelope>`

const realShapeTechnicalError = `<?xml version="1.0" encoding="UTF-8"?>
<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">
<S:Header><WorkContext xmlns="http://oracle.com/weblogic/soap/workarea/">rO0ABXdW</WorkContext></S:Header>
<S:Body><ns0:registarSerieResponse xmlns:ns0="http://at.gov.pt/"><registarSerieResp>
<infoResultOper><codResultOper>5000</codResultOper><msgResultOper>Erro T&#233;cnico Inespec&#237;fico</msgResultOper></infoResultOper>
</registarSerieResp></ns0:registarSerieResponse></S:Body></S:Envelope>`

const realShapeEFaturaOK = `<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Header/><env:Body>
<RegisterInvoiceResponse xmlns="http://factemi.at.min_financas.pt/documents"><Response>
<CodigoResposta>0</CodigoResposta><Mensagem>Opera&#231;&#227;o efetuada com sucesso.</Mensagem>
<DataOperacao>2022-09-21T10:21:10.627+01:00</DataOperacao>
</Response></RegisterInvoiceResponse></env:Body></env:Envelope>`

func TestRealShapeSeriesRegistered(t *testing.T) {
	list, err := decodeSeriesAnswer(opRegister, 200, []byte(realShapeRegistered), series.Code2001)
	require.NoError(t, err)
	require.Len(t, list, 1)
	s := list[0]
	assert.Equal(t, "2511232477", s.ID)
	assert.Equal(t, series.DocumentTypeFT, s.DocumentType)
	assert.Equal(t, "999", s.FirstNumber.String())
	assert.Equal(t, "2022-04-01", s.ExpectedStart.String())
	assert.Equal(t, 9999, s.CertificateNumber)
	assert.Equal(t, series.ProcessingMeans("PF"), s.ProcessingMeans)
	assert.Equal(t, "AAJFF5JWJN", s.ValidationCode, "AT gives codes longer than the minimum of 8")
	assert.Equal(t, "2022-02-01", s.RegistrationDate.String())
	assert.Equal(t, series.Status("A"), s.Status)
	assert.True(t, s.StatusTime.Equal(time.Date(2022, 2, 1, 12, 31, 20, 0, time.UTC)), s.StatusTime)
	assert.Equal(t, "555555550", s.CommunicatedBy)
}

func TestRealShapeSeriesTechnicalError(t *testing.T) {
	_, err := decodeSeriesAnswer(opRegister, 200, []byte(realShapeTechnicalError), series.Code2001)
	var re *ResultError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, series.Code5000, re.Code)
	assert.Equal(t, "Erro Técnico Inespecífico", re.Message)
}

func TestRealShapeEFaturaRegistered(t *testing.T) {
	rec, err := decodeEFaturaAnswer(OpRegisterInvoice, 200, []byte(realShapeEFaturaOK))
	require.NoError(t, err)
	assert.Equal(t, "Operação efetuada com sucesso.", rec.Message)
	assert.Equal(t, "2022-09-21T10:21:10.627+01:00", rec.OperationTime)
	var ee *EFaturaError
	assert.False(t, errors.As(err, &ee))
}

// realShapeSOAP12Fault reproduces a fault AT's servers answered in SOAP 1.2
// (joaomfrebelo/atws, test/Resources/Responses/Invoice/InternalError.xml).
const realShapeSOAP12Fault = `<?xml version='1.0' ?>
<env:Envelope xmlns:env='http://www.w3.org/2003/05/soap-envelope'><env:Body><env:Fault>
<env:Code><env:Value>env:Receiver</env:Value></env:Code>
<env:Reason><env:Text xml:lang="en-US">Internal Error (from server)</env:Text></env:Reason>
</env:Fault></env:Body></env:Envelope>`

func TestRealShapeSOAP12Fault(t *testing.T) {
	for _, status := range []int{200, 500} {
		_, err := decodeSeriesAnswer(opQuery, status, []byte(realShapeSOAP12Fault), series.Code2002)
		var fe *FaultError
		require.ErrorAs(t, err, &fe, "HTTP %d", status)
		assert.Equal(t, "env:Receiver", fe.Code)
		assert.Equal(t, "Internal Error (from server)", fe.Reason)
		assert.Equal(t, status, fe.HTTPStatus)
		assert.False(t, fe.AuthenticationFailed())

		assert.True(t, fe.ServerFault())
		assert.ErrorIs(t, err, ErrTryLater, "AT failing, not a refusal")
		assert.True(t, uncertain(err), "whether AT acted is unknown")

		_, err = decodeEFaturaAnswer(OpRegisterInvoice, status, []byte(realShapeSOAP12Fault))
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "Internal Error (from server)", fe.Reason)
		assert.ErrorIs(t, err, ErrEFaturaTryLater)
		assert.True(t, uncertain(err), "a register is sent again")
		var ee *EFaturaError
		assert.False(t, errors.As(err, &ee), "no e-Fatura code: AT did not judge the document")
	}
	// A SOAP 1.2 envelope that is not a fault is not an answer of ours.
	other := `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><x/></env:Body></env:Envelope>`
	_, err := decodeSeriesAnswer(opQuery, 200, []byte(other), series.Code2002)
	var me *MalformedResponseError
	assert.ErrorAs(t, err, &me)
	_, err = decodeSeriesAnswer(opQuery, 503, []byte(other), series.Code2002)
	var he *HTTPError
	assert.ErrorAs(t, err, &he)
}
