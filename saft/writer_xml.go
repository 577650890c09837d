package saft

import (
	"bufio"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/charmap"

	"github.com/faturapt/faturapt/civil"
)

// Errors of the Writer; a *WriteError wraps them with the element's path.
var (
	// ErrInvalidChar: a text holds a character XML 1.0 does not allow
	// (control characters other than tab, newline and carriage return;
	// U+FFFE, U+FFFF) or bytes that are not UTF-8.
	ErrInvalidChar = errors.New("character not allowed in XML")
	// ErrScale: a document total (TaxPayable, NetTotal, GrossTotal) has
	// more than 2 decimal places. Totals are signed with 2 decimals
	// (Despacho 8632/2014) and the Writer never rounds silently.
	ErrScale = errors.New("more than 2 decimal places")
	// ErrInvalidDate: a date or date-time is not a calendar value (a
	// required one left zero, for example).
	ErrInvalidDate = errors.New("invalid date")
	// ErrSourceChanged: an iterator did not yield the same records on the
	// second pass as on the first (see Write); the output is unusable.
	ErrSourceChanged = errors.New("iterator yielded different records on the second pass")
)

// WriteError is an error of Write about one element: Path locates it as
// in Violation ("/AuditFile/SourceDocuments/SalesInvoices/Invoice[3]/Line[1]/Description").
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return "saft: " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the cause (ErrInvalidChar, ErrScale, ...).
func (e *WriteError) Unwrap() error { return e.Err }

type frame struct {
	name string
	idx  int // position among its repeated siblings, from 1; 0 when not repeated
}

// xmlWriter writes elements by hand to a bufio.Writer, in Windows-1252.
// The first error sticks: later calls do nothing, so section writers can
// call it freely and check err once.
type xmlWriter struct {
	w      *bufio.Writer
	err    error
	stack  []frame
	indent bool
	num    []byte // scratch for numbers
}

const newlineAndIndent = "\n                                                                                "

func (x *xmlWriter) nl() {
	if x.indent {
		n := 1 + 2*len(x.stack)
		if n > len(newlineAndIndent) {
			n = len(newlineAndIndent)
		}
		x.w.WriteString(newlineAndIndent[:n])
	}
}

func (x *xmlWriter) fail(field string, err error) {
	if x.err != nil {
		return
	}
	b := make([]byte, 0, 128)
	for _, f := range x.stack {
		b = append(b, '/')
		b = append(b, f.name...)
		if f.idx > 0 {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(f.idx), 10)
			b = append(b, ']')
		}
	}
	if field != "" {
		b = append(b, '/')
		b = append(b, field...)
	}
	x.err = &WriteError{Path: string(b), Err: err}
}

// start opens element name.
func (x *xmlWriter) start(name string) { x.startN(name, 0) }

// startN opens the idx-th (from 1) of repeated elements name.
func (x *xmlWriter) startN(name string, idx int) {
	x.nl()
	x.w.WriteByte('<')
	x.w.WriteString(name)
	x.w.WriteByte('>')
	x.stack = append(x.stack, frame{name, idx})
}

// end closes the innermost open element.
func (x *xmlWriter) end() {
	f := x.stack[len(x.stack)-1]
	x.stack = x.stack[:len(x.stack)-1]
	x.nl()
	x.w.WriteString("</")
	x.w.WriteString(f.name)
	x.w.WriteByte('>')
}

func (x *xmlWriter) open(name string) {
	x.nl()
	x.w.WriteByte('<')
	x.w.WriteString(name)
	x.w.WriteByte('>')
}

func (x *xmlWriter) close(name string) {
	x.w.WriteString("</")
	x.w.WriteString(name)
	x.w.WriteByte('>')
}

// text writes <name>v</name>, v escaped and encoded in Windows-1252.
func (x *xmlWriter) text(name, v string) {
	x.open(name)
	x.escape(name, v)
	x.close(name)
}

// optText writes <name>v</name> unless v is empty (absent).
func (x *xmlWriter) optText(name, v string) {
	if v != "" {
		x.text(name, v)
	}
}

