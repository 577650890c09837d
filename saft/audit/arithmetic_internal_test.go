package audit

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestLineTolerance(t *testing.T) {
	d := decimal.RequireFromString
	cases := []struct {
		qty, price, amount string
		ok                 bool
	}{
		{"1", "10.00", "10.00", true},
		{"1", "10.00", "10.01", true},
		{"1", "10.00", "10.02", false},
		{"3", "0.333333", "1.00", true},
		{"100", "0.33", "33.33", true}, // price rounded from 0.3333
		{"100", "0.33", "33.60", false},
		{"100", "0.3333", "33.33", true},
		{"100", "0.3333", "33.40", false},
		{"2", "5", "10.01", true},  // written without decimals: read to the cent
		{"2", "5", "10.03", false}, // 0.01 + 2 x 0.005
		{"-4", "2.50", "10.00", false},
	}
	for _, c := range cases {
		diff := d(c.amount).Sub(d(c.qty).Mul(d(c.price))).Abs()
		assert.Equal(t, c.ok, !diff.GreaterThan(lineTolerance(d(c.qty), d(c.price))), "%s x %s = %s", c.qty, c.price, c.amount)
	}
}
