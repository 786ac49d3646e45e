package rubrics_test

import (
	"os"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"

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
