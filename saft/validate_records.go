package saft

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/nif"
)

// The per-record checks: for each structure of the model, the facets of
// the XSD 1.0 schema (presence, lengths, patterns, enumerations, ranges,
// choices, minOccurs), the assertions of the XSD 1.1 schema that concern
// it, and the Portaria's rules that need nothing outside the record. Field
// names passed to the checker are the schema's element names, so that
// paths read like the XML.

// ---- shared structures ------------------------------------------------------

// address checks an AddressStructure; country is the Country's facet.
func (c *checker) address(field string, index int, a *Address, country *textFacet) {
	c.push(field, index)
	c.optText("BuildingNumber", a.BuildingNumber, tMax10)
	c.optText("StreetName", a.StreetName, tMax200)
	c.text("AddressDetail", a.AddressDetail, tMax210)
	c.text("City", a.City, tMax50)
	c.text("PostalCode", a.PostalCode, tMax20)
	c.optText("Region", a.Region, tMax50)
	c.text("Country", a.Country, country)
	c.pop()
}

// customerAddress checks a CustomerAddressStructure: the fields of an
// Address, whose Country may also be "Desconhecido".
func (c *checker) customerAddress(field string, index int, a *CustomerAddress) {
	c.address(field, index, (*Address)(a), tCustomerCountry)
}

func (c *checker) currency(cur *Currency) {
	if cur == nil {
		return
	}
	c.push("Currency", 0)
	c.text("CurrencyCode", cur.CurrencyCode, tCurrencyCode)
	c.nonNegative("CurrencyAmount", cur.CurrencyAmount)
	c.nonNegative("ExchangeRate", cur.ExchangeRate)
	c.pop()
}

func (c *checker) paymentMethod(field string, index int, p *PaymentMethod) {
	c.push(field, index)
	c.optEnum("PaymentMechanism", string(p.PaymentMechanism), ePaymentMechanism)
	c.nonNegative("PaymentAmount", p.PaymentAmount)
	c.date("PaymentDate", p.PaymentDate)
	c.pop()
}

func (c *checker) withholdingTax(ws []WithholdingTax) {
	for i := range ws {
		w := &ws[i]
		c.push("WithholdingTax", i+1)
		c.optEnum("WithholdingTaxType", string(w.WithholdingTaxType), eWithholdingTaxType)
		c.optText("WithholdingTaxDescription", w.WithholdingTaxDescription, tMax60)
		c.nonNegative("WithholdingTaxAmount", w.WithholdingTaxAmount)
		c.pop()
	}
}

func (c *checker) shippingPoint(field string, p *ShippingPoint) {
	if p == nil {
		return
	}
	c.push(field, 0)
	for i, id := range p.DeliveryID {
		c.push("DeliveryID", i+1)
		c.text("", id, tMax255)
		c.pop()
	}
	c.optDate("DeliveryDate", p.DeliveryDate)
	// WarehouseID and LocationID alternate as (WarehouseID?, LocationID?)*:
	// an XPath position counts the elements actually written.
	nw, nl := 0, 0
	for _, w := range p.Warehouses {
		if w.WarehouseID != "" {
			nw++
			c.push("WarehouseID", nw)
			c.text("", w.WarehouseID, tMax50)
			c.pop()
		}
		if w.LocationID != "" {
			nl++
			c.push("LocationID", nl)
			c.text("", w.LocationID, tMax30)
			c.pop()
		}
	}
	if p.Address != nil {
		c.customerAddress("Address", 0, p.Address)
	}
	c.pop()
}

func (c *checker) orderReferences(refs []OrderReferences) {
	for i := range refs {
		r := &refs[i]
		c.push("OrderReferences", i+1)
		c.optText("OriginatingON", r.OriginatingON, tMax60)
		c.optDate("OrderDate", r.OrderDate)
		c.pop()
	}
}

func (c *checker) serialNumbers(p *ProductSerialNumber) {
	if p == nil {
		return
	}
	c.push("ProductSerialNumber", 0)
	c.atLeastOne("SerialNumber", len(p.SerialNumber))
	for i, s := range p.SerialNumber {
		c.push("SerialNumber", i+1)
		c.text("", s, tMax100)
		c.pop()
	}
	c.pop()
}

func (c *checker) customsInformation(ci *CustomsInformation) {
	if ci == nil {
		return
	}
	c.push("CustomsInformation", 0)
	for i, s := range ci.ARCNo {
		c.push("ARCNo", i+1)
		c.text("", s, tMax21)
		c.pop()
	}
	c.optNonNegative("IECAmount", ci.IECAmount)
	c.pop()
}

// debitCredit is the xs:choice DebitAmount | CreditAmount of a line.
func (c *checker) debitCredit(debit, credit *decimal.Decimal) {
	c.exactlyOne("DebitAmount", "CreditAmount", debit != nil, credit != nil)
	c.optNonNegative("DebitAmount", debit)
	c.optNonNegative("CreditAmount", credit)
}

