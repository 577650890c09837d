package main

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/faturapt/faturapt/atclient"
	"github.com/faturapt/faturapt/book"
	"github.com/faturapt/faturapt/certify"
	"github.com/faturapt/faturapt/civil"
	"github.com/faturapt/faturapt/series"
	"github.com/faturapt/faturapt/setup"
)

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1 // refused or failed
	exitUsage  = 2 // bad usage, nothing to work on
)

// env is what a command runs with: its outputs, the environment and the
// clock.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	stdin          *os.File
	now            func() time.Time
	nowErr         error
}

func newEnv(stdout, stderr io.Writer) *env {
	e := &env{stdout: stdout, stderr: stderr, getenv: os.Getenv, stdin: os.Stdin, now: time.Now}
	if v := e.getenv("FATURAPT_NOW"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			e.nowErr = fmt.Errorf("FATURAPT_NOW %q is not an RFC 3339 time such as 2026-06-01T10:00:00Z", v)
		} else {
			e.now = func() time.Time { return t }
		}
	}
	return e
}

// lisbon is the time zone of the documents' dates.
var lisbon = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Lisbon")
	if err != nil {
		return time.FixedZone("WET", 0)
	}
	return loc
}()

func (e *env) today() civil.Date { return civil.DateIn(e.now(), civil.Lisbon) }

// fail prints err with the hint of what to do and returns code.
func (e *env) fail(code int, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "faturapt: "+format+"\n", args...)
	return code
}

// progress prints a line of progress on stderr.
func (e *env) progress(format string, args ...any) {
	fmt.Fprintf(e.stderr, format+"\n", args...)
}

func (e *env) json(v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return e.fail(exitFailed, "%v", err)
	}
	return exitOK
}

