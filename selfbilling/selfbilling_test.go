package selfbilling

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

var (
	start = civil.Date{Year: 2026, Month: 6, Day: 1}
	at    = time.Date(2026, time.June, 1, 10, 0, 0, 0, time.UTC)
)

const (
	self     = "599999993" // the communicator (attest's default NIF)
	supplier = "501234560"
)

func valid(t *testing.T) Series {
	t.Helper()
	s, err := New("FORN1", series.DocumentTypeFT, series.NumberOf(1), start, NationalSupplier, supplier)
	require.NoError(t, err)
	return s
}

func TestNewDefaults(t *testing.T) {
	s := valid(t)
	assert.Equal(t, series.SeriesTypeSelfBilling, s.Type)
	assert.Equal(t, series.ProcessingMeansInvoicingProgram, s.ProcessingMeans)
	assert.NoError(t, s.ValidateFor(self))
	// Once registered, a self-billing series numbers documents and makes
	// ATCUDs as any series.
	reg, err := s.Register("AAJFJMVNTN", self, at)
	require.NoError(t, err)
	n, err := reg.DocumentNumber(series.NumberOf(7))
	require.NoError(t, err)
	assert.Equal(t, "FT FORN1/7", n)
}

// Every rule of the self-billing manual, one vector each: the change and the
// violations (path and code) it must cause, all of them.
func TestValidateVectors(t *testing.T) {
	type want struct {
		path string
		code violation.Code
	}
	cases := []struct {
		name   string
		change func(*Series)
		want   []want
	}{
		{"§1.3.2 reserved AT prefix", func(s *Series) { s.ID = "AT1" }, []want{{"ID", CodeReservedID}}},
		{"§1.3.2 reserved at prefix, any case", func(s *Series) { s.ID = "aT-1" }, []want{{"ID", CodeReservedID}}},
		{"§1.3.2 separator at the end", func(s *Series) { s.ID = "A-" }, []want{{"ID", series.CodeSeparatorEdge}}},
		{"§1.3.2 36 characters", func(s *Series) { s.ID = "A23456789012345678901234567890123456" }, []want{{"ID", series.CodeTooLong}}},
		{"§1.3.9 ordinary type", func(s *Series) { s.Type = series.SeriesTypeNormal }, []want{{"Type", CodeSeriesType}}},
		{"§1.3.11 transport guide", func(s *Series) { s.DocumentType = series.DocumentTypeGT }, []want{{"DocumentType", CodeDocumentType}}},
		{"§1.3.11 receipt", func(s *Series) { s.DocumentType = series.DocumentTypeRG }, []want{{"DocumentType", CodeDocumentType}}},
		{"§1.3.12 portal", func(s *Series) { s.ProcessingMeans = series.ProcessingMeansTaxPortal }, []want{{"ProcessingMeans", CodeProcessingMeans}}},
		{"§1.3.14 no partner type", func(s *Series) { s.Partner = "" }, []want{{"Partner", CodeRequired}}},
		{"§1.3.14 unknown partner type", func(s *Series) { s.Partner = "FX" }, []want{{"Partner", CodeUnknownCode}}},
		{"§1.3.4 FN with a bad NIF", func(s *Series) { s.PartnerNIF = "501234561" }, []want{{"PartnerNIF", CodeNIF}}},
		{"§1.3.4 no NIF", func(s *Series) { s.PartnerNIF = "" }, []want{{"PartnerNIF", CodeRequired}}},
		{"WSDL NIF of 31 characters", func(s *Series) {
			s.Partner, s.PartnerNIF = ForeignSupplier, "ES-B1234567890123456789012345678"
		}, []want{{"PartnerNIF", CodeTooLong}}},
		{"country not alpha-2", func(s *Series) { s.Partner, s.Country = ForeignSupplier, "es" }, []want{{"Country", CodeCountry}}},
		{"foreign name of 101 characters", func(s *Series) {
			s.Partner, s.PartnerNIF = ForeignSupplier, "B12345678"
			s.ForeignName = string(make([]byte, 101))
		}, []want{{"ForeignName", CodeTooLong}}},
		{"country for a national supplier", func(s *Series) { s.Country = "ES" }, []want{{"Country", CodeInconsistent}}},
		{"everything at once", func(s *Series) {
			s.ID, s.DocumentType, s.Partner, s.PartnerNIF, s.FirstNumber = "AT", series.DocumentTypeGR, "", "", series.Number{}
		}, []want{{"FirstNumber", series.CodeRequired}, {"ID", CodeReservedID}, {"DocumentType", CodeDocumentType},
			{"Partner", CodeRequired}, {"PartnerNIF", CodeRequired}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := valid(t)
			c.change(&s)
			err := s.Validate()
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalid)
			var ve *violation.Error
			require.ErrorAs(t, err, &ve)
			assert.Len(t, ve.Violations, len(c.want), "%v", ve.Violations)
			for _, w := range c.want {
				assert.True(t, ve.HasAt(w.path, w.code), "want %s %s in %v", w.path, w.code, ve.Violations)
			}
		})
	}
}

func TestPartnerNIFRules(t *testing.T) {
	// §1.3.4: FE is not validated; CE is the communicator's own NIF.
	fe, err := New("E1", series.DocumentTypeFT, series.NumberOf(1), start, ForeignSupplier, "ESB12345678", WithForeignPartner("ES", "Proveedor SL"))
	require.NoError(t, err)
	assert.NoError(t, fe.ValidateFor(self))

	ce, err := New("C1", series.DocumentTypeNC, series.NumberOf(1), start, ForeignCustomer, self, WithForeignPartner("FR", "Client SARL"))
	require.NoError(t, err)
	assert.NoError(t, ce.ValidateFor(self))
	err = ce.ValidateFor("500000000")
	assert.True(t, violation.Has(err, CodeNotCommunicator), "%v", err)

	_, err = New("C2", series.DocumentTypeFT, series.NumberOf(1), start, ForeignCustomer, "FR123")
	assert.True(t, violation.Has(err, CodeNIF), "%v", err)
}

