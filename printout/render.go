package printout

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"github.com/shopspring/decimal"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/qrcode/qrimage"
)

// The page, in millimetres.
const (
	pageW      = 210.0
	pageH      = 297.0
	left       = 15.0
	right      = 195.0
	top        = 12.0
	bodyBottom = 266.0 // the body ends here; the footer follows
	footerY    = 274.0 // the certificate mention, well inside the page (Despacho 8632/2014 §2.2.12)

	bodySize   = 8.5
	smallSize  = 7.0
	lh         = 3.9 // line height at bodySize
	slh        = 3.2 // at smallSize
	headH      = 6.5 // the table head
	carryH     = 6.0 // a row of values carried over
	cellMargin = 0.8

	qrSideMM  = float64(qrimage.MinSizeMM)
	qrQuietMM = float64(qrimage.QuietZoneTenths) / 10
)

// layout draws one sheet.
type layout struct {
	f      *fpdf.Fpdf
	c      *config
	s      *sheet
	seller Seller
	qr     *qrimage.Symbol
	pages  int
	// win: the fonts take Windows-1252; notWin: a text has a character
	// outside it.
	win, notWin bool
	// the current font, so that fpdf is only told of a change
	fontSet, fontBold bool
	fontSize          float64
}

type page struct {
	rows              []int
	carryIn, carryOut bool
	final             bool
}

func render(w io.Writer, seller Seller, c *config, s *sheet) error {
	sym, err := qrimage.Encode(s.qr)
	if err != nil {
		return err
	}
	win, err := windowsFonts()
	if err != nil {
		return err
	}
	// Windows-1252 fonts first; a character outside it, met while
	// measuring or drawing, starts again with the Unicode fonts.
	for _, w1252 := range []bool{true, false} {
		l := &layout{c: c, s: s, seller: seller, qr: sym, win: w1252}
		l.f = l.newPDF(win)
		l.draw()
		if !l.notWin {
			return l.f.Output(w)
		}
	}
	panic("printout: the Unicode fonts have every character")
}

func (l *layout) draw() {
	pages := l.plan()
	if l.notWin {
		return
	}
	l.pages = len(pages)
	var carried decimal.Decimal
	for p, pg := range pages {
		l.f.AddPage()
		y := l.header(p, true)
		if p == 0 {
			y = l.first(y, true)
		}
		if len(pg.rows) > 0 {
			y = l.tableHead(y)
		}
		if pg.carryIn {
			y = l.carry(y, l.c.labels.BroughtForward, carried)
		}
		for _, i := range pg.rows {
			y += l.row(y, i, true)
			carried = carried.Add(l.s.rows[i].amount)
		}
		if pg.carryOut {
			l.carry(y, l.c.labels.CarriedForward, carried)
		}
		if pg.final {
			l.final(y+2, true)
		}
		l.footer(p)
	}
}

func (l *layout) newPDF(win [2]winFont) *fpdf.Fpdf {
	c, s := l.c, l.s
	f := fpdf.New("P", "mm", "A4", "")
	// The same document gives the same bytes: dates from the document,
	// resources in a fixed order.
	e := s.entry
	at := time.Date(e.Year, e.Month, e.Day, e.Hour, e.Minute, e.Second, 0, civil.Lisbon)
	f.SetCreationDate(at)
	f.SetModificationDate(at)
	f.SetCatalogSort(true)
	// The font files come compressed once per process; the page streams
	// stay plain, as fpdf makes a zlib writer (a megabyte) per stream and
	// that doubled the time of a one-page document.
	f.SetCompression(false)
	f.SetProducer("faturapt", true)
	f.SetCreator("faturapt", true)
	f.SetTitle(c.labels.title(s.typ)+" "+s.number, true)
	f.SetAuthor(l.seller.Name, true)
	f.SetLang("pt-PT")
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(left, top, pageW-right)
	f.SetCellMargin(cellMargin)
	if l.win {
		f.AddFontFromBytes("go", "", win[0].def, win[0].z)
		f.AddFontFromBytes("go", "B", win[1].def, win[1].z)
	} else {
		f.AddUTF8FontFromBytes("go", "", goregular.TTF)
		f.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	}
	f.SetFont("go", "", bodySize)
	if c.logo != nil {
		f.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: c.logoType}, bytes.NewReader(c.logo))
	}
	return f
}

// enc is s as the current fonts take it.
func (l *layout) enc(s string) string {
	if !l.win {
		return s
	}
	out, ok := toWindows1252(s)
	if !ok {
		l.notWin = true
		return s
	}
	return out
}

// width is the width of s at the current font, in mm.
func (l *layout) width(s string) float64 {
	if l.win {
		s, _ = toWindows1252(s)
	}
	return l.f.GetStringWidth(s)
}

