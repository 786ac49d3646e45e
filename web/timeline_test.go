package web

import (
	"testing"

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
	tl := buildTimeline(1949, 1976, rep)
	if len(tl.Events) != 4 || tl.Used != 3 || tl.Missed != 1 {
		t.Fatalf("%d events, %d used, %d missed", len(tl.Events), tl.Used, tl.Missed)
	}
	if tl.Events[0].Years != "1949" {
		t.Errorf("a date before the span is not clamped to it: %q", tl.Events[0].Years)
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
	if got := shorten("Treaty of Friendship, Alliance and Mutual Assistance", 10); got != "Treaty of…" {
		t.Errorf("shorten: %q", got)
	}
}
