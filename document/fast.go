package document

import (
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strconv"
	"unsafe"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/violation"
)

// The computation in integers: the same method as money's, on cents and
// exact integer fractions, for the inputs that fit (any realistic price,
// quantity, discount, rate and exchange rate). It spares a decimal
// allocation per operation, which would make the computation cost a good
// part of the signature it precedes. money falls back to decimals for the
// rest, with identical results (TestFastMatchesDecimal).

var pow10s = func() (p [20]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return
}()

type u128 struct{ hi, lo uint64 }

func mul128(a u128, b uint64) (u128, bool) {
	hi1, lo := bits.Mul64(a.lo, b)
	hh, hi2 := bits.Mul64(a.hi, b)
	if hh != 0 {
		return u128{}, false
	}
	hi, c := bits.Add64(hi1, hi2, 0)
	return u128{hi, lo}, c == 0
}

// divmod128 returns a / d and its remainder, when the quotient fits in
// int64.
func divmod128(a u128, d uint64) (int64, uint64, bool) {
	if d == 0 || a.hi >= d {
		return 0, 0, false
	}
	q, r := bits.Div64(a.hi, a.lo, d)
	return int64(q), r, q <= math.MaxInt64
}

// divRound128 returns a / d rounded half up.
func divRound128(a u128, d uint64) (int64, bool) {
	q, r, ok := divmod128(a, d)
	if !ok {
		return 0, false
	}
	if r >= d-r {
		q++
	}
	return q, q >= 0
}

// fixedOf returns d as c / 10^scale, for d >= 0 with up to 18 digits.
func fixedOf(d decimal.Decimal) (uint64, int, bool) {
	var c uint64
	if arenaWorks {
		// The coefficient read in place: NumDigits costs a logarithm.
		v := (*decimalLayout)(unsafe.Pointer(&d)).value
		if v != nil {
			if v.Sign() < 0 || !v.IsUint64() || v.Uint64() >= pow10s[18] {
				return 0, 0, false
			}
			c = v.Uint64()
		}
	} else {
		if d.IsNegative() || d.NumDigits() > 18 {
			return 0, 0, false
		}
		c = uint64(d.CoefficientInt64())
	}
	exp := int(d.Exponent())
	if exp >= 0 {
		if exp > 18 {
			return 0, 0, false
		}
		hi, lo := bits.Mul64(c, pow10s[exp])
		return lo, 0, hi == 0 && lo <= math.MaxInt64
	}
	if -exp > 18 {
		return 0, 0, false
	}
	return c, -exp, true
}

// toCents rounds n / 10^scale to the cent, half up.
func toCents(n u128, scale int) (int64, bool) {
	switch {
	case scale >= 2 && scale-2 < len(pow10s):
		return divRound128(n, pow10s[scale-2])
	case scale < 2:
		m, ok := mul128(n, pow10s[2-scale])
		if !ok || m.hi != 0 || m.lo > math.MaxInt64 {
			return 0, false
		}
		return int64(m.lo), true
	}
	return 0, false
}

// rateOf returns percent as R / K with K = 10^(scale+2): the rate as a
// fraction.
func rateOf(percent decimal.Decimal) (r, k uint64, ok bool) {
	c, s, ok := fixedOf(percent)
	if !ok || s > 4 || c > 1e8 {
		return 0, 0, false
	}
	return c, pow10s[s+2], true
}

const driftUnit = 1_000_000 // drift in millionths of a cent: 10^6 / K is whole for K <= 10^6

// centsArena makes the decimals of a computation's results from two
// arrays allocated once, instead of two allocations per decimal
// (decimal.New's big.Int and its word). decimal.Decimal keeps its
// coefficient unexported and copies a given *big.Int, so the arena builds
// the Decimal through its layout, which arenaWorks checks against
// decimal.New at start; if the layout ever changes, the arena is off and
// every decimal comes from decimal.New. A Decimal's coefficient is never
// changed after it is made (every operation returns a new one), so the
// decimals may share the arrays.
type centsArena struct {
	ints  []big.Int
	words []big.Word
}

