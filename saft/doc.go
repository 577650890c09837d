// Package saft models the Portuguese Standard Audit File for Tax purposes,
// SAF-T (PT) version 1.04_01, validates it, writes it and reads it.
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
// technical note. Money and quantities are decimal.Decimal; dates are
// civil.Date, date-times civil.DateTime (no zone); codes are typed string
// constants; document types are series.DocumentType. The optional
// elements are empty strings, nil pointers or nil slices.
// The structs carry encoding/xml tags, so a small file can also be
// decoded with encoding/xml.
//
// # Writing
//
// Write streams a file from iterators (Content): memory does not grow with
// the number of records, and the control totals of every section are
// computed from the documents following the Portaria's notes, never taken
// from the caller. It validates the whole file first (with a Validator)
// and refuses to write an invalid one unless called WithoutValidation. WriteAuditFile writes an in-memory AuditFile;
// MonthlyInvoicingHeader and AccountingHeader build the Header of the two
// usual files: the month's invoicing file (F) and the year's accounting
// file (C).
//
// Choices the schema leaves open, made once for the whole package:
//
//   - Encoding: Windows-1252, declared in the XML declaration. A character
//     Windows-1252 cannot hold is written as a numeric character reference
//     (&#321; for Ł), which every XML parser reads back as the same
//     character: nothing is replaced or dropped. Characters XML does not
//     allow (C0 controls other than tab, newline, carriage return) are an
//     error naming the element.
//   - Numbers: SAFmonetaryType values with at least two decimals, exact
//     ("10.00", "0.125"); document totals (TaxPayable, NetTotal,
//     GrossTotal) with exactly two, more being an error (they are signed
//     with two); SAFdecimalType values (Quantity, TaxPercentage,
//     ExchangeRate, TotalQuantityIssued) exact without trailing zeros.
//     Nothing is ever rounded by the writer.
//   - Layout: one element per line, indented by two spaces; WithCompact()
//     writes everything on one line.
//
// WithReportingMethod makes Write refuse the invoicing file of a year whose
// invoicing the company communicates by web service (package reporting).
//
// # Validating
//
// Validate checks a whole AuditFile and returns every violation at once
// as a *violation.Error, each with a stable code (described, with its
// severity, in the catalogue Codes) and an XPath-like path: the schema's
// types, lengths and patterns, the 19 assertions of the XSD 1.1 schema that
// XSD 1.0 validators cannot run, the keys and references, and the rules of
// the Portaria a schema cannot state. A Validator does the
// same one record at a time, for streams.
//
// # Reading
//
// NewReader streams a file (Windows-1252 or UTF-8, as declared) into the
// model one master-file record or document at a time, with memory that does
// not grow with the file, through a scanner of its own for the XML SAF-T
// uses; Decode and ReadFile load a small file whole. Other SAF-T versions
// and other XML are refused (ErrVersion, ErrNotSAFT); a malformed file is
// a *ReadError with its line and column. Package saft/audit checks a file
// further: control totals, series, ATCUD, arithmetic and signatures.
package saft
