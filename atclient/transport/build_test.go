package transport

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/violationtest"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

func buildTest(t *testing.T, d Document, opts ...Option) (*wireRequest, error) {
	t.Helper()
	c := offline(t, opts...)
	return c.build(d)
}

// TestBuildFromSAFT: every field of the request comes from the SAF-T
// movement, its customer and the sender, in the manual's form.
func TestBuildFromSAFT(t *testing.T) {
	r, err := buildTest(t, testDocument())
	require.NoError(t, err)
	b, err := xml.Marshal(r)
	require.NoError(t, err)
	want := `<dt:envioDocumentoTransporteRequestElem xmlns:dt="https://servicos.portaldasfinancas.gov.pt/sgdtws/documentosTransporte/">` +
		`<TaxRegistrationNumber>599999993</TaxRegistrationNumber><CompanyName>Exemplo, Lda.</CompanyName>` +
		`<CompanyAddress><Addressdetail>Rua da Prata, 10, 2.º</Addressdetail><City>Lisboa</City><PostalCode>1100-420</PostalCode><Country>PT</Country></CompanyAddress>` +
		`<DocumentNumber>GT GT2026/1</DocumentNumber><ATCUD>CSDF7T5H-1</ATCUD><MovementStatus>N</MovementStatus>` +
		`<MovementDate>2026-06-01</MovementDate><MovementType>GT</MovementType><CustomerTaxID>123456789</CustomerTaxID>` +
		`<CustomerAddress><Addressdetail>Avenida da Boavista, 100</Addressdetail><City>Porto</City><PostalCode>4100-119</PostalCode><Country>PT</Country></CustomerAddress>` +
		`<CustomerName>Cliente Exemplo, S.A.</CustomerName>` +
		`<AddressTo><Addressdetail>Avenida da Boavista, 100</Addressdetail><City>Porto</City><PostalCode>4100-119</PostalCode><Country>PT</Country></AddressTo>` +
		`<AddressFrom><Addressdetail>Armazém 3, Rua do Açúcar, 5</Addressdetail><City>Lisboa</City><PostalCode>1950-009</PostalCode><Country>PT</Country></AddressFrom>` +
		`<MovementEndTime>2026-06-01T18:30:00</MovementEndTime><MovementStartTime>2026-06-01T14:00:00</MovementStartTime><VehicleID>AA-00-BB</VehicleID>` +
		`<Line><OrderReferences><OriginatingON>NE NE2026/7</OriginatingON></OrderReferences><ProductDescription>Caixa de parafusos M6</ProductDescription>` +
		`<Quantity>12</Quantity><UnitOfMeasure>UN</UnitOfMeasure><UnitPrice>4.50</UnitPrice></Line>` +
		`<Line><ProductDescription>Cabo elétrico 2,5 mm²</ProductDescription><Quantity>250.5</Quantity><UnitOfMeasure>M</UnitOfMeasure><UnitPrice>0.1234</UnitPrice></Line>` +
		`</dt:envioDocumentoTransporteRequestElem>`
	assert.Equal(t, want, string(b))
}

