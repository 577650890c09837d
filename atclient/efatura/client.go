package efatura

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/reporting"
)

// Client communicates one issuer's documents to the e-Fatura service. It
// is safe for concurrent use.
type Client struct {
	at      *atclient.Client
	issuer  *Issuer
	method  reporting.Checker
	channel *wireChannel
}

// Option configures a Client.
type Option func(*Client)

// WithIssuer sets the issuer and program data of register requests
// (IssuerFromHeader of the SAF-T header). Its NIF is also the
// TaxRegistrationNumber of status changes and deletions, which otherwise
// is the credentials' NIF.
func WithIssuer(is Issuer) Option {
	return func(c *Client) { c.issuer = &is }
}

// WithReportingMethod makes the client honour the company's choice of
// communication method: every request for a document of a year whose
// method is not reporting.MethodWebService is refused before anything is
// sent, with the checker's error (errors.Is reporting.ErrOtherMethod, or
// reporting.ErrNoChoice when the year is not recorded). Without this option
// the client does not check.
func WithReportingMethod(m reporting.Checker) Option {
	return func(c *Client) { c.method = m }
}

// WithChannel fills the optional CanalRegisto (system and version of the
// program that communicates) of every request.
func WithChannel(system, version string) Option {
	return func(c *Client) { c.channel = &wireChannel{System: system, Version: version} }
}

// New returns a client of the e-Fatura service that sends its requests
// through at, to at's Endpoints().EFatura, with at's credentials (a
// sub-user with the WFA profile), certificate and AT key.
func New(at *atclient.Client, opts ...Option) (*Client, error) {
	if at == nil {
		return nil, errors.New("efatura: New(nil): an atclient.Client is needed")
	}
	if at.Endpoints().EFatura == "" {
		return nil, errors.New("efatura: the atclient.Client has no e-Fatura endpoint (Endpoints.EFatura)")
	}
	c := &Client{at: at}
	for _, o := range opts {
		o(c)
	}
	return c, nil
}

// Receipt is AT's acceptance of a request (CodigoResposta 0).
type Receipt struct {
	Operation Operation
	Message   string // Mensagem
	// OperationTime is DataOperacao as AT wrote it (xs:dateTime).
	OperationTime string
	// Reconciled is true when the first answer was lost and a repeat of the
	// same request was answered "already registered by the issuer": the
	// lost request registered the document (see RegisterInvoice).
	Reconciled bool
}

// ErrConflict is matched by the error of a register whose answer was
// lost when the repeat showed a document of that number registered with
// other values: the document was not registered by this request.
var ErrConflict = errors.New("efatura: a document of this number is registered with other values")

// RegisterInvoice communicates a sales document (RegisterInvoiceRequest,
// manual §2.2.2). The request is built from the SAF-T invoice and customer;
// the manual's rules are checked first and every violation is returned at
// once (a *violation.Error, errors.Is ErrInvalid; see Codes). AT's refusals are
// *Error.
//
// Lost answers. AT offers no query of what was registered (the
// consultation service fatshare is announced in the generic manual v2.0 §2,
// point 3 b), but its WSDL is "a disponibilizar em breve"), and a document
// number can be registered only once: a repeat is answered -10 "O documento
// já foi registado pelo emitente" (or -3 "registado com valores diferentes"
// when the values differ; manual §2.2.4). So when the answer is lost after
// the request was sent (timeout, reset, garbled answer) or AT failed while
// handling it (an HTTP 5xx, a server fault such as AT's SOAP 1.2
// env:Receiver "Internal Error (from server)", see ErrTryLater), the client
// sends the identical request once more, with a fresh security header:
//   - 0: the first request had not been applied; the document is now
//     registered;
//   - -10 (the same document, with the same values, is already there): the
//     first request registered it; the receipt says Reconciled;
//   - -3: another document of that number is registered with other values:
//     *Error wrapping ErrConflict;
//   - anything uncertain again: the error wraps atclient.ErrOutcomeUnknown; call
//     RegisterInvoice again later with the same document, which is safe for
//     the same reason: an *Error with code -10
//     (CodeInvoiceAlreadyRegistered) then means that an earlier request
//     registered it.
//
// Nothing else is ever repeated.
func (c *Client) RegisterInvoice(ctx context.Context, d Invoice) (Receipt, error) {
	if d.Invoice != nil {
		if err := c.checkMethod(d.Invoice.InvoiceDate); err != nil {
			return Receipt{}, err
		}
	}
	req, err := buildRegisterInvoice(c.issuer, d)
	if err != nil {
		return Receipt{}, err
	}
	req.Channel = c.channel
	return c.register(ctx, OpRegisterInvoice, req)
}

