package series

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The table of the series manual §1.3.7, transcribed: code, Portuguese
// description, class.
var manualDocumentTypes = []struct {
	code  DocumentType
	desc  string
	class DocumentClass
}{
	{"FT", "Fatura", "SI"},
	{"FS", "Fatura simplificada", "SI"},
	{"FR", "Fatura-recibo", "SI"},
	{"ND", "Nota de débito", "SI"},
	{"NC", "Nota de crédito", "SI"},
	{"GR", "Guia de remessa", "MG"},
	{"GT", "Guia de transporte", "MG"},
	{"GA", "Guia de movimentação de ativos fixos próprios", "MG"},
	{"GC", "Guia de consignação", "MG"},
	{"GD", "Guia ou nota de devolução", "MG"},
	{"CM", "Consultas de mesa", "WD"},
	{"CC", "Crédito de consignação", "WD"},
	{"FC", "Fatura de consignação", "WD"},
	{"FO", "Folhas de obra", "WD"},
	{"NE", "Nota de encomenda", "WD"},
	{"OU", "Outros", "WD"},
	{"OR", "Orçamentos", "WD"},
	{"PF", "Pró-forma", "WD"},
	{"RP", "Prémio ou recibo de prémio", "WD"},
	{"RE", "Estorno ou recibo de estorno", "WD"},
	{"CS", "Imputação a cosseguradoras", "WD"},
	{"LD", "Imputação a cosseguradora líder", "WD"},
	{"RA", "Resseguro aceite", "WD"},
	{"RC", "Recibo emitido no âmbito do regime de IVA de Caixa", "PY"},
	{"RG", "Outros recibos emitidos", "PY"},
}

func TestDocumentTypesMatchManual(t *testing.T) {
	values := DocumentType("").Values()
	require.Len(t, values, 25)
	for i, want := range manualDocumentTypes {
		got := values[i]
		assert.Equal(t, want.code, got, "order of §1.3.7")
		assert.True(t, got.Valid(), got)
		assert.Equal(t, want.class, got.Class(), got)
		assert.Equal(t, want.desc, got.Description(), got)
		assert.NotEmpty(t, got.DescriptionEN(), got)
	}
}

func TestDocumentClassPartition(t *testing.T) {
	total := 0
	want := map[DocumentClass]int{DocumentClassSI: 5, DocumentClassMG: 5, DocumentClassWD: 13, DocumentClassPY: 2}
	for _, c := range DocumentClass("").Values() {
		types := c.DocumentTypes()
		assert.Len(t, types, want[c], c)
		for _, dt := range types {
			assert.Equal(t, c, dt.Class())
		}
		total += len(types)
	}
	assert.Equal(t, 25, total)
	assert.Empty(t, DocumentClass("XX").DocumentTypes())
}

