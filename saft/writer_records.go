package saft

import "github.com/faturapt/faturapt/civil"

// The record writers: one per schema structure, each writing the
// elements in the schema's order. They only write; totals and validation
// are elsewhere.

func writeHeader(x *xmlWriter, h *Header) {
	x.start("Header")
	x.text("AuditFileVersion", h.AuditFileVersion)
	x.text("CompanyID", h.CompanyID)
	x.text("TaxRegistrationNumber", h.TaxRegistrationNumber)
	x.text("TaxAccountingBasis", string(h.TaxAccountingBasis))
	x.text("CompanyName", h.CompanyName)
	x.optText("BusinessName", h.BusinessName)
	x.start("CompanyAddress")
	writeAddress(x, &h.CompanyAddress)
	x.end()
	x.integer("FiscalYear", h.FiscalYear)
	x.date("StartDate", h.StartDate)
	x.date("EndDate", h.EndDate)
	x.text("CurrencyCode", h.CurrencyCode)
	x.date("DateCreated", h.DateCreated)
	x.text("TaxEntity", h.TaxEntity)
	x.text("ProductCompanyTaxID", h.ProductCompanyTaxID)
	x.integer("SoftwareCertificateNumber", h.SoftwareCertificateNumber)
	x.text("ProductID", h.ProductID)
	x.text("ProductVersion", h.ProductVersion)
	x.optText("HeaderComment", h.HeaderComment)
	x.optText("Telephone", h.Telephone)
	x.optText("Fax", h.Fax)
	x.optText("Email", h.Email)
	x.optText("Website", h.Website)
	x.end()
}

func writeAddress(x *xmlWriter, a *Address) {
	x.optText("BuildingNumber", a.BuildingNumber)
	x.optText("StreetName", a.StreetName)
	x.text("AddressDetail", a.AddressDetail)
	x.text("City", a.City)
	x.text("PostalCode", a.PostalCode)
	x.optText("Region", a.Region)
	x.text("Country", a.Country)
}

// writeCustomerAddress writes a CustomerAddress, which has the fields of
// an Address.
func writeCustomerAddress(x *xmlWriter, a *CustomerAddress) { writeAddress(x, (*Address)(a)) }

func writeAccount(x *xmlWriter, a *Account) {
	x.text("AccountID", a.AccountID)
	x.text("AccountDescription", a.AccountDescription)
	x.money("OpeningDebitBalance", a.OpeningDebitBalance)
	x.money("OpeningCreditBalance", a.OpeningCreditBalance)
	x.money("ClosingDebitBalance", a.ClosingDebitBalance)
	x.money("ClosingCreditBalance", a.ClosingCreditBalance)
	x.text("GroupingCategory", string(a.GroupingCategory))
	x.optText("GroupingCode", a.GroupingCode)
	x.optInteger("TaxonomyCode", a.TaxonomyCode)
}

func writeCustomer(x *xmlWriter, c *Customer) {
	x.text("CustomerID", c.CustomerID)
	x.text("AccountID", c.AccountID)
	x.text("CustomerTaxID", c.CustomerTaxID)
	x.text("CompanyName", c.CompanyName)
	x.optText("Contact", c.Contact)
	x.start("BillingAddress")
	writeCustomerAddress(x, &c.BillingAddress)
	x.end()
	for i := range c.ShipToAddress {
		x.startN("ShipToAddress", i+1)
		writeCustomerAddress(x, &c.ShipToAddress[i])
		x.end()
	}
	x.optText("Telephone", c.Telephone)
	x.optText("Fax", c.Fax)
	x.optText("Email", c.Email)
	x.optText("Website", c.Website)
	x.indicator("SelfBillingIndicator", c.SelfBillingIndicator)
}

func writeSupplier(x *xmlWriter, s *Supplier) {
	x.text("SupplierID", s.SupplierID)
	x.text("AccountID", s.AccountID)
	x.text("SupplierTaxID", s.SupplierTaxID)
	x.text("CompanyName", s.CompanyName)
	x.optText("Contact", s.Contact)
	x.start("BillingAddress")
	writeAddress(x, &s.BillingAddress)
	x.end()
	for i := range s.ShipFromAddress {
		x.startN("ShipFromAddress", i+1)
		writeAddress(x, &s.ShipFromAddress[i])
		x.end()
	}
	x.optText("Telephone", s.Telephone)
	x.optText("Fax", s.Fax)
	x.optText("Email", s.Email)
	x.optText("Website", s.Website)
	x.indicator("SelfBillingIndicator", s.SelfBillingIndicator)
}

