package web

import (
	"errors"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"github.com/goccy/go-yaml"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
)

// topicPage is the data of the topic editor: the notes, and the evidence
// catalogue drafted from them with its problems at their lines.
type topicPage struct {
	base
	New        bool
	ID         string
	Action     string
	Record     *store.TopicRecord
	TopicTitle string // asked for a new topic, to draft the catalogue
	Notes      string
	Catalogue  string
	Lines      []gutterLine
	Problems   []ErrorDetail
	Notice     string
	Error      *Error
	Users      []string // published rubrics on the topic
}

var topicIDPattern = corpus.IDPattern

// newTopicPage starts the topic editor for id ("" for a new topic).
func newTopicPage(c *gin.Context, id string) *topicPage {
	p := &topicPage{base: teacherBase(c, "New topic"), New: id == "", ID: id, Action: "/teacher/topics/new"}
	if id != "" {
		p.Title, p.Action = "Topic "+id, "/teacher/topics/"+id
	}
	return p
}

// ownTopic returns the latest version of a topic of the signed-in
// teacher's; another teacher's is not found.
func (h *handler) ownTopic(c *gin.Context, id string) (store.TopicRecord, error) {
	rec, err := h.store.Topic(c.Request.Context(), id)
	if err == nil && rec.Owner != session(c).Teacher.ID {
		err = store.ErrNotFound
	}
	if errors.Is(err, store.ErrNotFound) {
		return rec, userError(codeNotFound, "You have no topic called %q. Your topics are listed under Your rubrics.", shorten(id, 80))
	}
	return rec, err
}

// renderTopic shows the topic editor with the catalogue's gutter.
func (h *handler) renderTopic(c *gin.Context, status int, p *topicPage) {
	bad := map[int]bool{}
	for _, d := range p.Problems {
		bad[d.Line] = true
	}
	if p.Catalogue != "" {
		p.Lines = make([]gutterLine, strings.Count(p.Catalogue, "\n")+1)
		for i := range p.Lines {
			p.Lines[i] = gutterLine{N: i + 1, Bad: bad[i+1]}
		}
	}
	if p.ID != "" {
		p.Users = h.shelf.Users(p.ID)
	}
	if p.Error != nil {
		setErrorHeaders(c, p.Error)
	}
	h.render(c, status, "teacher_topic", p)
}

// editTopic handles the topic editor's form for id ("" for a new topic):
// draft the catalogue from the notes, or save.
func (h *handler) editTopic(c *gin.Context, id string) {
	ctx := c.Request.Context()
	req := c.Request
	p := newTopicPage(c, id)
	if id != "" {
		rec, err := h.ownTopic(c, id)
		if err != nil {
			h.pageError(c, err)
			return
		}
		p.Record = &rec
	} else {
		p.ID = strings.TrimSpace(req.PostFormValue("id"))
	}
	p.TopicTitle = strings.TrimSpace(req.PostFormValue("title"))
	p.Notes = normalizeText(req.PostFormValue("notes"))
	p.Catalogue = normalizeText(req.PostFormValue("catalogue"))
	fail := func(err error) {
		e, status := h.resolve(c, err)
		p.Error = e
		if e.Code == codeInvalidTopic {
			p.Problems = e.Details
		}
		h.renderTopic(c, status, p)
	}
	if strings.TrimSpace(p.Notes) == "" {
		notes, err := readNotesUpload(req)
		if err != nil {
			fail(err)
			return
		}
		p.Notes = notes
	}
	switch {
	case strings.TrimSpace(p.Notes) == "":
		fail(userError(codeBadRequest, "Paste the notes into the box, or choose a .txt or .md file of them."))
		return
	case !topicIDPattern.MatchString(p.ID):
		fail(userError(codeBadRequest, "The topic id must be lower-case letters, digits and hyphens, such as cold-war-1945-62."))
		return
	}
	if err := h.shelf.CheckTopicID(p.ID); err != nil {
		fail(err)
		return
	}
	if req.PostFormValue("do") == "draft" || strings.TrimSpace(p.Catalogue) == "" {
		title := p.TopicTitle
		if title == "" {
			title = catalogueTitle(p.Catalogue, p.ID)
		}
		draft, err := rubrics.DraftCatalogue(p.ID, title, p.Notes)
		if err != nil {
			fail(userError(codeBadRequest, "%s", sentence(err.Error())))
			return
		}
		p.Catalogue = string(draft)
		p.Notice = "The catalogue below was drafted from the notes. Check each item, then press Save."
		h.renderTopic(c, http.StatusOK, p)
		return
	}
	if p.New {
		if _, err := h.store.Topic(ctx, p.ID); err == nil {
			fail(userError(codeConflict, "There is a topic called %q already: choose another id.", p.ID))
			return
		}
	}
	t, err := h.shelf.ParseTopic(p.ID, []byte(p.Catalogue), p.Notes, true)
	if err != nil {
		fail(invalidDoc(codeInvalidTopic, err))
		return
	}
	rec, err := h.shelf.SaveTopic(ctx, session(c).Teacher.ID, t, p.Notes, []byte(p.Catalogue))
	if err != nil {
		fail(err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/teacher/topics/"+rec.ID+"?done=saved&what="+strconv.Itoa(rec.Version))
}

// catalogueTitle is the title a catalogue gives, or fallback.
func catalogueTitle(catalogue, fallback string) string {
	var head struct {
		Title string `yaml:"title"`
	}
	if yaml.Unmarshal([]byte(catalogue), &head) == nil && head.Title != "" {
		return head.Title
	}
	return fallback
}

// readNotesUpload reads the notes file of the form, if one was chosen.
func readNotesUpload(r *http.Request) (string, error) {
	if r.MultipartForm == nil || len(r.MultipartForm.File["notes_file"]) == 0 {
		return "", nil
	}
	fh := r.MultipartForm.File["notes_file"][0]
	switch strings.ToLower(path.Ext(fh.Filename)) {
	case ".txt", ".md", ".markdown", ".text":
	default:
		return "", userError(codeBadFile, "%q is not a .txt or .md file. Save the notes as plain text, or paste them into the box.", path.Base(fh.Filename))
	}
	f, err := fh.Open()
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxBody))
	if err != nil {
		return "", err
	}
	text := strings.TrimPrefix(string(b), "\ufeff")
	if !utf8.ValidString(text) {
		return "", userError(codeNotText, "That file is not plain text (UTF-8). Save the notes as plain text, or paste them into the box.")
	}
	return normalizeText(text), nil
}