func TestCanRegister(t *testing.T) {
	s := valid(t)
	assert.NoError(t, s.CanRegister(start))
	var te *series.TransitionError
	err := s.CanRegister(start.AddDays(1))
	require.ErrorAs(t, err, &te)
	assert.Equal(t, series.Code4049, te.Code)

	bad := s
	bad.DocumentType = series.DocumentTypeGT
	require.ErrorAs(t, bad.CanRegister(start), &te)
	assert.Equal(t, series.Code4003, te.Code)
	bad.PartnerNIF = ""
	require.ErrorAs(t, bad.CanRegister(start), &te)
	assert.Equal(t, series.Code4002, te.Code)
}

// §1.3.3: cancelled only on the day of registration or the next.
func TestCanCancelWindow(t *testing.T) {
	reg, err := valid(t).Register("AAJFJMVNTN", self, at)
	require.NoError(t, err)
	s := valid(t)
	s.Series = reg
	for _, c := range []struct {
		day  civil.Date
		want error
	}{{start, nil}, {start.AddDays(1), nil}, {start.AddDays(2), ErrCancelTooLate}} {
		err := s.CanCancel(series.CancellationReasonError, true, c.day)
		if c.want == nil {
			assert.NoError(t, err, c.day.String())
			continue
		}
		var te *series.TransitionError
		require.ErrorAs(t, err, &te, c.day.String())
		assert.Equal(t, series.Code4004, te.Code)
		assert.ErrorIs(t, err, c.want)
	}
	err = s.CanCancel(series.CancellationReasonError, false, start)
	assert.ErrorIs(t, err, series.ErrDeclarationMissing)
}

func TestAgreement(t *testing.T) {
	a := Agreement{Partner: NationalSupplier, AcquirerNIF: self, AcquirerName: "Compradora Lda", PartnerNIF: supplier,
		PartnerName: "Fornecedor SA", Status: AgreementActive, From: start, To: start.AddDays(365)}
	require.NoError(t, a.Validate())
	assert.True(t, a.InForce(start))
	assert.True(t, a.InForce(start.AddDays(365)))
	assert.False(t, a.InForce(start.AddDays(-1)))
	assert.False(t, a.InForce(start.AddDays(366)))
	a.To = civil.Date{}
	assert.True(t, a.InForce(start.AddDays(5000)), "open-ended")
	fin := a
	fin.Status = AgreementFinalized
	assert.False(t, fin.InForce(start))

	s := valid(t)
	assert.True(t, a.Covers(s))
	assert.Len(t, InForceFor([]Agreement{a, fin}, s, start), 1)
	other := s
	other.Partner, other.PartnerNIF = ForeignSupplier, supplier
	assert.False(t, a.Covers(other), "the partner type counts")
	assert.True(t, SamePartnerNIF("es b123", "ESB123"))

	bad := Agreement{Partner: "XX", Status: "N", To: civil.Date{Year: 2026, Month: 2, Day: 30}, Country: "Spain"}
	err := bad.Validate()
	for _, c := range []struct {
		path string
		code violation.Code
	}{{"Partner", CodeUnknownCode}, {"PartnerNIF", CodeRequired}, {"AcquirerNIF", CodeRequired}, {"Country", CodeCountry},
		{"Status", CodeUnknownCode}, {"From", CodeRequired}, {"To", CodeFormat}} {
		var ve *violation.Error
		require.ErrorAs(t, err, &ve)
		assert.True(t, ve.HasAt(c.path, c.code), "want %s %s in %v", c.path, c.code, err)
	}
}

func TestEnums(t *testing.T) {
	for _, p := range PartnerType("").Values() {
		assert.True(t, p.Valid())
		assert.Len(t, string(p), 2, "tipoEntidadeAcordoType length 2")
		assert.NotEmpty(t, p.Description())
		assert.NotEmpty(t, p.DescriptionEN())
	}
	assert.Equal(t, []PartnerType{"FN", "FE", "CE"}, PartnerType("").Values())
	assert.Equal(t, "Adquirente Estrangeiro", ForeignCustomer.Description())
	assert.False(t, PartnerType("fn").Valid())
	assert.Empty(t, PartnerType("XX").Description())
	assert.Equal(t, []AgreementStatus{"A", "F"}, AgreementStatus("").Values())
	assert.False(t, AgreementStatus("N").Valid(), "agreements are never cancelled (§1.3.8)")
	assert.Equal(t, "Finalizado", AgreementFinalized.Description())
	assert.Equal(t, []series.DocumentType{"FT", "FS", "FR", "ND", "NC"}, DocumentTypes())
	for _, o := range Operation("").Values() {
		assert.True(t, o.Valid())
		codes := ReturnCodes(o)
		require.NotEmpty(t, codes, o)
		assert.True(t, codes[0].Success(), o)
		assert.Contains(t, codes, series.Code5000, o)
		for _, c := range codes {
			assert.True(t, c.Valid(), "%s %d", o, c)
		}
	}
	assert.Nil(t, ReturnCodes("x"))
	assert.NotContains(t, ReturnCodes(OpRegister), series.Code4000)
	assert.True(t, errors.Is(ErrInvalid, violation.ErrInvalid))
}
