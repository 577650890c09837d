package transport

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/nif"
	"github.com/faturapt/faturapt/saft"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

// Building the request from the SAF-T model, and the rules of the WSDL,
// of the manual (§4.2) and of the goods circulation regime (Decreto-Lei
// 147/2003, in the wording of Decreto-Lei 28/2019, art. 40.º) that the
// SAF-T model does not carry. Every violation is reported at once in one
// *violation.Error (see Codes).

// Sender is the company that sends the goods (remetente), the SAF-T Header
// fields of the same name (use SenderFromHeader): the request's
// TaxRegistrationNumber, CompanyName and CompanyAddress.
type Sender struct {
	TaxRegistrationNumber string       // 1.3: the Portuguese NIF
	CompanyName           string       // 1.5
	CompanyAddress        saft.Address // 1.7: in Portugal
}

// SenderFromHeader takes the sender from the SAF-T Header a program uses
// to export the same documents, so both ways of communicating say the same.
func SenderFromHeader(h saft.Header) Sender {
	return Sender{TaxRegistrationNumber: h.TaxRegistrationNumber, CompanyName: h.CompanyName, CompanyAddress: h.CompanyAddress}
}

// Document is a transport document to communicate: the SAF-T
// StockMovement a program also exports, the MasterFiles record of its
// customer or supplier, and what SAF-T does not carry.
type Document struct {
	Movement *saft.StockMovement
	// Customer is the record of Movement.CustomerID; Supplier that of
	// Movement.SupplierID. Exactly one is given, as the movement names one.
	Customer *saft.Customer
	Supplier *saft.Supplier
	// VehicleID is the registration plate of the vehicle (VehicleID,
	// manual 1.18; optional). SAF-T does not carry it.
	VehicleID string
}

// Operation is the service's one operation.
const Operation = "envioDocumentoTransporte"

// Types lists the document types the service accepts (MovementType,
// manual 1.9).
func Types() []series.DocumentType {
	return []series.DocumentType{series.DocumentTypeGR, series.DocumentTypeGT, series.DocumentTypeGA, series.DocumentTypeGC, series.DocumentTypeGD}
}

// window is how far from now the start of transport may be, both ways
// (AT's -21 and -17: "3 meses").
const windowMonths = 3

var (
	// The WSDL's DocumentNumber simple type, which the element does not
	// use but the manual describes (1.4): internal code, space, series,
	// slash, number.
	docNumberRE  = regexp.MustCompile(`^[a-zA-Z0-9./_\-]+ [a-zA-Z0-9]*/[0-9]+$`)
	postalCodeRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{3}$`)
	vehicleRE    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 \-]*$`)
)

// check is the rules' context: the client's now in Portuguese legal time.
type check struct {
	list   violation.List
	now    civil.DateTime
	lateOK bool
}

func (c *check) add(path string, code violation.Code, format string, args ...any) {
	c.list.Add(path, code, format, args...)
}

func (c *check) text(path, s string, required bool, max int) {
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0 && required:
		c.add(path, CodeRequired, "missing")
	case n > max:
		c.add(path, CodeLength, "%d characters, at most %d", n, max)
	case n > 0 && strings.TrimSpace(s) == "":
		c.add(path, CodeRequired, "only blanks")
	}
}

func (c *check) nif(path, s string) {
	if s == "" {
		c.add(path, CodeRequired, "missing")
		return
	}
	if !nif.Valid(s) {
		c.add(path, CodeNIF, "%q is not a valid Portuguese NIF (9 digits, check digit; 999999990 when the recipient is unknown, manual 1.10)", clip(s))
	}
}

// address checks a Portuguese address of the request (AddressStructurePT:
// Addressdetail up to 210, City up to 50, PostalCode NNNN-NNN, Country
// fixed PT).
func (c *check) address(path string, detail, city, postal, country string, required bool) {
	c.text(path+"/AddressDetail", detail, required, 210)
	c.text(path+"/City", city, required, 50)
	if postal == "" && required {
		c.add(path+"/PostalCode", CodeRequired, "missing")
	} else if postal != "" && !postalCodeRE.MatchString(postal) {
		c.add(path+"/PostalCode", CodePattern, "%q is not a Portuguese postal code NNNN-NNN", clip(postal))
	}
	if country == "" && required {
		c.add(path+"/Country", CodeRequired, "missing")
	} else if country != "" && country != "PT" {
		c.add(path+"/Country", CodeCountry, "%q: the service takes addresses in Portugal only (Country fixed PT)", clip(country))
	}
}

