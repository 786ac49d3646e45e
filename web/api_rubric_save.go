package web

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/web/store"
	"github.com/rubricate/rubricate/web/workspace"
)

// written is the answer to a rubric or topic written through the API.
type written struct {
	ID        string `json:"id"`
	Version   int    `json:"version"`
	Published bool   `json:"published"`
	URL       string `json:"url"`
}

// apiSaveRubric saves the YAML body as a rubric: a new one (id "", from
// POST; its id is the YAML's) or a new version of id (PUT, which creates
// the rubric if there is none).
func (h *handler) apiSaveRubric(c *gin.Context, id string) error {
	ctx := c.Request.Context()
	me := apiTeacher(c)
	data, err := readYAMLBody(c.Request)
	if err != nil {
		return err
	}
	name := "rubric.yaml"
	if id != "" {
		name = id + ".yaml"
		if h.lib.IsBuiltin(id) {
			return userError(codeForbidden, "%q is a built-in rubric and cannot be changed: POST a copy under another id.", id)
		}
	}
	if id != "" {
		if old, err := h.store.Rubric(ctx, id); err == nil && old.Owner != me.ID {
			if !h.shelf.SeenBy(old, me.ID) {
				return noRubric(id)
			}
			return userError(codeForbidden, "The rubric %q is another teacher's: you cannot change it. Save yours under another id.", id)
		}
	}
	r, err := h.shelf.ParseRubric(name, data)
	if err == nil && id != "" && r.ID != id {
		err = workspace.DocError(name, data, "$.id", "the rubric's id is %q, but the URL names %q: make them the same", r.ID, id)
	}
	if err != nil {
		return invalidDoc(codeInvalidRubric, err)
	}
	old, err := h.store.Rubric(ctx, r.ID)
	exists := err == nil
	if err := claim("rubric", r.ID, err, id == "", old.Owner, me.ID, err == nil && h.shelf.SeenBy(old, me.ID)); err != nil {
		return err
	}
	rec, err := h.shelf.SaveRubric(ctx, me.ID, r, data)
	if err != nil {
		return err
	}
	replyWritten(c, !exists, written{ID: rec.ID, Version: rec.Version, Published: rec.Published, URL: "/api/v1/rubrics/" + rec.ID})
	return nil
}

// replyWritten answers a save: 201 with a Location for something new, 200
// for a new version.
func replyWritten(c *gin.Context, created bool, w written) {
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		c.Header("Location", w.URL)
	}
	c.JSON(status, w)
}

// yamlTypes are the Content-Types a rubric may be sent as.
var yamlTypes = map[string]bool{"application/yaml": true, "application/x-yaml": true, "text/yaml": true, "text/x-yaml": true}

// readYAMLBody reads a YAML request body: UTF-8, with Unix line ends.
func readYAMLBody(r *http.Request) ([]byte, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || !yamlTypes[mt] {
		return nil, userError(codeBadType, "Send the rubric as YAML, with the header Content-Type: application/yaml.")
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, err
		}
		return nil, userError(codeBadRequest, "The request body could not be read. Send it again.")
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, analyzer.ErrNotText
	}
	return []byte(normalizeText(string(data))), nil
}

// noRubric is the answer about a rubric id that the caller has no rubric
// under and cannot see, whatever they asked to do with it: the same
// whether there is no such rubric or it is another teacher's draft, so
// that drafts stay private.
func noRubric(id string) error {
	return userError(codeUnknownRubric,
		"There is no rubric %q that you can open or change. GET /api/v1/rubrics lists the published rubrics; a new rubric needs an id that is not in use.",
		shorten(id, 80))
}

// apiOwned checks, before a change, that the rubric id is the caller's:
// another teacher's draft is not found (as if it did not exist), another
// teacher's published rubric is forbidden.
func (h *handler) apiOwned(ctx context.Context, me store.Teacher, id string) error {
	rec, err := h.store.Rubric(ctx, id)
	switch {
	case h.lib.IsBuiltin(id):
		return userError(codeForbidden, "%q is a built-in rubric and cannot be changed.", id)
	case errors.Is(err, store.ErrNotFound), err == nil && !h.shelf.SeenBy(rec, me.ID):
		return noRubric(id)
	case err != nil:
		return err
	case rec.Owner != me.ID:
		return userError(codeForbidden, "The rubric %q is another teacher's: you cannot change it.", id)
	}
	return nil
}
