package transport

import (
	"encoding/xml"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/internal/attesttest"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// Tests against the simulator: registration, AT's refusals, changes and
// cancellations, lost answers.

type sim struct {
	srv    *attest.Server
	client *Client
}

func newSim(t *testing.T, simOpts []attest.Option, atOpts []atclient.Option, opts ...Option) *sim {
	t.Helper()
	srv := attesttest.Start(t, simOpts...)
	at := attesttest.ClientAs(t, srv, attest.DefaultNIF, attest.DefaultSubUser, attest.DefaultPassword, atOpts...)
	c, err := New(at, testSender(), append([]Option{WithClock(now)}, opts...)...)
	require.NoError(t, err)
	return &sim{srv: srv, client: c}
}

func TestCommunicate(t *testing.T) {
	s := newSim(t, nil, nil)
	rec, err := s.client.Communicate(testCtx(t), testDocument())
	require.NoError(t, err)
	assert.NotEmpty(t, rec.ATDocCodeID)
	assert.Equal(t, "GT GT2026/1", rec.DocumentNumber)
	assert.Equal(t, "CSDF7T5H-1", rec.ATCUD)
	assert.False(t, rec.Reconciled)
	assert.False(t, rec.MereCommunication())
	require.Len(t, rec.Statuses, 1)
	assert.Equal(t, CodeOK, rec.Statuses[0].Code)
	docs := s.srv.TransportDocuments(attest.DefaultNIF)
	require.Len(t, docs, 1)
	assert.Equal(t, rec.ATDocCodeID, docs[0].ATDocCodeID)
	assert.Equal(t, "123456789", docs[0].Recipient)
	assert.Equal(t, "AA-00-BB", docs[0].VehicleID)
	assert.Equal(t, 2, docs[0].Lines)

	// The same number again: -3, which matches ErrAlreadyRegistered.
	_, err = s.client.Communicate(testCtx(t), testDocument())
	assert.Equal(t, CodeAlreadyRegistered, code(t, err))
	assert.ErrorIs(t, err, ErrAlreadyRegistered)
	assert.False(t, atclient.Uncertain(err))

	// Another number with the same ATCUD: -24.
	d := numbered(2)
	d.Movement.ATCUD = "CSDF7T5H-1"
	d.Movement.DocumentNumber = "GT GT2027/1"
	_, err = s.client.Communicate(testCtx(t), d)
	assert.Equal(t, CodeATCUDUsed, code(t, err))
	assert.True(t, CodeATCUDUsed.ATCUD())

	// A change of the coded document: the vehicle; then its cancellation.
	d = testDocument()
	d.Movement.ATDocCodeID = rec.ATDocCodeID
	d.VehicleID = "11-AA-22"
	_, err = s.client.Communicate(testCtx(t), d)
	require.NoError(t, err)
	assert.Equal(t, "11-AA-22", s.srv.TransportDocuments(attest.DefaultNIF)[0].VehicleID)
	d.Movement.DocumentStatus.MovementStatus = saft.MovementStatusCancelled
	_, err = s.client.Communicate(testCtx(t), d)
	require.NoError(t, err)
	assert.Equal(t, "A", s.srv.TransportDocuments(attest.DefaultNIF)[0].Status)
	_, err = s.client.Communicate(testCtx(t), d)
	assert.Equal(t, CodeAlreadyCancelled, code(t, err))
}

// TestChangesRefused: AT's codes for a change of a coded document.
func TestChangesRefused(t *testing.T) {
	s := newSim(t, nil, nil)
	rec, err := s.client.Communicate(testCtx(t), testDocument())
	require.NoError(t, err)
	tests := []struct {
		name string
		edit func(*Document)
		want ReturnCode
	}{
		{"unknown code", func(d *Document) { d.Movement.ATDocCodeID = "1" }, CodeATDocCodeNotFound},
		{"other number", func(d *Document) { *d = numbered(5); d.Movement.ATDocCodeID = rec.ATDocCodeID }, CodeNumberChanged},
		{"other type", func(d *Document) {
			d.Movement.MovementType = series.DocumentTypeGR
		}, CodeTypeChanged},
		{"other date", func(d *Document) { d.Movement.MovementDate = d.Movement.MovementDate.AddDays(-1) }, CodeDateChanged},
		{"other customer", func(d *Document) { d.Customer.CustomerTaxID = "999999990" }, CodeCustomerChanged},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testDocument()
			d.Movement.ATDocCodeID = rec.ATDocCodeID
			tc.edit(&d)
			_, err := s.client.Communicate(testCtx(t), d)
			assert.Equal(t, tc.want, code(t, err))
		})
	}
}

