package web

import (
	"net/http"
	"strconv"
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
	// Find is the search for a question, Page the page of topics shown
	// (from 1); Pages is how many there are. A server with many topics
	// shows them a page at a time.
	Find        string
	Page, Pages int
	// Searchable is set when there are more topics than one page holds,
	// or a search is made: the page then offers the search.
	Searchable bool
}

// topicsPerPage is how many topics the home page shows at once.
const topicsPerPage = 8

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
	h.shelf.Refresh(c.Request.Context())
	rubric := c.Query("rubric")
	if topic := c.Query("topic"); rubric == "" && topic != "" {
		for _, id := range h.lib.RubricIDs() {
			if r, ok := h.lib.Rubric(id); ok && r.Topic == topic {
				rubric = id
				break
			}
		}
	}
	page, _ := strconv.Atoi(c.Query("page"))
	h.render(c, http.StatusOK, "home", h.homePageOf(rubric, "", nil, strings.TrimSpace(c.Query("find")), page))
}

// narrow shows only the topics whose title, or one of whose questions,
// holds find (every topic when it is empty), a page of them at a time;
// the chosen question's topic is always shown.
func (p *homePage) narrow(find string, page int) {
	if len(find) > maxQuery {
		find = find[:maxQuery]
	}
	p.Find = find
	all := p.Topics
	if find != "" {
		q := strings.ToLower(find)
		var kept []topicChoice
		for _, tc := range all {
			if strings.Contains(strings.ToLower(tc.Title), q) {
				kept = append(kept, tc)
				continue
			}
			var rs []rubricChoice
			for _, r := range tc.Rubrics {
				if strings.Contains(strings.ToLower(r.Question+" "+r.Title), q) {
					rs = append(rs, r)
				}
			}
			if len(rs) > 0 {
				tc.Rubrics = rs
				kept = append(kept, tc)
			}
		}
		all = kept
	}
	p.Searchable = find != "" || len(p.Topics) > topicsPerPage
	p.Pages = max(1, (len(all)+topicsPerPage-1)/topicsPerPage)
	p.Page = min(max(page, 1), p.Pages)
	lo := (p.Page - 1) * topicsPerPage
	shown := all[lo:min(lo+topicsPerPage, len(all))]
	// The chosen question stays in view, whatever the page.
	if p.Rubric != "" && !hasRubric(shown, p.Rubric) {
		for _, tc := range p.Topics {
			if hasRubric([]topicChoice{tc}, p.Rubric) {
				shown = append([]topicChoice{tc}, shown...)
				break
			}
		}
	}
	p.Topics = shown
}

func hasRubric(ts []topicChoice, id string) bool {
	for _, tc := range ts {
		for _, r := range tc.Rubrics {
			if r.ID == id {
				return true
			}
		}
	}
	return false
}

// homePage builds the home page with rubric chosen (none if it is not a
// question here) and essay in the box; a non-nil err is shown above the
// form.
func (h *handler) homePage(rubric, essay string, err *Error) homePage {
	return h.homePageOf(rubric, essay, err, "", 1)
}

// homePageOf is homePage showing the topics that match find, a page of
// them (see narrow).
func (h *handler) homePageOf(rubric, essay string, err *Error, find string, page int) homePage {
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
	p.narrow(find, page)
	return p
}
