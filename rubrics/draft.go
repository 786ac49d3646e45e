package rubrics

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/corpus"
)

// DraftCatalogue drafts an evidence catalogue from a teacher's notes, as
// YAML for the teacher to keep or edit (see Draft).
func DraftCatalogue(topicID, title, notes string) ([]byte, error) {
	c, err := Draft(topicID, title, notes)
	if err != nil {
		return nil, err
	}
	body, err := yaml.MarshalWithOptions(c, yaml.Indent(2), yaml.IndentSequence(true))
	if err != nil {
		return nil, fmt.Errorf("writing the drafted catalogue: %w", err)
	}
	// The YAML writer leaves some odd strings ("? 0") unquoted, which then
	// read back as something else. Such notes get the catalogue in JSON's
	// form, which YAML reads as written.
	var back corpus.Catalogue
	if err := yaml.Unmarshal(body, &back); err != nil || !reflect.DeepEqual(&back, c) {
		if body, err = yaml.MarshalWithOptions(c, yaml.JSON()); err != nil {
			return nil, fmt.Errorf("writing the drafted catalogue: %w", err)
		}
	}
	const head = "# Evidence catalogue drafted from the notes. Every item is found in an\n" +
		"# essay by its passage of the notes (passage:); add rules under recognise\n" +
		"# (see the annotated bundled catalogue for their syntax) where you want\n" +
		"# more control, and delete the items an essay need not use.\n"
	return append([]byte(head), body...), nil
}

