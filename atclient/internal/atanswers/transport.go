package atanswers

// TransportRegistered is the transport documents service's acceptance of a
// document (StockMovement/GTResponse.xml): ReturnMessage "OK" rather than
// the manual's text, no ATCUD echoed, an ATDocCodeID of 10 digits.
const TransportRegistered = `<?xml version="1.0" encoding="UTF-8"?>
<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">
<S:Header><work:WorkContext xmlns:work="http://oracle.com/weblogic/soap/workarea/">rO0ABXdLABN3ZWJsb2dpYy5hcHAuc2dkdHdz</work:WorkContext></S:Header>
<S:Body><ns0:envioDocumentoTransporteResponseElem xmlns:ns0="https://servicos.portaldasfinancas.gov.pt/sgdtws/documentosTransporte/">
<ResponseStatus><ReturnCode>0</ReturnCode><ReturnMessage>OK</ReturnMessage></ResponseStatus>
<DocumentNumber>GT 999GT/1629053776</DocumentNumber><ATDocCodeID>1099217777</ATDocCodeID>
</ns0:envioDocumentoTransporteResponseElem></S:Body></S:Envelope>`
