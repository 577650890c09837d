package qrcode

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// simplified is a valid document (the spec's example 2) to break one rule
// at a time.
func simplified() Document { return specExamples()[1].doc }

type ruleHit struct {
	field string
	rule  violation.Code
}

func requireViolations(t *testing.T, err error, want ...ruleHit) *violation.Error {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, ErrInvalid)
	var ve *violation.Error
	require.ErrorAs(t, err, &ve)
	for _, w := range want {
		assert.True(t, ve.HasAt(w.field, w.rule), "want %s/%s in %v", w.field, w.rule, err)
	}
	return ve
}

func TestBuildRejectsBrokenRules(t *testing.T) {
	tests := []struct {
		name   string
		change func(d *Document)
		want   ruleHit
	}{
		{"A missing", func(d *Document) { d.IssuerNIF = "" }, ruleHit{"A", CodeRequired}},
		{"A bad check digit", func(d *Document) { d.IssuerNIF = "123456780" }, ruleHit{"A", CodeNIF}},
		{"A over 9", func(d *Document) { d.IssuerNIF = "1234567890" }, ruleHit{"A", CodeMaxLength}},
		{"A with PT prefix", func(d *Document) { d.IssuerNIF = "PT1234567" }, ruleHit{"A", CodeNIF}},
		{"B invalid NIF for PT buyer", func(d *Document) { d.BuyerTaxID = "999999999" }, ruleHit{"B", CodeNIF}},
		{"B over 30", func(d *Document) { d.BuyerCountry = "ES"; d.BuyerTaxID = strings.Repeat("9", 31) }, ruleHit{"B", CodeMaxLength}},
		{"B missing", func(d *Document) { d.BuyerTaxID = "" }, ruleHit{"B", CodeRequired}},
		{"C unknown country", func(d *Document) { d.BuyerCountry = "XX" }, ruleHit{"C", CodeCode}},
		{"C over 12", func(d *Document) { d.BuyerCountry = "Desconhecidos" }, ruleHit{"C", CodeMaxLength}},
		{"D unknown type", func(d *Document) { d.DocumentType = "ZZ" }, ruleHit{"D", CodeCode}},
		{"D over 2", func(d *Document) { d.DocumentType = "FTX" }, ruleHit{"D", CodeMaxLength}},
		{"E unknown status", func(d *Document) { d.DocumentStatus = "X" }, ruleHit{"E", CodeCode}},
		{"F missing", func(d *Document) { d.Date = civil.Date{} }, ruleHit{"F", CodeRequired}},
		{"F impossible", func(d *Document) { d.Date = civil.Date{Year: 2019, Month: time.February, Day: 30} }, ruleHit{"F", CodeFormat}},
		{"G over 60", func(d *Document) { d.DocumentNumber = "FS " + strings.Repeat("A", 52) + "/12345" }, ruleHit{"G", CodeMaxLength}},
		{"G not SAF-T", func(d *Document) { d.DocumentNumber = "FS12345" }, ruleHit{"G", CodeFormat}},
		{"G with asterisk", func(d *Document) { d.DocumentNumber = "FS* CDVF/12345" }, ruleHit{"G", CodeAsterisk}},
		{"G with spaces around", func(d *Document) { d.DocumentNumber = " FS CDVF/12345" }, ruleHit{"G", CodeSpaces}},
		{"H malformed", func(d *Document) { d.ATCUD = "CDF7-12345" }, ruleHit{"H", CodeATCUD}},
		{"H number is not G's", func(d *Document) { d.ATCUD = "CDF7T5HD-12346" }, ruleHit{"H", CodeATCUDNumber}},
		{"H with label", func(d *Document) { d.ATCUD = "ATCUD:CDF7T5HD-12345" }, ruleHit{"H", CodeATCUD}},
		{"H number zero", func(d *Document) { d.ATCUD = "CDF7T5HD-0"; d.DocumentNumber = "FS CDVF/0" }, ruleHit{"H", CodeATCUD}},
		{"H over 70", func(d *Document) { d.ATCUD = strings.Repeat("A", 65) + "-12345" }, ruleHit{"H", CodeMaxLength}},
		{"I1 missing", func(d *Document) { d.FiscalSpaceI.Region = "" }, ruleHit{"I1", CodeRequired}},
		{"I1 unknown region", func(d *Document) { d.FiscalSpaceI.Region = "PT-XX" }, ruleHit{"I1", CodeCode}},
		{"I1:0 with amounts", func(d *Document) { d.FiscalSpaceI.Region = RegionNoVATRate }, ruleHit{"I1", CodeNoVATRate}},
		{"I1:0 on an invoice", func(d *Document) {
			d.FiscalSpaceI = NoVATRate()
			d.TaxPayable, d.GrossTotal = decimal.Zero, decimal.Zero
		}, ruleHit{"I1", CodeNoVATRate}},
		{"I1:0 with J", func(d *Document) {
			d.FiscalSpaceI = NoVATRate()
			d.FiscalSpaceJ = &FiscalSpace{Region: RegionAzores}
		}, ruleHit{"I1", CodeNoVATRate}},
		{"J amounts without J1", func(d *Document) { d.FiscalSpaceJ = &FiscalSpace{NormalBase: opt("1")} }, ruleHit{"J1", CodeRequired}},
		{"J1:0", func(d *Document) { d.FiscalSpaceJ = &FiscalSpace{Region: "0"} }, ruleHit{"J1", CodeCode}},
		{"K repeats I's region", func(d *Document) { d.FiscalSpaceK = &FiscalSpace{Region: "PT"} }, ruleHit{"K1", CodeRegion}},
		{"I7 three decimals", func(d *Document) { d.FiscalSpaceI.NormalBase = opt("0.655") }, ruleHit{"I7", CodeDecimals}},
		{"I8 negative", func(d *Document) { d.FiscalSpaceI.NormalVAT = opt("-0.15") }, ruleHit{"I8", CodeNegative}},
		{"L over 16", func(d *Document) { d.NonTaxable = opt("12345678901234.45") }, ruleHit{"L", CodeMaxLength}},
		{"M negative", func(d *Document) { d.StampDuty = opt("-1") }, ruleHit{"M", CodeNegative}},
		{"N too precise", func(d *Document) { d.TaxPayable = money("0.151") }, ruleHit{"N", CodeDecimals}},
		{"O negative total", func(d *Document) { d.GrossTotal = money("-0.80") }, ruleHit{"O", CodeNegative}},
		{"P negative", func(d *Document) { d.WithholdingTax = opt("-5") }, ruleHit{"P", CodeNegative}},
		{"Q missing", func(d *Document) { d.Hash = "" }, ruleHit{"Q", CodeRequired}},
		{"Q 3 chars", func(d *Document) { d.Hash = "YhG" }, ruleHit{"Q", CodeFormat}},
		{"Q over 4", func(d *Document) { d.Hash = "YhGVx" }, ruleHit{"Q", CodeMaxLength}},
		{"R missing", func(d *Document) { d.CertificateNumber = "" }, ruleHit{"R", CodeRequired}},
		{"R not digits", func(d *Document) { d.CertificateNumber = "99A9" }, ruleHit{"R", CodeFormat}},
		{"S with asterisk", func(d *Document) { d.OtherInfo = []string{"NU", "0*80"} }, ruleHit{"S", CodeAsterisk}},
		{"S part with ;", func(d *Document) { d.OtherInfo = []string{"NU;0.80"} }, ruleHit{"S", CodeFormat}},
		{"S part with spaces", func(d *Document) { d.OtherInfo = []string{"NU ", "0.80"} }, ruleHit{"S", CodeSpaces}},
		{"S empty", func(d *Document) { d.OtherInfo = []string{""} }, ruleHit{"S", CodeEmpty}},
		{"S over 65", func(d *Document) { d.OtherInfo = []string{"TB", strings.Repeat("0", 63)} }, ruleHit{"S", CodeMaxLength}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := simplified()
			tt.change(&d)
			msg, err := Build(d)
			assert.Empty(t, msg)
			requireViolations(t, err, tt.want)
			assert.Contains(t, err.Error(), tt.want.field+": ")
			assert.Contains(t, err.Error(), "["+string(tt.want.rule)+"]")
		})
	}
}

