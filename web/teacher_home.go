package web

import (
	"fmt"
	"net/http"
	"regexp"
	"time"

	"github.com/gin-gonic/gin"
)

// workspacePage is the data of the teacher's workspace: their rubrics and
// topics, and the built-in rubrics to start from.
type workspacePage struct {
	base
	Notice   string
	Rubrics  []ownRubric
	Topics   []ownTopic
	Builtins []rubricSummary
}

// ownRubric is one of the teacher's rubrics in the list.
type ownRubric struct {
	ID, Title, Question string
	Version             int
	Published           bool
	Updated             time.Time
	Broken              bool // the latest version no longer validates, or is withdrawn from students
}

// ownTopic is one of the teacher's topics in the list.
type ownTopic struct {
	ID        string
	Version   int
	Published bool
	Updated   time.Time
}

// showWorkspace handles "GET /teacher".
func (h *handler) showWorkspace(c *gin.Context) error {
	ctx := c.Request.Context()
	me := session(c).Teacher
	h.shelf.Refresh(ctx)
	p := workspacePage{base: teacherBase(c, "Your rubrics"), Notice: notice(c)}
	recs, err := h.store.RubricsByOwner(ctx, me.ID)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		v := ownRubric{ID: rec.ID, Title: rec.ID, Version: rec.Version, Published: rec.Published, Updated: rec.Updated}
		if _, r, err := h.shelf.Rubric(ctx, rec.ID); err == nil {
			v.Title, v.Question = r.Title, r.Question
		} else {
			v.Broken = true
		}
		// Published, but not given to students: say so, whatever the cause.
		v.Broken = v.Broken || rec.Published && !h.shelf.IsRegistered(rec)
		p.Rubrics = append(p.Rubrics, v)
	}
	topics, err := h.store.TopicsByOwner(ctx, me.ID)
	if err != nil {
		return err
	}
	for _, t := range topics {
		p.Topics = append(p.Topics, ownTopic{ID: t.ID, Version: t.Version, Published: t.Published, Updated: t.Updated})
	}
	for _, id := range h.lib.RubricIDs() {
		if r, ok := h.lib.Rubric(id); ok && h.lib.IsBuiltin(id) {
			p.Builtins = append(p.Builtins, h.summary(r))
		}
	}
	h.render(c, http.StatusOK, "teacher_home", p)
	return nil
}

// notices are the messages a redirect after a change may ask for, by
// ?done=; the page never shows text taken from the URL.
var notices = map[string]string{
	"saved":             "Saved as version %s.",
	"published":         "Published: students can choose it now.",
	"unpublished":       "Unpublished: students no longer see it. You can still edit and preview it.",
	"topic-published":   "Published: its notes are searchable, and rubrics can use it.",
	"topic-unpublished": "Unpublished: its notes are no longer searchable, and other teachers' rubrics on it are withdrawn from students until you publish it again. You can still edit it.",
	"deleted":           "Deleted %s.",
}

var noticeID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,127}$`)

// notice is the message ?done= asks for, with ?what= (an id or a version
// number) filled in when it looks like one.
func notice(c *gin.Context) string {
	format, ok := notices[c.Query("done")]
	if !ok {
		return ""
	}
	what := c.Query("what")
	if !noticeID.MatchString(what) {
		what = "it"
	}
	if c.Query("done") == "saved" || c.Query("done") == "deleted" {
		return fmt.Sprintf(format, what)
	}
	return format
}
