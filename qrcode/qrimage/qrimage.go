package qrimage

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"io"
	"strconv"

	"github.com/faturapt/faturapt/violation"
	goqr "github.com/piglig/go-qr"
)

// Parameters of the specification's §2.
const (
	MinVersion      = 9   // d) Versão: v=9 (valor mínimo)
	MinModulePixels = 2   // c) Pontos por módulo (Size): 2
	MinSizeMM       = 30  // e) Dimensões de imagem: mínimo 30x30 milímetros
	QuietZoneTenths = 25  // f) Margem de Segurança: 0,25 cm, in tenths of a millimetre
	MinQuietModules = 4   // ISO/IEC 18004 quiet zone, for readers
	DefaultDPI      = 300 // a common printer resolution
	MinDPI          = 72
	MaxDPI          = 4800
)

// ErrEncode: the message does not fit a QR symbol at error correction
// level M.
var ErrEncode = errors.New("qrimage: message cannot be encoded at error correction level M")

// ErrInvalid is matched (errors.Is) by the refusal of an empty message or
// of a resolution out of range, a [*violation.Error] with the codes below.
var ErrInvalid = violation.ErrInvalid

// Violation codes.
const (
	CodeEmpty violation.Code = "QRIMAGE-EMPTY"
	CodeDPI   violation.Code = "QRIMAGE-DPI"
)

// Codes is the catalogue of the violation codes of this package.
var Codes = violation.NewCatalogue(
	violation.Entry{Code: CodeEmpty, Description: "the message is empty"},
	violation.Entry{Code: CodeDPI, Description: "the resolution is outside MinDPI..MaxDPI"},
)

func invalid(path string, code violation.Code, format string, args ...any) error {
	var vs violation.List
	vs.Add(path, code, format, args...)
	return vs.Err("qrimage")
}

// Symbol is an encoded QR symbol: a square of dark and light modules,
// without quiet zone.
type Symbol struct {
	version int
	size    int
	dark    []bool // row-major, size*size
}

// Encode encodes message as a QR symbol with error correction level M (not
// raised even when the data would fit a higher level), as a single
// byte-mode segment, at version 9 or the smallest larger version it fits.
func Encode(message string) (*Symbol, error) {
	if message == "" {
		return nil, invalid("message", CodeEmpty, "the QR code message is empty")
	}
	seg, err := goqr.MakeBytes([]byte(message))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEncode, err)
	}
	// mask -1: the encoder picks the lowest-penalty mask, deterministically.
	code, err := goqr.EncodeSegments([]*goqr.QrSegment{seg}, goqr.Medium, MinVersion, goqr.MaxVersion, -1, false)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEncode, err)
	}
	size := code.Size()
	if size < 17+4*MinVersion || (size-17)%4 != 0 {
		return nil, fmt.Errorf("%w: encoder returned a %d-module symbol", ErrEncode, size)
	}
	s := &Symbol{version: (size - 17) / 4, size: size, dark: make([]bool, size*size)}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			s.dark[y*size+x] = code.Module(x, y)
		}
	}
	return s, nil
}

// Version returns the QR version (1..40; 9 or more here).
func (s *Symbol) Version() int { return s.version }

// Size returns the number of modules on a side (17 + 4 × version).
func (s *Symbol) Size() int { return s.size }

// Dark reports whether the module at column x, row y is dark; outside the
// symbol (the quiet zone) it is light.
func (s *Symbol) Dark(x, y int) bool {
	if x < 0 || y < 0 || x >= s.size || y >= s.size {
		return false
	}
	return s.dark[y*s.size+x]
}

// Option changes how an image is laid out.
type Option func(*config)

type config struct{ dpi int }

// WithDPI sets the resolution the image is laid out for (DefaultDPI
// otherwise): it fixes how many pixels make 30 mm and 0,25 cm.
func WithDPI(dpi int) Option { return func(c *config) { c.dpi = dpi } }

// Layout is the geometry of an image of a Symbol, in pixels at DPI.
type Layout struct {
	DPI             int
	ModulePixels    int // pixels on a module's side, 2 or more
	QuietZonePixels int // margin on each side
	SidePixels      int // whole image: modules + 2 margins
}

// SideMM returns the printed side of the image in millimetres.
func (l Layout) SideMM() float64 { return float64(l.SidePixels) * 25.4 / float64(l.DPI) }

// QuietZoneMM returns the printed margin in millimetres.
func (l Layout) QuietZoneMM() float64 { return float64(l.QuietZonePixels) * 25.4 / float64(l.DPI) }