func TestBuildReportsEveryViolation(t *testing.T) {
	d := simplified()
	d.IssuerNIF = ""
	d.GrossTotal = money("-1")
	d.FiscalSpaceI.NormalVAT = opt("0.151")
	d.Hash = "??"
	_, err := Build(d)
	ve := requireViolations(t, err,
		ruleHit{"A", CodeRequired}, ruleHit{"I8", CodeDecimals}, ruleHit{"O", CodeNegative}, ruleHit{"Q", CodeFormat})
	assert.Len(t, ve.Violations, 4, "%v", err)
	// Table order: A before I8 before O before Q.
	assert.Equal(t, []string{"A", "I8", "O", "Q"}, fieldsOf(ve))
}

func fieldsOf(ve *violation.Error) []string {
	var f []string
	for _, v := range ve.Violations {
		f = append(f, v.Path)
	}
	return f
}

func TestBuildAcceptsOptionalVariants(t *testing.T) {
	d := simplified()
	d.BuyerTaxID, d.BuyerCountry = "ESB12345678", "ES" // foreign buyer: no NIF check
	d.ATCUD = "0"                                      // before series validation codes existed
	d.Hash = Unsigned
	d.FiscalSpaceI.Region = RegionAzores
	d.FiscalSpaceI.ExemptBase = Amount(decimal.Zero) // a present zero is written
	d.OtherInfo = nil
	got, err := Build(d)
	require.NoError(t, err)
	assert.Equal(t, "A:123456789*B:ESB12345678*C:ES*D:FS*E:N*F:20190812*G:FS CDVF/12345*H:0"+
		"*I1:PT-AC*I2:0.00*I7:0.65*I8:0.15*N:0.15*O:0.80*Q:0*R:9999", got)

	d.BuyerTaxID, d.BuyerCountry = "999999990", CountryUnknown
	got, err = Build(d)
	require.NoError(t, err)
	assert.Contains(t, got, "*C:Desconhecido*")
}

