package certify

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/faturapt/faturapt/violation"
)

// Printed phrases, verbatim from Despacho 8632/2014 ("n.º" is "n.", U+00BA).
const (
	// TrainingMention is printed on documents issued in training mode, in
	// their own series (§1.5).
	TrainingMention = "Documento emitido para fins de Formação"
	// NotAnInvoiceMention is printed on documents that are not invoices and
	// may be presented to the customer (§1.2).
	NotAnInvoiceMention = "Este documento não serve de fatura"
	// CopyMention is printed by an integrating system on documents it
	// integrated (§2.2.8).
	CopyMention = "Cópia do documento original"
	// FinalConsumerMention may be printed in the buyer's NIF line (§2.2.5).
	FinalConsumerMention = "Consumidor final"
)

// HashChars returns the characters at positions 1, 11, 21 and 31 of hash,
// the four printed on the document (§2.2.2).
func HashChars(hash string) (string, error) {
	if len(hash) < 31 {
		return "", fmt.Errorf("certify: hash of %d characters, at least 31 needed for the printed characters (§2.2.2): %w", len(hash), ErrMalformedHash)
	}
	return string([]byte{hash[0], hash[10], hash[20], hash[30]}), nil
}

var certificateRE = regexp.MustCompile(`^[0-9]{1,10}$`)

func checkCertificate(certificate string) error {
	if !certificateRE.MatchString(certificate) {
		return invalidOne("certificate", CodeCertificate, "certificate number %q must be the digits AT assigned", certificate)
	}
	return nil
}

// ProcessedMention returns the footer of a signed document (§2.2.2):
// "XXXX-Processado por programa certificado n.º NNNN/AT", XXXX being
// [HashChars] of hash and NNNN the certificate number AT assigned to the
// program, printed as given.
func ProcessedMention(hash, certificate string) (string, error) {
	chars, err := HashChars(hash)
	if err != nil {
		return "", err
	}
	if err := checkCertificate(certificate); err != nil {
		return "", err
	}
	return chars + "-Processado por programa certificado n.º " + certificate + "/AT", nil
}

// IssuedMention returns the footer of a document the program issues but does
// not sign, receipts in particular (§2.2.3): "Emitido por programa
// certificado n.º NNNN/AT".
func IssuedMention(certificate string) (string, error) {
	if err := checkCertificate(certificate); err != nil {
		return "", err
	}
	return "Emitido por programa certificado n.º " + certificate + "/AT", nil
}

// HashControl values of SAF-T (PT) for documents not signed by this program.
const (
	// NotCertified is the HashControl Despacho 8632/2014 §2.3.4 f) gives to
	// documents integrated from an uncertified program. The later SAF-T
	// 1.04_01 structure (Portaria 302/2016, 4.1.4.5, 4.2.3.5, 4.3.4.5) says
	// "0" instead, and the XSD pattern of SAFPTHashControl refuses this
	// phrase: a SAF-T 1.04_01 file must carry [UncertifiedHashControl].
	NotCertified = "Não certificado"
	// UncertifiedHashControl and UncertifiedHash are what SAF-T 1.04_01
	// carries for a document of an uncertified program (Portaria 302/2016;
	// Hash "0" also in Despacho §2.3.4 f).
	UncertifiedHashControl = "0"
	UncertifiedHash        = "0"
)

// IntegratedHashControl returns the HashControl of a document integrated
// from another certified program (§2.3.4 e): the original program's
// certificate number, ".", the key version it signed with, e.g. "9999.1".
func IntegratedHashControl(certificate string, keyVersion int) (string, error) {
	if err := checkCertificate(certificate); err != nil {
		return "", err
	}
	if keyVersion < 1 {
		return "", invalidOne("keyVersion", CodeKeyVersion, "key version %d must be 1 or more (§2.1.3)", keyVersion)
	}
	return certificate + "." + strconv.Itoa(keyVersion), nil
}

// Patterns of SAFPTHashControl in SAFTPT1.04_01.xsd, by form.
var (
	docTypeRE      = regexp.MustCompile(`^[A-Z]{2}$`)
	manualSeriesRE = regexp.MustCompile(`^[^/^ ]+$`)
	digitsRE       = regexp.MustCompile(`^[0-9]+$`)
	duplicateNoRE  = regexp.MustCompile(`^[^ ]+ [^/^ ]+/[0-9]+$`)
	hashControlRE  = regexp.MustCompile(`^(?:[0-9]+|[0-9]+[.][0-9]+|[0-9]+-[A-Z]{2}(?:M )(?:[^/^ ]+[/][0-9]+)|[0-9]+-[A-Z]{2}(?:D )(?:[^ ]+ [^/^ ]+[/][0-9]+))$`)
)