// taxCodeRule is the Portaria's rule on TaxCode by TaxType (fields
// 2.5.1.3, 4.1.4.19.15.3, 4.2.3.21.12.3, 4.3.4.14.15.3, 4.4.4.14.6.3): VAT
// uses RED, INT, NOR, ISE or OUT; not subject uses NS (NA in TaxTable and
// receipts, "without tax discriminated"); stamp duty uses its table's
// codes, which are open.
func (c *checker) taxCodeRule(taxType TaxType, code TaxCode, allowNA bool) {
	ok := true
	switch taxType {
	case TaxTypeVAT:
		switch code {
		case TaxCodeReduced, TaxCodeIntermediate, TaxCodeNormal, TaxCodeExempt, TaxCodeOther:
		default:
			ok = false
		}
	case TaxTypeNotSubject:
		ok = code == TaxCodeNotSubject || allowNA && code == TaxCodeNotApplicable
	}
	if !ok && code != "" {
		c.add(CodeRuleTaxCode, "TaxCode", "TaxCode "+quote(string(code))+" is not allowed with TaxType "+string(taxType)+": "+CodeRuleTaxCode.Description())
	}
}

// exemptRate: "in case of exemption or non-subjection, fill this field
// with 0" (Portaria 302/2016, fields 2.5.1.6, 4.1.4.19.15.4, 4.2.3.21.12.4,
// 4.3.4.14.15.4, 4.4.4.14.6.4).
func (c *checker) exemptRate(taxType TaxType, code TaxCode, rate *decimal.Decimal) {
	if rate == nil || rate.Sign() == 0 {
		return
	}
	if code == TaxCodeExempt || code == TaxCodeNotSubject || taxType == TaxTypeNotSubject {
		c.add(CodeRuleExemptRate, "TaxPercentage", "TaxPercentage "+rate.String()+" must be 0 for an exempt or not subject tax ("+string(taxType)+"/"+string(code)+"; Portaria 302/2016, field 4.1.4.19.15.4)")
	}
}

// lineNumbers warns of LineNumbers repeated within one document. The
// Portaria asks that lines keep the original document's order (fields
// 4.1.4.19.1, 4.2.3.21.1, 4.3.4.14.1, 4.4.4.14.1: "pela mesma ordem em que
// se encontram no documento original"); only its unofficial English
// translation adds "must be unique within the document", hence a warning
// (SeverityWarning in Codes). Lines are usually numbered in increasing order, checked in
// one pass; only otherwise a set is built.
func (c *checker) lineNumbers(n int, number func(int) int) {
	increasing := true
	for i := 1; i < n; i++ {
		if number(i) <= number(i-1) {
			increasing = false
			break
		}
	}
	if increasing {
		return
	}
	seen := make(map[int]bool, n)
	for i := 0; i < n; i++ {
		ln := number(i)
		if seen[ln] {
			c.push("Line", i+1)
			c.add(CodeRuleLineNumber, "LineNumber", "warning: LineNumber "+strconv.Itoa(ln)+" is repeated in this document, whose lines keep the original's order (Portaria 302/2016, field 4.1.4.19.1)")
			c.pop()
		}
		seen[ln] = true
	}
}

// hashRules checks Hash and HashControl of a signed document (tables 4.1
// to 4.3), beyond the schema's length and pattern:
//
//   - Hash is "0" only when the document is not signed (HashControl "0":
//     certification not required, or a non-certified program; Portaria
//     302/2016 fields 4.1.4.4 and 4.1.4.5), otherwise it is the RSA-SHA1
//     signature in base64: 172 characters (Despacho 8632/2014, annex;
//     Portaria 363/2010);
//   - HashControl "0" means unsigned, so it goes with Hash "0";
//   - a signed HashControl has the form its SourceBilling requires
//     (Despacho 8632/2014): P, the key version "1" (§2.6.5); I, the
//     original program's "certificate.version" (§2.3.4 e)); M, "version-"
//     then the document type followed by M and the manual series/number
//     (§2.4.5) or by D and the duplicate's number (§2.5.5). Tables 4.1 and
//     4.2 name the type; for working documents (4.3), which the Despacho's
//     recovery procedures do not cover, M accepts a key version too.
func (c *checker) hashRules(hash, hashControl string, source SourceBilling, docType string, workDocument bool) {
	if hash == "" || hashControl == "" {
		return // reported as missing by the facets
	}
	signed := hashControl != "0"
	switch {
	case hash == "0" && signed:
		c.add(CodeRuleHashMissing, "Hash", "Hash is \"0\" but HashControl "+quote(hashControl)+" says the document is signed: a signed document carries its signature")
	case hash != "0" && !isSignature(hash):
		c.add(CodeRuleHashFormat, "Hash", "Hash must be \"0\" or the 172-character base64 RSA signature of the document (Despacho 8632/2014)")
	case hash != "0" && !signed:
		c.add(CodeRuleHashControl, "HashControl", "HashControl \"0\" says the document is not signed, but Hash holds a signature")
	}
	if !signed || !patHashControl.match(hashControl) {
		return // "0", or reported by the pattern facet
	}
	ok := false
	switch source {
	case SourceBillingProduced:
		ok = allDigits(hashControl)
	case SourceBillingIntegrated:
		i := strings.IndexByte(hashControl, '.')
		ok = i > 0 && allDigits(hashControl[:i]) && allDigits(hashControl[i+1:])
	case SourceBillingManual:
		if workDocument && allDigits(hashControl) {
			ok = true
			break
		}
		if i := strings.IndexByte(hashControl, '-'); i > 0 && len(hashControl) > i+4 {
			typ, kind := hashControl[i+1:i+3], hashControl[i+3]
			ok = (kind == 'M' || kind == 'D') && (docType == "" || typ == docType)
		}
	default:
		return // SourceBilling itself is reported
	}
	if !ok {
		c.add(CodeRuleHashControl, "HashControl", "HashControl "+quote(hashControl)+" does not have the form SourceBilling "+string(source)+" requires: "+hashControlForm(source))
	}
}

