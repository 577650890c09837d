// Package certify implements the document signature that certified invoicing
// software in Portugal puts on every invoice, transport document and working
// document, the hash chain it forms per series, its printed forms, and its
// verification.
//
// The legal source is Despacho n.º 8632/2014 (technical requirements of
// invoicing programs, issued under Portaria n.º 363/2010), with the SAF-T (PT)
// 1.04_01 structure of Portaria n.º 302/2016 for the Hash (text, max 172) and
// HashControl (text, max 70) fields:
//
//   - §2.1 and §4.4: the signed message is
//     Date;SystemEntryDate;DocumentNumber;GrossTotal;PreviousHash, see [Message].
//   - §6.2 and §7.1: RSA, PKCS#1 v1.5 padding, SHA-1, 1024-bit key, base64
//     without line breaks (172 characters), see [Signer].
//   - §2.1.5: each document is signed with the hash of the previous document of
//     the same series and document type; the first one with an empty hash, see
//     [Chain].
//   - §2.2: the printed forms (4 hash characters and the certificate mention),
//     §2.3 to §2.5: HashControl of integrated, manual and recovered documents,
//     §1.5: the training-mode phrase.
//
// Verification ([Verifier]) checks one signature or a whole chain, reporting
// every break with the document it concerns; signatures of a chain are
// independent (each message carries its previous hash as text), so a chain
// is checked by GOMAXPROCS goroutines.
//
// Private keys live in [PrivateKey] and [Signer], which never print them.
//
// The package is a leaf: of this module it imports only civil, whose
// [civil.Date] is the document's date.
package certify
