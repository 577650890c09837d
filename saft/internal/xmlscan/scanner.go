package xmlscan

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of a token.
type Kind uint8

// Token kinds. Comments, processing instructions, the XML declaration and
// whitespace outside the root element produce no token.
const (
	None         Kind = iota
	StartElement      // <name ...> or the start of <name/>
	EndElement        // </name> or the end of <name/>
	Text              // character data (entities resolved); CDATA is a Text token of its own
)

func (k Kind) String() string {
	switch k {
	case StartElement:
		return "StartElement"
	case EndElement:
		return "EndElement"
	case Text:
		return "Text"
	}
	return "None"
}

// Attr is an attribute of a start element. Namespace declarations (xmlns,
// xmlns:p) are reported as attributes too, with Space "xmlns" for the
// prefixed form, as encoding/xml does.
type Attr struct {
	Space, Local, Value string
}

// SyntaxError is a well-formedness error (or an unsupported construct such
// as a DTD) at a position of the input. Line and Col are 1-based; Col counts
// bytes from the start of the line.
type SyntaxError struct {
	Line, Col int
	Offset    int64
	Msg       string
	Err       error // ErrTokenTooLarge for a token over the limit, else nil
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("xml: line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

// Unwrap returns Err.
func (e *SyntaxError) Unwrap() error { return e.Err }

// ErrTokenTooLarge is wrapped by the error returned when a single token
// (a tag or a run of text) does not fit in the maximum token size.
var ErrTokenTooLarge = errors.New("xmlscan: token too large")

// Option configures a Scanner.
type Option func(*Scanner)

// WithBufferSize sets the initial size of the read buffer (default 64 KiB).
func WithBufferSize(n int) Option {
	return func(s *Scanner) {
		if n >= 16 {
			s.buf = make([]byte, n)
		}
	}
}

// WithMaxTokenSize bounds the size of one token, and so the memory the
// scanner may ever use (default 16 MiB). A longer token is an error.
func WithMaxTokenSize(n int) Option {
	return func(s *Scanner) {
		if n >= 16 {
			s.maxTok = n
		}
	}
}

// WithMaxDepth bounds the nesting of elements (default 256), so that a
// hostile input cannot make the element stack grow with the file.
func WithMaxDepth(n int) Option {
	return func(s *Scanner) {
		if n >= 1 {
			s.maxDepth = n
		}
	}
}

const (
	defaultBufSize  = 64 << 10
	defaultMaxToken = 16 << 20
	defaultMaxDepth = 256
	maxInterned     = 4096
)

type qname struct {
	raw, prefix, local string
	key                string // the name's bytes as in the input
	// The names of the start tags that came last after this name's start
	// tag and after its end tag: a file repeats the same sequences of
	// elements, so the next start tag most often names one of these. Only
	// interned names are linked, so that the links hold no more names than
	// the map does.
	afterStart, afterEnd *qname
	interned             bool
}

type elem struct {
	name  *qname
	space string
}

type nsBinding struct {
	prefix, uri string
	depth       int
}

// Scanner reads XML tokens from an io.Reader. It is not safe for concurrent
// use. Byte slices it returns are valid only until the next call to Next.
type Scanner struct {
	r        io.Reader
	buf      []byte
	pos      int   // first byte not yet consumed
	end      int   // end of the valid data in buf
	base     int64 // input offset of buf[0]
	eof      bool
	maxTok   int
	maxDepth int

	line      int
	lineStart int64 // input offset of the current line's first byte

	enc        Encoding
	bom        bool
	rootSeen   bool
	rootDone   bool
	pendingEnd bool

	kind    Kind
	name    *qname
	space   string
	text    []byte
	tokLine int
	tokCol  int
	tokOff  int64
	attrs   []Attr
	stack   []elem
	ns      []nsBinding
	scratch []byte
	names   map[string]*qname
	recent  [2048]*qname // direct-mapped cache in front of names
	last    *qname       // the name of the last start or end tag
	lastEnd bool         // whether that was an end tag
	err     error
}

// New returns a Scanner reading from r.
func New(r io.Reader, opts ...Option) *Scanner {
	s := &Scanner{r: r, maxTok: defaultMaxToken, maxDepth: defaultMaxDepth, line: 1, names: make(map[string]*qname, 256)}
	for _, o := range opts {
		o(s)
	}
	if s.buf == nil {
		s.buf = make([]byte, defaultBufSize)
	}
	if len(s.buf) > s.maxTok {
		s.buf = s.buf[:s.maxTok]
	}
	return s
}

// Encoding is the encoding the document declared (UTF-8 until the XML
// declaration has been read).
func (s *Scanner) Encoding() Encoding { return s.enc }

// Kind is the kind of the current token.
func (s *Scanner) Kind() Kind { return s.kind }

// Name is the local name of the current StartElement or EndElement.
func (s *Scanner) Name() string {
	if s.name == nil {
		return ""
	}
	return s.name.local
}

// Space is the namespace URI of the current element ("" when none is bound).
func (s *Scanner) Space() string { return s.space }

// Text is the character data of the current Text token, in UTF-8, with
// entities resolved and line ends normalised. It aliases the scanner's
// buffers: copy it to keep it past the next call to Next.
func (s *Scanner) Text() []byte { return s.text }

// Attrs are the attributes of the current StartElement; valid until Next.
func (s *Scanner) Attrs() []Attr { return s.attrs }

// Line is the 1-based line of the start of the current token.
func (s *Scanner) Line() int { return s.tokLine }

// Col is the 1-based column, in bytes, of the start of the current token.
func (s *Scanner) Col() int { return s.tokCol }

// Offset is the input byte offset of the start of the current token.
func (s *Scanner) Offset() int64 { return s.tokOff }

// InputOffset is how many input bytes the scanner has consumed.
func (s *Scanner) InputOffset() int64 { return s.base + int64(s.pos) }

// Depth is the number of open elements: after a StartElement it counts that
// element, after an EndElement it no longer does.
func (s *Scanner) Depth() int { return len(s.stack) }

// errNeedMore tells Next to read more input and scan the token again.
var errNeedMore = errors.New("need more input")

// Next advances to the next token and returns its kind. At the end of a
// well-formed document it returns None and io.EOF; on malformed input, None
// and a *SyntaxError (or the reader's error). Errors are sticky.
func (s *Scanner) Next() (Kind, error) {
	if s.err != nil {
		return None, s.err
	}
	s.kind, s.text = None, nil
	if s.pendingEnd {
		s.pendingEnd = false
		s.popElement()
		s.kind = EndElement
		return EndElement, nil
	}
	for {
		k, err := s.scan()
		if err == nil {
			if k == None {
				continue // skipped construct
			}
			s.kind = k
			return k, nil
		}
		if err == errNeedMore {
			if err = s.fill(); err == nil {
				continue
			}
		}
		s.err = err
		return None, err
	}
}

// NextSkipSpace is Next for element-only content: a Text token of only
// whitespace (indentation between elements) is skipped, most often without
// becoming a token at all.
func (s *Scanner) NextSkipSpace() (Kind, error) {
	for {
		if s.err == nil && !s.pendingEnd && len(s.stack) > 0 {
			s.skipSpace()
		}
		k, err := s.Next()
		if k != Text {
			return k, err
		}
		for _, c := range s.text {
			if !isSpace(c) {
				return k, err
			}
		}
	}
}

const spaces8 = 0x2020202020202020

// skipSpace consumes a run of whitespace that ends at a '<' in the buffer.
func (s *Scanner) skipSpace() {
	b := s.buf[:s.end]
	i := s.pos
	nls, lastNL := 0, -1
	for i < len(b) {
		// Indentation is most of it: eight spaces at a time.
		if i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:]) == spaces8 {
			i += 8
			continue
		}
		if c := b[i]; c == '\n' {
			nls++
			lastNL = i
		} else if c != ' ' && c != '\t' && c != '\r' {
			break
		}
		i++
	}
	if i == s.pos || i == len(b) || b[i] != '<' {
		return // not whitespace up to markup here: Next decides
	}
	if nls > 0 {
		s.line += nls
		s.lineStart = s.base + int64(lastNL+1)
	}
	s.pos = i
}

