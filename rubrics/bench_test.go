package rubrics_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
)

var (
	benchOnce sync.Once
	benchLib  *rubrics.Library
	benchText string
)

func benchSetup(b *testing.B) (*rubrics.Library, string) {
	benchOnce.Do(func() {
		lib, err := rubrics.Open()
		if err != nil {
			b.Fatal(err)
		}
		data, err := os.ReadFile("../testdata/essays/split-1000.txt")
		if err != nil {
			b.Fatal(err)
		}
		benchLib, benchText = lib, string(data)
	})
	return benchLib, benchText
}

// BenchmarkCheck is a warm check of a 1,000-word essay against every
// criterion of the split rubric. Compare with BenchmarkProseFull, run in the
// same invocation:
//
//	go test -run '^$' -bench 'Check$|ProseFull' -benchmem -count 10 -cpu 1 ./rubrics/ | tee bench.txt
//	benchstat bench.txt
func BenchmarkCheck(b *testing.B) {
	lib, text := benchSetup(b)
	r, _ := lib.Rubric("sino-soviet-split")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := lib.Check(r, text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProseFull runs prose's full pipeline (segmentation, tokens, tags
// and named entities) on the same essay with its model loaded once: the
// baseline the check is measured against.
func BenchmarkProseFull(b *testing.B) {
	_, text := benchSetup(b)
	benchProse(b, text)
}

// benchProse runs prose's full pipeline on text, its model loaded once.
func benchProse(b *testing.B, text string) {
	doc, err := prose.NewDocument("Warm the model.")
	if err != nil {
		b.Fatal(err)
	}
	model := doc.Model
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := prose.NewDocument(text, prose.UsingModel(model)); err != nil {
			b.Fatal(err)
		}
	}
}

// notesTopic drafts a topic from notes and checks a rubric on it.
func notesTopic(b *testing.B, id, notes string) (*rubrics.Library, *rubrics.Rubric) {
	b.Helper()
	lib, err := rubrics.Open()
	if err != nil {
		b.Fatal(err)
	}
	t, err := rubrics.DraftTopic(id, id, notes)
	if err != nil {
		b.Fatal(err)
	}
	if err := lib.AddTopic(t); err != nil {
		b.Fatal(err)
	}
	return lib, rubrics.FromNotes(t, "", 20)
}

// topicEssay is about 1,000 words of the First World War topic's essays.
func topicEssay(b *testing.B) string {
	b.Helper()
	files, _ := filepath.Glob("../testdata/topics/origins-first-world-war-1900-14/essays/*.txt")
	var all []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, strings.Fields(string(data))...)
	}
	if len(all) < 1000 {
		b.Fatalf("only %d words in the topic's essays", len(all))
	}
	return strings.Join(all[:1000], " ")
}

// BenchmarkCheckNotes is a warm check of a 1,000-word essay on a teacher's
// topic whose catalogue is drafted from the notes, so that every item is
// found by the notes matcher. Compare with BenchmarkProseFull on the same
// text in the same run:
//
//	go test -run '^$' -bench 'CheckNotes|ProseFullNotes' -benchmem -count 6 -cpu 1 ./rubrics/
func BenchmarkCheckNotes(b *testing.B) {
	notes, err := os.ReadFile("../testdata/topics/origins-first-world-war-1900-14/notes.txt")
	if err != nil {
		b.Fatal(err)
	}
	lib, r := notesTopic(b, "fww", string(notes))
	text := topicEssay(b)
	b.Run("topic=70 passages", func(b *testing.B) { benchCheck(b, lib, r, text) })

	// A topic of 500 passages: the notes written seven times over, each
	// time with other years and figures, so that nothing repeats.
	var big strings.Builder
	for k := range 7 {
		for _, line := range strings.Split(string(notes), "\n") {
			big.WriteString(strings.NewReplacer("19", strconv.Itoa(19+k), "1.", strconv.Itoa(k+1)+".").Replace(line))
			big.WriteByte('\n')
		}
	}
	lib, r = notesTopic(b, "fww-big", big.String())
	b.Run("topic=500 passages", func(b *testing.B) { benchCheck(b, lib, r, text) })
}

