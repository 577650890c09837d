package document

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
)

// TestFastMatchesDecimal computes random drafts in integers and in
// decimals: every amount is the same.
func TestFastMatchesDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	money := func(max int64, places int32) decimal.Decimal { return decimal.New(r.Int64N(max), -places) }
	n := 20000
	if testing.Short() {
		n = 2000
	}
	cats := []Tax{{Category: Normal}, {Category: Reduced}, {Category: Intermediate}, {Exemption: "M07"}, {Exemption: "M99"},
		{Category: Normal, Region: Madeira}, {Category: Reduced, Region: Azores},
		{StampDuty: &StampDuty{Code: "17.3.4", Description: "IS", Percent: decimal.New(4, 0)}},
		{StampDuty: &StampDuty{Code: "4", Description: "IS", Amount: decimal.New(50, -2)}}}
	for i := range n {
		d := Draft{Type: series.DocumentTypeFT, Date: civil.Date{Year: 2026, Month: 1, Day: 20}, PricesIncludeTax: r.IntN(2) == 0}
		for range 1 + r.IntN(8) {
			l := Line{Product: Product{Code: "P", Description: "P"}, Quantity: money(100000, int32(r.IntN(4))).Add(decimal.New(1, -3)),
				UnitPrice: money(1000000, int32(r.IntN(5))), Tax: cats[r.IntN(len(cats))]}
			if r.IntN(3) == 0 {
				l.Discount = money(10000, 2)
			}
			if l.Tax.StampDuty != nil && l.Tax.StampDuty.Amount.IsPositive() {
				l.UnitPrice = l.UnitPrice.Add(decimal.New(1, 0))
			}
			d.Lines = append(d.Lines, l)
		}
		if r.IntN(4) == 0 {
			d.Discount = money(1000, 1)
		}
		if r.IntN(4) == 0 {
			d.Currency = &Currency{Code: "USD", Rate: money(3000000, 6).Add(decimal.New(1, -2))}
		}
		fast, err1 := Compute(d)
		forceDecimal = true
		slow, err2 := Compute(d)
		forceDecimal = false
		if fmt.Sprint(err1) != fmt.Sprint(err2) {
			t.Fatalf("draft %d: errors %v and %v", i, err1, err2)
		}
		if err1 != nil {
			continue
		}
		if a, b := summary(fast), summary(slow); a != b {
			t.Fatalf("draft %d differs:\nfast    %s\ndecimal %s", i, a, b)
		}
	}
}

func summary(c *Computed) string {
	s := fmt.Sprintf("net %s tax %s gross %s cur %s;", c.NetTotal, c.TaxPayable, c.GrossTotal, c.CurrencyAmount)
	for _, l := range c.Lines {
		s += fmt.Sprintf(" [%s %s %s %s up %s disc %s]", l.Amount, l.Tax, l.Gross, l.Percent, l.UnitPrice, l.DiscountAmount)
	}
	for _, t := range c.Taxes {
		s += fmt.Sprintf(" {%s %s %s %s %s}", t.Region, t.Code, t.Percent, t.Base, t.Tax)
	}
	return s
}

// TestCentsArena: the arena's decimals are decimal.New's (if the decimal
// package's layout changed, arenaWorks would turn the arena off, and this
// test says so).
func TestCentsArena(t *testing.T) {
	if !arenaWorks {
		t.Fatal("decimal.Decimal's layout changed: the computation makes its decimals one by one")
	}
	a := newCentsArena(3)
	for _, c := range []int64{5, -7, 1 << 62, 99} { // the fourth beyond the arena
		for _, exp := range []int32{-2, -6} {
			if got, want := a.decimal(c, exp), decimal.New(c, exp); !got.Equal(want) || got.String() != want.String() {
				t.Errorf("decimal(%d, %d) = %s, want %s", c, exp, got, want)
			}
		}
	}
	if got := a.cents(0); !got.IsZero() {
		t.Errorf("cents(0) = %s", got)
	}
}