// fill keeps the unconsumed bytes, makes room and reads more input.
func (s *Scanner) fill() error {
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:s.end])
		s.base += int64(s.pos)
		s.end, s.pos = n, 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= s.maxTok {
			e := s.errAt(s.pos, "token of more than %s (the limit of one tag or run of text)", byteSize(s.maxTok))
			e.Err = ErrTokenTooLarge
			return e
		}
		n := min(2*len(s.buf), s.maxTok)
		nb := make([]byte, n)
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for range 100 {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err == io.EOF {
			s.eof = true
			return nil
		}
		if err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
	}
	return io.ErrNoProgress
}

// byteSize writes n bytes in the largest binary unit that divides it.
func byteSize(n int) string {
	switch {
	case n%(1<<20) == 0:
		return strconv.Itoa(n>>20) + " MiB"
	case n%(1<<10) == 0:
		return strconv.Itoa(n>>10) + " KiB"
	}
	return strconv.Itoa(n) + " bytes"
}

// errAt builds a SyntaxError for buffer index i, which must be at or after
// s.pos (the committed position).
func (s *Scanner) errAt(i int, format string, args ...any) *SyntaxError {
	if i > s.end {
		i = s.end
	}
	line, lineStart := s.line, s.lineStart
	if i > s.pos {
		seg := s.buf[s.pos:i]
		if n := bytes.Count(seg, nl); n > 0 {
			line += n
			lineStart = s.base + int64(s.pos+bytes.LastIndexByte(seg, '\n')+1)
		}
	}
	off := s.base + int64(i)
	return &SyntaxError{Line: line, Col: int(off-lineStart) + 1, Offset: off, Msg: fmt.Sprintf(format, args...)}
}

