package qrimage

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"image"
	"image/color"
	"image/png"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/internal/golden"
	"github.com/faturapt/faturapt/violation"
)

// The four messages of the specification's §5 with the version its
// figures state (Module[versão]: 17 -> 85x85, 9 -> 53x53, 10 -> 57x57,
// 9 -> 53x53): level M, byte mode and the version-9 floor give the same.
var specMessages = []struct {
	name    string
	msg     string
	version int
}{
	{"FT", "A:123456789*B:999999990*C:PT*D:FT*E:N*F:20191231*G:FT AB2019/0035*H:CSDF7T5H-0035*I1:PT*I2:12000.00*I3:15000.00*I4:900.00*I5:50000.00*I6:6500.00*I7:80000.00*I8:18400.00*J1:PT-AC*J2:10000.00*J3:25000.56*J4:1000.02*J5:75000.00*J6:6750.00*J7:100000.00*J8:18000.00*K1:PT-MA*K2:5000.00*K3:12500.00*K4:625.00*K5:25000.00*K6:3000.00*K7:40000.00*K8:8800.00*L:100.00*M:25.00*N:64000.02*O:513600.58*P:100.00*Q:kLp0*R:9999*S:TB;PT00000000000000000000000;513500.58", 17},
	{"FS", "A:123456789*B:999999990*C:PT*D:FS*E:N*F:20190812*G:FS CDVF/12345*H:CDF7T5HD-12345*I1:PT*I7:0.65*I8:0.15*N:0.15*O:0.80*Q:YhGV*R:9999*S:NU;0.80", 9},
	{"PF", "A:500000000*B:123456789*C:PT*D:PF*E:N*F:20190123*G:PF G2019CB/145789*H:HB6FT7RV-145789*I1:PT*I2:12345.34*I3:12532.65*I4:751.96*I5:52789.00*I6:6862.57*I7:32425.69*I8:7457.91*N:15072.44*O:125165.12*Q:r/fY*R:9999", 10},
	{"GT", "A:500000000*B:123456789*C:PT*D:GT*E:N*F:20190720*G:GT G234CB/50987*H:GTVX4Y8B-50987*I1:0*N:0.00*O:0.00*Q:5uIg*R:9999", 9},
}

// decode reads a QR code from img with gozxing, an implementation
// independent of the encoder, and returns the text, the error correction
// level and the concatenated byte-mode segments.
func decode(t *testing.T, img image.Image) (text, level string, byteSegments []byte) {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	require.NoError(t, err)
	res, err := zxqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	require.NoError(t, err)
	meta := res.GetResultMetadata()
	level, _ = meta[gozxing.ResultMetadataType_ERROR_CORRECTION_LEVEL].(string)
	segs, _ := meta[gozxing.ResultMetadataType_BYTE_SEGMENTS].([][]byte)
	return res.GetText(), level, bytes.Join(segs, nil)
}

func TestPNGDecodesToTheMessage(t *testing.T) {
	for _, ex := range specMessages {
		for _, dpi := range []int{96, 203, 300, 600} {
			t.Run(ex.name+"/"+strconv.Itoa(dpi), func(t *testing.T) {
				data, err := PNG(ex.msg, WithDPI(dpi))
				require.NoError(t, err)
				img, err := png.Decode(bytes.NewReader(data))
				require.NoError(t, err)

				text, level, segs := decode(t, img)
				assert.Equal(t, ex.msg, text)
				assert.Equal(t, "M", level, "§2 a) error correction M")
				assert.Equal(t, ex.msg, string(segs), "§2 b) the whole message in byte mode")

				// §2 e) and f): at least 30 mm including the 0,25 cm margin.
				side := img.Bounds().Dx()
				assert.Equal(t, side, img.Bounds().Dy())
				assert.GreaterOrEqual(t, float64(side)*25.4/float64(dpi), 30.0, "side in mm")
				margin := lightMargin(img)
				assert.GreaterOrEqual(t, float64(margin)*25.4/float64(dpi), 2.5, "quiet zone in mm")

				// §2 c), d): modules of 2+ pixels, version from the image.
				s, err := Encode(ex.msg)
				require.NoError(t, err)
				modulePx := (side - 2*margin) / s.Size()
				assert.GreaterOrEqual(t, modulePx, MinModulePixels)
				assert.Equal(t, s.Size()*modulePx, side-2*margin, "modules fill the area inside the margin")
				assert.Equal(t, ex.version, s.Version(), "version the spec's figure states")
				assert.Equal(t, 17+4*ex.version, s.Size())

				// The pHYs chunk carries the resolution.
				assert.Equal(t, dpi, physDPI(t, data))
			})
		}
	}
}

