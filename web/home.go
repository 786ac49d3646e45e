package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/analyzer/essayfile"
)

// homePage is the data of the home page: the questions to choose from and
// the essay box, with what was sent back when a check failed.
type homePage struct {
	base
	Topics []topicChoice
	Rubric string // the question chosen
	Essay  string
	Error  *Error
	// Loaded names the file just read into the box, for the student to
	// look over before checking.
	Loaded string
	// Accept lists the file types an essay may be uploaded as.
	Accept string
}

// topicChoice is a topic and its questions.
type topicChoice struct {
	ID       string
	Title    string
	From, To int
	Rubrics  []rubricChoice
}

// rubricChoice is one question to answer.
type rubricChoice struct {
	ID, Title, Question string
	Marks, Words        int
}

// showHome handles "GET /". No question is chosen unless the link says
// which: "/?rubric=ID", the link a teacher shares for a question, or
// "/?topic=ID" for a topic's first question. A student who checks without
// choosing is asked to.
func (h *handler) showHome(c *gin.Context) {
	h.shelf.refresh(c.Request.Context())
	rubric := c.Query("rubric")
	if topic := c.Query("topic"); rubric == "" && topic != "" {
		for _, id := range h.lib.RubricIDs() {
			if r, ok := h.lib.Rubric(id); ok && r.Topic == topic {
				rubric = id
				break
			}
		}
	}
	h.render(c, http.StatusOK, "home", h.homePage(rubric, "", nil))
}

// homePage builds the home page with rubric chosen (none if it is not a
// question here) and essay in the box; a non-nil err is shown above the
// form.
func (h *handler) homePage(rubric, essay string, err *Error) homePage {
	p := homePage{base: base{Title: "Check an essay", Nav: "check"}, Rubric: rubric, Essay: essay, Error: err,
		Accept: strings.Join(essayfile.Formats, ",")}
	byTopic := map[string]int{}
	for _, id := range h.lib.RubricIDs() {
		r, ok := h.lib.Rubric(id)
		if !ok {
			continue
		}
		i, ok := byTopic[r.Topic]
		if !ok {
			tc := topicChoice{ID: r.Topic, Title: r.Topic}
			if t, ok := h.lib.Topic(r.Topic); ok {
				tc.Title, tc.From, tc.To = t.Title, t.From, t.To
			}
			i = len(p.Topics)
			byTopic[r.Topic] = i
			p.Topics = append(p.Topics, tc)
		}
		p.Topics[i].Rubrics = append(p.Topics[i].Rubrics, rubricChoice{
			ID: r.ID, Title: r.Title, Question: r.Question, Marks: r.Marks, Words: r.Words})
	}
	if _, ok := h.lib.Rubric(p.Rubric); !ok {
		p.Rubric = ""
	}
	return p
}
