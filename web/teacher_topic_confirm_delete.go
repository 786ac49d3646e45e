package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// showDeleteTopic handles "GET /teacher/topics/:id/delete": it asks before
// deleting.
func (h *handler) showDeleteTopic(c *gin.Context) error {
	id := c.Param("id")
	rec, err := h.ownTopic(c, id)
	if err != nil {
		return err
	}
	h.render(c, http.StatusOK, "teacher_delete", deletePage{base: teacherBase(c, "Delete "+id), Kind: "topic",
		ID: id, Versions: rec.Version, Published: rec.Published, Back: "/teacher/topics/" + id})
	return nil
}
