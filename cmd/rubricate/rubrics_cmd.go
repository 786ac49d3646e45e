package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/goccy/go-yaml"
	"github.com/spf13/cobra"

	"github.com/rubricate/rubricate/rubrics"
)

// rubricsCmd is "rubricate rubrics list|show|validate".
type rubricsCmd struct{ *app }

func (a *app) rubricsCommand() *cobra.Command {
	c := &rubricsCmd{a}
	cmd := &cobra.Command{
		Use:   "rubrics",
		Short: "List, show and validate rubrics",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "List the rubrics that can be used with --rubric",
		Args:  cobra.NoArgs,
		RunE:  func(*cobra.Command, []string) error { return c.list() },
	}, &cobra.Command{
		Use:   "show ID",
		Short: "Print a rubric as YAML (a starting point for your own)",
		Args:  exactArgs(1, "give one rubric id, e.g. `rubricate rubrics show sino-soviet-split`"),
		RunE:  func(_ *cobra.Command, args []string) error { return c.show(args[0]) },
	}, &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check rubric YAML files (- for standard input) and report every problem at its line",
		Example: `  rubricate rubrics validate my-rubric.yaml
  rubricate rubrics show sino-soviet-split | rubricate rubrics validate -`,
		Args: minArgs(1, "give one or more rubric files, or - for standard input, e.g. `rubricate rubrics validate my-rubric.yaml`"),
		RunE: func(_ *cobra.Command, args []string) error { return c.validate(args) },
	}, a.draftCommand())
	return cmd
}

func (c *rubricsCmd) list() error {
	lib, err := c.library()
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
	lib, err := c.library()
	if err != nil {
		return err
	}
	r, ok := lib.Rubric(id)
	if !ok {
		return usageError("unknown rubric %q: see `rubricate rubrics list`", id)
	}
	data, err := yaml.Marshal(r)
	if err != nil {
		return err
	}
	_, err = c.stdout.Write(data)
	return err
}

func (c *rubricsCmd) validate(files []string) error {
	lib, err := c.library()
	if err != nil {
		return err
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
