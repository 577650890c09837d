package saft

import "slices"

// The code lists of the schema (SAFTPT1.04_01.xsd), as typed string
// constants. Each type has Values, its constants, and Valid, true for the
// schema's values only.
// Document types (InvoiceType, MovementType, WorkType, PaymentType) are
// series.DocumentType, shared with package series.

// TaxAccountingBasis is Header/TaxAccountingBasis (Portaria 302/2016, field
// 1.4): what the file contains.
type TaxAccountingBasis string

// Tax accounting bases of field 1.4.
const (
	TaxAccountingBasisAccounting          TaxAccountingBasis = "C" // Contabilidade: the accounting file
	TaxAccountingBasisThirdPartyInvoicing TaxAccountingBasis = "E" // Faturação emitida por terceiros
	TaxAccountingBasisInvoicing           TaxAccountingBasis = "F" // Faturação: the invoicing file
	TaxAccountingBasisIntegrated          TaxAccountingBasis = "I" // Contabilidade integrada com a faturação
	TaxAccountingBasisPartialInvoicing    TaxAccountingBasis = "P" // Faturação parcial
	TaxAccountingBasisReceipts            TaxAccountingBasis = "R" // Recibos
	TaxAccountingBasisSelfBilling         TaxAccountingBasis = "S" // Autofaturação
	TaxAccountingBasisTransportDocuments  TaxAccountingBasis = "T" // Documentos de transporte
)

// Values returns the schema's values.
func (TaxAccountingBasis) Values() []TaxAccountingBasis {
	return slices.Clone(taxAccountingBasisValues)
}

// Valid reports whether b is one of the schema's values.
func (b TaxAccountingBasis) Valid() bool { return slices.Contains(taxAccountingBasisValues, b) }

var taxAccountingBasisValues = []TaxAccountingBasis{TaxAccountingBasisAccounting, TaxAccountingBasisThirdPartyInvoicing, TaxAccountingBasisInvoicing, TaxAccountingBasisIntegrated, TaxAccountingBasisPartialInvoicing, TaxAccountingBasisReceipts, TaxAccountingBasisSelfBilling, TaxAccountingBasisTransportDocuments}

// TaxonomyReference is GeneralLedgerAccounts/TaxonomyReference (field
// 2.1.1): the chart-of-accounts taxonomy in use.
type TaxonomyReference string

// Taxonomy references of field 2.1.1.
const (
	TaxonomyReferenceSNC           TaxonomyReference = "S" // SNC base
	TaxonomyReferenceMicroEntities TaxonomyReference = "M" // SNC micro-entidades
	TaxonomyReferenceNonProfit     TaxonomyReference = "N" // SNC entidades do setor não lucrativo
	TaxonomyReferenceOther         TaxonomyReference = "O" // outras (no taxonomy)
)

// Values returns the schema's values.
func (TaxonomyReference) Values() []TaxonomyReference { return slices.Clone(taxonomyReferenceValues) }

// Valid reports whether r is one of the schema's values.
func (r TaxonomyReference) Valid() bool { return slices.Contains(taxonomyReferenceValues, r) }

var taxonomyReferenceValues = []TaxonomyReference{TaxonomyReferenceSNC, TaxonomyReferenceMicroEntities, TaxonomyReferenceNonProfit, TaxonomyReferenceOther}

// GroupingCategory is Account/GroupingCategory (field 2.1.2.7): the kind
// of general-ledger account.
type GroupingCategory string

// Grouping categories of field 2.1.2.7.
const (
	GroupingCategoryGR GroupingCategory = "GR" // conta de 1.º grau da contabilidade geral
	GroupingCategoryGA GroupingCategory = "GA" // conta agregadora ou integradora da contabilidade geral
	GroupingCategoryGM GroupingCategory = "GM" // conta de movimento da contabilidade geral
	GroupingCategoryAR GroupingCategory = "AR" // conta de 1.º grau da contabilidade analítica
	GroupingCategoryAA GroupingCategory = "AA" // conta agregadora ou integradora da contabilidade analítica
	GroupingCategoryAM GroupingCategory = "AM" // conta de movimento da contabilidade analítica
)

// Values returns the schema's values.
func (GroupingCategory) Values() []GroupingCategory { return slices.Clone(groupingCategoryValues) }

// Valid reports whether c is one of the schema's values.
func (c GroupingCategory) Valid() bool { return slices.Contains(groupingCategoryValues, c) }

