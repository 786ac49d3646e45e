package web

import (
	"mime"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

// exportRubric handles "GET /teacher/rubrics/:id/export": the YAML of the
// latest version, or of ?version=N, as a file to download.
func (h *handler) exportRubric(c *gin.Context) error {
	id := c.Param("id")
	rec, err := h.ownRubric(c, id)
	if err != nil {
		return err
	}
	name := id + ".yaml"
	if s := c.Query("version"); s != "" {
		v, _ := strconv.Atoi(s)
		if rec, err = h.store.RubricVersion(c.Request.Context(), id, v); err != nil {
			return userError(codeNotFound, "Rubric %s has no version %s.", id, shorten(s, 10))
		}
		name = id + "-v" + strconv.Itoa(v) + ".yaml"
	}
	c.Header("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	c.Data(http.StatusOK, "application/yaml; charset=utf-8", rec.YAML)
	return nil
}
