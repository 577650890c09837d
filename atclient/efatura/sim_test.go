package efatura

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/attesttest"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/saft"
)

// Tests of every e-Fatura operation and code against the simulator.

type efSim struct {
	srv    *attest.Server
	client *Client
}

func simIssuer() Issuer {
	return Issuer{TaxRegistrationNumber: attest.DefaultNIF, TaxEntity: "Global", SoftwareCertificateNumber: 0}
}

// newEFSim starts a simulator and an e-Fatura client of it for the
// default user.
func newEFSim(t *testing.T, simOpts []attest.Option, opts ...Option) *efSim {
	t.Helper()
	srv := attesttest.Start(t, simOpts...)
	return &efSim{srv: srv, client: efClient(t, srv, attest.DefaultPassword, nil, opts...)}
}

// efClient is an e-Fatura client of srv with the issuer of the
// simulator's user.
func efClient(t *testing.T, srv *attest.Server, password string, atOpts []atclient.Option, opts ...Option) *Client {
	t.Helper()
	c, err := New(attesttest.ClientAs(t, srv, attest.DefaultNIF, attest.DefaultSubUser, password, atOpts...), append([]Option{WithIssuer(simIssuer())}, opts...)...)
	require.NoError(t, err)
	return c
}

func testCtx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

// The manual's documents, issued by the simulator's user.
func simInvoice() Invoice { return manualInvoice() }

func efCode(t *testing.T, err error) ResponseCode {
	t.Helper()
	var ee *Error
	require.True(t, errors.As(err, &ee), "want an *Error, got %v", err)
	return ee.Code
}

func TestEFaturaInvoiceLifeCycle(t *testing.T) {
	e := newEFSim(t, nil)
	ctx := testCtx(t)
	rec, err := e.client.RegisterInvoice(ctx, simInvoice())
	require.NoError(t, err)
	assert.Equal(t, OpRegisterInvoice, rec.Operation)
	assert.False(t, rec.Reconciled)
	assert.NotEmpty(t, rec.OperationTime)
	docs := e.srv.EFaturaDocuments(attest.DefaultNIF)
	require.Len(t, docs, 1)
	assert.Equal(t, "FT 1/1", docs[0].Number)
	assert.Equal(t, "N", docs[0].Status)

	_, err = e.client.ChangeInvoiceStatus(ctx, cancelledInvoice())
	require.NoError(t, err)
	assert.Equal(t, "A", e.srv.EFaturaDocuments(attest.DefaultNIF)[0].Status)

	_, err = e.client.DeleteInvoice(ctx, []Invoice{simInvoice()}, nil, "Erro na comunicação")
	require.NoError(t, err)
	assert.True(t, e.srv.EFaturaDocuments(attest.DefaultNIF)[0].Deleted)
	for _, op := range []Operation{OpRegisterInvoice, OpChangeInvoiceStatus, OpDeleteInvoice} {
		assert.Equal(t, 1, e.srv.Calls(string(op)), op)
	}
}

func TestEFaturaWorkLifeCycle(t *testing.T) {
	e := newEFSim(t, nil)
	ctx := testCtx(t)
	_, err := e.client.RegisterWork(ctx, manualWork())
	require.NoError(t, err)
	_, err = e.client.ChangeWorkStatus(ctx, cancelledWork())
	require.NoError(t, err)
	// A cancelled working document cannot return to N (-37).
	back := manualWork()
	back.Work.DocumentStatus.WorkStatusDate = civil.DateTime{Date: civil.Date{Year: 2021, Month: time.January, Day: 3}, Hour: 0, Minute: 0, Second: 0}
	_, err = e.client.ChangeWorkStatus(ctx, back)
	assert.Equal(t, CodeWorkStatusChangeForbidden, efCode(t, err))
	_, err = e.client.DeleteWork(ctx, nil, &DateRange{Start: manualDate, End: manualDate}, "Erro na comunicação")
	require.NoError(t, err)
	docs := e.srv.EFaturaDocuments(attest.DefaultNIF)
	require.Len(t, docs, 1)
	assert.Equal(t, "Work", docs[0].Kind)
	assert.True(t, docs[0].Deleted)
}

