//go:build !linux

package main

import (
	"errors"
	"os"
)

// isTerminal is false where the prompt without echo is not implemented:
// the secrets come from the environment or a file.
func isTerminal(*os.File) bool { return false }

func readNoEcho(*os.File, func()) (string, error) {
	return "", errors.New("no prompt on this system: use the environment variable or the file")
}