// Draft drafts an evidence catalogue from a teacher's notes: an item for
// every passage that states a fact, with its own date and figures, found
// in essays by the notes matcher; a cause for every heading that names a
// cause or a theme; the names that recur, and the years the notes cover.
// Headings of teachers' advice ("Exam tips") give no items.
func Draft(topicID, title, notes string) (*corpus.Catalogue, error) {
	if !idPattern.MatchString(topicID) {
		return nil, fmt.Errorf("topic id %q must be lower-case letters, digits and hyphens, such as cold-war-1945-62", topicID)
	}
	cards, passages, err := corpus.ParseNotes(notes)
	if err != nil {
		return nil, fmt.Errorf("the notes cannot be read: %w", err)
	}
	c := &corpus.Catalogue{Topic: topicID, Title: title}
	for _, n := range recurringNames(passages) {
		c.Names = append(c.Names, corpus.Name{Name: n})
	}
	df := documentFrequency(passages)
	used := map[string]int{}
	years := []int{}
	contextYears := yearsAround(passages)
	for i, p := range passages {
		// Advice under a heading of its own, or in a line labelled as
		// advice ("Exam tip: weigh his role against..."), is no fact.
		if advice.MatchString(p.Heading) || adviceLine(p.Text) {
			continue
		}
		dates, figures := valuesOf(p, contextYears[i])
		kind := corpus.KindConcept
		switch {
		case len(dates) > 0:
			kind = corpus.KindEvent
		case len(figures) > 0:
			kind = corpus.KindFigure
		}
		for _, d := range dates {
			if m, ok := analyzer.ParseValue(d); ok {
				years = append(years, m.From, m.To)
			}
		}
		c.Items = append(c.Items, corpus.Item{
			ID:        draftIDOf(keyWords(p.Text, df), dates, used),
			Label:     label(oneLine(p.Text)),
			Kind:      kind,
			Card:      p.Card,
			Fact:      oneLine(p.Text),
			Dates:     dates,
			Figures:   figures,
			Recognise: []string{},
			Passage:   p.ID,
		})
	}
	// Headings that name a cause or a theme are causes. Notes that name
	// none ("1. THE ALLIANCE SYSTEM", "2. MILITARISM") are organised by
	// theme: then every section heading that is not an event of a year, a
	// question, advice or a list of people is one.
	// Notes that name causes may have sections beside them that name a
	// theme all the same ("DUAL POWER" between "CAUSE 3" and "CAUSE 4"),
	// or a story ("Opposition and executions"): which, words cannot tell.
	// Such a section, at the level of the causes and no event of a year,
	// advice or background, is an item of its own, a concept an essay may
	// use, but no cause to count in the range of causes. A section inside
	// a cause ("### Threats from the left" under "## Cause 3") is part of
	// it.
	named := false
	causeLevel := map[int]bool{} // the parent lines of cause headings
	for _, card := range cards {
		for _, h := range card.Headings {
			if _, ok := causeName(oneLine(h.Text)); ok {
				named = true
				causeLevel[h.ParentLine] = true
			}
		}
	}
	under := map[int]int{} // heading line -> passages under it
	for _, p := range passages {
		under[p.HeadingLine]++
	}
	// Themes are sections: the notes' title is none, and one section alone
	// is no set of themes.
	themes := map[int]string{}
	numberedThemes := 0
	for ci, card := range cards {
		for hi, h := range card.Headings {
			if named && !causeLevel[h.ParentLine] {
				continue
			}
			if name, ok := themeName(oneLine(h.Text), under[h.Line], false); ok && (ci > 0 || hi > 0) {
				themes[h.Line] = name
				if h.Numbered {
					numberedThemes++
				}
			}
		}
	}
	// Notes that number their themes ("1. THE ALLIANCE SYSTEM", ...) may
	// number an event among them that a label before a colon gives its
	// part in the argument ("5. THE TRIGGER: THE SARAJEVO ASSASSINATION,
	// 28 JUNE 1914"): it is one of the factors too, where an event of a
	// year alone ("6. THE JULY CRISIS, 1914") is a story.
	if !named && numberedThemes >= 2 {
		for _, card := range cards {
			for _, h := range card.Headings {
				if _, ok := themes[h.Line]; ok || !h.Numbered || !labelled(oneLine(h.Text)) {
					continue
				}
				if name, ok := themeName(oneLine(h.Text), under[h.Line], true); ok {
					themes[h.Line] = name
				}
			}
		}
	}
	if !named && len(themes) < 2 {
		themes = nil
	}
	for _, card := range cards {
		for _, h := range card.Headings {
			name, ok := causeName(oneLine(h.Text))
			if !ok {
				name, ok = themes[h.Line]
			}
			if !ok {
				continue
			}
			item := corpus.Item{
				Label:     name,
				Kind:      corpus.KindCause,
				Card:      h.Card,
				Fact:      name,
				Recognise: []string{},
				Passage:   h.ID,
			}
			if _, cause := causeName(oneLine(h.Text)); named && !cause {
				item.ID = draftIDOf(keyWords(name, df), nil, used)
				item.Kind = corpus.KindConcept
				c.Items = append(c.Items, item)
				continue
			}
			item.ID = draftIDOf(append([]string{"cause"}, keyWords(name, df)...), nil, used)
			c.Causes = append(c.Causes, item)
		}
	}
	if len(c.Items) == 0 {
		return nil, fmt.Errorf("the notes hold no passage to draft an item from: write each fact on a line of its own or as a bullet")
	}
	// A heading written in capitals is labelled as a sentence; the names
	// in it keep their capitals ("Imperialism and the Moroccan crises").
	capital := capitalForms(passages)
	for _, n := range c.Names {
		capital[strings.ToLower(n.Name)] = n.Name
	}
	for i := range c.Causes {
		words := strings.Fields(c.Causes[i].Label)
		for k, w := range words {
			core := strings.TrimRight(w, ",:;.")
			if n, ok := capital[core]; ok {
				words[k] = n + w[len(core):]
			} else if isMonth(core) {
				words[k] = strings.ToUpper(core[:1]) + w[1:]
			}
		}
		c.Causes[i].Label = strings.Join(words, " ")
		c.Causes[i].Fact = c.Causes[i].Label
	}
	if from, to := period(years); from > 0 {
		c.Period = []int{from, to}
	}
	return c, nil
}

// oneLine writes every kind of white space as a space, so that a fact
// is one line of YAML.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
}

// adviceLine reports whether a line opens with a label of advice, before
// a colon: "Exam tip: ...", "Top tip: ...".
func adviceLine(text string) bool {
	i := strings.IndexByte(text, ':')
	return i > 0 && i <= 30 && advice.MatchString(text[:i])
}

// advice matches headings of teachers' advice rather than of the topic.
var advice = regexp.MustCompile(`(?i)\b(?:exam|tips?|advice|technique|making a judgement|how to answer|how to use|revision (?:tips|notes|sheet)|these notes)\b`)

// notTheme matches section headings that are not themes of the topic.
var notTheme = regexp.MustCompile(`(?i)\b(?:key (?:people|terms|words|dates)|people|glossary|timeline|chronology|background|aftermath|consequences|summary|introduction|conclusion|overview|contents)\b`)

