package printout

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/encoding/charmap"
)

// The Go fonts are embedded in one of two ways. A document whose text is
// all in Windows-1252 (every letter of Portuguese, €, º, ª, the dashes and
// quotes) uses the fonts as simple TrueType fonts with that encoding: their
// definitions and compressed files are made once per process, not for
// each document. A document with any other character (a foreign
// customer's name) embeds subsets of the fonts with Unicode encoding,
// which fpdf parses and cuts for each document.

// winFont is a font definition as fpdf's AddFontFromBytes reads it, and
// the font file compressed.
type winFont struct {
	def, z []byte
	err    error
}

var (
	winOnce  sync.Once
	winFonts [2]winFont // regular, bold
)

func windowsFonts() ([2]winFont, error) {
	winOnce.Do(func() {
		winFonts[0] = makeWinFont(goregular.TTF, "GoRegular.z", false)
		winFonts[1] = makeWinFont(gobold.TTF, "GoBold.z", true)
	})
	for _, f := range winFonts {
		if f.err != nil {
			return winFonts, f.err
		}
	}
	return winFonts, nil
}

type fontBox struct{ Xmin, Ymin, Xmax, Ymax int }

type fontDesc struct {
	Ascent, Descent, CapHeight, Flags int
	FontBBox                          fontBox
	ItalicAngle, StemV, MissingWidth  int
}

// fontDef mirrors the JSON of fpdf's font definition files.
type fontDef struct {
	Tp           string
	Name         string
	Desc         fontDesc
	Up, Ut       int
	Cw           []int
	Enc, Diff    string
	File         string
	Size1, Size2 int
	OriginalSize int
}

// makeWinFont reads the metrics of ttf with package sfnt, in thousandths
// of an em, as fpdf's MakeFont would write them for encoding cp1252.
func makeWinFont(ttf []byte, file string, bold bool) winFont {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return winFont{err: err}
	}
	var buf sfnt.Buffer
	upem := fixed.Int26_6(f.UnitsPerEm())
	ppem := upem << 6 // one unit per font unit: metrics come back in font units
	k := 1000 / float64(f.UnitsPerEm())
	scale := func(v fixed.Int26_6) int { return int(math.Round(k * float64(v) / 64)) }
	name, err := f.Name(&buf, sfnt.NameIDPostScript)
	if err != nil {
		return winFont{err: err}
	}
	m, err := f.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return winFont{err: err}
	}
	bounds, err := f.Bounds(&buf, ppem, font.HintingNone)
	if err != nil {
		return winFont{err: err}
	}
	post := f.PostTable()
	def := fontDef{Tp: "TrueType", Name: name, Enc: "cp1252", File: file, OriginalSize: len(ttf), Cw: make([]int, 256)}
	// sfnt's y axis points down: ascent is positive, bounds' Min.Y is the top.
	def.Desc.Ascent, def.Desc.Descent, def.Desc.CapHeight = scale(m.Ascent), -scale(m.Descent), scale(m.CapHeight)
	def.Desc.FontBBox = fontBox{scale(bounds.Min.X), -scale(bounds.Max.Y), scale(bounds.Max.X), -scale(bounds.Min.Y)}
	def.Desc.Flags = 1 << 5 // non-symbolic
	def.Desc.StemV = 70
	if bold {
		def.Desc.StemV = 120
	}
	if post != nil {
		def.Up, def.Ut = int(math.Round(k*float64(post.UnderlinePosition))), int(math.Round(k*float64(post.UnderlineThickness)))
	}
	missing, err := f.GlyphAdvance(&buf, 0, ppem, font.HintingNone)
	if err != nil {
		return winFont{err: err}
	}
	def.Desc.MissingWidth = scale(missing)
	for c := range 256 {
		def.Cw[c] = def.Desc.MissingWidth
		r := charmap.Windows1252.DecodeByte(byte(c))
		if r == 0xFFFD {
			continue
		}
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			continue
		}
		adv, err := f.GlyphAdvance(&buf, g, ppem, font.HintingNone)
		if err != nil {
			return winFont{err: err}
		}
		def.Cw[c] = scale(adv)
	}
	js, err := json.Marshal(def)
	if err != nil {
		return winFont{err: err}
	}
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	if _, err := zw.Write(ttf); err != nil {
		return winFont{err: err}
	}
	if err := zw.Close(); err != nil {
		return winFont{err: err}
	}
	return winFont{def: js, z: z.Bytes()}
}

// toWindows1252 encodes s for the Windows-1252 fonts; ok is false when a
// character has no code there.
func toWindows1252(s string) (string, bool) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s, true
	}
	out := make([]byte, 0, len(s))
	for _, r := range s {
		b, ok := charmap.Windows1252.EncodeRune(r)
		if !ok {
			return "", false
		}
		out = append(out, b)
	}
	return string(out), true
}
