package transport

import (
	"errors"
	"fmt"

	"github.com/faturapt/faturapt/atclient"
)

// ReturnCode is a ReturnCode of the transport documents service: 0 is
// success; 1 to 99 refuse the authentication (SOAP Header); -100 is an
// alert that accompanies a registration; the other negative codes refuse
// the document (SOAP Body). Source: "Comunicação dos Documentos de
// Transporte à AT — Manual de Integração de Software", revision of
// 31-07-2025, §4.2, "Documentos de transporte - Resposta ao pedido SOAP".
type ReturnCode int

// The manual's codes (§4.2). Authentication codes first, then the alert,
// then the codes of the document, then those of the ATCUD (added
// 07-12-2022 and 31-03-2023).
const (
	CodeOK ReturnCode = 0 // Documento registado com sucesso

	CodeUserMissing            ReturnCode = 1
	CodeUserLength             ReturnCode = 2
	CodeInvalidNIF             ReturnCode = 3
	CodeUserFormat             ReturnCode = 4
	CodeSubUserFormat          ReturnCode = 5
	CodePasswordMissing        ReturnCode = 6
	CodeInvalidBase64          ReturnCode = 7
	CodeInvalidPublicKeyCipher ReturnCode = 8
	CodeTimestampMissing       ReturnCode = 9
	CodeTimestampFormat        ReturnCode = 10
	CodeCredentialExpired      ReturnCode = 11
	CodeSymmetricKeyMissing    ReturnCode = 12
	CodeSymmetricKeyRepeated   ReturnCode = 13
	CodeDigestMissing          ReturnCode = 14
	CodeDigestMismatch         ReturnCode = 15
	CodeCreatedUndecipherable  ReturnCode = 16
	CodePasswordUndecipherable ReturnCode = 17
	CodeDigestUndecipherable   ReturnCode = 18
	CodeCreatedMissing         ReturnCode = 19
	CodeNonceMissing           ReturnCode = 20
	CodeInvalidSOAPRequest     ReturnCode = 33
	CodeHeaderMissing          ReturnCode = 50
	CodeHeaderNIFMissing       ReturnCode = 51
	CodePermissionUnverifiable ReturnCode = 52
	CodeNoPermission           ReturnCode = 54
	CodePasswordRejected       ReturnCode = 99

	CodeStartPassed ReturnCode = -100 // alert: a mere communication of data

	CodeInvalidParameter        ReturnCode = -1
	CodeGlobalDocumentNotFound  ReturnCode = -2
	CodeAlreadyRegistered       ReturnCode = -3
	CodeAlreadyCancelled        ReturnCode = -4
	CodeInvalidStatus           ReturnCode = -5
	CodeStartBeforeNow          ReturnCode = -6
	CodeSenderNotHeaderNIF      ReturnCode = -7
	CodeATDocCodeNotFound       ReturnCode = -8
	CodeNumberChanged           ReturnCode = -9
	CodeNoActivity              ReturnCode = -10
	CodeCustomerChanged         ReturnCode = -11
	CodeActivityUnverifiable    ReturnCode = -12
	CodeChangeAfterStart        ReturnCode = -13
	CodeGlobalReferenceType     ReturnCode = -14
	CodeReferencedByPartials    ReturnCode = -15
	CodeDateChanged             ReturnCode = -16
	CodeTooLate                 ReturnCode = -17
	CodeTypeChanged             ReturnCode = -18
	CodeSenderChanged           ReturnCode = -19
	CodeInvalidRecipientNIF     ReturnCode = -20
	CodeTooEarly                ReturnCode = -21
	CodeATCUDFormat             ReturnCode = -22
	CodeATCUDNoSeries           ReturnCode = -23
	CodeATCUDUsed               ReturnCode = -24
	CodeATCUDUnverifiable       ReturnCode = -25
	CodeATCUDNotOfDocument      ReturnCode = -26
	CodeATCUDReservedSeries     ReturnCode = -27
	CodeInternalError           ReturnCode = -99
	CodeATCUDInsufficientData   ReturnCode = -20001
	CodeATCUDDataFormat         ReturnCode = -20002
	CodeATCUDPairInvalidForType ReturnCode = -20005
	CodeATCUDSeriesNotInForce   ReturnCode = -20006
	CodeATCUDSeriesCodeInvalid  ReturnCode = -20007
	CodeATCUDSequenceMismatch   ReturnCode = -20008
	CodeATCUDSequenceOutOfRange ReturnCode = -20009
	CodeATCUDUnexpectedError    ReturnCode = -20000
)

// meaning is a code's text in the manual and in English.
type meaning struct{ pt, en string }

