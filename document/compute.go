package document

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/nif"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

var (
	zero    = decimal.Zero
	one     = decimal.NewFromInt(1)
	hundred = decimal.NewFromInt(100)
	cent    = decimal.New(1, -2)
	// fifty cents is the bound on a half-cent error; limits of CIVA art. 40.
	limitRetail = decimal.NewFromInt(1000)
	limitOther  = decimal.NewFromInt(100)
)

// FinalConsumerName is the name of the generic customer (Portaria
// 302/2016, 2.2.4; Despacho 8632/2014 §2.2.5).
const FinalConsumerName = "Consumidor final"

// Computed is a draft with every amount the document shows, before it is
// numbered and signed.
type Computed struct {
	// Draft is the draft with its defaults filled in (customer, region,
	// rates, payments); its Lines are the caller's, as given.
	Draft Draft
	// Lines are the lines with their defaults (unit, description, tax
	// point date, reference) and amounts.
	Lines []LineAmounts
	// Taxes are the sums per tax, region and rate, in the order first met.
	Taxes []TaxAmounts
	// NetTotal, TaxPayable and GrossTotal are SAF-T's DocumentTotals, in
	// EUR: GrossTotal = NetTotal + TaxPayable.
	NetTotal, TaxPayable, GrossTotal decimal.Decimal
	// Withholding holds the amounts withheld, in the order of the draft.
	Withholding      []WithholdingAmount
	WithholdingTotal decimal.Decimal
	// Payable is what the customer pays: GrossTotal less the withholding.
	Payable decimal.Decimal
	// SettlementAmount is the agreed early-payment discount, informative.
	SettlementAmount decimal.Decimal
	// CurrencyAmount is GrossTotal in the original currency, when the
	// draft has one.
	CurrencyAmount decimal.Decimal
	// QR is the QR code message's variable part (buyer, status, fiscal
	// spaces, not subject, stamp duty, taxes, withholding); Issue fills the
	// rest.
	QR qrcode.Document
	// Mentions are what the printed document must say besides the amounts:
	// the exemption mentions, "IVA - autoliquidação", "Consumidor final".
	Mentions []string
}

// LineAmounts is a line with its amounts in EUR.
type LineAmounts struct {
	Line
	// UnitPrice is SAF-T's UnitPrice: without tax, after the line's and
	// the global discounts, to 6 decimals.
	UnitPrice decimal.Decimal
	// Amount is the line without tax (SAF-T CreditAmount or DebitAmount).
	Amount decimal.Decimal
	// Tax is the line's share of its rate's tax, so that the lines' taxes
	// add up to the rate's; Gross = Amount + Tax.
	Tax, Gross decimal.Decimal
	// DiscountAmount is what the discounts took off the line, without tax
	// (SAF-T SettlementAmount).
	DiscountAmount decimal.Decimal
	// TaxType, TaxCode, Region and Percent are the line's SAF-T Tax;
	// FixedAmount the stamp duty of a fixed amount (Percent is then 0).
	TaxType     saft.TaxType
	TaxCode     saft.TaxCode
	Region      Region
	Percent     decimal.Decimal
	FixedAmount *decimal.Decimal
	// Exemption is set on lines without VAT (exempt, reverse charge, not
	// subject).
	Exemption *Exemption
	group     int
}

// TaxAmounts is the sum of one tax at one rate.
type TaxAmounts struct {
	Type        saft.TaxType
	Region      Region
	Code        saft.TaxCode
	Percent     decimal.Decimal
	Fixed       bool // stamp duty of fixed amounts
	Description string
	// Base is the sum of the lines' amounts without tax; Tax the tax.
	Base, Tax decimal.Decimal
	lines     []int
	base, tax int64 // Base and Tax in cents, in the integer computation
}

// WithholdingAmount is one withholding tax of the document.
type WithholdingAmount struct {
	Withholding
	Amount decimal.Decimal
}