func TestEFaturaPaymentLifeCycle(t *testing.T) {
	e := newEFSim(t, nil)
	ctx := testCtx(t)
	_, err := e.client.RegisterPayment(ctx, manualPayment())
	require.NoError(t, err)
	_, err = e.client.ChangePaymentStatus(ctx, cancelledPayment())
	require.NoError(t, err)
	_, err = e.client.DeletePayment(ctx, []Payment{manualPayment()}, nil, "Erro na comunicação")
	require.NoError(t, err)
	docs := e.srv.EFaturaDocuments(attest.DefaultNIF)
	require.Len(t, docs, 1)
	assert.Equal(t, "A", docs[0].Status)
	assert.True(t, docs[0].Deleted)
}

// TestEFaturaDocumentCodes drives the simulator to each document code it
// gives and checks the typed error and its meaning.
func TestEFaturaDocumentCodes(t *testing.T) {
	future := civil.DateOf(attesttest.Now.AddDate(0, 0, 3))
	tests := []struct {
		name string
		prep func(*testing.T, *efSim)
		call func(*efSim) error
		op   Operation
		code ResponseCode
	}{
		{"duplicate invoice", registerFirst, func(e *efSim) error { _, err := e.client.RegisterInvoice(testCtxBG(), simInvoice()); return err },
			OpRegisterInvoice, CodeInvoiceAlreadyRegistered},
		{"invoice with other values", registerFirst, func(e *efSim) error {
			d := simInvoice()
			d.Invoice.DocumentTotals.GrossTotal, d.Invoice.DocumentTotals.TaxPayable = dec("246.00"), dec("146.00")
			_, err := e.client.RegisterInvoice(testCtxBG(), d)
			return err
		}, OpRegisterInvoice, CodeInvoiceDifferentValues},
		{"invoice date in the future", nil, func(e *efSim) error {
			d := simInvoice()
			d.Invoice.InvoiceDate = future
			_, err := e.client.RegisterInvoice(testCtxBG(), d)
			return err
		}, OpRegisterInvoice, -4},
		{"anomalous totals", nil, func(e *efSim) error {
			d := simInvoice()
			d.Invoice.DocumentTotals.GrossTotal = dec("999.00")
			_, err := e.client.RegisterInvoice(testCtxBG(), d)
			return err
		}, OpRegisterInvoice, -7},
		{"unknown exemption code", nil, func(e *efSim) error {
			d := simInvoice()
			d.Invoice.Line[0].Tax = &saft.Tax{TaxType: "IVA", TaxCountryRegion: "PT", TaxCode: "ISE", TaxPercentage: decp("0")}
			d.Invoice.Line[0].TaxExemptionCode = "M98"
			d.Invoice.DocumentTotals.TaxPayable, d.Invoice.DocumentTotals.GrossTotal = dec("0"), dec("100")
			_, err := e.client.RegisterInvoice(testCtxBG(), d)
			return err
		}, OpRegisterInvoice, -8},
		{"issuer of another NIF", nil, func(e *efSim) error {
			c := efClient(t, e.srv, attest.DefaultPassword, nil, WithIssuer(Issuer{TaxRegistrationNumber: "503504564", TaxEntity: "Global"}))
			_, err := c.RegisterInvoice(testCtxBG(), simInvoice())
			return err
		}, OpRegisterInvoice, CodeNoPermissionForIssuer},
		{"issuer NIF with a wrong check digit", nil, func(e *efSim) error {
			c := efClient(t, e.srv, attest.DefaultPassword, nil, WithIssuer(Issuer{TaxRegistrationNumber: "599999990", TaxEntity: "Global"}))
			_, err := c.RegisterInvoice(testCtxBG(), simInvoice())
			return err
		}, OpRegisterInvoice, CodeInvalidIssuerNIF},
		{"status of an unknown invoice", nil, func(e *efSim) error {
			_, err := e.client.ChangeInvoiceStatus(testCtxBG(), cancelledInvoice())
			return err
		},
			OpChangeInvoiceStatus, CodeInvoiceNotFound},
		{"status date before the last one", registerFirst, func(e *efSim) error {
			d := cancelledInvoice()
			d.Invoice.DocumentStatus.InvoiceStatusDate = civil.DateTime{Date: civil.Date{Year: 2020, Month: time.December, Day: 31}, Hour: 0, Minute: 0, Second: 0}
			_, err := e.client.ChangeInvoiceStatus(testCtxBG(), d)
			return err
		}, OpChangeInvoiceStatus, CodeInvoiceStatusInvalid},
		{"delete an unknown invoice", nil, func(e *efSim) error {
			_, err := e.client.DeleteInvoice(testCtxBG(), []Invoice{simInvoice()}, nil, "Erro na comunicação")
			return err
		}, OpDeleteInvoice, CodeDeleteDocumentNotFound},
		{"delete a range over two years", nil, func(e *efSim) error {
			_, err := e.client.DeleteInvoice(testCtxBG(), nil, &DateRange{Start: manualDate, End: manualDate.AddDays(400)}, "Erro na comunicação")
			return err
		}, OpDeleteInvoice, CodeDeleteSeveralYears},
		{"duplicate work", func(t *testing.T, e *efSim) {
			_, err := e.client.RegisterWork(testCtx(t), manualWork())
			require.NoError(t, err)
		}, func(e *efSim) error { _, err := e.client.RegisterWork(testCtxBG(), manualWork()); return err }, OpRegisterWork, CodeWorkAlreadyRegistered},
		{"work dated in the future", nil, func(e *efSim) error {
			d := manualWork()
			d.Work.WorkDate = future
			_, err := e.client.RegisterWork(testCtxBG(), d)
			return err
		}, OpRegisterWork, -21},
		{"status of an unknown work document", nil, func(e *efSim) error { _, err := e.client.ChangeWorkStatus(testCtxBG(), cancelledWork()); return err },
			OpChangeWorkStatus, CodeWorkNotFound},
		{"duplicate payment", func(t *testing.T, e *efSim) {
			_, err := e.client.RegisterPayment(testCtx(t), manualPayment())
			require.NoError(t, err)
		}, func(e *efSim) error { _, err := e.client.RegisterPayment(testCtxBG(), manualPayment()); return err }, OpRegisterPayment, CodePaymentAlreadyRegistered},
		{"payment with anomalous totals", nil, func(e *efSim) error {
			d := manualPayment()
			d.Payment.DocumentTotals.NetTotal = dec("1")
			_, err := e.client.RegisterPayment(testCtxBG(), d)
			return err
		}, OpRegisterPayment, -23},
		{"payment status in the future", func(t *testing.T, e *efSim) {
			_, err := e.client.RegisterPayment(testCtx(t), manualPayment())
			require.NoError(t, err)
		}, func(e *efSim) error {
			d := cancelledPayment()
			d.Payment.DocumentStatus.PaymentStatusDate = civil.DateTimeOf(attesttest.Now.AddDate(0, 0, 3))
			_, err := e.client.ChangePaymentStatus(testCtxBG(), d)
			return err
		}, OpChangePaymentStatus, -27},
		{"status of an unknown payment", nil, func(e *efSim) error {
			_, err := e.client.ChangePaymentStatus(testCtxBG(), cancelledPayment())
			return err
		}, OpChangePaymentStatus, CodePaymentNotFound},
		{"delete an unknown payment", nil, func(e *efSim) error {
			_, err := e.client.DeletePayment(testCtxBG(), []Payment{manualPayment()}, nil, "Erro na comunicação")
			return err
		}, OpDeletePayment, CodeDeleteDocumentNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newEFSim(t, nil)
			if tc.prep != nil {
				tc.prep(t, e)
			}
			err := tc.call(e)
			require.Error(t, err)
			var ee *Error
			require.True(t, errors.As(err, &ee), "%v", err)
			assert.Equal(t, tc.op, ee.Operation)
			assert.Equal(t, tc.code, ee.Code, "%v", err)
			assert.True(t, ee.Code.Known(tc.op), "code %d is in the manual's list for %s", ee.Code, tc.op)
			assert.Contains(t, err.Error(), ee.Code.Meaning(tc.op))
			assert.NotErrorIs(t, err, ErrAuthentication)
			// An e-Fatura code is not a series return code.
			var re *atclient.ResultError
			assert.False(t, errors.As(err, &re))
		})
	}
}

