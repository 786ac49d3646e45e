package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// deletePage is the data of the page that asks before deleting a rubric
// or topic.
type deletePage struct {
	base
	Kind      string // "rubric" or "topic"
	ID        string
	Versions  int
	Published bool
	Back      string // the editor, to cancel
}

// showDeleteRubric handles "GET /teacher/rubrics/:id/delete": it asks
// before deleting.
func (h *handler) showDeleteRubric(c *gin.Context) error {
	id := c.Param("id")
	rec, err := h.ownRubric(c, id)
	if err != nil {
		return err
	}
	h.render(c, http.StatusOK, "teacher_delete", deletePage{base: teacherBase(c, "Delete "+id), Kind: "rubric",
		ID: id, Versions: rec.Version, Published: rec.Published, Back: "/teacher/rubrics/" + id})
	return nil
}
