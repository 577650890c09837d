package printout_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/internal/golden"
	"github.com/faturapt/faturapt/printout"
	"github.com/faturapt/faturapt/qrcode/qrimage"
)

func printer(t testing.TB) *printout.Printer {
	t.Helper()
	p, err := printout.New(seller)
	require.NoError(t, err)
	return p
}

// TestGolden renders every example twice, the same bytes each time, and
// compares it with its golden PDF.
func TestGolden(t *testing.T) {
	p := printer(t)
	for _, e := range examples(t) {
		t.Run(e.name, func(t *testing.T) {
			got := e.render(t, p)
			require.Equal(t, got, e.render(t, p), "a second rendering gives other bytes")
			golden.Check(t, filepath.Join("testdata", e.name+".pdf"), got)
		})
	}
}

// poppler returns the poppler tools the print tests read PDFs with; they
// skip without them, except in CI (.ci/run installs poppler-utils).
func poppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftoppm", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing (apt-get install poppler-utils)", tool)
			}
			t.Skipf("%s is missing: install poppler-utils to read the PDFs", tool)
		}
	}
}

func run(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "%s: %s", name, stderr.String())
	return out
}

// normalize folds every run of white space (no-break spaces, line ends)
// into one space, as a reader sees the text.
func normalize(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

var (
	carried        = regexp.MustCompile(`A transportar: ([0-9 ,]+) €`)
	broughtForward = regexp.MustCompile(`Transporte: ([0-9 ,]+) €`)
)

// The DPI the last page is rasterised at for the QR code.
const dpi = 150

// TestPrintedDocument reads each example's PDF with poppler: the text of
// every page has the document's identity, ATCUD and certificate mention,
// the last page every legal text; the QR code on the last page decodes to
// the document's message, is at least 30 mm with its quiet zone, and the
// ATCUD is immediately above it.
func TestPrintedDocument(t *testing.T) {
	poppler(t)
	p := printer(t)
	dir := t.TempDir()
	for _, e := range examples(t) {
		t.Run(e.name, func(t *testing.T) {
			if testing.Short() && e.name != "invoice" && e.name != "four-pages" && e.name != "receipt" {
				t.Skip("-short: an invoice, a multi-page document and a receipt")
			}
			path := filepath.Join(dir, e.name+".pdf")
			require.NoError(t, os.WriteFile(path, e.render(t, p), 0o644))

			pages := strings.Split(strings.TrimSuffix(string(run(t, "pdftotext", "-enc", "UTF-8", path, "-")), "\f"), "\f")
			require.Len(t, pages, e.pages, "pages")
			mention := "Processado por programa certificado n.º 9999/AT"
			if e.receipt != nil {
				mention = "Emitido por programa certificado n.º 9999/AT"
			} else {
				mention = e.issued.Document.HashChars + "-" + mention
			}
			for i, pg := range pages {
				text := normalize(pg)
				// Portaria 195/2020 art. 4.º n.º 3; Despacho 8632/2014 §2.2.2, §2.2.11.
				assert.Contains(t, text, e.atcud(), "page %d: ATCUD", i+1)
				assert.Contains(t, text, mention, "page %d: certificate mention", i+1)
				assert.Contains(t, text, fmt.Sprintf("Página %d de %d", i+1, len(pages)), "page %d", i+1)
			}
			// §2.2.11: what a page carries forward, the next brings forward.
			for i := 0; i+1 < len(pages); i++ {
				out := carried.FindStringSubmatch(normalize(pages[i]))
				in := broughtForward.FindStringSubmatch(normalize(pages[i+1]))
				if assert.NotNil(t, out, "page %d carries forward", i+1) && assert.NotNil(t, in, "page %d brings forward", i+2) {
					assert.Equal(t, out[1], in[1], "page %d to %d", i+1, i+2)
				}
			}
			all := normalize(strings.Join(pages, " "))
			last := normalize(pages[len(pages)-1])
			for _, m := range e.mentions() {
				assert.Contains(t, all, normalize(m), "mention")
			}
			for _, s := range e.texts {
				assert.Contains(t, all, normalize(s))
			}
			assert.Contains(t, last, "Total", "totals on the last page")

			checkQR(t, e, path, len(pages))
		})
	}
}

// checkQR rasterises the last page, decodes its QR code, measures it and
// finds the ATCUD immediately above it in the text layer.
func checkQR(t *testing.T, e example, path string, last int) {
	n := strconv.Itoa(last)
	img := pgm(t, run(t, "pdftoppm", "-r", strconv.Itoa(dpi), "-f", n, "-l", n, "-singlefile", "-gray", path))
	words := bboxWords(t, path, n)
	px := func(pt float64) int { return int(pt * dpi / 72) }

	// The QR code is looked for below each ATCUD of the page first (a
	// small image decodes fast), then on the whole page.
	var crops []image.Rectangle
	for i := len(words) - 1; i >= 0; i-- { // the lowest first
		if w := words[i]; w.Text == e.atcud() {
			crops = append(crops, image.Rect(px(w.XMin)-80, px(w.YMax), px(w.XMax)+80, px(w.YMax)+45*dpi*10/254).Intersect(img.Rect))
		}
	}
	slices.SortStableFunc(crops, func(a, b image.Rectangle) int { return b.Min.Y - a.Min.Y })
	var res *gozxing.Result
	var origin image.Point
	for _, r := range append(crops, img.Rect) {
		bmp, err := gozxing.NewBinaryBitmapFromImage(crop(img, r))
		require.NoError(t, err)
		if res, err = zxqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}); err == nil {
			origin = r.Min
			break
		}
	}
	require.NotNil(t, res, "no QR code on the last page")
	assert.Equal(t, e.qr(), res.GetText(), "the QR code's message")

	// The symbol's box: the dark pixels around the finder patterns
	// (bottom left, top left, top right centres, 3.5 modules inside the
	// corners), looked for up to a module beyond the corners.
	pts := res.GetResultPoints()
	at := func(i int) (float64, float64) {
		return pts[i].GetX() + float64(origin.X), pts[i].GetY() + float64(origin.Y)
	}
	_, blY := at(0)
	tlX, tlY := at(1)
	trX, _ := at(2)
	modules := symbolSize(t, e.qr())
	est := (trX - tlX) / float64(modules-7)
	x0, y0, x1, y1 := darkBox(img, int(tlX-4.5*est), int(tlY-4.5*est), int(trX+4.5*est), int(blY+4.5*est))
	left, topY := float64(x0), float64(y0)
	side := float64(x1 - x0)
	module := side / float64(modules)
	assert.InDelta(t, side, float64(y1-y0), 2, "square")
	mm := func(px float64) float64 { return px * 25.4 / dpi }

	// Especificações Técnicas Código QR §2 e), f): a light margin of at
	// least 2,5 mm and 4 modules, and 30 mm with it.
	quiet := math.Max(2.5*dpi/25.4, 4*module)
	assert.True(t, light(img, int(left-quiet+1), int(topY-quiet+1), int(left+side+quiet-1), int(topY+side+quiet-1), int(left-1), int(topY-1), int(left+side+1), int(topY+side+1)),
		"the quiet zone is light (symbol at %.0f,%.0f px, side %.0f px, quiet %.0f px)", left, topY, side, quiet)
	assert.GreaterOrEqual(t, mm(side+2*quiet)+0.2, 30.0, "QR code with its quiet zone, mm (within a rasterised pixel)")

	// Portaria 195/2020 art. 4.º n.º 3: the ATCUD immediately above.
	pt := func(px float64) float64 { return px * 72 / dpi }
	qrTop, qrLeft, qrRight := pt(topY-quiet), pt(left-quiet), pt(left+side+quiet)
	found := false
	for _, w := range words {
		if w.Text != e.atcud() {
			continue
		}
		gap := qrTop - w.YMax
		if centre := (w.XMin + w.XMax) / 2; gap >= -0.5 && gap <= 3*72/25.4 && centre >= qrLeft && centre <= qrRight {
			found = true
		}
	}
	assert.True(t, found, "%s within 3 mm above the QR code (top %.1f pt, x %.1f-%.1f pt) in %v", e.atcud(), qrTop, qrLeft, qrRight, words)
}