// themeName returns the theme a section heading names, when the notes are
// organised by theme: a heading over two or more passages that is not an
// event of a year (unless dated is set), a question, advice or a list.
func themeName(heading string, passages int, dated bool) (string, bool) {
	h := strings.TrimSpace(strings.TrimLeft(heading, "# "))
	switch {
	case passages < 2, strings.HasSuffix(h, "?"), advice.MatchString(h), notTheme.MatchString(h), len(strings.Fields(h)) > 10:
		return "", false
	}
	for _, m := range analyzer.FindMentions(h) {
		if m.Kind == analyzer.KindDate && m.From > 0 && !dated {
			return "", false
		}
	}
	if strings.ToUpper(h) == h {
		h = sentenceCase(h)
	}
	return h, true
}

// isMonth reports whether a word is the name of a month ("june"), which
// English writes with a capital.
func isMonth(w string) bool {
	if w == "" || w == "may" || !strings.ContainsFunc(w, unicode.IsLetter) || strings.ContainsFunc(w, unicode.IsDigit) {
		return false // "may" is more often the verb
	}
	m, ok := analyzer.ParseValue(w + " 2000")
	return ok && m.Kind == analyzer.KindDate && m.Month > 0 && m.Day == 0
}

// capitalForms returns the words the passages write with a capital inside a
// sentence and never in lower case ("June", "Sarajevo"), by their lower
// case: the words of a heading in capitals to keep capitalised.
func capitalForms(passages []corpus.Passage) map[string]string {
	capital, lower := map[string]string{}, map[string]bool{}
	for _, p := range passages {
		words := strings.FieldsFunc(p.Text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '-' })
		for i, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case unicode.IsLower(r):
				lower[w] = true
			case i > 0 && unicode.IsUpper(r) && strings.ToUpper(w) != w:
				capital[strings.ToLower(w)] = w
			}
		}
	}
	for w := range lower {
		delete(capital, w)
	}
	return capital
}

// labelled reports whether a heading opens with a label of up to three
// words and a colon ("The trigger: ...").
func labelled(heading string) bool {
	label, _, ok := strings.Cut(heading, ":")
	return ok && len(strings.Fields(label)) <= 3 && !strings.ContainsAny(label, "0123456789")
}

// causeHeading matches a heading that names a cause, a reason, a factor or
// a theme, with its numbering ("Cause 2: ", "CAUSE 1 - ", "Theme: ").
var causeHeading = regexp.MustCompile(`(?i)^\s*(?:the\s+)?(?:(?:long|short)[- ]term\s+)?(?:cause|reason|factor|theme|problem)s?\b(?:\s*\d+\s*[:\-–—.]?|\s*[:\-–—.])\s*`)

// causeName returns the cause a heading names, without its numbering:
// "Cause 1: A weak constitution" names "A weak constitution".
func causeName(heading string) (string, bool) {
	heading = strings.TrimLeft(heading, "# ")
	loc := causeHeading.FindStringIndex(heading)
	if loc == nil {
		return "", false
	}
	name := strings.TrimSpace(strings.TrimRight(heading[loc[1]:], ":"))
	if name == "" || len(strings.Fields(name)) > 12 {
		return "", false
	}
	if strings.ToUpper(name) == name { // "THE WEAKNESS OF TSARISM"
		name = sentenceCase(name)
	}
	return name, true
}