// decimalLayout is decimal.Decimal's representation.
type decimalLayout struct {
	value *big.Int
	exp   int32
}

var arenaWorks = func() bool {
	if unsafe.Sizeof(decimal.Decimal{}) != unsafe.Sizeof(decimalLayout{}) || bits.UintSize != 64 {
		return false
	}
	a := newCentsArena(4)
	for _, c := range []int64{1, -1, 123456, -98765432101} {
		if d, want := a.cents(c), decimal.New(c, -2); !d.Equal(want) || d.String() != want.String() || d.Exponent() != -2 {
			return false
		}
	}
	return true
}()

func newCentsArena(n int) *centsArena {
	return &centsArena{ints: make([]big.Int, n), words: make([]big.Word, n)}
}

// cents returns c cents, from the arena while it lasts.
func (a *centsArena) cents(c int64) decimal.Decimal { return a.decimal(c, -2) }

// decimal returns c x 10^exp, from the arena while it lasts.
func (a *centsArena) decimal(c int64, exp int32) decimal.Decimal {
	if c == 0 {
		return decimal.Decimal{}
	}
	if a == nil || len(a.ints) == 0 {
		return decimal.New(c, exp)
	}
	z, w := &a.ints[0], a.words[:1:1]
	a.ints, a.words = a.ints[1:], a.words[1:]
	u := uint64(c)
	if c < 0 {
		u = -u
	}
	w[0] = big.Word(u)
	z.SetBits(w)
	if c < 0 {
		z.Neg(z)
	}
	return *(*decimal.Decimal)(unsafe.Pointer(&decimalLayout{value: z, exp: exp}))
}

