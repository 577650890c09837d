package fatcorews

// Types that the generated code refers to but gowsdl v0.5.0 does not
// declare (see the go:generate directive of package atclient/efatura).
// Written by hand, following the WSDL: SoftwareCertificateNumber is xs:nonNegativeInteger; InvoiceNo and
// PaymentRefNo are global elements with an anonymous string restriction
// (pattern "[^ ]+ [^/^ ]+/[0-9]+", 1 to 60 characters).

// NonNegativeInteger is xs:nonNegativeInteger.
type NonNegativeInteger uint64

// InvoiceNo is the element tns:InvoiceNo.
type InvoiceNo string

// PaymentRefNo is the element tns:PaymentRefNo.
type PaymentRefNo string
