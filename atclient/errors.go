package atclient

import (
	"errors"
	"fmt"

	"github.com/faturapt/faturapt/series"
)

// ResultError is an answer of AT with a code other than success: AT received
// and refused the request. Message is AT's msgResultOper.
type ResultError struct {
	Operation Operation         // the WSDL operation, e.g. OpRegisterSeries
	Code      series.ReturnCode // codResultOper: series.Code4001 etc.
	Message   string            // msgResultOper, AT's text (Portuguese)
}

// Is matches ErrTryLater for AT's 5000 "Erro técnico não especificado".
func (e *ResultError) Is(target error) bool {
	return target == ErrTryLater && e.Code == series.Code5000
}

func (e *ResultError) Error() string {
	msg := fmt.Sprintf("atclient: %s: AT answered %d", e.Operation, int(e.Code))
	if en := e.Code.DescriptionEN(); en != "" {
		msg += " (" + en + ")"
	}
	return msg + ": " + e.Message
}

// FaultError is a SOAP fault: AT (or something in front of it) refused the
// request before the operation ran, for example a bad WS-Security header or
// a body not matching the WSDL.
type FaultError struct {
	Operation  string
	HTTPStatus int
	Code       string // faultcode, e.g. "S:Client" or "Client.Authentication"
	Reason     string // faultstring
	// AuthCode and AuthMessage are what AT's authentication system puts in
	// the fault's detail (AuthenticationException/AuthenticationFailed)
	// when it refuses the WS-Security header: a code of the table of the
	// invoice communication manual (legacy 2017 §4.3, e.g. 16 "Chave de
	// sessão inválida. Não foi possível decifrar o campo Created", 99 wrong
	// password) and its text. Zero and empty when the fault has no such
	// detail.
	AuthCode    int
	AuthMessage string
}

func (e *FaultError) Error() string {
	if e.AuthCode != 0 || e.AuthMessage != "" {
		return fmt.Sprintf("atclient: %s: SOAP fault %s: %s (authentication code %d: %s) (HTTP %d)",
			e.Operation, e.Code, e.Reason, e.AuthCode, e.AuthMessage, e.HTTPStatus)
	}
	return fmt.Sprintf("atclient: %s: SOAP fault %s: %s (HTTP %d)", e.Operation, e.Code, e.Reason, e.HTTPStatus)
}

// Is matches ErrTryLater for a fault of the server's side (see ServerFault).
func (e *FaultError) Is(target error) bool {
	return target == ErrTryLater && e.ServerFault()
}

// HTTPError is an HTTP answer that is neither 200 nor a SOAP fault.
type HTTPError struct {
	Operation  string
	StatusCode int
	Status     string
}

// Is matches ErrTryLater for a 5xx status: the server failed.
func (e *HTTPError) Is(target error) bool {
	return target == ErrTryLater && e.StatusCode >= 500
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("atclient: %s: HTTP %s", e.Operation, e.Status)
}

// TLSError is a failed TLS handshake: the server's certificate was not
// trusted, or the server refused the client certificate. Nothing was sent.
type TLSError struct {
	Operation string
	Err       error
}

func (e *TLSError) Error() string {
	return fmt.Sprintf("atclient: %s: TLS handshake failed (check the client certificate and the server's trust): %v", e.Operation, e.Err)
}

func (e *TLSError) Unwrap() error { return e.Err }

// TransportError is a network failure: the connection could not be made
// (Sent false: nothing reached AT) or the answer was lost after the request
// was sent (Sent true: AT may have acted on it).
type TransportError struct {
	Operation string
	Sent      bool
	Err       error
}

func (e *TransportError) Error() string {
	if e.Sent {
		return fmt.Sprintf("atclient: %s: the answer was lost after the request was sent: %v", e.Operation, e.Err)
	}
	return fmt.Sprintf("atclient: %s: could not reach AT: %v", e.Operation, e.Err)
}

func (e *TransportError) Unwrap() error { return e.Err }

// MalformedResponseError is an answer that is not the SOAP message the WSDL
// describes (not XML, no Body, a missing or invalid field).
type MalformedResponseError struct {
	Operation string
	Reason    string
}

func (e *MalformedResponseError) Error() string {
	return fmt.Sprintf("atclient: %s: malformed answer from AT: %s", e.Operation, e.Reason)
}

// ErrTryLater is matched (errors.Is) by a failure of AT itself rather than
// a refusal of the request: a SOAP fault of the server's side (SOAP 1.1
// faultcode Server, SOAP 1.2 Receiver, such as the "Internal Error (from
// server)" AT's servers answer with HTTP 500), an HTTP 5xx answer, or AT's
// result code for an unspecified technical error. The request may be sent
// again later; whether a state-changing one took effect is settled as for a
// lost answer (see RegisterSeries).
var ErrTryLater = errors.New("atclient: AT failed; try again later")

// ErrNotApplied is returned (wrapping the original failure) when the answer
// to a register, finalize or cancel was lost and a query then showed that AT
// did not act on it: sending the request again is safe.
var ErrNotApplied = errors.New("atclient: not applied (the answer was lost; a query showed AT did not act on the request)")

// ErrOutcomeUnknown is returned (wrapping the original failure) when the
// answer to a state-changing request was lost and the follow-up query could
// not tell whether AT acted on it. Do not repeat the request: query later.
var ErrOutcomeUnknown = errors.New("atclient: outcome unknown (the answer was lost and the follow-up query failed); query before trying again")

// Uncertain reports whether err, the failure of a request that changes
// AT's state, leaves open whether AT acted on the request:
// the answer was lost or garbled, or AT failed while handling it (a server
// fault, an HTTP 5xx, the series service's 5000). An e-Fatura "try later"
// code is not uncertain: the manual says the document was not taken.
func Uncertain(err error) bool {
	var te *TransportError
	if errors.As(err, &te) {
		return te.Sent
	}
	var me *MalformedResponseError
	if errors.As(err, &me) {
		return true
	}
	var fe *FaultError
	if errors.As(err, &fe) {
		return fe.ServerFault()
	}
	var he *HTTPError
	if errors.As(err, &he) {
		return he.StatusCode >= 500
	}
	var re *ResultError
	if errors.As(err, &re) {
		return re.Code == series.Code5000
	}
	return false
}

// transient reports whether a query that failed with err may succeed if
// repeated.
func transient(err error) bool {
	var te *TransportError
	if errors.As(err, &te) {
		return true
	}
	return Uncertain(err)
}
