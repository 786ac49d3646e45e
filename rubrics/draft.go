package rubrics

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/corpus"
)

// DraftCatalogue drafts an evidence catalogue from a teacher's notes: every
// passage that gives a date or a figure becomes a suggested item, with an
// id, a label, its date or figure and rules built from its names and key
// words; names that recur become the catalogue's names. The draft is YAML
// for the teacher to edit: it parses, but its rules are guesses.
func DraftCatalogue(topicID, title, notes string) ([]byte, error) {
	if !idPattern.MatchString(topicID) {
		return nil, fmt.Errorf("topic id %q must be lower-case letters, digits and hyphens, such as cold-war-1945-62", topicID)
	}
	_, passages, err := corpus.ParseNotes(notes)
	if err != nil {
		return nil, fmt.Errorf("the notes cannot be read: %w", err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Evidence catalogue drafted from the notes. Check every item: the labels,\n")
	fmt.Fprintf(&b, "# the rules under recognise (see the annotated bundled catalogue for their\n")
	fmt.Fprintf(&b, "# syntax) and the dates and figures. Delete the items an essay need not use.\n")
	fmt.Fprintf(&b, "topic: %s\ntitle: %s\n", topicID, yamlString(title))
	names := recurringNames(passages)
	if len(names) > 0 {
		b.WriteString("names:\n")
		for _, n := range names {
			fmt.Fprintf(&b, "  - {name: %s}\n", yamlString(n))
		}
	}
	b.WriteString("items:\n")
	used := map[string]int{}
	df := documentFrequency(passages)
	count := 0
	for _, p := range passages {
		var dates, figures []string
		for _, m := range analyzer.FindMentions(p.Text) {
			// Only values a catalogue can hold, as its validation reads
			// them ("1919 and 1922" is two dates, not one).
			v, ok := analyzer.ParseValue(m.Text)
			switch {
			case !ok || v.Kind != m.Kind:
			case m.Kind == analyzer.KindDate && v.From > 0:
				dates = append(dates, m.Text)
			case m.Kind != analyzer.KindDate:
				figures = append(figures, m.Text)
			}
		}
		if len(dates) == 0 && len(figures) == 0 {
			continue
		}
		keys := keyPhrases(p.Text, df)
		if len(keys) == 0 {
			continue
		}
		id := draftID(keys[0], dates, used)
		kind := corpus.KindEvent
		if len(figures) > 0 {
			kind = corpus.KindFigure
		}
		fmt.Fprintf(&b, "  - id: %s\n    label: %s\n    kind: %s\n    card: %d\n    fact: %s\n",
			id, yamlString(label(p.Text)), kind, p.Card, yamlString(p.Text))
		if len(dates) > 0 {
			fmt.Fprintf(&b, "    dates: [%s]\n", quoteAll(dates[:1]))
		}
		if len(figures) > 0 {
			fmt.Fprintf(&b, "    figures: [%s]\n", quoteAll(figures))
		}
		b.WriteString("    recognise:\n")
		for _, k := range keys {
			fmt.Fprintf(&b, "      - %s\n", yamlString(k))
		}
		for _, f := range figures {
			fmt.Fprintf(&b, "      - %s\n", yamlString(f))
		}
		fmt.Fprintf(&b, "    passage: %s\n", p.ID)
		count++
	}
	if count == 0 {
		return nil, fmt.Errorf("no passage of the notes gives a date or a figure, so there is nothing to suggest: write the items by hand")
	}
	return b.Bytes(), nil
}

var capitalised = regexp.MustCompile(`\b[A-Z][\p{L}'’-]*(?:\s+(?:(?:of|the|and)\s+)?[A-Z][\p{L}'’-]*)*`)

// keyPhrases picks what names a passage: a capitalised phrase that few
// passages share, then its two rarest words as a rule of two parts.
func keyPhrases(text string, df map[string]int) []string {
	var out []string
	for _, loc := range capitalised.FindAllStringIndex(text, -1) {
		ph := strings.TrimSpace(strings.TrimRight(text[loc[0]:loc[1]], " -"))
		ph = strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(ph, "'s"), "’s"))
		if loc[0] == 0 && !strings.Contains(ph, " ") || len(ph) < 4 || stopWords[ph] || df[ph] > 2 {
			continue
		}
		out = append(out, ph)
		break
	}
	words := contentWords(text)
	sort.SliceStable(words, func(i, j int) bool { return df[words[i]] < df[words[j]] })
	var keep []string
	for _, w := range words {
		if !slicesContains(keep, w) && (len(out) == 0 || !strings.Contains(out[0], w)) {
			keep = append(keep, w)
		}
		if len(keep) == 2 {
			break
		}
	}
	if len(keep) == 2 {
		out = append(out, strings.Join(keep, " + "))
	}
	return out
}

