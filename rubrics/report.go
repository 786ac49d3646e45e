package rubrics

// Report is the result of checking one essay against one rubric. Its JSON
// form is a contract (DESIGN.md): field names and meanings are fixed.
type Report struct {
	File      string           `json:"file,omitempty"`
	Rubric    RubricRef        `json:"rubric"`
	Essay     EssayStats       `json:"essay"`
	Score     Score            `json:"score"`
	Criteria  []CriterionScore `json:"criteria"`
	Evidence  []Evidence       `json:"evidence"`
	Problems  []Problem        `json:"problems"`
	NextSteps []string         `json:"next_steps"`
	// Notes are remarks on the essay as a whole: that it reads as a list,
	// seems to answer another question, repeats itself or copies the notes.
	Notes []string `json:"notes"`
	// Steps are the next steps with the evidence and notes passage each names.
	Steps []Step `json:"steps"`
	// BetterQuestion, for an essay that answers another question than the
	// one chosen, is the question on the topic it answers best, with the
	// level it reaches there: the student may have chosen the wrong one.
	BetterQuestion *QuestionRef `json:"better_question,omitempty"`
}

// QuestionRef names another question an essay may be checked against.
type QuestionRef struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Question string `json:"question"`
	Level    int    `json:"level"`
}

// RubricRef names the rubric a report used.
type RubricRef struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Question string `json:"question"`
	Topic    string `json:"topic"`
	Version  int    `json:"version,omitempty"`
}

// EssayStats counts the essay.
type EssayStats struct {
	Words      int `json:"words"`
	Sentences  int `json:"sentences"`
	Paragraphs int `json:"paragraphs"`
}

// Score is the overall mark.
type Score struct {
	Points     int    `json:"points"`
	Max        int    `json:"max"`
	Level      int    `json:"level"`
	Descriptor string `json:"descriptor"`
	// Capped explains why the level was held below what the points alone
	// would give, if it was.
	Capped string `json:"capped,omitempty"`
	// Explanation says how the mark was reached: the criteria's points,
	// their level, and the cap that held it lower and what it cost.
	Explanation string `json:"explanation"`
}

// CriterionScore is the mark and feedback for one criterion.
type CriterionScore struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Points   int    `json:"points"`
	Max      int    `json:"max"`
	Feedback string `json:"feedback"`
}

// Evidence is one rubric item, found in the essay or not.
type Evidence struct {
	ID      string  `json:"id"`
	Label   string  `json:"label"`
	Kind    string  `json:"kind"`
	Found   bool    `json:"found"`
	Matches []Match `json:"matches"`
	Source  *Source `json:"source,omitempty"`
	// Credit is "full" when the essay uses the item in a sentence that
	// explains or argues, "partial" when it only lists it, "none" if absent.
	Credit string   `json:"credit"`
	Dates  []string `json:"dates,omitempty"`
}

// Match is a span of the essay, as a half-open byte range into the text
// exactly as received.
type Match struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Source is the notes passage to revise from.
type Source struct {
	Card    int    `json:"card"`
	Heading string `json:"heading"`
	Text    string `json:"text"`
	Passage string `json:"passage,omitempty"`
	// Line and EndLine are the 1-based lines of the notes file the passage
	// stands for.
	Line    int `json:"line,omitempty"`
	EndLine int `json:"end_line,omitempty"`
}

// Problem kinds.
const (
	ProblemFigure     = "figure-mismatch"
	ProblemDate       = "date-mismatch"
	ProblemMisspelt   = "misspelling"
	ProblemRepetition = "repetition"
	// ProblemMisconception is a misconception the teacher lists for a
	// short-answer question, stated in the answer.
	ProblemMisconception = "misconception"
)

// Problem is something in the essay that is wrong.
type Problem struct {
	Kind     string  `json:"kind"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Text     string  `json:"text"`
	Message  string  `json:"message"`
	Evidence string  `json:"evidence,omitempty"`
	Expected string  `json:"expected,omitempty"`
	Source   *Source `json:"source,omitempty"`
}

// Step is a next step: what to add, why, and where in the notes.
type Step struct {
	Text     string  `json:"text"`
	Evidence string  `json:"evidence,omitempty"`
	Source   *Source `json:"source,omitempty"`
	Gain     float64 `json:"gain"`
}
