package saft

import "github.com/faturapt/faturapt/violation"

// ErrInvalid is matched (errors.Is) by the *violation.Error that Validate
// and Write return for a file that breaks a rule.
var ErrInvalid = violation.ErrInvalid

// asError returns nil when vs holds no error (warnings alone do not fail)
// and otherwise a *violation.Error with every violation, warnings included.
func asError(vs []violation.Violation) error { return violation.List(vs).Err("saft") }
