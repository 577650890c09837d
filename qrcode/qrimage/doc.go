// Package qrimage draws the QR code of an invoice (the message built by
// package qrcode) as PNG or SVG, with the parameters of §2 of the AT
// specification "Especificações Técnicas – Código QR" (Portaria n.º
// 195/2020, article 5):
//
//   - error correction level M;
//   - byte mode for the whole message;
//   - version 9 at least (a longer message takes the version it needs);
//   - at least 2 pixels ("pontos") per module;
//   - an image of at least 30 x 30 mm;
//   - a margin (quiet zone) of 0,25 cm.
//
// The image's physical size depends on the printer's resolution, so the
// layout is computed for a resolution in dots per inch (WithDPI, 300 by
// default). As in the specification's figures (e.g. Figura 2: 53 modules
// plus margins, 2 pixels a module, 30,162 mm at 96 dpi), the 30 mm minimum
// counts the margin. The margin is also never narrower than 4 modules, the
// quiet zone ISO/IEC 18004 requires for readers.
//
// The QR symbol itself is encoded by github.com/piglig/go-qr (a port of
// Nayuki's reference QR encoder): it takes a minimum version, a fixed
// level and an explicit byte segment, and picks the mask
// deterministically, so a reprint gives the same image. This package is
// separate from qrcode so that callers who only need the message do not
// import an encoder.
package qrimage
