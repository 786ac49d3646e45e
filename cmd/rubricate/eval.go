package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/rubrics/evalset"
)

// evalCmd is "rubricate eval": it runs a folder of annotated essays and
// reports agreement with the annotations.
type evalCmd struct {
	*app
	evidenceRubric string
	minPrecision   float64
	minRecall      float64
	maxFalse       int
	minLevels      float64
	minMarks       float64
	suggest        bool
	matching       string          // --matching
	checker        evalset.Checker // for --suggest: the rubrics the essays were checked with
	minFound       float64
	verbose        bool
	notes          string
	src            sources // --topic, --data and --rubric
	// lineText gives, with --notes, the text of a notes line ("line 12"),
	// so that the items most often wrong say what they are.
	lineText map[string]string
}

func (a *app) evalCommand() *cobra.Command {
	c := &evalCmd{app: a}
	cmd := &cobra.Command{
		Use:   "eval DIR",
		Short: "Measure rubricate against essays a teacher has marked",
		Long: `Run every annotated essay in DIR (NAME.txt with NAME.yaml) and print, per
essay and overall: evidence precision and recall, problems found and falsely
raised, and whether the level is in the accepted range.

An annotation gives the rubric (question:), the accepted levels (level:), and
optionally the evidence ids present (present:, unsure:) and the problems to
flag (problems:, also_ok:), a mark (mark: 7) and the marks of each criterion
(criteria: {evidence: 5, causes: 3}). Teachers can calibrate their own
rubric with level-only annotations: the summary gives exact and adjacent
agreement and the quadratic weighted kappa, per rubric and per criterion,
and the essays rubricate differs on most, with how it reached its mark.
--suggest proposes the level boundaries and the enough of each evidence and
causes criterion that fit the teacher's marking best.

With --notes, DIR is a topic set on your own notes: question.yaml (question,
marks), facts.yaml (the notes lines that hold facts) and essays/ with
annotations keyed by notes line numbers (present: [12, 14]). The evidence is
drafted from the notes, with nothing edited, and an item found counts for
the lines of the notes it comes from.

With the --min-* flags it exits 1 when a figure is below its bar.`,
		Example: `  rubricate eval ../shared/eval/dev
  rubricate eval --notes weimar/notes.txt weimar/`,
		Args: exactArgs(1, "give the folder of annotated essays, e.g. `rubricate eval ../shared/eval/dev`"),
		RunE: func(_ *cobra.Command, args []string) error { return c.run(args[0]) },
	}
	f := cmd.Flags()
	f.StringVar(&c.evidenceRubric, "evidence-rubric", defaultRubric, "rubric whose items evidence is scored against")
	f.Float64Var(&c.minPrecision, "min-precision", 0, "exit 1 if evidence precision is below this (0-1)")
	f.Float64Var(&c.minRecall, "min-recall", 0, "exit 1 if evidence recall is below this (0-1)")
	f.IntVar(&c.maxFalse, "max-false-problems", -1, "exit 1 if more problems than this are raised falsely")
	f.Float64Var(&c.minFound, "min-problems-found", 0, "exit 1 if the share of expected problems found is below this (0-1)")
	f.Float64Var(&c.minLevels, "min-levels", 0, "exit 1 if the share of levels in range is below this (0-1)")
	f.BoolVar(&c.suggest, "suggest", false, "propose the level boundaries of each rubric (5 essays or more), and the enough of each evidence and causes criterion, that fit the teacher's levels best, with the agreement before and after; the rubric is not changed")
	f.Float64Var(&c.minMarks, "min-marks", 0, "exit 1 if the share of marks exactly the teacher's is below this (0-1), for annotations that give a mark")
	f.BoolVarP(&c.verbose, "verbose", "v", false, "list the items missed and found falsely for each essay")
	f.StringVar(&c.notes, "notes", "", "your revision notes: DIR is a topic set keyed by their line numbers")
	f.StringVar(&c.matching, "matching", "both", "which matchers find evidence: both, rules (the catalogue's hand-written rules alone) or notes (every item by its passage of the notes, rules set aside), to measure what each adds")
	c.src.register(a, cmd, "evidence-rubric", &c.evidenceRubric)
	c.src.rubricFiles(cmd)
	return cmd
}

