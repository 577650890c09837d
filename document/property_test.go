package document_test

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/internal/safttest"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/saft/audit"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

// TestProperty issues random documents of every type, region, exemption,
// discount, price with tax, currency and correction, and checks each: its
// QR message is valid and its tax blocks are the SAF-T record's sums; and
// each batch, written as a month's SAF-T file, has no finding from the
// writer's validation nor from the audit (schema rules, arithmetic,
// control totals, series, ATCUD, signatures). 100,000 documents in a
// normal run (under a minute on two cores), 3,000 with -short or the race
// detector: enough for every case of the generator, which the test checks
// was made. -document.n sets the count.
var propertyN = flag.Int("document.n", 0, "documents of TestProperty (default 100,000; 3,000 with -short or -race)")

func TestProperty(t *testing.T) {
	total, batch := 100_000, 2_500
	if testing.Short() || raceEnabled {
		total, batch = 3_000, 1_500
	}
	if *propertyN > 0 {
		total = *propertyN
		batch = min(batch, total)
	}
	batches := (total + batch - 1) / batch
	var wg sync.WaitGroup
	work := make(chan int)
	errs := make([]error, batches)
	stats := make([]map[string]int, batches)
	for range 2 {
		wg.Go(func() {
			for b := range work {
				stats[b], errs[b] = runBatch(t, b, min(batch, total-b*batch))
			}
		})
	}
	for b := range batches {
		work <- b
	}
	close(work)
	wg.Wait()
	sum := map[string]int{}
	for b, err := range errs {
		if err != nil {
			t.Errorf("batch %d: %v", b, err)
		}
		for k, v := range stats[b] {
			sum[k] += v
		}
	}
	t.Logf("%d documents: %v", total, sum)
	if sum["issued"]+sum["receipts"] != total {
		t.Errorf("issued %d documents and %d receipts, want %d in all", sum["issued"], sum["receipts"], total)
	}
	// Every case the generator can make was made.
	for _, k := range []string{"FT", "FS", "FR", "NC", "ND", "PF", "OR", "NE", "CM", "GT", "GR", "GA", "GC", "GD", "RG",
		"PT", "PT-AC", "PT-MA", "exempt", "reverse", "not subject", "stamp duty", "discount", "tax included", "currency", "withholding",
		"credit refused", "fs limit"} {
		if sum[k] == 0 {
			t.Errorf("no document with %s", k)
		}
	}
}

var docTypes = []series.DocumentType{
	series.DocumentTypeFT, series.DocumentTypeFT, series.DocumentTypeFT, series.DocumentTypeFS, series.DocumentTypeFS,
	series.DocumentTypeFR, series.DocumentTypeFR, series.DocumentTypeNC, series.DocumentTypeNC, series.DocumentTypeND,
	series.DocumentTypePF, series.DocumentTypeOR, series.DocumentTypeNE, series.DocumentTypeCM,
	series.DocumentTypeGT, series.DocumentTypeGR, series.DocumentTypeGA, series.DocumentTypeGC, series.DocumentTypeGD,
	series.DocumentTypeRG,
}

type gen struct {
	r        *rand.Rand
	stats    map[string]int
	invoices []string // numbers of FT, FS, FR issued in the batch
	unpaid   []string // FT not paid yet
	drafts   map[string]document.Draft
	gross    map[string]issued
	history  document.HistoryMap
}

type issued struct {
	date  civil.Date
	gross decimal.Decimal
}

func (g *gen) money(max int, decimals int32) decimal.Decimal {
	return decimal.New(g.r.Int64N(int64(max)*pow10(decimals)+1), -decimals)
}

func pow10(n int32) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

var exemptions = func() (ex, rc []string) {
	for _, e := range document.Exemptions {
		switch {
		case e.ReverseCharge():
			rc = append(rc, e.Code)
		case !e.NotSubject():
			ex = append(ex, e.Code)
		}
	}
	return
}

var exemptCodes, reverseCodes = exemptions()

