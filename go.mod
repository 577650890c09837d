module github.com/faturapt/faturapt

go 1.26.0

require (
	github.com/hooklift/gowsdl v0.5.0 // indirect
	github.com/makiuchi-d/gozxing v0.1.1 // indirect
	github.com/piglig/go-qr v1.1.0 // indirect
	github.com/shopspring/decimal v1.4.0 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/crypto v0.11.0 // indirect
	golang.org/x/text v0.44.0 // indirect
	golang.org/x/xerrors v0.0.0-20200804184101-5ec99f83aff1 // indirect
	software.sslmate.com/src/go-pkcs12 v0.7.4 // indirect
)

tool github.com/hooklift/gowsdl/cmd/gowsdl