// codes is the manual's table, in its order.
var codes = []struct {
	code ReturnCode
	meaning
}{
	{CodeOK, meaning{"Documento registado com sucesso", "document registered"}},
	{CodeUserMissing, meaning{"Utilizador não preenchido", "user missing"}},
	{CodeUserLength, meaning{"Tamanho do utilizador incorreto", "user of wrong length"}},
	{CodeInvalidNIF, meaning{"NIF inválido", "invalid NIF"}},
	{CodeUserFormat, meaning{"Utilizador com formato inválido", "user of invalid format"}},
	{CodeSubUserFormat, meaning{"Subutilizador com formato inválido", "sub-user of invalid format"}},
	{CodePasswordMissing, meaning{"Senha não preenchida", "password missing"}},
	{CodeInvalidBase64, meaning{"Codificação Base64 inválida", "invalid Base64 encoding"}},
	{CodeInvalidPublicKeyCipher, meaning{"Cifra da chave pública inválida", "invalid public-key encryption (Nonce)"}},
	{CodeTimestampMissing, meaning{"Timestamp não preenchido", "timestamp missing"}},
	{CodeTimestampFormat, meaning{"Formato do timestamp inválido", "invalid timestamp format"}},
	{CodeCredentialExpired, meaning{"Validade da credencial expirada", "credential expired (Created out of the accepted window)"}},
	{CodeSymmetricKeyMissing, meaning{"Chave simétrica não preenchida", "symmetric key missing"}},
	{CodeSymmetricKeyRepeated, meaning{"Chave simétrica repetida", "symmetric key repeated"}},
	{CodeDigestMissing, meaning{"Digest da senha não preenchido", "password digest missing"}},
	{CodeDigestMismatch, meaning{"O Digest não corresponde ao esperado", "the digest does not match"}},
	{CodeCreatedUndecipherable, meaning{"Chave de sessão inválida. Não foi possível decifrar o campo Created", "invalid session key: Created could not be decrypted"}},
	{CodePasswordUndecipherable, meaning{"Chave de sessão inválida. Não foi possível decifrar o campo Password", "invalid session key: Password could not be decrypted"}},
	{CodeDigestUndecipherable, meaning{"Chave de sessão inválida. Não foi possível decifrar o campo Digest", "invalid session key: Digest could not be decrypted"}},
	{CodeCreatedMissing, meaning{"Data de criação do pedido não preenchida", "request creation time (Created) missing"}},
	{CodeNonceMissing, meaning{"Chave do pedido não preenchida", "request key (Nonce) missing"}},
	{CodeInvalidSOAPRequest, meaning{"Pedido SOAP inválido", "invalid SOAP request"}},
	{CodeHeaderMissing, meaning{"Header inexistente ou vazio", "SOAP header missing or empty"}},
	{CodeHeaderNIFMissing, meaning{"O NIF não está preenchido no Header", "no NIF in the header"}},
	{CodePermissionUnverifiable, meaning{"Não foi possível verificar se o utilizador tem permissões para aceder a esta operação", "the user's permission to use this operation could not be checked"}},
	{CodeNoPermission, meaning{"Não tem permissões para aceder a esta operação", "the user may not use this operation (WDT profile)"}},
	{CodePasswordRejected, meaning{"Erro na validação da senha (Senha errada, acesso suspenso, etc.)", "password validation failed (wrong password, access suspended, etc.)"}},
	{CodeStartPassed, meaning{"A data início de transporte é inferior à data atual, pelo que esta informação será considerada uma mera comunicação de dados à AT", "the transport started before now: the communication is a mere communication of data to AT"}},
	{CodeInvalidParameter, meaning{"Parâmetro de entrada inválido", "invalid input parameter"}},
	{CodeGlobalDocumentNotFound, meaning{"O número do Documento Global não corresponde a nenhum Documento de Transporte existente", "the global document number matches no transport document"}},
	{CodeAlreadyRegistered, meaning{"Já foi inserido um Documento de Transporte com o número fornecido", "a transport document of this number is already registered"}},
	{CodeAlreadyCancelled, meaning{"Já foi anulado o Documento de Transporte com o número fornecido", "the transport document of this number is already cancelled"}},
	{CodeInvalidStatus, meaning{"Estado de Documento de Transporte inválido", "invalid document status"}},
	{CodeStartBeforeNow, meaning{"A Data de início de transporte não pode ser anterior à data atual", "the start of transport may not be before now"}},
	{CodeSenderNotHeaderNIF, meaning{"O NIF do Remetente não corresponde ao NIF do Header do pedido", "the sender's NIF is not the NIF of the header"}},
	{CodeATDocCodeNotFound, meaning{"O Código AT está preenchido mas não existe Documento de Transporte", "the AT code is filled but no transport document has it"}},
	{CodeNumberChanged, meaning{"O nº de Documento de Transporte é diferente do anteriormente fornecido", "the document number differs from the one given before"}},
	{CodeNoActivity, meaning{"O Remetente não tem atividade registada", "the sender has no registered activity"}},
	{CodeCustomerChanged, meaning{"O NIF do Adquirente não corresponde ao anteriormente fornecido", "the customer's NIF differs from the one given before"}},
	{CodeActivityUnverifiable, meaning{"Não foi possível verificar se o Remetente tem atividade aberta", "the sender's activity could not be checked"}},
	{CodeChangeAfterStart, meaning{"Não pode ser alterado um Documento de Transporte quando a Data de Início já decorreu", "a transport document may not be changed once its start has passed"}},
	{CodeGlobalReferenceType, meaning{"As referências de Documento Global para Documentos com tipo de emissão 4, têm que ser do tipo 3", "global document references of documents of emission type 4 must be of type 3"}},
	{CodeReferencedByPartials, meaning{"Não pode adicionar referências para outros documentos, uma vez que este documento já é referenciado por documentos parciais", "references may not be added: partial documents already reference this one"}},
	{CodeDateChanged, meaning{"Não pode alterar a data de emissão do documento", "the document date may not be changed"}},
	{CodeTooLate, meaning{"A comunicação de documentos só é permitida até 3 meses após o início do transporte", "documents may be communicated up to 3 months after the start of transport"}},
	{CodeTypeChanged, meaning{"O tipo de documento não pode ser alterado", "the document type may not be changed"}},
	{CodeSenderChanged, meaning{"O NIF do Remetente não corresponde ao anteriormente fornecido", "the sender's NIF differs from the one given before"}},
	{CodeInvalidRecipientNIF, meaning{"O NIF do destinatário não é válido", "the recipient's NIF is not valid"}},
	{CodeTooEarly, meaning{"O documento deve ser comunicado com um máximo de 3 meses de antecedência", "a document may be communicated at most 3 months in advance"}},
	{CodeATCUDFormat, meaning{"Código ATCUD inválido. ATCUD não preenchido ou formato inválido", "invalid ATCUD: missing or malformed"}},
	{CodeATCUDNoSeries, meaning{"Código ATCUD inválido. ATCUD não corresponde a série válida", "invalid ATCUD: no valid series has it"}},
	{CodeATCUDUsed, meaning{"Código ATCUD inválido. ATCUD já se encontra associado a um documento de transporte", "invalid ATCUD: already on another transport document"}},
	{CodeATCUDUnverifiable, meaning{"Código ATCUD inválido. Não foi possível verificar se o ATCUD corresponde a uma série válida", "invalid ATCUD: its series could not be checked"}},
	{CodeATCUDNotOfDocument, meaning{"Código ATCUD inválido. ATCUD indicado não pertence ao documento", "invalid ATCUD: not the document's"}},
	{CodeATCUDReservedSeries, meaning{"Código ATCUD inválido. Código pertence a uma série interna e reservada da aplicação SGDT", "invalid ATCUD: of a series reserved to AT's own application (SGDT)"}},
	{CodeInternalError, meaning{"Erro interno", "internal error"}},
	{CodeATCUDInsufficientData, meaning{"Dados recebidos insuficientes (todos os parâmetros são obrigatórios)", "insufficient data (every parameter is required)"}},
	{CodeATCUDDataFormat, meaning{"Dados recebidos com um formato inválido (número documento e /ou atcud)", "invalid format of the document number or the ATCUD"}},
	{CodeATCUDPairInvalidForType, meaning{"Par NIF/Código de Validação inválido para Classe/Tipo de Documento", "NIF and validation code do not match the document class or type"}},
	{CodeATCUDSeriesNotInForce, meaning{"Conjunto NIF/Código de Validação/Classe/Tipo de Documento existente, mas não vigente à data do Documento", "the series exists but is not in force on the document's date"}},
	{CodeATCUDSeriesCodeInvalid, meaning{"Par Série/Código de Validação inválido", "series and validation code do not match"}},
	{CodeATCUDSequenceMismatch, meaning{"Sequência do nº de Documento e do ATCUD diferentes", "the document number's sequence and the ATCUD's differ"}},
	{CodeATCUDSequenceOutOfRange, meaning{"Sequência do nº de Documento inválida para o intervalo comunicado", "the document's sequence number is outside the range communicated"}},
	{CodeATCUDUnexpectedError, meaning{"Erro não esperado inespecífico", "unexpected unspecified error"}},
}

