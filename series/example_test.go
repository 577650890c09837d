package series_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

func ExampleNew() {
	start, _ := civil.NewDate(2024, time.January, 1)
	s, err := series.New("A2024", series.DocumentTypeFT, series.NumberOf(1), start,
		series.WithCertificateNumber(1234))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.ID, s.Type, s.DocumentType, s.Class(), s.FirstNumber, s.ExpectedStart, s.CertificateNumber, s.ProcessingMeans)
	// Output: A2024 N FT SI 1 2024-01-01 1234 PI
}

func ExampleWithSeriesType() {
	start, _ := civil.NewDate(2024, time.January, 1)
	s, _ := series.New("FORM", series.DocumentTypeFS, series.NumberOf(1), start, series.WithSeriesType(series.SeriesTypeTraining))
	fmt.Println(s.Type, s.Type.DescriptionEN())
	// Output: F Training
}

func ExampleWithCertificateNumber() {
	start, _ := civil.NewDate(2024, time.January, 1)
	_, err := series.New("A", series.DocumentTypeFT, series.NumberOf(1), start, series.WithCertificateNumber(12345))
	fmt.Println(err)
	// Output: series: invalid: CertificateNumber: certificate number 12345 is outside 0..9999 (numCertSWFatur, 0 when not certified) [SERIES-OUT-OF-RANGE]
}

func ExampleWithProcessingMeans() {
	start, _ := civil.NewDate(2024, time.January, 1)
	s, _ := series.New("P", series.DocumentTypeFR, series.NumberOf(1), start, series.WithProcessingMeans(series.ProcessingMeansOtherElectronic))
	fmt.Println(s.ProcessingMeans, s.ProcessingMeans.Description())
	// Output: OM Outros Meios Eletrónicos
}

func ExampleSeries_Validate() {
	s := series.Series{ID: "-A", Type: "N", DocumentType: "XX", ExpectedStart: civil.Date{Year: 2024, Month: 1, Day: 1}, ProcessingMeans: "PI"}
	var ve *violation.Error
	if errors.As(s.Validate(), &ve) {
		for _, v := range ve.Violations {
			fmt.Println(v.Path, v.Code)
		}
	}
	// Output:
	// ID SERIES-SEPARATOR-EDGE
	// DocumentType SERIES-UNKNOWN-CODE
	// FirstNumber SERIES-REQUIRED
}

func ExampleSeries_Validate_has() {
	err := series.Series{}.Validate()
	var ve *violation.Error
	errors.As(err, &ve)
	fmt.Println(errors.Is(err, series.ErrInvalid), ve.HasAt("ID", series.CodeRequired), ve.HasAt("ID", series.CodeTooLong))
	// Output: true true false
}

func ExampleValidateID() {
	for _, id := range []string{"AB", "A.B-1", "A..B", "_AB", "Série"} {
		fmt.Printf("%s: %v\n", id, series.ValidateID(id) == nil)
	}
	// Output:
	// AB: true
	// A.B-1: true
	// A..B: false
	// _AB: false
	// Série: false
}

// The series manual §1.3.2: with "AB" registered for invoices, "ab" is the
// same series.
func ExampleKey() {
	registry := map[string]bool{series.Key(series.DocumentTypeFT, "AB"): true}
	fmt.Println(registry[series.Key(series.DocumentTypeFT, "ab")], registry[series.Key(series.DocumentTypeFS, "ab")])
	// Output: true false
}

func ExampleSameID() {
	fmt.Println(series.SameID("AB", "aB"), series.SameID("AB", "A-B"))
	// Output: true false
}

func ExampleDocumentNumber() {
	dn, err := series.DocumentNumber(series.DocumentTypeFT, "A", series.NumberOf(12))
	fmt.Println(dn, err)
	// Output: FT A/12 <nil>
}

func ExampleParseDocumentNumber() {
	// The QR code specification's example.
	r, err := series.ParseDocumentNumber("FT AB2019/0035")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Type, r.Series, r.Number, r.Digits(), r)
	_, err = series.ParseDocumentNumber("FT AB 2019/35")
	fmt.Println(errors.Is(err, series.ErrInvalidDocumentNumber))
	// Output:
	// FT AB2019 35 0035 FT AB2019/0035
	// true
}

func ExampleDocumentRef_Format() {
	r := series.DocumentRef{Type: series.DocumentTypeRG, Series: "R2024", Number: series.NumberOf(7), Width: 3}
	s, err := r.Format()
	fmt.Println(s, err)
	// Output: RG R2024/007 <nil>
}

