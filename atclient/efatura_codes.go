package atclient

import (
	"errors"
	"fmt"

	"github.com/faturapt/faturapt/series"
)

// EFaturaCode is a CodigoResposta of the e-Fatura service: 0 is success;
// 1 to 20, 33 and 99 refuse the authentication (SOAP Header); the others
// refuse the document (SOAP Body). The manual lists the codes of each
// operation separately and some numbers mean different things in different
// operations, so a code is read together with its operation (Meaning).
// Source: "Comunicação dos elementos dos documentos de faturação", v1.0,
// June 2022, §2.2.4.
type EFaturaCode int

// Codes common to every operation (§2.2.4).
const (
	EFaturaOK                        EFaturaCode = 0
	EFaturaUserMissing               EFaturaCode = 1
	EFaturaUserLength                EFaturaCode = 2
	EFaturaInvalidNIF                EFaturaCode = 3
	EFaturaUserFormat                EFaturaCode = 4
	EFaturaSubUserFormat             EFaturaCode = 5
	EFaturaPasswordMissing           EFaturaCode = 6
	EFaturaInvalidBase64             EFaturaCode = 7
	EFaturaInvalidPublicKeyCipher    EFaturaCode = 8
	EFaturaInvalidCreated            EFaturaCode = 9
	EFaturaCredentialExpired         EFaturaCode = 10
	EFaturaInvalidSymmetricKey       EFaturaCode = 11
	EFaturaRepeatedSymmetricKey      EFaturaCode = 12
	EFaturaInvalidPasswordStructure  EFaturaCode = 13
	EFaturaCreatedUndecipherable     EFaturaCode = 16
	EFaturaPasswordUndecipherable    EFaturaCode = 17
	EFaturaDigestUndecipherable      EFaturaCode = 18
	EFaturaCreatedMissing            EFaturaCode = 19
	EFaturaNonceMissing              EFaturaCode = 20
	EFaturaInvalidSOAPRequest        EFaturaCode = 33
	EFaturaPasswordRejected          EFaturaCode = 99
	EFaturaNoPermissionForIssuer     EFaturaCode = -16
	EFaturaInvalidIssuerNIF          EFaturaCode = -17
	EFaturaSystemError               EFaturaCode = -99
	EFaturaInvoiceDifferentValues    EFaturaCode = -3  // RegisterInvoice
	EFaturaInvoiceAlreadyRegistered  EFaturaCode = -10 // RegisterInvoice
	EFaturaWorkAlreadyRegistered     EFaturaCode = -22 // RegisterWork
	EFaturaPaymentAlreadyRegistered  EFaturaCode = -25 // RegisterPayment
	EFaturaInternalError             EFaturaCode = -97 // RegisterInvoice, ChangeInvoiceStatus
	EFaturaDeleteMixedPeriod         EFaturaCode = 400 // Delete*
	EFaturaDeleteSeveralYears        EFaturaCode = 401 // Delete*
	EFaturaDeleteDocumentNotFound    EFaturaCode = 478 // Delete*
	EFaturaDeleteRepeatedDocuments   EFaturaCode = 491 // Delete*
	EFaturaInvoiceNotFound           EFaturaCode = -11 // ChangeInvoiceStatus
	EFaturaWorkNotFound              EFaturaCode = -19 // ChangeWorkStatus
	EFaturaPaymentNotFound           EFaturaCode = -38 // ChangePaymentStatus
	EFaturaInvoiceStatusInvalid      EFaturaCode = -12 // ChangeInvoiceStatus
	EFaturaWorkStatusChangeForbidden EFaturaCode = -37 // ChangeWorkStatus
)

// Operations of the e-Fatura service (Fatcorews.wsdl).
const (
	OpRegisterInvoice     = "RegisterInvoice"
	OpChangeInvoiceStatus = "ChangeInvoiceStatus"
	OpDeleteInvoice       = "DeleteInvoice"
	OpRegisterWork        = "RegisterWork"
	OpChangeWorkStatus    = "ChangeWorkStatus"
	OpDeleteWork          = "DeleteWork"
	OpRegisterPayment     = "RegisterPayment"
	OpChangePaymentStatus = "ChangePaymentStatus"
	OpDeletePayment       = "DeletePayment"
)

