package transport

import "encoding/xml"

// The request as it goes on the wire, fields in the schema's order. The
// schema has no elementFormDefault, so the operation element is in ns and
// its children in no namespace: the element carries its own prefix
// declaration ("dt") rather than a default namespace, which would put the
// children in ns. TestRequestsValidateAgainstWSDL checks the requests
// against the WSDL's schema with xmllint. The gowsdl types of the same
// WSDL are not used on the wire (see the go:generate directive's comment).

// ns is the target namespace of documentosTransporte.wsdl.
const ns = "https://servicos.portaldasfinancas.gov.pt/sgdtws/documentosTransporte/"

// soapAction is the binding's soapAction of envioDocumentoTransporte.
const soapAction = "https://servicos.portaldasfinancas.gov.pt/sgdtws/documentosTransporte/"

// requestElement and responseElement are the WSDL's message elements.
const (
	requestElement  = "envioDocumentoTransporteRequestElem"
	responseElement = "envioDocumentoTransporteResponseElem"
)

type wireRequest struct {
	XMLName               xml.Name     `xml:"dt:envioDocumentoTransporteRequestElem"`
	NS                    string       `xml:"xmlns:dt,attr"`
	TaxRegistrationNumber string       `xml:"TaxRegistrationNumber"`
	CompanyName           string       `xml:"CompanyName"`
	CompanyAddress        *wireAddress `xml:"CompanyAddress"`
	DocumentNumber        string       `xml:"DocumentNumber"`
	ATCUD                 string       `xml:"ATCUD,omitempty"`
	ATDocCodeID           string       `xml:"ATDocCodeID,omitempty"`
	MovementStatus        string       `xml:"MovementStatus"`
	MovementDate          string       `xml:"MovementDate"`
	MovementType          string       `xml:"MovementType"`
	CustomerTaxID         string       `xml:"CustomerTaxID,omitempty"`
	SupplierTaxID         string       `xml:"SupplierTaxID,omitempty"`
	CustomerAddress       *wireAddress `xml:"CustomerAddress,omitempty"`
	CustomerName          string       `xml:"CustomerName,omitempty"`
	AddressTo             *wireAddress `xml:"AddressTo,omitempty"`
	AddressFrom           *wireAddress `xml:"AddressFrom"`
	MovementEndTime       string       `xml:"MovementEndTime,omitempty"`
	MovementStartTime     string       `xml:"MovementStartTime"`
	VehicleID             string       `xml:"VehicleID,omitempty"`
	Lines                 []wireLine   `xml:"Line"`
}

// wireAddress is AddressStructurePT. The WSDL spells the first element
// Addressdetail, the manual AddressDetail; AT validates against its WSDL.
type wireAddress struct {
	Detail     string `xml:"Addressdetail,omitempty"`
	City       string `xml:"City,omitempty"`
	PostalCode string `xml:"PostalCode,omitempty"`
	Country    string `xml:"Country,omitempty"`
}

type wireLine struct {
	OrderReferences []wireOrderRef `xml:"OrderReferences,omitempty"`
	Description     string         `xml:"ProductDescription"`
	Quantity        string         `xml:"Quantity"`
	Unit            string         `xml:"UnitOfMeasure"`
	UnitPrice       string         `xml:"UnitPrice"`
}

type wireOrderRef struct {
	OriginatingON string `xml:"OriginatingON,omitempty"`
}

// wireResponse is StockMovementResponse with presence kept: a missing
// ReturnCode must not read as 0, success. The names are matched whatever
// their namespace: the schema leaves the children unqualified, but an
// answer with them qualified is read too rather than taken for garbage.
type wireResponse struct {
	Statuses []struct {
		Code    *string `xml:"ReturnCode"`
		Message *string `xml:"ReturnMessage"`
	} `xml:"ResponseStatus"`
	DocumentNumber string `xml:"DocumentNumber"`
	ATCUD          string `xml:"ATCUD"`
	ATDocCodeID    string `xml:"ATDocCodeID"`
}
