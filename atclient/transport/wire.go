package transport

import "encoding/xml"

// The request as it goes on the wire, fields in the schema's order. The
// schema has no elementFormDefault, so the operation element is in ns and
// its children in no namespace: the element carries its own prefix
// declaration ("dt") rather than a default namespace, which would put the
// children in ns. TestRequestsValidateAgainstWSDL checks the requests
// against the WSDL's schema with xmllint. The gowsdl types of the same
// WSDL are not used on the wire (see the go:generate directive's comment).
//
// What the WSDL and the manual (revision of 31-07-2025, §4.2) disagree on,
// and what this client does:
//   - the address's first element is Addressdetail in the WSDL,
//     AddressDetail in the manual (1.3.1, 1.12.1, 1.14.1, 1.15.1): the
//     WSDL's spelling is sent, since AT's server validates against it;
//   - every child of AddressStructurePT is optional in the WSDL, while the
//     manual requires all four of the company's address and of the place
//     of loading (S): the client requires them;
//   - ATCUD is optional in both (minOccurs 0, N), but AT answers a document
//     without one with a warning that it must travel printed, and the
//     regime asks for it: the client requires it;
//   - the WSDL declares a DocumentNumber type with the manual's pattern
//     (code, space, series, slash, number) that its DocumentNumber element
//     does not use (plain text of 1 to 60): the client checks the pattern;
//   - CustomerTaxID and SupplierTaxID are an xs:choice of two optional
//     texts of up to 20 characters, so neither may be sent; the manual
//     wants a Portuguese NIF, 999999990 when the recipient is unknown: the
//     client requires one, a valid NIF;
//   - the WSDL allows any number of ResponseStatus, the manual describes
//     one: all are read, a registration and its alert -100 alike;
//   - the manual lists the authentication codes as ReturnCodes; AT's
//     authentication system was seen to send them in a SOAP fault's detail
//     (see atclient): both are read as an *Error;
//   - the manual lists 0 twice (registered; registered without a valid
//     ATCUD) and both -6 (a start before now is refused) and -100 (it is
//     accepted as a mere communication, 09-07-2013, later than -6): 0 and
//     -100 are acceptances, -6 a refusal;
//   - the manual writes the date-times "AAAA-MM-DD Thh:mm:ss" (a stray
//     space), the WSDL xs:dateTime: no space is sent;
//   - the WSDL's soap:address has no port and ends in a slash; the manual's
//     addresses (:701 tests, :401 production, no slash) are used;
//   - the binding's soapAction is the namespace, which the manual does not
//     mention: it is sent (atclient.Client.CallAction);
//   - the WSDL bounds ReturnMessage to 256 characters, the manual does not;
//     the manual's example header prints Created without its base64
//     padding, and its field 1.4 names InvoiceType where it means the
//     transport document's type.

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
