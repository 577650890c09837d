package safttest

import "testing"

func TestWhenMonotonic(t *testing.T) {
	for _, n := range []int{1, 3, 6, 28, 29, 1000, 200_000} {
		prev := when(0, n)
		for i := 1; i < n; i++ {
			w := when(i, n)
			if !w.After(prev) || !w.Valid() {
				t.Fatalf("n=%d i=%d: %v after %v", n, i, w, prev)
			}
			prev = w
		}
		if prev.Day > 28 {
			t.Fatalf("n=%d: day %d", n, prev.Day)
		}
	}
}
