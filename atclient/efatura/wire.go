package efatura

import (
	"encoding/xml"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
)

// The requests of the e-Fatura service as they go on the wire: one struct
// per complex type of Fatcorews.wsdl, fields in the schema's order. The
// schema is elementFormDefault="qualified", so every element is in
// ns: the operation element declares it as the default namespace and
// the children inherit it. TestEFaturaRequestsValidateAgainstWSDL checks
// every request against the WSDL's schema with xmllint. The gowsdl types
// of the same WSDL are not used on the wire (see the go:generate
// directive's comment).

// ns is the target namespace of Fatcorews.wsdl.
const ns = "http://factemi.at.min_financas.pt/documents"

// money is MonetaryType (xs:decimal, 0 to 9999999999999.99): written with
// at least two decimals and never rounded (more decimals are kept as
// given, which xs:decimal allows).
type money decimal.Decimal

func (m money) MarshalText() ([]byte, error) { return []byte(formatMoney(decimal.Decimal(m))), nil }

func formatMoney(d decimal.Decimal) string {
	if d.Exponent() < -2 {
		return d.String()
	}
	return d.StringFixed(2)
}

// percent is PercentageType (xs:decimal, 0 to 100), written like money.
type percent = money

type wireChannel struct {
	System  string `xml:"Sistema"`
	Version string `xml:"Versao,omitempty"`
}

type wireRegisterInvoice struct {
	XMLName xml.Name `xml:"http://factemi.at.min_financas.pt/documents RegisterInvoiceRequest"`
	wireRegisterHead
	InvoiceData wireInvoiceData `xml:"InvoiceData"`
	Channel     *wireChannel    `xml:"CanalRegisto,omitempty"`
}

// wireRegisterHead is what the three Register requests carry before the
// document: the eFaturaMDVersion and the issuer (Issuer).
type wireRegisterHead struct {
	Version                   string `xml:"eFaturaMDVersion"`
	AuditFileVersion          string `xml:"AuditFileVersion"`
	TaxRegistrationNumber     string `xml:"TaxRegistrationNumber"`
	TaxEntity                 string `xml:"TaxEntity"`
	SoftwareCertificateNumber int    `xml:"SoftwareCertificateNumber"`
}

type wireInvoiceHeader struct {
	InvoiceNo            string     `xml:"InvoiceNo"`
	ATCUD                string     `xml:"ATCUD"`
	InvoiceDate          civil.Date `xml:"InvoiceDate"`
	InvoiceType          string     `xml:"InvoiceType"`
	SelfBillingIndicator int        `xml:"SelfBillingIndicator"`
	CustomerTaxID        string     `xml:"CustomerTaxID"`
	CustomerTaxIDCountry string     `xml:"CustomerTaxIDCountry"`
}

type wireInvoiceStatus struct {
	Status string         `xml:"InvoiceStatus"`
	Date   civil.DateTime `xml:"InvoiceStatusDate"`
}

type wireInvoiceData struct {
	wireInvoiceHeader
	DocumentStatus         wireInvoiceStatus    `xml:"DocumentStatus"`
	HashCharacters         string               `xml:"HashCharacters"`
	CashVATSchemeIndicator int                  `xml:"CashVATSchemeIndicator"`
	PaperLessIndicator     int                  `xml:"PaperLessIndicator"`
	EACCode                string               `xml:"EACCode,omitempty"`
	SystemEntryDate        civil.DateTime       `xml:"SystemEntryDate"`
	LineSummary            []wireLineSummary    `xml:"LineSummary"`
	DocumentTotals         wireTotals           `xml:"DocumentTotals"`
	WithholdingTax         []wireWithholdingTax `xml:"WithholdingTax,omitempty"`
}

type wireOrderReference struct {
	OriginatingON string      `xml:"OriginatingON,omitempty"`
	OrderDate     *civil.Date `xml:"OrderDate,omitempty"`
}

