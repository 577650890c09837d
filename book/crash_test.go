package book

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/internal/certifytest"
	"github.com/faturapt/faturapt/issuing"
)

var kills = flag.Int("book.kills", 10, "times the crash test kills the issuing process, on each engine (the issue asks for 50)")

// The child processes of the crash and multi-process tests are this test
// binary, run again with these variables set.
const (
	childWhere = "BOOK_CHILD_WHERE" // the book
	childKey   = "BOOK_CHILD_KEY"   // the signing key, PEM file
	childLog   = "BOOK_CHILD_LOG"   // where each issued document is written once Issue returned
	childDocs  = "BOOK_CHILD_DOCS"  // documents per goroutine; 0: until killed
)

var crashSeries = []string{"A", "B", "C"}

// TestChildIssues is the child process: it issues documents into the book
// from 8 goroutines, over the series crashSeries (every goroutine of a
// series competing for it), and after each Issue that returned writes the
// document's number and hash to the log.
func TestChildIssues(t *testing.T) {
	where := os.Getenv(childWhere)
	if where == "" {
		t.Skip("helper process of TestCrash and TestTwoProcesses")
	}
	ctx := context.Background()
	pemKey, err := os.ReadFile(os.Getenv(childKey))
	require.NoError(t, err)
	key, err := certify.ParsePrivateKeyPEM(pemKey)
	require.NoError(t, err)
	signer, err := certify.NewSigner(key, 1)
	require.NoError(t, err)
	b, err := Open(ctx, where)
	require.NoError(t, err)
	defer b.Close()
	iss, err := b.Issuer(ctx, testNIF, signer)
	require.NoError(t, err)
	log, err := os.OpenFile(os.Getenv(childLog), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	require.NoError(t, err)
	defer log.Close()
	perGoroutine, _ := strconv.Atoi(os.Getenv(childDocs))

	var wg sync.WaitGroup
	var mu sync.Mutex
	var failed error
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := activeSeries(t, crashSeries[g%len(crashSeries)])
			for i := 0; perGoroutine == 0 || i < perGoroutine; {
				d, c := invoice(i)
				d.Date = civil.DateOf(time.Now())
				doc, err := iss.Issue(ctx, s, d, c)
				if errors.Is(err, issuing.ErrConflict) {
					continue // another process took the number: read the series again
				}
				if err != nil {
					mu.Lock()
					failed = errors.Join(failed, err)
					mu.Unlock()
					return
				}
				// One write per line: a process killed after it loses
				// nothing written.
				if _, err := fmt.Fprintf(log, "%s %d %s\n", doc.SeriesKey, doc.Number, doc.Hash); err != nil {
					panic(err)
				}
				i++
			}
		}()
	}
	wg.Wait()
	require.NoError(t, failed)
}

// child starts the child process on the book at where.
func child(t *testing.T, where, keyFile, logFile string, docs int) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe, "-test.run=^TestChildIssues$", "-test.count=1")
	cmd.Env = append(os.Environ(), childWhere+"="+where, childKey+"="+keyFile, childLog+"="+logFile,
		childDocs+"="+strconv.Itoa(docs))
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	require.NoError(t, cmd.Start())
	return cmd
}

// prepare makes the book at where ready for the children and returns the
// key file and the log file.
func prepare(t *testing.T, where string) (keyFile, logFile string) {
	t.Helper()
	b := openBook(t, where)
	require.NoError(t, b.PutCompany(context.Background(), testCompany(t)))
	require.NoError(t, b.Close())
	dir := t.TempDir()
	keyFile, logFile = filepath.Join(dir, "key.pem"), filepath.Join(dir, "issued.log")
	pemKey, err := certifytest.Key(t).MarshalPEM()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(keyFile, pemKey, 0o600))
	return keyFile, logFile
}

// issuedLog reads the log of the children: series key and number to hash.
func issuedLog(t *testing.T, logFile string) map[string]string {
	t.Helper()
	f, err := os.Open(logFile)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	require.NoError(t, err)
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 {
			continue // the line being written when the process was killed
		}
		out[fields[0]+" "+fields[1]] = fields[2]
	}
	require.NoError(t, sc.Err())
	return out
}

// checkBook verifies every series of the children and that every logged
// document is in the book, with its hash; it returns how many documents
// the book holds.
func checkBook(t *testing.T, where, logFile string) int {
	t.Helper()
	b := openBook(t, where)
	defer b.Close()
	have := map[string]string{}
	for _, id := range crashSeries {
		key := activeSeries(t, id).Key()
		for _, d := range verifyChain(t, b, key) {
			have[fmt.Sprintf("%s %d", key, d.Number)] = d.Hash
		}
	}
	for k, hash := range issuedLog(t, logFile) {
		require.Equal(t, hash, have[k], "document %s returned by Issue is not in the book as issued", k)
	}
	return len(have)
}

// TestCrash kills a process issuing documents at random moments: after each
// kill the series are gapless, their chains verify from the first
// document, and every document whose Issue returned is in the book.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the crash test starts and kills processes")
	}
	for _, e := range engines {
		t.Run(string(e.name), func(t *testing.T) {
			where := e.where(t)
			keyFile, logFile := prepare(t, where)
			rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 15))
			total := 0
			for k := range *kills {
				before := logSize(logFile)
				cmd := child(t, where, keyFile, logFile, 0)
				// Kill it at a random moment once it issues.
				for deadline := time.Now().Add(20 * time.Second); logSize(logFile) == before && time.Now().Before(deadline); {
					time.Sleep(5 * time.Millisecond)
				}
				time.Sleep(time.Duration(rng.IntN(200)) * time.Millisecond)
				require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
				err := cmd.Wait()
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
					t.Fatalf("kill %d: the child ended by itself: %v", k+1, err)
				}
				n := checkBook(t, where, logFile)
				require.GreaterOrEqual(t, n, total, "kill %d: documents disappeared", k+1)
				total = n
			}
			t.Logf("%d kills, %d documents, %d logged as returned", *kills, total, len(issuedLog(t, logFile)))
			assert.Positive(t, len(issuedLog(t, logFile)), "no document was issued before the kills")
		})
	}
}

// TestTwoProcesses has two processes of 8 goroutines each issue into the
// same PostgreSQL series: the numbering stays gapless and the chain
// unforked.
func TestTwoProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the test starts processes")
	}
	where := postgresSchema(t)
	keyFile, logFile := prepare(t, where)
	const perGoroutine = 15
	a := child(t, where, keyFile, logFile, perGoroutine)
	b := child(t, where, keyFile, logFile, perGoroutine)
	require.NoError(t, a.Wait())
	require.NoError(t, b.Wait())
	n := checkBook(t, where, logFile)
	assert.Equal(t, 2*8*perGoroutine, n)
	assert.Len(t, issuedLog(t, logFile), n)
}

func logSize(name string) int64 {
	fi, err := os.Stat(name)
	if err != nil {
		return 0
	}
	return fi.Size()
}