func (g *gen) customer() document.Customer {
	switch g.r.IntN(4) {
	case 0, 1:
		return document.Customer{}
	case 2:
		n := safttest.NIF(fmt.Sprintf("5%07d", g.r.IntN(100)))
		return document.Customer{TaxID: n, Name: "Empresa " + n, Address: "Rua " + n, City: "Lisboa", PostalCode: "1000-001", TaxablePerson: true}
	default:
		return document.Customer{ID: "ES1", TaxID: "B12345678", Name: "Cliente Español, SL", Address: "Calle Mayor 1", City: "Madrid", PostalCode: "28001", Country: "ES"}
	}
}

func (g *gen) tax(t series.DocumentType, inclusive bool) document.Tax {
	var tax document.Tax
	if g.r.IntN(3) == 0 {
		tax.Region = document.Region(document.Mainland.Values()[g.r.IntN(3)])
	}
	switch k := g.r.IntN(20); {
	case k < 13:
		tax.Category = document.Category(document.Normal.Values()[g.r.IntN(3)])
	case k < 15:
		tax.Exemption = exemptCodes[g.r.IntN(len(exemptCodes))]
	case k < 17:
		tax.Exemption = reverseCodes[g.r.IntN(len(reverseCodes))]
	case k < 18:
		tax.Exemption = "M99"
	default:
		if t.Class() == series.DocumentClassMG {
			tax.Category = document.Normal
			break
		}
		sd := &document.StampDuty{Code: "17.3.4", Description: "Comissões por garantias"}
		if inclusive || g.r.IntN(2) == 0 {
			sd.Percent = dec("4")
		} else {
			sd.Code, sd.Description = "4", "Cheques de qualquer natureza"
			sd.Amount = g.money(5, 2).Add(dec("0.05"))
		}
		tax.StampDuty = sd
	}
	return tax
}

var products = []document.Product{
	{Code: "P1", Description: "Artigo um"},
	{Code: "P2", Description: "Artigo dois", Unit: "KG"},
	{Code: "S1", Description: "Serviço um", Type: saft.ProductTypeServices, Unit: "H"},
	{Code: "S2", Description: "Serviço dois", Type: saft.ProductTypeServices},
}

func (g *gen) line(t series.DocumentType, inclusive bool) document.Line {
	l := document.Line{Product: products[g.r.IntN(len(products))], Tax: g.tax(t, inclusive)}
	if g.r.IntN(3) == 0 {
		l.Quantity = g.money(50, 3).Add(dec("0.001"))
	} else {
		l.Quantity = decimal.NewFromInt(1 + g.r.Int64N(10))
	}
	switch g.r.IntN(10) {
	case 0:
		l.UnitPrice = decimal.Zero
	case 1, 2:
		l.UnitPrice = g.money(3, 4)
	default:
		l.UnitPrice = g.money(300, 2)
	}
	if g.r.IntN(5) == 0 {
		l.Discount = g.money(100, 2)
	}
	if g.r.IntN(8) == 0 {
		l.TaxPointDate = civil.Date{Year: 2025, Month: time.December, Day: 1 + g.r.IntN(31)}
	}
	return l
}