// build checks d and returns the request: every violation at once.
func build(s *Sender, d Document, ck *check) (*wireRequest, error) {
	if d.Movement == nil {
		ck.add("StockMovement", CodeRequired, "no movement given")
		return nil, ck.list.Err(subject)
	}
	m := d.Movement
	r := &wireRequest{NS: ns}

	// Sender (1.1 to 1.3): all required (S).
	ck.nif("TaxRegistrationNumber", s.TaxRegistrationNumber)
	r.TaxRegistrationNumber = s.TaxRegistrationNumber
	ck.text("CompanyName", s.CompanyName, true, 100)
	r.CompanyName = s.CompanyName
	a := s.CompanyAddress
	ck.address("CompanyAddress", a.AddressDetail, a.City, a.PostalCode, a.Country, true)
	r.CompanyAddress = &wireAddress{Detail: a.AddressDetail, City: a.City, PostalCode: a.PostalCode, Country: a.Country}

	// Document (1.4 to 1.9).
	ck.text("DocumentNumber", m.DocumentNumber, true, 60)
	if m.DocumentNumber != "" && !docNumberRE.MatchString(m.DocumentNumber) {
		ck.add("DocumentNumber", CodePattern, "%q is not \"code series/number\" (manual 1.4)", clip(m.DocumentNumber))
	}
	r.DocumentNumber = m.DocumentNumber
	r.ATCUD = checkATCUD(ck, m)
	ck.text("ATDocCodeID", m.ATDocCodeID, false, 200)
	r.ATDocCodeID = m.ATDocCodeID
	switch st := m.DocumentStatus.MovementStatus; st {
	case saft.MovementStatusNormal, saft.MovementStatusThirdParty, saft.MovementStatusCancelled:
		r.MovementStatus = string(st)
		if st == saft.MovementStatusCancelled && m.ATDocCodeID == "" {
			ck.add("MovementStatus", CodeCancelNoCode, "a cancellation is communicated for a document AT coded: set ATDocCodeID (a document never communicated needs no cancellation)")
		}
	case "":
		ck.add("MovementStatus", CodeRequired, "missing")
	default:
		ck.add("MovementStatus", CodeEnum, "%q: the service takes N, T or A (manual 1.7); a billed (F) or summary (R) document is not communicated again", clip(string(st)))
	}
	if !m.MovementDate.Valid() || m.MovementDate.IsZero() {
		ck.add("MovementDate", CodeDate, "missing or not a calendar date")
	} else {
		r.MovementDate = m.MovementDate.String()
	}
	typ := m.MovementType
	switch {
	case typ == "":
		ck.add("MovementType", CodeRequired, "missing")
	case !isTransportType(typ):
		ck.add("MovementType", CodeEnum, "%q: the service takes GR, GT, GA, GC or GD (manual 1.9)", clip(string(typ)))
	}
	r.MovementType = string(typ)

	// Recipient (1.10 to 1.13): the xs:choice CustomerTaxID|SupplierTaxID.
	parties(ck, s, d, r)

	// Places (1.14, 1.15) and times (1.16, 1.17).
	if m.ShipTo != nil && m.ShipTo.Address != nil && !unknownAddress(m.ShipTo.Address) {
		t := m.ShipTo.Address
		ck.address("AddressTo", t.AddressDetail, t.City, t.PostalCode, t.Country, false)
		r.AddressTo = &wireAddress{Detail: t.AddressDetail, City: t.City, PostalCode: t.PostalCode, Country: t.Country}
	}
	if m.ShipFrom == nil || m.ShipFrom.Address == nil {
		ck.add("AddressFrom", CodeRequired, "the place of loading is required (manual 1.15): set ShipFrom.Address")
	} else {
		f := m.ShipFrom.Address
		ck.address("AddressFrom", f.AddressDetail, f.City, f.PostalCode, f.Country, true)
		r.AddressFrom = &wireAddress{Detail: f.AddressDetail, City: f.City, PostalCode: f.PostalCode, Country: f.Country}
	}
	times(ck, m, r)

	// Vehicle (1.18).
	if v := d.VehicleID; v != "" {
		if utf8.RuneCountInString(v) > 32 || !vehicleRE.MatchString(v) || strings.TrimSpace(v) != v {
			ck.add("VehicleID", CodeVehicle, "%q is not 1 to 32 letters, digits, spaces or hyphens", clip(v))
		}
		r.VehicleID = v
	}

	// Lines (1.19).
	if len(m.Line) == 0 {
		ck.add("Line", CodeRequired, "at least one line")
	}
	for i, l := range m.Line {
		p := "Line[" + strconv.Itoa(i+1) + "]"
		wl := wireLine{Description: l.ProductDescription, Quantity: l.Quantity.String(), Unit: l.UnitOfMeasure, UnitPrice: formatPrice(l.UnitPrice)}
		for j, o := range l.OrderReferences {
			ck.text(p+"/OrderReferences["+strconv.Itoa(j+1)+"]/OriginatingON", o.OriginatingON, false, 60)
			wl.OrderReferences = append(wl.OrderReferences, wireOrderRef{OriginatingON: o.OriginatingON})
		}
		ck.text(p+"/ProductDescription", l.ProductDescription, true, 200)
		if !l.Quantity.IsPositive() {
			ck.add(p+"/Quantity", CodeQuantity, "%s: must be positive", l.Quantity)
		}
		ck.text(p+"/UnitOfMeasure", l.UnitOfMeasure, true, 20)
		if l.UnitPrice.IsNegative() {
			ck.add(p+"/UnitPrice", CodePrice, "%s: must not be negative (0.00 for a document not valued, manual 1.19.5)", l.UnitPrice)
		}
		r.Lines = append(r.Lines, wl)
	}
	if err := ck.list.Err(subject); err != nil {
		return nil, err
	}
	return r, nil
}

