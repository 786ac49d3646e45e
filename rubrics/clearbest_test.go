package rubrics

import (
	"maps"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/corpus"
)

// TestClearBest: the fact a sentence states best is credited when it
// falls just short of minCover and no other fact comes near it; not when
// another is near, nor when it is too far short, nor for a figure's line
// without its figure.
func TestClearBest(t *testing.T) {
	event := &item{}
	event.Kind = corpus.KindEvent
	other := &item{}
	other.Kind = corpus.KindEvent
	figure := &item{}
	figure.Kind = corpus.KindFigure
	for _, tt := range []struct {
		name string
		best map[*item]notesHit
		want *item // the item credited, or nil
	}{
		{"clear best", map[*item]notesHit{event: {it: event, cover: 0.47}, other: {it: other, cover: 0.2}}, event},
		{"alone", map[*item]notesHit{event: {it: event, cover: 0.46}}, event},
		{"another near", map[*item]notesHit{event: {it: event, cover: 0.47}, other: {it: other, cover: 0.35}}, nil},
		{"too far short", map[*item]notesHit{event: {it: event, cover: 0.4}}, nil},
		{"a figure without its figure", map[*item]notesHit{figure: {it: figure, cover: 0.48}}, nil},
		{"a figure with it", map[*item]notesHit{figure: {it: figure, cover: 0.48, figured: true}}, figure},
	} {
		t.Run(tt.name, func(t *testing.T) {
			clearBest(tt.best)
			for it, h := range tt.best {
				if h.credit != (it == tt.want) {
					t.Errorf("%s item credited = %v, want %v", it.Kind, h.credit, it == tt.want)
				}
			}
		})
	}
}

// TestTitlesOf: a title one person "became", that the notes also write
// alone after "the", stands for that person; a title the notes write
// before another's name, or give to two people, stands for no one.
func TestTitlesOf(t *testing.T) {
	an, err := analyzer.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	docs := func(lines ...string) []*analyzer.Document {
		var out []*analyzer.Document
		for _, l := range lines {
			d, err := an.Analyze(l)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, d)
		}
		return out
	}
	for _, tt := range []struct {
		name  string
		notes []string
		want  map[string]string
	}{
		{"one person", []string{"Nicholas II became Tsar in 1894.", "On the Tsar's orders troops fired.", "While the Tsar was at headquarters, Alexandra ruled."},
			map[string]string{"tsar": "nichola", "nichola": "tsar"}},
		{"a numeral is no name", []string{"April 1509: Henry VIII became king.", "In 1534 the King was made head of the Church.", "Monks who defied the King were executed."},
			map[string]string{"king": "henri", "henri": "king"}},
		{"written before another's name", []string{"Stresemann became Chancellor in August 1923.", "Chancellor Wilhelm Cuno ordered passive resistance.", "the Chancellor resigned.", "the Chancellor fell."},
			map[string]string{}},
		{"alone after the only once", []string{"Ebert became President in 1919.", "the President could rule by decree."},
			map[string]string{}},
		{"two people", []string{"Lvov became Prime Minister in March.", "Kerensky became Prime Minister in July.", "the Minister fled.", "the Minister fell."},
			map[string]string{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := titlesOf(docs(tt.notes...)); !maps.Equal(got, tt.want) {
				t.Errorf("titles %v, want %v", got, tt.want)
			}
		})
	}
}

// TestExplainAway: a fact whose words in a sentence are all words of a
// fact the sentence states better loses its credit; one with a word of its
// own keeps it, and so does the better one.
func TestExplainAway(t *testing.T) {
	better, worse := &item{}, &item{}
	words := []span{{Start: 0, End: 6}, {Start: 11, End: 17}, {Start: 30, End: 36}}
	for _, tt := range []struct {
		name      string
		worseAt   []span
		worseHigh bool // the worse fact has the higher cover
		worseDate int  // how closely its date agrees (the better's: the year)
		want      bool // the worse fact keeps its credit
	}{
		{"all its words are the better one's", words[:2], false, 0, false},
		{"a word of its own", []span{words[0], {Start: 40, End: 45}}, false, 0, true},
		{"it states the sentence better", words[:2], true, 0, true},
		{"its date agrees to the month", words[:2], false, 2, true},
		{"its date agrees to the year too", words[:2], false, 1, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cover := 0.5
			if tt.worseHigh {
				cover = 0.9
			}
			best := map[*item]notesHit{
				better: {it: better, spans: words, cover: 0.8, credit: true, dateTo: 1},
				worse:  {it: worse, spans: tt.worseAt, cover: cover, credit: true, dateTo: tt.worseDate},
			}
			explainAway(best)
			if got := best[worse].credit; got != tt.want {
				t.Errorf("worse fact credited = %v, want %v", got, tt.want)
			}
			if !best[better].credit && !tt.worseHigh {
				t.Error("the better fact lost its credit")
			}
		})
	}
}