// crop copies the rectangle r of img into an image of its own.
func crop(img *image.Gray, r image.Rectangle) *image.Gray {
	out := image.NewGray(image.Rect(0, 0, r.Dx(), r.Dy()))
	for y := range r.Dy() {
		copy(out.Pix[y*out.Stride:y*out.Stride+r.Dx()], img.Pix[(r.Min.Y+y)*img.Stride+r.Min.X:])
	}
	return out
}

// pgm reads the binary greymap pdftoppm writes (-gray, no -png: no
// compression to undo).
func pgm(t *testing.T, data []byte) *image.Gray {
	var w, h, maxv int
	_, err := fmt.Sscanf(string(data[:min(len(data), 40)]), "P5\n%d %d\n%d", &w, &h, &maxv)
	require.NoError(t, err, "PGM header")
	require.Equal(t, 255, maxv)
	pix := data[len(data)-w*h:]
	return &image.Gray{Pix: pix, Stride: w, Rect: image.Rect(0, 0, w, h)}
}

// darkBox is the box of the dark pixels in the rectangle.
func darkBox(img *image.Gray, x0, y0, x1, y1 int) (bx0, by0, bx1, by1 int) {
	bx0, by0 = x1, y1
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			if img.GrayAt(x, y).Y < 0x80 {
				bx0, by0, bx1, by1 = min(bx0, x), min(by0, y), max(bx1, x+1), max(by1, y+1)
			}
		}
	}
	return bx0, by0, bx1, by1
}

// light reports whether every pixel of the ring between the outer and
// inner rectangles is light.
func light(img *image.Gray, x0, y0, x1, y1, ix0, iy0, ix1, iy1 int) bool {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			if x >= ix0 && x < ix1 && y >= iy0 && y < iy1 {
				continue
			}
			if img.GrayAt(x, y).Y < 0xc0 {
				return false
			}
		}
	}
	return true
}

type word struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// bboxWords is the words of page n with their boxes, in points from the
// page's top left (pdftotext -bbox).
func bboxWords(t *testing.T, path, n string) []word {
	out := run(t, "pdftotext", "-bbox", "-f", n, "-l", n, path, "-")
	var words []word
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "word" {
			var w word
			require.NoError(t, dec.DecodeElement(&w, &se))
			words = append(words, w)
		}
	}
	require.NotEmpty(t, words)
	return words
}

func symbolSize(t *testing.T, msg string) int {
	s, err := qrimage.Encode(msg)
	require.NoError(t, err)
	return s.Size()
}