func hashControlForm(s SourceBilling) string {
	switch s {
	case SourceBillingProduced:
		return "the private key version, e.g. \"1\" (Despacho 8632/2014, §2.6.5)"
	case SourceBillingIntegrated:
		return "certificate number, \".\", key version, e.g. \"9999.1\" (Despacho 8632/2014, §2.3.4 e))"
	}
	return "key version, \"-\", the document type followed by M and the manual series/number (\"1-FTM abc/00001\") or by D and the duplicate's number (\"1-FTD XY 2013A/00099\") (Despacho 8632/2014, §2.4.5, §2.5.5)"
}

// isSignature reports whether s is 172 characters of standard base64: an
// RSA-1024 signature (128 bytes).
// 128 bytes are 42 groups of 4 characters and a last group of 3 and "=".
func isSignature(s string) bool {
	if len(s) != 172 || s[171] != '=' {
		return false
	}
	for i := 0; i < 171; i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
			return false
		}
	}
	return true
}

// ---- header and master files ------------------------------------------------

func (c *checker) header(h *Header) {
	c.text("AuditFileVersion", h.AuditFileVersion, tAuditFileVersion)
	c.text("CompanyID", h.CompanyID, tCompanyID)
	c.intText("TaxRegistrationNumber", h.TaxRegistrationNumber, iVATNumber)
	if h.TaxRegistrationNumber != "" && allDigits(h.TaxRegistrationNumber) {
		if err := nif.Validate(h.TaxRegistrationNumber); err != nil {
			c.add(CodeRuleHeaderNIF, "TaxRegistrationNumber", "TaxRegistrationNumber is not a valid Portuguese NIF (Portaria 302/2016, field 1.3): "+err.Error())
		}
	}
	c.enum("TaxAccountingBasis", string(h.TaxAccountingBasis), eTaxAccountingBasis)
	c.text("CompanyName", h.CompanyName, tMax100)
	c.optText("BusinessName", h.BusinessName, tMax60)
	c.address("CompanyAddress", 0, &h.CompanyAddress, tCountry)
	if h.FiscalYear == 0 {
		c.required("FiscalYear")
	} else {
		c.integer("FiscalYear", int64(h.FiscalYear), iFiscalYear)
	}
	c.dateSpan("StartDate", h.StartDate)
	c.dateSpan("EndDate", h.EndDate)
	c.enum("CurrencyCode", h.CurrencyCode, eCurrencyPT)
	c.dateSpan("DateCreated", h.DateCreated)
	c.text("TaxEntity", h.TaxEntity, tMax20)
	if (h.TaxAccountingBasis == TaxAccountingBasisAccounting || h.TaxAccountingBasis == TaxAccountingBasisIntegrated) &&
		h.TaxEntity != "" && h.TaxEntity != TaxEntityHeadOffice {
		c.add(CodeRuleTaxEntity, "TaxEntity", "an accounting (C) or integrated (I) file has TaxEntity \"Sede\" (Portaria 302/2016, field 1.13), not "+quote(h.TaxEntity))
	}
	c.text("ProductCompanyTaxID", h.ProductCompanyTaxID, tMax30)
	c.integer("SoftwareCertificateNumber", int64(h.SoftwareCertificateNumber), iNonNegative)
	c.text("ProductID", h.ProductID, tProductID)
	c.text("ProductVersion", h.ProductVersion, tMax30)
	c.optText("HeaderComment", h.HeaderComment, tMax255)
	c.optText("Telephone", h.Telephone, tMax20)
	c.optText("Fax", h.Fax, tMax20)
	c.optText("Email", h.Email, tMax254)
	c.optText("Website", h.Website, tMax60)

	// The period: StartDate..EndDate, ending at the file's creation at the
	// latest ("from the beginning of that period to its end or the
	// generation date if previous", Portaria 302/2016, Annex I, 1.c).
	if h.StartDate.Valid() && h.EndDate.Valid() && h.StartDate.After(h.EndDate) {
		c.add(CodeRuleHeaderPeriod, "EndDate", "EndDate "+h.EndDate.String()+" is before StartDate "+h.StartDate.String())
	}
	if h.EndDate.Valid() && h.DateCreated.Valid() && h.DateCreated.Before(h.EndDate) {
		c.add(CodeRuleHeaderDateCreated, "DateCreated", "DateCreated "+h.DateCreated.String()+" is before EndDate "+h.EndDate.String()+": a file covers its period up to its creation at most (Portaria 302/2016, Annex I, 1.c)")
	}
}

func (c *checker) account(a *Account) {
	c.text("AccountID", a.AccountID, tGLAccountID)
	c.text("AccountDescription", a.AccountDescription, tMax100)
	c.nonNegative("OpeningDebitBalance", a.OpeningDebitBalance)
	c.nonNegative("OpeningCreditBalance", a.OpeningCreditBalance)
	c.nonNegative("ClosingDebitBalance", a.ClosingDebitBalance)
	c.nonNegative("ClosingCreditBalance", a.ClosingCreditBalance)
	c.enum("GroupingCategory", string(a.GroupingCategory), eGroupingCategory)
	c.optText("GroupingCode", a.GroupingCode, tGLAccountID)
	if a.TaxonomyCode != 0 {
		c.integer("TaxonomyCode", int64(a.TaxonomyCode), iTaxonomyCode)
	}
	c.accountAssertions(string(a.GroupingCategory), a.TaxonomyCode != 0, a.GroupingCode != "")
}

