package qrcode

import (
	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
)

// Values of the fiscal space code (fields I1, J1, K1). Any SAF-T
// TaxCountryRegion is accepted; these are the common ones.
const (
	RegionPortugal = "PT"    // mainland Portugal
	RegionAzores   = "PT-AC" // Região Autónoma dos Açores
	RegionMadeira  = "PT-MA" // Região Autónoma da Madeira
	// RegionNoVATRate is the I1 value of a document of SAF-T tables 4.2,
	// 4.3 or 4.4 issued without a VAT rate (spec §3 h), e.g. a transport
	// document without values.
	RegionNoVATRate = "0"
)

// CountryUnknown is the SAF-T Customer Country value used when the buyer's
// country is not known (e.g. an anonymous final consumer). It is 12
// characters long: exactly the maximum length of field C.
const CountryUnknown = "Desconhecido"

// Unsigned is the value of field Q for a document that is not signed.
const Unsigned = "0"

// Amount returns an optional money value that is present. Optional money
// fields are decimal.NullDecimal: Valid false means "no information", and
// the field is left out of the message (spec §3 f); a present zero is
// written as 0.00.
func Amount(d decimal.Decimal) decimal.NullDecimal {
	return decimal.NullDecimal{Decimal: d, Valid: true}
}

// FiscalSpace is one VAT block of the message: I1..I8, J1..J8 or K1..K8.
// The specification's example uses I for PT, J for PT-AC and K for PT-MA.
type FiscalSpace struct {
	// Region is the SAF-T TaxCountryRegion (PT, PT-AC, PT-MA, ES, ...),
	// or RegionNoVATRate ("0") in block I for a document without VAT rate.
	Region           string
	ExemptBase       decimal.NullDecimal // x2: base exempt of VAT (incl. stamp-duty operations)
	ReducedBase      decimal.NullDecimal // x3: base at the reduced rate
	ReducedVAT       decimal.NullDecimal // x4: VAT at the reduced rate
	IntermediateBase decimal.NullDecimal // x5: base at the intermediate rate
	IntermediateVAT  decimal.NullDecimal // x6: VAT at the intermediate rate
	NormalBase       decimal.NullDecimal // x7: base at the normal rate
	NormalVAT        decimal.NullDecimal // x8: VAT at the normal rate
}

// amounts returns the seven money fields in table order (x2..x8).
func (s *FiscalSpace) amounts() [7]*decimal.NullDecimal {
	return [7]*decimal.NullDecimal{
		&s.ExemptBase, &s.ReducedBase, &s.ReducedVAT,
		&s.IntermediateBase, &s.IntermediateVAT,
		&s.NormalBase, &s.NormalVAT,
	}
}

// NoVATRate returns the fiscal space I1:0 of a document of SAF-T tables
// 4.2–4.4 issued without a VAT rate (spec §3 h).
func NoVATRate() FiscalSpace { return FiscalSpace{Region: RegionNoVATRate} }

// Document is the content of the QR code: one field per row of the table of
// the specification's §4. Strings are written as given (no trimming); money
// is written with exactly two decimals.
type Document struct {
	IssuerNIF      string     // A: issuer's NIF, 9 digits, no country prefix
	BuyerTaxID     string     // B: buyer's NIF; nif.FinalConsumer (999999990) for a final consumer
	BuyerCountry   string     // C: SAF-T Customer Country (ISO 3166-1 alpha-2 or "Desconhecido")
	DocumentType   string     // D: SAF-T document type (FT, FS, FR, NC, GT, PF, RG, ...)
	DocumentStatus string     // E: SAF-T document status (N, S, A, R, F, T)
	Date           civil.Date // F: document date
	DocumentNumber string     // G: SAF-T unique document identification, e.g. "FT AB2019/0035"
	ATCUD          string     // H: e.g. "CSDF7T5H-0035", or "0" where no validation code applies

	// FiscalSpaceI is block I (mandatory: spec §3 g, at least one fiscal
	// space); FiscalSpaceJ and FiscalSpaceK are blocks J and K, nil when
	// absent.
	FiscalSpaceI FiscalSpace
	FiscalSpaceJ *FiscalSpace
	FiscalSpaceK *FiscalSpace

	NonTaxable     decimal.NullDecimal // L: not subject / not taxable in VAT
	StampDuty      decimal.NullDecimal // M: stamp duty (Imposto do Selo)
	TaxPayable     decimal.Decimal     // N: total VAT and stamp duty (SAF-T TaxPayable)
	GrossTotal     decimal.Decimal     // O: total with taxes (SAF-T GrossTotal)
	WithholdingTax decimal.NullDecimal // P: withholding tax (SAF-T WithholdingTaxAmount)

	Hash              string // Q: characters 1, 11, 21 and 31 of the signature, or Unsigned ("0")
	CertificateNumber string // R: number of the program's AT certificate

	// OtherInfo is field S, free text: its parts are joined by ";" (e.g.
	// "TB", an IBAN, an amount). Nil or empty: no field S.
	OtherInfo []string
}
