package saft

import "errors"

// Indicator is a 0/1 flag of the schema (SelfBillingIndicator,
// CashVATSchemeIndicator, ThirdPartiesBillingIndicator): true is written 1.
type Indicator bool

// MarshalText writes "1" or "0".
func (i Indicator) MarshalText() ([]byte, error) {
	if i {
		return []byte("1"), nil
	}
	return []byte("0"), nil
}

// UnmarshalText accepts "0" or "1".
func (i *Indicator) UnmarshalText(b []byte) error {
	switch string(trimSpace(b)) {
	case "1":
		*i = true
	case "0":
		*i = false
	default:
		return errors.New("saft: indicator must be 0 or 1")
	}
	return nil
}

func atoi(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isXMLSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isXMLSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