// Compute checks the draft and computes its amounts. It returns a
// *violation.Error with every problem found.
func Compute(d Draft) (*Computed, error) {
	var vs violation.List
	c := &Computed{}
	d = normalize(d, &vs)
	c.Draft = d
	lines := resolve(&d, &vs)
	if len(vs) > 0 {
		return nil, vs.Err("document")
	}
	factor := one
	if d.Currency != nil {
		factor = d.Currency.Rate
		orig := money(lines, d, one, false, &vs)
		c.CurrencyAmount = orig.gross
	}
	m := money(lines, d, factor, true, &vs)
	c.Lines, c.Taxes = m.lines, m.taxes
	c.NetTotal, c.TaxPayable, c.GrossTotal = m.net, m.tax, m.gross
	c.totals(&vs)
	if err := vs.Err("document"); err != nil {
		return nil, err
	}
	c.QR = c.qr()
	c.Mentions = c.mentions()
	return c, nil
}

func isSales(t series.DocumentType) bool {
	switch t {
	case series.DocumentTypeFT, series.DocumentTypeFS, series.DocumentTypeFR, series.DocumentTypeNC, series.DocumentTypeND:
		return true
	}
	return false
}

func isCorrection(t series.DocumentType) bool {
	return t == series.DocumentTypeNC || t == series.DocumentTypeND
}

func normalize(d Draft, vs *violation.List) Draft {
	switch c := d.Type.Class(); {
	case isSales(d.Type), c == series.DocumentClassWD, c == series.DocumentClassMG:
	default:
		vs.Add("Type", CodeType, "%q is not an invoice, credit or debit note, working or transport document (receipts: Receipt)", d.Type)
	}
	if !d.Date.Valid() {
		vs.Add("Date", CodeDate, "document date %s is missing or not a calendar date", d.Date)
	}
	if d.Region == "" {
		d.Region = Mainland
	} else if !d.Region.Valid() {
		vs.Add("Region", CodeRegion, "%q is not PT, PT-AC or PT-MA", d.Region)
	}
	if d.Rates == nil {
		d.Rates = defaultRates
	}
	if d.SourceID == "" {
		d.SourceID = "document"
	}
	checkPercent(vs, -1, "Discount", d.Discount)
	d.Customer = normalizeCustomer(d.Customer, vs)
	if d.Currency != nil {
		cur := *d.Currency
		d.Currency = &cur
		if len(cur.Code) != 3 || strings.ToUpper(cur.Code) != cur.Code || cur.Code == "EUR" {
			vs.Add("Currency.Code", CodeCurrency, "%q is not an ISO 4217 code other than EUR", cur.Code)
		}
		if !cur.Rate.IsPositive() {
			vs.Add("Currency.Rate", CodeCurrency, "exchange rate %s is not positive", cur.Rate)
		}
	}
	if d.Type.Class() == series.DocumentClassMG {
		if d.Transport == nil || d.Transport.Start.IsZero() {
			vs.Add("Transport", CodeTransport, "a transport document (%s) has the start of its movement", d.Type)
		}
	} else if d.Transport != nil {
		vs.Add("Transport", CodeTransport, "only transport documents (GR, GT, GA, GC, GD) have a movement, not %s", d.Type)
	}
	if len(d.Lines) == 0 {
		vs.Add("Lines", CodeLines, "the document has no line")
	}
	return d
}

func checkPercent(vs *violation.List, line linePath, field string, p decimal.Decimal) {
	if p.IsZero() {
		return
	}
	if c, s, ok := fixedOf(p); ok && c <= 100*pow10s[s] {
		return
	}
	if p.IsNegative() || p.GreaterThan(hundred) {
		path := field
		if line >= 0 {
			path = line.String() + "." + field
		}
		vs.Add(path, CodeDiscount, "%s %% is not between 0 and 100", p)
	}
}

