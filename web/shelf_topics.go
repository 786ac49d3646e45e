package web

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
)

// catalogueName names a topic's catalogue in error messages.
const catalogueName = "catalogue.yaml"

// parseTopic builds a topic from its catalogue and notes and checks that
// the catalogue names the topic id. With trial set it also checks the
// catalogue's rules, dates and figures, each reported at its line.
func (s *shelf) parseTopic(id string, catalogue []byte, notes string, trial bool) (*corpus.Topic, error) {
	t, err := corpus.Parse(catalogueName, catalogue, notes)
	if err != nil {
		return nil, err
	}
	if t.ID != id {
		return nil, docError(catalogueName, catalogue, "$.topic",
			"the catalogue is for topic %q, but this topic's id is %q: make them the same", t.ID, id)
	}
	if !trial {
		return t, nil
	}
	// Rules, dates and figures are the rubrics package's to read: check
	// them now, each at its line, rather than when a student's essay needs
	// them.
	if err := rubrics.ValidateCatalogue(catalogueName, catalogue); err != nil {
		return nil, err
	}
	return t, nil
}

// checkTopicID refuses the ids of bundled topics and workspace pages.
func (s *shelf) checkTopicID(id string) error {
	switch {
	case s.bundled[id]:
		return userError(codeConflict, "%q is a topic that comes with rubricate: give yours another id.", id)
	case reservedIDs[id]:
		return userError(codeConflict, "%q cannot be a topic's id: choose another.", id)
	}
	return nil
}

// visibleTopic returns a teacher's topic for a caller: ErrNotFound for a
// draft unless the caller owns it.
func (s *shelf) visibleTopic(ctx context.Context, caller int64, id string) (store.TopicRecord, error) {
	rec, err := s.store.Topic(ctx, id)
	if err != nil {
		return rec, err
	}
	if !rec.Published && rec.Owner != caller {
		return store.TopicRecord{}, fmt.Errorf("topic %q: %w", id, store.ErrNotFound)
	}
	return rec, nil
}

