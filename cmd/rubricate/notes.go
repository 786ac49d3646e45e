package main

import (
	"fmt"
	"html"
	"strings"

	"github.com/spf13/cobra"
)

// notesCmd is "rubricate notes search".
type notesCmd struct {
	*app
	topic string
	limit int
}

func (a *app) notesCommand() *cobra.Command {
	c := &notesCmd{app: a}
	cmd := &cobra.Command{Use: "notes", Short: "Search the revision notes"}
	search := &cobra.Command{
		Use:     "search QUERY...",
		Short:   "Search the notes; prints the best passages with their card and heading",
		Example: `  rubricate notes search treaty aid\n  rubricate notes search '"peaceful co-existence"'`,
		Args:    minArgs(1, "what should I search for? e.g. `rubricate notes search Ussuri`"),
		RunE:    func(_ *cobra.Command, args []string) error { return c.search(strings.Join(args, " ")) },
	}
	search.Flags().StringVar(&c.topic, "topic", "sino-soviet-relations-1949-76", "topic id")
	search.Flags().IntVarP(&c.limit, "limit", "n", 5, "how many passages to show")
	cmd.AddCommand(search)
	return cmd
}

func (c *notesCmd) search(q string) error {
	lib, err := c.library()
	if err != nil {
		return err
	}
	idx, ok := lib.Index(c.topic)
	if !ok {
		return usageError("unknown topic %q (topics: %s)", c.topic, strings.Join(lib.TopicIDs(), ", "))
	}
	hits, err := idx.Search(q, c.limit)
	if err != nil {
		return err
	}
	if len(hits) == 0 {
		fmt.Fprintf(c.stdout, "Nothing in the notes matches %q. Try fewer or different words.\n", q)
		return nil
	}
	s := style(c.color)
	for _, h := range hits {
		fmt.Fprintf(c.stdout, "%s  %s\n", s.bold(fmt.Sprintf("card %d", h.Passage.Card)), h.Passage.Heading)
		text := h.Passage.Text
		if len(h.Fragments) > 0 {
			text = terminalMarks(h.Fragments[0], s)
		}
		fmt.Fprintln(c.stdout, indent(wrap(text, 74), "  "))
		fmt.Fprintln(c.stdout)
	}
	return nil
}

// terminalMarks turns bleve's HTML highlight into terminal emphasis.
func terminalMarks(fragment string, s style) string {
	open, closeTag := "[", "]"
	if s {
		open, closeTag = "\x1b[1;32m", "\x1b[0m"
	}
	fragment = strings.NewReplacer("<mark>", open, "</mark>", closeTag).Replace(fragment)
	return html.UnescapeString(fragment)
}
