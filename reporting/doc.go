// Package reporting records how a company communicates its invoicing to
// the Autoridade Tributária e Aduaneira (AT) in a calendar year, and refuses
// the other way.
//
// Decreto-Lei n.º 198/2012, art. 3.º, n.º 1, lets a company communicate the
// elements of its invoices either in real time, document by document,
// through the e-Fatura web service (alínea a); package atclient), or
// monthly with a SAF-T (PT) file exported by its invoicing program (alínea
// b); package saft). AT accepts one of the two per calendar year: a
// company that chose the web service for a year does not also send that
// year's documents by file, and the other way round.
//
// A Choice is the method chosen for one year; Choices is a company's
// record over several years. Both satisfy Checker, which the e-Fatura
// client (atclient.WithReportingMethod) and the SAF-T side consult before
// communicating: Check(year, method) returns nil when method is the one
// chosen for year, an error matching ErrOtherMethod (a *MethodError) when
// the other one was chosen, and one matching ErrNoChoice when nothing is
// recorded for the year.
//
// The package is a leaf: it imports nothing of this module, so package
// saft and package atclient can both import it.
package reporting
