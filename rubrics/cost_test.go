package rubrics_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/rubrics"
)

// The cost of a check must grow with the length of the essay, never with
// its square, whatever the essay holds: a student without an account can
// send anything up to analyzer.MaxChars. These tests compare the work done
// for odd inputs with the work done for ordinary essays of the same length.
// They count bytes allocated, which is repeatable on a busy machine where
// time is not; BenchmarkCheckCost measures the time, and TestCheckTimeBound
// (run by CI in a step of its own) bounds it.

// Two bounds. maxGrowth: doubling the length of an input at most about
// doubles the work (quadratic work quadruples it). maxCostRatio: no input
// does more than this many times the work of an ordinary essay of the same
// length; odd inputs do somewhat more, as fifty thousand punctuation marks
// are fifty thousand tokens where an essay of that length has ten thousand
// words, but quadratic work on 50,000 characters costs hundreds of times
// more.
//
// Scanners keep their token buffers in a pool, so the first essay of a
// length may allocate a few megabytes that the next one reuses: growth is
// allowed poolSlack bytes on top.
const (
	maxGrowth    = 2.8
	maxCostRatio = 20
	poolSlack    = 16 << 20
)

// ordinaryEssay returns real essay prose, the project's annotated essays one
// after another in a fixed shuffled order of sentences, cut to about n
// bytes at a word boundary.
func ordinaryEssay(tb testing.TB, n int) string {
	tb.Helper()
	files, err := filepath.Glob("../testdata/eval/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no essays in testdata/eval: %v", err)
	}
	more, _ := filepath.Glob("../testdata/essays/*.txt")
	var sentences []string
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, s := range strings.SplitAfter(string(data), ". ") {
			if s = strings.TrimSpace(s); s != "" {
				sentences = append(sentences, s)
			}
		}
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		// A fixed stride through the sentences: repeats come late and in a
		// different order each round, as in a long essay.
		b.WriteString(sentences[(i*7919)%len(sentences)])
		if i%6 == 5 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return cut(b.String(), n)
}

// cut shortens s to at most n bytes and analyzer.MaxChars characters,
// at a character boundary.
func cut(s string, n int) string {
	if len(s) > n {
		s = s[:n]
	}
	for utf8.RuneCountInString(s) > analyzer.MaxChars {
		s = s[:len(s)*9/10]
	}
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// fill repeats unit to n characters or just under.
func fill(unit string, n int) string {
	if unit == "" {
		return ""
	}
	return strings.Repeat(unit, n/utf8.RuneCountInString(unit))
}

// repeated returns a maker of unit repeated to n characters.
func repeated(unit string) func(n int) string {
	return func(n int) string { return fill(unit, n) }
}

// oddEssays make, for a length in characters, inputs that have been
// expensive for tokenizers, sentence splitters and attribution: long runs
// of one punctuation mark, brackets and quotes that must be peeled one by
// one, one sentence of names and dates, markup, words that look like
// misspellings.
func oddEssays() map[string]func(n int) string {
	odd := map[string]func(n int) string{
		"brackets":      func(n int) string { return fill("(", n/2) + fill(")", n/2) },
		"letters":       repeated("a"),
		"one sentence":  repeated("Khrushchev gave Mao $300 million in 1950 and the Treaty of Friendship followed in February 1950 while "),
		"dates":         repeated("1950 "),
		"figures":       repeated("$300m, "),
		"contractions":  repeated("n't's'll"),
		"abbreviations": repeated("U.S.A."),
		"initials":      repeated("A. "),
		"markup":        repeated("<b>&amp;"),
		"curly quotes":  repeated("\u201c\u2019"),
		"bullets":       repeated("- 1950\n"),
		"numbered":      repeated("1. a\n"),
		"hyphens":       repeated("Sino-"),
		"misspellings":  repeated("Kruschev Krushchev Mao-Tse-Tung "),
	}
	for _, r := range `.,;:!?"'()[]{}<>$%&*+-/\|=_~^@#` + "`" {
		odd[fmt.Sprintf("%q repeated", r)] = repeated(string(r))
	}
	return odd
}

// allocated returns the bytes allocated by one check of text.
func allocated(tb testing.TB, lib *rubrics.Library, r *rubrics.Rubric, text string) uint64 {
	tb.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := lib.Check(r, text); err != nil && !isInputError(err) {
		tb.Fatalf("check: %v", err)
	}
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func isInputError(err error) bool {
	return err == analyzer.ErrEmpty || err == analyzer.ErrNotText || err == analyzer.ErrTooLong
}

// costBaseline is the bytes an ordinary essay of n bytes allocates when
// the process has never seen it, measured once per length.
type costBaseline struct {
	tb    testing.TB
	bytes map[int]uint64
}

func (c *costBaseline) of(n int) uint64 {
	// Round the length up to a kilobyte so lengths share a baseline.
	n = (n + 1023) / 1024 * 1024
	if b, ok := c.bytes[n]; ok {
		return b
	}
	// A library of its own, so that none of the essay's words has been
	// seen, as for the odd inputs it is compared with.
	lib, err := rubrics.Open()
	if err != nil {
		c.tb.Fatal(err)
	}
	r, _ := lib.Rubric("sino-soviet-split")
	b := allocated(c.tb, lib, r, ordinaryEssay(c.tb, n))
	c.bytes[n] = b
	return b
}

func TestCheckCostIsLinear(t *testing.T) {
	lib := library(t)
	r, _ := lib.Rubric("sino-soviet-split")
	base := &costBaseline{tb: t, bytes: map[int]uint64{}}
	odd := oddEssays()
	names := make([]string, 0, len(odd))
	for name := range odd {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			checkCost(t, lib, r, base, odd[name])
		})
	}
}

