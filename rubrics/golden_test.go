package rubrics_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rubricate/rubricate/rubrics"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json.golden from the current reports")

// TestGoldenReports checks essays of testdata/essays against a built-in
// rubric and compares each JSON report with testdata/golden/NAME.json.golden.
// Run `go test ./rubrics -run TestGoldenReport -update` after an intended
// change, and read the diff before committing it.
func TestGoldenReports(t *testing.T) {
	tests := []struct {
		name   string // testdata/essays/NAME.txt
		rubric string
	}{
		{"split-strong", "sino-soviet-split"},
		{"split-weak", "sino-soviet-split"},
		{"alliance-wrong-facts", "sino-soviet-alliance"},
		{"rapprochement", "sino-us-rapprochement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			compareGolden(t, tt.name, check(t, tt.rubric, essayText(t, tt.name)))
		})
	}
}

// TestGoldenReportDrafted is the report on an essay on a teacher's own
// topic, checked against the catalogue drafted from the notes and a rubric
// made from the question, with nothing edited.
func TestGoldenReportDrafted(t *testing.T) {
	lib, r := drafted(t, "cuba-1962", "The Cuban Missile Crisis", cubaNotes, "How far was the USA to blame for the Cuban Missile Crisis of 1962?")
	rep, err := lib.Check(r, essayText(t, "cuba-drafted"))
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, "cuba-drafted", rep)
}

func essayText(t *testing.T, name string) string {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("testdata", "essays", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(text)
}

// compareGolden compares rep's JSON with testdata/golden/NAME.json.golden,
// or rewrites the file with -update.
func compareGolden(t *testing.T, name string, rep *rubrics.Report) {
	t.Helper()
	got, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "golden", name+".json.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("report for %s differs from %s (-want +got):\n%s", name, golden, cmp.Diff(string(want), string(got)))
	}
}
