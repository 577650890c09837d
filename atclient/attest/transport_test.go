package attest

import (
	"testing"
	"time"
)

// transportCodes are the manual's return codes of the document (§4.2)
// that the simulator may answer.
var transportCodes = map[int]bool{0: true, -100: true, -1: true, -3: true, -4: true, -5: true, -7: true, -8: true, -9: true,
	-10: true, -11: true, -13: true, -16: true, -17: true, -18: true, -20: true, -21: true, -22: true, -24: true,
	-20002: true, -20008: true}

const transportBody = `<dt:envioDocumentoTransporteRequestElem xmlns:dt="https://servicos.portaldasfinancas.gov.pt/sgdtws/documentosTransporte/">` +
	`<TaxRegistrationNumber>599999993</TaxRegistrationNumber><CompanyName>E</CompanyName>` +
	`<CompanyAddress><Addressdetail>R</Addressdetail><City>L</City><PostalCode>1100-420</PostalCode><Country>PT</Country></CompanyAddress>` +
	`<DocumentNumber>GT A/1</DocumentNumber><ATCUD>CSDF7T5H-1</ATCUD><MovementStatus>N</MovementStatus>` +
	`<MovementDate>2030-01-01</MovementDate><MovementType>GT</MovementType><CustomerTaxID>123456789</CustomerTaxID>` +
	`<AddressFrom><Addressdetail>R</Addressdetail><City>L</City><PostalCode>1950-009</PostalCode><Country>PT</Country></AddressFrom>` +
	`<MovementStartTime>2030-01-01T10:00:00</MovementStartTime>` +
	`<Line><ProductDescription>P</ProductDescription><Quantity>1</Quantity><UnitOfMeasure>UN</UnitOfMeasure><UnitPrice>0.00</UnitPrice></Line>` +
	`</dt:envioDocumentoTransporteRequestElem>`

// FuzzApplyTransport: any Body content goes through the simulator's
// parsing and rules without a panic, and every answer has one of the
// manual's codes and a message.
func FuzzApplyTransport(f *testing.F) {
	f.Add([]byte(transportBody))
	f.Add([]byte(""))
	f.Add([]byte("<x/>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		s := &Server{clock: func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) },
			inactive: map[string]bool{}, calls: map[string]int{}, requests: map[string]int{}}
		root, err := parseUnqualified(body, nsTransport, "envioDocumentoTransporteRequestElem")
		if err != nil {
			return
		}
		// Twice, so that the state-dependent codes (-3, -24) run too.
		for range 2 {
			st, _ := s.applyTransport(DefaultNIF, root)
			if len(st) == 0 {
				t.Fatal("no status")
			}
			for _, x := range st {
				if !transportCodes[x.code] || x.msg == "" {
					t.Fatalf("code %d %q", x.code, x.msg)
				}
			}
		}
	})
}

// TestTransportRegisterTwice: the seed document registers, then is
// refused -3.
func TestTransportRegisterTwice(t *testing.T) {
	s := &Server{clock: func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) },
		inactive: map[string]bool{}, calls: map[string]int{}, requests: map[string]int{}}
	root, err := parseUnqualified([]byte(transportBody), nsTransport, "envioDocumentoTransporteRequestElem")
	if err != nil {
		t.Fatal(err)
	}
	st, d := s.applyTransport(DefaultNIF, root)
	if len(st) != 1 || st[0].code != 0 || d == nil || d.ATDocCodeID == "" {
		t.Fatalf("first: %+v %+v", st, d)
	}
	st, _ = s.applyTransport(DefaultNIF, root)
	if st[0].code != -3 {
		t.Fatalf("second: %+v", st)
	}
	if got := s.TransportDocuments(DefaultNIF); len(got) != 1 || got[0].DocumentNumber != "GT A/1" {
		t.Fatalf("held: %+v", got)
	}
}
