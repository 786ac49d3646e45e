package rubrics_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rubricate/rubricate/rubrics"
)

// check checks text against a built-in rubric and the report's invariants.
func check(t *testing.T, rubricID, text string) *rubrics.Report {
	t.Helper()
	lib := library(t)
	r, ok := lib.Rubric(rubricID)
	if !ok {
		t.Fatalf("no rubric %s", rubricID)
	}
	rep, err := lib.Check(r, text)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	checkReport(t, r, rep, text)
	return rep
}

// checkReport checks what every report must satisfy, whatever the essay.
func checkReport(t *testing.T, r *rubrics.Rubric, rep *rubrics.Report, text string) {
	t.Helper()
	if rep.Rubric.ID != r.ID || rep.Rubric.Question != r.Question || rep.Rubric.Title != r.Title {
		t.Errorf("rubric ref %+v is not rubric %s", rep.Rubric, r.ID)
	}
	// A criterion's words agree with its points: full marks are not
	// "some analysis", and less than full marks is not "sustained".
	for _, c := range rep.Criteria {
		if c.Kind != rubrics.KindAnalysis {
			continue
		}
		full := strings.HasPrefix(c.Feedback, "Sustained")
		if full != (c.Points == c.Max) {
			t.Errorf("%s: %d of %d marks, but the feedback says %q", c.ID, c.Points, c.Max, c.Feedback)
		}
	}
	// Evidence lists every item of the rubric exactly once, in order.
	var want []string
	seen := map[string]bool{}
	for _, c := range r.Criteria {
		for _, id := range c.Items {
			if !seen[id] {
				seen[id] = true
				want = append(want, id)
			}
		}
	}
	var got []string
	for _, e := range rep.Evidence {
		got = append(got, e.ID)
		if e.Label == "" || e.Kind == "" {
			t.Errorf("evidence %s has no label or kind", e.ID)
		}
		if e.Found != (len(e.Matches) > 0) {
			t.Errorf("evidence %s: found %v with %d matches", e.ID, e.Found, len(e.Matches))
		}
		switch {
		case !e.Found && e.Credit != "none":
			t.Errorf("evidence %s is missing but has credit %q", e.ID, e.Credit)
		case e.Found && e.Credit != "full" && e.Credit != "partial":
			t.Errorf("evidence %s is found but has credit %q", e.ID, e.Credit)
		}
		last := -1
		for _, m := range e.Matches {
			checkSpan(t, "evidence "+e.ID, text, m.Start, m.End, m.Text)
			if m.Start < last {
				t.Errorf("evidence %s: matches out of order or overlapping at %d", e.ID, m.Start)
			}
			last = m.End
		}
		if e.Source != nil && (e.Source.Card < 1 || e.Source.Text == "" || e.Source.Heading == "") {
			t.Errorf("evidence %s: incomplete source %+v", e.ID, e.Source)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("evidence ids (-rubric +report):\n%s", diff)
	}
	for _, p := range rep.Problems {
		checkSpan(t, "problem "+p.Kind, text, p.Start, p.End, p.Text)
		if p.Kind == "" || p.Message == "" {
			t.Errorf("problem %+v has no kind or message", p)
		}
		if (p.Kind == rubrics.ProblemFigure || p.Kind == rubrics.ProblemDate || p.Kind == rubrics.ProblemMisspelt) && p.Expected == "" {
			t.Errorf("problem %+v does not say what is expected", p)
		}
	}
	// Criteria points sum to the score, unless a cap lowered it.
	if len(rep.Criteria) != len(r.Criteria) {
		t.Fatalf("%d criteria scored, the rubric has %d", len(rep.Criteria), len(r.Criteria))
	}
	sum := 0
	for i, c := range rep.Criteria {
		if c.ID != r.Criteria[i].ID || c.Max != r.Criteria[i].Marks {
			t.Errorf("criterion %d is %s/%d, the rubric's is %s/%d", i, c.ID, c.Max, r.Criteria[i].ID, r.Criteria[i].Marks)
		}
		if c.Points < 0 || c.Points > c.Max {
			t.Errorf("criterion %s: %d points of %d", c.ID, c.Points, c.Max)
		}
		if c.Feedback == "" {
			t.Errorf("criterion %s has no feedback", c.ID)
		}
		sum += c.Points
	}
	if rep.Score.Capped == "" && sum != rep.Score.Points {
		t.Errorf("criteria points sum to %d, the score is %d (not capped)", sum, rep.Score.Points)
	}
	if rep.Score.Capped != "" && rep.Score.Points > sum {
		t.Errorf("a capped score %d is above the criteria's sum %d", rep.Score.Points, sum)
	}
	if rep.Score.Max != r.Marks || rep.Score.Points < 0 || rep.Score.Points > rep.Score.Max {
		t.Errorf("score %d/%d, the rubric is out of %d", rep.Score.Points, rep.Score.Max, r.Marks)
	}
	inBand := false
	for _, l := range r.Levels {
		if l.Level == rep.Score.Level {
			inBand = rep.Score.Points >= l.Marks.Min && rep.Score.Points <= l.Marks.Max
			if rep.Score.Descriptor != l.Descriptor {
				t.Errorf("level %d has descriptor %q, want %q", l.Level, rep.Score.Descriptor, l.Descriptor)
			}
		}
	}
	if !inBand {
		t.Errorf("%d points are not in the band of level %d", rep.Score.Points, rep.Score.Level)
	}
	if len(rep.NextSteps) > 3 || len(rep.Steps) != len(rep.NextSteps) {
		t.Errorf("%d next steps (%d steps); want at most 3, one per step", len(rep.NextSteps), len(rep.Steps))
	}
	for i, s := range rep.Steps {
		if s.Text != rep.NextSteps[i] {
			t.Errorf("step %d %q is not next step %q", i, s.Text, rep.NextSteps[i])
		}
	}
	if rep.Essay.Words <= 0 || rep.Essay.Sentences <= 0 || rep.Essay.Paragraphs <= 0 {
		t.Errorf("essay stats %+v", rep.Essay)
	}
	// The JSON form has the contract's fields.
	data, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var obj map[string]any
	if err := json.Unmarshal(data, &obj); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"rubric", "essay", "score", "criteria", "evidence", "problems", "next_steps"} {
		if _, ok := obj[k]; !ok {
			t.Errorf("the JSON report has no %q", k)
		}
	}
	if obj["problems"] == nil || obj["next_steps"] == nil || obj["evidence"] == nil {
		t.Errorf("problems, next_steps and evidence must be lists, even empty: %s", data)
	}
}

