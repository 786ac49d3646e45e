package web

import (
	"strings"

	"github.com/gin-gonic/gin"
)

// notFound answers any path no route matches, as JSON under /api/ and as
// a page elsewhere.
func (h *handler) notFound(c *gin.Context) {
	if isAPI(c) {
		h.apiError(c, userError(codeNotFound,
			"There is no API endpoint at %s. The endpoints are listed in /api/v1/openapi.yaml.", shorten(c.Request.URL.Path, 80)))
		return
	}
	h.pageError(c, userError(codeNotFound,
		"There is no page at this address. Use the menu above to check an essay or read the notes."))
}

// methodNotAllowed answers a known path asked with the wrong method (a GET
// of /check, say, from a bookmarked feedback page).
func (h *handler) methodNotAllowed(c *gin.Context) {
	if isAPI(c) {
		h.apiError(c, userError(codeBadMethod,
			"%s does not accept %s requests. See /api/v1/openapi.yaml for how to call it.", shorten(c.Request.URL.Path, 80), c.Request.Method))
		return
	}
	if strings.HasPrefix(c.Request.URL.Path, "/teacher") {
		h.pageError(c, userError(codeBadMethod,
			"This address takes a form's answer and cannot be opened directly. Go back to Your rubrics and topics at /teacher."))
		return
	}
	h.pageError(c, userError(codeBadMethod,
		"This page cannot be opened directly: feedback is shown only after you check an essay. Go to Check an essay, paste your essay and press Check."))
}
