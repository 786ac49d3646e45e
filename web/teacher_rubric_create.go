package web

import "github.com/gin-gonic/gin"

// createRubric handles "POST /teacher/rubrics/new": the editor's form for
// a rubric not saved yet (apply the form, preview, or save version 1).
func (h *handler) createRubric(c *gin.Context) {
	h.editRubric(c, "")
}
