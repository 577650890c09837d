package attest

import "strings"

// faultPermission is the answer to an authenticated sub-user without the
// WSE profile ("Comunicação de Séries Documentais por Webservice", series
// generic manual §2.1). AT's manuals do not document that answer; this
// simulator and package atclient agree on a SOAP fault whose faultcode is
// wsse:FailedAuthorization (atclient's FaultError.PermissionDenied).
const faultPermission = "wsse:FailedAuthorization"

// WithoutPermission makes the sub-user subUser of nif lack the WSE profile:
// its credentials are accepted, and every series request is refused with a
// SOAP fault (faultcode wsse:FailedAuthorization). The user must be known
// (WithUser, or the default user).
func WithoutPermission(nif, subUser string) Option {
	return func(s *Server) { s.denied[nif+"/"+subUser] = true }
}

// permissionDenied reports whether the authenticated token's user lacks the
// WSE profile, with the fault's text.
func (s *Server) permissionDenied(t *token) (string, bool) {
	user := strings.TrimSpace(t.Username)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.denied[user] {
		return "", false
	}
	return "o utilizador " + user + " não tem o perfil WSE - Comunicação de Séries Documentais por Webservice", true
}
