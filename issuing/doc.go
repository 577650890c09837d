// Package issuing issues documents in a series: in one step a document gets
// the next number of its series, its ATCUD, its signature chained to the
// previous document of the series, and what the printed document must show
// (the four hash characters with the certificate mention, and the QR code
// message).
//
// It composes the leaf packages so that they can stay leaves: series (the
// series and its numbering, series manual §1.3), atcud (Portaria 195/2020
// art. 3), certify (Despacho 8632/2014: the RSA-SHA1 chain) and qrcode
// (Portaria 195/2020 art. 4, Especificações Técnicas Código QR). None of
// them imports another; this package is the one place where they meet, and
// no package of the library imports it.
//
// # Numbering without gaps, signing without forks
//
// Decreto-Lei 28/2019 art. 8 and Despacho 8632/2014 §2.1.5 demand numbers
// that are unique and sequential within a series, and a hash that covers the
// previous document's hash. An [Issuer] keeps one lock per series: documents
// of the same series are numbered and signed one at a time, documents of
// different series never wait for each other.
//
// What is issued is recorded through a [Store], which a program backs with
// its own database (see its contract). A document exists once Store.Append
// has returned nil, not before: a crash before that point issued nothing,
// and the number is given again to the next document; a crash after it
// lost nothing, since the next Issuer resumes from Store.Last.
package issuing