// EFaturaOperations lists the nine operations in the WSDL's order.
func EFaturaOperations() []string {
	return []string{OpRegisterInvoice, OpChangeInvoiceStatus, OpDeleteInvoice, OpRegisterWork, OpChangeWorkStatus,
		OpDeleteWork, OpRegisterPayment, OpChangePaymentStatus, OpDeletePayment}
}

// meaning is a code's text in the manual and in English.
type meaning struct{ pt, en string }

// authCodes are the authentication codes, the same in every operation
// (code 3 is listed only for RegisterInvoice and RegisterWork; its meaning
// does not depend on the operation).
var authCodes = map[EFaturaCode]meaning{
	0:  {"Operação efetuada com sucesso", "success"},
	1:  {"Utilizador não preenchido", "user missing"},
	2:  {"Tamanho do utilizador incorreto", "user of wrong length"},
	3:  {"NIF inválido", "invalid NIF"},
	4:  {"Utilizador com formato inválido", "user of invalid format"},
	5:  {"Subutilizador com formato inválido", "sub-user of invalid format"},
	6:  {"Senha não preenchida", "password missing"},
	7:  {"Codificação Base64 inválida", "invalid Base64 encoding"},
	8:  {"Cifra da chave pública inválida", "invalid public-key encryption (Nonce)"},
	9:  {"Formato do campo Created inválido", "invalid format of Created"},
	10: {"Validade da credencial expirada", "credential expired (Created out of the accepted window)"},
	11: {"Chave simétrica inválida", "invalid symmetric key"},
	12: {"Chave simétrica repetida", "symmetric key repeated"},
	13: {"Estrutura da senha inválida", "invalid password structure"},
	16: {"Chave de sessão inválida. Não foi possível decifrar o campo Created", "invalid session key: Created could not be decrypted"},
	17: {"Chave de sessão inválida. Não foi possível decifrar o campo Password", "invalid session key: Password could not be decrypted"},
	18: {"Chave de sessão inválida. Não foi possível decifrar o campo Digest", "invalid session key: Digest could not be decrypted"},
	19: {"Data de criação do pedido não preenchida", "request creation time (Created) missing"},
	20: {"Chave do pedido não preenchida", "request key (Nonce) missing"},
	33: {"Pedido SOAP inválido", "invalid SOAP request"},
	99: {"Erro na validação da senha (Senha errada, acesso suspenso, etc.)", "password validation failed (wrong password, access suspended, etc.)"},
}

var (
	mNoPermission = meaning{"Utilizador não tem permissões para registar documentos com o NIF de emitente indicado", "the user may not register documents of this issuer's NIF"}
	mInvalidNIF   = meaning{"NIF inválido", "invalid NIF"}
	mInvalidInput = meaning{"Valores de entrada inválidos", "invalid input values"}
	mIncoherent   = meaning{"Parâmetros de entrada incoerentes", "incoherent input parameters"}
	mSystemError  = meaning{"Erro de sistema. Por favor volte a tentar mais tarde", "system error, try again later"}
	mNotFound     = meaning{"O documento não existe", "the document does not exist"}
	mMissing      = meaning{"Parâmetros de entrada obrigatórios em falta", "required input parameters missing"}
)

// deleteCodes are the codes of the three Delete operations besides their
// own negative ones.
var deleteCodes = map[EFaturaCode]meaning{
	400: {"A lista de documentos a eliminar apresenta documentos que estão dentro do período válido para eliminação e documentos que carecem de análise / Período misto", "the list mixes documents that can be deleted now with documents that need analysis (mixed period)"},
	401: {"A lista de documentos a eliminar apresenta documentos de anos diferentes", "the list has documents of different years"},
	474: {"Data de início não preenchida", "start date missing"},
	475: {"Data de fim não preenchida", "end date missing"},
	477: {"Não foi preenchida a lista de documentos a eliminar", "list of documents to delete missing"},
	478: {"Não existe o documento identificado / Características de documento não indicadas", "the document identified does not exist, or its characteristics are missing"},
	479: {"Data de emissão do documento não indicada", "document date missing"},
	480: {"Número de documento não indicado", "document number missing"},
	481: {"Tipo do documento não indicado", "document type missing"},
	482: {"Adquirente do documento não indicado", "customer missing"},
	483: {"Tamanho do número de documento superior ao limite permitido", "document number too long"},
	484: {"Formato de data de início não respeitado. Deve ser 'YYYY-MM-DD'", "start date not YYYY-MM-DD"},
	485: {"Formato de data de fim não respeitado. Deve ser 'YYYY-MM-DD'", "end date not YYYY-MM-DD"},
	486: {"Formato de data de emissão não respeitado. Deve ser 'YYYY-MM-DD'", "document date not YYYY-MM-DD"},
	489: {"Adquirente internacional incompleto", "foreign customer incomplete"},
	490: {"Foi identificado mais do que um adquirente", "more than one customer identified"},
	491: {"A lista de documentos a eliminar apresenta documentos repetidos", "the list has repeated documents"},
}