// sentenceCase writes a heading in capitals as a sentence: "THE FIRST
// WORLD WAR" becomes "The first world war".
func sentenceCase(s string) string {
	r := []rune(strings.ToLower(s))
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// yearsAround returns, for each passage, the year that a day and month
// in it with no year ("3 April: Lenin reached...") are of: the year of its
// heading when that gives one ("THE FEBRUARY REVOLUTION, 1917"), or else
// the year of the notes around it, when the last year given before it and
// the first given after it agree. Where they differ the passage could be
// of either, and a wrong year would tell a student to correct a right
// date: it gets none (0).
func yearsAround(passages []corpus.Passage) []int {
	given := make([]int, len(passages)) // a year the passage or its heading gives, or 0
	month := make([]int, len(passages)) // the month of the passage's own date with that year, or 0
	out := make([]int, len(passages))
	for i, p := range passages {
		out[i] = oneYear(p.Heading)
		given[i] = out[i]
		if given[i] == 0 {
			given[i] = oneYear(p.Text)
			month[i] = monthOf(p.Text, true)
		}
	}
	for i, p := range passages {
		if out[i] != 0 {
			continue
		}
		before, after, nextMonth := 0, 0, 0
		for j := i - 1; j >= 0 && before == 0; j-- {
			before = given[j]
		}
		for j := i + 1; j < len(passages) && after == 0; j++ {
			after, nextMonth = given[j], month[j]
		}
		switch {
		case before == after:
			out[i] = before
		// In a section of two years ("THE BERLIN BLOCKADE AND AIRLIFT,
		// 1948-49"), told in order, a month after the next line's is of
		// the year before it: "24 June" between "Spring 1948" and "4
		// April 1949" is of 1948.
		case after == before+1 && spans(p.Heading, before, after) && nextMonth > 0 && monthOf(p.Text, false) > nextMonth:
			out[i] = before
		}
	}
	return out
}

// monthOf returns the month of the first date in text: of one with a year
// (withYear), or of a day and month without one; 0 when there is none.
func monthOf(text string, withYear bool) int {
	for _, m := range analyzer.FindMentions(text) {
		if m.Kind == analyzer.KindDate && m.Month > 0 && (m.From > 0) == withYear {
			return m.Month
		}
	}
	return 0
}

// spans reports whether a heading gives the years from-to ("..., 1948-49").
func spans(heading string, from, to int) bool {
	for _, m := range analyzer.FindMentions(heading) {
		if m.Kind == analyzer.KindDate && m.From == from && m.To == to {
			return true
		}
	}
	return false
}

// oneYear returns the year text gives when all its dates are of one year,
// else 0.
func oneYear(text string) int {
	year := 0
	for _, m := range analyzer.FindMentions(text) {
		if m.Kind != analyzer.KindDate || m.From == 0 {
			continue
		}
		if m.From != m.To || year != 0 && year != m.From {
			return 0
		}
		year = m.From
	}
	return year
}

// valuesOf returns a passage's date and figures. The date is the one its
// line opens with ("11 January 1923: ..."), or the only date it gives;
// with several and none leading, it has none, since which event each
// belongs to cannot be told. A day and month with no year are of year
// (see yearsAround), when it is not 0. Figures are its numbers, except
// those that are part of a name ("Article 48", "Order No. 1").
func valuesOf(p corpus.Passage, year int) (dates, figures []string) {
	var all []analyzer.Mention
	ms := analyzer.FindMentions(p.Text)
	headingYear := year
	for i, m := range ms {
		// A range of days ("5-12 January 1919") is read as a number and a
		// date: the number is no figure, and the event is dated by its
		// month.
		if i+1 < len(ms) && dayRange(p.Text, m, ms[i+1]) {
			continue
		}
		if i > 0 && dayRange(p.Text, ms[i-1], m) {
			if v, ok := analyzer.ParseValue(m.Text); ok && v.Month > 0 {
				m.Text = strings.TrimSpace(m.Text[strings.IndexFunc(m.Text, unicode.IsLetter):])
				m.Start = ms[i-1].Start
				// A month alone is no value: "27-30 August" under 1917
				// is August 1917, and with no year, no date.
				if v.From == 0 {
					if headingYear == 0 {
						continue
					}
					m.Text += " " + strconv.Itoa(headingYear)
				}
			}
		}
		// Only values a catalogue can hold, as its validation reads them
		// ("1919 and 1922" is two dates, not one; "over 300" is 300).
		v, ok := analyzer.ParseValue(m.Text)
		if !ok && m.Kind != analyzer.KindDate {
			if v, ok = analyzer.ParseValue(m.Value); ok {
				m.Text = m.Value
			}
		}
		if !ok || v.Kind != m.Kind {
			continue
		}
		if m.Kind == analyzer.KindDate && v.From == 0 && v.Month > 0 && headingYear > 0 {
			withYear := m.Text + " " + strconv.Itoa(headingYear)
			if v, ok = analyzer.ParseValue(withYear); !ok {
				continue
			}
			m.Text = withYear
		}
		if m.Kind == analyzer.KindDate {
			if v.From > 0 {
				all = append(all, m)
			}
			continue
		}
		if m.Kind == analyzer.KindNumber && partOfName(p.Text, m.Start) {
			continue
		}
		figures = append(figures, m.Text)
	}
	// A line that opens with a month alone ("July: Kerensky became Prime
	// Minister") is of that month of year.
	if m, ok := leadingMonth(p.Text, headingYear); ok && (len(all) == 0 || !leads(p.Text, all[0])) {
		all = append([]analyzer.Mention{m}, all...)
	}
	switch {
	case len(all) > 0 && leads(p.Text, all[0]):
		dates = []string{all[0].Text}
		// The same day in another calendar, in brackets after it, is as
		// right: "2 March 1917 (15 March)".
		if len(all) > 1 && inBrackets(p.Text, all[0], all[1]) {
			dates = append(dates, all[1].Text)
		}
	case len(all) == 1:
		dates = []string{all[0].Text}
	}
	return dates, figures
}

// dayRange reports whether number a and date b are a range of days:
// "5-12 January 1919".
func dayRange(text string, a, b analyzer.Mention) bool {
	if a.Kind != analyzer.KindNumber || b.Kind != analyzer.KindDate || a.Amount < 1 || a.Amount > 31 {
		return false
	}
	between := strings.TrimSpace(text[a.End:b.Start])
	return between == "-" || between == "–" || between == "to"
}

// leads reports whether the passage opens with mention m, followed by a
// colon or a dash: the date of everything the line says.
func leads(text string, m analyzer.Mention) bool {
	if strings.TrimSpace(text[:m.Start]) != "" && !leadIn.MatchString(text[:m.Start]) {
		return false
	}
	rest := strings.TrimLeft(text[m.End:], " ")
	// The same day in another calendar, in brackets, is part of the date:
	// "24 October 1917 (6 November): ...".
	if strings.HasPrefix(rest, "(") {
		if end := strings.IndexByte(rest, ')'); end > 0 && end < 30 {
			rest = strings.TrimLeft(rest[end+1:], " ")
		}
	}
	return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—")
}

// inBrackets reports whether date b is in brackets straight after date a.
func inBrackets(text string, a, b analyzer.Mention) bool {
	return b.Start > a.End && strings.TrimSpace(text[a.End:b.Start]) == "(" && strings.HasPrefix(text[b.End:], ")")
}

// leadIn is a time of day before the date a line opens with: "Night of
// 25-26 October: ...".
var leadIn = regexp.MustCompile(`(?i)^\s*(?:the\s+)?(?:morning|afternoon|evening|night|dawn|midnight)\s+of\s+$`)

// leadingMonth returns the date of a line that opens with a month alone
// and a colon ("July: ..."), in year; none when year is 0.
func leadingMonth(text string, year int) (analyzer.Mention, bool) {
	month, rest, ok := strings.Cut(text, ":")
	if !ok || year == 0 || !strings.HasPrefix(rest, " ") {
		return analyzer.Mention{}, false
	}
	withYear := strings.TrimSpace(month) + " " + strconv.Itoa(year)
	v, ok := analyzer.ParseValue(withYear)
	if !ok || v.Kind != analyzer.KindDate || v.Month == 0 || v.Day != 0 || strings.Contains(month, " ") {
		return analyzer.Mention{}, false
	}
	return analyzer.Mention{Kind: analyzer.KindDate, Start: 0, End: len(month), Text: withYear}, true
}

// partOfName reports whether the number at off follows a capitalised word
// or "No.": "Article 48", "Order No. 1".
func partOfName(text string, off int) bool {
	before := strings.Fields(text[:off])
	if len(before) == 0 {
		return false
	}
	w := strings.Trim(before[len(before)-1], "(\"'“‘")
	if functionWords[strings.ToLower(w)] { // "Over 300", "About 80%"
		return false
	}
	r := []rune(w)
	return len(r) > 1 && unicode.IsUpper(r[0]) && !strings.ContainsAny(w, ",;:") || w == "No." || w == "no."
}

// period returns the range of years the notes cover, leaving out years far
// from the rest (an "until 1929" at the end of a topic of 1919-23 widens it
// a little; "in 1894" before a topic of 1917 does not).
func period(years []int) (int, int) {
	var ys []int
	for _, y := range years {
		if y > 0 {
			ys = append(ys, y)
		}
	}
	if len(ys) == 0 {
		return 0, 0
	}
	sort.Ints(ys)
	// The middle nine tenths of the dates mentioned.
	lo, hi := ys[len(ys)/20], ys[len(ys)-1-len(ys)/20]
	return lo, hi
}

var capitalised = regexp.MustCompile(`\b[A-Z][\p{L}'’-]*(?:\s+(?:(?:of|the|and)\s+)?[A-Z][\p{L}'’-]*)*`)

// keyWords picks the words that name a passage, for its id: a capitalised
// phrase that few passages share, or else its two rarest words.
func keyWords(text string, df map[string]int) []string {
	if i := strings.Index(text, ": "); i > 0 && i < 40 && len(analyzer.FindMentions(text[:i])) > 0 {
		text = text[i+2:] // the date it opens with is not its name
	}
	for _, loc := range capitalised.FindAllStringIndex(text, -1) {
		ph := strings.TrimSpace(strings.TrimRight(text[loc[0]:loc[1]], " -"))
		ph = strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(ph, "'s"), "’s"))
		if loc[0] == 0 && !strings.Contains(ph, " ") || len(ph) < 4 || stopWords[ph] || months[ph] || df[ph] > 2 {
			continue
		}
		return strings.Fields(ph)
	}
	words := contentWords(text)
	sort.SliceStable(words, func(i, j int) bool { return df[words[i]] < df[words[j]] })
	var keep []string
	for _, w := range words {
		if !slicesContains(keep, w) {
			keep = append(keep, w)
		}
		if len(keep) == 2 {
			break
		}
	}
	return keep
}

