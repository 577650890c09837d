package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/atclient/attest"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/internal/attesttest"
	"github.com/faturapt/faturapt/internal/xmllint"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/reporting"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/saft/audit"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/setup"
)

const schema = "../../saft/testdata/SAFTPT1.04_01.xsd10.xsd"

// testNow is the time of the flow in the tests: the last minute of a year
// in Lisbon, where a program and a test that each read the wall clock would
// disagree on the day and the year.
var testNow = time.Date(2026, time.December, 31, 23, 59, 0, 0, lisbon)

func runFlow(t *testing.T) (Outcome, string) {
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var story bytes.Buffer
	o, err := run(ctx, &story, dir, func() time.Time { return testNow })
	require.NoError(t, err, "story so far:\n%s", story.String())
	return o, story.String()
}

func TestQuickstart(t *testing.T) {
	o, story := runFlow(t)
	t.Log("\n" + story)

	t.Run("book", func(t *testing.T) {
		assert.FileExists(t, o.BookPath)
		assert.Equal(t, len(o.Documents)+1, o.Kept, "the issued documents and FS LOJA1's last one before")
	})

	t.Run("setup status", func(t *testing.T) {
		assert.NotEqual(t, setup.Activated, o.Before.Level)
		assert.NotEqual(t, setup.Failed, o.Before.Level, "nothing is wrong before the set-up, it is incomplete: %v", o.Before.Failing())
		for _, typ := range []series.DocumentType{series.DocumentTypeFT, series.DocumentTypeFS} {
			c, ok := o.Before.Check(setup.CheckSeries, typ)
			require.True(t, ok, "series check for %s", typ)
			assert.Equal(t, setup.Pending, c.Level, "series %s before registration", typ)
		}
		m, ok := o.Before.Check(setup.CheckMethod, "")
		require.True(t, ok)
		assert.Equal(t, setup.Pending, m.Level, "method before it is chosen")

		assert.Equal(t, setup.Activated, o.After.Level, "failing after set-up: %v", o.After.Failing())
		assert.Empty(t, o.After.Failing())
	})

	// The series as the simulator holds them: the validation codes AT gave.
	codes := map[string]string{}
	for _, r := range o.AtAT {
		codes[series.Key(series.DocumentType(r.DocumentType), r.ID)] = r.ValidationCode
	}
	require.Len(t, codes, 2, "two series registered at the simulator")

	t.Run("series registered", func(t *testing.T) {
		for _, s := range []series.Series{o.Invoices, o.Simplified} {
			assert.Equal(t, series.StatusActive, s.Status, s.ID)
			assert.Equal(t, codes[s.Key()], s.ValidationCode, "the client returns the code the simulator gave for %s", s.ID)
		}
		assert.Equal(t, series.DocumentTypeFT, o.Invoices.DocumentType)
		assert.Equal(t, series.DocumentTypeFS, o.Simplified.DocumentType)
		assert.Equal(t, "1234", o.Simplified.FirstNumber.String())
	})

	bySeries := map[string][]issuing.Document{}
	for _, d := range o.Documents {
		bySeries[d.SeriesKey] = append(bySeries[d.SeriesKey], d)
	}

	t.Run("numbers and ATCUDs", func(t *testing.T) {
		ft, fs := bySeries[o.Invoices.Key()], bySeries[o.Simplified.Key()]
		require.GreaterOrEqual(t, len(ft), 2, "a few invoices")
		require.NotEmpty(t, fs, "a simplified invoice")
		assert.Equal(t, uint64(1), ft[0].Number, "a new series starts at 1")
		assert.Equal(t, uint64(1234), fs[0].Number, "the existing series goes on at 1234")
		for key, docs := range bySeries {
			for i, d := range docs {
				assert.Equal(t, docs[0].Number+uint64(i), d.Number, "%s: gapless", key)
				n := strconv.FormatUint(d.Number, 10)
				assert.True(t, strings.HasSuffix(d.DocumentNumber, "/"+n), d.DocumentNumber)
				assert.Equal(t, codes[key]+"-"+n, d.ATCUD.String(), "ATCUD of %s: the simulator's code and the number", d.DocumentNumber)
				assert.Len(t, d.Hash, certify.HashLen)
				chars, err := certify.HashChars(d.Hash)
				require.NoError(t, err)
				assert.Equal(t, chars, d.HashChars)
				assert.True(t, strings.HasPrefix(d.Mention, chars+"-Processado por programa certificado"), d.Mention)
			}
		}
	})

	t.Run("QR codes", func(t *testing.T) {
		require.Len(t, o.QRImages, len(o.Documents))
		for i, d := range o.Documents {
			q, err := qrcode.Parse(d.QR)
			require.NoError(t, err, d.QR)
			assert.Equal(t, companyNIF, q.IssuerNIF)
			assert.Equal(t, d.DocumentNumber, q.DocumentNumber)
			assert.Equal(t, d.ATCUD.String(), q.ATCUD)
			assert.Equal(t, d.HashChars, q.Hash)
			assert.True(t, d.GrossTotal.Equal(q.GrossTotal), "%s: QR O %s, document %s", d.DocumentNumber, q.GrossTotal, d.GrossTotal)
			png, err := os.ReadFile(o.QRImages[i])
			require.NoError(t, err)
			assert.True(t, bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")), "%s is a PNG", o.QRImages[i])
		}
	})

	t.Run("PDFs", func(t *testing.T) {
		require.Len(t, o.PDFs, len(o.Documents))
		for i, d := range o.Documents {
			pdf, err := os.ReadFile(o.PDFs[i])
			require.NoError(t, err)
			assert.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")), "%s is a PDF", o.PDFs[i])
			// The page stream is plain text: the ATCUD and the mention's
			// ASCII part are in it (package printout reads the PDFs with
			// poppler).
			mention, _, _ := strings.Cut(d.Mention, " n.º")
			assert.True(t, bytes.Contains(pdf, []byte(d.ATCUD.Label())), "%s: %s", o.PDFs[i], d.ATCUD.Label())
			assert.True(t, bytes.Contains(pdf, []byte(mention)), "%s: %s", o.PDFs[i], mention)
		}
	})

	t.Run("chains verify", func(t *testing.T) {
		assert.True(t, o.ChainsOK)
		v, err := certify.NewVerifier(o.PublicKey)
		require.NoError(t, err)
		afterLegacy, err := certify.ChainAfter(record(o.Legacy))
		require.NoError(t, err)
		starts := map[string]certify.Chain{o.Invoices.Key(): {}, o.Simplified.Key(): afterLegacy}
		for key, docs := range bySeries {
			recs := make([]certify.Record, len(docs))
			for i, d := range docs {
				recs[i] = record(d)
			}
			require.NoError(t, v.VerifyChain(starts[key], recs), key)
			// The check is real: a changed total breaks the chain.
			recs[0].GrossTotal = recs[0].GrossTotal.Add(dec("0.01"))
			assert.Error(t, v.VerifyChain(starts[key], recs), "%s with a changed total", key)
		}
		// FS 1234 is chained to the legacy FS 1233, not signed as a first document.
		fs := record(bySeries[o.Simplified.Key()][0])
		assert.Error(t, v.VerifyChain(certify.Chain{}, []certify.Record{fs}))
	})

	t.Run("SAF-T file", func(t *testing.T) {
		require.FileExists(t, o.SAFTPath)
		require.NotNil(t, o.Audit)
		assert.Zero(t, o.Audit.Errors, "audit findings: %v", o.Audit.Findings)
		assert.Empty(t, o.Audit.Findings)
		assert.True(t, o.Audit.Complete)
		assert.Equal(t, len(o.Documents), o.Audit.SignaturesChecked, "every signature verified, FS from the legacy hash")

		// Audited again here, independently of the flow's report.
		rep, err := audit.File(o.SAFTPath)
		require.NoError(t, err)
		assert.False(t, rep.HasErrors(), "%v", rep.Findings)
		assert.Equal(t, "F", rep.TaxAccountingBasis)
		assert.Equal(t, companyNIF, rep.TaxRegistration)

		// It carries the issued documents as issued.
		f, err := saft.ReadFile(o.SAFTPath)
		require.NoError(t, err)
		require.NotNil(t, f.SourceDocuments)
		require.NotNil(t, f.SourceDocuments.SalesInvoices)
		invs := f.SourceDocuments.SalesInvoices.Invoice
		require.Len(t, invs, len(o.Documents))
		// In issuing order within each series; documents of different
		// series entered in the same second may come in either order.
		byNumber := map[string]saft.Invoice{}
		for _, inv := range invs {
			byNumber[inv.InvoiceNo] = inv
		}
		for _, d := range o.Documents {
			inv, ok := byNumber[d.DocumentNumber]
			require.True(t, ok, d.DocumentNumber)
			assert.Equal(t, d.ATCUD.String(), inv.ATCUD)
			assert.Equal(t, d.Hash, inv.Hash)
			assert.Equal(t, d.HashControl, inv.HashControl)
			assert.True(t, d.GrossTotal.Equal(inv.DocumentTotals.GrossTotal), d.DocumentNumber)
			assert.Equal(t, d.SystemEntry, inv.SystemEntryDate)
		}

		// The master records came into the book with the documents.
		var customers, products []string
		for _, c := range f.MasterFiles.Customer {
			customers = append(customers, c.CustomerTaxID)
		}
		for _, p := range f.MasterFiles.Product {
			products = append(products, p.ProductCode)
		}
		assert.ElementsMatch(t, []string{"500000000", "502011378", "999999990"}, customers)
		assert.ElementsMatch(t, []string{"CAF", "CHV", "LIV"}, products)
		require.NotNil(t, f.MasterFiles.TaxTable)
		var rates []string
		for _, e := range f.MasterFiles.TaxTable.TaxTableEntry {
			rates = append(rates, e.TaxPercentage.String())
		}
		assert.ElementsMatch(t, []string{"6", "23"}, rates)

		assert.NoError(t, xmllint.ValidateFile(t, schema, o.SAFTPath))
	})

	t.Run("other method refused", func(t *testing.T) {
		assert.Equal(t, reporting.MethodSAFT, o.Method.Method)
		assert.Equal(t, 2026, o.Method.Year)
		require.Error(t, o.Refused)
		assert.ErrorIs(t, o.Refused, reporting.ErrOtherMethod)
		var me *reporting.MethodError
		require.ErrorAs(t, o.Refused, &me)
		assert.Equal(t, reporting.MethodSAFT, me.Chosen)
		assert.Equal(t, reporting.MethodWebService, me.Attempted)
		assert.Zero(t, o.EFaturaHit, "nothing reached the e-Fatura service")
	})
}

// The credential and permission checks of setup go red on AT's refusals.
// The simulators, the clients and setup share a fixed clock.
func TestSetupRedOnRefusals(t *testing.T) {
	srv := attesttest.Start(t)
	key, err := atclient.ParseATKey(srv.EncryptionCertificatePEM())
	require.NoError(t, err)
	company := func(srv *attest.Server, lister setup.SeriesLister) setup.Company {
		return setup.Company{
			DocumentTypes: []series.DocumentType{series.DocumentTypeFT},
			AT:            lister, Certificate: srv.ClientCertificate().Leaf, ATKeyNotAfter: key.NotAfter(),
			Methods: reporting.Choices{{Year: attesttest.Now.In(lisbon).Year(), Method: reporting.MethodSAFT}},
		}
	}
	lister := func(c *atclient.Client) setup.SeriesLister {
		return setup.SeriesListerFunc(func(ctx context.Context) ([]series.Series, error) {
			return c.QuerySeries(ctx, atclient.SeriesQuery{})
		})
	}
	evaluate := func(co setup.Company) setup.Status {
		ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
		defer cancel()
		return setup.Evaluate(ctx, co, setup.WithExpiryWarning(time.Hour), setup.WithClock(attesttest.Clock))
	}

	t.Run("credentials refused by the simulator", func(t *testing.T) {
		client := attesttest.ClientAs(t, srv, companyNIF, attest.DefaultSubUser, "not-the-password")
		st := evaluate(company(srv, lister(client)))
		assert.Equal(t, setup.Failed, st.Level)
		c, _ := st.Check(setup.CheckCredentials, "")
		assert.Equal(t, setup.Failed, c.Level, c.String())
		assert.NotEmpty(t, c.Remedy)
		assert.NotContains(t, c.Detail, "not-the-password")
		p, _ := st.Check(setup.CheckPermission, "")
		assert.Equal(t, setup.Pending, p.Level, "permission cannot be known when the credentials are refused")
	})

	// A sub-user whose credentials are right but who lacks the WSE profile:
	// the simulator refuses it with the fault atclient classifies as
	// PermissionDenied (AT does not document that answer; see
	// attest.WithoutPermission).
	t.Run("no WSE permission", func(t *testing.T) {
		denying := attesttest.Start(t, attest.WithoutPermission(companyNIF, attest.DefaultSubUser))
		client := attesttest.ClientAs(t, denying, companyNIF, attest.DefaultSubUser, attest.DefaultPassword)
		st := evaluate(company(denying, lister(client)))
		assert.Equal(t, setup.Failed, st.Level)
		p, _ := st.Check(setup.CheckPermission, "")
		assert.Equal(t, setup.Failed, p.Level, p.String())
		assert.Contains(t, p.Remedy, "WSE")
		c, _ := st.Check(setup.CheckCredentials, "")
		assert.Equal(t, setup.Activated, c.Level, "the credentials were accepted")
		assert.Zero(t, len(denying.Series(companyNIF)))
	})

	t.Run("AT out of reach is not red", func(t *testing.T) {
		srv.InjectFault(attest.Fault{Kind: attest.FaultSOAP, Operation: "consultarSeries", Count: 3})
		client := attesttest.ClientAs(t, srv, companyNIF, attest.DefaultSubUser, attest.DefaultPassword, atclient.WithQueryRetry(1, time.Millisecond))
		st := evaluate(company(srv, lister(client)))
		srv.ClearFaults()
		c, _ := st.Check(setup.CheckCredentials, "")
		assert.Equal(t, setup.Pending, c.Level, c.String())
		p, _ := st.Check(setup.CheckPermission, "")
		assert.Equal(t, setup.Pending, p.Level, p.String())
	})
}

// The program runs as CI runs it, and -out keeps its files.
func TestMainRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the program")
	}
	dir := t.TempDir()
	out, err := exec.Command("go", "run", ".", "-out", dir).CombinedOutput()
	require.NoError(t, err, "%s", out)
	pngs, err := filepath.Glob(filepath.Join(dir, "QR_*.png"))
	require.NoError(t, err)
	assert.NotEmpty(t, pngs)
	safts, err := filepath.Glob(filepath.Join(dir, "SAFT_*.xml"))
	require.NoError(t, err)
	assert.Len(t, safts, 1, "-out keeps the SAF-T file")
}
