package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/rubricate/rubricate/rubrics"
)

// errNotesTooBig refuses notes over maxNotesBytes.
var errNotesTooBig = fmt.Errorf("the notes are larger than %d MB: is this the right file? Split long notes into several topics", maxNotesBytes>>20)

// draftCmd is "rubricate rubrics draft": an evidence catalogue drafted from
// a teacher's notes.
type draftCmd struct {
	*app
	notes, topic, title string
}

func (a *app) draftCommand() *cobra.Command {
	c := &draftCmd{app: a}
	cmd := &cobra.Command{
		Use:   "draft --notes FILE",
		Short: "Draft an evidence catalogue from your revision notes, to edit",
		Long: `Read revision notes (plain text or Markdown; cards end with lines such as
"1 of 7") and print a draft evidence catalogue: every passage that gives a
date or a figure becomes a suggested item with its rules. Save it as
catalogue.yaml beside the notes, then edit it: the rules are guesses.`,
		Example: `  rubricate rubrics draft --notes cold-war.txt --topic cold-war-1945-62 > catalogue.yaml`,
		Args:    cobra.NoArgs,
		RunE:    func(*cobra.Command, []string) error { return c.run() },
	}
	cmd.Flags().StringVar(&c.notes, "notes", "", "the notes file, or - for standard input (required)")
	cmd.Flags().StringVar(&c.topic, "topic", "", "topic id (default: from the file name)")
	cmd.Flags().StringVar(&c.title, "title", "", "topic title (default: the notes' first line)")
	return cmd
}

func (c *draftCmd) run() error {
	if c.notes == "" {
		return usageError("which notes? e.g. `rubricate rubrics draft --notes my-notes.txt`")
	}
	data, err := readInput(c.notes, c.stdin, maxNotesBytes, errNotesTooBig)
	if err != nil {
		return usageError("%s: %v", c.notes, err)
	}
	text := string(data)
	topic := c.topic
	if topic == "" && c.notes == "-" {
		return usageError("notes from standard input need a topic id: add --topic, e.g. --topic cold-war-1945-62")
	}
	if topic == "" {
		topic = rubrics.TopicID(c.notes)
	}
	title := c.title
	if title == "" {
		title = notesTitle(text)
	}
	draft, err := rubrics.DraftCatalogue(topic, title, text)
	if err != nil {
		return usageError("%s: %v", c.notes, err)
	}
	_, err = fmt.Fprint(c.stdout, string(draft))
	return err
}
