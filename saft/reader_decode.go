package saft

import (
	"encoding"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/saft/internal/xmlscan"
	"github.com/faturapt/faturapt/violation"
)

// decoder turns the scanner's tokens into model values.
type decoder struct {
	s      *xmlscan.Scanner
	path   []readSeg // of the element being decoded, for issues
	issues []ReadIssue
	// onIssue, when set, takes each issue instead of issues.
	onIssue func(ReadIssue)
	text    []byte        // a leaf's text when it comes in several tokens
	strs    [4096]string  // short values (codes, IDs) repeat: share their strings
	decs    [1024]decSlot // and their decimals

	fields   [512]fieldSlot // the fields found lately, by plan and name
	nsData   *byte          // the SAF-T namespace string as the scanner gives it
	recDepth int            // len(path) inside the record being read, 0 outside records
	elems    []elemLine     // structure elements of that record
}

// str returns b as a string, sharing the strings of short values (codes,
// IDs, names repeat from record to record) through a direct-mapped cache:
// no map, a bounded size, the last value of each slot kept.
func (d *decoder) str(b []byte) string {
	if len(b) > 16 || len(b) == 0 {
		return string(b)
	}
	slot := &d.strs[shortHash(b)%uint32(len(d.strs))]
	if *slot == string(b) {
		return *slot
	}
	s := string(b)
	*slot = s
	return s
}

// dec parses an xs:decimal, sharing the values of short texts through a
// direct-mapped cache as str does: a decimal.Decimal is immutable (its
// methods return new values and copy its big.Int before changing it), so
// records may share one as copies of a Decimal do.
func (d *decoder) dec(b []byte) (decimal.Decimal, bool) {
	if len(b) > 16 || len(b) == 0 {
		return parseDecimal(b)
	}
	slot := &d.decs[shortHash(b)%uint32(len(d.decs))]
	if slot.ok && string(slot.text[:slot.n]) == string(b) {
		return slot.v, true
	}
	v, ok := parseDecimal(b)
	if ok {
		slot.n = uint8(copy(slot.text[:], b))
		slot.v, slot.ok = v, true
	}
	return v, ok
}

type decSlot struct {
	text [16]byte
	n    uint8
	ok   bool
	v    decimal.Decimal
}

// shortHash is FNV-1a over at most 16 bytes.
func shortHash(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// fieldSlot remembers the field of plan p named by the scanner's string
// at name (of length n).
type fieldSlot struct {
	p    *structPlan
	name *byte
	n    int
	f    *fieldPlan
}

// field is p.find, remembered: the scanner gives the same string for
// every occurrence of an element name, so a field found once is found
// again by comparing two pointers and a length, not the name's bytes.
func (d *decoder) field(p *structPlan, name string, pos int) (*fieldPlan, int) {
	data := unsafe.StringData(name)
	h := (uintptr(unsafe.Pointer(p))>>4 ^ uintptr(unsafe.Pointer(data))>>3) % uintptr(len(d.fields))
	slot := &d.fields[h]
	if slot.p == p && slot.name == data && slot.n == len(name) {
		return slot.f, slot.f.pos
	}
	f, pos := p.find(name, pos)
	if f != nil {
		*slot = fieldSlot{p, data, len(name), f}
	}
	return f, pos
}

// inNamespace reports whether the element just started is in the SAF-T
// namespace. The scanner gives the same string for every element under one
// declaration, so after the first comparison a pointer comparison does.
func (d *decoder) inNamespace() bool {
	sp := d.s.Space()
	if len(sp) == len(Namespace) && unsafe.StringData(sp) == d.nsData {
		return true
	}
	if sp == Namespace {
		d.nsData = unsafe.StringData(sp)
		return true
	}
	return false
}

// pathString renders the current path plus an optional last element.
func (d *decoder) pathString(last string) string {
	var b strings.Builder
	b.Grow(96) // one allocation for the usual depth
	for _, s := range d.path {
		b.WriteByte('/')
		b.WriteString(s.name)
		if s.index > 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
		}
	}
	if last != "" {
		b.WriteByte('/')
		b.WriteString(last)
	}
	return b.String()
}

func (d *decoder) issue(code violation.Code, last, format string, args ...any) {
	i := ReadIssue{
		Code: code, Path: d.pathString(last), Line: d.s.Line(), Col: d.s.Col(),
		Message: fmt.Sprintf(format, args...),
	}
	if d.onIssue != nil {
		d.onIssue(i)
		return
	}
	d.issues = append(d.issues, i)
}