func (g *gen) draft(t series.DocumentType, date civil.Date, at time.Time) document.Draft {
	d := document.Draft{Type: t, Date: date, Customer: g.customer(), Region: document.Region(document.Mainland.Values()[g.r.IntN(3)])}
	d.PricesIncludeTax = g.r.IntN(3) == 0
	n := 1 + g.r.IntN(6)
	if g.r.IntN(20) == 0 {
		n = 20
	}
	for range n {
		d.Lines = append(d.Lines, g.line(t, d.PricesIncludeTax))
	}
	if g.r.IntN(10) == 0 {
		d.Discount = g.money(30, 1)
	}
	if g.r.IntN(10) == 0 {
		d.Currency = &document.Currency{Code: []string{"USD", "GBP", "BRL"}[g.r.IntN(3)], Rate: g.money(2, 6).Add(dec("0.1"))}
	}
	if t == series.DocumentTypeFT && g.r.IntN(8) == 0 {
		d.Withholding = []document.Withholding{{Type: saft.WithholdingTaxTypeIRS, Description: "Artigo 101.º do CIRS", Percent: dec("25")}}
	}
	if t == series.DocumentTypeFT && g.r.IntN(15) == 0 {
		d.Settlement = &document.Settlement{Percent: dec("2"), Terms: "Pronto pagamento"}
	}
	if t == series.DocumentTypeFR || t == series.DocumentTypeFS && g.r.IntN(2) == 0 {
		d.Payments = []document.Payment{{Mechanism: []saft.PaymentMechanism{saft.PaymentMechanismCash, saft.PaymentMechanismCreditCard, saft.PaymentMechanismMultibanco}[g.r.IntN(3)]}}
	}
	if t == series.DocumentTypeFS {
		d.Retail = g.r.IntN(2) == 0
	}
	if t.Class() == series.DocumentClassMG {
		d.Transport = &document.Transport{Start: at.Add(time.Hour),
			From: saft.CustomerAddress{AddressDetail: "Armazém 1", City: "Lisboa", PostalCode: "1000-001", Country: "PT"},
			To:   saft.CustomerAddress{AddressDetail: "Loja 2", City: "Porto", PostalCode: "4000-001", Country: "PT"}}
	}
	return d
}

// correction makes a credit or debit note of an earlier invoice: its lines
// again, with a part of each quantity.
func (g *gen) correction(t series.DocumentType, date civil.Date) (document.Draft, bool) {
	if len(g.invoices) == 0 {
		return document.Draft{}, false
	}
	number := g.invoices[g.r.IntN(len(g.invoices))]
	orig := g.drafts[number]
	d := orig
	d.Type, d.Date, d.Payments, d.Withholding, d.Settlement, d.Retail = t, date, nil, nil, nil, false
	d.Reference = &document.Reference{Number: number, Reason: "Devolução de artigos"}
	d.Lines = nil
	for _, l := range orig.Lines {
		if g.r.IntN(2) == 0 && len(d.Lines) > 0 {
			continue
		}
		l.Quantity = l.Quantity.Mul(decimal.New(int64(1+g.r.IntN(10)), -1)).Round(3)
		if !l.Quantity.IsPositive() {
			l.Quantity = dec("0.001")
		}
		l.Reference = nil
		d.Lines = append(d.Lines, l)
	}
	return d, true
}

