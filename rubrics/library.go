package rubrics

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/index"
)

// Library holds the topics, their indexes and the rubrics that can be used.
// Build it once per process: it loads models and indexes the notes. It is
// safe for concurrent use.
type Library struct {
	mu      sync.RWMutex
	topics  map[string]*topicData
	rubrics map[string]*compiled
	order   []string        // rubric ids in the order they were added
	drafts  sync.Map        // *Rubric -> *compiled, for rubrics checked but not added
	bundled map[string]bool // topics that ship with rubricate
	// later are topics added with AddTopicLater and not used yet.
	later map[string]*laterTopic
	// matching says which matchers find evidence.
	matching Matching
}

// laterTopic is a topic that is read the first time it is used.
type laterTopic struct {
	once  sync.Once
	title string
	read  func() (*corpus.Topic, error)
}

// topicData is a topic ready for checking.
type topicData struct {
	topic    *corpus.Topic
	index    *index.Index
	analyzer *analyzer.Analyzer
	items    map[string]*item // catalogue items, compiled
	all      []*item          // in catalogue order
	// What the first check on the topic builds (see prepare), so that a
	// server with a thousand topics starts at once and only the topics
	// that students use cost the time and memory: grams are runs of words
	// in the notes, to spot copying; notes finds the items that have no
	// rules of their own by their passages of the notes.
	prepared sync.Once
	matching Matching
	unruled  []*item
	grams    map[uint64]struct{}
	notes    *notesMatcher
	// sections lists, for each cause that stands for a heading of the
	// notes, the items of the passages under that heading.
	sections map[string][]string
}

// item is an evidence item with compiled rules and its notes passage.
type item struct {
	corpus.Item
	rules   []rule
	anchors []rule // "about" phrases: they tie figures in a sentence to the item
	dates   []analyzer.Mention
	figures []analyzer.Mention
	source  *Source
	// slots are the stems of the words each of the item's figures stands
	// before in its passage ("men" of "100,000 men"), one per figure
	// found there, with the figure (see essay.sameSlot).
	slots []figureSlot
	// passageDates are all the dates of years its passage gives, beside
	// its own (dates): a date of the passage is right of the item, as
	// "in 1938" is of "the Recession of 1937-38", though the item is
	// dated by its lead.
	passageDates []analyzer.Mention
}

// figureSlot is a figure of an item's passage and the stem of the word
// after it.
type figureSlot struct {
	figure analyzer.Mention
	after  string
}

// compiled is a rubric with its items resolved.
type compiled struct {
	*Rubric
	// version is the version of a stored rubric the Library holds (see
	// AddVersion), 0 for a built-in one.
	version int
	topic   *topicData
	items   map[string]*item // every item the rubric can use: catalogue + inline
	focus   []rule
	// questionStems are the stems of the question's words, which every
	// answer uses whatever it says (see notesMatcher).
	questionStems map[string]bool
	// ids are the rubric's items in order, worked out once (see
	// Rubric.itemIDs): every check asks for them several times.
	ids []string
	// Builtin rubrics cannot be changed or removed.
	Builtin bool
}

// itemIDs returns the rubric's items in order. The slice is shared: do
// not change it.
func (c *compiled) itemIDs() []string { return c.ids }

//go:embed builtin/*.yaml
var builtinFS embed.FS

// Matching says which matchers find evidence: both (the default), the
// hand-written rules alone, or the notes alone (every item by its passage,
// its rules set aside). The two others are for measuring what each adds.
type Matching int

// The ways of Matching.
const (
	MatchBoth Matching = iota
	MatchRules
	MatchNotes
)

// Open loads the bundled topics and the built-in rubrics.
func Open() (*Library, error) {
	return OpenMatching(MatchBoth)
}

// OpenMatching is Open with evidence found by the matchers m says.
func OpenMatching(m Matching) (*Library, error) {
	topics, err := corpus.Bundled()
	if err != nil {
		return nil, fmt.Errorf("loading the bundled notes: %w", err)
	}
	l := &Library{topics: map[string]*topicData{}, rubrics: map[string]*compiled{}, bundled: map[string]bool{}, later: map[string]*laterTopic{}, matching: m}
	for _, t := range topics {
		if err := l.AddTopic(t); err != nil {
			return nil, err
		}
		l.bundled[t.ID] = true
	}
	entries, err := fs.ReadDir(builtinFS, "builtin")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		data, err := fs.ReadFile(builtinFS, "builtin/"+e.Name())
		if err != nil {
			return nil, err
		}
		r, err := Parse("builtin/"+e.Name(), bytes.NewReader(data), l)
		if err != nil {
			return nil, fmt.Errorf("built-in rubric: %w", err)
		}
		c, err := l.compile(r)
		if err != nil {
			return nil, err
		}
		c.Builtin = true
		l.rubrics[r.ID] = c
		l.order = append(l.order, r.ID)
	}
	return l, nil
}

