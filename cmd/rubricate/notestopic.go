package main

import (
	"strings"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
)

// notesTopic drafts a topic from a teacher's notes file (or - for standard
// input) and adds it to the library: the zero set-up of `check --notes`
// and `eval --notes`.
func (a *app) notesTopic(lib *rubrics.Library, file string) (*corpus.Topic, error) {
	data, err := readInput(file, a.stdin, maxNotesBytes, errNotesTooBig)
	if err != nil {
		return nil, usageError("%s: %v", file, err)
	}
	text := string(data)
	t, err := rubrics.DraftTopic(rubrics.TopicID(file), notesTitle(text), text)
	if err != nil {
		return nil, usageError("%s: %v", file, err)
	}
	if err := lib.AddTopic(t); err != nil {
		return nil, usageError("%s: %v", file, err)
	}
	return t, nil
}

// notesTitle is the notes' first line, without Markdown's heading marks.
func notesTitle(notes string) string {
	for _, l := range strings.Split(notes, "\n") {
		if l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "#")); l != "" {
			return l
		}
	}
	return "My notes"
}

// errNoNotesTopic is the message for flags that need --notes.
func errNoNotesTopic(flag string) error {
	return usageError("%s goes with --notes: e.g. `rubricate check --notes my-notes.txt %s ... essay.txt`", flag, flag)
}
