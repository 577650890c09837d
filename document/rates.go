package document

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
)

// Rate is a VAT rate in force from a date in a fiscal space.
type Rate struct {
	Region   Region
	Category Category
	Percent  decimal.Decimal
	// From is the first day the rate applies to a tax point date.
	From civil.Date
	// Source is the legal source, for the reader of the table.
	Source string
}

// Rates is a table of VAT rates with their effective dates. The rate of a
// line is the one of its region and category with the latest From not
// after its tax point date (CIVA art. 8: VAT is due at the tax point).
type Rates []Rate

// DefaultRates returns the rates this package knows, a new slice the
// caller may extend: append a rate with a later From to follow a change
// of law before this package does.
//
// Mainland: 6, 13 and 23 % (CIVA art. 18 n.º 1, rates since Lei
// 55-A/2010 for 2011). Azores: 4, 9 and 16 % (CIVA art. 18 n.º 3 and the
// regional decree applied from 2021-07-01). Madeira: 5, 12 and 22 % (CIVA
// art. 18 n.º 3 and the regional decree applied from 2012-04-01). The law
// texts of the regional rates are not among the sources this library
// ships; the dates above are the ones the rates are generally known to
// apply from, and documents with an earlier tax point date get no rate
// (DOC-RATE-UNKNOWN) unless the caller supplies one.
func DefaultRates() Rates {
	d := func(y, m, day int) civil.Date { return civil.Date{Year: y, Month: time.Month(m), Day: day} }
	p := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	const (
		mainland = "CIVA art. 18 n.º 1 (Lei 55-A/2010)"
		azores   = "CIVA art. 18 n.º 3, Região Autónoma dos Açores"
		madeira  = "CIVA art. 18 n.º 3, Região Autónoma da Madeira"
	)
	return Rates{
		{Mainland, Reduced, p("6"), d(2011, 1, 1), mainland},
		{Mainland, Intermediate, p("13"), d(2011, 1, 1), mainland},
		{Mainland, Normal, p("23"), d(2011, 1, 1), mainland},
		{Azores, Reduced, p("4"), d(2021, 7, 1), azores},
		{Azores, Intermediate, p("9"), d(2021, 7, 1), azores},
		{Azores, Normal, p("16"), d(2021, 7, 1), azores},
		{Madeira, Reduced, p("5"), d(2012, 4, 1), madeira},
		{Madeira, Intermediate, p("12"), d(2012, 4, 1), madeira},
		{Madeira, Normal, p("22"), d(2012, 4, 1), madeira},
	}
}

// defaultRates is the table a draft without one uses, never changed.
var defaultRates = DefaultRates()

// Lookup returns the rate of region and category in force on date.
func (rs Rates) Lookup(region Region, c Category, date civil.Date) (Rate, bool) {
	var best Rate
	found := false
	for _, r := range rs {
		if r.Region != region || r.Category != c || r.From.After(date) {
			continue
		}
		if !found || r.From.After(best.From) {
			best, found = r, true
		}
	}
	return best, found
}

// Exemption is a reason for not charging VAT, from AT's table of
// exemption codes (TaxExemptionCode, SAF-T 4.1.4.19.17).
type Exemption struct {
	Code string
	// Mention is the text the document prints (TaxExemptionReason).
	Mention string
	// Law is the provision that applies.
	Law string
}

// ReverseCharge reports whether the code is one of reverse charge: the
// customer accounts for the VAT, and the document says "IVA -
// autoliquidação" (CIVA art. 36 n.º 13).
func (e Exemption) ReverseCharge() bool { return e.Code >= "M30" && e.Code <= "M43" }

// NotSubject reports whether the code is M99: an operation not subject to
// VAT, SAF-T TaxType NS, QR code field L.
func (e Exemption) NotSubject() bool { return e.Code == "M99" }

// Exemptions is AT's table of exemption codes with the mention each makes
// the document print (Manual de Integração de Software, Comunicação de
// documentos à AT por webservice, v1.0 2022-06, §2.2.2.1).
var Exemptions = []Exemption{
	{"M01", "Artigo 16.º, n.º 6 do CIVA", "Artigo 16.º, n.º 6, alíneas a) a d) do CIVA"},
	{"M02", "Artigo 6.º do Decreto-Lei n.º 198/90, de 19 de junho", "Artigo 6.º do Decreto-Lei n.º 198/90, de 19 de junho"},
	{"M04", "Isento artigo 13.º do CIVA", "Artigo 13.º do CIVA"},
	{"M05", "Isento artigo 14.º do CIVA", "Artigo 14.º do CIVA"},
	{"M06", "Isento artigo 15.º do CIVA", "Artigo 15.º do CIVA"},
	{"M07", "Isento artigo 9.º do CIVA", "Artigo 9.º do CIVA"},
	{"M09", "IVA - não confere direito a dedução", "Artigo 62.º alínea b) do CIVA"},
	{"M10", "IVA – regime de isenção", "Artigo 57.º do CIVA"},
	{"M11", "Regime particular do tabaco", "Decreto-Lei n.º 346/85, de 23 de agosto"},
	{"M12", "Regime da margem de lucro – Agências de viagens", "Decreto-Lei n.º 221/85, de 3 de julho"},
	{"M13", "Regime da margem de lucro – Bens em segunda mão", "Decreto-Lei n.º 199/96, de 18 de outubro"},
	{"M14", "Regime da margem de lucro – Objetos de arte", "Decreto-Lei n.º 199/96, de 18 de outubro"},
	{"M15", "Regime da margem de lucro – Objetos de coleção e antiguidades", "Decreto-Lei n.º 199/96, de 18 de outubro"},
	{"M16", "Isento artigo 14.º do RITI", "Artigo 14.º do RITI"},
	{"M19", "Outras isenções", "Isenções temporárias determinadas em diploma próprio"},
	{"M20", "IVA - regime forfetário", "Artigo 59.º-D n.º 2 do CIVA"},
	{"M21", "IVA – não confere direito à dedução", "Artigo 72.º n.º 4 do CIVA"},
	{"M25", "Mercadorias à consignação", "Artigo 38.º n.º 1 alínea a) do CIVA"},
	{"M30", "IVA - autoliquidação", "Artigo 2.º n.º 1 alínea i) do CIVA"},
	{"M31", "IVA - autoliquidação", "Artigo 2.º n.º 1 alínea j) do CIVA"},
	{"M32", "IVA - autoliquidação", "Artigo 2.º n.º 1 alínea l) do CIVA"},
	{"M33", "IVA - autoliquidação", "Artigo 2.º n.º 1 alínea m) do CIVA"},
	{"M40", "IVA - autoliquidação", "Artigo 6.º n.º 6 alínea a) do CIVA, a contrário"},
	{"M41", "IVA - autoliquidação", "Artigo 8.º n.º 3 do RITI"},
	{"M42", "IVA - autoliquidação", "Decreto-Lei n.º 21/2007, de 29 de janeiro"},
	{"M43", "IVA - autoliquidação", "Decreto-Lei n.º 362/99, de 16 de setembro"},
	{"M99", "Não sujeito ou não tributado", "Outras situações de não liquidação do imposto (artigo 2.º, n.º 2; artigo 3.º, n.ºs 4, 6 e 7; artigo 4.º, n.º 5 do CIVA)"},
}

// LookupExemption returns the exemption of code.
func LookupExemption(code string) (Exemption, bool) {
	for _, e := range Exemptions {
		if e.Code == code {
			return e, true
		}
	}
	return Exemption{}, false
}