// AddTopic makes a topic available: it builds its lexicon, analyzer and
// index and compiles its catalogue.
func (l *Library) AddTopic(t *corpus.Topic) error {
	return l.addTopic(t, nil)
}

// AddTopicLater makes a topic available that read returns the first time
// anything uses it (a check, a rubric on it, its notes): a server holding
// a thousand stored topics starts at once, and pays for the topics that
// students use. A topic that read cannot return is unknown.
// title is its title, for lists of topics, which do not read it.
func (l *Library) AddTopicLater(id, title string, read func() (*corpus.Topic, error)) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.bundled[id] {
		return fmt.Errorf("%q is a bundled topic: give yours another id", id)
	}
	if old := l.topics[id]; old != nil {
		old.analyzer.Lexicon().Release()
		delete(l.topics, id)
	}
	l.later[id] = &laterTopic{title: title, read: read}
	return nil
}

// TopicTitle returns a topic's title without reading a topic added to be
// read later: for lists of topics.
func (l *Library) TopicTitle(id string) (string, bool) {
	l.mu.RLock()
	td, ok := l.topics[id]
	lt := l.later[id]
	l.mu.RUnlock()
	switch {
	case ok:
		return td.topic.Title, true
	case lt != nil && lt.title != "":
		return lt.title, true
	case lt != nil:
		return id, true
	}
	return "", false
}

// topic returns a topic's data, reading it first if it was added to be
// read later.
func (l *Library) topic(id string) (*topicData, bool) {
	l.mu.RLock()
	td, ok := l.topics[id]
	lt := l.later[id]
	l.mu.RUnlock()
	if ok || lt == nil {
		return td, ok
	}
	lt.once.Do(func() {
		t, err := lt.read()
		if err == nil && t.ID != id {
			err = fmt.Errorf("the topic read for %q is %q", id, t.ID)
		}
		if err == nil {
			err = l.addTopic(t, lt)
		}
		if err != nil {
			l.mu.Lock()
			if l.later[id] == lt {
				delete(l.later, id) // unknown from now on
			}
			l.mu.Unlock()
		}
	})
	l.mu.RLock()
	td, ok = l.topics[id]
	l.mu.RUnlock()
	return td, ok
}

// addTopic builds a topic's data and adds it. from is the laterTopic it
// was read for, if any: it is added only if that one is still wanted.
func (l *Library) addTopic(t *corpus.Topic, from *laterTopic) error {
	l.mu.RLock()
	builtin := l.bundled[t.ID]
	l.mu.RUnlock()
	if builtin {
		return fmt.Errorf("%q is a bundled topic: give yours another id", t.ID)
	}
	names := make([]analyzer.Name, len(t.Names))
	for i, n := range t.Names {
		names[i] = analyzer.Name{Canonical: n.Name, Variants: n.Variants}
	}
	var terms []string
	for _, it := range t.Items {
		for _, r := range append(append([]string{}, it.Recognise...), it.About...) {
			terms = append(terms, ruleWords(r)...)
		}
	}
	lex := analyzer.NewLexicon(names, terms)
	for _, p := range t.Passages {
		lex.Know(p.Text)
	}
	an, err := analyzer.New(lex)
	if err != nil {
		return err
	}
	an.SetYears(t.From, t.To)
	idx, err := index.Open(t, func(text string) []string {
		var vs []string
		for _, m := range analyzer.FindMentions(text) {
			vs = append(vs, m.Value)
		}
		return vs
	})
	if err != nil {
		return err
	}
	td := &topicData{topic: t, index: idx, analyzer: an, items: map[string]*item{}}
	for _, ci := range t.Items {
		it, err := compileItem(ci, an.Lexicon(), idx, t)
		if err != nil {
			return fmt.Errorf("topic %s: %w", t.ID, err)
		}
		td.items[it.ID] = it
		td.all = append(td.all, it)
	}
	td.matching = l.matching
	for _, it := range td.all {
		if len(it.rules) == 0 && l.matching != MatchRules || l.matching == MatchNotes && it.source != nil {
			td.unruled = append(td.unruled, it)
		}
	}
	td.sections = sectionsOf(t)
	l.mu.Lock()
	if from != nil && l.later[t.ID] != from {
		l.mu.Unlock() // replaced or removed while it was read
		an.Lexicon().Release()
		return nil
	}
	delete(l.later, t.ID)
	old := l.topics[t.ID]
	l.topics[t.ID] = td
	l.mu.Unlock()
	if old != nil {
		old.analyzer.Lexicon().Release() // its caches' share goes back to the budget
	}
	return nil
}

