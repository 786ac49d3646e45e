package rubrics

import "strings"

// Cues of argument, compiled once. They are ordinary English, so they need
// no topic lexicon.
var (
	// causalCues mark a sentence that explains: a cause, a consequence, a
	// motive or what something shows.
	causalCues = mustRule("because|therefore|thus|hence|consequently|so|so that|as a result|result* in|led to|lead to|leading to|caus*|meant|means|this shows|this showed|shows|showed|show that|suggest*|due to|since|in order to|which made|made|reason*|explain*|why|significan*|impact|effect*|convinced|deepened|worsened|damaged|undermin*|provoked|angered|offended|resent*|feared|wanted|hoped|needed|motive*|aim*|allowed|forced|encouraged|pushed|turned|drove|proved")
	// contrastCues mark a sentence that weighs one thing against another.
	contrastCues = mustRule("however|but|although|though|whereas|while|on the other hand|despite|in contrast|nevertheless|yet|rather than|more than|less than|more important|less important|not just|not only|also important|as well as|instead")
	// judgementCues mark a sentence that reaches a view on the question.
	judgementCues = mustRule("main cause|main reason|main factor|main motive|most important|most significant|key cause|key reason|key factor|primary|decisive|root cause|fundamental|in conclusion|overall|to conclude|i think|i believe|i argue|i would argue|in my view|in my opinion|i agree|i disagree|to a large extent|to some extent|to a great extent|to a limited extent|largely|mainly|chiefly|more important than|crucial|the most|the main|most important|biggest|greatest|above all")
	// negationCues mark a clause that denies or reports a claim rather than
	// making it ("some think", "it was not").
	negationCues = mustRule("not|never|no|nor|wrongly|mistakenly|incorrectly|myth|contrary|some think|some say|some argue|some historians|often said|it is said|claim*|misconception|instead")
	// denialWords are the words of negationCues that a fact may hold
	// itself ("no party won a majority"); reportCues the rest, which only
	// report or reject a claim.
	denialWords = mustRule("not|never|no|nor|without")
	// negativeFacts mark a fact of the notes that says what did not
	// happen, in whatever words ("it refused to hand land to the
	// peasants", "Serbia rejected one demand"): an essay may state it with "not".
	negativeFacts = mustRule("not|never|no|nor|without|refus*|reject*|lack*|unable|cannot|declin*")
	reportCues    = mustRule("wrongly|mistakenly|incorrectly|myth|contrary|some think|some say|some argue|some historians|often said|it is said|claim*|misconception")
)

func mustRule(s string) rule {
	r, err := compileRule(s, nil)
	if err != nil {
		panic("rubrics: bad built-in cue rule: " + err.Error())
	}
	return r
}

// listWords is the length under which a sentence is read as an item in a
// list ("Korean War 1950.") rather than as prose.
const listWords = 7

// sentenceStyle is what a sentence does, as far as marking is concerned.
type sentenceStyle struct {
	words     int
	listed    bool
	causal    bool
	contrast  bool
	judgement bool
	focus     bool
	repeated  bool
	bullet    bool // a bullet or numbered line
	copied    bool // repeats a long run of the notes word for word
}

func (s sentenceStyle) argues() bool { return !s.listed && (s.causal || s.contrast || s.judgement) }

// styles classifies every sentence of the document.
func styles(ix *docIndex, focus []rule) []sentenceStyle {
	causal := matchesIn(ix, causalCues)
	contrast := matchesIn(ix, contrastCues)
	judgement := matchesIn(ix, judgementCues)
	onFocus := matchesIn(ix, focus...)
	out := make([]sentenceStyle, len(ix.doc.Sentences))
	for i, s := range ix.doc.Sentences {
		n := s.Words[1] - s.Words[0]
		out[i] = sentenceStyle{
			words: n, listed: n < listWords, bullet: s.Listed,
			causal: causal[i], contrast: contrast[i], judgement: judgement[i], focus: onFocus[i],
		}
		// A lead-in ("Causes of the split:") introduces a list, and a list
		// after a colon ("Causes: ideology, rivalry, interests and aid.")
		// names things: neither argues.
		text := ix.doc.Text[s.Start:s.End]
		if _, after, ok := strings.Cut(text, ":"); ok && (strings.TrimSpace(after) == "" || strings.Count(after, ",") >= 2) {
			out[i].listed = true
			out[i].causal, out[i].contrast, out[i].judgement = false, false, false
		}
	}
	return out
}
