package saft

import (
	"fmt"

	"github.com/faturapt/faturapt/reporting"
)

// WithReportingMethod makes Write honour the company's communication method
// (package reporting): a file by which a company communicates its invoicing
// to AT — TaxAccountingBasis F (invoicing) or S (self-billing) — is refused,
// before anything is written, for a year in which the company communicates
// by the e-Fatura web service, or for which no method is recorded. AT takes
// one method per calendar year (Decreto-Lei 198/2012 art. 3.º n.º 1).
//
// Other files (the accounting file C, an integrated file I, files for an
// inspection) are not communications of invoicing and are never refused.
// The year is the year of Header.StartDate.
func WithReportingMethod(m reporting.Checker) Option {
	return func(c *config) { c.method = m }
}

// communicatesInvoicing reports whether a file of this basis is the monthly
// communication of invoicing elements (Portaria 302/2016 annex, notes on
// field 1.4).
func communicatesInvoicing(b TaxAccountingBasis) bool {
	return b == TaxAccountingBasisInvoicing || b == TaxAccountingBasisSelfBilling
}

func checkMethod(m reporting.Checker, h *Header) error {
	if m == nil || !communicatesInvoicing(h.TaxAccountingBasis) {
		return nil
	}
	if err := m.Check(h.StartDate.Year, reporting.MethodSAFT); err != nil {
		return fmt.Errorf("saft: %w", err)
	}
	return nil
}
