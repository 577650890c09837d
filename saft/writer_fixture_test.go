package saft

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
)

// Fixtures for the writer's tests: files covering every section, every
// element of the model and every document type, valid against the XSD
// and its assertions.

func fxDec(s string) decimal.Decimal   { return decimal.RequireFromString(s) }
func fxDecp(s string) *decimal.Decimal { d := fxDec(s); return &d }

func fxDate(s string) civil.Date     { return fxMust(civil.ParseDate(s)) }
func fxDatep(s string) *civil.Date   { d := fxDate(s); return &d }
func fxDT(s string) civil.DateTime   { return fxMust(civil.ParseDateTime(s)) }
func fxDTp(s string) *civil.DateTime { d := fxDT(s); return &d }

func fxMust[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// fxHash is a deterministic 172-character base64 string, the length of
// a real RSA-1024 signature.
func fxHash(seed string) string {
	var b []byte
	h := sha256.Sum256([]byte(seed))
	for len(b) < 128 {
		b = append(b, h[:]...)
		h = sha256.Sum256(h[:])
	}
	return base64.StdEncoding.EncodeToString(b[:128])
}

var (
	fxCompany = Company{
		ID:                    "CRC Lisboa 509999999",
		TaxRegistrationNumber: "509999999",
		Name:                  "Hotel Ç & Filhos <Lda>",
		BusinessName:          "Hotel Miradouro",
		Address: Address{
			BuildingNumber: "12",
			StreetName:     "Rua da Alegria",
			AddressDetail:  "Rua da Alegria, 12, 1.º esq.",
			City:           "Lisboa",
			PostalCode:     "1250-004",
			Region:         "Lisboa",
			Country:        "PT",
		},
		Telephone: "+351 210000000",
		Fax:       "+351 210000001",
		Email:     "geral@miradouro.example",
		Website:   "www.miradouro.example",
	}
	fxSoftware = Software{
		ProducerTaxID:     "510000002",
		CertificateNumber: 9999,
		ProductID:         "FaturaPT/FaturaPT Software Lda",
		Version:           "1.0.0",
	}
)

func fxFullHeader() Header {
	h := newHeader(fxCompany, fxSoftware, TaxAccountingBasisIntegrated, 2026,
		fxDate("2026-01-01"), fxDate("2026-01-31"), fxDate("2026-02-03"), TaxEntityHeadOffice)
	h.HeaderComment = "Ficheiro de teste: todas as secções\r\n€ — Łódź"
	return h
}

func fxCustomers() []Customer {
	return []Customer{
		{
			CustomerID:    "C1",
			AccountID:     "2111",
			CustomerTaxID: "512345678",
			CompanyName:   "Agência de Viagens Lusa, S.A.",
			Contact:       "Maria João",
			BillingAddress: CustomerAddress{
				BuildingNumber: "1", StreetName: "Avenida da Liberdade",
				AddressDetail: "Avenida da Liberdade, 1", City: "Lisboa", PostalCode: "1250-096",
				Region: "Lisboa", Country: "PT",
			},
			ShipToAddress: []CustomerAddress{
				{AddressDetail: "Armazém 3, Zona Industrial", City: "Loures", PostalCode: "2670-001", Country: "PT"},
				{AddressDetail: "Rua do Porto, 5", City: "Porto", PostalCode: "4000-001", Country: "PT"},
			},
			Telephone: "+351 213000000", Fax: "+351 213000001",
			Email: "reservas@lusa.example", Website: "lusa.example",
			SelfBillingIndicator: true,
		},
		{
			CustomerID: "CF", AccountID: Unknown, CustomerTaxID: "999999990", CompanyName: "Consumidor final",
			BillingAddress: CustomerAddress{AddressDetail: Unknown, City: Unknown, PostalCode: Unknown, Country: Unknown},
		},
		{
			CustomerID: "C2", AccountID: "2112", CustomerTaxID: "ESB12345678", CompanyName: "Viajes Iberia S.L.",
			BillingAddress: CustomerAddress{AddressDetail: "Calle Mayor, 10", City: "Madrid", PostalCode: "28013", Country: "ES"},
		},
	}
}

func fxSuppliers() []Supplier {
	return []Supplier{{
		SupplierID: "S1", AccountID: "2211", SupplierTaxID: "500000000", CompanyName: "Lavandaria Central, Lda",
		Contact:        "Rui",
		BillingAddress: Address{AddressDetail: "Rua das Flores, 7", City: "Lisboa", PostalCode: "1200-195", Country: "PT"},
		ShipFromAddress: []Address{
			{StreetName: "Rua B", AddressDetail: "Rua B, lote 2", City: "Amadora", PostalCode: "2700-001", Region: "Lisboa", Country: "PT"},
		},
		Telephone: "210000099", Fax: "210000098", Email: "lc@example.pt", Website: "lc.example.pt",
	}}
}

func fxProducts() []Product {
	return []Product{
		{ProductType: ProductTypeServices, ProductCode: "ALOJ", ProductGroup: "Alojamento", ProductDescription: "Alojamento — quarto duplo", ProductNumberCode: "ALOJ"},
		{ProductType: ProductTypeGoods, ProductCode: "VINHO", ProductGroup: "Bar", ProductDescription: "Vinho tinto Douro 75cl", ProductNumberCode: "5601234567890",
			CustomsDetails: &CustomsDetails{CNCode: []string{"22042142"}, UNNumber: []string{"3065"}}},
		{ProductType: ProductTypeServices, ProductCode: "PA", ProductDescription: "Pequeno-almoço", ProductNumberCode: "PA"},
		{ProductType: ProductTypeTax, ProductCode: "TT", ProductDescription: "Taxa municipal turística", ProductNumberCode: "TT"},
		{ProductType: ProductTypeOther, ProductCode: "SEGURO", ProductDescription: "Prémio de seguro", ProductNumberCode: "SEGURO"},
	}
}

func fxTaxTable() []TaxTableEntry {
	return []TaxTableEntry{
		{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeNormal, Description: "Taxa normal", TaxPercentage: fxDecp("23")},
		{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeIntermediate, Description: "Taxa intermédia", TaxPercentage: fxDecp("13")},
		{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeReduced, Description: "Taxa reduzida", TaxPercentage: fxDecp("6")},
		{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeExempt, Description: "Isento", TaxPercentage: fxDecp("0")},
		{TaxType: TaxTypeVAT, TaxCountryRegion: "PT-MA", TaxCode: TaxCodeNormal, Description: "Taxa normal Madeira", TaxPercentage: fxDecp("22"),
			TaxExpirationDate: fxDatep("2026-12-31")},
		{TaxType: TaxTypeStampDuty, TaxCountryRegion: "PT", TaxCode: "4", Description: "Verba 4 da TGIS", TaxAmount: fxDecp("5.00")},
		{TaxType: TaxTypeNotSubject, TaxCountryRegion: "PT", TaxCode: TaxCodeNotSubject, Description: "Não sujeito", TaxPercentage: fxDecp("0")},
	}
}

func fxAccounts() []Account {
	acc := func(id, desc, cat, group string, tax int, od, oc, cd, cc string) Account {
		return Account{AccountID: id, AccountDescription: desc,
			OpeningDebitBalance: fxDec(od), OpeningCreditBalance: fxDec(oc), ClosingDebitBalance: fxDec(cd), ClosingCreditBalance: fxDec(cc),
			GroupingCategory: GroupingCategory(cat), GroupingCode: group, TaxonomyCode: tax}
	}
	return []Account{
		acc("11", "Caixa", "GR", "", 0, "100", "0", "2335.35", "0"),
		acc("111", "Caixa sede", "GM", "11", 1, "100", "0", "2335.35", "0"),
		acc("21", "Clientes", "GR", "", 0, "0", "0", "0", "0"),
		acc("211", "Clientes c/c", "GA", "21", 0, "0", "0", "0", "0"),
		acc("2111", "Clientes gerais", "GM", "211", 35, "0", "0", "0", "0"),
		acc("2112", "Clientes estrangeiros", "GM", "211", 35, "0", "0", "0", "0"),
		acc("22", "Fornecedores", "GR", "", 0, "0", "0", "0", "0"),
		acc("2211", "Fornecedores gerais", "GM", "22", 37, "0", "0", "0", "61.50"),
		acc("72", "Prestações de serviços", "GR", "", 0, "0", "0", "0", "1898.25"),
		acc("721", "Alojamento", "GM", "72", 572, "0", "0", "0", "1898.25"),
		acc("90", "Contabilidade analítica", "AR", "", 0, "0", "0", "0", "0"),
		acc("901", "Centros de custo", "AA", "90", 0, "0", "0", "0", "0"),
		acc("9011", "Quartos", "AM", "901", 0, "0", "0", "0", "0"),
	}
}

func fxLedger() []Journal {
	return []Journal{
		{JournalID: "VND", Description: "Vendas", Transaction: []Transaction{
			{TransactionID: "2026-01-15 VND 1", Period: 1, TransactionDate: fxDate("2026-01-15"), SourceID: "ana",
				Description: "FT A/1", DocArchivalNumber: "1", TransactionType: TransactionTypeNormal, GLPostingDate: fxDate("2026-01-15"),
				CustomerID: "C1",
				Lines: TransactionLines{
					DebitLine: []DebitLine{{RecordID: "1", AccountID: "2111", SourceDocumentID: "FT A/1", SystemEntryDate: fxDT("2026-01-15T10:00:00"), Description: "Cliente", DebitAmount: fxDec("430.50")}},
					CreditLine: []CreditLine{
						{RecordID: "2", AccountID: "721", SourceDocumentID: "FT A/1", SystemEntryDate: fxDT("2026-01-15T10:00:00"), Description: "Alojamento", CreditAmount: fxDec("350")},
						{RecordID: "3", AccountID: "2433", SystemEntryDate: fxDT("2026-01-15T10:00:00"), Description: "IVA liquidado", CreditAmount: fxDec("80.5")},
					},
				}},
			{TransactionID: "2026-01-31 VND 2", Period: 1, TransactionDate: fxDate("2026-01-31"), SourceID: "ana",
				Description: "Regularização", DocArchivalNumber: "2", TransactionType: TransactionTypeRegularization, GLPostingDate: fxDate("2026-01-31"),
				Lines: TransactionLines{
					DebitLine:  []DebitLine{{RecordID: "4", AccountID: "721", SystemEntryDate: fxDT("2026-01-31T18:00:00"), Description: "Acerto", DebitAmount: fxDec("0.01")}},
					CreditLine: []CreditLine{{RecordID: "5", AccountID: "111", SystemEntryDate: fxDT("2026-01-31T18:00:00"), Description: "Acerto", CreditAmount: fxDec("0.01")}},
				}},
		}},
		{JournalID: "CMP", Description: "Compras", Transaction: []Transaction{
			{TransactionID: "2026-01-19 CMP L-7", Period: 1, TransactionDate: fxDate("2026-01-19"), SourceID: "rui",
				Description: "Fatura lavandaria", DocArchivalNumber: "L-7", TransactionType: TransactionTypeNormal, GLPostingDate: fxDate("2026-01-20"),
				SupplierID: "S1",
				Lines: TransactionLines{
					DebitLine:  []DebitLine{{RecordID: "6", AccountID: "111", SystemEntryDate: fxDT("2026-01-20T09:30:00"), Description: "Lavandaria", DebitAmount: fxDec("61.50")}},
					CreditLine: []CreditLine{{RecordID: "7", AccountID: "2211", SystemEntryDate: fxDT("2026-01-20T09:30:00"), Description: "Lavandaria", CreditAmount: fxDec("61.50")}},
				}},
		}},
		{JournalID: "DIV", Description: "Diversos"},
	}
}

// fxLine describes a document line for the builders below.
type fxLine struct {
	product, desc string
	qty, price    string
	rate          string // VAT percentage; "0" adds the exemption M07
	debit         bool
}

func fxVAT(rate string) *Tax {
	code := TaxCodeNormal
	switch rate {
	case "13":
		code = TaxCodeIntermediate
	case "6":
		code = TaxCodeReduced
	case "0":
		code = TaxCodeExempt
	}
	return &Tax{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: code, TaxPercentage: fxDecp(rate)}
}

// fxLines returns the lines and the document's tax, net and gross
// totals (tax rounded per line to the cent).
func fxLines(taxDate civil.Date, specs []fxLine) (lines []InvoiceLine, tax, net, gross decimal.Decimal) {
	for i, s := range specs {
		amount := fxDec(s.qty).Mul(fxDec(s.price)).Round(2)
		l := InvoiceLine{
			LineNumber: i + 1, ProductCode: s.product, ProductDescription: s.desc,
			Quantity: fxDec(s.qty), UnitOfMeasure: "UN", UnitPrice: fxDec(s.price), TaxPointDate: taxDate,
			Description: s.desc, Tax: fxVAT(s.rate),
		}
		if s.debit {
			l.DebitAmount = &amount
		} else {
			l.CreditAmount = &amount
		}
		if s.rate == "0" {
			l.TaxExemptionReason = "Artigo 9.º do CIVA"
			l.TaxExemptionCode = "M07"
		}
		lines = append(lines, l)
		net = net.Add(amount)
		tax = tax.Add(amount.Mul(fxDec(s.rate)).Div(fxDec("100")).Round(2))
	}
	return lines, tax, net, net.Add(tax)
}

func fxInvoice(typ series.DocumentType, number int, status InvoiceStatus, customer string, day int, specs ...fxLine) Invoice {
	no := fmt.Sprintf("%s A/%d", typ, number)
	when := civil.DateTime{Date: civil.Date{Year: 2026, Month: time.January, Day: day}, Hour: 10, Minute: number, Second: int(typ[1]) % 60}
	lines, tax, net, gross := fxLines(when.Date, specs)
	inv := Invoice{
		InvoiceNo: no, ATCUD: fmt.Sprintf("AAJFJ%03d-%d", len(typ)*100+int(typ[0]), number),
		DocumentStatus: InvoiceDocumentStatus{InvoiceStatus: status, InvoiceStatusDate: when, SourceID: "ana", SourceBilling: SourceBillingProduced},
		Hash:           fxHash(no), HashControl: "1",
		InvoiceDate: when.Date, InvoiceType: typ, SourceID: "ana", SystemEntryDate: when, CustomerID: customer,
		Line:           lines,
		DocumentTotals: InvoiceTotals{TaxPayable: tax, NetTotal: net, GrossTotal: gross},
	}
	if status == InvoiceStatusCancelled {
		inv.DocumentStatus.Reason = "Erro na emissão"
		inv.DocumentStatus.InvoiceStatusDate = civil.DateTime{Date: civil.Date{Year: 2026, Month: time.January, Day: day}, Hour: 18, Minute: 0, Second: 0}
	}
	return inv
}

func fxInvoices() []Invoice {
	ft1 := fxInvoice(series.DocumentTypeFT, 1, InvoiceStatusNormal, "C1", 15,
		fxLine{"ALOJ", "Alojamento — 3 noites", "3", "100", "6", false},
		fxLine{"VINHO", "Vinho tinto Douro 75cl", "2", "25", "23", false},
		fxLine{"TT", "Taxa municipal turística", "6", "2", "0", false},
	)
	ft1.Period = 1
	ft1.EACCode = "55111"
	ft1.TransactionID = "2026-01-15 VND 1"
	ft1.Line[0].OrderReferences = []OrderReferences{{OriginatingON: "NE A/1", OrderDate: fxDatep("2026-01-02")}, {OriginatingON: "Reserva 77"}}
	ft1.Line[0].SettlementAmount = fxDecp("15.00")
	ft1.Line[1].ProductSerialNumber = &ProductSerialNumber{SerialNumber: []string{"LOTE-1", "LOTE-2"}}
	ft1.Line[1].CustomsInformation = &CustomsInformation{ARCNo: []string{"26PTA1234567890123456"}, IECAmount: fxDecp("0.35")}
	ft1.ShipTo = &ShippingPoint{DeliveryID: []string{"ENT-1"}, DeliveryDate: fxDatep("2026-01-15"),
		Warehouses: []Warehouse{{WarehouseID: "ARM1", LocationID: "P1"}, {LocationID: "P2"}},
		Address:    &CustomerAddress{AddressDetail: "Rua do Porto, 5", City: "Porto", PostalCode: "4000-001", Country: "PT"}}
	ft1.ShipFrom = &ShippingPoint{Warehouses: []Warehouse{{WarehouseID: "CAVE"}},
		Address: &CustomerAddress{AddressDetail: "Rua da Alegria, 12", City: "Lisboa", PostalCode: "1250-004", Country: "PT"}}
	ft1.MovementEndTime = fxDTp("2026-01-15T16:00:00")
	ft1.MovementStartTime = fxDTp("2026-01-15T11:00:00")
	ft1.DocumentTotals.Currency = &Currency{CurrencyCode: "USD", CurrencyAmount: fxDec("503.85"), ExchangeRate: fxDec("1.0925")}
	ft1.DocumentTotals.Settlement = []Settlement{{SettlementDiscount: "2% a 30 dias", SettlementAmount: fxDecp("9.23"), SettlementDate: fxDatep("2026-02-14"), PaymentTerms: "30 dias"}}
	ft1.WithholdingTax = []WithholdingTax{{WithholdingTaxType: WithholdingTaxTypeIRC, WithholdingTaxDescription: "Art. 94.º CIRC", WithholdingTaxAmount: fxDec("0")}}

	ft2 := fxInvoice(series.DocumentTypeFT, 2, InvoiceStatusCancelled, "C2", 16,
		fxLine{"ALOJ", "Alojamento", "1", "120", "6", false})
	ft3 := fxInvoice(series.DocumentTypeFT, 3, InvoiceStatusSelfBilled, "C1", 17,
		fxLine{"ALOJ", "Alojamento (autofaturação)", "1", "80", "6", false})
	ft3.SpecialRegimes.SelfBillingIndicator = true
	ft3.SpecialRegimes.ThirdPartiesBillingIndicator = true
	ft4 := fxInvoice(series.DocumentTypeFT, 4, InvoiceStatusBilled, "C1", 17,
		fxLine{"PA", "Pequeno-almoço", "2", "7.5", "13", false})
	fs := fxInvoice(series.DocumentTypeFS, 1, InvoiceStatusNormal, "CF", 18,
		fxLine{"PA", "Pequeno-almoço", "1", "7.5", "13", false})
	fr := fxInvoice(series.DocumentTypeFR, 1, InvoiceStatusNormal, "CF", 19,
		fxLine{"ALOJ", "Alojamento", "2", "95.5", "6", false},
		fxLine{"VINHO", "Oferta de vinho", "1", "0", "23", false})
	// Line without price (offer): TaxBase, UnitPrice 0, amount 0 (assertions 6, 7).
	fr.Line[1].TaxBase = fxDecp("25.00")
	fr.Line[1].CreditAmount = fxDecp("0")
	fr.DocumentTotals.Payment = []PaymentMethod{
		{PaymentMechanism: PaymentMechanismCreditCard, PaymentAmount: fxDec("150"), PaymentDate: fxDate("2026-01-19")},
		{PaymentMechanism: PaymentMechanismCash, PaymentAmount: fr.DocumentTotals.GrossTotal.Sub(fxDec("150")), PaymentDate: fxDate("2026-01-19")},
	}
	fr.DocumentStatus.SourceBilling = SourceBillingManual
	fr.HashControl = "1-FRM A/12"
	nd := fxInvoice(series.DocumentTypeND, 1, InvoiceStatusNormal, "C1", 20,
		fxLine{"ALOJ", "Acerto de preço", "1", "10", "6", false})
	nd.Line[0].References = []References{{Reference: "FT A/1", Reason: "Preço errado"}}
	nc := fxInvoice(series.DocumentTypeNC, 1, InvoiceStatusNormal, "C1", 21,
		fxLine{"ALOJ", "Devolução de 1 noite", "1", "100", "6", true})
	nc.Line[0].References = []References{{Reference: "FT A/1", Reason: "Estadia encurtada"}}
	// Stamp duty line with a fixed amount (assertion 3: non-zero TaxAmount, no exemption).
	fs2 := fxInvoice(series.DocumentTypeFS, 2, InvoiceStatusSummary, "CF", 22,
		fxLine{"SEGURO", "Prémio de seguro de viagem", "1", "20", "23", false})
	fs2.Line[0].Tax = &Tax{TaxType: TaxTypeStampDuty, TaxCountryRegion: "PT", TaxCode: "4", TaxAmount: fxDecp("5.00")}
	fs2.DocumentTotals.TaxPayable = fxDec("5")
	fs2.DocumentTotals.GrossTotal = fxDec("25")
	return []Invoice{ft1, ft2, ft3, ft4, fs, fr, nd, nc, fs2}
}

func fxMovements() []StockMovement {
	mk := func(typ series.DocumentType, number int, status MovementStatus, day int, qty string) StockMovement {
		no := fmt.Sprintf("%s A/%d", typ, number)
		when := civil.DateTime{Date: civil.Date{Year: 2026, Month: time.January, Day: day}, Hour: 9, Minute: number, Second: 0}
		amount := fxDec(qty).Mul(fxDec("25"))
		tax := amount.Mul(fxDec("0.23")).Round(2)
		m := StockMovement{
			DocumentNumber: no, ATCUD: fmt.Sprintf("BBJFJ%03d-%d", int(typ[1]), number),
			DocumentStatus: MovementDocumentStatus{MovementStatus: status, MovementStatusDate: when, SourceID: "rui", SourceBilling: SourceBillingProduced},
			Hash:           fxHash(no), HashControl: "1",
			MovementDate: when.Date, MovementType: typ, SystemEntryDate: when, CustomerID: "C1", SourceID: "rui",
			MovementStartTime: when,
			Line: []StockMovementLine{{
				LineNumber: 1, ProductCode: "VINHO", ProductDescription: "Vinho tinto Douro 75cl",
				Quantity: fxDec(qty), UnitOfMeasure: "GARRAFA", UnitPrice: fxDec("25"), Description: "Vinho",
				CreditAmount: &amount,
				Tax:          &MovementTax{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeNormal, TaxPercentage: fxDec("23")},
			}},
			DocumentTotals: DocumentTotals{TaxPayable: tax, NetTotal: amount, GrossTotal: amount.Add(tax)},
		}
		if status == MovementStatusCancelled {
			m.DocumentStatus.Reason = "Anulada"
		}
		return m
	}
	gr := mk(series.DocumentTypeGR, 1, MovementStatusNormal, 10, "12")
	gr.Period = 1
	gr.EACCode = "55111"
	gr.TransactionID = "2026-01-15 VND 1"
	gr.MovementComments = "Entrega ao cliente"
	gr.ShipTo = &ShippingPoint{DeliveryID: []string{"D1", "D2"}, Warehouses: []Warehouse{{WarehouseID: "CLI"}},
		Address: &CustomerAddress{AddressDetail: "Rua do Porto, 5", City: "Porto", PostalCode: "4000-001", Country: "PT"}}
	gr.ShipFrom = &ShippingPoint{Address: &CustomerAddress{AddressDetail: "Rua da Alegria, 12", City: "Lisboa", PostalCode: "1250-004", Country: "PT"}}
	gr.MovementEndTime = fxDTp("2026-01-10T18:00:00")
	gr.ATDocCodeID = "123456789012"
	gr.Line[0].OrderReferences = []OrderReferences{{OriginatingON: "NE A/1"}}
	gr.Line[0].ProductSerialNumber = &ProductSerialNumber{SerialNumber: []string{"S1"}}
	gr.Line[0].SettlementAmount = fxDecp("0")
	gr.Line[0].CustomsInformation = &CustomsInformation{ARCNo: []string{"26PTA1234567890123457"}}
	gr.DocumentTotals.Currency = &Currency{CurrencyCode: "GBP", CurrencyAmount: fxDec("317.25"), ExchangeRate: fxDec("0.85")}
	gr2 := mk(series.DocumentTypeGR, 2, MovementStatusCancelled, 11, "5")
	gt := mk(series.DocumentTypeGT, 1, MovementStatusThirdParty, 12, "3.5")
	ga := mk(series.DocumentTypeGA, 1, MovementStatusNormal, 13, "1")
	// Fixed asset moved without value: not subject, exempt line (assertions 8, 9).
	ga.Line[0].UnitPrice = fxDec("0")
	ga.Line[0].CreditAmount = fxDecp("0")
	ga.Line[0].Tax = &MovementTax{TaxType: TaxTypeNotSubject, TaxCountryRegion: "PT", TaxCode: TaxCodeNotSubject, TaxPercentage: fxDec("0")}
	ga.Line[0].TaxExemptionReason = "Não sujeito; não tributado"
	ga.Line[0].TaxExemptionCode = "M99"
	ga.DocumentTotals = DocumentTotals{TaxPayable: fxDec("0"), NetTotal: fxDec("0"), GrossTotal: fxDec("0")}
	gc := mk(series.DocumentTypeGC, 1, MovementStatusBilled, 14, "24")
	gd := mk(series.DocumentTypeGD, 1, MovementStatusSummary, 15, "2")
	gd.CustomerID = ""
	gd.SupplierID = "S1"
	gd.Line[0].DebitAmount, gd.Line[0].CreditAmount = gd.Line[0].CreditAmount, nil
	gd.Line[0].Tax = nil
	return []StockMovement{gr, gr2, gt, ga, gc, gd}
}

func fxWorkDocuments() []WorkDocument {
	var out []WorkDocument
	types := []series.DocumentType{
		series.DocumentTypeCM, series.DocumentTypeCC, series.DocumentTypeFC, series.DocumentTypeFO,
		series.DocumentTypeNE, series.DocumentTypeOU, series.DocumentTypeOR, series.DocumentTypePF,
		series.DocumentTypeRP, series.DocumentTypeRE, series.DocumentTypeCS, series.DocumentTypeLD, series.DocumentTypeRA,
	}
	for i, typ := range types {
		no := fmt.Sprintf("%s A/1", typ)
		when := civil.DateTime{Date: civil.Date{Year: 2026, Month: time.January, Day: 2 + i}, Hour: 12, Minute: 0, Second: i}
		lines, tax, net, gross := fxLines(when.Date, []fxLine{{"PA", "Pequeno-almoço", "4", "7.5", "13", typ == series.DocumentTypeCC}})
		status := WorkStatusNormal
		switch typ {
		case series.DocumentTypeOR:
			status = WorkStatusCancelled
		case series.DocumentTypeCM:
			status = WorkStatusBilled
		}
		d := WorkDocument{
			DocumentNumber: no, ATCUD: fmt.Sprintf("CCJFJ%03d-1", i),
			DocumentStatus: WorkDocumentStatus{WorkStatus: status, WorkStatusDate: when, SourceID: "ana", SourceBilling: SourceBillingProduced},
			Hash:           fxHash(no), HashControl: "1",
			WorkDate: when.Date, WorkType: typ, SourceID: "ana", SystemEntryDate: when, CustomerID: "C1",
			Line:           lines,
			DocumentTotals: DocumentTotals{TaxPayable: tax, NetTotal: net, GrossTotal: gross},
		}
		if status == WorkStatusCancelled {
			d.DocumentStatus.Reason = "Orçamento recusado"
		}
		out = append(out, d)
	}
	// A table consultation without tax (Tax is optional in WorkingDocuments).
	out[0].Line[0].Tax = nil
	out[0].DocumentTotals = DocumentTotals{TaxPayable: fxDec("0"), NetTotal: fxDec("30"), GrossTotal: fxDec("30")}
	out[0].Period = 1
	out[0].EACCode = "56101"
	out[0].TransactionID = "2026-01-15 VND 1"
	out[0].DocumentTotals.Currency = &Currency{CurrencyCode: "USD", CurrencyAmount: fxDec("32.78"), ExchangeRate: fxDec("1.0925")}
	return out
}

func fxPayments() []Payment {
	rc := Payment{
		PaymentRefNo: "RC A/1", ATCUD: "DDJFJ001-1", Period: 1, TransactionID: "2026-01-15 VND 1",
		TransactionDate: fxDate("2026-01-25"), PaymentType: series.DocumentTypeRC, Description: "Recibo IVA de caixa",
		SystemID: "RC-0001",
		DocumentStatus: PaymentDocumentStatus{PaymentStatus: PaymentStatusNormal, PaymentStatusDate: fxDT("2026-01-25T11:00:00"),
			SourceID: "ana", SourcePayment: SourceBillingProduced},
		PaymentMethod: []PaymentMethod{{PaymentMechanism: PaymentMechanismBankTransfer, PaymentAmount: fxDec("106"), PaymentDate: fxDate("2026-01-25")}},
		SourceID:      "ana", SystemEntryDate: fxDT("2026-01-25T11:00:00"), CustomerID: "C1",
		Line: []PaymentLine{{
			LineNumber:       1,
			SourceDocumentID: []SourceDocumentID{{OriginatingON: "ND A/1", InvoiceDate: fxDate("2026-01-20"), Description: "Nota de débito"}},
			CreditAmount:     fxDecp("100"),
			Tax:              &PaymentTax{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeReduced, TaxPercentage: fxDecp("6")},
		}},
		DocumentTotals: PaymentTotals{TaxPayable: fxDec("6"), NetTotal: fxDec("100"), GrossTotal: fxDec("106")},
	}
	rg := Payment{
		PaymentRefNo: "RG A/1", ATCUD: "DDJFJ002-1", TransactionDate: fxDate("2026-01-26"), PaymentType: series.DocumentTypeRG,
		DocumentStatus: PaymentDocumentStatus{PaymentStatus: PaymentStatusNormal, PaymentStatusDate: fxDT("2026-01-26T15:30:00"),
			SourceID: "ana", SourcePayment: SourceBillingIntegrated},
		PaymentMethod: []PaymentMethod{{PaymentAmount: fxDec("421.27"), PaymentDate: fxDate("2026-01-26")}},
		SourceID:      "ana", SystemEntryDate: fxDT("2026-01-26T15:30:00"), CustomerID: "C1",
		Line: []PaymentLine{
			{LineNumber: 1, SourceDocumentID: []SourceDocumentID{{OriginatingON: "FT A/1", InvoiceDate: fxDate("2026-01-15")}},
				SettlementAmount: fxDecp("9.23"), CreditAmount: fxDecp("430.50")},
			{LineNumber: 2, SourceDocumentID: []SourceDocumentID{{OriginatingON: "NC A/1", InvoiceDate: fxDate("2026-01-21")}, {OriginatingON: "FT A/3", InvoiceDate: fxDate("2026-01-17")}},
				DebitAmount: fxDecp("0.01")},
		},
		DocumentTotals: PaymentTotals{TaxPayable: fxDec("0"), NetTotal: fxDec("421.26"), GrossTotal: fxDec("421.26"),
			Settlement: &PaymentSettlement{SettlementAmount: fxDec("9.23")},
			Currency:   &Currency{CurrencyCode: "CHF", CurrencyAmount: fxDec("400.20"), ExchangeRate: fxDec("0.95")}},
		WithholdingTax: []WithholdingTax{{WithholdingTaxType: WithholdingTaxTypeIRS, WithholdingTaxAmount: fxDec("0")}, {WithholdingTaxAmount: fxDec("0.01")}},
	}
	rg2 := rg
	rg2.PaymentRefNo, rg2.ATCUD = "RG A/2", "DDJFJ002-2"
	rg2.DocumentStatus.PaymentStatus = PaymentStatusCancelled
	rg2.DocumentStatus.Reason = "Emitido por engano"
	rg2.WithholdingTax = nil
	return []Payment{rc, rg, rg2}
}

// fxFullFile covers every section, element and document type (TaxAccountingBasis I).
func fxFullFile() *AuditFile {
	f := &AuditFile{
		Header: fxFullHeader(),
		MasterFiles: MasterFiles{
			GeneralLedgerAccounts: &GeneralLedgerAccounts{TaxonomyReference: TaxonomyReferenceSNC, Account: append(fxAccounts(),
				Account{AccountID: "2433", AccountDescription: "IVA liquidado", GroupingCategory: GroupingCategoryGM, GroupingCode: "24", TaxonomyCode: 45,
					OpeningDebitBalance: fxDec("0"), OpeningCreditBalance: fxDec("0"), ClosingDebitBalance: fxDec("0"), ClosingCreditBalance: fxDec("80.5")},
				Account{AccountID: "24", AccountDescription: "Estado e outros entes públicos", GroupingCategory: GroupingCategoryGR}),
			},
			Customer: fxCustomers(),
			Supplier: fxSuppliers(),
			Product:  fxProducts(),
			TaxTable: &TaxTable{TaxTableEntry: fxTaxTable()},
		},
		GeneralLedgerEntries: &GeneralLedgerEntries{Journal: fxLedger()},
		SourceDocuments: &SourceDocuments{
			SalesInvoices:    &SalesInvoices{Invoice: fxInvoices()},
			MovementOfGoods:  &MovementOfGoods{StockMovement: fxMovements()},
			WorkingDocuments: &WorkingDocuments{WorkDocument: fxWorkDocuments()},
			Payments:         &Payments{Payment: fxPayments()},
		},
	}
	// An integrated file (I) gives every sales document and receipt the
	// accounting transaction that records it (4.1.4.13, 4.4.4.4).
	for i := range f.SourceDocuments.SalesInvoices.Invoice {
		f.SourceDocuments.SalesInvoices.Invoice[i].TransactionID = "2026-01-15 VND 1"
	}
	for i := range f.SourceDocuments.Payments.Payment {
		f.SourceDocuments.Payments.Payment[i].TransactionID = "2026-01-15 VND 1"
	}
	f.UpdateControlTotals()
	return f
}

// fxInvoicingFile is a month's invoicing file (F): customers, products,
// tax table, sales invoices and payments.
func fxInvoicingFile() *AuditFile {
	f := &AuditFile{
		Header: MonthlyInvoicingHeader(fxCompany, fxSoftware, 2026, time.January, fxDate("2026-02-01")),
		MasterFiles: MasterFiles{
			Customer: fxCustomers(), Product: fxProducts(), TaxTable: &TaxTable{TaxTableEntry: fxTaxTable()},
		},
		SourceDocuments: &SourceDocuments{
			SalesInvoices: &SalesInvoices{Invoice: fxInvoices()},
			Payments:      &Payments{Payment: fxPayments()},
		},
	}
	f.UpdateControlTotals()
	return f
}

// fxAccountingFile is a year's accounting file (C).
func fxAccountingFile() *AuditFile {
	accounts := append(fxAccounts(),
		Account{AccountID: "24", AccountDescription: "Estado e outros entes públicos", GroupingCategory: GroupingCategoryGR},
		Account{AccountID: "2433", AccountDescription: "IVA liquidado", GroupingCategory: GroupingCategoryGM, GroupingCode: "24", TaxonomyCode: 45,
			ClosingCreditBalance: fxDec("80.5")})
	f := &AuditFile{
		Header: AccountingHeader(fxCompany, fxSoftware, 2026, fxDate("2026-01-01"), fxDate("2026-12-31"), fxDate("2027-03-01")),
		MasterFiles: MasterFiles{
			GeneralLedgerAccounts: &GeneralLedgerAccounts{TaxonomyReference: TaxonomyReferenceSNC, Account: accounts},
			Customer:              fxCustomers(),
			Supplier:              fxSuppliers(),
		},
		GeneralLedgerEntries: &GeneralLedgerEntries{Journal: fxLedger()},
	}
	f.UpdateControlTotals()
	return f
}
