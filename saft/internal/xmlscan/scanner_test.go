package xmlscan

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
)

// tokens renders the token stream of the scanner as one line per token,
// merging adjacent text, for comparison with encoding/xml.
func tokens(t testing.TB, input []byte, opts ...Option) ([]string, error) {
	t.Helper()
	return tokensFrom(New(bytes.NewReader(input), opts...))
}

func tokensFrom(s *Scanner) ([]string, error) {
	var out []string
	var text []byte
	inText := false
	flush := func() {
		if inText {
			out = append(out, "T "+string(text))
			text, inText = text[:0], false
		}
	}
	for {
		k, err := s.Next()
		if err == io.EOF {
			flush()
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch k {
		case StartElement:
			flush()
			out = append(out, "S {"+s.Space()+"}"+s.Name())
		case EndElement:
			flush()
			out = append(out, "E {"+s.Space()+"}"+s.Name())
		case Text:
			text = append(text, s.Text()...)
			inText = true
		}
	}
}

// stdTokens is the same rendering from encoding/xml.
func stdTokens(input []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(input))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch enc, _ := encodingByName(label); enc {
		case Windows1252:
			return charmap.Windows1252.NewDecoder().Reader(r), nil
		case ISO88591:
			return charmap.ISO8859_1.NewDecoder().Reader(r), nil
		}
		return nil, fmt.Errorf("unsupported %q", label)
	}
	var out []string
	var text []byte
	inText := false
	depth := 0
	flush := func() {
		if inText {
			out = append(out, "T "+string(text))
			text, inText = text[:0], false
		}
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			flush()
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			flush()
			depth++
			out = append(out, "S {"+tok.Name.Space+"}"+tok.Name.Local)
		case xml.EndElement:
			flush()
			depth--
			out = append(out, "E {"+tok.Name.Space+"}"+tok.Name.Local)
		case xml.CharData:
			if depth > 0 {
				text = append(text, tok...)
				inText = true
			}
		}
	}
}

const sample = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">
  <Header>
    <AuditFileVersion>1.04_01</AuditFileVersion>
    <CompanyName>Caf&#233; &amp; Ch&#xE1; &lt;Lda&gt; &quot;x&quot; &apos;y&apos;</CompanyName>
    <Empty/>
    <Cdata><![CDATA[a<b>&c]]></Cdata>
    <Accents>ção</Accents>
  </Header>
