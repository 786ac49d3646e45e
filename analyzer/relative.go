package analyzer

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// relativeDate matches a date given from the one before it: "two days
// later", "nine days later", "a year later", "the next day", "the
// following year".
var relativeDate = regexp.MustCompile(`(?i)\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) (day|days|week|weeks|month|months|year|years) (?:later|afterwards)|the (?:next|following) (day|week|month|year))\b`)

// relativeCue are the words of which every relative date has one.
var relativeCue = map[string]bool{"later": true, "afterwards": true, "next": true, "following": true}

// sentenceAt returns the index of the sentence that holds offset at, or -1.
func sentenceAt(sentences []Sentence, at int) int {
	i := sort.Search(len(sentences), func(i int) bool { return sentences[i].End > at })
	if i < len(sentences) && sentences[i].Start <= at {
		return i
	}
	return -1
}

var smallNumbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// withRelativeDates returns mentions with the dates that text gives from
// an earlier one added, in order: "On 2 February 1990 de Klerk unbanned
// the ANC, and Mandela was freed nine days later" dates the release to 11
// February 1990. The earlier date must be in the same sentence or the one
// before, and as precise as the step (a day for days and weeks, a month
// for months). Such a date is Derived: it may place what a sentence says,
// but it is never called wrong, as the student did not write it.
func withRelativeDates(text string, sentences []Sentence, words []Word, mentions []Mention) []Mention {
	// The expression runs only over the sentences that hold one of the
	// words every such phrase has: most essays have none, and a check is
	// on the hot path.
	var locs [][]int
	last := -1
	for _, w := range words {
		if !relativeCue[w.Norm] {
			continue
		}
		si := sentenceAt(sentences, w.Start)
		if si < 0 || si == last {
			continue
		}
		last = si
		s := sentences[si]
		for _, loc := range relativeDate.FindAllStringSubmatchIndex(text[s.Start:s.End], -1) {
			for k := range loc {
				if loc[k] >= 0 {
					loc[k] += s.Start
				}
			}
			locs = append(locs, loc)
		}
	}
	if len(locs) == 0 {
		return mentions
	}
	out := mentions
	added := false
	for _, loc := range locs {
		start, end := loc[0], loc[1]
		if slices.ContainsFunc(mentions, func(m Mention) bool { return m.Start < end && start < m.End }) {
			continue // part of a mention already
		}
		n, unit := 1, ""
		if loc[2] >= 0 {
			word := strings.ToLower(text[loc[2]:loc[3]])
			if v, ok := smallNumbers[word]; ok {
				n = v
			} else if v, err := strconv.Atoi(word); err == nil {
				n = v
			}
			unit = strings.ToLower(text[loc[4]:loc[5]])
		} else {
			unit = strings.ToLower(text[loc[6]:loc[7]])
		}
		unit = strings.TrimSuffix(unit, "s")
		base, ok := dateBefore(start, sentences, mentions)
		if !ok {
			continue
		}
		m, ok := step(base, n, unit)
		if !ok {
			continue
		}
		m.Start, m.End, m.Text = start, end, text[start:end]
		out = append(out, m)
		added = true
	}
	if added {
		out = slices.Clone(out)
		slices.SortFunc(out, func(a, b Mention) int { return a.Start - b.Start })
	}
	return out
}

// dateBefore returns the last date of one year before offset at, in the
// sentence that holds it or the one before.
func dateBefore(at int, sentences []Sentence, mentions []Mention) (Mention, bool) {
	from := 0
	for i, s := range sentences {
		if s.Start <= at && at < s.End || s.Start > at {
			if i > 0 {
				from = sentences[i-1].Start
			} else {
				from = s.Start
			}
			break
		}
	}
	for i := len(mentions) - 1; i >= 0; i-- {
		m := mentions[i]
		if m.End > at {
			continue
		}
		if m.Start < from {
			break
		}
		if m.Kind == KindDate && m.From > 0 && m.From == m.To && !m.Approx {
			return m, true
		}
	}
	return Mention{}, false
}

// step returns the date n units after base, to the precision of both.
func step(base Mention, n int, unit string) (Mention, bool) {
	d := mentionDate{from: base.From, to: base.From}
	switch unit {
	case "day", "week":
		if base.Day == 0 {
			return Mention{}, false
		}
		days := n
		if unit == "week" {
			days = 7 * n
		}
		t := time.Date(base.From, time.Month(base.Month), base.Day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
		d = mentionDate{from: t.Year(), to: t.Year(), month: int(t.Month()), day: t.Day()}
	case "month":
		if base.Month == 0 {
			return Mention{}, false
		}
		t := time.Date(base.From, time.Month(base.Month), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
		d = mentionDate{from: t.Year(), to: t.Year(), month: int(t.Month())}
	case "year":
		d = mentionDate{from: base.From + n, to: base.From + n}
	default:
		return Mention{}, false
	}
	return Mention{Kind: KindDate, Value: d.value(), From: d.from, To: d.to, Month: d.month, Day: d.day, Derived: true}, true
}