func writeProduct(x *xmlWriter, p *Product) {
	x.text("ProductType", string(p.ProductType))
	x.text("ProductCode", p.ProductCode)
	x.optText("ProductGroup", p.ProductGroup)
	x.text("ProductDescription", p.ProductDescription)
	x.text("ProductNumberCode", p.ProductNumberCode)
	if cd := p.CustomsDetails; cd != nil {
		x.start("CustomsDetails")
		for _, s := range cd.CNCode {
			x.text("CNCode", s)
		}
		for _, s := range cd.UNNumber {
			x.text("UNNumber", s)
		}
		x.end()
	}
}

func writeTaxTableEntry(x *xmlWriter, e *TaxTableEntry) {
	x.text("TaxType", string(e.TaxType))
	x.text("TaxCountryRegion", e.TaxCountryRegion)
	x.text("TaxCode", string(e.TaxCode))
	x.text("Description", e.Description)
	x.optDate("TaxExpirationDate", e.TaxExpirationDate)
	x.optDec("TaxPercentage", e.TaxPercentage)
	x.optMoney("TaxAmount", e.TaxAmount)
}

func writeTransaction(x *xmlWriter, t *Transaction) {
	x.text("TransactionID", t.TransactionID)
	x.integer("Period", t.Period)
	x.date("TransactionDate", t.TransactionDate)
	x.text("SourceID", t.SourceID)
	x.text("Description", t.Description)
	x.text("DocArchivalNumber", t.DocArchivalNumber)
	x.text("TransactionType", string(t.TransactionType))
	x.date("GLPostingDate", t.GLPostingDate)
	x.optText("CustomerID", t.CustomerID)
	x.optText("SupplierID", t.SupplierID)
	x.start("Lines")
	for i := range t.Lines.DebitLine {
		l := &t.Lines.DebitLine[i]
		x.startN("DebitLine", i+1)
		x.text("RecordID", l.RecordID)
		x.text("AccountID", l.AccountID)
		x.optText("SourceDocumentID", l.SourceDocumentID)
		x.dateTime("SystemEntryDate", l.SystemEntryDate)
		x.text("Description", l.Description)
		x.money("DebitAmount", l.DebitAmount)
		x.end()
	}
	for i := range t.Lines.CreditLine {
		l := &t.Lines.CreditLine[i]
		x.startN("CreditLine", i+1)
		x.text("RecordID", l.RecordID)
		x.text("AccountID", l.AccountID)
		x.optText("SourceDocumentID", l.SourceDocumentID)
		x.dateTime("SystemEntryDate", l.SystemEntryDate)
		x.text("Description", l.Description)
		x.money("CreditAmount", l.CreditAmount)
		x.end()
	}
	x.end()
}

func writeShippingPoint(x *xmlWriter, name string, p *ShippingPoint) {
	if p == nil {
		return
	}
	x.start(name)
	for _, id := range p.DeliveryID {
		x.text("DeliveryID", id)
	}
	x.optDate("DeliveryDate", p.DeliveryDate)
	for _, w := range p.Warehouses {
		x.optText("WarehouseID", w.WarehouseID)
		x.optText("LocationID", w.LocationID)
	}
	if p.Address != nil {
		x.start("Address")
		writeCustomerAddress(x, p.Address)
		x.end()
	}
	x.end()
}

func writeOrderReferences(x *xmlWriter, refs []OrderReferences) {
	for i := range refs {
		x.startN("OrderReferences", i+1)
		x.optText("OriginatingON", refs[i].OriginatingON)
		x.optDate("OrderDate", refs[i].OrderDate)
		x.end()
	}
}

func writeSerialNumbers(x *xmlWriter, p *ProductSerialNumber) {
	if p == nil {
		return
	}
	x.start("ProductSerialNumber")
	for _, s := range p.SerialNumber {
		x.text("SerialNumber", s)
	}
	x.end()
}

func writeCustomsInformation(x *xmlWriter, c *CustomsInformation) {
	if c == nil {
		return
	}
	x.start("CustomsInformation")
	for _, s := range c.ARCNo {
		x.text("ARCNo", s)
	}
	x.optMoney("IECAmount", c.IECAmount)
	x.end()
}