// contentWords returns the words of text worth matching: five letters or
// more, not common function words or months, in lower case.
func contentWords(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 5 && !stopWords[w] && !months[w] {
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

// titles are capitalised before names, but are not names themselves.
var titles = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("president chancellor general prime minister king queen emperor empress tsar tsarina kaiser prince princess duke archduke grand lord sir lady father mother saint pope admiral marshal field colonel captain commander chairman secretary foreign treaty party army navy government republic revolution war battle chief archbishop bishop cardinal earl count baron senator governor mr mrs miss dr") {
		m[w] = true
	}
	return m
}()

// months and weekdays are never names, and never name a passage.
var months = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday") {
		m[w] = true
	}
	return m
}()

// recurringNames returns capitalised words, not at the start of a
// passage, that the notes never write in lower case, and are not months,
// weekdays or titles: the names of people, places and parties, whose
// misspellings are then noticed.
// opensName reports whether a passage's words open with a name of two
// capitalised words that is no heading in capitals.
func opensName(fields []string) bool {
	if len(fields) < 2 {
		return false
	}
	next := strings.Trim(fields[1], `.,;:!?()"'’“”-*`)
	r := []rune(next)
	return len(r) > 1 && unicode.IsUpper(r[0]) && strings.ToUpper(next) != next && !stopWords[strings.ToLower(next)]
}

