package atclient

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// The SOAP 1.1 transport shared by AT's services: envelope with the
// WS-Security header, HTTPS POST over mutual TLS, classification of every
// failure, and the opening of the answer's Body.

const nsSOAPEnvelope = "http://schemas.xmlsoap.org/soap/envelope/"

// nsSOAP12Envelope is SOAP 1.2's namespace. We speak SOAP 1.1, but AT's
// servers have been seen answering a fault in SOAP 1.2 (env:Code/env:Value
// env:Receiver, env:Reason/env:Text "Internal Error (from server)", captured
// in joaomfrebelo/atws, test/Resources/Responses/Invoice/InternalError.xml);
// such a fault is read as a *FaultError rather than taken for garbage.
const nsSOAP12Envelope = "http://www.w3.org/2003/05/soap-envelope"

// maxResponseBytes bounds what is read from AT: a query of every series of a
// large taxpayer stays far below it.
const maxResponseBytes = 16 << 20

// marshalOperation encodes v, a gowsdl request type, as the operation element
// prefix:local in namespace ns with its children unqualified, as a schema
// without elementFormDefault demands. encoding/xml would otherwise write
// xmlns="ns" on the wrapper and so put every child in ns, which AT refuses
// with a SOAP fault.
func marshalOperation(prefix, ns, local string, v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	start := xml.StartElement{
		Name: xml.Name{Local: prefix + ":" + local},
		Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns:" + prefix}, Value: ns}},
	}
	if err := enc.EncodeElement(v, start); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// envelope wraps the security header and the body content.
func envelope(tok usernameToken, body []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(body) + 2048)
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` +
		`<S:Envelope xmlns:S="` + nsSOAPEnvelope + `">`)
	writeSecurityHeader(&buf, tok)
	buf.WriteString(`<S:Body>`)
	buf.Write(body)
	buf.WriteString(`</S:Body></S:Envelope>`)
	return buf.Bytes()
}

// soapTransport sends SOAP requests to AT with the caller's credentials.
type soapTransport struct {
	http  func() *http.Client // see New
	creds Credentials
	key   ATKey
	cfg   *config
}

// call sends one request (body: the operation element) to url and returns
// the HTTP status and the answer's bytes, or a *TLSError or *TransportError.
// It never retries.
func (t *soapTransport) call(ctx context.Context, url, operation, action string, body []byte) (int, []byte, error) {
	now := t.cfg.clock()
	if err := t.key.usable(now); err != nil {
		return 0, nil, err
	}
	tok, err := newUsernameToken(t.key.pub, t.creds.Username(), t.creds.password.bytes(), now)
	if err != nil {
		return 0, nil, err
	}
	payload := envelope(tok, body)

	if t.cfg.requestTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t.cfg.requestTimeout)
		defer cancel()
	}
	var (
		mu        sync.Mutex
		wrote     bool
		handshake error
	)
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		TLSHandshakeDone: func(_ tls.ConnectionState, err error) {
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				handshake = err
			}
		},
		WroteRequest: func(httptrace.WroteRequestInfo) {
			mu.Lock()
			defer mu.Unlock()
			wrote = true
		},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
	if err != nil {
		return 0, nil, fmt.Errorf("atclient: %s: endpoint URL: %w", operation, err)
	}
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	req.Header.Set("SOAPAction", `"`+action+`"`) // the binding's soapAction, quoted

	resp, err := t.http().Do(req)
	if err != nil {
		mu.Lock()
		defer mu.Unlock()
		if handshake != nil && !wrote {
			return 0, nil, &TLSError{Operation: operation, Err: stripURL(err)}
		}
		return 0, nil, classifyTransport(operation, err, wrote)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		return 0, nil, &TransportError{Operation: operation, Sent: true, Err: stripURL(err)}
	}
	if len(data) > maxResponseBytes {
		return 0, nil, &MalformedResponseError{Operation: operation, Reason: fmt.Sprintf("answer larger than %d bytes", maxResponseBytes)}
	}
	return resp.StatusCode, data, nil
}

// classifyTransport tells a TLS failure (nothing sent) from a lost answer.
func classifyTransport(op string, err error, wrote bool) error {
	err = stripURL(err)
	var (
		verr    *tls.CertificateVerificationError
		uaerr   x509.UnknownAuthorityError
		hosterr x509.HostnameError
		cierr   x509.CertificateInvalidError
		rherr   tls.RecordHeaderError
		operr   *net.OpError
	)
	switch {
	case errors.As(err, &verr), errors.As(err, &uaerr), errors.As(err, &hosterr),
		errors.As(err, &cierr), errors.As(err, &rherr):
		return &TLSError{Operation: op, Err: err}
	case errors.As(err, &operr) && operr.Op == "remote error":
		// A TLS alert from the server, e.g. it refused our certificate
		// (with TLS 1.3 this arrives after the request was written, but the
		// server did not process it).
		return &TLSError{Operation: op, Err: err}
	}
	return &TransportError{Operation: op, Sent: wrote, Err: err}
}

// stripURL drops the *url.Error wrapper, whose text repeats the method and
// URL; our errors name the operation instead.
func stripURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil {
		return ue.Err
	}
	return err
}

// OpenAnswer parses AT's answer to operation (as Client.Call returns it)
// and returns a decoder positioned inside the SOAP Body with the Body's
// first element, the operation's response element for the caller to
// decode. A SOAP fault (1.1, or the 1.2 AT's servers send when they fail)
// becomes a *FaultError; an HTTP status other than 200 without a fault an
// *HTTPError; anything else that is not an envelope a
// *MalformedResponseError.
func OpenAnswer(op string, status int, data []byte) (*xml.Decoder, xml.StartElement, error) {
	malformed := func(format string, args ...any) error {
		return &MalformedResponseError{Operation: op, Reason: fmt.Sprintf(format, args...)}
	}
	httpErr := func() error {
		if status != http.StatusOK {
			return &HTTPError{Operation: op, StatusCode: status, Status: fmt.Sprintf("%d %s", status, http.StatusText(status))}
		}
		return nil
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		return nil, fmt.Errorf("unsupported charset %q", label)
	}
	// depth 0: want Envelope; 1: want Header or Body; 2: inside Body.
	depth := 0
	ns := nsSOAPEnvelope // the envelope's version, fixed by its root
	for {
		tok, err := dec.Token()
		if err != nil {
			if e := httpErr(); e != nil {
				return nil, xml.StartElement{}, e
			}
			if err == io.EOF {
				return nil, xml.StartElement{}, malformed("no SOAP Body")
			}
			return nil, xml.StartElement{}, malformed("not XML: %s", clip(err.Error()))
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			switch depth {
			case 0:
				if tk.Name.Space == nsSOAP12Envelope && tk.Name.Local == "Envelope" {
					ns = nsSOAP12Envelope
				} else if tk.Name.Space != nsSOAPEnvelope || tk.Name.Local != "Envelope" {
					if e := httpErr(); e != nil {
						return nil, xml.StartElement{}, e
					}
					return nil, xml.StartElement{}, malformed("root element is {%s}%s, want a SOAP 1.1 Envelope", clip(tk.Name.Space), clip(tk.Name.Local))
				}
				depth = 1
			case 1:
				if tk.Name.Space == ns && tk.Name.Local == "Body" {
					depth = 2
					continue
				}
				if err := dec.Skip(); err != nil {
					return nil, xml.StartElement{}, malformed("not XML: %s", clip(err.Error()))
				}
			case 2:
				if tk.Name.Space == ns && tk.Name.Local == "Fault" {
					if ns == nsSOAP12Envelope {
						return nil, xml.StartElement{}, decodeFault12(op, status, dec, tk)
					}
					return nil, xml.StartElement{}, decodeFault(op, status, dec, tk)
				}
				if ns == nsSOAP12Envelope {
					// Our operations are SOAP 1.1: a 1.2 answer that is
					// not a fault is not one of theirs.
					if e := httpErr(); e != nil {
						return nil, xml.StartElement{}, e
					}
					return nil, xml.StartElement{}, malformed("a SOAP 1.2 answer that is not a fault")
				}
				if e := httpErr(); e != nil {
					return nil, xml.StartElement{}, e
				}
				return dec, tk, nil
			}
		case xml.EndElement:
			if e := httpErr(); e != nil {
				return nil, xml.StartElement{}, e
			}
			return nil, xml.StartElement{}, malformed("empty SOAP Body")
		}
	}
}

func decodeFault(op string, status int, dec *xml.Decoder, start xml.StartElement) error {
	var f struct {
		Code   string `xml:"faultcode"`
		String string `xml:"faultstring"`
		// AT's authentication system explains a refused header here; the
		// element names are matched whatever their namespace (AT puts
		// AuthenticationException in its own, the rest in none).
		Auth *struct {
			Code    string `xml:"Code"`
			Message string `xml:"Message"`
		} `xml:"detail>AuthenticationException>AuthenticationFailed"`
	}
	if err := dec.DecodeElement(&f, &start); err != nil {
		return &MalformedResponseError{Operation: op, Reason: "unreadable SOAP fault: " + clip(err.Error())}
	}
	fe := &FaultError{Operation: op, HTTPStatus: status, Code: clip(strings.TrimSpace(f.Code)), Reason: clip(strings.TrimSpace(f.String))}
	if f.Auth != nil {
		// A code that is not an integer is kept out of AuthCode but not
		// lost: the message still says what failed.
		if n, err := strconv.Atoi(strings.TrimSpace(f.Auth.Code)); err == nil {
			fe.AuthCode = n
		}
		fe.AuthMessage = clip(strings.Join(strings.Fields(f.Auth.Message), " "))
	}
	return fe
}

// decodeFault12 reads a SOAP 1.2 fault (SOAP 1.2 part 1 §5.4): the code is
// Code/Value (e.g. "env:Receiver"), the reason the first Reason/Text.
func decodeFault12(op string, status int, dec *xml.Decoder, start xml.StartElement) error {
	var f struct {
		Code   string   `xml:"http://www.w3.org/2003/05/soap-envelope Code>Value"`
		Reason []string `xml:"http://www.w3.org/2003/05/soap-envelope Reason>Text"`
	}
	if err := dec.DecodeElement(&f, &start); err != nil {
		return &MalformedResponseError{Operation: op, Reason: "unreadable SOAP fault: " + clip(err.Error())}
	}
	reason := ""
	if len(f.Reason) > 0 {
		reason = f.Reason[0]
	}
	return &FaultError{Operation: op, HTTPStatus: status, Code: clip(strings.TrimSpace(f.Code)), Reason: clip(strings.TrimSpace(reason))}
}

// clip bounds text taken from an answer before it goes into an error.
func clip(s string) string {
	const max = 300
	if len(s) <= max {
		return s
	}
	for i := max; i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			return s[:i] + "…"
		}
	}
	return ""
}
