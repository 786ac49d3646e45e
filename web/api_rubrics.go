package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/rubrics"
)

// rubricSummary is a rubric as the list of rubrics gives it.
type rubricSummary struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Topic    string `json:"topic"`
	Question string `json:"question"`
	Marks    int    `json:"marks"`
	Words    int    `json:"words,omitempty"`
	Builtin  bool   `json:"builtin"`
	URL      string `json:"url"`
}

func (h *handler) summary(r *rubrics.Rubric) rubricSummary {
	return rubricSummary{ID: r.ID, Title: r.Title, Topic: r.Topic, Question: r.Question,
		Marks: r.Marks, Words: r.Words, Builtin: h.lib.IsBuiltin(r.ID), URL: "/api/v1/rubrics/" + r.ID}
}

// apiRubrics handles "GET /api/v1/rubrics".
func (h *handler) apiRubrics(c *gin.Context) error {
	h.shelf.Refresh(c.Request.Context())
	list := []rubricSummary{}
	for _, id := range h.lib.RubricIDs() {
		if r, ok := h.lib.Rubric(id); ok {
			list = append(list, h.summary(r))
		}
	}
	c.JSON(http.StatusOK, gin.H{"rubrics": list})
	return nil
}
