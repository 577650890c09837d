package certify

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/faturapt/faturapt/violation"
)

// Record is a signed document as a SAF-T file or a database holds it.
type Record struct {
	Document
	// Hash is the document's signature (SAF-T Hash).
	Hash string
}

// Verifier checks signatures with the producer's public key (Despacho §7.2).
// It is safe for concurrent use.
type Verifier struct {
	pub     *rsa.PublicKey
	sigLen  int
	workers int
}

// NewVerifier returns a Verifier for pub. The key must be 1024 bits unless
// allowed with WithAllowedKeySize; WithWorkers sets the parallelism of VerifyChain.
func NewVerifier(pub *rsa.PublicKey, opts ...Option) (*Verifier, error) {
	if pub == nil || pub.N == nil {
		return nil, fmt.Errorf("certify: verifier: nil key: %w", ErrInvalidKey)
	}
	o := buildOptions(opts)
	if err := o.checkBits(pub.N.BitLen()); err != nil {
		return nil, err
	}
	return &Verifier{pub: pub, sigLen: pub.Size(), workers: o.workers}, nil
}

// Verify checks that hash is the signature of message. It returns nil,
// ErrMalformedHash (not base64, or not of the key's size) or ErrBadSignature.
func (v *Verifier) Verify(message, hash string) error {
	var sig [512]byte
	return v.verify(sha1.Sum([]byte(message)), hash, sig[:])
}

// VerifyDocument checks that hash is the signature of doc after previousHash.
func (v *Verifier) VerifyDocument(doc Document, previousHash, hash string) error {
	var buf [256]byte
	var sig [512]byte
	return v.verify(sha1.Sum(doc.appendMessage(buf[:0], previousHash)), hash, sig[:])
}

// verify decodes hash into scratch (allocated when shorter than the
// signature) and checks it.
func (v *Verifier) verify(digest [sha1.Size]byte, hash string, scratch []byte) error {
	if base64.StdEncoding.EncodedLen(v.sigLen) != len(hash) {
		return fmt.Errorf("certify: hash of %d characters, want %d: %w", len(hash), base64.StdEncoding.EncodedLen(v.sigLen), ErrMalformedHash)
	}
	if len(scratch) < v.sigLen {
		scratch = make([]byte, v.sigLen)
	}
	// Strict: a hash is text chained into the next message, so two spellings
	// of the same bytes (non-zero padding bits) must not both verify.
	n, err := strictBase64.Decode(scratch, []byte(hash))
	if err != nil || n != v.sigLen {
		return fmt.Errorf("certify: hash is not base64 of a %d-byte signature: %w", v.sigLen, ErrMalformedHash)
	}
	if rsa.VerifyPKCS1v15(v.pub, crypto.SHA1, digest[:], scratch[:n]) != nil {
		return ErrBadSignature
	}
	return nil
}

var strictBase64 = base64.StdEncoding.Strict()

// Break is one rule a document of a chain breaks.
type Break struct {
	// Index is the document's position in the records given to VerifyChain.
	Index int
	// Number is the document's number ("FT A/12").
	Number string
	// Err is the sentinel: ErrBadSignature, ErrPreviousHash,
	// ErrMalformedHash, ErrDateOrder, ErrSystemEntryOrder,
	// ErrNumberSequence or ErrInvalid.
	Err error
	// Detail explains the break.
	Detail string
}

func (b *Break) Error() string {
	return fmt.Sprintf("certify: document %d (%s): %v: %s", b.Index, b.Number, b.Err, b.Detail)
}

// Unwrap returns the sentinel.
func (b *Break) Unwrap() error { return b.Err }

// ChainError lists every break of a chain, in document order. errors.Is
// finds any of their sentinels.
type ChainError struct {
	Breaks []*Break
}

func (e *ChainError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "certify: chain broken in %d places", len(e.Breaks))
	for i, br := range e.Breaks {
		if i == 5 {
			fmt.Fprintf(&b, "; and %d more", len(e.Breaks)-i)
			break
		}
		fmt.Fprintf(&b, "; document %d (%s): %v", br.Index, br.Number, br.Err)
	}
	return b.String()
}

// Unwrap returns the breaks.
func (e *ChainError) Unwrap() []error {
	errs := make([]error, len(e.Breaks))
	for i, b := range e.Breaks {
		errs[i] = b
	}
	return errs
}

// chunk is how many documents a worker takes at a time: large enough to
// make the shared counter cheap, small enough to balance two cores.
const chunk = 256

