// Package qrcode builds and parses the message of the QR code that every
// invoice and other fiscally relevant document printed in Portugal carries.
//
// Legal source: Portaria n.º 195/2020 (article 5) delegates the format to the
// AT document "Especificações Técnicas – Código de Barras Bidimensional –
// Código QR", version 1.0 of August 2020. Its §4 table lists the fields A..S
// (issuer NIF, buyer NIF and country, document type, status, date and
// identification, ATCUD, up to three fiscal spaces I/J/K with their VAT
// bases and totals, non-taxable amount, stamp duty, total taxes, gross
// total, withholding tax, 4 hash characters, certificate number, other
// information); its §3 gives the composition rules:
//
//   - each field is "code:value", without spaces around the separators (a);
//   - fields are joined by "*", always in the table's order (b);
//   - "." is the decimal separator; money has exactly two decimals (c);
//   - "+" fields are mandatory (d); "++" fields appear only when they carry a
//     value (e, f);
//   - at least one fiscal space exists (g); a document of SAF-T tables
//     4.2, 4.3 or 4.4 issued without a VAT rate carries "I1:0" (h);
//   - no value exceeds the table's maximum length (i);
//   - the parts of S are joined by ";" (j), and S never contains "*".
//
// A Document holds the typed values; Build turns it into the message and
// Parse reads a message back (for example from a scanned invoice),
// reporting every rule the message breaks as a Violation with the field
// code and a stable violation code (the Rule constants, catalogue [Codes]).
//
// The image (PNG, SVG) is in the sub-package qrimage, so that callers who
// only need the message do not import a QR encoder.
package qrcode
