package rubrics

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/rubricate/rubricate/corpus"
)

func TestDebugNotes(t *testing.T) {
	dir := os.Getenv("DBG_TOPIC")
	if dir == "" {
		t.Skip()
	}
	notes, _ := os.ReadFile(filepath.Join(dir, "notes.txt"))
	lib, _ := Open()
	title := strings.TrimSpace(strings.TrimLeft(strings.SplitN(string(notes), "\n", 2)[0], "# "))
	tp, err := DraftTopic("dbg", title, string(notes))
	if err != nil {
		t.Fatal(err)
	}
	lib.AddTopic(tp)
	var q struct {
		Question string `yaml:"question"`
	}
	qy, _ := os.ReadFile(filepath.Join(dir, "question.yaml"))
	yaml.Unmarshal(qy, &q)
	r := FromNotes(tp, q.Question, 20)
	c, err := lib.compile(r)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "essays", "*.txt"))
	for _, f := range files {
		if os.Getenv("DBG_ESSAY") != "" && !strings.Contains(f, os.Getenv("DBG_ESSAY")) {
			continue
		}
		text, _ := os.ReadFile(f)
		var ann struct {
			Present []int `yaml:"present"`
			Unsure  []int `yaml:"unsure"`
		}
		y, _ := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".yaml")
		yaml.Unmarshal(y, &ann)
		present := map[int]bool{}
		for _, l := range ann.Present {
			present[l] = true
		}
		unsure := map[int]bool{}
		for _, l := range ann.Unsure {
			unsure[l] = true
		}
		doc, _ := c.topic.analyzer.Analyze(string(text))
		e := &essay{c: c, doc: doc, excluded: map[int]bool{}, found: map[string]*hit{}, mentioned: map[string]bool{}, ix: newDocIndex(doc)}
		e.views = make([]sentenceView, len(doc.Sentences))
		for i := range doc.Sentences {
			e.views[i] = sentenceView{words: doc.SentenceWords(i), mentions: doc.SentenceMentions(i)}
		}
		e.style = styles(e.ix, c.focus)
		// best cover per line over all sentences, ignoring the threshold
		m := c.topic.notes
		best := map[int]float64{}
		bestS := map[int]string{}
		for si := range doc.Sentences {
			stems := map[string][]span{}
			for _, w := range doc.SentenceWords(si) {
				if s, ok := contentStem(w); ok {
					stems[s] = append(stems[s], w.Span)
				}
			}
			for ci := range m.clauses {
				cl := &m.clauses[ci]
				h, _ := cl.align(e, si, stems, nil, c.questionStems)
				line := cl.it.source.Line
				if h.cover > best[line] {
					best[line] = h.cover
					bestS[line] = doc.SentenceText(si)
				}
			}
		}
		hits := m.match(e)
		found := map[int]string{}
		for _, h := range hits {
			if h.credit {
				found[h.it.source.Line] = doc.SentenceText(h.sentence)
			}
		}
		fmt.Printf("=== %s\n", filepath.Base(f))
		var lines []int
		for l := range present {
			lines = append(lines, l)
		}
		sort.Ints(lines)
		for _, l := range lines {
			if _, ok := found[l]; !ok {
				fmt.Printf("  MISS %d (best %.2f): %.80s || %.100s\n", l, best[l], lineText(tp, l), bestS[l])
			}
		}
		for l, s := range found {
			if !present[l] && !unsure[l] {
				fmt.Printf("  FALSE %d: %.80s || %.100s\n", l, lineText(tp, l), s)
			}
		}
	}
}

func lineText(tp *corpusTopic, l int) string {
	for _, p := range tp.Passages {
		if p.Line == l {
			return p.Text
		}
	}
	return ""
}

type corpusTopic = corpus.Topic

func TestDebugOne(t *testing.T) {
	dir := os.Getenv("DBG_TOPIC")
	if dir == "" || os.Getenv("DBG_LINE") == "" {
		t.Skip()
	}
	notes, _ := os.ReadFile(filepath.Join(dir, "notes.txt"))
	lib, _ := Open()
	tp, _ := DraftTopic("dbg", "dbg", string(notes))
	lib.AddTopic(tp)
	c, _ := lib.compile(FromNotes(tp, "", 20))
	var line int
	fmt.Sscan(os.Getenv("DBG_LINE"), &line)
	doc, _ := c.topic.analyzer.Analyze(os.Getenv("DBG_TEXT"))
	for _, cl := range c.topic.notes.clauses {
		if cl.it.source.Line != line {
			continue
		}
		fmt.Printf("clause full=%.2f denies=%v reports=%v values=%d\n", cl.full, cl.denies, cl.reports, len(cl.values))
		for _, tw := range cl.terms {
			fmt.Printf("  %s w=%.2f anchor=%v unique=%v\n", tw.stem, tw.weight, tw.anchor, tw.unique)
		}
		var ws []string
		for _, w := range doc.Words {
			s, ok := contentStem(w)
			ws = append(ws, fmt.Sprintf("%s:%v", s, ok))
		}
		fmt.Println("  sentence:", ws)
	}
}