func (c *checker) customer(cu *Customer) {
	c.text("CustomerID", cu.CustomerID, tMax30)
	c.text("AccountID", cu.AccountID, tAccountID)
	c.text("CustomerTaxID", cu.CustomerTaxID, tMax30)
	c.taxIDPrefix("CustomerTaxID", cu.CustomerTaxID, "2.2.3")
	c.text("CompanyName", cu.CompanyName, tMax100)
	c.optText("Contact", cu.Contact, tMax50)
	c.customerAddress("BillingAddress", 0, &cu.BillingAddress)
	for i := range cu.ShipToAddress {
		c.customerAddress("ShipToAddress", i+1, &cu.ShipToAddress[i])
	}
	c.optText("Telephone", cu.Telephone, tMax20)
	c.optText("Fax", cu.Fax, tMax20)
	c.optText("Email", cu.Email, tMax254)
	c.optText("Website", cu.Website, tMax60)
	// The generic final consumer: NIF 999999990 and the name "Consumidor
	// final" (fields 2.2.3, 2.2.4). Case is not significant here: AT's own
	// files write "Consumidor Final" too.
	if cu.CustomerTaxID == nif.FinalConsumer {
		if !strings.EqualFold(strings.TrimSpace(cu.CompanyName), "Consumidor final") {
			c.add(CodeRuleFinalConsumer, "CompanyName", "the customer with CustomerTaxID 999999990 is the generic final consumer and must be named \"Consumidor final\" (Portaria 302/2016, fields 2.2.3, 2.2.4), not "+quote(cu.CompanyName))
		}
		// Its address is "Desconhecido" (fields 2.2.6.3 to 2.2.6.5, 2.2.6.7:
		// "operações realizadas com Consumidor final").
		a := &cu.BillingAddress
		c.push("BillingAddress", 0)
		for _, f := range [...]struct{ name, value, note string }{
			{"AddressDetail", a.AddressDetail, "2.2.6.3"}, {"City", a.City, "2.2.6.4"},
			{"PostalCode", a.PostalCode, "2.2.6.5"}, {"Country", a.Country, "2.2.6.7"},
		} {
			if f.value != "" && f.value != Unknown {
				c.add(CodeRuleFinalConsumer, f.name, f.name+" of the generic final consumer must be \"Desconhecido\" (Portaria 302/2016, field "+f.note+"), not "+quote(f.value))
			}
		}
		c.pop()
	}
}

// taxIDPrefix: a tax ID "must be indicated without the country's prefix"
// (fields 2.2.3, 2.3.3). Only the Portuguese prefix is recognisable for
// sure (PT and nine digits): some foreign tax IDs start with letters.
func (c *checker) taxIDPrefix(field, id, note string) {
	if len(id) == 11 && (id[:2] == "PT" || id[:2] == "pt") && allDigits(id[2:]) {
		c.add(CodeRuleTaxIDPrefix, field, field+" "+quote(id)+" is written with the country prefix; write "+quote(id[2:])+" (Portaria 302/2016, field "+note+")")
	}
}

func (c *checker) supplier(s *Supplier) {
	c.text("SupplierID", s.SupplierID, tMax30)
	c.text("AccountID", s.AccountID, tAccountID)
	c.text("SupplierTaxID", s.SupplierTaxID, tMax30)
	c.taxIDPrefix("SupplierTaxID", s.SupplierTaxID, "2.3.3")
	c.text("CompanyName", s.CompanyName, tMax100)
	c.optText("Contact", s.Contact, tMax50)
	c.address("BillingAddress", 0, &s.BillingAddress, tCountry)
	for i := range s.ShipFromAddress {
		c.address("ShipFromAddress", i+1, &s.ShipFromAddress[i], tCountry)
	}
	c.optText("Telephone", s.Telephone, tMax20)
	c.optText("Fax", s.Fax, tMax20)
	c.optText("Email", s.Email, tMax254)
	c.optText("Website", s.Website, tMax60)
}

func (c *checker) product(p *Product) {
	c.enum("ProductType", string(p.ProductType), eProductType)
	c.text("ProductCode", p.ProductCode, tMax60)
	c.optText("ProductGroup", p.ProductGroup, tMax50)
	c.text("ProductDescription", p.ProductDescription, tProductDesc)
	c.text("ProductNumberCode", p.ProductNumberCode, tMax60)
	if cd := p.CustomsDetails; cd != nil {
		c.push("CustomsDetails", 0)
		for i, s := range cd.CNCode {
			c.push("CNCode", i+1)
			c.text("", s, tCNCode)
			c.pop()
		}
		for i, s := range cd.UNNumber {
			c.push("UNNumber", i+1)
			c.text("", s, tUNNumber)
			c.pop()
		}
		c.pop()
	}
}

func (c *checker) taxTableEntry(e *TaxTableEntry) {
	c.enum("TaxType", string(e.TaxType), eTaxType)
	c.text("TaxCountryRegion", e.TaxCountryRegion, tTaxCountryRegion)
	c.text("TaxCode", string(e.TaxCode), tTaxTableTaxCode)
	c.text("Description", e.Description, tMax255)
	c.optDate("TaxExpirationDate", e.TaxExpirationDate)
	c.exactlyOne("TaxPercentage", "TaxAmount", e.TaxPercentage != nil, e.TaxAmount != nil)
	c.optNonNegative("TaxPercentage", e.TaxPercentage)
	c.optNonNegative("TaxAmount", e.TaxAmount)
	c.taxCodeRule(e.TaxType, e.TaxCode, true)
	c.exemptRate(e.TaxType, e.TaxCode, e.TaxPercentage)
}

