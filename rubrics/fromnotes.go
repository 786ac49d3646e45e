package rubrics

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/rubricate/rubricate/corpus"
)

// DraftTopic builds a topic from a teacher's notes alone, with the
// catalogue that DraftCatalogue drafts: what `check --notes` and
// `eval --notes` use, with no set-up.
func DraftTopic(id, title, notes string) (*corpus.Topic, error) {
	cat, err := DraftCatalogue(id, title, notes)
	if err != nil {
		return nil, err
	}
	t, err := corpus.Parse(id+" (drafted from the notes)", cat, notes)
	if err != nil {
		return nil, fmt.Errorf("the catalogue drafted from the notes does not validate: %w", err)
	}
	return t, nil
}

// TopicID makes a topic id from a notes file's name: "Weimar notes.md"
// becomes "weimar-notes", and "weimar-1919-23/notes.txt" "weimar-1919-23".
func TopicID(file string) string {
	slug := func(s string) string { return strings.Trim(nonID.ReplaceAllString(strings.ToLower(s), "-"), "-") }
	id := slug(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))
	if id == "notes" || id == "" {
		id = slug(filepath.Base(filepath.Dir(file)))
	}
	if id == "" || id == "notes" {
		id = "my-notes"
	}
	if len(id) > 60 {
		id = strings.TrimRight(id[:60], "-")
	}
	return id
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

// FromNotes builds a rubric on topic t. Without a question it asks for
// every item of the notes, like the bundled overview rubric; with one it
// has the standard criteria of an essay question, and the question's own
// words (those the notes use too) show that an essay is on it. marks is
// the question's total (20 if zero).
func FromNotes(t *corpus.Topic, question string, marks int) *Rubric {
	if marks <= 0 {
		marks = 20
	}
	var evidence, causes []string
	for _, it := range t.Items {
		if it.Kind == corpus.KindCause {
			causes = append(causes, it.ID)
		} else {
			evidence = append(evidence, it.ID)
		}
	}
	r := &Rubric{
		ID:       t.ID + "-overview",
		Title:    t.Title,
		Topic:    t.ID,
		Question: question,
		Marks:    marks,
		Words:    600,
	}
	if question == "" {
		r.Question = t.Title + ": what happened and why?"
	} else {
		r.ID = t.ID + "-question"
		r.Focus = questionFocus(question, t)
	}
	// Shares of the marks as in the bundled rubrics: knowledge the most,
	// then causes, analysis, judgement and accuracy.
	shares := []struct {
		id, name, kind string
		share          float64
		items          []string
	}{
		{"knowledge", "Knowledge and use of evidence", KindEvidence, 0.4, evidence},
		{"causes", "Range of causes", KindCauses, 0.2, causes},
		{"analysis", "Analysis and explanation", KindAnalysis, 0.2, nil},
		{"judgement", "Supported judgement", KindJudgement, 0.1, nil},
		{"accuracy", "Accuracy of dates and figures", KindAccuracy, 0.1, nil},
	}
	// Criteria without items (no causes in the notes) are left out, and
	// the others share their marks in the same proportions.
	kept := shares[:0]
	total := 0.0
	for _, s := range shares {
		if s.kind == KindCauses && len(causes) == 0 || s.kind == KindEvidence && len(evidence) == 0 {
			continue
		}
		kept = append(kept, s)
		total += s.share
	}
	left := marks
	for i, s := range kept {
		m := max(1, int(float64(marks)*s.share/total+0.5))
		if i == len(kept)-1 || m > left {
			m = left
		}
		if m <= 0 {
			break
		}
		left -= m
		c := Criterion{ID: s.id, Name: s.name, Kind: s.kind, Marks: m, Items: s.items}
		if len(s.items) > 0 {
			// As many as a full answer of the expected length uses: a
			// piece of evidence for every thirty words or so, and three
			// causes.
			c.Enough = min(len(s.items), max(3, r.Words/30))
			if s.kind == KindCauses {
				c.Enough = min(len(s.items), 3)
			}
		}
		r.Criteria = append(r.Criteria, c)
	}
	if left > 0 { // marks too few for every criterion: knowledge takes the rest
		r.Criteria[0].Marks += left
	}
	r.Levels = bands(marks)
	return r
}

// bands divides marks into the five levels, in the proportions of a
// 20-mark question (0, 1-5, 6-10, 11-15, 16-20).
func bands(marks int) []Level {
	descriptors := []string{
		"Nothing worthy of credit.",
		"Limited, general knowledge with little relevance to the question.",
		"Mostly descriptive, with some relevant knowledge and few links to the question.",
		"Accurate evidence supports analysis of several reasons, with links to the question.",
		"Precise, well-selected evidence supports sustained analysis and a substantiated judgement.",
	}
	levels := []Level{{Level: 0, Marks: Band{Min: 0, Max: 0}, Descriptor: descriptors[0]}}
	lo := 1
	for n := 1; n <= 4; n++ {
		hi := (marks*n + 2) / 4
		if n == 4 {
			hi = marks
		}
		hi = max(hi, lo)
		levels = append(levels, Level{Level: n, Marks: Band{Min: lo, Max: hi}, Descriptor: descriptors[n]})
		lo = hi + 1
	}
	// Highest first, as rubrics are written.
	for i, j := 0, len(levels)-1; i < j; i, j = i+1, j-1 {
		levels[i], levels[j] = levels[j], levels[i]
	}
	return levels
}

// questionFocus returns the rules that show an essay is on the question:
// the question's content words that the notes use too, any one of them.
func questionFocus(question string, t *corpus.Topic) []string {
	inNotes := map[string]bool{}
	for _, w := range wordsOf(t.Notes) {
		inNotes[w] = true
	}
	var words []string
	seen := map[string]bool{}
	for _, w := range wordsOf(question) {
		if len(w) < 4 || stopWords[w] || questionWords[w] || seen[w] || !inNotes[w] {
			continue
		}
		seen[w] = true
		words = append(words, w)
	}
	if len(words) == 0 {
		return nil
	}
	return []string{strings.Join(words, "|")}
}

// wordsOf returns the words of s in lower case.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// questionWords are the words of a question's command, not its subject.
var questionWords = map[string]bool{
	"agree": true, "extent": true, "explain": true, "main": true, "reason": true, "reasons": true,
	"cause": true, "causes": true, "important": true, "significant": true, "years": true,
	"assess": true, "evaluate": true, "discuss": true, "consider": true, "were": true, "which": true,
}
