package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// deleteTopic handles "POST /teacher/topics/:id/delete".
func (h *handler) deleteTopic(c *gin.Context) error {
	id := c.Param("id")
	if _, err := h.ownTopic(c, id); err != nil {
		return err
	}
	if err := h.shelf.DeleteTopic(c.Request.Context(), session(c).Teacher.ID, id); err != nil {
		return err
	}
	c.Redirect(http.StatusSeeOther, "/teacher?done=deleted&what="+id)
	return nil
}
