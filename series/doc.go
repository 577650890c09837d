// Package series models the document series a Portuguese invoicing program
// communicates to the Autoridade Tributária e Aduaneira (AT) before issuing
// documents in them.
//
// Every fiscally relevant document is numbered inside a series, identified
// by its document type and a series identifier: the SAF-T document number
// "FT A/12" is document 12 of series "A" of invoices (FT). Decreto-Lei n.º
// 28/2019, art. 35.º, makes the taxpayer communicate each series before use;
// AT answers with a validation code (codValidacaoSerie) which, followed by
// "-" and the document's number, is the ATCUD printed on every document
// (Portaria n.º 195/2020, art. 3.º).
//
// What the package gives:
//   - the code tables of the series manual §1.3 as typed enumerations
//     ([SeriesType], [DocumentClass], [DocumentType] with its class,
//     [ProcessingMeans], [Status], [CancellationReason]); the document classes
//     match the SAF-T sections (SI SalesInvoices, MG MovementOfGoods,
//     WD WorkingDocuments, PY Payments);
//   - the identifier rules of §1.3.2 ([ValidateID]) and the case-insensitive
//     uniqueness key per document type ([Key]);
//   - the [Series] value, as sent to registarSerie and as AT describes it,
//     with [Series.Validate] reporting every violation at once;
//   - the life cycle of §1.3.3 (register gives A; an active series is
//     finalized, F, or cancelled, N) as checks that answer with AT's return
//     codes of §2 ([Series.CanRegister], [Series.CanFinalize],
//     [Series.CanCancel], [ReturnCode]);
//   - document numbers "TYPE SERIES/NUMBER" ([DocumentNumber],
//     [ParseDocumentNumber]) and sequence numbers of up to 25 digits
//     ([Number]).
//
// Sources: AT, "Comunicação de Séries Documentais — Manual de Integração de
// Software, Aspetos Específicos" (the "series manual", cited by section) and
// the WSDL of SeriesWSService; Decreto-Lei n.º 28/2019; Portaria n.º 195/2020;
// the SAF-T (PT) 1.04_01 schema for the document number pattern
// [^ ]+ [^/^ ]+/[0-9]+ and its 60-character limit.
//
// The package talks to no network (see atclient) and imports no other
// package of this module.
package series
