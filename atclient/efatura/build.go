package efatura

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/violation"
)

// Building the e-Fatura requests from the SAF-T model, and the rules of the
// manual ("Comunicação dos elementos dos documentos de faturação", v1.0,
// §2.2.2) and of the WSDL that the SAF-T model does not carry. Every
// violation is reported at once in one *violation.Error (see Codes).

// MDVersion is the only eFaturaMDVersion Fatcorews.wsdl accepts
// (simple type eFaturaMDVersion, pattern "0.0.1").
const MDVersion = "0.0.1"

// EFatura endpoints (manual §2.1.2, §2.1.3; generic manual v2.0 §3).
const (
	CodeTestEndpoint       = "https://servicos.portaldasfinancas.gov.pt:723/fatcorews/ws/"
	CodeProductionEndpoint = "https://servicos.portaldasfinancas.gov.pt:423/fatcorews/ws/"
)

// Issuer is what every register request says about the issuer and
// the program besides the document: the SAF-T Header fields of the same
// name (use IssuerFromHeader).
type Issuer struct {
	// TaxRegistrationNumber (1.3): the issuer's Portuguese NIF.
	TaxRegistrationNumber string
	// TaxEntity (1.4): the establishment, "Global" when not applicable,
	// "Sede" from an accounting or integrated program.
	TaxEntity string
	// SoftwareCertificateNumber (1.5): the program's AT certificate
	// number, 0 when not applicable.
	SoftwareCertificateNumber int
	// AuditFileVersion (1.2): the latest SAF-T (PT) version the program
	// can produce; "" means saft.AuditFileVersion.
	AuditFileVersion string
}

// IssuerFromHeader takes the issuer from the SAF-T Header a program uses to
// export the same documents, so both ways of communicating say the same.
func IssuerFromHeader(h saft.Header) Issuer {
	return Issuer{
		TaxRegistrationNumber:     h.TaxRegistrationNumber,
		TaxEntity:                 h.TaxEntity,
		SoftwareCertificateNumber: h.SoftwareCertificateNumber,
		AuditFileVersion:          h.AuditFileVersion,
	}
}

// Invoice is a sales document to communicate (RegisterInvoice,
// ChangeInvoiceStatus, DeleteInvoice).
type Invoice struct {
	Invoice *saft.Invoice
	// Customer is the MasterFiles record of Invoice.CustomerID: the request
	// carries its CustomerTaxID and BillingAddress.Country.
	Customer saft.Customer
	// PaperLess is PaperLessIndicator (1.6.11): the invoice was issued
	// without paper. SAF-T does not carry it.
	PaperLess bool
}

// Work is a working document to communicate (RegisterWork,
// ChangeWorkStatus, DeleteWork).
type Work struct {
	Work     *saft.WorkDocument
	Customer saft.Customer // the MasterFiles record of Work.CustomerID
}

// Payment is a receipt to communicate (RegisterPayment,
// ChangePaymentStatus, DeletePayment). Only receipts of the cash VAT scheme
// (PaymentType RC) are communicated (manual 1.6.4).
type Payment struct {
	Payment  *saft.Payment
	Customer saft.Customer // the MasterFiles record of Payment.CustomerID
}

// DateRange selects the documents of an issuer by date, both days
// included, for the Delete operations (dateRange).
type DateRange struct{ Start, End civil.Date }

// Limits of the WSDL's simple types.
var (
	maxMonetary   = decimal.RequireFromString("9999999999999.99")
	maxPercentage = decimal.NewFromInt(100)
	docNumberRE   = regexp.MustCompile(`^[^ ]+ [^/^ ]+/[0-9]+$`)
	auditFileRE   = regexp.MustCompile(`^(1\.04_01|1\.03_01|1\.02_01|1\.01_01|1\.00_01|inexistente)$`)
	countryRE     = regexp.MustCompile(`^([A-Z]{2}|Desconhecido)$`)
	regionRE      = regexp.MustCompile(`^([A-Z]{2}|PT-MA|PT-AC)$`)
	taxCodeRE     = regexp.MustCompile(`^[a-zA-Z0-9.]{1,10}$`)
	exemptionRE   = regexp.MustCompile(`^(M[0-9]{2})+$`)
	eacRE         = regexp.MustCompile(`^[0-9]{5}$`)
)

// Document types of the WSDL's InvoiceTypeType, WorkTypeType and
// PaymentTypeType (manual 1.6.4 of each operation).
var (
	invoiceTypes = []string{"FT", "NC", "ND", "FS", "FR", "RP", "RE", "CS", "LD", "RA"}
	workTypes    = []string{"CM", "CC", "FC", "FO", "NE", "OU", "OR", "PF", "RP", "RE", "CS", "LD", "RA"}
	paymentTypes = []string{"RC"}
)

// violations collects what a request breaks.
type violations struct{ list violation.List }

