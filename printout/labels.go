package printout

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
)

// Labels are the words of the layout: column heads, totals, the names of
// payment mechanisms. The legal mentions are not labels: the law gives
// them in Portuguese and they are printed as it gives them, whatever the
// language of the layout. Dates are DD-MM-AAAA in every language
// (Despacho 8632/2014 §2.2.4).
type Labels struct {
	// Titles name the document types; a type missing here is named by
	// series.DocumentType.Description.
	Titles map[series.DocumentType]string
	// Copies name the copies (Original, Duplicate, Triplicate, Reprint).
	Copies map[Copy]string

	TaxID, Customer, Page, Of, Date                                    string
	Code, Description, Quantity, Unit, UnitPrice, Discount, Tax, Value string
	CarriedForward, BroughtForward                                     string
	TaxSummary, Rate, Base, TaxAmount                                  string
	NetTotal, Discounts, TaxPayable, GrossTotal, GlobalDiscount        string
	Payable, Payments, Settlement, Until, Withholding                  string
	Exempt, NotSubject, StampDuty, VAT                                 string
	SupplyDate, References, LoadingPlace, UnloadingPlace, Start        string
	SettledDocument, SettledDate, Received, SoftwareHouse              string
	// Regions name the fiscal spaces other than the mainland.
	Azores, Madeira string
	// Mechanisms name the payment mechanisms (SAF-T PaymentMechanism).
	Mechanisms map[saft.PaymentMechanism]string
	// DecimalSeparator and GroupSeparator write amounts.
	DecimalSeparator, GroupSeparator string
	// Currency follows an amount in the totals.
	Currency string
}

// Portuguese is the default table.
var Portuguese = Labels{
	Titles: map[series.DocumentType]string{
		series.DocumentTypeRG: "Recibo",
		series.DocumentTypeRC: "Recibo (regime de IVA de caixa)",
		series.DocumentTypeOR: "Orçamento",
		series.DocumentTypeCM: "Consulta de mesa",
		series.DocumentTypeFO: "Folha de obra",
	},
	Copies: map[Copy]string{Original: "Original", Duplicate: "Duplicado", Triplicate: "Triplicado", Reprint: "2.ª via"},
	TaxID:  "NIF", Customer: "Cliente", Page: "Página", Of: "de", Date: "Data",
	Code: "Código", Description: "Descrição", Quantity: "Qtd.", Unit: "Un.", UnitPrice: "Preço unit.",
	Discount: "Desc. %", Tax: "IVA", Value: "Valor",
	CarriedForward: "A transportar", BroughtForward: "Transporte",
	TaxSummary: "Resumo do IVA", Rate: "Taxa", Base: "Incidência", TaxAmount: "Imposto",
	NetTotal: "Total sem IVA", Discounts: "Descontos", TaxPayable: "Total do IVA", GrossTotal: "Total",
	GlobalDiscount: "Desconto global", Payable: "Total a pagar", Payments: "Pagamentos",
	Settlement: "Desconto de pronto pagamento", Until: "até", Withholding: "Retenção na fonte",
	Exempt: "Isento", NotSubject: "Não sujeito", StampDuty: "Imposto do Selo", VAT: "IVA",
	SupplyDate: "Data da entrega ou prestação", References: "Documento retificado",
	LoadingPlace: "Local de carga", UnloadingPlace: "Local de descarga", Start: "Início do transporte",
	SettledDocument: "Documento", SettledDate: "Data do documento", Received: "Total recebido",
	SoftwareHouse: "Produtor do programa",
	Azores:        "Açores", Madeira: "Madeira",
	Mechanisms: map[saft.PaymentMechanism]string{
		saft.PaymentMechanismCreditCard: "Cartão de crédito", saft.PaymentMechanismDebitCard: "Cartão de débito",
		saft.PaymentMechanismCheque: "Cheque bancário", saft.PaymentMechanismLetterOfCredit: "Crédito documentário",
		saft.PaymentMechanismGiftCheque: "Cheque ou cartão oferta", saft.PaymentMechanismBalance: "Compensação de saldos",
		saft.PaymentMechanismElectronicMoney: "Dinheiro eletrónico", saft.PaymentMechanismBill: "Letra comercial",
		saft.PaymentMechanismMultibanco: "Referência Multibanco", saft.PaymentMechanismCash: "Numerário",
		saft.PaymentMechanismOther: "Outro", saft.PaymentMechanismBarter: "Permuta de bens",
		saft.PaymentMechanismBankTransfer: "Transferência bancária", saft.PaymentMechanismMealVoucher: "Títulos de compensação extrassalarial",
	},
	DecimalSeparator: ",", GroupSeparator: "\u00a0", Currency: "€",
}

