package selfbilling

import (
	"slices"

	"github.com/faturapt/faturapt/series"
)

// PartnerType is the kind of entity the self-billing agreement is with
// (comunicarEmNomeDe, acordoRegistadoCom; self-billing manual §1.3.14).
type PartnerType string

// Partner types.
const (
	NationalSupplier PartnerType = "FN" // Fornecedor Nacional: the supplier has a Portuguese NIF
	ForeignSupplier  PartnerType = "FE" // Fornecedor Estrangeiro: the supplier is identified abroad
	ForeignCustomer  PartnerType = "CE" // Adquirente Estrangeiro: a foreign customer bills in the communicator's name
)

var partnerTypes = []PartnerType{NationalSupplier, ForeignSupplier, ForeignCustomer}

var partnerTypeDesc = map[PartnerType][2]string{
	NationalSupplier: {"Fornecedor Nacional", "National supplier"},
	ForeignSupplier:  {"Fornecedor Estrangeiro", "Foreign supplier"},
	ForeignCustomer:  {"Adquirente Estrangeiro", "Foreign customer"},
}

// Values returns every partner type, in the manual's order.
func (PartnerType) Values() []PartnerType { return slices.Clone(partnerTypes) }

// Valid reports whether p is one of the codes of §1.3.14.
func (p PartnerType) Valid() bool { _, ok := partnerTypeDesc[p]; return ok }

// Foreign reports whether the partner is identified abroad (FE, CE), when
// the country and foreign name of the request apply.
func (p PartnerType) Foreign() bool { return p == ForeignSupplier || p == ForeignCustomer }

// Description returns the manual's Portuguese description, "" when invalid.
func (p PartnerType) Description() string { return partnerTypeDesc[p][0] }

// DescriptionEN returns the English description, "" when invalid.
func (p PartnerType) DescriptionEN() string { return partnerTypeDesc[p][1] }

// AgreementStatus is the state of a self-billing agreement (estado,
// self-billing manual §1.3.8).
type AgreementStatus string

// Agreement states.
const (
	AgreementActive    AgreementStatus = "A" // Ativo
	AgreementFinalized AgreementStatus = "F" // Finalizado
)

var agreementStatuses = []AgreementStatus{AgreementActive, AgreementFinalized}

var agreementStatusDesc = map[AgreementStatus][2]string{
	AgreementActive:    {"Ativo", "Active"},
	AgreementFinalized: {"Finalizado", "Finalized"},
}

// Values returns every agreement status, in the manual's order.
func (AgreementStatus) Values() []AgreementStatus { return slices.Clone(agreementStatuses) }

// Valid reports whether s is one of the codes of §1.3.8.
func (s AgreementStatus) Valid() bool { _, ok := agreementStatusDesc[s]; return ok }

// Description returns the manual's Portuguese description, "" when invalid.
func (s AgreementStatus) Description() string { return agreementStatusDesc[s][0] }

// DescriptionEN returns the English description, "" when invalid.
func (s AgreementStatus) DescriptionEN() string { return agreementStatusDesc[s][1] }

// DocumentTypes returns the document types of a self-billing series: the
// invoices and correcting documents of class SI (self-billing manual
// §1.3.10 and §1.3.11).
func DocumentTypes() []series.DocumentType { return series.DocumentClassSI.DocumentTypes() }

// Operation is an operation of the self-billing series service (§2).
type Operation string

// The five operations, in the manual's order.
const (
	OpRegister        Operation = "register"         // registarSerieAutofaturacao, §2.1
	OpCancel          Operation = "cancel"           // anularSerieAutofaturacao, §2.2
	OpFinalize        Operation = "finalize"         // finalizarSerieAutofaturacao, §2.3
	OpQuerySeries     Operation = "query-series"     // consultarSeriesAutofaturacao, §2.4
	OpQueryAgreements Operation = "query-agreements" // consultarAcordosAutofaturacao, §2.5
)

var operations = []Operation{OpRegister, OpCancel, OpFinalize, OpQuerySeries, OpQueryAgreements}

// Values returns the five operations.
func (Operation) Values() []Operation { return slices.Clone(operations) }

// Valid reports whether o is one of the operations.
func (o Operation) Valid() bool { return slices.Contains(operations, o) }

// ReturnCodes returns the codes the self-billing manual documents for op
// (§2.1.4, §2.2.4, §2.3.4, §2.4.4, §2.5.4), success first; nil for an
// unknown operation. The register and cancel tables also have a row "4###"
// whose number the manual leaves out (a partner type not matching the
// agreement): such a code is a refusal like the others, and no value here
// stands for it. Unlike the ordinary series manual, none documents 4000.
func ReturnCodes(op Operation) []series.ReturnCode {
	switch op {
	case OpRegister:
		return []series.ReturnCode{series.Code2001, series.Code4001, series.Code4002, series.Code4003,
			series.Code4043, series.Code4045, series.Code4046, series.Code4049, series.Code5000}
	case OpCancel:
		return []series.ReturnCode{series.Code2003, series.Code4004, series.Code4051, series.Code5000}
	case OpFinalize:
		return []series.ReturnCode{series.Code2004, series.Code4005, series.Code4047, series.Code5000}
	case OpQuerySeries, OpQueryAgreements:
		return []series.ReturnCode{series.Code2002, series.Code4048, series.Code5000}
	}
	return nil
}
