package efatura

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/internal/xmllint"
)

// Conformance of the e-Fatura requests with Fatcorews.wsdl (kept in wsdl/)
// and with the full examples of the manual (§2.2.3, kept in
// testdata/manual/).

func readWSDL(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("wsdl/Fatcorews.wsdl")
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(data, []byte("\xef\xbb\xbf")), "AT's WSDL starts with a UTF-8 BOM; the copy must be the original")
	return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
}

// TestEFaturaWSDLConstants checks the namespace, the version, the
// operations and the SOAP action against the WSDL.
func TestEFaturaWSDLConstants(t *testing.T) {
	var w struct {
		TargetNamespace string `xml:"targetNamespace,attr"`
		Schema          struct {
			TargetNamespace    string `xml:"targetNamespace,attr"`
			ElementFormDefault string `xml:"elementFormDefault,attr"`
			SimpleTypes        []struct {
				Name    string `xml:"name,attr"`
				Pattern struct {
					Value string `xml:"value,attr"`
				} `xml:"restriction>pattern"`
			} `xml:"simpleType"`
		} `xml:"types>schema"`
		Operations []struct {
			Name string `xml:"name,attr"`
		} `xml:"portType>operation"`
		Bindings []struct {
			Name   string `xml:"name,attr"`
			Action struct {
				SOAPAction string `xml:"soapAction,attr"`
			} `xml:"operation"`
		} `xml:"binding>operation"`
	}
	require.NoError(t, xml.Unmarshal(readWSDL(t), &w))
	assert.Equal(t, ns, w.TargetNamespace)
	assert.Equal(t, ns, w.Schema.TargetNamespace)
	assert.Equal(t, "qualified", w.Schema.ElementFormDefault, "every element of a request is in the target namespace")
	i := slices.IndexFunc(w.Schema.SimpleTypes, func(s struct {
		Name    string `xml:"name,attr"`
		Pattern struct {
			Value string `xml:"value,attr"`
		} `xml:"restriction>pattern"`
	}) bool {
		return s.Name == "eFaturaMDVersion"
	})
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, MDVersion, w.Schema.SimpleTypes[i].Pattern.Value)
	var ops []Operation
	for _, o := range w.Operations {
		ops = append(ops, Operation(o.Name))
	}
	assert.Equal(t, Operation("").Values(), ops)
	require.Len(t, w.Bindings, 9)
	for _, b := range w.Bindings {
		assert.Empty(t, b.Action.SOAPAction, b.Name)
	}

	// Every request element is the operation's name + "Request", in the
	// target namespace.
	reqs, err := manualRequests()
	require.NoError(t, err)
	for op, r := range reqs {
		b, err := xml.Marshal(r)
		require.NoError(t, err)
		root := rootName(t, b)
		assert.Equal(t, xml.Name{Space: ns, Local: string(op) + "Request"}, root, op)
	}
	assert.Equal(t, "https://servicos.portaldasfinancas.gov.pt:723/fatcorews/ws/", atclient.TestEndpoints().EFatura)
	assert.Equal(t, "https://servicos.portaldasfinancas.gov.pt:423/fatcorews/ws/", atclient.ProductionEndpoints().EFatura)
}

func rootName(t *testing.T, b []byte) xml.Name {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		require.NoError(t, err)
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name
		}
	}
}

// canonicalXML lists the elements of b with their namespace and trimmed
// text, ignoring prefixes, namespace declarations, comments and
// indentation, so documents that differ only in those compare equal.
func canonicalXML(t *testing.T, b []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var out []string
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err)
		switch tk := tok.(type) {
		case xml.StartElement:
			out = append(out, "<{"+tk.Name.Space+"}"+tk.Name.Local)
			text.Reset()
		case xml.CharData:
			text.Write(tk)
		case xml.EndElement:
			if s := strings.TrimSpace(text.String()); s != "" {
				out = append(out, "text:"+s)
			}
			text.Reset()
			out = append(out, ">")
		}
	}
}

// manualErrata are the places where the manual's printed examples differ
// from the WSDL, which is what AT's server validates against: the status
// elements of the three ChangeXStatus examples are printed as
// New{Invoice,Work,Payment}Status, but the WSDL names them InvoiceStatus,
// WorkStatus and PaymentStatus (of types NewInvoiceStatusType, ...).
// TestEFaturaManualExamplesAgainstWSDL shows the printed ones invalid.
var manualErrata = map[Operation][2]string{
	OpChangeInvoiceStatus: {"NewInvoiceStatus>", "InvoiceStatus>"},
	OpChangeWorkStatus:    {"NewWorkStatus>", "WorkStatus>"},
	OpChangePaymentStatus: {"NewPaymentStatus>", "PaymentStatus>"},
}

func manualExample(t *testing.T, op Operation) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "manual", "manual_"+string(op)+".xml"))
	require.NoError(t, err)
	return b
}

// TestEFaturaManualExamples builds each operation's request from the SAF-T
// model of the manual's document and compares it with the manual's full
// example, element by element (namespace, name, order, text).
func TestEFaturaManualExamples(t *testing.T) {
	reqs, err := manualRequests()
	require.NoError(t, err)
	for _, op := range Operation("").Values() {
		t.Run(string(op), func(t *testing.T) {
			want := manualExample(t, op)
			if e, ok := manualErrata[op]; ok {
				want = bytes.ReplaceAll(want, []byte(e[0]), []byte(e[1]))
			}
			got, err := xml.Marshal(reqs[op])
			require.NoError(t, err)
			assert.Equal(t, canonicalXML(t, want), canonicalXML(t, got), "%s", got)
		})
	}
}

