package web

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/analyzer/essayfile"
	"github.com/rubricate/rubricate/web/store"
	"github.com/rubricate/rubricate/web/workspace"
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

	// The server's disk or database, which whoever runs it must fix.
	codeDiskFull    = "disk_full"           // store.ErrDiskFull
	codeReadOnly    = "read_only"           // store.ErrReadOnly
	codeCorrupt     = "database_damaged"    // store.ErrCorrupt
	codeUnavailable = "storage_unavailable" // store.ErrUnavailable

	// Teachers' errors.
	codeUnauthorized  = "unauthorized"           // no valid session or API token
	codeForbidden     = "forbidden"              // another teacher's rubric or topic, or a built-in one
	codeBadCSRF       = "bad_csrf"               // a form without its CSRF token
	codeConflict      = "conflict"               // the id is taken, or the topic is in use
	codeInvalidRubric = "invalid_rubric"         // a rubric that does not validate; details say where
	codeInvalidTopic  = "invalid_topic"          // a topic whose catalogue does not validate
	codeThrottled     = "throttled"              // too many failed sign-ins; Retry-After says when
	codeBadType       = "unsupported_media_type" // a body of the wrong Content-Type
)

// internalMessage is all a user is told of an internal error.
const internalMessage = "Something went wrong on our side. Try again; if it keeps happening, tell your teacher."

// Error is a problem the user can fix: a code for programs and a message for
// people that says what is wrong and what to do.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	// Details are the problems of an invalid rubric or topic, each at its
	// line and column.
	Details []ErrorDetail `json:"details,omitempty"`
	// RetryAfter is how long to wait before trying again (throttled).
	RetryAfter time.Duration `json:"-"`
}

// ErrorDetail is one problem in a YAML document, at its line and column
// (1-based; 0 when the place is not known).
type ErrorDetail struct {
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
	Source  string `json:"-"` // the offending line, for pages
	// Code and Subject say what is wrong for programs (see
	// yamlfile.Error): "unknown_topic" and the topic's id.
	Code    string `json:"code,omitempty"`
	Subject string `json:"subject,omitempty"`
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
	case codeUnauthorized:
		return http.StatusUnauthorized
	case codeForbidden, codeBadCSRF:
		return http.StatusForbidden
	case codeConflict:
		return http.StatusConflict
	case codeInvalidRubric, codeInvalidTopic:
		return http.StatusUnprocessableEntity
	case codeThrottled:
		return http.StatusTooManyRequests
	case codeBadType:
		return http.StatusUnsupportedMediaType
	case codeBadMethod:
		return http.StatusMethodNotAllowed
	case codeBusy, codeReadOnly, codeCorrupt, codeUnavailable:
		return http.StatusServiceUnavailable
	case codeDiskFull:
		return http.StatusInsufficientStorage
	default:
		return http.StatusInternalServerError
	}
}

