package transport

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/civil"
)

// Client communicates one sender's transport documents. It is safe for
// concurrent use.
type Client struct {
	at     *atclient.Client
	sender Sender
	clock  func() time.Time
	loc    *time.Location
	lateOK bool
}

// Option configures a Client.
type Option func(*Client)

// WithClock sets the clock against which the start of transport is checked
// (default time.Now).
func WithClock(now func() time.Time) Option { return func(c *Client) { c.clock = now } }

// WithLocation sets the legal time in which the clock is read (default
// civil.Lisbon; civil.Azores for a sender in the Azores): the start of
// transport is a local date and time without zone.
func WithLocation(loc *time.Location) Option { return func(c *Client) { c.loc = loc } }

// WithLateCommunication lets documents whose transport has started be
// sent: AT registers them as a mere communication of data with the alert
// -100 (manual §4.2), as the regime allows for documents first
// communicated by telephone, whose data are due by the 5th working day
// after the transport (manual §2.3). Without it such a document is refused
// before sending (CodeStarted): the communication is due before the
// start (regime of goods in circulation, art. 5.º n.º 5).
func WithLateCommunication() Option { return func(c *Client) { c.lateOK = true } }

// New returns a client of the transport documents service that sends its
// requests through at, to at's Endpoints().Transport, with at's
// credentials (a sub-user with the WDT profile, manual §3.1), certificate
// and AT key, for the documents of sender.
func New(at *atclient.Client, sender Sender, opts ...Option) (*Client, error) {
	if at == nil {
		return nil, errors.New("transport: New(nil): an atclient.Client is needed")
	}
	if at.Endpoints().Transport == "" {
		return nil, errors.New("transport: the atclient.Client has no transport documents endpoint (Endpoints.Transport)")
	}
	c := &Client{at: at, sender: sender, clock: time.Now, loc: civil.Lisbon}
	for _, o := range opts {
		o(c)
	}
	if c.clock == nil {
		return nil, errors.New("transport: WithClock(nil)")
	}
	if c.loc == nil {
		c.loc = civil.Lisbon
	}
	return c, nil
}

// Receipt is AT's acceptance of a transport document.
type Receipt struct {
	// ATDocCodeID is AT's identification code of the document (Decreto-Lei
	// 198/2012), which the printed document shows and the SAF-T export
	// carries (StockMovement.ATDocCodeID). Empty when AT gave none (see
	// Reconciled).
	ATDocCodeID    string
	DocumentNumber string // as AT echoes it
	ATCUD          string // as AT echoes it
	// Statuses are the answer's ResponseStatus: 0, or -100 when the
	// transport had started (a mere communication), with AT's texts. The
	// 0 may carry AT's warning that the document has no valid ATCUD and
	// must travel printed.
	Statuses []Status
	// Reconciled is true when the first answer was lost and a repeat of
	// the same request was answered -3 ("Já foi inserido", a new document)
	// or -4 ("Já foi anulado", a cancellation): the lost request took
	// effect. AT does not give the code again: read it in the Portal das
	// Finanças (e-Fatura, transport documents of the sender).
	Reconciled bool
}

// MereCommunication reports whether AT answered the alert -100: the
// transport had started, and the document is a mere communication of data.
func (r Receipt) MereCommunication() bool {
	for _, s := range r.Statuses {
		if s.Code == CodeStartPassed {
			return true
		}
	}
	return false
}

// Check applies the rules that Communicate applies before sending and
// returns every violation at once (a *violation.Error, errors.Is
// ErrInvalid; see Codes), or nil.
func (c *Client) Check(d Document) error {
	_, err := c.build(d)
	return err
}

func (c *Client) build(d Document) (*wireRequest, error) {
	ck := &check{now: civil.DateTimeIn(c.clock(), c.loc), lateOK: c.lateOK}
	return build(&c.sender, d, ck)
}