// moneyFast is money in integers; ok false when an input does not fit.
func moneyFast(ls []LineAmounts, d *Draft, factor decimal.Decimal, converted, inPlace bool, vs *violation.List) (m moneyResult, ok bool) {
	const maxCents = 1e12 // 10 000 000 000 EUR: beyond, decimals
	var fx uint64
	var sx int
	if converted {
		if fx, sx, ok = fixedOf(factor); !ok {
			return m, false
		}
	}
	var gd uint64
	var sg int
	globalDiscount := !d.Discount.IsZero()
	if globalDiscount {
		if gd, sg, ok = fixedOf(d.Discount); !ok || sg > 6 {
			return m, false
		}
		gd = 100*pow10s[sg] - gd
	}
	n := len(ls)
	var arena *centsArena
	cents := arena.cents      // until the arena is made, for the messages
	buf := make([]int64, 4*n) // one allocation for the four columns
	total, amount, tax, disc := buf[:n:n], buf[n:2*n:2*n], buf[2*n:3*n:3*n], buf[3*n:]
	ibuf := make([]int, 2*n) // each line's group, then the lines by group
	groupOf, byGroup := ibuf[:n:n], ibuf[n:]
	if inPlace {
		m.lines = ls
	} else {
		m.lines = slices.Clone(ls)
	}
	m.taxes = make([]TaxAmounts, 0, 4)
	counts := make([]int, 0, 4)
	for i := range m.lines {
		la := &m.lines[i]
		q, sq, ok1 := fixedOf(la.Quantity)
		p, sp, ok2 := fixedOf(la.Line.UnitPrice)
		if !ok1 || !ok2 {
			return m, false
		}
		hi, lo := bits.Mul64(q, p)
		v, scale := u128{hi, lo}, sq+sp
		if converted {
			if v, ok = mul128(v, fx); !ok {
				return m, false
			}
			scale += sx
		}
		undiscounted, ok := toCents(v, scale)
		if !ok || undiscounted > maxCents {
			return m, false
		}
		t := undiscounted
		lineDiscount := !la.Line.Discount.IsZero()
		if lineDiscount || globalDiscount {
			if lineDiscount {
				ld, sd, ok := fixedOf(la.Line.Discount)
				if !ok || sd > 6 {
					return m, false
				}
				if v, ok = mul128(v, 100*pow10s[sd]-ld); !ok {
					return m, false
				}
				scale += sd + 2
			}
			if globalDiscount {
				if v, ok = mul128(v, gd); !ok {
					return m, false
				}
				scale += sg + 2
			}
			if t, ok = toCents(v, scale); !ok {
				return m, false
			}
			disc[i] = undiscounted - t
		}
		total[i], amount[i] = t, t
		g := la.group
		if g == len(m.taxes) {
			counts = append(counts, 0)
			m.taxes = append(m.taxes, TaxAmounts{Type: la.TaxType, Region: la.Region, Code: la.TaxCode,
				Percent: la.Percent, Fixed: la.FixedAmount != nil, Description: taxDescription(la)})
		}
		groupOf[i] = g
		counts[g]++
	}
	// The lines of each group, in order, as slices of one array.
	start := 0
	for g := range m.taxes {
		m.taxes[g].lines = byGroup[start : start : start+counts[g]]
		start += counts[g]
	}
	for i, g := range groupOf {
		m.taxes[g].lines = append(m.taxes[g].lines, i)
	}
	var net, taxes, drift int64
	rems := make([]uint64, 0, n)
	order := make([]int, n) // spread's scratch
	for g := range m.taxes {
		tg := &m.taxes[g]
		var sum int64
		for _, i := range tg.lines {
			sum += total[i]
		}
		var base, tgTax int64
		switch {
		case tg.Fixed:
			for _, i := range tg.lines {
				c, s, ok := fixedOf(*m.lines[i].FixedAmount)
				if !ok || s > 2 {
					return m, false
				}
				tax[i] = int64(c * pow10s[2-s])
				if d.PricesIncludeTax {
					amount[i] = total[i] - tax[i]
					if amount[i] < 0 {
						vs.Add("Lines["+strconv.Itoa(i+1)+"].Tax.StampDuty", CodeStampDuty, "the price %s with the stamp duty included is less than the duty %s", cents(total[i]), cents(tax[i]))
					}
				}
				base += amount[i]
				tgTax += tax[i]
			}
		case !d.PricesIncludeTax || tg.Percent.IsZero():
			r, k, ok := rateOf(tg.Percent)
			if !ok {
				return m, false
			}
			base = sum
			if tgTax, ok = divRound128(mulU(uint64(sum), r), k); !ok {
				return m, false
			}
			rems = rems[:0]
			left := tgTax
			for _, i := range tg.lines {
				f, rem, _ := divmod128(mulU(uint64(amount[i]), r), k)
				tax[i] = f
				left -= f
				rems = append(rems, rem)
			}
			spread(tax, tg.lines, rems, left, order)
		default:
			r, k, ok := rateOf(tg.Percent)
			if !ok {
				return m, false
			}
			kr := k + r
			b0, low, ok := divmod128(mulU(uint64(sum), k), kr) // low in 1/K cents
			if !ok {
				return m, false
			}
			lowE := int64(low)
			highE := lowE - int64(kr)
			near, far, nearBase, farBase := lowE, highE, b0, b0+1
			if abs(highE) < abs(lowE) {
				near, far, nearBase, farBase = highE, lowE, farBase, nearBase
			}
			unit := int64(driftUnit / k)
			base, lowE = nearBase, near
			if abs(far) <= int64(k) && abs(drift+far*unit) < abs(drift+near*unit) && farBase <= sum {
				base, lowE = farBase, far
			}
			drift += lowE * unit
			tgTax = sum - base
			rems = rems[:0]
			left := base
			for _, i := range tg.lines {
				f, rem, _ := divmod128(mulU(uint64(total[i]), k), kr)
				amount[i] = f
				left -= f
				rems = append(rems, rem)
			}
			spread(amount, tg.lines, rems, left, order)
			for _, i := range tg.lines {
				tax[i] = total[i] - amount[i]
			}
		}
		tg.base, tg.tax = base, tgTax
		net += base
		taxes += tgTax
	}
	if arenaWorks {
		// The arena holds exactly the decimals made below.
		k := 3 + 2*len(m.taxes) // the totals, the groups'
		for i := range m.lines {
			k += 2 // amount, unit price
			if tax[i] != 0 {
				k += 2 // tax, gross
			}
			if disc[i] != 0 {
				k++
			}
		}
		arena = newCentsArena(k)
		cents = arena.cents
	}
	for i := range m.lines {
		l := &m.lines[i]
		a := amount[i]
		l.Amount, l.Tax = cents(a), cents(tax[i])
		// Decimals are immutable: equal amounts share one.
		switch {
		case tax[i] == 0:
			l.Gross = l.Amount
		case d.PricesIncludeTax:
			l.Gross = cents(total[i])
		default:
			l.Gross = cents(a + tax[i])
		}
		if disc[i] != 0 || !l.Line.Discount.IsZero() || globalDiscount {
			dc := disc[i]
			if d.PricesIncludeTax && dc > 0 && l.Percent.IsPositive() && l.FixedAmount == nil {
				r, k, _ := rateOf(l.Percent)
				dc, _ = divRound128(mulU(uint64(dc), k), k+r)
			}
			l.DiscountAmount = cents(dc)
		}
		up, ok := unitPriceFast(arena, a, l.Amount, l.Quantity)
		if !ok {
			up = unitPrice(l.Amount, l.Quantity)
		}
		l.UnitPrice = up
	}
	for g := range m.taxes {
		tg := &m.taxes[g]
		if len(tg.lines) == 1 {
			l := &m.lines[tg.lines[0]]
			tg.Base, tg.Tax = l.Amount, l.Tax
		} else {
			tg.Base, tg.Tax = cents(tg.base), cents(tg.tax)
		}
	}
	m.net, m.tax, m.gross = cents(net), cents(taxes), cents(net+taxes)
	return m, true
}

