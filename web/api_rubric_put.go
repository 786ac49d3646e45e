package web

import "github.com/gin-gonic/gin"

// apiPutRubric handles "PUT /api/v1/rubrics/:id": the YAML body as the
// next version of the teacher's rubric (or its first).
func (h *handler) apiPutRubric(c *gin.Context) error {
	return h.apiSaveRubric(c, c.Param("id"))
}