func normalizeCustomer(c Customer, vs *violation.List) Customer {
	unknown := func(s *string) {
		if strings.TrimSpace(*s) == "" {
			*s = saft.Unknown
		}
	}
	if c.TaxID == "" || c.TaxID == nif.FinalConsumer {
		c.TaxID = nif.FinalConsumer
		if c.Name == "" {
			c.Name = FinalConsumerName
		}
		if c.ID == "" {
			c.ID = "CF"
		}
		if c.Country == "" {
			c.Country = saft.Unknown
		}
	} else {
		if c.Country == "" {
			c.Country = "PT"
		}
		if c.ID == "" {
			c.ID = c.TaxID
		}
		if strings.TrimSpace(c.Name) == "" {
			vs.Add("Customer.Name", CodeCustomerName, "customer %s has no name (CIVA art. 36 n.º 5 a))", c.TaxID)
		}
		if c.Country == "PT" {
			if err := nif.Validate(c.TaxID); err != nil {
				vs.Add("Customer.TaxID", CodeCustomerNIF, "%v", err)
			}
		}
	}
	if c.Country != saft.Unknown && (len(c.Country) != 2 || strings.ToUpper(c.Country) != c.Country) {
		vs.Add("Customer.Country", CodeCustomerCountry, "%q is not ISO 3166-1 alpha-2", c.Country)
	}
	unknown(&c.Address)
	unknown(&c.City)
	unknown(&c.PostalCode)
	return c
}

type taxKey struct {
	typ     saft.TaxType
	region  Region
	code    saft.TaxCode
	pct     uint64 // the percentage as pct / 10^scale when it fits
	scale   int
	percent string // when it does not
	fixed   bool
}