func checkSpan(t *testing.T, what, text string, start, end int, s string) {
	t.Helper()
	if start < 0 || end > len(text) || start >= end {
		t.Errorf("%s: span [%d,%d) out of bounds (len %d)", what, start, end, len(text))
		return
	}
	if text[start:end] != s {
		t.Errorf("%s: text[%d:%d] = %q, but Text is %q", what, start, end, text[start:end], s)
	}
}

// keywordList is a list of key evidence with no argument at all.
const keywordList = `Causes of the Sino-Soviet split: ideology, personal rivalry, strategic interests and economic dependence.
- 1950 Treaty of Friendship
- $300 million of aid
- 141 businesses
- Korean War 1950
- Great Leap Forward 1958
- Khrushchev visit 1959, no guard of honour
- Experts withdrawn July 1960
- Mao called Khrushchev a revisionist in 1960
- Ussuri River clash 1969
- Cultural Revolution 1965
- Phoney communism 1964
- Class struggle over 1961
- De-Stalinisation speech 1956
- Peaceful co-existence with the USA
- Everest 1960
- Indonesia 1959-62
- Czechoslovakia invaded 1968
- Khrushchev replaced by Brezhnev 1964`

// keywordSentences is the same as full stops after keywords.
const keywordSentences = `Sino-Soviet split causes. 1950 Treaty of Friendship. $300 million. 141 businesses. Korean War 1950. Great Leap Forward 1958. Khrushchev visit 1959. Experts withdrawn July 1960. Revisionist 1960. Ussuri River 1969. Cultural Revolution 1965. Phoney communism 1964. Class struggle 1961. De-Stalinisation 1956. Peaceful co-existence. Everest 1960. Indonesia 1959-62. Czechoslovakia 1968. Brezhnev 1964. Ideology. Personal rivalry. Strategic interests. Economic dependence.`

// chronicle is a bare narrative of dated events with no explanation.
const chronicle = `The Sino-Soviet split developed through a series of events between 1956 and 1969. In February 1956 Khrushchev made a speech at the Twentieth Party Congress attacking Stalin. In 1958 Mao started the Great Leap Forward in the Chinese countryside. In 1959 Khrushchev visited Beijing for the second time. In July 1960 the Soviet experts were withdrawn from China by Khrushchev. In 1962 the USSR sent $800 million of aid to India during the border war. In 1964 Khrushchev was removed from power and Brezhnev took over. In March 1966 the two countries ended diplomatic and trading relations. In March 1969 soldiers fought on Zhenbao Island in the Ussuri River.

In 1972 Nixon visited China. In 1976 Mao died.`

