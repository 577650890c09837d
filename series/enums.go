package series

// This file holds the code tables of the series manual §1.3.4–§1.3.9. The
// codes are what goes on the wire (tipoSerie, classeDoc, tipoDoc, estado,
// meioProcessamento, motivoEstado); descriptions are the manual's Portuguese
// text plus an English rendering.

// SeriesType is the kind of series (tipoSerie, series manual §1.3.5).
// Self-billing series, registered through AT's other series service on
// behalf of a supplier, have their own type A (self-billing manual §1.3.9);
// the ordinary service accepts only N, F and R.
type SeriesType string

// Series types.
const (
	SeriesTypeNormal      SeriesType = "N" // Normal
	SeriesTypeTraining    SeriesType = "F" // Formação: training, documents without fiscal effect
	SeriesTypeRecovery    SeriesType = "R" // Recuperação: recovery of documents issued while the program was down
	SeriesTypeSelfBilling SeriesType = "A" // Autofaturação com acordo: self-billing under an agreement (package selfbilling)
)

var seriesTypes = []SeriesType{SeriesTypeNormal, SeriesTypeTraining, SeriesTypeRecovery, SeriesTypeSelfBilling}

var seriesTypeDesc = map[SeriesType][2]string{
	SeriesTypeNormal:      {"Normal", "Normal"},
	SeriesTypeTraining:    {"Formação", "Training"},
	SeriesTypeRecovery:    {"Recuperação", "Recovery"},
	SeriesTypeSelfBilling: {"Autofaturação com acordo", "Self-billing under an agreement"},
}

// Values returns every series type, in the manual's order, then A.
func (SeriesType) Values() []SeriesType { return clone(seriesTypes) }

// Valid reports whether t is one of the codes of §1.3.5 or the self-billing
// type A.
func (t SeriesType) Valid() bool { _, ok := seriesTypeDesc[t]; return ok }

// Description returns the manual's Portuguese description, "" when invalid.
func (t SeriesType) Description() string { return seriesTypeDesc[t][0] }

// DescriptionEN returns the English description, "" when invalid.
func (t SeriesType) DescriptionEN() string { return seriesTypeDesc[t][1] }

// DocumentClass groups document types (classeDoc, series manual §1.3.6).
type DocumentClass string

// Document classes.
const (
	DocumentClassSI DocumentClass = "SI" // invoices and correcting documents
	DocumentClassMG DocumentClass = "MG" // transport (movement of goods) documents
	DocumentClassWD DocumentClass = "WD" // working (conference) documents
	DocumentClassPY DocumentClass = "PY" // receipts (payments)
)

var documentClasses = []DocumentClass{DocumentClassSI, DocumentClassMG, DocumentClassWD, DocumentClassPY}

var documentClassDesc = map[DocumentClass][2]string{
	DocumentClassSI: {"Faturas e documentos retificativos", "Invoices and correcting documents"},
	DocumentClassMG: {"Documentos de Transporte", "Transport documents"},
	DocumentClassWD: {"Documentos de Conferência", "Working documents"},
	DocumentClassPY: {"Recibos", "Receipts"},
}

// Values returns every document class, in the manual's order.
func (DocumentClass) Values() []DocumentClass { return clone(documentClasses) }

// Valid reports whether c is one of the codes of §1.3.6.
func (c DocumentClass) Valid() bool { _, ok := documentClassDesc[c]; return ok }

// Description returns the manual's Portuguese description, "" when invalid.
func (c DocumentClass) Description() string { return documentClassDesc[c][0] }

// DescriptionEN returns the English description, "" when invalid.
func (c DocumentClass) DescriptionEN() string { return documentClassDesc[c][1] }

// DocumentTypes returns the document types of class c, in the manual's order.
func (c DocumentClass) DocumentTypes() []DocumentType {
	var out []DocumentType
	for _, t := range documentTypes {
		if t.Class() == c {
			out = append(out, t)
		}
	}
	return out
}

// DocumentType is the type of the documents of a series (tipoDoc, series
// manual §1.3.7). The same codes are SAF-T's InvoiceType, MovementType,
// WorkType and PaymentType.
type DocumentType string