// prepare builds, once, what checking an essay on the topic needs beyond
// its compiled catalogue: the notes matcher and the notes' runs of words.
// It returns td.
func (td *topicData) prepare() *topicData {
	td.prepared.Do(func() {
		td.grams = noteGrams(td.analyzer, td.topic.Notes)
		td.notes = newNotesMatcher(td.topic, td.analyzer, td.unruled)
	})
	return td
}

// ruleWords returns the words and stems (ending in *) of a rule, for the
// lexicon of key terms.
func ruleWords(r string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(r, func(c rune) bool { return c == '|' || c == '+' || c == ' ' || c == '-' }) {
		// Stems keep their * so the lexicon can tell them from words.
		if strings.ContainsAny(f, "0123456789$£%") {
			continue
		}
		out = append(out, f)
	}
	return out
}

func compileItem(ci corpus.Item, lex *analyzer.Lexicon, idx *index.Index, t *corpus.Topic) (*item, error) {
	it := &item{Item: ci}
	for _, s := range ci.Recognise {
		r, err := compileRule(s, lex)
		if err != nil {
			return nil, fmt.Errorf("item %s: %w", ci.ID, err)
		}
		it.rules = append(it.rules, r)
	}
	for _, s := range ci.About {
		r, err := compileRule(s, lex)
		if err != nil {
			return nil, fmt.Errorf("item %s: about: %w", ci.ID, err)
		}
		it.anchors = append(it.anchors, r)
	}
	for _, d := range ci.Dates {
		m, ok := analyzer.ParseValue(d)
		if !ok || m.Kind != analyzer.KindDate {
			return nil, fmt.Errorf("item %s: %q is not a date (write 1950, February 1950 or 1954-55)", ci.ID, d)
		}
		m.Text = d
		it.dates = append(it.dates, m)
	}
	for _, f := range ci.Figures {
		m, ok := analyzer.ParseValue(f)
		if !ok {
			return nil, fmt.Errorf("item %s: %q is not a figure (write $300 million, 141, 60%% or 4,406 km)", ci.ID, f)
		}
		m.Text = f
		it.figures = append(it.figures, m)
	}
	it.source = findSource(ci, idx, t)
	it.slots = figureSlots(it)
	if it.source != nil {
		for _, m := range analyzer.FindMentions(it.source.Text) {
			// A decade or a part of one ("the mid-1950s") would vouch
			// for too much.
			if m.Kind == analyzer.KindDate && m.From > 0 && !m.Approx {
				it.passageDates = append(it.passageDates, m)
			}
		}
	}
	return it, nil
}

// findSource finds the notes passage an item comes from.
func findSource(ci corpus.Item, idx *index.Index, t *corpus.Topic) *Source {
	var p corpus.Passage
	var ok bool
	if ci.Passage != "" {
		p, ok = t.Passage(ci.Passage)
	}
	if !ok {
		p, ok = idx.Best(ci.Fact+" "+ci.Label, ci.Card)
	}
	if !ok {
		return nil
	}
	return &Source{Card: p.Card, Heading: p.Heading, Text: p.Text, Passage: p.ID, Line: p.Line, EndLine: p.Line}
}

// compile resolves a rubric's items against its topic.
func (l *Library) compile(r *Rubric) (*compiled, error) {
	td, ok := l.topic(r.Topic)
	if !ok {
		return nil, fmt.Errorf("rubric %s: unknown topic %q", r.ID, r.Topic)
	}
	c := &compiled{Rubric: r, topic: td, items: map[string]*item{}, questionStems: stemSet(td.analyzer, r.Question), ids: r.itemIDs()}
	for id, it := range td.items {
		c.items[id] = it
	}
	for _, ci := range r.Items {
		it, err := compileItem(ci, td.analyzer.Lexicon(), td.index, td.topic)
		if err != nil {
			return nil, fmt.Errorf("rubric %s: %w", r.ID, err)
		}
		c.items[it.ID] = it
	}
	for _, s := range r.Focus {
		fr, err := compileRule(s, td.analyzer.Lexicon())
		if err != nil {
			return nil, fmt.Errorf("rubric %s: focus: %w", r.ID, err)
		}
		c.focus = append(c.focus, fr)
	}
	return c, nil
}

// Topic returns the topic with the given id.
func (l *Library) Topic(id string) (*corpus.Topic, bool) {
	td, ok := l.topic(id)
	if !ok {
		return nil, false
	}
	return td.topic, true
}

