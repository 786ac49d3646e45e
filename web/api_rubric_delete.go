package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// apiDeleteRubric handles "DELETE /api/v1/rubrics/:id": the rubric and
// every version of it.
func (h *handler) apiDeleteRubric(c *gin.Context) {
	ctx := c.Request.Context()
	me := apiTeacher(c)
	id := c.Param("id")
	err := h.apiOwned(ctx, me, id)
	if err == nil {
		err = h.shelf.DeleteRubric(ctx, me.ID, id)
	}
	if err != nil {
		h.apiError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
