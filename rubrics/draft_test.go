package rubrics_test

import (
	"os"
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
	for _, want := range []string{`"$300 million"`, `"141"`, `"4406 kilometre"`, "Khrushchev"} {
		if !strings.Contains(string(draft), want) {
			t.Errorf("draft lacks %s", want)
		}
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
		{"no dates or figures", "t", "Some notes\n\n- nothing precise here\n", "nothing to suggest"},
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
