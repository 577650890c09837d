package atclient

import "strings"

// Classification of SOAP faults for callers that must tell "AT refused the
// credentials" from "the sub-user may not use this service" from "AT could
// not be asked" (package setup reads these through optional methods, see
// setup.SeriesLister).
//
// What AT really answers to a header it cannot authenticate is known from an
// answer captured from AT's servers by another client (joaomfrebelo/atws,
// test/Resources/Responses/Invoice/AuthenticationError.xml): a SOAP fault
// whose faultcode is the unprefixed "Client.Authentication", faultstring
// "Ocorreu um erro na autenticação dos contribuintes.", and a detail
// AuthenticationException/AuthenticationFailed carrying the code and text of
// the authentication table of the invoice manual (legacy 2017 §4.3: 1 to 13,
// 16, 17, 19, 20, 33, 99; the captured one is 16). The authentication system
// is shared by AT's web services (the series generic manual §4.1 describes
// the same header), so the series service is read the same way.
//
// The WS-Security 1.0 fault wsse:FailedAuthentication is recognised too,
// since a front end speaking WS-Security could send it, though AT has not
// been seen to.
//
// No answer to an authenticated sub-user without the WSE profile has been
// found, in the manuals or in captured answers. We keep our own choice,
// faultcode wsse:FailedAuthorization, which the simulator (atclient/attest)
// sends; if AT answers such a user with Client.Authentication instead, the
// refusal shows as a credential failure whose AuthMessage says why.
//
// The faultcode's prefix is whatever the server bound to the namespace, so
// only its local name is compared.
const (
	faultATAuthentication = "Client.Authentication"
	faultAuthentication   = "FailedAuthentication"
	faultAuthorization    = "FailedAuthorization"
	faultServer           = "Server"   // SOAP 1.1
	faultReceiver         = "Receiver" // SOAP 1.2
)

// AuthenticationFailed reports whether AT refused the request's WS-Security
// header: the credentials, the clock or the AT key (see AuthCode and
// AuthMessage).
func (e *FaultError) AuthenticationFailed() bool {
	switch faultLocalName(e.Code) {
	case faultATAuthentication, faultAuthentication:
		return true
	}
	return e.AuthCode != 0 // AT's authentication detail, whatever the code
}

// ServerFault reports whether the fault is of the server's side: SOAP 1.1
// faultcode Server (§4.4.1) or SOAP 1.2 Receiver (part 1, §5.4.6), "the
// message could not be processed for reasons attributable to the
// processing of the message rather than to its contents". AT's servers
// answer such a fault, env:Receiver "Internal Error (from server)" with
// HTTP 500, when they fail: it says nothing of the document, and whether a
// state-changing request took effect is unknown. Such a fault matches
// ErrTryLater.
func (e *FaultError) ServerFault() bool {
	name := faultLocalName(e.Code)
	return name == faultServer || name == faultReceiver || strings.HasPrefix(name, faultServer+".")
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
