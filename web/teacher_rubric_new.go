package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
)

// showNewRubric handles "GET /teacher/rubrics/new": the editor for a new
// rubric, a copy of ?from=ID (a built-in rubric, one of the teacher's, or
// a published one) under a free id, or a starter on ?topic=ID.
func (h *handler) showNewRubric(c *gin.Context) {
	ctx := c.Request.Context()
	p := h.newEditor(c, "")
	from := c.Query("from")
	var data []byte
	switch {
	case from == "":
		data = starterRubric(h.lib, c.DefaultQuery("topic", h.defaultTopic))
		p.Notice = "A new rubric, not saved yet. Write the question, choose the evidence, then press Save."
	case h.lib.IsBuiltin(from):
		data, _ = rubrics.BuiltinYAML(from)
	default:
		rec, _, _ := h.shelf.visible(ctx, session(c).Teacher.ID, from)
		if rec.ID == "" {
			h.pageError(c, userError(codeNotFound, "There is no rubric %q to copy. Choose one from Your rubrics.", shorten(from, 80)))
			return
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
		h.pageError(c, err)
		return
	}
	h.load(p, data)
	h.renderEditor(c, http.StatusOK, p)
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
		if h.shelf.checkRubricID(id) != nil {
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

// starterRubric is a small valid rubric on a topic, for a teacher starting
// from scratch.
func starterRubric(lib *rubrics.Library, topic string) []byte {
	t, ok := lib.Topic(topic)
	if !ok {
		return []byte("# Write your rubric here: start from a built-in one to see the format.\n")
	}
	var items, causes []string
	for _, it := range t.Items {
		switch {
		case it.Kind == corpus.KindCause && len(causes) < 3:
			causes = append(causes, it.ID)
		case it.Kind != corpus.KindCause && len(items) < 4:
			items = append(items, it.ID)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `# A new rubric. Write the question, choose the evidence each criterion
# looks for (the form lists the topic's items), set the marks and the level
# descriptors, then press Save. Students see it once you publish it.
id: my-rubric
title: My question
topic: %s
question: %s
marks: 12
# a sensible length for a full answer, in words
words: 450
criteria:
  - id: knowledge
    name: Knowledge and use of evidence
    kind: evidence
    marks: 6
    items: [%s]
`, t.ID, yamlString("Explain why... (write your question here)"), strings.Join(items, ", "))
	analysis := 6
	if len(causes) > 0 {
		analysis = 3
		fmt.Fprintf(&b, `  - id: causes
    name: Range of causes
    kind: causes
    marks: 3
    items: [%s]
`, strings.Join(causes, ", "))
	}
	fmt.Fprintf(&b, `  - id: analysis
    name: Analysis and explanation
    kind: analysis
    marks: %d
levels:
  - level: 4
    marks: 10-12
    descriptor: Precise, well-selected evidence supports sustained analysis and a substantiated judgement.
  - level: 3
    marks: 7-9
    descriptor: Accurate evidence supports analysis of several reasons, with links to the question.
  - level: 2
    marks: 4-6
    descriptor: Mostly descriptive, with some relevant knowledge and few links to the question.
  - level: 1
    marks: 1-3
    descriptor: Limited, general knowledge with little relevance to the question.
  - level: 0
    marks: 0
    descriptor: Nothing worthy of credit.
`, analysis)
	return []byte(b.String())
}
