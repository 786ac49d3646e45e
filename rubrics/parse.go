package rubrics

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/rubricate/rubricate/analyzer"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/corpus/yamlfile"
)

// Topics finds a topic by id; rubrics are validated against their topic's
// catalogue.
type Topics interface {
	Topic(id string) (*corpus.Topic, bool)
}

// MaxRubricBytes is the largest rubric file read: the most the YAML
// parser accepts.
const MaxRubricBytes = yamlfile.MaxBytes

var idPattern = corpus.IDPattern

var criterionKinds = []string{KindEvidence, KindCauses, KindAnalysis, KindJudgement, KindAccuracy, KindElements}

// Parse reads a rubric from r (named name in messages) and validates it
// strictly against its topic. Errors are yamlfile.Errors: each problem at
// its file:line:col.
func Parse(name string, r io.Reader, topics Topics) (*Rubric, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxRubricBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxRubricBytes {
		return nil, &yamlfile.Error{File: name, Msg: fmt.Sprintf("the rubric is larger than %d KB: is this the right file?", MaxRubricBytes>>10)}
	}
	if strings.TrimSpace(strings.TrimPrefix(string(data), "\ufeff")) == "" {
		return nil, &yamlfile.Error{File: name, Msg: "the rubric is empty: start from `rubricate rubrics show sino-soviet-split`"}
	}
	f, err := yamlfile.Parse(name, data)
	if err != nil {
		return nil, err
	}
	var rb Rubric
	if err := f.Decode(&rb); err != nil {
		return nil, err
	}
	if errs := validate(f, &rb, topics); len(errs) > 0 {
		return nil, errs.Limit()
	}
	return &rb, nil
}

