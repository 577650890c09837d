package atclient

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/reporting"
)

// The e-Fatura web service (fatcorews): real-time communication of
// invoices, working documents and cash-VAT receipts, their status changes
// and the deletion of communications made in error (Decreto-Lei n.º
// 198/2012, art. 3.º, n.º 1, alínea a); AT, "Comunicação dos elementos dos
// documentos de faturação à AT, por webservice", v1.0, June 2022; "e-Fatura
// — Comunicação por webservice — Aspetos Genéricos", v2.0, October 2025).
//
// It shares the SOAP transport, the WS-Security header and the mutual TLS
// of the series service (soap.go, wssecurity.go, certificate.go): only the
// sub-user differs, which needs the WFA profile instead of WSE.

// efaturaConfig holds the options of the e-Fatura service.
type efaturaConfig struct {
	issuer  *EFaturaIssuer
	method  reporting.Checker
	channel *wireChannel
}

// WithEFaturaIssuer sets the issuer and program data of register requests
// (IssuerFromHeader of the SAF-T header). Its NIF is also the
// TaxRegistrationNumber of status changes and deletions, which otherwise
// is the credentials' NIF.
func WithEFaturaIssuer(is EFaturaIssuer) Option {
	return func(c *config) { c.efatura.issuer = &is }
}

// WithReportingMethod makes the client honour the company's choice of
// communication method: every e-Fatura request for a document of a year
// whose method is not reporting.MethodWebService is refused before anything
// is sent, with the checker's error (errors.Is reporting.ErrOtherMethod, or
// reporting.ErrNoChoice when the year is not recorded). Without this option
// the client does not check.
func WithReportingMethod(m reporting.Checker) Option {
	return func(c *config) { c.efatura.method = m }
}

// WithEFaturaChannel fills the optional CanalRegisto (system and version
// of the program that communicates) of every e-Fatura request.
func WithEFaturaChannel(system, version string) Option {
	return func(c *config) { c.efatura.channel = &wireChannel{System: system, Version: version} }
}

// EFaturaReceipt is AT's acceptance of a request (CodigoResposta 0).
type EFaturaReceipt struct {
	Operation string
	Message   string // Mensagem
	// OperationTime is DataOperacao as AT wrote it (xs:dateTime).
	OperationTime string
	// Reconciled is true when the first answer was lost and a repeat of the
	// same request was answered "already registered by the issuer": the
	// lost request registered the document (see RegisterInvoice).
	Reconciled bool
}

// ErrEFaturaConflict is matched by the error of a register whose answer was
// lost when the repeat showed a document of that number registered with
// other values: the document was not registered by this request.
var ErrEFaturaConflict = errors.New("atclient: e-Fatura: a document of this number is registered with other values")

// RegisterInvoice communicates a sales document (RegisterInvoiceRequest,
// manual §2.2.2). The request is built from the SAF-T invoice and customer;
// the manual's rules are checked first and every violation is returned at
// once (*FieldError, errors.Is ErrInvalidRequest). AT's refusals are
// *EFaturaError.
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
//     *EFaturaError wrapping ErrEFaturaConflict;
//   - anything uncertain again: the error wraps ErrOutcomeUnknown; call
//     RegisterInvoice again later with the same document, which is safe for
//     the same reason: an *EFaturaError with code -10
//     (EFaturaInvoiceAlreadyRegistered) then means that an earlier request
//     registered it.
//
// Nothing else is ever repeated.
func (c *Client) RegisterInvoice(ctx context.Context, d EFaturaInvoice) (EFaturaReceipt, error) {
	if d.Invoice != nil {
		if err := c.checkMethod(d.Invoice.InvoiceDate); err != nil {
			return EFaturaReceipt{}, err
		}
	}
	req, err := buildRegisterInvoice(c.t.cfg.efatura.issuer, d)
	if err != nil {
		return EFaturaReceipt{}, err
	}
	req.Channel = c.t.cfg.efatura.channel
	return c.efaturaRegister(ctx, OpRegisterInvoice, req)
}