// checkCost checks gen's input at half and at the full length accepted
// and fails if the work grows faster than the length or is out of all
// proportion to an ordinary essay's.
func checkCost(t *testing.T, lib *rubrics.Library, r *rubrics.Rubric, base *costBaseline, gen func(n int) string) {
	t.Helper()
	if raceDetector {
		t.Skip("the race detector empties sync.Pools at random, so bytes allocated do not measure the work: CI runs this without it")
	}
	half, full := gen(analyzer.MaxChars/2), gen(analyzer.MaxChars)
	if len(half) < 1024 {
		return
	}
	// The half first: its words are then known when the full length is
	// checked, which can only make the growth look smaller than it is for
	// work that is linear, never hide work that is quadratic.
	h := allocated(t, lib, r, half)
	f := allocated(t, lib, r, full)
	if growth := float64(f) / float64(h); f > uint64(maxGrowth*float64(h))+poolSlack {
		t.Errorf("doubling the input to %d bytes took the work from %d KB to %d KB (%.1f times): it should grow with the length, at most %.1f times",
			len(full), h>>10, f>>10, growth, maxGrowth)
	}
	if want := base.of(len(full)); f > maxCostRatio*want {
		t.Errorf("a check of %d bytes allocated %d KB, %.1f times an ordinary essay of that length (%d KB); at most %d times is allowed",
			len(full), f>>10, float64(f)/float64(want), want>>10, maxCostRatio)
	}
}

// FuzzCheckCost repeats the fuzzer's text to half and to the full length
// of the longest essay accepted, since the inputs that cost most are short
// patterns repeated, and fails when the work grows faster than the length
// or is out of proportion to an ordinary essay's.
//
//	go test -run '^$' -fuzz FuzzCheckCost -fuzztime 10m ./rubrics/
func FuzzCheckCost(f *testing.F) {
	for _, s := range []string{".", "(", "\"", "n't", "A. ", "1950 ", "<b>", "Kruschev ", "$1,", "(a)", "'s'"} {
		f.Add(s)
	}
	lib := library(f)
	r, _ := lib.Rubric("sino-soviet-split")
	base := &costBaseline{tb: f, bytes: map[int]uint64{}}
	f.Fuzz(func(t *testing.T, unit string) {
		if len(unit) > 64 || !utf8.ValidString(unit) || strings.TrimSpace(unit) == "" {
			return
		}
		base.tb = t
		checkCost(t, lib, r, base, repeated(unit))
	})
}

// maxTimeRatio bounds, in TestCheckTimeBound, the time of a check of any
// odd input against an ordinary essay of the same length, both never seen.
const maxTimeRatio = 12

