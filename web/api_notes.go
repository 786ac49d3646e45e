package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
)

// searchResponse is the answer to a notes search.
type searchResponse struct {
	Query string    `json:"query"`
	Topic string    `json:"topic"`
	Hits  []hitView `json:"hits"`
}

// hitView is one passage found; fragments are HTML in which only <mark>
// is markup.
type hitView struct {
	Passage   string   `json:"passage"`
	Card      int      `json:"card"`
	Heading   string   `json:"heading"`
	Text      string   `json:"text"`
	Line      int      `json:"line"`
	Score     float64  `json:"score"`
	Fragments []string `json:"fragments"`
}

// apiNotesSearch handles "GET /api/v1/notes/search?q=".
func (h *handler) apiNotesSearch(c *gin.Context) error {
	q := strings.TrimSpace(c.Query("q"))
	if q == "" || len(q) > maxQuery {
		example := "/api/v1/notes/search?q=a+name+or+a+year"
		if t, ok := h.lib.Topic(c.DefaultQuery("topic", h.defaultTopic)); ok {
			if ex := searchExamples(t); len(ex) > 0 {
				example = "/api/v1/notes/search?" + url.Values{"topic": {t.ID}, "q": {ex[0]}}.Encode()
			}
		}
		return userError(codeBadRequest, "Give a search of 1 to %d characters in q, such as %s.", maxQuery, example)
	}
	limit := 10
	if s := c.Query("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 50 {
			return userError(codeBadRequest, "limit must be a whole number from 1 to 50.")
		}
		limit = n
	}
	h.shelf.Refresh(c.Request.Context())
	topic := c.DefaultQuery("topic", h.defaultTopic)
	if _, ok := h.lib.Index(topic); !ok {
		return userError(codeNotFound, "There is no topic %q. Leave out topic to search %s.", shorten(topic, 80), h.defaultTopic)
	}
	hits, err := h.lib.SearchNotes(topic, q, limit)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	out := searchResponse{Query: q, Topic: topic, Hits: []hitView{}}
	for _, hit := range hits {
		v := hitView{Passage: hit.Passage.ID, Card: hit.Passage.Card, Heading: hit.Passage.Heading,
			Text: hit.Passage.Text, Line: hit.Passage.Line, Score: hit.Score, Fragments: []string{}}
		for _, f := range hit.Fragments {
			v.Fragments = append(v.Fragments, string(safeFragment(f)))
		}
		out.Hits = append(out.Hits, v)
	}
	c.JSON(http.StatusOK, out)
	return nil
}