// ---- general ledger ---------------------------------------------------------

func (c *checker) journal(journalID, description string) {
	c.text("JournalID", journalID, tJournalID)
	c.text("Description", description, tMax200)
}

func (c *checker) transaction(t *Transaction, journalID string) {
	c.text("TransactionID", t.TransactionID, tTransactionID)
	if t.Period == 0 {
		c.required("Period")
	} else {
		c.integer("Period", int64(t.Period), iAccountingPer)
	}
	c.date("TransactionDate", t.TransactionDate)
	c.text("SourceID", t.SourceID, tMax30)
	c.text("Description", t.Description, tMax200)
	c.text("DocArchivalNumber", t.DocArchivalNumber, tDocArchivalNumber)
	c.enum("TransactionType", string(t.TransactionType), eTransactionType)
	c.date("GLPostingDate", t.GLPostingDate)
	if t.CustomerID != "" && t.SupplierID != "" {
		c.add(CodeFacetChoice, "SupplierID", "only one of CustomerID and SupplierID may be present (xs:choice)")
	}
	c.optText("CustomerID", t.CustomerID, tMax30)
	c.optText("SupplierID", t.SupplierID, tMax30)
	c.push("Lines", 0)
	// XSD 1.1 (xs:all of DebitLine and CreditLine, each minOccurs 1) and
	// the Portaria (3.4.3.11: "at least one debit line and one credit
	// line"); the XSD 1.0 derivation only asks for one line of either.
	if len(t.Lines.DebitLine) == 0 {
		c.add(CodeFacetOccurs, "DebitLine", "a transaction has at least one DebitLine and one CreditLine (Portaria 302/2016, field 3.4.3.11)")
	}
	if len(t.Lines.CreditLine) == 0 {
		c.add(CodeFacetOccurs, "CreditLine", "a transaction has at least one DebitLine and one CreditLine (Portaria 302/2016, field 3.4.3.11)")
	}
	for i := range t.Lines.DebitLine {
		l := &t.Lines.DebitLine[i]
		c.push("DebitLine", i+1)
		c.ledgerLine(l.RecordID, l.AccountID, l.SourceDocumentID, l.SystemEntryDate, l.Description)
		c.nonNegative("DebitAmount", l.DebitAmount)
		c.pop()
	}
	for i := range t.Lines.CreditLine {
		l := &t.Lines.CreditLine[i]
		c.push("CreditLine", i+1)
		c.ledgerLine(l.RecordID, l.AccountID, l.SourceDocumentID, l.SystemEntryDate, l.Description)
		c.nonNegative("CreditAmount", l.CreditAmount)
		c.pop()
	}
	c.pop()
	// TransactionID is "TransactionDate JournalID DocArchivalNumber"
	// (field 3.4.3.1).
	if t.TransactionID != "" && t.TransactionDate.Valid() && journalID != "" && t.DocArchivalNumber != "" {
		want := t.TransactionDate.String() + " " + journalID + " " + t.DocArchivalNumber
		if t.TransactionID != want {
			c.add(CodeRuleTransactionID, "TransactionID", "TransactionID "+quote(t.TransactionID)+" must be TransactionDate, JournalID and DocArchivalNumber separated by spaces: "+quote(want)+" (Portaria 302/2016, field 3.4.3.1)")
		}
	}
}

func (c *checker) ledgerLine(recordID, accountID, sourceDocumentID string, entry civil.DateTime, description string) {
	c.text("RecordID", recordID, tMax30)
	c.text("AccountID", accountID, tGLAccountID)
	c.optText("SourceDocumentID", sourceDocumentID, tMax60)
	c.dateTime("SystemEntryDate", entry)
	c.text("Description", description, tMax200)
}

// ---- source documents -------------------------------------------------------

// documentHead checks what invoices, stock movements and working documents
// share before their type-specific fields.
func (c *checker) documentStatus(statusField, status string, statusEnum *enumFacet, dateField string, date civil.DateTime, reason, sourceID string, sourceField string, source SourceBilling, sourceEnum *enumFacet) {
	c.push("DocumentStatus", 0)
	c.enum(statusField, status, statusEnum)
	c.dateTime(dateField, date)
	c.optText("Reason", reason, tMax50)
	c.text("SourceID", sourceID, tMax30)
	c.enum(sourceField, string(source), sourceEnum)
	c.pop()
}

func (c *checker) period(p int) {
	if p != 0 {
		c.integer("Period", int64(p), iPeriod)
	}
}

func (c *checker) totals(taxPayable, netTotal, grossTotal decimal.Decimal) {
	c.nonNegative("TaxPayable", taxPayable)
	c.nonNegative("NetTotal", netTotal)
	c.nonNegative("GrossTotal", grossTotal)
}

// grossTotalScale: the GrossTotal of tables 4.1 to 4.3 is exported with the
// value signed, "rounded to two decimals" (Despacho 8632/2014, §2.6.7).
// Trailing zeros (123.450) are harmless.
func (c *checker) grossTotalScale(g decimal.Decimal) {
	if g.Exponent() >= -2 || g.Equal(g.Round(2)) {
		return
	}
	c.add(CodeRuleGrossTotalScale, "GrossTotal", "GrossTotal "+g.String()+" has more than 2 decimals; it is exported as signed, rounded to 2 decimals (Despacho 8632/2014, §2.6.7)")
}

