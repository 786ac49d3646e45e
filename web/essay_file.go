package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// essayFileText is the answer of "POST /essay-file" to a page that asks
// for JSON: the text read from the file, for the essay box.
type essayFileText struct {
	File string `json:"file"`
	Text string `json:"text"`
}

// readEssayFile handles "POST /essay-file": it reads the essay from the
// uploaded file ("file") into the box, for the student to look over before
// checking. The page's script asks for JSON and fills the box itself;
// without the script, the home page comes back with the box filled. The
// text is not kept.
func (h *handler) readEssayFile(c *gin.Context) {
	wantsJSON := strings.Contains(c.GetHeader("Accept"), "application/json")
	f, err := readCheckForm(c.Request)
	if err == nil && f.Loaded == "" {
		err = userError(codeBadFile, "Choose your essay's file, then press Upload.")
	}
	if err != nil {
		if wantsJSON {
			h.apiError(c, err)
			return
		}
		h.showFormError(c, f, err)
		return
	}
	if wantsJSON {
		c.JSON(http.StatusOK, essayFileText{File: f.Loaded, Text: f.Essay})
		return
	}
	p := h.homePage(f.Rubric, f.Essay, nil)
	p.Loaded = f.Loaded
	h.render(c, http.StatusOK, "home", p)
}
