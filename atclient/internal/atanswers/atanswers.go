// Package atanswers holds answers in the shape AT's servers really gave
// other clients, reproduced by hand (shortened, values changed), for the
// tests of atclient and atclient/efatura. The captures are in
// joaomfrebelo/atws, test/Resources/Responses/. What they show that a
// WSDL-made example does not: a WebLogic WorkContext element in the SOAP
// Header, the ns0 prefix, accented letters as character references, a
// validation code of 10 characters (the WSDL only says at least 8),
// dataEstado in UTC with "Z", a DataOperacao with milliseconds and an
// offset, a fault in SOAP 1.2 though the services speak 1.1, and the
// authentication system's fault with the manual's code in its detail.
package atanswers

// SeriesRegistered is a series service's answer to a register
// (Series/RegisterResponse.xml).
const SeriesRegistered = `<?xml version="1.0" encoding="UTF-8"?>
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

// SeriesTechnicalError is the series service's 5000 answer
// (Series/ErrorResponse.xml).
const SeriesTechnicalError = `<?xml version="1.0" encoding="UTF-8"?>
<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">
<S:Header><WorkContext xmlns="http://oracle.com/weblogic/soap/workarea/">rO0ABXdW</WorkContext></S:Header>
<S:Body><ns0:registarSerieResponse xmlns:ns0="http://at.gov.pt/"><registarSerieResp>
<infoResultOper><codResultOper>5000</codResultOper><msgResultOper>Erro T&#233;cnico Inespec&#237;fico</msgResultOper></infoResultOper>
</registarSerieResp></ns0:registarSerieResponse></S:Body></S:Envelope>`

// EFaturaRegistered is the e-Fatura service's acceptance of a register
// (Invoice/ReturnCodeError.xml, with code 0).
const EFaturaRegistered = `<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Header/><env:Body>
<RegisterInvoiceResponse xmlns="http://factemi.at.min_financas.pt/documents"><Response>
<CodigoResposta>0</CodigoResposta><Mensagem>Opera&#231;&#227;o efetuada com sucesso.</Mensagem>
<DataOperacao>2022-09-21T10:21:10.627+01:00</DataOperacao>
</Response></RegisterInvoiceResponse></env:Body></env:Envelope>`

// InternalError is the SOAP 1.2 fault AT's servers answer, with HTTP 500,
// when they fail (Invoice/InternalError.xml).
const InternalError = `<?xml version='1.0' ?>
<env:Envelope xmlns:env='http://www.w3.org/2003/05/soap-envelope'><env:Body><env:Fault>
<env:Code><env:Value>env:Receiver</env:Value></env:Code>
<env:Reason><env:Text xml:lang="en-US">Internal Error (from server)</env:Text></env:Reason>
</env:Fault></env:Body></env:Envelope>`

// AuthenticationFault is the authentication system's refusal of a
// WS-Security header (Invoice/AuthenticationError.xml): faultcode
// Client.Authentication without a prefix, a generic faultstring, and the
// manual's authentication code (here 16) in the detail, with the message
// wrapped over lines.
const AuthenticationFault = `<?xml version="1.0" encoding="UTF-8"?>
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns="urn:example:auth">
<SOAP-ENV:Header/>
<SOAP-ENV:Body><SOAP-ENV:Fault>
<faultcode>Client.Authentication</faultcode>
<faultstring>Ocorreu um erro na autentica&#231;&#227;o dos contribuintes.</faultstring>
<faultactor/>
<detail><ns:AuthenticationException><AuthenticationFailed>
<Code>16</Code>
<Message>Created: Chave de sess&#227;o inv&#225;lida. N&#227;o foi poss&#237;vel decifrar o campo Created
   </Message>
<NumberOfTriesRemaining>-1</NumberOfTriesRemaining>
</AuthenticationFailed></ns:AuthenticationException></detail>
</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`
