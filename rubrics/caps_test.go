package rubrics

import (
	"os"
	"regexp"
	"sort"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The caps that docs/marking.md gives teachers are the caps the checker
// applies: every row of its table is a rule of capRules, at its level, and
// every rule is a row.
func TestCapsAreDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/marking.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`(?m)^\| (.+?) \| (\d) \|$`)
	var documented, applied []string
	for _, m := range row.FindAllSubmatch(doc, -1) {
		documented = append(documented, string(m[1])+" → "+string(m[2]))
	}
	for _, r := range capRules {
		applied = append(applied, r.doc+" → "+strconv.Itoa(r.level))
	}
	sort.Strings(documented)
	sort.Strings(applied)
	if len(documented) == 0 {
		t.Fatal("docs/marking.md has no table of caps")
	}
	if diff := cmp.Diff(documented, applied); diff != "" {
		t.Errorf("docs/marking.md's caps (-) and capRules (+) differ:\n%s", diff)
	}
}