// plan puts the rows on pages: each page but the last keeps room for the
// values carried forward (Despacho 8632/2014 §2.2.11), and the totals, the
// mentions and the QR code go together on the last.
func (l *layout) plan() []page {
	hdr := l.header(0, false)
	y := l.first(hdr, false) + headH
	finalH := l.final(0, false) + 2
	var pages []page
	cur := page{}
	for i := range l.s.rows {
		h := l.row(0, i, false)
		if y+h+carryH > bodyBottom && len(cur.rows) > 0 {
			cur.carryOut = true
			pages = append(pages, cur)
			cur = page{carryIn: true}
			y = hdr + headH + carryH
		}
		cur.rows = append(cur.rows, i)
		y += h
	}
	if y+finalH <= bodyBottom {
		cur.final = true
		return append(pages, cur)
	}
	cur.carryOut = true
	return append(pages, cur, page{carryIn: true, final: true})
}

func (l *layout) font(size float64, bold bool) {
	if l.fontSet && l.fontSize == size && l.fontBold == bold {
		return
	}
	l.fontSet, l.fontSize, l.fontBold = true, size, bold
	style := ""
	if bold {
		style = "B"
	}
	l.f.SetFont("go", style, size)
}

// wrap splits s into the lines that fit w at the current font, at its
// spaces (not at its no-break spaces), a word wider than w at its letters.
func (l *layout) wrap(s string, w float64) []string {
	if s == "" {
		return nil
	}
	l.enc(s) // notes a character the fonts lack
	avail := w - 2*cellMargin
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for i, word := range strings.Split(para, " ") {
			cand := word
			if i > 0 {
				cand = line + " " + word
			}
			if l.width(cand) <= avail {
				line = cand
				continue
			}
			if i > 0 {
				out = append(out, line)
			}
			for l.width(word) > avail && len(word) > 1 {
				cut := len(word)
				for cut > 1 && l.width(word[:cut]) > avail {
					_, size := utf8.DecodeLastRuneInString(word[:cut])
					cut -= size
				}
				out = append(out, word[:cut])
				word = word[cut:]
			}
			line = word
		}
		out = append(out, line)
	}
	return out
}

func (l *layout) text(x, y, w, h float64, s, align string) {
	l.f.SetXY(x, y)
	l.f.CellFormat(w, h, l.enc(s), "", 0, align, false, 0, "")
}

// lines draws (or measures) the wrapped lines of each string and returns
// the y below them.
func (l *layout) lines(x, y, w, h float64, align string, draw bool, ss ...string) float64 {
	for _, s := range ss {
		for _, ln := range l.wrap(s, w) {
			if draw {
				l.text(x, y, w, h, ln, align)
			}
			y += h
		}
	}
	return y
}

func (l *layout) accent() { a := l.c.accent; l.f.SetDrawColor(a.R, a.G, a.B) }

func (l *layout) rule(y float64, width float64) {
	if width > 0 {
		l.accent()
		l.f.SetLineWidth(width)
		l.f.Line(left, y, right, y)
	}
}

// header draws the seller on the left and the document's identity on the
// right: type, number, copy, date, ATCUD and page, on every page
// (Despacho 8632/2014 §2.2.11; Portaria 195/2020 art. 4.º n.º 3).
func (l *layout) header(p int, draw bool) float64 {
	s, lb, sel := l.s, &l.c.labels, l.seller
	yl := top
	if l.c.logo != nil {
		h := 18.0
		w := h * l.c.logoW
		if w > 50 {
			w, h = 50, 50/l.c.logoW
		}
		if draw {
			l.f.ImageOptions("logo", left, yl, w, h, false, fpdf.ImageOptions{ImageType: l.c.logoType}, 0, "")
		}
		yl += h + 2
	}
	const lw = 95.0
	l.font(10.5, true)
	yl = l.lines(left, yl, lw, 4.8, "L", draw, sel.Name)
	l.font(bodySize, false)
	place := strings.TrimSpace(sel.PostalCode + " " + sel.City)
	yl = l.lines(left, yl, lw, lh, "L", draw, append([]string{sel.Address, place, lb.TaxID + ": " + sel.TaxID}, sel.Details...)...)
	if l.c.training != nil {
		l.font(smallSize, false)
		yl = l.lines(left, yl, lw, slh, "L", draw, lb.SoftwareHouse)
	}

	const rx, rw = 112.0, right - 112.0
	yr := top
	l.font(13, true)
	yr = l.lines(rx, yr, rw, 5.8, "R", draw, lb.title(s.typ))
	l.font(11, true)
	yr = l.lines(rx, yr, rw, 5.0, "R", draw, s.number)
	l.font(bodySize, false)
	yr = l.lines(rx, yr, rw, lh, "R", draw, lb.Copies[l.c.copy], lb.Date+": "+Date(s.date))
	l.font(bodySize, true)
	yr = l.lines(rx, yr, rw, lh, "R", draw, s.atcud)
	l.font(bodySize, false)
	yr = l.lines(rx, yr, rw, lh, "R", draw, lb.Page+" "+strconv.Itoa(p+1)+" "+lb.Of+" "+strconv.Itoa(l.pages))
	y := max(yl, yr) + 1.5
	if draw {
		l.rule(y, 0.5)
	}
	y += 2
	if l.c.training != nil {
		l.font(10, true)
		y = l.lines(left, y, right-left, 5, "C", draw, Training) + 1.5
	}
	return y
}

