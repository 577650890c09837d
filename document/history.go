package document

import (
	"sort"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

// Original is what a program's records say of an issued document, for the
// rules on correcting and cancelling it (Despacho 8632/2014 §3.2.7,
// §3.3.7, §3.3.8).
type Original struct {
	Number    string
	Cancelled bool
	// NetTotal is its amount without tax.
	NetTotal decimal.Decimal
	// Credited is the sum of the amounts without tax of the credit notes,
	// not cancelled, that correct it.
	Credited decimal.Decimal
	// Corrections counts the credit and debit notes, not cancelled, that
	// correct it.
	Corrections int
}

// Remaining is what can still be credited.
func (o Original) Remaining() decimal.Decimal { return o.NetTotal.Sub(o.Credited) }

// History looks up the record of an issued document by its number. Any
// store can implement it; HistoryMap is one in memory.
type History interface {
	Lookup(number string) (Original, bool)
}

// HistoryMap is a History in memory, keyed by document number.
type HistoryMap map[string]Original

// Lookup implements History.
func (h HistoryMap) Lookup(number string) (Original, bool) {
	o, ok := h[number]
	return o, ok
}

// CheckCorrection checks a computed credit or debit note against the
// history of the documents its lines correct: each exists and is not
// cancelled; a credit note credits no more than what remains of each, and
// none that is fully credited. Every problem is reported at once, as a
// *violation.Error.
func CheckCorrection(c *Computed, h History) error {
	var vs violation.List
	t := c.Draft.Type
	if t != series.DocumentTypeNC && t != series.DocumentTypeND {
		return nil
	}
	credit := map[string]decimal.Decimal{}
	for i := range c.Lines {
		if r := c.Lines[i].Line.Reference; r != nil {
			credit[r.Number] = credit[r.Number].Add(c.Lines[i].Amount)
		}
	}
	numbers := make([]string, 0, len(credit))
	for n := range credit {
		numbers = append(numbers, n)
	}
	sort.Strings(numbers)
	for _, n := range numbers {
		o, ok := h.Lookup(n)
		switch {
		case !ok:
			vs.Add("Reference", CodeCreditUnknown, "%s is not in the history", n)
		case o.Cancelled:
			vs.Add("Reference", CodeCreditClosed, "%s is cancelled: it cannot be corrected", n)
		case t == series.DocumentTypeNC && !o.Remaining().IsPositive():
			vs.Add("Reference", CodeCreditClosed, "%s is fully credited already", n)
		case t == series.DocumentTypeNC && credit[n].GreaterThan(o.Remaining()):
			vs.Add("Reference", CodeCreditExceeds, "credits %s of %s, of which only %s remains uncredited (net %s, credited %s)",
				credit[n].StringFixed(2), n, o.Remaining().StringFixed(2), o.NetTotal.StringFixed(2), o.Credited.StringFixed(2))
		}
	}
	return vs.Err("correction")
}

// CheckCancellation checks that the document o may be cancelled: no credit
// or debit note, not cancelled, corrects it (Despacho 8632/2014 §3.3.8:
// cancel the correcting notes first).
func CheckCancellation(o Original) error {
	var vs violation.List
	if o.Corrections > 0 {
		vs.Add("", CodeCancelCorrected, "%s is corrected by %d credit or debit notes: cancel them first", o.Number, o.Corrections)
	}
	return vs.Err("cancellation")
}

// Record returns what the history should now know of this document as an
// original, and applies it as a correction to the originals it corrects.
// A program keeps its history with it after every issue.
func (h HistoryMap) Record(c *Computed, number string) {
	h[number] = Original{Number: number, NetTotal: c.NetTotal}
	if c.Draft.Type != series.DocumentTypeNC && c.Draft.Type != series.DocumentTypeND {
		return
	}
	seen := map[string]bool{}
	for i := range c.Lines {
		r := c.Lines[i].Line.Reference
		if r == nil {
			continue
		}
		o := h[r.Number]
		if c.Draft.Type == series.DocumentTypeNC {
			o.Credited = o.Credited.Add(c.Lines[i].Amount)
		}
		if !seen[r.Number] {
			seen[r.Number] = true
			o.Corrections++
		}
		h[r.Number] = o
	}
}
