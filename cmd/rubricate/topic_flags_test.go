package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
)

// A teacher's topic, as a topic folder holds it.
const (
	weimarNotes = `# Weimar Germany 1919-23

## Threats from the right
- 13 March 1920: the Kapp Putsch. Wolfgang Kapp and 5,000 Freikorps marched into Berlin.
- 24 June 1922: Walther Rathenau, the foreign minister, was murdered by nationalists.

## Hyperinflation
- By November 1923 hyperinflation had made the mark worthless and ruined savers.
`
	weimarCatalogue = `topic: weimar-1919-23
title: Weimar Germany 1919-23
period: [1919, 1923]
names:
  - {name: Kapp}
  - {name: Rathenau}
items:
  - id: kapp-putsch
    label: The Kapp Putsch (1920)
    kind: event
    card: 1
    fact: in March 1920 Kapp and 5,000 Freikorps marched into Berlin
    dates: ["March 1920"]
    recognise:
      - kapp
  - id: rathenau-murdered
    label: Rathenau is murdered (1922)
    kind: event
    card: 1
    fact: in June 1922 nationalists murdered Rathenau, the foreign minister
    dates: ["June 1922"]
    recognise:
      - rathenau + murder*|assassinat*|kill*
  - id: hyperinflation
    label: Hyperinflation (1923)
    kind: concept
    card: 1
    fact: by November 1923 hyperinflation had made the mark worthless
    recognise:
      - hyperinflation
`
	// weimarRubric is a rubric on the topic, with %s for its id.
	weimarRubric = `# A rubric of the teacher's own.
id: %s
title: Threats to Weimar
topic: weimar-1919-23
question: How far were threats from the right the main danger to the Weimar Republic in 1919-23?
marks: 10
criteria:
  - id: knowledge
    name: Knowledge and use of evidence
    kind: evidence
    marks: 10
    items: [kapp-putsch, rathenau-murdered, hyperinflation]
    enough: 2
levels:
  - {level: 0, marks: 0-0, descriptor: Nothing worthy of credit.}
  - {level: 1, marks: 1-3, descriptor: A little knowledge.}
  - {level: 2, marks: 4-6, descriptor: Some knowledge.}
  - {level: 3, marks: 7-8, descriptor: Good knowledge.}
  - {level: 4, marks: 9-10, descriptor: Precise knowledge.}
`
	weimarEssay = `In March 1920 Wolfgang Kapp led the Kapp Putsch in Berlin with 5,000 Freikorps. In June 1922 nationalists murdered Rathenau, the foreign minister. Hyperinflation in 1923 ruined savers. Threats from the right were therefore the main danger, because they showed that the army would not defend the republic.`

	// russiaNotes have no catalogue: one is drafted from them.
	russiaNotes = `THE RUSSIAN REVOLUTIONS, 1917

THE FEBRUARY REVOLUTION:
* 23 February 1917: strikes and bread riots began in Petrograd.
* 2 March 1917: Tsar Nicholas II abdicated.

THE OCTOBER REVOLUTION:
* 25 October 1917: the Bolsheviks seized power in Petrograd.
`
)