// Values lists the manual's codes in its order.
func (ReturnCode) Values() []ReturnCode {
	out := make([]ReturnCode, len(codes))
	for i, c := range codes {
		out[i] = c.code
	}
	return out
}

// Valid reports whether the manual lists c.
func (c ReturnCode) Valid() bool { return c.lookup() != meaning{} }

func (c ReturnCode) lookup() meaning {
	for _, e := range codes {
		if e.code == c {
			return e.meaning
		}
	}
	return meaning{}
}

// Meaning returns the manual's text (Portuguese), or "" for a code it does
// not list.
func (c ReturnCode) Meaning() string { return c.lookup().pt }

// MeaningEN returns the meaning in English, or "".
func (c ReturnCode) MeaningEN() string { return c.lookup().en }

// Authentication reports whether c refuses the authentication (the codes
// of the SOAP Header, 1 to 99).
func (c ReturnCode) Authentication() bool { return c > 0 && c.Valid() }

// Alert reports whether c accompanies a registration rather than refusing
// it: -100, the transport had started (the manual: "não constitui um erro
// mas sim um alerta", 12-07-2013).
func (c ReturnCode) Alert() bool { return c == CodeStartPassed }

// Accepted reports whether an answer of this code registered the document:
// 0, or the alert -100.
func (c ReturnCode) Accepted() bool { return c == CodeOK || c.Alert() }

