package xmlscan

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"testing"
)

// benchDoc is a SAF-T-shaped document of n invoices (about 1.3 KB each).
func benchDoc(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="Windows-1252"?>` + "\n" +
		`<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01"><SourceDocuments><SalesInvoices>` + "\n")
	for i := range n {
		fmt.Fprintf(&b, `<Invoice>
<InvoiceNo>FT A/%d</InvoiceNo>
<ATCUD>CSDF7T5H-%d</ATCUD>
<DocumentStatus><InvoiceStatus>N</InvoiceStatus><InvoiceStatusDate>2026-01-02T10:00:00</InvoiceStatusDate><SourceID>Admin</SourceID><SourceBilling>P</SourceBilling></DocumentStatus>
<Hash>mYJEv4iGwLcnQbRD7dPs2uD1mX9O2Lz3ZkWb2d8yJ6c6mYJEv4iGwLcnQbRD7dPs2uD1mX9O2Lz3ZkWb2d8yJ6c6mYJEv4iGwLcnQbRD7dPs2uD1mX9O2Lz3ZkWb2d8yJ6c6mYJEv4iGwLcnQbRD7dPs2uD1mX9O2Lz3ZkWb2d8yJ6c=</Hash>
<InvoiceDate>2026-01-02</InvoiceDate><InvoiceType>FT</InvoiceType>
<Line><LineNumber>1</LineNumber><ProductCode>P1</ProductCode><ProductDescription>Caf&#233; &amp; p&#xE3;o</ProductDescription><Quantity>2</Quantity><UnitOfMeasure>UN</UnitOfMeasure><UnitPrice>1.50</UnitPrice><TaxPointDate>2026-01-02</TaxPointDate><Description>Caf\xE9</Description><CreditAmount>3.00</CreditAmount><Tax><TaxType>IVA</TaxType><TaxCountryRegion>PT</TaxCountryRegion><TaxCode>NOR</TaxCode><TaxPercentage>23</TaxPercentage></Tax></Line>
<DocumentTotals><TaxPayable>0.69</TaxPayable><NetTotal>3.00</NetTotal><GrossTotal>3.69</GrossTotal></DocumentTotals>
</Invoice>
`, i+1, i+1)
	}
	b.WriteString("</SalesInvoices></SourceDocuments></AuditFile>\n")
	return b.Bytes()
}

func BenchmarkScanner(b *testing.B) {
	doc := benchDoc(2000)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	r := bytes.NewReader(doc)
	for b.Loop() {
		r.Reset(doc)
		s := New(r)
		for {
			if _, err := s.Next(); err != nil {
				if err != io.EOF {
					b.Fatal(err)
				}
				break
			}
		}
	}
}

// BenchmarkEncodingXMLRawToken is the baseline: encoding/xml's cheapest loop
// (no namespace translation, no tag matching), charset decoding of the
// same document included.
func BenchmarkEncodingXMLRawToken(b *testing.B) {
	doc := benchDoc(2000)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	r := bytes.NewReader(doc)
	for b.Loop() {
		r.Reset(doc)
		d := xml.NewDecoder(r)
		d.CharsetReader = func(string, io.Reader) (io.Reader, error) { return r, nil }
		for {
			if _, err := d.RawToken(); err != nil {
				if err != io.EOF {
					b.Fatal(err)
				}
				break
			}
		}
	}
}
