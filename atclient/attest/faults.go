package attest

import (
	"net/http"
	"time"
)

// FaultKind is a failure the server can simulate.
type FaultKind int

// Kinds of fault.
const (
	// FaultDelay waits Delay before answering normally (or, with
	// AfterProcessing, after applying the request): with a client timeout
	// shorter than Delay, the answer is lost.
	FaultDelay FaultKind = iota + 1
	// FaultTechnicalError answers AT's code 5000 "Erro técnico não
	// especificado".
	FaultTechnicalError
	// FaultSOAP answers HTTP 500 with a SOAP fault (faultcode S:Server).
	FaultSOAP
	// FaultDrop closes the connection without answering.
	FaultDrop
	// FaultMalformed answers HTTP 200 with a body that is not a SOAP
	// message.
	FaultMalformed
	// FaultInternalError answers HTTP 500 with the SOAP 1.2 fault AT's
	// servers send when they fail (env:Receiver, "Internal Error (from
	// server)"), whatever the service.
	FaultInternalError
)

func (k FaultKind) String() string {
	switch k {
	case FaultDelay:
		return "delay"
	case FaultTechnicalError:
		return "5000"
	case FaultSOAP:
		return "SOAP fault"
	case FaultDrop:
		return "dropped connection"
	case FaultMalformed:
		return "malformed body"
	case FaultInternalError:
		return "internal error"
	}
	return "unknown fault"
}

// Fault describes failures to inject into the next matching requests.
type Fault struct {
	Kind      FaultKind
	Operation string        // "registarSerie", "finalizarSerie", "anularSerie", "consultarSeries", an operation of another service (e.g. "registarSerieAutofaturacao"); "" for any
	Delay     time.Duration // for FaultDelay
	// AfterProcessing applies the request (a series is registered, ...)
	// before failing, so the client loses an answer whose effect happened.
	// Without it the request has no effect.
	AfterProcessing bool
	// Count is the number of requests affected (0 means 1).
	Count int
}

// InjectFault queues f; it applies to the next Count authenticated requests
// of its operation. Faults apply in the order queued.
func (s *Server) InjectFault(f Fault) {
	if f.Count <= 0 {
		f.Count = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
}

// ClearFaults drops every queued fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// takeFault returns and consumes the first fault for op.
func (s *Server) takeFault(op string) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.faults {
		f := s.faults[i]
		if f.Operation != "" && f.Operation != op {
			continue
		}
		s.faults[i].Count--
		if s.faults[i].Count <= 0 {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
		}
		return &f
	}
	return nil
}

// fail carries out a fault that ends the exchange; it reports false for a
// delay, after which the exchange goes on.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, f *Fault, op string) bool {
	switch f.Kind {
	case FaultDelay:
		t := time.NewTimer(f.Delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
		}
		return false
	case FaultTechnicalError:
		writeResult(w, op, 5000, "Erro técnico não especificado.", nil)
	case FaultSOAP:
		writeFault(w, http.StatusInternalServerError, "S:Server", "attest: injected SOAP fault")
	case FaultDrop:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return true
			}
		}
		panic(http.ErrAbortHandler) // closes the connection too
	case FaultInternalError:
		writeInternalError(w)
	case FaultMalformed:
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		_, _ = w.Write([]byte(`<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:` + op + `Response xmlns:ns2="http://at.gov.pt/"><infoResultOper><codResult`))
	}
	return true
}

// writeInternalError answers as AT's servers were seen to when they fail
// (joaomfrebelo/atws, test/Resources/Responses/Invoice/InternalError.xml): a
// SOAP 1.2 fault, though the services speak SOAP 1.1, with HTTP 500.
func writeInternalError(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/soap+xml; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = w.Write([]byte(`<?xml version='1.0' ?>` +
		`<env:Envelope xmlns:env='http://www.w3.org/2003/05/soap-envelope'><env:Body><env:Fault>` +
		`<env:Code><env:Value>env:Receiver</env:Value></env:Code>` +
		`<env:Reason><env:Text xml:lang="en-US">Internal Error (from server)</env:Text></env:Reason>` +
		`</env:Fault></env:Body></env:Envelope>`))
}
