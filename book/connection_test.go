package book

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/saft"
)

func TestConnection(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		ctx := context.Background()
		_, err := b.Connection(ctx, testNIF)
		assert.ErrorIs(t, err, ErrNotFound)

		c := Connection{Environment: EnvironmentTest, SeriesURL: "https://servicos.portaldasfinancas.gov.pt:722/SeriesWSService",
			EFaturaURL: "https://servicos.portaldasfinancas.gov.pt:723/fatcorews/ws/", SubUser: "37", CertificateFile: "/etc/faturapt/producer.p12"}
		require.NoError(t, b.PutConnection(ctx, testNIF, c))
		got, err := b.Connection(ctx, testNIF)
		require.NoError(t, err)
		assert.Equal(t, c, got)
		c.Environment, c.RootCAFile = EnvironmentSimulator, "/tmp/sim/ca.pem"
		require.NoError(t, b.PutConnection(ctx, testNIF, c))
		got, err = b.Connection(ctx, testNIF)
		require.NoError(t, err)
		assert.Equal(t, c, got)

		err = b.PutConnection(ctx, testNIF, Connection{Environment: "staging", SeriesURL: "http://example.com/"})
		require.ErrorIs(t, err, ErrInvalid)
		for _, want := range []string{`environment "staging"`, "SeriesURL", "EFaturaURL", "SubUser is required", "CertificateFile is required"} {
			assert.Contains(t, err.Error(), want)
		}
		got, err = b.Connection(ctx, testNIF)
		require.NoError(t, err)
		assert.Equal(t, c, got, "a refused connection changes nothing")
	})
}

func TestSetMethodOncePerYear(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		ctx := context.Background()
		require.NoError(t, b.SetMethod(ctx, testNIF, 2026, reporting.MethodSAFT))
		require.NoError(t, b.SetMethod(ctx, testNIF, 2026, reporting.MethodSAFT), "the same method again")
		err := b.SetMethod(ctx, testNIF, 2026, reporting.MethodWebService)
		require.ErrorIs(t, err, reporting.ErrOtherMethod)
		require.NoError(t, b.SetMethod(ctx, testNIF, 2027, reporting.MethodWebService), "another year")
		ms, err := b.Methods(ctx, testNIF)
		require.NoError(t, err)
		assert.Equal(t, reporting.Choices{{Year: 2026, Method: reporting.MethodSAFT}, {Year: 2027, Method: reporting.MethodWebService}}, ms)
	})
}

func TestCustomer(t *testing.T) {
	forEachEngine(t, func(t *testing.T, b *Book, _ string) {
		ctx := context.Background()
		_, err := b.Customer(ctx, testNIF, "C1")
		assert.ErrorIs(t, err, ErrNotFound)
		c := saft.Customer{CustomerID: "C1", AccountID: saft.Unknown, CustomerTaxID: "500000000", CompanyName: "Café Central, Lda",
			BillingAddress: saft.CustomerAddress{AddressDetail: "Rua Augusta, 100", City: "Lisboa", PostalCode: "1100-053", Country: "PT"}}
		require.NoError(t, b.PutCustomer(ctx, testNIF, c))
		got, err := b.Customer(ctx, testNIF, "C1")
		require.NoError(t, err)
		assert.Equal(t, c, got)
	})
}