func ExampleParseNumber() {
	n, err := series.ParseNumber("1234567890123456789012345") // 25 digits: more than a uint64 holds
	fmt.Println(n, err)
	next, err := n.Next()
	fmt.Println(next, err)
	_, err = series.ParseNumber("12a")
	fmt.Println(err)
	// Output:
	// 1234567890123456789012345 <nil>
	// 1234567890123456789012346 <nil>
	// series: invalid: Number: "12a": character 'a' at position 3 is not a digit [SERIES-CHARSET]
}

func ExampleNumberOf() {
	n := series.NumberOf(41)
	next, _ := n.Next()
	fmt.Println(next, next.Cmp(n), next.Valid(), series.Number{}.Valid())
	// Output: 42 1 true false
}

func ExampleMustNumber() {
	n := series.MustNumber("0035")
	v, ok := n.Uint64()
	fmt.Println(n, v, ok, n.Digits())
	// Output: 35 35 true 2
}

func ExampleSeries_CanRegister() {
	start, _ := civil.NewDate(2024, time.January, 1)
	s, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(1), start)
	today, _ := civil.NewDate(2024, time.January, 2)
	err := s.CanRegister(today)
	var te *series.TransitionError
	if errors.As(err, &te) {
		fmt.Println(te.Code, te.Field, errors.Is(err, series.ErrStartInPast))
	}
	// Output: 4049 ExpectedStart true
}

func ExampleSeries_Register() {
	start, _ := civil.NewDate(2024, time.January, 1)
	s, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(1), start)
	s, err := s.Register("CSDF7T5H", "123456789", time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC))
	fmt.Println(s.Status, s.ValidationCode, s.RegistrationDate, s.Registered(), err)
	// Output: A CSDF7T5H 2024-01-01 true <nil>
}

func ExampleSeries_CanFinalize() {
	start, _ := civil.NewDate(2024, time.January, 1)
	s, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(100), start)
	s, _ = s.Register("CSDF7T5H", "123456789", time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC))
	fmt.Println(s.CanFinalize(series.NumberOf(150), ""))
	err := s.CanFinalize(series.NumberOf(99), "")
	var te *series.TransitionError
	errors.As(err, &te)
	fmt.Println(te.Code, errors.Is(err, series.ErrLastBeforeFirst))
	// Output:
	// <nil>
	// 4047 true
}

func ExampleSeries_Finalize() {
	start, _ := civil.NewDate(2024, time.January, 1)
	s, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(1), start)
	s, _ = s.Register("CSDF7T5H", "123456789", time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC))
	f, err := s.Finalize(series.NumberOf(731), "end of year", time.Date(2024, 12, 31, 23, 0, 0, 0, time.UTC))
	fmt.Println(f.Status, f.Status.DescriptionEN(), f.LastIssued, err)
	// Output: F Finalized 731 <nil>
}

func ExampleSeries_CanCancel() {
	start, _ := civil.NewDate(2024, time.January, 1)
	s, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(1), start)
	s, _ = s.Register("CSDF7T5H", "123456789", time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC))
	fmt.Println(s.CanCancel(series.CancellationReasonError, true))
	fmt.Println(errors.Is(s.CanCancel(series.CancellationReasonError, false), series.ErrDeclarationMissing))
	// Output:
	// <nil>
	// true
}

func ExampleSeries_Cancel() {
	start, _ := civil.NewDate(2024, time.January, 1)
	s, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(1), start)
	s, _ = s.Register("CSDF7T5H", "123456789", time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC))
	c, err := s.Cancel(series.CancellationReasonError, true, time.Date(2024, 1, 1, 10, 0, 0, 0, time.UTC))
	fmt.Println(c.Status, c.StatusReason, c.StatusReason.Description(), err)
	_, err = c.Finalize(series.NumberOf(1), "", time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC))
	fmt.Println(err)
	// Output:
	// N ER Anulação por erro de registo <nil>
	// series: finalize refused (AT code 4005): series A of type FT has status "N" (Cancelled), only an active series (A) can change
}

// Registering a sequence that already has documents: FT A was used up to
// 41 before it was communicated, so it is registered from 42; documents
// 42 onward carry the ATCUD, earlier ones keep ATCUD 0.
func ExampleSeries_ATCUDApplies() {
	first, _ := series.NumberOf(41).Next()
	start, _ := civil.NewDate(2024, time.January, 1)
	s, _ := series.New("A", series.DocumentTypeFT, first, start)
	for _, n := range []uint64{41, 42} {
		fmt.Println(n, s.ATCUDApplies(series.NumberOf(n)))
	}
	// Output:
	// 41 false
	// 42 true
}