// Document types of §1.3.7.
const (
	DocumentTypeFT DocumentType = "FT" // Fatura (SI)
	DocumentTypeFS DocumentType = "FS" // Fatura simplificada (SI)
	DocumentTypeFR DocumentType = "FR" // Fatura-recibo (SI)
	DocumentTypeND DocumentType = "ND" // Nota de débito (SI)
	DocumentTypeNC DocumentType = "NC" // Nota de crédito (SI)
	DocumentTypeGR DocumentType = "GR" // Guia de remessa (MG)
	DocumentTypeGT DocumentType = "GT" // Guia de transporte (MG)
	DocumentTypeGA DocumentType = "GA" // Guia de movimentação de ativos fixos próprios (MG)
	DocumentTypeGC DocumentType = "GC" // Guia de consignação (MG)
	DocumentTypeGD DocumentType = "GD" // Guia ou nota de devolução (MG)
	DocumentTypeCM DocumentType = "CM" // Consultas de mesa (WD)
	DocumentTypeCC DocumentType = "CC" // Crédito de consignação (WD)
	DocumentTypeFC DocumentType = "FC" // Fatura de consignação (WD)
	DocumentTypeFO DocumentType = "FO" // Folhas de obra (WD)
	DocumentTypeNE DocumentType = "NE" // Nota de encomenda (WD)
	DocumentTypeOU DocumentType = "OU" // Outros (WD)
	DocumentTypeOR DocumentType = "OR" // Orçamentos (WD)
	DocumentTypePF DocumentType = "PF" // Pró-forma (WD)
	DocumentTypeRP DocumentType = "RP" // Prémio ou recibo de prémio (WD)
	DocumentTypeRE DocumentType = "RE" // Estorno ou recibo de estorno (WD)
	DocumentTypeCS DocumentType = "CS" // Imputação a cosseguradoras (WD)
	DocumentTypeLD DocumentType = "LD" // Imputação a cosseguradora líder (WD)
	DocumentTypeRA DocumentType = "RA" // Resseguro aceite (WD)
	DocumentTypeRC DocumentType = "RC" // Recibo emitido no âmbito do regime de IVA de Caixa (PY)
	DocumentTypeRG DocumentType = "RG" // Outros recibos emitidos (PY)
)

type documentTypeInfo struct {
	class  DocumentClass
	pt, en string
}

var documentTypes = []DocumentType{
	DocumentTypeFT, DocumentTypeFS, DocumentTypeFR, DocumentTypeND, DocumentTypeNC,
	DocumentTypeGR, DocumentTypeGT, DocumentTypeGA, DocumentTypeGC, DocumentTypeGD,
	DocumentTypeCM, DocumentTypeCC, DocumentTypeFC, DocumentTypeFO, DocumentTypeNE,
	DocumentTypeOU, DocumentTypeOR, DocumentTypePF, DocumentTypeRP, DocumentTypeRE,
	DocumentTypeCS, DocumentTypeLD, DocumentTypeRA, DocumentTypeRC, DocumentTypeRG,
}

var documentTypeInfos = map[DocumentType]documentTypeInfo{
	DocumentTypeFT: {DocumentClassSI, "Fatura", "Invoice"},
	DocumentTypeFS: {DocumentClassSI, "Fatura simplificada", "Simplified invoice"},
	DocumentTypeFR: {DocumentClassSI, "Fatura-recibo", "Invoice-receipt"},
	DocumentTypeND: {DocumentClassSI, "Nota de débito", "Debit note"},
	DocumentTypeNC: {DocumentClassSI, "Nota de crédito", "Credit note"},
	DocumentTypeGR: {DocumentClassMG, "Guia de remessa", "Delivery note"},
	DocumentTypeGT: {DocumentClassMG, "Guia de transporte", "Transport guide"},
	DocumentTypeGA: {DocumentClassMG, "Guia de movimentação de ativos fixos próprios", "Guide for the movement of own fixed assets"},
	DocumentTypeGC: {DocumentClassMG, "Guia de consignação", "Consignment guide"},
	DocumentTypeGD: {DocumentClassMG, "Guia ou nota de devolução", "Return guide or note"},
	DocumentTypeCM: {DocumentClassWD, "Consultas de mesa", "Table consultation"},
	DocumentTypeCC: {DocumentClassWD, "Crédito de consignação", "Consignment credit"},
	DocumentTypeFC: {DocumentClassWD, "Fatura de consignação", "Consignment invoice"},
	DocumentTypeFO: {DocumentClassWD, "Folhas de obra", "Work sheets"},
	DocumentTypeNE: {DocumentClassWD, "Nota de encomenda", "Purchase order"},
	DocumentTypeOU: {DocumentClassWD, "Outros", "Others"},
	DocumentTypeOR: {DocumentClassWD, "Orçamentos", "Quotations"},
	DocumentTypePF: {DocumentClassWD, "Pró-forma", "Pro forma"},
	DocumentTypeRP: {DocumentClassWD, "Prémio ou recibo de prémio", "Premium or premium receipt"},
	DocumentTypeRE: {DocumentClassWD, "Estorno ou recibo de estorno", "Chargeback or chargeback receipt"},
	DocumentTypeCS: {DocumentClassWD, "Imputação a cosseguradoras", "Allocation to co-insurers"},
	DocumentTypeLD: {DocumentClassWD, "Imputação a cosseguradora líder", "Allocation to the lead co-insurer"},
	DocumentTypeRA: {DocumentClassWD, "Resseguro aceite", "Accepted reinsurance"},
	DocumentTypeRC: {DocumentClassPY, "Recibo emitido no âmbito do regime de IVA de Caixa", "Receipt under the VAT cash accounting scheme"},
	DocumentTypeRG: {DocumentClassPY, "Outros recibos emitidos", "Other receipts issued"},
}