// Every enumeration: the manual's codes and descriptions, and what is not valid.
func TestEnumerations(t *testing.T) {
	type entry struct{ code, pt string }
	check := func(t *testing.T, want []entry, codes []string, valid func(string) bool, pt, en func(string) string) {
		t.Helper()
		require.Len(t, codes, len(want))
		for i, w := range want {
			assert.Equal(t, w.code, codes[i])
			assert.True(t, valid(w.code), w.code)
			assert.Equal(t, w.pt, pt(w.code), w.code)
			assert.NotEmpty(t, en(w.code), w.code)
		}
		for _, bad := range []string{"", "x", "a", "ZZ", " A", "er", "pi", "ft"} {
			assert.False(t, valid(bad), "%q must be invalid", bad)
			assert.Empty(t, pt(bad), bad)
			assert.Empty(t, en(bad), bad)
		}
	}
	t.Run("SeriesType §1.3.5", func(t *testing.T) {
		check(t, []entry{{"N", "Normal"}, {"F", "Formação"}, {"R", "Recuperação"}, {"A", "Autofaturação com acordo"}},
			strs(SeriesType("").Values()),
			func(s string) bool { return SeriesType(s).Valid() },
			func(s string) string { return SeriesType(s).Description() },
			func(s string) string { return SeriesType(s).DescriptionEN() })
	})
	t.Run("DocumentClass §1.3.6", func(t *testing.T) {
		check(t, []entry{{"SI", "Faturas e documentos retificativos"}, {"MG", "Documentos de Transporte"},
			{"WD", "Documentos de Conferência"}, {"PY", "Recibos"}},
			strs(DocumentClass("").Values()),
			func(s string) bool { return DocumentClass(s).Valid() },
			func(s string) string { return DocumentClass(s).Description() },
			func(s string) string { return DocumentClass(s).DescriptionEN() })
	})
	t.Run("Status §1.3.4", func(t *testing.T) {
		check(t, []entry{{"A", "Ativa"}, {"N", "Anulada"}, {"F", "Finalizada"}},
			strs(Status("").Values()),
			func(s string) bool { return Status(s).Valid() },
			func(s string) string { return Status(s).Description() },
			func(s string) string { return Status(s).DescriptionEN() })
	})
	t.Run("ProcessingMeans §1.3.8", func(t *testing.T) {
		check(t, []entry{{"PI", "Programa Informático de Faturação"}, {"PF", "Portal das Finanças"}, {"OM", "Outros Meios Eletrónicos"}},
			strs(ProcessingMeans("").Values()),
			func(s string) bool { return ProcessingMeans(s).Valid() },
			func(s string) string { return ProcessingMeans(s).Description() },
			func(s string) string { return ProcessingMeans(s).DescriptionEN() })
	})
	t.Run("CancellationReason §1.3.9", func(t *testing.T) {
		check(t, []entry{{"ER", "Anulação por erro de registo"}},
			strs(CancellationReason("").Values()),
			func(s string) bool { return CancellationReason(s).Valid() },
			func(s string) string { return CancellationReason(s).Description() },
			func(s string) string { return CancellationReason(s).DescriptionEN() })
	})
	t.Run("DocumentType invalid", func(t *testing.T) {
		for _, bad := range []string{"", "ft", "Ft", "XX", "FT ", "F", "FTX", "SI"} {
			assert.False(t, DocumentType(bad).Valid(), bad)
			assert.Equal(t, DocumentClass(""), DocumentType(bad).Class(), bad)
		}
	})
}

// Values returns a copy: changing it must not change the package's table.
func TestValuesIsACopy(t *testing.T) {
	v := DocumentType("").Values()
	v[0] = "XX"
	assert.Equal(t, DocumentTypeFT, DocumentType("").Values()[0])
	s := Status("").Values()
	s[0] = "Z"
	assert.Equal(t, StatusActive, Status("").Values()[0])
}

func strs[T ~string](v []T) []string {
	out := make([]string, len(v))
	for i, x := range v {
		out[i] = string(x)
	}
	return out
}

// The WSDL's simple types fix the codes' lengths: tipoSerie and estado
// length 1; classeDoc, tipoDoc, meioProcessamento and motivo length 2.
func TestCodeLengthsMatchWSDL(t *testing.T) {
	for _, c := range strs(SeriesType("").Values()) {
		assert.Len(t, c, 1, "tipoSerie %s", c)
	}
	for _, c := range strs(Status("").Values()) {
		assert.Len(t, c, 1, "estado %s", c)
	}
	for _, set := range [][]string{strs(DocumentClass("").Values()), strs(DocumentType("").Values()),
		strs(ProcessingMeans("").Values()), strs(CancellationReason("").Values())} {
		for _, c := range set {
			assert.Len(t, c, 2, c)
		}
	}
}

func TestOperation(t *testing.T) {
	ops := Operation("").Values()
	require.Equal(t, []Operation{OpRegister, OpFinalize, OpCancel}, ops)
	for _, o := range ops {
		assert.True(t, o.Valid(), o)
	}
	assert.False(t, Operation("query").Valid())
	assert.False(t, Operation("").Valid())
}