func TestDebugFeatures(t *testing.T) {
	dir := os.Getenv("DBG_TOPIC")
	if dir == "" || os.Getenv("DBG_FEAT") == "" {
		t.Skip()
	}
	notes, _ := os.ReadFile(filepath.Join(dir, "notes.txt"))
	lib, _ := Open()
	tp, _ := DraftTopic("dbg", "dbg", string(notes))
	lib.AddTopic(tp)
	c, _ := lib.compile(FromNotes(tp, "", 20))
	files, _ := filepath.Glob(filepath.Join(dir, "essays", "*.txt"))
	out, _ := os.Create(os.Getenv("DBG_FEAT"))
	defer out.Close()
	for _, f := range files {
		text, _ := os.ReadFile(f)
		var ann struct {
			Present []int `yaml:"present"`
			Unsure  []int `yaml:"unsure"`
		}
		y, _ := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".yaml")
		yaml.Unmarshal(y, &ann)
		label := map[int]string{}
		for _, l := range ann.Present {
			label[l] = "P"
		}
		for _, l := range ann.Unsure {
			label[l] = "U"
		}
		doc, _ := c.topic.analyzer.Analyze(string(text))
		e := &essay{c: c, doc: doc, excluded: map[int]bool{}, found: map[string]*hit{}, mentioned: map[string]bool{}, ix: newDocIndex(doc)}
		e.views = make([]sentenceView, len(doc.Sentences))
		for i := range doc.Sentences {
			e.views[i] = sentenceView{words: doc.SentenceWords(i), mentions: doc.SentenceMentions(i)}
		}
		e.style = styles(e.ix, c.focus)
		m := c.topic.notes
		for si := range doc.Sentences {
			stems := map[string][]span{}
			for _, w := range doc.SentenceWords(si) {
				if s, ok := contentStem(w); ok {
					stems[s] = append(stems[s], w.Span)
				}
			}
			best := map[int]notesHit{}
			for ci := range m.clauses {
				cl := &m.clauses[ci]
				h, _ := cl.align(e, si, stems, nil, c.questionStems)
				line := cl.it.source.Line
				if h.cover > best[line].cover {
					best[line] = h
				}
			}
			for line, h := range best {
				if h.cover < 0.3 {
					continue
				}
				lab := label[line]
				if lab == "" {
					lab = "A"
				}
				fmt.Fprintf(out, "%s,%d,%d,%s,%.3f,%v,%v,%v,%d,%d\n", filepath.Base(f)[:3], line, si, lab, h.cover, h.credit, h.names, h.valued, len(h.spans), len(doc.SentenceWords(si)))
			}
		}
	}
}

func TestDebugSlip(t *testing.T) {
	dir := os.Getenv("DBG_TOPIC")
	if dir == "" || os.Getenv("DBG_TEXT") == "" {
		t.Skip()
	}
	notes, _ := os.ReadFile(filepath.Join(dir, "notes.txt"))
	lib, _ := Open()
	tp, _ := DraftTopic("dbg", "dbg", string(notes))
	lib.AddTopic(tp)
	c, _ := lib.compile(FromNotes(tp, "", 20))
	doc, _ := c.topic.analyzer.Analyze(os.Getenv("DBG_TEXT"))
	e := &essay{c: c, doc: doc, excluded: map[int]bool{}, found: map[string]*hit{}, mentioned: map[string]bool{}, ix: newDocIndex(doc)}
	e.views = make([]sentenceView, len(doc.Sentences))
	for i := range doc.Sentences {
		e.views[i] = sentenceView{words: doc.SentenceWords(i), mentions: doc.SentenceMentions(i)}
	}
	e.style = styles(e.ix, c.focus)
	for si := range doc.Sentences {
		fmt.Printf("s%d style %+v reports=%v\n", si, e.style[si], reportCues.match(e.views[si]) != nil)
	}
	for _, h := range e.notesHits() {
		fmt.Printf("hit s%d line %d credit=%v names=%v about=%v byName=%v at=%v dates=%+v\n", h.sentence, h.it.source.Line, h.credit, h.names, h.about, h.byName, h.at, h.it.dates)
	}
	for _, m := range doc.Mentions {
		fmt.Printf("mention %+v\n", m)
	}
}