func ExampleSeries_NextNumber() {
	start, _ := civil.NewDate(2024, time.January, 1)
	s, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(1), start)
	n, _ := s.NextNumber()
	dn, _ := s.DocumentNumber(n)
	fmt.Println(dn, s.Key())
	// Output: FT A/1 FT:A
}

func ExampleDocumentType_Class() {
	for _, t := range []series.DocumentType{series.DocumentTypeFT, series.DocumentTypeGT, series.DocumentTypeOR, series.DocumentTypeRC, "XX"} {
		fmt.Printf("%s %q %q\n", t, t.Class(), t.Description())
	}
	// Output:
	// FT "SI" "Fatura"
	// GT "MG" "Guia de transporte"
	// OR "WD" "Orçamentos"
	// RC "PY" "Recibo emitido no âmbito do regime de IVA de Caixa"
	// XX "" ""
}

func ExampleDocumentType_Values() {
	fmt.Println(len(series.DocumentType("").Values()), series.DocumentType("FT").Valid(), series.DocumentType("ft").Valid())
	// Output: 25 true false
}

func ExampleDocumentClass_DocumentTypes() {
	fmt.Println(series.DocumentClassSI.DocumentTypes(), series.DocumentClassPY.DescriptionEN())
	// Output: [FT FS FR ND NC] Receipts
}

func ExampleSeriesType_Values() {
	for _, t := range series.SeriesType("").Values() {
		fmt.Println(t, t.Description(), t.DescriptionEN())
	}
	// Output:
	// N Normal Normal
	// F Formação Training
	// R Recuperação Recovery
	// A Autofaturação com acordo Self-billing under an agreement
}

func ExampleStatus_Values() {
	for _, s := range series.Status("").Values() {
		fmt.Println(s, s.Description(), s.Valid())
	}
	// Output:
	// A Ativa true
	// N Anulada true
	// F Finalizada true
}

func ExampleProcessingMeans_Values() {
	fmt.Println(series.ProcessingMeans("").Values(), series.ProcessingMeans("XX").Valid())
	// Output: [PI PF OM] false
}

func ExampleCancellationReason_Values() {
	fmt.Println(series.CancellationReason("").Values(), series.CancellationReasonError.DescriptionEN())
	// Output: [ER] Cancelled because of a registration error
}

func ExampleReturnCode() {
	c := series.ReturnCode(4047)
	fmt.Println(c.Valid(), c.Success(), c == series.Code4047, series.Code2001.Success())
	fmt.Println(c.DescriptionEN())
	// Output:
	// true false true true
	// The last document issued must not be below the start of the sequence.
}

func ExampleSeries_DocumentNumber() {
	start, _ := civil.NewDate(2024, time.January, 1)
	s, _ := series.New("G234CB", series.DocumentTypeGT, series.NumberOf(1), start)
	dn, err := s.DocumentNumber(series.NumberOf(50987)) // QR spec example
	fmt.Println(dn, err)
	// Output: GT G234CB/50987 <nil>
}

func ExampleSeries_Key() {
	a := series.Series{ID: "AB", DocumentType: series.DocumentTypeFT}
	b := series.Series{ID: "ab", DocumentType: series.DocumentTypeFT}
	fmt.Println(a.Key(), a.Key() == b.Key(), a.Class(), a.Registered())
	// Output: FT:AB true SI false
}

func ExampleDocumentRef_Digits() {
	r, _ := series.ParseDocumentNumber("FT AB2019/0035")
	// The digits after "/" as written: the second part of the ATCUD.
	fmt.Println(r.Digits(), r.Width, r.Number)
	// Output: 0035 4 35
}

func ExampleNumber_Next() {
	n := series.MustNumber("18446744073709551615") // largest uint64
	next, _ := n.Next()
	_, fits := next.Uint64()
	b, _ := next.MarshalText()
	fmt.Println(next, fits, string(b), next.Digits())
	// Output: 18446744073709551616 false 18446744073709551616 20
}

func ExampleTransitionError() {
	s := series.Series{ID: "A", DocumentType: series.DocumentTypeFT}
	err := s.CanCancel(series.CancellationReasonError, true)
	var te *series.TransitionError
	if errors.As(err, &te) {
		fmt.Println(te.Op, te.Code, te.Field, errors.Is(err, series.ErrNotRegistered))
	}
	// Output: cancel 4004 ValidationCode true
}
