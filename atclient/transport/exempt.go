package transport

import "github.com/shopspring/decimal"

// ExemptionThreshold is the turnover of the previous tax period up to
// which a taxpayer need not communicate its transport documents to AT
// (regime of goods in circulation, Decreto-Lei 147/2003, art. 5.º n.º 10,
// in the wording of Decreto-Lei 28/2019, art. 40.º: "não é obrigatória para
// os sujeitos passivos que, no período de tributação anterior, tenham um
// volume de negócios inferior ou igual a € 100 000"). The documents must
// still be issued and travel with the goods.
var ExemptionThreshold = decimal.NewFromInt(100_000)

// Required reports whether a taxpayer whose turnover in the previous tax
// period was previousTurnover (euros) must communicate its transport
// documents: above ExemptionThreshold. An exempt taxpayer may still
// communicate them, and Client does not refuse to.
func Required(previousTurnover decimal.Decimal) bool {
	return previousTurnover.GreaterThan(ExemptionThreshold)
}
