package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
)

// rubricDetail is one rubric in full, with the evidence items its criteria
// name.
type rubricDetail struct {
	rubricSummary
	// Version is a teacher's rubric's version (0 for a built-in one), and
	// Draft is true for a rubric only its owner sees.
	Version  int                 `json:"version,omitempty"`
	Draft    bool                `json:"draft,omitempty"`
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

// apiRubric handles "GET /api/v1/rubrics/:id": a built-in or published
// rubric to anyone, a draft to its owner (with their API token). With
// "Accept: application/yaml" it answers the rubric's YAML.
func (h *handler) apiRubric(c *gin.Context) error {
	id := c.Param("id")
	h.shelf.Refresh(c.Request.Context())
	r, ok := h.lib.Rubric(id)
	var version int
	var draft bool
	var source []byte
	if ok && h.lib.IsBuiltin(id) {
		source, _ = rubrics.BuiltinYAML(id)
	} else {
		t, err := h.tokenTeacher(c)
		if err != nil {
			return err
		}
		var caller int64
		if t != nil {
			caller = t.ID
		}
		rec, rr, err := h.shelf.Visible(c.Request.Context(), caller, id)
		switch {
		case rec.ID == "" && (err == nil || errors.Is(err, store.ErrNotFound)):
			return noRubric(id)
		case rec.ID == "":
			return err
		case err != nil:
			return invalidDoc(codeInvalidRubric, err)
		}
		r, version, draft, source = rr, rec.Version, !rec.Published, rec.YAML
	}
	if strings.Contains(c.GetHeader("Accept"), "yaml") {
		c.Data(http.StatusOK, "application/yaml; charset=utf-8", source)
		return nil
	}
	d := rubricDetail{rubricSummary: h.summary(r), Version: version, Draft: draft,
		Criteria: r.Criteria, Levels: r.Levels, Evidence: []itemView{}}
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
	return nil
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