// documentTotals checks the DocumentTotals of a stock movement or a
// working document.
func (c *checker) documentTotals(t *DocumentTotals) {
	c.push("DocumentTotals", 0)
	c.totals(t.TaxPayable, t.NetTotal, t.GrossTotal)
	c.grossTotalScale(t.GrossTotal)
	c.currency(t.Currency)
	c.pop()
}

func (c *checker) invoice(inv *Invoice) {
	c.text("InvoiceNo", inv.InvoiceNo, tInvoiceNo)
	c.text("ATCUD", inv.ATCUD, tMax100)
	s := &inv.DocumentStatus
	c.documentStatus("InvoiceStatus", string(s.InvoiceStatus), eInvoiceStatus, "InvoiceStatusDate", s.InvoiceStatusDate, s.Reason, s.SourceID, "SourceBilling", s.SourceBilling, eSourceBilling)
	c.text("Hash", inv.Hash, tMax172)
	c.text("HashControl", inv.HashControl, tHashControl)
	c.hashRules(inv.Hash, inv.HashControl, s.SourceBilling, string(inv.InvoiceType), false)
	c.period(inv.Period)
	c.date("InvoiceDate", inv.InvoiceDate)
	c.enum("InvoiceType", string(inv.InvoiceType), eInvoiceType)
	// A self-billed invoice (InvoiceStatus S, field 4.1.4.3.1) "concerns
	// self-billing": SelfBillingIndicator 1 (field 4.1.4.9.1).
	if s.InvoiceStatus == InvoiceStatusSelfBilled && !inv.SpecialRegimes.SelfBillingIndicator {
		c.push("SpecialRegimes", 0)
		c.add(CodeRuleSelfBilling, "SelfBillingIndicator", "a self-billed invoice (InvoiceStatus S) has SelfBillingIndicator 1 (Portaria 302/2016, fields 4.1.4.3.1, 4.1.4.9.1)")
		c.pop()
	}
	c.text("SourceID", inv.SourceID, tMax30)
	c.optText("EACCode", inv.EACCode, tEACCode)
	c.dateTime("SystemEntryDate", inv.SystemEntryDate)
	c.optText("TransactionID", inv.TransactionID, tTransactionID)
	c.text("CustomerID", inv.CustomerID, tMax30)
	c.shippingPoint("ShipTo", inv.ShipTo)
	c.shippingPoint("ShipFrom", inv.ShipFrom)
	c.optDateTime("MovementEndTime", inv.MovementEndTime)
	c.optDateTime("MovementStartTime", inv.MovementStartTime)
	c.atLeastOne("Line", len(inv.Line))
	for i := range inv.Line {
		c.push("Line", i+1)
		c.invoiceLine(&inv.Line[i], true, invoiceLineAsserts)
		c.pop()
	}
	c.lineNumbers(len(inv.Line), func(i int) int { return inv.Line[i].LineNumber })
	t := &inv.DocumentTotals
	c.push("DocumentTotals", 0)
	c.totals(t.TaxPayable, t.NetTotal, t.GrossTotal)
	c.grossTotalScale(t.GrossTotal)
	c.currency(t.Currency)
	for i := range t.Settlement {
		st := &t.Settlement[i]
		c.push("Settlement", i+1)
		c.optText("SettlementDiscount", st.SettlementDiscount, tMax30)
		c.optNonNegative("SettlementAmount", st.SettlementAmount)
		c.optDate("SettlementDate", st.SettlementDate)
		c.optText("PaymentTerms", st.PaymentTerms, tMax100)
		c.pop()
	}
	for i := range t.Payment {
		c.paymentMethod("Payment", i+1, &t.Payment[i])
	}
	c.pop()
	c.withholdingTax(inv.WithholdingTax)
}

// invoiceLine checks a line of an invoice (Tax mandatory) or of a working
// document (Tax optional); asserts are the section's assertion numbers.
func (c *checker) invoiceLine(l *InvoiceLine, taxRequired bool, asserts [5]int) {
	c.integer("LineNumber", int64(l.LineNumber), iNonNegative)
	c.orderReferences(l.OrderReferences)
	c.text("ProductCode", l.ProductCode, tMax60)
	c.text("ProductDescription", l.ProductDescription, tProductDesc)
	c.nonNegative("Quantity", l.Quantity)
	c.text("UnitOfMeasure", l.UnitOfMeasure, tMax20)
	c.nonNegative("UnitPrice", l.UnitPrice)
	c.optNonNegative("TaxBase", l.TaxBase)
	c.date("TaxPointDate", l.TaxPointDate)
	for i := range l.References {
		r := &l.References[i]
		c.push("References", i+1)
		c.optText("Reference", r.Reference, tMax60)
		c.optText("Reason", r.Reason, tMax50)
		c.pop()
	}
	c.text("Description", l.Description, tMax200)
	c.serialNumbers(l.ProductSerialNumber)
	c.debitCredit(l.DebitAmount, l.CreditAmount)
	f := lineFacts{
		hasReason:  l.TaxExemptionReason != "",
		hasCode:    l.TaxExemptionCode != "",
		hasTaxBase: l.TaxBase != nil,
		unitPrice:  l.UnitPrice,
	}
	if l.DebitAmount != nil {
		f.hasDebit, f.debit = true, *l.DebitAmount
	}
	if l.CreditAmount != nil {
		f.hasCredit, f.credit = true, *l.CreditAmount
	}
	if l.Tax != nil {
		c.lineTax(l.Tax, tTaxCode, false, &f)
	} else if taxRequired {
		c.required("Tax")
	}
	c.optText("TaxExemptionReason", l.TaxExemptionReason, tExemptionReason)
	c.optText("TaxExemptionCode", l.TaxExemptionCode, tExemptionCode)
	c.optNonNegative("SettlementAmount", l.SettlementAmount)
	c.customsInformation(l.CustomsInformation)
	c.lineAssertions(&f, asserts)
}