// TestSimulatorCodes: the refusals of the document the client's rules do
// not foresee, and the answers to requests it would not send.
func TestSimulatorCodes(t *testing.T) {
	t.Run("no activity", func(t *testing.T) {
		s := newSim(t, []attest.Option{attest.WithoutActivity(attest.DefaultNIF)}, nil)
		_, err := s.client.Communicate(testCtx(t), testDocument())
		assert.Equal(t, CodeNoActivity, code(t, err))
	})
	t.Run("sender is not the header's", func(t *testing.T) {
		s := newSim(t, nil, nil)
		s.client.sender.TaxRegistrationNumber = "123456789"
		_, err := s.client.Communicate(testCtx(t), testDocument())
		assert.Equal(t, CodeSenderNotHeaderNIF, code(t, err))
	})
	t.Run("without the WDT profile", func(t *testing.T) {
		s := newSim(t, []attest.Option{attest.WithoutPermission(attest.DefaultNIF, attest.DefaultSubUser)}, nil)
		_, err := s.client.Communicate(testCtx(t), testDocument())
		assert.Equal(t, CodeNoPermission, code(t, err))
		assert.ErrorIs(t, err, ErrAuthentication)
	})
	t.Run("wrong password", func(t *testing.T) {
		srv := attesttest.Start(t)
		at := attesttest.ClientAs(t, srv, attest.DefaultNIF, attest.DefaultSubUser, "wrong")
		c, err := New(at, testSender(), WithClock(now))
		require.NoError(t, err)
		_, err = c.Communicate(testCtx(t), testDocument())
		assert.Equal(t, CodePasswordRejected, code(t, err))
		assert.ErrorIs(t, err, ErrAuthentication)
		var fe *atclient.FaultError
		assert.True(t, errors.As(err, &fe), "the fault stays reachable")
		assert.Zero(t, srv.Calls(attest.TransportOperation))
	})
	t.Run("late: the alert -100", func(t *testing.T) {
		s := newSim(t, nil, nil, WithLateCommunication())
		d := testDocument()
		d.Movement.MovementStartTime = dt("2026-06-01T09:00:00")
		d.Movement.MovementEndTime = nil
		rec, err := s.client.Communicate(testCtx(t), d)
		require.NoError(t, err)
		assert.True(t, rec.MereCommunication())
		assert.NotEmpty(t, rec.ATDocCodeID)
		assert.True(t, s.srv.TransportDocuments(attest.DefaultNIF)[0].MereCommunication)
	})
	raw := func(t *testing.T, s *sim, edit func(*wireRequest)) (Receipt, error) {
		t.Helper()
		r, err := s.client.build(testDocument())
		require.NoError(t, err)
		edit(r)
		b, err := xml.Marshal(r)
		require.NoError(t, err)
		return s.client.call(testCtx(t), b)
	}
	t.Run("no ATCUD: 0 with AT's warning", func(t *testing.T) {
		s := newSim(t, nil, nil)
		rec, err := raw(t, s, func(r *wireRequest) { r.ATCUD = "" })
		require.NoError(t, err)
		require.Len(t, rec.Statuses, 1)
		assert.Equal(t, CodeOK, rec.Statuses[0].Code)
		assert.Contains(t, rec.Statuses[0].Message, "não apresenta um ATCUD válido")
	})
	for _, tc := range []struct {
		name string
		edit func(*wireRequest)
		want ReturnCode
	}{
		{"malformed ATCUD", func(r *wireRequest) { r.ATCUD = "X-1" }, CodeATCUDFormat},
		{"ATCUD of another number", func(r *wireRequest) { r.ATCUD = "CSDF7T5H-9" }, CodeATCUDSequenceMismatch},
		{"document number", func(r *wireRequest) { r.DocumentNumber = "GT1"; r.ATCUD = "" }, CodeATCUDDataFormat},
		{"recipient NIF", func(r *wireRequest) { r.CustomerTaxID = "123456780" }, CodeInvalidRecipientNIF},
		{"status", func(r *wireRequest) { r.MovementStatus = "F" }, CodeInvalidStatus},
		{"too far", func(r *wireRequest) { r.MovementStartTime = "2026-09-02T08:00:00"; r.MovementEndTime = "" }, CodeTooEarly},
		{"too late", func(r *wireRequest) { r.MovementStartTime = "2026-02-28T08:00:00"; r.MovementEndTime = "" }, CodeTooLate},
		{"schema: postal code", func(r *wireRequest) { r.AddressFrom.PostalCode = "1950" }, CodeInvalidParameter},
		{"schema: no lines", func(r *wireRequest) { r.Lines = nil }, CodeInvalidParameter},
		{"schema: both parties", func(r *wireRequest) { r.SupplierTaxID = "999999990" }, CodeInvalidParameter},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSim(t, nil, nil)
			_, err := raw(t, s, tc.edit)
			assert.Equal(t, tc.want, code(t, err))
			assert.Empty(t, s.srv.TransportDocuments(attest.DefaultNIF))
		})
	}
	t.Run("qualified children: a SOAP fault", func(t *testing.T) {
		s := newSim(t, nil, nil)
		body := `<dt:envioDocumentoTransporteRequestElem xmlns:dt="` + ns + `"><dt:TaxRegistrationNumber>599999993</dt:TaxRegistrationNumber></dt:envioDocumentoTransporteRequestElem>`
		_, err := s.client.call(testCtx(t), []byte(body))
		var fe *atclient.FaultError
		require.True(t, errors.As(err, &fe), "%v", err)
		assert.Contains(t, fe.Reason, "unqualified")
	})
}