func registerFirst(t *testing.T, e *efSim) {
	t.Helper()
	_, err := e.client.RegisterInvoice(testCtx(t), simInvoice())
	require.NoError(t, err)
}

// TestEFaturaAuthenticationCodes: the simulator answers a refused header
// with the manual's authentication codes, which the client reports as
// ErrAuthentication.
func TestEFaturaAuthenticationCodes(t *testing.T) {
	t.Run("wrong password", func(t *testing.T) {
		e := newEFSim(t, nil)
		c := efClient(t, e.srv, "not-the-password", nil)
		_, err := c.RegisterInvoice(testCtx(t), simInvoice())
		assert.Equal(t, CodePasswordRejected, efCode(t, err))
		assert.ErrorIs(t, err, ErrAuthentication)
		assert.NotContains(t, err.Error(), "not-the-password")
		assert.Empty(t, e.srv.EFaturaDocuments(attest.DefaultNIF))
	})
	t.Run("clock off", func(t *testing.T) {
		e := newEFSim(t, nil)
		c := efClient(t, e.srv, attest.DefaultPassword, []atclient.Option{atclient.WithClock(func() time.Time { return attesttest.Now.Add(-time.Hour) })})
		_, err := c.RegisterInvoice(testCtx(t), simInvoice())
		assert.Equal(t, CodeCredentialExpired, efCode(t, err))
		assert.ErrorIs(t, err, ErrAuthentication)
	})
	t.Run("wrong AT key", func(t *testing.T) {
		e := newEFSim(t, nil)
		priv, err := rsa.GenerateKey(rand.Reader, 1024)
		require.NoError(t, err)
		key, err := atclient.NewATKey(&priv.PublicKey, time.Time{})
		require.NoError(t, err)
		c := efClient(t, e.srv, attest.DefaultPassword, []atclient.Option{atclient.WithATKey(key)})
		_, err = c.RegisterInvoice(testCtx(t), simInvoice())
		assert.Equal(t, CodeInvalidPublicKeyCipher, efCode(t, err))
	})
}

