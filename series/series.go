package series

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
)

// Field limits of the series manual §2.
const (
	MaxCertificateNumber  = 9999 // numCertSWFatur: xsd:integer, totalDigits = 4
	MaxJustificationChars = 4000 // justificacao: maxLength = 4000
	MinValidationCodeLen  = 8    // codValidacaoSerie: minLength = 8 (also Portaria 195/2020, art. 3.º n.º 1)
)

// Series is a document series as communicated to AT (registarSerie,
// series manual §2.1.2) and, once registered, as AT describes it (seriesInfo,
// §2.5.2). The document class (classeDoc) is not stored: it follows from the
// document type, see [Series.Class].
//
// The zero values of the AT fields mean "not returned"; a series not yet
// registered has them all zero.
type Series struct {
	ID                string          // serie: see ValidateID
	Type              SeriesType      // tipoSerie
	DocumentType      DocumentType    // tipoDoc
	FirstNumber       Number          // numInicialSeq: first number to be issued under this registration, 1 to 25 digits
	ExpectedStart     civil.Date      // dataInicioPrevUtiliz
	CertificateNumber int             // numCertSWFatur: AT's certificate number of the invoicing program, 0 when not certified
	ProcessingMeans   ProcessingMeans // meioProcessamento

	// What AT returned (seriesInfo, §2.5.2).
	ValidationCode   string             // codValidacaoSerie: at least 8 characters, the first part of every ATCUD
	RegistrationDate civil.Date         // dataRegisto
	Status           Status             // estado
	StatusTime       time.Time          // dataEstado (xsd:dateTime): last change of status
	StatusReason     CancellationReason // motivoEstado: why the status changed (ER on cancellation)
	Justification    string             // justificacao: remarks given when finalizing, at most 4000 characters
	LastIssued       Number             // seqUltimoDocEmitido: last number issued, zero when absent
	FinalNumber      Number             // numFinalSeq: in the WSDL's seriesInfo only (not in the manual); zero when absent
	CommunicatedBy   string             // nifComunicou: NIF (9 digits) of who communicated the series
}

// Option sets an optional field in [New].
type Option func(*Series)

// WithSeriesType sets the series type (default [SeriesTypeNormal]).
func WithSeriesType(t SeriesType) Option { return func(s *Series) { s.Type = t } }

// WithCertificateNumber sets AT's certificate number of the invoicing
// program (default 0: not certified).
func WithCertificateNumber(n int) Option { return func(s *Series) { s.CertificateNumber = n } }

// WithProcessingMeans sets how documents are produced (default
// [ProcessingMeansInvoicingProgram]).
func WithProcessingMeans(m ProcessingMeans) Option { return func(s *Series) { s.ProcessingMeans = m } }

// New returns a series ready to be registered, or a [*violation.Error]
// listing every broken rule. first is the first number that will be issued
// under this registration: 1 for a new series, or the next number of a
// sequence that already has documents (see [Series.ATCUDApplies]).
func New(id string, t DocumentType, first Number, expectedStart civil.Date, opts ...Option) (Series, error) {
	s := Series{
		ID:              id,
		Type:            SeriesTypeNormal,
		DocumentType:    t,
		FirstNumber:     first,
		ExpectedStart:   expectedStart,
		ProcessingMeans: ProcessingMeansInvoicingProgram,
	}
	for _, o := range opts {
		o(&s)
	}
	if err := s.Validate(); err != nil {
		return Series{}, err
	}
	return s, nil
}

// Class returns the document class (classeDoc) of the series' document type.
func (s Series) Class() DocumentClass { return s.DocumentType.Class() }

// Key returns the series' uniqueness key, [Key](s.DocumentType, s.ID).
func (s Series) Key() string { return Key(s.DocumentType, s.ID) }

// Registered reports whether AT has answered with a validation code.
func (s Series) Registered() bool { return s.ValidationCode != "" }