// checkATCUD: the manual marks ATCUD optional (1.5), but without one AT
// answers 0 with "O documento não apresenta um ATCUD válido. Para efeitos
// de controlo de bens em circulação, deverá fazer-se acompanhar do
// documento de transporte impresso" (alert added 05-01-2023), and the
// regime (art. 5.º n.º 5) asks for the communication "incluindo o
// respetivo código único de documento": it is required here. Its number
// must be the document number's (AT: -20008).
func checkATCUD(ck *check, m *saft.StockMovement) string {
	if m.ATCUD == "" {
		ck.add("ATCUD", CodeATCUD, "missing: the communication carries the document's ATCUD (Decreto-Lei 147/2003, art. 5.º n.º 5, in the wording of Decreto-Lei 28/2019)")
		return ""
	}
	a, err := atcud.Parse(m.ATCUD)
	switch {
	case utf8.RuneCountInString(m.ATCUD) > 100:
		ck.add("ATCUD", CodeLength, "%d characters, at most 100", utf8.RuneCountInString(m.ATCUD))
	case err != nil || a.IsLegacy():
		ck.add("ATCUD", CodeATCUD, "%q is not \"validation code-number\" (manual 1.5)", clip(m.ATCUD))
	default:
		if _, num, ok := strings.Cut(m.DocumentNumber, "/"); ok && num != a.Number() {
			ck.add("ATCUD", CodeATCUD, "number %q is not the document's %q (AT refuses with -20008)", a.Number(), num)
		}
	}
	return m.ATCUD
}

