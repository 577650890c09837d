// Package series models the document series a Portuguese invoicing program
// must communicate to the Autoridade Tributária e Aduaneira (AT) before it
// issues documents in them.
//
// Every document is numbered inside a series identified by a document type and
// a series identifier (the SAF-T document number "FT A/12" is type FT, series A,
// number 12). Since 2023 each series must be registered with AT, which answers
// with a validation code (codValidacaoSerie) that, followed by "-" and the
// document's number in the series, forms the ATCUD printed on every document.
//
// Legal and technical sources:
//   - Decreto-Lei n.º 28/2019, art. 35.º (series communication and ATCUD);
//   - Portaria n.º 195/2020 (ATCUD and QR code);
//   - AT, "Comunicação de Séries Documentais — Manual de Integração de Software,
//     Aspetos Específicos" (the "series manual"): §1.3 for identifiers, states
//     and code tables, §2 for the web-service operations and return codes.
//
// This package is a leaf: it imports no other package of this module.
package series
