package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// deleteRubric handles "POST /teacher/rubrics/:id/delete".
func (h *handler) deleteRubric(c *gin.Context) error {
	id := c.Param("id")
	if _, err := h.ownRubric(c, id); err != nil {
		return err
	}
	if err := h.shelf.DeleteRubric(c.Request.Context(), session(c).Teacher.ID, id); err != nil {
		return err
	}
	c.Redirect(http.StatusSeeOther, "/teacher?done=deleted&what="+id)
	return nil
}
