package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// apiPublishRubric handles "POST /api/v1/rubrics/:id/publish" (published
// true) and "POST /api/v1/rubrics/:id/unpublish" (false).
func (h *handler) apiPublishRubric(published bool) apiHandler {
	return func(c *gin.Context) error {
		ctx := c.Request.Context()
		me := apiTeacher(c)
		id := c.Param("id")
		if err := h.apiOwned(ctx, me, id); err != nil {
			return err
		}
		rec, err := h.shelf.SetPublished(ctx, me.ID, id, published)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, written{ID: rec.ID, Version: rec.Version, Published: rec.Published, URL: "/api/v1/rubrics/" + rec.ID})
		return nil
	}
}