// context returns a context cancelled by SIGINT or SIGTERM.
func (e *env) context() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// flags is a command's flag set, with its usage text.
func (e *env) flags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, usage)
		fmt.Fprintln(e.stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, flags before or after the arguments, and returns the
// arguments; ok false means the command is done, with status code.
func parse(fs *flag.FlagSet, args []string) (rest []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		if fs.NArg() == 0 {
			return rest, 0, true
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// bookFlags are the flags that say which book and company.
type bookFlags struct {
	where, company string
}

func (e *env) bookFlags(fs *flag.FlagSet) *bookFlags {
	b := &bookFlags{}
	def := e.getenv("FATURAPT_BOOK")
	if def == "" {
		def = "faturapt.db"
	}
	fs.StringVar(&b.where, "book", def, "the book: a SQLite file or a postgres:// URL ($FATURAPT_BOOK)")
	fs.StringVar(&b.company, "company", e.getenv("FATURAPT_COMPANY"), "the company's NIF, when the book holds several ($FATURAPT_COMPANY)")
	return b
}

// session is an open book and the company a command works on.
type session struct {
	*env
	book    *book.Book
	nif     string
	company book.Company
	stop    context.CancelFunc
}

// begin is a command's start: a context cancelled by SIGINT or SIGTERM and
// the open book; the session's close ends both. A nil session means the
// command is done, with status code.
func (e *env) begin(bf *bookFlags) (context.Context, *session, int) {
	ctx, stop := e.context()
	s, code := e.open(ctx, bf)
	if s == nil {
		stop()
		return nil, nil, code
	}
	s.stop = stop
	return ctx, s, exitOK
}

// open opens the book (it must exist, except for init) and finds the
// company.
func (e *env) open(ctx context.Context, bf *bookFlags) (*session, int) {
	if e.nowErr != nil {
		return nil, e.fail(exitUsage, "%v", e.nowErr)
	}
	if !isURL(bf.where) {
		if _, err := os.Stat(bf.where); err != nil {
			return nil, e.fail(exitUsage, "no book at %s: create it with \"faturapt init\", or give --book (or FATURAPT_BOOK)", bf.where)
		}
	}
	b, err := book.Open(ctx, bf.where, book.WithClock(e.now))
	if err != nil {
		return nil, e.fail(exitUsage, "opening the book %s: %v", redactURL(bf.where), err)
	}
	if err := b.Migrate(ctx); err != nil {
		b.Close()
		return nil, e.fail(exitUsage, "the book %s: %v", redactURL(bf.where), err)
	}
	s := &session{env: e, book: b, nif: bf.company}
	if s.nif == "" {
		cos, err := b.Companies(ctx)
		if err != nil {
			b.Close()
			return nil, e.fail(exitUsage, "%v", err)
		}
		switch len(cos) {
		case 0:
			b.Close()
			return nil, e.fail(exitUsage, "the book %s has no company yet: run \"faturapt init\"", redactURL(bf.where))
		case 1:
			s.nif = cos[0]
		default:
			b.Close()
			return nil, e.fail(exitUsage, "the book holds %d companies (%s): say which with --company NIF or FATURAPT_COMPANY", len(cos), strings.Join(cos, ", "))
		}
	}
	if s.company, err = b.Company(ctx, s.nif); err != nil {
		b.Close()
		if errors.Is(err, book.ErrNotFound) {
			return nil, e.fail(exitUsage, "company %s is not in the book: run \"faturapt init --nif %s ...\"", s.nif, s.nif)
		}
		return nil, e.fail(exitUsage, "%v", err)
	}
	return s, exitOK
}

func (s *session) close() {
	s.book.Close()
	s.stop()
}

func isURL(where string) bool {
	return strings.HasPrefix(where, "postgres://") || strings.HasPrefix(where, "postgresql://")
}

// redactURL hides a password in a postgres URL.
func redactURL(where string) string {
	if !isURL(where) {
		return where
	}
	scheme, rest, _ := strings.Cut(where, "://")
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		if user, _, ok := strings.Cut(rest[:at], ":"); ok {
			return scheme + "://" + user + ":xxxxx@" + rest[at+1:]
		}
	}
	return where
}

// secretFlags are the files of the secrets a command may need.
type secretFlags struct {
	atPassword, certPassword, signingKey string
}

func (e *env) secretFlags(fs *flag.FlagSet, at, key bool) *secretFlags {
	sf := &secretFlags{}
	if at {
		fs.StringVar(&sf.atPassword, "at-password-file", "", "file holding the AT sub-user's password (else $FATURAPT_AT_PASSWORD, else a prompt)")
		fs.StringVar(&sf.certPassword, "cert-password-file", "", "file holding the PKCS#12 certificate's password (else $FATURAPT_CERT_PASSWORD, else a prompt)")
	}
	if key {
		fs.StringVar(&sf.signingKey, "signing-key-file", "", "PEM file holding the program's RSA signing key (else $FATURAPT_SIGNING_KEY holds the PEM)")
	}
	return sf
}

// secret reads a secret from the environment variable name, else from
// file, else from a prompt without echo when stdin is a terminal.
func (e *env) secret(what, name, file, flagName string, prompt bool) (string, error) {
	if v := e.getenv(name); v != "" {
		return v, nil
	}
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("reading %s: %w", what, err)
		}
		v := strings.TrimRight(string(data), "\r\n")
		if v == "" {
			return "", fmt.Errorf("%s: the file %s is empty", what, file)
		}
		return v, nil
	}
	if prompt && isTerminal(e.stdin) {
		// The prompt once echo is off: what is typed after it never shows.
		v, err := readNoEcho(e.stdin, func() { fmt.Fprintf(e.stderr, "%s: ", what) })
		fmt.Fprintln(e.stderr)
		if err == nil && v == "" {
			err = errors.New("nothing typed")
		}
		if err != nil {
			return "", fmt.Errorf("%s: %w", what, err)
		}
		return v, nil
	}
	return "", fmt.Errorf("%s is needed: set %s, or give --%s FILE", what, name, flagName)
}

// signer reads the signing key and checks it is the book's key version.
func (s *session) signer(sf *secretFlags) (*certify.Signer, error) {
	key, err := s.signingKey(sf)
	if err != nil {
		return nil, err
	}
	pub, err := key.PublicKeyPEM()
	if err != nil {
		return nil, err
	}
	for _, k := range s.company.Keys {
		if strings.TrimSpace(k.PublicKey) == strings.TrimSpace(string(pub)) {
			var v int
			if _, err := fmt.Sscan(k.Version, &v); err != nil {
				return nil, fmt.Errorf("key version %q of the book is not a number", k.Version)
			}
			return certify.NewSigner(key, v)
		}
	}
	return nil, fmt.Errorf("the signing key given is not one of company %s's keys in the book: give the key \"faturapt init\" recorded", s.nif)
}

