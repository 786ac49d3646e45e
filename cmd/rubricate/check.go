package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rubricate/rubricate/corpus/yamlfile"
	"github.com/rubricate/rubricate/rubrics"
)

const defaultRubric = "sino-soviet-overview"

// checkCmd is "rubricate check".
type checkCmd struct {
	*app
	rubric    string
	format    string
	failUnder int
	// A teacher's own notes, with no set-up: the topic is drafted from
	// them, and the rubric from the question (or every item, without one).
	notes    string
	question string
	marks    int
	src      sources // --topic and --data
}

func (a *app) checkCommand() *cobra.Command {
	c := &checkCmd{app: a}
	cmd := &cobra.Command{
		Use:   "check [flags] ESSAY...",
		Short: "Check essays (files, folders or - for standard input) against a rubric",
		Long: `Check one or more essays against a rubric and print the mark, the level,
feedback for each criterion, the evidence used and missing (with the notes
passage to revise from), wrong facts and next steps.

ESSAY is a .txt or .md file, a folder of them, or - to read standard input.

With --notes, the essays are checked against your own revision notes, with
nothing to set up: the evidence is drafted from the notes, and the rubric
has the usual criteria for --question (or asks for everything in the notes,
without one).

Exit status: 0 when every essay was checked (and reached --fail-under),
1 when an essay is below --fail-under, 2 when an essay or the rubric could
not be read.`,
		Example: `  rubricate check essay.txt
  rubricate check --rubric sino-soviet-split essays/
  rubricate check --rubric my-rubric.yaml --format json essay.txt
  rubricate check --notes weimar.md --question "How far was the Treaty of Versailles the main reason for the crisis of 1919-23?" essay.txt
  pbpaste | rubricate check -`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("fail-under") && (c.failUnder < 0 || c.failUnder > maxLevel) {
				return usageError("--fail-under %d is not a level: give a level from 0 to %d", c.failUnder, maxLevel)
			}
			switch {
			case c.notes != "" && cmd.Flags().Changed("rubric"):
				return usageError("give --rubric or --notes, not both: --notes makes a rubric from your notes")
			case c.notes == "" && cmd.Flags().Changed("question"):
				return errNoNotesTopic("--question")
			case c.notes == "" && cmd.Flags().Changed("marks"):
				return errNoNotesTopic("--marks")
			case c.marks < 1 || c.marks > 200:
				return usageError("--marks %d is not a question's total: give a number from 1 to 200", c.marks)
			}
			return c.run(cmd.Context(), args)
		},
	}
	cmd.Flags().StringVarP(&c.rubric, "rubric", "r", defaultRubric, "rubric id (see `rubricate rubrics list`) or a rubric YAML file")
	cmd.Flags().StringVarP(&c.format, "format", "f", "text", "output format: text, json or csv")
	cmd.Flags().IntVar(&c.failUnder, "fail-under", -1, "exit 1 if any essay is below this level (0-4)")
	cmd.Flags().StringVar(&c.notes, "notes", "", "your own revision notes (plain text or Markdown) to check against, instead of --rubric")
	cmd.Flags().StringVar(&c.question, "question", "", "with --notes: the question the essays answer")
	cmd.Flags().IntVar(&c.marks, "marks", 20, "with --notes: the question's marks")
	c.src.register(a, cmd, "rubric", &c.rubric)
	return cmd
}

// maxLevel is the highest level a rubric gives.
const maxLevel = 4

func (c *checkCmd) run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError("which essay? Give a file, a folder or - for standard input, e.g. `rubricate check essay.txt`")
	}
	switch c.format {
	case "text", "json", "csv":
	default:
		return usageError("unknown format %q: use text, json or csv", c.format)
	}
	lib, err := c.library()
	if err != nil {
		return fmt.Errorf("internal error: %v", err)
	}
	if err := c.src.load(lib); err != nil {
		return err
	}
	var rubric *rubrics.Rubric
	if c.notes != "" {
		t, err := c.notesTopic(lib, c.notes)
		if err != nil {
			return err
		}
		rubric = rubrics.FromNotes(t, c.question, c.marks)
	} else if rubric, err = loadRubric(lib, c.rubric); err != nil {
		return err
	}
	essays := readEssays(args, c.stdin)
	var reports []*rubrics.Report
	bad, below := 0, 0
	for i := range essays {
		e := &essays[i]
		if e.err == nil {
			rep, err := lib.CheckContext(ctx, rubric, e.text)
			if ctx.Err() != nil {
				return errStopped
			}
			if err != nil {
				e.err = err
			} else {
				rep.File = e.name
				reports = append(reports, rep)
				if c.failUnder >= 0 && rep.Score.Level < c.failUnder {
					below++
				}
				continue
			}
		}
		bad++
		fmt.Fprintf(c.stderr, "rubricate: %s: %v\n", e.name, e.err)
		reports = append(reports, nil)
	}
	if err := c.print(essays, reports); err != nil {
		return err
	}
	switch {
	case bad > 0:
		return &exitError{code: exitBadInput}
	case below > 0:
		return &exitError{code: exitBelowBar, msg: fmt.Sprintf("%d essay(s) below level %d", below, c.failUnder)}
	}
	return nil
}

func (c *checkCmd) print(essays []essayFile, reports []*rubrics.Report) error {
	switch c.format {
	case "json":
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		if len(essays) == 1 {
			if reports[0] == nil {
				return enc.Encode(map[string]string{"file": essays[0].name, "error": essays[0].err.Error()})
			}
			return enc.Encode(reports[0])
		}
		out := make([]any, len(essays))
		for i, r := range reports {
			if r == nil {
				out[i] = map[string]string{"file": essays[i].name, "error": essays[i].err.Error()}
			} else {
				out[i] = r
			}
		}
		return enc.Encode(out)
	case "csv":
		return writeCSV(c.stdout, essays, reports)
	}
	first := true
	for i, r := range reports {
		if r == nil {
			continue
		}
		if !first {
			fmt.Fprintln(c.stdout)
		}
		first = false
		writeText(c.stdout, r, essays[i].text, c.color)
	}
	return nil
}

// loadRubric resolves --rubric: a known id, or a YAML file.
func loadRubric(lib *rubrics.Library, ref string) (*rubrics.Rubric, error) {
	if r, ok := lib.Rubric(ref); ok {
		return r, nil
	}
	looksLikeFile := strings.ContainsAny(ref, `/\`) || strings.HasSuffix(ref, ".yaml") || strings.HasSuffix(ref, ".yml")
	if !looksLikeFile {
		return nil, usageError("unknown rubric %q: see `rubricate rubrics list`, or give a rubric YAML file", ref)
	}
	f, err := openInput(ref)
	if err != nil {
		return nil, usageError("rubric %s: %v", ref, err)
	}
	defer f.Close()
	r, err := rubrics.Parse(ref, f, lib)
	if err != nil {
		return nil, usageError("the rubric has errors; fix them and try again:\n%s", detail(err))
	}
	return r, nil
}

// detail shows rubric errors with their lines.
func detail(err error) string {
	var list yamlfile.Errors
	var one *yamlfile.Error
	switch {
	case errors.As(err, &list):
		lines := make([]string, len(list))
		for i, e := range list {
			lines[i] = e.Detail()
		}
		return strings.Join(lines, "\n")
	case errors.As(err, &one):
		return one.Detail()
	}
	return err.Error()
}