// coldTime returns the shortest of three first checks of gen's input, each
// a little shorter than the last so that none of its runs is remembered.
func coldTime(tb testing.TB, lib *rubrics.Library, r *rubrics.Rubric, gen func(n int) string) time.Duration {
	best := time.Duration(math.MaxInt64)
	for k := range 3 {
		text := gen(analyzer.MaxChars - 64*k)
		start := time.Now()
		if _, err := lib.Check(r, text); err != nil && !isInputError(err) {
			tb.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	return best
}

// TestCheckTimeBound times the odd inputs against an ordinary essay of
// the same length. Time on a shared machine is noisy, so it runs only when
// asked, as CI does in a step of its own:
//
//	RUBRICATE_COST=1 go test -run TestCheckTimeBound -v ./rubrics/
func TestCheckTimeBound(t *testing.T) {
	if os.Getenv("RUBRICATE_COST") == "" {
		t.Skip("set RUBRICATE_COST=1 to time odd inputs against ordinary essays")
	}
	lib := library(t)
	r, _ := lib.Rubric("sino-soviet-split")
	// Each variant of the ordinary essay on a library of its own, so that
	// its words are new to it.
	ordinary := time.Duration(math.MaxInt64)
	for k := range 3 {
		fresh, err := rubrics.Open()
		if err != nil {
			t.Fatal(err)
		}
		fr, _ := fresh.Rubric("sino-soviet-split")
		text := ordinaryEssay(t, 200000-64*k)
		text = cut(text, len(text))
		start := time.Now()
		if _, err := fresh.Check(fr, text); err != nil {
			t.Fatal(err)
		}
		ordinary = min(ordinary, time.Since(start))
	}
	worst, worstName := time.Duration(0), ""
	for name, gen := range oddEssays() {
		d := coldTime(t, lib, r, gen)
		if d > worst {
			worst, worstName = d, name
		}
		if d > maxTimeRatio*ordinary {
			t.Errorf("%s: a check of %d characters took %v, %.1f times an ordinary essay of that length (%v)",
				name, analyzer.MaxChars, d, float64(d)/float64(ordinary), ordinary)
		}
	}
	t.Logf("ordinary essay of %d characters: %v; worst odd input (%s): %v, %.1f times", analyzer.MaxChars, ordinary, worstName, worst, float64(worst)/float64(ordinary))
}

// BenchmarkCheckCost times a check of each odd input at the longest length
// accepted beside an ordinary essay of that length (about 8,000 words):
//
//	go test -run '^$' -bench CheckCost -benchmem ./rubrics/
func BenchmarkCheckCost(b *testing.B) {
	lib := library(b)
	r, _ := lib.Rubric("sino-soviet-split")
	inputs := map[string]string{"ordinary essay": cut(ordinaryEssay(b, 200000), 200000)}
	for name, gen := range oddEssays() {
		inputs[name] = gen(analyzer.MaxChars)
	}
	names := make([]string, 0, len(inputs))
	for name := range inputs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		text := inputs[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := lib.Check(r, text); err != nil && !isInputError(err) {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCheckCostIsLinearOnNotes is TestCheckCostIsLinear on a teacher's
// topic, every item found by the notes matcher, with two more odd inputs
// made of the notes' own words: the notes pasted over and over, and the
// same run together into one sentence.
func TestCheckCostIsLinearOnNotes(t *testing.T) {
	notes, err := os.ReadFile("../testdata/topics/origins-first-world-war-1900-14/notes.txt")
	if err != nil {
		t.Fatal(err)
	}
	lib := library(t)
	topic, err := rubrics.DraftTopic("cost-notes", "Notes", string(notes))
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.AddTopic(topic); err != nil {
		t.Fatal(err)
	}
	r := rubrics.FromNotes(topic, "", 20)
	base := &costBaseline{tb: t, bytes: map[int]uint64{}}
	odd := oddEssays()
	odd["the notes pasted"] = repeated(string(notes))
	odd["the notes in one sentence"] = repeated(strings.NewReplacer(".", " ", "\n", " ").Replace(string(notes)))
	names := make([]string, 0, len(odd))
	for name := range odd {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			checkCost(t, lib, r, base, odd[name])
		})
	}
}
