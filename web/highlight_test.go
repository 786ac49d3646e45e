package web

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/rubricate/rubricate/rubrics"
)

func TestSegments(t *testing.T) {
	ev := func(spans ...[2]int) rubrics.Evidence {
		e := rubrics.Evidence{Found: true}
		for _, s := range spans {
			e.Matches = append(e.Matches, rubrics.Match{Start: s[0], End: s[1]})
		}
		return e
	}
	prob := func(a, b int) rubrics.Problem { return rubrics.Problem{Start: a, End: b} }
	tests := []struct {
		name string
		text string
		rep  rubrics.Report
		want []segment
	}{
		{
			name: "nothing marked",
			text: "plain",
			want: []segment{{Text: "plain"}},
		},
		{
			name: "one match",
			text: "the treaty of 1950",
			rep:  rubrics.Report{Evidence: []rubrics.Evidence{ev([2]int{4, 10})}},
			want: []segment{{Text: "the "}, {Text: "treaty", Evidence: []int{0}}, {Text: " of 1950"}},
		},
		{
			name: "overlapping evidence and a problem",
			text: "aid of $800 million in 1950",
			rep: rubrics.Report{
				Evidence: []rubrics.Evidence{ev([2]int{0, 3}, [2]int{7, 19}), ev([2]int{7, 11})},
				Problems: []rubrics.Problem{prob(7, 19)},
			},
			want: []segment{
				{Text: "aid", Evidence: []int{0}},
				{Text: " of "},
				{Text: "$800", Evidence: []int{0, 1}, Problems: []int{0}},
				{Text: " million", Evidence: []int{0}, Problems: []int{0}, Flags: []int{1}},
				{Text: " in 1950"},
			},
		},
		{
			name: "nested problems end together",
			text: "abcdef",
			rep:  rubrics.Report{Problems: []rubrics.Problem{prob(0, 6), prob(2, 6)}},
			want: []segment{
				{Text: "ab", Problems: []int{0}},
				{Text: "cdef", Problems: []int{0, 1}, Flags: []int{1, 2}},
			},
		},
		{
			name: "same span twice is one highlight",
			text: "Mao Mao",
			rep:  rubrics.Report{Evidence: []rubrics.Evidence{ev([2]int{0, 3}, [2]int{0, 3})}},
			want: []segment{{Text: "Mao", Evidence: []int{0}}, {Text: " Mao"}},
		},
		{
			name: "spans inside a rune widen to whole runes",
			text: "Zhou Enlai’s visit", // ’ is 3 bytes at 10..13
			rep:  rubrics.Report{Evidence: []rubrics.Evidence{ev([2]int{11, 12})}},
			want: []segment{{Text: "Zhou Enlai"}, {Text: "’", Evidence: []int{0}}, {Text: "s visit"}},
		},
		{
			name: "out-of-range and empty spans are dropped",
			text: "short",
			rep: rubrics.Report{
				Evidence: []rubrics.Evidence{ev([2]int{-1, 2}, [2]int{3, 99}, [2]int{2, 2}, [2]int{4, 3})},
			},
			want: []segment{{Text: "short"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := segments(tt.text, &tt.rep)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("segments (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEssayViewsSayWhat(t *testing.T) {
	rep := &rubrics.Report{
		Evidence: []rubrics.Evidence{{Label: "Treaty (1950)", Found: true, Credit: "partial", Matches: []rubrics.Match{{Start: 0, End: 6}}}},
		Problems: []rubrics.Problem{{Start: 0, End: 6, Message: "The notes say February 1950."}},
	}
	views := essayViews(segments("Treaty signed", rep), rep)
	if views[0].Class != "ev partial prob" {
		t.Errorf("class %q", views[0].Class)
	}
	for _, want := range []string{"Evidence: Treaty (1950)", "listed, not yet explained", "Problem: The notes say February 1950."} {
		if !strings.Contains(views[0].Tip, want) {
			t.Errorf("tip %q lacks %q", views[0].Tip, want)
		}
	}
}

// FuzzSegments checks that any spans, however wrong, cut the essay into
// pieces that join back into it without splitting a character.
func FuzzSegments(f *testing.F) {
	f.Add("Khrushchev’s “peaceful co-existence” of 1956", 3, 14, 10, 40)
	f.Add("", 0, 0, 0, 0)
	f.Add("€€€", 1, 2, 4, 8)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		rep := &rubrics.Report{
			Evidence: []rubrics.Evidence{{Matches: []rubrics.Match{{Start: a, End: b}, {Start: c, End: d}}}},
			Problems: []rubrics.Problem{{Start: b, End: d}, {Start: a, End: c}},
		}
		segs := segments(text, rep)
		var joined strings.Builder
		for _, s := range segs {
			if s.Text == "" {
				t.Fatalf("empty segment in %+v", segs)
			}
			if utf8.ValidString(text) && !utf8.ValidString(s.Text) {
				t.Fatalf("segment %q splits a character", s.Text)
			}
			joined.WriteString(s.Text)
		}
		if joined.String() != text {
			t.Fatalf("segments join to %q, want %q", joined.String(), text)
		}
		essayViews(segs, rep)
	})
}

// A highlight marks the clause that states the evidence, not its words
// one by one.
func TestClauseStretches(t *testing.T) {
	text := "In February 1950 Mao and Stalin signed the Treaty of Friendship, which gave China $300 million. Later, Mao was angry."
	at := func(word string) rubrics.Match {
		i := strings.Index(text, word)
		return rubrics.Match{Start: i, End: i + len(word), Text: word}
	}
	tests := []struct {
		name    string
		matches []rubrics.Match
		want    []string
	}{
		{"words of one clause", []rubrics.Match{at("Treaty of Friendship"), at("1950")}, []string{"In February 1950 Mao and Stalin signed the Treaty of Friendship"}},
		{"a figure in the next clause", []rubrics.Match{at("$300 million")}, []string{"which gave China $300 million"}},
		{"words across two clauses of a sentence", []rubrics.Match{at("1950"), at("$300 million")}, []string{"In February 1950 Mao and Stalin signed the Treaty of Friendship, which gave China $300 million"}},
		{"two sentences", []rubrics.Match{at("Stalin"), at("angry")}, []string{"In February 1950 Mao and Stalin signed the Treaty of Friendship", "Mao was angry"}},
		{"out of range", []rubrics.Match{{Start: -1, End: 3}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range clauseStretches(text, tt.matches) {
				got = append(got, m.Text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("stretches (-want +got):\n%s", diff)
			}
		})
	}
}
