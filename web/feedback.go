package web

import (
	"net/url"

	"github.com/rubricate/rubricate/rubrics"
)

// feedbackPage is the data of the feedback page.
type feedbackPage struct {
	base
	Rubric   *rubrics.Rubric
	Report   *rubrics.Report
	MaxLevel int
	Remarks  []string // the report's notes on the essay as a whole, less the cap already given
	Essay    string   // as received, for the revise box
	Marks    []markView
	Found    []evidenceView
	Missing  []evidenceView
	Problems []problemView
	Steps    []stepView
	Timeline timeline
	Changes  *changes // nil unless this is a re-check
	Draft    string   // this report's summary, for the next re-check
}

// evidenceView is one evidence item with where it was found and where to
// revise it.
type evidenceView struct {
	rubrics.Evidence
	Quotes   []string
	NotesURL string
}

// problemView is one problem, numbered as flagged in the essay.
type problemView struct {
	rubrics.Problem
	Number   int
	NotesURL string
}

// stepView is one next step with its notes passage.
type stepView struct {
	Text     string
	Source   *rubrics.Source
	NotesURL string
}

// feedbackPage builds the page for rep, the report on essay; previous is
// the draft summary posted by the revise form, if any.
func (h *handler) feedbackPage(r *rubrics.Rubric, rep *rubrics.Report, essay, previous string) feedbackPage {
	p := feedbackPage{
		base:   base{Title: "Feedback: " + r.Title, Nav: "check"},
		Rubric: r, Report: rep, Essay: essay,
		Marks: essayViews(segments(essay, clauseMarks(essay, rep)), rep),
		Draft: draftOf(rep).String(),
	}
	for _, n := range rep.Notes {
		if n != rep.Score.Capped {
			p.Remarks = append(p.Remarks, n)
		}
	}
	for _, l := range r.Levels {
		p.MaxLevel = max(p.MaxLevel, l.Level)
	}
	for _, ev := range rep.Evidence {
		v := evidenceView{Evidence: ev, NotesURL: notesURL(r.Topic, ev.Source)}
		seen := map[string]bool{}
		for _, m := range ev.Matches {
			if !seen[m.Text] {
				seen[m.Text] = true
				v.Quotes = append(v.Quotes, m.Text)
			}
		}
		if ev.Found {
			p.Found = append(p.Found, v)
		} else {
			p.Missing = append(p.Missing, v)
		}
	}
	for i, pr := range rep.Problems {
		p.Problems = append(p.Problems, problemView{Problem: pr, Number: i + 1, NotesURL: notesURL(r.Topic, pr.Source)})
	}
	for _, s := range rep.Steps {
		p.Steps = append(p.Steps, stepView{Text: s.Text, Source: s.Source, NotesURL: notesURL(r.Topic, s.Source)})
	}
	if len(p.Steps) == 0 {
		for _, s := range rep.NextSteps {
			p.Steps = append(p.Steps, stepView{Text: s})
		}
	}
	t, _ := h.lib.Topic(r.Topic)
	p.Timeline = buildTimeline(t, rep)
	if d, ok := parseDraft(previous); ok {
		p.Changes = compare(d, rep)
	}
	return p
}

// notesURL links to a passage of the notes page; empty without a source.
func notesURL(topic string, s *rubrics.Source) string {
	if s == nil {
		return ""
	}
	u := "/notes?topic=" + url.QueryEscape(topic)
	if s.Passage != "" {
		return u + "#" + s.Passage
	}
	return u
}