func mulU(a, b uint64) u128 {
	hi, lo := bits.Mul64(a, b)
	return u128{hi, lo}
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// spread gives the left cents to the lines with the largest remainders,
// ties to the earlier line, as allocate does.
func spread(v []int64, lines []int, rems []uint64, left int64, scratch []int) {
	if left == 0 {
		return
	}
	if len(lines) == 1 {
		v[lines[0]] += left
		return
	}
	order := scratch[:len(lines)]
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rems[a] > rems[b]:
			return -1
		case rems[a] < rems[b]:
			return 1
		}
		return 0
	})
	step := int64(1)
	if left < 0 {
		step, left = -1, -left
		slices.Reverse(order)
	}
	for k := int64(0); k < left; k++ {
		v[lines[order[int(k)%len(order)]]] += step
	}
}

// unitPriceFast is unitPrice in integers.
func unitPriceFast(arena *centsArena, amountCents int64, amount, qty decimal.Decimal) (decimal.Decimal, bool) {
	q, sq, ok := fixedOf(qty)
	if !ok || q == 0 || sq+4 >= len(pow10s) {
		return decimal.Decimal{}, false
	}
	if q == pow10s[sq] {
		return amount, true
	}
	c, rem, ok := divmod128(mulU(uint64(amountCents), pow10s[sq]), q)
	if !ok {
		return decimal.Decimal{}, false
	}
	if rem == 0 {
		return arena.cents(c), true
	}
	p, ok := divRound128(mulU(uint64(amountCents), pow10s[sq+4]), q)
	if !ok {
		return decimal.Decimal{}, false
	}
	return arena.decimal(p, -6), true
}
