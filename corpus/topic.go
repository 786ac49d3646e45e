// Package corpus loads topics: revision notes, split into cards and
// passages, and the evidence catalogue an essay on the topic is checked with.
package corpus

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
)

// Topic is a subject with its notes and evidence catalogue.
type Topic struct {
	ID       string
	Title    string
	From, To int // years the topic covers, for timelines
	Notes    string
	Cards    []Card
	Passages []Passage
	Names    []Name
	Items    []Item // evidence items, then causes, in catalogue order
	byID     map[string]int
}

// Item returns the catalogue item with the given id.
func (t *Topic) Item(id string) (Item, bool) {
	i, ok := t.byID[id]
	if !ok {
		return Item{}, false
	}
	return t.Items[i], true
}

// ItemIDs returns the ids of every item, sorted.
func (t *Topic) ItemIDs() []string {
	ids := make([]string, 0, len(t.Items))
	for _, it := range t.Items {
		ids = append(ids, it.ID)
	}
	sort.Strings(ids)
	return ids
}

// Passage returns the passage, or the heading ("c2-h1"), with the given id.
func (t *Topic) Passage(id string) (Passage, bool) {
	for _, p := range t.Passages {
		if p.ID == id {
			return p, true
		}
	}
	for _, c := range t.Cards {
		for _, h := range c.Headings {
			if h.ID == id {
				return h, true
			}
		}
	}
	return Passage{}, false
}

// Card returns card n (1-based).
func (t *Topic) Card(n int) (Card, bool) {
	if n < 1 || n > len(t.Cards) {
		return Card{}, false
	}
	return t.Cards[n-1], true
}

// Load reads a topic from dir in fsys: notes.txt (or notes.md) and
// catalogue.yaml.
func Load(fsys fs.FS, dir string) (*Topic, error) {
	var notes []byte
	var err error
	for _, name := range []string{"notes.txt", "notes.md"} {
		notes, err = fs.ReadFile(fsys, path.Join(dir, name))
		if err == nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("topic %s: no notes.txt or notes.md: %w", dir, err)
	}
	catName := path.Join(dir, "catalogue.yaml")
	cat, err := fs.ReadFile(fsys, catName)
	if err != nil {
		return nil, fmt.Errorf("topic %s: %w", dir, err)
	}
	return Parse(catName, cat, string(notes))
}

// Parse builds a topic from its catalogue (named catName in messages) and
// its notes.
func Parse(catName string, catalogue []byte, notes string) (*Topic, error) {
	cards, passages, err := ParseNotes(notes)
	if err != nil {
		return nil, fmt.Errorf("%s: notes: %w", catName, err)
	}
	c, err := parseCatalogue(catName, catalogue, len(cards))
	if err != nil {
		return nil, err
	}
	t := &Topic{
		ID: c.Topic, Title: c.Title, Notes: notes, Cards: cards, Passages: passages,
		Names: c.Names, Items: c.Items, byID: map[string]int{},
	}
	if len(c.Period) == 2 {
		t.From, t.To = c.Period[0], c.Period[1]
	}
	for i, it := range t.Items {
		t.byID[it.ID] = i
	}
	return t, nil
}

//go:embed topics
var bundled embed.FS

// Bundled returns the topics that ship with rubricate.
func Bundled() ([]*Topic, error) {
	entries, err := fs.ReadDir(bundled, "topics")
	if err != nil {
		return nil, err
	}
	var topics []*Topic
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		t, err := Load(bundled, path.Join("topics", e.Name()))
		if err != nil {
			return nil, err
		}
		topics = append(topics, t)
	}
	return topics, nil
}