// TestOnlyTogether: rare words that one item alone has all of single it
// out; words another item also has all of do not.
func TestOnlyTogether(t *testing.T) {
	a, b, c := &item{}, &item{}, &item{}
	m := &notesMatcher{
		clauses: []factClause{{it: a}, {it: b}, {it: c}},
		byStem: map[string][]termRef{
			"chancellor": {{clause: 0}, {clause: 1}},
			"stresemann": {{clause: 0}, {clause: 2}},
			"resist":     {{clause: 1}, {clause: 2}},
		},
	}
	for _, tt := range []struct {
		stems []string
		it    *item
		want  bool
	}{
		{[]string{"chancellor", "stresemann"}, a, true},
		{[]string{"chancellor", "resist"}, b, true},
		{[]string{"stresemann", "resist"}, a, false}, // item c has both
		{[]string{"stresemann", "resist"}, c, true},
	} {
		if got := m.onlyTogether(tt.stems, tt.it); got != tt.want {
			t.Errorf("onlyTogether(%v) = %v, want %v", tt.stems, got, tt.want)
		}
	}
}

// TestClauseAboutWhomTheLineNames: a clause that opens with "he" after
// one that names someone ("Nikita Khrushchev: Soviet leader until 1964;
// he issued the ultimatum") holds the name, as the rest of the fact; a
// clause that opens otherwise does not.
func TestClauseAboutWhomTheLineNames(t *testing.T) {
	notes := `# Berlin, 1958-61

## Key people
- Nikita Khrushchev: Soviet leader from the mid-1950s until 1964; he issued the ultimatum.
- John F. Kennedy: American President 1961-63; the Vienna summit went badly for him.
`
	topic, err := DraftTopic("berlin-clause", "Berlin, 1958-61", notes)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := Open()
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.AddTopic(topic); err != nil {
		t.Fatal(err)
	}
	c, err := lib.compile(FromNotes(topic, "", 20))
	if err != nil {
		t.Fatal(err)
	}
	holds := func(clause, name string) (found, rest bool) {
		for _, cl := range c.topic.prepare().notes.clauses {
			var has bool
			for _, tw := range cl.terms {
				has = has || tw.stem == clause
			}
			if !has {
				continue
			}
			for _, tw := range cl.terms {
				if tw.stem == name {
					return true, tw.rest
				}
			}
		}
		return false, false
	}
	if found, rest := holds("ultimatum", "khrushchev"); !found || !rest {
		t.Errorf("the clause of the ultimatum holds Khrushchev = %v (as the rest = %v), want it as the rest", found, rest)
	}
	if found, _ := holds("summit", "kennedi"); found {
		t.Error("the clause of the summit holds Kennedy, though it does not open with a pronoun")
	}
}

// TestTailStart: a clause's trailing phrase opens at its first
// preposition after two content words, past a date lead-in; "to" after
// "had" is an infinitive.
func TestTailStart(t *testing.T) {
	an, err := analyzer.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ clause, tail string }{
		{"Germany had to pay reparations to the Allies for the damage caused by the war.", "to the Allies"},
		{"13 August 1923: Gustav Stresemann became Chancellor at the head of a coalition.", "at the head"},
		{"All of Germany's colonies were taken away and run by the League of Nations.", "by the League"},
		{"Hyperinflation ruined savers.", ""},
		{"In 1915 the Tsar took command of the army at Mogilev.", "at Mogilev"},
	} {
		doc, err := an.Analyze(tt.clause)
		if err != nil {
			t.Fatal(err)
		}
		i := tailStart(tt.clause, doc.Words)
		got := ""
		if i < len(doc.Words) {
			got = tt.clause[doc.Words[i].Start:]
		}
		if !strings.HasPrefix(got, tt.tail) || (tt.tail == "" && got != "") {
			t.Errorf("%q: tail %q, want it to open %q", tt.clause, got, tt.tail)
		}
	}
}
