package issuing_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/shopspring/decimal"

	"github.com/faturapt/faturapt/atcud"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/issuing"
	"github.com/faturapt/faturapt/qrcode"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/violation"
)

// Issue two invoices of series A, registered at AT with validation code
// AAJFJMVNTN: each gets its number, ATCUD, chained hash and QR code message.
func Example() {
	pemKey, err := os.ReadFile("../certify/testdata/test_key_pkcs1.pem") // the producer's private key
	if err != nil {
		panic(err)
	}
	key, err := certify.ParsePrivateKeyPEM(pemKey)
	if err != nil {
		panic(err)
	}
	signer, err := certify.NewSigner(key, 1)
	if err != nil {
		panic(err)
	}
	clock := func() time.Time { return time.Date(2026, time.December, 1, 9, 30, 0, 0, time.UTC) }
	issuer, err := issuing.New("500000000", "9999", signer, issuing.NewMemoryStore(), issuing.WithClock(clock))
	if err != nil {
		panic(err)
	}

	s, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(1), civil.Date{Year: 2026, Month: time.December, Day: 1})
	s, _ = s.Register("AAJFJMVNTN", "500000000", time.Date(2026, time.November, 28, 0, 0, 0, 0, time.UTC))

	for _, base := range []string{"100.00", "20.00"} {
		net := decimal.RequireFromString(base)
		vat := net.Mul(decimal.RequireFromString("0.23")).Round(2)
		doc, err := issuer.Issue(context.Background(), s, issuing.Draft{
			Date:       civil.Date{Year: 2026, Month: time.December, Day: 1},
			GrossTotal: net.Add(vat),
			QR: &qrcode.Document{
				BuyerTaxID: "999999990", BuyerCountry: "PT", DocumentStatus: "N",
				FiscalSpaceI: qrcode.FiscalSpace{Region: "PT", NormalBase: qrcode.Amount(net), NormalVAT: qrcode.Amount(vat)},
				TaxPayable:   vat,
			},
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(doc.DocumentNumber, doc.ATCUD, len(doc.Hash))
		fmt.Println(doc.Mention)
		fmt.Println(doc.QR)
	}
	// Output:
	// FT A/1 AAJFJMVNTN-1 172
	// SGPK-Processado por programa certificado n.º 9999/AT
	// A:500000000*B:999999990*C:PT*D:FT*E:N*F:20261201*G:FT A/1*H:AAJFJMVNTN-1*I1:PT*I7:100.00*I8:23.00*N:23.00*O:123.00*Q:SGPK*R:9999
	// FT A/2 AAJFJMVNTN-2 172
	// YUzQ-Processado por programa certificado n.º 9999/AT
	// A:500000000*B:999999990*C:PT*D:FT*E:N*F:20261201*G:FT A/2*H:AAJFJMVNTN-2*I1:PT*I7:20.00*I8:4.60*N:4.60*O:24.60*Q:YUzQ*R:9999
}

// A series registered at AT when it already had documents: the number AT
// was told (numInicialSeq 1234) is the next one to issue, and the chain
// continues from the last document issued before, which the store is seeded
// with.
func ExampleMemoryStore_Seed() {
	pemKey, err := os.ReadFile("../certify/testdata/test_key_pkcs1.pem")
	if err != nil {
		panic(err)
	}
	key, _ := certify.ParsePrivateKeyPEM(pemKey)
	signer, _ := certify.NewSigner(key, 1)

	s, _ := series.New("LOJA1", series.DocumentTypeFS, series.NumberOf(1234), civil.Date{Year: 2026, Month: time.December, Day: 1})
	s, _ = s.Register("02FWGVOX", "500000000", time.Date(2026, time.November, 28, 0, 0, 0, 0, time.UTC))

	store := issuing.NewMemoryStore()
	err = store.Seed(issuing.Document{
		SeriesKey: s.Key(), Number: 1233, DocumentNumber: "FS LOJA1/1233", ATCUD: atcud.Legacy,
		Date:        civil.Date{Year: 2026, Month: time.November, Day: 30},
		SystemEntry: civil.DateTime{Date: civil.Date{Year: 2026, Month: time.November, Day: 30}, Hour: 19, Minute: 2, Second: 11},
		GrossTotal:  decimal.RequireFromString("8.50"),
		Hash:        "zUyZCVwSGB3iS4IVyy9y0H3Rj2fOVthzZp5W8w3eQ5NWKKqN0uOJxTbnvJ4m8ywB6K7iIN5KJWy/+m1kpdVnT8d8HqKJXfWMdnJY/7x9dpYhvkJq4x1tUZYDu0aMFwy7wnC6NdLD6Yjj1XJeMxEd3M4mslzzNUyS/9mFkjf2Fe4=",
	})
	if err != nil {
		panic(err)
	}
	clock := func() time.Time { return time.Date(2026, time.December, 1, 9, 30, 0, 0, time.UTC) }
	issuer, _ := issuing.New("500000000", "9999", signer, store, issuing.WithClock(clock))

	doc, err := issuer.Issue(context.Background(), s, issuing.Draft{
		Date: civil.Date{Year: 2026, Month: time.December, Day: 1}, GrossTotal: decimal.RequireFromString("4.20"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.DocumentNumber, doc.ATCUD)
	fmt.Println(len(store.Documents(s.Key())), "documents in the series")
	// Output:
	// FS LOJA1/1234 02FWGVOX-1234
	// 2 documents in the series
}

// An Issuer for company 500000000, signing as the program AT certified
// under number 9999. Arguments that break a rule are all reported at once.
func ExampleNew() {
	pemKey, err := os.ReadFile("../certify/testdata/test_key_pkcs1.pem")
	if err != nil {
		panic(err)
	}
	key, _ := certify.ParsePrivateKeyPEM(pemKey)
	signer, _ := certify.NewSigner(key, 1)
	clock := func() time.Time { return time.Date(2026, time.December, 1, 9, 30, 0, 0, time.UTC) }

	_, err = issuing.New("500000001", "AT9999", signer, nil)
	fmt.Println(errors.Is(err, issuing.ErrInvalid), violation.Codes(err))

	issuer, err := issuing.New("500000000", "9999", signer, issuing.NewMemoryStore(), issuing.WithClock(clock))
	fmt.Println(issuer != nil, err)
	// Output:
	// true [ISSUING-ISSUER-NIF ISSUING-CERTIFICATE ISSUING-REQUIRED]
	// true <nil>
}

// An issuer in the Azores writes SystemEntryDate in the Azores' legal
// time, an hour behind Lisbon's, whatever zone its clock reports.
func ExampleWithLocation() {
	pemKey, err := os.ReadFile("../certify/testdata/test_key_pkcs1.pem")
	if err != nil {
		panic(err)
	}
	key, _ := certify.ParsePrivateKeyPEM(pemKey)
	signer, _ := certify.NewSigner(key, 1)
	clock := func() time.Time { return time.Date(2026, time.December, 1, 9, 30, 0, 0, time.UTC) }
	issuer, err := issuing.New("500000000", "9999", signer, issuing.NewMemoryStore(),
		issuing.WithClock(clock), issuing.WithLocation(civil.Azores))
	if err != nil {
		panic(err)
	}
	s, _ := series.New("A", series.DocumentTypeFT, series.NumberOf(1), civil.Date{Year: 2026, Month: time.December, Day: 1})
	s, _ = s.Register("AAJFJMVNTN", "500000000", time.Date(2026, time.November, 28, 0, 0, 0, 0, time.UTC))
	doc, err := issuer.Issue(context.Background(), s, issuing.Draft{
		Date: civil.Date{Year: 2026, Month: time.December, Day: 1}, GrossTotal: decimal.RequireFromString("4.20"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.DocumentNumber, doc.SystemEntry)
	// Output:
	// FT A/1 2026-12-01T08:30:00
}
