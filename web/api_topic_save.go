package web

import (
	"context"
	"errors"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
)

// topicRequest is the body of POST /api/v1/topics and PUT
// /api/v1/topics/{id}. Without a catalogue, one is drafted from the notes.
type topicRequest struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Notes     string `json:"notes"`
	Catalogue string `json:"catalogue"`
}

// exampleTopic is quoted by error messages about the request body.
const exampleTopic = `{"id": "cold-war-1945-62", "title": "The Cold War, 1945-62", "notes": "..."}`

// apiSaveTopic saves a topic from the JSON body: a new one (id "", from
// POST) or a new version of id (PUT, which creates it if there is none).
func (h *handler) apiSaveTopic(c *gin.Context, id string) error {
	ctx := c.Request.Context()
	me := apiTeacher(c)
	var req topicRequest
	if err := decodeJSON(c.Request, &req, exampleTopic); err != nil {
		return err
	}
	if id != "" && h.shelf.IsBundled(id) {
		return userError(codeForbidden, "%q is a topic that comes with rubricate and cannot be changed.", id)
	}
	switch {
	case id != "" && req.ID != "" && req.ID != id:
		return userError(codeBadRequest, "The body's id is %q, but the URL names %q: make them the same, or leave id out.", shorten(req.ID, 80), shorten(id, 80))
	case id != "":
		req.ID = id
	}
	req.Notes, req.Catalogue = normalizeText(req.Notes), normalizeText(req.Catalogue)
	switch {
	case !topicIDPattern.MatchString(req.ID):
		return userError(codeBadRequest, "Give the topic an id of lower-case letters, digits and hyphens: send %s.", exampleTopic)
	case strings.TrimSpace(req.Notes) == "":
		return userError(codeBadRequest, "Send the topic's notes (plain text or Markdown) in notes: %s.", exampleTopic)
	}
	if err := h.shelf.CheckTopicID(req.ID); err != nil {
		return err
	}
	old, err := h.store.Topic(ctx, req.ID)
	exists := err == nil
	if err := claim("topic", req.ID, err, id == "", old.Owner, me.ID, old.Published); err != nil {
		return err
	}
	if strings.TrimSpace(req.Catalogue) == "" {
		title := req.Title
		if title == "" {
			title = req.ID
		}
		draft, err := rubrics.DraftCatalogue(req.ID, title, req.Notes)
		if err != nil {
			return userError(codeBadRequest, "%s", sentence(err.Error()))
		}
		req.Catalogue = string(draft)
	}
	t, err := h.shelf.ParseTopic(req.ID, []byte(req.Catalogue), req.Notes, true)
	if err != nil {
		return invalidDoc(codeInvalidTopic, err)
	}
	rec, err := h.shelf.SaveTopic(ctx, me.ID, t, req.Notes, []byte(req.Catalogue))
	if err != nil {
		return err
	}
	replyWritten(c, !exists, written{ID: rec.ID, Version: rec.Version, Published: rec.Published, URL: "/api/v1/topics/" + rec.ID})
	return nil
}

// apiOwnedTopic checks, before a change, that the topic id is the
// caller's, like apiOwned.
func (h *handler) apiOwnedTopic(ctx context.Context, me store.Teacher, id string) error {
	rec, err := h.store.Topic(ctx, id)
	switch {
	case h.shelf.IsBundled(id):
		return userError(codeForbidden, "%q is a topic that comes with rubricate and cannot be changed.", id)
	case errors.Is(err, store.ErrNotFound), err == nil && rec.Owner != me.ID && !rec.Published:
		return noTopic(id)
	case err != nil:
		return err
	case rec.Owner != me.ID:
		return userError(codeForbidden, "The topic %q is another teacher's: you cannot change it.", id)
	}
	return nil
}

// noTopic is the answer about a topic id that the caller has no topic
// under and cannot see, like noRubric.
func noTopic(id string) error {
	return userError(codeNotFound,
		"There is no topic %q that you can open or change. A new topic needs an id that is not in use.", shorten(id, 80))
}

// claim decides whether a teacher (me) may save a rubric or topic (kind)
// under id, given what looking it up returned (lookupErr), its owner and
// whether others can see it. creating is set for a POST, which must not
// overwrite anything. Another teacher's id gets the same answer whether
// it is published or a draft, so that drafts stay private.
func claim(kind, id string, lookupErr error, creating bool, owner, me int64, seen bool) error {
	switch {
	case errors.Is(lookupErr, store.ErrNotFound):
		return nil
	case lookupErr != nil:
		return lookupErr
	case creating && owner == me:
		return userError(codeConflict, "You have a %s %q already. PUT /api/v1/%ss/%s to save a new version of it, or choose another id.", kind, id, kind, id)
	case creating:
		return userError(codeConflict, "The id %q cannot be used: choose another id.", shorten(id, 80))
	case owner != me && !seen:
		if kind == "topic" {
			return noTopic(id)
		}
		return noRubric(id)
	case owner != me:
		return userError(codeForbidden, "The %s %q is another teacher's: you cannot change it. Save yours under another id.", kind, id)
	}
	return nil
}
