package issuing

import (
	"context"
	"errors"
	"sync"

	"github.com/faturapt/faturapt/certify"
)

// ErrConflict is returned by a Store when the series has moved on since the
// Issuer read it (another process issued in the same series): the document
// was not recorded and its number was not used.
var ErrConflict = errors.New("issuing: series changed since it was read")

// Store records issued documents and the state of each series.
//
// Contract:
//   - Last returns the chain state after the last document recorded in the
//     series (certify.ChainAfter of that document), or the zero Chain and
//     found=false when the series has none.
//   - Append records doc and makes it the series' last document in ONE atomic
//     step (a single database transaction): the document row, its number and
//     hash, and the series' new last state are either all stored or none.
//     Append must refuse with ErrConflict, storing nothing, when the series'
//     last recorded number is not previous (0 meaning: no document yet), so
//     that two processes can never record the same number or fork the chain.
//   - Once Append returned nil the document is durable: it must survive a
//     crash.
//
// Store implementations are called with the series locked by the Issuer,
// but must be safe for concurrent use across series.
type Store interface {
	Last(ctx context.Context, seriesKey string) (chain certify.Chain, found bool, err error)
	Append(ctx context.Context, previous uint64, doc Document) error
}

// MemoryStore is a Store in memory, for tests, examples and programs that
// keep their documents elsewhere. Nothing survives the process.
type MemoryStore struct {
	mu     sync.Mutex
	series map[string][]Document
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{series: make(map[string][]Document)}
}

// Last implements Store.
func (m *MemoryStore) Last(_ context.Context, seriesKey string) (certify.Chain, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	docs := m.series[seriesKey]
	if len(docs) == 0 {
		return certify.Chain{}, false, nil
	}
	c, err := certify.ChainAfter(docs[len(docs)-1].record())
	return c, true, err
}

// Append implements Store.
func (m *MemoryStore) Append(_ context.Context, previous uint64, doc Document) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	docs := m.series[doc.SeriesKey]
	var last uint64
	if len(docs) > 0 {
		last = docs[len(docs)-1].Number
	} else if previous != 0 {
		// A series resumed after documents issued elsewhere (Seed).
		last = previous
	}
	if last != previous {
		return ErrConflict
	}
	m.series[doc.SeriesKey] = append(docs, doc)
	return nil
}

// Seed records the last document a series had before it was handed to this
// store (a series registered with documents already issued, whose chain
// continues from that document). It is for a series with no document yet.
func (m *MemoryStore) Seed(doc Document) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.series[doc.SeriesKey]) > 0 {
		return ErrConflict
	}
	m.series[doc.SeriesKey] = []Document{doc}
	return nil
}

// Documents returns a copy of the documents recorded in the series, in
// order.
func (m *MemoryStore) Documents(seriesKey string) []Document {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Document(nil), m.series[seriesKey]...)
}