// topicFolders writes the folders and files the tests use in dir.
func topicFolders(t *testing.T, dir string) {
	t.Helper()
	writeFile(t, dir, "weimar/notes.md", []byte(weimarNotes))
	writeFile(t, dir, "weimar/catalogue.yaml", []byte(weimarCatalogue))
	writeFile(t, dir, "russia-1917/notes.txt", []byte(russiaNotes))
	writeFile(t, dir, "my-rubric.yaml", []byte(strings.ReplaceAll(weimarRubric, "%s", "my-weimar")))
	writeFile(t, dir, "essay.txt", []byte(weimarEssay))
	writeFile(t, dir, "marked/e1.txt", []byte(weimarEssay))
	writeFile(t, dir, "marked/e1.yaml", []byte("question: my-weimar\nlevel: [3, 4]\npresent: [kapp-putsch, rathenau-murdered, hyperinflation]\n"))
	writeFile(t, dir, "marked-levels/e1.txt", []byte(weimarEssay))
	writeFile(t, dir, "marked-levels/e1.yaml", []byte("question: ms-khan-weimar\nlevel: [3, 4]\n"))
	// Broken folders.
	writeFile(t, dir, "unknown-key/notes.md", []byte(weimarNotes))
	writeFile(t, dir, "unknown-key/catalogue.yaml", []byte(strings.Replace(weimarCatalogue, "    recognise:\n      - kapp\n", "    recognize:\n      - kapp\n", 1)))
	writeFile(t, dir, "bad-date/notes.md", []byte(weimarNotes))
	writeFile(t, dir, "bad-date/catalogue.yaml", []byte(strings.Replace(weimarCatalogue, `"March 1920"`, `"Marhc of 1920"`, 1)))
	writeFile(t, dir, "bundled-id/notes.md", []byte(weimarNotes))
	writeFile(t, dir, "bundled-id/catalogue.yaml", []byte(strings.Replace(weimarCatalogue, "topic: weimar-1919-23", "topic: sino-soviet-relations-1949-76", 1)))
	writeFile(t, dir, "weimar-copy/notes.md", []byte(weimarNotes))
	writeFile(t, dir, "weimar-copy/catalogue.yaml", []byte(weimarCatalogue))
	writeFile(t, dir, "no-notes/catalogue.yaml", []byte(weimarCatalogue))
	if err := os.MkdirAll(filepath.Join(dir, "empty-data"), 0o755); err != nil {
		t.Fatal(err)
	}
}

// publishStore makes a server's data folder in dir: Ms Khan's topics and
// rubrics, some published. It returns the open store.
func publishStore(t *testing.T, dir string) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	khan, err := s.AddTeacher(ctx, "Ms Khan", alicePassword)
	if err != nil {
		t.Fatal(err)
	}
	russia, err := rubrics.DraftCatalogue("russia-1917", "The Russian Revolutions, 1917", russiaNotes)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, tp := range []struct {
		id, notes string
		cat       []byte
		published bool
	}{
		{"weimar-1919-23", weimarNotes, []byte(weimarCatalogue), true},
		{"russia-1917", russiaNotes, russia, true},
		{"draft-topic", "# Draft\n\n- 1900: something happened.\n", []byte("topic: draft-topic\ntitle: Draft\nitems: []\n"), false},
	} {
		_, err := s.SaveTopic(ctx, khan.ID, tp.id, tp.notes, tp.cat)
		must(err)
		must(s.SetTopicPublished(ctx, khan.ID, tp.id, tp.published))
	}
	for _, r := range []struct {
		id, yaml  string
		published bool
	}{
		{"ms-khan-weimar", strings.ReplaceAll(weimarRubric, "%s", "ms-khan-weimar"), true},
		{"ms-khan-draft", strings.ReplaceAll(weimarRubric, "%s", "ms-khan-draft"), false},
		{"ms-khan-broken", "id: ms-khan-broken\ntitle: Broken\n", true},
	} {
		_, err := s.SaveRubric(ctx, khan.ID, r.id, []byte(r.yaml))
		must(err)
		must(s.SetPublished(ctx, khan.ID, r.id, r.published))
	}
	return s
}

// flagCase is one run of rubricate and what it must print.
type flagCase struct {
	name   string
	args   []string
	code   int
	stdout []string // regexps that must match
	stderr []string
	not    []string // regexps that must not match stdout
}

func runFlagCases(t *testing.T, cases []flagCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := rubricate(t, "", tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			for _, re := range tc.stdout {
				if !regexp.MustCompile(re).MatchString(r.stdout) {
					t.Errorf("stdout does not match %q:\n%s", re, r.stdout)
				}
			}
			for _, re := range tc.stderr {
				if !regexp.MustCompile(re).MatchString(r.stderr) {
					t.Errorf("stderr does not match %q:\n%s", re, r.stderr)
				}
			}
			for _, re := range tc.not {
				if regexp.MustCompile(re).MatchString(r.stdout) {
					t.Errorf("stdout matches %q:\n%s", re, r.stdout)
				}
			}
		})
	}
}

