package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
)

// showNewRubric handles "GET /teacher/rubrics/new": the editor for a new
// rubric, a copy of ?from=ID (a built-in rubric, one of the teacher's, or
// a published one) under a free id, or a starter on ?topic=ID.
func (h *handler) showNewRubric(c *gin.Context) error {
	ctx := c.Request.Context()
	p := h.newEditor(c, "")
	from := c.Query("from")
	var data []byte
	switch {
	case from == "":
		data = starterOn(h.lib, c.DefaultQuery("topic", h.defaultTopic), c.Query("question"))
		p.Notice = "A new rubric, not saved yet. Write the question, choose the evidence, then press Save."
	case h.lib.IsBuiltin(from):
		data, _ = rubrics.BuiltinYAML(from)
	default:
		rec, _, _ := h.shelf.Visible(ctx, session(c).Teacher.ID, from)
		if rec.ID == "" {
			return userError(codeNotFound, "There is no rubric %q to copy. Choose one from Your rubrics.", shorten(from, 80))
		}
		data = rec.YAML
	}
	base := "my-rubric"
	if from != "" {
		base = from
		p.Title = "Copy of " + from
		p.Notice = fmt.Sprintf("A copy of %s under a new id, not saved yet. Change what you need, then press Save.", from)
	}
	id, err := h.freeID(ctx, base)
	if err == nil {
		data, err = setValues(data, []edit{{"$.id", id}})
	}
	if err != nil {
		return err
	}
	h.load(p, data)
	h.renderEditor(c, http.StatusOK, p)
	return nil
}

// freeID finds an id for a copy of base that no rubric has.
func (h *handler) freeID(ctx context.Context, base string) (string, error) {
	base = strings.TrimSuffix(base, "-copy")
	if i := strings.LastIndex(base, "-copy-"); i > 0 {
		base = base[:i]
	}
	if len(base) > 48 {
		base = strings.TrimRight(base[:48], "-")
	}
	for n := 1; n < 100; n++ {
		id := base + "-copy"
		if base == "my-rubric" {
			id = base
		}
		if n > 1 {
			id = fmt.Sprintf("%s-%d", id, n)
		}
		if h.shelf.CheckRubricID(id) != nil {
			continue
		}
		_, err := h.store.Rubric(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return id, nil
		}
		if err != nil {
			return "", err
		}
	}
	return "", errors.New("no free rubric id")
}

// starterQuestion stands in for the question of a rubric started from
// scratch until the teacher writes theirs.
const starterQuestion = "Explain why... (write your question here)"

// starterMarks is the total of a rubric started from scratch.
const starterMarks = 12

// starterRubric is a valid rubric on a topic, for a teacher starting from
// scratch, with a question still to write.
func starterRubric(lib *rubrics.Library, topic string) []byte {
	return starterOn(lib, topic, "")
}

// starterOn is a valid rubric on a topic asking question (a placeholder
// when empty), built as rubrics.FromNotes builds one: every item of the
// topic, the standard criteria, and the question's own words as its focus,
// so that an essay on the question is known to be on it.
func starterOn(lib *rubrics.Library, topic, question string) []byte {
	t, ok := lib.Topic(topic)
	if !ok {
		return []byte("# Write your rubric here: start from a built-in one to see the format.\n")
	}
	question = strings.TrimSpace(question)
	r := rubrics.FromNotes(t, question, starterMarks)
	r.ID, r.Title, r.Words = "my-rubric", "My question", 450
	for i := range r.Criteria {
		// Left to its default, a share of the items, so that it stays
		// valid whichever items the teacher keeps.
		r.Criteria[i].Enough = 0
	}
	if question == "" {
		r.Question, r.Focus = starterQuestion, nil
	}
	data, err := marshalStarter(r)
	if err != nil { // a rubric built here always marshals
		return []byte("# Write your rubric here: start from a built-in one to see the format.\n")
	}
	return data
}

// marshalStarter writes a starter rubric as YAML with comments for the
// teacher, its lists of items on one line each. Focus is written even when
// empty, so that changing the question in the form can fill it in.
func marshalStarter(r *rubrics.Rubric) ([]byte, error) {
	var criteria []yaml.MapSlice
	for _, c := range r.Criteria {
		m := yaml.MapSlice{{Key: "id", Value: c.ID}, {Key: "name", Value: c.Name}, {Key: "kind", Value: c.Kind}, {Key: "marks", Value: c.Marks}}
		if len(c.Items) > 0 {
			m = append(m, yaml.MapItem{Key: "items", Value: flowList(c.Items)})
		}
		if c.Enough > 0 {
			m = append(m, yaml.MapItem{Key: "enough", Value: c.Enough})
		}
		criteria = append(criteria, m)
	}
	var levels []yaml.MapSlice
	for _, l := range r.Levels {
		var marks any = l.Marks.String()
		if l.Marks.Min == l.Marks.Max {
			marks = l.Marks.Min
		}
		levels = append(levels, yaml.MapSlice{{Key: "level", Value: l.Level}, {Key: "marks", Value: marks}, {Key: "descriptor", Value: l.Descriptor}})
	}
	doc := yaml.MapSlice{
		{Key: "id", Value: r.ID},
		{Key: "title", Value: r.Title},
		{Key: "topic", Value: r.Topic},
		{Key: "question", Value: r.Question},
		{Key: "marks", Value: r.Marks},
		{Key: "words", Value: r.Words},
		{Key: "focus", Value: flowList(r.Focus)},
		{Key: "criteria", Value: criteria},
		{Key: "levels", Value: levels},
	}
	comments := yaml.CommentMap{
		"$.id": {yaml.HeadComment(
			" A new rubric. Write the question, choose the evidence each criterion",
			" looks for (the form lists the topic's items), set the marks and the level",
			" descriptors, then press Save. Students see it once you publish it.")},
		"$.words": {yaml.HeadComment(" a sensible length for a full answer, in words")},
		"$.focus": {yaml.HeadComment(
			" words of the question, any one of which shows a sentence answers it;",
			" filled in from the question when you change it in the form")},
	}
	return yaml.MarshalWithOptions(doc, yaml.Indent(2), yaml.IndentSequence(true), yaml.WithComment(comments))
}

// flowList is a list of ids or rules written on one line: [a, b, c].
type flowList []string

// MarshalYAML writes the list in flow style.
func (l flowList) MarshalYAML() ([]byte, error) {
	parts := make([]string, len(l))
	for i, s := range l {
		parts[i] = yamlString(s)
	}
	return []byte("[" + strings.Join(parts, ", ") + "]"), nil
}

// focusEdit is the form's change to a rubric's focus when the question
// changes from orig's to question: the new question's words, as long as
// the focus is still the one drawn from the old question (a focus the
// teacher wrote is theirs) and data, the YAML, has a focus to replace.
func focusEdit(data []byte, orig *rubrics.Rubric, t *corpus.Topic, question string) []edit {
	question = normalizeText(question)
	if t == nil || question == orig.Question {
		return nil
	}
	if !slices.Equal(orig.Focus, rubrics.QuestionFocus(orig.Question, t)) {
		return nil
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil
	}
	p, err := yaml.PathString("$.focus")
	if err != nil {
		return nil
	}
	if _, err := p.FilterFile(file); err != nil {
		return nil
	}
	focus := rubrics.QuestionFocus(question, t)
	if focus == nil {
		focus = []string{}
	}
	return []edit{{"$.focus", focus}}
}
