package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

// showRubric handles "GET /teacher/rubrics/:id": the editor for one of the
// teacher's rubrics, at its latest version or ?version=N.
func (h *handler) showRubric(c *gin.Context) error {
	ctx := c.Request.Context()
	id := c.Param("id")
	rec, err := h.ownRubric(c, id)
	p := h.newEditor(c, id)
	if err == nil {
		err = h.fillHistory(ctx, p, rec)
	}
	if err != nil {
		return err
	}
	data := rec.YAML
	if v, err := strconv.Atoi(c.Query("version")); err == nil && v != rec.Version {
		old, err := h.store.RubricVersion(ctx, id, v)
		if err != nil {
			return userError(codeNotFound, "Rubric %s has no version %d.", id, v)
		}
		data, p.Loaded = old.YAML, v
		p.Notice = fmt.Sprintf("This is version %d, saved %s. Save it to make it the latest version again.",
			v, old.Updated.Local().Format("2 January 2006 at 15:04"))
	} else {
		p.Notice = notice(c)
	}
	h.load(p, data)
	h.renderEditor(c, http.StatusOK, p)
	return nil
}
