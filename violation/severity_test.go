package violation_test

import (
	"encoding/json"
	"testing"

	"github.com/faturapt/faturapt/violation"
)

func TestSeverityText(t *testing.T) {
	for _, s := range violation.SeverityError.Values() {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back violation.Severity = 9
		if err := json.Unmarshal(b, &back); err != nil || back != s {
			t.Errorf("%s: read back %v, %v", b, back, err)
		}
	}
	var s violation.Severity
	if err := s.UnmarshalText([]byte("fatal")); err == nil {
		t.Error("unknown severity read")
	}
}