// wireLineSummary is the LineSummary of InvoiceDataType and WorkDataType
// (Tax required in the first, optional in the second).
type wireLineSummary struct {
	OrderReferences      []wireOrderReference `xml:"OrderReferences,omitempty"`
	TaxPointDate         civil.Date           `xml:"TaxPointDate"`
	Reference            []string             `xml:"Reference,omitempty"`
	DebitCreditIndicator string               `xml:"DebitCreditIndicator"`
	TotalTaxBase         *money               `xml:"TotalTaxBase,omitempty"`
	Amount               *money               `xml:"Amount,omitempty"`
	Tax                  *wireTax             `xml:"Tax,omitempty"`
	TaxExemptionCode     string               `xml:"TaxExemptionCode,omitempty"`
}

type wireTax struct {
	TaxType          string   `xml:"TaxType"`
	TaxCountryRegion string   `xml:"TaxCountryRegion"`
	TaxCode          string   `xml:"TaxCode"`
	TaxPercentage    *percent `xml:"TaxPercentage,omitempty"`
	TotalTaxAmount   *money   `xml:"TotalTaxAmount,omitempty"`
}

type wireTotals struct {
	TaxPayable money `xml:"TaxPayable"`
	NetTotal   money `xml:"NetTotal"`
	GrossTotal money `xml:"GrossTotal"`
}

type wireWithholdingTax struct {
	Type   string `xml:"WithholdingTaxType,omitempty"`
	Amount money  `xml:"WithholdingTaxAmount"`
}

type wireChangeInvoiceStatus struct {
	XMLName               xml.Name          `xml:"http://factemi.at.min_financas.pt/documents ChangeInvoiceStatusRequest"`
	Version               string            `xml:"eFaturaMDVersion"`
	TaxRegistrationNumber string            `xml:"TaxRegistrationNumber"`
	InvoiceHeader         wireInvoiceHeader `xml:"InvoiceHeader"`
	InvoiceStatus         wireInvoiceStatus `xml:"InvoiceStatus"`
	Channel               *wireChannel      `xml:"CanalRegisto,omitempty"`
}

type wireDateRange struct {
	StartDate civil.Date `xml:"StartDate"`
	EndDate   civil.Date `xml:"EndDate"`
}

type wireDeleteInvoice struct {
	XMLName               xml.Name         `xml:"http://factemi.at.min_financas.pt/documents DeleteInvoiceRequest"`
	Version               string           `xml:"eFaturaMDVersion"`
	TaxRegistrationNumber string           `xml:"TaxRegistrationNumber"`
	DocumentsList         *wireInvoiceList `xml:"documentsList,omitempty"`
	DateRange             *wireDateRange   `xml:"dateRange,omitempty"`
	Reason                string           `xml:"reason"`
	Channel               *wireChannel     `xml:"CanalRegisto,omitempty"`
}

type wireInvoiceList struct {
	Invoice []wireInvoiceHeader `xml:"invoice"`
}

type wireRegisterWork struct {
	XMLName xml.Name `xml:"http://factemi.at.min_financas.pt/documents RegisterWorkRequest"`
	wireRegisterHead
	WorkData wireWorkData `xml:"WorkData"`
	Channel  *wireChannel `xml:"CanalRegisto,omitempty"`
}

type wireWorkHeader struct {
	DocumentNumber       string     `xml:"DocumentNumber"`
	ATCUD                string     `xml:"ATCUD"`
	WorkDate             civil.Date `xml:"WorkDate"`
	WorkType             string     `xml:"WorkType"`
	CustomerTaxID        string     `xml:"CustomerTaxID"`
	CustomerTaxIDCountry string     `xml:"CustomerTaxIDCountry"`
}

type wireWorkStatus struct {
	Status string         `xml:"WorkStatus"`
	Date   civil.DateTime `xml:"WorkStatusDate"`
}

type wireWorkData struct {
	wireWorkHeader
	DocumentStatus  wireWorkStatus    `xml:"DocumentStatus"`
	HashCharacters  string            `xml:"HashCharacters"`
	EACCode         string            `xml:"EACCode,omitempty"`
	SystemEntryDate civil.DateTime    `xml:"SystemEntryDate"`
	LineSummary     []wireLineSummary `xml:"LineSummary"`
	DocumentTotals  wireTotals        `xml:"DocumentTotals"`
}

type wireChangeWorkStatus struct {
	XMLName               xml.Name       `xml:"http://factemi.at.min_financas.pt/documents ChangeWorkStatusRequest"`
	Version               string         `xml:"eFaturaMDVersion"`
	TaxRegistrationNumber string         `xml:"TaxRegistrationNumber"`
	WorkHeader            wireWorkHeader `xml:"WorkHeader"`
	WorkStatus            wireWorkStatus `xml:"WorkStatus"`
	Channel               *wireChannel   `xml:"CanalRegisto,omitempty"`
}