// lineTax checks the Tax of an invoice, working document or payment line
// (a PaymentTax has the fields of a Tax) and records its rate or amount in
// f for the line's assertions: codes is the TaxCode facet, allowNA the
// receipts' NA (see taxCodeRule).
func (c *checker) lineTax(tx *Tax, codes *textFacet, allowNA bool, f *lineFacts) {
	c.push("Tax", 0)
	c.enum("TaxType", string(tx.TaxType), eTaxType)
	c.text("TaxCountryRegion", tx.TaxCountryRegion, tTaxCountryRegion)
	c.text("TaxCode", string(tx.TaxCode), codes)
	c.exactlyOne("TaxPercentage", "TaxAmount", tx.TaxPercentage != nil, tx.TaxAmount != nil)
	c.optNonNegative("TaxPercentage", tx.TaxPercentage)
	c.optNonNegative("TaxAmount", tx.TaxAmount)
	c.taxCodeRule(tx.TaxType, tx.TaxCode, allowNA)
	c.exemptRate(tx.TaxType, tx.TaxCode, tx.TaxPercentage)
	c.pop()
	if tx.TaxPercentage != nil {
		f.hasTaxPercentage, f.taxPercentage = true, *tx.TaxPercentage
	}
	if tx.TaxAmount != nil {
		f.hasTaxAmount, f.taxAmount = true, *tx.TaxAmount
	}
}

func (c *checker) stockMovement(m *StockMovement) {
	c.text("DocumentNumber", m.DocumentNumber, tDocumentNumber)
	c.text("ATCUD", m.ATCUD, tMax100)
	s := &m.DocumentStatus
	c.documentStatus("MovementStatus", string(s.MovementStatus), eMovementStatus, "MovementStatusDate", s.MovementStatusDate, s.Reason, s.SourceID, "SourceBilling", s.SourceBilling, eSourceBilling)
	c.text("Hash", m.Hash, tMax172)
	c.text("HashControl", m.HashControl, tHashControl)
	c.hashRules(m.Hash, m.HashControl, s.SourceBilling, string(m.MovementType), false)
	c.period(m.Period)
	c.date("MovementDate", m.MovementDate)
	c.enum("MovementType", string(m.MovementType), eMovementType)
	c.dateTime("SystemEntryDate", m.SystemEntryDate)
	c.optText("TransactionID", m.TransactionID, tTransactionID)
	c.exactlyOne("CustomerID", "SupplierID", m.CustomerID != "", m.SupplierID != "")
	c.optText("CustomerID", m.CustomerID, tMax30)
	c.optText("SupplierID", m.SupplierID, tMax30)
	c.text("SourceID", m.SourceID, tMax30)
	c.optText("EACCode", m.EACCode, tEACCode)
	c.optText("MovementComments", m.MovementComments, tMax60)
	c.shippingPoint("ShipTo", m.ShipTo)
	c.shippingPoint("ShipFrom", m.ShipFrom)
	c.optDateTime("MovementEndTime", m.MovementEndTime)
	c.dateTime("MovementStartTime", m.MovementStartTime)
	c.optText("ATDocCodeID", m.ATDocCodeID, tMax200)
	c.atLeastOne("Line", len(m.Line))
	for i := range m.Line {
		l := &m.Line[i]
		c.push("Line", i+1)
		c.integer("LineNumber", int64(l.LineNumber), iNonNegative)
		c.orderReferences(l.OrderReferences)
		c.text("ProductCode", l.ProductCode, tMax60)
		c.text("ProductDescription", l.ProductDescription, tProductDesc)
		c.nonNegative("Quantity", l.Quantity)
		c.text("UnitOfMeasure", l.UnitOfMeasure, tMax20)
		c.nonNegative("UnitPrice", l.UnitPrice)
		c.text("Description", l.Description, tMax200)
		c.serialNumbers(l.ProductSerialNumber)
		c.debitCredit(l.DebitAmount, l.CreditAmount)
		f := lineFacts{hasReason: l.TaxExemptionReason != "", hasCode: l.TaxExemptionCode != ""}
		if tx := l.Tax; tx != nil {
			c.push("Tax", 0)
			c.enum("TaxType", string(tx.TaxType), eMovementTaxType)
			c.text("TaxCountryRegion", tx.TaxCountryRegion, tTaxCountryRegion)
			c.text("TaxCode", string(tx.TaxCode), tMovementTaxCode)
			c.nonNegative("TaxPercentage", tx.TaxPercentage)
			c.taxCodeRule(tx.TaxType, tx.TaxCode, false)
			c.exemptRate(tx.TaxType, tx.TaxCode, &tx.TaxPercentage)
			c.pop()
			f.hasTaxPercentage, f.taxPercentage = true, tx.TaxPercentage
		}
		c.optText("TaxExemptionReason", l.TaxExemptionReason, tExemptionReason)
		c.optText("TaxExemptionCode", l.TaxExemptionCode, tExemptionCode)
		c.optNonNegative("SettlementAmount", l.SettlementAmount)
		c.customsInformation(l.CustomsInformation)
		c.lineAssertions(&f, movementLineAsserts)
		c.pop()
	}
	c.lineNumbers(len(m.Line), func(i int) int { return m.Line[i].LineNumber })
	c.documentTotals(&m.DocumentTotals)
}

