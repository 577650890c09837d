package atcud_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/violation"
)

func ExampleNew() {
	// The QR-code specification's example: document FT AB2019/0035.
	a, err := atcud.New("CSDF7T5H", "FT AB2019/0035")
	fmt.Println(a, err)
	_, err = atcud.New("CSDF7T5H", "FT AB2019")
	fmt.Println(err)
	// Output:
	// CSDF7T5H-0035 <nil>
	// atcud: invalid: documentNumber: must have the SAF-T form "TYPE SERIES/NUMBER": no "/" before the number in "FT AB2019" [ATCUD-DOCUMENT-NUMBER]
}

func ExampleFromSequence() {
	a, _ := atcud.FromSequence("AB12CD34EF", 42)
	fmt.Println(a.Label())
	_, err := atcud.FromSequence("AB12CD34EF", 0)
	fmt.Println(err)
	// Output:
	// ATCUD:AB12CD34EF-42
	// atcud: invalid: number: must be at least 1, got 0 [ATCUD-NUMBER-ZERO]
}

func ExampleParse() {
	for _, s := range []string{"ATCUD:CSDF7T5H-0035", "CDF7T5HD-12345", "0", "CSDF7T5-1"} {
		a, err := atcud.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("code=%q number=%q legacy=%v\n", a.ValidationCode(), a.Number(), a.IsLegacy())
	}
	// Output:
	// code="CSDF7T5H" number="0035" legacy=false
	// code="CDF7T5HD" number="12345" legacy=false
	// code="" number="" legacy=true
	// atcud: invalid: validationCode: must have at least 8 characters, got 7 [ATCUD-VALIDATION-CODE-TOO-SHORT]
}

func ExampleValidateCode() {
	fmt.Println(atcud.ValidateCode("CSDF7T5H"))
	fmt.Println(atcud.ValidateCode("AB12CD34EF")) // 10 characters: accepted
	err := atcud.ValidateCode("CSDF 7T5H")
	fmt.Println(violation.Has(err, atcud.CodeValidationCodeCharset), err)
	// Output:
	// <nil>
	// <nil>
	// true atcud: invalid: validationCode: must contain only ASCII letters and digits: position 5 is ' ' [ATCUD-VALIDATION-CODE-CHARSET]
}

func ExampleATCUD_String() {
	a, _ := atcud.New("CSDF7T5H", "FT AB2019/0035")
	var none atcud.ATCUD
	fmt.Printf("%s|%s|%q\n", a, atcud.Legacy, none.String())
	// Output: CSDF7T5H-0035|0|""
}

func ExampleATCUD_Label() {
	a, _ := atcud.New("CSDF7T5H", "FT AB2019/0035")
	fmt.Println(a.Label())
	fmt.Println(atcud.Legacy.Label())
	// Output:
	// ATCUD:CSDF7T5H-0035
	// ATCUD:0
}

func ExampleATCUD_ValidationCode() {
	a, _ := atcud.Parse("HB6FT7RV-145789")
	fmt.Println(a.ValidationCode(), a.Number())
	// Output: HB6FT7RV 145789
}

func ExampleATCUD_Number() {
	a, _ := atcud.New("CSDF7T5H", "FT AB2019/0035")
	fmt.Println(a.Number())
	// Output: 0035
}

func ExampleATCUD_IsLegacy() {
	a, _ := atcud.Parse("ATCUD:0")
	fmt.Println(a.IsLegacy(), a == atcud.Legacy)
	// Output: true true
}

func ExampleATCUD_IsZero() {
	var a atcud.ATCUD
	fmt.Println(a.IsZero(), atcud.Legacy.IsZero())
	// Output: true false
}

func ExampleATCUD_MarshalText() {
	a, _ := atcud.New("CSDF7T5H", "FT AB2019/0035")
	out, err := json.Marshal(map[string]atcud.ATCUD{"ATCUD": a, "Old": atcud.Legacy})
	fmt.Println(string(out), err)
	_, err = json.Marshal(map[string]atcud.ATCUD{"ATCUD": {}})
	fmt.Println(violation.Has(err, atcud.CodeEmpty))
	// Output:
	// {"ATCUD":"CSDF7T5H-0035","Old":"0"} <nil>
	// true
}

func ExampleATCUD_UnmarshalText() {
	var doc struct{ ATCUD atcud.ATCUD }
	err := json.Unmarshal([]byte(`{"ATCUD":"ATCUD:CSDF7T5H-0035"}`), &doc)
	fmt.Println(doc.ATCUD, err)
	// Output: CSDF7T5H-0035 <nil>
}

func ExampleValidateCode_every() {
	// Every broken rule is reported at once.
	err := atcud.ValidateCode("CSD-7T")
	fmt.Println(errors.Is(err, atcud.ErrInvalid), violation.Codes(err))
	fmt.Println(err)
	// Output:
	// true [ATCUD-VALIDATION-CODE-CHARSET ATCUD-VALIDATION-CODE-TOO-SHORT]
	// atcud: 2 violations: validationCode: must contain only ASCII letters and digits: position 4 is '-' [ATCUD-VALIDATION-CODE-CHARSET]; validationCode: must have at least 8 characters, got 6 [ATCUD-VALIDATION-CODE-TOO-SHORT]
}

func ExampleParse_invalid() {
	_, err := atcud.Parse("ATCUD:CSDF7T5H-0000")
	var e *violation.Error
	if errors.As(err, &e) {
		v := e.Violations[0]
		fmt.Println(v.Path, "|", v.Message, "|", e.HasAt("number", atcud.CodeNumberZero))
	}
	// Output: number | must be at least 1, got "0000" | true
}