var nl = []byte{'\n'}

// commit consumes buf[s.pos:i], counting its line ends.
func (s *Scanner) commit(i int) {
	seg := s.buf[s.pos:i]
	if j := bytes.LastIndexByte(seg, '\n'); j >= 0 {
		s.line += bytes.Count(seg, nl)
		s.lineStart = s.base + int64(s.pos+j+1)
	}
	s.pos = i
}

// more returns errNeedMore, or a syntax error at i when the input is exhausted.
func (s *Scanner) more(i int, what string) error {
	if s.eof {
		return s.errAt(i, "unexpected end of input in %s", what)
	}
	return errNeedMore
}

// markToken records the position of the token starting at buffer index p.
func (s *Scanner) markToken(p int) {
	s.tokOff = s.base + int64(p)
	s.tokLine = s.line
	s.tokCol = int(s.tokOff-s.lineStart) + 1
}

func (s *Scanner) scan() (Kind, error) {
	p := s.pos
	if p >= s.end {
		if !s.eof {
			return None, errNeedMore
		}
		switch {
		case len(s.stack) > 0:
			return None, s.errAt(p, "unexpected end of input: element <%s> not closed", s.stack[len(s.stack)-1].name.raw)
		case !s.rootSeen:
			return None, s.errAt(p, "no root element")
		}
		return None, io.EOF
	}
	if s.base == 0 && p == 0 {
		if k, err, done := s.prolog(); done {
			return k, err
		}
	}
	if s.buf[p] != '<' {
		return s.scanText()
	}
	if p+1 >= s.end {
		return None, s.more(p+1, "markup")
	}
	switch s.buf[p+1] {
	case '/':
		return s.scanEndTag()
	case '?':
		return s.scanPI()
	case '!':
		return s.scanBang()
	}
	return s.scanStartTag()
}

// prolog handles a byte-order mark at the very start of the input.
func (s *Scanner) prolog() (Kind, error, bool) {
	b := s.buf[:s.end]
	if len(b) < 3 && !s.eof {
		return None, errNeedMore, true
	}
	if len(b) >= 2 && (b[0] == 0xFE && b[1] == 0xFF || b[0] == 0xFF && b[1] == 0xFE) {
		return None, s.errAt(0, "UTF-16 input is not supported"), true
	}
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		s.commit(3)
		s.lineStart = 3 // a BOM takes no column
		s.bom = true
		return None, nil, true
	}
	return None, nil, false
}

// Character classes for text scanning.
const (
	tcPlain  = iota
	tcLT     // '<' ends the text
	tcNL     // '\n'
	tcAmp    // '&'
	tcCR     // '\r'
	tcHigh   // >= 0x80
	tcCtl    // a control character XML forbids
	tcRBrack // ']' (could start "]]>")
)

var textClass = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = tcCtl
	}
	t['\t'] = tcPlain
	t['\n'] = tcNL
	t['\r'] = tcCR
	t['<'] = tcLT
	t['&'] = tcAmp
	t[']'] = tcRBrack
	for c := 0x80; c < 0x100; c++ {
		t[c] = tcHigh
	}
	return t
}()

// textRun describes a run of text in the buffer, as textRun scanned it.
type textRun struct {
	end           int  // the index of the '<' that ends it, or len(buf)
	amp, cr, high bool // it holds '&', '\r', bytes >= 0x80
	nls, lastNL   int  // its line ends, the index of the last
}

// textRun scans the text starting at buffer index p up to a '<' or the end
// of the buffer, refusing the characters XML forbids in text.
func (s *Scanner) textRun(p int) (textRun, error) {
	b := s.buf[:s.end]
	i := p
	r := textRun{lastNL: -1}
loop:
	for i < len(b) {
		switch textClass[b[i]] {
		case tcPlain:
		case tcNL:
			r.nls++
			r.lastNL = i
		case tcLT:
			break loop
		case tcAmp:
			r.amp = true
		case tcCR:
			r.cr = true
		case tcHigh:
			r.high = true
		case tcCtl:
			return r, s.errAt(i, "illegal character U+%04X in text", b[i])
		case tcRBrack:
			if i+2 >= len(b) {
				if !s.eof {
					return r, errNeedMore
				}
			} else if b[i+1] == ']' && b[i+2] == '>' {
				return r, s.errAt(i, `"]]>" not allowed in text`)
			}
		}
		i++
	}
	r.end = i
	return r, nil
}

// runText returns the text of the run r starting at p in UTF-8: the
// buffer itself when it needs no decoding, else the scratch buffer.
func (s *Scanner) runText(p int, r textRun) ([]byte, error) {
	seg := s.buf[p:r.end]
	switch {
	case !r.amp && !r.cr && !r.high:
		return seg, nil
	case !r.amp && !r.cr && s.enc == UTF8:
		if j := checkUTF8(seg); j >= 0 {
			return nil, s.errAt(p+j, "invalid UTF-8 or illegal character in text")
		}
		return seg, nil
	}
	return s.decode(p, r.end, true)
}

