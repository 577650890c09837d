package saft

// The valid file the validation tests break, one rule at a time: small,
// but with every section and the elements the assertions look at.

func valVAT(rate string) *Tax {
	code := TaxCodeNormal
	if rate == "0" {
		code = TaxCodeExempt
	}
	return &Tax{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: code, TaxPercentage: fxDecp(rate)}
}

func valLine(n int, product string, net string, tax *Tax) InvoiceLine {
	l := InvoiceLine{
		LineNumber: n, ProductCode: product, ProductDescription: "Alojamento", Quantity: fxDec("1"),
		UnitOfMeasure: "noite", UnitPrice: fxDec(net), TaxPointDate: fxDate("2026-01-10"),
		Description: "Noite em quarto duplo", CreditAmount: fxDecp(net), Tax: tax,
	}
	if tax != nil && tax.TaxPercentage != nil && tax.TaxPercentage.IsZero() {
		l.TaxExemptionReason = "Artigo 9.º do CIVA"
		l.TaxExemptionCode = "M07"
	}
	return l
}

func valStatus(status InvoiceStatus) InvoiceDocumentStatus {
	return InvoiceDocumentStatus{InvoiceStatus: status, InvoiceStatusDate: fxDT("2026-01-10T10:00:00"), SourceID: "ana", SourceBilling: SourceBillingProduced}
}