// offTopic answers another question.
const offTopic = `The Cuban missile crisis of October 1962 was the most dangerous moment of the Cold War. Kennedy discovered Soviet missiles on Cuba and ordered a naval blockade of the island.

Khrushchev eventually agreed to remove the missiles because he feared a nuclear war. In return the USA promised not to invade Cuba and secretly removed its missiles from Turkey.

In conclusion, the crisis showed how close the superpowers came to war, and it led to the hotline between Washington and Moscow.`

const offTopicNote = "does not seem to answer the question"

func TestCheckGaming(t *testing.T) {
	tests := []struct {
		name     string
		rubric   string
		text     string
		maxLevel int
		note     string // a note the report must hold
	}{
		{"keyword list", "sino-soviet-split", keywordList, 2, "list of facts"},
		{"keyword list, overview rubric", "sino-soviet-overview", keywordList, 2, "list of facts"},
		{"keywords with full stops", "sino-soviet-split", keywordSentences, 2, ""},
		{"keyword list three times", "sino-soviet-split", keywordList + "\n\n" + keywordSentences + "\n\n" + strings.ReplaceAll(keywordList, "- ", "• "), 2, ""},
		{"bare chronicle", "sino-soviet-split", chronicle, 2, ""},
		{"bare chronicle, overview rubric", "sino-soviet-overview", chronicle, 2, ""},
		{"off-topic essay", "sino-soviet-split", offTopic, 1, offTopicNote},
		{"off-topic essay, rapprochement", "sino-us-rapprochement", offTopic, 1, offTopicNote},
		{"off-topic essay, alliance", "sino-soviet-alliance", offTopic, 1, offTopicNote},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := check(t, tt.rubric, tt.text)
			if rep.Score.Level > tt.maxLevel {
				t.Errorf("level %d (%d/%d), want at most %d; criteria %+v", rep.Score.Level, rep.Score.Points, rep.Score.Max, tt.maxLevel, rep.Criteria)
			}
			if tt.note != "" && !strings.Contains(strings.Join(rep.Notes, " "), tt.note) {
				t.Errorf("notes %q do not say %q", rep.Notes, tt.note)
			}
		})
	}
}

// TestCheckListedEvidence checks that evidence only listed earns partial
// credit, and evidence explained earns full credit.
func TestCheckListedEvidence(t *testing.T) {
	for _, tt := range []struct {
		name, text string
	}{
		{"keywords with full stops", keywordSentences},
		{"bulleted list", keywordList},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rep := check(t, "sino-soviet-split", tt.text)
			found := 0
			var full []string
			for _, e := range rep.Evidence {
				if e.Found {
					found++
					if e.Credit != "partial" {
						full = append(full, e.ID)
					}
				}
			}
			if found < 10 {
				t.Errorf("only %d items found in the keyword list", found)
			}
			if len(full) > 0 {
				t.Errorf("only listed, but credited in full: %s", strings.Join(full, ", "))
			}
		})
	}

	text := `Ideology was the main cause of the Sino-Soviet split because Mao believed that Khrushchev had betrayed communism. In 1960 Mao called Khrushchev a revisionist, which showed how deep the ideological gulf had become.

Other events:
- Everest 1960
- Indonesia 1959-62`
	rep := check(t, "sino-soviet-split", text)
	credit := map[string]string{}
	for _, e := range rep.Evidence {
		credit[e.ID] = e.Credit
	}
	want := map[string]string{"revisionist-1960": "full", "everest-1960": "partial", "indonesia-1959-62": "partial", "ussuri-clash-1969": "none"}
	for id, c := range want {
		if credit[id] != c {
			t.Errorf("%s has credit %q, want %q", id, credit[id], c)
		}
	}
}

