package series

import "strconv"

// ReturnCode is a result code of the series web service (codResultOper,
// series manual §2.1.4, §2.2.4, §2.3.4, §2.4.4 and §2.5.1). Codes 2xxx are
// successes, 4xxx refusals and 5000 a technical error. The transition checks
// of this package ([Series.CanRegister], [Series.CanFinalize],
// [Series.CanCancel]) answer with the code AT would give, so that a client
// can report a refusal before sending the request, and atclient can map
// AT's answers to the same values.
type ReturnCode int

// Return codes of the series manual §2.
const (
	Code2001 ReturnCode = 2001 // registered, status A, validation code given (§2.1.4)
	Code2002 ReturnCode = 2002 // query done (§2.4.4)
	Code2003 ReturnCode = 2003 // communication cancelled (§2.2.4)
	Code2004 ReturnCode = 2004 // series finalized (§2.3.4)
	Code4000 ReturnCode = 4000 // XML structure of the request invalid (§2.1.4)
	Code4001 ReturnCode = 4001 // series already registered for this document type (§2.1.4)
	Code4002 ReturnCode = 4002 // required fields missing (§2.1.4)
	Code4003 ReturnCode = 4003 // fields with errors (§2.1.4)
	Code4004 ReturnCode = 4004 // cannot cancel the communication (§2.2.4)
	Code4005 ReturnCode = 4005 // cannot finalize (§2.3.4)
	Code4043 ReturnCode = 4043 // taxpayer has no open activity (§2.1.4)
	Code4045 ReturnCode = 4045 // unknown document class (§2.1.4)
	Code4046 ReturnCode = 4046 // document type does not belong to the class (§2.1.4)
	Code4047 ReturnCode = 4047 // last document issued below the start of the sequence (§2.3.4)
	Code4048 ReturnCode = 4048 // query: end date before start date (§2.4.4)
	Code4049 ReturnCode = 4049 // expected start of use before today (§2.1.4)
	Code4051 ReturnCode = 4051 // unknown cancellation reason (§2.2.4)
	Code5000 ReturnCode = 5000 // unspecified technical error
)

var returnCodeDesc = map[ReturnCode][2]string{
	Code2001: {"Série registada com sucesso. O estado ficou ativo e foi atribuído o seguinte código de validação", "Series registered. Its status is active and it was given a validation code"},
	Code2002: {"Consulta efetuada com sucesso.", "Query done."},
	Code2003: {"Comunicação da Série anulada com sucesso.", "Series communication cancelled."},
	Code2004: {"Série finalizada com sucesso.", "Series finalized."},
	Code4000: {"Erro de validação. Por favor contacte o seu suporte técnico", "Validation error of the request's XML structure"},
	Code4001: {"Não foi possível registar a Série. A Série indicada para o tipo de documento já foi registada.", "The series was already registered for this document type."},
	Code4002: {"Não foi possível registar a Série. Por favor preencha os campos assinalados.", "Required fields are missing."},
	Code4003: {"Não foi possível registar a Série. Por favor corrija os erros nos campos assinalados.", "Some fields have errors."},
	Code4004: {"Não foi possível anular a comunicação da Série.", "The series communication cannot be cancelled."},
	Code4005: {"Não foi possível finalizar a Série.", "The series cannot be finalized."},
	Code4043: {"O NIF do sujeito passivo para o qual está a registar a Série não possui atividade aberta.", "The taxpayer has no open activity."},
	Code4045: {"O valor indicado na Classe do Documento deve corresponder a um valor predefinido", "The document class must be one of the predefined codes."},
	Code4046: {"O valor indicado no Tipo de Documento deve corresponder a um valor válido de acordo com a Classe do Documento indicada.", "The document type must belong to the document class given."},
	Code4047: {"O valor indicado no último documento emitido deve ser superior ao indicado no início da sequência.", "The last document issued must not be below the start of the sequence."},
	Code4048: {"A data que indicou no campo A (data fim) não pode ser inferior à data que indicou no campo DE (data início).", "The end date of the query cannot be before its start date."},
	Code4049: {"O valor indicado no início previsto de utilização deve ser superior ou igual à data atual do sistema.", "The expected start of use must be today or later."},
	Code4051: {"O valor indicado no motivo de anulação deve corresponder a um valor pré-definido.", "The cancellation reason must be one of the predefined codes."},
	Code5000: {"Erro técnico não especificado.", "Unspecified technical error."},
}

// Values returns every code of the manual, in ascending order.
func (ReturnCode) Values() []ReturnCode {
	return []ReturnCode{Code2001, Code2002, Code2003, Code2004, Code4000, Code4001, Code4002, Code4003,
		Code4004, Code4005, Code4043, Code4045, Code4046, Code4047, Code4048, Code4049, Code4051, Code5000}
}

// Valid reports whether c is a code listed in the manual.
func (c ReturnCode) Valid() bool { _, ok := returnCodeDesc[c]; return ok }

// Success reports whether c is a success (2xxx).
func (c ReturnCode) Success() bool { return c >= 2000 && c < 3000 }

// Description returns the manual's Portuguese text, without its
// placeholders; "" for an unknown code.
func (c ReturnCode) Description() string { return returnCodeDesc[c][0] }

// DescriptionEN returns an English rendering; "" for an unknown code.
func (c ReturnCode) DescriptionEN() string { return returnCodeDesc[c][1] }

// String returns the code's digits.
func (c ReturnCode) String() string { return strconv.Itoa(int(c)) }