// countLines accounts for the line ends of the run r, counted while it
// was scanned.
func (s *Scanner) countLines(r textRun) {
	if r.nls > 0 {
		s.line += r.nls
		s.lineStart = s.base + int64(r.lastNL+1)
	}
}

func (s *Scanner) scanText() (Kind, error) {
	p := s.pos
	r, err := s.textRun(p)
	if err != nil {
		return None, err
	}
	i := r.end
	if i == s.end && !s.eof {
		return None, errNeedMore
	}
	if len(s.stack) == 0 {
		for j, c := range s.buf[p:i] {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				return None, s.errAt(p+j, "text outside the root element")
			}
		}
		s.commit(i)
		return None, nil
	}
	if i == s.end {
		return None, s.errAt(i, "unexpected end of input: element <%s> not closed", s.stack[len(s.stack)-1].name.raw)
	}
	s.markToken(p)
	t, err := s.runText(p, r)
	if err != nil {
		return None, err
	}
	s.text = t
	s.countLines(r)
	s.pos = i
	return Text, nil
}

// LeafText reads, right after a StartElement, the element's content and
// end tag in one step when the content is text alone (or nothing) and the
// end tag is already in the buffer: it returns the text, as the Text
// tokens of Next would give it (entities resolved, aliasing the scanner's
// buffers: valid until the next call), and true, with the scanner on the
// EndElement exactly as after those calls to Next. Otherwise (a child, a
// comment, CDATA, an error, more input needed) it consumes nothing and
// returns false: read the content with Next, which reports any error.
func (s *Scanner) LeafText() ([]byte, bool) {
	if s.err != nil || s.kind != StartElement {
		return nil, false
	}
	if s.pendingEnd { // <name/>
		s.pendingEnd = false
		s.popElement()
		s.kind = EndElement
		return nil, true
	}
	// Most values are plain ASCII on one line: a run of such bytes up to
	// a '<' is the text as it stands; anything else is textRun's.
	p := s.pos
	b := s.buf[:s.end]
	lt := p
	for lt < len(b) && textClass[b[lt]] == tcPlain {
		lt++
	}
	plain := lt < len(b) && b[lt] == '<'
	var r textRun
	if !plain {
		var err error
		if r, err = s.textRun(p); err != nil {
			return nil, false
		}
		lt = r.end
	}
	// The end tag: </name> naming the open element, as scanEndTag's fast
	// path takes it.
	key := s.stack[len(s.stack)-1].name.key
	j := lt + 2 + len(key)
	if j >= len(b) || b[lt+1] != '/' || b[j] != '>' || string(b[lt+2:j]) != key {
		return nil, false
	}
	t := b[p:lt]
	if !plain {
		var err error
		if t, err = s.runText(p, r); err != nil {
			return nil, false
		}
		s.countLines(r)
	}
	s.markToken(lt)
	s.pos = j + 1
	s.popElement()
	s.kind = EndElement
	return t, true
}

// checkUTF8 returns the index of the first invalid UTF-8 sequence or
// non-XML character in b, or -1.
func checkUTF8(b []byte) int {
	for j := 0; j < len(b); {
		if b[j] < utf8.RuneSelf {
			j++
			continue
		}
		r, n := utf8.DecodeRune(b[j:])
		if r == utf8.RuneError && n == 1 || !isXMLChar(r) {
			return j
		}
		j += n
	}
	return -1
}

// isXMLChar reports whether r is a Char of XML 1.0 (§2.2).
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// decode converts buf[p:i] to UTF-8 in the scratch buffer: entities (when
// entities is set), line-end normalisation and the document's encoding.
func (s *Scanner) decode(p, i int, entities bool) ([]byte, error) {
	b := s.buf[:i]
	out := s.scratch[:0]
	for j := p; j < i; {
		c := b[j]
		switch {
		case c == '&' && entities:
			r, n, err := s.entity(j, i)
			if err != nil {
				return nil, err
			}
			out = utf8.AppendRune(out, r)
			j += n
		case c == '\r':
			out = append(out, '\n')
			j++
			if j < i && b[j] == '\n' {
				j++
			}
		case c >= utf8.RuneSelf:
			if s.enc == UTF8 {
				r, n := utf8.DecodeRune(b[j:])
				if r == utf8.RuneError && n == 1 || !isXMLChar(r) {
					return nil, s.errAt(j, "invalid UTF-8 or illegal character")
				}
				out = append(out, b[j:j+n]...)
				j += n
			} else {
				r := decodeSingle(s.enc, c)
				if r < 0 {
					return nil, s.errAt(j, "byte 0x%X is not a character in %s", c, s.enc)
				}
				out = utf8.AppendRune(out, r)
				j++
			}
		case c < 0x20 && c != '\t' && c != '\n':
			return nil, s.errAt(j, "illegal character U+%04X", c)
		default:
			out = append(out, c)
			j++
		}
	}
	s.scratch = out
	return out, nil
}

