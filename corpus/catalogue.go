package corpus

import (
	"fmt"
	"regexp"

	"github.com/rubricate/rubricate/corpus/yamlfile"
)

// Item kinds, as the catalogue contract names them.
const (
	KindEvent   = "event"
	KindFigure  = "figure"
	KindCause   = "cause"
	KindConcept = "concept"
)

// Item is a piece of key evidence from the notes, with the rules that
// recognise it in an essay.
type Item struct {
	ID    string `yaml:"id"`
	Label string `yaml:"label"`
	Kind  string `yaml:"kind"`
	Card  int    `yaml:"card"`
	Fact  string `yaml:"fact"`
	// Dates are when the event happened, as the notes give them ("February
	// 1950", "1954-55"); a date in an essay tied to this event must fit it.
	Dates []string `yaml:"dates,omitempty"`
	// Figures are the numbers the notes give ("$300 million", "141").
	Figures []string `yaml:"figures,omitempty"`
	// Recognise lists rules; the item is found when any rule matches within
	// one sentence. A rule is parts joined by " + ", all of which must occur;
	// a part is alternatives joined by "|"; an alternative is a phrase
	// (a trailing * matches any ending; "..." stands for up to five words,
	// so "high ... low" finds the two in that order) or a value such as
	// 1950 or $300 million, matched by meaning rather than by spelling.
	// A part that starts "not " must not occur.
	Recognise []string `yaml:"recognise"`
	// About lists phrases that show a sentence is about this item, so that
	// a date or figure in that sentence is checked against this item's.
	About []string `yaml:"about,omitempty"`
	// Passage names the notes passage to revise from (such as "c1-p7");
	// when empty the index finds it. An item without rules is found in an
	// essay by this passage.
	Passage string `yaml:"passage,omitempty"`
}

// Name is a key name with the other spellings accepted as correct.
type Name struct {
	Name     string   `yaml:"name"`
	Variants []string `yaml:"variants,omitempty"`
}

// Catalogue is a topic's evidence catalogue as written in catalogue.yaml.
type Catalogue struct {
	Topic  string `yaml:"topic"`
	Title  string `yaml:"title"`
	Period []int  `yaml:"period,omitempty"`
	Names  []Name `yaml:"names,omitempty"`
	Items  []Item `yaml:"items"`
	Causes []Item `yaml:"causes,omitempty"`
}

// IDPattern is what every id is written as, of a topic, an item, a rubric
// or a criterion: lower-case letters, digits and hyphens, up to 64
// characters, as they are in web addresses.
var IDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

var idPattern = IDPattern

var kinds = map[string]bool{KindEvent: true, KindFigure: true, KindCause: true, KindConcept: true}

func parseCatalogue(name string, data []byte, cards int) (*Catalogue, error) {
	f, err := yamlfile.Parse(name, data)
	if err != nil {
		return nil, err
	}
	var c Catalogue
	if err := f.Decode(&c); err != nil {
		return nil, err
	}
	var errs yamlfile.Errors
	if !idPattern.MatchString(c.Topic) {
		errs = append(errs, f.Errorf("$.topic", "topic must be an id of lower-case letters, digits and hyphens"))
	}
	if c.Title == "" {
		errs = append(errs, f.Errorf("$", "the catalogue needs a title"))
	}
	seen := map[string]bool{}
	check := func(section string, i int, it *Item) {
		at := fmt.Sprintf("$.%s[%d]", section, i)
		switch {
		case !idPattern.MatchString(it.ID):
			errs = append(errs, f.Errorf(at, "item id %q must be lower-case letters, digits and hyphens", it.ID))
		case seen[it.ID]:
			errs = append(errs, f.Errorf(at+".id", "item id %q is used twice", it.ID))
		}
		seen[it.ID] = true
		if section == "causes" {
			it.Kind = KindCause
		}
		if !kinds[it.Kind] {
			errs = append(errs, f.Errorf(at, "item %s: kind must be event, figure, cause or concept", it.ID))
		}
		if it.Card < 0 || it.Card > cards {
			errs = append(errs, f.Errorf(at+".card", "item %s: card %d is not in the notes (they have %d cards)", it.ID, it.Card, cards))
		}
		// An item without rules is found by its passage of the notes.
		if len(it.Recognise) == 0 && it.Passage == "" {
			errs = append(errs, f.Errorf(at, "item %s needs rules under recognise, or the notes passage it stands for (passage: c1-p4)", it.ID))
		}
		if it.Label == "" {
			it.Label = it.Fact
		}
	}
	for i := range c.Items {
		check("items", i, &c.Items[i])
	}
	for i := range c.Causes {
		check("causes", i, &c.Causes[i])
	}
	if len(errs) > 0 {
		return nil, errs.Limit()
	}
	c.Items = append(c.Items, c.Causes...)
	return &c, nil
}