// next returns the next token, converting scanner errors.
func (d *decoder) next() (xmlscan.Kind, error) {
	k, err := d.s.Next()
	if err != nil {
		return k, convertScanError(err)
	}
	return k, nil
}

// nextElem is next in element-only content: whitespace between elements
// is no token.
func (d *decoder) nextElem() (xmlscan.Kind, error) {
	k, err := d.s.NextSkipSpace()
	if err != nil {
		return k, convertScanError(err)
	}
	return k, nil
}

// convertScanError turns the scanner's errors into the package's.
func convertScanError(err error) error {
	if err == io.EOF {
		return err
	}
	var se *xmlscan.SyntaxError
	if errors.As(err, &se) {
		return &ReadError{Line: se.Line, Col: se.Col, Msg: se.Msg}
	}
	if errors.Is(err, errUnexpectedEOF) {
		return err
	}
	return fmt.Errorf("saft: reading: %w", err)
}

var errUnexpectedEOF = errors.New("saft: unexpected end of the document")

// skip skips the rest of the current element (its start tag was just read).
func (d *decoder) skip() error {
	depth := d.s.Depth()
	for {
		k, err := d.next()
		if err != nil {
			return err
		}
		if k == xmlscan.EndElement && d.s.Depth() < depth {
			return nil
		}
	}
}

// leafText reads the text of a leaf element up to its end tag. A child
// element inside a leaf is an issue and is skipped. The result is valid
// until the decoder reads on: when the content is one run of text, it is
// the scanner's own (which only the next read of the scanner may
// overwrite); when it comes in several tokens, they are copied together.
func (d *decoder) leafText(name string) ([]byte, error) {
	if t, ok := d.s.LeafText(); ok {
		return t, nil
	}
	d.text = d.text[:0]
	for {
		k, err := d.next()
		if err != nil {
			return nil, err
		}
		switch k {
		case xmlscan.Text:
			d.text = append(d.text, d.s.Text()...)
		case xmlscan.StartElement:
			d.issue(CodeReadUnexpected, name+"/"+d.s.Name(), "element %s not allowed inside %s", d.s.Name(), name)
			if err := d.skip(); err != nil {
				return nil, err
			}
		case xmlscan.EndElement:
			return d.text, nil
		}
	}
}

// decodeStruct fills v (an addressable struct of plan p) from the children
// of the element whose start tag was just read, up to its end tag.
func (d *decoder) decodeStruct(v reflect.Value, p *structPlan) error {
	base := v.Addr().UnsafePointer()
	lastOrder := 0
	var lastName string
	var slot uint8 // the alternatives of the current slot already read
	pos := 0       // in p.list, of the last child
	for {
		k, err := d.nextElem()
		if err != nil {
			return err
		}
		switch k {
		case xmlscan.EndElement:
			return nil
		case xmlscan.Text:
			if !isBlank(d.s.Text()) {
				d.issue(CodeReadUnexpected, "", "text %q not allowed here", truncateBytes(d.s.Text()))
			}
			continue
		}
		name := d.s.Name()
		var f *fieldPlan
		f, pos = d.field(p, name, pos)
		if !d.inNamespace() {
			f = nil // an element of another namespace is not the schema's
		}
		if f == nil {
			d.issue(CodeReadUnexpected, name, "element %s not allowed in %s", name, p.typ.Name())
			if err := d.skip(); err != nil {
				return err
			}
			continue
		}
		repeatable := f.kind == fStructSlice || f.kind == fStringSlice || f.kind == fWarehouse
		switch {
		case f.order < lastOrder:
			d.issue(CodeReadOrder, name, "element %s out of the schema's order (after %s)", name, lastName)
		case f.order == lastOrder && !repeatable && slot&f.alt == f.alt:
			d.issue(CodeReadOrder, name, "element %s repeated", name)
		}
		if f.order != lastOrder {
			slot = 0
		}
		slot |= f.alt
		lastOrder, lastName = f.order, name
		if err := d.decodeField(v, base, f, name); err != nil {
			return err
		}
	}
}