// lightMargin returns the number of light pixel rows above the first dark
// pixel (the finder pattern starts the symbol's first row).
func lightMargin(img image.Image) int {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
				return y - b.Min.Y
			}
		}
	}
	return b.Dy()
}

func physDPI(t *testing.T, data []byte) int {
	t.Helper()
	i := bytes.Index(data, []byte("pHYs"))
	require.Positive(t, i, "pHYs chunk")
	require.Less(t, i, bytes.Index(data, []byte("IDAT")), "pHYs before IDAT")
	ppm := binary.BigEndian.Uint32(data[i+4:])
	require.Equal(t, ppm, binary.BigEndian.Uint32(data[i+8:]))
	require.Equal(t, byte(1), data[i+12], "unit metre")
	return int(float64(ppm)*0.0254 + 0.5)
}

func TestSVGDecodesToTheMessage(t *testing.T) {
	for _, ex := range specMessages {
		t.Run(ex.name, func(t *testing.T) {
			data, err := SVG(ex.msg)
			require.NoError(t, err)
			img, widthMM := rasterizeSVG(t, data)
			text, level, _ := decode(t, img)
			assert.Equal(t, ex.msg, text)
			assert.Equal(t, "M", level)
			assert.GreaterOrEqual(t, widthMM, 30.0)

			// Same layout as the PNG at the same resolution.
			pngData, err := PNG(ex.msg)
			require.NoError(t, err)
			pngImg, err := png.Decode(bytes.NewReader(pngData))
			require.NoError(t, err)
			require.Equal(t, pngImg.Bounds(), img.Bounds())
			for y := 0; y < img.Bounds().Dy(); y++ {
				for x := 0; x < img.Bounds().Dx(); x++ {
					a, _, _, _ := img.At(x, y).RGBA()
					b, _, _, _ := pngImg.At(x, y).RGBA()
					require.Equal(t, a, b, "pixel %d,%d", x, y)
				}
			}
		})
	}
}

var runPattern = regexp.MustCompile(`M(\d+) (\d+)h(\d+)v(\d+)h-(\d+)z`)

// rasterizeSVG draws our SVG (a white rect and one path of rectangles) on
// a pixel grid, checking its structure on the way.
func rasterizeSVG(t *testing.T, data []byte) (image.Image, float64) {
	t.Helper()
	var doc struct {
		XMLName xml.Name `xml:"svg"`
		Width   string   `xml:"width,attr"`
		Height  string   `xml:"height,attr"`
		ViewBox string   `xml:"viewBox,attr"`
		Rect    struct {
			Fill string `xml:"fill,attr"`
		} `xml:"rect"`
		Path struct {
			D    string `xml:"d,attr"`
			Fill string `xml:"fill,attr"`
		} `xml:"path"`
	}
	require.NoError(t, xml.Unmarshal(data, &doc))
	require.Equal(t, "http://www.w3.org/2000/svg", doc.XMLName.Space)
	require.Equal(t, doc.Width, doc.Height)
	require.True(t, strings.HasSuffix(doc.Width, "mm"))
	mm, err := strconv.ParseFloat(strings.TrimSuffix(doc.Width, "mm"), 64)
	require.NoError(t, err)
	var x0, y0, w, h int
	_, err = fmtSscan(doc.ViewBox, &x0, &y0, &w, &h)
	require.NoError(t, err)
	require.Equal(t, w, h)
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	cmds := runPattern.FindAllStringSubmatch(doc.Path.D, -1)
	require.NotEmpty(t, cmds)
	require.Equal(t, len(doc.Path.D), totalLen(cmds), "path has only M x yhWvHh-Wz runs")
	for _, c := range cmds {
		n := make([]int, 5)
		for i := range n {
			n[i], _ = strconv.Atoi(c[i+1])
		}
		require.Equal(t, n[2], n[4])
		for y := n[1]; y < n[1]+n[3]; y++ {
			for x := n[0]; x < n[0]+n[2]; x++ {
				img.SetGray(x, y, color.Gray{})
			}
		}
	}
	return img, mm
}