// ChangeInvoiceStatus communicates the invoice's current status
// (Invoice.DocumentStatus: N, A cancelled or F billed, with its date;
// ChangeInvoiceStatusRequest). A lost answer is not repeated: the error
// wraps ErrOutcomeUnknown.
func (c *Client) ChangeInvoiceStatus(ctx context.Context, d EFaturaInvoice) (EFaturaReceipt, error) {
	if d.Invoice != nil {
		if err := c.checkMethod(d.Invoice.InvoiceDate); err != nil {
			return EFaturaReceipt{}, err
		}
	}
	req, err := buildChangeInvoiceStatus(c.efaturaNIF(), d)
	if err != nil {
		return EFaturaReceipt{}, err
	}
	req.Channel = c.t.cfg.efatura.channel
	return c.efaturaChange(ctx, OpChangeInvoiceStatus, req)
}

// DeleteInvoice deletes the communication of invoices communicated in
// error (DeleteInvoiceRequest): either the documents listed (all of one
// year) or every document of the date range, with reason (10 to 500
// characters). Outside the deletion period AT sends the request to
// analysis (manual §2.2, note 1).
func (c *Client) DeleteInvoice(ctx context.Context, docs []EFaturaInvoice, r *DateRange, reason string) (EFaturaReceipt, error) {
	var dates []civil.Date
	for _, d := range docs {
		if d.Invoice != nil {
			dates = append(dates, d.Invoice.InvoiceDate)
		}
	}
	if err := c.checkMethod(rangeDates(dates, r)...); err != nil {
		return EFaturaReceipt{}, err
	}
	req, err := buildDeleteInvoice(c.efaturaNIF(), docs, r, reason)
	if err != nil {
		return EFaturaReceipt{}, err
	}
	req.Channel = c.t.cfg.efatura.channel
	return c.efaturaChange(ctx, OpDeleteInvoice, req)
}

// RegisterWork communicates a working document (RegisterWorkRequest); a
// lost answer is reconciled as in RegisterInvoice (the repeat's
// "already registered" code is -22).
func (c *Client) RegisterWork(ctx context.Context, d EFaturaWork) (EFaturaReceipt, error) {
	if d.Work != nil {
		if err := c.checkMethod(d.Work.WorkDate); err != nil {
			return EFaturaReceipt{}, err
		}
	}
	req, err := buildRegisterWork(c.t.cfg.efatura.issuer, d)
	if err != nil {
		return EFaturaReceipt{}, err
	}
	req.Channel = c.t.cfg.efatura.channel
	return c.efaturaRegister(ctx, OpRegisterWork, req)
}

// ChangeWorkStatus communicates the working document's current status
// (WorkDocument.DocumentStatus; ChangeWorkStatusRequest).
func (c *Client) ChangeWorkStatus(ctx context.Context, d EFaturaWork) (EFaturaReceipt, error) {
	if d.Work != nil {
		if err := c.checkMethod(d.Work.WorkDate); err != nil {
			return EFaturaReceipt{}, err
		}
	}
	req, err := buildChangeWorkStatus(c.efaturaNIF(), d)
	if err != nil {
		return EFaturaReceipt{}, err
	}
	req.Channel = c.t.cfg.efatura.channel
	return c.efaturaChange(ctx, OpChangeWorkStatus, req)
}

// DeleteWork deletes the communication of working documents (see
// DeleteInvoice).
func (c *Client) DeleteWork(ctx context.Context, docs []EFaturaWork, r *DateRange, reason string) (EFaturaReceipt, error) {
	var dates []civil.Date
	for _, d := range docs {
		if d.Work != nil {
			dates = append(dates, d.Work.WorkDate)
		}
	}
	if err := c.checkMethod(rangeDates(dates, r)...); err != nil {
		return EFaturaReceipt{}, err
	}
	req, err := buildDeleteWork(c.efaturaNIF(), docs, r, reason)
	if err != nil {
		return EFaturaReceipt{}, err
	}
	req.Channel = c.t.cfg.efatura.channel
	return c.efaturaChange(ctx, OpDeleteWork, req)
}

