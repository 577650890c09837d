//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// terminal is a pseudo-terminal: the command gets its tty end, the test
// types on the other and sees what the terminal shows.
type terminal struct {
	master, tty *os.File
	mu          sync.Mutex
	shown       bytes.Buffer
}

func newTerminal(t *testing.T) *terminal {
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skip("no pseudo-terminal here:", err)
	}
	t.Cleanup(func() { master.Close() })
	require.NoError(t, unix.IoctlSetPointerInt(int(master.Fd()), unix.TIOCSPTLCK, 0))
	n, err := unix.IoctlGetUint32(int(master.Fd()), unix.TIOCGPTN)
	require.NoError(t, err)
	tty, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	require.NoError(t, err)
	t.Cleanup(func() { tty.Close() })
	term := &terminal{master: master, tty: tty}
	go func() {
		buf := make([]byte, 1024)
		for {
			n, err := master.Read(buf)
			term.mu.Lock()
			term.shown.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return term
}

func (term *terminal) screen() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.shown.String()
}

// await waits until the terminal shows s, n times in all.
func (term *terminal) await(t *testing.T, s string, n int) {
	t.Helper()
	for range 200 {
		if strings.Count(term.screen(), s) >= n {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the terminal never showed %q %d times; it shows:\n%s", s, n, term.screen())
}

// Without the variables or files, the passwords are asked on the terminal
// with its echo off: what is typed is never shown, and is what counts.
func TestPromptWithoutEcho(t *testing.T) {
	t.Parallel()
	sec := newSecrets(t)
	c := newCLI(t, sec)
	term := newTerminal(t)
	dir := filepath.Join(c.dir, "sim")
	var env []string
	for _, kv := range c.env {
		if !strings.HasPrefix(kv, "FATURAPT_AT_PASSWORD=") && !strings.HasPrefix(kv, "FATURAPT_CERT_PASSWORD=") {
			env = append(env, kv)
		}
	}
	cmd := exec.Command(c.bin, "simulator", "--dir", dir)
	cmd.Env, cmd.Stdin, cmd.Stderr = env, term.tty, term.tty
	// A file, read while the simulator runs.
	out, err := os.Create(filepath.Join(c.dir, "simulator.out"))
	require.NoError(t, err)
	defer out.Close()
	cmd.Stdout = out
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGINT)
		cmd.Wait()
	})
	term.await(t, "the password the simulator accepts for 599999993/37: ", 1)
	_, err = term.master.Write([]byte(sec.atPassword + "\n"))
	require.NoError(t, err)
	term.await(t, "the password of the certificate to write: ", 1)
	_, err = term.master.Write([]byte(sec.certPassword + "\n"))
	require.NoError(t, err)
	for range 200 {
		if _, err := os.Stat(filepath.Join(dir, "simulator.json")); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	shown, err := os.ReadFile(out.Name())
	require.NoError(t, err)
	assert.Contains(t, string(shown), "AT simulator serving")
	assert.NotContains(t, term.screen(), sec.atPassword)
	assert.NotContains(t, term.screen(), sec.certPassword)

	// The passwords typed are the ones the simulator and its certificate
	// took: the commands, given them in turn on the terminal, reach it.
	c.init(dir)
	status := exec.Command(c.bin, "status")
	status.Dir, status.Env, status.Stdin, status.Stderr = c.dir, env, term.tty, term.tty
	var statusOut bytes.Buffer
	status.Stdout = &statusOut
	require.NoError(t, status.Start())
	term.await(t, "the PKCS#12 certificate's password: ", 1)
	_, err = term.master.Write([]byte(sec.certPassword + "\n"))
	require.NoError(t, err)
	term.await(t, "the password of AT sub-user 599999993/37: ", 1)
	_, err = term.master.Write([]byte(sec.atPassword + "\n"))
	require.NoError(t, err)
	err = status.Wait()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee, "yellow: exit 1\n%s", term.screen())
	assert.Equal(t, 1, ee.ExitCode())
	assert.Contains(t, statusOut.String(), "[green] credentials: AT accepted the credentials")
	assert.NotContains(t, term.screen(), sec.atPassword)
	assert.NotContains(t, term.screen(), sec.certPassword)
}
