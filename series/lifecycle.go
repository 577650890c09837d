package series

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
)

// Life cycle (series manual §1.3.3, figure 1, and §2): registarSerie gives
// status A (active); from A, finalizarSerie gives F (finalized: documents
// were issued, no more will be) and anularSerie gives N (cancelled: the
// registration was an error and no document was issued). F and N are final.

// Sentinel errors of the transition checks; each [*TransitionError] wraps one.
var (
	ErrAlreadyRegistered  = errors.New("series: already registered")
	ErrNotRegistered      = errors.New("series: not registered")
	ErrNotActive          = errors.New("series: not active")
	ErrStartInPast        = errors.New("series: expected start of use is before today")
	ErrLastBeforeFirst    = errors.New("series: last number issued is below the first number")
	ErrInvalidReason      = errors.New("series: invalid cancellation reason")
	ErrDeclarationMissing = errors.New("series: declaration that no document was issued is missing")
	ErrDocumentsIssued    = errors.New("series: documents were issued in the series")
	ErrInvalidRequest     = errors.New("series: invalid request field")
)

// Operation is a transition of the life cycle, named in a
// [*TransitionError].
type Operation string

// Operations of the series web service (§2).
const (
	OpRegister Operation = "register" // registarSerie
	OpFinalize Operation = "finalize" // finalizarSerie
	OpCancel   Operation = "cancel"   // anularSerie
)

// Values returns every operation.
func (Operation) Values() []Operation { return []Operation{OpRegister, OpFinalize, OpCancel} }

// Valid reports whether o is one of the operations.
func (o Operation) Valid() bool { return o == OpRegister || o == OpFinalize || o == OpCancel }

// TransitionError is a refused transition, with the return code AT gives for
// the same refusal so callers handle a local check and AT's answer alike.
type TransitionError struct {
	Op      Operation  // OpRegister, OpFinalize or OpCancel
	Code    ReturnCode // AT's code with the same meaning
	Field   string     // the field at fault, "" when it is the status
	Message string
	Err     error // one of the sentinels above, or a *violation.Error
}

// Error returns "series: OP refused (AT code N): message".
func (e *TransitionError) Error() string {
	return fmt.Sprintf("series: %s refused (AT code %d): %s", e.Op, int(e.Code), e.Message)
}

// Unwrap returns the sentinel or *violation.Error.
func (e *TransitionError) Unwrap() error { return e.Err }

func refuse(op Operation, code ReturnCode, field string, err error, format string, args ...any) error {
	return &TransitionError{Op: op, Code: code, Field: field, Message: fmt.Sprintf(format, args...), Err: err}
}

// CanRegister reports whether AT would accept registering s on the day
// today (civil.DateIn(now, civil.Lisbon), AT's clock): every
// field valid (otherwise code 4002 when a required field is missing, 4003
// otherwise, wrapping the *violation.Error), not registered yet, and the
// expected start of use not before today (code 4049). That the identifier is
// free for the document type (code 4001) is for the caller to check against
// its registry with [Key].
func (s Series) CanRegister(today civil.Date) error {
	if s.Registered() || s.Status != "" {
		return refuse(OpRegister, Code4001, "ValidationCode", ErrAlreadyRegistered,
			"series %s of type %s already has validation code %q", s.ID, s.DocumentType, s.ValidationCode)
	}
	if err := s.Validate(); err != nil {
		code := Code4003
		if violation.Has(err, CodeRequired) {
			code = Code4002
		}
		return refuse(OpRegister, code, "", err, "%v", err)
	}
	if !today.Valid() {
		return refuse(OpRegister, Code4003, "ExpectedStart", civil.ErrInvalid, "today's date %s is not a calendar date", today)
	}
	if s.ExpectedStart.Before(today) {
		return refuse(OpRegister, Code4049, "ExpectedStart", ErrStartInPast,
			"expected start of use %s is before today %s", s.ExpectedStart, today)
	}
	return nil
}

// CanFinalize reports whether AT would accept finalizing s with lastIssued
// as the last number issued (seqUltimoDocEmitido) and an optional
// justification: s must be registered and active (code 4005), lastIssued
// must be 1 to 25 digits and the justification at most 4000 characters
// (code 4000, the request's schema), and lastIssued not below FirstNumber
// (code 4047). The manual words 4047 as "superior" (greater); a series whose
// only document is its first one ends at FirstNumber, so equality is
// accepted.
func (s Series) CanFinalize(lastIssued Number, justification string) error {
	if err := s.mustBeActive(OpFinalize, Code4005); err != nil {
		return err
	}
	if !lastIssued.Valid() {
		return refuse(OpFinalize, Code4000, "LastIssued", ErrInvalidRequest,
			"last number issued %s is not 1 to 25 digits (seqUltimoDocEmitido)", lastIssued)
	}
	if n := utf8.RuneCountInString(justification); n > MaxJustificationChars {
		return refuse(OpFinalize, Code4000, "Justification", ErrInvalidRequest,
			"justification has %d characters, at most %d", n, MaxJustificationChars)
	}
	if lastIssued.Cmp(s.FirstNumber) < 0 {
		return refuse(OpFinalize, Code4047, "LastIssued", ErrLastBeforeFirst,
			"last number issued %s is below the first number %s", lastIssued, s.FirstNumber)
	}
	return nil
}

