package printout

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // logos
	_ "image/png"  // logos
	"io"

	"github.com/faturapt/faturapt/document"
	"github.com/faturapt/faturapt/nif"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/violation"
)

// ErrInvalid is matched by every *violation.Error of this package.
var ErrInvalid = violation.ErrInvalid

// The codes of the violations this package reports.
const (
	CodeSeller      violation.Code = "PRINT-SELLER"
	CodeSellerNIF   violation.Code = "PRINT-SELLER-NIF"
	CodeLogo        violation.Code = "PRINT-LOGO"
	CodeColor       violation.Code = "PRINT-COLOR"
	CodeCopy        violation.Code = "PRINT-COPY"
	CodeDocument    violation.Code = "PRINT-DOCUMENT"
	CodeLabels      violation.Code = "PRINT-LABELS"
	CodeSoftwareNIF violation.Code = "PRINT-TRAINING"
)

// Codes is the catalogue of this package's violation codes.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeSeller, Description: "the seller has no name or no valid NIF (CIVA art. 36 n.º 5 a))"},
	violation.Entry{Code: CodeSellerNIF, Description: "the seller's NIF is not the issuer's of the document (its QR code, field A)"},
	violation.Entry{Code: CodeLogo, Description: "the logo is not a PNG or JPEG image"},
	violation.Entry{Code: CodeColor, Description: "a colour component is outside 0-255"},
	violation.Entry{Code: CodeCopy, Description: "the copy is not Original, Duplicate, Triplicate or Reprint"},
	violation.Entry{Code: CodeDocument, Description: "the document is missing, not issued or without its QR code, ATCUD or certificate mention"},
	violation.Entry{Code: CodeLabels, Description: "the labels table has no decimal separator"},
	violation.Entry{Code: CodeSoftwareNIF, Description: "the software house of training mode has no name or no valid NIF (Despacho 8632/2014 §1.5)"},
)

// Seller is who issues the document (CIVA art. 36 n.º 5 a): name, seat
// and NIF).
type Seller struct {
	// Name is the firm or denomination.
	Name string
	// TaxID is the NIF, without "PT".
	TaxID                     string
	Address, PostalCode, City string
	// Details are further lines of the header: share capital, commercial
	// registry, telephone, e-mail.
	Details []string
}

func (s Seller) check(vs *violation.List, path string, code violation.Code) {
	if s.Name == "" {
		vs.Add(path+".Name", code, "the name is empty")
	}
	if !nif.Valid(s.TaxID) {
		vs.Add(path+".TaxID", code, "%q is not a valid NIF", s.TaxID)
	}
}

// Copy says which copy of a document is printed.
type Copy int

// The copies. A reprint of a document already printed says "2.ª via"
// (Despacho 8632/2014 §2.2.15).
const (
	Original Copy = iota
	Duplicate
	Triplicate
	Reprint
)

// Values returns the copies.
func (Copy) Values() []Copy { return []Copy{Original, Duplicate, Triplicate, Reprint} }

// Valid reports whether c is one of the copies.
func (c Copy) Valid() bool { return c >= Original && c <= Reprint }

// String returns the copy's Portuguese name.
func (c Copy) String() string { return Portuguese.Copies[c] }

// RGB is a colour.
type RGB struct{ R, G, B int }

type config struct {
	labels   Labels
	logo     []byte
	logoType string
	logoW    float64 // aspect ratio width / height
	accent   RGB
	text     []string
	copy     Copy
	training *Seller
	vs       violation.List
}

// Option changes how a Printer prints.
type Option func(*config)

// WithLabels sets the words of the layout (default Portuguese).
func WithLabels(l Labels) Option { return func(c *config) { c.labels = l } }

// WithLogo sets a PNG or JPEG logo, drawn at the top left, at most 50 x 18
// mm.
func WithLogo(img []byte) Option {
	return func(c *config) {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(img))
		if err != nil || cfg.Width == 0 || cfg.Height == 0 {
			c.vs.Add("Logo", CodeLogo, "the logo is not a PNG or JPEG image: %v", err)
			return
		}
		c.logo, c.logoType = bytes.Clone(img), format
		c.logoW = float64(cfg.Width) / float64(cfg.Height)
	}
}

// WithColor sets the accent colour of rules and the table head (default
// a dark blue). Text stays black: a colour never hides a mention.
func WithColor(c RGB) Option {
	return func(cf *config) {
		for _, v := range []int{c.R, c.G, c.B} {
			if v < 0 || v > 255 {
				cf.vs.Add("Color", CodeColor, "%d is outside 0-255", v)
				return
			}
		}
		cf.accent = c
	}
}

// WithText adds a paragraph of free text (terms, bank details, a thank
// you), printed after the totals and before the legal mentions.
func WithText(text string) Option { return func(c *config) { c.text = append(c.text, text) } }

