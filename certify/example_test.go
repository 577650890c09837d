package certify_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/shopspring/decimal"
)

// signer loads the test key of testdata/ (a real program embeds and
// protects its own key: Despacho §3.1.4).
func signer() *certify.Signer {
	pemData, err := os.ReadFile("testdata/test_key_pkcs1.pem")
	if err != nil {
		panic(err)
	}
	key, err := certify.ParsePrivateKeyPEM(pemData)
	if err != nil {
		panic(err)
	}
	s, err := certify.NewSigner(key, 1) // private key version 1
	if err != nil {
		panic(err)
	}
	return s
}

func entryAt(y int, m time.Month, d, hh, mm, ss int) civil.DateTime {
	return civil.DateTime{Date: civil.Date{Year: y, Month: m, Day: d}, Hour: hh, Minute: mm, Second: ss}
}

// Sign the first and the second document of series "FT A".
func ExampleChain_Sign() {
	s := signer()
	var chain certify.Chain // a new series: no previous hash

	first := certify.Document{
		Date:        civil.Date{Year: 2024, Month: time.March, Day: 1},
		SystemEntry: entryAt(2024, time.March, 1, 9, 30, 0),
		Number:      "FT A/1",
		GrossTotal:  decimal.RequireFromString("123.00"),
	}
	fmt.Println(first.Message(chain.LastHash))
	h1, err := chain.Sign(s, first)
	if err != nil {
		panic(err)
	}

	second := certify.Document{
		Date:        civil.Date{Year: 2024, Month: time.March, Day: 1},
		SystemEntry: entryAt(2024, time.March, 1, 11, 2, 45),
		Number:      "FT A/2",
		GrossTotal:  decimal.RequireFromString("7.5"),
	}
	fmt.Println(second.Message(chain.LastHash) == second.Message(h1))
	h2, err := chain.Sign(s, second)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(h1), len(h2), chain.LastNumber, chain.LastHash == h2, s.HashControl())

	// A third document dated before the second is refused.
	_, err = chain.Sign(s, certify.Document{
		Date: civil.Date{Year: 2024, Month: time.February, Day: 29}, SystemEntry: entryAt(2024, time.March, 1, 12, 0, 0),
		Number: "FT A/3", GrossTotal: decimal.NewFromInt(1),
	})
	fmt.Println(errors.Is(err, certify.ErrDateOrder))
	// Output:
	// 2024-03-01;2024-03-01T09:30:00;FT A/1;123.00;
	// true
	// 172 172 2 true 1
	// true
}

// Verify a chain: every break is reported with its document.
func ExampleVerifier_VerifyChain() {
	s := signer()
	var chain certify.Chain
	var records []certify.Record
	for i := 1; i <= 4; i++ {
		doc := certify.Document{
			Date:        civil.Date{Year: 2024, Month: time.April, Day: i},
			SystemEntry: entryAt(2024, time.April, i, 10, 0, 0),
			Number:      fmt.Sprintf("FR B/%d", i),
			GrossTotal:  decimal.NewFromInt(int64(10 * i)),
		}
		hash, err := chain.Sign(s, doc)
		if err != nil {
			panic(err)
		}
		records = append(records, certify.Record{Document: doc, Hash: hash})
	}

	v, err := certify.NewVerifier(s.Public()) // GOMAXPROCS workers
	if err != nil {
		panic(err)
	}
	fmt.Println(v.VerifyChain(certify.Chain{}, records))

	records[1].GrossTotal = decimal.NewFromInt(99) // altered after signing
	records[3].Date = civil.Date{Year: 2024, Month: time.April, Day: 1}
	var ce *certify.ChainError
	if errors.As(v.VerifyChain(certify.Chain{}, records), &ce) {
		for _, b := range ce.Breaks {
			fmt.Println(b.Index, b.Number, b.Err)
		}
	}
	// Output:
	// <nil>
	// 1 FR B/2 signature does not verify
	// 3 FR B/4 document date before the previous document's
	// 3 FR B/4 signature does not verify
}

