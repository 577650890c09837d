// Package selfbilling models self-billing under an agreement
// ("autofaturação com acordo"): a company that issues the invoices of its
// suppliers in their names, and so must communicate to the Autoridade
// Tributária e Aduaneira (AT) the series of those invoices on behalf of each
// supplier, as every other series (Decreto-Lei n.º 28/2019, art. 35.º;
// Portaria n.º 195/2020).
//
// Self-billing rests on a prior agreement between the supplier and the
// acquirer (self-billing manual §1.3.6), registered and finalized only in
// the Portal das Finanças; AT's web service lets the self-biller query the
// agreements and register, finalize, cancel and query the series it holds
// under each. What the package gives:
//   - the code tables of the self-billing manual §1.3 ([PartnerType]:
//     national supplier FN, foreign supplier FE, foreign customer CE;
//     [AgreementStatus]) and the document types a self-billing series may
//     have ([DocumentTypes]: FT, FS, FR, ND and NC, class SI);
//   - the [Agreement] as AT describes it, and whether it is in force on a
//     day ([Agreement.InForce]) and covers a series ([Agreement.Covers]);
//   - the self-billing [Series]: a [series.Series] of type A with the
//     partner of the agreement, checked against every rule of the manual
//     at once ([Series.Validate], [Series.ValidateFor]), with the life-cycle
//     checks of the ordinary series plus the self-billing ones
//     ([Series.CanCancel]: only on the day of registration or the next);
//   - the return codes each operation documents ([ReturnCodes]), which are
//     those of the ordinary series service (series.ReturnCode).
//
// Once registered, a self-billing series is a series like any other: its
// validation code and the document's number make the ATCUD, and its
// embedded series.Series is what package issuing numbers documents with.
//
// Sources: AT, "Comunicação de Séries Documentais de Autofaturação com
// Acordo — Manual de Integração de Software", Aspetos Específicos and Aspetos
// Genéricos, version 1.0, December 2022 (the "self-billing manual", cited by
// section), and the WSDL of SeriesAutoFaturacaoWSService.
//
// The package talks to no network (see atclient).
package selfbilling