</AuditFile>
`

func TestScannerTokens(t *testing.T) {
	got, err := tokens(t, []byte(sample))
	require.NoError(t, err)
	ns := "{urn:OECD:StandardAuditFile-Tax:PT_1.04_01}"
	assert.Equal(t, []string{
		"S " + ns + "AuditFile", "T \n  ",
		"S " + ns + "Header", "T \n    ",
		"S " + ns + "AuditFileVersion", "T 1.04_01", "E " + ns + "AuditFileVersion", "T \n    ",
		"S " + ns + "CompanyName", `T Café & Chá <Lda> "x" 'y'`, "E " + ns + "CompanyName", "T \n    ",
		"S " + ns + "Empty", "E " + ns + "Empty", "T \n    ",
		"S " + ns + "Cdata", "T a<b>&c", "E " + ns + "Cdata", "T \n    ",
		"S " + ns + "Accents", "T ção", "E " + ns + "Accents", "T \n  ",
		"E " + ns + "Header", "T \n",
		"E " + ns + "AuditFile",
	}, got)
	std, err := stdTokens([]byte(sample))
	require.NoError(t, err)
	assert.Equal(t, std, got)
}

func TestScannerPositions(t *testing.T) {
	in := "<?xml version=\"1.0\"?>\n<a>\n  <b>x</b>\n  <c\n  >y</c></a>"
	s := New(strings.NewReader(in))
	type pos struct {
		kind      Kind
		name      string
		line, col int
	}
	var got []pos
	for {
		k, err := s.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		got = append(got, pos{k, s.Name(), s.Line(), s.Col()})
	}
	assert.Equal(t, []pos{
		{StartElement, "a", 2, 1}, {Text, "a", 2, 4},
		{StartElement, "b", 3, 3}, {Text, "b", 3, 6}, {EndElement, "b", 3, 7}, {Text, "b", 3, 11},
		{StartElement, "c", 4, 3}, {Text, "c", 5, 4}, {EndElement, "c", 5, 5},
		{EndElement, "a", 5, 9},
	}, got)
}

func TestScannerEncodings(t *testing.T) {
	// "Ç€ão" in Windows-1252: C7 80 E3 6F; in ISO-8859-1 0x80 is a C1 control.
	w := []byte("<?xml version=\"1.0\" encoding=\"Windows-1252\"?><a n=\"\xC7\">\xC7\x80\xE3o</a>")
	got, err := tokens(t, w)
	require.NoError(t, err)
	assert.Equal(t, []string{"S {}a", "T Ç€ão", "E {}a"}, got)
	std, err := stdTokens(w)
	require.NoError(t, err)
	assert.Equal(t, std, got)

	s := New(bytes.NewReader(w))
	_, err = s.Next()
	require.NoError(t, err)
	assert.Equal(t, Windows1252, s.Encoding())
	assert.Equal(t, []Attr{{Local: "n", Value: "Ç"}}, s.Attrs())

	// Names with letters beyond ASCII are decoded too.
	n := []byte("<?xml version='1.0' encoding='windows-1252'?><a\xE7\xE3o>x</a\xE7\xE3o>")
	got, err = tokens(t, n)
	require.NoError(t, err)
	assert.Equal(t, []string{"S {}ação", "T x", "E {}ação"}, got)
	_, err = tokens(t, []byte("<?xml version='1.0' encoding='windows-1252'?><a\xE7\xE3o>x</a\xE7\xE3>"))
	require.Error(t, err)

	l := []byte("<?xml version='1.0' encoding='ISO-8859-1'?><a>\xE3</a>")
	got, err = tokens(t, l)
	require.NoError(t, err)
	assert.Equal(t, []string{"S {}a", "T ã", "E {}a"}, got)

	// Every Windows-1252 byte decodes as golang.org/x/text does.
	for c := 0x80; c < 0x100; c++ {
		if decodeSingle(Windows1252, byte(c)) < 0 {
			_, err := tokens(t, []byte("<?xml version='1.0' encoding='cp1252'?><a>"+string([]byte{byte(c)})+"</a>"))
			var se *SyntaxError
			require.ErrorAs(t, err, &se, "byte %#x", c)
			assert.Contains(t, se.Msg, "not a character in windows-1252")
			continue
		}
		want, err := charmap.Windows1252.NewDecoder().Bytes([]byte{byte(c)})
		require.NoError(t, err)
		assert.Equal(t, string(want), string(decodeSingle(Windows1252, byte(c))), "byte %#x", c)
	}

	bom := append([]byte{0xEF, 0xBB, 0xBF}, "<?xml version=\"1.0\"?><a>é</a>"...)
	got, err = tokens(t, bom)
	require.NoError(t, err)
	assert.Equal(t, []string{"S {}a", "T é", "E {}a"}, got)
}

func TestScannerSmallBuffers(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="windows-1252"?>` + "\r\n<r xmlns=\"urn:x\">")
	for i := range 500 {
		fmt.Fprintf(&b, "\r\n <i n=\"%d\"><v>%d &amp; \xE9</v><!-- c%d --><w><![CDATA[%d]]></w><e/></i>", i, i, i, i)
	}
	b.WriteString("</r>\n")
	in := []byte(b.String())
	want, err := stdTokens(in)
	require.NoError(t, err)
	for _, size := range []int{16, 17, 64, 1000, 1 << 16} {
		got, err := tokensFrom(New(iotest.OneByteReader(bytes.NewReader(in)), WithBufferSize(size)))
		require.NoError(t, err, "size %d", size)
		assert.Equal(t, want, got, "size %d", size)
	}
}

