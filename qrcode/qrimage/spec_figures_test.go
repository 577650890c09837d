package qrimage

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/qrcode"
)

// The QR codes the specification prints (Figuras 1-4) carry exactly the
// messages of §5 as we rebuilt them from the text; Parse accepts each and
// Build gives it back. This pins our vectors to AT's own images.
func TestATFiguresDecodeToSpecMessages(t *testing.T) {
	files := []string{"at-figure-1-FT.png", "at-figure-2-FS.png", "at-figure-3-PF.png", "at-figure-4-GT.png"}
	for i, name := range files {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", name))
			require.NoError(t, err)
			img, err := png.Decode(bytes.NewReader(data))
			require.NoError(t, err)
			text, level, segs := decode(t, img)
			assert.Equal(t, specMessages[i].msg, text)
			assert.Equal(t, "M", level)
			assert.Equal(t, text, string(segs), "byte mode")

			doc, err := qrcode.Parse(text)
			require.NoError(t, err)
			again, err := qrcode.Build(doc)
			require.NoError(t, err)
			assert.Equal(t, text, again)
		})
	}
}

// The issuing flow end to end: a Document, its message, the PNG, and a
// reader that scans the PNG and parses the message back.
func TestDocumentToPNGAndBack(t *testing.T) {
	doc, err := qrcode.Parse(specMessages[0].msg)
	require.NoError(t, err)
	msg, err := qrcode.Build(doc)
	require.NoError(t, err)
	data, err := PNG(msg, WithDPI(203))
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(data))
	require.NoError(t, err)
	text, _, _ := decode(t, img)
	scanned, err := qrcode.Parse(text)
	require.NoError(t, err)
	assert.Equal(t, doc, scanned)
}
