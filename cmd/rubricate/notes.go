package main

import (
	"fmt"
	"html"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rubricate/rubricate/index"
	"github.com/rubricate/rubricate/rubrics"
)

// notesCmd is "rubricate notes search".
type notesCmd struct {
	*app
	in    string // one topic's id
	limit int
	src   sources
}

func (a *app) notesCommand() *cobra.Command {
	c := &notesCmd{app: a}
	cmd := &cobra.Command{Use: "notes", Short: "Search the revision notes"}
	search := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Search the notes; prints the best passages with their card and heading",
		Long: `Search the revision notes and print the best passages, each with its card,
its line in the notes and its heading.

Without --topic or --data the notes that come with rubricate are searched;
with them, the topics they add. When several topics are searched, each
passage names its topic; --in TOPIC-ID searches one topic alone.`,
		Example: `  rubricate notes search treaty aid
  rubricate notes search '"peaceful co-existence"'
  rubricate notes search --topic weimar/ "Kapp Putsch"
  rubricate notes search --data rubricate-data inflation
  rubricate notes search --data rubricate-data --in weimar-1919-23 "Kapp Putsch"`,
		Args: minArgs(1, "what should I search for? e.g. `rubricate notes search Ussuri`"),
		RunE: func(_ *cobra.Command, args []string) error { return c.search(strings.Join(args, " ")) },
	}
	search.Flags().StringVar(&c.in, "in", "", "search only the topic with the id `TOPIC-ID` (see the topics named in the results)")
	search.Flags().IntVarP(&c.limit, "limit", "n", 5, "how many passages to show")
	c.src.register(a, search, "", nil)
	c.src.idHint = func(id string) string {
		return fmt.Sprintf("to search it alone, give --in instead: `rubricate notes search --in %s QUERY`", id)
	}
	cmd.AddCommand(search)
	return cmd
}

// topicHit is a passage found, with the topic it is from.
type topicHit struct {
	topic string
	index.Hit
}

func (c *notesCmd) search(q string) error {
	if c.limit < 1 {
		return usageError("--limit %d shows nothing: give 1 or more", c.limit)
	}
	lib, err := c.library()
	if err != nil {
		return err
	}
	if err := c.src.load(lib); err != nil {
		return err
	}
	topics := lib.TopicIDs()
	switch {
	case c.in != "":
		if _, ok := lib.Topic(c.in); !ok {
			return usageError("--in %s: there is no topic %q: the topics are %s (add your own with --topic DIR or --data DIR)", c.in, c.in, strings.Join(topics, ", "))
		}
		topics = []string{c.in}
	case len(c.src.topics) > 0:
		topics = topics[:0]
		for _, t := range c.src.topics {
			topics = append(topics, t.id)
		}
	}
	var hits []topicHit
	for _, id := range topics {
		found, err := lib.SearchNotes(id, q, c.limit)
		if err != nil {
			return fmt.Errorf("internal error: searching %s: %v", id, err)
		}
		for _, h := range found {
			hits = append(hits, topicHit{id, h})
		}
	}
	// Best first across topics; a topic's own order breaks ties.
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	hits = hits[:min(len(hits), c.limit)]
	if len(hits) == 0 {
		fmt.Fprintf(c.stdout, "Nothing in the notes matches %q. Try fewer or different words.\n", q)
		return nil
	}
	s := style(c.color)
	for _, h := range hits {
		fmt.Fprintf(c.stdout, "%s  %s\n", s.bold(c.where(lib, topics, h)), h.Passage.Heading)
		text := h.Passage.Text
		if len(h.Fragments) > 0 {
			text = terminalMarks(h.Fragments[0], s)
		}
		fmt.Fprintln(c.stdout, indent(wrap(text, 74), "  "))
		fmt.Fprintln(c.stdout)
	}
	return nil
}

// where names a hit's place: its topic when several are searched, its
// card when the notes have several, and its line.
func (c *notesCmd) where(lib *rubrics.Library, topics []string, h topicHit) string {
	var parts []string
	if len(topics) > 1 {
		parts = append(parts, h.topic)
	}
	if t, ok := lib.Topic(h.topic); ok && len(t.Cards) > 1 {
		parts = append(parts, fmt.Sprintf("card %d", h.Passage.Card))
	}
	return strings.Join(append(parts, fmt.Sprintf("line %d", h.Passage.Line)), " · ")
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