// RegisterPayment communicates a receipt of the cash VAT scheme
// (RegisterPaymentRequest); a lost answer is reconciled as in
// RegisterInvoice (the repeat's "already registered" code is -25).
func (c *Client) RegisterPayment(ctx context.Context, d EFaturaPayment) (EFaturaReceipt, error) {
	if d.Payment != nil {
		if err := c.checkMethod(d.Payment.TransactionDate); err != nil {
			return EFaturaReceipt{}, err
		}
	}
	req, err := buildRegisterPayment(c.t.cfg.efatura.issuer, d)
	if err != nil {
		return EFaturaReceipt{}, err
	}
	req.Channel = c.t.cfg.efatura.channel
	return c.efaturaRegister(ctx, OpRegisterPayment, req)
}

// ChangePaymentStatus communicates the receipt's current status
// (Payment.DocumentStatus: N or A; ChangePaymentStatusRequest).
func (c *Client) ChangePaymentStatus(ctx context.Context, d EFaturaPayment) (EFaturaReceipt, error) {
	if d.Payment != nil {
		if err := c.checkMethod(d.Payment.TransactionDate); err != nil {
			return EFaturaReceipt{}, err
		}
	}
	req, err := buildChangePaymentStatus(c.efaturaNIF(), d)
	if err != nil {
		return EFaturaReceipt{}, err
	}
	req.Channel = c.t.cfg.efatura.channel
	return c.efaturaChange(ctx, OpChangePaymentStatus, req)
}

// DeletePayment deletes the communication of receipts (see DeleteInvoice).
func (c *Client) DeletePayment(ctx context.Context, docs []EFaturaPayment, r *DateRange, reason string) (EFaturaReceipt, error) {
	var dates []civil.Date
	for _, d := range docs {
		if d.Payment != nil {
			dates = append(dates, d.Payment.TransactionDate)
		}
	}
	if err := c.checkMethod(rangeDates(dates, r)...); err != nil {
		return EFaturaReceipt{}, err
	}
	req, err := buildDeletePayment(c.efaturaNIF(), docs, r, reason)
	if err != nil {
		return EFaturaReceipt{}, err
	}
	req.Channel = c.t.cfg.efatura.channel
	return c.efaturaChange(ctx, OpDeletePayment, req)
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
	m := c.t.cfg.efatura.method
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
			return fmt.Errorf("atclient: e-Fatura: %w", err)
		}
	}
	return nil
}

func (c *Client) efaturaNIF() string {
	if is := c.t.cfg.efatura.issuer; is != nil && is.TaxRegistrationNumber != "" {
		return is.TaxRegistrationNumber
	}
	return c.t.creds.NIF()
}

// efaturaRegister sends a register request and reconciles a lost answer
// (see RegisterInvoice).
func (c *Client) efaturaRegister(ctx context.Context, op string, req any) (EFaturaReceipt, error) {
	body, err := xml.Marshal(req)
	if err != nil {
		return EFaturaReceipt{}, fmt.Errorf("atclient: %s: encoding the request: %w", op, err)
	}
	rec, err := c.efaturaCall(ctx, op, body)
	if err == nil || !uncertain(err) {
		return rec, err
	}
	if ctx.Err() != nil {
		return EFaturaReceipt{}, fmt.Errorf("%w: %w", ErrOutcomeUnknown, err)
	}
	rec, rerr := c.efaturaCall(ctx, op, body)
	var ee *EFaturaError
	switch {
	case rerr == nil:
		return rec, nil
	case errors.As(rerr, &ee) && ee.Code == alreadyRegistered[op]:
		return EFaturaReceipt{Operation: op, Message: ee.Message, Reconciled: true}, nil
	case errors.As(rerr, &ee) && op == OpRegisterInvoice && ee.Code == EFaturaInvoiceDifferentValues:
		return EFaturaReceipt{}, fmt.Errorf("%w (after the first answer was lost: %w): %w", ErrEFaturaConflict, err, rerr)
	case uncertain(rerr):
		return EFaturaReceipt{}, fmt.Errorf("%w: %w (the repeat: %w)", ErrOutcomeUnknown, err, rerr)
	}
	return EFaturaReceipt{}, rerr
}

