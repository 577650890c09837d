// Package atcud builds, parses and prints the ATCUD, the unique document code
// ("código único de documento") that every invoice and other fiscally relevant
// document issued in Portugal must show.
//
// # What an ATCUD is
//
// Portaria n.º 195/2020, de 13 de agosto, article 3:
//
//   - the series validation code ("código de validação da série") is the
//     string AT assigns when the issuer communicates a document series; it has
//     at least eight characters (art. 3 n.º 1);
//   - the ATCUD is that code, the character "-", and the document's sequential
//     number in the series (art. 3 n.º 2);
//   - for invoicing programs, the sequential number is the run of digits right
//     after the "/" of the SAF-T document number (InvoiceNo, DocumentNumber,
//     PaymentRefNo: pattern "[^ ]+ [^/^ ]+/[0-9]+"), taken as printed, so
//     leading zeros stay (art. 3 n.º 3).
//
// Article 4 n.º 1 prescribes the printed form «ATCUD:CodigodeValidação-NumeroSequencial»
// (Label). AT's QR code specification (Especificações Técnicas Código QR,
// §4 field H and example §5.1) shows document "FT AB2019/0035" with ATCUD
// "CSDF7T5H-0035", and caps field H at 70 characters; this package enforces
// that maximum for every ATCUD.
//
// # Validation codes
//
// The Portaria and the series web-service manual (Comunicação de Séries
// Documentais, Manual de Integração de Software, Aspetos Específicos,
// §2.5.2, codValidacaoSerie: xsd:string, minLength = 8) set only a minimum
// length; AT's WSDL says length = 8, but AT has answered
// with 10-character codes, so longer codes are accepted. AT's codes are
// letters and digits (e.g. "CSDF7T5H", "CDF7T5HD", "HB6FT7RV" in the QR
// specification §5), and ValidateCode accepts exactly ASCII letters and
// digits. The sequential number is at least 1 and has at most 25 significant
// digits, as numInicialSeq and seqUltimoDocEmitido (series manual §2.1.2 and
// §2.5.2: minInclusive = 1, totalDigits = 25).
//
// # The legacy value "0"
//
// SAF-T (PT) field ATCUD (Portaria n.º 302/2016, notes 4.1.4.2, 4.2.3.2,
// 4.3.4.2, 4.4.4.2) is filled with «0» (zero) "until its regulation". The
// value is still right for documents that carry no ATCUD: documents issued
// before the mention became mandatory — Despacho n.º 412/2020-XXII postponed
// it to 1 January 2022 (point 1) and Despacho n.º 351/2021-XXII of 10
// November 2021 to 1 January 2023 (reported e.g. at
// https://i9digital.pt/pages/atcud-nova-lei-2023)
// — and documents of a series numbered before the series was communicated to
// AT: when an existing sequence is registered, the first number communicated
// is the next to issue (Portaria 195/2020, art. 7 n.º 1), and only documents
// from it onward carry a code. Legacy is that value; Parse("0") returns it.
//
// The zero ATCUD{} is not the legacy value: it is "no ATCUD", String returns
// "" and MarshalText fails, so a forgotten ATCUD cannot slip into a file as a
// valid-looking "0".
package atcud
