// Package audit checks a SAF-T (PT) 1.04_01 file the way AT's validation
// would, and further, in one streaming pass with memory that does not grow
// with the number of documents, and reports every finding at once.
//
// Each Finding has a stable code, a severity (error or warning), the
// section, the record or document it concerns, and the line of the file
// where that record starts. The checks:
//
//   - XML well-formedness and the structure the XSD 1.0 schema imposes
//     (unknown or misplaced elements, values that do not parse: SAFT-READ-*,
//     from the saft.Reader);
//   - the schema's facets, the 19 assertions of the XSD 1.1 schema, keys and
//     references, and the rules of Portaria 302/2016 a schema cannot state
//     (SAFT-FACET-*, SAFT-ASSERT-*, SAFT-UNIQUE-*, SAFT-KEYREF-*, SAFT-RULE-*:
//     the saft.Validator, fed one record at a time);
//   - control totals of every section recomputed and compared with the
//     declared ones (AUDIT-TOTALS-*; Portaria 302/2016 fields 3.1-3.3,
//     4.1.1-4.1.3, 4.2.1-4.2.2, 4.3.1-4.3.3, 4.4.1-4.4.3);
//   - per series: numbers without gaps, dates and SystemEntryDates that never
//     go back (Despacho 8632/2014), ATCUDs that match the document number and
//     keep one validation code per series (Portaria 195/2020 art. 3, DL
//     28/2019 art. 35) (AUDIT-SERIES-*, AUDIT-ATCUD-*);
//   - document arithmetic (AUDIT-LINE-AMOUNT, AUDIT-DOC-*), with the rounding
//     rule and tolerance described in arithmetic.go;
//   - signatures: with the producer's public key, every signature and the
//     chain of previous hashes per series, with package certify on every
//     core (AUDIT-SIG-*); without it, the structure of the chain
//     (AUDIT-CHAIN-*).
//
// Codes and their descriptions: Codes and Description.
package audit