// TopicIDs returns the ids of every topic, sorted.
func (l *Library) TopicIDs() []string {
	l.mu.RLock()
	defer l.mu.RUnlock()
	ids := make([]string, 0, len(l.topics)+len(l.later))
	for id := range l.topics {
		ids = append(ids, id)
	}
	for id := range l.later {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Index returns the notes index of a topic.
func (l *Library) Index(topic string) (*index.Index, bool) {
	td, ok := l.topic(topic)
	if !ok {
		return nil, false
	}
	return td.index, true
}

// Rubric returns the rubric with the given id.
func (l *Library) Rubric(id string) (*Rubric, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	c, ok := l.rubrics[id]
	if !ok {
		return nil, false
	}
	return c.Rubric, true
}

// RubricIDs returns the ids of every rubric, built-in ones first.
func (l *Library) RubricIDs() []string {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return append([]string(nil), l.order...)
}

// IsBuiltin reports whether id is a built-in rubric.
func (l *Library) IsBuiltin(id string) bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	c, ok := l.rubrics[id]
	return ok && c.Builtin
}

// BuiltinYAML returns the YAML source of a built-in rubric.
func BuiltinYAML(id string) ([]byte, bool) {
	data, err := fs.ReadFile(builtinFS, "builtin/"+id+".yaml")
	return data, err == nil
}

// Remove unregisters a rubric that is not built in; it reports whether
// there was one.
func (l *Library) Remove(id string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	c, ok := l.rubrics[id]
	if !ok || c.Builtin {
		return false
	}
	delete(l.rubrics, id)
	l.order = slices.DeleteFunc(l.order, func(x string) bool { return x == id })
	return true
}

// RemoveTopic unregisters a topic that no registered rubric uses; it
// reports whether it did. Bundled topics cannot be removed.
func (l *Library) RemoveTopic(id string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	_, later := l.later[id]
	if _, ok := l.topics[id]; !ok && !later || l.bundled[id] {
		return false
	}
	for _, c := range l.rubrics {
		if c.Rubric.Topic == id {
			return false
		}
	}
	if td, ok := l.topics[id]; ok {
		td.analyzer.Lexicon().Release()
		delete(l.topics, id)
	}
	delete(l.later, id)
	return true
}

// Add registers a rubric (a teacher's), replacing one with the same id
// unless that one is built in.
func (l *Library) Add(r *Rubric) error {
	return l.AddVersion(r, 0)
}

// AddVersion registers version of a stored rubric, as Add does: its
// checker's reports name the version.
func (l *Library) AddVersion(r *Rubric, version int) error {
	c, err := l.compile(r)
	if err != nil {
		return err
	}
	c.version = version
	l.mu.Lock()
	defer l.mu.Unlock()
	if old, ok := l.rubrics[r.ID]; ok {
		if old.Builtin {
			return fmt.Errorf("%q is a built-in rubric: give yours another id", r.ID)
		}
	} else {
		l.order = append(l.order, r.ID)
	}
	l.rubrics[r.ID] = c
	return nil
}

// SearchNotes searches topic's notes for q (see index.Index.Search). A word
// of the query that the notes never use but a question on the topic does
// ("why did the split happen", where the notes say "deterioration" and
// "confrontation") finds that question's evidence, its causes first.
func (l *Library) SearchNotes(topic, q string, n int) ([]index.Hit, error) {
	idx, ok := l.Index(topic)
	if !ok {
		return nil, fmt.Errorf("no topic %q", topic)
	}
	var unknown []string
	for _, w := range strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 4 && !functionWords[w] && !idx.Has(w) {
			unknown = append(unknown, stem(w))
		}
	}
	var also []string
	if len(unknown) > 0 {
		seen := map[string]bool{}
		for _, id := range l.RubricIDs() {
			r, ok := l.Rubric(id)
			if !ok || r.Topic != topic || !asksAbout(r, unknown) {
				continue
			}
			l.mu.RLock()
			c := l.rubrics[id]
			l.mu.RUnlock()
			for _, iid := range c.itemIDs() {
				if it, ok := c.items[iid]; ok && it.source != nil && it.source.Passage != "" && !seen[it.source.Passage] {
					seen[it.source.Passage] = true
					also = append(also, it.source.Passage)
				}
			}
		}
	}
	return idx.SearchAlso(q, n, also)
}

// asksAbout reports whether a rubric's title or question has a word of one
// of stems.
func asksAbout(r *Rubric, stems []string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(r.Title+" "+r.Question), func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, s := range stems {
			if stem(w) == s {
				return true
			}
		}
	}
	return false
}
