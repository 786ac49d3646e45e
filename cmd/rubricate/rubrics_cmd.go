package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/goccy/go-yaml"
	"github.com/spf13/cobra"

	"github.com/rubricate/rubricate/rubrics"
)

// rubricsCmd is "rubricate rubrics list|show|validate". Each subcommand
// takes --topic and --data, with its own flags.
type rubricsCmd struct {
	*app
	listSrc, showSrc, validateSrc sources
}

func (a *app) rubricsCommand() *cobra.Command {
	c := &rubricsCmd{app: a}
	cmd := &cobra.Command{
		Use:   "rubrics",
		Short: "List, show and validate rubrics",
	}
	list := &cobra.Command{
		Use:   "list",
		Short: "List the rubrics that can be used with --rubric",
		Example: `  rubricate rubrics list
  rubricate rubrics list --data rubricate-data`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return c.list() },
	}
	show := &cobra.Command{
		Use:   "show ID",
		Short: "Print a rubric as YAML (a starting point for your own)",
		Example: `  rubricate rubrics show sino-soviet-split
  rubricate rubrics show --data rubricate-data ms-khan-weimar`,
		Args: exactArgs(1, "give one rubric id, e.g. `rubricate rubrics show sino-soviet-split`"),
		RunE: func(_ *cobra.Command, args []string) error { return c.show(args[0]) },
	}
	validate := &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check rubric YAML files (- for standard input) and report every problem at its line",
		Long: `Check rubric YAML files (- for standard input) and report every problem
at its file:line:col. A rubric on a topic of your own needs the topic:
give its folder with --topic (its catalogue is checked too, and with no
files only the topic is), or the server's data folder with --data.`,
		Example: `  rubricate rubrics validate my-rubric.yaml
  rubricate rubrics show sino-soviet-split | rubricate rubrics validate -
  rubricate rubrics validate --topic weimar/ my-rubric.yaml
  rubricate rubrics validate --topic weimar/
  rubricate rubrics validate --data rubricate-data my-rubric.yaml`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 && len(c.validateSrc.dirs) == 0 {
				return usageError("give one or more rubric files, or - for standard input, e.g. `rubricate rubrics validate my-rubric.yaml` (or a topic folder to check with --topic DIR)")
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error { return c.validate(args) },
	}
	c.listSrc.register(a, list, "", nil)
	c.showSrc.register(a, show, "", nil)
	c.validateSrc.register(a, validate, "", nil)
	cmd.AddCommand(list, show, validate, a.draftCommand())
	return cmd
}

// libraryWith is the library with what src adds.
func (c *rubricsCmd) libraryWith(src *sources) (*rubrics.Library, error) {
	lib, err := c.library()
	if err != nil {
		return nil, err
	}
	return lib, src.load(lib)
}

func (c *rubricsCmd) list() error {
	lib, err := c.libraryWith(&c.listSrc)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tMARKS\tQUESTION")
	for _, id := range lib.RubricIDs() {
		r, _ := lib.Rubric(id)
		fmt.Fprintf(tw, "%s\t%d\t%s\n", r.ID, r.Marks, r.Question)
	}
	return tw.Flush()
}

func (c *rubricsCmd) show(id string) error {
	if data, ok := rubrics.BuiltinYAML(id); ok {
		_, err := c.stdout.Write(data)
		return err
	}
	lib, err := c.libraryWith(&c.showSrc)
	if err != nil {
		return err
	}
	// A stored rubric as its teacher wrote it, comments and all.
	if data, ok := c.showSrc.yaml[id]; ok {
		_, err := c.stdout.Write(data)
		return err
	}
	r, ok := lib.Rubric(id)
	if !ok {
		return usageError("unknown rubric %q: see `rubricate rubrics list` (a server's published rubrics: add --data DIR)", id)
	}
	data, err := yaml.Marshal(r)
	if err != nil {
		return err
	}
	_, err = c.stdout.Write(data)
	return err
}

func (c *rubricsCmd) validate(files []string) error {
	lib, err := c.libraryWith(&c.validateSrc)
	if err != nil {
		return err
	}
	for _, t := range c.validateSrc.topics[:len(c.validateSrc.dirs)] {
		how := "catalogue.yaml"
		if t.drafted {
			how = "catalogue drafted from the notes"
		}
		fmt.Fprintf(c.stdout, "%s: ok (topic %s, %d items, %s)\n", t.from, t.id, t.items, how)
	}
	bad := 0
	for _, name := range files {
		r, err := c.parse(name, lib)
		if err != nil {
			fmt.Fprintln(c.stderr, detail(err))
			bad++
			continue
		}
		if name == "-" {
			name = stdinName
		}
		fmt.Fprintf(c.stdout, "%s: ok (%s, %d marks, %d criteria)\n", name, r.ID, r.Marks, len(r.Criteria))
	}
	if bad > 0 {
		return &exitError{code: exitBadInput, msg: fmt.Sprintf("%d of %d rubric file(s) have errors", bad, len(files))}
	}
	return nil
}

// stdinName names standard input in messages about a rubric read from it.
const stdinName = "standard input"

// parse reads and validates one rubric file, or standard input for "-".
// rubrics.Parse reads at most rubrics.MaxRubricBytes.
func (c *rubricsCmd) parse(name string, lib *rubrics.Library) (*rubrics.Rubric, error) {
	if name == "-" {
		return rubrics.Parse(stdinName, c.stdin, lib)
	}
	f, err := openInput(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer f.Close()
	return rubrics.Parse(name, f, lib)
}

func exactArgs(n int, hint string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError("%s", hint)
		}
		return nil
	}
}

func minArgs(n int, hint string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) < n {
			return usageError("%s", hint)
		}
		return nil
	}
}