func (c *evalCmd) run(dir string) error {
	switch c.matching {
	case "both":
	case "rules":
		c.app.matching = rubrics.MatchRules
	case "notes":
		c.app.matching = rubrics.MatchNotes

	default:
		return usageError("--matching %q: give both, rules or notes", c.matching)
	}
	lib, err := c.library()
	if err != nil {
		return err
	}
	if err := c.src.load(lib); err != nil {
		return err
	}
	if c.notes != "" {
		return c.runTopic(lib, dir)
	}
	essays, err := evalset.Load(dir)
	if err != nil {
		return usageError("%s", detail(err))
	}
	c.checker = lib
	return c.report(evalset.Run(lib, c.evidenceRubric, essays))
}

// runTopic scores a topic set on a teacher's notes: the topic drafted from
// the notes, evidence with every item, levels on the set's question.
func (c *evalCmd) runTopic(lib *rubrics.Library, dir string) error {
	set, err := evalset.LoadTopic(dir)
	if err != nil {
		return usageError("%s", detail(err))
	}
	t, err := c.notesTopic(lib, c.notes)
	if err != nil {
		return err
	}
	c.lineText = map[string]string{}
	for _, p := range t.Passages {
		c.lineText[evalset.LineKey(p.Line)] = p.Text
	}
	for _, card := range t.Cards {
		for _, h := range card.Headings {
			c.lineText[evalset.LineKey(h.Line)] = h.Text
		}
	}
	overview, question := rubrics.FromNotes(t, "", set.Marks), rubrics.FromNotes(t, set.Question, set.Marks)
	for _, r := range []*rubrics.Rubric{overview, question} {
		if err := lib.Add(r); err != nil {
			return fmt.Errorf("internal error: the rubric made from the notes: %v", err)
		}
	}
	c.checker = lib
	return c.report(evalset.RunTopic(lib, set, overview.ID, question.ID))
}

