package rubrics_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
)

func TestDraftCatalogue(t *testing.T) {
	notes, err := os.ReadFile("../corpus/topics/sino-soviet-relations-1949-76/notes.txt")
	if err != nil {
		t.Fatal(err)
	}
	draft, err := rubrics.DraftCatalogue("my-topic", "My topic", string(notes))
	if err != nil {
		t.Fatal(err)
	}
	// The draft is a catalogue the loader accepts as it stands.
	topic, err := corpus.Parse("draft.yaml", draft, string(notes))
	if err != nil {
		t.Fatalf("the draft does not load: %v\n%s", err, draft)
	}
	if len(topic.Items) < 20 {
		t.Errorf("only %d items drafted from notes full of dates and figures", len(topic.Items))
	}
	var figures []string
	for _, it := range topic.Items {
		figures = append(figures, it.Figures...)
	}
	for _, want := range []string{"$300 million", "141", "4406 kilometre"} {
		if !slices.Contains(figures, want) {
			t.Errorf("no item has the figure %q; figures: %q", want, figures)
		}
	}
	if !strings.Contains(string(draft), "Khrushchev") {
		t.Error("the draft does not name Khrushchev")
	}
	// A library can check essays against a rubric on the drafted topic at once.
	lib, err := rubrics.Open()
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.AddTopic(topic); err != nil {
		t.Fatal(err)
	}
	if _, ok := lib.Index("my-topic"); !ok {
		t.Fatal("the drafted topic is not searchable")
	}

	errs := []struct{ name, id, notes, want string }{
		{"bad id", "My Topic", string(notes), "lower-case"},
		{"empty", "t", "", "cannot be read"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rubrics.DraftCatalogue(tt.id, "T", tt.notes)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestValidateCatalogue(t *testing.T) {
	bundled, err := os.ReadFile("../corpus/topics/sino-soviet-relations-1949-76/catalogue.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := rubrics.ValidateCatalogue("catalogue.yaml", bundled); err != nil {
		t.Fatalf("the bundled catalogue: %v", err)
	}
	const head = "topic: t\ntitle: T\nitems:\n  - id: a\n    kind: event\n    card: 1\n"
	tests := []struct{ name, tail, want string }{
		{"a date that is not a date", "    dates: [soon]\n    recognise: [treaty]\n", `catalogue.yaml:7:13: "soon" is not a date`},
		{"a figure that is not a figure", "    figures: [lots]\n    recognise: [treaty]\n", `catalogue.yaml:7:15: "lots" is not a figure`},
		{"a rule with an empty alternative", "    recognise: [\"treaty||pact\"]\n", `catalogue.yaml:7:17: rule "treaty||pact" has an empty alternative`},
		{"an about rule that only says what must not occur", "    recognise: [treaty]\n    about: [\"not india\"]\n", `catalogue.yaml:8:13: rule "not india" only says what must not occur`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := rubrics.ValidateCatalogue("catalogue.yaml", []byte(head+tt.tail))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// What the drafter makes of notes as teachers write them: an item for every
// fact, dated by the date its line opens with, figures that are figures,
// causes from the headings that name them, no advice, names that are names.
func TestDraft(t *testing.T) {
	notes := `THE WEIMAR REPUBLIC 1919-23

CAUSE 1 - A WEAK CONSTITUTION:
* 11 August 1919: the Weimar Constitution was signed; it had been drafted since February 1919.
* Article 48 let the President rule by decree.
* Proportional representation gave one seat for every 60,000 votes.
* Judges from the Kaiser's time kept their jobs.

Cause 2: The Treaty of Versailles
* 28 June 1919: Germany signed the treaty at Versailles.
* Between 1919 and 1922 there were 354 political murders by the right.
* In June 1922 Rathenau was murdered; Stresemann said in October 1923 that Rathenau had been right.
* Exam tip: weigh the treaty against the economy and decide which mattered most.

EXAM TIPS
* Always link the treaty to the crises of 1923.
`
	c, err := rubrics.Draft("weimar", "Weimar", notes)
	if err != nil {
		t.Fatal(err)
	}
	byFact := map[string]corpus.Item{}
	for _, it := range c.Items {
		byFact[it.Fact[:20]] = it
		if it.Recognise != nil && len(it.Recognise) > 0 {
			t.Errorf("%s: drafted with rules %q; items are found by their passages", it.ID, it.Recognise)
		}
		if it.Passage == "" {
			t.Errorf("%s: no passage", it.ID)
		}
		for _, m := range []string{"june", "october", "august", "article"} {
			if strings.HasPrefix(it.ID, m) {
				t.Errorf("id %q is named after a month or a common word", it.ID)
			}
		}
	}
	for _, tt := range []struct {
		fact    string
		kind    string
		dates   []string
		figures []string
	}{
		{"11 August 1919: the ", corpus.KindEvent, []string{"11 August 1919"}, nil},
		{"Article 48 let the P", corpus.KindConcept, nil, nil},
		{"Proportional represe", corpus.KindFigure, nil, []string{"60,000"}},
		{"Judges from the Kais", corpus.KindConcept, nil, nil},
		{"28 June 1919: German", corpus.KindEvent, []string{"28 June 1919"}, nil},
		{"Between 1919 and 192", corpus.KindFigure, nil, []string{"354"}},
		{"In June 1922 Rathena", corpus.KindConcept, nil, nil},
	} {
		it, ok := byFact[tt.fact]
		if !ok {
			t.Errorf("no item for %q", tt.fact)
			continue
		}
		if it.Kind != tt.kind || !slices.Equal(it.Dates, tt.dates) || !slices.Equal(it.Figures, tt.figures) {
			t.Errorf("%q: kind %s, dates %q, figures %q; want %s, %q, %q", tt.fact, it.Kind, it.Dates, it.Figures, tt.kind, tt.dates, tt.figures)
		}
	}
	for _, advice := range []string{"Always link the trea", "Exam tip: weigh the "} {
		if _, ok := byFact[advice]; ok {
			t.Errorf("exam advice %q became an item", advice)
		}
	}
	var causes []string
	for _, it := range c.Causes {
		causes = append(causes, it.Label)
	}
	// A heading in capitals is written as a sentence, its names as the notes
	// write them ("the Weimar Constitution").
	if want := []string{"A weak Constitution", "The Treaty of Versailles"}; !slices.Equal(causes, want) {
		t.Errorf("causes %q, want %q", causes, want)
	}
	for _, n := range c.Names {
		if slices.Contains([]string{"June", "October", "Article", "President", "Treaty"}, n.Name) {
			t.Errorf("%q drafted as a name", n.Name)
		}
	}
	if len(c.Period) != 2 || c.Period[0] != 1919 || c.Period[1] > 1923 {
		t.Errorf("period %v, want 1919 to 1922 or 1923", c.Period)
	}
}

// Whatever the notes, the drafted catalogue passes the project's own
// validation, so that a teacher's save never fails on it.
func FuzzDraftValidates(f *testing.F) {
	for _, s := range []string{
		"# Notes\n- 1919 and 1922: two dates\n- \"1917\" quoted\n",
		"TITLE\n\nCAUSE 1 - X:\n* 5-12 January 1919: a rising\n* £6,600 million\n",
		"a\n1 of 1\n",
		"## Cause 3: Political violence\n- 354 murders, 22 by the left\n| Date | Price |\n|---|---|\n| 1918 | 0.63 marks |\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, notes string) {
		c, err := rubrics.Draft("t", "T", notes)
		if err != nil {
			return // notes that cannot be read say so
		}
		cat, err := rubrics.DraftCatalogue("t", "T", notes)
		if err != nil {
			t.Fatalf("Draft worked but DraftCatalogue failed: %v", err)
		}
		if err := rubrics.ValidateCatalogue("draft.yaml", cat); err != nil {
			t.Fatalf("the draft of %q does not validate: %v\n%s", notes, err, cat)
		}
		topic, err := corpus.Parse("draft.yaml", cat, notes)
		if err != nil {
			t.Fatalf("the draft of %q does not load: %v\n%s", notes, err, cat)
		}
		if len(topic.Items) != len(c.Items)+len(c.Causes) {
			t.Fatalf("%d items drafted, %d loaded", len(c.Items)+len(c.Causes), len(topic.Items))
		}
	})
}

// Notes organised by theme, with no heading that says "cause", give a
// cause for every section heading that is not an event of a year, a
// question, advice or a list of people.
func TestDraftThemes(t *testing.T) {
	notes := `THE COLD WAR IN EUROPE, 1945-49
Revision notes for the exam

1. RIVAL IDEOLOGIES
   1.1 The USA stood for capitalism and democracy.
   1.2 The USSR stood for communism and a one-party state.

2. SOVIET EXPANSION IN EASTERN EUROPE
   2.1 By 1948 communists ruled Poland, Hungary and Czechoslovakia.
   2.2 Churchill spoke of an "iron curtain" in March 1946.

3. THE BERLIN BLOCKADE, 1948-49
   3.1 24 June 1948: Stalin cut the road and rail links to West Berlin.
   3.2 12 May 1949: the blockade was lifted.

4. WHO WAS TO BLAME?
   4.1 Orthodox historians blamed Stalin.
   4.2 Revisionists blamed the USA.

5. THE TURNING POINT: THE MARSHALL PLAN, 5 JUNE 1947
   5.1 In 1947 Marshall offered aid to every state in Europe.
   5.2 Stalin forbade the satellites to take it.

5. KEY PEOPLE
   Truman      US President from 1945
   Stalin      Soviet leader
`
	c, err := rubrics.Draft("cold-war", "Cold War", notes)
	if err != nil {
		t.Fatal(err)
	}
	var causes []string
	for _, it := range c.Causes {
		causes = append(causes, strings.ToLower(it.Label))
	}
	// An event of a year among numbered themes is one when a label says
	// what part it plays; the month keeps its capital.
	if want := []string{"rival ideologies", "soviet expansion in eastern europe", "the turning point: the marshall plan, 5 june 1947"}; !slices.Equal(causes, want) {
		t.Errorf("causes %q, want %q", causes, want)
	}
	if last := c.Causes[len(c.Causes)-1].Label; last != "The turning point: the Marshall plan, 5 June 1947" {
		t.Errorf("label %q, want the names and the month with their capitals", last)
	}
}

// TestDraftSectionsBesideCauses: in notes that name their causes, a
// section at their level that names no cause is an item an essay may use,
// but not a cause; one inside a cause, an event of a year and background
// are neither.
func TestDraftSectionsBesideCauses(t *testing.T) {
	notes := `# The French Revolution, 1789-94

## Background
- France was in debt after the American war.
- Bread prices rose after the poor harvest of 1788.

## Cause 1: Royal debt
- Louis XVI could not raise taxes without the nobles.
- The Estates-General met in May 1789.

### Reform fails
- Calonne's reforms were rejected in 1787.
- Brienne resigned in 1788.

## The Great Fear
- Peasants attacked chateaux and burnt the records of their dues.
- Rumours of a plot by nobles spread through the countryside.

## Cause 2: Enlightenment ideas
- Rousseau wrote of the general will.
- Pamphlets such as Sieyes's attacked privilege.

## The storming of the Bastille, 1789
- 14 July 1789: crowds stormed the Bastille for gunpowder.
- The governor, de Launay, was killed.
`
	c, err := rubrics.Draft("french", "The French Revolution", notes)
	if err != nil {
		t.Fatal(err)
	}
	var causes, headed []string
	for _, it := range c.Causes {
		causes = append(causes, it.Label)
	}
	for _, it := range c.Items {
		if strings.Contains(it.Passage, "-h") { // a heading's passage: "c1-h4"
			headed = append(headed, it.Label)
		}
		if it.Label == "The Great Fear" && it.Kind != corpus.KindConcept {
			t.Errorf("the section beside the causes is a %s, want a concept", it.Kind)
		}
	}
	if want := []string{"Royal debt", "Enlightenment ideas"}; !slices.Equal(causes, want) {
		t.Errorf("causes %q, want %q", causes, want)
	}
	if want := []string{"The Great Fear"}; !slices.Equal(headed, want) {
		t.Errorf("items from headings %q, want %q", headed, want)
	}
}

// TestDraftYearOfADayAndMonth: a day and month with no year are of the
// year of the notes around them, when the notes before and after agree,
// and have no date where they do not.
func TestDraftYearOfADayAndMonth(t *testing.T) {
	for _, tc := range []struct {
		name, notes string
		want        []string // the dates of the line "3 April: ..."
	}{
		{"between two lines of one year", "Events\n* January 1917: strikes in the capital.\n* 3 April: the leader came home by train.\n* 24 October 1917: the guards seized the bridges.\n", []string{"3 April 1917"}},
		{"under a heading of one year", "THE SPRING, 1917\n* 3 April: the leader came home by train.\n* The party grew.\n", []string{"3 April 1917"}},
		{"between two years", "Events\n* January 1916: strikes in the capital.\n* 3 April: the leader came home by train.\n* 24 October 1917: the guards seized the bridges.\n", nil},
		{"after the last year, with none after it", "Events\n* January 1917: strikes in the capital.\n* 3 April: the leader came home by train.\n", nil},
		// Told in order, in a section of two years: after the next line's
		// month, it is of the year before.
		{"a section of two years, after the next line's month", "THE BLOCKADE, 1948-49\n* Spring 1948: the zones were joined.\n* 3 April: the leader came home by train.\n* 2 March 1949: the blockade ended.\n", []string{"3 April 1948"}},
		{"a section of two years, before the next line's month", "THE BLOCKADE, 1948-49\n* Spring 1948: the zones were joined.\n* 3 April: the leader came home by train.\n* 9 May 1949: the blockade ended.\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := rubrics.Draft("dates", "Dates", tc.notes)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range c.Items {
				if strings.HasPrefix(it.Fact, "3 April") && !slices.Equal(it.Dates, tc.want) {
					t.Errorf("dates %q, want %q", it.Dates, tc.want)
				}
			}
		})
	}
}

// TestDraftDatesOfLines: the date a line opens with, as teachers write
// them.
func TestDraftDatesOfLines(t *testing.T) {
	notes := `THE SUMMER OF 1917
* 27-30 August: the Kornilov affair.
* July: Kerensky became Prime Minister.
* 24 October 1917 (6 November): Red Guards seized the bridges.
* Night of 25-26 October: the Winter Palace fell.
* September: the party grew, and then it grew again.
* Trotsky was arrested after the July Days.
`
	c, err := rubrics.Draft("summer", "Summer", notes)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"27-30 August": {"August 1917"},
		"July":         {"July 1917"},
		"24 October":   {"24 October 1917", "6 November 1917"},
		"Night of":     {"October 1917"},
		"September":    {"September 1917"},
		"Trotsky was":  nil,
	}
	for _, it := range c.Items {
		for opening, dates := range want {
			if strings.HasPrefix(it.Fact, opening) && !slices.Equal(it.Dates, dates) {
				t.Errorf("%q: dates %q, want %q", it.Fact, it.Dates, dates)
			}
		}
	}
}

// A title that speaks of causes ("The causes of the American Revolution")
// is no cause: a cause heading numbers or labels its cause ("Cause 1:",
// "Theme:").
func TestDraftTitleOfCauses(t *testing.T) {
	notes := "# The causes of the American Revolution, 1763-76: revision notes\n\n## Cause 1: Taxation\n- 1765: the Stamp Act taxed printed paper.\n- 1767: the Townshend duties taxed tea and glass.\n\n## Cause 2: Ideas\n- Paine's Common Sense sold widely in 1776.\n- Pamphlets attacked the King.\n"
	c, err := rubrics.Draft("revolution", "The American Revolution", notes)
	if err != nil {
		t.Fatal(err)
	}
	var causes []string
	for _, it := range c.Causes {
		causes = append(causes, it.Label)
	}
	if want := []string{"Taxation", "Ideas"}; !slices.Equal(causes, want) {
		t.Errorf("causes %q, want %q", causes, want)
	}
}
