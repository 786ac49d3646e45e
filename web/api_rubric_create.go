package web

import "github.com/gin-gonic/gin"

// apiCreateRubric handles "POST /api/v1/rubrics": a new rubric from the
// YAML body, saved as a draft (version 1).
func (h *handler) apiCreateRubric(c *gin.Context) error {
	return h.apiSaveRubric(c, "")
}
