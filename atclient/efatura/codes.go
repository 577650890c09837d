package efatura

import (
	"errors"
	"fmt"
	"slices"

	"github.com/faturapt/faturapt/atclient"
)

// ResponseCode is a CodigoResposta of the e-Fatura service: 0 is success;
// 1 to 20, 33 and 99 refuse the authentication (SOAP Header); the others
// refuse the document (SOAP Body). The manual lists the codes of each
// operation separately and some numbers mean different things in different
// operations, so a code is read together with its operation (Meaning).
// Source: "Comunicação dos elementos dos documentos de faturação", v1.0,
// June 2022, §2.2.4.
type ResponseCode int

// Codes common to every operation (§2.2.4).
const (
	CodeOK                        ResponseCode = 0
	CodeUserMissing               ResponseCode = 1
	CodeUserLength                ResponseCode = 2
	CodeInvalidNIF                ResponseCode = 3
	CodeUserFormat                ResponseCode = 4
	CodeSubUserFormat             ResponseCode = 5
	CodePasswordMissing           ResponseCode = 6
	CodeInvalidBase64             ResponseCode = 7
	CodeInvalidPublicKeyCipher    ResponseCode = 8
	CodeInvalidCreated            ResponseCode = 9
	CodeCredentialExpired         ResponseCode = 10
	CodeInvalidSymmetricKey       ResponseCode = 11
	CodeRepeatedSymmetricKey      ResponseCode = 12
	CodeInvalidPasswordStructure  ResponseCode = 13
	CodeCreatedUndecipherable     ResponseCode = 16
	CodePasswordUndecipherable    ResponseCode = 17
	CodeDigestUndecipherable      ResponseCode = 18
	CodeCreatedMissing            ResponseCode = 19
	CodeNonceMissing              ResponseCode = 20
	CodeInvalidSOAPRequest        ResponseCode = 33
	CodePasswordRejected          ResponseCode = 99
	CodeNoPermissionForIssuer     ResponseCode = -16
	CodeInvalidIssuerNIF          ResponseCode = -17
	CodeSystemError               ResponseCode = -99
	CodeInvoiceDifferentValues    ResponseCode = -3  // RegisterInvoice
	CodeInvoiceAlreadyRegistered  ResponseCode = -10 // RegisterInvoice
	CodeWorkAlreadyRegistered     ResponseCode = -22 // RegisterWork
	CodePaymentAlreadyRegistered  ResponseCode = -25 // RegisterPayment
	CodeInternalError             ResponseCode = -97 // RegisterInvoice, ChangeInvoiceStatus
	CodeDeleteMixedPeriod         ResponseCode = 400 // Delete*
	CodeDeleteSeveralYears        ResponseCode = 401 // Delete*
	CodeDeleteDocumentNotFound    ResponseCode = 478 // Delete*
	CodeDeleteRepeatedDocuments   ResponseCode = 491 // Delete*
	CodeInvoiceNotFound           ResponseCode = -11 // ChangeInvoiceStatus
	CodeWorkNotFound              ResponseCode = -19 // ChangeWorkStatus
	CodePaymentNotFound           ResponseCode = -38 // ChangePaymentStatus
	CodeInvoiceStatusInvalid      ResponseCode = -12 // ChangeInvoiceStatus
	CodeWorkStatusChangeForbidden ResponseCode = -37 // ChangeWorkStatus
)

// Operation is an operation of the e-Fatura service (Fatcorews.wsdl).
type Operation string

// The nine operations, in the WSDL's order.
const (
	OpRegisterInvoice     Operation = "RegisterInvoice"
	OpChangeInvoiceStatus Operation = "ChangeInvoiceStatus"
	OpDeleteInvoice       Operation = "DeleteInvoice"
	OpRegisterWork        Operation = "RegisterWork"
	OpChangeWorkStatus    Operation = "ChangeWorkStatus"
	OpDeleteWork          Operation = "DeleteWork"
	OpRegisterPayment     Operation = "RegisterPayment"
	OpChangePaymentStatus Operation = "ChangePaymentStatus"
	OpDeletePayment       Operation = "DeletePayment"
)

// Values lists the nine operations in the WSDL's order.
func (Operation) Values() []Operation {
	return []Operation{OpRegisterInvoice, OpChangeInvoiceStatus, OpDeleteInvoice, OpRegisterWork, OpChangeWorkStatus,
		OpDeleteWork, OpRegisterPayment, OpChangePaymentStatus, OpDeletePayment}
}

// Valid reports whether op is one of the WSDL's operations.
func (op Operation) Valid() bool { return slices.Contains(op.Values(), op) }

