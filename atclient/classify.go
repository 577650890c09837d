package atclient

import "strings"

// Classification of SOAP faults for callers that must tell "AT refused the
// credentials" from "the sub-user may not use this service" from "AT could
// not be asked" (package setup reads these through optional methods, see
// setup.SeriesLister).
//
// Neither AT manual documents the fault it sends in either case. The series
// generic manual (Aspetos Genéricos §2.1) only says the sub-user must hold the
// WSE profile and §4.1 describes the WS-Security header; the faults below are
// the ones WS-Security 1.0 (SOAP Message Security, §12) defines and that the
// simulator (atclient/attest) answers, so that client and simulator agree:
//
//   - a header AT cannot authenticate (unknown user, wrong password, Created
//     out of tolerance, Nonce not decrypting with AT's key or reused):
//     faultcode wsse:FailedAuthentication, which the simulator sends today;
//   - an authenticated sub-user without the service's profile: faultcode
//     wsse:FailedAuthorization (our choice; WS-Security has no authorization
//     fault, and AT may well answer FailedAuthentication instead, in which
//     case the refusal shows as a credential failure whose reason is AT's
//     faultstring).
//
// The faultcode's prefix is whatever the server bound to the namespace, so
// only its local name is compared.
const (
	faultAuthentication = "FailedAuthentication"
	faultAuthorization  = "FailedAuthorization"
)

// AuthenticationFailed reports whether AT refused the request's WS-Security
// header: the credentials, the clock or the AT key (see the reason).
func (e *FaultError) AuthenticationFailed() bool {
	return faultLocalName(e.Code) == faultAuthentication
}

// PermissionDenied reports whether AT accepted the credentials but refused
// the service to the sub-user (no WSE profile for the series service).
func (e *FaultError) PermissionDenied() bool {
	return faultLocalName(e.Code) == faultAuthorization
}

// faultLocalName returns the local part of a QName faultcode ("wsse:X" -> "X").
func faultLocalName(code string) string {
	code = strings.TrimSpace(code)
	if i := strings.LastIndexByte(code, ':'); i >= 0 {
		return code[i+1:]
	}
	return code
}
