package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/corpus/yamlfile"
	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
	"github.com/rubricate/rubricate/web/workspace"
)

// editorPage is the data of the rubric editor: the YAML with its problems
// at their lines, the form for common changes, the version history, and a
// preview of a sample essay against the draft.
type editorPage struct {
	base
	New      bool   // a rubric not saved yet
	ID       string // the saved rubric's id; "" when New
	Action   string // where the form posts
	Record   *store.RubricRecord
	Versions []versionView
	Loaded   int // an older version loaded into the editor, or 0
	YAML     string
	Lines    []gutterLine
	Problems []ErrorDetail
	Form     *rubricForm // nil while the YAML has problems
	Basis    string      // the YAML the form was filled from
	Sample   string
	Preview  *previewView
	Notice   string
	Error    *Error
	Topics   []topicRef
	// Withdrawn: the rubric is published, but students cannot choose it
	// while it does not validate (its topic's owner changed or withdrew
	// the topic, say).
	Withdrawn bool
}

// versionView is one saved version, newest first.
type versionView struct {
	Version int
	Saved   time.Time
	Latest  bool
}

// gutterLine is a line number beside the YAML; Bad marks a line with a
// problem.
type gutterLine struct {
	N   int
	Bad bool
}

// topicRef is a topic a rubric can be written on.
type topicRef struct{ ID, Title string }

// previewView is a sample essay's report against the draft.
type previewView struct {
	Report   *rubrics.Report
	MaxLevel int
	Found    []string // evidence labels
	Missing  int
}

// maxVersionsShown caps the version history on the page.
const maxVersionsShown = 30

// newEditor starts the editor page for the rubric id (or a new one).
func (h *handler) newEditor(c *gin.Context, id string) *editorPage {
	h.shelf.Refresh(c.Request.Context())
	p := &editorPage{base: teacherBase(c, "New rubric"), New: id == "", ID: id, Action: "/teacher/rubrics/new"}
	if id != "" {
		p.Title = "Edit " + id
		p.Action = "/teacher/rubrics/" + id
	}
	for _, tid := range h.lib.TopicIDs() {
		if title, ok := h.lib.TopicTitle(tid); ok {
			p.Topics = append(p.Topics, topicRef{ID: tid, Title: title})
		}
	}
	return p
}

// ownRubric returns the latest version of a rubric of the signed-in
// teacher's; another teacher's is not found, whether published or not.
func (h *handler) ownRubric(c *gin.Context, id string) (store.RubricRecord, error) {
	rec, err := h.store.Rubric(c.Request.Context(), id)
	if err == nil && rec.Owner != session(c).Teacher.ID {
		err = store.ErrNotFound
	}
	if errors.Is(err, store.ErrNotFound) {
		return rec, userError(codeNotFound, "You have no rubric called %q. Your rubrics are listed under Your rubrics.", shorten(id, 80))
	}
	return rec, err
}

// fillHistory adds the saved rubric's record and versions to the page.
func (h *handler) fillHistory(ctx context.Context, p *editorPage, rec store.RubricRecord) error {
	p.Record = &rec
	p.Withdrawn = rec.Published && !h.shelf.IsRegistered(rec)
	for v := rec.Version; v >= 1 && v > rec.Version-maxVersionsShown; v-- {
		old, err := h.store.RubricVersion(ctx, rec.ID, v)
		if err != nil {
			return err
		}
		p.Versions = append(p.Versions, versionView{Version: v, Saved: old.Updated, Latest: v == rec.Version})
	}
	return nil
}

// load puts data in the editor and validates it: the form appears when it
// is valid, its problems at their lines when not. It returns the rubric
// parsed (not registered, not remembered), or nil.
func (h *handler) load(p *editorPage, data []byte) *rubrics.Rubric {
	p.YAML = string(data)
	p.Problems, p.Form, p.Basis = nil, nil, ""
	r, err := h.shelf.ParseRubric(p.ID+".yaml", data)
	if err != nil {
		p.Problems = invalidDoc(codeInvalidRubric, err).Details
		return nil
	}
	t, _ := h.lib.Topic(r.Topic)
	p.Form, p.Basis = formOf(r, t), string(data)
	return r
}

// addProblem adds a problem the parser does not know of (an id that is
// taken, say) to the page.
func addProblem(p *editorPage, err error) {
	p.Problems = append(p.Problems, invalidDoc(codeInvalidRubric, err).Details...)
	p.Form, p.Basis = nil, ""
}

// renderEditor shows the editor with its gutter.
func (h *handler) renderEditor(c *gin.Context, status int, p *editorPage) {
	bad := map[int]bool{}
	for i, d := range p.Problems {
		bad[d.Line] = true
		// A topic of the teacher's that is not published yet is the likely
		// cause: say so.
		if d.Code == yamlfile.CodeUnknownTopic {
			if t, err := h.store.Topic(c.Request.Context(), d.Subject); err == nil && !t.Published && t.Owner == session(c).Teacher.ID {
				p.Problems[i].Message += ": your topic " + d.Subject + " is not published yet; publish it, then rubrics can use it"
			} else if p.Withdrawn {
				p.Problems[i].Message += ": it is not published any more; move the rubric to a published topic, or wait until the topic is published again"
			}
		}
	}
	n := strings.Count(p.YAML, "\n") + 1
	p.Lines = make([]gutterLine, n)
	for i := range p.Lines {
		p.Lines[i] = gutterLine{N: i + 1, Bad: bad[i+1]}
	}
	if p.Error != nil {
		setErrorHeaders(c, p.Error)
	}
	h.render(c, status, "teacher_rubric", p)
}