// xsdFromWSDL extracts the WSDL's schema as a standalone XSD for xmllint
// (the tns prefix it uses is declared on wsdl:definitions).
func xsdFromWSDL(t *testing.T) string {
	t.Helper()
	return xmllint.SchemaFromWSDL(t, readWSDL(t), "schema", `xmlns:tns="`+ns+`"`, "Fatcorews.xsd")
}

// TestEFaturaRequestsValidateAgainstWSDL validates the requests the client
// sends against the WSDL's schema: the manual's nine and variants using the
// optional parts (withholding tax, TotalTaxBase, fixed tax amounts,
// references, order references, EAC code, channel, date ranges).
func TestEFaturaRequestsValidateAgainstWSDL(t *testing.T) {
	xmllint.Path(t)
	xsd := xsdFromWSDL(t)
	reqs, err := manualRequests()
	require.NoError(t, err)
	for k, v := range richRequests(t) {
		reqs[k] = v
	}
	for name, r := range reqs {
		b, err := xml.Marshal(r)
		require.NoError(t, err)
		assert.NoError(t, xmllint.Validate(t, xsd, b), "%s: %s", name, b)
	}
}

// TestEFaturaManualExamplesAgainstWSDL shows that the manual's own examples
// are valid against the WSDL except for the erratum of the status changes,
// and that the schema check does catch it.
func TestEFaturaManualExamplesAgainstWSDL(t *testing.T) {
	xmllint.Path(t)
	xsd := xsdFromWSDL(t)
	for _, op := range Operation("").Values() {
		doc := manualExample(t, op)
		err := xmllint.Validate(t, xsd, doc)
		if e, ok := manualErrata[op]; ok {
			require.Error(t, err, op)
			assert.Contains(t, err.Error(), strings.TrimSuffix(e[0], ">"))
			assert.NoError(t, xmllint.Validate(t, xsd, bytes.ReplaceAll(doc, []byte(e[0]), []byte(e[1]))), op)
			continue
		}
		assert.NoError(t, err, op)
	}
}

// richRequests are requests using the optional parts of the schema.
func richRequests(t *testing.T) map[Operation]any {
	t.Helper()
	is := manualIssuer()
	out := map[Operation]any{}

	inv := manualInvoice()
	inv.PaperLess = true
	inv.Invoice.EACCode = "62010"
	inv.Invoice.SpecialRegimes.CashVATSchemeIndicator = true
	l2 := manualLine()
	l2.LineNumber = 2
	l2.CreditAmount = decp("0")
	l2.TaxBase = decp("12.5")
	l2.Quantity = dec("2")
	l2.OrderReferences = []saftOrderRef{{OriginatingON: "NE A/7", OrderDate: &manualDate}}
	l3 := manualLine()
	l3.LineNumber = 3
	l3.Tax = &saftTax{TaxType: "IS", TaxCountryRegion: "PT", TaxCode: "17.3.4", TaxAmount: decp("1.20")}
	l4 := manualLine()
	l4.LineNumber = 4
	l4.Tax = &saftTax{TaxType: "IVA", TaxCountryRegion: "PT-MA", TaxCode: "ISE", TaxPercentage: decp("0")}
	l4.TaxExemptionCode = "M07"
	inv.Invoice.Line = append(inv.Invoice.Line, l2, l3, l4)
	inv.Invoice.WithholdingTax = []saftWithholding{{WithholdingTaxType: "IRS", WithholdingTaxAmount: dec("25.00")}, {WithholdingTaxAmount: dec("1")}}
	r, err := buildRegisterInvoice(&is, inv)
	require.NoError(t, err)
	r.Channel = &wireChannel{System: "faturapt", Version: "1"}
	out["rich RegisterInvoice"] = r

	nc := manualInvoice()
	nc.Invoice.InvoiceNo, nc.Invoice.InvoiceType = "NC 1/1", "NC"
	nc.Invoice.Line[0].CreditAmount, nc.Invoice.Line[0].DebitAmount = nil, decp("100")
	nc.Invoice.Line[0].References = []saftReference{{Reference: "FT 1/1", Reason: "Devolução"}}
	r2, err := buildRegisterInvoice(&is, nc)
	require.NoError(t, err)
	out["credit note"] = r2

	w := manualWork()
	w.Work.Line[0].Tax = nil
	w.Work.EACCode = "62010"
	r3, err := buildRegisterWork(&is, w)
	require.NoError(t, err)
	out["work without tax"] = r3

	p := manualPayment()
	p.Payment.Line[0].SettlementAmount = decp("2.5")
	p.Payment.WithholdingTax = []saftWithholding{{WithholdingTaxType: "IRC", WithholdingTaxAmount: dec("3")}}
	r4, err := buildRegisterPayment(&is, p)
	require.NoError(t, err)
	out["payment with settlement"] = r4

	rng := &DateRange{Start: manualDate, End: manualDate.AddDays(30)}
	r5, err := buildDeleteInvoice("222222222", nil, rng, "Erro na comunicação")
	require.NoError(t, err)
	out["delete invoices by range"] = r5
	r6, err := buildDeleteWork("222222222", nil, rng, "Erro na comunicação")
	require.NoError(t, err)
	out["delete work by range"] = r6
	r7, err := buildDeletePayment("222222222", nil, rng, "Erro na comunicação")
	require.NoError(t, err)
	out["delete payments by range"] = r7
	return out
}
