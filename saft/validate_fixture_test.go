package saft

import (
	"crypto/sha256"
	"encoding/base64"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
)

// The valid file the validation tests break, one rule at a time: small,
// but with every section and the elements the assertions look at.

func valDec(s string) decimal.Decimal   { return decimal.RequireFromString(s) }
func valDecp(s string) *decimal.Decimal { d := valDec(s); return &d }
func valDate(s string) civil.Date {
	d, err := civil.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
func valDT(s string) civil.DateTime {
	d, err := civil.ParseDateTime(s)
	if err != nil {
		panic(err)
	}
	return d
}

// valHash is a 172-character base64 string, as long as an RSA-1024
// signature.
func valHash(seed string) string {
	var b []byte
	h := sha256.Sum256([]byte(seed))
	for len(b) < 128 {
		b = append(b, h[:]...)
		h = sha256.Sum256(h[:])
	}
	return base64.StdEncoding.EncodeToString(b[:128])
}

func valVAT(rate string) *Tax {
	code := TaxCodeNormal
	if rate == "0" {
		code = TaxCodeExempt
	}
	return &Tax{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: code, TaxPercentage: valDecp(rate)}
}

func valLine(n int, product string, net string, tax *Tax) InvoiceLine {
	l := InvoiceLine{
		LineNumber: n, ProductCode: product, ProductDescription: "Alojamento", Quantity: valDec("1"),
		UnitOfMeasure: "noite", UnitPrice: valDec(net), TaxPointDate: valDate("2026-01-10"),
		Description: "Noite em quarto duplo", CreditAmount: valDecp(net), Tax: tax,
	}
	if tax != nil && tax.TaxPercentage != nil && tax.TaxPercentage.IsZero() {
		l.TaxExemptionReason = "Artigo 9.º do CIVA"
		l.TaxExemptionCode = "M07"
	}
	return l
}

func valStatus(status InvoiceStatus) InvoiceDocumentStatus {
	return InvoiceDocumentStatus{InvoiceStatus: status, InvoiceStatusDate: valDT("2026-01-10T10:00:00"), SourceID: "ana", SourceBilling: SourceBillingProduced}
}

func valFile() *AuditFile {
	return &AuditFile{
		Header: Header{
			AuditFileVersion: "1.04_01", CompanyID: "Conservatória de Lisboa 509999999", TaxRegistrationNumber: "509999999",
			TaxAccountingBasis: TaxAccountingBasisInvoicing, CompanyName: "Hotel Miradouro, Lda",
			CompanyAddress: Address{AddressDetail: "Rua da Alegria, 12", City: "Lisboa", PostalCode: "1250-004", Country: "PT"},
			FiscalYear:     2026, StartDate: valDate("2026-01-01"), EndDate: valDate("2026-01-31"), CurrencyCode: "EUR",
			DateCreated: valDate("2026-02-02"), TaxEntity: "Global", ProductCompanyTaxID: "510000002",
			SoftwareCertificateNumber: 9999, ProductID: "FaturaPT/FaturaPT Lda", ProductVersion: "1.0",
		},
		MasterFiles: MasterFiles{
			GeneralLedgerAccounts: &GeneralLedgerAccounts{
				TaxonomyReference: TaxonomyReferenceSNC,
				Account: []Account{
					{AccountID: "21", AccountDescription: "Clientes", GroupingCategory: GroupingCategoryGR},
					{AccountID: "211", AccountDescription: "Clientes c/c", GroupingCategory: GroupingCategoryGM, GroupingCode: "21", TaxonomyCode: 10},
					{AccountID: "72", AccountDescription: "Prestações de serviços", GroupingCategory: GroupingCategoryGR},
					{AccountID: "721", AccountDescription: "Alojamento", GroupingCategory: GroupingCategoryGM, GroupingCode: "72", TaxonomyCode: 500},
				},
			},
			Customer: []Customer{
				{CustomerID: "C1", AccountID: "211", CustomerTaxID: "123456789", CompanyName: "Maria Silva",
					BillingAddress: CustomerAddress{AddressDetail: "Rua A, 1", City: "Porto", PostalCode: "4000-001", Country: "PT"}},
				{CustomerID: "CF", AccountID: "Desconhecido", CustomerTaxID: "999999990", CompanyName: "Consumidor final",
					BillingAddress: CustomerAddress{AddressDetail: Unknown, City: Unknown, PostalCode: Unknown, Country: Unknown}},
			},
			Supplier: []Supplier{
				{SupplierID: "S1", AccountID: "Desconhecido", SupplierTaxID: "500000000", CompanyName: "Lavandaria, Lda",
					BillingAddress: Address{AddressDetail: "Rua B, 2", City: "Lisboa", PostalCode: "1000-001", Country: "PT"}},
			},
			Product: []Product{
				{ProductType: ProductTypeServices, ProductCode: "ALOJ", ProductDescription: "Alojamento", ProductNumberCode: "ALOJ"},
				{ProductType: ProductTypeGoods, ProductCode: "AGUA", ProductDescription: "Água", ProductNumberCode: "5600000000001"},
			},
			TaxTable: &TaxTable{TaxTableEntry: []TaxTableEntry{
				{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeNormal, Description: "Taxa normal", TaxPercentage: valDecp("23")},
				{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeReduced, Description: "Taxa reduzida", TaxPercentage: valDecp("6")},
				{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeExempt, Description: "Isenta", TaxPercentage: valDecp("0")},
				{TaxType: TaxTypeStampDuty, TaxCountryRegion: "PT", TaxCode: "1.1", Description: "Verba 1.1", TaxAmount: valDecp("5")},
			}},
		},
		GeneralLedgerEntries: &GeneralLedgerEntries{
			Journal: []Journal{{JournalID: "VND", Description: "Vendas", Transaction: []Transaction{{
				TransactionID: "2026-01-10 VND 1", Period: 1, TransactionDate: valDate("2026-01-10"), SourceID: "ana",
				Description: "FT A/1", DocArchivalNumber: "1", TransactionType: TransactionTypeNormal, GLPostingDate: valDate("2026-01-10"),
				CustomerID: "C1",
				Lines: TransactionLines{
					DebitLine:  []DebitLine{{RecordID: "1", AccountID: "211", SystemEntryDate: valDT("2026-01-10T10:00:00"), Description: "FT A/1", DebitAmount: valDec("123.00")}},
					CreditLine: []CreditLine{{RecordID: "2", AccountID: "721", SystemEntryDate: valDT("2026-01-10T10:00:00"), Description: "FT A/1", CreditAmount: valDec("123.00")}},
				},
			}}}},
		},
		SourceDocuments: &SourceDocuments{
			SalesInvoices: &SalesInvoices{Invoice: []Invoice{
				{
					InvoiceNo: "FT A/1", ATCUD: "CSDF7T5H-1", DocumentStatus: valStatus(InvoiceStatusNormal),
					Hash: valHash("FT A/1"), HashControl: "1", InvoiceDate: valDate("2026-01-10"), InvoiceType: "FT",
					SourceID: "ana", SystemEntryDate: valDT("2026-01-10T10:00:00"), CustomerID: "C1",
					Line: []InvoiceLine{
						valLine(1, "ALOJ", "100.00", valVAT("23")),
						valLine(2, "AGUA", "0.00", valVAT("0")),
					},
					DocumentTotals: InvoiceTotals{TaxPayable: valDec("23.00"), NetTotal: valDec("100.00"), GrossTotal: valDec("123.00"),
						Payment: []PaymentMethod{{PaymentMechanism: PaymentMechanismCash, PaymentAmount: valDec("123.00"), PaymentDate: valDate("2026-01-10")}}},
				},
				{
					InvoiceNo: "FS A/1", ATCUD: "CSDF7T5J-1", DocumentStatus: valStatus(InvoiceStatusNormal),
					Hash: valHash("FS A/1"), HashControl: "1", InvoiceDate: valDate("2026-01-11"), InvoiceType: "FS",
					SourceID: "ana", SystemEntryDate: valDT("2026-01-11T09:00:00"), CustomerID: "CF",
					Line: []InvoiceLine{
						// A stamp-duty line: TaxBase, UnitPrice 0, amount 0 (assertions 6, 7).
						{LineNumber: 1, ProductCode: "ALOJ", ProductDescription: "Alojamento", Quantity: valDec("1"), UnitOfMeasure: "un",
							UnitPrice: valDec("0"), TaxBase: valDecp("1000.00"), TaxPointDate: valDate("2026-01-11"), Description: "Imposto do selo",
							CreditAmount: valDecp("0"), Tax: &Tax{TaxType: TaxTypeStampDuty, TaxCountryRegion: "PT", TaxCode: "1.1", TaxAmount: valDecp("5")}},
					},
					DocumentTotals: InvoiceTotals{TaxPayable: valDec("5.00"), NetTotal: valDec("0.00"), GrossTotal: valDec("5.00")},
				},
			}},
			MovementOfGoods: &MovementOfGoods{StockMovement: []StockMovement{{
				DocumentNumber: "GR A/1", ATCUD: "CSDF7T5K-1",
				DocumentStatus: MovementDocumentStatus{MovementStatus: MovementStatusNormal, MovementStatusDate: valDT("2026-01-12T08:00:00"), SourceID: "ana", SourceBilling: SourceBillingProduced},
				Hash:           valHash("GR A/1"), HashControl: "1", MovementDate: valDate("2026-01-12"), MovementType: "GR",
				SystemEntryDate: valDT("2026-01-12T08:00:00"), CustomerID: "C1", SourceID: "ana",
				MovementStartTime: valDT("2026-01-12T09:00:00"),
				Line: []StockMovementLine{{
					LineNumber: 1, ProductCode: "AGUA", ProductDescription: "Água", Quantity: valDec("10"), UnitOfMeasure: "un",
					UnitPrice: valDec("1.00"), Description: "Água", CreditAmount: valDecp("10.00"),
					Tax: &MovementTax{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeReduced, TaxPercentage: valDec("6")},
				}},
				DocumentTotals: DocumentTotals{TaxPayable: valDec("0.60"), NetTotal: valDec("10.00"), GrossTotal: valDec("10.60")},
			}}},
			WorkingDocuments: &WorkingDocuments{WorkDocument: []WorkDocument{{
				DocumentNumber: "PF A/1", ATCUD: "CSDF7T5L-1",
				DocumentStatus: WorkDocumentStatus{WorkStatus: WorkStatusNormal, WorkStatusDate: valDT("2026-01-13T08:00:00"), SourceID: "ana", SourceBilling: SourceBillingProduced},
				Hash:           valHash("PF A/1"), HashControl: "1", WorkDate: valDate("2026-01-13"), WorkType: "PF", SourceID: "ana",
				SystemEntryDate: valDT("2026-01-13T08:00:00"), CustomerID: "C1",
				Line:           []InvoiceLine{valLine(1, "ALOJ", "100.00", valVAT("23"))},
				DocumentTotals: DocumentTotals{TaxPayable: valDec("23.00"), NetTotal: valDec("100.00"), GrossTotal: valDec("123.00")},
			}}},
			Payments: &Payments{Payment: []Payment{
				{
					PaymentRefNo: "RC A/1", ATCUD: "CSDF7T5M-1", TransactionDate: valDate("2026-01-14"), PaymentType: "RC",
					DocumentStatus: PaymentDocumentStatus{PaymentStatus: PaymentStatusNormal, PaymentStatusDate: valDT("2026-01-14T08:00:00"), SourceID: "ana", SourcePayment: SourceBillingProduced},
					PaymentMethod:  []PaymentMethod{{PaymentMechanism: PaymentMechanismBankTransfer, PaymentAmount: valDec("123.00"), PaymentDate: valDate("2026-01-14")}},
					SourceID:       "ana", SystemEntryDate: valDT("2026-01-14T08:00:00"), CustomerID: "C1",
					Line: []PaymentLine{{
						LineNumber: 1, SourceDocumentID: []SourceDocumentID{{OriginatingON: "FT A/1", InvoiceDate: valDate("2026-01-10")}},
						CreditAmount: valDecp("100.00"),
						Tax:          &PaymentTax{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeNormal, TaxPercentage: valDecp("23")},
					}},
					DocumentTotals: PaymentTotals{TaxPayable: valDec("23.00"), NetTotal: valDec("100.00"), GrossTotal: valDec("123.00")},
				},
				{
					PaymentRefNo: "RG A/1", ATCUD: "CSDF7T5N-1", TransactionDate: valDate("2026-01-15"), PaymentType: "RG",
					DocumentStatus: PaymentDocumentStatus{PaymentStatus: PaymentStatusNormal, PaymentStatusDate: valDT("2026-01-15T08:00:00"), SourceID: "ana", SourcePayment: SourceBillingProduced},
					SourceID:       "ana", SystemEntryDate: valDT("2026-01-15T08:00:00"), CustomerID: "C1",
					Line: []PaymentLine{{
						LineNumber: 1, SourceDocumentID: []SourceDocumentID{{OriginatingON: "FT A/1", InvoiceDate: valDate("2026-01-10")}},
						CreditAmount: valDecp("123.00"),
					}},
					DocumentTotals: PaymentTotals{TaxPayable: valDec("0.00"), NetTotal: valDec("123.00"), GrossTotal: valDec("123.00")},
				},
			}},
		},
	}
}
