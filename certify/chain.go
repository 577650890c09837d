package certify

import (
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/violation"
)

// Chain is the signing state of one series of one document type (e.g. all
// "FT A/n"): what the next document is checked against and signed after
// (Despacho §2.1.5). The zero Chain is a series with no document yet.
//
// Its fields are exported so that the issuing program can store it with the
// last document and restore it; a Chain is a value and is not safe for
// concurrent use: the issuer numbers and signs one series one document at a
// time anyway.
type Chain struct {
	// Series is the document number without its sequential number ("FT A"
	// of "FT A/12"), fixed by the first document.
	Series string
	// LastNumber is the sequential number of the last document.
	LastNumber uint64
	// LastHash is the hash of the last document; "" before the first.
	LastHash string
	// LastDate and LastSystemEntry are the last document's date and
	// SystemEntryDate.
	LastDate        civil.Date
	LastSystemEntry civil.DateTime
}

// Started reports whether a document has been signed in c.
func (c Chain) Started() bool { return c.LastNumber != 0 || c.LastHash != "" }

// ChainAfter returns the chain state right after the signed document r, to
// resume signing after it or to verify the documents that follow it.
func ChainAfter(r Record) (Chain, error) {
	if err := r.Document.Validate(); err != nil {
		return Chain{}, err
	}
	series, n, _ := splitNumber(r.Number)
	return Chain{Series: series, LastNumber: n, LastHash: r.Hash, LastDate: r.Date, LastSystemEntry: r.SystemEntry}, nil
}

// Check returns nil when doc may be signed next in c: valid, in the same
// series, numbered LastNumber+1, dated on or after LastDate, entered on or
// after LastSystemEntry (Despacho §1.6, §3.2.1). The first document of a
// chain, or of a chain whose LastNumber is 0, may have any number.
// Violations are returned together, as a [*violation.Error] whose codes are
// CERTIFY-CHAIN-* for order breaks; those also match ErrNumberSequence,
// ErrDateOrder and ErrSystemEntryOrder.
func (c Chain) Check(doc Document) error {
	var vs violation.List
	doc.validate(&vs)
	if len(vs) > 0 || !c.Started() {
		return vs.Err(subject)
	}
	series, n, _ := splitNumber(doc.Number)
	if c.LastNumber == 0 {
		// Only the previous hash is known (e.g. Chain{LastHash: h}): no
		// number to follow.
	} else if series != c.Series {
		vs.Add("Number", CodeChainSeries, "series %q is not the chain's %q", series, c.Series)
	} else if n != c.LastNumber+1 {
		vs.Add("Number", CodeChainNumber, "number %d is not the next one, %d (%v)", n, c.LastNumber+1, ErrNumberSequence)
	}
	if doc.Date.Before(c.LastDate) {
		vs.Add("Date", CodeChainDate, "%s is before the previous document's %s (%v)", doc.Date, c.LastDate, ErrDateOrder)
	}
	if entry, last := doc.SystemEntry, c.LastSystemEntry; entry.Before(last) {
		vs.Add("SystemEntry", CodeChainSystemEntry, "%s is before the previous document's %s (%v)", entry, last, ErrSystemEntryOrder)
	}
	return invalid(vs)
}

// Sign checks doc against c ([Chain.Check]), signs it after c.LastHash, and
// advances c to it. It returns the document's hash (its SAF-T Hash); on error
// c is unchanged.
func (c *Chain) Sign(s *Signer, doc Document) (string, error) {
	if err := c.Check(doc); err != nil {
		return "", err
	}
	hash, err := s.SignDocument(doc, c.LastHash)
	if err != nil {
		return "", err
	}
	series, n, _ := splitNumber(doc.Number)
	*c = Chain{Series: series, LastNumber: n, LastHash: hash, LastDate: doc.Date, LastSystemEntry: doc.SystemEntry}
	return hash, nil
}
