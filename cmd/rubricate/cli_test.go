package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rubricate/rubricate/analyzer/essayfile/essayfiletest"
)

// cliResult is what one run of rubricate printed and returned.
type cliResult struct {
	code           int
	stdout, stderr string
}

// rubricate runs the program with args and stdin, as main does.
func rubricate(t *testing.T, stdin string, args ...string) cliResult {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return cliResult{code, out.String(), errOut.String()}
}

// writeFile writes data to name in dir and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// stderrLines returns the non-empty lines of stderr.
func stderrLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

const cliGoodEssay = `Ideological differences were the main cause of the Sino-Soviet split, because Mao believed that Khrushchev had betrayed communism.

Khrushchev's speech to the Twentieth Party Congress in February 1956 attacked Stalin, which deeply offended Mao. Khrushchev's pursuit of peaceful co-existence with the USA made this worse, because Mao wanted to confront the West. In 1960 Mao called Khrushchev a revisionist, and in 1964 he described Khrushchev's communism as phoney.

However, personal rivalry also mattered. On Khrushchev's second visit in 1959 there was no guard of honour and the two leaders openly insulted each other. In July 1960 Khrushchev withdrew the Soviet experts from China, which ended China's economic dependence on the USSR.

Strategic interests were important too. In 1962 the USSR sent $800 million of aid to India, and in March 1969 Chinese and Soviet troops clashed on the Ussuri River.

In conclusion, ideology was the most important cause because it explains why the split continued even after Khrushchev was removed in 1964.
`

const cliWeakEssay = `China and the USSR fell out. Khrushchev was rude to Mao. They stopped being friends in the 1960s.`

func TestCheckTextReport(t *testing.T) {
	dir := t.TempDir()
	essay := writeFile(t, dir, "essay.txt", []byte(cliGoodEssay))
	r := rubricate(t, "", "check", "--rubric", "sino-soviet-split", essay)
	if r.code != exitOK {
		t.Fatalf("exit %d, want 0; stderr:\n%s", r.code, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("stderr: %q", r.stderr)
	}
	for _, want := range []string{essay, "Mark ", "Level ", "Criteria", "Evidence used", "Ussuri", "Next steps"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the report does not hold %q:\n%s", want, r.stdout)
		}
	}
	if i, j := strings.Index(r.stdout, "Mark "), strings.Index(r.stdout, "Criteria"); i < 0 || j < i {
		t.Errorf("the mark does not come before the criteria")
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("colour codes in output that is not a terminal")
	}
}

func TestCheckJSONOne(t *testing.T) {
	dir := t.TempDir()
	essay := writeFile(t, dir, "essay.txt", []byte(cliGoodEssay))
	r := rubricate(t, "", "check", "--rubric", "sino-soviet-split", "--format", "json", essay)
	if r.code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, r.stdout)
	}
	// The fields of DESIGN.md's JSON contract, with their types.
	obj := func(v any, path string) map[string]any {
		t.Helper()
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%s is %T, want an object", path, v)
		}
		return m
	}
	list := func(v any, path string) []any {
		t.Helper()
		l, ok := v.([]any)
		if !ok {
			t.Fatalf("%s is %T, want a list", path, v)
		}
		return l
	}
	has := func(m map[string]any, path string, keys map[string]string) {
		t.Helper()
		for k, kind := range keys {
			v, ok := m[k]
			if !ok {
				t.Errorf("%s has no %q", path, k)
				continue
			}
			var okKind bool
			switch kind {
			case "string":
				_, okKind = v.(string)
			case "number":
				_, okKind = v.(float64)
			case "bool":
				_, okKind = v.(bool)
			case "list":
				_, okKind = v.([]any)
			case "object":
				_, okKind = v.(map[string]any)
			}
			if !okKind {
				t.Errorf("%s.%s is %T, want a %s", path, k, v, kind)
			}
		}
	}
	has(rep, "report", map[string]string{"rubric": "object", "essay": "object", "score": "object", "criteria": "list", "evidence": "list", "problems": "list", "next_steps": "list"})
	has(obj(rep["rubric"], "rubric"), "rubric", map[string]string{"id": "string", "title": "string", "question": "string"})
	has(obj(rep["essay"], "essay"), "essay", map[string]string{"words": "number", "sentences": "number", "paragraphs": "number"})
	has(obj(rep["score"], "score"), "score", map[string]string{"points": "number", "max": "number", "level": "number", "descriptor": "string"})
	for i, c := range list(rep["criteria"], "criteria") {
		has(obj(c, "criterion"), "criteria["+string(rune('0'+i))+"]", map[string]string{"id": "string", "name": "string", "points": "number", "max": "number", "feedback": "string"})
	}
	found := 0
	for _, e := range list(rep["evidence"], "evidence") {
		ev := obj(e, "evidence")
		has(ev, "evidence", map[string]string{"id": "string", "label": "string", "kind": "string", "found": "bool", "matches": "list"})
		if ev["found"] == true {
			found++
			for _, m := range list(ev["matches"], "matches") {
				has(obj(m, "match"), "match", map[string]string{"start": "number", "end": "number", "text": "string"})
			}
		}
		if src, ok := ev["source"]; ok {
			has(obj(src, "source"), "source", map[string]string{"card": "number", "heading": "string", "text": "string"})
		}
	}
	if found == 0 {
		t.Error("no evidence found in the good essay")
	}
	if _, ok := rep["file"]; !ok {
		t.Error(`a single report has no "file"`)
	}
	if got := obj(rep["rubric"], "rubric")["id"]; got != "sino-soviet-split" {
		t.Errorf("rubric id %v", got)
	}
}

