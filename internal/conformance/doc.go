// Package conformance holds the tests that every package of the module
// follows the house rules the same way; it has no code of its own.
package conformance
