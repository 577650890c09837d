package audit

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
)

// WriteText writes the report for people: the file's identity, every
// finding (line, severity, code, record, message), a summary per section
// and the verdict.
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
	if len(r.Findings) == 0 {
		p("No findings.\n")
	} else {
		p("Findings (%d errors, %d warnings):\n", r.Errors, r.Warnings)
		p("LINE\tSEVERITY\tCODE\tRECORD\tMESSAGE\n")
		for _, f := range r.Findings {
			line := "-" // about the whole file (e.g. its version), no line
			if f.Line > 0 {
				line = strconv.Itoa(f.Line)
			}
			p("%s\t%s\t%s\t%s\t%s\n", line, f.Severity, f.Code, f.Record, f.Message)
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

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	e := json.NewEncoder(w)
	e.SetIndent("", "  ")
	return e.Encode(r)
}