func (v *violations) add(field string, rule violation.Code, format string, args ...any) {
	v.list.Add(field, rule, format, args...)
}

func (v *violations) err() error { return v.list.Err("efatura: request") }

func (v *violations) text(field, s string, min, max int) {
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0 && min > 0:
		v.add(field, CodeRequired, "missing")
	case n < min || n > max:
		v.add(field, CodeLength, "%d characters, want %d to %d", n, min, max)
	}
}

func (v *violations) docNumber(field, s string) {
	v.text(field, s, 1, 60)
	if s != "" && !docNumberRE.MatchString(s) {
		v.add(field, CodePattern, "%q is not \"type series/number\" (pattern [^ ]+ [^/^ ]+/[0-9]+)", s)
	}
}

func (v *violations) date(field string, d civil.Date) {
	if !d.Valid() {
		v.add(field, CodeDate, "missing or not a calendar date")
	}
}

func (v *violations) dateTime(field string, t civil.DateTime) {
	if !t.Valid() {
		v.add(field, CodeDateTime, "missing or not a valid date and time")
	}
}

func (v *violations) enum(field, s string, allowed []string) {
	if !slices.Contains(allowed, s) {
		v.add(field, CodeEnum, "%q is not one of %s", s, strings.Join(allowed, ", "))
	}
}

func (v *violations) money(field string, d decimal.Decimal) {
	if d.IsNegative() || d.GreaterThan(maxMonetary) {
		v.add(field, CodeRange, "%s is outside 0 to 9999999999999.99 (MonetaryType)", d.String())
	}
}

func (v *violations) issuer(is *Issuer) {
	if is == nil {
		v.add("TaxRegistrationNumber", CodeIssuer, "no issuer configured: use WithIssuer (IssuerFromHeader of the SAF-T header)")
		return
	}
	v.nif("TaxRegistrationNumber", is.TaxRegistrationNumber)
	v.text("TaxEntity", is.TaxEntity, 1, 20)
	if is.SoftwareCertificateNumber < 0 {
		v.add("SoftwareCertificateNumber", CodeRange, "%d is negative (0 when not applicable)", is.SoftwareCertificateNumber)
	}
	if afv := auditFileVersion(is); !auditFileRE.MatchString(afv) {
		v.add("AuditFileVersion", CodePattern, "%q is not a SAF-T (PT) version (1.04_01, ..., or inexistente)", afv)
	}
}

// nif is SAFPTPortugueseVatNumber: an integer 100000000 to 999999999.
func (v *violations) nif(field, s string) {
	if len(s) != 9 || strings.Trim(s, "0123456789") != "" || s[0] == '0' {
		v.add(field, CodeNIF, "%q is not a 9-digit Portuguese NIF", s)
	}
}

// registerHead is the head of a Register request from its (checked) issuer.
func registerHead(is *Issuer) wireRegisterHead {
	return wireRegisterHead{
		Version:                   MDVersion,
		AuditFileVersion:          auditFileVersion(is),
		TaxRegistrationNumber:     is.TaxRegistrationNumber,
		TaxEntity:                 is.TaxEntity,
		SoftwareCertificateNumber: is.SoftwareCertificateNumber,
	}
}

func auditFileVersion(is *Issuer) string {
	if is.AuditFileVersion == "" {
		return saft.AuditFileVersion
	}
	return is.AuditFileVersion
}

func (v *violations) customer(prefix string, c saft.Customer, customerID string) (string, string) {
	if c.CustomerID != customerID {
		v.add(prefix+"CustomerTaxID", CodeCustomer, "the customer given is %q, the document's CustomerID is %q", c.CustomerID, customerID)
	}
	v.text(prefix+"CustomerTaxID", c.CustomerTaxID, 1, 30)
	if !countryRE.MatchString(c.BillingAddress.Country) {
		v.add(prefix+"CustomerTaxIDCountry", CodePattern, "%q is not an ISO 3166-1 alpha-2 code or Desconhecido (the customer's BillingAddress.Country)", c.BillingAddress.Country)
	}
	return c.CustomerTaxID, c.BillingAddress.Country
}

// hashCharacters is HashCharacters (1.6.9): characters 1, 11, 21 and 31 of
// the signature, or "0" for a program that is not certified.
func (v *violations) hashCharacters(field, hash string) string {
	if hash == "0" {
		return "0"
	}
	hc, err := certify.HashChars(hash)
	if err != nil || strings.Contains(hc, "^") {
		v.add(field, CodeHash, "the document's Hash must be \"0\" (program not certified) or a signature of at least 31 characters")
		return ""
	}
	return hc
}

func indicator(b saft.Indicator) int {
	if b {
		return 1
	}
	return 0
}