func recurringNames(passages []corpus.Passage) []string {
	count := map[string]int{}
	lower := map[string]bool{}
	for _, p := range passages {
		seen := map[string]bool{}
		fields := strings.Fields(p.Text)
		for i, w := range fields {
			w = strings.Trim(w, `.,;:!?()"'’“”-*`)
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
			if w == "" {
				continue
			}
			if !unicode.IsUpper([]rune(w)[0]) {
				lower[strings.ToLower(w)] = true
				continue
			}
			l := strings.ToLower(w)
			// A passage's first word has a capital whatever it is, unless
			// a name of several words opens it ("Domesday Book (1086)
			// shows...").
			if i == 0 && !opensName(fields) || len(w) < 4 || strings.ToUpper(w) == w || strings.ContainsAny(w, "-") || stopWords[l] || months[l] || titles[l] {
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
		if n >= 1 && !lower[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// draftIDOf makes a short id from key words and the first date's year:
// "kapp-putsch-1920".
func draftIDOf(words []string, dates []string, used map[string]int) string {
	var parts []string
	for _, w := range words {
		for _, p := range strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len(parts) < 3 && !months[p] {
				parts = append(parts, p)
			}
		}
	}
	id := strings.Join(parts, "-")
	if len(dates) > 0 {
		if m, ok := analyzer.ParseValue(dates[0]); ok && m.From > 0 {
			id += "-" + strconv.Itoa(m.From)
		}
	}
	id = strings.Trim(id, "-")
	if id == "" || !idPattern.MatchString(id) {
		id = "item"
	}
	used[id]++
	if used[id] > 1 {
		id = fmt.Sprintf("%s-%d", id, used[id])
	}
	return id
}

// label is a passage's first clause, after the date it opens with, cut at
// a word boundary to about a dozen words.
func label(text string) string {
	t := text
	if i := strings.Index(t, ": "); i > 0 && i < 40 && len(analyzer.FindMentions(t[:i])) > 0 {
		t = t[i+2:]
	}
	if i := strings.IndexAny(t, ";"); i > 0 {
		t = t[:i]
	}
	if i := strings.Index(t, ". "); i > 0 {
		t = t[:i]
	}
	t = strings.TrimRight(strings.TrimSpace(t), ".")
	words := strings.Fields(t)
	if len(words) > 14 {
		words = append(words[:12], "…")
	}
	if len(words) == 0 {
		return text
	}
	out := strings.Join(words, " ")
	r := []rune(out)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func slicesContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