func TestBuildKWithoutJ(t *testing.T) {
	d := simplified()
	d.FiscalSpaceK = &FiscalSpace{Region: RegionMadeira, NormalBase: opt("1.00"), NormalVAT: opt("0.22")}
	d.TaxPayable, d.GrossTotal = money("0.37"), money("2.02")
	d.OtherInfo = nil
	got, err := Build(d)
	require.NoError(t, err)
	assert.Contains(t, got, "*I8:0.15*K1:PT-MA*K7:1.00*K8:0.22*N:0.37*")
}

func TestParseReportsEveryViolation(t *testing.T) {
	valid := specExamples()[1].want
	tests := []struct {
		name string
		msg  string
		want []ruleHit
	}{
		{"empty", "", []ruleHit{{"", CodeSyntax}}},
		{"no colon", strings.Replace(valid, "E:N", "EN", 1), []ruleHit{{"", CodeSyntax}, {"E", CodeRequired}}},
		{"trailing separator", valid + "*", []ruleHit{{"", CodeSyntax}}},
		{"unknown code", strings.Replace(valid, "*N:", "*X9:1*N:", 1), []ruleHit{{"", CodeUnknown}}},
		{"duplicate", strings.Replace(valid, "*N:", "*I8:0.15*N:", 1), []ruleHit{{"I8", CodeDuplicate}}},
		{"out of order", strings.Replace(valid, "A:123456789*B:999999990", "B:999999990*A:123456789", 1), []ruleHit{{"A", CodeOrder}}},
		{"space before code", strings.Replace(valid, "*C:PT", "* C:PT", 1), []ruleHit{{"C", CodeSpaces}, {"C", CodeRequired}}},
		{"space in value", strings.Replace(valid, "C:PT", "C: PT", 1), []ruleHit{{"C", CodeSpaces}}},
		{"missing mandatory", strings.Replace(valid, "*O:0.80", "", 1), []ruleHit{{"O", CodeRequired}}},
		{"missing I1", strings.Replace(valid, "*I1:PT", "", 1), []ruleHit{{"I1", CodeRequired}}},
		{"money one decimal", strings.Replace(valid, "I7:0.65", "I7:0.6", 1), []ruleHit{{"I7", CodeDecimals}}},
		{"money comma", strings.Replace(valid, "I7:0.65", "I7:0,65", 1), []ruleHit{{"I7", CodeDecimals}}},
		{"money no decimals", strings.Replace(valid, "O:0.80", "O:1", 1), []ruleHit{{"O", CodeDecimals}}},
		{"money thousands", strings.Replace(valid, "O:0.80", "O:1 000.80", 1), []ruleHit{{"O", CodeFormat}}},
		{"money leading zero", strings.Replace(valid, "O:0.80", "O:00.80", 1), []ruleHit{{"O", CodeFormat}}},
		{"money negative", strings.Replace(valid, "O:0.80", "O:-0.80", 1), []ruleHit{{"O", CodeNegative}}},
		{"money empty", strings.Replace(valid, "I7:0.65", "I7:", 1), []ruleHit{{"I7", CodeEmpty}}},
		{"money over 16", strings.Replace(valid, "O:0.80", "O:12345678901234.80", 1), []ruleHit{{"O", CodeMaxLength}}},
		{"date format", strings.Replace(valid, "F:20190812", "F:2019-08-12", 1), []ruleHit{{"F", CodeFormat}}},
		{"date impossible", strings.Replace(valid, "F:20190812", "F:20190230", 1), []ruleHit{{"F", CodeFormat}}},
		{"S empty", strings.Replace(valid, "S:NU;0.80", "S:", 1), []ruleHit{{"S", CodeEmpty}}},
		{"J1 empty", strings.Replace(valid, "*N:", "*J1:*N:", 1), []ruleHit{{"J1", CodeEmpty}}},
		{"J amount without J1", strings.Replace(valid, "*N:", "*J7:1.00*N:", 1), []ruleHit{{"J1", CodeRequired}}},
		{"I1:0 with amounts", strings.Replace(valid, "I1:PT", "I1:0", 1), []ruleHit{{"I1", CodeNoVATRate}}},
		{"ATCUD number", strings.Replace(valid, "H:CDF7T5HD-12345", "H:CDF7T5HD-2345", 1), []ruleHit{{"H", CodeATCUDNumber}}},
		{"bad NIF", strings.Replace(valid, "A:123456789", "A:123456788", 1), []ruleHit{{"A", CodeNIF}}},
		{"many at once", "A:1*D:ZZ*F:x*O:1,5*Q:?", []ruleHit{
			{"A", CodeNIF}, {"B", CodeRequired}, {"C", CodeRequired}, {"D", CodeCode}, {"E", CodeRequired},
			{"F", CodeFormat}, {"G", CodeRequired}, {"H", CodeRequired}, {"I1", CodeRequired},
			{"N", CodeRequired}, {"O", CodeDecimals}, {"Q", CodeFormat}, {"R", CodeRequired},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.msg)
			requireViolations(t, err, tt.want...)
		})
	}
}