// VerifyChain checks records, one series in issuing order, that follow the
// state start (the zero Chain when records[0] is the first document of the
// series; [ChainAfter] of the document before otherwise). Each signature is
// checked against the previous record's hash; order rules as in
// [Chain.Check]. It reports every break, not only the first, as a
// *ChainError in document order, or returns nil.
//
// Signatures are independent of each other (each message carries its
// previous hash as text), so they are checked by GOMAXPROCS goroutines, or
// as many as the WithWorkers option says.
func (v *Verifier) VerifyChain(start Chain, records []Record) error {
	if len(records) == 0 {
		return nil
	}
	workers := v.workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	if max := (len(records) + chunk - 1) / chunk; workers > max {
		workers = max
	}
	// Each document is checked against the one before only, so the order
	// rules run in the workers too and the checks of a chunk need nothing
	// from another chunk. A worker keeps its breaks in document order; the
	// chunks are merged in order at the end.
	found := make([][]*Break, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf [256]byte
			var scratch [512]byte
			var breaks []*Break
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= len(records) {
					break
				}
				hi := min(lo+chunk, len(records))
				for i := lo; i < hi; i++ {
					breaks = v.checkOrder(start, records, i, breaks)
					if b := v.checkSignature(start, records, i, buf[:0], scratch[:]); b != nil {
						breaks = append(breaks, b)
					}
				}
			}
			found[w] = breaks
		}()
	}
	wg.Wait()

	var breaks []*Break
	for _, f := range found {
		breaks = append(breaks, f...)
	}
	if breaks == nil {
		return nil
	}
	// Stable: the breaks of one document come from one worker, in order.
	sort.SliceStable(breaks, func(a, b int) bool { return breaks[a].Index < breaks[b].Index })
	return &ChainError{Breaks: breaks}
}

// checkOrder appends the breaks of records[i] against the document before
// it (or start): validity, number, date and system entry, as Chain.Check.
func (v *Verifier) checkOrder(start Chain, records []Record, i int, breaks []*Break) []*Break {
	prev := start
	if i > 0 {
		p := &records[i-1]
		series, n, err := splitNumber(p.Number)
		if err != nil {
			// The previous document is reported invalid; its successor's
			// number cannot be checked against it.
			series, n, _ = splitNumber(records[i].Number)
			n--
		}
		prev = Chain{Series: series, LastNumber: n, LastHash: p.Hash, LastDate: p.Date, LastSystemEntry: p.SystemEntry}
	}
	err := prev.Check(records[i].Document)
	if err == nil {
		return breaks
	}
	var ve *violation.Error
	errors.As(err, &ve)
	r := &records[i]
	for _, vi := range ve.Violations {
		sentinel := sentinelOf(vi.Code)
		if sentinel == nil {
			sentinel = ErrInvalid
		}
		breaks = append(breaks, &Break{Index: i, Number: r.Number, Err: sentinel, Detail: vi.Path + ": " + vi.Message + " [" + string(vi.Code) + "]"})
	}
	return breaks
}

// checkSignature verifies records[i]; on failure it tells a signature made
// over another previous hash (the chain restarted, or a document inserted
// or removed before it) from a plainly bad one.
func (v *Verifier) checkSignature(start Chain, records []Record, i int, buf, scratch []byte) *Break {
	r := &records[i]
	prevHash := start.LastHash
	if i > 0 {
		prevHash = records[i-1].Hash
	}
	err := v.verify(sha1.Sum(r.appendMessage(buf, prevHash)), r.Hash, scratch)
	if err == nil {
		return nil
	}
	if err != ErrBadSignature {
		return &Break{Index: i, Number: r.Number, Err: ErrMalformedHash, Detail: err.Error()}
	}
	type alt struct{ hash, what string }
	alts := []alt{{"", "an empty previous hash (signed as the first document of the series)"}}
	if i > 1 {
		alts = append(alts, alt{records[i-2].Hash, fmt.Sprintf("the hash of document %d (%s): document %d was inserted after signing", i-2, records[i-2].Number, i-1)})
	} else if i == 1 && start.LastHash != "" {
		alts = append(alts, alt{start.LastHash, "the hash of the chain's start: document 0 was inserted after signing"})
	}
	for _, a := range alts {
		if a.hash == prevHash {
			continue
		}
		if v.verify(sha1.Sum(r.appendMessage(buf, a.hash)), r.Hash, scratch) == nil {
			return &Break{Index: i, Number: r.Number, Err: ErrPreviousHash, Detail: "the signature is valid over " + a.what}
		}
	}
	return &Break{Index: i, Number: r.Number, Err: ErrBadSignature, Detail: "the signature does not match the document's fields and the previous document's hash"}
}
