package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// apiDeleteTopic handles "DELETE /api/v1/topics/:id". A topic published
// rubrics use cannot be deleted.
func (h *handler) apiDeleteTopic(c *gin.Context) error {
	ctx := c.Request.Context()
	me := apiTeacher(c)
	id := c.Param("id")
	err := h.apiOwnedTopic(ctx, me, id)
	if err == nil {
		err = h.shelf.DeleteTopic(ctx, me.ID, id)
	}
	if err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}