func valFile() *AuditFile {
	return &AuditFile{
		Header: Header{
			AuditFileVersion: "1.04_01", CompanyID: "Conservatória de Lisboa 509999999", TaxRegistrationNumber: "509999999",
			TaxAccountingBasis: TaxAccountingBasisInvoicing, CompanyName: "Hotel Miradouro, Lda",
			CompanyAddress: Address{AddressDetail: "Rua da Alegria, 12", City: "Lisboa", PostalCode: "1250-004", Country: "PT"},
			FiscalYear:     2026, StartDate: fxDate("2026-01-01"), EndDate: fxDate("2026-01-31"), CurrencyCode: "EUR",
			DateCreated: fxDate("2026-02-02"), TaxEntity: "Global", ProductCompanyTaxID: "510000002",
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
				{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeNormal, Description: "Taxa normal", TaxPercentage: fxDecp("23")},
				{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeReduced, Description: "Taxa reduzida", TaxPercentage: fxDecp("6")},
				{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeExempt, Description: "Isenta", TaxPercentage: fxDecp("0")},
				{TaxType: TaxTypeStampDuty, TaxCountryRegion: "PT", TaxCode: "1.1", Description: "Verba 1.1", TaxAmount: fxDecp("5")},
			}},
		},
		GeneralLedgerEntries: &GeneralLedgerEntries{
			Journal: []Journal{{JournalID: "VND", Description: "Vendas", Transaction: []Transaction{{
				TransactionID: "2026-01-10 VND 1", Period: 1, TransactionDate: fxDate("2026-01-10"), SourceID: "ana",
				Description: "FT A/1", DocArchivalNumber: "1", TransactionType: TransactionTypeNormal, GLPostingDate: fxDate("2026-01-10"),
				CustomerID: "C1",
				Lines: TransactionLines{
					DebitLine:  []DebitLine{{RecordID: "1", AccountID: "211", SystemEntryDate: fxDT("2026-01-10T10:00:00"), Description: "FT A/1", DebitAmount: fxDec("123.00")}},
					CreditLine: []CreditLine{{RecordID: "2", AccountID: "721", SystemEntryDate: fxDT("2026-01-10T10:00:00"), Description: "FT A/1", CreditAmount: fxDec("123.00")}},
				},
			}}}},
		},
		SourceDocuments: &SourceDocuments{
			SalesInvoices: &SalesInvoices{Invoice: []Invoice{
				{
					InvoiceNo: "FT A/1", ATCUD: "CSDF7T5H-1", DocumentStatus: valStatus(InvoiceStatusNormal),
					Hash: fxHash("FT A/1"), HashControl: "1", InvoiceDate: fxDate("2026-01-10"), InvoiceType: "FT",
					SourceID: "ana", SystemEntryDate: fxDT("2026-01-10T10:00:00"), CustomerID: "C1",
					Line: []InvoiceLine{
						valLine(1, "ALOJ", "100.00", valVAT("23")),
						valLine(2, "AGUA", "0.00", valVAT("0")),
					},
					DocumentTotals: InvoiceTotals{TaxPayable: fxDec("23.00"), NetTotal: fxDec("100.00"), GrossTotal: fxDec("123.00"),
						Payment: []PaymentMethod{{PaymentMechanism: PaymentMechanismCash, PaymentAmount: fxDec("123.00"), PaymentDate: fxDate("2026-01-10")}}},
				},
				{
					InvoiceNo: "FS A/1", ATCUD: "CSDF7T5J-1", DocumentStatus: valStatus(InvoiceStatusNormal),
					Hash: fxHash("FS A/1"), HashControl: "1", InvoiceDate: fxDate("2026-01-11"), InvoiceType: "FS",
					SourceID: "ana", SystemEntryDate: fxDT("2026-01-11T09:00:00"), CustomerID: "CF",
					Line: []InvoiceLine{
						// A stamp-duty line: TaxBase, UnitPrice 0, amount 0 (assertions 6, 7).
						{LineNumber: 1, ProductCode: "ALOJ", ProductDescription: "Alojamento", Quantity: fxDec("1"), UnitOfMeasure: "un",
							UnitPrice: fxDec("0"), TaxBase: fxDecp("1000.00"), TaxPointDate: fxDate("2026-01-11"), Description: "Imposto do selo",
							CreditAmount: fxDecp("0"), Tax: &Tax{TaxType: TaxTypeStampDuty, TaxCountryRegion: "PT", TaxCode: "1.1", TaxAmount: fxDecp("5")}},
					},
					DocumentTotals: InvoiceTotals{TaxPayable: fxDec("5.00"), NetTotal: fxDec("0.00"), GrossTotal: fxDec("5.00")},
				},
			}},
			MovementOfGoods: &MovementOfGoods{StockMovement: []StockMovement{{
				DocumentNumber: "GR A/1", ATCUD: "CSDF7T5K-1",
				DocumentStatus: MovementDocumentStatus{MovementStatus: MovementStatusNormal, MovementStatusDate: fxDT("2026-01-12T08:00:00"), SourceID: "ana", SourceBilling: SourceBillingProduced},
				Hash:           fxHash("GR A/1"), HashControl: "1", MovementDate: fxDate("2026-01-12"), MovementType: "GR",
				SystemEntryDate: fxDT("2026-01-12T08:00:00"), CustomerID: "C1", SourceID: "ana",
				MovementStartTime: fxDT("2026-01-12T09:00:00"),
				Line: []StockMovementLine{{
					LineNumber: 1, ProductCode: "AGUA", ProductDescription: "Água", Quantity: fxDec("10"), UnitOfMeasure: "un",
					UnitPrice: fxDec("1.00"), Description: "Água", CreditAmount: fxDecp("10.00"),
					Tax: &MovementTax{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeReduced, TaxPercentage: fxDec("6")},
				}},
				DocumentTotals: DocumentTotals{TaxPayable: fxDec("0.60"), NetTotal: fxDec("10.00"), GrossTotal: fxDec("10.60")},
			}}},
			WorkingDocuments: &WorkingDocuments{WorkDocument: []WorkDocument{{
				DocumentNumber: "PF A/1", ATCUD: "CSDF7T5L-1",
				DocumentStatus: WorkDocumentStatus{WorkStatus: WorkStatusNormal, WorkStatusDate: fxDT("2026-01-13T08:00:00"), SourceID: "ana", SourceBilling: SourceBillingProduced},
				Hash:           fxHash("PF A/1"), HashControl: "1", WorkDate: fxDate("2026-01-13"), WorkType: "PF", SourceID: "ana",
				SystemEntryDate: fxDT("2026-01-13T08:00:00"), CustomerID: "C1",
				Line:           []InvoiceLine{valLine(1, "ALOJ", "100.00", valVAT("23"))},
				DocumentTotals: DocumentTotals{TaxPayable: fxDec("23.00"), NetTotal: fxDec("100.00"), GrossTotal: fxDec("123.00")},
			}}},
			Payments: &Payments{Payment: []Payment{
				{
					PaymentRefNo: "RC A/1", ATCUD: "CSDF7T5M-1", TransactionDate: fxDate("2026-01-14"), PaymentType: "RC",
					DocumentStatus: PaymentDocumentStatus{PaymentStatus: PaymentStatusNormal, PaymentStatusDate: fxDT("2026-01-14T08:00:00"), SourceID: "ana", SourcePayment: SourceBillingProduced},
					PaymentMethod:  []PaymentMethod{{PaymentMechanism: PaymentMechanismBankTransfer, PaymentAmount: fxDec("123.00"), PaymentDate: fxDate("2026-01-14")}},
					SourceID:       "ana", SystemEntryDate: fxDT("2026-01-14T08:00:00"), CustomerID: "C1",
					Line: []PaymentLine{{
						LineNumber: 1, SourceDocumentID: []SourceDocumentID{{OriginatingON: "FT A/1", InvoiceDate: fxDate("2026-01-10")}},
						CreditAmount: fxDecp("100.00"),
						Tax:          &PaymentTax{TaxType: TaxTypeVAT, TaxCountryRegion: "PT", TaxCode: TaxCodeNormal, TaxPercentage: fxDecp("23")},
					}},
					DocumentTotals: PaymentTotals{TaxPayable: fxDec("23.00"), NetTotal: fxDec("100.00"), GrossTotal: fxDec("123.00")},
				},
				{
					PaymentRefNo: "RG A/1", ATCUD: "CSDF7T5N-1", TransactionDate: fxDate("2026-01-15"), PaymentType: "RG",
					DocumentStatus: PaymentDocumentStatus{PaymentStatus: PaymentStatusNormal, PaymentStatusDate: fxDT("2026-01-15T08:00:00"), SourceID: "ana", SourcePayment: SourceBillingProduced},
					SourceID:       "ana", SystemEntryDate: fxDT("2026-01-15T08:00:00"), CustomerID: "C1",
					Line: []PaymentLine{{
						LineNumber: 1, SourceDocumentID: []SourceDocumentID{{OriginatingON: "FT A/1", InvoiceDate: fxDate("2026-01-10")}},
						CreditAmount: fxDecp("123.00"),
					}},
					DocumentTotals: PaymentTotals{TaxPayable: fxDec("0.00"), NetTotal: fxDec("123.00"), GrossTotal: fxDec("123.00")},
				},
			}},
		},
	}
}
