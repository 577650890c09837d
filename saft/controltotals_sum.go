package saft

import "github.com/shopspring/decimal"

// amountSum adds decimals exactly, like decimal.Decimal.Add, without
// allocating in the usual case: amounts with at most maxSumScale decimals
// and a small coefficient are summed as an int64 number of 10^-scale units.
// Anything else (or an int64 overflow) goes to the decimal rest. The
// control totals of a million documents are millions of additions; this
// removes most of the writer's allocations.
type amountSum struct {
	units int64 // in 10^-scale
	scale int32
	rest  decimal.Decimal
}

const (
	maxSumScale = 8
	maxSumUnits = 100_000_000_000_000_000 // 1e17: headroom before int64 overflow
)

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

func (s *amountSum) add(d decimal.Decimal) {
	if d.Sign() == 0 {
		return
	}
	exp := d.Exponent()
	digits := 0
	if exp <= 0 && exp >= -maxSumScale {
		digits = d.NumDigits()
	}
	if digits == 0 || digits > 15 {
		s.rest = s.rest.Add(d)
		return
	}
	sc := -exp
	if sc > s.scale {
		m := pow10[sc-s.scale]
		if s.units > maxSumUnits/m || s.units < -maxSumUnits/m {
			s.flush()
		} else {
			s.units *= m
		}
		s.scale = sc
	}
	shift := s.scale - sc
	if digits+int(shift) > 17 { // the scaled coefficient would not stay under 1e17
		s.rest = s.rest.Add(d)
		return
	}
	c := d.CoefficientInt64() * pow10[shift] // |c| < 1e17, |s.units| <= 1e17: no overflow
	sum := s.units + c
	if sum > maxSumUnits || sum < -maxSumUnits {
		s.flush()
		sum = c
	}
	s.units = sum
}

func (s *amountSum) flush() {
	if s.units != 0 {
		s.rest = s.rest.Add(decimal.New(s.units, -s.scale))
		s.units = 0
	}
}

// value returns the exact sum.
func (s *amountSum) value() decimal.Decimal {
	if s.units == 0 {
		return s.rest
	}
	return s.rest.Add(decimal.New(s.units, -s.scale))
}