func benchCheck(b *testing.B, lib *rubrics.Library, r *rubrics.Rubric, text string) {
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := lib.Check(r, text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProseFullNotes is prose's full pipeline on BenchmarkCheckNotes's
// essay.
func BenchmarkProseFullNotes(b *testing.B) {
	benchProse(b, topicEssay(b))
}

// BenchmarkAddTopic drafts a catalogue from a teacher's notes (70
// passages) and adds the topic to a library, as publishing one does; it
// reports the live heap each topic adds.
//
//	go test -run '^$' -bench AddTopic -benchmem ./rubrics/
func BenchmarkAddTopic(b *testing.B) {
	notes, err := os.ReadFile("../testdata/topics/origins-first-world-war-1900-14/notes.txt")
	if err != nil {
		b.Fatal(err)
	}
	lib, err := rubrics.Open()
	if err != nil {
		b.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		t, err := rubrics.DraftTopic(fmt.Sprintf("topic-%d", n), "Topic", string(notes))
		if err != nil {
			b.Fatal(err)
		}
		if err := lib.AddTopic(t); err != nil {
			b.Fatal(err)
		}
		n++
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric((float64(after.HeapAlloc)-float64(before.HeapAlloc))/float64(n)/(1<<20), "MiB-live/topic")
	runtime.KeepAlive(lib)
}

// freshEssay returns essay i of an endless series of 1,000-word essays the
// process has never seen: the words of split-1000.txt with one word in
// six replaced by a made-up word unique to the essay, as new students'
// names, typos and vocabulary are. Caches cannot hold what is to come.
func freshEssay(base string, i int) string {
	words := strings.Fields(base)
	for k := range words {
		if k%6 == 3 {
			words[k] = "mor" + letters(i) + "an" + letters(k)
		}
	}
	return strings.Join(words, " ")
}

// letters writes n in the letters a-z, as a word would be spelt.
func letters(n int) string {
	var b []byte
	for {
		b = append(b, byte('a'+n%26))
		n /= 26
		if n == 0 {
			return string(b)
		}
	}
}

// BenchmarkCheckFresh checks essays never seen before, one per iteration
// (see freshEssay): the cost of real traffic. BenchmarkProseFresh runs
// prose's pipeline on the same series; run both in one invocation:
//
//	go test -run '^$' -bench 'CheckFresh|ProseFresh' -benchmem -count 10 -cpu 1 ./rubrics/ | tee fresh.txt
func BenchmarkCheckFresh(b *testing.B) {
	lib, text := benchSetup(b)
	r, _ := lib.Rubric("sino-soviet-split")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	i := 0
	for b.Loop() {
		i++
		if _, err := lib.Check(r, freshEssay(text, i+1_000_000*b.N)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProseFresh(b *testing.B) {
	_, text := benchSetup(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	i := 0
	for b.Loop() {
		i++
		if _, err := prose.NewDocument(freshEssay(text, i+2_000_000*b.N)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadStoredTopic adds a stored topic (notes and its catalogue,
// drafted before) to a library, as a server does for each topic it holds
// when it starts: the start-up cost per topic. The notes' search index is
// built on the first search, not here.
//
//	go test -run '^$' -bench LoadStoredTopic -benchmem ./rubrics/
func BenchmarkLoadStoredTopic(b *testing.B) {
	notes, err := os.ReadFile("../testdata/topics/origins-first-world-war-1900-14/notes.txt")
	if err != nil {
		b.Fatal(err)
	}
	lib, err := rubrics.Open()
	if err != nil {
		b.Fatal(err)
	}
	var cats [][]byte
	for i := range 64 {
		cat, err := rubrics.DraftCatalogue(fmt.Sprintf("stored-%d", i), "Topic", string(notes))
		if err != nil {
			b.Fatal(err)
		}
		cats = append(cats, cat)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		cat := cats[n%len(cats)]
		cat = bytes.Replace(cat, []byte(fmt.Sprintf("stored-%d", n%len(cats))), []byte(fmt.Sprintf("loaded-%d", n)), 1)
		t, err := corpus.Parse("catalogue.yaml", cat, string(notes))
		if err != nil {
			b.Fatal(err)
		}
		if err := lib.AddTopic(t); err != nil {
			b.Fatal(err)
		}
		n++
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric((float64(after.HeapAlloc)-float64(before.HeapAlloc))/float64(n)/(1<<20), "MiB-live/topic")
	runtime.KeepAlive(lib)
}
