package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
)

// rubricDetail is one rubric in full, with the evidence items its criteria
// name.
type rubricDetail struct {
	rubricSummary
	Criteria []rubrics.Criterion `json:"criteria"`
	Levels   []rubrics.Level     `json:"levels"`
	Evidence []itemView          `json:"evidence"`
}

// itemView is an evidence item as the API gives it.
type itemView struct {
	ID      string   `json:"id"`
	Label   string   `json:"label"`
	Kind    string   `json:"kind"`
	Card    int      `json:"card,omitempty"`
	Dates   []string `json:"dates,omitempty"`
	Figures []string `json:"figures,omitempty"`
}

// apiRubric handles "GET /api/v1/rubrics/:id".
func (h *handler) apiRubric(c *gin.Context) {
	id := c.Param("id")
	r, ok := h.lib.Rubric(id)
	if !ok {
		h.apiError(c, userError(codeUnknownRubric,
			"There is no rubric %q. GET /api/v1/rubrics lists the rubric ids.", shorten(id, 80)))
		return
	}
	d := rubricDetail{rubricSummary: h.summary(r), Criteria: r.Criteria, Levels: r.Levels, Evidence: []itemView{}}
	topic, _ := h.lib.Topic(r.Topic)
	seen := map[string]bool{}
	for _, cr := range r.Criteria {
		for _, itemID := range cr.Items {
			if seen[itemID] {
				continue
			}
			seen[itemID] = true
			if it, ok := findItem(r, topic, itemID); ok {
				d.Evidence = append(d.Evidence, itemView{ID: it.ID, Label: it.Label, Kind: it.Kind,
					Card: it.Card, Dates: it.Dates, Figures: it.Figures})
			}
		}
	}
	c.JSON(http.StatusOK, d)
}

// findItem finds an item among a rubric's own items, then its topic's.
func findItem(r *rubrics.Rubric, t *corpus.Topic, id string) (corpus.Item, bool) {
	for _, it := range r.Items {
		if it.ID == id {
			return it, true
		}
	}
	if t == nil {
		return corpus.Item{}, false
	}
	return t.Item(id)
}