func writeCurrency(x *xmlWriter, c *Currency) {
	if c == nil {
		return
	}
	x.start("Currency")
	x.text("CurrencyCode", c.CurrencyCode)
	x.money("CurrencyAmount", c.CurrencyAmount)
	x.dec("ExchangeRate", c.ExchangeRate)
	x.end()
}

func writePaymentMethod(x *xmlWriter, name string, i int, p *PaymentMethod) {
	x.startN(name, i)
	x.optText("PaymentMechanism", string(p.PaymentMechanism))
	x.money("PaymentAmount", p.PaymentAmount)
	x.date("PaymentDate", p.PaymentDate)
	x.end()
}

func writeWithholdingTax(x *xmlWriter, ws []WithholdingTax) {
	for i := range ws {
		w := &ws[i]
		x.startN("WithholdingTax", i+1)
		x.optText("WithholdingTaxType", string(w.WithholdingTaxType))
		x.optText("WithholdingTaxDescription", w.WithholdingTaxDescription)
		x.money("WithholdingTaxAmount", w.WithholdingTaxAmount)
		x.end()
	}
}

// writeDocumentStatus writes the DocumentStatus of a source document,
// whose element names depend on the table.
func writeDocumentStatus(x *xmlWriter, statusField, status, dateField string, date civil.DateTime, reason, sourceID, sourceField, source string) {
	x.start("DocumentStatus")
	x.text(statusField, status)
	x.dateTime(dateField, date)
	x.optText("Reason", reason)
	x.text("SourceID", sourceID)
	x.text(sourceField, source)
	x.end()
}

func writeInvoice(x *xmlWriter, inv *Invoice) {
	x.text("InvoiceNo", inv.InvoiceNo)
	x.text("ATCUD", inv.ATCUD)
	s := &inv.DocumentStatus
	writeDocumentStatus(x, "InvoiceStatus", string(s.InvoiceStatus), "InvoiceStatusDate", s.InvoiceStatusDate, s.Reason, s.SourceID, "SourceBilling", string(s.SourceBilling))
	x.text("Hash", inv.Hash)
	x.text("HashControl", inv.HashControl)
	x.optInteger("Period", inv.Period)
	x.date("InvoiceDate", inv.InvoiceDate)
	x.text("InvoiceType", string(inv.InvoiceType))
	x.start("SpecialRegimes")
	x.indicator("SelfBillingIndicator", inv.SpecialRegimes.SelfBillingIndicator)
	x.indicator("CashVATSchemeIndicator", inv.SpecialRegimes.CashVATSchemeIndicator)
	x.indicator("ThirdPartiesBillingIndicator", inv.SpecialRegimes.ThirdPartiesBillingIndicator)
	x.end()
	x.text("SourceID", inv.SourceID)
	x.optText("EACCode", inv.EACCode)
	x.dateTime("SystemEntryDate", inv.SystemEntryDate)
	x.optText("TransactionID", inv.TransactionID)
	x.text("CustomerID", inv.CustomerID)
	writeShippingPoint(x, "ShipTo", inv.ShipTo)
	writeShippingPoint(x, "ShipFrom", inv.ShipFrom)
	x.optDateTime("MovementEndTime", inv.MovementEndTime)
	x.optDateTime("MovementStartTime", inv.MovementStartTime)
	for i := range inv.Line {
		x.startN("Line", i+1)
		writeInvoiceLine(x, &inv.Line[i])
		x.end()
	}
	t := &inv.DocumentTotals
	x.start("DocumentTotals")
	x.total("TaxPayable", t.TaxPayable)
	x.total("NetTotal", t.NetTotal)
	x.total("GrossTotal", t.GrossTotal)
	writeCurrency(x, t.Currency)
	for i := range t.Settlement {
		st := &t.Settlement[i]
		x.startN("Settlement", i+1)
		x.optText("SettlementDiscount", st.SettlementDiscount)
		x.optMoney("SettlementAmount", st.SettlementAmount)
		x.optDate("SettlementDate", st.SettlementDate)
		x.optText("PaymentTerms", st.PaymentTerms)
		x.end()
	}
	for i := range t.Payment {
		writePaymentMethod(x, "Payment", i+1, &t.Payment[i])
	}
	x.end()
	writeWithholdingTax(x, inv.WithholdingTax)
}