// TestCheckRepetition checks that a repeated sentence earns nothing twice.
func TestCheckRepetition(t *testing.T) {
	para := "Ideology was the main cause of the split because Khrushchev's speech of February 1956 attacked Stalin, whom Mao admired. Mao called Khrushchev a revisionist in 1960, which showed how far the two leaders had drifted apart."
	once := check(t, "sino-soviet-split", para)
	thrice := check(t, "sino-soviet-split", para+" "+para+"\n\n"+para)
	t.Run("matches", func(t *testing.T) {
		matches := func(rep *rubrics.Report) map[string]int {
			m := map[string]int{}
			for _, e := range rep.Evidence {
				m[e.ID] = len(e.Matches)
			}
			return m
		}
		if diff := cmp.Diff(matches(once), matches(thrice)); diff != "" {
			t.Errorf("matches per item (-once +thrice):\n%s", diff)
		}
	})
	t.Run("criteria", func(t *testing.T) {
		if diff := cmp.Diff(once.Criteria, thrice.Criteria); diff != "" {
			t.Errorf("criteria (-once +thrice):\n%s", diff)
		}
	})
	t.Run("notes", func(t *testing.T) {
		if !strings.Contains(strings.Join(thrice.Notes, " "), "repeated") {
			t.Errorf("notes %q do not say sentences are repeated", thrice.Notes)
		}
		if strings.Contains(strings.Join(once.Notes, " "), "repeated") {
			t.Errorf("notes %q speak of repetition in an essay without any", once.Notes)
		}
	})
	t.Run("score", func(t *testing.T) {
		if thrice.Score.Points > once.Score.Points || thrice.Score.Level > once.Score.Level {
			t.Errorf("repeating the paragraph raised the score from %d (level %d) to %d (level %d)", once.Score.Points, once.Score.Level, thrice.Score.Points, thrice.Score.Level)
		}
	})
}

// problem is what the tests compare of a Problem.
type problem struct {
	Kind, Text, Expected, Evidence string
}

func problemsOf(rep *rubrics.Report) []problem {
	var out []problem
	for _, p := range rep.Problems {
		out = append(out, problem{p.Kind, p.Text, p.Expected, p.Evidence})
	}
	return out
}

func TestCheckProblems(t *testing.T) {
	tests := []struct {
		name   string
		rubric string
		text   string
		want   []problem
		found  []string // items that must be found
	}{
		{
			name:   "figure tied to the wrong event",
			rubric: "sino-soviet-alliance",
			text:   "The 1950 treaty gave China $800 million because Stalin wanted an ally in Asia.",
			want:   []problem{{rubrics.ProblemFigure, "$800 million", "$300 million", "aid-300m"}},
			found:  []string{"treaty-1950"},
		},
		{
			name:   "figure written otherwise",
			rubric: "sino-soviet-alliance",
			text:   "Under the Treaty of Friendship the USSR lent China US$800m, which shows how much Mao needed help.",
			want:   []problem{{rubrics.ProblemFigure, "US$800m", "$300 million", "aid-300m"}},
			found:  []string{"treaty-1950"},
		},
		{
			name:   "wrong date for the treaty",
			rubric: "sino-soviet-alliance",
			text:   "The Treaty of Friendship was signed in 1952 because Mao needed Soviet help after the civil war.",
			want:   []problem{{rubrics.ProblemDate, "1952", "February 1950", "treaty-1950"}},
			found:  []string{"treaty-1950"},
		},
		{
			name:   "wrong date for the Ussuri clash",
			rubric: "sino-soviet-split",
			text:   "The clash on the Ussuri River in 1971 was the low point of the split because the two states nearly went to war.",
			want:   []problem{{rubrics.ProblemDate, "1971", "March 1969", "ussuri-clash-1969"}},
			found:  []string{"ussuri-clash-1969"},
		},
		{
			name:   "right figure and date",
			rubric: "sino-soviet-alliance",
			text:   "The Treaty of Friendship of February 1950 gave China $300 million of aid because Stalin wanted an ally.",
			found:  []string{"treaty-1950", "aid-300m"},
		},
		{
			name:   "negation and contrast",
			rubric: "sino-soviet-split",
			text:   "Some think the USSR gave China $800 million, but that money went to India because Khrushchev backed India against China.",
			found:  []string{"india-aid-800m"},
		},
		{
			name:   "a range",
			rubric: "sino-soviet-alliance",
			text:   "The Korean War (1950-53) made China more dependent on the USSR because the war was very costly.",
			found:  []string{"korean-war-1950"},
		},
		{
			name:   "an approximate date",
			rubric: "sino-soviet-split",
			text:   "In the late 1950s the Great Leap Forward showed that Mao rejected the Soviet model because he wanted China to be independent.",
			found:  []string{"great-leap-forward-1958"},
		},
		{
			name:   "a bound: by 1976",
			rubric: "sino-us-rapprochement",
			text:   "The Shanghai Communique of February 1972 committed both sides to normalise relations by 1976, which mattered because it ended decades of hostility.",
			found:  []string{"shanghai-communique-1972"},
		},
		{
			name:   "misspelt name",
			rubric: "sino-soviet-split",
			text:   "Kruschev was removed from power in 1964 because the Soviet leaders thought he had mishandled relations with China.",
			want:   []problem{{rubrics.ProblemMisspelt, "Kruschev", "Khrushchev", ""}},
			found:  []string{"khrushchev-removed-1964"},
		},
		{
			// Every occurrence, so that one check shows the student them all.
			name:   "misspelt name twice is reported twice",
			rubric: "sino-soviet-split",
			text:   "Kruschev criticised the Great Leap Forward in 1959. Kruschev then withdrew the Soviet experts in July 1960 because he was angry.",
			want:   []problem{{rubrics.ProblemMisspelt, "Kruschev", "Khrushchev", ""}, {rubrics.ProblemMisspelt, "Kruschev", "Khrushchev", ""}},
			found:  []string{"glf-criticised-1959", "experts-withdrawn-1960"},
		},
		{
			name:   "transliterations and old names are not misspellings",
			rubric: "sino-soviet-split",
			text:   "Mao Tse-tung was furious because Soviet troops attacked Damansky Island in 1969, and Peking protested strongly.",
			found:  []string{"ussuri-clash-1969"},
		},
		{
			name:   "a correct adjective is not a misspelling",
			rubric: "sino-us-rapprochement",
			text:   "The Soviet invasion of 1968 crushed the Czechoslovak reformers, which made Mao fear that China would be next.",
			found:  []string{"czechoslovakia-1968"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := check(t, tt.rubric, tt.text)
			if diff := cmp.Diff(tt.want, problemsOf(rep), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("problems (-want +got):\n%s\nmessages: %+v", diff, rep.Problems)
			}
			found := map[string]bool{}
			for _, e := range rep.Evidence {
				found[e.ID] = e.Found
			}
			for _, id := range tt.found {
				if !found[id] {
					t.Errorf("%s is not found", id)
				}
			}
			for _, p := range rep.Problems {
				if p.Kind == rubrics.ProblemFigure || p.Kind == rubrics.ProblemDate {
					if p.Source == nil || p.Source.Card < 1 || !strings.Contains(p.Message, p.Expected) {
						t.Errorf("problem %+v: the message must name the right value and the notes passage", p)
					}
				}
			}
		})
	}
}

