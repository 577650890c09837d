package document

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPTNumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0.00", "0,00"},
		{"600.00", "600,00"},
		{"7400.00", "7\u00a0400,00"},
		{"1234567.8", "1\u00a0234\u00a0567,8"},
		{"-1000", "-1\u00a0000"},
		{"0.9215", "0,9215"},
	} {
		assert.Equal(t, tc.want, ptNumber(tc.in), tc.in)
	}
}
