package atclient

// The self-billing series service's types are generated from AT's WSDL as
// published, with the fix of the ordinary series service: NumSeqType
// (xsd:integer, totalDigits 25) becomes a string, as gowsdl v0.5.0 would
// make it an int32 of 10 digits.
//
//go:generate sh -c "mkdir -p internal/selfbillingwsdl && go tool gowsdl -d internal -p selfbillingwsdl -o selfbilling.go wsdl/SeriesAutoFaturacaoWSService.wsdl >/dev/null && sed -e 's/^type NumSeqType int32/type NumSeqType string/' internal/selfbillingwsdl/selfbilling.go >internal/selfbillingwsdl/selfbilling.go.tmp && mv internal/selfbillingwsdl/selfbilling.go.tmp internal/selfbillingwsdl/selfbilling.go && gofmt -w internal/selfbillingwsdl/selfbilling.go"
