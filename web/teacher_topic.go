package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// showTopic handles "GET /teacher/topics/:id": the editor for one of the
// teacher's topics.
func (h *handler) showTopic(c *gin.Context) error {
	id := c.Param("id")
	rec, err := h.ownTopic(c, id)
	if err != nil {
		return err
	}
	p := newTopicPage(c, id)
	p.Record, p.Notes, p.Catalogue, p.Notice = &rec, rec.Notes, string(rec.Catalogue), notice(c)
	if _, err := h.shelf.ParseTopic(id, rec.Catalogue, rec.Notes, false); err != nil {
		p.Problems = invalidDoc(codeInvalidTopic, err).Details
	}
	h.renderTopic(c, http.StatusOK, p)
	return nil
}
