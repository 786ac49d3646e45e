package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// publishRubric handles "POST /teacher/rubrics/:id/publish" (published
// true) and "POST /teacher/rubrics/:id/unpublish" (false).
func (h *handler) publishRubric(published bool) pageHandler {
	return func(c *gin.Context) error {
		id := c.Param("id")
		// Another teacher's rubric, published or not, is not found, as on
		// every page of the workspace.
		rec, err := h.ownRubric(c, id)
		if err == nil {
			rec, err = h.shelf.SetPublished(c.Request.Context(), session(c).Teacher.ID, id, published)
		}
		if err != nil {
			return err
		}
		done := "unpublished"
		if published {
			done = "published"
		}
		c.Redirect(http.StatusSeeOther, "/teacher/rubrics/"+rec.ID+"?done="+done)
		return nil
	}
}
