package audit

import (
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
)

// document is what the series checks need of a document.
type document struct {
	number, atcud     string
	date              civil.Date
	entry             civil.DateTime
	hash, hashControl string
	source            saft.SourceBilling
	gross             decimal.Decimal
	signed            bool // a document class that is signed (not payments)
}

type pendingRef struct {
	name string
	line int
	path string
}

// seriesState is what the audit keeps per series ("FT A"): constant size.
type seriesState struct {
	section     string
	started     bool
	last        uint64
	lastDate    civil.Date
	lastEntry   civil.DateTime
	min, max    uint64
	count       int
	outOfOrder  bool
	code        string // validation code of the first ATCUD
	codeDoc     string
	signedSeen  bool
	unsigned    []pendingRef // produced documents with Hash "0" before the first signed one (at most 10 kept)
	keyVersion  int
	firstLine   int
	firstRecord string
}

// ATCUD became mandatory on documents from 2023-01-01 (Decreto-Lei
// 28/2019 art. 35 as deferred by Despacho SEAAF 412/2020-XXII and later
// extensions).
var atcudMandatory = civil.Date{Year: 2023, Month: time.January, Day: 1}

// splitNumber splits "FT A/12" into "FT A" and 12.
func splitNumber(s string) (string, uint64, bool) {
	i := strings.LastIndexByte(s, '/')
	if i <= 0 || i == len(s)-1 || !strings.Contains(s[:i], " ") {
		return "", 0, false
	}
	n, err := strconv.ParseUint(s[i+1:], 10, 64)
	if err != nil || n == 0 {
		return "", 0, false
	}
	return s[:i], n, true
}

// keyVersion is the private-key version at the start of a HashControl
// ("1", "1-FTM abc/00995"...), or 0.
func keyVersion(hc string) int {
	n := 0
	for i := 0; i < len(hc) && hc[i] >= '0' && hc[i] <= '9' && i < 6; i++ {
		n = n*10 + int(hc[i]-'0')
	}
	return n
}

func (a *auditor) inSeries(rec *saft.Record, d document) {
	sec := sectionOf(rec.Kind)
	name, n, ok := splitNumber(d.number)
	if !ok {
		a.addAt(rec, CodeSeriesNumber, rec.Path, "document number %q is not \"TYPE SERIES/NUMBER\"", d.number)
		return
	}
	key := sec + "\x00" + name
	s := a.series[key]
	if s == nil {
		s = &seriesState{section: sec, min: n, max: n, firstLine: rec.Line, firstRecord: d.number}
		a.series[key] = s
	}
	s.count++
	s.min, s.max = min(s.min, n), max(s.max, n)

	// Order, gaps and dates, in file order (documents are listed by number).
	switch {
	case !s.started:
	case n < s.last:
		s.outOfOrder = true
		a.addAt(rec, CodeSeriesOrder, rec.Path, "%s is listed after %s/%d", d.number, name, s.last)
	case n > s.last+1 && !s.outOfOrder:
		if n == s.last+2 {
			a.addAt(rec, CodeSeriesGap, rec.Path, "number %d of series %s is missing (before %s)", s.last+1, name, d.number)
		} else {
			a.addAt(rec, CodeSeriesGap, rec.Path, "numbers %d to %d of series %s are missing (before %s)", s.last+1, n-1, name, d.number)
		}
	}
	if s.started && n > s.last {
		if d.date.Before(s.lastDate) {
			a.addAt(rec, CodeSeriesDate, rec.Path, "%s is dated %s, before %s/%d dated %s", d.number, d.date, name, s.last, s.lastDate)
		}
		if d.entry.Before(s.lastEntry) {
			a.addAt(rec, CodeSeriesEntryDate, rec.Path, "%s was entered %s, before %s/%d entered %s", d.number, d.entry, name, s.last, s.lastEntry)
		}
	}
	if !s.started || n > s.last {
		s.last, s.lastDate, s.lastEntry, s.started = n, d.date, d.entry, true
	}

	a.checkATCUD(rec, s, d, n)
	if d.signed {
		a.checkChain(rec, s, d, key)
	}
}