func TestCheckJSONMany(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", []byte(cliGoodEssay))
	b := writeFile(t, dir, "b.txt", []byte(cliWeakEssay))
	r := rubricate(t, "", "check", "--format", "json", a, b)
	if r.code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	var reps []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &reps); err != nil {
		t.Fatalf("stdout is not a JSON array: %v\n%s", err, r.stdout)
	}
	var files []any
	for _, rep := range reps {
		files = append(files, rep["file"])
		if _, ok := rep["score"]; !ok {
			t.Errorf("report for %v has no score", rep["file"])
		}
	}
	if diff := cmp.Diff([]any{a, b}, files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

// TestCheckBadInputs checks that each bad essay gets one line on stderr
// naming it, exit status 2, and that the good essays are still reported.
func TestCheckBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", []byte(cliGoodEssay))
	long := strings.Repeat("The treaty of 1950 mattered because China needed aid. ", 1000)
	tests := []struct {
		name string
		file string // "" for a file that does not exist
		data []byte
		want string // in the stderr line
	}{
		{"empty file", "empty.txt", []byte{}, "empty"},
		{"blank file", "blank.txt", []byte("\n \r\n\t\n"), "empty"},
		{"binary file", "picture.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01"), "not plain text"},
		{"Latin-1 file", "latin1.txt", []byte("Mao Zedong\xe9 and the treaty of 1950."), "UTF-8"},
		{"UTF-16 file", "utf16.txt", []byte("\xff\xfeT\x00h\x00e\x00 \x00t\x00r\x00e\x00a\x00t\x00y\x00"), "not plain text"},
		{"file over 50,000 characters", "long.txt", []byte(long), "longer than 50000 characters"},
		{"missing file", "", nil, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := filepath.Join(dir, "missing.txt")
			if tt.file != "" {
				bad = writeFile(t, dir, tt.file, tt.data)
			}
			for _, format := range []string{"text", "json"} {
				r := rubricate(t, "", "check", "--format", format, bad, good)
				if r.code != exitBadInput {
					t.Errorf("%s: exit %d, want 2", format, r.code)
				}
				lines := stderrLines(r.stderr)
				if len(lines) != 1 || !strings.Contains(lines[0], bad) || !strings.Contains(lines[0], tt.want) {
					t.Errorf("%s: stderr %q, want one line naming %s and saying %q", format, lines, bad, tt.want)
				}
				switch format {
				case "text":
					if !strings.Contains(r.stdout, good) || !strings.Contains(r.stdout, "Mark ") {
						t.Errorf("the good essay is not reported:\n%s", r.stdout)
					}
				case "json":
					var reps []map[string]any
					if err := json.Unmarshal([]byte(r.stdout), &reps); err != nil {
						t.Fatalf("stdout is not a JSON array: %v\n%s", err, r.stdout)
					}
					if len(reps) != 2 || reps[0]["file"] != bad || reps[0]["error"] == nil || reps[1]["file"] != good || reps[1]["score"] == nil {
						t.Errorf("reports %v, want the bad file's error then the good file's report", reps)
					}
				}
			}
		})
	}
	t.Run("exactly 50,000 characters", func(t *testing.T) {
		p := writeFile(t, dir, "max.txt", []byte(strings.Repeat("é", 50000)))
		r := rubricate(t, "", "check", p)
		if r.code == exitBadInput {
			t.Errorf("a file of exactly 50,000 characters was refused: %s", r.stderr)
		}
	})
}