func (c *checker) workDocument(d *WorkDocument) {
	c.text("DocumentNumber", d.DocumentNumber, tDocumentNumber)
	c.text("ATCUD", d.ATCUD, tMax100)
	s := &d.DocumentStatus
	c.documentStatus("WorkStatus", string(s.WorkStatus), eWorkStatus, "WorkStatusDate", s.WorkStatusDate, s.Reason, s.SourceID, "SourceBilling", s.SourceBilling, eSourceBilling)
	c.text("Hash", d.Hash, tMax172)
	c.text("HashControl", d.HashControl, tHashControl)
	c.hashRules(d.Hash, d.HashControl, s.SourceBilling, string(d.WorkType), true)
	c.period(d.Period)
	c.date("WorkDate", d.WorkDate)
	c.enum("WorkType", string(d.WorkType), eWorkType)
	c.text("SourceID", d.SourceID, tMax30)
	c.optText("EACCode", d.EACCode, tEACCode)
	c.dateTime("SystemEntryDate", d.SystemEntryDate)
	c.optText("TransactionID", d.TransactionID, tTransactionID)
	c.text("CustomerID", d.CustomerID, tMax30)
	c.atLeastOne("Line", len(d.Line))
	for i := range d.Line {
		c.push("Line", i+1)
		c.invoiceLine(&d.Line[i], false, workLineAsserts)
		c.pop()
	}
	c.lineNumbers(len(d.Line), func(i int) int { return d.Line[i].LineNumber })
	c.documentTotals(&d.DocumentTotals)
}

func (c *checker) payment(p *Payment) {
	c.text("PaymentRefNo", p.PaymentRefNo, tPaymentRefNo)
	c.text("ATCUD", p.ATCUD, tMax100)
	c.period(p.Period)
	c.optText("TransactionID", p.TransactionID, tTransactionID)
	c.date("TransactionDate", p.TransactionDate)
	c.enum("PaymentType", string(p.PaymentType), ePaymentType)
	c.optText("Description", p.Description, tMax200)
	c.optText("SystemID", p.SystemID, tMax60)
	s := &p.DocumentStatus
	c.documentStatus("PaymentStatus", string(s.PaymentStatus), ePaymentStatus, "PaymentStatusDate", s.PaymentStatusDate, s.Reason, s.SourceID, "SourcePayment", s.SourcePayment, eSourcePayment)
	for i := range p.PaymentMethod {
		c.paymentMethod("PaymentMethod", i+1, &p.PaymentMethod[i])
	}
	c.text("SourceID", p.SourceID, tMax30)
	c.dateTime("SystemEntryDate", p.SystemEntryDate)
	c.text("CustomerID", p.CustomerID, tMax30)
	c.atLeastOne("Line", len(p.Line))
	rc := p.PaymentType == "RC"
	lineWithTaxType := false
	for i := range p.Line {
		l := &p.Line[i]
		c.push("Line", i+1)
		c.integer("LineNumber", int64(l.LineNumber), iNonNegative)
		c.atLeastOne("SourceDocumentID", len(l.SourceDocumentID))
		for j := range l.SourceDocumentID {
			sd := &l.SourceDocumentID[j]
			c.push("SourceDocumentID", j+1)
			c.text("OriginatingON", sd.OriginatingON, tMax60)
			c.date("InvoiceDate", sd.InvoiceDate)
			c.optText("Description", sd.Description, tMax200)
			c.pop()
		}
		c.optNonNegative("SettlementAmount", l.SettlementAmount)
		c.debitCredit(l.DebitAmount, l.CreditAmount)
		f := lineFacts{hasReason: l.TaxExemptionReason != "", hasCode: l.TaxExemptionCode != ""}
		if tx := l.Tax; tx != nil {
			c.lineTax((*Tax)(tx), tPaymentTaxCode, true, &f)
			if tx.TaxType != "" {
				lineWithTaxType = true
			}
		} else if rc {
			c.assertion(18, "Tax")
		}
		c.optText("TaxExemptionReason", l.TaxExemptionReason, tExemptionReason)
		c.optText("TaxExemptionCode", l.TaxExemptionCode, tExemptionCode)
		c.lineAssertions(&f, paymentLineAsserts)
		c.pop()
	}
	c.lineNumbers(len(p.Line), func(i int) int { return p.Line[i].LineNumber })
	// Assertion 19: (Line/Tax/TaxType and PaymentType eq 'RC') or
	// PaymentType eq 'RG'.
	if !(p.PaymentType == "RG" || rc && lineWithTaxType) {
		c.assertion(19, "PaymentType")
	}
	t := &p.DocumentTotals
	c.push("DocumentTotals", 0)
	c.totals(t.TaxPayable, t.NetTotal, t.GrossTotal)
	if t.Settlement != nil {
		c.push("Settlement", 0)
		c.nonNegative("SettlementAmount", t.Settlement.SettlementAmount)
		c.pop()
	}
	c.currency(t.Currency)
	c.pop()
	c.withholdingTax(p.WithholdingTax)
}
