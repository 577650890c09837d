package atclient

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
)

// wsdlSchema is what the test needs of the WSDL's inline schema: the
// target namespace, elementFormDefault, the global elements and the
// sequences of the complex types.
type wsdlSchema struct {
	target    string
	qualified bool
	elements  map[string]string   // global element -> its type
	sequences map[string][]string // complex type -> child element names
}

func readWSDLSchema(t *testing.T, path string) wsdlSchema {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var doc struct {
		Types struct {
			Schema struct {
				Target       string `xml:"targetNamespace,attr"`
				ElementsForm string `xml:"elementFormDefault,attr"`
				Elements     []struct {
					Name string `xml:"name,attr"`
					Type string `xml:"type,attr"`
				} `xml:"element"`
				Complex []struct {
					Name     string `xml:"name,attr"`
					Elements []struct {
						Name string `xml:"name,attr"`
					} `xml:"sequence>element"`
				} `xml:"complexType"`
			} `xml:"http://www.w3.org/2001/XMLSchema schema"`
		} `xml:"http://schemas.xmlsoap.org/wsdl/ types"`
	}
	require.NoError(t, xml.Unmarshal(data, &doc))
	sc := doc.Types.Schema
	s := wsdlSchema{target: sc.Target, qualified: sc.ElementsForm == "qualified", elements: map[string]string{}, sequences: map[string][]string{}}
	for _, e := range sc.Elements {
		_, local, _ := bytes.Cut([]byte(e.Type), []byte(":"))
		s.elements[e.Name] = string(local)
	}
	for _, c := range sc.Complex {
		for _, e := range c.Elements {
			s.sequences[c.Name] = append(s.sequences[c.Name], e.Name)
		}
	}
	require.NotEmpty(t, s.elements)
	return s
}

// schemaProblems walks a request: every element of the Body must be the
// global element of an operation in the target namespace, with children
// declared by its type, in the namespace the schema gives local elements,
// and in the order of its sequence. It returns the operation's type and
// what is wrong.
func schemaProblems(sc wsdlSchema, envelope []byte) (string, []string) {
	dec := xml.NewDecoder(bytes.NewReader(envelope))
	childNS := ""
	if sc.qualified {
		childNS = sc.target
	}
	var op string
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	depth, last := 0, -1
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			bad("not XML: %v", err)
			break
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			depth++
			switch depth {
			case 1:
				if tk.Name != (xml.Name{Space: nsSOAPEnvelope, Local: "Envelope"}) {
					bad("root %v", tk.Name)
				}
			case 2:
				if tk.Name.Space != nsSOAPEnvelope || (tk.Name.Local != "Header" && tk.Name.Local != "Body") {
					bad("envelope child %v", tk.Name)
				}
				if tk.Name.Local == "Header" {
					_ = dec.Skip()
					depth--
				}
			case 3:
				typ, ok := sc.elements[tk.Name.Local]
				if !ok || tk.Name.Space != sc.target {
					bad("body element {%s}%s is not a global element of the schema", tk.Name.Space, tk.Name.Local)
				}
				op, last = typ, -1
			case 4:
				if tk.Name.Space != childNS {
					bad("%s/%s in namespace %q, want %q", op, tk.Name.Local, tk.Name.Space, childNS)
				}
				i := slices.Index(sc.sequences[op], tk.Name.Local)
				switch {
				case i < 0:
					bad("%s/%s not declared", op, tk.Name.Local)
				case i <= last:
					bad("%s/%s out of the sequence's order", op, tk.Name.Local)
				default:
					last = i
				}
			default:
				bad("nested element %s in %s", tk.Name.Local, op)
			}
		case xml.EndElement:
			depth--
		}
	}
	if op == "" {
		bad("no operation in Body")
	}
	return op, problems
}

// Every request the client sends has the namespaces the WSDL's schema says
// (the operation in http://at.gov.pt/, children unqualified) and only
// declared children, in the declared order.
func TestRequestsMatchWSDLNamespaces(t *testing.T) {
	sc := readWSDLSchema(t, "wsdl/Comunicacao_Series.wsdl")
	require.Equal(t, nsSeries, sc.target)
	e := newSim(t, nil)
	a := e.register(t, "NS1", series.DocumentTypeFT, 1)
	b := e.register(t, "NS2", series.DocumentTypeRG, 1)
	_, err := e.client.FinalizeSeries(testCtx(t), a, series.NumberOf(2), "fim")
	require.NoError(t, err)
	_, err = e.client.CancelSeries(testCtx(t), b, series.CancellationReasonError, true)
	require.NoError(t, err)
	_, err = e.client.QuerySeries(testCtx(t), SeriesQuery{ID: "NS1", Type: series.SeriesTypeNormal, Class: series.DocumentClassSI,
		DocumentType: series.DocumentTypeFT, ValidationCode: a.ValidationCode, RegisteredFrom: e.today, RegisteredTo: e.today,
		Status: series.StatusFinalized, ProcessingMeans: series.ProcessingMeansInvoicingProgram})
	require.NoError(t, err)

	seen := map[string]int{}
	for _, body := range e.srv.Received() {
		op, problems := schemaProblems(sc, body)
		assert.Empty(t, problems)
		seen[op]++
	}
	assert.Equal(t, map[string]int{"registarSerie": 2, "finalizarSerie": 1, "anularSerie": 1, "consultarSeries": 1}, seen)
}

// The check fails on what encoding/xml writes by default: the operation
// with xmlns="http://at.gov.pt/", which puts its children in that namespace.
func TestNamespaceCheckCatchesDefaultNamespace(t *testing.T) {
	sc := readWSDLSchema(t, "wsdl/Comunicacao_Series.wsdl")
	req, err := registerRequest(series.Series{ID: "A", Type: series.SeriesTypeNormal, DocumentType: series.DocumentTypeFT,
		FirstNumber: series.NumberOf(1), ExpectedStart: civil.Date{Year: 2030, Month: 1, Day: 1}, ProcessingMeans: series.ProcessingMeansInvoicingProgram})
	require.NoError(t, err)
	plain, err := xml.Marshal(req)
	require.NoError(t, err)
	require.Contains(t, string(plain), `<registarSerie xmlns="http://at.gov.pt/"><serie>`)
	env := []byte(`<S:Envelope xmlns:S="` + nsSOAPEnvelope + `"><S:Body>` + string(plain) + `</S:Body></S:Envelope>`)
	_, problems := schemaProblems(sc, env)
	assert.Len(t, problems, 8, "the 8 children of registarSerie are in the wrong namespace")

	ours, err := marshalOperation("at", nsSeries, string(OpRegisterSeries), req)
	require.NoError(t, err)
	_, problems = schemaProblems(sc, []byte(`<S:Envelope xmlns:S="`+nsSOAPEnvelope+`"><S:Body>`+string(ours)+`</S:Body></S:Envelope>`))
	assert.Empty(t, problems)
}