// TestTopicFlag: check, rubrics validate, notes search and eval work on a
// teacher's topic folder.
func TestTopicFlag(t *testing.T) {
	dir := t.TempDir()
	topicFolders(t, dir)
	p := func(name string) string { return filepath.Join(dir, name) }
	weimar, russia, rubric, essay := p("weimar"), p("russia-1917"), p("my-rubric.yaml"), p("essay.txt")
	q := regexp.QuoteMeta
	runFlagCases(t, []flagCase{
		{name: "check with a rubric file", args: []string{"check", "--rubric", rubric, "--topic", weimar, essay},
			stdout: []string{`Threats to Weimar  \(my-weimar\)`, `Evidence used \(3 of 3\)`, `The Kapp Putsch \(1920\)`}},
		{name: "check without the topic", args: []string{"check", "--rubric", rubric, essay}, code: exitBadInput,
			stderr: []string{`unknown topic`}},
		{name: "check with the topic's overview", args: []string{"check", "--topic", weimar, essay},
			stdout: []string{`\(weimar-1919-23-overview\)`, `Rathenau is murdered`}},
		{name: "check on a drafted topic", args: []string{"check", "--topic", russia, "--format", "json", essay},
			stdout: []string{`"id": "russia-1917-overview"`}},
		{name: "validate a rubric on the topic", args: []string{"rubrics", "validate", "--topic", weimar, rubric},
			stdout: []string{q(rubric) + `: ok \(my-weimar, 10 marks, 1 criteria\)`, q(weimar) + `: ok \(topic weimar-1919-23, 3 items, catalogue.yaml\)`}},
		{name: "validate a topic alone", args: []string{"rubrics", "validate", "--topic", russia},
			stdout: []string{q(russia) + `: ok \(topic russia-1917, \d+ items, catalogue drafted from the notes\)`}},
		{name: "list with the topic", args: []string{"rubrics", "list", "--topic", weimar},
			stdout: []string{`(?m)^weimar-1919-23-overview\s+20\s`, `(?m)^sino-soviet-split\s`}},
		{name: "search one topic", args: []string{"notes", "search", "--topic", weimar, "Kapp Putsch"},
			stdout: []string{`(?m)^line 4  Threats from the right$`, `\[Kapp\] \[Putsch\]`},
			not:    []string{`weimar-1919-23 ·`, `Ussuri`}},
		{name: "search two topics", args: []string{"notes", "search", "--topic", weimar, "--topic", russia, "Berlin Petrograd"},
			stdout: []string{`(?m)^weimar-1919-23 · line 4  Threats from the right$`, `(?m)^russia-1917 · line \d+  `}},
		{name: "search one of two", args: []string{"notes", "search", "--topic", weimar, "--topic", russia, "--in", "russia-1917", "Berlin Petrograd"},
			stdout: []string{`(?m)^line \d+  THE`}, not: []string{`weimar`}},
		{name: "eval a teacher's rubric", args: []string{"eval", "--topic", weimar, "--rubric", rubric, p("marked")},
			stdout: []string{`e1 .*P 1\.00 R 1\.00 .*level 4 in \[3 4\] ok`, `levels: 1 of 1 in range`}},
		{name: "eval without the rubric", args: []string{"eval", "--topic", weimar, p("marked")}, code: exitBelowBar,
			stdout: []string{`unknown rubric "my-weimar" in e1.yaml`}},

		// Mistakes, each said with what to do.
		{name: "unknown key in the catalogue", args: []string{"check", "--topic", p("unknown-key"), essay}, code: exitBadInput,
			stderr: []string{`the topic's catalogue has errors`, q(filepath.Join(p("unknown-key"), "catalogue.yaml")) + `:\d+:\d+: .*recognize`}},
		{name: "bad date in the catalogue", args: []string{"rubrics", "validate", "--topic", p("bad-date"), rubric}, code: exitBadInput,
			stderr: []string{q(filepath.Join(p("bad-date"), "catalogue.yaml")) + `:13:\d+: .*Marhc of 1920`}},
		{name: "no such folder", args: []string{"notes", "search", "--topic", p("nope"), "x"}, code: exitBadInput,
			stderr: []string{`--topic .*nope: there is no such folder: give a folder that holds notes.txt or notes.md`}},
		{name: "a file", args: []string{"check", "--topic", essay, essay}, code: exitBadInput,
			stderr: []string{`this is a file, not a folder: give the folder that holds the notes`}},
		{name: "no notes", args: []string{"check", "--topic", p("no-notes"), essay}, code: exitBadInput,
			stderr: []string{`the folder has no notes.txt or notes.md: put the topic's revision notes there`}},
		{name: "a topic id", args: []string{"notes", "search", "--topic", "sino-soviet-relations-1949-76", "Ussuri"}, code: exitBadInput,
			stderr: []string{q("give --in instead: `rubricate notes search --in sino-soviet-relations-1949-76 QUERY`")}},
		{name: "unknown --in", args: []string{"notes", "search", "--in", "nope", "Ussuri"}, code: exitBadInput,
			stderr: []string{`--in nope: there is no topic "nope": the topics are sino-soviet-relations-1949-76 \(add your own with --topic DIR`}},
		{name: "the same topic twice", args: []string{"check", "--topic", weimar, "--topic", p("weimar-copy"), essay}, code: exitBadInput,
			stderr: []string{`are both topic "weimar-1919-23": give each topic its own id`}},
		{name: "a bundled topic's id", args: []string{"check", "--topic", p("bundled-id"), essay}, code: exitBadInput,
			stderr: []string{`is a bundled topic: give yours another id \(topic: in catalogue.yaml\)`}},
		{name: "validate nothing", args: []string{"rubrics", "validate"}, code: exitBadInput,
			stderr: []string{`give one or more rubric files.*or a topic folder to check with --topic DIR`}},
	})
}

