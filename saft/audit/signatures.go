package audit

import (
	"crypto/rsa"
	"errors"
	"fmt"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/violation"
)

// signatures verifies the signatures of every series with certify, while
// the file is being read: documents are collected per series in batches
// (bounded memory: one batch per open series), and each full batch is
// handed to a goroutine that runs certify's VerifyChain, which spreads the
// RSA verifications over GOMAXPROCS workers. A batch starts from the chain
// state after the last document of the previous batch of its series, so
// batches are independent and the chain is checked across their borders.
type signatures struct {
	v         *certify.Verifier         // for versions without a key of their own; may be nil
	versions  map[int]*certify.Verifier // per key version (HashControl)
	batchSize int
	series    map[string]*sigSeries
	previous  map[string]string // series ("FT A") -> hash of the document before the file's first
	noKey     map[string]bool   // series and key version already reported AUDIT-SIG-NOKEY
	work      chan sigBatch
	done      chan struct{}

	// found and checked belong to the verifying goroutine until done is
	// closed.
	found   *collector
	checked int
	a       *auditor
}

type sigItem struct {
	rec     certify.Record
	line    int
	path    string
	section string
	version int // key version, from HashControl
}

type sigSeries struct {
	key     string // section and series
	start   certify.Chain
	batch   []sigItem
	version int // key version of the documents in batch
	// open: the series' first document in the file is not its first ever
	// and the hash before it was not given (WithPreviousHashes).
	open bool
}

type sigBatch struct {
	v     *certify.Verifier
	start certify.Chain
	items []sigItem
	open  bool
}

func newSignatures(cfg *config, a *auditor) (*signatures, error) {
	s := &signatures{batchSize: cfg.batchSize, series: map[string]*sigSeries{}, previous: cfg.previous,
		versions: map[int]*certify.Verifier{}, noKey: map[string]bool{},
		work: make(chan sigBatch, 2), done: make(chan struct{}), found: newCollector(cfg.maxPerCode), a: a}
	var err error
	if cfg.key != nil {
		if s.v, err = verifier(cfg.key); err != nil {
			return nil, err
		}
	}
	for version, k := range cfg.keys {
		if s.versions[version], err = verifier(k); err != nil {
			return nil, fmt.Errorf("key version %d: %w", version, err)
		}
	}
	go s.verifier()
	return s, nil
}

func verifier(pub *rsa.PublicKey) (*certify.Verifier, error) {
	// Keys of other sizes than the Despacho's 1024 bits are accepted: the
	// audit verifies what the producer used.
	if pub == nil || pub.N == nil {
		return nil, fmt.Errorf("%w: no modulus", ErrKey)
	}
	v, err := certify.NewVerifier(pub, certify.WithAllowedKeySize(pub.N.BitLen()))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrKey, err)
	}
	return v, nil
}

// verifierFor returns the verifier of a key version, nil when no key was
// given for it.
func (s *signatures) verifierFor(version int) *certify.Verifier {
	if v, ok := s.versions[version]; ok {
		return v
	}
	return s.v
}

func (s *signatures) add(key string, it sigItem) {
	ss := s.series[key]
	if ss == nil {
		ss = &sigSeries{key: key}
		name, n, ok := splitNumber(it.rec.Number)
		if h, given := s.previous[name]; given {
			// A bare previous hash: the verification of the order rules
			// against it is left to the series checks.
			ss.start = certify.Chain{LastHash: h}
		} else {
			ss.open = ok && n > 1
		}
		ss.version = it.version
		s.series[key] = ss
	}
	if it.version != ss.version {
		// A key change: the documents before it are verified with the old
		// key, the chain goes on across the change.
		s.flush(ss)
		ss.version = it.version
	}
	ss.batch = append(ss.batch, it)
	if len(ss.batch) >= s.batchSize {
		s.flush(ss)
	}
}

func (s *signatures) flush(ss *sigSeries) {
	if len(ss.batch) == 0 {
		return
	}
	v := s.verifierFor(ss.version)
	if v == nil {
		first := ss.batch[0]
		if k := fmt.Sprint(ss.key, "\x00", first.version); !s.noKey[k] {
			s.noKey[k] = true
			s.a.add(Finding{Code: CodeSigNoKey, Section: first.section, Record: first.rec.Number, Path: first.path + "/HashControl", Line: first.line,
				Message: fmt.Sprintf("%s and the documents after it in its series are signed with key version %d, for which no public key was given: not verified", first.rec.Number, first.version)})
		}
	} else {
		s.work <- sigBatch{v: v, start: ss.start, items: ss.batch, open: ss.open}
	}
	ss.open = false
	last := ss.batch[len(ss.batch)-1].rec
	series, n, _ := splitNumber(last.Number)
	ss.start = certify.Chain{Series: series, LastNumber: n, LastHash: last.Hash, LastDate: last.Date, LastSystemEntry: last.SystemEntry}
	ss.batch = make([]sigItem, 0, s.batchSize)
}

func (s *signatures) verifier() {
	defer close(s.done)
	for b := range s.work {
		recs := make([]certify.Record, len(b.items))
		for i := range b.items {
			recs[i] = b.items[i].rec
		}
		err := b.v.VerifyChain(b.start, recs)
		s.checked += len(recs)
		var ce *certify.ChainError
		if errors.As(err, &ce) {
			for _, br := range ce.Breaks {
				var code violation.Code
				switch {
				case errors.Is(br.Err, certify.ErrBadSignature):
					code = CodeSigBad
				case errors.Is(br.Err, certify.ErrPreviousHash):
					code = CodeSigPrevious
				case errors.Is(br.Err, certify.ErrMalformedHash):
					code = CodeSigMalformed
				default:
					continue // order rules: reported by the series checks
				}
				it := b.items[br.Index]
				if b.open && br.Index == 0 && code != CodeSigMalformed {
					// Signed over a hash that is in an earlier file.
					code = CodeSigStart
					br.Detail = "its signature covers the hash of the document before it, which is not in this file: give that hash (WithPreviousHashes, --previous-hash) to verify it"
				}
				s.found.add(Finding{Code: code, Section: it.section,
					Record: it.rec.Number, Path: it.path + "/Hash", Line: it.line, Message: br.Detail})
			}
		}
	}
}

// close verifies what is left and returns the number of signatures checked.
func (s *signatures) close() int {
	for _, ss := range s.series {
		s.flush(ss)
	}
	close(s.work)
	<-s.done
	s.a.found.merge(s.found)
	return s.checked
}
