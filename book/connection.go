package book

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
)

// Environment is which AT a company's program talks to.
type Environment string

// The environments.
const (
	EnvironmentTest       Environment = "test"       // AT's test services (atclient.TestEndpoints)
	EnvironmentProduction Environment = "production" // AT's production services
	EnvironmentSimulator  Environment = "simulator"  // the attest simulator on this machine
)

// Values returns the environments.
func (Environment) Values() []Environment {
	return []Environment{EnvironmentTest, EnvironmentProduction, EnvironmentSimulator}
}

// Valid reports whether e is an environment.
func (e Environment) Valid() bool {
	return e == EnvironmentTest || e == EnvironmentProduction || e == EnvironmentSimulator
}

// Connection is how a program reaches AT's web services for a company: the
// endpoints, the sub-user and where its certificates are. The book keeps no
// secret: the passwords of the sub-user and of the certificate are given to
// each run (the series manual, Aspetos Genéricos §4.1, makes the password the
// sub-user's own; Despacho 8632/2014 §2.1.1 keeps the signing key with the
// producer).
type Connection struct {
	Environment Environment `json:"environment"`
	SeriesURL   string      `json:"seriesURL"`
	EFaturaURL  string      `json:"efaturaURL"`
	// SubUser is the Portal das Finanças sub-user number of the company
	// (the user is "NIF/SubUser").
	SubUser string `json:"subUser"`
	// CertificateFile is the producer's PKCS#12 certificate for mutual TLS.
	CertificateFile string `json:"certificateFile"`
	// ATKeyFile is the certificate of AT's public key that encrypts the
	// credentials, when not the one the program embeds.
	ATKeyFile string `json:"atKeyFile,omitempty"`
	// RootCAFile holds the certificate authorities to trust instead of the
	// system's (the simulator's throwaway one).
	RootCAFile string `json:"rootCAFile,omitempty"`
}

// Validate reports what is missing or wrong in c.
func (c Connection) Validate() error {
	var errs []error
	if !c.Environment.Valid() {
		errs = append(errs, fmt.Errorf("%w: connection: environment %q is not test, production or simulator", ErrInvalid, c.Environment))
	}
	for _, u := range []struct{ name, v string }{{"SeriesURL", c.SeriesURL}, {"EFaturaURL", c.EFaturaURL}} {
		p, err := url.Parse(u.v)
		if err != nil || p.Scheme != "https" || p.Host == "" {
			errs = append(errs, fmt.Errorf("%w: connection: %s %q is not an https URL (AT's services are reached over mutual TLS)", ErrInvalid, u.name, u.v))
		}
	}
	if c.SubUser == "" {
		errs = append(errs, fmt.Errorf("%w: connection: SubUser is required", ErrInvalid))
	}
	if c.CertificateFile == "" {
		errs = append(errs, fmt.Errorf("%w: connection: CertificateFile is required", ErrInvalid))
	}
	return errors.Join(errs...)
}

// PutConnection records how the program reaches AT for the company nif,
// replacing what was recorded.
func (b *Book) PutConnection(ctx context.Context, nif string, c Connection) error {
	if err := c.Validate(); err != nil {
		return err
	}
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return b.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO connections (company, content) VALUES ($1, $2)
			ON CONFLICT (company) DO UPDATE SET content = excluded.content`, nif, string(data))
		if err != nil {
			return fmt.Errorf("book: connection of %s: %w", nif, err)
		}
		return nil
	})
}

// Connection returns how the program reaches AT for the company nif
// (ErrNotFound when nothing is recorded).
func (b *Book) Connection(ctx context.Context, nif string) (Connection, error) {
	var data string
	err := b.rdb.QueryRowContext(ctx, `SELECT content FROM connections WHERE company = $1`, nif).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return Connection{}, fmt.Errorf("%w: connection of %s", ErrNotFound, nif)
	}
	if err != nil {
		return Connection{}, fmt.Errorf("book: connection of %s: %w", nif, err)
	}
	var c Connection
	if err := json.Unmarshal([]byte(data), &c); err != nil {
		return Connection{}, fmt.Errorf("book: connection of %s: %w", nif, err)
	}
	return c, nil
}
