package web

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/analyzer/essayfile"
)

// checkForm is what the essay form posts.
type checkForm struct {
	Rubric   string
	Essay    string
	Previous string // the draft summary of the report the essay was revised from
	Loaded   string // the name of the file the essay was read from, if any
}

// showCheck handles "POST /check": it checks the essay and shows the
// feedback, or the form again with the essay and what to fix.
func (h *handler) showCheck(c *gin.Context) {
	f, err := readCheckForm(c.Request)
	if err == nil && f.Rubric == "" && f.Loaded == "" {
		err = userError(codeBadRequest, "Choose the question your essay answers, then check again.")
	}
	if err != nil {
		h.showFormError(c, f, err)
		return
	}
	r, ok := h.lib.Rubric(f.Rubric)
	if !ok {
		h.showFormError(c, f, userError(codeUnknownRubric,
			"There is no question called %q any more. Choose one of the questions below and check again.", f.Rubric))
		return
	}
	if f.Loaded != "" {
		// A file read into the box: the student looks it over, and
		// checks it when it is what they meant to hand in.
		p := h.homePage(f.Rubric, f.Essay, nil)
		p.Loaded = f.Loaded
		h.render(c, http.StatusOK, "home", p)
		return
	}
	rep, err := h.checkChosen(forClient(c.Request.Context(), c.ClientIP()), r, f.Essay)
	if err != nil {
		h.showFormError(c, f, err)
		return
	}
	h.render(c, http.StatusOK, "feedback", h.feedbackPage(r, rep, f.Essay, f.Previous))
}

// showRestore handles "GET /check": the address the feedback page gives
// itself, so that Back and reload come to a page rather than a form to
// send again. The essay is not on the server: the page's script checks
// again the draft this browser tab keeps (see app.js), and without one the
// page says how to get feedback.
func (h *handler) showRestore(c *gin.Context) {
	h.render(c, http.StatusOK, "restore", base{Title: "Your feedback", Nav: "check"})
}

// showFormError shows the home page again with the message, keeping the
// student's essay in the box so that nothing they wrote is lost.
func (h *handler) showFormError(c *gin.Context, f checkForm, err error) {
	e, status := h.resolve(c, err)
	h.render(c, status, "home", h.homePage(f.Rubric, f.Essay, e))
}

// readCheckForm reads the form, URL-encoded or multipart (with an optional
// essay file, read when the essay box is empty).
func readCheckForm(r *http.Request) (checkForm, error) {
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(maxUpload)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return checkForm{}, err
		}
		return checkForm{}, userError(codeBadRequest, "The form could not be read. Reload the page and check your essay again.")
	}
	f := checkForm{
		Rubric:   r.PostFormValue("rubric"),
		Essay:    r.PostFormValue("essay"),
		Previous: r.PostFormValue("previous"),
	}
	if (strings.TrimSpace(f.Essay) == "" || r.URL.Path == "/essay-file") && r.MultipartForm != nil {
		if fhs := r.MultipartForm.File["file"]; len(fhs) > 0 && fhs[0].Filename != "" {
			text, err := readUpload(fhs[0])
			if err != nil {
				return f, err
			}
			f.Essay, f.Loaded = text, path.Base(fhs[0].Filename)
		}
	}
	return f, nil
}

// maxUpload is the largest request that carries an essay file.
const maxUpload = essayfile.MaxFile + 64<<10

// readUpload reads an uploaded essay file: plain text, Word, OpenDocument,
// Rich Text or a PDF with text (see essayfile).
func readUpload(fh *multipart.FileHeader) (string, error) {
	if fh.Size > essayfile.MaxFile {
		return "", userError(codeBadFile, "%s", essayfile.ErrTooBig.Error())
	}
	file, err := fh.Open()
	if err != nil {
		return "", err
	}
	defer file.Close()
	b, err := io.ReadAll(io.LimitReader(file, essayfile.MaxFile+1))
	if err != nil {
		return "", err
	}
	text, err := essayfile.Read(fh.Filename, b)
	if err != nil {
		var fe *essayfile.Error
		if errors.As(err, &fe) {
			return "", userError(codeBadFile, "%s", fe.Error())
		}
		return "", err
	}
	return text, nil
}