// documentCodes are each operation's document codes (§2.2.4).
var documentCodes = map[string]map[EFaturaCode]meaning{
	OpRegisterInvoice: {
		-1:  {"Documento inválido", "invalid document"},
		-2:  {"Anulação de documento registado", "cancellation of a registered document"},
		-3:  {"Documento registado com valores diferentes", "document already registered with different values"},
		-4:  {"Data de emissão inválida", "invalid document date"},
		-5:  {"Tipo de documento inválido", "invalid document type"},
		-6:  {"Estado de documento inválido", "invalid document status"},
		-7:  {"Documento inválido por valores anómalos", "document refused for anomalous values"},
		-8:  {"Código de motivo de isenção inválido", "invalid tax exemption code"},
		-9:  {"Documento integrado (Rejeição retificada)", "document integrated (rejection corrected)"},
		-10: {"O documento já foi registado pelo emitente", "the document was already registered by the issuer"},
		-16: mNoPermission,
		-17: mInvalidNIF,
		-28: mInvalidInput,
		-39: {"Número de certificado inválido", "invalid software certificate number"},
		-50: mMissing,
		-97: {"Erro interno. Por favor tente mais tarde", "internal error, try again later"},
		-99: mSystemError,
	},
	OpChangeInvoiceStatus: {
		-11: mNotFound,
		-12: {"Estado de documento inválido", "invalid document status"},
		-16: mNoPermission,
		-17: mInvalidNIF,
		-31: mInvalidInput,
		-97: mSystemError,
		-99: mSystemError,
	},
	OpDeleteInvoice: {
		-14: {"O documento não foi registado pelo mesmo NIF", "the document was not registered by the same NIF"},
		-15: mIncoherent,
		-17: mInvalidNIF,
		-34: mInvalidInput,
		-99: mSystemError,
	},
	OpRegisterWork: {
		-16: mNoPermission,
		-17: mInvalidNIF,
		-20: {"Documento inválido por valores anómalos", "document refused for anomalous values"},
		-21: {"Data de emissão inválida", "invalid document date"},
		-22: {"O documento já foi registado pelo emitente", "the document was already registered by the issuer"},
		-29: mInvalidInput,
		-45: {"A data de estado do documento não pode ser posterior à data atual nem anterior à última data de estado já comunicada", "the status date may be neither in the future nor before the last status date communicated"},
		-51: mMissing,
		-99: mSystemError,
	},
	OpChangeWorkStatus: {
		-16: mNoPermission,
		-17: mInvalidNIF,
		-18: mIncoherent,
		-19: mNotFound,
		-26: mIncoherent,
		-32: mInvalidInput,
		-37: {"Alteração de estado não permitida", "status change not allowed"},
		-43: {"A data de estado do documento não pode ser posterior à data atual nem anterior à última data de estado já comunicada", "the status date may be neither in the future nor before the last status date communicated"},
		-99: mSystemError,
	},
	OpDeleteWork: {
		-16: mNoPermission,
		-17: mInvalidNIF,
		-35: mInvalidInput,
		-99: mSystemError,
	},
	OpRegisterPayment: {
		-16: mNoPermission,
		-17: mInvalidNIF,
		-23: {"Documento inválido por valores anómalos", "document refused for anomalous values"},
		-24: {"Data de emissão inválida", "invalid document date"},
		-25: {"O documento já foi registado pelo emitente", "the document was already registered by the issuer"},
		-30: mInvalidInput,
		-99: mSystemError,
	},
	OpChangePaymentStatus: {
		-16: mNoPermission,
		-17: mInvalidNIF,
		-26: mIncoherent,
		-27: {"A data de alteração do estado do recibo não pode ser posterior à data atual", "the receipt's status date may not be in the future"},
		-33: mInvalidInput,
		-38: mNotFound,
		-99: mSystemError,
	},
	OpDeletePayment: {
		-16: mNoPermission,
		-17: mInvalidNIF,
		-36: mInvalidInput,
		-99: mSystemError,
	},
}