// resolve decides each line's tax and groups the lines by tax and rate
// (LineAmounts.group, numbered in the order first met).
func resolve(d *Draft, vs *violation.List) []LineAmounts {
	out := make([]LineAmounts, len(d.Lines))
	keys := make([]taxKey, 0, 4) // one per group: a document has few rates
	movement := d.Type.Class() == series.DocumentClassMG
	var last struct {
		region   Region
		category Category
		date     civil.Date
		percent  decimal.Decimal
		ok       bool
	}
	for i := range d.Lines {
		// The caller's lines stay as given: the defaults go to the copy.
		out[i].Line = d.Lines[i]
		l := &out[i].Line
		path := linePath(i)
		if l.Reference == nil && isCorrection(d.Type) {
			l.Reference = d.Reference
		}
		if l.Product.Type == "" {
			l.Product.Type = saft.ProductTypeGoods
		}
		if l.Product.Unit == "" {
			l.Product.Unit = "UN"
		}
		if l.Description == "" {
			l.Description = l.Product.Description
		}
		if l.TaxPointDate.IsZero() {
			l.TaxPointDate = d.Date
		} else if !l.TaxPointDate.Valid() {
			vs.Add(path.String()+".TaxPointDate", CodeDate, "tax point date %s is not a calendar date", l.TaxPointDate)
		}
		if strings.TrimSpace(l.Product.Code) == "" || strings.TrimSpace(l.Product.Description) == "" || !l.Product.Type.Valid() {
			vs.Add(path.String()+".Product", CodeProduct, "product %q needs a code, a description and a type P, S, O, E or I", l.Product.Code)
		}
		if !l.Quantity.IsPositive() {
			vs.Add(path.String()+".Quantity", CodeQuantity, "quantity %s is not greater than 0", l.Quantity)
		}
		if l.UnitPrice.IsNegative() {
			vs.Add(path.String()+".UnitPrice", CodePrice, "unit price %s is negative", l.UnitPrice)
		}
		checkPercent(vs, path, "Discount", l.Discount)
		if isCorrection(d.Type) {
			if l.Reference == nil || strings.TrimSpace(l.Reference.Number) == "" || strings.TrimSpace(l.Reference.Reason) == "" {
				vs.Add(path.String()+".Reference", CodeReference, "a %s line names the document it corrects and the reason", d.Type)
			}
		} else if l.Reference != nil {
			vs.Add(path.String()+".Reference", CodeReference, "a %s corrects no document", d.Type)
		}
		r := &out[i]
		t := l.Tax
		if t.Region == "" {
			t.Region = d.Region
		} else if !t.Region.Valid() {
			vs.Add(path.String()+".Tax.Region", CodeRegion, "%q is not PT, PT-AC or PT-MA", t.Region)
		}
		r.Region = t.Region
		switch {
		case t.StampDuty != nil:
			sd := t.StampDuty
			r.TaxType, r.TaxCode, r.Region = saft.TaxTypeStampDuty, saft.TaxCode(sd.Code), Mainland
			switch {
			case movement:
				vs.Add(path.String()+".Tax.StampDuty", CodeStampDuty, "a transport document's line has no stamp duty")
			case sd.Code == "" || !saft.TaxCode(sd.Code).Valid() || sd.Description == "":
				vs.Add(path.String()+".Tax.StampDuty", CodeStampDuty, "stamp duty item %q needs its code and description", sd.Code)
			case sd.Percent.IsPositive() == sd.Amount.IsPositive() || sd.Percent.IsNegative() || sd.Amount.IsNegative():
				vs.Add(path.String()+".Tax.StampDuty", CodeStampDuty, "stamp duty %s has exactly one of a positive rate or amount", sd.Code)
			case sd.Amount.IsPositive():
				a := sd.Amount
				r.FixedAmount = &a
			default:
				r.Percent = sd.Percent
			}
		case t.Exemption != "":
			e, ok := LookupExemption(t.Exemption)
			if t.ExemptionReason != "" {
				e.Mention = t.ExemptionReason
			}
			if !ok {
				e.Code = t.Exemption
				if len(e.Code) != 3 || e.Code[0] != 'M' || e.Code[1] < '0' || e.Code[1] > '9' || e.Code[2] < '0' || e.Code[2] > '9' || e.Mention == "" {
					vs.Add(path.String()+".Tax.Exemption", CodeExemption, "exemption %q is not in the table: give a code M01-M99 and its mention (ExemptionReason)", t.Exemption)
				}
			}
			if utf8.RuneCountInString(saftReason(e.Mention)) > maxReason {
				vs.Add(path.String()+".Tax.ExemptionReason", CodeExemption, "the mention of %s has more than the %d characters of SAF-T's TaxExemptionReason", e.Code, maxReason)
			}
			r.Exemption = &e
			if e.NotSubject() {
				r.TaxType, r.TaxCode = saft.TaxTypeNotSubject, saft.TaxCodeNotSubject
			} else {
				r.TaxType, r.TaxCode = saft.TaxTypeVAT, saft.TaxCodeExempt
			}
		default:
			r.TaxType = saft.TaxTypeVAT
			if !t.Category.Valid() {
				vs.Add(path.String()+".Tax.Category", CodeCategory, "%q is not RED, INT or NOR (or give an exemption)", t.Category)
				break
			}
			r.TaxCode = saft.TaxCode(t.Category)
			// Lines mostly share their rate: the last lookup is reused.
			if last.ok && last.region == t.Region && last.category == t.Category && last.date == l.TaxPointDate {
				r.Percent = last.percent
			} else if rate, ok := d.Rates.Lookup(t.Region, t.Category, l.TaxPointDate); ok {
				r.Percent = rate.Percent
				last.region, last.category, last.date, last.percent, last.ok = t.Region, t.Category, l.TaxPointDate, rate.Percent, true
			} else if t.Region.Valid() {
				vs.Add(path.String()+".Tax", CodeRateUnknown, "no %s rate of %s in force on %s", t.Category, t.Region, l.TaxPointDate)
			}
		}
		key := taxKey{typ: r.TaxType, region: r.Region, code: r.TaxCode, fixed: r.FixedAmount != nil}
		if c, s, ok := fixedOf(r.Percent); ok {
			// The same rate written 23 or 23.00 is one rate.
			for s > 0 && c%10 == 0 {
				c, s = c/10, s-1
			}
			key.pct, key.scale = c, s
		} else {
			key.percent = r.Percent.String()
		}
		r.group = slices.Index(keys, key)
		if r.group < 0 {
			r.group = len(keys)
			keys = append(keys, key)
		}
	}
	return out
}

// linePath is "Lines[i+1]", built only for a violation.
type linePath int