// first draws the customer and, for corrections and transport, the
// documents corrected or the places and start of the transport.
func (l *layout) first(y float64, draw bool) float64 {
	lb := &l.c.labels
	const cw, ix = 95.0, 115.0
	l.font(smallSize, false)
	yc := l.lines(left, y, cw, slh, "L", draw, lb.Customer)
	l.font(bodySize, true)
	yc = l.lines(left, yc, cw, lh, "L", draw, l.s.customer[0])
	l.font(bodySize, false)
	yc = l.lines(left, yc, cw, lh, "L", draw, l.s.customer[1:]...)
	yi := l.lines(ix, y+slh, right-ix, lh, "L", draw, l.s.info...)
	return max(yc, yi) + 4
}

func (l *layout) tint() (int, int, int) {
	a := l.c.accent
	t := func(v int) int { return 255 - (255-v)*15/100 }
	return t(a.R), t(a.G), t(a.B)
}

func (l *layout) tableHead(y float64) float64 {
	l.f.SetFillColor(l.tint())
	l.f.Rect(left, y, right-left, headH-0.8, "F")
	l.font(smallSize+0.5, true)
	x := left
	for _, c := range l.s.cols {
		l.text(x, y, c.width, headH-0.8, c.head, c.align)
		x += c.width
	}
	return y + headH
}

// row draws (or measures) line i: its cells, the description wrapped, and
// under it the line's notes: its exemption mention, date of supply,
// reference.
func (l *layout) row(y float64, i int, draw bool) float64 {
	r := &l.s.rows[i]
	x := left
	n := 1
	for k, c := range l.s.cols {
		l.font(bodySize, false)
		var ss []string
		if c.wrap {
			ss = l.wrap(r.cells[k], c.width)
		} else {
			ss = []string{r.cells[k]}
		}
		if len(ss) > n {
			n = len(ss)
		}
		if draw {
			for j, s := range ss {
				l.text(x, y+0.6+float64(j)*lh, c.width, lh, s, c.align)
			}
		}
		x += c.width
	}
	h := 0.6 + float64(n)*lh
	if len(r.notes) > 0 {
		x := left
		for _, c := range l.s.cols {
			if c.wrap {
				break
			}
			x += c.width
		}
		l.font(smallSize, false)
		h = l.lines(x, y+h, right-x-l.s.cols[len(l.s.cols)-1].width, slh, "L", draw, r.notes...) - y
	}
	h += 0.8
	if draw {
		l.f.SetDrawColor(215, 215, 215)
		l.f.SetLineWidth(0.15)
		l.f.Line(left, y+h, right, y+h)
	}
	return h
}

func (l *layout) carry(y float64, label string, v decimal.Decimal) float64 {
	l.font(bodySize, true)
	l.text(left, y+0.5, right-left, carryH-1, label+": "+l.c.labels.Money(v)+" "+l.c.labels.Currency, "R")
	return y + carryH
}