func TestScannerErrors(t *testing.T) {
	cases := []struct {
		in        string
		line, col int
		msg       string
	}{
		{"", 1, 1, "no root element"},
		{"<a>", 1, 4, "not closed"},
		{"<a>\n<b></a>", 2, 4, "element <b> closed by </a>"},
		{"<a>x &foo; y</a>", 1, 6, "unknown entity"},
		{"<a>x &#0; y</a>", 1, 6, "invalid character reference"},
		{"<a>x & y</a>", 1, 6, "invalid character entity"},
		{"<a>\x01</a>", 1, 4, "illegal character"},
		{"<a>]]></a>", 1, 4, `"]]>"`},
		{"<a></a><b/>", 1, 8, "after the root"},
		{"x<a/>", 1, 1, "text outside"},
		{"<!DOCTYPE a><a/>", 1, 1, "DTD"},
		{"<a><!-- x -- y --></a>", 1, 11, `"--"`},
		{"<a b=c/>", 1, 6, "quoted"},
		{"<a b='<'/>", 1, 7, "'<'"},
		{"<a\n  b='1'c='2'/>", 2, 8, "whitespace"},
		{"<p:a/>", 1, 2, "undeclared namespace prefix"},
		{"<a:b:c xmlns:a='u'/>", 1, 2, "qualified name"},
		{"<1a/>", 1, 2, "expected a name"},
		{"<?xml version=\"1.0\" encoding=\"EBCDIC\"?><a/>", 1, 31, "unsupported encoding"},
		// As a real export declares it; xmllint: "String not closed".
		{"<?xml version=\"1.0\" encoding=\"UTF-8 \"?><a/>", 1, 31, "surrounding spaces"},
		{"<?xml version=\"1.1\"?><a/>", 1, 16, "unsupported XML version"},
		{"<a/>\n<?xml version=\"1.0\"?>", 2, 1, "XML declaration"},
		{"<a>\xff</a>", 1, 4, "UTF-8"},
		{"\xff\xfe<\x00a\x00/\x00>\x00", 1, 1, "UTF-16"},
		{"<a>\n\n   </b>", 3, 4, "closed by"},
		// Not well-formed (xmllint: "Attribute b redefined").
		{"<a>\n <c b='1' d='2' b='3'/></a>", 2, 2, "attribute b repeated in <c>"},
		{"<a xmlns='u' xmlns='v'/>", 1, 1, "attribute xmlns repeated"},
		{"<a xmlns:p='u' xmlns:p='u'/>", 1, 1, "attribute xmlns:p repeated"},
		{"<a p:b='1' p:b='2' xmlns:p='u'/>", 1, 1, "attribute p:b repeated"},
		{"<a a1='' a2='' a3='' a4='' a5='' a6='' a7='' a8='' a9='' a1=''/>", 1, 1, "attribute a1 repeated"},
		{"<a xmlns:p='u' xmlns:q='u' p:b='1' q:b='2'/>", 1, 1, "attribute {u}b repeated"},
		// The same tags where the scanner predicts the name (it came after
		// the previous tag before): the checks still hold.
		{"<r><x xmlns:p='u'><p:b></p:b></x><x><p:b></p:b></x></r>", 1, 38, "undeclared namespace prefix"},
		{"<r><a></a><b></b><a></a><b x='1' x='2'></b></r>", 1, 25, "attribute x repeated"},
		{"<r><a></a><b></b><a></a><b></a></r>", 1, 28, "element <b> closed by </a>"},
		{"<r><a></a></r><a></a>", 1, 15, "after the root"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			_, err := tokens(t, []byte(c.in))
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Contains(t, se.Msg, c.msg)
			assert.Equal(t, c.line, se.Line, "line")
			assert.Equal(t, c.col, se.Col, "col")
			// Errors are sticky.
			s := New(strings.NewReader(c.in))
			for {
				if _, err := s.Next(); err != nil {
					_, err2 := s.Next()
					assert.Equal(t, err, err2)
					break
				}
			}
		})
	}
}

func TestScannerTokenTooLarge(t *testing.T) {
	in := "<a>" + strings.Repeat("x", 100) + "</a>"
	_, err := tokens(t, []byte(in), WithBufferSize(16), WithMaxTokenSize(64))
	require.ErrorIs(t, err, ErrTokenTooLarge)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "token of more than 64 bytes (the limit of one tag or run of text)", se.Msg)
	assert.Equal(t, 4, se.Col, "at the start of the token")
	_, err = tokens(t, []byte("<a>"+strings.Repeat("x", 3<<10)+"</a>"), WithMaxTokenSize(2<<10))
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "xml: line 1, column 4: token of more than 2 KiB (the limit of one tag or run of text)", se.Error())
	got, err := tokens(t, []byte(in), WithBufferSize(16), WithMaxTokenSize(128))
	require.NoError(t, err)
	assert.Len(t, got, 3)
}

func TestScannerMaxDepth(t *testing.T) {
	in := strings.Repeat("<a>", 10) + strings.Repeat("</a>", 10)
	_, err := tokens(t, []byte(in), WithMaxDepth(10))
	require.NoError(t, err)
	_, err = tokens(t, []byte(in), WithMaxDepth(9))
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Contains(t, se.Msg, "nested more than 9 deep")
	assert.Equal(t, 28, se.Col)
}

func TestScannerReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := tokensFrom(New(iotest.ErrReader(boom)))
	require.ErrorIs(t, err, boom)
}

