// Package attest is an in-process simulator of AT's SeriesWSService, the web
// service through which an invoicing program registers, finalizes, cancels
// and queries its document series (AT, "Comunicação de Séries Documentais —
// Manual de Integração de Software", Aspetos Genéricos and Específicos).
//
// It is meant for tests and examples — package atclient's own tests, the
// tests of programs that use atclient, and the runnable examples — and never
// touches the network beyond the loopback interface. A Server:
//
//   - listens on HTTPS at 127.0.0.1 and demands a client certificate (mutual
//     TLS, as AT does); it makes a throwaway CA, server and client
//     certificate in memory, and exposes the client certificate (a client
//     must present it), the CA (a client must trust it) and URL;
//   - has its own RSA key pair in the role of AT's "Chave Cifra Publica AT":
//     it decrypts and checks every WS-Security UsernameToken (generic manual
//     §4.1) and refuses with a SOAP fault an unknown user, a wrong password,
//     a Created time more than MaxClockSkew away from its clock, or a request
//     key (Nonce) already used;
//   - checks the body against the WSDL (operation element in
//     http://at.gov.pt/, children unqualified, the schema's types and
//     facets) and applies the specific manual's rules and return codes:
//     identifier rules (§1.3.2), uniqueness of identifiers per document type
//     whatever the letter case, classes and types (§1.3.6, §1.3.7), start of
//     use not before today, the life cycle active → finalized or cancelled
//     (§1.3.3), validation codes of 8 characters; state is kept per NIF;
//   - fails on demand (InjectFault): a delay, AT's 5000 answer, a SOAP fault,
//     AT's SOAP 1.2 "Internal Error (from server)",
//     a dropped connection or a malformed body, before or after the request
//     takes effect — the latter is how an answer gets lost.
//
// It also simulates AT's e-Fatura service (EFaturaURL): the
// nine operations of Fatcorews.wsdl with the manual's validations and codes
// (duplicates -10/-22/-25 and "registered with different values" -3,
// future dates, anomalous totals, exemption codes, unknown documents, status
// dates, the deletion codes 401, 477, 478, 491...), failed authentication
// refused with the manual's codes (99 wrong password, 10 stale Created, 12
// repeated key, 8 undecipherable Nonce, ...) in a SOAP fault as for the
// series service, the same
// fault injection (FaultTechnicalError answers -99), and the documents held
// per NIF (EFaturaDocuments).
//
// It also simulates AT's transport documents service (TransportURL,
// operation envioDocumentoTransporte): the WSDL's types and order, the
// manual's return codes (-3 already registered, -4 already cancelled, -7
// sender not the header's NIF, -10 no activity, -17 and -21 outside the
// 3-month window, -20 invalid recipient NIF, -22, -24 and -20008 for the
// ATCUD, -8, -9, -11, -13, -16 and -18 for changes of a coded document,
// 54 without permission, the alert -100 when the transport had started,
// 0 with AT's warning when the ATCUD is missing), deterministic
// ATDocCodeIDs, the same fault injection (FaultTechnicalError answers
// -99), and the documents held per NIF (TransportDocuments).
//
// It simulates the self-billing series service too (SelfBillingURL): the
// five operations of SeriesAutoFaturacaoWSService with the self-billing
// manual's rules and codes, the agreements a test gives it (WithAgreement,
// AddAgreement: AT's agreements are made in the Portal das Finanças), and
// the series held per NIF (SelfBillingSeries).
//
// The validation codes it gives are deterministic (the n-th registration of
// a Server always gets the same code), so examples can show their output.
// This package decodes requests with its own types, independently of
// atclient, so the two cross-check each other. A header the series service
// cannot authenticate is refused as AT's servers were seen to refuse one: a
// SOAP fault with faultcode Client.Authentication and the manual's
// authentication code and text in its detail (see writeAuthFault).
//
// Typical use with atclient:
//
//	srv, _ := attest.New()
//	defer srv.Close()
//	key, _ := atclient.ParseATKey(srv.EncryptionCertificatePEM())
//	cert, _ := atclient.CertificateFromTLS(srv.ClientCertificate())
//	creds, _ := atclient.NewCredentials(attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword)
//	client, _ := atclient.New(atclient.Endpoints{Series: srv.URL()}, creds, cert,
//		atclient.WithATKey(key), atclient.WithRootCAs(srv.RootCAs()))
package attest