func (p linePath) String() string { return "Lines[" + strconv.Itoa(int(p)+1) + "]" }

// moneyResult is one pass of the computation, in one currency.
type moneyResult struct {
	lines           []LineAmounts
	taxes           []TaxAmounts
	net, tax, gross decimal.Decimal
}

// money computes the amounts with prices multiplied by factor (the
// exchange rate, or 1). See the package comment for the method.
func money(ls []LineAmounts, d Draft, factor decimal.Decimal, inPlace bool, vs *violation.List) moneyResult {
	converted := !factor.Equal(one)
	if !forceDecimal {
		var local violation.List
		if m, ok := moneyFast(ls, &d, factor, converted, inPlace, &local); ok {
			*vs = append(*vs, local...)
			return m
		}
	}
	var m moneyResult
	m.lines = make([]LineAmounts, len(ls))
	global := one.Sub(d.Discount.Shift(-2))
	for i := range ls {
		la := ls[i]
		price := la.Line.UnitPrice
		if converted {
			price = price.Mul(factor)
		}
		eff := price
		discounted := !la.Line.Discount.IsZero() || !d.Discount.IsZero()
		if discounted {
			eff = eff.Mul(one.Sub(la.Line.Discount.Shift(-2))).Mul(global)
		}
		total := la.Quantity.Mul(eff).Round(2)
		if discounted {
			la.DiscountAmount = la.Quantity.Mul(price).Round(2).Sub(total)
		}
		la.Amount, la.Gross = total, total // inclusive: Gross is what is paid, Amount set below
		if g := la.group; g == len(m.taxes) {
			m.taxes = append(m.taxes, TaxAmounts{Type: la.TaxType, Region: la.Region, Code: la.TaxCode,
				Percent: la.Percent, Fixed: la.FixedAmount != nil, Description: taxDescription(&la)})
		}
		g := la.group
		m.taxes[g].lines = append(m.taxes[g].lines, i)
		m.lines[i] = la
	}
	var drift decimal.Decimal // inclusive: sum of (tax - base x rate), kept within a half cent x (1 + rate)
	for g := range m.taxes {
		t := &m.taxes[g]
		rate := t.Percent.Shift(-2)
		var sum decimal.Decimal
		for _, i := range t.lines {
			sum = sum.Add(m.lines[i].Gross)
		}
		switch {
		case t.Fixed:
			// Stamp duty of fixed amounts: the tax is given per line.
			for _, i := range t.lines {
				l := &m.lines[i]
				l.Tax = *l.FixedAmount
				if d.PricesIncludeTax {
					l.Amount = l.Gross.Sub(l.Tax)
					if l.Amount.IsNegative() {
						vs.Add("Lines["+strconv.Itoa(i+1)+"].Tax.StampDuty", CodeStampDuty, "the price %s with the stamp duty included is less than the duty %s", l.Gross, l.Tax)
					}
				} else {
					l.Gross = l.Amount.Add(l.Tax)
				}
				t.Base, t.Tax = t.Base.Add(l.Amount), t.Tax.Add(l.Tax)
			}
		case !d.PricesIncludeTax || t.Percent.IsZero():
			t.Base = sum
			t.Tax = sum.Mul(rate).Round(2)
			exact := make([]decimal.Decimal, len(t.lines))
			for k, i := range t.lines {
				exact[k] = m.lines[i].Amount.Mul(rate)
			}
			for k, share := range allocate(t.Tax, exact) {
				l := &m.lines[t.lines[k]]
				l.Tax = share
				l.Gross = l.Amount.Add(share)
			}
		default:
			// Prices with tax: the base is the sum paid divided by 1 +
			// rate, to the cent below or above, whichever keeps the
			// document's tax nearest the exact tax of its lines.
			onePlus := one.Add(rate)
			base := sum.DivRound(onePlus, 4).RoundFloor(2)
			for sum.Sub(base.Mul(onePlus)).IsNegative() {
				base = base.Sub(cent)
			}
			for !sum.Sub(base.Add(cent).Mul(onePlus)).IsNegative() {
				base = base.Add(cent)
			}
			low := sum.Sub(base.Mul(onePlus))            // >= 0
			high := sum.Sub(base.Add(cent).Mul(onePlus)) // < 0
			// Each rate's tax stays within a cent of its base x rate (the
			// QR code shows it per rate): the farther cent is a choice only
			// when it is at most a cent away.
			near, far, nearBase, farBase := low, high, base, base.Add(cent)
			if high.Abs().LessThan(low.Abs()) {
				near, far, nearBase, farBase = high, low, farBase, nearBase
			}
			base, low = nearBase, near
			if far.Abs().LessThanOrEqual(cent) && drift.Add(far).Abs().LessThan(drift.Add(near).Abs()) && farBase.LessThanOrEqual(sum) {
				base, low = farBase, far
			}
			drift = drift.Add(low)
			t.Base, t.Tax = base, sum.Sub(base)
			exact := make([]decimal.Decimal, len(t.lines))
			for k, i := range t.lines {
				exact[k] = m.lines[i].Gross.DivRound(onePlus, 12)
			}
			for k, amount := range allocate(base, exact) {
				l := &m.lines[t.lines[k]]
				l.Amount = amount
				l.Tax = l.Gross.Sub(amount)
			}
		}
		m.net, m.tax = m.net.Add(t.Base), m.tax.Add(t.Tax)
	}
	for i := range m.lines {
		l := &m.lines[i]
		if l.Quantity.IsPositive() {
			l.UnitPrice = unitPrice(l.Amount, l.Quantity)
		}
		if d.PricesIncludeTax && l.DiscountAmount.IsPositive() && l.Percent.IsPositive() && l.FixedAmount == nil {
			l.DiscountAmount = l.DiscountAmount.DivRound(one.Add(l.Percent.Shift(-2)), 2)
		}
	}
	m.gross = m.net.Add(m.tax)
	return m
}