// writeInvoiceLine writes a line of SalesInvoices or WorkingDocuments
// (same structure; Tax optional in the latter, nil means absent).
func writeInvoiceLine(x *xmlWriter, l *InvoiceLine) {
	x.integer("LineNumber", l.LineNumber)
	writeOrderReferences(x, l.OrderReferences)
	x.text("ProductCode", l.ProductCode)
	x.text("ProductDescription", l.ProductDescription)
	x.dec("Quantity", l.Quantity)
	x.text("UnitOfMeasure", l.UnitOfMeasure)
	x.money("UnitPrice", l.UnitPrice)
	x.optMoney("TaxBase", l.TaxBase)
	x.date("TaxPointDate", l.TaxPointDate)
	for i := range l.References {
		x.startN("References", i+1)
		x.optText("Reference", l.References[i].Reference)
		x.optText("Reason", l.References[i].Reason)
		x.end()
	}
	x.text("Description", l.Description)
	writeSerialNumbers(x, l.ProductSerialNumber)
	x.optMoney("DebitAmount", l.DebitAmount)
	x.optMoney("CreditAmount", l.CreditAmount)
	writeTax(x, l.Tax)
	x.optText("TaxExemptionReason", l.TaxExemptionReason)
	x.optText("TaxExemptionCode", l.TaxExemptionCode)
	x.optMoney("SettlementAmount", l.SettlementAmount)
	writeCustomsInformation(x, l.CustomsInformation)
}

// writeTax writes the Tax of an invoice, working document or payment line
// (a PaymentTax has the fields of a Tax); nil writes nothing.
func writeTax(x *xmlWriter, t *Tax) {
	if t == nil {
		return
	}
	x.start("Tax")
	x.text("TaxType", string(t.TaxType))
	x.text("TaxCountryRegion", t.TaxCountryRegion)
	x.text("TaxCode", string(t.TaxCode))
	x.optDec("TaxPercentage", t.TaxPercentage)
	x.optMoney("TaxAmount", t.TaxAmount)
	x.end()
}

func writeDocumentTotals(x *xmlWriter, t *DocumentTotals) {
	x.start("DocumentTotals")
	x.total("TaxPayable", t.TaxPayable)
	x.total("NetTotal", t.NetTotal)
	x.total("GrossTotal", t.GrossTotal)
	writeCurrency(x, t.Currency)
	x.end()
}

func writeStockMovement(x *xmlWriter, m *StockMovement) {
	x.text("DocumentNumber", m.DocumentNumber)
	x.text("ATCUD", m.ATCUD)
	s := &m.DocumentStatus
	writeDocumentStatus(x, "MovementStatus", string(s.MovementStatus), "MovementStatusDate", s.MovementStatusDate, s.Reason, s.SourceID, "SourceBilling", string(s.SourceBilling))
	x.text("Hash", m.Hash)
	x.text("HashControl", m.HashControl)
	x.optInteger("Period", m.Period)
	x.date("MovementDate", m.MovementDate)
	x.text("MovementType", string(m.MovementType))
	x.dateTime("SystemEntryDate", m.SystemEntryDate)
	x.optText("TransactionID", m.TransactionID)
	x.optText("CustomerID", m.CustomerID)
	x.optText("SupplierID", m.SupplierID)
	x.text("SourceID", m.SourceID)
	x.optText("EACCode", m.EACCode)
	x.optText("MovementComments", m.MovementComments)
	writeShippingPoint(x, "ShipTo", m.ShipTo)
	writeShippingPoint(x, "ShipFrom", m.ShipFrom)
	x.optDateTime("MovementEndTime", m.MovementEndTime)
	x.dateTime("MovementStartTime", m.MovementStartTime)
	x.optText("ATDocCodeID", m.ATDocCodeID)
	for i := range m.Line {
		l := &m.Line[i]
		x.startN("Line", i+1)
		x.integer("LineNumber", l.LineNumber)
		writeOrderReferences(x, l.OrderReferences)
		x.text("ProductCode", l.ProductCode)
		x.text("ProductDescription", l.ProductDescription)
		x.dec("Quantity", l.Quantity)
		x.text("UnitOfMeasure", l.UnitOfMeasure)
		x.money("UnitPrice", l.UnitPrice)
		x.text("Description", l.Description)
		writeSerialNumbers(x, l.ProductSerialNumber)
		x.optMoney("DebitAmount", l.DebitAmount)
		x.optMoney("CreditAmount", l.CreditAmount)
		if t := l.Tax; t != nil {
			x.start("Tax")
			x.text("TaxType", string(t.TaxType))
			x.text("TaxCountryRegion", t.TaxCountryRegion)
			x.text("TaxCode", string(t.TaxCode))
			x.dec("TaxPercentage", t.TaxPercentage)
			x.end()
		}
		x.optText("TaxExemptionReason", l.TaxExemptionReason)
		x.optText("TaxExemptionCode", l.TaxExemptionCode)
		x.optMoney("SettlementAmount", l.SettlementAmount)
		writeCustomsInformation(x, l.CustomsInformation)
		x.end()
	}
	writeDocumentTotals(x, &m.DocumentTotals)
}