// entity decodes the reference at buf[j] ('&') ending before limit and
// returns its code point and length.
func (s *Scanner) entity(j, limit int) (rune, int, error) {
	b := s.buf[:limit]
	k := j + 1
	for k < len(b) && k-j < 16 && b[k] != ';' {
		k++
	}
	if k >= len(b) || b[k] != ';' {
		return 0, 0, s.errAt(j, "invalid character entity (no ';')")
	}
	name := b[j+1 : k]
	n := k + 1 - j
	switch string(name) {
	case "amp":
		return '&', n, nil
	case "lt":
		return '<', n, nil
	case "gt":
		return '>', n, nil
	case "quot":
		return '"', n, nil
	case "apos":
		return '\'', n, nil
	}
	if len(name) >= 2 && name[0] == '#' {
		digits, base := name[1:], 10
		if digits[0] == 'x' {
			digits, base = digits[1:], 16
		}
		if len(digits) > 0 && (digits[0] != '+' && digits[0] != '-') {
			if v, err := strconv.ParseUint(string(digits), base, 32); err == nil && isXMLChar(rune(v)) {
				return rune(v), n, nil
			}
		}
		return 0, 0, s.errAt(j, "invalid character reference &%s;", name)
	}
	return 0, 0, s.errAt(j, "unknown entity &%s; (only the five predefined entities are allowed)", name)
}

// Name character classes: 1 may start a name, 2 may continue it, 3 is a
// non-ASCII byte checked separately.
var nameClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = 1
	}
	t['_'], t[':'] = 1, 1
	for c := '0'; c <= '9'; c++ {
		t[c] = 2
	}
	t['-'], t['.'] = 2, 2
	for c := 0x80; c < 0x100; c++ {
		t[c] = 3
	}
	return t
}()

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// scanName scans a name starting at i; it returns the index after it.
func (s *Scanner) scanName(i int) (int, error) {
	i, _, err := s.scanNameHash(i)
	return i, err
}

// scanNameHash is scanName that also returns the name's FNV-1a hash, for
// intern, so that an element name is read once rather than twice.
func (s *Scanner) scanNameHash(i int) (int, uint32, error) {
	b := s.buf[:s.end]
	start := i
	high := false
	h := uint32(fnvOffset)
	for i < len(b) {
		c := nameClass[b[i]]
		if c == 0 {
			break
		}
		if c == 3 {
			high = true
		}
		h = (h ^ uint32(b[i])) * fnvPrime
		i++
	}
	i, err := s.checkName(b, start, i, high)
	return i, h, err
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func (s *Scanner) checkName(b []byte, start, i int, high bool) (int, error) {
	if i == len(b) {
		return i, s.more(i, "a name")
	}
	if i == start || nameClass[b[start]] == 2 {
		return i, s.errAt(start, "expected a name")
	}
	if high {
		if j := s.checkNameRunes(start, i); j >= 0 {
			return i, s.errAt(j, "invalid character in name")
		}
	}
	return i, nil
}

func (s *Scanner) checkNameRunes(start, end int) int {
	b := s.buf[start:end]
	for j := 0; j < len(b); {
		var r rune
		n := 1
		if b[j] < utf8.RuneSelf {
			r = rune(b[j])
		} else if s.enc == UTF8 {
			r, n = utf8.DecodeRune(b[j:])
			if r == utf8.RuneError && n == 1 {
				return start + j
			}
		} else if r = decodeSingle(s.enc, b[j]); r < 0 {
			return start + j
		}
		if r >= utf8.RuneSelf && !(unicode.IsLetter(r) || (j > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r))) || r == 0xB7 && j > 0) {
			return start + j
		}
		j += n
	}
	return -1
}

// intern returns the qualified name for buf[start:end].
func (s *Scanner) intern(start, end int) (*qname, error) {
	h := uint32(fnvOffset)
	for _, c := range s.buf[start:end] {
		h = (h ^ uint32(c)) * fnvPrime
	}
	return s.internHash(start, end, h)
}

// internHash is intern given the name's FNV-1a hash.
func (s *Scanner) internHash(start, end int, h uint32) (*qname, error) {
	raw := s.buf[start:end]
	slot := &s.recent[h%uint32(len(s.recent))]
	if q := *slot; q != nil && q.key == string(raw) {
		return q, nil
	}
	if q, ok := s.names[string(raw)]; ok {
		*slot = q
		return q, nil
	}
	str := string(raw)
	if s.enc != UTF8 {
		for _, c := range raw {
			if c >= utf8.RuneSelf {
				var u []byte
				for _, c := range raw {
					u = utf8.AppendRune(u, decodeSingle(s.enc, c))
				}
				str = string(u)
				break
			}
		}
	}
	q := &qname{raw: str, local: str, key: string(raw)}
	if k := bytes.IndexByte(raw, ':'); k >= 0 {
		if k == 0 || k == len(raw)-1 || bytes.IndexByte(raw[k+1:], ':') >= 0 {
			return nil, s.errAt(start, "invalid qualified name %q", str)
		}
		q.prefix, q.local = str[:k], str[k+1:]
	}
	if len(s.names) < maxInterned {
		s.names[string(raw)] = q
		q.interned = true
	}
	*slot = q
	return q, nil
}

