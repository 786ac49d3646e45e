package web

import (
	"bytes"
	"io"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"github.com/goccy/go-yaml"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/rubrics"
)

// importRubric handles "POST /teacher/rubrics/import": it opens an
// uploaded YAML file in the editor, not saved yet: as a new version of the
// teacher's rubric with the same id, or as a new rubric.
func (h *handler) importRubric(c *gin.Context) error {
	var fh, err = c.FormFile("file")
	if err != nil {
		return userError(codeBadFile, "Choose a rubric file (.yaml) to import, then press Import.")
	}
	switch strings.ToLower(path.Ext(fh.Filename)) {
	case ".yaml", ".yml", ".txt":
	default:
		return userError(codeBadFile, "%q is not a .yaml file. Export a rubric to get one, or paste the YAML into a new rubric.", path.Base(fh.Filename))
	}
	f, err := fh.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, rubrics.MaxRubricBytes+1))
	if err != nil {
		return err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return analyzer.ErrNotText
	}
	data = []byte(normalizeText(string(data)))
	var head struct {
		ID string `yaml:"id"`
	}
	_ = yaml.Unmarshal(data, &head)
	id := ""
	if head.ID != "" {
		if rec, err := h.store.Rubric(c.Request.Context(), head.ID); err == nil && rec.Owner == session(c).Teacher.ID {
			id = head.ID
		}
	}
	p := h.newEditor(c, id)
	if id != "" {
		rec, _ := h.ownRubric(c, id)
		if err := h.fillHistory(c.Request.Context(), p, rec); err != nil {
			return err
		}
	}
	p.Notice = "Imported " + path.Base(fh.Filename) + ", not saved yet. Check it, then press Save."
	h.load(p, data)
	h.renderEditor(c, http.StatusOK, p)
	return nil
}
