package efatura

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/internal/atanswers"
)

// TestEFaturaCodeTable checks the code table against the manual's lists
// (§2.2.4): every operation knows the authentication codes and its own
// document codes, and codes of one operation are not claimed by another.
func TestEFaturaCodeTable(t *testing.T) {
	auth := []ResponseCode{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 33, 99}
	perOp := map[Operation][]ResponseCode{
		OpRegisterInvoice:     {-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -16, -17, -28, -39, -50, -97, -99},
		OpChangeInvoiceStatus: {-11, -12, -16, -17, -31, -97, -99},
		OpDeleteInvoice:       {400, 401, 474, 475, 477, 478, 479, 480, 481, 482, 483, 484, 485, 486, 489, 490, 491, -14, -15, -17, -34, -99},
		OpRegisterWork:        {-16, -17, -20, -21, -22, -29, -45, -51, -99},
		OpChangeWorkStatus:    {-16, -17, -18, -19, -26, -32, -37, -43, -99},
		OpDeleteWork:          {400, 401, 474, 475, 477, 478, 479, 480, 481, 482, 483, 484, 485, 486, 489, 490, 491, -16, -17, -35, -99},
		OpRegisterPayment:     {-16, -17, -23, -24, -25, -30, -99},
		OpChangePaymentStatus: {-16, -17, -26, -27, -33, -38, -99},
		OpDeletePayment:       {400, 401, 474, 475, 477, 478, 479, 480, 481, 482, 483, 484, 485, 486, 489, 490, 491, -16, -17, -36, -99},
	}
	require.Len(t, perOp, 9)
	for _, op := range Operation("").Values() {
		for _, c := range auth {
			assert.True(t, c.Known(op), "%s %d", op, c)
			assert.True(t, c.Authentication(), "%d", c)
			assert.NotEmpty(t, c.MeaningEN(op))
		}
		for _, c := range perOp[op] {
			assert.True(t, c.Known(op), "%s %d", op, c)
			assert.False(t, c.Authentication(), "%d", c)
			assert.NotEmpty(t, c.Meaning(op), "%s %d", op, c)
			assert.NotEmpty(t, c.MeaningEN(op), "%s %d", op, c)
		}
		// Exactly those: nothing else from -99 to 500.
		for c := ResponseCode(-99); c <= 500; c++ {
			want := c == 0 || contains(auth, c) || contains(perOp[op], c)
			assert.Equal(t, want, c.Known(op), "%s %d", op, c)
		}
	}
	assert.False(t, CodeOK.Authentication())
	assert.True(t, CodeSystemError.Temporary())
	assert.True(t, CodeInternalError.Temporary())
	assert.False(t, CodeInvoiceDifferentValues.Temporary())
	// The same number, different meanings in different operations.
	assert.Equal(t, "Estado de documento inválido", ResponseCode(-12).Meaning(OpChangeInvoiceStatus))
	assert.Empty(t, ResponseCode(-12).Meaning(OpRegisterWork))
}

func contains(s []ResponseCode, c ResponseCode) bool {
	for _, x := range s {
		if x == c {
			return true
		}
	}
	return false
}

func TestEFaturaErrorText(t *testing.T) {
	err := error(&Error{Operation: OpRegisterInvoice, Code: -3, Message: "Documento já registado"})
	assert.Equal(t, "efatura: RegisterInvoice: AT answered -3 (Documento registado com valores diferentes — document already registered with different values): Documento já registado", err.Error())
	assert.NotErrorIs(t, err, ErrAuthentication)
	auth := error(&Error{Operation: OpDeletePayment, Code: 99})
	assert.ErrorIs(t, auth, ErrAuthentication)
	assert.Contains(t, auth.Error(), "Senha errada")
	unknown := &Error{Operation: OpRegisterWork, Code: -77, Message: "x"}
	assert.Equal(t, "efatura: RegisterWork: AT answered -77: x", unknown.Error())
	var re *atclient.ResultError
	assert.False(t, errors.As(error(unknown), &re), "an e-Fatura code is not a series return code")

	// A refusal of the document, as book.Communicate reads it.
	var refused interface{ Refused() bool }
	require.True(t, errors.As(err, &refused))
	assert.True(t, refused.Refused(), "-3: the document is refused")
	assert.False(t, auth.(*Error).Refused(), "99: the header is refused, not the document")
	assert.False(t, (&Error{Operation: OpRegisterInvoice, Code: CodeSystemError}).Refused(), "-99: AT failed, try again")
}

