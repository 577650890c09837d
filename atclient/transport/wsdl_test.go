package transport

import (
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient"
	gen "github.com/faturapt/faturapt/atclient/internal/transportwsdl"
	"github.com/faturapt/faturapt/internal/xmllint"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// Conformance of the requests with documentosTransporte.wsdl (kept in
// wsdl/).

func readWSDL(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("wsdl/documentosTransporte.wsdl")
	require.NoError(t, err)
	return b
}

// TestWSDLConstants checks the namespace, the elements, the operation and
// the SOAP action against the WSDL, and the endpoints against the manual.
func TestWSDLConstants(t *testing.T) {
	var w struct {
		TargetNamespace string `xml:"targetNamespace,attr"`
		Schema          struct {
			TargetNamespace    string `xml:"targetNamespace,attr"`
			ElementFormDefault string `xml:"elementFormDefault,attr"`
			Elements           []struct {
				Name string `xml:"name,attr"`
			} `xml:"element"`
		} `xml:"types>schema"`
		Operations []struct {
			Name string `xml:"name,attr"`
		} `xml:"portType>operation"`
		Binding []struct {
			Name   string `xml:"name,attr"`
			Action struct {
				SOAPAction string `xml:"soapAction,attr"`
			} `xml:"operation"`
		} `xml:"binding>operation"`
	}
	require.NoError(t, xml.Unmarshal(readWSDL(t), &w))
	assert.Equal(t, ns, w.TargetNamespace)
	assert.Equal(t, ns, w.Schema.TargetNamespace)
	assert.Empty(t, w.Schema.ElementFormDefault, "the children are unqualified")
	require.Len(t, w.Schema.Elements, 2)
	assert.Equal(t, requestElement, w.Schema.Elements[0].Name)
	assert.Equal(t, responseElement, w.Schema.Elements[1].Name)
	require.Len(t, w.Operations, 1)
	assert.Equal(t, Operation, w.Operations[0].Name)
	require.Len(t, w.Binding, 1)
	assert.Equal(t, soapAction, w.Binding[0].Action.SOAPAction)
	// The manual's addresses (§3.1, §6.6); the WSDL's soap:address has no
	// port and ends in a slash.
	assert.Equal(t, "https://servicos.portaldasfinancas.gov.pt:701/sgdtws/documentosTransporte", atclient.TestEndpoints().Transport)
	assert.Equal(t, "https://servicos.portaldasfinancas.gov.pt:401/sgdtws/documentosTransporte", atclient.ProductionEndpoints().Transport)
}

// xsdFromWSDL extracts the WSDL's schema as a standalone XSD for xmllint
// (the tns and xsd prefixes it uses are declared on wsdl:definitions).
func xsdFromWSDL(t *testing.T) string {
	t.Helper()
	return xmllint.SchemaFromWSDL(t, readWSDL(t), "xsd:schema", `xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="`+ns+`"`, "documentosTransporte.xsd")
}

// variants are requests using the optional parts of the schema and
// leaving them out.
func variants(t *testing.T) map[string]*wireRequest {
	t.Helper()
	out := map[string]*wireRequest{}
	add := func(name string, d Document, opts ...Option) {
		r, err := offline(t, opts...).build(d)
		require.NoError(t, err, name)
		out[name] = r
	}
	add("full", testDocument())
	d := testDocument()
	d.Movement.MovementType = series.DocumentTypeGD
	d.Movement.DocumentNumber, d.Movement.ATCUD = "GD GD2026/3", "CSDF7T5H-3"
	d.Movement.CustomerID, d.Movement.SupplierID, d.Customer = "", "F1", nil
	d.Supplier = &saft.Supplier{SupplierID: "F1", SupplierTaxID: "999999990"}
	d.Movement.ShipTo, d.Movement.MovementEndTime, d.VehicleID = nil, nil, ""
	d.Movement.Line[0].OrderReferences = nil
	d.Movement.Line[0].UnitPrice = decimal.Zero
	add("supplier, minimal", d)
	d = testDocument()
	d.Movement.ATDocCodeID = "123456789"
	d.Movement.DocumentStatus.MovementStatus = saft.MovementStatusCancelled
	add("cancellation", d)
	d = testDocument()
	d.Movement.DocumentStatus.MovementStatus = saft.MovementStatusThirdParty
	d.Customer.CompanyName = strings.Repeat("é", 100)
	d.VehicleID = strings.Repeat("A", 32)
	d.Movement.Line[0].Quantity = decimal.RequireFromString("1000000")
	add("third party, limits", d)
	return out
}

// TestRequestsValidateAgainstWSDL validates the requests the client sends
// against the WSDL's schema.
func TestRequestsValidateAgainstWSDL(t *testing.T) {
	xmllint.Path(t)
	xsd := xsdFromWSDL(t)
	for name, r := range variants(t) {
		b, err := xml.Marshal(r)
		require.NoError(t, err)
		assert.NoError(t, xmllint.Validate(t, xsd, b), "%s: %s", name, b)
	}
	// And the check catches what it must: the choice's order, qualified
	// children.
	r := variants(t)["full"]
	b, _ := xml.Marshal(r)
	bad := strings.Replace(string(b), "<TaxRegistrationNumber>", `<dt:TaxRegistrationNumber>`, 1)
	bad = strings.Replace(bad, "</TaxRegistrationNumber>", `</dt:TaxRegistrationNumber>`, 1)
	assert.Error(t, xmllint.Validate(t, xsd, []byte(bad)))
	r.SupplierTaxID = "999999990"
	b, _ = xml.Marshal(r)
	assert.Error(t, xmllint.Validate(t, xsd, b), "CustomerTaxID and SupplierTaxID are a choice")
}

// TestWireMatchesGeneratedTypes decodes the requests with the types gowsdl
// generated from the WSDL: every field the wire structs write must land in
// the generated field of the same element.
func TestWireMatchesGeneratedTypes(t *testing.T) {
	v := variants(t)
	var g gen.StockMovement
	b, err := xml.Marshal(v["full"])
	require.NoError(t, err)
	require.NoError(t, xml.Unmarshal(b, &g))
	assert.Equal(t, gen.SAFPTPortugueseVatNumber(599999993), *g.TaxRegistrationNumber)
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax100Car("Exemplo, Lda."), *g.CompanyName)
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax210Car("Rua da Prata, 10, 2.º"), *g.CompanyAddress.Addressdetail)
	assert.Equal(t, gen.PostalCodePT("1100-420"), *g.CompanyAddress.PostalCode)
	assert.Equal(t, "PT", g.CompanyAddress.Country)
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax60Car("GT GT2026/1"), *g.DocumentNumber)
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax100Car("CSDF7T5H-1"), *g.ATCUD)
	assert.Nil(t, g.ATDocCodeID)
	assert.Equal(t, gen.MovementStatusN, *g.MovementStatus)
	assert.Equal(t, gen.MovementTypeGT, *g.MovementType)
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax20Car("123456789"), *g.CustomerTaxID)
	assert.Nil(t, g.SupplierTaxID)
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax100Car("Cliente Exemplo, S.A."), *g.CustomerName)
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax50Car("Porto"), *g.AddressTo.City)
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax50Car("Lisboa"), *g.AddressFrom.City)
	require.NotNil(t, g.MovementStartTime)
	require.NotNil(t, g.MovementEndTime)
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax32Car("AA-00-BB"), *g.VehicleID)
	require.Len(t, g.Line, 2)
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax60Car("NE NE2026/7"), *g.Line[0].OrderReferences[0].OriginatingON)
	assert.Equal(t, gen.SAFdecimalType(12), *g.Line[0].Quantity)
	assert.Equal(t, gen.SAFmonetaryType(4.5), *g.Line[0].UnitPrice)
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax20Car("M"), *g.Line[1].UnitOfMeasure)

	var c gen.StockMovement
	b, err = xml.Marshal(v["cancellation"])
	require.NoError(t, err)
	require.NoError(t, xml.Unmarshal(b, &c))
	assert.Equal(t, gen.MovementStatusA, *c.MovementStatus)
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax200Car("123456789"), *c.ATDocCodeID)

	var s gen.StockMovement
	b, err = xml.Marshal(v["supplier, minimal"])
	require.NoError(t, err)
	require.NoError(t, xml.Unmarshal(b, &s))
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax20Car("999999990"), *s.SupplierTaxID)
	assert.Nil(t, s.CustomerTaxID)
	assert.Nil(t, s.AddressTo)
}

// TestSimulatorAnswerMatchesGeneratedTypes: the simulator's answer decodes
// into the generated response type.
func TestSimulatorAnswerMatchesGeneratedTypes(t *testing.T) {
	s := newSim(t, nil, nil)
	r, err := s.client.build(testDocument())
	require.NoError(t, err)
	b, err := xml.Marshal(r)
	require.NoError(t, err)
	status, data, err := s.client.at.CallAction(testCtx(t), s.srv.TransportURL(), Operation, soapAction, b)
	require.NoError(t, err)
	dec, start, err := atclient.OpenAnswer(Operation, status, data)
	require.NoError(t, err)
	var resp gen.StockMovementResponse
	require.NoError(t, dec.DecodeElement(&resp, &start))
	require.Len(t, resp.ResponseStatus, 1)
	assert.Equal(t, int32(0), resp.ResponseStatus[0].ReturnCode)
	assert.Equal(t, "Documento registado com sucesso", resp.ResponseStatus[0].ReturnMessage)
	require.NotNil(t, resp.ATDocCodeID)
	assert.Equal(t, gen.SAFPTtextTypeMandatoryMax60Car("GT GT2026/1"), *resp.DocumentNumber)
	assert.NotEmpty(t, *resp.ATDocCodeID)
}