func TestCheckRubricErrors(t *testing.T) {
	dir := t.TempDir()
	essay := writeFile(t, dir, "essay.txt", []byte(cliGoodEssay))
	bad := writeFile(t, dir, "bad-rubric.yaml", []byte("id: mine\ntitle: Mine\ntopic: sino-soviet-relations-1949-76\nquestion: Why?\nmarks: 10\ncritera: []\n"))
	tests := []struct {
		name   string
		rubric string
		want   []string
	}{
		{"unknown rubric id", "sino-soviet-spilt", []string{`unknown rubric "sino-soviet-spilt"`, "rubricate rubrics list"}},
		{"malformed rubric file", bad, []string{bad + `:6:1: unknown key "critera"`}},
		{"missing rubric file", filepath.Join(dir, "nope.yaml"), []string{"nope.yaml", "no such file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rubricate(t, "", "check", "--rubric", tt.rubric, essay)
			if r.code != exitBadInput {
				t.Errorf("exit %d, want 2", r.code)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr %q does not hold %q", r.stderr, w)
				}
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
		})
	}
}

func TestCheckRubricFile(t *testing.T) {
	dir := t.TempDir()
	essay := writeFile(t, dir, "essay.txt", []byte(cliGoodEssay))
	show := rubricate(t, "", "rubrics", "show", "sino-soviet-split")
	if show.code != exitOK {
		t.Fatalf("rubrics show: exit %d: %s", show.code, show.stderr)
	}
	own := strings.Replace(show.stdout, "id: sino-soviet-split", "id: my-split", 1)
	p := writeFile(t, dir, "my-split.yaml", []byte(own))
	r := rubricate(t, "", "check", "--rubric", p, "--format", "json", essay)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rep struct {
		Rubric struct{ ID string } `json:"rubric"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.Rubric.ID != "my-split" {
		t.Errorf("report rubric %q, %v; want my-split", rep.Rubric.ID, err)
	}
}

func TestCheckFailUnder(t *testing.T) {
	dir := t.TempDir()
	weak := writeFile(t, dir, "weak.txt", []byte(cliWeakEssay))
	r := rubricate(t, "", "check", "--rubric", "sino-soviet-split", "--fail-under", "4", weak)
	if r.code != exitBelowBar {
		t.Errorf("--fail-under 4 on a weak essay: exit %d, want 1; stderr %q", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "below level 4") {
		t.Errorf("stderr %q does not say the essay is below level 4", r.stderr)
	}
	if !strings.Contains(r.stdout, "Level ") {
		t.Errorf("the report is not printed:\n%s", r.stdout)
	}
	if r := rubricate(t, "", "check", "--fail-under", "0", weak); r.code != exitOK {
		t.Errorf("--fail-under 0: exit %d, want 0", r.code)
	}
}

func TestCheckFolder(t *testing.T) {
	dir := t.TempDir()
	essays := filepath.Join(dir, "essays")
	writeFile(t, essays, "b.txt", []byte(cliWeakEssay))
	writeFile(t, essays, "a.txt", []byte(cliGoodEssay))
	writeFile(t, essays, "sub/c.txt", []byte(cliWeakEssay))
	writeFile(t, essays, "photo.jpg", []byte("\xff\xd8\xff"))
	writeFile(t, essays, "d.docx", essayfiletest.DocxOf(cliWeakEssay))
	writeFile(t, essays, "marks.csv", []byte("a,b\n"))
	r := rubricate(t, "", "check", "--format", "json", essays)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var reps []struct {
		File string `json:"file"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &reps); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	var got []string
	for _, rep := range reps {
		got = append(got, rep.File)
	}
	want := []string{filepath.Join(essays, "a.txt"), filepath.Join(essays, "b.txt"), filepath.Join(essays, "d.docx"), filepath.Join(essays, "sub", "c.txt")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files checked (-want +got):\n%s", diff)
	}

	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	r = rubricate(t, "", "check", empty)
	if r.code != exitBadInput || !strings.Contains(r.stderr, empty) {
		t.Errorf("a folder without essays: exit %d, stderr %q; want 2 and the folder named", r.code, r.stderr)
	}
}