// Communicate sends a transport document (envioDocumentoTransporte) before
// its transport starts and returns AT's code. The request is built from
// the SAF-T movement and its customer or supplier; the rules of the WSDL,
// the manual and the regime are checked first and every violation is
// returned at once (a *violation.Error, errors.Is ErrInvalid). AT's
// refusals are *Error with the manual's ReturnCode.
//
// A document with ATDocCodeID is a change of one AT already coded
// (the manual's -8, -9, -11, -13, -16, -18 and -19 are the refusals of a
// change): a cancellation is the document with MovementStatus A.
//
// Lost answers. The service has one operation and no query of what it
// holds, and a document number is registered once: a repeat is answered
// -3 "Já foi inserido um Documento de Transporte com o número fornecido"
// (a cancellation's repeat -4 "Já foi anulado"). So when the answer is
// lost after the request was sent (timeout, reset, garbled answer), or AT
// failed while handling it (an HTTP 5xx, a server fault, the code -99
// "Erro interno"), the client sends the identical request once more, with
// a fresh security header:
//   - accepted: the first request had not been applied; the receipt has
//     AT's code;
//   - -3 (or -4 for a cancellation): the first request was applied; the
//     receipt says Reconciled and has no ATDocCodeID, which AT does not
//     repeat: read it in the Portal das Finanças;
//   - uncertain again: the error wraps atclient.ErrOutcomeUnknown; call
//     Communicate later with the same document, which is safe for the same
//     reason: an *Error matching ErrAlreadyRegistered then means an
//     earlier request registered it.
//
// A document is never registered twice.
func (c *Client) Communicate(ctx context.Context, d Document) (Receipt, error) {
	req, err := c.build(d)
	if err != nil {
		return Receipt{}, err
	}
	body, err := xml.Marshal(req)
	if err != nil {
		return Receipt{}, fmt.Errorf("transport: %s: encoding the request: %w", Operation, err)
	}
	rec, err := c.call(ctx, body)
	if err == nil || !uncertain(err) {
		return rec, err
	}
	if ctx.Err() != nil {
		return Receipt{}, fmt.Errorf("%w: %w", atclient.ErrOutcomeUnknown, err)
	}
	rec, rerr := c.call(ctx, body)
	var e *Error
	switch {
	case rerr == nil:
		return rec, nil
	case errors.As(rerr, &e) && (e.Code == CodeAlreadyRegistered && req.ATDocCodeID == "" ||
		e.Code == CodeAlreadyCancelled && req.MovementStatus == "A"):
		return Receipt{DocumentNumber: req.DocumentNumber, ATCUD: req.ATCUD, ATDocCodeID: req.ATDocCodeID, Statuses: e.Statuses, Reconciled: true}, nil
	case uncertain(rerr):
		return Receipt{}, fmt.Errorf("%w: %w (the repeat: %w)", atclient.ErrOutcomeUnknown, err, rerr)
	}
	return Receipt{}, rerr
}

// uncertain reports whether err leaves open whether AT registered the
// document.
func uncertain(err error) bool {
	var e *Error
	if errors.As(err, &e) && e.Fault == nil {
		return e.Code == CodeInternalError
	}
	return atclient.Uncertain(err)
}

func (c *Client) call(ctx context.Context, body []byte) (Receipt, error) {
	status, data, err := c.at.CallAction(ctx, c.at.Endpoints().Transport, Operation, soapAction, body)
	if err != nil {
		return Receipt{}, err
	}
	return decodeAnswer(status, data)
}

// decodeAnswer reads AT's answer: a *Receipt for an accepted document, an
// *Error for a refusal (also when AT's authentication system refused the
// header with a coded SOAP fault), or one of atclient's errors.
func decodeAnswer(status int, data []byte) (Receipt, error) {
	dec, start, err := atclient.OpenAnswer(Operation, status, data)
	if err != nil {
		var fe *atclient.FaultError
		if errors.As(err, &fe) && fe.AuthCode != 0 {
			code := ReturnCode(fe.AuthCode)
			return Receipt{}, &Error{Code: code, Message: fe.AuthMessage, Statuses: []Status{{code, fe.AuthMessage}}, Fault: fe}
		}
		return Receipt{}, err
	}
	malformed := func(format string, args ...any) error {
		return &atclient.MalformedResponseError{Operation: Operation, Reason: fmt.Sprintf(format, args...)}
	}
	if start.Name.Local != responseElement || (start.Name.Space != ns && start.Name.Space != "") {
		return Receipt{}, malformed("answer element {%s}%s, want {%s}%s", clip(start.Name.Space), clip(start.Name.Local), ns, responseElement)
	}
	var r wireResponse
	if err := dec.DecodeElement(&r, &start); err != nil {
		return Receipt{}, malformed("not XML: %s", clip(err.Error()))
	}
	if len(r.Statuses) == 0 {
		return Receipt{}, malformed("no ResponseStatus")
	}
	rec := Receipt{
		ATDocCodeID:    clip(strings.TrimSpace(r.ATDocCodeID)),
		DocumentNumber: clip(strings.TrimSpace(r.DocumentNumber)),
		ATCUD:          clip(strings.TrimSpace(r.ATCUD)),
	}
	var refused *Status
	for i, s := range r.Statuses {
		if s.Code == nil {
			return Receipt{}, malformed("ResponseStatus[%d] has no ReturnCode", i+1)
		}
		n, err := strconv.ParseInt(strings.TrimSpace(*s.Code), 10, 32)
		if err != nil {
			return Receipt{}, malformed("ReturnCode %q is not an integer", clip(*s.Code))
		}
		st := Status{Code: ReturnCode(n)}
		if s.Message != nil {
			st.Message = clip(strings.TrimSpace(*s.Message))
		}
		rec.Statuses = append(rec.Statuses, st)
		if !st.Code.Accepted() && refused == nil {
			refused = &rec.Statuses[len(rec.Statuses)-1]
		}
	}
	if refused != nil {
		return Receipt{}, &Error{Code: refused.Code, Message: refused.Message, Statuses: rec.Statuses}
	}
	return rec, nil
}