// String returns the operation's name in the WSDL.
func (op Operation) String() string { return string(op) }

// deletes reports whether op deletes communications.
func (op Operation) deletes() bool {
	return op == OpDeleteInvoice || op == OpDeleteWork || op == OpDeletePayment
}

// meaning is a code's text in the manual and in English.
type meaning struct{ pt, en string }

// authCodes are the authentication codes, the same in every operation
// (code 3 is listed only for RegisterInvoice and RegisterWork; its meaning
// does not depend on the operation).
var authCodes = map[ResponseCode]meaning{
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
var deleteCodes = map[ResponseCode]meaning{
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
var documentCodes = map[Operation]map[ResponseCode]meaning{
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

func lookupCode(op Operation, c ResponseCode) (meaning, bool) {
	if m, ok := authCodes[c]; ok {
		return m, true
	}
	if m, ok := documentCodes[op][c]; ok {
		return m, true
	}
	if op.deletes() {
		if m, ok := deleteCodes[c]; ok {
			return m, true
		}
	}
	return meaning{}, false
}

// Meaning returns the manual's text (Portuguese) of code c in operation op,
// or "" when the manual does not list c for op.
func (c ResponseCode) Meaning(op Operation) string { m, _ := lookupCode(op, c); return m.pt }

// MeaningEN returns the meaning of code c in operation op in English, or "".
func (c ResponseCode) MeaningEN(op Operation) string { m, _ := lookupCode(op, c); return m.en }

// Known reports whether the manual lists c for op.
func (c ResponseCode) Known(op Operation) bool { _, ok := lookupCode(op, c); return ok }

// Authentication reports whether c refuses the WS-Security header.
func (c ResponseCode) Authentication() bool {
	return c > 0 && c <= 99 && c != 0 && authCodes[c] != meaning{}
}

// Temporary reports whether the manual asks to try again later (-97, -99).
func (c ResponseCode) Temporary() bool { return c == CodeSystemError || c == CodeInternalError }

// alreadyRegistered is, per register operation, the code with which AT
// refuses a document number it already holds from this issuer.
var alreadyRegistered = map[Operation]ResponseCode{
	OpRegisterInvoice: CodeInvoiceAlreadyRegistered,
	OpRegisterWork:    CodeWorkAlreadyRegistered,
	OpRegisterPayment: CodePaymentAlreadyRegistered,
}

// ErrAuthentication is matched (errors.Is) by an *Error whose code refuses
// the authentication (1-20, 33, 99): check the sub-user (WFA profile), its
// password, the clock and the AT public key.
var ErrAuthentication = errors.New("efatura: AT refused the authentication")

// ErrTryLater is atclient.ErrTryLater. Besides AT's failures that every
// service shares (a server fault such as AT's "Internal Error (from
// server)", an HTTP 5xx), it is matched by an *Error with code -97 or -99
// ("tente mais tarde"): AT did not register the document; send the same
// request again later.
var ErrTryLater = atclient.ErrTryLater

// Error is an answer of the e-Fatura service with a code other than 0: AT
// received the request and refused it. Message is AT's Mensagem.
//
// AT's authentication system may also refuse the header with a SOAP fault
// that carries the same codes in its detail (the shape captured from AT's
// servers): such a fault is returned as an *Error too, with Fault set, so a
// caller sees one error whichever way AT answered; errors.As still finds
// the *atclient.FaultError.
type Error struct {
	Operation Operation
	Code      ResponseCode
	Message   string
	Fault     *atclient.FaultError // the SOAP fault that carried the code, if any
}

// Unwrap returns the SOAP fault that carried the code, if any.
func (e *Error) Unwrap() error {
	if e.Fault == nil {
		return nil
	}
	return e.Fault
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("efatura: %s: AT answered %d", e.Operation, int(e.Code))
	if m, ok := lookupCode(e.Operation, e.Code); ok {
		msg += " (" + m.pt + " — " + m.en + ")"
	}
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// Refused reports whether AT refused the document itself, for a reason to
// fix in it: not the authentication (ErrAuthentication) nor a failure of AT
// (ErrTryLater), after which the same request may succeed. A document store
// that sends pending documents (book.Communicate) stops sending a refused one.
func (e *Error) Refused() bool { return !e.Code.Authentication() && !e.Code.Temporary() }

// Is matches ErrAuthentication and ErrTryLater.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrAuthentication:
		return e.Code.Authentication()
	case ErrTryLater:
		return e.Code.Temporary()
	}
	return false
}