func (v *violations) tax(field string, t saft.Tax) *wireTax {
	v.enum(field+"/TaxType", string(t.TaxType), []string{"IVA", "IS", "NS"})
	if !regionRE.MatchString(t.TaxCountryRegion) {
		v.add(field+"/TaxCountryRegion", CodePattern, "%q is not an ISO 3166-1 alpha-2 code, PT-AC or PT-MA", t.TaxCountryRegion)
	}
	if !taxCodeRE.MatchString(string(t.TaxCode)) {
		v.add(field+"/TaxCode", CodePattern, "%q is not a tax code (RED, INT, NOR, ISE, OUT, NS, NA or a stamp duty item, at most 10 characters)", t.TaxCode)
	}
	w := &wireTax{TaxType: string(t.TaxType), TaxCountryRegion: t.TaxCountryRegion, TaxCode: string(t.TaxCode)}
	switch {
	case (t.TaxPercentage == nil) == (t.TaxAmount == nil):
		v.add(field, CodeChoice, "exactly one of TaxPercentage and TaxAmount (TotalTaxAmount) must be set")
	case t.TaxPercentage != nil:
		if t.TaxPercentage.IsNegative() || t.TaxPercentage.GreaterThan(maxPercentage) {
			v.add(field+"/TaxPercentage", CodeRange, "%s is outside 0 to 100", t.TaxPercentage.String())
		}
		p := percent(*t.TaxPercentage)
		w.TaxPercentage = &p
	default:
		v.money(field+"/TotalTaxAmount", *t.TaxAmount)
		a := money(*t.TaxAmount)
		w.TotalTaxAmount = &a
	}
	return w
}

// zeroTax reports whether the line's tax is a zero rate or amount, which
// requires an exemption code (manual 1.6.14.8).
func zeroTax(t *saft.Tax) bool {
	switch {
	case t == nil:
		return false
	case t.TaxPercentage != nil:
		return t.TaxPercentage.IsZero()
	case t.TaxAmount != nil:
		return t.TaxAmount.IsZero()
	}
	return false
}

// summaryKey groups document lines into one LineSummary (manual 1.6.14:
// one line per tax, exemption code, tax point date, corrected document,
// source document, and debit/credit indicator; and per TotalTaxBase or
// Amount, which are different fields).
type summaryKey struct {
	tax       string
	exemption string
	taxPoint  civil.Date
	refs      string
	orders    string
	dc        string
	base      bool
}

func taxKey(t *saft.Tax) string {
	if t == nil {
		return ""
	}
	k := string(t.TaxType) + "|" + t.TaxCountryRegion + "|" + string(t.TaxCode) + "|"
	if t.TaxPercentage != nil {
		return k + "%" + t.TaxPercentage.String()
	}
	return k + "amount" // fixed amounts of the same tax add up
}

// debitCredit is a line's amount and DebitCreditIndicator (D or C), from
// exactly one of its DebitAmount and CreditAmount; false when not one.
func (v *violations) debitCredit(line string, debit, credit *decimal.Decimal) (decimal.Decimal, string, bool) {
	switch {
	case (debit == nil) == (credit == nil):
		v.add(line+"/DebitCreditIndicator", CodeChoice, "exactly one of DebitAmount and CreditAmount must be set")
		return decimal.Decimal{}, "", false
	case debit != nil:
		return *debit, "D", true
	default:
		return *credit, "C", true
	}
}

