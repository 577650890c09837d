package document_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// TestQRSpecificationExamples rebuilds the example documents of the QR code
// specification (Especificações Técnicas Código QR, §5, pages 13 to 18)
// from drafts and compares the message to the specification's, character
// for character. Package document computes every amount (fiscal spaces I,
// J, K, fields L, M, N, P, and O and S from the totals); the test fills only
// what issuing would (issuer, number, ATCUD, hash, certificate) with the
// example's values.
func TestQRSpecificationExamples(t *testing.T) {
	line := func(amount string, tax document.Tax) document.Line {
		return document.Line{Product: document.Product{Code: "P" + amount, Description: "Artigo " + amount},
			Quantity: dec("1"), UnitPrice: dec(amount), Tax: tax}
	}
	vat := func(c document.Category, r document.Region) document.Tax { return document.Tax{Category: c, Region: r} }
	exempt := func(r document.Region) document.Tax { return document.Tax{Exemption: "M07", Region: r} }
	// The example of §5.1 is of 2019-12-31: its Azores rates are 4, 9
	// and 18 % (J4/J3, J6/J5, J8/J7), before the table's 2021 rates.
	rates2019 := append(document.DefaultRates(),
		document.Rate{Region: document.Azores, Category: document.Reduced, Percent: dec("4"), From: day(2015, 1, 1)},
		document.Rate{Region: document.Azores, Category: document.Intermediate, Percent: dec("9"), From: day(2015, 1, 1)},
		document.Rate{Region: document.Azores, Category: document.Normal, Percent: dec("18"), From: day(2015, 1, 1)})
	buyer := document.Customer{TaxID: "123456789", Name: "Cliente", Country: "PT"}
	finalConsumerPT := document.Customer{TaxID: "999999990", Country: "PT"}

	tests := []struct {
		name   string
		source string
		draft  document.Draft
		// issuing's fields: A, G, H, Q, R.
		issuer, number, atcud, hash string
		// other is field S from the computed payable (nil: none).
		other func(c *document.Computed) []string
		want  string
	}{{
		name:   "invoice with three fiscal spaces",
		source: "§5.1 Exemplo 1 – Fatura, p. 13",
		draft: document.Draft{Type: series.DocumentTypeFT, Date: day(2019, time.December, 31), Customer: finalConsumerPT, Rates: rates2019,
			Lines: []document.Line{
				// I2 12000.00: exempt 11000.00 and an operation of 1000.00
				// subject to stamp duty of 25.00 (M).
				line("11000.00", exempt(document.Mainland)),
				line("1000.00", document.Tax{StampDuty: &document.StampDuty{Code: "4", Description: "Imposto do Selo", Amount: dec("25.00")}}),
				line("15000.00", vat(document.Reduced, document.Mainland)),
				line("50000.00", vat(document.Intermediate, document.Mainland)),
				line("80000.00", vat(document.Normal, document.Mainland)),
				line("10000.00", exempt(document.Azores)),
				line("25000.56", vat(document.Reduced, document.Azores)),
				line("75000.00", vat(document.Intermediate, document.Azores)),
				line("100000.00", vat(document.Normal, document.Azores)),
				line("5000.00", exempt(document.Madeira)),
				line("12500.00", vat(document.Reduced, document.Madeira)),
				line("25000.00", vat(document.Intermediate, document.Madeira)),
				line("40000.00", vat(document.Normal, document.Madeira)),
				line("100.00", document.Tax{Exemption: "M99"}), // L: not subject
			},
			Withholding: []document.Withholding{{Type: saft.WithholdingTaxTypeIRS, Description: "CIRS art. 101.º", Amount: dec("100.00")}}},
		issuer: "123456789", number: "FT AB2019/0035", atcud: "CSDF7T5H-0035", hash: "kLp0",
		other: func(c *document.Computed) []string {
			return []string{"TB", "PT00000000000000000000000", c.Payable.StringFixed(2)}
		},
		want: "A:123456789*B:999999990*C:PT*D:FT*E:N*F:20191231*G:FT AB2019/0035*H:CSDF7T5H-0035*" +
			"I1:PT*I2:12000.00*I3:15000.00*I4:900.00*I5:50000.00*I6:6500.00*I7:80000.00*I8:18400.00*" +
			"J1:PT-AC*J2:10000.00*J3:25000.56*J4:1000.02*J5:75000.00*J6:6750.00*J7:100000.00*J8:18000.00*" +
			"K1:PT-MA*K2:5000.00*K3:12500.00*K4:625.00*K5:25000.00*K6:3000.00*K7:40000.00*K8:8800.00*" +
			"L:100.00*M:25.00*N:64000.02*O:513600.58*P:100.00*Q:kLp0*R:9999*S:TB;PT00000000000000000000000;513500.58",
	}, {
		name:   "simplified invoice, price with VAT",
		source: "§5.2 Exemplo 2 – Fatura simplificada, pp. 14-15",
		draft: document.Draft{Type: series.DocumentTypeFS, Date: day(2019, time.August, 12), Customer: finalConsumerPT, PricesIncludeTax: true,
			Lines:    []document.Line{line("0.80", vat(document.Normal, document.Mainland))},
			Payments: []document.Payment{{Mechanism: saft.PaymentMechanismCash}}},
		issuer: "123456789", number: "FS CDVF/12345", atcud: "CDF7T5HD-12345", hash: "YhGV",
		other: func(c *document.Computed) []string {
			p := c.Draft.Payments[0]
			return []string{string(p.Mechanism), p.Amount.StringFixed(2)}
		},
		want: "A:123456789*B:999999990*C:PT*D:FS*E:N*F:20190812*G:FS CDVF/12345*H:CDF7T5HD-12345*" +
			"I1:PT*I7:0.65*I8:0.15*N:0.15*O:0.80*Q:YhGV*R:9999*S:NU;0.80",
	}, {
		name:   "pro forma invoice",
		source: "§5.3 Exemplo 3 – Fatura pró-forma, pp. 16-17",
		draft: document.Draft{Type: series.DocumentTypePF, Date: day(2019, time.January, 23), Customer: buyer,
			Lines: []document.Line{
				line("12345.34", exempt(document.Mainland)),
				line("12532.65", vat(document.Reduced, document.Mainland)),
				line("52789.00", vat(document.Intermediate, document.Mainland)),
				line("32425.69", vat(document.Normal, document.Mainland)),
			}},
		issuer: "500000000", number: "PF G2019CB/145789", atcud: "HB6FT7RV-145789", hash: "r/fY",
		want: "A:500000000*B:123456789*C:PT*D:PF*E:N*F:20190123*G:PF G2019CB/145789*H:HB6FT7RV-145789*" +
			"I1:PT*I2:12345.34*I3:12532.65*I4:751.96*I5:52789.00*I6:6862.57*I7:32425.69*I8:7457.91*N:15072.44*O:125165.12*Q:r/fY*R:9999",
	}, {
		name:   "transport document without values",
		source: "§5.4 Exemplo 4 – Documento de transporte, p. 18",
		draft: document.Draft{Type: series.DocumentTypeGT, Date: day(2019, time.July, 20), Customer: buyer,
			Transport: &document.Transport{Start: time.Date(2019, time.July, 20, 9, 0, 0, 0, civil.Lisbon)},
			Lines:     []document.Line{line("0", vat(document.Normal, document.Mainland))}},
		issuer: "500000000", number: "GT G234CB/50987", atcud: "GTVX4Y8B-50987", hash: "5uIg",
		want: "A:500000000*B:123456789*C:PT*D:GT*E:N*F:20190720*G:GT G234CB/50987*H:GTVX4Y8B-50987*I1:0*N:0.00*O:0.00*Q:5uIg*R:9999",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := document.Compute(tt.draft)
			if err != nil {
				t.Fatalf("%s: %v", tt.source, err)
			}
			q := c.QR
			q.IssuerNIF, q.DocumentType, q.Date = tt.issuer, string(tt.draft.Type), tt.draft.Date
			q.DocumentNumber, q.ATCUD, q.Hash, q.CertificateNumber = tt.number, tt.atcud, tt.hash, "9999"
			q.GrossTotal = c.GrossTotal
			if tt.other != nil {
				q.OtherInfo = tt.other(c)
			}
			got, err := qrcode.Build(q)
			if err != nil {
				t.Fatalf("%s: %v", tt.source, err)
			}
			if got != tt.want {
				t.Errorf("%s:\n got %s\nwant %s", tt.source, got, tt.want)
				for i, f := range strings.Split(tt.want, "*") {
					if g := strings.Split(got, "*"); i >= len(g) || g[i] != f {
						t.Errorf("first difference at field %s", f)
						break
					}
				}
			}
		})
	}
}