// ChangeInvoiceStatus communicates the invoice's current status
// (Invoice.DocumentStatus: N, A cancelled or F billed, with its date;
// ChangeInvoiceStatusRequest). A lost answer is not repeated: the error
// wraps atclient.ErrOutcomeUnknown.
func (c *Client) ChangeInvoiceStatus(ctx context.Context, d Invoice) (Receipt, error) {
	if d.Invoice != nil {
		if err := c.checkMethod(d.Invoice.InvoiceDate); err != nil {
			return Receipt{}, err
		}
	}
	req, err := buildChangeInvoiceStatus(c.nif(), d)
	if err != nil {
		return Receipt{}, err
	}
	req.Channel = c.channel
	return c.change(ctx, OpChangeInvoiceStatus, req)
}

// DeleteInvoice deletes the communication of invoices communicated in
// error (DeleteInvoiceRequest): either the documents listed (all of one
// year) or every document of the date range, with reason (10 to 500
// characters). Outside the deletion period AT sends the request to
// analysis (manual §2.2, note 1).
func (c *Client) DeleteInvoice(ctx context.Context, docs []Invoice, r *DateRange, reason string) (Receipt, error) {
	var dates []civil.Date
	for _, d := range docs {
		if d.Invoice != nil {
			dates = append(dates, d.Invoice.InvoiceDate)
		}
	}
	if err := c.checkMethod(rangeDates(dates, r)...); err != nil {
		return Receipt{}, err
	}
	req, err := buildDeleteInvoice(c.nif(), docs, r, reason)
	if err != nil {
		return Receipt{}, err
	}
	req.Channel = c.channel
	return c.change(ctx, OpDeleteInvoice, req)
}

// RegisterWork communicates a working document (RegisterWorkRequest); a
// lost answer is reconciled as in RegisterInvoice (the repeat's
// "already registered" code is -22).
func (c *Client) RegisterWork(ctx context.Context, d Work) (Receipt, error) {
	if d.Work != nil {
		if err := c.checkMethod(d.Work.WorkDate); err != nil {
			return Receipt{}, err
		}
	}
	req, err := buildRegisterWork(c.issuer, d)
	if err != nil {
		return Receipt{}, err
	}
	req.Channel = c.channel
	return c.register(ctx, OpRegisterWork, req)
}

// ChangeWorkStatus communicates the working document's current status
// (WorkDocument.DocumentStatus; ChangeWorkStatusRequest).
func (c *Client) ChangeWorkStatus(ctx context.Context, d Work) (Receipt, error) {
	if d.Work != nil {
		if err := c.checkMethod(d.Work.WorkDate); err != nil {
			return Receipt{}, err
		}
	}
	req, err := buildChangeWorkStatus(c.nif(), d)
	if err != nil {
		return Receipt{}, err
	}
	req.Channel = c.channel
	return c.change(ctx, OpChangeWorkStatus, req)
}

// DeleteWork deletes the communication of working documents (see
// DeleteInvoice).
func (c *Client) DeleteWork(ctx context.Context, docs []Work, r *DateRange, reason string) (Receipt, error) {
	var dates []civil.Date
	for _, d := range docs {
		if d.Work != nil {
			dates = append(dates, d.Work.WorkDate)
		}
	}
	if err := c.checkMethod(rangeDates(dates, r)...); err != nil {
		return Receipt{}, err
	}
	req, err := buildDeleteWork(c.nif(), docs, r, reason)
	if err != nil {
		return Receipt{}, err
	}
	req.Channel = c.channel
	return c.change(ctx, OpDeleteWork, req)
}

