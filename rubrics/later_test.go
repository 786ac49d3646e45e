package rubrics_test

import (
	"errors"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
)

// TestAddTopicLater: a topic added to be read later is listed at once,
// read the first time it is used (once, however many use it), and unknown
// if it cannot be read; one added again before it is used is read from the
// newer source; one removed before it is used is gone.
func TestAddTopicLater(t *testing.T) {
	lib, err := rubrics.Open()
	if err != nil {
		t.Fatal(err)
	}
	draft := func(id string) func() (*corpus.Topic, error) {
		return func() (*corpus.Topic, error) { return rubrics.DraftTopic(id, "Cuba", cubaNotes) }
	}
	var reads atomic.Int32
	if err := lib.AddTopicLater("cuba-later", "Cuba", func() (*corpus.Topic, error) {
		reads.Add(1)
		return draft("cuba-later")()
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(lib.TopicIDs(), "cuba-later") {
		t.Errorf("TopicIDs %v lacks the topic added to be read later", lib.TopicIDs())
	}
	if title, ok := lib.TopicTitle("cuba-later"); !ok || title != "Cuba" {
		t.Errorf("TopicTitle = %q, %v; want the title given", title, ok)
	}
	if reads.Load() != 0 {
		t.Fatalf("read %d times before it was used, or for its title", reads.Load())
	}
	done := make(chan bool)
	for range 4 {
		go func() {
			tp, ok := lib.Topic("cuba-later")
			done <- ok && tp.ID == "cuba-later"
		}()
	}
	for range 4 {
		if !<-done {
			t.Error("Topic did not return the topic added to be read later")
		}
	}
	if n := reads.Load(); n != 1 {
		t.Errorf("read %d times, want once", n)
	}
	r := rubrics.FromNotes(mustTopic(t, lib, "cuba-later"), "", 20)
	if _, err := lib.Check(r, "In January 1959 Fidel Castro took power in Cuba."); err != nil {
		t.Errorf("a check on it: %v", err)
	}

	if err := lib.AddTopicLater("broken", "", func() (*corpus.Topic, error) { return nil, errors.New("damaged") }); err != nil {
		t.Fatal(err)
	}
	if _, ok := lib.Topic("broken"); ok {
		t.Error("a topic that cannot be read is known")
	}
	if slices.Contains(lib.TopicIDs(), "broken") {
		t.Error("a topic that cannot be read is still listed once it was tried")
	}

	lib.AddTopicLater("twice", "", func() (*corpus.Topic, error) { return nil, errors.New("the older source was read") })
	lib.AddTopicLater("twice", "", draft("twice"))
	if _, ok := lib.Topic("twice"); !ok {
		t.Error("a topic added again before it was used is not read from the newer source")
	}

	lib.AddTopicLater("removed", "", draft("removed"))
	if !lib.RemoveTopic("removed") {
		t.Error("RemoveTopic did not remove a topic not read yet")
	}
	if _, ok := lib.Topic("removed"); ok {
		t.Error("a removed topic is still known")
	}
	if split, _ := lib.Rubric("sino-soviet-split"); lib.AddTopicLater(split.Topic, "", draft(split.Topic)) == nil {
		t.Error("a bundled topic's id was accepted")
	}
}

func mustTopic(t *testing.T, lib *rubrics.Library, id string) *corpus.Topic {
	t.Helper()
	tp, ok := lib.Topic(id)
	if !ok {
		t.Fatalf("no topic %q", id)
	}
	return tp
}

// A checker carries its rubric's version into every report: one compiled
// for a preview leaves nothing in the Library, and a registered version is
// the one its checker names.
func TestCheckers(t *testing.T) {
	lib, err := rubrics.Open()
	if err != nil {
		t.Fatal(err)
	}
	split, _ := lib.Rubric("sino-soviet-split")
	copied := *split
	copied.ID = "split-copy"
	ch, err := lib.Compile(&copied, 7)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := ch.Check(t.Context(), "In February 1950 Mao and Stalin signed the Treaty of Friendship.")
	if err != nil || rep.Rubric.ID != "split-copy" || rep.Rubric.Version != 7 {
		t.Errorf("a compiled draft's report: %+v, %v", rep.Rubric, err)
	}
	if _, ok := lib.Checker("split-copy"); ok {
		t.Error("compiling a draft registered it")
	}
	if err := lib.AddVersion(&copied, 3); err != nil {
		t.Fatal(err)
	}
	reg, ok := lib.Checker("split-copy")
	if !ok {
		t.Fatal("no checker for a registered rubric")
	}
	if rep, err := reg.Check(t.Context(), "In 1950 Mao and Stalin signed a treaty."); err != nil || rep.Rubric.Version != 3 {
		t.Errorf("the registered version's report names version %d, %v; want 3", rep.Rubric.Version, err)
	}
}
