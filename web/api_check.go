package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/analyzer"
)

// checkRequest is the body of POST /api/v1/check.
type checkRequest struct {
	Rubric string `json:"rubric"`
	Essay  string `json:"essay"`
}

// exampleBody is quoted by error messages about the request body.
const exampleBody = `{"rubric": "sino-soviet-split", "essay": "..."}`

// apiCheck handles "POST /api/v1/check": it checks an essay and returns the
// Report.
func (h *handler) apiCheck(c *gin.Context) error {
	var req checkRequest
	if err := decodeJSON(c.Request, &req, exampleBody); err != nil {
		return err
	}
	if req.Rubric == "" {
		return userError(codeBadRequest,
			`Say which rubric to check against: send %s (GET /api/v1/rubrics lists the rubric ids).`, exampleBody)
	}
	r, ok := h.lib.Rubric(req.Rubric)
	if !ok {
		return userError(codeUnknownRubric,
			"There is no rubric %q. GET /api/v1/rubrics lists the rubric ids.", shorten(req.Rubric, 80))
	}
	rep, err := h.checkChosen(forClient(c.Request.Context(), c.ClientIP()), r, req.Essay)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, rep)
	return nil
}

// decodeJSON reads a JSON object into v strictly: the body must be UTF-8,
// hold exactly one object, and have no fields v does not know. Errors quote
// example, a body that would do.
func decodeJSON(r *http.Request, v any, example string) error {
	// A JSON Content-Type cannot be sent from another site's page without
	// the browser asking first (a CORS preflight, which is never granted),
	// so no page a student has open can make the server check essays.
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return userError(codeBadType, "Send the request body as JSON with the header Content-Type: application/json, such as %s.", example)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return userError(codeBadRequest, "The request body could not be read. Send it again.")
	}
	// encoding/json would quietly turn invalid UTF-8 into U+FFFD.
	if !utf8.Valid(body) {
		return analyzer.ErrNotText
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return userError(codeBadJSON, "The request body is empty. Send a JSON object such as %s.", example)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return userError(codeBadJSON, "The request body is not the JSON expected (%s). Send a JSON object such as %s.", jsonProblem(err), example)
	}
	if _, err := dec.Token(); err != io.EOF {
		return userError(codeBadJSON, "The request body has more after the JSON object. Send one object such as %s.", example)
	}
	return nil
}

// jsonProblem says briefly what is wrong with a JSON body.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return "a syntax error at byte " + strconv.FormatInt(syn.Offset, 10)
	case errors.As(err, &typ):
		return typ.Field + " must be a " + typ.Type.String()
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "it ends too early"
	default:
		return shorten(err.Error(), 80)
	}
}