// lineSummaries builds the LineSummary of an invoice or a working document
// from its SAF-T lines.
func (v *violations) lineSummaries(field string, lines []saft.InvoiceLine, taxRequired bool) []wireLineSummary {
	if len(lines) == 0 {
		v.add(field, CodeRequired, "the document has no lines")
		return nil
	}
	var out []wireLineSummary
	index := map[summaryKey]int{}
	for i, l := range lines {
		lf := fmt.Sprintf("%s[line %d]", field, i+1)
		amount, dc, ok := v.debitCredit(lf, l.DebitAmount, l.CreditAmount)
		if !ok {
			continue
		}
		// A line without price carries its taxable amount in TaxBase: it
		// goes to TotalTaxBase, Quantity × TaxBase (manual 1.6.14.5).
		base := l.TaxBase != nil && amount.IsZero()
		if base {
			amount = l.Quantity.Mul(*l.TaxBase)
		}
		v.date(lf+"/TaxPointDate", l.TaxPointDate)
		if l.Tax == nil && taxRequired {
			v.add(lf+"/Tax", CodeRequired, "missing")
		}
		if zeroTax(l.Tax) && l.TaxExemptionCode == "" {
			v.add(lf+"/TaxExemptionCode", CodeExemptionRequired, "required when the tax rate or amount is zero (manual 1.6.14.8)")
		}
		v.exemptionCode(lf, l.TaxExemptionCode)
		var refs []string
		for j, r := range l.References {
			if r.Reference == "" {
				continue
			}
			v.text(fmt.Sprintf("%s/Reference[%d]", lf, j+1), r.Reference, 1, 60)
			refs = append(refs, r.Reference)
		}
		var orders []wireOrderReference
		var orderKey []string
		for j, o := range l.OrderReferences {
			if o.OriginatingON == "" && o.OrderDate == nil {
				continue
			}
			if o.OriginatingON != "" {
				v.text(fmt.Sprintf("%s/OrderReferences[%d]/OriginatingON", lf, j+1), o.OriginatingON, 1, 60)
			}
			orders = append(orders, wireOrderReference{OriginatingON: o.OriginatingON, OrderDate: o.OrderDate})
			d := ""
			if o.OrderDate != nil {
				d = o.OrderDate.String()
			}
			orderKey = append(orderKey, o.OriginatingON+"@"+d)
		}
		k := summaryKey{taxKey(l.Tax), l.TaxExemptionCode, l.TaxPointDate, strings.Join(refs, "\x00"), strings.Join(orderKey, "\x00"), dc, base}
		if n, ok := index[k]; ok {
			s := &out[n]
			if base {
				*s.TotalTaxBase = money(decimal.Decimal(*s.TotalTaxBase).Add(amount))
			} else {
				*s.Amount = money(decimal.Decimal(*s.Amount).Add(amount))
			}
			if l.Tax != nil && l.Tax.TaxAmount != nil && s.Tax != nil && s.Tax.TotalTaxAmount != nil {
				*s.Tax.TotalTaxAmount = money(decimal.Decimal(*s.Tax.TotalTaxAmount).Add(*l.Tax.TaxAmount))
			}
			continue
		}
		s := wireLineSummary{OrderReferences: orders, TaxPointDate: l.TaxPointDate, Reference: refs, DebitCreditIndicator: dc, TaxExemptionCode: l.TaxExemptionCode}
		m := money(amount)
		if base {
			s.TotalTaxBase = &m
		} else {
			s.Amount = &m
		}
		if l.Tax != nil {
			s.Tax = v.tax(lf+"/Tax", *l.Tax)
		}
		index[k] = len(out)
		out = append(out, s)
	}
	for i, s := range out {
		lf := fmt.Sprintf("%s[%d]", field, i+1)
		if s.Amount != nil {
			v.money(lf+"/Amount", decimal.Decimal(*s.Amount))
		}
		if s.TotalTaxBase != nil {
			v.money(lf+"/TotalTaxBase", decimal.Decimal(*s.TotalTaxBase))
		}
		if s.Tax != nil && s.Tax.TotalTaxAmount != nil {
			v.money(lf+"/Tax/TotalTaxAmount", decimal.Decimal(*s.Tax.TotalTaxAmount))
		}
	}
	return out
}

func (v *violations) totals(field string, taxPayable, net, gross decimal.Decimal) wireTotals {
	v.money(field+"/TaxPayable", taxPayable)
	v.money(field+"/NetTotal", net)
	v.money(field+"/GrossTotal", gross)
	// Document totals have two decimals (Portaria 302/2016, 4.1.4.20);
	// written as given, never rounded here.
	return wireTotals{TaxPayable: money(taxPayable), NetTotal: money(net), GrossTotal: money(gross)}
}

func (v *violations) withholding(field string, ws []saft.WithholdingTax) []wireWithholdingTax {
	var out []wireWithholdingTax
	for i, w := range ws {
		f := fmt.Sprintf("%s[%d]", field, i+1)
		if w.WithholdingTaxType != "" && !w.WithholdingTaxType.Valid() {
			v.add(f+"/WithholdingTaxType", CodeEnum, "%q is not IRS, IRC or IS", w.WithholdingTaxType)
		}
		v.money(f+"/WithholdingTaxAmount", w.WithholdingTaxAmount)
		out = append(out, wireWithholdingTax{Type: string(w.WithholdingTaxType), Amount: money(w.WithholdingTaxAmount)})
	}
	return out
}

// exemptionCode checks the pattern of a line's TaxExemptionCode ("" is
// absent). The field name is built only for a violation.
func (v *violations) exemptionCode(line, code string) {
	if code != "" && !exemptionRE.MatchString(code) {
		v.add(line+"/TaxExemptionCode", CodePattern, "%q is not an M code (M01, M99, ...)", code)
	}
}

func (v *violations) eac(field, code string) {
	if code != "" && !eacRE.MatchString(code) {
		v.add(field, CodePattern, "%q is not a 5-digit CAE code", code)
	}
}