// forceDecimal makes money compute in decimals only, for the test that
// compares both ways.
var forceDecimal = false

// unitPrice is SAF-T's UnitPrice of a line: its amount over its quantity,
// to 6 decimals, so that Quantity x UnitPrice gives the amount back within
// the rounding of the written price.
func unitPrice(amount, qty decimal.Decimal) decimal.Decimal {
	if qty.Equal(one) {
		return amount
	}
	p := amount.DivRound(qty, 6)
	if two := p.Round(2); two.Mul(qty).Equal(amount) {
		return two
	}
	return p
}

// allocate splits total (cents) in shares near exact, each exact rounded
// down and the remaining cents given to the largest remainders first
// (ties to the earlier line): the shares add up to total.
func allocate(total decimal.Decimal, exact []decimal.Decimal) []decimal.Decimal {
	out := make([]decimal.Decimal, len(exact))
	if len(exact) == 1 {
		out[0] = total
		return out
	}
	sum := zero
	for i, e := range exact {
		out[i] = e.RoundFloor(2)
		sum = sum.Add(out[i])
	}
	left := total.Sub(sum).Shift(2).IntPart()
	if left == 0 {
		return out
	}
	order := make([]int, len(exact))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return exact[b].Sub(out[b]).Cmp(exact[a].Sub(out[a]))
	})
	step := cent
	if left < 0 {
		step, left = cent.Neg(), -left
		slices.Reverse(order)
	}
	for k := int64(0); k < left; k++ {
		i := order[int(k)%len(order)]
		out[i] = out[i].Add(step)
	}
	return out
}

func taxDescription(l *LineAmounts) string {
	switch {
	case l.TaxType == saft.TaxTypeStampDuty:
		return l.Line.Tax.StampDuty.Description
	case l.TaxType == saft.TaxTypeNotSubject:
		return "Não sujeito"
	case l.TaxCode == saft.TaxCodeExempt:
		return "Isento"
	}
	switch Category(l.TaxCode) {
	case Reduced:
		return "Taxa reduzida"
	case Intermediate:
		return "Taxa intermédia"
	}
	return "Taxa normal"
}