// RegisterPayment communicates a receipt of the cash VAT scheme
// (RegisterPaymentRequest); a lost answer is reconciled as in
// RegisterInvoice (the repeat's "already registered" code is -25).
func (c *Client) RegisterPayment(ctx context.Context, d Payment) (Receipt, error) {
	if d.Payment != nil {
		if err := c.checkMethod(d.Payment.TransactionDate); err != nil {
			return Receipt{}, err
		}
	}
	req, err := buildRegisterPayment(c.issuer, d)
	if err != nil {
		return Receipt{}, err
	}
	req.Channel = c.channel
	return c.register(ctx, OpRegisterPayment, req)
}

// ChangePaymentStatus communicates the receipt's current status
// (Payment.DocumentStatus: N or A; ChangePaymentStatusRequest).
func (c *Client) ChangePaymentStatus(ctx context.Context, d Payment) (Receipt, error) {
	if d.Payment != nil {
		if err := c.checkMethod(d.Payment.TransactionDate); err != nil {
			return Receipt{}, err
		}
	}
	req, err := buildChangePaymentStatus(c.nif(), d)
	if err != nil {
		return Receipt{}, err
	}
	req.Channel = c.channel
	return c.change(ctx, OpChangePaymentStatus, req)
}

// DeletePayment deletes the communication of receipts (see DeleteInvoice).
func (c *Client) DeletePayment(ctx context.Context, docs []Payment, r *DateRange, reason string) (Receipt, error) {
	var dates []civil.Date
	for _, d := range docs {
		if d.Payment != nil {
			dates = append(dates, d.Payment.TransactionDate)
		}
	}
	if err := c.checkMethod(rangeDates(dates, r)...); err != nil {
		return Receipt{}, err
	}
	req, err := buildDeletePayment(c.nif(), docs, r, reason)
	if err != nil {
		return Receipt{}, err
	}
	req.Channel = c.channel
	return c.change(ctx, OpDeletePayment, req)
}

func rangeDates(dates []civil.Date, r *DateRange) []civil.Date {
	if r != nil {
		dates = append(dates, r.Start, r.End)
	}
	return dates
}

// checkMethod refuses, before anything is sent, documents of a year the
// company communicates by SAF-T file.
func (c *Client) checkMethod(dates ...civil.Date) error {
	m := c.method
	if m == nil {
		return nil
	}
	done := map[int]bool{}
	for _, d := range dates {
		if d.IsZero() || done[d.Year] {
			continue
		}
		done[d.Year] = true
		if err := m.Check(d.Year, reporting.MethodWebService); err != nil {
			return fmt.Errorf("efatura: %w", err)
		}
	}
	return nil
}

func (c *Client) nif() string {
	if is := c.issuer; is != nil && is.TaxRegistrationNumber != "" {
		return is.TaxRegistrationNumber
	}
	return c.at.NIF()
}

// register sends a register request and reconciles a lost answer
// (see RegisterInvoice).
func (c *Client) register(ctx context.Context, op Operation, req any) (Receipt, error) {
	body, err := xml.Marshal(req)
	if err != nil {
		return Receipt{}, fmt.Errorf("efatura: %s: encoding the request: %w", op, err)
	}
	rec, err := c.call(ctx, op, body)
	if err == nil || !atclient.Uncertain(err) {
		return rec, err
	}
	if ctx.Err() != nil {
		return Receipt{}, fmt.Errorf("%w: %w", atclient.ErrOutcomeUnknown, err)
	}
	rec, rerr := c.call(ctx, op, body)
	var ee *Error
	switch {
	case rerr == nil:
		return rec, nil
	case errors.As(rerr, &ee) && ee.Code == alreadyRegistered[op]:
		return Receipt{Operation: op, Message: ee.Message, Reconciled: true}, nil
	case errors.As(rerr, &ee) && op == OpRegisterInvoice && ee.Code == CodeInvoiceDifferentValues:
		return Receipt{}, fmt.Errorf("%w (after the first answer was lost: %w): %w", ErrConflict, err, rerr)
	case atclient.Uncertain(rerr):
		return Receipt{}, fmt.Errorf("%w: %w (the repeat: %w)", atclient.ErrOutcomeUnknown, err, rerr)
	}
	return Receipt{}, rerr
}

