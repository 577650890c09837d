// Package book keeps what a program issues: the companies, their series,
// every signed document in full, its status changes and its e-Fatura
// state, in a database that refuses to lose or change what the law
// protects. It is the durable [issuing.Store] of package issuing.
//
// The law asks for numbers unique and sequential within a series
// (Decreto-Lei 28/2019 art. 8.º), a hash that covers the previous
// document's hash (Despacho 8632/2014 §2.1.5), nothing of a signed
// document ever changed (Despacho 8632/2014 §1.11), and the documents kept
// for 10 years (Decreto-Lei 28/2019 art. 19.º).
//
// # One schema, two engines
//
// The same tables live in either engine, created by versioned migrations
// embedded in the binary and applied by an explicit [Book.Migrate]; a book
// whose schema is newer than the code is refused ([ErrSchemaNewer]).
//
//   - SQLite, the default: a file path is all a program needs
//     ([OpenSQLite]). The driver is modernc.org/sqlite, SQLite compiled to
//     pure Go, so the module needs no cgo. The file is in WAL mode with
//     synchronous=FULL: a commit that returned is on disk and survives a
//     power cut. SQLite has one writer at a time; the book writes through
//     one connection and groups the writes that arrive together (issuing in
//     many series at once) into one transaction and one fsync; a group in
//     which a write fails is rolled back and run again, each write in its
//     own savepoint, so that the refused write fails alone.
//   - PostgreSQL, for several application servers issuing into the same
//     book ([OpenPostgres], through jackc/pgx). A document is recorded by
//     one statement (the compare-and-set of its series, and from its
//     result the document, its products, the master records it brings
//     and its e-Fatura state), and the documents issued at once in many
//     series are sent together, in one round trip, as one transaction:
//     one commit, one WAL flush, and every Issue of the group returns
//     once it is committed. The group locks its series' rows in one
//     order, so that two processes' groups never deadlock on them; a
//     conflict fails no statement, so it fails only its own document.
//
// # Gapless across processes
//
// A document is recorded in one transaction with its series' new state, by
// a compare-and-set: UPDATE series SET last_number = n ... WHERE
// last_number = n-1. On PostgreSQL (READ COMMITTED) the UPDATE takes the
// series row's lock: a second process updating the same series waits for
// the first to commit, then re-reads the row, finds the number moved and
// updates nothing, and its Append returns [issuing.ErrConflict]; the
// Issuer reads the series again and signs the next document after the one
// the other process recorded. A row lock rather than SERIALIZABLE
// isolation: it serializes only the writers of one series, never fails a
// transaction that touched another series, and needs no retry loop in the
// database. Behind it, the primary key (company, series, number) refuses a
// second document with a number, and triggers refuse a document that is
// not its series' new last document, a series that jumps or rewinds, and
// any UPDATE or DELETE of a signed row: a bug, or SQL typed by hand,
// cannot break the chain silently. Status changes (cancelled, invoiced)
// are new rows of their own, never an UPDATE of a signed field.
//
// # Many companies in one book
//
// Every table's primary key begins with the company's tax number, and every
// query names the company, so a program hosting thousands of companies
// keeps them in one book. On PostgreSQL the tables can be partitioned by
// company without a change of schema (PARTITION BY HASH (company): every
// primary and unique key includes the partition key, as PostgreSQL
// requires), or distributed with Citus by company
// (SELECT create_distributed_table('documents', 'company') for each table,
// colocated): every transaction of the book touches one company, so it runs
// on one node.
//
// # What else it keeps
//
// The series registry ([Book.PutSeries]: each series with its validation
// code and state as the series service answered, and the default series of
// each document type), the communication method of each year
// ([Book.SetMethod]) and, in a web-service year, each document's e-Fatura
// state (pending, sent, refused), which [Book.Communicate] works through.
//
// # What a document's content is
//
// Each document is kept with its SAF-T (PT) record: an invoice, a working
// document or a transport document, recorded with its number by
// [Issuer.Issue] or, for a document computed by package document, by
// [FromDocument] (with its customer, products and tax rates); and receipts,
// which are numbered but not signed (Despacho 8632/2014 §2.1), numbered by
// the book itself ([Book.IssueReceipt]). [Book.ExportSAFT] writes each in
// its section of the file.
package book