// editRubric handles the editor's form for the rubric id ("" for a new
// one): it makes the form's changes in the YAML, then applies, previews or
// saves as the button pressed asks.
func (h *handler) editRubric(c *gin.Context, id string) {
	ctx := c.Request.Context()
	req := c.Request
	p := h.newEditor(c, id)
	if id != "" {
		rec, err := h.ownRubric(c, id)
		if err == nil {
			err = h.fillHistory(ctx, p, rec)
		}
		if err != nil {
			h.pageError(c, err)
			return
		}
	}
	data := []byte(normalizeText(req.PostFormValue("yaml")))
	p.Sample = req.PostFormValue("sample")
	if basis := req.PostFormValue("basis"); basis != "" && req.PostFormValue("form") == "1" {
		var err error
		if data, err = h.applyForm(p, req, basis, data); err != nil {
			e, status := h.resolve(c, err)
			p.Error = e
			h.renderEditor(c, status, p)
			return
		}
	}
	r := h.load(p, data)
	switch req.PostFormValue("do") {
	case "save":
		h.saveFromEditor(c, p, r, data)
	case "preview":
		h.previewInEditor(c, p, r)
	default:
		h.renderEditor(c, http.StatusOK, p)
	}
}

// applyForm makes the changes made in the form (against basis, the YAML
// it was filled from) in data. On an error the page keeps the YAML as
// posted and the form as filled in, so nothing typed is lost.
func (h *handler) applyForm(p *editorPage, req *http.Request, basis string, data []byte) ([]byte, error) {
	orig, err := h.shelf.ParseRubric("basis.yaml", []byte(basis))
	if err != nil {
		return data, nil // not a form this server filled in: ignore it
	}
	t, _ := h.lib.Topic(orig.Topic)
	before := formOf(orig, t)
	after, err := readForm(req, before)
	if err == nil {
		var out []byte
		edits := append(diff(before, after), focusEdit(data, orig, t, after.Question)...)
		if out, err = applyEdits(data, before, edits); err == nil {
			return out, nil
		}
	}
	p.YAML, p.Form, p.Basis = string(data), after, basis
	return nil, err
}

// saveFromEditor saves the rubric and goes back to the editor, or shows
// why it was not saved.
func (h *handler) saveFromEditor(c *gin.Context, p *editorPage, r *rubrics.Rubric, data []byte) {
	ctx := c.Request.Context()
	me := session(c).Teacher.ID
	notSaved := func(err error) {
		e, status := h.resolve(c, err)
		p.Error = e
		h.renderEditor(c, status, p)
	}
	if r == nil {
		notSaved(userError(codeInvalidRubric, "Not saved: fix the problems listed under the YAML, then save again."))
		return
	}
	switch {
	case p.ID != "" && r.ID != p.ID:
		addProblem(p, workspace.DocError(p.ID+".yaml", data, "$.id",
			"this is the rubric %q: to save it as %q, clone it from Your rubrics instead", p.ID, r.ID))
	case p.ID == "":
		if err := h.shelf.CheckRubricID(r.ID); err != nil {
			addProblem(p, workspace.DocError("new.yaml", data, "$.id", "%s", strings.TrimSuffix(err.Error(), ".")))
		} else if _, err := h.store.Rubric(ctx, r.ID); err == nil {
			addProblem(p, workspace.DocError("new.yaml", data, "$.id", "there is a rubric called %q already: choose another id", r.ID))
		}
	}
	if len(p.Problems) > 0 {
		notSaved(userError(codeInvalidRubric, "Not saved: fix the problems listed under the YAML, then save again."))
		return
	}
	rec, err := h.shelf.SaveRubric(ctx, me, r, data)
	if err != nil {
		notSaved(err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/teacher/rubrics/"+rec.ID+"?done=saved&what="+strconv.Itoa(rec.Version))
}

// previewInEditor checks the sample essay against the draft as it is in
// the editor, saved or not.
func (h *handler) previewInEditor(c *gin.Context, p *editorPage, r *rubrics.Rubric) {
	fail := func(err error) {
		e, status := h.resolve(c, err)
		p.Error = e
		h.renderEditor(c, status, p)
	}
	if r == nil {
		fail(userError(codeInvalidRubric, "Fix the problems listed under the YAML, then preview again."))
		return
	}
	// The draft is compiled for this preview alone: nothing of it stays.
	ch, err := h.lib.Compile(r, 0)
	if err != nil {
		fail(err)
		return
	}
	rep, err := h.check(c.Request.Context(), ch, p.Sample)
	if err != nil {
		fail(err)
		return
	}
	pv := &previewView{Report: rep}
	for _, l := range r.Levels {
		pv.MaxLevel = max(pv.MaxLevel, l.Level)
	}
	for _, ev := range rep.Evidence {
		if ev.Found {
			pv.Found = append(pv.Found, ev.Label)
		} else {
			pv.Missing++
		}
	}
	p.Preview = pv
	h.renderEditor(c, http.StatusOK, p)
}
