// Package setup tells where a company's invoicing set-up stands: Activated
// (green), Pending (yellow) or Failed (red), with the checks behind the
// verdict and what to do about each one that is not green.
//
// The checks follow what AT requires before a program may issue documents:
//   - the sub-user's credentials are accepted by the series web service and
//     the sub-user holds the WSE profile ("Comunicação de Séries Documentais
//     por Webservice", series manual, Aspetos Genéricos §2.1);
//   - the producer's certificate for the mutual-TLS connection is valid and
//     not about to expire (Aspetos Genéricos §6), and AT's public key that
//     encrypts the credentials is current (§4.1, §6.2);
//   - every document type the company issues has an active series with a
//     validation code (Decreto-Lei 28/2019 art. 35.º, Portaria 195/2020
//     art. 2.º and 3.º); a series whose expected start of use is still ahead
//     is pending;
//   - the communication method of the current year is chosen (Decreto-Lei
//     198/2012 art. 3.º: SAF-T file or web service, one a year).
//   - for a company that issues invoices in its suppliers' names
//     (self-billing), every agreement in force has, for each document type
//     self-billed, an active self-billing series registered on behalf of
//     the partner, and no active self-billing series is left without an
//     agreement in force (self-billing manual, Aspetos Específicos §1.3.6:
//     self-billing needs a prior agreement; §2.1: a series per partner).
//
// Failed means something is wrong and blocks invoicing (credentials
// refused, certificate expired); Pending means the set-up is not complete yet
// but nothing is wrong (a series still to register, a start date ahead, a
// certificate to renew soon, AT out of reach). The overall level is the worst
// of the checks.
//
// The package talks to AT only through the SeriesLister interface, which
// atclient's Client satisfies through an adapter: no library package imports
// atclient.
package setup
