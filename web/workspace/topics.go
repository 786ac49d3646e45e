package workspace

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"strconv"
	"strings"

	"github.com/rubricate/rubricate/corpus"
	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
)

// catalogueName names a topic's catalogue in error messages.
const catalogueName = "catalogue.yaml"

// ParseTopic builds a topic from its catalogue and notes and checks that
// the catalogue names the topic id. With trial set it also checks the
// catalogue's rules, dates and figures, each reported at its line.
func (s *Service) ParseTopic(id string, catalogue []byte, notes string, trial bool) (*corpus.Topic, error) {
	t, err := corpus.Parse(catalogueName, catalogue, notes)
	if err != nil {
		return nil, err
	}
	if t.ID != id {
		return nil, DocError(catalogueName, catalogue, "$.topic",
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

// CheckTopicID refuses the ids of bundled topics and workspace pages.
func (s *Service) CheckTopicID(id string) error {
	switch {
	case s.bundled[id]:
		return conflict("%q is a topic that comes with rubricate: give yours another id.", id)
	case reservedIDs[id]:
		return conflict("%q cannot be a topic's id: choose another.", id)
	}
	return nil
}

// VisibleTopic returns a teacher's topic for a caller: ErrNotFound for a
// draft unless the caller owns it.
func (s *Service) VisibleTopic(ctx context.Context, caller int64, id string) (store.TopicRecord, error) {
	rec, err := s.store.Topic(ctx, id)
	if err != nil {
		return rec, err
	}
	if !rec.Published && rec.Owner != caller {
		return store.TopicRecord{}, fmt.Errorf("topic %q: %w", id, store.ErrNotFound)
	}
	return rec, nil
}

// SaveTopic stores t (parsed from notes and catalogue) as the next version
// of its id. A published topic's new version replaces the old at once,
// with the published rubrics that use it. It is refused if any of the
// owner's own published rubrics would no longer validate against it;
// another teacher's rubric that would not is withdrawn from students
// until its owner fixes it.
func (s *Service) SaveTopic(ctx context.Context, owner int64, t *corpus.Topic, notes string, catalogue []byte) (store.TopicRecord, error) {
	if err := s.CheckTopicID(t.ID); err != nil {
		return store.TopicRecord{}, err
	}
	s.Refresh(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	old, err := s.store.Topic(ctx, t.ID)
	if err == nil && old.Published && old.Owner == owner {
		if err := s.ownUsersValid(owner, t); err != nil {
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
	if rec.Published {
		if err := s.sync(ctx); err != nil {
			return rec, err
		}
	}
	rec.Version = v
	return rec, nil
}

// ownUsersValid refuses t, the next version of a topic, if any of owner's
// published rubrics on it would no longer validate against it. Call with
// mu held.
func (s *Service) ownUsersValid(owner int64, t *corpus.Topic) error {
	var broken []string
	next := overlay{lib: s.lib, topic: t}
	for _, p := range s.usersOf(t.ID) {
		if p.stamp.owner != owner {
			continue
		}
		if _, err := rubrics.Parse(p.r.ID+".yaml", bytes.NewReader(p.yaml), next); err != nil {
			broken = append(broken, fmt.Sprintf("%s (%s)", p.r.ID, firstProblem(err)))
		}
	}
	if len(broken) > 0 {
		return conflict(
			"Your published rubrics use this topic and would no longer be valid with this catalogue: %s. Keep the items they use, or unpublish those rubrics first.",
			strings.Join(broken, "; "))
	}
	return nil
}

// firstProblem is the first message of a validation error.
func firstProblem(err error) string {
	d := firstDetail(err)
	if d.Line > 0 {
		return fmt.Sprintf("line %d: %s", d.Line, d.Msg)
	}
	return d.Msg
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
func (s *Service) forgetTopic(topic string) {
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

// SetTopicPublished publishes or unpublishes a topic of owner's. The
// owner's own published rubrics on it keep it from being unpublished;
// other teachers' are withdrawn from students with it, and come back when
// it is published again.
func (s *Service) SetTopicPublished(ctx context.Context, owner int64, id string, published bool) (store.TopicRecord, error) {
	s.Refresh(ctx)
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
		if err := s.ownInUse(owner, id); err != nil {
			return rec, err
		}
		if err := s.store.SetTopicPublished(ctx, owner, id, false); err != nil {
			return rec, err
		}
		if err := s.sync(ctx); err != nil {
			return rec, err
		}
	default:
		if _, err := s.ParseTopic(id, rec.Catalogue, rec.Notes, false); err != nil {
			return rec, &Error{Code: InvalidTopic, Err: err}
		}
		if err := s.store.SetTopicPublished(ctx, owner, id, true); err != nil {
			return rec, err
		}
		err := s.sync(ctx)
		if err == nil && !s.topics[id].live {
			err = fmt.Errorf("topic %q did not load", id)
		}
		if err != nil {
			_ = s.store.SetTopicPublished(ctx, owner, id, false)
			_ = s.sync(ctx)
			return rec, err
		}
	}
	rec.Published = published
	return rec, nil
}

// DeleteTopic deletes a topic of owner's with every version, unless the
// owner's own published rubrics use it. Other teachers' rubrics on it are
// withdrawn from students.
func (s *Service) DeleteTopic(ctx context.Context, owner int64, id string) error {
	s.Refresh(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, err := s.store.Topic(ctx, id)
	if err == nil && rec.Owner == owner {
		if err := s.ownInUse(owner, id); err != nil {
			return err
		}
	}
	if err := s.store.DeleteTopic(ctx, owner, id); err != nil {
		if rec.Owner != owner && !rec.Published {
			return fmt.Errorf("topic %q: %w", id, store.ErrNotFound)
		}
		return err
	}
	if rec.Published {
		return s.sync(ctx)
	}
	return nil
}

// ownInUse refuses to withdraw a topic that the owner's own published
// rubrics use: they would be withdrawn too, which the owner can choose to
// do. Call with mu held.
func (s *Service) ownInUse(owner int64, id string) error {
	var own []string
	for _, p := range s.usersOf(id) {
		if p.stamp.owner == owner {
			own = append(own, p.r.ID)
		}
	}
	if len(own) > 0 {
		return conflict(
			"Your published rubrics use this topic: %s. Unpublish them, or move them to another topic, first.", strings.Join(own, ", "))
	}
	return nil
}

// sync brings the Library in step with the store: every published topic
// and rubric at its latest version, nothing else of teachers'. Only what
// changed since the last sync is parsed again. A topic or rubric that no
// longer loads is logged and left out. Call with mu held.
func (s *Service) sync(ctx context.Context) error {
	topics, err := s.store.PublishedTopics(ctx)
	if err != nil {
		return err
	}
	list, err := s.store.PublishedRubrics(ctx)
	if err != nil {
		return err
	}

	// Topics first. A new version replaces the old in the Library at once;
	// the rubrics on it move to it below.
	want := map[string]bool{}
	fresh := map[string]bool{} // added or changed: their rubrics are placed again
	gone := map[string]bool{}  // to take out of the Library
	var changed []store.TopicRecord
	for _, rec := range topics {
		if s.bundled[rec.ID] {
			continue
		}
		want[rec.ID] = true
		if cur, ok := s.topics[rec.ID]; !ok || cur.stamp != topicStamp(rec) {
			changed = append(changed, rec)
		}
	}
	// A published topic was checked when it was saved: it is read the
	// first time a student, a rubric or a search uses it, so that a server
	// holding thousands starts at once.
	loaded := make([]error, len(changed))
	for i, rec := range changed {
		loaded[i] = s.lib.AddTopicLater(rec.ID, catalogueTitle(rec.Catalogue), func() (*corpus.Topic, error) {
			t, err := s.ParseTopic(rec.ID, rec.Catalogue, rec.Notes, false)
			if err != nil {
				s.log.Warn("a published topic was left out", "topic", rec.ID, "error", err.Error())
			}
			return t, err
		})
	}
	for i, rec := range changed {
		st := topicStamp(rec)
		cur := s.topics[rec.ID]
		if err := loaded[i]; err != nil {
			s.log.WarnContext(ctx, "a published topic was left out", "topic", rec.ID, "error", err.Error())
			s.topics[rec.ID] = topicState{stamp: st}
			if cur.live {
				gone[rec.ID] = true
			}
			continue
		}
		s.topics[rec.ID] = topicState{stamp: st, live: true}
		fresh[rec.ID] = true
	}
	for id, cur := range s.topics {
		if !want[id] {
			delete(s.topics, id)
			if cur.live {
				gone[id] = true
			}
		}
	}

	// Rubrics that are no longer published, or whose topic went, leave
	// the Library; then the topics that went can.
	published := map[string]bool{}
	for _, rec := range list {
		published[rec.ID] = true
	}
	s.cmu.Lock()
	was := maps.Clone(s.registered)
	s.cmu.Unlock()
	for id, p := range was {
		if !published[id] || gone[p.r.Topic] {
			s.unregister(id)
		}
	}
	for id := range s.withdrawn {
		if !published[id] {
			delete(s.withdrawn, id)
		}
	}
	for id := range gone {
		s.lib.RemoveTopic(id)
		s.forgetTopic(id)
	}
	for id := range fresh {
		s.forgetTopic(id)
	}

	// Then every published rubric that is new, changed, on a topic that
	// changed or went, or withdrawn while a topic came or changed.
	for _, rec := range list {
		st := rubricStamp(rec)
		if p, ok := was[rec.ID]; ok && p.stamp == st && !fresh[p.r.Topic] && !gone[p.r.Topic] {
			continue
		}
		if w, ok := s.withdrawn[rec.ID]; ok && w == st && len(fresh) == 0 {
			continue
		}
		r, err := s.parsedFor(rec)
		if err == nil {
			err = s.place(rec, r)
		} else {
			s.unregister(rec.ID)
			s.withdrawn[rec.ID] = st
		}
		if err != nil {
			s.log.WarnContext(ctx, "a published rubric was withdrawn from students: it no longer validates",
				"rubric", rec.ID, "error", firstProblem(err))
		}
	}
	return nil
}

// catalogueTitle is the title a catalogue's YAML gives at its top level
// ("title: The Weimar Republic"), read from its lines without parsing the
// whole document: for lists of topics, before the topic is read. It is ""
// when the line is not there or not a plain or quoted scalar.
func catalogueTitle(data []byte) string {
	for _, line := range strings.Split(string(data), "\n") {
		v, ok := strings.CutPrefix(strings.TrimRight(line, "\r"), "title:")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch {
		case strings.HasPrefix(v, `"`):
			if u, err := strconv.Unquote(v); err == nil {
				return u
			}
			return ""
		case strings.HasPrefix(v, "'") && strings.HasSuffix(v, "'") && len(v) >= 2:
			return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
		case strings.ContainsAny(v, "#|>{[&*!%@`"):
			return ""
		}
		return v
	}
	return ""
}