// TestEFaturaManualExamples rebuilds the documents of the e-Fatura
// integration manual's example messages (Comunicação dos elementos dos
// documentos de faturação, v1.0 2022-06, §2.2.3 Exemplo completo de pedido
// SOAP: RegisterInvoice FT 1/1 pp. 51-52, RegisterWork FC pp. 54-55,
// RegisterPayment RC pp. 56-57):
// one line of 100.00 at the normal rate of 23 %, TaxPayable 23.00,
// NetTotal 100.00, GrossTotal 123.00; the RC pays the FT with that VAT.
// The manual's customer 111111111 fails the NIF check digit: a valid NIF
// stands in for it.
func TestEFaturaManualExamples(t *testing.T) {
	customer := document.Customer{TaxID: "503504564", Name: "Cliente", Country: "PT"}
	draft := func(typ series.DocumentType) document.Draft {
		return document.Draft{Type: typ, Date: day(2021, time.January, 1), Customer: customer,
			Lines: []document.Line{{Product: document.Product{Code: "P1", Description: "Artigo"}, Quantity: dec("1"), UnitPrice: dec("100.00"),
				Tax: document.Tax{Category: document.Normal}}}}
	}
	var ft *document.Computed
	for _, tt := range []struct {
		typ    series.DocumentType
		source string
	}{{series.DocumentTypeFT, "RegisterInvoice, pp. 51-52"}, {series.DocumentTypeFC, "RegisterWork, pp. 54-55"}} {
		c, err := document.Compute(draft(tt.typ))
		if err != nil {
			t.Fatalf("%s: %v", tt.source, err)
		}
		l := c.Lines[0]
		got := strings.Join([]string{l.Amount.StringFixed(2), string(l.TaxType), string(l.Region), string(l.TaxCode), l.Percent.StringFixed(2),
			c.TaxPayable.StringFixed(2), c.NetTotal.StringFixed(2), c.GrossTotal.StringFixed(2)}, " ")
		if want := "100.00 IVA PT NOR 23.00 23.00 100.00 123.00"; got != want {
			t.Errorf("%s: %s, want %s", tt.source, got, want)
		}
		if tt.typ == series.DocumentTypeFT {
			ft = c
		}
	}
	s := activeSeries(t, "RC", series.DocumentTypeRC)
	r, err := document.Receipt(s, series.NumberOf(1), issuerNIF, certificate, civil.DateTime{Date: civil.Date{Year: 2021, Month: time.January, Day: 1}, Hour: 11, Minute: 12, Second: 13},
		document.ReceiptDraft{Type: series.DocumentTypeRC, Date: day(2021, time.January, 1), Customer: customer,
			Settles:  []document.Settled{{Number: "FT 1/1", Date: day(2021, time.January, 1), Amount: ft.GrossTotal, Document: ft}},
			Payments: []document.Payment{{Mechanism: saft.PaymentMechanismCash}}})
	if err != nil {
		t.Fatalf("RegisterPayment, pp. 56-57: %v", err)
	}
	l, tot := r.Payment.Line[0], r.Payment.DocumentTotals
	got := strings.Join([]string{fmt.Sprint(len(r.Payment.Line)), l.CreditAmount.StringFixed(2), string(l.Tax.TaxType), l.Tax.TaxCountryRegion, string(l.Tax.TaxCode),
		l.Tax.TaxPercentage.StringFixed(2), tot.TaxPayable.StringFixed(2), tot.NetTotal.StringFixed(2), tot.GrossTotal.StringFixed(2)}, " ")
	if want := "1 100.00 IVA PT NOR 23.00 23.00 100.00 123.00"; got != want {
		t.Errorf("RegisterPayment, pp. 56-57: %s, want %s", got, want)
	}
}