var groupingCategoryValues = []GroupingCategory{GroupingCategoryGR, GroupingCategoryGA, GroupingCategoryGM, GroupingCategoryAR, GroupingCategoryAA, GroupingCategoryAM}

// ProductType is Product/ProductType (field 2.4.1).
type ProductType string

// Product types of field 2.4.1.
const (
	ProductTypeGoods    ProductType = "P" // Produtos
	ProductTypeServices ProductType = "S" // Serviços
	ProductTypeOther    ProductType = "O" // Outros (e.g. charged transport costs, advance payments)
	ProductTypeExcise   ProductType = "E" // Impostos especiais de consumo (IABA, ISP, IT)
	ProductTypeTax      ProductType = "I" // Impostos, taxas e encargos parafiscais, except VAT, IS and E
)

// Values returns the schema's values.
func (ProductType) Values() []ProductType { return slices.Clone(productTypeValues) }

// Valid reports whether t is one of the schema's values.
func (t ProductType) Valid() bool { return slices.Contains(productTypeValues, t) }

var productTypeValues = []ProductType{ProductTypeGoods, ProductTypeServices, ProductTypeOther, ProductTypeExcise, ProductTypeTax}

// TaxType is the tax of a TaxTableEntry or line (fields 2.5.1.1, 4.1.4.19.15.1).
type TaxType string

// Tax types.
const (
	TaxTypeVAT        TaxType = "IVA" // Imposto sobre o valor acrescentado
	TaxTypeStampDuty  TaxType = "IS"  // Imposto do selo
	TaxTypeNotSubject TaxType = "NS"  // Não sujeição a IVA ou IS
)

// Values returns the schema's values.
func (TaxType) Values() []TaxType { return slices.Clone(taxTypeValues) }

// Valid reports whether t is one of the schema's values.
func (t TaxType) Valid() bool { return slices.Contains(taxTypeValues, t) }

var taxTypeValues = []TaxType{TaxTypeVAT, TaxTypeStampDuty, TaxTypeNotSubject}

// TaxCode is the tax rate code (field 2.5.1.3): for VAT one of the named
// codes below; for stamp duty the code of the item of the Tabela Geral do
// Imposto do Selo; NS for not subject; NA (TaxTable, Payments) not
// applicable. The schema allows any code of up to 10 characters of
// [a-zA-Z0-9.], so TaxCode is open.
type TaxCode string

// Named tax codes.
const (
	TaxCodeReduced       TaxCode = "RED" // Taxa reduzida
	TaxCodeIntermediate  TaxCode = "INT" // Taxa intermédia
	TaxCodeNormal        TaxCode = "NOR" // Taxa normal
	TaxCodeExempt        TaxCode = "ISE" // Isenta
	TaxCodeOther         TaxCode = "OUT" // Outros, applicable to special VAT schemes
	TaxCodeNotSubject    TaxCode = "NS"  // Não sujeição
	TaxCodeNotApplicable TaxCode = "NA"  // Não aplicável (TaxTable and Payments only)
)

// Values returns the named tax codes. Valid accepts more: any code the
// schema's pattern allows (a stamp-duty item, for example).
func (TaxCode) Values() []TaxCode { return slices.Clone(taxCodeValues) }

var taxCodeValues = []TaxCode{TaxCodeReduced, TaxCodeIntermediate, TaxCodeNormal, TaxCodeExempt, TaxCodeOther, TaxCodeNotSubject, TaxCodeNotApplicable}

// Valid reports whether c matches the schema's TaxTableEntryTaxCode: 1 to
// 10 characters of [a-zA-Z0-9.].
func (c TaxCode) Valid() bool {
	if len(c) < 1 || len(c) > 10 {
		return false
	}
	for i := 0; i < len(c); i++ {
		ch := c[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '.') {
			return false
		}
	}
	return true
}

// TransactionType is Transaction/TransactionType (field 3.4.3.7).
type TransactionType string

// Transaction types of field 3.4.3.7.
const (
	TransactionTypeNormal         TransactionType = "N" // Normal
	TransactionTypeRegularization TransactionType = "R" // Regularizações do período de tributação
	TransactionTypeCalculation    TransactionType = "A" // Apuramento de resultados
	TransactionTypeAdjustment     TransactionType = "J" // Movimentos de ajustamento
)

// Values returns the schema's values.
func (TransactionType) Values() []TransactionType { return slices.Clone(transactionTypeValues) }

// Valid reports whether t is one of the schema's values.
func (t TransactionType) Valid() bool { return slices.Contains(transactionTypeValues, t) }