func (e *env) signingKey(sf *secretFlags) (*certify.PrivateKey, error) {
	pemText, err := e.secret("the signing key", "FATURAPT_SIGNING_KEY", sf.signingKey, "signing-key-file", false)
	if err != nil {
		return nil, err
	}
	key, err := certify.ParsePrivateKeyPEM([]byte(pemText))
	if err != nil {
		return nil, fmt.Errorf("the signing key: %w", err)
	}
	return key, nil
}

// at is a client of AT's services for the company, and what the set-up
// checks need of it.
type at struct {
	client *atclient.Client
	conn   book.Connection
	cert   *x509.Certificate
	keyEnd time.Time
}

// dial makes a client of AT's services as the book's connection says,
// with the passwords from the environment, files or a prompt.
func (s *session) dial(ctx context.Context, sf *secretFlags) (*at, error) {
	conn, err := s.book.Connection(ctx, s.nif)
	if errors.Is(err, book.ErrNotFound) {
		return nil, fmt.Errorf("the book has no AT connection for %s: run \"faturapt init\" with --at", s.nif)
	}
	if err != nil {
		return nil, err
	}
	if conn.Environment == book.EnvironmentSimulator {
		// A simulator listens on new ports, with new certificates, each
		// time it starts: take its addresses from its directory.
		dir := filepath.Dir(conn.CertificateFile)
		data, err := os.ReadFile(filepath.Join(dir, "simulator.json"))
		if err != nil {
			return nil, fmt.Errorf("no simulator running in %s: start it with \"faturapt simulator --dir %s\"", dir, dir)
		}
		var info simulatorInfo
		if err := json.Unmarshal(data, &info); err != nil {
			return nil, fmt.Errorf("%s/simulator.json: %w", dir, err)
		}
		conn.SeriesURL, conn.EFaturaURL = info.SeriesURL, info.EFaturaURL
	}
	p12, err := os.ReadFile(conn.CertificateFile)
	if err != nil {
		return nil, fmt.Errorf("the producer's certificate: %w (give its new place with \"faturapt init --cert FILE\")", err)
	}
	certPW, err := s.secret("the PKCS#12 certificate's password", "FATURAPT_CERT_PASSWORD", sf.certPassword, "cert-password-file", true)
	if err != nil {
		return nil, err
	}
	cert, err := atclient.LoadPKCS12(p12, certPW)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", conn.CertificateFile, err)
	}
	atPW, err := s.secret(fmt.Sprintf("the password of AT sub-user %s/%s", s.nif, conn.SubUser), "FATURAPT_AT_PASSWORD", sf.atPassword, "at-password-file", true)
	if err != nil {
		return nil, err
	}
	creds, err := atclient.NewCredentials(s.nif, conn.SubUser, atPW)
	if err != nil {
		return nil, err
	}
	opts := []atclient.Option{atclient.WithClock(s.now), atclient.WithRequestTimeout(30 * time.Second)}
	key := atclient.DefaultATKey()
	if conn.ATKeyFile != "" {
		data, err := os.ReadFile(conn.ATKeyFile)
		if err != nil {
			return nil, fmt.Errorf("AT's public key: %w", err)
		}
		if key, err = atclient.ParseATKey(data); err != nil {
			return nil, fmt.Errorf("AT's public key %s: %w", conn.ATKeyFile, err)
		}
		opts = append(opts, atclient.WithATKey(key))
	}
	if conn.RootCAFile != "" {
		data, err := os.ReadFile(conn.RootCAFile)
		if err != nil {
			return nil, fmt.Errorf("the certificate authority: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(data) {
			return nil, fmt.Errorf("%s holds no PEM certificate", conn.RootCAFile)
		}
		opts = append(opts, atclient.WithRootCAs(pool))
	}
	client, err := atclient.New(atclient.Endpoints{Series: conn.SeriesURL, EFatura: conn.EFaturaURL}, creds, cert, opts...)
	if err != nil {
		return nil, err
	}
	return &at{client: client, conn: conn, cert: cert.X509(), keyEnd: key.NotAfter()}, nil
}

// lister is the client as package setup asks AT.
func (a *at) lister() setup.SeriesLister {
	return setup.SeriesListerFunc(func(ctx context.Context) ([]series.Series, error) {
		return a.client.QuerySeries(ctx, atclient.SeriesQuery{})
	})
}