// contentWords returns the words of text worth matching: five letters or
// more, not common function words, in lower case.
func contentWords(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 5 && !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// documentFrequency counts, for every content word and capitalised phrase,
// how many passages hold it.
func documentFrequency(passages []corpus.Passage) map[string]int {
	df := map[string]int{}
	for _, p := range passages {
		seen := map[string]bool{}
		for _, w := range contentWords(p.Text) {
			seen[w] = true
		}
		for _, ph := range capitalised.FindAllString(p.Text, -1) {
			seen[strings.ToLower(strings.TrimSuffix(strings.TrimSpace(ph), "'s"))] = true
		}
		for w := range seen {
			df[w]++
		}
	}
	return df
}

var stopWords = map[string]bool{"the": true, "this": true, "that": true, "there": true, "their": true,
	"which": true, "would": true, "could": true, "after": true, "before": true, "about": true, "because": true,
	"however": true, "between": true, "during": true, "these": true, "those": true, "where": true, "while": true,
	"other": true, "first": true, "second": true, "being": true, "under": true, "until": true, "since": true}

// recurringNames returns capitalised words, not at the start of a
// passage, that occur in at least two passages and never in lower case:
// the names of people, places and things.
func recurringNames(passages []corpus.Passage) []string {
	count := map[string]int{}
	lower := map[string]bool{}
	for _, p := range passages {
		seen := map[string]bool{}
		for i, w := range strings.Fields(p.Text) {
			w = strings.Trim(w, `.,;:!?()"'’“”-`)
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
			if w == "" {
				continue
			}
			if !unicode.IsUpper([]rune(w)[0]) {
				lower[strings.ToLower(w)] = true
				continue
			}
			if i == 0 || len(w) < 4 || strings.ToUpper(w) == w || strings.ContainsAny(w, "-") || stopWords[strings.ToLower(w)] {
				continue
			}
			if !seen[w] {
				seen[w] = true
				count[w]++
			}
		}
	}
	var out []string
	for w, n := range count {
		if n >= 2 && !lower[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

func draftID(key string, dates []string, used map[string]int) string {
	words := strings.FieldsFunc(key, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) > 3 {
		words = words[:3]
	}
	id := strings.Join(words, "-")
	if len(dates) > 0 {
		if m, ok := analyzer.ParseValue(dates[0]); ok && m.From > 0 {
			id += "-" + strconv.Itoa(m.From)
		}
	}
	id = strings.Trim(strings.ToLower(id), "-")
	if id == "" || !idPattern.MatchString(id) {
		id = "item"
	}
	used[id]++
	if used[id] > 1 {
		id = fmt.Sprintf("%s-%d", id, used[id])
	}
	return id
}

// label shortens a passage to a label of at most about ten words.
func label(text string) string {
	words := strings.Fields(text)
	if len(words) > 12 {
		words = append(words[:10], "…")
	}
	return strings.Join(words, " ")
}

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = yamlString(x)
	}
	return strings.Join(q, ", ")
}

// yamlString quotes s for YAML.
func yamlString(s string) string { return strconv.Quote(s) }

func slicesContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