// TestDataFlag: the commands use what a server's teachers published, read
// only, also while the server has the folder.
func TestDataFlag(t *testing.T) {
	dir := t.TempDir()
	topicFolders(t, dir)
	data := filepath.Join(dir, "data")
	s := publishStore(t, data)
	s.Close()
	p := func(name string) string { return filepath.Join(dir, name) }
	q := regexp.QuoteMeta
	rubric, essay := p("my-rubric.yaml"), p("essay.txt")
	left := `warning: --data .*: the published rubric "ms-khan-broken" is left out: it does not validate: .*\(Ms Khan can fix it in the teacher's workspace\)`
	runFlagCases(t, []flagCase{
		{name: "list", args: []string{"rubrics", "list", "--data", data},
			stdout: []string{`(?m)^ms-khan-weimar\s+10\s+How far were threats`, `(?m)^sino-soviet-split\s`},
			stderr: []string{left}, not: []string{`ms-khan-draft`, `ms-khan-broken`}},
		{name: "check", args: []string{"check", "--data", data, "--rubric", "ms-khan-weimar", essay},
			stdout: []string{`Threats to Weimar  \(ms-khan-weimar\)`, `Evidence used \(3 of 3\)`}},
		{name: "check a draft", args: []string{"check", "--data", data, "--rubric", "ms-khan-draft", essay}, code: exitBadInput,
			stderr: []string{`unknown rubric "ms-khan-draft"`}},
		{name: "show as stored", args: []string{"rubrics", "show", "--data", data, "ms-khan-weimar"},
			stdout: []string{`^# A rubric of the teacher's own.\nid: ms-khan-weimar\n`}},
		{name: "validate on a stored topic", args: []string{"rubrics", "validate", "--data", data, rubric},
			stdout: []string{q(rubric) + `: ok \(my-weimar`}},
		{name: "search every published topic", args: []string{"notes", "search", "--data", data, "Berlin Petrograd"},
			stdout: []string{`(?m)^weimar-1919-23 · line 4  `, `(?m)^russia-1917 · line \d+  `}, not: []string{`Ussuri`, `Draft`}},
		{name: "search one", args: []string{"notes", "search", "--data", data, "--in", "weimar-1919-23", "Kapp"},
			stdout: []string{`(?m)^line 4  Threats from the right$`}},
		{name: "search a draft topic", args: []string{"notes", "search", "--data", data, "--in", "draft-topic", "something"}, code: exitBadInput,
			stderr: []string{`there is no topic "draft-topic"`}},
		{name: "eval", args: []string{"eval", "--data", data, p("marked-levels")},
			stdout: []string{`levels: 1 of 1 in range`}},
		{name: "a folder beats the store", args: []string{"check", "--data", data, "--topic", p("weimar"), "--rubric", "ms-khan-weimar", essay},
			stdout: []string{`\(ms-khan-weimar\)`}, stderr: []string{`topic "weimar-1919-23" is taken from .*weimar, not from the server`}},

		{name: "no such folder", args: []string{"check", "--data", p("nope"), essay}, code: exitBadInput,
			stderr: []string{`--data .*nope: there is no such folder: give the data folder of a server \(the folder given to .rubricate serve --data.`}},
		{name: "not a data folder", args: []string{"rubrics", "list", "--data", p("empty-data")}, code: exitBadInput,
			stderr: []string{`the folder holds no rubricate.db, so it is not a server's data folder`}},
		{name: "a file", args: []string{"rubrics", "list", "--data", essay}, code: exitBadInput,
			stderr: []string{`this is a file, not a folder`}},
	})
	if entries, _ := os.ReadDir(p("empty-data")); len(entries) > 0 {
		t.Errorf("--data made files in a folder that was not a data folder: %v", entries)
	}
}