const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

func (s *Scanner) scanStartTag() (Kind, error) {
	p := s.pos
	if s.rootDone {
		return None, s.errAt(p, "content after the root element")
	}
	if len(s.stack) >= s.maxDepth {
		return None, s.errAt(p, "elements nested more than %d deep", s.maxDepth)
	}
	// Fast path: <name>, without attributes, naming the element that came
	// after the previous tag last time. Its bytes were checked as a name
	// when it was first read (in the same encoding: the XML declaration
	// comes before any element).
	if q := s.predicted(); q != nil {
		j := p + 1 + len(q.key)
		if j < s.end && s.buf[j] == '>' && string(s.buf[p+1:j]) == q.key {
			if space, ok := s.lookupNS(q.prefix); ok {
				s.attrs = s.attrs[:0]
				s.markToken(p)
				s.pos = j + 1
				s.open(q, space, false)
				return StartElement, nil
			}
		}
	}
	i, nameHash, err := s.scanNameHash(p + 1)
	if err != nil {
		return None, err
	}
	b := s.buf[:s.end]
	nameEnd := i
	s.attrs = s.attrs[:0]
	empty := false
	for {
		ws := i
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return None, s.more(i, "a start tag")
		}
		if b[i] == '>' {
			i++
			break
		}
		if b[i] == '/' {
			if i+1 >= len(b) {
				return None, s.more(i+1, "a start tag")
			}
			if b[i+1] != '>' {
				return None, s.errAt(i+1, "expected '>' after '/' in a start tag")
			}
			i += 2
			empty = true
			break
		}
		if i == ws {
			return None, s.errAt(i, "expected whitespace, '>' or '/>' in a start tag")
		}
		an := i
		if i, err = s.scanName(i); err != nil {
			return None, err
		}
		anEnd := i
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return None, s.more(i, "an attribute")
		}
		if b[i] != '=' {
			return None, s.errAt(i, "expected '=' after attribute name")
		}
		i++
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return None, s.more(i, "an attribute")
		}
		q := b[i]
		if q != '"' && q != '\'' {
			return None, s.errAt(i, "attribute value must be quoted")
		}
		i++
		vs := i
		for i < len(b) && b[i] != q {
			if b[i] == '<' {
				return None, s.errAt(i, "'<' not allowed in an attribute value")
			}
			i++
		}
		if i >= len(b) {
			return None, s.more(i, "an attribute value")
		}
		aq, err := s.intern(an, anEnd)
		if err != nil {
			return None, err
		}
		v, err := s.decode(vs, i, true)
		if err != nil {
			return None, err
		}
		// Attribute-value normalisation (XML §3.3.3): whitespace characters
		// become spaces.
		for k, c := range v {
			if c == '\n' || c == '\t' {
				v[k] = ' '
			}
		}
		s.attrs = append(s.attrs, Attr{Space: aq.prefix, Local: aq.local, Value: string(v)})
		i++
	}
	name, err := s.internHash(p+1, nameEnd, nameHash)
	if err != nil {
		return None, err
	}
	if len(s.attrs) > 1 {
		if k := duplicateAttr(s.attrs); k >= 0 {
			a := s.attrs[k]
			return None, s.errAt(p, "attribute %s repeated in <%s> (XML 1.0, 3.1: Unique Att Spec)", attrName(a), name.raw)
		}
	}
	depth := len(s.stack) + 1
	for k := range s.attrs {
		a := &s.attrs[k]
		switch {
		case a.Space == "" && a.Local == "xmlns":
			s.ns = append(s.ns, nsBinding{"", a.Value, depth})
		case a.Space == "xmlns":
			if a.Value == "" {
				return None, s.errAt(p, "empty namespace for prefix %q", a.Local)
			}
			s.ns = append(s.ns, nsBinding{a.Local, a.Value, depth})
		}
	}
	for k := range s.attrs {
		a := &s.attrs[k]
		if a.Space != "" && a.Space != "xmlns" {
			uri, ok := s.lookupNS(a.Space)
			if !ok {
				return None, s.errAt(p, "undeclared namespace prefix %q", a.Space)
			}
			a.Space = uri
		}
	}
	if len(s.attrs) > 1 {
		// Namespaces in XML 1.0, 6.3: no two attributes with the same
		// namespace and local name (p:a and q:a with p and q bound to the
		// same URI), as xmllint refuses them.
		if k := duplicateAttr(s.attrs); k >= 0 {
			a := s.attrs[k]
			return None, s.errAt(p, "attribute {%s}%s repeated in <%s> (Namespaces in XML, 6.3)", a.Space, a.Local, name.raw)
		}
	}
	space, ok := s.lookupNS(name.prefix)
	if !ok {
		return None, s.errAt(p+1, "undeclared namespace prefix %q", name.prefix)
	}
	s.markToken(p)
	if i == nameEnd+1 {
		s.pos = i // <name>: no line end to count
	} else {
		s.commit(i)
	}
	s.open(name, space, empty)
	return StartElement, nil
}