func lookupCode(op string, c EFaturaCode) (meaning, bool) {
	if m, ok := authCodes[c]; ok {
		return m, true
	}
	if m, ok := documentCodes[op][c]; ok {
		return m, true
	}
	if op == OpDeleteInvoice || op == OpDeleteWork || op == OpDeletePayment {
		if m, ok := deleteCodes[c]; ok {
			return m, true
		}
	}
	return meaning{}, false
}

// Meaning returns the manual's text (Portuguese) of code c in operation op,
// or "" when the manual does not list c for op.
func (c EFaturaCode) Meaning(op string) string { m, _ := lookupCode(op, c); return m.pt }

// MeaningEN returns the meaning of code c in operation op in English, or "".
func (c EFaturaCode) MeaningEN(op string) string { m, _ := lookupCode(op, c); return m.en }

// Known reports whether the manual lists c for op.
func (c EFaturaCode) Known(op string) bool { _, ok := lookupCode(op, c); return ok }

// Authentication reports whether c refuses the WS-Security header.
func (c EFaturaCode) Authentication() bool {
	return c > 0 && c <= 99 && c != 0 && authCodes[c] != meaning{}
}

// Temporary reports whether the manual asks to try again later (-97, -99).
func (c EFaturaCode) Temporary() bool { return c == EFaturaSystemError || c == EFaturaInternalError }

// alreadyRegistered is, per register operation, the code with which AT
// refuses a document number it already holds from this issuer.
var alreadyRegistered = map[string]EFaturaCode{
	OpRegisterInvoice: EFaturaInvoiceAlreadyRegistered,
	OpRegisterWork:    EFaturaWorkAlreadyRegistered,
	OpRegisterPayment: EFaturaPaymentAlreadyRegistered,
}

// ErrEFaturaAuthentication is matched (errors.Is) by an *EFaturaError whose
// code refuses the authentication (1-20, 33, 99): check the sub-user (WFA
// profile), its password, the clock and the AT public key.
var ErrEFaturaAuthentication = errors.New("atclient: e-Fatura refused the authentication")

// ErrEFaturaTryLater is ErrTryLater. Besides AT's failures that every
// service shares (a server fault such as AT's "Internal Error (from
// server)", an HTTP 5xx), it is matched by an *EFaturaError with code -97
// or -99 ("tente mais tarde"): AT did not register the document; send the
// same request again later.
var ErrEFaturaTryLater = ErrTryLater

// EFaturaError is an answer of the e-Fatura service with a code other than
// 0: AT received the request and refused it. Message is AT's Mensagem.
// errors.As also matches it as a *ResultError (with Code holding the same
// number), so code that handles every AT refusal alike keeps working.
//
// AT's authentication system may also refuse the header with a SOAP fault
// that carries the same codes in its detail (the shape captured from AT's
// servers, see classify.go): such a fault is returned as an *EFaturaError
// too, with Fault set, so a caller sees one error whichever way AT answered;
// errors.As still finds the *FaultError.
type EFaturaError struct {
	Operation string // e.g. "RegisterInvoice"
	Code      EFaturaCode
	Message   string
	Fault     *FaultError // the SOAP fault that carried the code, if any
}

// Unwrap returns the SOAP fault that carried the code, if any.
func (e *EFaturaError) Unwrap() error {
	if e.Fault == nil {
		return nil
	}
	return e.Fault
}

func (e *EFaturaError) Error() string {
	msg := fmt.Sprintf("atclient: %s: AT answered %d", e.Operation, int(e.Code))
	if m, ok := lookupCode(e.Operation, e.Code); ok {
		msg += " (" + m.pt + " — " + m.en + ")"
	}
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// Is matches ErrEFaturaAuthentication and ErrEFaturaTryLater.
func (e *EFaturaError) Is(target error) bool {
	switch target {
	case ErrEFaturaAuthentication:
		return e.Code.Authentication()
	case ErrEFaturaTryLater:
		return e.Code.Temporary()
	}
	return false
}

// As fills a *ResultError target.
func (e *EFaturaError) As(target any) bool {
	if t, ok := target.(**ResultError); ok {
		*t = &ResultError{Operation: e.Operation, Code: series.ReturnCode(e.Code), Message: e.Message}
		return true
	}
	return false
}
