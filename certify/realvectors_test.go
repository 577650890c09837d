package certify

import (
	"errors"
	"os"
	"testing"

	"github.com/faturapt/faturapt/civil"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Signatures made by others, not by this package: AT's demonstration SAF-T
// file (saft_idemo599999999.xml, info.portaldasfinancas.gov.pt) signed with
// the sample key pair AT publishes on its software-certification page. Odoo
// checks its own signer against the same values (odoo/odoo,
// addons/l10n_pt_account/tests/test_l10n_pt_account.py, with the key in
// addons/l10n_pt_account/demo/ir_config_parameter_data.xml), which is where
// they were taken from. testdata/at_sample_public_key.pem is that public key.
// Four chains: a new document type or a new series starts a chain with an
// empty previous hash (Despacho 8632/2014 §2.1.5).
var atDemoChains = [][]struct{ number, date, entry, total, hash string }{
	{
		{"1T 1/1", "2017-03-10", "2017-03-10T15:58:01", "28.07", "vfinNfF+rToGp3dWF1LV6mEctQ76hAeZm+PlhBnV4wokN//N79L7fTNvi71ONnMHzfIzVR/Iz2zOOo9MUrYfYYZhqtpcEgFNHMdET6ZqbVVke7HbfqSACzaKXNdgWZt7lm7AFOfhcizQgC4a66SNvJvPJUqF7bCTUMIJFR9Zfro="},
		{"1T 1/2", "2017-09-16", "2017-09-16T15:58:10", "235.15", "jABYv0ThJHWoocmbzuLPOJXknl2WHBpLRBPqhIBSYP6GRzo3WiMxh6ryFiaa8rQD2BM9tdLxjhPHOZo1XPeGR5hFGK5BI/NzTXBu9+ponV4wvASOhjy2iomBlOxISN3MYGBcG1XWLfi+aDBw0TLrVwpbsENk0MtypYGU78OPPjg="},
		{"1T 1/3", "2017-09-16", "2017-09-16T15:58:45", "679.61", "MqvfiYZOh1L1fgfrAXBemPED1xy27MUs79vWxk/0P99Bq+jxvxwjJa3HQdElGfogj5bslcxX3ia9Tps2Oxfw1kH3GnsmfzqHbVagqnNxiI/KMZGfR4XXXNSOf7l7K7iMELz29b/c8u8eRmUwm13sgk9E9yAyk9zLuQ/s5TByG9k="},
	},
	{
		{"2T A/1", "2017-09-16", "2017-09-16T16:02:16", "235.15", "CM1pPaqk/pTE5DajJZ3H9VejD00FL455GvHx0FjuNj3UKj1V9EkP5dPsOpB6/KXlttY1WsHGG4dcunSOKULW0FMEWAMQYxBo/HqLcIojedKxrzh6m9+P61VM4BnYxbtEBQRFdVs0MGP8X85uSc4ikPrY4OeO1UOixGR9xLIAtr4="},
		{"2T A/2", "2017-09-16", "2017-09-16T16:03:11", "2261.34", "Y7kXSvGiS1eCSU9DY1GlWHw+HMmpI/gdZKEv17EXFC7OFdOdSCwcRNPzBUB6QjB1aQ60T8+4jvQb+tSWAQJdsCoiNUMcZl+oQJKJjJTfPJTmDBlrnh0JGXaOrg4sPe1eVvjjtCKxyJ3xoQnwU/bVBjMde2Kx0zXBsBwIWoT0ukg="},
		{"2T A/3", "2017-09-16", "2017-09-16T16:04:45", "47.03", "W3Z1jj4rNG5CREwXq0ZCjaRHDqrB1U9U6NmyKZZ7VpruDsw+NxcbwUubuMgejYBCVr6OIRrUNlm1UvNuYx/EXFZpzhdoWRc7O1HPBSQFhAfhByE6QxvumsVtxSome95/cG2VmAU1MJUJTVQN4Y//snz8YaCy1/81bB7aGfUs0C0="},
	},
	{
		{"11T P/1", "2017-10-23", "2017-10-25T18:32:01", "28.07", "Niozekjl2e9pmgUC0cuDoII43yVpfHHFldwd3G45y9rpdODZmPd/uHr3YDP3UxDedPEGCqJR182qUFD8nYhRL4yn6ys9pKYKAtR2GVL2lTHoGqyvT8OB04X+w2SRD5fVuL/A1EqrSbSFj/FpEAJYrSDVJaZLVLwz9jK7KeuK/DM="},
		{"11T P/2", "2017-11-23", "2017-11-25T18:33:11", "28.07", "uXVDR4LxAvibqH+YTiLuNiM1rGBATTwtdx296NLmJcTroj9o0ydn8hjnKtbSOLfZsI2kXWXIHr1hCPNyfSjpePykbUsYLw0L3jBoxJfHGw3aMGH56L6muocxbfvO6a7V94uhog3ZwRG/obULIPT4HVqzMhQ9ShLzhf0zWt0cH+g="},
	},
	{
		{"11T Q/1", "2017-10-21", "2017-10-22T15:56:11", "28.07", "UkkKZXGlJpBzLw1KlQjnR5WnONyaNj58DlFfDQySOB6csg9KaPQpxmk5lbmokTZuNIQXYHlJYzh7hH+Pen3IaEN4pLh6a6mXD/59vez79DnVD7MiOuGPn3ad4CdtgQnXxtYrackQW+h4FiEoh+HO6KNwSw2R3FxGAilUvxJqCbI="},
	},
}

func atSampleVerifier(t *testing.T) *Verifier {
	t.Helper()
	data, err := os.ReadFile("testdata/at_sample_public_key.pem")
	require.NoError(t, err)
	pub, err := ParsePublicKeyPEM(data)
	require.NoError(t, err)
	v, err := NewVerifier(pub)
	require.NoError(t, err)
	return v
}

func TestVerifyATDemoSignatures(t *testing.T) {
	v := atSampleVerifier(t)
	for _, chain := range atDemoChains {
		var records []Record
		prev := ""
		for _, d := range chain {
			date, err := civil.ParseDate(d.date)
			require.NoError(t, err)
			entry, err := civil.ParseDateTime(d.entry)
			require.NoError(t, err)
			doc := Document{Date: date, SystemEntry: entry, Number: d.number, GrossTotal: decimal.RequireFromString(d.total)}
			require.NoError(t, doc.Validate(), d.number)
			assert.NoError(t, v.VerifyDocument(doc, prev, d.hash), d.number)
			assert.NoError(t, v.Verify(doc.Message(prev), d.hash), d.number)

			// A cent more, or the wrong previous hash, and AT's signature
			// no longer fits.
			altered := doc
			altered.GrossTotal = altered.GrossTotal.Add(decimal.New(1, -2))
			assert.True(t, errors.Is(v.VerifyDocument(altered, prev, d.hash), ErrBadSignature), d.number)
			assert.True(t, errors.Is(v.VerifyDocument(doc, prev+"x", d.hash), ErrBadSignature), d.number)

			records = append(records, Record{Document: doc, Hash: d.hash})
			prev = d.hash
		}
		assert.NoError(t, v.VerifyChain(Chain{}, records), chain[0].number)
	}
}