// efaturaChange sends a status change or a deletion; it never repeats.
func (c *Client) efaturaChange(ctx context.Context, op string, req any) (EFaturaReceipt, error) {
	body, err := xml.Marshal(req)
	if err != nil {
		return EFaturaReceipt{}, fmt.Errorf("atclient: %s: encoding the request: %w", op, err)
	}
	rec, err := c.efaturaCall(ctx, op, body)
	if err != nil && uncertain(err) {
		return EFaturaReceipt{}, fmt.Errorf("%w: %w", ErrOutcomeUnknown, err)
	}
	return rec, err
}

// efaturaCall is one exchange.
func (c *Client) efaturaCall(ctx context.Context, op string, body []byte) (EFaturaReceipt, error) {
	if c.endpoints.EFatura == "" {
		return EFaturaReceipt{}, fmt.Errorf("atclient: %s: no e-Fatura endpoint (Endpoints.EFatura)", op)
	}
	status, data, err := c.t.call(ctx, c.endpoints.EFatura, op, body)
	if err != nil {
		return EFaturaReceipt{}, err
	}
	return decodeEFaturaAnswer(op, status, data)
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

func decodeEFaturaAnswer(op string, status int, data []byte) (EFaturaReceipt, error) {
	dec, start, err := openBody(op, status, data)
	if err != nil {
		var fe *FaultError
		if errors.As(err, &fe) && fe.AuthCode != 0 {
			// The manual's authentication code, delivered in a fault's
			// detail rather than in CodigoResposta.
			return EFaturaReceipt{}, &EFaturaError{Operation: op, Code: EFaturaCode(fe.AuthCode), Message: fe.AuthMessage, Fault: fe}
		}
		return EFaturaReceipt{}, err
	}
	malformed := func(format string, args ...any) error {
		return &MalformedResponseError{Operation: op, Reason: fmt.Sprintf(format, args...)}
	}
	if start.Name.Space != nsEFatura || start.Name.Local != op+"Response" {
		return EFaturaReceipt{}, malformed("answer element {%s}%s, want {%s}%sResponse", clip(start.Name.Space), clip(start.Name.Local), nsEFatura, op)
	}
	var r wireResponse
	if err := dec.DecodeElement(&r, &start); err != nil {
		return EFaturaReceipt{}, malformed("not XML: %s", clip(err.Error()))
	}
	if r.Code == nil && r.BareCode != nil {
		r.Code, r.Message, r.Date = r.BareCode, r.BareMessage, r.BareDate
	}
	if r.Code == nil {
		return EFaturaReceipt{}, malformed("no Response/CodigoResposta")
	}
	n, err := strconv.ParseInt(strings.TrimSpace(*r.Code), 10, 32)
	if err != nil {
		return EFaturaReceipt{}, malformed("CodigoResposta %q is not an integer", clip(*r.Code))
	}
	rec := EFaturaReceipt{Operation: op}
	if r.Message != nil {
		rec.Message = clip(strings.TrimSpace(*r.Message))
	}
	if r.Date != nil {
		rec.OperationTime = clip(strings.TrimSpace(*r.Date))
	}
	if code := EFaturaCode(n); code != EFaturaOK {
		return EFaturaReceipt{}, &EFaturaError{Operation: op, Code: code, Message: rec.Message}
	}
	return rec, nil
}
