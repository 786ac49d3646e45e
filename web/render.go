package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/rubrics"
)

//go:embed templates
var templateFS embed.FS

// views holds one template set per page, each the layout plus the page.
type views struct {
	pages map[string]*template.Template
}

// base is what the layout needs from every page's data.
type base struct {
	Title string // the page's own title, before " - rubricate"
	Nav   string // the navigation item to mark as current: "check", "notes", "about", "teacher"
	// Teacher is the signed-in teacher's name on the workspace's pages, and
	// CSRF their session's token for the forms.
	Teacher string
	CSRF    string
}

// teacherBase is the base of a workspace page for the signed-in teacher.
func teacherBase(c *gin.Context, title string) base {
	s := session(c)
	return base{Title: title, Nav: "teacher", Teacher: s.Teacher.Name, CSRF: s.CSRF}
}

// parseViews parses the layout, the partials and every page.
func parseViews(a *assets) (*views, error) {
	funcs := template.FuncMap{
		"static":      a.url,
		"plural":      plural,
		"add":         func(a, b int) int { return a + b },
		"problemKind": problemKind,
	}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	files, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	v := &views{pages: map[string]*template.Template{}}
	for _, f := range files {
		t, err := layout.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.ParseFS(templateFS, f); err != nil {
			return nil, fmt.Errorf("web: templates: %w", err)
		}
		v.pages[strings.TrimSuffix(path.Base(f), ".html")] = t
	}
	for _, name := range []string{"home", "feedback", "restore", "notes", "about", "error",
		"teacher_signin", "teacher_home", "teacher_rubric", "teacher_topic", "teacher_delete"} {
		if v.pages[name] == nil {
			return nil, fmt.Errorf("web: templates: page %q is missing", name)
		}
	}
	return v, nil
}

// render executes page into a buffer first, so a template error becomes a
// clean 500 rather than half a page.
func (h *handler) render(c *gin.Context, status int, page string, data any) {
	t := h.views.pages[page]
	var buf bytes.Buffer
	err := fmt.Errorf("no page %q", page)
	if t != nil {
		err = t.ExecuteTemplate(&buf, "layout.html", data)
	}
	if err != nil {
		h.log.ErrorContext(c.Request.Context(), "render", "page", page, "error", err.Error())
		if page != "error" {
			h.render(c, 500, "error", errorPage{base: base{Title: errorTitle(500)}, Error: &Error{Code: codeInternal, Message: internalMessage}})
			return
		}
		c.Data(500, "text/plain; charset=utf-8", []byte(internalMessage))
		return
	}
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// plural writes "1 word", "2 words".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// problemKind names a kind of problem for students.
func problemKind(kind string) string {
	switch kind {
	case rubrics.ProblemFigure:
		return "Wrong figure"
	case rubrics.ProblemDate:
		return "Wrong date"
	case rubrics.ProblemMisspelt:
		return "Spelling"
	case rubrics.ProblemRepetition:
		return "Repeated"
	default:
		return "Check this"
	}
}
