package web

import "github.com/gin-gonic/gin"

// postRubric handles "POST /teacher/rubrics/:id": the editor's form for a
// saved rubric (apply the form, preview, or save a new version).
func (h *handler) postRubric(c *gin.Context) {
	h.editRubric(c, c.Param("id"))
}
