module github.com/faturapt/faturapt

go 1.26.0

require (
	github.com/hooklift/gowsdl v0.5.0 // indirect
	github.com/shopspring/decimal v1.4.0 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
	golang.org/x/text v0.44.0 // indirect
)

tool github.com/hooklift/gowsdl/cmd/gowsdl