func fmtSscan(s string, v ...*int) (int, error) {
	f := strings.Fields(s)
	if len(f) != len(v) {
		return 0, errors.New("viewBox: wrong number of values")
	}
	for i, p := range v {
		n, err := strconv.Atoi(f[i])
		if err != nil {
			return i, err
		}
		*p = n
	}
	return len(v), nil
}

func totalLen(m [][]string) int {
	n := 0
	for _, c := range m {
		n += len(c[0])
	}
	return n
}

func TestLayout(t *testing.T) {
	s, err := Encode(specMessages[1].msg) // version 9, 53 modules
	require.NoError(t, err)
	tests := []struct {
		dpi  int
		want Layout
	}{
		// 96 dpi: 2.5 mm = 9.45 -> 10 px; 2 px modules: 106 + 20 = 126 >= 114 (30 mm).
		{96, Layout{DPI: 96, ModulePixels: 2, QuietZonePixels: 10, SidePixels: 126}},
		// 300 dpi: 30 mm = 354.3 -> 355 px; quiet 29.5 -> 30; 53*6 + 60 = 378.
		{300, Layout{DPI: 300, ModulePixels: 6, QuietZonePixels: 30, SidePixels: 378}},
		// 72 dpi: 2 px modules; quiet 7.1 -> 8 = 4 modules; 106 + 16 = 122 >= 86.
		{72, Layout{DPI: 72, ModulePixels: 2, QuietZonePixels: 8, SidePixels: 122}},
		// 600 dpi: 709 px needed; quiet 60 px; (709-120)/53 -> 12 px; 636 + 120 = 756.
		{600, Layout{DPI: 600, ModulePixels: 12, QuietZonePixels: 60, SidePixels: 756}},
	}
	for _, tt := range tests {
		got, err := s.Layout(WithDPI(tt.dpi))
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "dpi %d", tt.dpi)
		assert.GreaterOrEqual(t, got.SideMM(), 30.0)
		assert.GreaterOrEqual(t, got.QuietZoneMM(), 2.5)
		assert.GreaterOrEqual(t, got.QuietZonePixels, 4*got.ModulePixels)
	}
	for _, dpi := range []int{0, -1, 71, 4801} {
		_, err := s.Layout(WithDPI(dpi))
		assert.True(t, violation.Has(err, CodeDPI), "dpi %d: %v", dpi, err)
	}
}

func TestEncodeErrors(t *testing.T) {
	_, err := Encode("")
	assert.True(t, violation.Has(err, CodeEmpty), "%v", err)
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = PNG(strings.Repeat("x", 3000)) // over version 40-M byte capacity (2331)
	assert.ErrorIs(t, err, ErrEncode)
	_, err = SVG("A:1", WithDPI(10))
	assert.True(t, violation.Has(err, CodeDPI), "%v", err)
}

func TestSymbolIsDeterministic(t *testing.T) {
	// The same document must print the same code every time (reprints).
	for _, ex := range specMessages {
		first, err := SVG(ex.msg)
		require.NoError(t, err)
		for range 5 {
			again, err := SVG(ex.msg)
			require.NoError(t, err)
			require.Equal(t, first, again, ex.name)
		}
	}
}

func TestSymbolDarkOutside(t *testing.T) {
	s, err := Encode("A:1")
	require.NoError(t, err)
	assert.Equal(t, MinVersion, s.Version())
	assert.True(t, s.Dark(0, 0), "finder pattern corner")
	assert.False(t, s.Dark(-1, 0))
	assert.False(t, s.Dark(0, s.Size()))
}

func TestGoldenSVG(t *testing.T) {
	got, err := SVG(specMessages[3].msg, WithDPI(96))
	require.NoError(t, err)
	golden.Check(t, filepath.Join("testdata", "spec-example-4-GT-96dpi.svg"), got)
}

func BenchmarkPNG(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PNG(specMessages[0].msg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSVG(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SVG(specMessages[0].msg); err != nil {
			b.Fatal(err)
		}
	}
}
