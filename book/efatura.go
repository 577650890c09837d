package book

// EFaturaState is where a document of a web-service year stands with
// e-Fatura.
type EFaturaState string

// The states.
const (
	EFaturaPending EFaturaState = "pending" // to send (again)
	EFaturaSent    EFaturaState = "sent"    // AT accepted it
	EFaturaRefused EFaturaState = "refused" // AT refused it, for a reason to fix
)

// Values returns the states.
func (EFaturaState) Values() []EFaturaState {
	return []EFaturaState{EFaturaPending, EFaturaSent, EFaturaRefused}
}

// Valid reports whether s is a state.
func (s EFaturaState) Valid() bool {
	return s == EFaturaPending || s == EFaturaSent || s == EFaturaRefused
}
