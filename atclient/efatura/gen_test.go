package efatura

import (
	"encoding/xml"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient"
	gen "github.com/faturapt/faturapt/atclient/internal/fatcorews"
)

// TestEFaturaWireMatchesGeneratedTypes decodes the client's requests with
// the types gowsdl generated from the WSDL: every field the hand-written
// wire structs write must land in the generated field of the same element
// (a misspelt or misplaced element would decode as nothing). Order and
// namespaces are checked by xmllint in TestEFaturaRequestsValidateAgainstWSDL.
func TestEFaturaWireMatchesGeneratedTypes(t *testing.T) {
	reqs, err := manualRequests()
	require.NoError(t, err)
	rich := richRequests(t)

	var ri gen.RegisterInvoiceRequest
	decodeAs(t, rich["rich RegisterInvoice"], &ri)
	require.NotNil(t, ri.InvoiceData)
	require.NotNil(t, ri.InvoiceData.InvoiceHeaderType)
	assert.Equal(t, gen.EFaturaMDVersion(MDVersion), *ri.EFaturaMDVersion)
	assert.Equal(t, gen.TaxRegistrationNumber(222222222), *ri.TaxRegistrationNumber)
	assert.Equal(t, gen.TaxEntity("Global"), *ri.TaxEntity)
	assert.Equal(t, gen.InvoiceNo("FT 1/1"), *ri.InvoiceData.InvoiceNo)
	assert.Equal(t, gen.CustomerTaxID("111111111"), *ri.InvoiceData.CustomerTaxID)
	assert.Equal(t, gen.CustomerTaxIDCountry("PT"), *ri.InvoiceData.CustomerTaxIDCountry)
	assert.Equal(t, gen.SelfBillingIndicator0, *ri.InvoiceData.SelfBillingIndicator)
	assert.Equal(t, "N", ri.InvoiceData.DocumentStatus.InvoiceStatus)
	assert.Equal(t, gen.HashCharacters("0"), *ri.InvoiceData.HashCharacters)
	assert.Equal(t, gen.CashVATSchemeIndicator(1), *ri.InvoiceData.CashVATSchemeIndicator)
	assert.Equal(t, gen.PaperLessIndicator(1), *ri.InvoiceData.PaperLessIndicator)
	assert.Equal(t, gen.EACCode("62010"), *ri.InvoiceData.EACCode)
	require.Len(t, ri.InvoiceData.LineSummary, 4)
	l := ri.InvoiceData.LineSummary
	assert.Equal(t, gen.Amount(100), *l[0].Amount)
	assert.Equal(t, gen.PercentageType(23), *l[0].Tax.TaxPercentage)
	assert.Equal(t, gen.TotalTaxBase(25), *l[1].TotalTaxBase)
	assert.Nil(t, l[1].Amount)
	assert.Equal(t, gen.OriginatingON("NE A/7"), *l[1].OrderReferences[0].OriginatingON)
	assert.Equal(t, gen.MonetaryType(1.2), *l[2].Tax.TotalTaxAmount)
	assert.Equal(t, gen.TaxCode("17.3.4"), *l[2].Tax.TaxCode)
	assert.Equal(t, gen.TaxExemptionCode("M07"), *l[3].TaxExemptionCode)
	assert.Equal(t, gen.TaxCountryRegion("PT-MA"), *l[3].Tax.TaxCountryRegion)
	assert.Equal(t, gen.MonetaryType(123), *ri.InvoiceData.DocumentTotals.GrossTotal)
	require.Len(t, ri.InvoiceData.WithholdingTax, 2)
	assert.Equal(t, "IRS", ri.InvoiceData.WithholdingTax[0].WithholdingTaxType)
	assert.Equal(t, gen.MonetaryType(25), *ri.InvoiceData.WithholdingTax[0].WithholdingTaxAmount)
	assert.Equal(t, "faturapt", ri.CanalRegisto.Sistema)

	var nc gen.RegisterInvoiceRequest
	decodeAs(t, rich["credit note"], &nc)
	assert.Equal(t, gen.Reference("FT 1/1"), *nc.InvoiceData.LineSummary[0].Reference[0])
	assert.Equal(t, gen.DebitCreditIndicatorD, *nc.InvoiceData.LineSummary[0].DebitCreditIndicator)

	var ci gen.ChangeInvoiceStatusRequest
	decodeAs(t, reqs[OpChangeInvoiceStatus], &ci)
	assert.Equal(t, "A", ci.InvoiceStatus.InvoiceStatus)
	assert.Equal(t, gen.InvoiceType("FT"), *ci.InvoiceHeader.InvoiceType)

	var di gen.DeleteInvoiceRequest
	decodeAs(t, reqs[OpDeleteInvoice], &di)
	require.Len(t, di.DocumentsList.Invoice, 1)
	assert.Equal(t, gen.InvoiceNo("FT 1/1"), *di.DocumentsList.Invoice[0].InvoiceNo)
	assert.Equal(t, "Erro na comunicação", di.Reason)
	var dr gen.DeleteInvoiceRequest
	decodeAs(t, rich["delete invoices by range"], &dr)
	require.NotNil(t, dr.DateRange)
	assert.Nil(t, dr.DocumentsList)

	var rw gen.RegisterWorkRequest
	decodeAs(t, reqs[OpRegisterWork], &rw)
	assert.Equal(t, gen.DocumentNumber("FC 1/1"), *rw.WorkData.DocumentNumber)
	assert.Equal(t, gen.WorkType("FC"), *rw.WorkData.WorkType)
	assert.Equal(t, "N", rw.WorkData.DocumentStatus.WorkStatus)
	var cw gen.ChangeWorkStatusRequest
	decodeAs(t, reqs[OpChangeWorkStatus], &cw)
	assert.Equal(t, "A", cw.WorkStatus.WorkStatus)
	var dw gen.DeleteWorkRequest
	decodeAs(t, reqs[OpDeleteWork], &dw)
	assert.Equal(t, gen.DocumentNumber("FC 1/1"), *dw.DocumentsList.Work[0].DocumentNumber)

	var rp gen.RegisterPaymentRequest
	decodeAs(t, rich["payment with settlement"], &rp)
	assert.Equal(t, gen.PaymentRefNo("RC 1/1"), *rp.PaymentData.PaymentRefNo)
	assert.Equal(t, gen.PaymentType("RC"), *rp.PaymentData.PaymentType)
	pl := rp.PaymentData.LineSummary[0]
	assert.Equal(t, gen.OriginatingON("FT 1/5"), *pl.SourceDocumentID[0].OriginatingON)
	assert.Equal(t, gen.MonetaryType(2.5), *pl.SettlementAmount)
	assert.Equal(t, gen.Amount(100), *pl.Amount)
	assert.Equal(t, "IRC", rp.PaymentData.WithholdingTax[0].WithholdingTaxType)
	var cp gen.ChangePaymentStatusRequest
	decodeAs(t, reqs[OpChangePaymentStatus], &cp)
	assert.Equal(t, "A", cp.PaymentStatus.PaymentStatus)
	var dp gen.DeletePaymentRequest
	decodeAs(t, reqs[OpDeletePayment], &dp)
	assert.Equal(t, gen.PaymentRefNo("RC 1/1"), *dp.DocumentsList.Payment[0].PaymentRefNo)
}

