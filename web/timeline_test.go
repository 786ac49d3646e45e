package web

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
)

func TestYearsOf(t *testing.T) {
	tests := []struct {
		dates       []string
		first, last int
		ok          bool
	}{
		{[]string{"February 1950"}, 1950, 1950, true},
		{[]string{"1950-53"}, 1950, 1953, true},
		{[]string{"1965-1976"}, 1965, 1976, true},
		{[]string{"1954–55"}, 1954, 1955, true},
		{[]string{"2nd March 1969", "1971"}, 1969, 1969, true},
		{[]string{"28 February 1972", "1976"}, 1972, 1972, true},
		{[]string{"the 1960s?", "1959-62"}, 1960, 1960, true},
		{[]string{"unknown", "1959-62"}, 1959, 1962, true},
		{[]string{"the late fifties"}, 0, 0, false},
		{nil, 0, 0, false},
	}
	for _, tt := range tests {
		first, last, ok := yearsOf(tt.dates)
		if first != tt.first || last != tt.last || ok != tt.ok {
			t.Errorf("yearsOf(%q) = %d, %d, %v; want %d, %d, %v", tt.dates, first, last, ok, tt.first, tt.last, tt.ok)
		}
	}
}

func TestBuildTimeline(t *testing.T) {
	rep := &rubrics.Report{Evidence: []rubrics.Evidence{
		{ID: "late", Label: "Nixon visits China", Found: false, Dates: []string{"1972"}},
		{ID: "undated", Label: "Ideology", Found: true},
		{ID: "early", Label: "Treaty of Friendship", Found: true, Dates: []string{"February 1950"}},
		{ID: "range", Label: "Korean War", Found: true, Dates: []string{"1950-53"}},
		{ID: "before", Label: "Civil war", Found: true, Dates: []string{"1927"}},
	}}
	tl := layoutTimeline(1949, 1976, rep)
	if len(tl.Events) != 4 || tl.Used != 3 || tl.Missed != 1 {
		t.Fatalf("%d events, %d used, %d missed", len(tl.Events), tl.Used, tl.Missed)
	}
	if first := tl.Events[0]; first.Years != "1927" || first.X1 != tl.AxisX1 {
		t.Errorf("a date before the span: %+v; want drawn at the start, labelled 1927", first)
	}
	kw := tl.Events[2]
	if kw.Years != "1950-1953" || kw.X2 <= kw.X1 {
		t.Errorf("range drawn as %+v", kw)
	}
	last := tl.Events[3]
	if last.Used || last.Anchor != "end" || last.TextX >= last.X1 {
		t.Errorf("late event %+v: want missed, labelled to its left", last)
	}
	for _, e := range tl.Events {
		if e.X1 < tl.AxisX1 || e.X2 > tl.AxisX2 || e.Y >= tl.Height {
			t.Errorf("event %q drawn outside the timeline: %+v", e.FullLabel, e)
		}
	}
	long := layoutTimeline(1949, 1976, &rubrics.Report{Evidence: []rubrics.Evidence{
		{Label: "Khrushchev and Mao met in Beijing for talks that went badly, with no agreement at all, in 1975", Dates: []string{"1975"}},
	}})
	// A long label wraps onto lines that fit beside its marker, none cut.
	e := long.Events[0]
	if got := strings.Join(e.Lines, " "); got != e.Text || strings.Contains(got, "…") || len(e.Lines) < 2 {
		t.Errorf("a long label is drawn as %q; want all of %q, wrapped", e.Lines, e.Text)
	}
	for _, l := range e.Lines {
		if w := textWidth(l, true); e.Anchor == "end" && w > e.TextX || e.Anchor == "start" && e.TextX+w > tlWidth+tlPad {
			t.Errorf("line %q is wider than its room", l)
		}
	}
	if long.Height < tlAxisY+34+tlRow+tlLine {
		t.Errorf("the timeline is %d high: no room for the wrapped lines", long.Height)
	}
	if got := shorten("Treaty of Friendship, Alliance and Mutual Assistance", 10); got != "Treaty of…" {
		t.Errorf("shorten: %q", got)
	}
}

