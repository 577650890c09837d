// Package transport communicates transport documents to AT's web service
// (sgdtws, documentosTransporte): before goods leave, the sender
// communicates each guia — GR delivery note, GT transport guide, GA
// movement of own assets, GC consignment, GD return — and AT answers with
// the document's identification code (ATDocCodeID), which the printed
// document shows and which frees the carrier from carrying it printed
// (regime of goods in circulation, Decreto-Lei 147/2003, art. 5.º, in the
// wording of Decreto-Lei 28/2019, art. 40.º; AT, "Comunicação dos
// Documentos de Transporte à AT — Manual de Integração de Software",
// revision of 31-07-2025).
//
// Since 07-12-2022 the request and the answer carry the document's ATCUD,
// with the codes -22 to -27 and -20000 to -20009 that refuse it, and since
// 05-01-2023 AT accepts a document without a valid ATCUD only with a
// warning that it must travel printed; this package requires the ATCUD.
// Taxpayers whose turnover of the previous tax period did not exceed
// € 100 000 need not communicate (Required).
//
// The request is built from the SAF-T model of package saft (a
// StockMovement, its customer or supplier, and the Header's sender), so a
// transport document is described once and exported or communicated the
// same way; the vehicle's registration, which SAF-T does not carry, is
// given beside it. The rules of the WSDL, of the manual and of the regime
// are checked before anything is sent, every violation at once (see
// Codes): the sender and recipient NIFs, the place of loading (required)
// and unloading (in Portugal, or left out when unknown), the start of the
// transport (before it starts, and at most 3 months ahead), its end after
// its start, the vehicle, the lines. AT's answers are a Receipt with the
// ATDocCodeID, or an *Error with the manual's ReturnCode.
//
// The service offers no query: a lost answer is settled by sending the
// same document again, which AT cannot register twice (see
// Client.Communicate).
//
// The transport is atclient's, shared with the other services: mutual TLS
// with the producer's certificate and the WS-Security header of a
// sub-user with the WDT profile.
package transport