var transactionTypeValues = []TransactionType{TransactionTypeNormal, TransactionTypeRegularization, TransactionTypeCalculation, TransactionTypeAdjustment}

// InvoiceStatus is Invoice/DocumentStatus/InvoiceStatus (field 4.1.4.3.1).
type InvoiceStatus string

// Invoice statuses of field 4.1.4.3.1.
const (
	InvoiceStatusNormal     InvoiceStatus = "N" // Normal
	InvoiceStatusSelfBilled InvoiceStatus = "S" // Autofaturação
	InvoiceStatusCancelled  InvoiceStatus = "A" // Documento anulado
	InvoiceStatusSummary    InvoiceStatus = "R" // Documento de resumo de outros documentos criados noutras aplicações e gerado nesta aplicação
	InvoiceStatusBilled     InvoiceStatus = "F" // Documento faturado (another document of the file bills it)
)

// Values returns the schema's values.
func (InvoiceStatus) Values() []InvoiceStatus { return slices.Clone(invoiceStatusValues) }

// Valid reports whether s is one of the schema's values.
func (s InvoiceStatus) Valid() bool { return slices.Contains(invoiceStatusValues, s) }

var invoiceStatusValues = []InvoiceStatus{InvoiceStatusNormal, InvoiceStatusSelfBilled, InvoiceStatusCancelled, InvoiceStatusSummary, InvoiceStatusBilled}

// MovementStatus is StockMovement/DocumentStatus/MovementStatus (field 4.2.3.3.1).
type MovementStatus string

// Movement statuses of field 4.2.3.3.1.
const (
	MovementStatusNormal     MovementStatus = "N" // Normal
	MovementStatusThirdParty MovementStatus = "T" // Por conta de terceiros
	MovementStatusCancelled  MovementStatus = "A" // Documento anulado
	MovementStatusBilled     MovementStatus = "F" // Documento faturado
	MovementStatusSummary    MovementStatus = "R" // Documento de resumo
)

// Values returns the schema's values.
func (MovementStatus) Values() []MovementStatus { return slices.Clone(movementStatusValues) }

// Valid reports whether s is one of the schema's values.
func (s MovementStatus) Valid() bool { return slices.Contains(movementStatusValues, s) }

var movementStatusValues = []MovementStatus{MovementStatusNormal, MovementStatusThirdParty, MovementStatusCancelled, MovementStatusBilled, MovementStatusSummary}

// WorkStatus is WorkDocument/DocumentStatus/WorkStatus (field 4.3.4.3.1).
type WorkStatus string

// Work statuses of field 4.3.4.3.1.
const (
	WorkStatusNormal    WorkStatus = "N" // Normal
	WorkStatusCancelled WorkStatus = "A" // Documento anulado
	WorkStatusBilled    WorkStatus = "F" // Documento faturado
)

// Values returns the schema's values.
func (WorkStatus) Values() []WorkStatus { return slices.Clone(workStatusValues) }

// Valid reports whether s is one of the schema's values.
func (s WorkStatus) Valid() bool { return slices.Contains(workStatusValues, s) }

var workStatusValues = []WorkStatus{WorkStatusNormal, WorkStatusCancelled, WorkStatusBilled}

// PaymentStatus is Payment/DocumentStatus/PaymentStatus (field 4.4.4.9.1).
type PaymentStatus string

// Payment statuses of field 4.4.4.9.1.
const (
	PaymentStatusNormal    PaymentStatus = "N" // Recibo normal e vigente
	PaymentStatusCancelled PaymentStatus = "A" // Recibo anulado
)

// Values returns the schema's values.
func (PaymentStatus) Values() []PaymentStatus { return slices.Clone(paymentStatusValues) }

// Valid reports whether s is one of the schema's values.
func (s PaymentStatus) Valid() bool { return slices.Contains(paymentStatusValues, s) }

var paymentStatusValues = []PaymentStatus{PaymentStatusNormal, PaymentStatusCancelled}

// SourceBilling is DocumentStatus/SourceBilling or SourcePayment (fields
// 4.1.4.3.5, 4.4.4.9.5): where the document was produced.
type SourceBilling string

// Document origins.
const (
	SourceBillingProduced   SourceBilling = "P" // Documento produzido na aplicação
	SourceBillingIntegrated SourceBilling = "I" // Documento integrado e produzido noutra aplicação
	SourceBillingManual     SourceBilling = "M" // Documento proveniente de recuperação ou de emissão manual
)