// predicted is the name the next start tag most likely has, or nil.
func (s *Scanner) predicted() *qname {
	switch {
	case s.last == nil:
		return nil
	case s.lastEnd:
		return s.last.afterEnd
	}
	return s.last.afterStart
}

// open makes the element just scanned the innermost one, and learns that
// its name followed the previous tag.
func (s *Scanner) open(name *qname, space string, empty bool) {
	if s.last != nil && s.last.interned && name.interned {
		if s.lastEnd {
			s.last.afterEnd = name
		} else {
			s.last.afterStart = name
		}
	}
	s.last, s.lastEnd = name, false
	s.stack = append(s.stack, elem{name, space})
	s.rootSeen = true
	s.name, s.space = name, space
	s.pendingEnd = empty
}

// duplicateAttr returns the index of the first attribute whose Space and
// Local repeat an earlier one's, or -1. Before namespace resolution Space
// is the prefix, so this finds a repeated name; after it, a repeated
// expanded name. A map keeps a hostile tag of many attributes linear.
func duplicateAttr(attrs []Attr) int {
	if len(attrs) <= 8 {
		for k := 1; k < len(attrs); k++ {
			for j := range k {
				if attrs[j].Local == attrs[k].Local && attrs[j].Space == attrs[k].Space {
					return k
				}
			}
		}
		return -1
	}
	seen := make(map[[2]string]struct{}, len(attrs))
	for k, a := range attrs {
		key := [2]string{a.Space, a.Local}
		if _, ok := seen[key]; ok {
			return k
		}
		seen[key] = struct{}{}
	}
	return -1
}

func attrName(a Attr) string {
	if a.Space == "" {
		return a.Local
	}
	return a.Space + ":" + a.Local
}

func (s *Scanner) lookupNS(prefix string) (string, bool) {
	if prefix == "xml" {
		return xmlNamespace, true
	}
	for k := len(s.ns) - 1; k >= 0; k-- {
		if s.ns[k].prefix == prefix {
			return s.ns[k].uri, true
		}
	}
	return "", prefix == ""
}

// popElement closes the innermost element and makes it the current name.
func (s *Scanner) popElement() {
	top := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	depth := len(s.stack)
	for len(s.ns) > 0 && s.ns[len(s.ns)-1].depth > depth {
		s.ns = s.ns[:len(s.ns)-1]
	}
	s.name, s.space = top.name, top.space
	s.last, s.lastEnd = top.name, true
	if depth == 0 {
		s.rootDone = true
	}
}

func (s *Scanner) scanEndTag() (Kind, error) {
	p := s.pos
	// Fast path: </name> naming the open element exactly, with no space
	// before '>'. Its bytes were checked as a name when the element opened.
	if n := len(s.stack); n > 0 {
		key := s.stack[n-1].name.key
		j := p + 2 + len(key)
		if j < s.end && s.buf[j] == '>' && string(s.buf[p+2:j]) == key {
			s.markToken(p)
			s.pos = j + 1
			s.popElement()
			return EndElement, nil
		}
	}
	i, err := s.scanName(p + 2)
	if err != nil {
		return None, err
	}
	b := s.buf[:s.end]
	nameEnd := i
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i >= len(b) {
		return None, s.more(i, "an end tag")
	}
	if b[i] != '>' {
		return None, s.errAt(i, "expected '>' in an end tag")
	}
	i++
	if len(s.stack) == 0 {
		return None, s.errAt(p, "unexpected end tag </%s>", b[p+2:nameEnd])
	}
	top := s.stack[len(s.stack)-1]
	if top.name.raw != string(b[p+2:nameEnd]) {
		got, _ := s.intern(p+2, nameEnd)
		if got == nil || got.raw != top.name.raw {
			return None, s.errAt(p, "element <%s> closed by </%s>", top.name.raw, b[p+2:nameEnd])
		}
	}
	s.markToken(p)
	if i == nameEnd+1 {
		s.pos = i // </name>: no line end to count
	} else {
		s.commit(i)
	}
	s.popElement()
	return EndElement, nil
}

var (
	cdataOpen    = []byte("<![CDATA[")
	cdataClose   = []byte("]]>")
	commentOpen  = []byte("<!--")
	commentClose = []byte("--")
	piClose      = []byte("?>")
)