func validate(f *yamlfile.File, rb *Rubric, topics Topics) yamlfile.Errors {
	var errs yamlfile.Errors
	add := func(path, format string, args ...any) { errs = append(errs, f.Errorf(path, format, args...)) }

	// Required keys first, then allowed values.
	for _, req := range []struct{ key, val string }{
		{"id", rb.ID}, {"title", rb.Title}, {"topic", rb.Topic}, {"question", rb.Question},
	} {
		if strings.TrimSpace(req.val) == "" {
			add("$", "the rubric needs %s: add a line such as %q", req.key, req.key+": ...")
		}
	}
	if rb.ID != "" && !idPattern.MatchString(rb.ID) {
		add("$.id", "id %q must be lower-case letters, digits and hyphens, such as my-split-essay", rb.ID)
	}
	if rb.Marks <= 0 {
		add("$.marks", "marks must be a whole number above 0 (the total for the question)")
	}
	if len(rb.Criteria) == 0 {
		add("$", "the rubric needs at least one criterion under criteria")
	}
	if len(rb.Levels) == 0 {
		add("$", "the rubric needs levels: the bands of marks with their descriptors")
	}
	topic, ok := topics.Topic(rb.Topic)
	if rb.Topic != "" && !ok {
		e := f.Errorf("$.topic", "unknown topic %q%s", rb.Topic, suggest(rb.Topic, topicIDs(topics)))
		e.Code, e.Subject = yamlfile.CodeUnknownTopic, rb.Topic
		errs = append(errs, e)
	}

	known := map[string]bool{}
	var knownIDs []string
	if topic != nil {
		for _, it := range topic.Items {
			known[it.ID] = true
			knownIDs = append(knownIDs, it.ID)
		}
	}
	for i := range rb.Items {
		it := &rb.Items[i]
		at := fmt.Sprintf("$.items[%d]", i)
		switch {
		case !idPattern.MatchString(it.ID):
			add(at, "item id %q must be lower-case letters, digits and hyphens", it.ID)
		case known[it.ID]:
			add(at+".id", "item id %q is already in the topic's catalogue: pick another id, or use the catalogue's item", it.ID)
		}
		if it.Kind == "" {
			it.Kind = corpus.KindEvent
		}
		if it.Label == "" {
			it.Label = it.Fact
		}
		if it.Label == "" {
			add(at, "item %s needs a label: the words feedback uses for it", it.ID)
		}
		if len(it.Recognise) == 0 {
			add(at, "item %s needs at least one rule under recognise", it.ID)
		}
		errs = append(errs, validateItem(f, at, it)...)
		known[it.ID] = true
		knownIDs = append(knownIDs, it.ID)
	}
	for i, rule := range rb.Focus {
		if _, err := parseRule(rule); err != nil {
			add(fmt.Sprintf("$.focus[%d]", i), "%v", err)
		}
	}

	sum := 0
	seen := map[string]bool{}
	for i, c := range rb.Criteria {
		at := fmt.Sprintf("$.criteria[%d]", i)
		if !idPattern.MatchString(c.ID) {
			add(at, "criterion id %q must be lower-case letters, digits and hyphens", c.ID)
		} else if seen[c.ID] {
			add(at+".id", "criterion id %q is used twice", c.ID)
		}
		seen[c.ID] = true
		if c.Name == "" {
			add(at, "criterion %s needs a name", c.ID)
		}
		if !slices.Contains(criterionKinds, c.Kind) {
			add(at+".kind", "unknown criterion kind %q: use one of %s%s", c.Kind, strings.Join(criterionKinds, ", "), suggest(c.Kind, criterionKinds))
		}
		if c.Marks < 0 {
			add(at+".marks", "marks cannot be negative")
		}
		sum += c.Marks
		if (c.Kind == KindEvidence || c.Kind == KindCauses || c.Kind == KindElements) && len(c.Items) == 0 {
			add(at, "criterion %s (kind %s) needs items: the evidence ids it looks for", c.ID, c.Kind)
		}
		if c.Kind == KindElements {
			if len(c.Bands) == 0 {
				add(at, "criterion %s (kind elements) needs bands: the marks for a number of key elements, such as {1: 1, 2: 2, 4: 3}", c.ID)
			}
			keys := make([]int, 0, len(c.Bands))
			for k := range c.Bands {
				keys = append(keys, k)
			}
			sort.Ints(keys)
			last := -1
			for _, k := range keys {
				m := c.Bands[k]
				switch {
				case k < 0:
					add(at+".bands", "a band of %d elements: the number of elements cannot be negative", k)
				case m < 0 || m > c.Marks:
					add(at+".bands", "%d elements earn %d marks, but the criterion is out of %d", k, m, c.Marks)
				case m < last:
					add(at+".bands", "%d elements earn %d marks, fewer than fewer elements do (%d): more elements earn at least as much", k, m, last)
				}
				last = max(last, m)
			}
			for j, id := range c.Misconceptions {
				if topic != nil && !known[id] {
					add(fmt.Sprintf("%s.misconceptions[%d]", at, j), "unknown evidence id %q%s", id, suggest(id, knownIDs))
				}
			}
		} else if len(c.Bands) > 0 || len(c.Misconceptions) > 0 {
			add(at, "criterion %s: bands and misconceptions are for criteria of kind elements", c.ID)
		}
		for j, id := range c.Items {
			if topic != nil && !known[id] {
				// Only the first problems are shown: finding a suggestion
				// for every one of thousands would take a while for nothing.
				hint := ""
				if len(errs) < yamlfile.MaxErrors {
					hint = suggest(id, knownIDs)
				}
				add(fmt.Sprintf("%s.items[%d]", at, j), "unknown evidence id %q%s", id, hint)
			}
		}
		if c.Enough < 0 || c.Enough > len(c.Items) {
			add(at+".enough", "enough must be between 1 and the number of items (%d)", len(c.Items))
		}
	}
	if rb.Marks > 0 && len(rb.Criteria) > 0 && sum != rb.Marks {
		add("$.marks", "the criteria's marks add up to %d, but the rubric is out of %d: make them agree", sum, rb.Marks)
	}
	errs = append(errs, validateLevels(f, rb)...)
	return errs
}

// validateItem checks what compiling an item needs: its rules, its "about"
// phrases, its dates and its figures, each reported where it is written.
func validateItem(f *yamlfile.File, at string, it *corpus.Item) yamlfile.Errors {
	var errs yamlfile.Errors
	for j, rule := range it.Recognise {
		if _, err := parseRule(rule); err != nil {
			errs = append(errs, f.Errorf(fmt.Sprintf("%s.recognise[%d]", at, j), "%v", err))
		}
	}
	for j, rule := range it.About {
		if _, err := parseRule(rule); err != nil {
			errs = append(errs, f.Errorf(fmt.Sprintf("%s.about[%d]", at, j), "%v", err))
		}
	}
	for j, d := range it.Dates {
		if m, ok := analyzer.ParseValue(d); !ok || m.Kind != analyzer.KindDate || m.From == 0 {
			errs = append(errs, f.Errorf(fmt.Sprintf("%s.dates[%d]", at, j), "%q is not a date: write 1950, February 1950 or 1954-55", d))
		}
	}
	for j, v := range it.Figures {
		if m, ok := analyzer.ParseValue(v); !ok || m.Kind == analyzer.KindDate {
			errs = append(errs, f.Errorf(fmt.Sprintf("%s.figures[%d]", at, j), "%q is not a figure: write $300 million, 141, 60%% or 4,406 km", v))
		}
	}
	return errs
}