// TestCheckWrongFactsLimitLevel checks that wrong facts cost the accuracy
// criterion its marks.
func TestCheckWrongFactsLimitLevel(t *testing.T) {
	right := check(t, "sino-soviet-alliance", "The Treaty of Friendship of February 1950 gave China $300 million of aid because Stalin wanted an ally. The Korean War of 1950 made China more dependent on the USSR because it was so costly.")
	wrong := check(t, "sino-soviet-alliance", "The Treaty of Friendship of February 1952 gave China $800 million of aid because Stalin wanted an ally. The Korean War of 1950 made China more dependent on the USSR because it was so costly.")
	acc := func(rep *rubrics.Report) int {
		for _, c := range rep.Criteria {
			if c.Kind == "accuracy" {
				return c.Points
			}
		}
		t.Fatal("no accuracy criterion")
		return 0
	}
	if acc(wrong) >= acc(right) && acc(right) > 0 {
		t.Errorf("accuracy %d with wrong facts, %d with right ones", acc(wrong), acc(right))
	}
	if len(wrong.Problems) != 2 {
		t.Errorf("problems %+v, want the date and the figure", wrong.Problems)
	}
}

func TestCheckBadInput(t *testing.T) {
	lib := library(t)
	r, _ := lib.Rubric("sino-soviet-split")
	for _, text := range []string{"", " \n\t", "\uFEFF", "bad \xff text", "nul\x00", strings.Repeat("a", 50001)} {
		if rep, err := lib.Check(r, text); err == nil || rep != nil {
			t.Errorf("Check(%.20q) = %v, %v; want an error", text, rep, err)
		}
	}
}