// ValidHashControl reports whether s is a HashControl that SAF-T 1.04_01
// accepts: the XSD pattern of SAFPTHashControl and at most 70 characters.
func ValidHashControl(s string) bool {
	return len(s) <= 70 && hashControlRE.MatchString(s)
}

// ManualDocument identifies a document issued by hand on pre-printed forms
// while the program was down, integrated later in a recovery series
// (Despacho §2.4).
type ManualDocument struct {
	// DocumentType is InvoiceType or MovementType, e.g. "FT".
	DocumentType string
	// Series and Number are those printed on the manual document, e.g.
	// "abc" and "00001", kept as written.
	Series string
	Number string
}

func (m ManualDocument) reference() (string, error) {
	var vs violation.List
	if !docTypeRE.MatchString(m.DocumentType) {
		vs.Add("DocumentType", CodeRecoveryReference, "manual document (§2.4.5.2): %q must be two capital letters", m.DocumentType)
	}
	if !manualSeriesRE.MatchString(m.Series) {
		vs.Add("Series", CodeRecoveryReference, "manual document (§2.4.5.2): %q must be non-empty without spaces, '/' or '^'", m.Series)
	}
	if !digitsRE.MatchString(m.Number) {
		vs.Add("Number", CodeRecoveryReference, "manual document (§2.4.5.2): %q must be digits", m.Number)
	}
	if err := invalid(vs); err != nil {
		return "", err
	}
	return m.DocumentType + "M " + m.Series + "/" + m.Number, nil
}

// HashControl returns the HashControl of the recovery document (§2.4.5):
// key version, "-", type, "M", a space, series, "/", number; e.g.
// "1-FTM abc/00001".
func (m ManualDocument) HashControl(keyVersion int) (string, error) {
	return withVersion(keyVersion, m.reference)
}

// CopyMention returns what the recovery document prints (§2.2.9), e.g.
// "Cópia do documento original - FTM abc/00001".
func (m ManualDocument) CopyMention() (string, error) {
	ref, err := m.reference()
	if err != nil {
		return "", err
	}
	return CopyMention + " - " + ref, nil
}

// DuplicateDocument identifies a document missing from a restored backup
// and integrated again from its duplicate (Despacho §2.5).
type DuplicateDocument struct {
	// DocumentType is InvoiceType or MovementType of the original, e.g. "FT".
	DocumentType string
	// Number is the original's InvoiceNo or DocumentNumber, e.g.
	// "XY 2013A/00099".
	Number string
}

func (d DuplicateDocument) reference() (string, error) {
	var vs violation.List
	if !docTypeRE.MatchString(d.DocumentType) {
		vs.Add("DocumentType", CodeRecoveryReference, "duplicate document (§2.5.5.2): %q must be two capital letters", d.DocumentType)
	}
	if !duplicateNoRE.MatchString(d.Number) {
		vs.Add("Number", CodeRecoveryReference, "duplicate document (§2.5.5.2): %q must be TYPE SERIES/NUMBER", d.Number)
	}
	if err := invalid(vs); err != nil {
		return "", err
	}
	return d.DocumentType + "D " + d.Number, nil
}

// HashControl returns the HashControl of the recovery document (§2.5.5):
// key version, "-", type, "D", a space, the original number; e.g.
// "1-FTD XY 2013A/00099".
func (d DuplicateDocument) HashControl(keyVersion int) (string, error) {
	return withVersion(keyVersion, d.reference)
}

// CopyMention returns what the recovery document prints (§2.2.10), e.g.
// "Cópia do documento original - FTD XY 2013A/00099".
func (d DuplicateDocument) CopyMention() (string, error) {
	ref, err := d.reference()
	if err != nil {
		return "", err
	}
	return CopyMention + " - " + ref, nil
}

func withVersion(keyVersion int, ref func() (string, error)) (string, error) {
	if keyVersion < 1 {
		return "", invalidOne("keyVersion", CodeKeyVersion, "key version %d must be 1 or more (§2.1.3)", keyVersion)
	}
	r, err := ref()
	if err != nil {
		return "", err
	}
	hc := strconv.Itoa(keyVersion) + "-" + r
	if len(hc) > 70 {
		return "", invalidOne("HashControl", CodeHashControlLength, "%q is longer than 70 characters (SAF-T)", hc)
	}
	return hc, nil
}
