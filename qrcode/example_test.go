package qrcode_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/nif"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/violation"
)

func amount(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// A simplified invoice (FS) to an anonymous final consumer, paid in cash.
func ExampleBuild() {
	doc := qrcode.Document{
		IssuerNIF:      "500000000",
		BuyerTaxID:     nif.FinalConsumer,
		BuyerCountry:   "PT",
		DocumentType:   "FS",
		DocumentStatus: "N",
		Date:           civil.Date{Year: 2026, Month: time.November, Day: 28},
		DocumentNumber: "FS LOJA1/42",
		ATCUD:          "JFC8LM3P-42",
		FiscalSpaceI: qrcode.FiscalSpace{
			Region:     qrcode.RegionPortugal,
			NormalBase: qrcode.Amount(amount("10")),
			NormalVAT:  qrcode.Amount(amount("2.3")),
		},
		TaxPayable:        amount("2.30"),
		GrossTotal:        amount("12.30"),
		Hash:              "aB3x",
		CertificateNumber: "1234",
		OtherInfo:         []string{"NU", "12.30"},
	}
	msg, err := qrcode.Build(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(msg)
	// Output:
	// A:500000000*B:999999990*C:PT*D:FS*E:N*F:20261128*G:FS LOJA1/42*H:JFC8LM3P-42*I1:PT*I7:10.00*I8:2.30*N:2.30*O:12.30*Q:aB3x*R:1234*S:NU;12.30
}

// An invoice with VAT of mainland Portugal (block I) and of Madeira
// (block K, as in the specification's example 1; block J stays empty).
func ExampleBuild_mainlandAndMadeira() {
	doc := qrcode.Document{
		IssuerNIF:      "500000000",
		BuyerTaxID:     "123456789",
		BuyerCountry:   "PT",
		DocumentType:   "FT",
		DocumentStatus: "N",
		Date:           civil.Date{Year: 2026, Month: time.November, Day: 28},
		DocumentNumber: "FT 2026A/7",
		ATCUD:          "AAJFJ2K6-7",
		FiscalSpaceI: qrcode.FiscalSpace{
			Region:     qrcode.RegionPortugal,
			NormalBase: qrcode.Amount(amount("100.00")), // 23 %
			NormalVAT:  qrcode.Amount(amount("23.00")),
		},
		FiscalSpaceK: &qrcode.FiscalSpace{
			Region:      qrcode.RegionMadeira,
			ReducedBase: qrcode.Amount(amount("20.00")), // 4 %
			ReducedVAT:  qrcode.Amount(amount("0.80")),
			NormalBase:  qrcode.Amount(amount("50.00")), // 22 %
			NormalVAT:   qrcode.Amount(amount("11.00")),
		},
		TaxPayable:        amount("34.80"),
		GrossTotal:        amount("204.80"),
		Hash:              "Qw9/",
		CertificateNumber: "1234",
	}
	msg, err := qrcode.Build(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(msg)
	// Output:
	// A:500000000*B:123456789*C:PT*D:FT*E:N*F:20261128*G:FT 2026A/7*H:AAJFJ2K6-7*I1:PT*I7:100.00*I8:23.00*K1:PT-MA*K3:20.00*K4:0.80*K7:50.00*K8:11.00*N:34.80*O:204.80*Q:Qw9/*R:1234
}

// Building from data that breaks rules names every field and rule.
func ExampleBuild_invalid() {
	doc := qrcode.Document{
		IssuerNIF:      "500000001", // wrong check digit
		BuyerTaxID:     nif.FinalConsumer,
		BuyerCountry:   "PT",
		DocumentType:   "FS",
		DocumentStatus: "N",
		Date:           civil.Date{Year: 2026, Month: time.November, Day: 28},
		DocumentNumber: "FS LOJA1/42",
		ATCUD:          "JFC8LM3P-42",
		FiscalSpaceI:   qrcode.FiscalSpace{Region: qrcode.RegionPortugal},
		TaxPayable:     amount("2.305"), // three decimals
		GrossTotal:     amount("-12.30"),
		Hash:           "aB3x",
		// CertificateNumber missing
	}
	_, err := qrcode.Build(doc)
	var ve *violation.Error
	if errors.As(err, &ve) {
		for _, v := range ve.Violations {
			fmt.Println(v.Path, v.Code)
		}
	}
	fmt.Println(errors.Is(err, qrcode.ErrInvalid))
	// Output:
	// A QRCODE-NIF
	// N QRCODE-DECIMALS
	// O QRCODE-NEGATIVE
	// R QRCODE-REQUIRED
	// true
}

// Reading the message of a scanned QR code (the specification's example 4,
// a transport document without values).
func ExampleParse() {
	doc, err := qrcode.Parse("A:500000000*B:123456789*C:PT*D:GT*E:N*F:20190720*G:GT G234CB/50987*H:GTVX4Y8B-50987*I1:0*N:0.00*O:0.00*Q:5uIg*R:9999")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.DocumentType, doc.DocumentNumber, doc.Date, doc.FiscalSpaceI.Region == qrcode.RegionNoVATRate, doc.GrossTotal.StringFixed(2))
	// Output:
	// GT GT G234CB/50987 2019-07-20 true 0.00
}

// Parse reports every rule a message breaks.
func ExampleParse_violations() {
	_, err := qrcode.Parse("A:500000000*B:999999990*C:PT*D:FS*E:N*F:2026-11-28*G:FS LOJA1/42*H:JFC8LM3P-42*I1:PT*I8:2.3*I7:10.00*O:12.30*Q:aB3x*R:1234*S:")
	var ve *violation.Error
	if errors.As(err, &ve) {
		for _, v := range ve.Violations {
			fmt.Printf("%s %s\n", v.Path, v.Code)
		}
	}
	// Output:
	// F QRCODE-FORMAT
	// I8 QRCODE-DECIMALS
	// I7 QRCODE-ORDER
	// S QRCODE-EMPTY
	// N QRCODE-REQUIRED
}

func ExampleDocument_Validate() {
	doc := qrcode.Document{IssuerNIF: "500000000"}
	err := doc.Validate()
	var ve *violation.Error
	if errors.As(err, &ve) {
		fmt.Println(len(ve.Violations), ve.HasAt("B", qrcode.CodeRequired), ve.HasAt("A", qrcode.CodeNIF))
	}
	// Output:
	// 10 true false
}

func ExampleNoVATRate() {
	space := qrcode.NoVATRate()
	fmt.Println(space.Region)
	// Output: 0
}

func ExampleAmount() {
	none := decimal.NullDecimal{}       // left out of the message
	zero := qrcode.Amount(decimal.Zero) // written "0.00"
	fmt.Println(none.Valid, zero.Valid, zero.Decimal.StringFixed(2))
	// Output: false true 0.00
}

func ExampleParse_hasAt() {
	_, err := qrcode.Parse("A:500000000")
	var ve *violation.Error
	if errors.As(err, &ve) {
		fmt.Println(ve.HasAt("O", qrcode.CodeRequired))
	}
	// Output: true
}

func ExampleParse_error() {
	_, err := qrcode.Parse("A:500000000*B:999999990*C:PT*D:FS*E:N*F:20261128*G:FS LOJA1/42*H:JFC8LM3P-42*I1:PT*I7:10.00*I8:2.30*N:2.30*O:12.30*Q:aB3x*R:12345")
	fmt.Println(err)
	// Output: qrcode: invalid: R: 5 characters, maximum 4 [QRCODE-MAX-LENGTH]
}