// English is the layout in English, for customers abroad. The document
// type keeps its Portuguese name after the English one, and the legal
// mentions stay in Portuguese.
var English = Labels{
	Titles: map[series.DocumentType]string{
		series.DocumentTypeFT: "Invoice (Fatura)", series.DocumentTypeFS: "Simplified invoice (Fatura simplificada)",
		series.DocumentTypeFR: "Invoice-receipt (Fatura-recibo)", series.DocumentTypeNC: "Credit note (Nota de crédito)",
		series.DocumentTypeND: "Debit note (Nota de débito)", series.DocumentTypePF: "Pro forma (Pró-forma)",
		series.DocumentTypeOR: "Quotation (Orçamento)", series.DocumentTypeGT: "Transport guide (Guia de transporte)",
		series.DocumentTypeGR: "Delivery note (Guia de remessa)", series.DocumentTypeRG: "Receipt (Recibo)",
		series.DocumentTypeRC: "Receipt, VAT cash scheme (Recibo, regime de IVA de caixa)",
	},
	Copies: map[Copy]string{Original: "Original", Duplicate: "Duplicate (Duplicado)", Triplicate: "Triplicate (Triplicado)", Reprint: "Reprint (2.ª via)"},
	TaxID:  "Tax ID (NIF)", Customer: "Customer", Page: "Page", Of: "of", Date: "Date",
	Code: "Code", Description: "Description", Quantity: "Qty", Unit: "Unit", UnitPrice: "Unit price",
	Discount: "Disc. %", Tax: "VAT", Value: "Amount",
	CarriedForward: "Carried forward", BroughtForward: "Brought forward",
	TaxSummary: "VAT summary", Rate: "Rate", Base: "Taxable amount", TaxAmount: "Tax",
	NetTotal: "Total excl. VAT", Discounts: "Discounts", TaxPayable: "Total VAT", GrossTotal: "Total",
	GlobalDiscount: "Global discount", Payable: "Amount due", Payments: "Payments",
	Settlement: "Early payment discount", Until: "until", Withholding: "Withholding tax",
	Exempt: "Exempt", NotSubject: "Not subject", StampDuty: "Stamp duty", VAT: "VAT",
	SupplyDate: "Date of supply", References: "Document corrected",
	LoadingPlace: "Place of loading", UnloadingPlace: "Place of unloading", Start: "Transport starts",
	SettledDocument: "Document", SettledDate: "Document date", Received: "Total received",
	SoftwareHouse: "Software producer",
	Azores:        "Azores", Madeira: "Madeira",
	Mechanisms: map[saft.PaymentMechanism]string{
		saft.PaymentMechanismCreditCard: "Credit card", saft.PaymentMechanismDebitCard: "Debit card",
		saft.PaymentMechanismCheque: "Cheque", saft.PaymentMechanismLetterOfCredit: "Letter of credit",
		saft.PaymentMechanismGiftCheque: "Gift card or voucher", saft.PaymentMechanismBalance: "Offsetting of balances",
		saft.PaymentMechanismElectronicMoney: "Electronic money", saft.PaymentMechanismBill: "Bill of exchange",
		saft.PaymentMechanismMultibanco: "Multibanco reference", saft.PaymentMechanismCash: "Cash",
		saft.PaymentMechanismOther: "Other", saft.PaymentMechanismBarter: "Barter",
		saft.PaymentMechanismBankTransfer: "Bank transfer", saft.PaymentMechanismMealVoucher: "Meal vouchers",
	},
	DecimalSeparator: ".", GroupSeparator: ",", Currency: "EUR",
}

func (l *Labels) title(t series.DocumentType) string {
	if s, ok := l.Titles[t]; ok {
		return s
	}
	return t.Description()
}

func (l *Labels) mechanism(m saft.PaymentMechanism) string {
	if s, ok := l.Mechanisms[m]; ok {
		return s
	}
	return string(m)
}

// Money writes an amount with two decimals and grouped thousands:
// "1 234,56" in Portuguese (the group separator a no-break space).
func (l *Labels) Money(d decimal.Decimal) string {
	return l.number(d.StringFixed(2))
}

// Number writes a quantity or price as exact as it is, with at least
// min decimals: "1,5", "89,625".
func (l *Labels) Number(d decimal.Decimal, min int) string {
	s := d.String()
	if _, frac, _ := strings.Cut(s, "."); len(frac) < min {
		s = d.StringFixed(int32(min))
	}
	return l.number(s)
}

func (l *Labels) number(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(l.GroupSeparator)
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString(l.DecimalSeparator)
		b.WriteString(frac)
	}
	return b.String()
}

// Date writes d as DD-MM-AAAA (Despacho 8632/2014 §2.2.4).
func Date(d civil.Date) string {
	b := []byte("00-00-0000")
	put := func(at, width, v int) {
		for i := at + width - 1; i >= at; i-- {
			b[i] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, 2, d.Day)
	put(3, 2, int(d.Month))
	put(6, 4, d.Year)
	return string(b)
}

// DateTime writes t as DD-MM-AAAA HH:MM.
func DateTime(t civil.DateTime) string {
	b := []byte(Date(t.Date) + " 00:00")
	b[11], b[12] = byte('0'+t.Hour/10), byte('0'+t.Hour%10)
	b[14], b[15] = byte('0'+t.Minute/10), byte('0'+t.Minute%10)
	return string(b)
}
