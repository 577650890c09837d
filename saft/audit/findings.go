package audit

import (
	"cmp"
	"slices"

	"github.com/faturapt/faturapt/violation"
)

// collector keeps the first max findings of each code (every one when max
// is negative) and counts all of them, per code and per section: its size
// is bounded by the number of codes, not by the number of findings.
type collector struct {
	max      int
	kept     []Finding
	counts   map[violation.Code]*CodeCount
	sections map[string]*SectionSummary
}

func newCollector(max int) *collector {
	return &collector{max: max, counts: map[violation.Code]*CodeCount{}, sections: map[string]*SectionSummary{}}
}

// add counts f and keeps it if its code has room; it returns whether f was
// kept, at index len(c.kept)-1.
func (c *collector) add(f Finding) bool {
	f.Severity = f.Code.Severity()
	n := c.count(f.Code, f.Severity)
	n.Count++
	s := c.section(f.Section)
	if f.Severity == violation.SeverityError {
		s.Errors++
	} else {
		s.Warnings++
	}
	return c.keep(n, f)
}

func (c *collector) keep(n *CodeCount, f Finding) bool {
	if c.max >= 0 && n.Shown >= c.max {
		return false
	}
	n.Shown++
	c.kept = append(c.kept, f)
	return true
}

func (c *collector) count(code violation.Code, sev violation.Severity) *CodeCount {
	n := c.counts[code]
	if n == nil {
		n = &CodeCount{Code: code, Severity: sev}
		c.counts[code] = n
	}
	return n
}

func (c *collector) section(name string) *SectionSummary {
	s := c.sections[name]
	if s == nil {
		s = &SectionSummary{Name: name}
		c.sections[name] = s
	}
	return s
}

// merge adds what o collected to c.
func (c *collector) merge(o *collector) {
	for code, n := range o.counts {
		c.count(code, n.Severity).Count += n.Count
	}
	for name, s := range o.sections {
		t := c.section(name)
		t.Errors += s.Errors
		t.Warnings += s.Warnings
	}
	for _, f := range o.kept {
		c.keep(c.counts[f.Code], f)
	}
}

// fill sets r's Findings, CodeCounts, Sections, Errors and Warnings.
func (c *collector) fill(r *Report) {
	slices.SortStableFunc(c.kept, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Code, b.Code))
	})
	r.Findings = c.kept
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	r.CodeCounts = make([]CodeCount, 0, len(c.counts))
	for _, n := range c.counts {
		r.CodeCounts = append(r.CodeCounts, *n)
		if n.Severity == violation.SeverityError {
			r.Errors += n.Count
		} else {
			r.Warnings += n.Count
		}
	}
	slices.SortFunc(r.CodeCounts, func(a, b CodeCount) int { return cmp.Compare(a.Code, b.Code) })
	for _, name := range sectionOrder {
		if s := c.sections[name]; s != nil {
			r.Sections = append(r.Sections, *s)
		}
	}
}
