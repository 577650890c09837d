package conformance_test

import (
	"context"
	"testing"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/efatura"
	"github.com/faturapt/faturapt/atclient/transport"
	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/internal/attesttest"
	"github.com/faturapt/faturapt/internal/violationtest"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/nif"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/qrcode/qrimage"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/selfbilling"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

// Every package reports invalid input the same way: one table, one check.
func TestValidationErrors(t *testing.T) {
	srv := attesttest.Start(t)
	at := attesttest.Client(t, srv)
	ef, err := efatura.New(at)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := transport.New(at, transport.Sender{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	second := func(_ any, err error) error { return err }

	for _, tc := range []struct {
		name string
		err  error
		cat  *violation.Catalogue
		want []violation.Code
	}{
		{"series.ValidateID", series.ValidateID("-A..B"), series.Codes, []violation.Code{series.CodeSeparatorEdge, series.CodeSeparatorRepeat}},
		{"series.New", second(series.New("", "XX", series.Number{}, civilZero)), series.Codes, []violation.Code{series.CodeRequired, series.CodeUnknownCode}},
		{"series.ParseNumber", second(series.ParseNumber("12a")), series.Codes, []violation.Code{series.CodeCharset}},
		{"series.ParseDocumentNumber", second(series.ParseDocumentNumber("FT A/0")), series.Codes, []violation.Code{series.CodeOutOfRange}},
		{"atcud.New", second(atcud.New("AB-", "FT A/0")), atcud.Codes, []violation.Code{atcud.CodeValidationCodeCharset, atcud.CodeNumberZero}},
		{"atcud.Parse", second(atcud.Parse("X")), atcud.Codes, []violation.Code{atcud.CodeSyntax}},
		{"nif.Validate", nif.Validate("PT12345678"), nif.Codes, []violation.Code{nif.CodeLength, nif.CodeNotDigit}},
		{"qrcode.Parse", second(qrcode.Parse("A:1*A:2")), qrcode.Codes, []violation.Code{qrcode.CodeDuplicate, qrcode.CodeRequired}},
		{"qrcode.Build", second(qrcode.Build(qrcode.Document{})), qrcode.Codes, []violation.Code{qrcode.CodeRequired}},
		{"certify.Document.Validate", certify.Document{Number: "FT A/0"}.Validate(), certify.Codes, []violation.Code{certify.CodeDateInvalid, certify.CodeNumberFormat}},
		{"certify.Chain.Check", certify.Chain{Series: "FT A", LastNumber: 1, LastHash: "h", LastDate: civilDay, LastSystemEntry: entry}.Check(
			certify.Document{Date: civilDay, SystemEntry: entry, Number: "FT A/3"}), certify.Codes, []violation.Code{certify.CodeChainNumber}},
		{"certify.IntegratedHashControl", second(certify.IntegratedHashControl("99a", 1)), certify.Codes, []violation.Code{certify.CodeCertificate}},
		{"certify.ManualDocument.HashControl", second(certify.ManualDocument{DocumentType: "ft", Series: "a b", Number: "1"}.HashControl(1)), certify.Codes, []violation.Code{certify.CodeRecoveryReference}},
		{"qrimage.Encode", second(qrimage.Encode("")), qrimage.Codes, []violation.Code{qrimage.CodeEmpty}},
		{"reporting.Choices.Validate", reporting.Choices{{Year: 2026, Method: "XML"}, {Year: 2026, Method: reporting.MethodSAFT}}.Validate(), reporting.Codes, []violation.Code{reporting.CodeMethod, reporting.CodeYearTwice}},
		{"saft.AuditFile.Validate", (&saft.AuditFile{}).Validate(), saft.Codes, nil},
		{"issuing.New", second(issuing.New("1", "", nil, nil)), issuing.Codes, []violation.Code{issuing.CodeIssuerNIF, issuing.CodeCertificate, issuing.CodeRequired}},
		{"document.CheckCancellation", document.CheckCancellation(document.Original{Number: "FT A/1", Corrections: 1}), document.Codes, []violation.Code{document.CodeCancelCorrected}},
		{"atclient.Client.FinalizeSeries", second(at.FinalizeSeries(ctx, series.Series{}, series.Number{}, "")), atclient.Codes, nil},
		{"selfbilling.New", second(selfbilling.New("AT1", series.DocumentTypeGT, series.NumberOf(1), civilDay, "XX", "")), selfbilling.Codes,
			[]violation.Code{selfbilling.CodeReservedID, selfbilling.CodeDocumentType, selfbilling.CodeUnknownCode, selfbilling.CodeRequired}},
		{"selfbilling.Agreement.Validate", selfbilling.Agreement{}.Validate(), selfbilling.Codes, []violation.Code{selfbilling.CodeRequired}},
		{"atclient.Client.CancelSelfBillingSeries", second(at.CancelSelfBillingSeries(ctx, selfbilling.Series{}, "", false)), atclient.Codes, nil},
		{"efatura.Client.RegisterInvoice", second(ef.RegisterInvoice(ctx, efatura.Invoice{})), efatura.Codes, nil},
		{"transport.Client.Communicate", second(tr.Communicate(ctx, transport.Document{Movement: &saft.StockMovement{}})), transport.Codes,
			[]violation.Code{transport.CodeRequired, transport.CodeATCUD, transport.CodeChoice, transport.CodeDate}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			violationtest.Check(t, tc.err, tc.cat, tc.want...)
		})
	}
}
