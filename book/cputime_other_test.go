//go:build !unix

package book

import (
	"testing"
	"time"
)

// cpuTime is unknown here: the benchmarks report no CPU time.
func cpuTime(*testing.B) time.Duration { return -1 }