func TestScannerNoAllocsPerToken(t *testing.T) {
	allocs := func(n int) float64 {
		doc := []byte(`<?xml version="1.0" encoding="Windows-1252"?><AuditFile xmlns="urn:x">` +
			strings.Repeat("<Invoice><No>FT A/1</No><Name>Caf\xE9 &amp; Ch\xE1</Name><E/><C><![CDATA[x]]></C><!-- c --></Invoice>\n", n) +
			"</AuditFile>")
		r := bytes.NewReader(doc)
		s := New(r)
		return testing.AllocsPerRun(20, func() {
			r.Reset(doc)
			*s = Scanner{r: r, buf: s.buf, maxTok: s.maxTok, maxDepth: s.maxDepth, line: 1, names: s.names,
				attrs: s.attrs[:0], stack: s.stack[:0], ns: s.ns[:0], scratch: s.scratch[:0]}
			for {
				if _, err := s.Next(); err != nil {
					if err != io.EOF {
						t.Fatal(err)
					}
					return
				}
			}
		})
	}
	// A few allocations per document (the XML declaration, the root's xmlns
	// attribute), none per token.
	one, many := allocs(1), allocs(1000)
	assert.LessOrEqual(t, one, 6.0)
	assert.Equal(t, one, many)
}

// TestScannerNextSkipSpace: the tokens and positions of Next without its
// whitespace-only texts, whatever the buffer size.
func TestScannerNextSkipSpace(t *testing.T) {
	in := "<a>\n  <b>x</b>\r\n\t<c> </c>  \n <d/>\n y <e/>" +
		"\n" + strings.Repeat(" ", 19) + "<f/>\n\t" + strings.Repeat(" ", 8) + "\r\n" + strings.Repeat(" ", 16) + "<g/>" +
		strings.Repeat(" ", 9) + "\n" + strings.Repeat(" ", 7) + "z<h/>" + strings.Repeat(" ", 8) + "\n<i/>" + strings.Repeat(" ", 8) + "<j/></a>"
	type tok struct {
		k         Kind
		line, col int
		text      string
	}
	collect := func(s *Scanner, skip bool) []tok {
		var out []tok
		for {
			next := s.Next
			if skip {
				next = s.NextSkipSpace
			}
			k, err := next()
			if err == io.EOF {
				return out
			}
			require.NoError(t, err)
			if !skip && k == Text && strings.TrimSpace(string(s.Text())) == "" {
				continue
			}
			out = append(out, tok{k, s.Line(), s.Col(), string(s.Text())})
		}
	}
	want := collect(New(strings.NewReader(in)), false)
	assert.Contains(t, want, tok{Text, 4, 6, "\n y "}, "other text stays, whitespace and all")
	for _, size := range []int{16, 17, 19, 64, 1 << 16} {
		got := collect(New(iotest.OneByteReader(strings.NewReader(in)), WithBufferSize(size)), true)
		assert.Equal(t, want, got, "buffer %d, one byte at a time", size)
		got = collect(New(strings.NewReader(in), WithBufferSize(size)), true)
		assert.Equal(t, want, got, "buffer %d", size)
	}
}