// plain classifies ASCII bytes: 0 written as is, 1 escaped, 2 forbidden.
var asciiClass = func() (t [utf8.RuneSelf]byte) {
	for c := 0; c < 0x20; c++ {
		t[c] = 2
	}
	t['\t'], t['\n'] = 0, 0
	t['\r'], t['<'], t['>'], t['&'] = 1, 1, 1, 1
	return t
}()

// escape writes s as XML character data in Windows-1252. Characters that
// Windows-1252 cannot hold are written as numeric character references
// (&#NNNN;), which every XML parser turns back into the same character:
// nothing is lost or replaced. The C1 range U+0080-U+009F is always
// written as references (Windows-1252 uses those bytes for other
// characters, and leaves five undefined). A carriage return is written
// &#13; so that XML end-of-line normalisation keeps it. Characters XML
// does not allow at all make the write fail with ErrInvalidChar.
func (x *xmlWriter) escape(field, s string) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case 0:
				i++
				continue
			case 2:
				x.fail(field, fmt.Errorf("%w: U+%04X at byte %d", ErrInvalidChar, c, i))
				return
			}
			x.w.WriteString(s[last:i])
			switch c {
			case '<':
				x.w.WriteString("&lt;")
			case '>':
				x.w.WriteString("&gt;")
			case '&':
				x.w.WriteString("&amp;")
			case '\r':
				x.w.WriteString("&#13;")
			}
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			x.fail(field, fmt.Errorf("%w: invalid UTF-8 at byte %d", ErrInvalidChar, i))
			return
		}
		if r == 0xFFFE || r == 0xFFFF {
			x.fail(field, fmt.Errorf("%w: U+%04X at byte %d", ErrInvalidChar, r, i))
			return
		}
		x.w.WriteString(s[last:i])
		switch {
		case r >= 0xA0 && r <= 0xFF: // Latin-1 supplement: same code in Windows-1252
			x.w.WriteByte(byte(r))
		case r >= 0x80 && r < 0xA0:
			x.charRef(r)
		default:
			if b, ok := charmap.Windows1252.EncodeRune(r); ok && b >= 0x80 {
				x.w.WriteByte(b)
			} else {
				x.charRef(r)
			}
		}
		i += size
		last = i
	}
	x.w.WriteString(s[last:])
}

func (x *xmlWriter) charRef(r rune) {
	x.num = append(x.num[:0], "&#"...)
	x.num = strconv.AppendInt(x.num, int64(r), 10)
	x.num = append(x.num, ';')
	x.w.Write(x.num)
}

// integer writes <name>v</name>.
func (x *xmlWriter) integer(name string, v int) {
	x.open(name)
	x.num = strconv.AppendInt(x.num[:0], int64(v), 10)
	x.w.Write(x.num)
	x.close(name)
}

// optInteger writes <name>v</name> unless v is 0 (absent).
func (x *xmlWriter) optInteger(name string, v int) {
	if v != 0 {
		x.integer(name, v)
	}
}

func (x *xmlWriter) indicator(name string, v Indicator) {
	x.open(name)
	if v {
		x.w.WriteByte('1')
	} else {
		x.w.WriteByte('0')
	}
	x.close(name)
}

func (x *xmlWriter) date(name string, d civil.Date) {
	if !d.Valid() {
		x.fail(name, fmt.Errorf("%w %s", ErrInvalidDate, d))
		return
	}
	x.open(name)
	x.num = d.Append(x.num[:0])
	x.w.Write(x.num)
	x.close(name)
}

func (x *xmlWriter) optDate(name string, d *civil.Date) {
	if d != nil {
		x.date(name, *d)
	}
}

func (x *xmlWriter) dateTime(name string, t civil.DateTime) {
	if !t.Valid() {
		x.fail(name, fmt.Errorf("%w-time %s", ErrInvalidDate, t))
		return
	}
	x.open(name)
	x.num = t.Append(x.num[:0])
	x.w.Write(x.num)
	x.close(name)
}

func (x *xmlWriter) optDateTime(name string, t *civil.DateTime) {
	if t != nil {
		x.dateTime(name, *t)
	}
}