// change sends a status change or a deletion; it never repeats.
func (c *Client) change(ctx context.Context, op Operation, req any) (Receipt, error) {
	body, err := xml.Marshal(req)
	if err != nil {
		return Receipt{}, fmt.Errorf("efatura: %s: encoding the request: %w", op, err)
	}
	rec, err := c.call(ctx, op, body)
	if err != nil && atclient.Uncertain(err) {
		return Receipt{}, fmt.Errorf("%w: %w", atclient.ErrOutcomeUnknown, err)
	}
	return rec, err
}

// call is one exchange.
func (c *Client) call(ctx context.Context, op Operation, body []byte) (Receipt, error) {
	status, data, err := c.at.Call(ctx, c.at.Endpoints().EFatura, string(op), body)
	if err != nil {
		return Receipt{}, err
	}
	return decodeAnswer(op, status, data)
}

// wireResponse is ResponseType with presence kept: a missing
// CodigoResposta must not read as 0, success.
type wireResponse struct {
	Code    *string `xml:"Response>CodigoResposta"`
	Message *string `xml:"Response>Mensagem"`
	Date    *string `xml:"Response>DataOperacao"`
	// The same fields without the Response wrapper. The WSDL has the
	// wrapper; some published clients expect the fields directly under the
	// operation's response element, so an answer of that shape is read too
	// rather than taken for a lost one.
	BareCode    *string `xml:"CodigoResposta"`
	BareMessage *string `xml:"Mensagem"`
	BareDate    *string `xml:"DataOperacao"`
}

func decodeAnswer(op Operation, status int, data []byte) (Receipt, error) {
	dec, start, err := atclient.OpenAnswer(string(op), status, data)
	if err != nil {
		var fe *atclient.FaultError
		if errors.As(err, &fe) && fe.AuthCode != 0 {
			// The manual's authentication code, delivered in a fault's
			// detail rather than in CodigoResposta.
			return Receipt{}, &Error{Operation: op, Code: ResponseCode(fe.AuthCode), Message: fe.AuthMessage, Fault: fe}
		}
		return Receipt{}, err
	}
	malformed := func(format string, args ...any) error {
		return &atclient.MalformedResponseError{Operation: string(op), Reason: fmt.Sprintf(format, args...)}
	}
	if start.Name.Space != ns || start.Name.Local != string(op)+"Response" {
		return Receipt{}, malformed("answer element {%s}%s, want {%s}%sResponse", clip(start.Name.Space), clip(start.Name.Local), ns, op)
	}
	var r wireResponse
	if err := dec.DecodeElement(&r, &start); err != nil {
		return Receipt{}, malformed("not XML: %s", clip(err.Error()))
	}
	if r.Code == nil && r.BareCode != nil {
		r.Code, r.Message, r.Date = r.BareCode, r.BareMessage, r.BareDate
	}
	if r.Code == nil {
		return Receipt{}, malformed("no Response/CodigoResposta")
	}
	n, err := strconv.ParseInt(strings.TrimSpace(*r.Code), 10, 32)
	if err != nil {
		return Receipt{}, malformed("CodigoResposta %q is not an integer", clip(*r.Code))
	}
	rec := Receipt{Operation: op}
	if r.Message != nil {
		rec.Message = clip(strings.TrimSpace(*r.Message))
	}
	if r.Date != nil {
		rec.OperationTime = clip(strings.TrimSpace(*r.Date))
	}
	if code := ResponseCode(n); code != CodeOK {
		return Receipt{}, &Error{Operation: op, Code: code, Message: rec.Message}
	}
	return rec, nil
}

// clip bounds text taken from an answer before it goes into an error or a
// receipt.
func clip(s string) string {
	const max = 300
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "") + "…"
}