// TestBuildVariants: a supplier instead of a customer, an unknown place of
// unloading, a foreign customer's address, a document not valued.
func TestBuildVariants(t *testing.T) {
	d := testDocument()
	d.Movement.MovementType = series.DocumentTypeGD
	d.Movement.DocumentNumber = "GD GD2026/3"
	d.Movement.ATCUD = "CSDF7T5H-3"
	d.Movement.CustomerID, d.Movement.SupplierID = "", "F1"
	d.Customer = nil
	d.Supplier = &saft.Supplier{SupplierID: "F1", SupplierTaxID: "999999990", CompanyName: "Fornecedor"}
	d.Movement.ShipTo.Address = &saft.CustomerAddress{AddressDetail: "Desconhecido", City: "Desconhecido", PostalCode: "Desconhecido", Country: "Desconhecido"}
	d.Movement.Line[0].UnitPrice = decimal.Zero
	d.VehicleID = ""
	r, err := buildTest(t, d)
	require.NoError(t, err)
	assert.Equal(t, "999999990", r.SupplierTaxID)
	assert.Empty(t, r.CustomerTaxID)
	assert.Nil(t, r.AddressTo)
	assert.Nil(t, r.CustomerAddress)
	assert.Equal(t, "0.00", r.Lines[0].UnitPrice)
	assert.Empty(t, r.VehicleID)

	d = testDocument()
	d.Customer.BillingAddress = saft.CustomerAddress{AddressDetail: "Calle Mayor 1", City: "Madrid", PostalCode: "28013", Country: "ES"}
	r, err = buildTest(t, d)
	require.NoError(t, err)
	assert.Nil(t, r.CustomerAddress, "an address abroad is left out: the WSDL takes PT only")
	assert.Equal(t, "Cliente Exemplo, S.A.", r.CustomerName)
}