// totals computes what follows the gross total and checks what depends on
// it.
func (c *Computed) totals(vs *violation.List) {
	d := &c.Draft
	var services decimal.Decimal
	for i := range c.Lines {
		if c.Lines[i].Product.Type == saft.ProductTypeServices {
			services = services.Add(c.Lines[i].Amount)
		}
	}
	for i, w := range d.Withholding {
		path := "Withholding[" + strconv.Itoa(i+1) + "]"
		amount := w.Amount
		switch {
		case !w.Type.Valid():
			vs.Add(path+".Type", CodeWithholding, "%q is not IRS, IRC or IS", w.Type)
		case w.Percent.IsPositive() == w.Amount.IsPositive() || w.Percent.IsNegative() || w.Amount.IsNegative() || w.Percent.GreaterThan(hundred):
			vs.Add(path, CodeWithholding, "a withholding has exactly one of a rate (0 to 100 %%) or a positive amount")
		case w.Percent.IsPositive():
			amount = services.Mul(w.Percent).Shift(-2).Round(2)
		}
		c.Withholding = append(c.Withholding, WithholdingAmount{w, amount})
		c.WithholdingTotal = c.WithholdingTotal.Add(amount)
	}
	if c.WithholdingTotal.GreaterThan(c.GrossTotal) {
		vs.Add("Withholding", CodeWithholding, "withholding %s is more than the gross total %s", c.WithholdingTotal, c.GrossTotal)
	}
	c.Payable = c.GrossTotal.Sub(c.WithholdingTotal)
	if s := d.Settlement; s != nil {
		if s.Percent.IsNegative() || s.Percent.GreaterThan(hundred) {
			vs.Add("Settlement.Percent", CodeSettlement, "%s %% is not between 0 and 100", s.Percent)
		}
		c.SettlementAmount = c.GrossTotal.Mul(s.Percent).Shift(-2).Round(2)
	}
	if d.Type == series.DocumentTypeFS {
		limit, rule := limitOther, "b) (other sales and services, or to a taxable person)"
		if d.Retail && !d.Customer.TaxablePerson {
			limit, rule = limitRetail, "a) (retail sale of goods to a person who is not a taxable person)"
		}
		if c.GrossTotal.GreaterThan(limit) {
			vs.Add("Type", CodeSimplifiedLimit, "a simplified invoice of %s EUR is above the %s EUR of CIVA art. 40 n.º 1 %s: issue an FT or FR", c.GrossTotal.StringFixed(2), limit, rule)
		}
	}
	if len(d.Payments) > 0 {
		d.Payments = slices.Clone(d.Payments)
		if len(d.Payments) == 1 && d.Payments[0].Amount.IsZero() {
			d.Payments[0].Amount = c.Payable
		}
		var paid decimal.Decimal
		for i := range d.Payments {
			p := &d.Payments[i]
			if p.Date.IsZero() {
				p.Date = d.Date
			}
			if p.Mechanism == "" || p.Amount.IsNegative() || !p.Date.Valid() {
				vs.Add("Payments["+strconv.Itoa(i+1)+"]", CodePayments, "a payment has a mechanism, an amount and a date")
			}
			paid = paid.Add(p.Amount)
		}
		if !paid.Equal(c.Payable) {
			vs.Add("Payments", CodePayments, "the payments add up to %s, not to the %s payable", paid, c.Payable)
		}
	} else if d.Type == series.DocumentTypeFR {
		vs.Add("Payments", CodePayments, "an invoice-receipt (FR) says how it was paid")
	}
}