func TestCheckStdin(t *testing.T) {
	r := rubricate(t, cliGoodEssay, "check", "--rubric", "sino-soviet-split", "-")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "Mark ") || !strings.Contains(r.stdout, "Level ") {
		t.Errorf("no report for standard input:\n%s", r.stdout)
	}
	r = rubricate(t, cliGoodEssay, "check", "--format", "json", "-")
	var rep struct {
		File  string `json:"file"`
		Score struct {
			Max int `json:"max"`
		} `json:"score"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.File != "-" || rep.Score.Max == 0 {
		t.Errorf("JSON for standard input: %+v, %v", rep, err)
	}
	r = rubricate(t, "", "check", "-")
	if r.code != exitBadInput || !strings.Contains(r.stderr, "empty") {
		t.Errorf("empty standard input: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestCheckCSV(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", []byte(cliGoodEssay))
	b := writeFile(t, dir, "b.txt", []byte(cliWeakEssay))
	missing := filepath.Join(dir, "missing.txt")
	r := rubricate(t, "", "check", "--rubric", "sino-soviet-split", "--format", "csv", a, b, missing)
	if r.code != exitBadInput {
		t.Errorf("exit %d, want 2 for the missing file", r.code)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatalf("stdout is not CSV: %v\n%s", err, r.stdout)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want a header and one row per essay:\n%s", len(rows), r.stdout)
	}
	header := rows[0]
	wantHeader := []string{"file", "level", "points", "max", "knowledge", "causes", "analysis", "judgement", "accuracy", "evidence_found", "evidence_total", "problems", "error"}
	if diff := cmp.Diff(wantHeader, header); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for i, want := range []string{a, b, missing} {
		row := rows[i+1]
		if len(row) != len(header) || row[col["file"]] != want {
			t.Errorf("row %d = %q, want the row of %s", i+1, row, want)
		}
	}
	if rows[1][col["max"]] != "20" || rows[1][col["level"]] == "" || rows[1][col["error"]] != "" {
		t.Errorf("row of a good essay: %q", rows[1])
	}
	if rows[3][col["level"]] != "" || !strings.Contains(rows[3][col["error"]], "no such file") {
		t.Errorf("row of a missing essay: %q", rows[3])
	}
}

func TestCheckUsage(t *testing.T) {
	dir := t.TempDir()
	essay := writeFile(t, dir, "essay.txt", []byte(cliGoodEssay))
	for _, args := range [][]string{
		{"check"},
		{"check", "--format", "xml", "ESSAY"},
		{"check", "--no-such-flag", "ESSAY"},
		{"check", "--fail-under", "four", "ESSAY"},
		{"check", "--fail-under", "-1", "ESSAY"},
		{"check", "--fail-under", "5", "ESSAY"},
		{"no-such-command"},
		{"rubrics", "show"},
		{"rubrics", "show", "no-such-rubric"},
		{"rubrics", "validate"},
		{"notes", "search"},
		{"eval"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			for i, a := range args {
				if a == "ESSAY" {
					args[i] = essay
				}
			}
			r := rubricate(t, "", args...)
			if r.code != exitBadInput {
				t.Errorf("exit %d, want 2", r.code)
			}
			if len(stderrLines(r.stderr)) == 0 {
				t.Error("nothing on stderr")
			}
		})
	}
}

func TestRubricsList(t *testing.T) {
	r := rubricate(t, "", "rubrics", "list")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, id := range []string{"sino-soviet-overview", "sino-soviet-split", "sino-soviet-alliance", "sino-us-rapprochement"} {
		if !regexp.MustCompile(`(?m)^` + id + `\s+\d+\s+\S`).MatchString(r.stdout) {
			t.Errorf("the list has no line for %s:\n%s", id, r.stdout)
		}
	}
}

func TestRubricsShowValidate(t *testing.T) {
	dir := t.TempDir()
	for _, id := range []string{"sino-soviet-overview", "sino-soviet-split", "sino-soviet-alliance", "sino-us-rapprochement"} {
		t.Run(id, func(t *testing.T) {
			show := rubricate(t, "", "rubrics", "show", id)
			if show.code != exitOK || !strings.Contains(show.stdout, "id: "+id) {
				t.Fatalf("rubrics show %s: exit %d\n%s%s", id, show.code, show.stdout, show.stderr)
			}
			p := writeFile(t, dir, id+".yaml", []byte(show.stdout))
			v := rubricate(t, "", "rubrics", "validate", p)
			if v.code != exitOK || !strings.Contains(v.stdout, p+": ok") {
				t.Errorf("rubrics validate: exit %d\nstdout %s\nstderr %s", v.code, v.stdout, v.stderr)
			}
		})
	}
	t.Run("malformed", func(t *testing.T) {
		good := filepath.Join(dir, "sino-soviet-split.yaml")
		bad := writeFile(t, dir, "bad.yaml", []byte("id: mine\ntitle: Mine\ntopic: sino-soviet-relations-1949-76\nquestion: Why?\nmarks: 10\ncriteria:\n  - id: k\n    name: K\n    kind: evidence\n    marks: 10\n    items: [treaty-1905]\nlevels:\n  - {level: 0, marks: 0-10, descriptor: All.}\n"))
		missing := filepath.Join(dir, "missing.yaml")
		v := rubricate(t, "", "rubrics", "validate", bad, good, missing)
		if v.code != exitBadInput {
			t.Errorf("exit %d, want 2", v.code)
		}
		if !strings.Contains(v.stderr, bad+`:11:13: unknown evidence id "treaty-1905" (did you mean "treaty-1950"?)`) {
			t.Errorf("stderr does not place the error:\n%s", v.stderr)
		}
		if !strings.Contains(v.stderr, missing) || !strings.Contains(v.stderr, "2 of 3 rubric file(s) have errors") {
			t.Errorf("stderr does not name the missing file and the count:\n%s", v.stderr)
		}
		if !strings.Contains(v.stdout, good+": ok") {
			t.Errorf("the good file is not validated:\n%s", v.stdout)
		}
	})
}

func TestNotesSearch(t *testing.T) {
	r := rubricate(t, "", "notes", "search", "Ussuri")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	first := strings.SplitN(r.stdout, "\n", 2)[0]
	if !strings.HasPrefix(first, "card 5") || !strings.Contains(first, "The Ussuri River Dispute, 1969") {
		t.Errorf("first hit %q, want card 5, The Ussuri River Dispute", first)
	}
	if !strings.Contains(r.stdout, "[Ussuri]") || strings.Contains(r.stdout, "<mark>") || strings.Contains(r.stdout, "&#39;") {
		t.Errorf("the hit is not marked for a terminal:\n%s", r.stdout)
	}
	r = rubricate(t, "", "notes", "search", "revisionist")
	if !strings.Contains(r.stdout, "'[revisionist]'") {
		t.Errorf("HTML entities are not unescaped:\n%s", r.stdout)
	}
	r = rubricate(t, "", "notes", "search", "zzzqqq")
	if r.code != exitOK || !strings.Contains(r.stdout, "Nothing in the notes matches") {
		t.Errorf("no hits: exit %d, %q", r.code, r.stdout)
	}
	r = rubricate(t, "", "notes", "search", `treaty: "aid`)
	if r.code != exitOK || !strings.Contains(r.stdout, "card 1") {
		t.Errorf("a query with stray syntax: exit %d, %q, %q", r.code, r.stdout, r.stderr)
	}
}

