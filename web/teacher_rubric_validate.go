package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// validateRequest is the body of POST /teacher/rubrics/validate.
type validateRequest struct {
	YAML string `json:"yaml"`
}

// validateRubric handles "POST /teacher/rubrics/validate": the editor's
// script sends the YAML as it is typed and shows the problems found at
// their lines. Nothing is saved.
func (h *handler) validateRubric(c *gin.Context) {
	var req validateRequest
	if err := decodeJSON(c.Request, &req, `{"yaml": "id: my-rubric\n..."}`); err != nil {
		h.apiError(c, err)
		return
	}
	problems := []ErrorDetail{}
	if _, err := h.shelf.ParseRubric("rubric.yaml", []byte(normalizeText(req.YAML))); err != nil {
		problems = invalidDoc(codeInvalidRubric, err).Details
	}
	c.JSON(http.StatusOK, gin.H{"problems": problems})
}