// ATCUDApplies reports whether the document numbered n carries an ATCUD made
// of this series' validation code. A series registered for a sequence that
// already had documents has FirstNumber set to the next number to issue:
// documents from FirstNumber onward carry the ATCUD, earlier ones keep the
// value "0" (Portaria 195/2020 applies from the registration on). It is
// false for numbers below FirstNumber and for the zero Number.
func (s Series) ATCUDApplies(n Number) bool {
	return !n.IsZero() && !s.FirstNumber.IsZero() && n.Cmp(s.FirstNumber) >= 0
}

// NextNumber returns the number of the next document: FirstNumber when AT
// reported no last number issued, LastIssued+1 otherwise.
func (s Series) NextNumber() (Number, error) {
	if s.LastIssued.IsZero() {
		if !s.FirstNumber.Valid() {
			return Number{}, fmt.Errorf("%w: first number %s is not 1 to 25 digits", ErrInvalidNumber, s.FirstNumber)
		}
		return s.FirstNumber, nil
	}
	return s.LastIssued.Next()
}

// DocumentNumber returns the SAF-T number of document n of this series,
// e.g. "FT A/12"; see the package function [DocumentNumber].
func (s Series) DocumentNumber(n Number) (string, error) {
	return DocumentNumber(s.DocumentType, s.ID, n)
}

// Validate checks every field against the series manual and returns nil or
// a [*violation.Error] with all violations at once.
func (s Series) Validate() error {
	var vs violation.List
	validateID(&vs, "ID", s.ID)
	switch {
	case s.Type == "":
		vs.Add("Type", CodeRequired, "series type (tipoSerie) is empty, want N, F or R (§1.3.5), or A for self-billing")
	case !s.Type.Valid():
		vs.Add("Type", CodeUnknownCode, "series type %q is not N, F or R (§1.3.5), nor A for self-billing", truncate(string(s.Type)))
	}
	switch {
	case s.DocumentType == "":
		vs.Add("DocumentType", CodeRequired, "document type (tipoDoc) is empty (§1.3.7)")
	case !s.DocumentType.Valid():
		vs.Add("DocumentType", CodeUnknownCode, "document type %q is not one of the 25 codes of §1.3.7", truncate(string(s.DocumentType)))
	}
	switch {
	case s.FirstNumber.IsZero():
		vs.Add("FirstNumber", CodeRequired, "first number (numInicialSeq) is missing, want 1 or more")
	case !s.FirstNumber.Valid():
		vs.Add("FirstNumber", CodeOutOfRange, "first number %s has more than 25 digits (numInicialSeq totalDigits = 25)", s.FirstNumber)
	}
	switch {
	case s.ExpectedStart.IsZero():
		vs.Add("ExpectedStart", CodeRequired, "expected start of use (dataInicioPrevUtiliz) is missing")
	case !s.ExpectedStart.Valid():
		vs.Add("ExpectedStart", CodeFormat, "expected start of use %s is not a calendar date", s.ExpectedStart)
	}
	if s.CertificateNumber < 0 || s.CertificateNumber > MaxCertificateNumber {
		vs.Add("CertificateNumber", CodeOutOfRange, "certificate number %d is outside 0..9999 (numCertSWFatur, 0 when not certified)", s.CertificateNumber)
	}
	switch {
	case s.ProcessingMeans == "":
		vs.Add("ProcessingMeans", CodeRequired, "processing means (meioProcessamento) is empty, want PI, PF or OM (§1.3.8)")
	case !s.ProcessingMeans.Valid():
		vs.Add("ProcessingMeans", CodeUnknownCode, "processing means %q is not PI, PF or OM (§1.3.8)", truncate(string(s.ProcessingMeans)))
	}
	// The SAF-T document number of the first document must fit in 60
	// characters (XSD InvoiceNo/DocumentNumber/PaymentRefNo maxLength).
	if s.DocumentType.Valid() && s.FirstNumber.Valid() && len(s.ID) <= MaxIDLength {
		if l := len(s.DocumentType) + len(s.ID) + 2 + s.FirstNumber.Digits(); l > MaxDocumentNumberLength {
			vs.Add("ID", CodeTooLong, "document number %s %s/%s would have %d characters, SAF-T allows %d", s.DocumentType, s.ID, s.FirstNumber, l, MaxDocumentNumberLength)
		}
	}
	s.validateAnswer(&vs)
	return vs.Err(subject)
}

