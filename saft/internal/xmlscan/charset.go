package xmlscan

import "strings"

// Encoding is a character encoding the scanner decodes. Text, names and
// attribute values are always delivered as UTF-8.
type Encoding uint8

// The supported encodings.
const (
	UTF8        Encoding = iota // UTF-8 (the XML default), also US-ASCII
	Windows1252                 // Windows-1252, the SAF-T (PT) schema's encoding
	ISO88591                    // ISO-8859-1 (Latin-1)
)

// String returns the encoding's IANA name.
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "UTF-8"
	case Windows1252:
		return "windows-1252"
	case ISO88591:
		return "ISO-8859-1"
	}
	return "unknown"
}

// encodingByName maps the encoding label of an XML declaration to an
// Encoding; ok is false for labels this scanner does not decode.
func encodingByName(label string) (Encoding, bool) {
	switch strings.ToLower(label) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return UTF8, true
	case "windows-1252", "cp1252", "x-cp1252":
		return Windows1252, true
	case "iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1":
		return ISO88591, true
	}
	return 0, false
}

// win1252High holds the code points of bytes 0x80–0x9F in Windows-1252; the
// five bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
// are -1: the scanner rejects them rather than guess (golang.org/x/text turns
// them into U+FFFD, a silent loss). Bytes 0xA0–0xFF are the Latin-1 code
// points of the same value.
var win1252High = [32]rune{
	0x20AC, -1, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017D, -1,
	-1, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, -1, 0x017E, 0x0178,
}

// decodeSingle returns the code point of byte b in a single-byte
// encoding, or -1 when the byte is undefined in it.
func decodeSingle(enc Encoding, b byte) rune {
	if b < 0x80 {
		return rune(b)
	}
	if enc == Windows1252 && b < 0xA0 {
		return win1252High[b-0x80]
	}
	return rune(b)
}
