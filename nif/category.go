package nif

// Category is the kind of taxpayer a NIF's leading digits stand for.
type Category string

// The categories of the assigned NIF ranges (see the package comment).
const (
	CategoryIndividual             Category = "individual"                // 1, 2, 3
	CategoryNonResidentIndividual  Category = "non-resident-individual"   // 45
	CategoryLegalPerson            Category = "legal-person"              // 5
	CategoryPublicEntity           Category = "public-entity"             // 6
	CategoryUndividedEstate        Category = "undivided-estate"          // 70, 74, 75
	CategoryNonResidentLegalPerson Category = "non-resident-legal-person" // 71
	CategoryInvestmentFund         Category = "investment-fund"           // 72
	CategoryOfficiallyAssigned     Category = "officially-assigned"       // 77
	CategoryVATRefund              Category = "vat-refund-non-resident"   // 78
	CategoryExceptionalRegime      Category = "exceptional-regime"        // 79
	CategorySoleTraderLegacy       Category = "sole-trader-legacy"        // 8
	CategoryCondominium            Category = "condominium-or-irregular"  // 90, 91
	CategoryNonResidentNoPE        Category = "non-resident-no-permanent" // 98
	CategoryCivilSociety           Category = "civil-society"             // 99
	CategoryFinalConsumer          Category = "final-consumer"            // 999999990 only
)

var categoryInfo = map[Category][2]string{ // Portuguese, English
	CategoryIndividual:             {"Pessoa singular", "Individual"},
	CategoryNonResidentIndividual:  {"Pessoa singular não residente", "Non-resident individual"},
	CategoryLegalPerson:            {"Pessoa coletiva", "Legal person"},
	CategoryPublicEntity:           {"Organismo da Administração Pública", "Public administration body"},
	CategoryUndividedEstate:        {"Herança indivisa", "Undivided estate"},
	CategoryNonResidentLegalPerson: {"Pessoa coletiva não residente", "Non-resident legal person"},
	CategoryInvestmentFund:         {"Fundo de investimento", "Investment fund"},
	CategoryOfficiallyAssigned:     {"Atribuição oficiosa", "Assigned ex officio by AT"},
	CategoryVATRefund:              {"Não residente abrangido pelo reembolso de IVA", "Non-resident in the VAT refund procedure"},
	CategoryExceptionalRegime:      {"Regime excecional", "Exceptional regime"},
	CategorySoleTraderLegacy:       {"Empresário em nome individual (gama extinta)", "Sole trader (range no longer assigned)"},
	CategoryCondominium:            {"Condomínio, sociedade irregular ou herança de empresário", "Condominium, irregular company or sole trader's estate"},
	CategoryNonResidentNoPE:        {"Não residente sem estabelecimento estável", "Non-resident without permanent establishment"},
	CategoryCivilSociety:           {"Sociedade civil sem personalidade jurídica", "Civil society without legal personality"},
	CategoryFinalConsumer:          {"Consumidor final", "Final consumer"},
}

// Values returns every Category, in prefix order, ending with
// CategoryFinalConsumer.
func (Category) Values() []Category {
	return []Category{
		CategoryIndividual, CategoryNonResidentIndividual, CategoryLegalPerson, CategoryPublicEntity,
		CategoryUndividedEstate, CategoryNonResidentLegalPerson, CategoryInvestmentFund,
		CategoryOfficiallyAssigned, CategoryVATRefund, CategoryExceptionalRegime,
		CategorySoleTraderLegacy, CategoryCondominium, CategoryNonResidentNoPE, CategoryCivilSociety,
		CategoryFinalConsumer,
	}
}

// Valid reports whether c is one of the declared categories.
func (c Category) Valid() bool { _, ok := categoryInfo[c]; return ok }

// Description is the Portuguese name of the category ("" when invalid).
func (c Category) Description() string { return categoryInfo[c][0] }

// DescriptionEN is the English name of the category ("" when invalid).
func (c Category) DescriptionEN() string { return categoryInfo[c][1] }

// CategoryOf returns the category that the leading digits of s stand for, or
// "" when s is shorter than two bytes or its prefix is not an assigned range.
// It looks at the prefix only; use Validate to check the whole number.
func CategoryOf(s string) Category {
	if s == FinalConsumer {
		return CategoryFinalConsumer
	}
	if len(s) < 2 {
		return ""
	}
	switch s[0] {
	case '1', '2', '3':
		return CategoryIndividual
	case '5':
		return CategoryLegalPerson
	case '6':
		return CategoryPublicEntity
	case '8':
		return CategorySoleTraderLegacy
	}
	switch s[:2] {
	case "45":
		return CategoryNonResidentIndividual
	case "70", "74", "75":
		return CategoryUndividedEstate
	case "71":
		return CategoryNonResidentLegalPerson
	case "72":
		return CategoryInvestmentFund
	case "77":
		return CategoryOfficiallyAssigned
	case "78":
		return CategoryVATRefund
	case "79":
		return CategoryExceptionalRegime
	case "90", "91":
		return CategoryCondominium
	case "98":
		return CategoryNonResidentNoPE
	case "99":
		return CategoryCivilSociety
	}
	return ""
}
