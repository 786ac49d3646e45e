package main

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/rubricate/rubricate/rubrics"
)

// style wraps text in terminal colours when colour is on.
type style bool

func (s style) wrap(code, text string) string {
	if !s {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}
func (s style) bold(t string) string   { return s.wrap("1", t) }
func (s style) green(t string) string  { return s.wrap("32", t) }
func (s style) red(t string) string    { return s.wrap("31", t) }
func (s style) yellow(t string) string { return s.wrap("33", t) }
func (s style) dim(t string) string    { return s.wrap("2", t) }

// writeText prints a report for a terminal: the mark and level first, then
// the criteria, the evidence used (quoted in context), what is wrong, what
// is missing with its notes passage, and next steps.
func writeText(w io.Writer, r *rubrics.Report, essay string, color bool) {
	s := style(color)
	if r.File != "" {
		fmt.Fprintln(w, s.bold(r.File))
	}
	fmt.Fprintf(w, "%s  %s\n", s.bold(r.Rubric.Title), s.dim("("+r.Rubric.ID+")"))
	fmt.Fprintf(w, "Question: %s\n\n", r.Rubric.Question)
	fmt.Fprintf(w, "%s  %s\n", s.bold(fmt.Sprintf("Mark %d/%d", r.Score.Points, r.Score.Max)), s.bold(fmt.Sprintf("Level %d", r.Score.Level)))
	fmt.Fprintln(w, indent(wrap(r.Score.Descriptor, 76), "  "))
	if r.Score.Explanation != "" {
		fmt.Fprintln(w, indent(wrap(r.Score.Explanation, 76), "  "))
	}
	fmt.Fprintf(w, "  %s\n", s.dim(plural(r.Essay.Words, "word")+", "+plural(r.Essay.Sentences, "sentence")+", "+plural(r.Essay.Paragraphs, "paragraph")))
	for _, n := range r.Notes {
		fmt.Fprintln(w, indent(wrap("Note: "+n, 76), "  "))
	}
	if q := r.BetterQuestion; q != nil {
		fmt.Fprintln(w, indent(wrap(fmt.Sprintf("This essay answers another question better: %q (%s), where it reaches level %d. If that is the question you were set, check it against that: --rubric %s", q.Question, q.Title, q.Level, q.ID), 76), "  "))
	}

	fmt.Fprintln(w, "\n"+s.bold("Criteria"))
	for _, c := range r.Criteria {
		fmt.Fprintf(w, "  %-34s %2d/%d\n", c.Name, c.Points, c.Max)
		fmt.Fprintln(w, indent(wrap(c.Feedback, 72), "      "))
	}

	var found, missing []rubrics.Evidence
	for _, e := range r.Evidence {
		if e.Found {
			found = append(found, e)
		} else {
			missing = append(missing, e)
		}
	}
	fmt.Fprintf(w, "\n%s\n", s.bold(fmt.Sprintf("Evidence used (%d of %d)", len(found), len(r.Evidence))))
	if len(found) == 0 {
		fmt.Fprintln(w, "  none yet")
	}
	for _, e := range found {
		mark := s.green("✓")
		if e.Credit == "partial" {
			mark = s.yellow("~")
		}
		line := fmt.Sprintf("  %s %s", mark, e.Label)
		if e.Credit == "partial" {
			line += s.dim("  (listed, not explained: half credit)")
		}
		fmt.Fprintln(w, line)
		if len(e.Matches) > 0 {
			fmt.Fprintf(w, "      %s\n", quote(essay, e.Matches[0], s))
		}
	}

	if len(r.Problems) > 0 {
		fmt.Fprintf(w, "\n%s\n", s.bold(fmt.Sprintf("To correct (%d)", len(r.Problems))))
		for _, p := range r.Problems {
			fmt.Fprintf(w, "  %s line %d: %s\n", s.red("!"), lineOf(essay, p.Start), quote(essay, rubrics.Match{Start: p.Start, End: p.End, Text: p.Text}, s))
			fmt.Fprintln(w, indent(wrap(p.Message, 72), "      "))
		}
	}

	if len(missing) > 0 {
		fmt.Fprintf(w, "\n%s\n", s.bold(fmt.Sprintf("Not used yet (%d)", len(missing))))
		for _, e := range missing {
			fmt.Fprintf(w, "  %s %s\n", s.dim("·"), e.Label)
			if e.Source != nil {
				fmt.Fprintln(w, indent(wrap(fmt.Sprintf("notes card %d, %s: %s", e.Source.Card, e.Source.Heading, e.Source.Text), 72), "      "))
			}
		}
	}

	if len(r.NextSteps) > 0 {
		fmt.Fprintf(w, "\n%s\n", s.bold("Next steps"))
		for i, n := range r.NextSteps {
			fmt.Fprintln(w, indent(wrap(fmt.Sprintf("%d. %s", i+1, n), 74), "  "))
		}
	}
}

var spaces = regexp.MustCompile(`\s+`)

// quote quotes a match with some of the essay around it, on one line.
func quote(essay string, m rubrics.Match, s style) string {
	const around = 40
	start, end := m.Start, m.End
	if start < 0 || end > len(essay) || start > end {
		return m.Text
	}
	from := start
	for n := 0; from > 0 && n < around; n++ {
		_, size := utf8.DecodeLastRuneInString(essay[:from])
		from -= size
	}
	to := end
	for n := 0; to < len(essay) && n < around; n++ {
		_, size := utf8.DecodeRuneInString(essay[to:])
		to += size
	}
	flat := func(t string) string { return spaces.ReplaceAllString(t, " ") }
	pre, post := "", ""
	if from > 0 {
		pre = "…"
	}
	if to < len(essay) {
		post = "…"
	}
	hl := s.bold(s.green(essay[start:end]))
	if !s {
		hl = "[" + essay[start:end] + "]"
	}
	return pre + flat(essay[from:start]) + hl + flat(essay[end:to]) + post
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func lineOf(text string, offset int) int {
	if offset > len(text) {
		offset = len(text)
	}
	return strings.Count(text[:offset], "\n") + 1
}

// wrap breaks text into lines of at most width characters.
func wrap(text string, width int) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(text) {
		l := utf8.RuneCountInString(word)
		if i > 0 {
			if n+1+l > width {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(word)
		n += l
	}
	return b.String()
}

func indent(text, pad string) string {
	return pad + strings.ReplaceAll(text, "\n", "\n"+pad)
}
