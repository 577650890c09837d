package qrimage_test

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"strings"

	"github.com/faturapt/faturapt/qrcode/qrimage"
)

// The message of the specification's example 2 (a simplified invoice).
const message = "A:123456789*B:999999990*C:PT*D:FS*E:N*F:20190812*G:FS CDVF/12345*H:CDF7T5HD-12345*I1:PT*I7:0.65*I8:0.15*N:0.15*O:0.80*Q:YhGV*R:9999*S:NU;0.80"

func ExamplePNG() {
	data, err := qrimage.PNG(message, qrimage.WithDPI(300))
	if err != nil {
		fmt.Println(err)
		return
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%dx%d pixels\n", img.Bounds().Dx(), img.Bounds().Dy())
	// Output: 378x378 pixels
}

func ExampleSVG() {
	data, err := qrimage.SVG(message, qrimage.WithDPI(300))
	if err != nil {
		fmt.Println(err)
		return
	}
	first, _, _ := strings.Cut(string(data), "\n")
	fmt.Println(first)
	// Output: <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="32.004mm" height="32.004mm" viewBox="0 0 378 378" shape-rendering="crispEdges">
}

func ExampleEncode() {
	s, err := qrimage.Encode(message)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("version", s.Version(), "modules", s.Size())
	// Output: version 9 modules 53
}

func ExampleSymbol_Layout() {
	s, _ := qrimage.Encode(message)
	for _, dpi := range []int{96, 203, 300} {
		l, err := s.Layout(qrimage.WithDPI(dpi))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%d dpi: %d px/module, margin %d px (%.2f mm), side %d px (%.2f mm)\n",
			dpi, l.ModulePixels, l.QuietZonePixels, l.QuietZoneMM(), l.SidePixels, l.SideMM())
	}
	// Output:
	// 96 dpi: 2 px/module, margin 10 px (2.65 mm), side 126 px (33.34 mm)
	// 203 dpi: 4 px/module, margin 20 px (2.50 mm), side 252 px (31.53 mm)
	// 300 dpi: 6 px/module, margin 30 px (2.54 mm), side 378 px (32.00 mm)
}

func ExampleSymbol_Image() {
	s, _ := qrimage.Encode(message)
	img, layout, err := s.Image(qrimage.WithDPI(96))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(img.Bounds().Dx(), layout.SidePixels)
	// Output: 126 126
}

func ExampleSymbol_WritePNG() {
	s, _ := qrimage.Encode(message)
	var buf bytes.Buffer
	if err := s.WritePNG(&buf, qrimage.WithDPI(203)); err != nil { // a thermal receipt printer
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(buf.Bytes(), []byte("\x89PNG")), bytes.Contains(buf.Bytes(), []byte("pHYs")))
	// Output: true true
}

func ExampleSymbol_WriteSVG() {
	s, _ := qrimage.Encode(message)
	err := s.WriteSVG(io.Discard)
	fmt.Println(err)
	// Output: <nil>
}

func ExampleWithDPI() {
	_, err := qrimage.PNG(message, qrimage.WithDPI(10))
	fmt.Println(err)
	// Output: qrimage: invalid: DPI: resolution must be 72 to 4800 dpi, got 10 [QRIMAGE-DPI]
}

func ExampleSymbol_Dark() {
	s, _ := qrimage.Encode(message)
	// The top-left finder pattern: a dark ring, a light ring, a dark core.
	fmt.Println(s.Dark(0, 0), s.Dark(1, 1), s.Dark(3, 3), s.Dark(-1, 0))
	// Output: true false true false
}
