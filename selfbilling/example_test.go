package selfbilling_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/selfbilling"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

var day = civil.Date{Year: 2026, Month: 6, Day: 1}

// A series of the invoices a company issues in its national supplier's
// name: type A, processed by its invoicing program.
func ExampleNew() {
	s, err := selfbilling.New("MOAGEM", series.DocumentTypeFT, series.NumberOf(1), day,
		selfbilling.NationalSupplier, "501234560")
	fmt.Println(err)
	fmt.Println(s.Type, s.ProcessingMeans, s.Partner, s.PartnerNIF)
	// Output:
	// <nil>
	// A PI FN 501234560
}

func ExampleWithCertificateNumber() {
	s, _ := selfbilling.New("MOAGEM", series.DocumentTypeFT, series.NumberOf(1), day,
		selfbilling.NationalSupplier, "501234560", selfbilling.WithCertificateNumber(1234))
	fmt.Println(s.CertificateNumber)
	// Output: 1234
}

// A foreign supplier's identification is not checked by AT (§1.3.4).
func ExampleWithForeignPartner() {
	s, err := selfbilling.New("HARINAS", series.DocumentTypeFT, series.NumberOf(1), day,
		selfbilling.ForeignSupplier, "ESB12345678", selfbilling.WithForeignPartner("ES", "Harinas del Sur SL"))
	fmt.Println(err, s.Country, s.ForeignName)
	// Output: <nil> ES Harinas del Sur SL
}

// Every broken rule at once.
func ExampleSeries_Validate() {
	s := selfbilling.Series{Series: series.Series{ID: "AT.1", Type: series.SeriesTypeNormal, DocumentType: series.DocumentTypeGT,
		FirstNumber: series.NumberOf(1), ExpectedStart: day, ProcessingMeans: series.ProcessingMeansInvoicingProgram},
		Partner: selfbilling.NationalSupplier, PartnerNIF: "501234561"}
	var ve *violation.Error
	if errors.As(s.Validate(), &ve) {
		for _, v := range ve.Violations {
			fmt.Println(v.Path, v.Code)
		}
	}
	// Output:
	// Type SELFBILLING-SERIES-TYPE
	// DocumentType SELFBILLING-DOCUMENT-TYPE
	// ID SELFBILLING-RESERVED-ID
	// PartnerNIF SELFBILLING-NIF
}

// With a foreign customer (CE) the agreement's NIF is the communicator's.
func ExampleSeries_ValidateFor() {
	s, _ := selfbilling.New("CLIENTE", series.DocumentTypeFT, series.NumberOf(1), day,
		selfbilling.ForeignCustomer, "599999993", selfbilling.WithForeignPartner("FR", "Client SARL"))
	fmt.Println(s.ValidateFor("599999993"))
	fmt.Println(violation.Codes(s.ValidateFor("501234560")))
	// Output:
	// <nil>
	// [SELFBILLING-NOT-COMMUNICATOR]
}

func ExampleSeries_CanRegister() {
	s, _ := selfbilling.New("MOAGEM", series.DocumentTypeFT, series.NumberOf(1), day, selfbilling.NationalSupplier, "501234560")
	fmt.Println(s.CanRegister(day))
	var te *series.TransitionError
	if errors.As(s.CanRegister(day.AddDays(1)), &te) {
		fmt.Println(te.Code)
	}
	// Output:
	// <nil>
	// 4049
}

// A self-billing series is cancelled only on the day of its registration
// or the next (§1.3.3).
func ExampleSeries_CanCancel() {
	s, _ := selfbilling.New("MOAGEM", series.DocumentTypeFT, series.NumberOf(1), day, selfbilling.NationalSupplier, "501234560")
	s.Series, _ = s.Register("AAJFJMVN", "599999993", time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC))
	fmt.Println(s.CanCancel(series.CancellationReasonError, true, day.AddDays(1)))
	err := s.CanCancel(series.CancellationReasonError, true, day.AddDays(2))
	fmt.Println(errors.Is(err, selfbilling.ErrCancelTooLate))
	// Output:
	// <nil>
	// true
}