func TestParseMutesUnreadableValues(t *testing.T) {
	// A malformed amount is reported once (format), not again as missing.
	valid := specExamples()[1].want
	_, err := Parse(strings.Replace(valid, "O:0.80", "O:abc", 1))
	ve := requireViolations(t, err, ruleHit{"O", CodeFormat})
	assert.Len(t, ve.Violations, 1, "%v", err)
}

func TestParseLongGarbageIsClipped(t *testing.T) {
	_, err := Parse(strings.Repeat("x", 10000))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), strings.Repeat("x", 41), "garbage is clipped in the message")
	assert.True(t, errors.Is(err, ErrInvalid))
}

func TestBuildAcceptsMaximumLengths(t *testing.T) {
	d := simplified()
	d.BuyerTaxID, d.BuyerCountry = strings.Repeat("B", 30), "DE"
	d.DocumentNumber = "FS " + strings.Repeat("S", 54) + "/12" // 60
	d.ATCUD = strings.Repeat("C", 67) + "-12"                  // 70
	d.NonTaxable = opt("1234567890123.45")                     // 16
	d.OtherInfo = []string{"TB", strings.Repeat("0", 62)}      // 65
	msg, err := Build(d)
	require.NoError(t, err)
	back, err := Parse(msg)
	require.NoError(t, err)
	again, err := Build(back)
	require.NoError(t, err)
	assert.Equal(t, msg, again)
}

func TestNoVATRateForTables42To44(t *testing.T) {
	for _, typ := range []string{"GT", "GR", "OR", "PF", "RG", "RC"} { // 4.2, 4.3, 4.4
		d := specExamples()[3].doc // GT, I1:0
		d.DocumentType = typ
		d.DocumentNumber = typ + " G234CB/50987"
		_, err := Build(d)
		assert.NoError(t, err, typ)
	}
}