// report prints the results and the summary and holds them to the bars.
func (c *evalCmd) report(results []evalset.Result, sum evalset.Summary) error {
	w := c.stdout
	for _, r := range results {
		if r.Err != nil {
			fmt.Fprintf(w, "%-28s error: %v\n", r.Name, r.Err)
			continue
		}
		ev := "evidence -"
		if r.Scored {
			ev = fmt.Sprintf("P %.2f R %.2f", ratio(r.TP, r.TP+r.FP), ratio(r.TP, r.TP+r.FN))
		}
		lv := "ok"
		if !r.LevelOK() {
			lv = "OUT OF RANGE"
		}
		if r.Want != nil {
			lv = "ok"
			if r.Points != *r.Want {
				lv = "DIFFERS"
			}
			fmt.Fprintf(w, "%-28s %s  problems %d/%d found, %d false  mark %d, teacher %d %s\n",
				r.Name, ev, r.ProblemsFound, r.ProblemsWant, len(r.FalseProblems), r.Points, *r.Want, lv)
		} else {
			fmt.Fprintf(w, "%-28s %s  problems %d/%d found, %d false  level %d in %v %s\n",
				r.Name, ev, r.ProblemsFound, r.ProblemsWant, len(r.FalseProblems), r.Level, r.Accepted, lv)
		}
		if c.verbose || !r.LevelOK() || r.Want != nil && r.Points != *r.Want {
			if len(r.Missed) > 0 {
				fmt.Fprintf(w, "    missed: %s\n", strings.Join(r.Missed, ", "))
			}
			if len(r.FalseFound) > 0 {
				fmt.Fprintf(w, "    found falsely: %s\n", strings.Join(r.FalseFound, ", "))
			}
			for _, p := range r.MissedProblems {
				fmt.Fprintf(w, "    problem not flagged: %s %q\n", p.Kind, p.Text)
			}
			for _, p := range r.FalseProblems {
				fmt.Fprintf(w, "    problem raised falsely: %s %q\n", p.Kind, p.Text)
			}
		}
	}
	fmt.Fprintln(w)
	if worst := sum.WorstItems(5); len(worst) > 0 {
		fmt.Fprintln(w, "Items most often wrong (missed + found falsely):")
		for _, id := range worst {
			fmt.Fprintf(w, "  %-28s missed %d, found falsely %d", id, sum.ItemMissed[id], sum.ItemFalse[id])
			if text := c.lineText[id]; text != "" {
				fmt.Fprintf(w, "  %s", shorten(text, 70))
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "essays: %d (%d could not be checked)\n", sum.Essays, sum.Failed)
	fmt.Fprintf(w, "evidence: precision %.3f  recall %.3f  (%d right, %d false, %d missed)\n", sum.Precision(), sum.Recall(), sum.TP, sum.FP, sum.FN)
	fmt.Fprintf(w, "problems: %d of %d found, %d raised falsely\n", sum.ProblemsFound, sum.ProblemsWant, sum.FalseProblems)
	if sum.LevelsJudged > 0 || sum.MarksJudged == 0 {
		fmt.Fprintf(w, "levels: %d of %d in range; exact %d, adjacent %d, quadratic weighted kappa %.3f\n",
			sum.LevelsInRange, sum.LevelsJudged, sum.Exact, sum.Adjacent, sum.Kappa)
	}
	if sum.MarksJudged > 0 {
		fmt.Fprintf(w, "marks: %d of %d exact, %d within one; quadratic weighted kappa %.3f\n",
			sum.MarksExact, sum.MarksJudged, sum.MarksAdjacent, sum.MarkKappa)
		// The confusion matrix: the teacher's marks down, rubricate's
		// across.
		fmt.Fprintf(w, "  teacher \\ rubricate")
		for b := 0; b <= sum.MaxMark; b++ {
			fmt.Fprintf(w, " %3d", b)
		}
		fmt.Fprintln(w)
		for a := 0; a <= sum.MaxMark; a++ {
			fmt.Fprintf(w, "  %-19d", a)
			for b := 0; b <= sum.MaxMark; b++ {
				fmt.Fprintf(w, " %3d", sum.Confusion[[2]int{a, b}])
			}
			fmt.Fprintln(w)
		}
	}

	if len(sum.Rubrics) > 1 {
		fmt.Fprintln(w, "\nper rubric (levels, or marks where the teacher gives marks):")
		for _, id := range sortedKeys(sum.Rubrics) {
			a := sum.Rubrics[id]
			fmt.Fprintf(w, "  %-28s %d essays: exact %d, within one %d, quadratic weighted kappa %.3f\n", id, a.Judged, a.Exact, a.Adjacent, a.Kappa)
		}
	}
	if len(sum.Criteria) > 0 {
		fmt.Fprintln(w, "\nper criterion (the teacher's marks against rubricate's):")
		for _, key := range sortedKeys(sum.Criteria) {
			a := sum.Criteria[key]
			fmt.Fprintf(w, "  %-28s %d essays: exact %d, within one %d, quadratic weighted kappa %.3f\n", key, a.Judged, a.Exact, a.Adjacent, a.Kappa)
		}
	}
	if worst := evalset.Disagreements(results, 3); len(worst) > 0 {
		fmt.Fprintln(w, "\nwhere rubricate differs most from the teacher, and why it gave what it gave:")
		for _, r := range worst {
			if r.Want != nil {
				fmt.Fprintf(w, "  %s: mark %d, teacher %d\n", r.Name, r.Points, *r.Want)
			} else {
				fmt.Fprintf(w, "  %s: level %d, teacher %v\n", r.Name, r.Level, r.Accepted)
			}
			if r.Explanation != "" {
				fmt.Fprintf(w, "    %s\n", r.Explanation)
			}
			for _, cs := range r.Scores {
				teacher := ""
				if want, ok := r.WantCriteria[cs.ID]; ok {
					teacher = fmt.Sprintf(" (teacher %d)", want)
				}
				fmt.Fprintf(w, "    %s %d/%d%s: %s\n", cs.Name, cs.Points, cs.Max, teacher, shorten(cs.Feedback, 110))
			}
		}
	}

	if c.suggest && c.checker != nil {
		for _, s := range evalset.SuggestEnough(c.checker, results, 5) {
			if s.Best == s.Own {
				fmt.Fprintf(w, "\nenough for %s, criterion %s: its %d items for full marks fit best (%d of %d essays agree)\n", s.Rubric, s.Criterion, s.Own, s.Before, s.Essays)
				continue
			}
			fmt.Fprintf(w, "\nenough for %s, criterion %s: %d items for full marks fit better than %d: %d → %d of %d essays agree, quadratic weighted kappa %.3f → %.3f\n",
				s.Rubric, s.Criterion, s.Best, s.Own, s.Before, s.After, s.Essays, s.KappaBefore, s.KappaAfter)
			fmt.Fprintf(w, "  to use it, give the criterion enough: %d\n", s.Best)
		}
		sugs := evalset.SuggestLevels(c.checker, results, 5)
		if len(sugs) == 0 {
			fmt.Fprintln(w, "\nsuggest: no rubric has five or more essays with the teacher's levels")
		}
		for _, s := range sugs {
			fmt.Fprintf(w, "\nsuggested levels for %s (%d essays): in range %d → %d, quadratic weighted kappa %.3f → %.3f\n",
				s.Rubric, s.Essays, s.Before, s.After, s.KappaBefore, s.KappaAfter)
			if !s.Changed {
				fmt.Fprintln(w, "  the rubric's own boundaries fit best: keep them")
				continue
			}
			if s.Essays < 20 {
				fmt.Fprintf(w, "  from only %d essays: check that the boundaries make sense before you use them, and mark more essays to be sure\n", s.Essays)
			}
			fmt.Fprintln(w, "  to use them, replace the marks of the rubric's levels with:")
			fmt.Fprint(w, s.String())
		}
	}

	var fails []string
	if sum.Failed > 0 {
		fails = append(fails, fmt.Sprintf("%d essays could not be checked", sum.Failed))
	}
	if sum.Precision() < c.minPrecision {
		fails = append(fails, fmt.Sprintf("precision %.3f < %.3f", sum.Precision(), c.minPrecision))
	}
	if sum.Recall() < c.minRecall {
		fails = append(fails, fmt.Sprintf("recall %.3f < %.3f", sum.Recall(), c.minRecall))
	}
	if c.maxFalse >= 0 && sum.FalseProblems > c.maxFalse {
		fails = append(fails, fmt.Sprintf("%d problems raised falsely > %d", sum.FalseProblems, c.maxFalse))
	}
	if found := ratio(sum.ProblemsFound, sum.ProblemsWant); found < c.minFound {
		fails = append(fails, fmt.Sprintf("problems found %.3f < %.3f", found, c.minFound))
	}
	if sum.MarksJudged > 0 && float64(sum.MarksExact)/float64(sum.MarksJudged) < c.minMarks {
		fails = append(fails, fmt.Sprintf("marks exact %.3f < %.3f", float64(sum.MarksExact)/float64(sum.MarksJudged), c.minMarks))
	}
	if sum.LevelShare() < c.minLevels {
		fails = append(fails, fmt.Sprintf("levels in range %.3f < %.3f", sum.LevelShare(), c.minLevels))
	}
	if len(fails) > 0 {
		return &exitError{code: exitBelowBar, msg: "below the bar: " + strings.Join(fails, "; ")}
	}
	return nil
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// shorten cuts s to about n characters at a word, with an ellipsis.
func shorten(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > n/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