// money writes a SAFmonetaryType value: exact, with at least 2 decimals
// ("10.00", "0.125"), trailing zeros past the second decimal dropped.
func (x *xmlWriter) money(name string, d decimal.Decimal) {
	x.open(name)
	x.num, _ = appendDecimal(x.num[:0], d, 2)
	x.w.Write(x.num)
	x.close(name)
}

func (x *xmlWriter) optMoney(name string, d *decimal.Decimal) {
	if d != nil {
		x.money(name, *d)
	}
}

// total writes a document total with exactly 2 decimals; a value with
// more decimals is an ErrScale error, never rounded.
func (x *xmlWriter) total(name string, d decimal.Decimal) {
	var frac int
	x.num, frac = appendDecimal(x.num[:0], d, 2)
	if frac > 2 {
		x.fail(name, fmt.Errorf("%w: %s", ErrScale, x.num))
		return
	}
	x.open(name)
	x.w.Write(x.num)
	x.close(name)
}

// dec writes a SAFdecimalType value (Quantity, TaxPercentage,
// ExchangeRate): exact, without trailing zeros ("23", "0.5").
func (x *xmlWriter) dec(name string, d decimal.Decimal) {
	x.open(name)
	x.num, _ = appendDecimal(x.num[:0], d, 0)
	x.w.Write(x.num)
	x.close(name)
}

func (x *xmlWriter) optDec(name string, d *decimal.Decimal) {
	if d != nil {
		x.dec(name, *d)
	}
}

// appendDecimal appends d in plain notation, exactly, with at least
// minFrac fraction digits and no trailing zeros beyond them. It returns
// the number of fraction digits written. Values whose coefficient fits
// in 18 digits are formatted without allocating.
func appendDecimal(b []byte, d decimal.Decimal, minFrac int) ([]byte, int) {
	if d.Sign() == 0 { // also the zero Decimal{}, without touching its nil big.Int
		b = append(b, '0')
		return appendZeros(b, minFrac, 0), minFrac
	}
	exp := int(d.Exponent())
	var digits []byte
	var tmp [24]byte
	neg := d.Sign() < 0
	if exp <= 0 && exp >= -18 && d.NumDigits() <= 18 {
		c := d.CoefficientInt64()
		if c < 0 {
			c = -c
		}
		i := len(tmp)
		for c > 0 {
			i--
			tmp[i] = byte('0' + c%10)
			c /= 10
		}
		digits = tmp[i:]
	} else {
		// Rare: huge coefficient or positive exponent. Fall back to
		// shopspring's exact formatting, then reparse the digits.
		s := d.Abs().String()
		var intPart, fracPart string = s, ""
		for j := 0; j < len(s); j++ {
			if s[j] == '.' {
				intPart, fracPart = s[:j], s[j+1:]
				break
			}
		}
		if neg {
			b = append(b, '-')
		}
		b = append(b, intPart...)
		return finishFrac(b, []byte(fracPart), minFrac)
	}
	scale := -exp
	if neg {
		b = append(b, '-')
	}
	if len(digits) > scale {
		b = append(b, digits[:len(digits)-scale]...)
		return finishFrac(b, digits[len(digits)-scale:], minFrac)
	}
	b = append(b, '0')
	// fraction: (scale-len(digits)) zeros then digits
	var frac [40]byte
	n := copy(frac[:], "0000000000000000000000000000000000000000"[:scale-len(digits)])
	n += copy(frac[n:], digits)
	return finishFrac(b, frac[:n], minFrac)
}

func finishFrac(b, frac []byte, minFrac int) ([]byte, int) {
	n := len(frac)
	for n > minFrac && frac[n-1] == '0' {
		n--
	}
	total := max(n, minFrac)
	if total == 0 {
		return b, 0
	}
	b = append(b, '.')
	b = append(b, frac[:n]...)
	for i := n; i < minFrac; i++ {
		b = append(b, '0')
	}
	return b, total
}

func appendZeros(b []byte, minFrac, have int) []byte {
	if minFrac > have {
		if have == 0 {
			b = append(b, '.')
		}
		for ; have < minFrac; have++ {
			b = append(b, '0')
		}
	}
	return b
}