// TestDataWhileServing: --data reads the folder while a server holds it,
// and the store can still be written beside it.
func TestDataWhileServing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	topicFolders(t, dir)
	data := filepath.Join(dir, "data")
	publishStore(t, data).Close()
	srv := startServe(t, data)
	defer srv.stop(t)
	r := rubricate(t, "", "check", "--data", data, "--rubric", "ms-khan-weimar", filepath.Join(dir, "essay.txt"))
	if r.code != exitOK || !strings.Contains(r.stdout, "(ms-khan-weimar)") {
		t.Fatalf("check beside a server: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	s, err := store.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	khan, err := s.Teacher(ctx, "Ms Khan")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPublished(ctx, khan.ID, "ms-khan-weimar", false); err != nil {
		t.Fatalf("the store cannot be written after --data read it: %v", err)
	}
	if r := rubricate(t, "", "rubrics", "list", "--data", data); r.code != exitOK || strings.Contains(r.stdout, "ms-khan-weimar") {
		t.Errorf("list after unpublishing: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestOpenReadOnly: the read-only store reads and refuses to write, and
// needs the database to exist.
func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	publishStore(t, data).Close()
	before := dbFiles(t, data)
	ro, err := store.OpenReadOnly(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if list, err := ro.PublishedRubrics(ctx); err != nil || len(list) != 2 {
		t.Errorf("published rubrics: %d, %v; want 2", len(list), err)
	}
	khan, err := ro.Teacher(ctx, "Ms Khan")
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.SetPublished(ctx, khan.ID, "ms-khan-weimar", false); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("a write on a read-only store: %v, want ErrReadOnly", err)
	}
	ro.Close()
	if after := dbFiles(t, data); !slices.Equal(before, after) {
		t.Errorf("the data folder changed: %v, then %v", before, after)
	}
	if _, err := store.OpenReadOnly(ctx, t.TempDir()); !os.IsNotExist(err) {
		t.Errorf("a folder with no database: %v, want a not-exist error", err)
	}
}

// dbFiles describes the data folder: the database's contents and time,
// and every other file but the companions any SQLite reader may make
// (an empty -wal and the -shm, readable by their owner only).
func dbFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		switch name := e.Name(); name {
		case store.FileName:
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s %x %s", name, sha256.Sum256(data), info.ModTime()))
		case store.FileName + "-wal", store.FileName + "-shm":
			if info.Mode().Perm() != 0o600 || name == store.FileName+"-wal" && info.Size() > 0 {
				out = append(out, fmt.Sprintf("%s %v %d bytes", name, info.Mode(), info.Size()))
			}
		default:
			out = append(out, name)
		}
	}
	return out
}