// invoiceHeader builds InvoiceHeaderType.
func (v *violations) invoiceHeader(prefix string, d Invoice) wireInvoiceHeader {
	inv := d.Invoice
	v.docNumber(prefix+"InvoiceNo", inv.InvoiceNo)
	v.text(prefix+"ATCUD", inv.ATCUD, 1, 100)
	v.date(prefix+"InvoiceDate", inv.InvoiceDate)
	v.enum(prefix+"InvoiceType", string(inv.InvoiceType), invoiceTypes)
	taxID, country := v.customer(prefix, d.Customer, inv.CustomerID)
	return wireInvoiceHeader{
		InvoiceNo:            inv.InvoiceNo,
		ATCUD:                inv.ATCUD,
		InvoiceDate:          inv.InvoiceDate,
		InvoiceType:          string(inv.InvoiceType),
		SelfBillingIndicator: indicator(inv.SpecialRegimes.SelfBillingIndicator),
		CustomerTaxID:        taxID,
		CustomerTaxIDCountry: country,
	}
}

func buildRegisterInvoice(is *Issuer, d Invoice) (*wireRegisterInvoice, error) {
	var v violations
	v.issuer(is)
	if d.Invoice == nil {
		v.add("InvoiceData", CodeRequired, "no invoice")
		return nil, v.err()
	}
	inv := d.Invoice
	const p = "InvoiceData/"
	h := v.invoiceHeader(p, d)
	// InvoiceStatus R (summary document) is SAF-T only (manual 1.6.8.1).
	v.enum(p+"DocumentStatus/InvoiceStatus", string(inv.DocumentStatus.InvoiceStatus), []string{"N", "A", "F", "S"})
	v.dateTime(p+"DocumentStatus/InvoiceStatusDate", inv.DocumentStatus.InvoiceStatusDate)
	v.dateTime(p+"SystemEntryDate", inv.SystemEntryDate)
	v.eac(p+"EACCode", inv.EACCode)
	data := wireInvoiceData{
		wireInvoiceHeader:      h,
		DocumentStatus:         wireInvoiceStatus{Status: string(inv.DocumentStatus.InvoiceStatus), Date: inv.DocumentStatus.InvoiceStatusDate},
		HashCharacters:         v.hashCharacters(p+"HashCharacters", inv.Hash),
		CashVATSchemeIndicator: indicator(inv.SpecialRegimes.CashVATSchemeIndicator),
		PaperLessIndicator:     indicator(saft.Indicator(d.PaperLess)),
		EACCode:                inv.EACCode,
		SystemEntryDate:        inv.SystemEntryDate,
		LineSummary:            v.lineSummaries(p+"LineSummary", inv.Line, true),
		DocumentTotals:         v.totals(p+"DocumentTotals", inv.DocumentTotals.TaxPayable, inv.DocumentTotals.NetTotal, inv.DocumentTotals.GrossTotal),
		WithholdingTax:         v.withholding(p+"WithholdingTax", inv.WithholdingTax),
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	return &wireRegisterInvoice{
		wireRegisterHead: registerHead(is),
		InvoiceData:      data,
	}, nil
}

func buildChangeInvoiceStatus(nif string, d Invoice) (*wireChangeInvoiceStatus, error) {
	var v violations
	v.nif("TaxRegistrationNumber", nif)
	if d.Invoice == nil {
		v.add("InvoiceHeader", CodeRequired, "no invoice")
		return nil, v.err()
	}
	h := v.invoiceHeader("InvoiceHeader/", d)
	st := d.Invoice.DocumentStatus
	v.enum("InvoiceStatus/InvoiceStatus", string(st.InvoiceStatus), []string{"N", "A", "F"})
	v.dateTime("InvoiceStatus/InvoiceStatusDate", st.InvoiceStatusDate)
	if err := v.err(); err != nil {
		return nil, err
	}
	return &wireChangeInvoiceStatus{Version: MDVersion, TaxRegistrationNumber: nif, InvoiceHeader: h,
		InvoiceStatus: wireInvoiceStatus{Status: string(st.InvoiceStatus), Date: st.InvoiceStatusDate}}, nil
}

// deletion checks what the three Delete operations share: exactly one of
// documents and range, the reason's length (10 to 500), and that the
// documents are of one year (AT refuses several with 401).
func (v *violations) deletion(n int, r *DateRange, reason string, years []int) *wireDateRange {
	switch {
	case n == 0 && r == nil:
		v.add("documentsList", CodeChoice, "give the documents to delete or a date range")
	case n > 0 && r != nil:
		v.add("documentsList", CodeChoice, "give the documents to delete or a date range, not both")
	}
	v.text("reason", reason, 10, 500)
	slices.Sort(years)
	if years = slices.Compact(years); len(years) > 1 {
		v.add("documentsList", CodeYears, "documents of %d years (%v): AT deletes documents of one year per request (code 401)", len(years), years)
	}
	if r == nil {
		return nil
	}
	v.date("dateRange/StartDate", r.Start)
	v.date("dateRange/EndDate", r.End)
	if r.End.Before(r.Start) {
		v.add("dateRange/EndDate", CodeRange, "%s is before StartDate %s", r.End, r.Start)
	}
	return &wireDateRange{StartDate: r.Start, EndDate: r.End}
}

// documentsList builds the documentsList of a Delete request: the header
// of each document (element elem), refusing a document missing (message
// missing) or whose number (field numberField) is in the list twice; and
// the documents' years, for deletion. doc gives a document's number and
// year, false when there is no document.
func documentsList[D, H any](v *violations, docs []D, elem, numberField, missing string, doc func(D) (number string, year int, ok bool), header func(prefix string, d D) H) ([]H, []int) {
	var list []H
	var years []int
	seen := map[string]bool{}
	for i, d := range docs {
		p := fmt.Sprintf("documentsList/%s[%d]/", elem, i+1)
		number, year, ok := doc(d)
		if !ok {
			v.add(p, CodeRequired, "%s", missing)
			continue
		}
		if seen[number] {
			v.add(p+numberField, CodeRepeated, "%q is in the list twice (AT refuses with 491)", number)
		}
		seen[number] = true
		list = append(list, header(p, d))
		years = append(years, year)
	}
	return list, years
}

func buildDeleteInvoice(nif string, docs []Invoice, r *DateRange, reason string) (*wireDeleteInvoice, error) {
	var v violations
	v.nif("TaxRegistrationNumber", nif)
	req := &wireDeleteInvoice{Version: MDVersion, TaxRegistrationNumber: nif, Reason: reason}
	list, years := documentsList(&v, docs, "invoice", "InvoiceNo", "no invoice", func(d Invoice) (string, int, bool) {
		if d.Invoice == nil {
			return "", 0, false
		}
		return d.Invoice.InvoiceNo, d.Invoice.InvoiceDate.Year, true
	}, v.invoiceHeader)
	if list != nil {
		req.DocumentsList = &wireInvoiceList{Invoice: list}
	}
	req.DateRange = v.deletion(len(docs), r, reason, years)
	if err := v.err(); err != nil {
		return nil, err
	}
	return req, nil
}

func (v *violations) workHeader(prefix string, d Work) wireWorkHeader {
	w := d.Work
	v.docNumber(prefix+"DocumentNumber", w.DocumentNumber)
	v.text(prefix+"ATCUD", w.ATCUD, 1, 100)
	v.date(prefix+"WorkDate", w.WorkDate)
	v.enum(prefix+"WorkType", string(w.WorkType), workTypes)
	taxID, country := v.customer(prefix, d.Customer, w.CustomerID)
	return wireWorkHeader{DocumentNumber: w.DocumentNumber, ATCUD: w.ATCUD, WorkDate: w.WorkDate, WorkType: string(w.WorkType),
		CustomerTaxID: taxID, CustomerTaxIDCountry: country}
}

func buildRegisterWork(is *Issuer, d Work) (*wireRegisterWork, error) {
	var v violations
	v.issuer(is)
	if d.Work == nil {
		v.add("WorkData", CodeRequired, "no working document")
		return nil, v.err()
	}
	w := d.Work
	const p = "WorkData/"
	h := v.workHeader(p, d)
	v.enum(p+"DocumentStatus/WorkStatus", string(w.DocumentStatus.WorkStatus), []string{"N", "A", "F"})
	v.dateTime(p+"DocumentStatus/WorkStatusDate", w.DocumentStatus.WorkStatusDate)
	v.dateTime(p+"SystemEntryDate", w.SystemEntryDate)
	v.eac(p+"EACCode", w.EACCode)
	data := wireWorkData{
		wireWorkHeader:  h,
		DocumentStatus:  wireWorkStatus{Status: string(w.DocumentStatus.WorkStatus), Date: w.DocumentStatus.WorkStatusDate},
		HashCharacters:  v.hashCharacters(p+"HashCharacters", w.Hash),
		EACCode:         w.EACCode,
		SystemEntryDate: w.SystemEntryDate,
		LineSummary:     v.lineSummaries(p+"LineSummary", w.Line, false),
		DocumentTotals:  v.totals(p+"DocumentTotals", w.DocumentTotals.TaxPayable, w.DocumentTotals.NetTotal, w.DocumentTotals.GrossTotal),
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	return &wireRegisterWork{
		wireRegisterHead: registerHead(is),
		WorkData:         data,
	}, nil
}

func buildChangeWorkStatus(nif string, d Work) (*wireChangeWorkStatus, error) {
	var v violations
	v.nif("TaxRegistrationNumber", nif)
	if d.Work == nil {
		v.add("WorkHeader", CodeRequired, "no working document")
		return nil, v.err()
	}
	h := v.workHeader("WorkHeader/", d)
	st := d.Work.DocumentStatus
	v.enum("WorkStatus/WorkStatus", string(st.WorkStatus), []string{"N", "A", "F"})
	v.dateTime("WorkStatus/WorkStatusDate", st.WorkStatusDate)
	if err := v.err(); err != nil {
		return nil, err
	}
	return &wireChangeWorkStatus{Version: MDVersion, TaxRegistrationNumber: nif, WorkHeader: h,
		WorkStatus: wireWorkStatus{Status: string(st.WorkStatus), Date: st.WorkStatusDate}}, nil
}

func buildDeleteWork(nif string, docs []Work, r *DateRange, reason string) (*wireDeleteWork, error) {
	var v violations
	v.nif("TaxRegistrationNumber", nif)
	req := &wireDeleteWork{Version: MDVersion, TaxRegistrationNumber: nif, Reason: reason}
	list, years := documentsList(&v, docs, "work", "DocumentNumber", "no working document", func(d Work) (string, int, bool) {
		if d.Work == nil {
			return "", 0, false
		}
		return d.Work.DocumentNumber, d.Work.WorkDate.Year, true
	}, v.workHeader)
	if list != nil {
		req.DocumentsList = &wireWorkList{Work: list}
	}
	req.DateRange = v.deletion(len(docs), r, reason, years)
	if err := v.err(); err != nil {
		return nil, err
	}
	return req, nil
}

func (v *violations) paymentHeader(prefix string, d Payment) wirePaymentHeader {
	p := d.Payment
	v.docNumber(prefix+"PaymentRefNo", p.PaymentRefNo)
	v.text(prefix+"ATCUD", p.ATCUD, 1, 100)
	v.date(prefix+"TransactionDate", p.TransactionDate)
	if !slices.Contains(paymentTypes, string(p.PaymentType)) {
		v.add(prefix+"PaymentType", CodeEnum, "%q: only receipts of the cash VAT scheme (RC) are communicated (manual 1.6.4)", p.PaymentType)
	}
	taxID, country := v.customer(prefix, d.Customer, p.CustomerID)
	return wirePaymentHeader{PaymentRefNo: p.PaymentRefNo, ATCUD: p.ATCUD, TransactionDate: p.TransactionDate, PaymentType: string(p.PaymentType),
		CustomerTaxID: taxID, CustomerTaxIDCountry: country}
}

// paymentLines builds a receipt's LineSummary (manual 1.6.9): one line per
// tax, exemption code, documents paid and debit/credit indicator. The
// manual makes Tax required (1.6.9.5) although the WSDL does not.
func (v *violations) paymentLines(field string, lines []saft.PaymentLine) []wirePaymentLine {
	if len(lines) == 0 {
		v.add(field, CodeRequired, "the receipt has no lines")
		return nil
	}
	type key struct{ tax, exemption, docs, dc string }
	var out []wirePaymentLine
	index := map[key]int{}
	for i, l := range lines {
		lf := fmt.Sprintf("%s[line %d]", field, i+1)
		amount, dc, ok := v.debitCredit(lf, l.DebitAmount, l.CreditAmount)
		if !ok {
			continue
		}
		if len(l.SourceDocumentID) == 0 {
			v.add(lf+"/SourceDocumentID", CodeRequired, "the documents paid are missing")
		}
		var docs []wireSourceDocument
		var docKey []string
		for j, s := range l.SourceDocumentID {
			sf := fmt.Sprintf("%s/SourceDocumentID[%d]", lf, j+1)
			v.text(sf+"/OriginatingON", s.OriginatingON, 1, 60)
			v.date(sf+"/InvoiceDate", s.InvoiceDate)
			docs = append(docs, wireSourceDocument{OriginatingON: s.OriginatingON, InvoiceDate: s.InvoiceDate})
			docKey = append(docKey, s.OriginatingON+"@"+s.InvoiceDate.String())
		}
		var tax *saft.Tax
		if l.Tax == nil {
			v.add(lf+"/Tax", CodeRequired, "missing (manual 1.6.9.5: receipts of the cash VAT scheme carry the tax)")
		} else {
			tax = &saft.Tax{TaxType: l.Tax.TaxType, TaxCountryRegion: l.Tax.TaxCountryRegion, TaxCode: l.Tax.TaxCode, TaxPercentage: l.Tax.TaxPercentage, TaxAmount: l.Tax.TaxAmount}
		}
		if zeroTax(tax) && l.TaxExemptionCode == "" {
			v.add(lf+"/TaxExemptionCode", CodeExemptionRequired, "required when the tax rate or amount is zero")
		}
		v.exemptionCode(lf, l.TaxExemptionCode)
		k := key{taxKey(tax), l.TaxExemptionCode, strings.Join(docKey, "\x00"), dc}
		if n, ok := index[k]; ok {
			s := &out[n]
			s.Amount = money(decimal.Decimal(s.Amount).Add(amount))
			if l.SettlementAmount != nil {
				if s.SettlementAmount == nil {
					z := money(decimal.Zero)
					s.SettlementAmount = &z
				}
				*s.SettlementAmount = money(decimal.Decimal(*s.SettlementAmount).Add(*l.SettlementAmount))
			}
			if tax != nil && tax.TaxAmount != nil && s.Tax != nil && s.Tax.TotalTaxAmount != nil {
				*s.Tax.TotalTaxAmount = money(decimal.Decimal(*s.Tax.TotalTaxAmount).Add(*tax.TaxAmount))
			}
			continue
		}
		s := wirePaymentLine{SourceDocumentID: docs, DebitCreditIndicator: dc, Amount: money(amount), TaxExemptionCode: l.TaxExemptionCode}
		if l.SettlementAmount != nil {
			m := money(*l.SettlementAmount)
			s.SettlementAmount = &m
		}
		if tax != nil {
			s.Tax = v.tax(lf+"/Tax", *tax)
		}
		index[k] = len(out)
		out = append(out, s)
	}
	for i, s := range out {
		lf := fmt.Sprintf("%s[%d]", field, i+1)
		v.money(lf+"/Amount", decimal.Decimal(s.Amount))
		if s.SettlementAmount != nil {
			v.money(lf+"/SettlementAmount", decimal.Decimal(*s.SettlementAmount))
		}
		if s.Tax != nil && s.Tax.TotalTaxAmount != nil {
			v.money(lf+"/Tax/TotalTaxAmount", decimal.Decimal(*s.Tax.TotalTaxAmount))
		}
	}
	return out
}

func buildRegisterPayment(is *Issuer, d Payment) (*wireRegisterPayment, error) {
	var v violations
	v.issuer(is)
	if d.Payment == nil {
		v.add("PaymentData", CodeRequired, "no receipt")
		return nil, v.err()
	}
	pay := d.Payment
	const p = "PaymentData/"
	h := v.paymentHeader(p, d)
	v.enum(p+"DocumentStatus/PaymentStatus", string(pay.DocumentStatus.PaymentStatus), []string{"N", "A"})
	v.dateTime(p+"DocumentStatus/PaymentStatusDate", pay.DocumentStatus.PaymentStatusDate)
	v.dateTime(p+"SystemEntryDate", pay.SystemEntryDate)
	data := wirePaymentData{
		wirePaymentHeader: h,
		DocumentStatus:    wirePaymentStatus{Status: string(pay.DocumentStatus.PaymentStatus), Date: pay.DocumentStatus.PaymentStatusDate},
		SystemEntryDate:   pay.SystemEntryDate,
		LineSummary:       v.paymentLines(p+"LineSummary", pay.Line),
		DocumentTotals:    v.totals(p+"DocumentTotals", pay.DocumentTotals.TaxPayable, pay.DocumentTotals.NetTotal, pay.DocumentTotals.GrossTotal),
		WithholdingTax:    v.withholding(p+"WithholdingTax", pay.WithholdingTax),
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	return &wireRegisterPayment{
		wireRegisterHead: registerHead(is),
		PaymentData:      data,
	}, nil
}

func buildChangePaymentStatus(nif string, d Payment) (*wireChangePaymentStatus, error) {
	var v violations
	v.nif("TaxRegistrationNumber", nif)
	if d.Payment == nil {
		v.add("PaymentHeader", CodeRequired, "no receipt")
		return nil, v.err()
	}
	h := v.paymentHeader("PaymentHeader/", d)
	st := d.Payment.DocumentStatus
	v.enum("PaymentStatus/PaymentStatus", string(st.PaymentStatus), []string{"N", "A"})
	v.dateTime("PaymentStatus/PaymentStatusDate", st.PaymentStatusDate)
	if err := v.err(); err != nil {
		return nil, err
	}
	return &wireChangePaymentStatus{Version: MDVersion, TaxRegistrationNumber: nif, PaymentHeader: h,
		PaymentStatus: wirePaymentStatus{Status: string(st.PaymentStatus), Date: st.PaymentStatusDate}}, nil
}

func buildDeletePayment(nif string, docs []Payment, r *DateRange, reason string) (*wireDeletePayment, error) {
	var v violations
	v.nif("TaxRegistrationNumber", nif)
	req := &wireDeletePayment{Version: MDVersion, TaxRegistrationNumber: nif, Reason: reason}
	list, years := documentsList(&v, docs, "payment", "PaymentRefNo", "no receipt", func(d Payment) (string, int, bool) {
		if d.Payment == nil {
			return "", 0, false
		}
		return d.Payment.PaymentRefNo, d.Payment.TransactionDate.Year, true
	}, v.paymentHeader)
	if list != nil {
		req.DocumentsList = &wirePaymentList{Payment: list}
	}
	req.DateRange = v.deletion(len(docs), r, reason, years)
	if err := v.err(); err != nil {
		return nil, err
	}
	return req, nil
}
