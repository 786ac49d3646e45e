package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// publishTopic handles "POST /teacher/topics/:id/publish" (published true)
// and "POST /teacher/topics/:id/unpublish" (false).
func (h *handler) publishTopic(published bool) pageHandler {
	return func(c *gin.Context) error {
		id := c.Param("id")
		// Another teacher's topic, published or not, is not found, as on
		// every page of the workspace.
		rec, err := h.ownTopic(c, id)
		if err == nil {
			rec, err = h.shelf.SetTopicPublished(c.Request.Context(), session(c).Teacher.ID, id, published)
		}
		if err != nil {
			return err
		}
		done := "topic-unpublished"
		if published {
			done = "topic-published"
		}
		c.Redirect(http.StatusSeeOther, "/teacher/topics/"+rec.ID+"?done="+done)
		return nil
	}
}