// ValidateCatalogue checks what corpus.Parse leaves to the rubrics: every
// item's rules, dates and figures, reported at their file:line:col, so a
// teacher's catalogue is known to work before it is used.
func ValidateCatalogue(name string, data []byte) error {
	f, err := yamlfile.Parse(name, data)
	if err != nil {
		return err
	}
	var c corpus.Catalogue
	if err := f.Decode(&c); err != nil {
		return err
	}
	var errs yamlfile.Errors
	for i := range c.Items {
		errs = append(errs, validateItem(f, fmt.Sprintf("$.items[%d]", i), &c.Items[i])...)
	}
	for i := range c.Causes {
		errs = append(errs, validateItem(f, fmt.Sprintf("$.causes[%d]", i), &c.Causes[i])...)
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
		return errs.Limit()
	}
	return nil
}

// validateLevels checks that levels are distinct, rise with their marks,
// and cover 0 to the total with no gap or overlap.
func validateLevels(f *yamlfile.File, rb *Rubric) yamlfile.Errors {
	var errs yamlfile.Errors
	if len(rb.Levels) == 0 || rb.Marks <= 0 {
		return nil
	}
	idx := make([]int, len(rb.Levels))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return rb.Levels[idx[a]].Marks.Min < rb.Levels[idx[b]].Marks.Min })
	levelSeen := map[int]bool{}
	next := 0
	for i, l := range rb.Levels {
		if l.Marks.Bad != "" {
			errs = append(errs, f.Errorf(fmt.Sprintf("$.levels[%d].marks", i), "level %d: %s", l.Level, l.Marks.Bad))
		}
	}
	if len(errs) > 0 {
		return errs
	}
	for n, i := range idx {
		l := rb.Levels[i]
		at := fmt.Sprintf("$.levels[%d]", i)
		if l.Level < 0 || l.Level > 9 {
			errs = append(errs, f.Errorf(at+".level", "level %d is out of range: levels run from 0 upwards", l.Level))
		}
		if levelSeen[l.Level] {
			errs = append(errs, f.Errorf(at+".level", "level %d is given twice", l.Level))
		}
		levelSeen[l.Level] = true
		if strings.TrimSpace(l.Descriptor) == "" {
			errs = append(errs, f.Errorf(at, "level %d needs a descriptor", l.Level))
		}
		switch {
		case l.Marks.Min > next:
			errs = append(errs, f.Errorf(at+".marks", "marks %s are in no level: level %d starts at %d", Band{Min: next, Max: l.Marks.Min - 1}, l.Level, l.Marks.Min))
		case l.Marks.Min < next:
			errs = append(errs, f.Errorf(at+".marks", "level %d (marks %s) overlaps the level below, which ends at %d", l.Level, l.Marks, next-1))
		}
		if n > 0 && l.Level <= rb.Levels[idx[n-1]].Level && l.Level != rb.Levels[idx[n-1]].Level {
			errs = append(errs, f.Errorf(at+".level", "level %d has higher marks than level %d: higher levels need higher marks", l.Level, rb.Levels[idx[n-1]].Level))
		}
		if l.Marks.Max+1 > next {
			next = l.Marks.Max + 1
		}
	}
	if next-1 != rb.Marks {
		errs = append(errs, f.Errorf("$.levels", "the levels end at %d marks, but the rubric is out of %d: the top level must end at %d", next-1, rb.Marks, rb.Marks))
	}
	return errs
}

// suggest returns ` (did you mean "x"?)` for the closest of options, or "".
func suggest(got string, options []string) string {
	best, bestD := "", 1<<30
	for _, o := range options {
		if d := analyzer.Distance(got, o, 64); d < bestD {
			best, bestD = o, d
		}
	}
	if best == "" || bestD > max(2, len(got)/3) {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

func topicIDs(t Topics) []string {
	if l, ok := t.(interface{ TopicIDs() []string }); ok {
		return l.TopicIDs()
	}
	return nil
}
