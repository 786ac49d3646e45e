package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/analyzer"
)

// Error codes. The API returns them; the pages show the message.
const (
	codeBadRequest    = "bad_request"    // a malformed request: a missing field, a bad parameter
	codeBadJSON       = "bad_json"       // a body that is not the JSON object expected
	codeEmptyEssay    = "empty_essay"    // analyzer.ErrEmpty
	codeNotText       = "not_text"       // analyzer.ErrNotText
	codeTooLong       = "too_long"       // analyzer.ErrTooLong, or a body over maxBody
	codeBadFile       = "bad_file"       // an upload that is not .txt or .md
	codeUnknownRubric = "unknown_rubric" // no rubric with that id
	codeNotFound      = "not_found"      // no such page, endpoint or topic
	codeBadMethod     = "method_not_allowed"
	codeBusy          = "busy"     // too many checks waiting; try again
	codeInternal      = "internal" // our fault; logged, never detailed
)

// internalMessage is all a user is told of an internal error.
const internalMessage = "Something went wrong on our side. Try again; if it keeps happening, tell your teacher."

// Error is a problem the user can fix: a code for programs and a message for
// people that says what is wrong and what to do.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

// userError makes an Error.
func userError(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// statusCode maps an error code to its HTTP status. It is the only place
// that does.
func statusCode(code string) int {
	switch code {
	case codeBadRequest, codeBadJSON, codeEmptyEssay, codeNotText, codeBadFile:
		return http.StatusBadRequest
	case codeTooLong:
		return http.StatusRequestEntityTooLarge
	case codeUnknownRubric, codeNotFound:
		return http.StatusNotFound
	case codeBadMethod:
		return http.StatusMethodNotAllowed
	case codeBusy:
		return http.StatusServiceUnavailable
	default:
		return http.StatusInternalServerError
	}
}

// asError says what the user is shown for err: an Error as it is, the
// analyzer's input errors with their own messages, and for anything else
// the internal error (internal is true: the caller logs err).
func asError(err error) (e *Error, internal bool) {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &e):
		return e, false
	case errors.Is(err, analyzer.ErrEmpty):
		return &Error{Code: codeEmptyEssay, Message: sentence(analyzer.ErrEmpty.Error())}, false
	case errors.Is(err, analyzer.ErrNotText):
		return &Error{Code: codeNotText, Message: sentence(analyzer.ErrNotText.Error())}, false
	case errors.Is(err, analyzer.ErrTooLong), errors.As(err, &mbe):
		return &Error{Code: codeTooLong, Message: sentence(analyzer.ErrTooLong.Error())}, false
	default:
		return &Error{Code: codeInternal, Message: internalMessage}, true
	}
}

// sentence capitalises a message and ends it with a full stop, for pages.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// resolve turns err into an Error and its status, logging internal errors.
func (h *handler) resolve(c *gin.Context, err error) (*Error, int) {
	e, internal := asError(err)
	if internal {
		h.log.ErrorContext(c.Request.Context(), "internal error",
			"route", c.FullPath(), "error", err.Error())
	}
	return e, statusCode(e.Code)
}

// apiError answers an API request with {"error": {"code", "message"}}.
func (h *handler) apiError(c *gin.Context, err error) {
	e, status := h.resolve(c, err)
	c.AbortWithStatusJSON(status, gin.H{"error": e})
}

// pageError answers a page request with the error page.
func (h *handler) pageError(c *gin.Context, err error) {
	e, status := h.resolve(c, err)
	c.Abort()
	h.render(c, status, "error", errorPage{base: base{Title: errorTitle(status)}, Error: e})
}

// errorPage is the data of the error page.
type errorPage struct {
	base
	Error *Error
}

func errorTitle(status int) string {
	switch status {
	case http.StatusNotFound:
		return "Page not found"
	case http.StatusInternalServerError:
		return "Something went wrong"
	default:
		return "That did not work"
	}
}

// isAPI reports whether a request is for the JSON API, which answers errors
// in JSON rather than with a page.
func isAPI(c *gin.Context) bool {
	p := c.Request.URL.Path
	return strings.HasPrefix(p, "/api/") || p == "/healthz"
}

// fail answers err as JSON or as a page, whichever the route speaks.
func (h *handler) fail(c *gin.Context, err error) {
	if isAPI(c) {
		h.apiError(c, err)
		return
	}
	h.pageError(c, err)
}