func writeWorkDocument(x *xmlWriter, d *WorkDocument) {
	x.text("DocumentNumber", d.DocumentNumber)
	x.text("ATCUD", d.ATCUD)
	s := &d.DocumentStatus
	writeDocumentStatus(x, "WorkStatus", string(s.WorkStatus), "WorkStatusDate", s.WorkStatusDate, s.Reason, s.SourceID, "SourceBilling", string(s.SourceBilling))
	x.text("Hash", d.Hash)
	x.text("HashControl", d.HashControl)
	x.optInteger("Period", d.Period)
	x.date("WorkDate", d.WorkDate)
	x.text("WorkType", string(d.WorkType))
	x.text("SourceID", d.SourceID)
	x.optText("EACCode", d.EACCode)
	x.dateTime("SystemEntryDate", d.SystemEntryDate)
	x.optText("TransactionID", d.TransactionID)
	x.text("CustomerID", d.CustomerID)
	for i := range d.Line {
		x.startN("Line", i+1)
		writeInvoiceLine(x, &d.Line[i])
		x.end()
	}
	writeDocumentTotals(x, &d.DocumentTotals)
}

func writePayment(x *xmlWriter, p *Payment) {
	x.text("PaymentRefNo", p.PaymentRefNo)
	x.text("ATCUD", p.ATCUD)
	x.optInteger("Period", p.Period)
	x.optText("TransactionID", p.TransactionID)
	x.date("TransactionDate", p.TransactionDate)
	x.text("PaymentType", string(p.PaymentType))
	x.optText("Description", p.Description)
	x.optText("SystemID", p.SystemID)
	s := &p.DocumentStatus
	writeDocumentStatus(x, "PaymentStatus", string(s.PaymentStatus), "PaymentStatusDate", s.PaymentStatusDate, s.Reason, s.SourceID, "SourcePayment", string(s.SourcePayment))
	for i := range p.PaymentMethod {
		writePaymentMethod(x, "PaymentMethod", i+1, &p.PaymentMethod[i])
	}
	x.text("SourceID", p.SourceID)
	x.dateTime("SystemEntryDate", p.SystemEntryDate)
	x.text("CustomerID", p.CustomerID)
	for i := range p.Line {
		l := &p.Line[i]
		x.startN("Line", i+1)
		x.integer("LineNumber", l.LineNumber)
		for j := range l.SourceDocumentID {
			sd := &l.SourceDocumentID[j]
			x.startN("SourceDocumentID", j+1)
			x.text("OriginatingON", sd.OriginatingON)
			x.date("InvoiceDate", sd.InvoiceDate)
			x.optText("Description", sd.Description)
			x.end()
		}
		x.optMoney("SettlementAmount", l.SettlementAmount)
		x.optMoney("DebitAmount", l.DebitAmount)
		x.optMoney("CreditAmount", l.CreditAmount)
		writeTax(x, (*Tax)(l.Tax))
		x.optText("TaxExemptionReason", l.TaxExemptionReason)
		x.optText("TaxExemptionCode", l.TaxExemptionCode)
		x.end()
	}
	t := &p.DocumentTotals
	x.start("DocumentTotals")
	x.total("TaxPayable", t.TaxPayable)
	x.total("NetTotal", t.NetTotal)
	x.total("GrossTotal", t.GrossTotal)
	if t.Settlement != nil {
		x.start("Settlement")
		x.money("SettlementAmount", t.Settlement.SettlementAmount)
		x.end()
	}
	writeCurrency(x, t.Currency)
	x.end()
	writeWithholdingTax(x, p.WithholdingTax)
}
