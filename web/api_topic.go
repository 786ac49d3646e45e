package web

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/web/store"
)

// topicDetail is a topic as the API gives it.
type topicDetail struct {
	ID        string     `json:"id"`
	Title     string     `json:"title"`
	Builtin   bool       `json:"builtin"`
	Version   int        `json:"version,omitempty"`
	Published bool       `json:"published"`
	Notes     string     `json:"notes"`
	Catalogue string     `json:"catalogue,omitempty"`
	Items     []itemView `json:"items"`
}

// apiTopic handles "GET /api/v1/topics/:id": a bundled or published topic
// to anyone, a draft to its owner (with their API token).
func (h *handler) apiTopic(c *gin.Context) error {
	id := c.Param("id")
	h.shelf.Refresh(c.Request.Context())
	var d topicDetail
	var t *corpus.Topic
	if h.shelf.IsBundled(id) {
		t, _ = h.lib.Topic(id)
		d = topicDetail{ID: id, Builtin: true, Published: true}
	} else {
		tt, err := h.tokenTeacher(c)
		if err != nil {
			return err
		}
		var caller int64
		if tt != nil {
			caller = tt.ID
		}
		rec, err := h.shelf.VisibleTopic(c.Request.Context(), caller, id)
		if errors.Is(err, store.ErrNotFound) {
			return noTopic(id)
		}
		if err != nil {
			return err
		}
		d = topicDetail{ID: id, Version: rec.Version, Published: rec.Published, Catalogue: string(rec.Catalogue)}
		if t, err = h.shelf.ParseTopic(id, rec.Catalogue, rec.Notes, false); err != nil {
			d.Notes, d.Title, d.Items = rec.Notes, id, []itemView{}
			c.JSON(http.StatusOK, d)
			return nil
		}
	}
	d.Title, d.Notes, d.Items = t.Title, t.Notes, []itemView{}
	for _, it := range t.Items {
		d.Items = append(d.Items, itemView{ID: it.ID, Label: it.Label, Kind: it.Kind, Card: it.Card, Dates: it.Dates, Figures: it.Figures})
	}
	c.JSON(http.StatusOK, d)
	return nil
}
