package saft

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/reporting"
)

func TestWriteHonoursReportingMethod(t *testing.T) {
	invoicing, accounting := fxInvoicingFile(), fxAccountingFile()
	year := invoicing.Header.StartDate.Year
	cases := []struct {
		name   string
		file   *AuditFile
		choice reporting.Choices
		want   error // nil: written
	}{
		{"invoicing file in a SAF-T year", invoicing, reporting.Choices{{Year: year, Method: reporting.MethodSAFT}}, nil},
		{"invoicing file in a web-service year", invoicing, reporting.Choices{{Year: year, Method: reporting.MethodWebService}}, reporting.ErrOtherMethod},
		{"invoicing file in a year without a choice", invoicing, reporting.Choices{{Year: year - 1, Method: reporting.MethodSAFT}}, reporting.ErrNoChoice},
		{"accounting file in a web-service year", accounting, reporting.Choices{{Year: accounting.Header.StartDate.Year, Method: reporting.MethodWebService}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			err := WriteAuditFile(&out, c.file, WithReportingMethod(c.choice))
			if c.want == nil {
				require.NoError(t, err)
				assert.NotZero(t, out.Len())
				return
			}
			require.ErrorIs(t, err, c.want)
			assert.Zero(t, out.Len(), "nothing written")
		})
	}
}
