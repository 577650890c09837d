// Package nif checks Portuguese tax identification numbers: the NIF (número de
// identificação fiscal) of persons and the NIPC (número de identificação de
// pessoa coletiva) of entities, which share one format.
//
// A NIF has nine digits: eight sequential digits and a check digit
// (Decreto-Lei n.º 14/2013, de 28 de janeiro, which replaced Decreto-Lei
// n.º 463/79). The leading digit or two-digit prefix says what kind of
// taxpayer holds the number. Validate applies four rules and reports every
// one that fails:
//
//  1. length: exactly nine characters (NIF-LENGTH);
//  2. characters: ASCII digits only (NIF-NOT-DIGIT);
//  3. prefix: one of the ranges AT and the RNPC assign (NIF-PREFIX);
//  4. check digit: weights 9..2 over the first eight digits, sum modulo 11;
//     remainder 0 or 1 gives 0, otherwise 11 − remainder (NIF-CHECK-DIGIT),
//     checked on nine digits only.
//
// The ranges, with the Portuguese names of the sources, are:
//
//	1, 2, 3   pessoa singular (range 3 assigned since July 2019)
//	45        pessoa singular não residente (retenção na fonte a título definitivo)
//	5         pessoa coletiva (RNPC)
//	6         administração pública central, regional ou local
//	70, 74, 75 herança indivisa
//	71        pessoa coletiva não residente (retenção na fonte a título definitivo)
//	72        fundos de investimento
//	77        atribuição oficiosa
//	78        atribuição oficiosa a não residentes (reembolso de IVA, "VAT refund")
//	79        regime excecional (Expo 98)
//	8         empresário em nome individual (no longer assigned; kept because
//	          old records and SAF-T files still carry such numbers)
//	90, 91    condomínios, sociedades irregulares, heranças de empresário individual
//	98        não residentes sem estabelecimento estável
//	99        sociedades civis sem personalidade jurídica
//
// No AT manual lists these ranges; they are
// taken from public references that agree with each other: the Portuguese
// Wikipedia article "Número de identificação fiscal" (as mirrored at
// https://www.data.lopesnext.com and https://proprietarios.pt), AT's note of
// April 2019 announcing range 3 (reported at
// https://jornaleconomico.sapo.pt/noticias/a-partir-de-junho-vem-ai-uma-nova-gama-de-nif-comeca-por-3-431822),
// and Decreto-Lei n.º 14/2013 (individuals' first digit 1 to 4). Only 45 of
// the 4x range is in use, so other 4x prefixes are rejected.
//
// The final consumer number 999999990 (FinalConsumer) is the value AT's
// QR code specification (Especificações Técnicas Código QR, §4, field B) and
// SAF-T (PT) use for an anonymous buyer; it passes every rule and is valid.
package nif
