// Package printout renders an issued document to the PDF a business sends
// or prints: A4, fonts embedded, with every element the law makes the
// document show, where the law puts it.
//
//   - Código do IVA art. 36.º n.º 5: the seller's and the customer's
//     names, addresses and tax numbers; the quantity and usual name of
//     each good or service; the price without tax and the discounts; the
//     VAT rate of each line and the VAT per rate; the reason a line bears
//     no VAT (its exemption mention, "IVA - autoliquidação"); the date of
//     supply when it is not the document's. Art. 40.º: a simplified
//     invoice shows the same elements, the customer's NIF when given.
//   - Despacho 8632/2014 §1.2: a document that is not an invoice (working
//     documents, transport documents, receipts) says "Este documento não
//     serve de fatura"; §1.5: a document issued in training mode shows the
//     software house in its header and "Documento emitido para fins de
//     Formação"; §2.2.2: the four hash characters and "Processado por
//     programa certificado n.º NNNN/AT" (§2.2.3: "Emitido por programa
//     certificado" on receipts, which are not signed); §2.2.4: the date as
//     DD-MM-AAAA, the document's type, series and number; §2.2.5:
//     "Consumidor final"; §2.2.7: the withholding after the gross total;
//     §2.2.11: on every page the type, the number, page n of m and the
//     values carried over, the totals on the last page only; §2.2.12: the
//     certificate mention away from the page's edges; §2.2.15: a reprint
//     says it is a "2.ª via".
//   - Portaria 195/2020 art. 4.º: the ATCUD on every page and immediately
//     above the QR code; art. 5.º-6.º: the QR code (Especificações Técnicas
//     Código QR §2: at least 30 x 30 mm with a 2,5 mm quiet zone) inside
//     the document's body, here on its last page.
//   - Decreto-Lei 147/2003 art. 4.º: a transport document shows the places
//     of loading and unloading and when the transport starts.
//
// A [Printer] holds the seller and the presentation: a logo, an accent
// colour, free text and the labels (Portuguese by default, [English] a
// table away). None of them removes or moves a legal mention: those are
// drawn by the package in black, after the caller's text.
//
// The PDF is written by github.com/go-pdf/fpdf with the Go fonts
// (golang.org/x/image/font/gofont, BSD licence) embedded: whole, with
// Windows-1252 encoding, when every character of the document has a code
// there (all of Portuguese, €, º, ª), as Unicode subsets otherwise. Its
// dates are the document's system entry date, so the same document gives
// the same bytes.
package printout
