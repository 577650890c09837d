package saft

import (
	"time"

	"github.com/faturapt/faturapt/civil"
)

// Company identifies the company whose data a file holds (Header fields
// 1.2-1.7 and 1.19-1.22).
type Company struct {
	// ID is CompanyID (1.2): "Conservatória número", or the NIF.
	ID string
	// TaxRegistrationNumber is the NIF (1.3).
	TaxRegistrationNumber string
	Name                  string // CompanyName (1.5)
	BusinessName          string // BusinessName (1.6), optional
	Address               Address
	Telephone, Fax        string
	Email, Website        string
}

// Software identifies the program producing the file (fields 1.14-1.17).
type Software struct {
	// ProducerTaxID is ProductCompanyTaxID (1.14): the producer's NIF.
	ProducerTaxID string
	// CertificateNumber is SoftwareCertificateNumber (1.15); 0 when the
	// program is not certified.
	CertificateNumber int
	// ProductID (1.16): "program name/producer name".
	ProductID string
	// Version is ProductVersion (1.17).
	Version string
}

// TaxEntity values of field 1.13.
const (
	TaxEntityGlobal     = "Global" // invoicing file covering every establishment
	TaxEntityHeadOffice = "Sede"   // the head office; accounting files
)

func newHeader(c Company, s Software, basis TaxAccountingBasis, fiscalYear int, start, end, created civil.Date, entity string) Header {
	return Header{
		AuditFileVersion:          AuditFileVersion,
		CompanyID:                 c.ID,
		TaxRegistrationNumber:     c.TaxRegistrationNumber,
		TaxAccountingBasis:        basis,
		CompanyName:               c.Name,
		BusinessName:              c.BusinessName,
		CompanyAddress:            c.Address,
		FiscalYear:                fiscalYear,
		StartDate:                 start,
		EndDate:                   end,
		CurrencyCode:              CurrencyEUR,
		DateCreated:               created,
		TaxEntity:                 entity,
		ProductCompanyTaxID:       s.ProducerTaxID,
		SoftwareCertificateNumber: s.CertificateNumber,
		ProductID:                 s.ProductID,
		ProductVersion:            s.Version,
		Telephone:                 c.Telephone,
		Fax:                       c.Fax,
		Email:                     c.Email,
		Website:                   c.Website,
	}
}

// MonthlyInvoicingHeader returns the Header of the invoicing file of one
// month (TaxAccountingBasis F), the file of the monthly communication of
// invoices to AT: StartDate and EndDate are the month's first and last
// days, FiscalYear the year, TaxEntity "Global". Change TaxEntity for the
// file of one establishment.
func MonthlyInvoicingHeader(c Company, s Software, year int, month time.Month, created civil.Date) Header {
	start := civil.Date{Year: year, Month: month, Day: 1}
	end := civil.DateOf(time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC)) // day 0 is the month's last

	return newHeader(c, s, TaxAccountingBasisInvoicing, year, start, end, created, TaxEntityGlobal)
}

// AccountingHeader returns the Header of the accounting file
// (TaxAccountingBasis C) of a tax year running from start to end (the
// civil year: Jan 1 to Dec 31), TaxEntity "Sede".
func AccountingHeader(c Company, s Software, fiscalYear int, start, end, created civil.Date) Header {
	return newHeader(c, s, TaxAccountingBasisAccounting, fiscalYear, start, end, created, TaxEntityHeadOffice)
}
