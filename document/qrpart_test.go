package document_test

import "strings"

// qrTaxPart is the QR message from field I1 to field N.
func qrTaxPart(msg string) string {
	i := strings.Index(msg, "I1:")
	j := strings.Index(msg, "*O:")
	return msg[i:j]
}