// WithCopy says which copy is printed (default Original).
func WithCopy(cp Copy) Option {
	return func(c *config) {
		if !cp.Valid() {
			c.vs.Add("Copy", CodeCopy, "%d is not a copy", cp)
			return
		}
		c.copy = cp
	}
}

// WithTraining prints a document of a training series: the header shows
// the software house instead of the seller, and every page says
// "Documento emitido para fins de Formação" (Despacho 8632/2014 §1.5).
func WithTraining(softwareHouse Seller) Option {
	return func(c *config) {
		softwareHouse.check(&c.vs, "Training", CodeSoftwareNIF)
		c.training = &softwareHouse
	}
}

// Printer prints the documents of one seller.
type Printer struct {
	seller Seller
	opts   []Option
}

// New returns a Printer for seller, or a *violation.Error naming every
// problem with the seller or the options.
func New(seller Seller, opts ...Option) (*Printer, error) {
	p := &Printer{seller: seller, opts: opts}
	if _, err := p.config(nil); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Printer) config(more []Option) (*config, error) {
	c := &config{labels: Portuguese, accent: RGB{31, 56, 100}}
	p.seller.check(&c.vs, "Seller", CodeSeller)
	for _, o := range p.opts {
		o(c)
	}
	for _, o := range more {
		o(c)
	}
	if c.labels.DecimalSeparator == "" {
		c.vs.Add("Labels.DecimalSeparator", CodeLabels, "the labels have no decimal separator")
	}
	if err := c.vs.Err("printout"); err != nil {
		return nil, err
	}
	return c, nil
}

// Legal texts, as the law writes them.
const (
	// NotAnInvoice is printed on every document that is not an invoice
	// or a correcting document (Despacho 8632/2014 §1.2).
	NotAnInvoice = "Este documento não serve de fatura"
	// Training is printed on documents of training mode (§1.5).
	Training = "Documento emitido para fins de Formação"
)

// Document writes the issued document d as PDF to w; opts apply to this
// document after the printer's (e.g. WithCopy(Reprint)).
func (p *Printer) Document(w io.Writer, d *document.Issued, opts ...Option) error {
	c, err := p.config(opts)
	if err != nil {
		return err
	}
	var vs violation.List
	if d == nil || d.Computed == nil {
		vs.Add("Document", CodeDocument, "no issued document")
		return vs.Err("printout")
	}
	if d.Printed.QR == "" || d.Printed.ATCUD == "" || d.Printed.Mention == "" {
		vs.Add("Document.Printed", CodeDocument, "%s has no QR code, ATCUD or certificate mention: it is not issued", d.Document.DocumentNumber)
	}
	p.checkIssuer(&vs, c, d.Printed.QR)
	if err := vs.Err("printout"); err != nil {
		return err
	}
	return render(w, p.header(c), c, sheetOf(d, &c.labels))
}

// Receipt writes the receipt r as PDF to w.
func (p *Printer) Receipt(w io.Writer, r *document.IssuedReceipt, opts ...Option) error {
	c, err := p.config(opts)
	if err != nil {
		return err
	}
	var vs violation.List
	if r == nil || r.Payment == nil {
		vs.Add("Receipt", CodeDocument, "no issued receipt")
		return vs.Err("printout")
	}
	if r.Printed.QR == "" || r.Printed.ATCUD == "" {
		vs.Add("Receipt.Printed", CodeDocument, "%s has no QR code or ATCUD", r.Number)
	}
	q := p.checkIssuer(&vs, c, r.Printed.QR)
	if err := vs.Err("printout"); err != nil {
		return err
	}
	// Receipts are not signed: "Emitido por programa certificado"
	// (Despacho 8632/2014 §2.2.3), with the certificate of the QR code.
	mention := fmt.Sprintf("Emitido por programa certificado n.º %s/AT", q.CertificateNumber)
	return render(w, p.header(c), c, sheetOfReceipt(r, mention, &c.labels))
}

// checkIssuer parses the QR message and checks that the seller is its
// issuer (field A), unless a training header replaces the seller.
func (p *Printer) checkIssuer(vs *violation.List, c *config, msg string) qrcode.Document {
	q, err := qrcode.Parse(msg)
	if err != nil {
		vs.Add("QR", CodeDocument, "the QR code message does not parse: %v", err)
		return q
	}
	if c.training == nil && q.IssuerNIF != p.seller.TaxID {
		vs.Add("Seller.TaxID", CodeSellerNIF, "the seller's NIF %s is not the document's issuer %s", p.seller.TaxID, q.IssuerNIF)
	}
	return q
}

func (p *Printer) header(c *config) Seller {
	if c.training != nil {
		return *c.training
	}
	return p.seller
}