// TestEFaturaLostAnswers: a register whose answer is lost is repeated once
// and reconciled; nothing else is repeated.
func TestEFaturaLostAnswers(t *testing.T) {
	t.Run("applied, then the connection dropped", func(t *testing.T) {
		e := newEFSim(t, nil)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpRegisterInvoice), AfterProcessing: true})
		rec, err := e.client.RegisterInvoice(testCtx(t), simInvoice())
		require.NoError(t, err)
		assert.True(t, rec.Reconciled)
		assert.Equal(t, 2, e.srv.Calls(string(OpRegisterInvoice)))
		assert.Len(t, e.srv.EFaturaDocuments(attest.DefaultNIF), 1)
	})
	t.Run("not applied, connection dropped", func(t *testing.T) {
		e := newEFSim(t, nil)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpRegisterPayment)})
		rec, err := e.client.RegisterPayment(testCtx(t), manualPayment())
		require.NoError(t, err)
		assert.False(t, rec.Reconciled)
		assert.Len(t, e.srv.EFaturaDocuments(attest.DefaultNIF), 1)
	})
	t.Run("timeout after processing", func(t *testing.T) {
		e := newEFSim(t, nil)
		e.client = efClient(t, e.srv, attest.DefaultPassword, []atclient.Option{atclient.WithRequestTimeout(1500 * time.Millisecond)})
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultDelay, Delay: 4 * time.Second, Operation: string(OpRegisterWork), AfterProcessing: true})
		rec, err := e.client.RegisterWork(testCtx(t), manualWork())
		require.NoError(t, err)
		// The client repeats the request once. Normally the repeat finds
		// the document registered (rec.Reconciled); on a machine so loaded
		// that the first request is still queued when the client gives up,
		// the repeat registers it and the late first one is refused as a
		// duplicate. Either way the document is registered once.
		assert.Equal(t, 2, e.srv.Calls(string(OpRegisterWork)), "%+v", rec)
		assert.Len(t, e.srv.EFaturaDocuments(attest.DefaultNIF), 1)
	})
	t.Run("garbled answer after processing", func(t *testing.T) {
		e := newEFSim(t, nil)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultMalformed, Operation: string(OpRegisterInvoice), AfterProcessing: true})
		rec, err := e.client.RegisterInvoice(testCtx(t), simInvoice())
		require.NoError(t, err)
		assert.True(t, rec.Reconciled)
	})
	t.Run("lost answer, another document of that number", func(t *testing.T) {
		e := newEFSim(t, nil)
		registerFirst(t, e)
		other := simInvoice()
		other.Invoice.DocumentTotals.NetTotal, other.Invoice.DocumentTotals.TaxPayable = dec("50.00"), dec("73.00")
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpRegisterInvoice)})
		_, err := e.client.RegisterInvoice(testCtx(t), other)
		require.ErrorIs(t, err, ErrConflict)
		assert.Equal(t, CodeInvoiceDifferentValues, efCode(t, err))
		var te *atclient.TransportError
		assert.True(t, errors.As(err, &te), "the first failure is kept: %v", err)
	})
	t.Run("lost twice", func(t *testing.T) {
		e := newEFSim(t, nil)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpRegisterInvoice), Count: 2})
		_, err := e.client.RegisterInvoice(testCtx(t), simInvoice())
		require.ErrorIs(t, err, atclient.ErrOutcomeUnknown)
		assert.Empty(t, e.srv.EFaturaDocuments(attest.DefaultNIF))
		// Sending it again later is safe.
		_, err = e.client.RegisterInvoice(testCtx(t), simInvoice())
		require.NoError(t, err)
	})
	t.Run("system error is not repeated", func(t *testing.T) {
		e := newEFSim(t, nil)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultTechnicalError, Operation: string(OpRegisterInvoice)})
		_, err := e.client.RegisterInvoice(testCtx(t), simInvoice())
		require.ErrorIs(t, err, ErrTryLater)
		assert.Equal(t, CodeSystemError, efCode(t, err))
		assert.Len(t, e.srv.Received(), 1)
		assert.Equal(t, 1, e.srv.Requests(string(OpRegisterInvoice)))
	})
	t.Run("AT's internal error before processing: sent again", func(t *testing.T) {
		e := newEFSim(t, nil)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultInternalError, Operation: string(OpRegisterInvoice)})
		rec, err := e.client.RegisterInvoice(testCtx(t), simInvoice())
		require.NoError(t, err)
		assert.False(t, rec.Reconciled)
		assert.Equal(t, 2, e.srv.Requests(string(OpRegisterInvoice)))
		assert.Len(t, e.srv.EFaturaDocuments(attest.DefaultNIF), 1)
	})
	t.Run("AT's internal error after processing: already registered is success", func(t *testing.T) {
		e := newEFSim(t, nil)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultInternalError, Operation: string(OpRegisterWork), AfterProcessing: true})
		rec, err := e.client.RegisterWork(testCtx(t), manualWork())
		require.NoError(t, err)
		assert.True(t, rec.Reconciled)
		assert.Equal(t, 2, e.srv.Calls(string(OpRegisterWork)))
		assert.Len(t, e.srv.EFaturaDocuments(attest.DefaultNIF), 1)
	})
	t.Run("AT's internal error twice: try later", func(t *testing.T) {
		e := newEFSim(t, nil)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultInternalError, Operation: string(OpRegisterInvoice), Count: 2})
		_, err := e.client.RegisterInvoice(testCtx(t), simInvoice())
		require.ErrorIs(t, err, atclient.ErrOutcomeUnknown)
		require.ErrorIs(t, err, ErrTryLater)
		var fe *atclient.FaultError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "env:Receiver", fe.Code)
		assert.Equal(t, 500, fe.HTTPStatus)
		assert.Equal(t, 2, e.srv.Requests(string(OpRegisterInvoice)))
	})
	t.Run("AT's internal error on a status change: not repeated, try later", func(t *testing.T) {
		e := newEFSim(t, nil)
		registerFirst(t, e)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultInternalError, Operation: string(OpChangeInvoiceStatus)})
		_, err := e.client.ChangeInvoiceStatus(testCtx(t), cancelledInvoice())
		require.ErrorIs(t, err, atclient.ErrOutcomeUnknown)
		require.ErrorIs(t, err, ErrTryLater)
		assert.Equal(t, 1, e.srv.Requests(string(OpChangeInvoiceStatus)))
	})
	t.Run("a refusal of the credentials is not repeated", func(t *testing.T) {
		e := newEFSim(t, nil)
		c := efClient(t, e.srv, "wrong password", nil)
		_, err := c.RegisterInvoice(testCtx(t), simInvoice())
		require.ErrorIs(t, err, ErrAuthentication)
		assert.NotErrorIs(t, err, ErrTryLater)
		assert.Len(t, e.srv.Received(), 1)
	})
	t.Run("status change is never repeated", func(t *testing.T) {
		e := newEFSim(t, nil)
		registerFirst(t, e)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpChangeInvoiceStatus), AfterProcessing: true})
		_, err := e.client.ChangeInvoiceStatus(testCtx(t), cancelledInvoice())
		require.ErrorIs(t, err, atclient.ErrOutcomeUnknown)
		assert.Equal(t, 1, e.srv.Calls(string(OpChangeInvoiceStatus)))
	})
	t.Run("deletion is never repeated", func(t *testing.T) {
		e := newEFSim(t, nil)
		e.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, Operation: string(OpDeleteInvoice)})
		_, err := e.client.DeleteInvoice(testCtx(t), []Invoice{simInvoice()}, nil, "Erro na comunicação")
		require.ErrorIs(t, err, atclient.ErrOutcomeUnknown)
		assert.Len(t, e.srv.Received(), 1)
		assert.Equal(t, 1, e.srv.Requests(string(OpDeleteInvoice)))
	})
}