// Values returns all 25 document types, in the manual's order.
func (DocumentType) Values() []DocumentType { return clone(documentTypes) }

// Valid reports whether t is one of the 25 codes of §1.3.7.
func (t DocumentType) Valid() bool { _, ok := documentTypeInfos[t]; return ok }

// Class returns the document class of t (§1.3.7, last column), "" when t is
// not valid.
func (t DocumentType) Class() DocumentClass { return documentTypeInfos[t].class }

// Description returns the manual's Portuguese description, "" when invalid.
func (t DocumentType) Description() string { return documentTypeInfos[t].pt }

// DescriptionEN returns the English description, "" when invalid.
func (t DocumentType) DescriptionEN() string { return documentTypeInfos[t].en }

// ProcessingMeans is how the series' documents are produced
// (meioProcessamento, series manual §1.3.8).
type ProcessingMeans string

// Processing means.
const (
	ProcessingMeansInvoicingProgram ProcessingMeans = "PI" // Programa Informático de Faturação
	ProcessingMeansTaxPortal        ProcessingMeans = "PF" // Portal das Finanças
	ProcessingMeansOtherElectronic  ProcessingMeans = "OM" // Outros Meios Eletrónicos
)

var processingMeans = []ProcessingMeans{ProcessingMeansInvoicingProgram, ProcessingMeansTaxPortal, ProcessingMeansOtherElectronic}

var processingMeansDesc = map[ProcessingMeans][2]string{
	ProcessingMeansInvoicingProgram: {"Programa Informático de Faturação", "Invoicing software"},
	ProcessingMeansTaxPortal:        {"Portal das Finanças", "Tax portal (Portal das Finanças)"},
	ProcessingMeansOtherElectronic:  {"Outros Meios Eletrónicos", "Other electronic means"},
}

// Values returns every processing means, in the manual's order.
func (ProcessingMeans) Values() []ProcessingMeans { return clone(processingMeans) }

// Valid reports whether m is one of the codes of §1.3.8.
func (m ProcessingMeans) Valid() bool { _, ok := processingMeansDesc[m]; return ok }

// Description returns the manual's Portuguese description, "" when invalid.
func (m ProcessingMeans) Description() string { return processingMeansDesc[m][0] }

// DescriptionEN returns the English description, "" when invalid.
func (m ProcessingMeans) DescriptionEN() string { return processingMeansDesc[m][1] }

// Status is the state of a communicated series (estado, series manual §1.3.3
// and §1.3.4).
type Status string

// Series states.
const (
	StatusActive    Status = "A" // Ativa: registered, documents may be issued
	StatusCancelled Status = "N" // Anulada: registration cancelled, no document was issued
	StatusFinalized Status = "F" // Finalizada: closed, no further documents
)

var statuses = []Status{StatusActive, StatusCancelled, StatusFinalized}

var statusDesc = map[Status][2]string{
	StatusActive:    {"Ativa", "Active"},
	StatusCancelled: {"Anulada", "Cancelled"},
	StatusFinalized: {"Finalizada", "Finalized"},
}

// Values returns every status, in the manual's order.
func (Status) Values() []Status { return clone(statuses) }

// Valid reports whether s is one of the codes of §1.3.4.
func (s Status) Valid() bool { _, ok := statusDesc[s]; return ok }

// Description returns the manual's Portuguese description, "" when invalid.
func (s Status) Description() string { return statusDesc[s][0] }

// DescriptionEN returns the English description, "" when invalid.
func (s Status) DescriptionEN() string { return statusDesc[s][1] }

// CancellationReason justifies cancelling a series' communication
// (motivo, series manual §1.3.9).
type CancellationReason string

// Cancellation reasons.
const (
	CancellationReasonError CancellationReason = "ER" // Anulação por erro de registo
)

var cancellationReasons = []CancellationReason{CancellationReasonError}

var cancellationReasonDesc = map[CancellationReason][2]string{
	CancellationReasonError: {"Anulação por erro de registo", "Cancelled because of a registration error"},
}

// Values returns every cancellation reason.
func (CancellationReason) Values() []CancellationReason { return clone(cancellationReasons) }

// Valid reports whether r is one of the codes of §1.3.9.
func (r CancellationReason) Valid() bool { _, ok := cancellationReasonDesc[r]; return ok }

// Description returns the manual's Portuguese description, "" when invalid.
func (r CancellationReason) Description() string { return cancellationReasonDesc[r][0] }

// DescriptionEN returns the English description, "" when invalid.
func (r CancellationReason) DescriptionEN() string { return cancellationReasonDesc[r][1] }

// clone returns a copy so callers cannot alter the package's tables.
func clone[T any](s []T) []T { return append([]T(nil), s...) }