// decodeField decodes the child name of v (whose address is base) into
// its field f.
func (d *decoder) decodeField(v reflect.Value, base unsafe.Pointer, f *fieldPlan, name string) error {
	switch f.kind {
	case fStruct, fStructPtr, fStructSlice:
		return d.decodeStructField(v.Field(f.index), f, name)
	}
	d.checkAttrs(name)
	text, err := d.leafText(name)
	if err != nil {
		return err
	}
	if len(text) == 0 && (f.kind == fString || f.kind == fStringSlice || f.kind == fWarehouse) {
		// Every text type of SAFTPT1.04_01.xsd has minLength 1, a length or
		// a pattern that refuses "" (xmllint: "not a valid value"), so an
		// empty element is never valid; read as absent it would slip past
		// the checks of an optional field (e.g. <EACCode/>).
		d.issue(CodeReadValue, name, "%s is empty: no text element of the schema may be empty (leave an optional element out)", name)
		return nil
	}
	// The common leaves are set through the field's address: reflect's
	// setters cost more than the parsing.
	ptr := unsafe.Add(base, f.off)
	switch f.kind {
	case fString: // string or a named string type: the same layout
		*(*string)(ptr) = d.str(text)
		return nil
	case fInt:
		n, ok := parseInt(text)
		if !ok {
			d.issue(CodeReadValue, name, "%s %q is not an integer (xs:integer)", name, truncateBytes(text))
			return nil
		}
		*(*int)(ptr) = n
		return nil
	case fDecimal, fDecimalPtr:
		dec, ok := d.dec(text)
		if !ok {
			d.issue(CodeReadValue, name, "%s %q is not a decimal number (xs:decimal)", name, truncateBytes(text))
			return nil
		}
		if f.kind == fDecimal {
			*(*decimal.Decimal)(ptr) = dec
		} else {
			p := new(decimal.Decimal) // not &dec: dec would escape in every case
			*p = dec
			*(**decimal.Decimal)(ptr) = p
		}
		return nil
	}
	return d.decodeLeaf(v.Field(f.index), ptr, f, name, text)
}

// decodeStructField decodes a structure child into fv.
func (d *decoder) decodeStructField(fv reflect.Value, f *fieldPlan, name string) error {
	switch f.kind {
	case fStruct:
		d.mark(name, 0)
		d.enter(name, 0)
		err := d.decodeStruct(fv, f.sub)
		d.path = d.path[:len(d.path)-1]
		return err
	case fStructPtr:
		nv := reflect.New(f.typ)
		fv.Set(nv)
		d.mark(name, 0)
		d.enter(name, 0)
		err := d.decodeStruct(nv.Elem(), f.sub)
		d.path = d.path[:len(d.path)-1]
		return err
	case fStructSlice:
		n := fv.Len()
		if n == fv.Cap() {
			// Room for a few: lines come by several, and growing one
			// at a time costs an allocation and a copy each time.
			fv.Grow(max(4, n))
		}
		fv.SetLen(n + 1)
		d.mark(name, n+1)
		d.enter(name, n+1)
		err := d.decodeStruct(fv.Index(n), f.sub)
		d.path = d.path[:len(d.path)-1]
		return err
	}
	return nil
}

// decodeLeaf sets the less common leaves: repeated texts, warehouses and
// the types with UnmarshalText (civil's dates directly).
func (d *decoder) decodeLeaf(fv reflect.Value, ptr unsafe.Pointer, f *fieldPlan, name string, text []byte) error {
	switch f.kind {
	case fStringSlice:
		s := reflect.ValueOf(d.str(text)).Convert(f.typ)
		fv.Set(reflect.Append(fv, s))
	case fWarehouse:
		ws := fv.Addr().Interface().(*[]Warehouse)
		s := d.str(text)
		if name == "WarehouseID" {
			*ws = append(*ws, Warehouse{WarehouseID: s})
		} else if n := len(*ws); n > 0 && (*ws)[n-1].WarehouseID != "" && (*ws)[n-1].LocationID == "" {
			(*ws)[n-1].LocationID = s
		} else {
			*ws = append(*ws, Warehouse{LocationID: s})
		}
	case fText, fTextPtr:
		// civil's dates are strict and read empty text as "no date"; XML
		// allows whitespace around a value and the schema no empty date.
		text = trimSpace(text)
		if len(text) == 0 {
			d.issue(CodeReadValue, name, "%s is empty", name)
			return nil
		}
		var u encoding.TextUnmarshaler
		var target reflect.Value
		switch {
		case f.kind == fText && f.civil == 1:
			u = (*civil.Date)(ptr)
		case f.kind == fText && f.civil == 2:
			u = (*civil.DateTime)(ptr)
		case f.kind == fText:
			u = fv.Addr().Interface().(encoding.TextUnmarshaler)
		default:
			target = reflect.New(f.typ)
			u = target.Interface().(encoding.TextUnmarshaler)
		}
		if err := u.UnmarshalText(text); err != nil {
			d.issue(CodeReadValue, name, "%s: %s", name, strings.TrimPrefix(strings.TrimPrefix(err.Error(), "saft: "), "civil: "))
			return nil
		}
		if f.kind == fTextPtr {
			fv.Set(target)
		}
	}
	return nil
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if !isXMLSpace(c) {
			return false
		}
	}
	return true
}