// CanCancel reports whether AT would accept cancelling the communication of
// s: s must be registered and active (code 4004), the reason one of §1.3.9
// (code 4051), and the caller must declare that no document was issued in
// the series (declaracaoNaoEmissao = true, §2.2.2: AT refuses the request
// otherwise, code 4004). A series for which AT reports a last number issued
// cannot be cancelled either (code 4004): finalize it instead.
func (s Series) CanCancel(reason CancellationReason, declaredNoDocuments bool) error {
	if err := s.mustBeActive(OpCancel, Code4004); err != nil {
		return err
	}
	if !reason.Valid() {
		return refuse(OpCancel, Code4051, "StatusReason", ErrInvalidReason,
			"cancellation reason %q is not ER (§1.3.9)", truncate(string(reason)))
	}
	if !declaredNoDocuments {
		return refuse(OpCancel, Code4004, "", ErrDeclarationMissing,
			"cancelling needs the declaration that no document was issued in the series (declaracaoNaoEmissao)")
	}
	if !s.LastIssued.IsZero() {
		return refuse(OpCancel, Code4004, "LastIssued", ErrDocumentsIssued,
			"documents up to number %s were issued in the series: finalize it instead", s.LastIssued)
	}
	return nil
}

func (s Series) mustBeActive(op Operation, code ReturnCode) error {
	if !s.Registered() {
		return refuse(op, code, "ValidationCode", ErrNotRegistered,
			"series %s of type %s has no validation code: register it first", s.ID, s.DocumentType)
	}
	if s.Status != StatusActive {
		return refuse(op, code, "Status", ErrNotActive,
			"series %s of type %s has status %q (%s), only an active series (A) can change", s.ID, s.DocumentType, s.Status, s.Status.DescriptionEN())
	}
	return nil
}

// Register returns s as AT describes it after a successful registarSerie:
// status A at time at, registration date the date of at in Lisbon (AT's
// clock), the validation code and the NIF that communicated it. It refuses
// what [Series.CanRegister] refuses, using that date as today, and a validation code that is not
// at least 8 letters and digits. Useful for local registries and test
// doubles of AT.
func (s Series) Register(validationCode, communicatedBy string, at time.Time) (Series, error) {
	if err := s.CanRegister(civil.DateIn(at, civil.Lisbon)); err != nil {
		return Series{}, err
	}
	var vs violation.List
	validateValidationCode(&vs, "ValidationCode", validationCode)
	if communicatedBy != "" && !isNineDigits(communicatedBy) {
		vs.Add("CommunicatedBy", CodeFormat, "NIF %q is not 9 digits", truncate(communicatedBy))
	}
	if err := vs.Err(subject); err != nil {
		return Series{}, refuse(OpRegister, Code4003, "", err, "%v", err)
	}
	s.ValidationCode = validationCode
	s.CommunicatedBy = communicatedBy
	s.RegistrationDate = civil.DateIn(at, civil.Lisbon)
	s.Status = StatusActive
	s.StatusTime = at
	return s, nil
}

// Finalize returns s as AT describes it after finalizarSerie: status F at
// time at, with the last number issued and the justification. It refuses
// what [Series.CanFinalize] refuses.
func (s Series) Finalize(lastIssued Number, justification string, at time.Time) (Series, error) {
	if err := s.CanFinalize(lastIssued, justification); err != nil {
		return Series{}, err
	}
	s.Status = StatusFinalized
	s.StatusTime = at
	s.LastIssued = lastIssued
	s.Justification = justification
	return s, nil
}

// Cancel returns s as AT describes it after anularSerie: status N at time
// at, with the reason. It refuses what [Series.CanCancel] refuses.
func (s Series) Cancel(reason CancellationReason, declaredNoDocuments bool, at time.Time) (Series, error) {
	if err := s.CanCancel(reason, declaredNoDocuments); err != nil {
		return Series{}, err
	}
	s.Status = StatusCancelled
	s.StatusTime = at
	s.StatusReason = reason
	return s, nil
}
