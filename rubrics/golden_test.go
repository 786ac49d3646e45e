package rubrics_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json.golden from the current reports")

// TestGoldenReports checks essays of testdata/essays against a built-in
// rubric and compares each JSON report with testdata/golden/NAME.json.golden.
// Run `go test ./rubrics -run TestGoldenReports -update` after an intended
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
			text, err := os.ReadFile(filepath.Join("testdata", "essays", tt.name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			rep := check(t, tt.rubric, string(text))
			got, err := json.MarshalIndent(rep, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", tt.name+".json.golden")
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
				t.Errorf("report for %s differs from %s (-want +got):\n%s", tt.name, golden, cmp.Diff(string(want), string(got)))
			}
		})
	}
}