func (a *auditor) checkATCUD(rec *saft.Record, s *seriesState, d document, n uint64) {
	path := rec.Path + "/ATCUD"
	code, err := atcud.Parse(d.atcud)
	switch {
	case err != nil:
		a.addAt(rec, CodeATCUDFormat, path, "ATCUD %q: %v", d.atcud, err)
	case code.IsLegacy():
		if !d.date.Before(atcudMandatory) {
			a.addAt(rec, CodeATCUDMissing, path, "ATCUD is \"0\" on a document dated %s", d.date)
		}
	default:
		if code.Number() != strconv.FormatUint(n, 10) {
			a.addAt(rec, CodeATCUDNumber, path, "ATCUD %s ends in %s, the document is number %d", d.atcud, code.Number(), n)
		}
		if s.code == "" {
			s.code, s.codeDoc = code.ValidationCode(), d.number
		} else if code.ValidationCode() != s.code {
			a.addAt(rec, CodeATCUDCode, path, "validation code %s, but %s of the same series has %s", code.ValidationCode(), s.codeDoc, s.code)
		}
	}
}

func (a *auditor) checkChain(rec *saft.Record, s *seriesState, d document, key string) {
	if d.hash == "0" || d.hash == "" {
		if d.source != saft.SourceBillingProduced {
			return
		}
		ref := pendingRef{name: d.number, line: rec.Line, path: rec.Path}
		if s.signedSeen {
			a.unsigned(s, ref)
		} else if len(s.unsigned) < 10 {
			s.unsigned = append(s.unsigned, ref)
		}
		return
	}
	if !s.signedSeen {
		s.signedSeen = true
		for _, u := range s.unsigned {
			a.unsigned(s, u)
		}
		s.unsigned = nil
	}
	v := keyVersion(d.hashControl)
	if v > 0 {
		if v < s.keyVersion {
			a.addAt(rec, CodeChainKeyVersion, rec.Path+"/HashControl", "HashControl %q: key version %d after version %d in the series", d.hashControl, v, s.keyVersion)
		}
		s.keyVersion = max(s.keyVersion, v)
	}
	// A document integrated from another program (SourceBilling I) carries
	// that program's signature, made with its producer's key (Despacho
	// 8632/2014 §2.1.4, Portaria 302/2016 field 4.1.4.3.5): it is not ours
	// to verify.
	if a.sig != nil && d.source != saft.SourceBillingIntegrated {
		a.sig.add(key, sigItem{
			rec: certify.Record{Document: certify.Document{
				Date: civil.Date{Year: d.date.Year, Month: d.date.Month, Day: d.date.Day}, SystemEntry: d.entry,
				Number: d.number, GrossTotal: d.gross}, Hash: d.hash},
			line: rec.Line, path: rec.Path, section: sectionOf(rec.Kind), version: v,
		})
	}
}

func (a *auditor) unsigned(s *seriesState, u pendingRef) {
	a.add(Finding{Code: CodeChainUnsigned, Section: s.section, Record: u.name, Path: u.path + "/Hash", Line: u.line,
		Message: u.name + " was produced by the program (SourceBilling P) but has Hash \"0\" in a series of signed documents"})
}

// finishSeries reports the gaps of series listed out of order.
func (a *auditor) finishSeries() {
	for key, s := range a.series {
		if !s.outOfOrder {
			continue
		}
		if span := s.max - s.min + 1; span > uint64(s.count) {
			name := key[strings.IndexByte(key, 0)+1:]
			a.add(Finding{Code: CodeSeriesGap, Section: s.section, Record: s.firstRecord, Line: s.firstLine,
				Message: "series " + name + ": at least " + strconv.FormatUint(span-uint64(s.count), 10) + " numbers missing between " +
					strconv.FormatUint(s.min, 10) + " and " + strconv.FormatUint(s.max, 10)})
		}
	}
}