func ExampleSameSeries() {
	a, _ := selfbilling.New("AB", series.DocumentTypeFT, series.NumberOf(1), day, selfbilling.NationalSupplier, "501234560")
	b, _ := selfbilling.New("ab", series.DocumentTypeFT, series.NumberOf(1), day, selfbilling.NationalSupplier, "501234560")
	fmt.Println(selfbilling.SameSeries(a, b))
	// Output: true
}

func ExampleAgreement_InForce() {
	a := selfbilling.Agreement{Status: selfbilling.AgreementActive, From: day, To: day.AddDays(364)}
	fmt.Println(a.InForce(day), a.InForce(day.AddDays(365)))
	// Output: true false
}

func ExampleAgreement_Covers() {
	a := selfbilling.Agreement{Partner: selfbilling.ForeignSupplier, PartnerNIF: "ESB12345678", Status: selfbilling.AgreementActive, From: day}
	s, _ := selfbilling.New("HARINAS", series.DocumentTypeFT, series.NumberOf(1), day, selfbilling.ForeignSupplier, "esb 12345678")
	fmt.Println(a.Covers(s), len(selfbilling.InForceFor([]selfbilling.Agreement{a}, s, day)))
	// Output: true 1
}

func ExampleAgreement_Validate() {
	a := selfbilling.Agreement{Partner: selfbilling.NationalSupplier, AcquirerNIF: "599999993", PartnerNIF: "501234560",
		Status: selfbilling.AgreementActive, From: day, To: day.AddDays(-1)}
	fmt.Println(a.Validate())
	// Output: selfbilling: invalid: To: the agreement ends on 2026-05-31, before it starts on 2026-06-01 [SELFBILLING-INCONSISTENT]
}

func ExampleSamePartnerNIF() {
	fmt.Println(selfbilling.SamePartnerNIF("ESB 123", "esb123"))
	// Output: true
}

func ExampleInForceFor() {
	s, _ := selfbilling.New("MOAGEM", series.DocumentTypeFT, series.NumberOf(1), day, selfbilling.NationalSupplier, "501234560")
	list := []selfbilling.Agreement{
		{Partner: selfbilling.NationalSupplier, PartnerNIF: "501234560", Status: selfbilling.AgreementFinalized, From: day},
		{Partner: selfbilling.NationalSupplier, PartnerNIF: "501234560", Status: selfbilling.AgreementActive, From: day.AddDays(-365), To: day},
	}
	fmt.Println(len(selfbilling.InForceFor(list, s, day)), len(selfbilling.InForceFor(list, s, day.AddDays(1))))
	// Output: 1 0
}

func ExampleDocumentTypes() {
	fmt.Println(selfbilling.DocumentTypes())
	// Output: [FT FS FR ND NC]
}

func ExampleReturnCodes() {
	for _, op := range selfbilling.Operation("").Values() {
		fmt.Println(op, selfbilling.ReturnCodes(op))
	}
	// Output:
	// register [2001 4001 4002 4003 4043 4045 4046 4049 5000]
	// cancel [2003 4004 4051 5000]
	// finalize [2004 4005 4047 5000]
	// query-series [2002 4048 5000]
	// query-agreements [2002 4048 5000]
}

func ExamplePartnerType_Values() {
	for _, p := range selfbilling.PartnerType("").Values() {
		fmt.Println(p, p.Description(), "/", p.DescriptionEN(), p.Foreign())
	}
	// Output:
	// FN Fornecedor Nacional / National supplier false
	// FE Fornecedor Estrangeiro / Foreign supplier true
	// CE Adquirente Estrangeiro / Foreign customer true
}

func ExampleAgreementStatus_Values() {
	for _, s := range selfbilling.AgreementStatus("").Values() {
		fmt.Println(s, s.Description(), s.DescriptionEN(), s.Valid())
	}
	// Output:
	// A Ativo Active true
	// F Finalizado Finalized true
}