// Layout returns the smallest layout at the resolution that meets §2: at
// least 2 pixels a module, a margin of at least 0,25 cm and 4 modules, and
// at least 30 mm on a side, margin included.
func (s *Symbol) Layout(opts ...Option) (Layout, error) {
	c := config{dpi: DefaultDPI}
	for _, o := range opts {
		o(&c)
	}
	if c.dpi < MinDPI || c.dpi > MaxDPI {
		return Layout{}, invalid("DPI", CodeDPI, "resolution must be %d to %d dpi, got %d", MinDPI, MaxDPI, c.dpi)
	}
	// Millimetres to pixels, rounded up: tenths of mm × dpi / 254.
	px := func(tenths int) int { return (tenths*c.dpi + 253) / 254 }
	minSide, minQuiet := px(MinSizeMM*10), px(QuietZoneTenths)
	for m := MinModulePixels; ; m++ {
		q := max(minQuiet, MinQuietModules*m)
		if side := s.size*m + 2*q; side >= minSide {
			return Layout{DPI: c.dpi, ModulePixels: m, QuietZonePixels: q, SidePixels: side}, nil
		}
	}
}

// Image returns the symbol drawn with its layout: black modules on white.
func (s *Symbol) Image(opts ...Option) (*image.Paletted, Layout, error) {
	l, err := s.Layout(opts...)
	if err != nil {
		return nil, Layout{}, err
	}
	img := image.NewPaletted(image.Rect(0, 0, l.SidePixels, l.SidePixels), color.Palette{color.White, color.Black})
	// Index 0 (white) is the zero value: only dark modules are painted.
	for y := 0; y < s.size; y++ {
		for x := 0; x < s.size; x++ {
			if !s.Dark(x, y) {
				continue
			}
			x0, y0 := l.QuietZonePixels+x*l.ModulePixels, l.QuietZonePixels+y*l.ModulePixels
			for py := y0; py < y0+l.ModulePixels; py++ {
				row := img.Pix[py*img.Stride:]
				for px := x0; px < x0+l.ModulePixels; px++ {
					row[px] = 1
				}
			}
		}
	}
	return img, l, nil
}

// WritePNG writes the symbol as a PNG image laid out for the resolution,
// with a pHYs chunk recording it so that it prints at its size.
func (s *Symbol) WritePNG(w io.Writer, opts ...Option) error {
	img, l, err := s.Image(opts...)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return fmt.Errorf("qrimage: png: %w", err)
	}
	out := buf.Bytes()
	// The PNG signature (8 bytes) and IHDR chunk (25 bytes) come first;
	// pHYs must come before the image data, so it goes right after IHDR.
	const afterIHDR = 8 + 25
	if _, err := w.Write(out[:afterIHDR]); err != nil {
		return err
	}
	if _, err := w.Write(physChunk(l.DPI)); err != nil {
		return err
	}
	_, err = w.Write(out[afterIHDR:])
	return err
}

// physChunk returns a PNG pHYs chunk: pixels per metre on both axes.
func physChunk(dpi int) []byte {
	ppm := uint32((dpi*10000 + 127) / 254) // dpi / 0.0254, rounded
	chunk := make([]byte, 4+4+9+4)
	binary.BigEndian.PutUint32(chunk[0:], 9)
	copy(chunk[4:], "pHYs")
	binary.BigEndian.PutUint32(chunk[8:], ppm)
	binary.BigEndian.PutUint32(chunk[12:], ppm)
	chunk[16] = 1 // unit: metre
	binary.BigEndian.PutUint32(chunk[17:], crc32.ChecksumIEEE(chunk[4:17]))
	return chunk
}

// WriteSVG writes the symbol as an SVG image with the same layout as
// WritePNG: the viewBox is in pixels at the resolution, width and height
// are in millimetres, dark modules are one path of horizontal runs.
func (s *Symbol) WriteSVG(w io.Writer, opts ...Option) error {
	l, err := s.Layout(opts...)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	side := strconv.Itoa(l.SidePixels)
	mm := strconv.FormatFloat(l.SideMM(), 'f', 3, 64) + "mm"
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%s" height="%s" viewBox="0 0 %s %s" shape-rendering="crispEdges">`+"\n", mm, mm, side, side)
	fmt.Fprintf(bw, `<rect width="%s" height="%s" fill="#ffffff"/>`+"\n", side, side)
	bw.WriteString(`<path fill="#000000" d="`)
	m := l.ModulePixels
	for y := 0; y < s.size; y++ {
		for x := 0; x < s.size; {
			if !s.Dark(x, y) {
				x++
				continue
			}
			start := x
			for x < s.size && s.Dark(x, y) {
				x++
			}
			fmt.Fprintf(bw, "M%d %dh%dv%dh-%dz", l.QuietZonePixels+start*m, l.QuietZonePixels+y*m, (x-start)*m, m, (x-start)*m)
		}
	}
	bw.WriteString("\"/>\n</svg>\n")
	return bw.Flush()
}

// PNG encodes message and returns it as a PNG image (see WritePNG).
func PNG(message string, opts ...Option) ([]byte, error) {
	s, err := Encode(message)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := s.WritePNG(&b, opts...); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// SVG encodes message and returns it as an SVG image (see WriteSVG).
func SVG(message string, opts ...Option) ([]byte, error) {
	s, err := Encode(message)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := s.WriteSVG(&b, opts...); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