func runBatch(t *testing.T, b, n int) (map[string]int, error) {
	g := &gen{r: rand.New(rand.NewPCG(uint64(b), 14)), stats: map[string]int{}, drafts: map[string]document.Draft{},
		gross: map[string]issued{}, history: document.HistoryMap{}}
	start := time.Date(2026, time.January, 1, 8, 0, 0, 0, civil.Lisbon)
	issuer, clk := newIssuer(t, start)
	seriesOf := map[series.DocumentType]series.Series{}
	receiptNumbers := map[series.DocumentType]uint64{}
	coll := document.NewCollector()
	for i := 0; i < n; i++ {
		at := start.Add(time.Duration(i) * 20 * time.Second)
		clk.Set(at)
		date := civil.DateOf(at)
		typ := docTypes[g.r.IntN(len(docTypes))]
		s, ok := seriesOf[typ]
		if !ok {
			s = activeSeries(t, fmt.Sprintf("B%d", b), typ)
			seriesOf[typ] = s
		}
		if typ == series.DocumentTypeRG {
			if len(g.unpaid) == 0 {
				typ, s = series.DocumentTypeFT, seriesOf[series.DocumentTypeFT]
				if s.ID == "" {
					s = activeSeries(t, fmt.Sprintf("B%d", b), typ)
					seriesOf[typ] = s
				}
			} else {
				k := g.r.IntN(len(g.unpaid))
				number := g.unpaid[k]
				g.unpaid = append(g.unpaid[:k], g.unpaid[k+1:]...)
				inv := g.gross[number]
				receiptNumbers[typ]++
				r, err := document.Receipt(s, series.NumberOf(receiptNumbers[typ]), issuerNIF, certificate, civil.DateTimeOf(at), document.ReceiptDraft{
					Date: date, Customer: g.drafts[number].Customer,
					Settles:  []document.Settled{{Number: number, Date: inv.date, Amount: inv.gross}},
					Payments: []document.Payment{{Mechanism: saft.PaymentMechanismBankTransfer}},
				})
				if err != nil {
					return g.stats, fmt.Errorf("receipt of %s: %w", number, err)
				}
				if err := checkQR(r.Printed.QR, nil); err != nil {
					return g.stats, fmt.Errorf("%s: %w", r.Number, err)
				}
				coll.AddReceipt(r)
				g.stats["RG"]++
				g.stats["receipts"]++
				continue
			}
		}
		var d document.Draft
		if typ == series.DocumentTypeNC || typ == series.DocumentTypeND {
			var ok bool
			if d, ok = g.correction(typ, date); !ok {
				typ, d = series.DocumentTypeFT, g.draft(series.DocumentTypeFT, date, at)
			}
		} else {
			d = g.draft(typ, date, at)
		}
		if s = seriesOf[typ]; s.ID == "" {
			s = activeSeries(t, fmt.Sprintf("B%d", b), typ)
			seriesOf[typ] = s
		}
		c, err := document.Compute(d)
		if typ == series.DocumentTypeFS && violation.Has(err, document.CodeSimplifiedLimit) {
			g.stats["fs limit"]++
			d.Type, d.Retail, typ = series.DocumentTypeFT, false, series.DocumentTypeFT
			if s = seriesOf[typ]; s.ID == "" {
				s = activeSeries(t, fmt.Sprintf("B%d", b), typ)
				seriesOf[typ] = s
			}
			c, err = document.Compute(d)
		}
		if err != nil {
			return g.stats, fmt.Errorf("document %d (%s): %w", i, typ, err)
		}
		if typ == series.DocumentTypeNC || typ == series.DocumentTypeND {
			if err := document.CheckCorrection(c, g.history); err != nil {
				// The generated quantities may credit more than remains:
				// the check must say so, and then nothing is issued.
				ref := d.Reference.Number
				if !violation.Has(err, document.CodeCreditExceeds) && !violation.Has(err, document.CodeCreditClosed) || g.history[ref].Remaining().IsPositive() && g.history[ref].Remaining().GreaterThanOrEqual(c.NetTotal) {
					return g.stats, fmt.Errorf("correction of %s refused: %w", ref, err)
				}
				g.stats["credit refused"]++
				i--
				continue
			}
		}
		out, err := document.IssueComputed(ctx, issuer, s, c)
		if err != nil {
			return g.stats, fmt.Errorf("issuing document %d (%s): %w", i, typ, err)
		}
		if err := checkIssued(out); err != nil {
			return g.stats, fmt.Errorf("%s: %w", out.Document.DocumentNumber, err)
		}
		g.history.Record(c, out.Document.DocumentNumber)
		switch typ {
		case series.DocumentTypeFT, series.DocumentTypeFS, series.DocumentTypeFR:
			g.invoices = append(g.invoices, out.Document.DocumentNumber)
			g.drafts[out.Document.DocumentNumber] = c.Draft
			g.gross[out.Document.DocumentNumber] = issued{date, c.Payable}
			if typ == series.DocumentTypeFT && c.Payable.IsPositive() {
				g.unpaid = append(g.unpaid, out.Document.DocumentNumber)
			}
		}
		coll.Add(out)
		g.count(c)
	}
	return g.stats, auditBatch(t, coll)
}

func (g *gen) count(c *document.Computed) {
	d := &c.Draft
	g.stats["issued"]++
	g.stats[string(d.Type)]++
	if d.PricesIncludeTax {
		g.stats["tax included"]++
	}
	if d.Currency != nil {
		g.stats["currency"]++
	}
	if len(c.Withholding) > 0 {
		g.stats["withholding"]++
	}
	seen := map[string]bool{}
	for _, l := range c.Lines {
		seen[string(l.Region)] = true
		switch {
		case l.TaxType == saft.TaxTypeStampDuty:
			seen["stamp duty"] = true
		case l.Exemption != nil && l.Exemption.NotSubject():
			seen["not subject"] = true
		case l.Exemption != nil && l.Exemption.ReverseCharge():
			seen["reverse"] = true
		case l.Exemption != nil:
			seen["exempt"] = true
		}
		if l.DiscountAmount.IsPositive() {
			seen["discount"] = true
		}
	}
	for k := range seen {
		g.stats[k]++
	}
}