type wireDeleteWork struct {
	XMLName               xml.Name       `xml:"http://factemi.at.min_financas.pt/documents DeleteWorkRequest"`
	Version               string         `xml:"eFaturaMDVersion"`
	TaxRegistrationNumber string         `xml:"TaxRegistrationNumber"`
	DocumentsList         *wireWorkList  `xml:"documentsList,omitempty"`
	DateRange             *wireDateRange `xml:"dateRange,omitempty"`
	Reason                string         `xml:"reason"`
	Channel               *wireChannel   `xml:"CanalRegisto,omitempty"`
}

type wireWorkList struct {
	Work []wireWorkHeader `xml:"work"`
}

type wireRegisterPayment struct {
	XMLName xml.Name `xml:"http://factemi.at.min_financas.pt/documents RegisterPaymentRequest"`
	wireRegisterHead
	PaymentData wirePaymentData `xml:"PaymentData"`
	Channel     *wireChannel    `xml:"CanalRegisto,omitempty"`
}

type wirePaymentHeader struct {
	PaymentRefNo         string     `xml:"PaymentRefNo"`
	ATCUD                string     `xml:"ATCUD"`
	TransactionDate      civil.Date `xml:"TransactionDate"`
	PaymentType          string     `xml:"PaymentType"`
	CustomerTaxID        string     `xml:"CustomerTaxID"`
	CustomerTaxIDCountry string     `xml:"CustomerTaxIDCountry"`
}

type wirePaymentStatus struct {
	Status string         `xml:"PaymentStatus"`
	Date   civil.DateTime `xml:"PaymentStatusDate"`
}

type wirePaymentData struct {
	wirePaymentHeader
	DocumentStatus  wirePaymentStatus    `xml:"DocumentStatus"`
	SystemEntryDate civil.DateTime       `xml:"SystemEntryDate"`
	LineSummary     []wirePaymentLine    `xml:"LineSummary"`
	DocumentTotals  wireTotals           `xml:"DocumentTotals"`
	WithholdingTax  []wireWithholdingTax `xml:"WithholdingTax,omitempty"`
}

type wireSourceDocument struct {
	OriginatingON string     `xml:"OriginatingON"`
	InvoiceDate   civil.Date `xml:"InvoiceDate"`
}

type wirePaymentLine struct {
	SourceDocumentID     []wireSourceDocument `xml:"SourceDocumentID"`
	SettlementAmount     *money               `xml:"SettlementAmount,omitempty"`
	DebitCreditIndicator string               `xml:"DebitCreditIndicator"`
	Amount               money                `xml:"Amount"`
	Tax                  *wireTax             `xml:"Tax,omitempty"`
	TaxExemptionCode     string               `xml:"TaxExemptionCode,omitempty"`
}

type wireChangePaymentStatus struct {
	XMLName               xml.Name          `xml:"http://factemi.at.min_financas.pt/documents ChangePaymentStatusRequest"`
	Version               string            `xml:"eFaturaMDVersion"`
	TaxRegistrationNumber string            `xml:"TaxRegistrationNumber"`
	PaymentHeader         wirePaymentHeader `xml:"PaymentHeader"`
	PaymentStatus         wirePaymentStatus `xml:"PaymentStatus"`
	Channel               *wireChannel      `xml:"CanalRegisto,omitempty"`
}

type wireDeletePayment struct {
	XMLName               xml.Name         `xml:"http://factemi.at.min_financas.pt/documents DeletePaymentRequest"`
	Version               string           `xml:"eFaturaMDVersion"`
	TaxRegistrationNumber string           `xml:"TaxRegistrationNumber"`
	DocumentsList         *wirePaymentList `xml:"documentsList,omitempty"`
	DateRange             *wireDateRange   `xml:"dateRange,omitempty"`
	Reason                string           `xml:"reason"`
	Channel               *wireChannel     `xml:"CanalRegisto,omitempty"`
}

type wirePaymentList struct {
	Payment []wirePaymentHeader `xml:"payment"`
}