// TestEFaturaReportingMethod: in a year the company reports by SAF-T file,
// the client refuses before sending anything.
func TestEFaturaReportingMethod(t *testing.T) {
	choices := reporting.Choices{{Year: 2021, Method: reporting.MethodSAFT}, {Year: 2022, Method: reporting.MethodWebService}}
	e := newEFSim(t, nil, WithReportingMethod(choices))
	ctx := testCtx(t)
	calls := []func() error{
		func() error { _, err := e.client.RegisterInvoice(ctx, simInvoice()); return err },
		func() error { _, err := e.client.ChangeInvoiceStatus(ctx, cancelledInvoice()); return err },
		func() error {
			_, err := e.client.DeleteInvoice(ctx, []Invoice{simInvoice()}, nil, "Erro na comunicação")
			return err
		},
		func() error { _, err := e.client.RegisterWork(ctx, manualWork()); return err },
		func() error { _, err := e.client.ChangeWorkStatus(ctx, cancelledWork()); return err },
		func() error {
			_, err := e.client.DeleteWork(ctx, nil, &DateRange{Start: manualDate, End: manualDate}, "Erro na comunicação")
			return err
		},
		func() error { _, err := e.client.RegisterPayment(ctx, manualPayment()); return err },
		func() error { _, err := e.client.ChangePaymentStatus(ctx, cancelledPayment()); return err },
		func() error {
			_, err := e.client.DeletePayment(ctx, []Payment{manualPayment()}, nil, "Erro na comunicação")
			return err
		},
	}
	for i, call := range calls {
		err := call()
		require.ErrorIs(t, err, reporting.ErrOtherMethod, "call %d", i)
		var me *reporting.MethodError
		require.True(t, errors.As(err, &me))
		assert.Equal(t, reporting.MethodError{Year: 2021, Chosen: reporting.MethodSAFT, Attempted: reporting.MethodWebService}, *me)
	}
	assert.Empty(t, e.srv.Received(), "nothing sent")

	// 2022 is a web-service year; 2023 is not recorded.
	d := simInvoice()
	d.Invoice.InvoiceDate = civil.Date{Year: 2022, Month: time.March, Day: 1}
	d.Invoice.Line[0].TaxPointDate = d.Invoice.InvoiceDate
	_, err := e.client.RegisterInvoice(ctx, d)
	require.NoError(t, err)
	d.Invoice.InvoiceDate = civil.Date{Year: 2023, Month: time.March, Day: 1}
	_, err = e.client.RegisterInvoice(ctx, d)
	require.ErrorIs(t, err, reporting.ErrNoChoice)
	assert.Len(t, e.srv.Received(), 1)
}

// testCtxBG is a bounded context for calls made inside table functions.
func testCtxBG() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	_ = cancel // released by the timeout; tests are short
	return ctx
}
