package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// publishTopic handles "POST /teacher/topics/:id/publish" (published true)
// and "POST /teacher/topics/:id/unpublish" (false).
func (h *handler) publishTopic(published bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		rec, err := h.shelf.setTopicPublished(c.Request.Context(), session(c).Teacher.ID, c.Param("id"), published)
		if err != nil {
			h.pageError(c, err)
			return
		}
		done := "topic-unpublished"
		if published {
			done = "topic-published"
		}
		c.Redirect(http.StatusSeeOther, "/teacher/topics/"+rec.ID+"?done="+done)
	}
}
