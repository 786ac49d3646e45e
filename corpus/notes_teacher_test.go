package corpus_test

import (
	"os"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/corpus"
)

func parseFile(t *testing.T, file string) ([]corpus.Card, []corpus.Passage) {
	t.Helper()
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cards, passages, err := corpus.ParseNotes(string(text))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return cards, passages
}

// TestTeacherNotes reads excerpts of teachers' notes as they wrote them,
// one in Markdown and one in plain text, and the First World War topic's
// notes: every bullet and numbered line is a passage on its own line, and
// the headings are found on theirs.
func TestTeacherNotes(t *testing.T) {
	tests := []struct {
		file      string
		headings  map[int]string // by line
		passages  map[int]string // by line, a part of the text
		bullets   string         // the marks that start a bullet line
		nPassages int
	}{
		{
			file: "testdata/notes/weimar-germany.txt",
			headings: map[int]string{
				1: "Weimar Germany 1919-23: revision notes", 5: "Background: defeat and revolution, 1918",
				13: "Cause 1: A weak constitution", 24: "Cause 2: The Treaty of Versailles",
				25: "Cause 4: Economic collapse: the Ruhr and hyperinflation",
				48: "Theme: Stresemann and recovery, autumn 1923", 55: "Making a judgement",
			},
			passages: map[int]string{
				3: "These notes cover the crises", 14: "163 of the 423 seats",
				38: "1918: 0.63 marks", 39: "January 1923: 250 marks", 42: "November 1923: 201,000,000,000 marks",
				56: "The treaty lies behind", 58: "Yet the republic survived",
			},
			bullets:   "-",
			nPassages: 40,
		},
		{
			file: "testdata/notes/russian-revolutions.txt",
			headings: map[int]string{
				1: "THE RUSSIAN REVOLUTIONS OF 1917", 6: "CAUSE 1 - THE WEAKNESS OF TSARISM",
				19: "CAUSE 2 - THE FIRST WORLD WAR", 29: "CAUSE 3 - ECONOMIC HARDSHIP AND HUNGER",
				35: "THE FEBRUARY REVOLUTION, 1917", 46: "DUAL POWER",
			},
			passages: map[int]string{
				4:  "A note on dates",
				36: "22 February: the owners of the giant Putilov", 44: "3 March: his brother, Grand Duke Michael",
			},
			bullets:   "*0123456789",
			nPassages: 36,
		},
		{
			file: "../testdata/topics/origins-first-world-war-1900-14/notes.txt",
			headings: map[int]string{
				1: "ORIGINS OF THE FIRST WORLD WAR, 1900-1914", 6: "THE ALLIANCE SYSTEM",
				18: "MILITARISM AND THE ARMS RACE", 60: "THE TRIGGER: THE SARAJEVO ASSASSINATION, 28 JUNE 1914",
				77: "WHO WAS TO BLAME?", 82: "KEY PEOPLE", 90: "EXAM TIPS",
			},
			passages: map[int]string{
				7:  "1879: the Dual Alliance - Germany",
				84: `Sir Edward Grey: British Foreign Secretary 1905-16; on 3 August 1914: "the lamps`,
				88: "Conrad von Hotzendorf: Austro-Hungarian Chief of Staff",
			},
			bullets:   "-0123456789",
			nPassages: 70,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			cards, passages := parseFile(t, tt.file)
			text, _ := os.ReadFile(tt.file)
			lines := strings.Split(string(text), "\n")
			headings := map[int]string{}
			for _, c := range cards {
				for _, h := range c.Headings {
					headings[h.Line] = h.Text
				}
			}
			for line, want := range tt.headings {
				if headings[line] != want {
					t.Errorf("heading on line %d = %q, want %q", line, headings[line], want)
				}
			}
			byLine := map[int]corpus.Passage{}
			for _, p := range passages {
				if p.Line != p.EndLine {
					t.Errorf("%s spans lines %d-%d: every passage of these notes is on one line", p.ID, p.Line, p.EndLine)
				}
				byLine[p.Line] = p
			}
			for line, want := range tt.passages {
				if !strings.Contains(byLine[line].Text, want) {
					t.Errorf("passage on line %d = %q, want it to hold %q", line, byLine[line].Text, want)
				}
			}
			for i, l := range lines {
				l = strings.TrimSpace(l)
				if l == "" || !strings.ContainsRune(tt.bullets, rune(l[0])) {
					continue
				}
				if _, ok := byLine[i+1]; !ok && headings[i+1] == "" {
					t.Errorf("line %d, %q, is no passage", i+1, l)
				}
			}
			if len(passages) != tt.nPassages {
				t.Errorf("%d passages, want %d", len(passages), tt.nPassages)
			}
		})
	}
}

func readText(tb testing.TB, file string) string {
	tb.Helper()
	text, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	return string(text)
}