// weimarNotes are a teacher's notes in Markdown, dated 1919-1923.
const weimarNotes = `# Weimar Germany, 1919-23

## The new republic

- The Weimar constitution was agreed in **August 1919**, with *Article 48* for emergencies.
- The Treaty of Versailles was signed on 28 June 1919: Germany lost 13% of its land.

## The Kapp Putsch, March 1920

- Wolfgang Kapp led **5,000** Freikorps into Berlin in March 1920.
- A general strike by Berlin's workers ended the putsch after four days.

## Causes of the hyperinflation

- Walther Rathenau, the foreign minister, was murdered in June 1922.
- French and Belgian troops occupied the Ruhr in January 1923 and the workers began passive resistance.
- By November 1923 a loaf of bread cost 200,000 million marks.
`

// draftedReport is a report on every item of t, the first half found.
func draftedReport(t *corpus.Topic) *rubrics.Report {
	rep := &rubrics.Report{}
	for i, it := range t.Items {
		rep.Evidence = append(rep.Evidence, rubrics.Evidence{ID: it.ID, Label: it.Label, Found: i%2 == 0, Dates: it.Dates})
	}
	return rep
}

func TestTimelineDraftedTopic(t *testing.T) {
	topic, err := rubrics.DraftTopic("weimar", "Weimar Germany", weimarNotes)
	if err != nil {
		t.Fatal(err)
	}
	if topic.From != 1919 || topic.To != 1923 {
		t.Fatalf("drafted period %d-%d; want 1919-1923", topic.From, topic.To)
	}
	rep := draftedReport(topic)
	tl := buildTimeline(topic, rep)
	if tl.From != 1919 || tl.To != 1923 {
		t.Errorf("timeline %d-%d; want the topic's period 1919-1923", tl.From, tl.To)
	}
	want := map[string]bool{}
	for _, it := range topic.Items {
		if first, _, ok := yearsOf(it.Dates); ok {
			want[strconv.Itoa(first)] = true
		}
	}
	got := map[string]bool{}
	for _, e := range tl.Events {
		got[e.Years] = true
		if !strings.HasPrefix(e.Text, e.Years) && !strings.Contains(e.FullLabel, e.Years) && !strings.Contains(e.Text, e.Years) {
			t.Errorf("event %q is not labelled with its year %s: %q", e.FullLabel, e.Years, e.Text)
		}
	}
	for y := range want {
		if !got[y] {
			t.Errorf("no event labelled %s; events: %+v", y, tl.Events)
		}
	}
	if len(got) < 4 {
		t.Errorf("events labelled with only %d years: %v", len(got), got)
	}
	// Events of the same year are placed by their month on a short span.
	xs := map[string]int{}
	for _, e := range tl.Events {
		xs[e.FullLabel] = e.X1
	}
	var june, aug int
	for label, x := range xs {
		switch {
		case strings.Contains(label, "28 June 1919"), strings.Contains(label, "Versailles"):
			june = x
		case strings.Contains(label, "constitution"):
			aug = x
		}
	}
	if june == 0 || aug == 0 || june >= aug {
		t.Errorf("June 1919 at %d, August 1919 at %d: want June first", june, aug)
	}
	for i, tk := range tl.Ticks {
		if tk.Label && (tk.Year < 1919 || tk.Year > 1923) {
			t.Errorf("tick %d labels %d, outside the period", i, tk.Year)
		}
	}

	// Without a period, the items' dates give the span.
	noPeriod := *topic
	noPeriod.From, noPeriod.To = 0, 0
	if tl := buildTimeline(&noPeriod, rep); tl.From != 1919 || tl.To != 1923 {
		t.Errorf("without a period: %d-%d; want the items' years 1919-1923", tl.From, tl.To)
	}
	if tl := buildTimeline(nil, &rubrics.Report{}); len(tl.Events) != 0 || tl.From != 0 {
		t.Errorf("nothing dated: %+v", tl)
	}
}

