package qrcode

import (
	"strings"

	"github.com/faturapt/faturapt/civil"
	"github.com/shopspring/decimal"
)

// Build returns the message of the QR code of d: "code:value" fields joined
// by "*" in the order of the specification's §4 table, optional fields only
// when they have a value. When d breaks a rule it returns "" and a
// *violation.Error naming every field and rule (errors.Is(err, ErrInvalid)).
func Build(d Document) (string, error) {
	if err := d.Validate(); err != nil {
		return "", err
	}
	return d.message(), nil
}

// message writes the fields of a valid document.
func (d Document) message() string {
	var b strings.Builder
	b.Grow(512)
	put := func(code, value string) {
		if b.Len() > 0 {
			b.WriteByte('*')
		}
		b.WriteString(code)
		b.WriteByte(':')
		b.WriteString(value)
	}
	money := func(code string, v decimal.NullDecimal) {
		if v.Valid {
			put(code, v.Decimal.StringFixed(2))
		}
	}
	put("A", d.IssuerNIF)
	put("B", d.BuyerTaxID)
	put("C", d.BuyerCountry)
	put("D", d.DocumentType)
	put("E", d.DocumentStatus)
	put("F", compactDate(d.Date))
	put("G", d.DocumentNumber)
	put("H", d.ATCUD)
	for i, s := range d.spaces() {
		if s == nil {
			continue
		}
		letter := spaceLetters[i]
		put(letter+"1", s.Region)
		for j, a := range s.amounts() {
			money(letter+string(rune('2'+j)), *a)
		}
	}
	money("L", d.NonTaxable)
	money("M", d.StampDuty)
	money("N", Amount(d.TaxPayable))
	money("O", Amount(d.GrossTotal))
	money("P", d.WithholdingTax)
	put("Q", d.Hash)
	put("R", d.CertificateNumber)
	if len(d.OtherInfo) > 0 {
		put("S", strings.Join(d.OtherInfo, ";"))
	}
	return b.String()
}

// compactDate writes d as YYYYMMDD, the format of field F.
func compactDate(d civil.Date) string {
	var buf [10]byte
	b := d.Append(buf[:0])
	return string(b[0:4]) + string(b[5:7]) + string(b[8:10])
}