// TestDecodeEFaturaAnswer covers the answer parser's outcomes.
func TestDecodeEFaturaAnswer(t *testing.T) {
	env := func(body string) []byte {
		return []byte(`<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>` + body + `</S:Body></S:Envelope>`)
	}
	resp := func(op Operation, code string) string {
		return `<ns2:` + string(op) + `Response xmlns:ns2="` + ns + `"><ns2:Response><ns2:CodigoResposta>` + code +
			`</ns2:CodigoResposta><ns2:Mensagem>m</ns2:Mensagem><ns2:DataOperacao>2026-01-01T10:00:00</ns2:DataOperacao></ns2:Response></ns2:` + string(op) + `Response>`
	}
	rec, err := decodeAnswer(OpRegisterInvoice, 200, env(resp(OpRegisterInvoice, "0")))
	require.NoError(t, err)
	assert.Equal(t, Receipt{Operation: OpRegisterInvoice, Message: "m", OperationTime: "2026-01-01T10:00:00"}, rec)

	_, err = decodeAnswer(OpRegisterInvoice, 200, env(resp(OpRegisterInvoice, " -10 ")))
	assert.Equal(t, CodeInvoiceAlreadyRegistered, efCode(t, err))

	// Without the WSDL's Response wrapper, as some published clients expect
	// AT to answer (default namespace, children qualified by it).
	bare := func(code string) []byte {
		return env(`<RegisterInvoiceResponse xmlns="` + ns + `"><CodigoResposta>` + code +
			`</CodigoResposta><Mensagem>m</Mensagem><DataOperacao>2026-01-01T10:00:00</DataOperacao></RegisterInvoiceResponse>`)
	}
	rec, err = decodeAnswer(OpRegisterInvoice, 200, bare("0"))
	require.NoError(t, err)
	assert.Equal(t, Receipt{Operation: OpRegisterInvoice, Message: "m", OperationTime: "2026-01-01T10:00:00"}, rec)
	_, err = decodeAnswer(OpRegisterInvoice, 200, bare("-3"))
	assert.Equal(t, CodeInvoiceDifferentValues, efCode(t, err))

	for name, body := range map[string][]byte{
		"other operation":  env(resp(OpRegisterWork, "0")),
		"no code":          env(`<ns2:RegisterInvoiceResponse xmlns:ns2="` + ns + `"><ns2:Response/></ns2:RegisterInvoiceResponse>`),
		"code not integer": env(resp(OpRegisterInvoice, "zero")),
		"not XML":          []byte("<html>"),
		"wrong namespace":  env(`<RegisterInvoiceResponse><Response><CodigoResposta>0</CodigoResposta></Response></RegisterInvoiceResponse>`),
	} {
		_, err := decodeAnswer(OpRegisterInvoice, 200, body)
		var me *atclient.MalformedResponseError
		assert.True(t, errors.As(err, &me), "%s: %v", name, err)
	}
	_, err = decodeAnswer(OpRegisterInvoice, 502, []byte("Bad gateway"))
	var he *atclient.HTTPError
	assert.True(t, errors.As(err, &he), "%v", err)
}

// FuzzDecodeEFaturaAnswer: the answer parser never panics, and a success is
// only ever read from a CodigoResposta of 0.
func FuzzDecodeEFaturaAnswer(f *testing.F) {
	f.Add(200, []byte(`<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><a:RegisterInvoiceResponse xmlns:a="`+ns+`"><a:Response><a:CodigoResposta>0</a:CodigoResposta><a:Mensagem>ok</a:Mensagem><a:DataOperacao>x</a:DataOperacao></a:Response></a:RegisterInvoiceResponse></S:Body></S:Envelope>`))
	f.Add(200, []byte(`<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><a:RegisterInvoiceResponse xmlns:a="`+ns+`"><a:Response><a:CodigoResposta>-3</a:CodigoResposta></a:Response></a:RegisterInvoiceResponse></S:Body></S:Envelope>`))
	f.Add(500, []byte(`<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault><faultcode>S:Client</faultcode><faultstring>x</faultstring></S:Fault></S:Body></S:Envelope>`))
	f.Add(200, []byte(""))
	for _, s := range []string{atanswers.EFaturaRegistered, atanswers.InternalError, atanswers.AuthenticationFault} {
		f.Add(200, []byte(s))
		f.Add(500, []byte(s))
	}
	f.Fuzz(func(t *testing.T, status int, data []byte) {
		rec, err := decodeAnswer(OpRegisterInvoice, status, data)
		if err != nil {
			return
		}
		if rec.Operation != OpRegisterInvoice {
			t.Fatalf("success without the operation: %+v", rec)
		}
		if !strings.Contains(string(data), "CodigoResposta") {
			t.Fatalf("success without a CodigoResposta in %q", data)
		}
		_ = strconv.Itoa(status)
	})
}

// The manual lists the authentication codes as CodigoResposta values
// (§2.2.4), while AT's servers were seen to send them in a SOAP fault (the
// simulator's way too): both read as the same *Error.
func TestEFaturaAuthenticationCodeInResponse(t *testing.T) {
	answer := `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><RegisterInvoiceResponse xmlns="` + ns + `"><Response>` +
		`<CodigoResposta>99</CodigoResposta><Mensagem>Erro na validação da senha</Mensagem></Response></RegisterInvoiceResponse></S:Body></S:Envelope>`
	_, err := decodeAnswer(OpRegisterInvoice, 200, []byte(answer))
	var ee *Error
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, CodePasswordRejected, ee.Code)
	assert.Nil(t, ee.Fault)
	assert.ErrorIs(t, err, ErrAuthentication)
	var fe *atclient.FaultError
	assert.False(t, errors.As(err, &fe), "no fault was sent")
}
