// Package efatura communicates invoicing documents to AT's e-Fatura web
// service (fatcorews) in real time: a company that reports its invoicing
// this way rather than by monthly SAF-T file (Decreto-Lei n.º 198/2012,
// art. 3.º) communicates each invoice, working document and cash-VAT
// receipt as it is issued, its status changes, and deletes communications
// made in error (AT, "Comunicação dos elementos dos documentos de
// faturação à AT, por webservice", v1.0, June 2022; "e-Fatura —
// Comunicação por webservice — Aspetos Genéricos", v2.0, October 2025).
//
// Requests are built from the SAF-T model of package saft, so a document
// is described once and exported or sent the same way; the company's
// choice of method for the year (package reporting) is honoured with
// WithReportingMethod. A request that breaks a rule of the WSDL or the
// manual is refused before anything is sent, with every violation at once
// (see Codes); AT's refusals are *Error with the manual's ResponseCode (CodigoResposta).
//
// The transport is atclient's, shared with the series service: mutual TLS
// with the producer's certificate and the WS-Security header with the
// sub-user's credentials, which here needs the WFA profile instead of WSE.
// An e-Fatura Client is made from an *atclient.Client (New).
package efatura