// qr builds the QR code's variable part: one fiscal space per region with
// VAT (ISE lines and stamp-duty operations in its exempt base), NS lines
// in field L, stamp duty in M (Especificações Técnicas Código QR, §4).
func (c *Computed) qr() qrcode.Document {
	q := qrcode.Document{
		BuyerTaxID:     c.Draft.Customer.TaxID,
		BuyerCountry:   c.Draft.Customer.Country,
		DocumentStatus: "N",
		TaxPayable:     c.TaxPayable,
	}
	var spaces [3]*qrcode.FiscalSpace // PT, PT-AC, PT-MA
	space := func(r Region) *qrcode.FiscalSpace {
		k := slices.Index(Mainland.Values(), r)
		if spaces[k] == nil {
			spaces[k] = &qrcode.FiscalSpace{Region: string(r)}
		}
		return spaces[k]
	}
	add := func(f *decimal.NullDecimal, v decimal.Decimal) {
		if f.Valid {
			*f = qrcode.Amount(f.Decimal.Add(v))
		} else {
			*f = qrcode.Amount(v)
		}
	}
	for i := range c.Taxes {
		t := &c.Taxes[i]
		switch {
		case t.Type == saft.TaxTypeNotSubject:
			add(&q.NonTaxable, t.Base)
		case t.Type == saft.TaxTypeStampDuty:
			add(&space(t.Region).ExemptBase, t.Base)
			add(&q.StampDuty, t.Tax)
		case t.Code == saft.TaxCodeExempt:
			add(&space(t.Region).ExemptBase, t.Base)
		case Category(t.Code) == Reduced:
			s := space(t.Region)
			add(&s.ReducedBase, t.Base)
			add(&s.ReducedVAT, t.Tax)
		case Category(t.Code) == Intermediate:
			s := space(t.Region)
			add(&s.IntermediateBase, t.Base)
			add(&s.IntermediateVAT, t.Tax)
		default:
			s := space(t.Region)
			add(&s.NormalBase, t.Base)
			add(&s.NormalVAT, t.Tax)
		}
	}
	var order []*qrcode.FiscalSpace
	for _, s := range spaces {
		if s != nil {
			order = append(order, s)
		}
	}
	if len(order) == 0 {
		order = append(order, &qrcode.FiscalSpace{Region: string(c.Draft.Region)})
	}
	if c.Draft.Type.Class() == series.DocumentClassMG && c.GrossTotal.IsZero() {
		// A transport document without values shows no VAT rate: I1:0
		// (Especificações Técnicas Código QR §3 h), as in its example
		// §5.4.
		order = []*qrcode.FiscalSpace{{Region: qrcode.RegionNoVATRate}}
	}
	q.FiscalSpaceI = *order[0]
	if len(order) > 1 {
		q.FiscalSpaceJ = order[1]
	}
	if len(order) > 2 {
		q.FiscalSpaceK = order[2]
	}
	if c.WithholdingTotal.IsPositive() {
		q.WithholdingTax = qrcode.Amount(c.WithholdingTotal)
	}
	return q
}

func (c *Computed) mentions() []string {
	var out []string
	addm := func(s string) { // a handful of mentions: no map
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if c.Draft.Customer.TaxID == nif.FinalConsumer {
		addm(FinalConsumerName) // Despacho 8632/2014 §2.2.5
	}
	var done []*Exemption
	for i := range c.Lines {
		e := c.Lines[i].Exemption
		if e == nil || slices.ContainsFunc(done, func(x *Exemption) bool { return *x == *e }) {
			continue
		}
		done = append(done, e)
		// CIVA art. 36 n.º 5 e): the reason no tax is charged;
		// art. 36 n.º 13: "IVA - autoliquidação" on reverse charge.
		addm(e.Code + ": " + e.Mention)
	}
	for _, w := range c.Withholding {
		addm(fmt.Sprintf("Retenção na fonte (%s): %s €", w.Type, ptNumber(w.Amount.StringFixed(2))))
	}
	if c.Draft.Currency != nil {
		addm(fmt.Sprintf("Total em %s: %s (câmbio %s)", c.Draft.Currency.Code, ptNumber(c.CurrencyAmount.StringFixed(2)), ptNumber(c.Draft.Currency.Rate.String())))
	}
	return out
}

// ptNumber writes a decimal number the Portuguese way, for the mentions a
// document prints as they are: a comma before the decimals and a no-break
// space between thousands ("7 400,00").
func ptNumber(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString("\u00a0")
		}
		b.WriteByte(intPart[i])
	}
	if hasFrac {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}