// TestLostAnswers: a lost answer is settled by one repeat, which AT cannot
// register twice; nothing is ever registered twice.
func TestLostAnswers(t *testing.T) {
	for _, tc := range []struct {
		name       string
		fault      attest.Fault
		reconciled bool
	}{
		{"dropped after processing", attest.Fault{Kind: attest.FaultDrop, AfterProcessing: true}, true},
		{"dropped before processing", attest.Fault{Kind: attest.FaultDrop}, false},
		{"garbled after processing", attest.Fault{Kind: attest.FaultMalformed, AfterProcessing: true}, true},
		{"internal error -99 after processing", attest.Fault{Kind: attest.FaultTechnicalError, AfterProcessing: true}, true},
		{"internal error -99 before processing", attest.Fault{Kind: attest.FaultTechnicalError}, false},
		{"SOAP 1.2 internal error after processing", attest.Fault{Kind: attest.FaultInternalError, AfterProcessing: true}, true},
		{"server fault before processing", attest.Fault{Kind: attest.FaultSOAP}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSim(t, nil, nil)
			f := tc.fault
			f.Operation = attest.TransportOperation
			s.srv.InjectFault(f)
			rec, err := s.client.Communicate(testCtx(t), testDocument())
			require.NoError(t, err)
			assert.Equal(t, tc.reconciled, rec.Reconciled)
			assert.Equal(t, !tc.reconciled, rec.ATDocCodeID != "", "a code only when the answer that gave it arrived")
			assert.Equal(t, 2, s.srv.Requests(attest.TransportOperation))
			assert.Len(t, s.srv.TransportDocuments(attest.DefaultNIF), 1)
		})
	}
	t.Run("timeout after processing", func(t *testing.T) {
		s := newSim(t, nil, []atclient.Option{atclient.WithRequestTimeout(time.Second)})
		s.srv.InjectFault(attest.Fault{Kind: attest.FaultDelay, Delay: 3 * time.Second, Operation: attest.TransportOperation, AfterProcessing: true})
		rec, err := s.client.Communicate(testCtx(t), testDocument())
		require.NoError(t, err)
		// Normally the repeat finds the document (Reconciled); on a
		// machine so loaded that the first request is still queued when
		// the client gives up, the repeat registers it and the late first
		// one is refused -3. Either way: once.
		assert.True(t, rec.Reconciled || rec.ATDocCodeID != "", "%+v", rec)
		assert.Len(t, s.srv.TransportDocuments(attest.DefaultNIF), 1)
	})
	t.Run("cancellation lost", func(t *testing.T) {
		s := newSim(t, nil, nil)
		rec, err := s.client.Communicate(testCtx(t), testDocument())
		require.NoError(t, err)
		d := testDocument()
		d.Movement.ATDocCodeID = rec.ATDocCodeID
		d.Movement.DocumentStatus.MovementStatus = saft.MovementStatusCancelled
		s.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, AfterProcessing: true, Operation: attest.TransportOperation})
		rec, err = s.client.Communicate(testCtx(t), d)
		require.NoError(t, err)
		assert.True(t, rec.Reconciled)
		assert.Equal(t, "A", s.srv.TransportDocuments(attest.DefaultNIF)[0].Status)
	})
	t.Run("lost twice: outcome unknown, then a later call settles it", func(t *testing.T) {
		s := newSim(t, nil, nil)
		s.srv.InjectFault(attest.Fault{Kind: attest.FaultDrop, AfterProcessing: true, Operation: attest.TransportOperation, Count: 2})
		_, err := s.client.Communicate(testCtx(t), testDocument())
		require.ErrorIs(t, err, atclient.ErrOutcomeUnknown)
		assert.Len(t, s.srv.TransportDocuments(attest.DefaultNIF), 1)
		_, err = s.client.Communicate(testCtx(t), testDocument())
		assert.ErrorIs(t, err, ErrAlreadyRegistered)
		assert.Len(t, s.srv.TransportDocuments(attest.DefaultNIF), 1)
	})
	t.Run("refusals are not repeated", func(t *testing.T) {
		s := newSim(t, []attest.Option{attest.WithoutActivity(attest.DefaultNIF)}, nil)
		_, err := s.client.Communicate(testCtx(t), testDocument())
		assert.Equal(t, CodeNoActivity, code(t, err))
		assert.Equal(t, 1, s.srv.Requests(attest.TransportOperation))
	})
	t.Run("invalid documents are not sent", func(t *testing.T) {
		s := newSim(t, nil, nil)
		d := testDocument()
		d.Movement.ATCUD = ""
		_, err := s.client.Communicate(testCtx(t), d)
		assert.ErrorIs(t, err, ErrInvalid)
		assert.Empty(t, s.srv.Received())
	})
}
