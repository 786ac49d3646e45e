package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// apiDeleteRubric handles "DELETE /api/v1/rubrics/:id": the rubric and
// every version of it.
func (h *handler) apiDeleteRubric(c *gin.Context) error {
	ctx := c.Request.Context()
	me := apiTeacher(c)
	id := c.Param("id")
	err := h.apiOwned(ctx, me, id)
	if err == nil {
		err = h.shelf.DeleteRubric(ctx, me.ID, id)
	}
	if err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}
