// Package saft models the Portuguese Standard Audit File for Tax purposes,
// SAF-T (PT) version 1.04_01, and writes it.
//
// SAF-T (PT) is the XML file defined by Portaria 302/2016 (structure and
// technical notes) and its schema SAFTPT1.04_01.xsd (revision 2022-05-17).
// Invoicing programs use it to communicate the month's invoices to AT
// (TaxAccountingBasis F, article 3 of Decreto-Lei 198/2012) and to hand
// the accounting or invoicing data to the tax inspection (C, I, ...).
//
// # Model
//
// AuditFile and the types it holds mirror the schema element by element,
// in its order; each field's comment gives the Portaria's field index and
// technical note. Money and quantities are decimal.Decimal; dates are Date
// (a civil date), date-times DateTime (no zone); codes are typed string
// constants; document types are series.DocumentType. The optional
// elements are empty strings, nil pointers or nil slices (see model.go).
// The structs carry encoding/xml tags, so a small file can also be
// decoded with encoding/xml.
//
// # Writing
//
// Write streams a file from iterators (Content): memory does not grow with
// the number of records, the output is Windows-1252 as the Portaria
// requires, and the control totals of every section are computed from the
// documents, never taken from the caller. See Write for the details.
package saft