// evalEssays writes two annotated essays in the format of ../shared/eval/dev.
func evalEssays(t *testing.T) string {
	dir := t.TempDir()
	writeFile(t, dir, "e01-split.txt", []byte(cliGoodEssay))
	writeFile(t, dir, "e01-split.yaml", []byte(`question: sino-soviet-split
level: [2, 3, 4]
present: [destalinisation-1956, peaceful-coexistence, revisionist-1960, phoney-communism-1964, khrushchev-visit-1959, experts-withdrawn-1960, india-aid-800m, ussuri-clash-1969, khrushchev-removed-1964, cause-ideology, cause-personal, cause-strategic, cause-economic]
unsure: []
problems: []
`))
	writeFile(t, dir, "e02-alliance.txt", []byte("The Treaty of Friendship of February 1950 gave China $800 million because Stalin wanted an ally. Kruschev was not yet leader."))
	writeFile(t, dir, "e02-alliance.yaml", []byte(`question: sino-soviet-alliance
level: [0, 1]
present: [treaty-1950]
problems:
  - {kind: figure-mismatch, text: "$800 million"}
also_ok:
  - {kind: misspelling, text: Kruschev}
`))
	return dir
}

func TestEval(t *testing.T) {
	dir := evalEssays(t)
	r := rubricate(t, "", "eval", dir)
	if r.code != exitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^e01-split\s+P \d\.\d\d R \d\.\d\d\s+problems 0/0 found, \d+ false\s+level \d in \[2 3 4\]`),
		regexp.MustCompile(`(?m)^e02-alliance\s+P \d\.\d\d R \d\.\d\d\s+problems 1/1 found, 0 false\s+level \d in \[0 1\] ok`),
		regexp.MustCompile(`(?m)^essays: 2 \(0 could not be checked\)$`),
		regexp.MustCompile(`(?m)^evidence: precision \d\.\d{3}  recall \d\.\d{3}`),
		regexp.MustCompile(`(?m)^problems: 1 of 1 found, \d+ raised falsely$`),
		regexp.MustCompile(`(?m)^levels: \d of 2 in range`),
	} {
		if !want.MatchString(r.stdout) {
			t.Errorf("output does not match %s:\n%s", want, r.stdout)
		}
	}

	r = rubricate(t, "", "eval", "--min-recall", "1.01", dir)
	if r.code != exitBelowBar {
		t.Errorf("--min-recall 1.01: exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stderr, "recall") || !strings.Contains(r.stderr, "< 1.010") {
		t.Errorf("stderr %q does not say recall is below the bar", r.stderr)
	}
	if !strings.Contains(r.stdout, "essays: 2") {
		t.Errorf("the summary is not printed when below the bar:\n%s", r.stdout)
	}

	r = rubricate(t, "", "eval", t.TempDir())
	if r.code != exitBadInput {
		t.Errorf("eval of a folder without annotations: exit %d, want 2; stderr %q", r.code, r.stderr)
	}

	// --suggest proposes boundaries for rubrics with five essays or more;
	// two essays are too few, and it says so.
	r = rubricate(t, "", "eval", "--suggest", dir)
	if r.code != exitOK || !strings.Contains(r.stdout, "no rubric has five or more essays") {
		t.Errorf("--suggest on two essays: exit %d\n%s", r.code, r.stdout)
	}
	r = rubricate(t, "", "eval", "--suggest", filepath.Join("..", "..", "testdata", "eval"))
	if r.code != exitOK || !regexp.MustCompile(`suggested levels for sino-soviet-split \(\d+ essays\): in range \d+ → \d+`).MatchString(r.stdout) {
		t.Errorf("--suggest on testdata/eval: exit %d\n%s", r.code, r.stdout)
	}
}

// TestRubricsValidateTaggedYAML checks that a rubric with a YAML tag gets an
// error, not a crash (found by FuzzParse in package rubrics).
func TestRubricsValidateTaggedYAML(t *testing.T) {
	p := writeFile(t, t.TempDir(), "tagged.yaml", []byte("id: mine\nfocus: !!str abc\n"))
	for _, args := range [][]string{{"rubrics", "validate", p}, {"check", "--rubric", p, "-"}} {
		t.Run(args[0], func(t *testing.T) {
			var r cliResult
			var panicked any
			func() {
				defer func() { panicked = recover() }()
				r = rubricate(t, cliGoodEssay, args...)
			}()
			if panicked != nil {
				t.Fatalf("rubricate %s panicked: %v", strings.Join(args, " "), panicked)
			}
			if r.code != exitBadInput || !strings.Contains(r.stderr, p+":2:") {
				t.Errorf("exit %d, stderr %q; want 2 and the error at %s:2", r.code, r.stderr, p)
			}
		})
	}
}

// eval --matching measures what each matcher finds on the bundled topic:
// its rules alone find what both do there; the notes alone, less.
func TestEvalMatching(t *testing.T) {
	recall := func(matching string) string {
		var out, errs strings.Builder
		code := Run(context.Background(), []string{"eval", "--matching", matching, "../../testdata/eval"}, strings.NewReader(""), &out, &errs)
		if code != 0 {
			t.Fatalf("--matching %s: exit %d, %s", matching, code, errs.String())
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if strings.HasPrefix(line, "evidence:") {
				return line
			}
		}
		t.Fatalf("--matching %s: no evidence line in %s", matching, out.String())
		return ""
	}
	both, rules, notes := recall("both"), recall("rules"), recall("notes")
	if both != rules {
		t.Errorf("on the bundled topic, rules alone %q, want what both find, %q", rules, both)
	}
	if notes == both {
		t.Errorf("the notes alone find what both do (%q): the rules were not set aside", notes)
	}
	var errs strings.Builder
	if code := Run(context.Background(), []string{"eval", "--matching", "some", "../../testdata/eval"}, strings.NewReader(""), io.Discard, &errs); code != 2 || !strings.Contains(errs.String(), "give both, rules or notes") {
		t.Errorf("--matching some: exit %d, %s; want a usage error", code, errs.String())
	}
}
