package saft

import (
	"encoding"
	"reflect"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/civil"
)

// The Reader fills the model through a decoding plan built once per struct
// type from the model's `xml` tags (the same tags encoding/xml uses), so
// that the reader follows the model as it evolves and needs no hand-written
// code per element. Unlike encoding/xml it resolves each element name
// with one map lookup, sets fields through precomputed indexes and parses
// numbers and dates from the scanner's buffer without building strings.

type fieldKind uint8

const (
	fString      fieldKind = iota + 1 // string or a named string type (codes)
	fInt                              // int
	fDecimal                          // decimal.Decimal
	fDecimalPtr                       // *decimal.Decimal
	fText                             // a value type with UnmarshalText (Date, DateTime, Indicator)
	fTextPtr                          // a pointer to one (*Date, *DateTime)
	fStruct                           // a nested structure
	fStructPtr                        // an optional nested structure
	fStructSlice                      // a repeated structure
	fStringSlice                      // a repeated text element
	fWarehouse                        // ShippingPoint's WarehouseID/LocationID pairs
)

type fieldPlan struct {
	name  string
	index int
	order int     // position in the schema's sequence
	alt   uint8   // in a slot shared with other elements: this one's bit
	pos   int     // in structPlan.list
	off   uintptr // offset of the field in its struct
	civil uint8   // for fText: 1 for a civil.Date, 2 for a civil.DateTime
	kind  fieldKind
	typ   reflect.Type // the element type for pointers and slices
	sub   *structPlan
}

type structPlan struct {
	typ    reflect.Type
	fields map[string]*fieldPlan
	list   []*fieldPlan // the fields in the schema's order
}

// find returns the field named name, looking first from position from of
// the list (where the previous child was found: in a file in the schema's
// order the next child is there or a few places after, which costs a few
// comparisons of interned names instead of a map lookup), and its
// position.
func (p *structPlan) find(name string, from int) (*fieldPlan, int) {
	for i := from; i < len(p.list); i++ {
		if p.list[i].name == name {
			return p.list[i], i
		}
	}
	f := p.fields[name]
	if f == nil {
		return nil, from
	}
	return f, f.pos
}

var (
	decimalType       = reflect.TypeFor[decimal.Decimal]()
	unmarshalerType   = reflect.TypeFor[encoding.TextUnmarshaler]()
	shippingType      = reflect.TypeFor[ShippingPoint]()
	civilDateType     = reflect.TypeFor[civil.Date]()
	civilDateTimeType = reflect.TypeFor[civil.DateTime]()
	plans             sync.Map // reflect.Type -> *structPlan
)

func planFor(t reflect.Type) *structPlan {
	if p, ok := plans.Load(t); ok {
		return p.(*structPlan)
	}
	p := &structPlan{typ: t, fields: map[string]*fieldPlan{}}
	plans.Store(t, p) // before recursing: the model has no cycles, but be safe
	order := 0
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("xml")
		name, _, _ := strings.Cut(tag, ",")
		if f.Name == "XMLName" || !f.IsExported() {
			continue
		}
		if t == shippingType && f.Name == "Warehouses" {
			order++
			fp := &fieldPlan{name: "WarehouseID", index: i, order: order, kind: fWarehouse}
			p.fields["WarehouseID"] = fp
			p.fields["LocationID"] = &fieldPlan{name: "LocationID", index: i, order: order, kind: fWarehouse}
			p.list = append(p.list, fp, p.fields["LocationID"])
			continue
		}
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		order++
		fp := &fieldPlan{name: name, index: i, order: order, off: f.Offset}
		ft := f.Type
		switch ft {
		case civilDateType:
			fp.civil = 1
		case civilDateTimeType:
			fp.civil = 2
		}
		switch {
		case ft == decimalType:
			fp.kind = fDecimal
		case ft.Kind() == reflect.Pointer && ft.Elem() == decimalType:
			fp.kind = fDecimalPtr
		case reflect.PointerTo(ft).Implements(unmarshalerType):
			fp.kind = fText
		case ft.Kind() == reflect.Pointer && ft.Implements(unmarshalerType):
			fp.kind, fp.typ = fTextPtr, ft.Elem()
		case ft.Kind() == reflect.String:
			fp.kind = fString
		case ft.Kind() == reflect.Int:
			fp.kind = fInt
		case ft.Kind() == reflect.Struct:
			fp.kind, fp.sub = fStruct, planFor(ft)
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct:
			fp.kind, fp.typ, fp.sub = fStructPtr, ft.Elem(), planFor(ft.Elem())
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			fp.kind, fp.typ, fp.sub = fStructSlice, ft.Elem(), planFor(ft.Elem())
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
			fp.kind, fp.typ = fStringSlice, ft.Elem()
		default:
			panic("saft: reader: unsupported model field " + t.Name() + "." + f.Name)
		}
		if first, ok := sharedSlot[name]; ok {
			if fa := p.fields[first]; fa != nil && fa.order == order-1 {
				order--
				fa.alt, fp.order, fp.alt = 1, order, 2
			}
		}
		p.fields[name] = fp
		p.list = append(p.list, fp)
	}
	for i, f := range p.list {
		f.pos = i
	}
	return p
}

// sharedSlot names the elements that share one place of their parent's
// sequence with the element before them in the model, because the schema
// groups the two in an xs:choice or an xs:all: they may come in either
// order. Whether both are present (never allowed by a choice) is the
// validator's rule (SAFT-FACET-CHOICE), not a matter of order.
//   - TaxPercentage | TaxAmount: TaxTableEntry, Tax, PaymentTax;
//   - DebitAmount | CreditAmount: the lines of the source documents;
//   - CustomerID | SupplierID: Transaction, StockMovement;
//   - DebitLine & CreditLine: Transaction/Lines is an xs:all of two
//     unbounded elements (XSD 1.1), so debit and credit lines may come
//     interleaved in any order.
var sharedSlot = map[string]string{
	"TaxAmount":    "TaxPercentage",
	"CreditAmount": "DebitAmount",
	"SupplierID":   "CustomerID",
	"CreditLine":   "DebitLine",
}