// TestCheckEvidence checks evidence detection on single sentences: what a
// sentence names is found, and what it does not name is not.
func TestCheckEvidence(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		found    []string
		notFound []string
	}{
		{
			name:  "aid written $300m",
			text:  "The USSR lent China $300m under the treaty because Stalin wanted a loyal ally.",
			found: []string{"aid-300m"},
		},
		{
			name:  "Damansky for Zhenbao",
			text:  "Soviet and Chinese troops fought on Damansky Island because both claimed it.",
			found: []string{"ussuri-clash-1969"},
		},
		{
			name:     "Kissinger without a visit",
			text:     "Kissinger believed that China mattered because it could balance the Soviet Union.",
			notFound: []string{"kissinger-visit-1971", "nixon-visit-1972"},
		},
		{
			name:     "Nixon's travel restrictions are not his visit",
			text:     "In July 1969 Nixon relaxed trade and travel restrictions on China, because he wanted better relations.",
			found:    []string{"nixon-eases-trade-1969"},
			notFound: []string{"nixon-visit-1972"},
		},
		{
			name:     "Khrushchev's visit to the USA is not his visit to China",
			text:     "Khrushchev visited the USA in 1959 and met Eisenhower at Camp David, which angered Mao because it looked like friendship with the enemy.",
			notFound: []string{"khrushchev-visit-1959", "cause-personal"},
		},
		{
			name:     "Brezhnev and Nixon in 1972 is the Moscow Summit, not the visit to China",
			text:     "Brezhnev signed the SALT treaty with Nixon in 1972 because both wanted to limit nuclear weapons.",
			found:    []string{"moscow-summit-1972"},
			notFound: []string{"nixon-visit-1972", "treaty-1950"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := check(t, "sino-soviet-overview", tt.text)
			found := map[string]bool{}
			for _, e := range rep.Evidence {
				found[e.ID] = e.Found
			}
			var wrong []string
			for _, id := range tt.found {
				if !found[id] {
					wrong = append(wrong, id+" is not found")
				}
			}
			for _, id := range tt.notFound {
				if found[id] {
					wrong = append(wrong, id+" is found")
				}
			}
			if len(wrong) > 0 {
				t.Errorf("%s", strings.Join(wrong, "; "))
			}
			if len(rep.Problems) > 0 {
				t.Errorf("problems %+v in a sentence without a wrong fact", rep.Problems)
			}
		})
	}
}

// An essay checked against the wrong question names the question on the
// topic it answers best, with its level there; one on the question set
// names none.
func TestCheckBetterQuestion(t *testing.T) {
	split := essayText(t, "split-strong")
	tests := []struct {
		name, rubric, essay string
		want                string // the better question's id, or ""
	}{
		{"an essay on the split, checked against the alliance", "sino-soviet-alliance", split, "sino-soviet-split"},
		{"the same essay against its own question", "sino-soviet-split", split, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := check(t, tt.rubric, tt.essay)
			got := ""
			if q := rep.BetterQuestion; q != nil {
				got = q.ID
				if q.Question == "" || q.Level < 1 {
					t.Errorf("suggestion %+v lacks its question or level", q)
				}
			}
			if got != tt.want {
				t.Errorf("better question %q, want %q", got, tt.want)
			}
		})
	}
}

// Every mark says how it was reached: the criteria's points and their
// level, and the cap that held it lower, with what it cost.
func TestMarkExplained(t *testing.T) {
	tests := []struct {
		name, rubric, essay string
		want                []string
	}{
		{"a wrong fact holds the level down", "sino-soviet-alliance", essayText(t, "alliance-wrong-facts"), []string{"Criteria ", "the essay has a wrong date or figure, which holds it at level 3: ", "less."}},
		{"no cap", "sino-soviet-split", essayText(t, "split-strong"), []string{"Criteria "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := check(t, tt.rubric, tt.essay)
			got := rep.Score.Explanation
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("explanation %q lacks %q", got, w)
				}
			}
			// The explanation's final mark is the mark.
			if rep.Score.Capped != "" && !strings.Contains(got, fmt.Sprintf(": %d/%d", rep.Score.Points, rep.Score.Max)) {
				t.Errorf("explanation %q does not end at the mark %d/%d", got, rep.Score.Points, rep.Score.Max)
			}
			if rep.Score.Capped == "" && !strings.Contains(got, fmt.Sprintf("Criteria %d/%d (level %d).", rep.Score.Points, rep.Score.Max, rep.Score.Level)) {
				t.Errorf("explanation %q is not the mark %d/%d, level %d", got, rep.Score.Points, rep.Score.Max, rep.Score.Level)
			}
		})
	}
}
