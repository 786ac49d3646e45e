package rubrics

import "github.com/rubricate/rubricate/corpus"

// QuestionFocus returns the focus rules for a question on topic t: the
// question's content words that the notes use too, any one of them, as
// FromNotes writes them. It is nil when the question shares no such word
// with the notes.
func QuestionFocus(question string, t *corpus.Topic) []string {
	if t == nil {
		return nil
	}
	return questionFocus(question, t)
}