// positioned renders the token stream with each token's position, text
// merged as in tokensFrom. With leaf, it reads with LeafText after every
// start tag, falling back to Next where LeafText declines: both readings
// must give the same stream, and the same error.
func positioned(s *Scanner, leaf bool) ([]string, error) {
	var out []string
	var text []byte
	inText := false
	flush := func() {
		if inText {
			out = append(out, "T "+string(text))
			text, inText = text[:0], false
		}
	}
	for {
		k, err := s.Next()
		if err == io.EOF {
			flush()
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch k {
		case StartElement:
			flush()
			out = append(out, fmt.Sprintf("S {%s}%s %d:%d", s.Space(), s.Name(), s.Line(), s.Col()))
			if !leaf {
				continue
			}
			if t, ok := s.LeafText(); ok {
				if len(t) > 0 {
					out = append(out, "T "+string(t))
				}
				if s.Kind() != EndElement || s.Text() != nil {
					return out, fmt.Errorf("after LeafText: kind %v, text %q", s.Kind(), s.Text())
				}
				out = append(out, fmt.Sprintf("E {%s}%s %d:%d depth %d", s.Space(), s.Name(), s.Line(), s.Col(), s.Depth()))
			}
		case EndElement:
			flush()
			out = append(out, fmt.Sprintf("E {%s}%s %d:%d depth %d", s.Space(), s.Name(), s.Line(), s.Col(), s.Depth()))
		case Text:
			text = append(text, s.Text()...)
			inText = true
		}
	}
}

// TestScannerLeafText: reading leaves with LeafText gives the tokens,
// positions and errors of Next, whatever the buffer size; it declines
// what is not text alone.
func TestScannerLeafText(t *testing.T) {
	docs := []string{
		sample,
		"<a>\n<b>x\ny</b>\r\n<c>&amp;\r\n\xC3\xA9</c><d></d><e/><f><g>1</g></f><h>a<!-- c -->b</h><i><![CDATA[z]]></i><j>t<?p?></j></a>",
		"<?xml version='1.0' encoding='windows-1252'?><a><b>Caf\xE9</b><c>\xE9&#233;</c></a>",
		"<p:a xmlns:p='urn:p'><p:b>x</p:b><p:c>y</p:c ></p:a>",
		"<a><b>x]y</b><c>]]]</c></a>",
		"<a><b>x</c></a>",
		"<a><b>x\x01</b></a>",
		"<a><b>]]></b></a>",
		"<a><b>&bogus;</b></a>",
		"<a><b>\xFF</b></a>",
		"<a><b>x</b",
	}
	for _, doc := range docs {
		want, wantErr := positioned(New(strings.NewReader(doc)), false)
		for _, size := range []int{16, 17, 19, 64, 1 << 16} {
			got, err := positioned(New(iotest.HalfReader(strings.NewReader(doc)), WithBufferSize(size)), true)
			assert.Equal(t, want, got, "%q, buffer %d", doc, size)
			assert.Equal(t, fmt.Sprint(wantErr), fmt.Sprint(err), "%q, buffer %d", doc, size)
		}
	}
	s := New(strings.NewReader("<a><b>x</b><c><d/></c></a>"))
	_, ok := s.LeafText()
	assert.False(t, ok, "before any token")
	_, _ = s.Next()
	_, _ = s.Next()
	text, ok := s.LeafText()
	assert.True(t, ok)
	assert.Equal(t, "x", string(text))
	_, ok = s.LeafText()
	assert.False(t, ok, "after an end tag")
	k, _ := s.Next()
	require.Equal(t, StartElement, k)
	_, ok = s.LeafText()
	assert.False(t, ok, "an element with a child")
	k, _ = s.Next()
	assert.Equal(t, StartElement, k, "nothing consumed")
	assert.Equal(t, "d", s.Name())
}

// TestScannerPredictedNames: start tags read by the predicted-name fast
// path (a name that came after the previous tag before) give the tokens of
// encoding/xml, namespaces resolved where they are, whatever the buffer.
func TestScannerPredictedNames(t *testing.T) {
	docs := []string{
		// p:b comes after <x> twice, under two bindings of p.
		"<r><x xmlns:p='u1'><p:b>1</p:b></x><x xmlns:p='u2'><p:b>2</p:b></x><x xmlns:p='u1'><p:b>3</p:b></x></r>",
		// Predicted names that are a prefix of the real one, or the same
		// name with attributes, spaces or a self-closing tag.
		"<r><Invoice><No>1</No></Invoice><Invoice><NoX>1</NoX></Invoice><Invoice><No a='1'>2</No></Invoice>" +
			"<Invoice><No >3</No></Invoice><Invoice><No/></Invoice><Invoice><No\n>4</No></Invoice></r>",
		"<?xml version='1.0' encoding='windows-1252'?><r><a\xE7\xE3o>x</a\xE7\xE3o><a\xE7\xE3o>y</a\xE7\xE3o></r>",
	}
	for _, doc := range docs {
		want, err := stdTokens([]byte(doc))
		require.NoError(t, err)
		for _, size := range []int{16, 17, 23, 1 << 16} {
			got, err := tokensFrom(New(iotest.HalfReader(strings.NewReader(doc)), WithBufferSize(size)))
			require.NoError(t, err)
			assert.Equal(t, want, got, "%q, buffer %d", doc, size)
		}
	}
}

// TestScannerNamesBounded: a file of ever new element names does not make
// the scanner keep them (the interned names and their links are bounded).
func TestScannerNamesBounded(t *testing.T) {
	r, w := io.Pipe()
	go func() {
		_, _ = io.WriteString(w, "<r>")
		for i := range 200_000 {
			_, _ = fmt.Fprintf(w, "<n%d>x</n%d>", i, i)
		}
		_, _ = io.WriteString(w, "</r>")
		_ = w.Close()
	}()
	s := New(r)
	var before runtime.MemStats
	for i := 0; ; i++ {
		if i == 100_000 {
			runtime.GC()
			runtime.ReadMemStats(&before)
		}
		if _, err := s.Next(); err != nil {
			require.ErrorIs(t, err, io.EOF)
			break
		}
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	// 400,000 more tokens, 100,000 more names: a few KB of noise at most.
	assert.Less(t, int64(after.HeapAlloc)-int64(before.HeapAlloc), int64(1<<20))
	runtime.KeepAlive(s)
}
