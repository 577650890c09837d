package saft

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// amountSum must equal plain decimal addition, whatever the scales and
// sizes (fast path, rescaling, overflow into the decimal rest).
func TestAmountSum(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		var s amountSum
		var want decimal.Decimal
		for i := 0; i < 500; i++ {
			var d decimal.Decimal
			switch r.IntN(6) {
			case 0: // cents
				d = decimal.New(r.Int64N(1_000_000)-300_000, -2)
			case 1: // many decimals
				d = decimal.New(r.Int64N(1e12), -int32(r.IntN(12)))
			case 2: // huge
				d = decimal.New(r.Int64N(1e18), int32(r.IntN(5)))
			case 3: // near the fast path's limits
				d = decimal.New(999_999_999_999_999-r.Int64N(10), -int32(r.IntN(9)))
			case 4:
				d = decimal.RequireFromString("123456789012345678901234567890.123456789")
			default:
				d = decimal.New(-r.Int64N(1e9), -3)
			}
			s.add(d)
			want = want.Add(d)
		}
		require.True(t, s.value().Equal(want), "round %d: %s != %s", round, s.value(), want)
	}
	var zero amountSum
	require.True(t, zero.value().IsZero())
	zero.add(decimal.Decimal{})
	require.True(t, zero.value().IsZero())
}

func BenchmarkAmountSum(b *testing.B) {
	d := decimal.RequireFromString("91.00")
	b.Run("amountSum", func(b *testing.B) {
		var s amountSum
		for b.Loop() {
			s.add(d)
		}
	})
	b.Run("decimal.Add", func(b *testing.B) {
		var s decimal.Decimal
		for b.Loop() {
			s = s.Add(d)
		}
	})
}