// validateAnswer checks the fields AT fills in (§2.5.2).
func (s Series) validateAnswer(vs *violation.List) {
	registered := s.ValidationCode != "" || s.Status != ""
	if s.ValidationCode != "" {
		validateValidationCode(vs, "ValidationCode", s.ValidationCode)
	} else if registered {
		vs.Add("ValidationCode", CodeRequired, "a series with a status must have AT's validation code (codValidacaoSerie)")
	}
	switch {
	case s.Status == "" && registered:
		vs.Add("Status", CodeRequired, "a registered series must have a status (estado) A, N or F")
	case s.Status != "" && !s.Status.Valid():
		vs.Add("Status", CodeUnknownCode, "status %q is not A, N or F (§1.3.4)", truncate(string(s.Status)))
	}
	if !s.RegistrationDate.IsZero() && !s.RegistrationDate.Valid() {
		vs.Add("RegistrationDate", CodeFormat, "registration date %s is not a calendar date", s.RegistrationDate)
	}
	if s.StatusReason != "" {
		switch {
		case !s.StatusReason.Valid():
			vs.Add("StatusReason", CodeUnknownCode, "status reason %q is not ER (§1.3.9)", truncate(string(s.StatusReason)))
		case s.Status != StatusCancelled:
			vs.Add("StatusReason", CodeInconsistent, "status reason %s only justifies a cancelled series (status N), status is %q", s.StatusReason, s.Status)
		}
	}
	if n := utf8.RuneCountInString(s.Justification); n > MaxJustificationChars {
		vs.Add("Justification", CodeTooLong, "justification has %d characters, at most %d (justificacao)", n, MaxJustificationChars)
	}
	if !s.LastIssued.IsZero() {
		switch {
		case !s.LastIssued.Valid():
			vs.Add("LastIssued", CodeOutOfRange, "last number issued %s has more than 25 digits", s.LastIssued)
		case s.FirstNumber.Valid() && s.LastIssued.Cmp(s.FirstNumber) < 0:
			vs.Add("LastIssued", CodeBeforeFirst, "last number issued %s is below the first number %s (AT code 4047)", s.LastIssued, s.FirstNumber)
		}
	}
	if !s.FinalNumber.IsZero() && !s.FinalNumber.Valid() {
		vs.Add("FinalNumber", CodeOutOfRange, "final number %s has more than 25 digits", s.FinalNumber)
	}
	if s.CommunicatedBy != "" && !isNineDigits(s.CommunicatedBy) {
		vs.Add("CommunicatedBy", CodeFormat, "NIF %q is not 9 digits (nifComunicou pattern \\d{9})", truncate(s.CommunicatedBy))
	}
}

// validateValidationCode checks codValidacaoSerie: at least 8 characters
// (§2.5.2, Portaria 195/2020 art. 3.º n.º 1), letters and digits. No upper
// bound: AT has answered with codes longer than 8.
func validateValidationCode(vs *violation.List, field, code string) {
	if len(code) < MinValidationCodeLen {
		vs.Add(field, CodeFormat, "validation code has %d characters, at least %d", len(code), MinValidationCodeLen)
	}
	for i := 0; i < len(code); i++ {
		if !isIDLetterOrDigit(code[i]) {
			vs.Add(field, CodeCharset, "validation code: byte %q at position %d is not a letter or digit", code[i], i+1)
			return
		}
	}
}

func isNineDigits(s string) bool {
	if len(s) != 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