func decodeAs(t *testing.T, req, into any) {
	t.Helper()
	b, err := xml.Marshal(req)
	require.NoError(t, err)
	require.NoError(t, xml.Unmarshal(b, into))
}

// TestEFaturaSimulatorAnswerMatchesGeneratedTypes: the simulator's answers
// decode into the generated response type.
func TestEFaturaSimulatorAnswerMatchesGeneratedTypes(t *testing.T) {
	e := newEFSim(t, nil)
	status, data, err := e.client.at.Call(testCtx(t), e.srv.EFaturaURL(), string(OpRegisterInvoice), mustMarshal(t, manualRequestFor(t, OpRegisterInvoice)))
	require.NoError(t, err)
	dec, start, err := atclient.OpenAnswer(string(OpRegisterInvoice), status, data)
	require.NoError(t, err)
	var resp gen.RegisterInvoiceResponse
	require.NoError(t, dec.DecodeElement(&resp, &start))
	require.NotNil(t, resp.Response)
	// The manual's example issuer 222222222 fails the NIF check digit: -17.
	assert.Equal(t, int32(CodeInvalidIssuerNIF), resp.Response.CodigoResposta)
	assert.NotEmpty(t, resp.Response.Mensagem)
	assert.False(t, resp.Response.DataOperacao.ToGoTime().IsZero())
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := xml.Marshal(v)
	require.NoError(t, err)
	return b
}

func manualRequestFor(t *testing.T, op Operation) any {
	t.Helper()
	reqs, err := manualRequests()
	require.NoError(t, err)
	return reqs[op]
}