func TestTimelineBundledTopic(t *testing.T) {
	lib := library(t)
	topic, ok := lib.Topic("sino-soviet-relations-1949-76")
	if !ok {
		t.Fatal("no bundled topic")
	}
	tl := buildTimeline(topic, draftedReport(topic))
	if tl.From != 1949 || tl.To != 1976 {
		t.Errorf("bundled timeline %d-%d", tl.From, tl.To)
	}
	var labels []int
	for _, tk := range tl.Ticks {
		if tk.Label {
			labels = append(labels, tk.Year)
		}
	}
	if fmt.Sprint(labels) != "[1950 1955 1960 1965 1970 1975]" || len(tl.Ticks) != 29 {
		t.Errorf("bundled axis: labels %v, %d ticks; want every five years and a tick a year", labels, len(tl.Ticks))
	}
	years := map[string]bool{}
	for _, e := range tl.Events {
		years[e.Years[:4]] = true
	}
	if len(years) < 10 {
		t.Errorf("bundled events fall in only %d years: %v", len(years), years)
	}
}

func TestTimelineSpans(t *testing.T) {
	for _, span := range []struct{ from, to int }{
		{1919, 1921}, {1919, 1923}, {1939, 1945}, {1945, 1962}, {1949, 1976}, {1900, 1999}, {1815, 1914}, {1066, 1485},
	} {
		t.Run(fmt.Sprintf("%d-%d", span.from, span.to), func(t *testing.T) {
			rep := &rubrics.Report{Evidence: []rubrics.Evidence{
				{Label: "First", Dates: []string{strconv.Itoa(span.from)}, Found: true},
				{Label: "Last", Dates: []string{strconv.Itoa(span.to)}},
				{Label: "Middle", Dates: []string{fmt.Sprintf("%d-%d", span.from+1, (span.from+span.to)/2)}},
			}}
			tl := layoutTimeline(span.from, span.to, rep)
			var labels []tlTick
			for _, tk := range tl.Ticks {
				if tk.Label {
					labels = append(labels, tk)
				}
			}
			if len(labels) < 2 || len(labels) > tlMaxLabels {
				t.Errorf("%d labelled years: %+v", len(labels), labels)
			}
			for i := 1; i < len(labels); i++ {
				if gap := labels[i].X - labels[i-1].X; gap < tlMinGap {
					t.Errorf("years %d and %d only %d apart: labels overlap", labels[i-1].Year, labels[i].Year, gap)
				}
			}
			for i := 1; i < len(tl.Ticks); i++ {
				if gap := tl.Ticks[i].X - tl.Ticks[i-1].X; gap < tlMinTick-1 {
					t.Errorf("ticks %d and %d only %d apart", tl.Ticks[i-1].Year, tl.Ticks[i].Year, gap)
				}
			}
			if len(tl.Events) != 3 {
				t.Fatalf("%d events", len(tl.Events))
			}
			first, last := tl.Events[0], tl.Events[len(tl.Events)-1]
			if first.Years != strconv.Itoa(span.from) || last.Years != strconv.Itoa(span.to) {
				t.Errorf("events labelled %s and %s", first.Years, last.Years)
			}
			for _, e := range tl.Events {
				if e.X1 < tl.AxisX1 || e.X2 > tl.AxisX2 || e.X1 > e.X2 {
					t.Errorf("event %q drawn outside the axis: %+v", e.FullLabel, e)
				}
				if e.Anchor == "start" && e.TextX+textWidth(e.Text, true) > tl.Width+tlPad {
					t.Errorf("label of %q runs off the drawing: %+v", e.FullLabel, e)
				}
			}
		})
	}
}
