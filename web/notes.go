package web

import (
	"html"
	"html/template"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/index"
)

// notesLimit is how many passages a search shows.
const notesLimit = 20

// notesPage is the data of the notes page: every card, or search results.
type notesPage struct {
	base
	Topic  *corpus.Topic
	Others []topicRef // the other topics whose notes can be read
	Query  string
	// Everywhere is set when the search spans every topic's notes.
	Everywhere bool
	// Examples are searches drawn from the topic's own notes, for the hint.
	Examples []string
	Cards    []cardView
	Results  []resultView
	Error    *Error
}

// cardView is a card of the notes, its passages grouped under headings.
type cardView struct {
	Number   int
	Title    string
	Sections []sectionView
}

type sectionView struct {
	Heading  string
	Passages []corpus.Passage
}

// resultView is one passage found by a search.
type resultView struct {
	Passage   corpus.Passage
	Fragments []template.HTML
	// TopicID and TopicTitle name the passage's topic.
	TopicID, TopicTitle string
}

// showNotes handles "GET /notes" (the notes by card) and "GET /notes?q="
// (search with highlighted fragments).
func (h *handler) showNotes(c *gin.Context) {
	h.shelf.Refresh(c.Request.Context())
	id := c.DefaultQuery("topic", h.defaultTopic)
	t, ok := h.lib.Topic(id)
	if !ok {
		h.pageError(c, userError(codeNotFound, "There are no notes for the topic %q. Open the notes from the menu above.", id))
		return
	}
	p := notesPage{base: base{Title: "Revision notes", Nav: "notes"}, Topic: t, Query: strings.TrimSpace(c.Query("q")), Examples: searchExamples(t)}
	for _, other := range h.lib.TopicIDs() {
		if title, ok := h.lib.TopicTitle(other); ok && other != t.ID {
			p.Others = append(p.Others, topicRef{ID: other, Title: title})
		}
	}
	if p.Query == "" {
		p.Cards = cardsOf(t)
		h.render(c, http.StatusOK, "notes", p)
		return
	}
	p.Title = "Search the notes: " + p.Query
	if len(p.Query) > maxQuery {
		e, status := h.resolve(c, userError(codeBadRequest,
			"That search is too long. Search for a few words, a name or a year%s.", suchAs(p.Examples)))
		p.Error = e
		h.render(c, status, "notes", p)
		return
	}
	p.Everywhere = c.Query("in") == "all"
	topics := []string{t.ID}
	if p.Everywhere {
		topics = h.lib.TopicIDs()
	}
	type found struct {
		hit   index.Hit
		topic *corpus.Topic
	}
	var all []found
	for _, id := range topics {
		tp, ok := h.lib.Topic(id)
		if !ok {
			continue
		}
		hits, err := h.lib.SearchNotes(id, p.Query, notesLimit)
		if err != nil {
			h.pageError(c, err)
			return
		}
		for _, hit := range hits {
			all = append(all, found{hit, tp})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].hit.Score > all[j].hit.Score })
	if len(all) > notesLimit {
		all = all[:notesLimit]
	}
	for _, f := range all {
		hit := f.hit
		r := resultView{Passage: hit.Passage, TopicID: f.topic.ID, TopicTitle: f.topic.Title}
		for _, f := range hit.Fragments {
			r.Fragments = append(r.Fragments, safeFragment(f))
		}
		if len(r.Fragments) == 0 {
			r.Fragments = []template.HTML{template.HTML(html.EscapeString(hit.Passage.Text))}
		}
		p.Results = append(p.Results, r)
	}
	h.render(c, http.StatusOK, "notes", p)
}

// searchExamples draws up to three example searches from a topic's notes:
// a name, a year and a short heading, whichever the notes have.
func searchExamples(t *corpus.Topic) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) bool {
		s = strings.TrimSpace(s)
		if s == "" || seen[strings.ToLower(s)] {
			return false
		}
		seen[strings.ToLower(s)] = true
		out = append(out, s)
		return true
	}
	for _, n := range t.Names {
		if w := strings.Fields(n.Name); len(w) >= 1 && len(w) <= 2 && add(n.Name) {
			break
		}
	}
	for _, it := range t.Items {
		if y, _, ok := yearsOf(it.Dates); ok && add(strconv.Itoa(y)) {
			break
		}
	}
	for _, c := range t.Cards {
		found := false
		for _, h := range c.Headings {
			w := strings.Fields(h.Text)
			if len(w) >= 2 && len(w) <= 4 && !strings.ContainsAny(h.Text, "0123456789\"") && add(`"`+h.Text+`"`) {
				found = true
				break
			}
		}
		if found {
			break
		}
	}
	if len(out) < 2 { // notes without names or dates: a word of a passage
		for _, p := range t.Passages {
			for _, w := range strings.Fields(p.Text) {
				w = strings.Trim(w, ".,;:!?()'\"")
				if len([]rune(w)) >= 6 && unicode.IsUpper([]rune(w)[0]) && add(w) {
					break
				}
			}
			if len(out) >= 2 {
				break
			}
		}
	}
	return out
}

// suchAs writes examples for a message: ", such as A, B or C", or nothing.
func suchAs(examples []string) string {
	switch len(examples) {
	case 0:
		return ""
	case 1:
		return ", such as " + examples[0]
	default:
		return ", such as " + strings.Join(examples[:len(examples)-1], ", ") + " or " + examples[len(examples)-1]
	}
}

// cardsOf groups a topic's passages by card and heading.
func cardsOf(t *corpus.Topic) []cardView {
	var out []cardView
	for _, card := range t.Cards {
		cv := cardView{Number: card.Number, Title: card.Title}
		for _, i := range card.Passages {
			if i < 0 || i >= len(t.Passages) {
				continue
			}
			ps := t.Passages[i]
			if n := len(cv.Sections); n == 0 || cv.Sections[n-1].Heading != ps.Heading {
				cv.Sections = append(cv.Sections, sectionView{Heading: ps.Heading})
			}
			s := &cv.Sections[len(cv.Sections)-1]
			s.Passages = append(s.Passages, ps)
		}
		out = append(out, cv)
	}
	return out
}

// safeFragment rebuilds a search fragment so that <mark> and </mark> are
// its only markup, whatever the search library did or did not escape.
func safeFragment(f string) template.HTML {
	text := func(s string) string {
		return html.EscapeString(html.UnescapeString(strings.ReplaceAll(s, "</mark>", "")))
	}
	var b strings.Builder
	for i, piece := range strings.Split(f, "<mark>") {
		inner, rest, closed := strings.Cut(piece, "</mark>")
		if i == 0 || !closed {
			b.WriteString(text(piece))
			continue
		}
		b.WriteString("<mark>" + text(inner) + "</mark>" + text(rest))
	}
	return template.HTML(b.String()) // every piece above is escaped
}