// checkIssued checks the record's totals and that the QR message agrees
// with them.
func checkIssued(out *document.Issued) error {
	var lines []saft.InvoiceLine
	var net, tax, gross decimal.Decimal
	switch {
	case out.Invoice != nil:
		lines = out.Invoice.Line
		t := out.Invoice.DocumentTotals
		net, tax, gross = t.NetTotal, t.TaxPayable, t.GrossTotal
	case out.WorkDocument != nil:
		lines = out.WorkDocument.Line
		t := out.WorkDocument.DocumentTotals
		net, tax, gross = t.NetTotal, t.TaxPayable, t.GrossTotal
	case out.StockMovement != nil:
		for _, l := range out.StockMovement.Line {
			p := l.Tax.TaxPercentage
			lines = append(lines, saft.InvoiceLine{CreditAmount: l.CreditAmount,
				Tax: &saft.Tax{TaxType: l.Tax.TaxType, TaxCountryRegion: l.Tax.TaxCountryRegion, TaxCode: l.Tax.TaxCode, TaxPercentage: &p}})
		}
		t := out.StockMovement.DocumentTotals
		net, tax, gross = t.NetTotal, t.TaxPayable, t.GrossTotal
	}
	if !net.Add(tax).Equal(gross) {
		return fmt.Errorf("GrossTotal %s is not NetTotal %s + TaxPayable %s", gross, net, tax)
	}
	if !gross.Equal(out.Document.GrossTotal) {
		return fmt.Errorf("GrossTotal %s is not the signed %s", gross, out.Document.GrossTotal)
	}
	return checkQR(out.Printed.QR, &recordSums{lines: lines, tax: tax, gross: gross})
}

type recordSums struct {
	lines      []saft.InvoiceLine
	tax, gross decimal.Decimal
}