// TestRules: each rule of the WSDL, the manual and the regime, one at a
// time, with the path and code it reports.
func TestRules(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Document, *Sender)
		path string
		code violation.Code
	}{
		{"sender NIF", func(d *Document, s *Sender) { s.TaxRegistrationNumber = "599999990" }, "TaxRegistrationNumber", CodeNIF},
		{"sender name", func(d *Document, s *Sender) { s.CompanyName = "" }, "CompanyName", CodeRequired},
		{"sender name length", func(d *Document, s *Sender) { s.CompanyName = strings.Repeat("a", 101) }, "CompanyName", CodeLength},
		{"sender address", func(d *Document, s *Sender) { s.CompanyAddress.City = "" }, "CompanyAddress/City", CodeRequired},
		{"sender postal code", func(d *Document, s *Sender) { s.CompanyAddress.PostalCode = "1100" }, "CompanyAddress/PostalCode", CodePattern},
		{"sender abroad", func(d *Document, s *Sender) { s.CompanyAddress.Country = "ES" }, "CompanyAddress/Country", CodeCountry},
		{"document number", func(d *Document, s *Sender) { d.Movement.DocumentNumber = "GT-1" }, "DocumentNumber", CodePattern},
		{"document number length", func(d *Document, s *Sender) { d.Movement.DocumentNumber = "GT " + strings.Repeat("A", 60) + "/1" }, "DocumentNumber", CodeLength},
		{"no ATCUD", func(d *Document, s *Sender) { d.Movement.ATCUD = "" }, "ATCUD", CodeATCUD},
		{"legacy ATCUD", func(d *Document, s *Sender) { d.Movement.ATCUD = "0" }, "ATCUD", CodeATCUD},
		{"ATCUD of another number", func(d *Document, s *Sender) { d.Movement.ATCUD = "CSDF7T5H-2" }, "ATCUD", CodeATCUD},
		{"status billed", func(d *Document, s *Sender) { d.Movement.DocumentStatus.MovementStatus = saft.MovementStatusBilled }, "MovementStatus", CodeEnum},
		{"status missing", func(d *Document, s *Sender) { d.Movement.DocumentStatus.MovementStatus = "" }, "MovementStatus", CodeRequired},
		{"cancel never coded", func(d *Document, s *Sender) {
			d.Movement.DocumentStatus.MovementStatus = saft.MovementStatusCancelled
		}, "MovementStatus", CodeCancelNoCode},
		{"date", func(d *Document, s *Sender) { d.Movement.MovementDate = civil.Date{} }, "MovementDate", CodeDate},
		{"type invoice", func(d *Document, s *Sender) { d.Movement.MovementType = series.DocumentTypeFT }, "MovementType", CodeEnum},
		{"no recipient", func(d *Document, s *Sender) { d.Movement.CustomerID = "" }, "CustomerTaxID", CodeChoice},
		{"both recipients", func(d *Document, s *Sender) { d.Movement.SupplierID = "F1" }, "CustomerTaxID", CodeChoice},
		{"customer record missing", func(d *Document, s *Sender) { d.Customer = nil }, "CustomerTaxID", CodeParty},
		{"customer record of another", func(d *Document, s *Sender) { d.Customer.CustomerID = "C2" }, "CustomerTaxID", CodeParty},
		{"customer NIF", func(d *Document, s *Sender) { d.Customer.CustomerTaxID = "123456780" }, "CustomerTaxID", CodeNIF},
		{"customer foreign NIF", func(d *Document, s *Sender) { d.Customer.CustomerTaxID = "ESB12345678" }, "CustomerTaxID", CodeNIF},
		{"GA to another", func(d *Document, s *Sender) { d.Movement.MovementType = series.DocumentTypeGA }, "CustomerTaxID", CodeOwnAssets},
		{"no place of loading", func(d *Document, s *Sender) { d.Movement.ShipFrom = nil }, "AddressFrom", CodeRequired},
		{"loading place city", func(d *Document, s *Sender) { d.Movement.ShipFrom.Address.City = "" }, "AddressFrom/City", CodeRequired},
		{"loading place abroad", func(d *Document, s *Sender) { d.Movement.ShipFrom.Address.Country = "ES" }, "AddressFrom/Country", CodeCountry},
		{"unloading place abroad", func(d *Document, s *Sender) { d.Movement.ShipTo.Address.Country = "FR" }, "AddressTo/Country", CodeCountry},
		{"unloading postal code", func(d *Document, s *Sender) { d.Movement.ShipTo.Address.PostalCode = "4100119" }, "AddressTo/PostalCode", CodePattern},
		{"unloading detail length", func(d *Document, s *Sender) { d.Movement.ShipTo.Address.AddressDetail = strings.Repeat("r", 211) }, "AddressTo/AddressDetail", CodeLength},
		{"no start", func(d *Document, s *Sender) { d.Movement.MovementStartTime = civil.DateTime{} }, "MovementStartTime", CodeDate},
		{"start passed", func(d *Document, s *Sender) { d.Movement.MovementStartTime = dt("2026-06-01T10:59:00") }, "MovementStartTime", CodeStarted},
		{"start too far", func(d *Document, s *Sender) {
			d.Movement.MovementStartTime, d.Movement.MovementEndTime = dt("2026-09-02T08:00:00"), nil
		}, "MovementStartTime", CodeStartTooFar},
		{"start before issue", func(d *Document, s *Sender) { d.Movement.MovementDate = civil.Date{Year: 2026, Month: 6, Day: 2} }, "MovementStartTime", CodeStartOrder},
		{"end before start", func(d *Document, s *Sender) { d.Movement.MovementEndTime = dtp("2026-06-01T13:00:00") }, "MovementEndTime", CodeEndOrder},
		{"end at start", func(d *Document, s *Sender) { d.Movement.MovementEndTime = dtp("2026-06-01T14:00:00") }, "MovementEndTime", CodeEndOrder},
		{"vehicle", func(d *Document, s *Sender) { d.VehicleID = "AA/00" }, "VehicleID", CodeVehicle},
		{"vehicle length", func(d *Document, s *Sender) { d.VehicleID = strings.Repeat("A", 33) }, "VehicleID", CodeVehicle},
		{"no lines", func(d *Document, s *Sender) { d.Movement.Line = nil }, "Line", CodeRequired},
		{"quantity", func(d *Document, s *Sender) { d.Movement.Line[1].Quantity = decimal.Zero }, "Line[2]/Quantity", CodeQuantity},
		{"price", func(d *Document, s *Sender) { d.Movement.Line[0].UnitPrice = decimal.NewFromInt(-1) }, "Line[1]/UnitPrice", CodePrice},
		{"description", func(d *Document, s *Sender) { d.Movement.Line[0].ProductDescription = "" }, "Line[1]/ProductDescription", CodeRequired},
		{"unit", func(d *Document, s *Sender) { d.Movement.Line[0].UnitOfMeasure = strings.Repeat("u", 21) }, "Line[1]/UnitOfMeasure", CodeLength},
		{"order reference", func(d *Document, s *Sender) {
			d.Movement.Line[0].OrderReferences[0].OriginatingON = strings.Repeat("n", 61)
		}, "Line[1]/OrderReferences[1]/OriginatingON", CodeLength},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, s := testDocument(), testSender()
			tc.edit(&d, &s)
			ck := &check{now: civil.DateTimeIn(now(), civil.Lisbon)}
			_, err := build(&s, d, ck)
			ve := violationtest.Check(t, err, Codes, tc.code)
			assert.True(t, ve.HasAt(tc.path, tc.code), "%v", err)
		})
	}
}

