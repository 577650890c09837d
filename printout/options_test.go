package printout_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/internal/violationtest"
	"github.com/faturapt/faturapt/printout"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/violation"
)

func pngLogo(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 40, 10))
	for x := range 40 {
		for y := range 10 {
			img.Set(x, y, color.RGBA{R: uint8(6 * x), G: 80, B: 160, A: 255})
		}
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	return buf.Bytes()
}

func TestBadPrinterOrDocument(t *testing.T) {
	invoice := examples(t)[0]
	for _, tc := range []struct {
		name   string
		seller printout.Seller
		opts   []printout.Option
		codes  []violation.Code
	}{
		{"no name", printout.Seller{TaxID: sellerNIF}, nil, []violation.Code{"PRINT-SELLER"}},
		{"bad NIF", printout.Seller{Name: "X", TaxID: "123"}, nil, []violation.Code{"PRINT-SELLER"}},
		{"logo not an image", seller, []printout.Option{printout.WithLogo([]byte("GIF89a"))}, []violation.Code{"PRINT-LOGO"}},
		{"colour", seller, []printout.Option{printout.WithColor(printout.RGB{R: 300})}, []violation.Code{"PRINT-COLOR"}},
		{"copy", seller, []printout.Option{printout.WithCopy(-1)}, []violation.Code{"PRINT-COPY"}},
		{"training without software house", seller, []printout.Option{printout.WithTraining(printout.Seller{})}, []violation.Code{"PRINT-TRAINING"}},
		{"labels", seller, []printout.Option{printout.WithLabels(printout.Labels{})}, []violation.Code{"PRINT-LABELS"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := printout.New(tc.seller, tc.opts...)
			violationtest.Check(t, err, printout.Codes, tc.codes...)
		})
	}
	t.Run("another seller's document", func(t *testing.T) {
		other := seller
		other.TaxID = "503504564"
		p, err := printout.New(other)
		require.NoError(t, err)
		err = p.Document(io.Discard, invoice.issued)
		violationtest.Check(t, err, printout.Codes, "PRINT-SELLER-NIF")
		// In training mode the header is the software house's.
		require.NoError(t, p.Document(io.Discard, invoice.issued, printout.WithTraining(softwareHouse)))
	})
	t.Run("nothing to print", func(t *testing.T) {
		p := printer(t)
		violationtest.Check(t, p.Document(io.Discard, nil), printout.Codes, "PRINT-DOCUMENT")
		violationtest.Check(t, p.Receipt(io.Discard, nil), printout.Codes, "PRINT-DOCUMENT")
		d := *invoice.issued
		d.Printed.QR = ""
		violationtest.Check(t, p.Document(io.Discard, &d), printout.Codes, "PRINT-DOCUMENT")
	})
}

// TestLabelsComplete: both tables name every copy and payment mechanism
// and have every word.
func TestLabelsComplete(t *testing.T) {
	for name, l := range map[string]printout.Labels{"Portuguese": printout.Portuguese, "English": printout.English} {
		v := reflect.ValueOf(l)
		for i := range v.NumField() {
			if f := v.Field(i); f.Kind() == reflect.String {
				assert.NotEmpty(t, f.String(), "%s.%s", name, v.Type().Field(i).Name)
			}
		}
		for _, c := range printout.Original.Values() {
			assert.NotEmpty(t, l.Copies[c], "%s copy %d", name, c)
		}
		for _, m := range saft.PaymentMechanism("").Values() {
			assert.NotEmpty(t, l.Mechanisms[m], "%s mechanism %s", name, m)
		}
	}
}

// TestEnglishWithLogo prints the invoice in English with a logo and a
// colour: the layout's words change, the legal mentions do not.
func TestEnglishWithLogo(t *testing.T) {
	poppler(t)
	e := examples(t)[0]
	p, err := printout.New(seller, printout.WithLogo(pngLogo(t)), printout.WithColor(printout.RGB{R: 200, G: 30, B: 30}), printout.WithLabels(printout.English))
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "en.pdf")
	require.NoError(t, os.WriteFile(path, e.render(t, p), 0o644))
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	require.NoError(t, err)
	text := normalize(string(out))
	for _, s := range []string{"Invoice (Fatura)", "Unit price", "Total excl. VAT", "1,403.39 EUR", "M07: Isento artigo 9.º do CIVA",
		e.issued.Printed.Mention, e.issued.Printed.ATCUD} {
		assert.Contains(t, text, s)
	}
	assert.False(t, strings.Contains(text, "Preço unit."))
	imgs, err := exec.Command("pdfimages", "-list", path).Output()
	if err == nil {
		assert.Contains(t, string(imgs), "40    10", "the logo is embedded")
	}
}

// TestFonts: a document in Windows-1252 embeds the whole fonts made once
// per process; one with another character, Unicode subsets.
func TestFonts(t *testing.T) {
	p := printer(t)
	for _, e := range examples(t) {
		pdf := e.render(t, p)
		unicode := e.name == "unicode-customer"
		assert.Equal(t, unicode, bytes.Contains(pdf, []byte("/Encoding /Identity-H")), "%s: Unicode fonts", e.name)
		assert.Equal(t, !unicode, bytes.Contains(pdf, []byte("/Encoding /WinAnsiEncoding")), "%s: Windows-1252 fonts", e.name)
	}
	// A character outside Windows-1252 in a label drawn only (a column
	// head, never measured) switches to the Unicode fonts too.
	polish := printout.Portuguese
	polish.Value = "Wartość"
	pdf := examples(t)[0].render(t, p, printout.WithLabels(polish))
	assert.True(t, bytes.Contains(pdf, []byte("/Encoding /Identity-H")), "a label in Polish")
}

// TestConcurrent: one Printer renders documents from several goroutines
// at once, each the same bytes as alone.
func TestConcurrent(t *testing.T) {
	p := printer(t)
	es := examples(t)
	want := make([][]byte, len(es))
	for i := range es {
		want[i] = es[i].render(t, p)
	}
	got := make([][]byte, len(es))
	done := make(chan int)
	for i := range es {
		go func() {
			var buf bytes.Buffer
			var err error
			if es[i].receipt != nil {
				err = p.Receipt(&buf, es[i].receipt, es[i].opts...)
			} else {
				err = p.Document(&buf, es[i].issued, es[i].opts...)
			}
			if err == nil {
				got[i] = buf.Bytes()
			}
			done <- i
		}()
	}
	for range es {
		<-done
	}
	for i := range es {
		assert.Equal(t, want[i], got[i], es[i].name)
	}
}
