package audit

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
)

// WriteText writes the report for people: the file's identity, the
// findings held (line, severity, code, record, message), the number of
// findings per code, a summary per section and the verdict.
func (r *Report) WriteText(w io.Writer, name string) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	p("SAF-T (PT) audit of %s\n", name)
	if r.CompanyName != "" || r.TaxRegistration != "" {
		p("Company: %s (NIF %s), TaxAccountingBasis %s, period %s to %s\n", r.CompanyName, r.TaxRegistration, r.TaxAccountingBasis, r.StartDate, r.EndDate)
	}
	enc := "" // unknown when the audit stopped before the end of the Header
	if r.Encoding != "" {
		enc = " (" + r.Encoding + ")"
	}
	p("Read %d bytes%s%s\n", r.Bytes, enc, map[bool]string{true: "", false: ", audit stopped at a fatal error"}[r.Complete])
	if r.SignaturesVerified {
		p("Signatures: %d verified with the producer's public key\n", r.SignaturesChecked)
	} else {
		p("Signatures: not verified (no public key given); chain structure checked\n")
	}
	p("\n")
	if len(r.CodeCounts) == 0 {
		p("No findings.\n")
	} else {
		p("Findings (%d errors, %d warnings", r.Errors, r.Warnings)
		if n := r.Omitted(); n > 0 {
			p("; %d not shown: the first %d of each code are", n, r.MaxFindingsPerCode)
		}
		p("):\n")
		if len(r.Findings) > 0 {
			p("LINE\tSEVERITY\tCODE\tRECORD\tMESSAGE\n")
		}
		for _, f := range r.Findings {
			line := "-" // about the whole file (e.g. its version), no line
			if f.Line > 0 {
				line = strconv.Itoa(f.Line)
			}
			p("%s\t%s\t%s\t%s\t%s\n", line, f.Severity, f.Code, f.Record, f.Message)
		}
		p("\nFindings per code:\n")
		p("CODE\tSEVERITY\tCOUNT\tSHOWN\n")
		for _, c := range r.CodeCounts {
			p("%s\t%s\t%d\t%d\n", c.Code, c.Severity, c.Count, c.Shown)
		}
	}
	p("\nSummary per section:\n")
	p("SECTION\tRECORDS\tERRORS\tWARNINGS\n")
	for _, s := range r.Sections {
		p("%s\t%d\t%d\t%d\n", s.Name, s.Records, s.Errors, s.Warnings)
	}
	switch {
	case r.Errors > 0:
		p("\nResult: FAIL (%d errors, %d warnings)\n", r.Errors, r.Warnings)
	case r.Warnings > 0:
		p("\nResult: PASS with %d warnings\n", r.Warnings)
	default:
		p("\nResult: PASS\n")
	}
	return tw.Flush()
}

// WriteJSON writes the report as indented JSON, the same object
// json.Marshal would give, one finding at a time: nothing is built whole
// in memory.
func (r *Report) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriter(w)
	j := jsonWriter{w: bw}
	j.raw("{")
	j.field("encoding", r.Encoding, true)
	j.field("bytes", r.Bytes, false)
	j.field("companyName", r.CompanyName, true)
	j.field("taxRegistrationNumber", r.TaxRegistration, true)
	j.field("taxAccountingBasis", r.TaxAccountingBasis, true)
	j.field("startDate", r.StartDate, true)
	j.field("endDate", r.EndDate, true)
	j.field("complete", r.Complete, false)
	j.field("signaturesVerified", r.SignaturesVerified, false)
	j.field("signaturesChecked", r.SignaturesChecked, false)
	j.field("maxFindingsPerCode", r.MaxFindingsPerCode, false)
	j.list("findings", len(r.Findings), func(i int) any { return &r.Findings[i] })
	j.list("codeCounts", len(r.CodeCounts), func(i int) any { return &r.CodeCounts[i] })
	j.list("sections", len(r.Sections), func(i int) any { return &r.Sections[i] })
	j.field("errors", r.Errors, false)
	j.field("warnings", r.Warnings, false)
	j.raw("\n}\n")
	if j.err != nil {
		return j.err
	}
	return bw.Flush()
}

// jsonWriter writes the fields of one object, indented by two spaces; the
// first error sticks.
type jsonWriter struct {
	w      *bufio.Writer
	fields int
	err    error
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

func (j *jsonWriter) value(v any, prefix string) {
	if j.err != nil {
		return
	}
	b, err := json.MarshalIndent(v, prefix, "  ")
	if err != nil {
		j.err = err
		return
	}
	_, j.err = j.w.Write(b)
}

func (j *jsonWriter) name(name string) {
	if j.fields > 0 {
		j.raw(",")
	}
	j.fields++
	j.raw("\n  " + strconv.Quote(name) + ": ")
}

// field writes name: v; omitEmpty leaves out an empty string, as the
// struct tag omitempty would.
func (j *jsonWriter) field(name string, v any, omitEmpty bool) {
	if s, ok := v.(string); ok && omitEmpty && s == "" {
		return
	}
	j.name(name)
	j.value(v, "  ")
}

// list writes name: [elem(0), ..., elem(n-1)].
func (j *jsonWriter) list(name string, n int, elem func(int) any) {
	j.name(name)
	if n == 0 {
		j.raw("[]")
		return
	}
	j.raw("[")
	for i := range n {
		if i > 0 {
			j.raw(",")
		}
		j.raw("\n    ")
		j.value(elem(i), "    ")
	}
	j.raw("\n  ]")
}