// TestRulesAllAtOnce: every violation is reported in one error.
func TestRulesAllAtOnce(t *testing.T) {
	d, s := testDocument(), testSender()
	s.CompanyName = ""
	d.Movement.ATCUD = ""
	d.Movement.ShipFrom = nil
	d.Movement.Line[0].Quantity = decimal.Zero
	d.VehicleID = "??"
	_, err := build(&s, d, &check{now: civil.DateTimeIn(now(), civil.Lisbon)})
	ve := violationtest.Check(t, err, Codes, CodeRequired, CodeATCUD, CodeQuantity, CodeVehicle)
	assert.Len(t, ve.Violations, 5)
}

// TestLateCommunication: a started transport is refused unless the
// client allows a late communication; more than 3 months late never.
func TestLateCommunication(t *testing.T) {
	d := testDocument()
	d.Movement.MovementStartTime = dt("2026-06-01T08:00:00")
	_, err := buildTest(t, d)
	violationtest.Check(t, err, Codes, CodeStarted)
	_, err = buildTest(t, d, WithLateCommunication())
	require.NoError(t, err)

	d.Movement.MovementDate = civil.Date{Year: 2026, Month: 2, Day: 27}
	d.Movement.MovementStartTime, d.Movement.MovementEndTime = dt("2026-02-28T08:00:00"), nil
	_, err = buildTest(t, d, WithLateCommunication())
	violationtest.Check(t, err, Codes, CodeStartTooOld)

	// The clock is read in Lisbon: 10:00 UTC is 11:00 there, so a start
	// at 10:30 has passed; in the Azores (10:00) it has not.
	d = testDocument()
	d.Movement.MovementStartTime = dt("2026-06-01T10:30:00")
	_, err = buildTest(t, d)
	violationtest.Check(t, err, Codes, CodeStarted)
	_, err = buildTest(t, d, WithLocation(civil.Azores))
	require.NoError(t, err)
}

// TestGA: a movement of own assets names the sender as its recipient.
func TestGA(t *testing.T) {
	d := testDocument()
	d.Movement.MovementType = series.DocumentTypeGA
	d.Customer.CustomerTaxID = testSender().TaxRegistrationNumber
	_, err := buildTest(t, d)
	require.NoError(t, err)
}

func TestRequired(t *testing.T) {
	assert.False(t, Required(decimal.RequireFromString("100000.00")))
	assert.False(t, Required(decimal.Zero))
	assert.True(t, Required(decimal.RequireFromString("100000.01")))
}

func TestNewRefuses(t *testing.T) {
	_, err := New(nil, testSender())
	assert.Error(t, err)
	c := offline(t)
	_, err = New(c.at, testSender(), WithClock(nil))
	assert.Error(t, err)
}

func TestCatalogue(t *testing.T) {
	for _, c := range Codes.Values() {
		assert.True(t, strings.HasPrefix(string(c), "TRANSPORT-"), c)
		assert.NotEmpty(t, c.Description(), c)
	}
}