func (s *Scanner) scanBang() (Kind, error) {
	p := s.pos
	b := s.buf[:s.end]
	rest := b[p:]
	switch {
	case len(rest) >= 4 && bytes.HasPrefix(rest, commentOpen):
		// The first "--" must close the comment: XML forbids "--" inside it.
		j := p + 4
		k := bytes.Index(b[j:], commentClose)
		if k < 0 {
			return None, s.more(len(b), "a comment")
		}
		j += k
		if j+2 >= len(b) {
			return None, s.more(len(b), "a comment")
		}
		if b[j+2] != '>' {
			return None, s.errAt(j, `"--" not allowed in a comment`)
		}
		s.commit(j + 3)
		return None, nil
	case len(rest) >= 9 && bytes.HasPrefix(rest, cdataOpen):
		k := bytes.Index(b[p+9:], cdataClose)
		if k < 0 {
			return None, s.more(len(b), "a CDATA section")
		}
		if len(s.stack) == 0 {
			return None, s.errAt(p, "CDATA outside the root element")
		}
		end := p + 9 + k
		t, err := s.decode(p+9, end, false)
		if err != nil {
			return None, err
		}
		s.markToken(p)
		s.commit(end + 3)
		s.text = t
		return Text, nil
	case len(rest) < 9 && bytes.HasPrefix(cdataOpen, rest) || len(rest) < 4 && bytes.HasPrefix(commentOpen, rest):
		return None, s.more(len(b), "markup")
	case len(rest) >= 3 && rest[2] == 'D':
		return None, s.errAt(p, "document type declarations (DTD) are not supported")
	}
	return None, s.errAt(p, "unexpected markup")
}

func (s *Scanner) scanPI() (Kind, error) {
	p := s.pos
	i, err := s.scanName(p + 2)
	if err != nil {
		return None, err
	}
	b := s.buf[:s.end]
	target := b[p+2 : i]
	k := bytes.Index(b[i:], piClose)
	if k < 0 {
		return None, s.more(len(b), "a processing instruction")
	}
	end := i + k
	if end > i && !isSpace(b[i]) {
		return None, s.errAt(i, "expected whitespace after the processing-instruction target")
	}
	if len(target) == 3 && (target[0]|0x20) == 'x' && (target[1]|0x20) == 'm' && (target[2]|0x20) == 'l' {
		at := s.base + int64(p)
		if string(target) != "xml" || !(at == 0 || s.bom && at == 3) {
			return None, s.errAt(p, "XML declaration allowed only at the start of the document")
		}
		if err := s.xmlDecl(i, end); err != nil {
			return None, err
		}
	}
	s.commit(end + 2)
	return None, nil
}

// xmlDecl reads the pseudo-attributes of the XML declaration in buf[i:end].
func (s *Scanner) xmlDecl(i, end int) error {
	b := s.buf[:end]
	seen := 0
	for {
		for i < end && isSpace(b[i]) {
			i++
		}
		if i >= end {
			break
		}
		ns := i
		for i < end && b[i] != '=' && !isSpace(b[i]) {
			i++
		}
		name := b[ns:i]
		for i < end && isSpace(b[i]) {
			i++
		}
		if i >= end || b[i] != '=' {
			return s.errAt(i, "malformed XML declaration")
		}
		i++
		for i < end && isSpace(b[i]) {
			i++
		}
		if i >= end || b[i] != '"' && b[i] != '\'' {
			return s.errAt(i, "malformed XML declaration: value must be quoted")
		}
		q := b[i]
		i++
		vs := i
		for i < end && b[i] != q {
			i++
		}
		if i >= end {
			return s.errAt(i, "malformed XML declaration: unterminated value")
		}
		val := string(b[vs:i])
		i++
		switch string(name) {
		case "version":
			if seen != 0 {
				return s.errAt(ns, "XML declaration: version must come first")
			}
			if val != "1.0" {
				return s.errAt(vs, "unsupported XML version %q", val)
			}
			seen = 1
		case "encoding":
			if seen != 1 {
				return s.errAt(ns, "XML declaration: encoding must follow version")
			}
			if val != "" && (isSpace(val[0]) || isSpace(val[len(val)-1])) {
				// EncName has no whitespace (XML 1.0, 4.3.3); xmllint and
				// other parsers stop there, so a file declaring "UTF-8 " is
				// not well-formed, whatever its bytes.
				return s.errAt(vs, "encoding name %q has surrounding spaces (XML 1.0, 4.3.3 EncName)", val)
			}
			enc, ok := encodingByName(val)
			if !ok {
				return s.errAt(vs, "unsupported encoding %q (want UTF-8 or Windows-1252)", val)
			}
			s.enc = enc
			seen = 2
		case "standalone":
			if seen == 0 || seen == 3 {
				return s.errAt(ns, "XML declaration: misplaced standalone")
			}
			seen = 3
		default:
			return s.errAt(ns, "XML declaration: unknown pseudo-attribute %q", name)
		}
	}
	if seen == 0 {
		return s.errAt(i, "XML declaration without version")
	}
	return nil
}