// asError says what the user is shown for err: an Error as it is, the
// analyzer's input errors with their own messages, and for anything else
// the internal error (internal is true: the caller logs err).
func asError(err error) (e *Error, internal bool) {
	var mbe *http.MaxBytesError
	var thr *store.ThrottledError
	var refused *workspace.Error
	switch {
	case errors.As(err, &e):
		return e, false
	case errors.As(err, &refused):
		switch refused.Code {
		case workspace.InvalidRubric:
			return invalidDoc(codeInvalidRubric, refused.Err), false
		case workspace.InvalidTopic:
			return invalidDoc(codeInvalidTopic, refused.Err), false
		}
		return &Error{Code: string(refused.Code), Message: refused.Message}, false
	case errors.Is(err, analyzer.ErrEmpty):
		return &Error{Code: codeEmptyEssay, Message: sentence(analyzer.ErrEmpty.Error())}, false
	case errors.Is(err, analyzer.ErrNotText):
		return &Error{Code: codeNotText, Message: sentence(analyzer.ErrNotText.Error())}, false
	case errors.As(err, &mbe) && mbe.Limit == maxUpload:
		return &Error{Code: codeTooLong, Message: essayfile.ErrTooBig.Error()}, false
	case errors.Is(err, analyzer.ErrTooLong), errors.As(err, &mbe):
		return &Error{Code: codeTooLong, Message: sentence(analyzer.ErrTooLong.Error())}, false
	case errors.As(err, &thr):
		return &Error{Code: codeThrottled, RetryAfter: thr.RetryAfter, Message: fmt.Sprintf(
			"Too many failed sign-ins for this name. Wait %s, then try again.", wait(thr.RetryAfter))}, false
	case errors.Is(err, store.ErrForbidden):
		return &Error{Code: codeForbidden, Message: "That belongs to another teacher: you can read it if it is published, but not change it."}, false
	case errors.Is(err, store.ErrNotFound):
		return &Error{Code: codeNotFound, Message: "There is no such rubric or topic (or it is another teacher's draft)."}, false
	case errors.Is(err, store.ErrExists):
		return &Error{Code: codeConflict, Message: "That id is taken already: choose another."}, false
	case errors.Is(err, store.ErrInvalid):
		return &Error{Code: codeBadRequest, Message: sentence(err.Error())}, false
	// The disk's and the database's faults are logged too: whoever runs
	// the server needs the detail.
	case errors.Is(err, store.ErrDiskFull):
		return &Error{Code: codeDiskFull, Message: "The server's disk is full, so nothing was saved (and no one can sign in). Ask whoever runs rubricate to free some space, then try again."}, true
	case errors.Is(err, store.ErrReadOnly):
		return &Error{Code: codeReadOnly, Message: "The server cannot save anything just now: its data folder is read-only, so nothing was saved. Ask whoever runs rubricate to make it writable again, then try again."}, true
	case errors.Is(err, store.ErrCorrupt):
		return &Error{Code: codeCorrupt, Message: "The server's database is damaged, so nothing was saved. Ask whoever runs rubricate to restore it from a backup (rubricate backup)."}, true
	case errors.Is(err, store.ErrUnavailable):
		return &Error{Code: codeUnavailable, Message: "The server cannot reach its data just now (a disk or database fault), so nothing was saved. Students can still check essays. Ask whoever runs rubricate to check the disk or the database server, then try again."}, true
	default:
		return &Error{Code: codeInternal, Message: internalMessage}, true
	}
}

// wait says how long to wait, for people: "12 seconds", "3 minutes".
func wait(d time.Duration) string {
	if s := int(math.Ceil(d.Seconds())); s < 120 {
		return plural(max(s, 1), "second", "seconds")
	}
	return plural(int(math.Ceil(d.Minutes())), "minute", "minutes")
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
// apiHandler is a JSON API handler: it writes its answer, or returns the
// error for api to answer with.
type apiHandler func(c *gin.Context) error

// api adapts an apiHandler to gin: an error is logged if it is internal
// and answered as the API answers errors (apiError), in one place.
func (h *handler) api(f apiHandler) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := f(c); err != nil {
			h.apiError(c, err)
		}
	}
}

// pageHandler is a page's handler: it renders the page, or returns the
// error for page to show.
type pageHandler func(c *gin.Context) error

// page adapts a pageHandler to gin: an error is logged if it is internal
// and shown as the pages show errors (pageError), in one place.
func (h *handler) page(f pageHandler) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := f(c); err != nil {
			h.pageError(c, err)
		}
	}
}

func (h *handler) apiError(c *gin.Context, err error) {
	e, status := h.resolve(c, err)
	setErrorHeaders(c, e)
	c.AbortWithStatusJSON(status, gin.H{"error": e})
}

// setErrorHeaders adds the headers some errors call for: when to retry,
// and how to authenticate.
func setErrorHeaders(c *gin.Context, e *Error) {
	switch e.Code {
	case codeThrottled:
		c.Header("Retry-After", strconv.Itoa(int(math.Ceil(e.RetryAfter.Seconds()))))
	case codeUnauthorized:
		if isAPI(c) {
			c.Header("WWW-Authenticate", `Bearer realm="rubricate"`)
		}
	}
}

// pageError answers a page request with the error page.
func (h *handler) pageError(c *gin.Context, err error) {
	e, status := h.resolve(c, err)
	setErrorHeaders(c, e)
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
	case http.StatusUnauthorized:
		return "Sign in first"
	case http.StatusForbidden:
		return "Not allowed"
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