func truncateBytes(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "..."
	}
	return string(b)
}

// parseInt parses an xs:integer ([+-]?[0-9]+, surrounding whitespace
// collapsed) that fits an int32.
func parseInt(b []byte) (int, bool) {
	b = trimSpace(b)
	neg := false
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		neg = b[0] == '-'
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 10 {
		return 0, false
	}
	n, ok := atoi(b)
	if !ok || n > 1<<31-1 {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

// parseDecimal parses an xs:decimal ([+-]?digits[.digits], no exponent,
// surrounding whitespace collapsed) exactly.
func parseDecimal(b []byte) (decimal.Decimal, bool) {
	b = trimSpace(b)
	i := 0
	neg := false
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		neg = b[i] == '-'
		i++
	}
	var mant int64
	digits, frac := 0, 0
	dot := false
	small := true
	for ; i < len(b); i++ {
		c := b[i]
		if c == '.' && !dot {
			dot = true
			continue
		}
		if c < '0' || c > '9' {
			return decimal.Decimal{}, false
		}
		digits++
		if dot {
			frac++
		}
		if digits > 18 {
			small = false
		} else {
			mant = mant*10 + int64(c-'0')
		}
	}
	if digits == 0 {
		return decimal.Decimal{}, false
	}
	if !small {
		d, err := decimal.NewFromString(string(b))
		return d, err == nil
	}
	if neg {
		mant = -mant
	}
	return decimal.New(mant, int32(-frac)), true
}

// elemLine is the line of a structure element inside a record (a Line,
// its Tax, DocumentTotals...), so that findings about it can point at it.
type elemLine struct {
	depth int // below the record: 1 for its children
	name  string
	index int // 0 for an element that cannot repeat
	line  int
}

// mark notes the line of the structure element just started.
func (d *decoder) mark(name string, index int) {
	if d.recDepth > 0 {
		d.elems = append(d.elems, elemLine{depth: len(d.path) - d.recDepth + 1, name: name, index: index, line: d.s.Line()})
	}
}

// enter pushes the element just started on the path and checks its
// attributes.
func (d *decoder) enter(name string, index int) {
	d.path = append(d.path, readSeg{name, index})
	d.checkAttrs("")
}

const xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"

// checkAttrs reports the attributes of the element just started (at the
// path plus last) that a schema-valid file cannot have. The schema
// declares no attribute at all, so only what XML Schema allows on any
// element is accepted: namespace declarations and the
// xsi:schemaLocation and xsi:noNamespaceSchemaLocation hints (xmllint
// accepts them anywhere). No element is nillable, so xsi:nil is refused,
// as is xsi:type (the model has no type to switch to).
func (d *decoder) checkAttrs(last string) {
	attrs := d.s.Attrs()
	if len(attrs) == 0 {
		return
	}
	name := last
	if name == "" {
		name = d.path[len(d.path)-1].name
	}
	for _, a := range attrs {
		switch {
		case a.Space == "" && a.Local == "xmlns", a.Space == "xmlns":
		case a.Space == xsiNamespace && (a.Local == "schemaLocation" || a.Local == "noNamespaceSchemaLocation"):
		case a.Space == xsiNamespace && a.Local == "nil":
			d.issue(CodeReadAttribute, last, "%s is not nillable: xsi:nil not allowed", name)
		default:
			d.issue(CodeReadAttribute, last, "attribute %s not allowed on %s (the schema declares no attributes)", attrLabel(a), name)
		}
	}
}

// attrLabel names an attribute with its usual prefix where it has one.
func attrLabel(a xmlscan.Attr) string {
	switch a.Space {
	case "":
		return a.Local
	case xsiNamespace:
		return "xsi:" + a.Local
	case "http://www.w3.org/XML/1998/namespace":
		return "xml:" + a.Local
	}
	return "{" + a.Space + "}" + a.Local
}

// readSeg is one step of the decoder's path.
type readSeg struct {
	name  string
	index int
}