// final draws the VAT per rate, the totals, payments and mentions, the
// caller's text, the legal texts and the ATCUD immediately above the QR
// code (Portaria 195/2020 art. 4.º n.º 3).
func (l *layout) final(y float64, draw bool) float64 {
	s, lb := l.s, &l.c.labels
	y0 := y
	const lx, lw = left, 105.0
	const tx, tw = 125.0, right - 125.0
	yl := y
	if len(s.taxes) > 0 {
		l.font(smallSize+0.5, true)
		if draw {
			l.f.SetFillColor(l.tint())
			l.f.Rect(lx, yl, lw, lh+0.4, "F")
			l.text(lx, yl, 45, lh+0.4, lb.TaxSummary, "L")
			l.text(lx+45, yl, 30, lh+0.4, lb.Base, "R")
			l.text(lx+75, yl, 30, lh+0.4, lb.TaxAmount, "R")
		}
		yl += lh + 0.8
		l.font(bodySize, false)
		for _, t := range s.taxes {
			if draw {
				l.text(lx, yl, 45, lh, t[0], "L")
				l.text(lx+45, yl, 30, lh, t[1], "R")
				l.text(lx+75, yl, 30, lh, t[2], "R")
			}
			yl += lh
		}
		yl += 2
	}
	if len(s.payments) > 0 {
		l.font(bodySize, true)
		yl = l.lines(lx, yl, lw, lh, "L", draw, lb.Payments)
		l.font(bodySize, false)
		yl = l.lines(lx, yl, lw, lh, "L", draw, s.payments...) + 2
	}
	l.font(bodySize, false)
	yl = l.lines(lx, yl, lw, lh, "L", draw, s.mentions...)

	yt := y
	for _, t := range s.totals {
		size, h := bodySize, lh+0.6
		if t.strong {
			size, h = 10, 5.2
			if draw {
				l.accent()
				l.f.SetLineWidth(0.3)
				l.f.Line(tx, yt, right, yt)
			}
		}
		l.font(size, t.strong)
		if draw {
			l.text(tx, yt+0.3, tw-32, h, t.label, "L")
			l.text(right-32, yt+0.3, 32, h, t.value, "R")
		}
		yt += h
	}
	y = max(yl, yt) + 3

	// The caller's text, then the legal texts, beside the QR code.
	m := l.qrModule()
	side := float64(l.qr.Size())*m + 2*max(qrQuietMM, qrimage.MinQuietModules*m)
	qx := right - side
	tw2 := qx - left - 4
	l.font(bodySize, false)
	yb := l.lines(left, y, tw2, lh, "L", draw, l.c.text...)
	l.font(9, true)
	if s.notInvoice {
		yb = l.lines(left, yb+1, tw2, 4.4, "L", draw, NotAnInvoice)
	}
	if l.c.training != nil {
		yb = l.lines(left, yb+1, tw2, 4.4, "L", draw, Training)
	}
	if draw {
		// Centred on the QR code; a longer ATCUD ends at its right edge,
		// inside the margin.
		align := "C"
		if l.width(s.atcud)+2*cellMargin > side {
			align = "R"
		}
		l.text(qx, y, side, 4.4, s.atcud, align)
		l.drawQR(qx, y+4.6, m)
	}
	return max(yb, y+4.6+side) - y0
}

// qrModule is the side of a module in mm: the smallest, in hundredths of a
// millimetre, that makes the image 30 mm with its quiet zone of 2,5 mm and
// 4 modules (Especificações Técnicas Código QR §2 e) and f)).
func (l *layout) qrModule() float64 {
	n := float64(l.qr.Size())
	for h := 30; ; h++ {
		m := float64(h) / 100
		if n*m+2*max(qrQuietMM, qrimage.MinQuietModules*m) >= qrSideMM {
			return m
		}
	}
}

// drawQR draws the symbol as vectors, its quiet zone white, the dark
// modules of each row in runs, one path filled at once.
func (l *layout) drawQR(x, y, m float64) {
	n := l.qr.Size()
	quiet := max(qrQuietMM, qrimage.MinQuietModules*m)
	side := float64(n)*m + 2*quiet
	l.f.SetFillColor(255, 255, 255)
	l.f.Rect(x, y, side, side, "F")
	// In module units: the origin at the symbol's bottom left, one unit a
	// module, so every rectangle is in small integers.
	k := l.f.GetConversionRatio()
	var b strings.Builder
	b.Grow(12 * n * n / 4)
	fl := func(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
	b.WriteString("q 0 g " + fl(m*k) + " 0 0 " + fl(m*k) + " " + fl((x+quiet)*k) + " " + fl((pageH-y-quiet-float64(n)*m)*k) + " cm\n")
	for r := 0; r < n; r++ {
		row := strconv.Itoa(n-1-r) + " "
		for c := 0; c < n; {
			if !l.qr.Dark(c, r) {
				c++
				continue
			}
			run := c
			for run < n && l.qr.Dark(run, r) {
				run++
			}
			b.WriteString(strconv.Itoa(c) + " " + row + strconv.Itoa(run-c) + " 1 re\n")
			c = run
		}
	}
	b.WriteString("f Q\n")
	l.f.RawWriteStr(b.String())
}

// footer prints the certificate mention on every page, well inside the
// page and not its last line (Despacho 8632/2014 §2.2.2, §2.2.12): the
// seller and the page number follow it.
func (l *layout) footer(p int) {
	lb := &l.c.labels
	l.rule(footerY-1.5, 0.2)
	l.font(bodySize, false)
	l.text(left, footerY, right-left, lh, l.s.mention, "L")
	l.font(smallSize, false)
	l.text(left, footerY+lh+0.5, right-left-30, slh, l.seller.Name+" · "+lb.TaxID+" "+l.seller.TaxID, "L")
	l.text(right-30, footerY+lh+0.5, 30, slh, lb.Page+" "+strconv.Itoa(p+1)+" "+lb.Of+" "+strconv.Itoa(l.pages), "R")
}
