package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/faturapt/faturapt/book"
	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/qrcode/qrimage"
	"github.com/faturapt/faturapt/series"
)

const issueUsage = `usage: faturapt issue SALE.json [--series ID] [--qr FILE.png] [--json]

Issues the document described in SALE.json, the shape of package document's
Draft: its type, date (default today), customer (none: the final consumer),
lines (product, quantity, unit price, tax) and, as needed, payments, a global
discount, prices with tax included... For example:

  {"Type": "FT",
   "Customer": {"TaxID": "500000000", "Name": "Café Central, Lda", "City": "Lisboa"},
   "Lines": [{"Product": {"Code": "CAF", "Description": "Café em grão 1 kg"},
              "Quantity": "10", "UnitPrice": "18.50", "Tax": {"Category": "NOR"}}]}

The document is computed (every amount, VAT per rate, totals), numbered in the
type's default series (or --series ID), signed after the series' previous
document, and kept in the book in one transaction with its SAF-T record (an
invoice, a working document or a transport document, by its type), its
customer, products and tax rates, for the month's file. It
prints the number, the ATCUD, the four hash characters and the QR code's
message, and writes the QR code as a PNG with --qr. The signing key comes from
FATURAPT_SIGNING_KEY or --signing-key-file.
Exit status: 0 issued, 1 refused (every problem of the draft is listed), 2 bad usage.
`

// issuedJSON is the JSON of issue.
type issuedJSON struct {
	Number     string   `json:"number"`
	ATCUD      string   `json:"atcud"`
	Date       string   `json:"date"`
	Customer   string   `json:"customerTaxID"`
	NetTotal   string   `json:"netTotal"`
	TaxPayable string   `json:"taxPayable"`
	GrossTotal string   `json:"grossTotal"`
	HashChars  string   `json:"hashChars"`
	Mention    string   `json:"mention"`
	Mentions   []string `json:"mentions,omitempty"`
	QR         string   `json:"qr"`
	QRImage    string   `json:"qrImage,omitempty"`
}

func cmdIssue(e *env, args []string) int {
	fs := e.flags("issue", issueUsage)
	bf := e.bookFlags(fs)
	sf := e.secretFlags(fs, false, true)
	seriesID := fs.String("series", "", "the series (default: the document type's default series)")
	qrPath := fs.String("qr", "", "write the QR code as a PNG image to this file")
	asJSON := fs.Bool("json", false, "print the document as JSON")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		fs.Usage()
		return exitUsage
	}
	data, err := os.ReadFile(rest[0])
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	var draft document.Draft
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&draft); err != nil {
		return e.fail(exitUsage, "%s: %v (see \"faturapt issue -h\" for the shape)", rest[0], err)
	}
	ctx, s, code := e.begin(bf)
	if s == nil {
		return code
	}
	defer s.close()
	if draft.Date.IsZero() {
		draft.Date = e.today()
	}
	computed, err := document.Compute(draft)
	if err != nil {
		return e.fail(exitFailed, "the document was not issued: %v", err)
	}
	var sr series.Series
	if *seriesID == "" {
		if sr, err = s.book.DefaultSeries(ctx, s.nif, draft.Type); err != nil {
			return e.fail(exitUsage, "no default series of %s: register one with \"faturapt series new %s ID\", or give --series ID", draft.Type, draft.Type)
		}
	} else {
		en, err := s.entry(ctx, draft.Type, *seriesID)
		if err != nil {
			return e.fail(exitUsage, "%v", err)
		}
		sr = en.Series
	}
	signer, err := s.signer(sf)
	if err != nil {
		return e.fail(exitUsage, "%v", err)
	}
	iss, err := s.book.Issuer(ctx, s.nif, signer, issuing.WithClock(func() time.Time { return e.now().In(lisbon) }))
	if err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	// The document's SAF-T record (an invoice, a working document or a
	// transport document, by its class), its customer, products and tax
	// rates are recorded in the transaction of its number.
	ctx = book.WithContent(ctx, book.FromDocument(computed))
	issued, err := document.IssueComputed(ctx, iss.Issuing(), sr, computed)
	if err != nil {
		return e.fail(exitFailed, "the document was not issued: %v", err)
	}
	doc := issued.Document
	out := issuedJSON{Number: doc.DocumentNumber, ATCUD: doc.ATCUD.String(), Date: doc.Date.String(),
		Customer: issued.Customer.CustomerTaxID, NetTotal: computed.NetTotal.StringFixed(2), TaxPayable: computed.TaxPayable.StringFixed(2),
		GrossTotal: doc.GrossTotal.StringFixed(2), HashChars: doc.HashChars, Mention: issued.Printed.Mention,
		Mentions: issued.Printed.Mentions, QR: issued.Printed.QR}
	if *qrPath != "" {
		png, err := qrimage.PNG(issued.Printed.QR)
		if err == nil {
			err = os.WriteFile(*qrPath, png, 0o644)
		}
		if err != nil {
			// The document is issued and kept: only the image is missing.
			e.fail(exitFailed, "%s is issued, but its QR code image was not written: %v", doc.DocumentNumber, err)
		} else {
			out.QRImage = *qrPath
		}
	}
	if *asJSON {
		return e.json(out)
	}
	fmt.Fprintf(e.stdout, "%s  %s  %s  customer %s\n", out.Number, issued.Printed.ATCUD, out.Date, out.Customer)
	fmt.Fprintf(e.stdout, "  net %s  VAT %s  gross %s EUR\n", out.NetTotal, out.TaxPayable, out.GrossTotal)
	fmt.Fprintf(e.stdout, "  %s\n", out.Mention)
	for _, m := range out.Mentions {
		fmt.Fprintf(e.stdout, "  %s\n", m)
	}
	fmt.Fprintf(e.stdout, "  QR: %s\n", out.QR)
	if out.QRImage != "" {
		fmt.Fprintf(e.stdout, "  QR code image: %s\n", out.QRImage)
	}
	return exitOK
}