// Print the footer of a signed document (Despacho §2.2.2).
func ExampleProcessedMention() {
	hash := "oso2FoOw4V941CwKTrv6xwzUrOtxBWCwU0yLVAqKwf0CNKZHMETG1XZZC4spRSyby1uDXBggplogrl8gHnvevA00UEoAvGJo9Fa3DOA0MhZNDa9/rNvu71pp+0zHmN2ra5IWpiHcgmUYxm5qamLBk49rkgvl7h1myKCYBKqgu60="
	footer, err := certify.ProcessedMention(hash, "9999")
	if err != nil {
		panic(err)
	}
	fmt.Println(footer)
	// Output: o9xC-Processado por programa certificado n.º 9999/AT
}

func ExampleIssuedMention() {
	m, _ := certify.IssuedMention("9999")
	fmt.Println(m)
	fmt.Println(certify.TrainingMention)
	// Output:
	// Emitido por programa certificado n.º 9999/AT
	// Documento emitido para fins de Formação
}

func ExampleHashChars() {
	chars, _ := certify.HashChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop")
	fmt.Println(chars)
	// Output: AKUe
}

func ExampleMessage() {
	fmt.Println(certify.Message(
		civil.Date{Year: 2010, Month: time.May, Day: 18},
		civil.DateTime{Date: civil.Date{Year: 2010, Month: time.May, Day: 18}, Hour: 11, Minute: 22, Second: 19},
		"FAC 001/14",
		decimal.RequireFromString("3.12"),
		"", // first document of the series
	))
	// Output: 2010-05-18;2010-05-18T11:22:19;FAC 001/14;3.12;
}

func ExampleManualDocument_HashControl() {
	manual := certify.ManualDocument{DocumentType: "FT", Series: "abc", Number: "00001"}
	hc, _ := manual.HashControl(1)
	copyMention, _ := manual.CopyMention()
	fmt.Println(hc)
	fmt.Println(copyMention)
	// Output:
	// 1-FTM abc/00001
	// Cópia do documento original - FTM abc/00001
}

func ExampleDuplicateDocument_HashControl() {
	dup := certify.DuplicateDocument{DocumentType: "FT", Number: "XY 2013A/00099"}
	hc, _ := dup.HashControl(1)
	copyMention, _ := dup.CopyMention()
	fmt.Println(hc)
	fmt.Println(copyMention)
	// Output:
	// 1-FTD XY 2013A/00099
	// Cópia do documento original - FTD XY 2013A/00099
}

func ExampleIntegratedHashControl() {
	hc, _ := certify.IntegratedHashControl("9999", 1)
	fmt.Println(hc, certify.ValidHashControl(hc))
	fmt.Println(certify.ValidHashControl(certify.NotCertified), certify.UncertifiedHashControl)
	// Output:
	// 9999.1 true
	// false 0
}

// Generate the key pair and the public key file for AT (Despacho §5).
func ExampleGenerateKey() {
	key, err := certify.GenerateKey(nil)
	if err != nil {
		panic(err)
	}
	pub, err := key.PublicKeyPEM() // saved as a .txt file for AT (§5.2)
	if err != nil {
		panic(err)
	}
	fmt.Println(key.Bits())
	fmt.Println(strings.SplitN(string(pub), "\n", 2)[0])
	fmt.Println(key) // never the key itself
	// Output:
	// 1024
	// -----BEGIN PUBLIC KEY-----
	// certify.PrivateKey{RSA-1024 [redacted]}
}

func ExampleParsePublicKeyPEM() {
	data, _ := os.ReadFile("testdata/test_key_public.pem")
	pub, err := certify.ParsePublicKeyPEM(data)
	if err != nil {
		panic(err)
	}
	v, _ := certify.NewVerifier(pub)
	msg := "2010-05-18;2010-05-18T11:22:19;FAC 001/14;3.12;"
	hash, _ := signer().SignMessage(msg)
	fmt.Println(v.Verify(msg, hash))
	fmt.Println(v.Verify(msg+"x", hash))
	// Output:
	// <nil>
	// signature does not verify
}

func ExampleSigner_String() {
	fmt.Printf("%v\n", signer())
	// Output: certify.Signer{key: RSA-1024 [redacted], version: 1}
}
