package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// apiPublishTopic handles "POST /api/v1/topics/:id/publish" (published
// true) and "POST /api/v1/topics/:id/unpublish" (false).
func (h *handler) apiPublishTopic(published bool) apiHandler {
	return func(c *gin.Context) error {
		ctx := c.Request.Context()
		me := apiTeacher(c)
		id := c.Param("id")
		if err := h.apiOwnedTopic(ctx, me, id); err != nil {
			return err
		}
		rec, err := h.shelf.SetTopicPublished(ctx, me.ID, id, published)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, written{ID: rec.ID, Version: rec.Version, Published: rec.Published, URL: "/api/v1/topics/" + rec.ID})
		return nil
	}
}