// checkQR parses and validates msg and, given the record, compares its
// fields with the record's sums: the bases exactly, each rate's VAT within
// the cent of its rounding from the bases, and the taxes' total exactly.
func checkQR(msg string, rec *recordSums) error {
	q, err := qrcode.Parse(msg)
	if err != nil {
		return fmt.Errorf("QR %q: %w", msg, err)
	}
	if err := q.Validate(); err != nil {
		return fmt.Errorf("QR %q: %w", msg, err)
	}
	if rec == nil {
		return nil
	}
	if q.FiscalSpaceI.Region == qrcode.RegionNoVATRate {
		// A transport document without values (Especificações Técnicas
		// Código QR §3 h, example §5.4): no tax, no total.
		if !rec.gross.IsZero() || !rec.tax.IsZero() || q.FiscalSpaceJ != nil {
			return fmt.Errorf("QR %q: I1:0 on a document of gross total %s, tax %s", msg, rec.gross, rec.tax)
		}
		return nil
	}
	type sums struct{ exempt, red, int, nor, redVAT, intVAT, norVAT decimal.Decimal }
	want := map[string]*sums{}
	var ns, stamp decimal.Decimal
	sp := func(r string) *sums {
		if want[r] == nil {
			want[r] = &sums{}
		}
		return want[r]
	}
	for _, l := range rec.lines {
		var a decimal.Decimal
		if l.CreditAmount != nil {
			a = *l.CreditAmount
		} else {
			a = *l.DebitAmount
		}
		var pct decimal.Decimal
		if l.Tax.TaxPercentage != nil {
			pct = *l.Tax.TaxPercentage
		}
		vat := a.Mul(pct).Div(dec("100"))
		switch {
		case l.Tax.TaxType == saft.TaxTypeNotSubject:
			ns = ns.Add(a)
		case l.Tax.TaxType == saft.TaxTypeStampDuty:
			sp(l.Tax.TaxCountryRegion).exempt = sp(l.Tax.TaxCountryRegion).exempt.Add(a)
			if l.Tax.TaxAmount != nil {
				vat = *l.Tax.TaxAmount
			}
			stamp = stamp.Add(vat)
		case l.Tax.TaxCode == saft.TaxCodeExempt:
			sp(l.Tax.TaxCountryRegion).exempt = sp(l.Tax.TaxCountryRegion).exempt.Add(a)
		case l.Tax.TaxCode == saft.TaxCodeReduced:
			s := sp(l.Tax.TaxCountryRegion)
			s.red, s.redVAT = s.red.Add(a), s.redVAT.Add(vat)
		case l.Tax.TaxCode == saft.TaxCodeIntermediate:
			s := sp(l.Tax.TaxCountryRegion)
			s.int, s.intVAT = s.int.Add(a), s.intVAT.Add(vat)
		default:
			s := sp(l.Tax.TaxCountryRegion)
			s.nor, s.norVAT = s.nor.Add(a), s.norVAT.Add(vat)
		}
	}
	var problems []string
	eq := func(field string, got decimal.NullDecimal, w decimal.Decimal) {
		if !got.Decimal.Equal(w) {
			problems = append(problems, fmt.Sprintf("%s %s, record %s", field, got.Decimal, w))
		}
	}
	near := func(field string, got decimal.NullDecimal, w decimal.Decimal) {
		if got.Decimal.Sub(w).Abs().GreaterThan(dec("0.01")) {
			problems = append(problems, fmt.Sprintf("%s %s, record's lines %s", field, got.Decimal, w))
		}
	}
	qrTax := decimal.Zero
	for i, s := range []*qrcode.FiscalSpace{&q.FiscalSpaceI, q.FiscalSpaceJ, q.FiscalSpaceK} {
		if s == nil {
			continue
		}
		l := string("IJK"[i])
		w := want[s.Region]
		if w == nil {
			w = &sums{}
		}
		delete(want, s.Region)
		eq(l+"2", s.ExemptBase, w.exempt)
		eq(l+"3", s.ReducedBase, w.red)
		eq(l+"5", s.IntermediateBase, w.int)
		eq(l+"7", s.NormalBase, w.nor)
		near(l+"4", s.ReducedVAT, w.redVAT)
		near(l+"6", s.IntermediateVAT, w.intVAT)
		near(l+"8", s.NormalVAT, w.norVAT)
		qrTax = qrTax.Add(s.ReducedVAT.Decimal).Add(s.IntermediateVAT.Decimal).Add(s.NormalVAT.Decimal)
	}
	for r := range want {
		problems = append(problems, "no fiscal space for region "+r)
	}
	eq("L", q.NonTaxable, ns)
	near("M", q.StampDuty, stamp)
	qrTax = qrTax.Add(q.StampDuty.Decimal)
	eq("sum of the taxes", qrcode.Amount(qrTax), rec.tax)
	eq("N", qrcode.Amount(q.TaxPayable), rec.tax)
	eq("O", qrcode.Amount(q.GrossTotal), rec.gross)
	if len(problems) > 0 {
		return fmt.Errorf("QR %q: %s", msg, strings.Join(problems, "; "))
	}
	return nil
}

// auditBatch writes the batch as January 2026's file and audits it.
func auditBatch(t testing.TB, c *document.Collector) error {
	var buf bytes.Buffer
	if err := saft.Write(&buf, c.Content(safttest.Header())); err != nil {
		return fmt.Errorf("writing the SAF-T file: %w", err)
	}
	rep, err := audit.Run(bytes.NewReader(buf.Bytes()), audit.WithPublicKey(certifytest.Key(t).Public()))
	if err != nil {
		return err
	}
	if len(rep.Findings) > 0 {
		var b strings.Builder
		for i, f := range rep.Findings {
			if i == 20 {
				fmt.Fprintf(&b, "... and %d more\n", len(rep.Findings)-20)
				break
			}
			fmt.Fprintln(&b, f)
		}
		return fmt.Errorf("audit: %d findings:\n%s", len(rep.Findings), b.String())
	}
	if !rep.Complete {
		return fmt.Errorf("audit incomplete")
	}
	return nil
}