func parties(ck *check, s *Sender, d Document, r *wireRequest) {
	m := d.Movement
	switch {
	case m.CustomerID != "" && m.SupplierID != "":
		ck.add("CustomerTaxID", CodeChoice, "the movement names both a customer and a supplier")
	case m.CustomerID != "":
		c := d.Customer
		if c == nil || c.CustomerID != m.CustomerID {
			ck.add("CustomerTaxID", CodeParty, "give the MasterFiles record of customer %q", clip(m.CustomerID))
			return
		}
		ck.nif("CustomerTaxID", c.CustomerTaxID)
		r.CustomerTaxID = c.CustomerTaxID
		ck.text("CustomerName", c.CompanyName, false, 100)
		r.CustomerName = c.CompanyName
		// The customer's address is optional (1.12) and Portuguese only:
		// one abroad or unknown is left out rather than refused.
		b := c.BillingAddress
		if b.Country == "PT" && postalCodeRE.MatchString(b.PostalCode) {
			ck.address("CustomerAddress", b.AddressDetail, b.City, b.PostalCode, b.Country, false)
			r.CustomerAddress = &wireAddress{Detail: b.AddressDetail, City: b.City, PostalCode: b.PostalCode, Country: b.Country}
		}
		if m.MovementType == series.DocumentTypeGA && c.CustomerTaxID != s.TaxRegistrationNumber {
			ck.add("CustomerTaxID", CodeOwnAssets, "a GA moves the sender's own assets: the recipient is the sender, %s (manual 1.10)", s.TaxRegistrationNumber)
		}
	case m.SupplierID != "":
		sp := d.Supplier
		if sp == nil || sp.SupplierID != m.SupplierID {
			ck.add("SupplierTaxID", CodeParty, "give the MasterFiles record of supplier %q", clip(m.SupplierID))
			return
		}
		ck.nif("SupplierTaxID", sp.SupplierTaxID)
		r.SupplierTaxID = sp.SupplierTaxID
		if m.MovementType == series.DocumentTypeGA {
			ck.add("SupplierTaxID", CodeOwnAssets, "a GA moves the sender's own assets: name the sender as customer (manual 1.10)")
		}
	default:
		ck.add("CustomerTaxID", CodeChoice, "the movement names neither a customer nor a supplier (999999990 when the recipient is unknown, manual 1.10)")
	}
}

// times checks the start and end of transport against each other, the
// document's date and the client's clock.
func times(ck *check, m *saft.StockMovement, r *wireRequest) {
	start := m.MovementStartTime
	if start.IsZero() || !start.Valid() {
		ck.add("MovementStartTime", CodeDate, "missing or not a valid date and time (manual 1.17)")
		return
	}
	r.MovementStartTime = start.String()
	if m.MovementDate.Valid() && !m.MovementDate.IsZero() && start.Date.Before(m.MovementDate) {
		ck.add("MovementStartTime", CodeStartOrder, "%s is before the document's date %s", start, m.MovementDate)
	}
	if e := m.MovementEndTime; e != nil {
		switch {
		case !e.Valid():
			ck.add("MovementEndTime", CodeDate, "not a valid date and time")
		case !e.After(start):
			ck.add("MovementEndTime", CodeEndOrder, "%s is not after the start %s", e, start)
		default:
			r.MovementEndTime = e.String()
		}
	}
	now := ck.now
	if now.IsZero() {
		return
	}
	at := func(dt civil.DateTime) time.Time { return dt.Time(time.UTC) }
	nowT := at(now)
	switch {
	case at(start).After(nowT.AddDate(0, windowMonths, 0)):
		ck.add("MovementStartTime", CodeStartTooFar, "%s is more than %d months after now (%s): AT refuses with -21", start, windowMonths, now)
	case at(start).Before(nowT.AddDate(0, -windowMonths, 0)):
		ck.add("MovementStartTime", CodeStartTooOld, "%s is more than %d months before now (%s): AT refuses with -17", start, windowMonths, now)
	case start.Before(now) && !ck.lateOK && m.ATDocCodeID == "":
		ck.add("MovementStartTime", CodeStarted, "%s is before now (%s): the document must be communicated before the transport starts; WithLateCommunication sends it anyway as a mere communication (AT's alert -100)", start, now)
	}
}

func isTransportType(t series.DocumentType) bool {
	for _, v := range Types() {
		if v == t {
			return true
		}
	}
	return false
}

// unknownAddress: SAF-T writes "Desconhecido" in each field of an address
// not known; the request then leaves the place of unloading out (optional,
// 1.14: a global document's destinations are not known at the start).
func unknownAddress(a *saft.CustomerAddress) bool {
	return a.Country == "Desconhecido" || (a.AddressDetail == "Desconhecido" && a.City == "Desconhecido")
}

// formatPrice writes a unit price with at least two decimals ("0.00" for
// a document not valued, manual 1.19.5), never rounded.
func formatPrice(d decimal.Decimal) string {
	if d.Exponent() < -2 {
		return d.String()
	}
	return d.StringFixed(2)
}

// clip bounds text taken from input or an answer before it goes into an
// error or a receipt.
func clip(s string) string {
	const max = 300
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "") + "…"
}

// subject names this package's validation errors.
const subject = "transport: document"
