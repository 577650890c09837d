// Package audit checks a SAF-T (PT) 1.04_01 file the way AT's validation
// would, and further, in one streaming pass, and reports every finding at
// once. Memory grows neither with the number of documents nor with the
// number of findings: the report holds the first findings of each code
// (WithMaxFindingsPerCode) and counts the others, per code and section.
//
// Each Finding has a stable code, a severity, the section, the record or
// document it concerns, and the line of the file where that record
// starts. An error is a break of the schema or of its assertions, or of a
// rule Portaria 302/2016 or Despacho 8632/2014 states outright; a warning
// is an anomaly AT accepts but an inspection may ask about (see Codes).
// The checks:
//
//   - XML well-formedness and the structure the XSD 1.0 schema imposes
//     (unknown or misplaced elements, values that do not parse: SAFT-READ-*,
//     from the saft.Reader);
//   - the schema's facets, the 19 assertions of the XSD 1.1 schema, keys and
//     references, and the rules of Portaria 302/2016 a schema cannot state
//     (SAFT-FACET-*, SAFT-ASSERT-*, SAFT-UNIQUE-*, SAFT-KEYREF-*, SAFT-RULE-*:
//     the saft.Validator, fed one record at a time);
//   - control totals of every section recomputed with saft.ControlTotals and
//     compared with the declared ones by saft.TotalMatches (AUDIT-TOTALS-*;
//     Portaria 302/2016 fields 3.1-3.3, 4.1.1-4.1.3, 4.2.1-4.2.2,
//     4.3.1-4.3.3, 4.4.1-4.4.3);
//   - per series: numbers without gaps, dates and SystemEntryDates that never
//     go back (Despacho 8632/2014), ATCUDs that match the document number and
//     keep one validation code per series (Portaria 195/2020 art. 3, DL
//     28/2019 art. 35) (AUDIT-SERIES-*, AUDIT-ATCUD-*);
//   - document arithmetic (AUDIT-LINE-AMOUNT, AUDIT-DOC-*): Portaria 302/2016
//     states the amounts but no rounding, so a line amount may be a cent
//     plus the rounding of the written UnitPrice away from Quantity x
//     UnitPrice, and TaxPayable half a cent per taxed line away from the
//     exact tax;
//   - signatures: with the producer's public key, every signature and the
//     chain of previous hashes per series, with package certify on every
//     core (AUDIT-SIG-*); without it, the structure of the chain
//     (AUDIT-CHAIN-*).
//
// An input that cannot be read (a directory, a file without permission)
// is the error ErrRead, not a finding: the file could not be audited.
package audit