// saveTopic stores t (parsed from notes and catalogue) as the next version
// of its id. A published topic's new version replaces the old at once,
// with the published rubrics that use it; it is refused if any of them
// would no longer validate against it.
func (s *shelf) saveTopic(ctx context.Context, owner int64, t *corpus.Topic, notes string, catalogue []byte) (store.TopicRecord, error) {
	if err := s.checkTopicID(t.ID); err != nil {
		return store.TopicRecord{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old, err := s.store.Topic(ctx, t.ID)
	live := err == nil && old.Published && old.Owner == owner
	var users []parsed
	if live {
		if users, err = s.reparseUsers(ctx, t); err != nil {
			return store.TopicRecord{}, err
		}
	}
	v, err := s.store.SaveTopic(ctx, owner, t.ID, notes, catalogue)
	if err != nil {
		return store.TopicRecord{}, err
	}
	rec, err := s.store.Topic(ctx, t.ID)
	if err != nil {
		return rec, err
	}
	if live {
		if err := s.lib.AddTopic(t); err != nil {
			return rec, err
		}
		for _, u := range users {
			if err := s.register(u.r, u.version); err != nil {
				return rec, err
			}
		}
		s.forgetTopic(t.ID)
	}
	rec.Version = v
	return rec, nil
}

// reparseUsers parses the published rubrics that use t's id against t, the
// topic's next version. Call with mu held.
func (s *shelf) reparseUsers(ctx context.Context, t *corpus.Topic) ([]parsed, error) {
	var out []parsed
	var broken []string
	next := overlay{lib: s.lib, topic: t}
	for _, id := range s.users(t.ID) {
		rec, err := s.store.Rubric(ctx, id)
		if err != nil {
			return nil, err
		}
		r, err := rubrics.Parse(id+".yaml", bytes.NewReader(rec.YAML), next)
		if err != nil {
			broken = append(broken, fmt.Sprintf("%s (%s)", id, firstProblem(err)))
			continue
		}
		out = append(out, parsed{version: rec.Version, r: r})
	}
	if len(broken) > 0 {
		return nil, userError(codeConflict,
			"Published rubrics use this topic and would no longer be valid with this catalogue: %s. Keep the items they use, or unpublish them first.",
			strings.Join(broken, "; "))
	}
	return out, nil
}

// firstProblem is the first message of a validation error.
func firstProblem(err error) string {
	d := invalidDoc(codeInvalidRubric, err).Details[0]
	if d.Line > 0 {
		return fmt.Sprintf("line %d: %s", d.Line, d.Message)
	}
	return d.Message
}

// overlay finds topics in the Library, except one, taken from its next
// version.
type overlay struct {
	lib   *rubrics.Library
	topic *corpus.Topic
}

func (o overlay) Topic(id string) (*corpus.Topic, bool) {
	if id == o.topic.ID {
		return o.topic, true
	}
	return o.lib.Topic(id)
}

// forgetTopic drops the parsed drafts on a topic that changed or went:
// they are parsed again, against what the Library now holds, when next
// opened.
func (s *shelf) forgetTopic(topic string) {
	s.cmu.Lock()
	var ids []string
	for id, p := range s.drafts {
		if p.r.Topic == topic {
			ids = append(ids, id)
		}
	}
	s.cmu.Unlock()
	for _, id := range ids {
		s.forget(id)
	}
}

// setTopicPublished publishes or unpublishes a topic of owner's. A topic
// that published rubrics use cannot be unpublished.
func (s *shelf) setTopicPublished(ctx context.Context, owner int64, id string, published bool) (store.TopicRecord, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, err := s.store.Topic(ctx, id)
	switch {
	case err != nil:
		return rec, err
	case rec.Owner != owner:
		if !rec.Published {
			return store.TopicRecord{}, fmt.Errorf("topic %q: %w", id, store.ErrNotFound)
		}
		return store.TopicRecord{}, fmt.Errorf("topic %q: %w", id, store.ErrForbidden)
	case published == rec.Published:
		return rec, nil
	case !published:
		if err := s.inUse(id); err != nil {
			return rec, err
		}
		if err := s.store.SetTopicPublished(ctx, owner, id, false); err != nil {
			return rec, err
		}
		s.lib.RemoveTopic(id)
		s.forgetTopic(id)
	default:
		t, err := s.parseTopic(id, rec.Catalogue, rec.Notes, false)
		if err == nil {
			err = s.lib.AddTopic(t)
		}
		if err != nil {
			return rec, invalidDoc(codeInvalidTopic, err)
		}
		if err := s.store.SetTopicPublished(ctx, owner, id, true); err != nil {
			s.lib.RemoveTopic(id)
			return rec, err
		}
		s.forgetTopic(id)
	}
	rec.Published = published
	return rec, nil
}

// deleteTopic deletes a topic of owner's with every version, unless
// published rubrics use it.
func (s *shelf) deleteTopic(ctx context.Context, owner int64, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, err := s.store.Topic(ctx, id)
	if err == nil && rec.Owner == owner {
		if err := s.inUse(id); err != nil {
			return err
		}
	}
	if err := s.store.DeleteTopic(ctx, owner, id); err != nil {
		if rec.Owner != owner && !rec.Published {
			return fmt.Errorf("topic %q: %w", id, store.ErrNotFound)
		}
		return err
	}
	s.lib.RemoveTopic(id)
	s.forgetTopic(id)
	return nil
}

// inUse refuses to withdraw a topic that published rubrics use. Call with
// mu held.
func (s *shelf) inUse(id string) error {
	if users := s.users(id); len(users) > 0 {
		return userError(codeConflict, "Published rubrics use this topic: %s. Unpublish them first.", strings.Join(users, ", "))
	}
	return nil
}
