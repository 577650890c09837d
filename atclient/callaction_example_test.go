package atclient_test

import (
	"context"
	"fmt"
	"log"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
)

// A service's package sends its operation through CallAction when the
// WSDL binding names a soapAction, and opens the answer with OpenAnswer;
// here a transport document without lines, which the simulator refuses
// with the manual's -1.
func ExampleClient_CallAction() {
	srv, client := simulatorClient()
	defer srv.Close()
	const ns = "https://servicos.portaldasfinancas.gov.pt/sgdtws/documentosTransporte/"
	body := []byte(`<dt:envioDocumentoTransporteRequestElem xmlns:dt="` + ns + `"><TaxRegistrationNumber>` + attest.DefaultNIF +
		`</TaxRegistrationNumber></dt:envioDocumentoTransporteRequestElem>`)
	status, data, err := client.CallAction(context.Background(), srv.TransportURL(), attest.TransportOperation, ns, body)
	if err != nil {
		log.Fatal(err)
	}
	dec, start, err := atclient.OpenAnswer(attest.TransportOperation, status, data)
	if err != nil {
		log.Fatal(err)
	}
	var answer struct {
		Code    int    `xml:"ResponseStatus>ReturnCode"`
		Message string `xml:"ResponseStatus>ReturnMessage"`
	}
	if err := dec.DecodeElement(&answer, &start); err != nil {
		log.Fatal(err)
	}
	fmt.Println(status, start.Name.Local, answer.Code, answer.Message)
	// Output:
	// 200 envioDocumentoTransporteResponseElem -1 Parâmetro de entrada inválido: CompanyName em falta
}
