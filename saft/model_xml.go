package saft

import (
	"encoding/xml"

	"github.com/faturapt/faturapt/civil"
)

// ShippingPoint's WarehouseID/LocationID pairs are an unbounded sequence
// of two optional elements, which struct tags cannot express; these two
// methods let encoding/xml handle them. They are not used by the Writer.

// MarshalXML writes the ShippingPointStructure in the schema's order.
func (p ShippingPoint) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	for _, id := range p.DeliveryID {
		if err := e.EncodeElement(id, xml.StartElement{Name: xml.Name{Local: "DeliveryID"}}); err != nil {
			return err
		}
	}
	if p.DeliveryDate != nil {
		if err := e.EncodeElement(p.DeliveryDate, xml.StartElement{Name: xml.Name{Local: "DeliveryDate"}}); err != nil {
			return err
		}
	}
	for _, w := range p.Warehouses {
		if w.WarehouseID != "" {
			if err := e.EncodeElement(w.WarehouseID, xml.StartElement{Name: xml.Name{Local: "WarehouseID"}}); err != nil {
				return err
			}
		}
		if w.LocationID != "" {
			if err := e.EncodeElement(w.LocationID, xml.StartElement{Name: xml.Name{Local: "LocationID"}}); err != nil {
				return err
			}
		}
	}
	if p.Address != nil {
		if err := e.EncodeElement(p.Address, xml.StartElement{Name: xml.Name{Local: "Address"}}); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}

// UnmarshalXML reads a ShippingPointStructure. A WarehouseID starts a new
// pair; a LocationID completes the last pair when that has a WarehouseID
// and no LocationID yet, else it starts a pair of its own.
func (p *ShippingPoint) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	*p = ShippingPoint{}
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			switch t.Name.Local {
			case "DeliveryID":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return err
				}
				p.DeliveryID = append(p.DeliveryID, s)
			case "DeliveryDate":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return err
				}
				v, err := civil.ParseDate(string(trimSpace([]byte(s))))
				if err != nil {
					return err
				}
				p.DeliveryDate = &v
			case "WarehouseID":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return err
				}
				p.Warehouses = append(p.Warehouses, Warehouse{WarehouseID: s})
			case "LocationID":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return err
				}
				if n := len(p.Warehouses); n > 0 && p.Warehouses[n-1].WarehouseID != "" && p.Warehouses[n-1].LocationID == "" {
					p.Warehouses[n-1].LocationID = s
				} else {
					p.Warehouses = append(p.Warehouses, Warehouse{LocationID: s})
				}
			case "Address":
				var a CustomerAddress
				if err := d.DecodeElement(&a, &t); err != nil {
					return err
				}
				p.Address = &a
			default:
				if err := d.Skip(); err != nil {
					return err
				}
			}
		}
	}
}
