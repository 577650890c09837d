// Package document turns a sale, as a seller describes it, into a document
// that is right by construction: its line amounts, its VAT per rate and
// region, its totals, the QR code's tax blocks, its SAF-T (PT) record and
// the master records it uses, and what it must print. It composes series,
// issuing (number, ATCUD, chained signature), qrcode and saft; no library
// package imports it.
//
// A [Draft] names the document type (invoices FT, FS, FR; credit and debit
// notes NC, ND; working documents PF, OR, NE, CM...; transport documents
// GT, GR, GA, GC, GD), the customer (the final consumer by default), the
// lines (product, quantity, unit price, discount, tax) and, as needed, a
// global discount, prices with tax included, a foreign currency,
// withholding tax, a settlement discount and payments. [Compute] checks it
// and computes every amount, returning a *violation.Error with every
// problem at once; [Issue] issues it through an [issuing.Issuer] and
// returns the SAF-T Invoice, WorkDocument or StockMovement. [Receipt]
// makes the receipts (RG, RC) of documents paid later, and
// [CheckCorrection] and [CheckCancellation] apply Despacho 8632/2014's
// rules on credit notes and cancellations to a history any store can
// supply.
//
// # Rounding
//
// Portaria 302/2016 writes amounts with two decimals but prescribes no
// rounding; Despacho 8632/2014 §3.2.3 requires computing with more than two
// decimals where discounts, prices below the cent, fractional quantities,
// exchange rates or prices with tax included would cause rounding errors.
// Every rounding to the cent is half away from zero (for these positive
// amounts: half up, as Regulation (EC) 1103/97 art. 5 rounds to the cent).
// The method:
//
//  1. A line's unit price after its discount and the global discount (and
//     times the exchange rate) is kept exact; the line's total is quantity
//     x that price, rounded once to the cent.
//  2. Prices without tax: the line's total is its amount (SAF-T
//     CreditAmount/DebitAmount). The tax of each rate (tax, region, code,
//     percentage) is the sum of its lines' amounts x the rate, rounded once
//     to the cent; a stamp duty of fixed amount is the sum of its amounts.
//     The per-line tax shown is that tax split over the lines by largest
//     remainder, so lines add up to their rate.
//  3. Prices with tax included (a point of sale): the line's total is what
//     the customer pays for it, and the sum of a rate's lines is never
//     changed. Its base is that sum / (1 + rate), to the cent below or
//     above: the choice that keeps the document's accumulated difference
//     between its tax and the exact tax of its lines (base x rate) nearest
//     zero, so that difference never exceeds half a cent x (1 + rate); the
//     tax is the sum less the base. The base is split over the lines by
//     largest remainder of their own division.
//  4. NetTotal is the sum of the bases, TaxPayable the sum of the taxes and
//     GrossTotal their sum: for prices with tax, exactly what the customer
//     pays. SAF-T's UnitPrice is the line's amount / quantity to six
//     decimals, so Quantity x UnitPrice gives the amount back within a
//     cent.
//  5. A foreign currency: the same computation runs twice, once on the
//     prices as given (the original GrossTotal, SAF-T CurrencyAmount) and
//     once on the prices x ExchangeRate (the EUR values of the document).
//
// The result meets the arithmetic our SAF-T audit checks (and that AT's
// validation of the Portaria's fields implies): each line within a cent of
// Quantity x UnitPrice, NetTotal the exact sum of the lines, TaxPayable
// within max(1 cent, half a cent per taxed line) of the exact tax of the
// lines, GrossTotal = NetTotal + TaxPayable exactly.
//
// # QR code
//
// The QR message's variable part is built from the same sums as the SAF-T
// record (Especificações Técnicas Código QR §4): one fiscal space per
// region in the order PT, PT-AC, PT-MA; in each, the bases and VAT of the
// reduced, intermediate and normal rates, and as exempt base (x2) the
// lines exempt or reverse-charged (TaxCode ISE) and the operations subject
// to stamp duty; not subject lines (M99, TaxType NS) in field L; stamp
// duty in M; TaxPayable in N; withholding in P.
//
// # Customers and simplified invoices
//
// A customer without a tax number is the final consumer (999999990,
// "Consumidor final", Portaria 302/2016 2.2.3-2.2.4; Despacho 8632/2014
// §2.2.5). An identified customer needs a name (CIVA art. 36 n.º 5 a)), a
// Portuguese one a valid NIF. A simplified invoice (FS) is limited by CIVA
// art. 40 n.º 1: 1000 EUR for a retailer's sale of goods to a customer who
// is not a taxable person (Draft.Retail), 100 EUR otherwise.
//
// # VAT rates
//
// [DefaultRates] is a table of rates with their effective dates and legal
// source; a draft may carry its own (Draft.Rates). The rate of a line is
// the one in force on its tax point date.
package document
