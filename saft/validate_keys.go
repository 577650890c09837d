package saft

import (
	"strconv"
	"strings"
)

// keySet is a set of key values (xs:unique fields). Values are cloned when
// stored: a streaming reader may hand out strings backed by a reused buffer.
type keySet map[string]struct{}

// add stores v and reports whether it was new.
func (s keySet) add(v string) bool {
	if _, dup := s[v]; dup {
		return false
	}
	s[strings.Clone(v)] = struct{}{}
	return true
}

func (s keySet) has(v string) bool { _, ok := s[v]; return ok }

// docNumbers is the set of the document numbers of one table (InvoiceNo,
// DocumentNumber or PaymentRefNo: "CODE SERIES/NUMBER"). Per series
// ("CODE SERIES") it keeps the numbers seen as sorted intervals, so a
// series numbered without gaps costs one interval whatever its length:
// memory grows with the number of series and gaps, not of documents.
// Numbers written with leading zeros, or that are not numbers at all, go
// to a plain set (they are distinct strings for xs:unique).
type docNumbers struct {
	series map[string]*intervals
	other  keySet
}

func newDocNumbers() docNumbers {
	return docNumbers{series: map[string]*intervals{}, other: keySet{}}
}

// add stores the document number s and reports whether it was new.
func (d *docNumbers) add(s string) bool {
	slash := strings.LastIndexByte(s, '/')
	if slash > 0 {
		num := s[slash+1:]
		if len(num) > 0 && len(num) <= 18 && allDigits(num) && (num[0] != '0' || len(num) == 1) {
			n, _ := strconv.ParseUint(num, 10, 64)
			iv := d.series[s[:slash]]
			if iv == nil {
				iv = &intervals{}
				d.series[strings.Clone(s[:slash])] = iv
			}
			return iv.add(n)
		}
	}
	return d.other.add(s)
}

// intervals is a sorted list of disjoint, non-adjacent closed intervals.
type intervals struct{ iv []interval }

type interval struct{ lo, hi uint64 }

// add inserts n and reports whether it was absent.
func (s *intervals) add(n uint64) bool {
	k := len(s.iv)
	if k == 0 || n > s.iv[k-1].hi+1 { // n < 10^18: no overflow
		s.iv = append(s.iv, interval{n, n})
		return true
	}
	if last := &s.iv[k-1]; n == last.hi+1 {
		last.hi = n
		return true
	}
	// Out of order: find the first interval ending at or after n.
	i, j := 0, k
	for i < j {
		h := int(uint(i+j) >> 1)
		if s.iv[h].hi < n {
			i = h + 1
		} else {
			j = h
		}
	}
	if i < k && s.iv[i].lo <= n {
		return false
	}
	joinPrev := i > 0 && s.iv[i-1].hi+1 == n
	joinNext := i < k && n+1 == s.iv[i].lo
	switch {
	case joinPrev && joinNext:
		s.iv[i-1].hi = s.iv[i].hi
		s.iv = append(s.iv[:i], s.iv[i+1:]...)
	case joinPrev:
		s.iv[i-1].hi = n
	case joinNext:
		s.iv[i].lo = n
	default:
		s.iv = append(s.iv, interval{})
		copy(s.iv[i+1:], s.iv[i:])
		s.iv[i] = interval{n, n}
	}
	return true
}

// taxKey identifies a TaxTable entry as a line's Tax refers to it.
type taxKey struct {
	typ    TaxType
	region string
	code   TaxCode
}

// pendingRef is a reference resolved at Finish (a GroupingCode may name an
// account listed after it).
type pendingRef struct {
	path, value string
}
