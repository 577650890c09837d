package qrcode

import "strings"

// field is one row of the table of the specification's §4.
type field struct {
	code      string
	maxLength int  // "Tamanho Máximo", in characters
	mandatory bool // "+" (otherwise "++")
	money     bool // "Formatar com duas casas decimais"
}

// table lists the fields in the order of §4, which is also the order of
// the message (§3 b).
var table = func() []field {
	t := []field{
		{"A", 9, true, false},
		{"B", 30, true, false},
		{"C", 12, true, false},
		{"D", 2, true, false},
		{"E", 1, true, false},
		{"F", 8, true, false},
		{"G", 60, true, false},
		{"H", 70, true, false},
	}
	for _, space := range []string{"I", "J", "K"} {
		// I1 is mandatory; J1 and K1 are "++" (the block is optional).
		t = append(t, field{space + "1", 5, space == "I", false})
		for n := '2'; n <= '8'; n++ {
			t = append(t, field{space + string(n), 16, false, true})
		}
	}
	return append(t,
		field{"L", 16, false, true},
		field{"M", 16, false, true},
		field{"N", 16, true, true},
		field{"O", 16, true, true},
		field{"P", 16, false, true},
		field{"Q", 4, true, false},
		field{"R", 4, true, false},
		field{"S", 65, false, false},
	)
}()

// position maps a field code to its index in table.
var position = func() map[string]int {
	m := make(map[string]int, len(table))
	for i, f := range table {
		m[f.code] = i
	}
	return m
}()

func spec(code string) field { return table[position[code]] }

// countries is the SAF-T (PT) 1.04_01 list of ISO 3166-1 alpha-2 codes
// (elements Country and TaxCountryRegion of SAFTPT1.04_01.xsd).
var countries = setOf(strings.Split("AD|AE|AF|AG|AI|AL|AM|AO|AQ|AR|AS|AT|AU|AW|AX|AZ|BA|BB|BD|BE|BF|BG|BH|BI|BJ|BL|BM|BN|BO|BQ|BR|BS|BT|BV|BW|BY|BZ|CA|CC|CD|CF|CG|CH|CI|CK|CL|CM|CN|CO|CR|CU|CV|CW|CX|CY|CZ|DE|DJ|DK|DM|DO|DZ|EC|EE|EG|EH|ER|ES|ET|FI|FJ|FK|FM|FO|FR|GA|GB|GD|GE|GF|GG|GH|GI|GL|GM|GN|GP|GQ|GR|GS|GT|GU|GW|GY|HK|HM|HN|HR|HT|HU|ID|IE|IL|IM|IN|IO|IQ|IR|IS|IT|JE|JM|JO|JP|KE|KG|KH|KI|KM|KN|KP|KR|KW|KY|KZ|LA|LB|LC|LI|LK|LR|LS|LT|LU|LV|LY|MA|MC|MD|ME|MF|MG|MH|MK|ML|MM|MN|MO|MP|MQ|MR|MS|MT|MU|MV|MW|MX|MY|MZ|NA|NC|NE|NF|NG|NI|NL|NO|NP|NR|NU|NZ|OM|PA|PE|PF|PG|PH|PK|PL|PM|PN|PR|PS|PT|PW|PY|QA|RE|RO|RS|RU|RW|SA|SB|SC|SD|SE|SG|SH|SI|SJ|SK|SL|SM|SN|SO|SR|SS|ST|SV|SX|SY|SZ|TC|TD|TF|TG|TH|TJ|TK|TL|TM|TN|TO|TR|TT|TV|TW|TZ|UA|UG|UM|US|UY|UZ|VA|VC|VE|VG|VI|VN|VU|WF|WS|XK|YE|YT|ZA|ZM|ZW", "|")...)

// documentTypes is the union of the SAF-T (PT) 1.04_01 codes of InvoiceType
// (table 4.1), MovementType (4.2), WorkType (4.3) and PaymentType (4.4),
// including the legacy ones a reader may still meet on old documents.
var documentTypes = setOf(
	"FT", "FS", "FR", "ND", "NC", "VD", "TV", "TD", "AA", "DA", "RP", "RE", "CS", "LD", "RA", // 4.1
	"GR", "GT", "GA", "GC", "GD", // 4.2
	"CM", "CC", "FC", "FO", "NE", "OU", "OR", "PF", "DC", // 4.3
	"RC", "RG", // 4.4
)

// invoiceOnlyTypes are the document types of SAF-T table 4.1
// (SalesInvoices) that appear in no other table: §3 h allows "I1:0" only
// for documents of tables 4.2, 4.3 and 4.4.
var invoiceOnlyTypes = setOf("FT", "FS", "FR", "ND", "NC", "VD", "TV", "TD", "AA", "DA")

// documentStatuses is the union of InvoiceStatus (N S A R F),
// MovementStatus (N T A F R), WorkStatus (N A F) and PaymentStatus (N A).
var documentStatuses = setOf("N", "S", "A", "R", "F", "T")

func setOf(codes ...string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}