// ATCUD reports whether c refuses the document's ATCUD (-22 to -27,
// -20000 to -20009).
func (c ReturnCode) ATCUD() bool {
	return (c <= CodeATCUDFormat && c >= CodeATCUDReservedSeries) || (c <= CodeATCUDUnexpectedError && c >= CodeATCUDSequenceOutOfRange)
}

// Temporary reports whether c says AT could not decide rather than that
// the document is wrong: -99 internal error, -12 and -25 (AT could not
// check the sender's activity or the ATCUD's series), -20000 unexpected
// error, 52 (the permission could not be checked). Whether a -99 left the
// document registered is unknown (see Client.Communicate).
func (c ReturnCode) Temporary() bool {
	switch c {
	case CodeInternalError, CodeActivityUnverifiable, CodeATCUDUnverifiable, CodeATCUDUnexpectedError, CodePermissionUnverifiable:
		return true
	}
	return false
}

// String returns the number and the English meaning.
func (c ReturnCode) String() string {
	if en := c.MeaningEN(); en != "" {
		return fmt.Sprintf("%d (%s)", int(c), en)
	}
	return fmt.Sprintf("%d", int(c))
}

// Status is one ResponseStatus of an answer: the WSDL lets AT answer
// several (maxOccurs unbounded), for example a registration and its alert.
type Status struct {
	Code    ReturnCode
	Message string // ReturnMessage, AT's text
}

// ErrAuthentication is matched (errors.Is) by an *Error whose code refuses
// the authentication (1 to 99): check the sub-user (WDT profile, manual
// §3.1), its password, the clock and the AT public key.
var ErrAuthentication = errors.New("transport: AT refused the authentication")

// ErrTryLater is atclient.ErrTryLater. Besides AT's failures that every
// service shares (a server fault, an HTTP 5xx), it is matched by an *Error
// whose code is Temporary.
var ErrTryLater = atclient.ErrTryLater

// ErrAlreadyRegistered is matched by an *Error with code -3: AT holds a
// transport document of this number. After a lost answer it means that an
// earlier request registered it (see Client.Communicate).
var ErrAlreadyRegistered = errors.New("transport: a transport document of this number is already registered")

// Error is an answer of the service that refuses the document: a
// ResponseStatus whose code is neither 0 nor the alert -100. Statuses
// holds every status of the answer.
//
// AT's authentication system may refuse the header with a SOAP fault that
// carries the same codes in its detail: such a fault is returned as an
// *Error too, with Fault set; errors.As still finds the
// *atclient.FaultError.
type Error struct {
	Code     ReturnCode
	Message  string
	Statuses []Status
	Fault    *atclient.FaultError
}

// Unwrap returns the SOAP fault that carried the code, if any.
func (e *Error) Unwrap() error {
	if e.Fault == nil {
		return nil
	}
	return e.Fault
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("transport: %s: AT answered %d", Operation, int(e.Code))
	if m := e.Code.lookup(); m.pt != "" {
		msg += " (" + m.pt + " — " + m.en + ")"
	}
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// Is matches ErrAuthentication, ErrTryLater and ErrAlreadyRegistered.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrAuthentication:
		return e.Code.Authentication()
	case ErrTryLater:
		return e.Code.Temporary()
	case ErrAlreadyRegistered:
		return e.Code == CodeAlreadyRegistered
	}
	return false
}