// Values returns the schema's values.
func (SourceBilling) Values() []SourceBilling { return slices.Clone(sourceBillingValues) }

// Valid reports whether s is one of the schema's values.
func (s SourceBilling) Valid() bool { return slices.Contains(sourceBillingValues, s) }

var sourceBillingValues = []SourceBilling{SourceBillingProduced, SourceBillingIntegrated, SourceBillingManual}

// PaymentMechanism is the means of payment (fields 4.1.4.20.6.1, 4.4.4.10.1).
type PaymentMechanism string

// Payment mechanisms.
const (
	PaymentMechanismCreditCard      PaymentMechanism = "CC" // Cartão crédito
	PaymentMechanismDebitCard       PaymentMechanism = "CD" // Cartão débito
	PaymentMechanismCheque          PaymentMechanism = "CH" // Cheque bancário
	PaymentMechanismLetterOfCredit  PaymentMechanism = "CI" // Letter of credit
	PaymentMechanismGiftCheque      PaymentMechanism = "CO" // Cheque ou cartão oferta
	PaymentMechanismBalance         PaymentMechanism = "CS" // Compensação de saldos em conta corrente
	PaymentMechanismElectronicMoney PaymentMechanism = "DE" // Dinheiro eletrónico
	PaymentMechanismBill            PaymentMechanism = "LC" // Letra comercial
	PaymentMechanismMultibanco      PaymentMechanism = "MB" // Referências de pagamento para Multibanco
	PaymentMechanismCash            PaymentMechanism = "NU" // Numerário
	PaymentMechanismOther           PaymentMechanism = "OU" // Outros meios aqui não assinalados
	PaymentMechanismBarter          PaymentMechanism = "PR" // Permuta de bens
	PaymentMechanismBankTransfer    PaymentMechanism = "TB" // Transferência bancária ou débito direto autorizado
	PaymentMechanismMealVoucher     PaymentMechanism = "TR" // Títulos de compensação extrassalarial
)

// Values returns the schema's values.
func (PaymentMechanism) Values() []PaymentMechanism { return slices.Clone(paymentMechanismValues) }

// Valid reports whether m is one of the schema's values.
func (m PaymentMechanism) Valid() bool { return slices.Contains(paymentMechanismValues, m) }

var paymentMechanismValues = []PaymentMechanism{PaymentMechanismCreditCard, PaymentMechanismDebitCard, PaymentMechanismCheque, PaymentMechanismLetterOfCredit, PaymentMechanismGiftCheque, PaymentMechanismBalance, PaymentMechanismElectronicMoney, PaymentMechanismBill, PaymentMechanismMultibanco, PaymentMechanismCash, PaymentMechanismOther, PaymentMechanismBarter, PaymentMechanismBankTransfer, PaymentMechanismMealVoucher}

// WithholdingTaxType is WithholdingTax/WithholdingTaxType (field 4.1.4.21.1).
type WithholdingTaxType string

// Withholding tax types.
const (
	WithholdingTaxTypeIRS WithholdingTaxType = "IRS" // Imposto sobre o rendimento das pessoas singulares
	WithholdingTaxTypeIRC WithholdingTaxType = "IRC" // Imposto sobre o rendimento das pessoas coletivas
	WithholdingTaxTypeIS  WithholdingTaxType = "IS"  // Imposto do selo
)

// Values returns the schema's values.
func (WithholdingTaxType) Values() []WithholdingTaxType {
	return slices.Clone(withholdingTaxTypeValues)
}

// Valid reports whether t is one of the schema's values.
func (t WithholdingTaxType) Valid() bool { return slices.Contains(withholdingTaxTypeValues, t) }

var withholdingTaxTypeValues = []WithholdingTaxType{WithholdingTaxTypeIRS, WithholdingTaxTypeIRC, WithholdingTaxTypeIS}

// Fixed values of the Header.
const (
	// AuditFileVersion is the only version this package writes (field 1.1).
	AuditFileVersion = "1.04_01"
	// Namespace is the SAF-T (PT) 1.04_01 XML namespace.
	Namespace = "urn:OECD:StandardAuditFile-Tax:PT_1.04_01"
	// CurrencyEUR is Header/CurrencyCode, always EUR (field 1.11).
	CurrencyEUR = "EUR"
	// Unknown is "Desconhecido", the value the Portaria prescribes for
	// unknown customer data (e.g. field 2.2.6.3 AddressDetail, 2.2.2 AccountID).
	Unknown = "Desconhecido"
)
