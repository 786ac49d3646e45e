package web

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
)

// shelf keeps teachers' rubrics and topics. It stores them and keeps the
// Library in step with the store: a published rubric can be checked, and a
// published topic searched, the moment it is published; a draft never can
// be, except by its owner's preview.
type shelf struct {
	store   *store.Store
	lib     *rubrics.Library
	log     *slog.Logger
	bundled map[string]bool // topics that ship with rubricate

	// mu serialises changes: each store write and the Library update that
	// follows it happen together, so that when teachers save at once the
	// Library ends as the store does.
	mu sync.Mutex

	// cmu guards the maps below.
	cmu        sync.Mutex
	registered map[string]parsed // rubric id -> the version in the Library
	drafts     map[string]parsed // rubric id -> its latest version, parsed
}

// parsed is a rubric as parsed from one stored version. Only one *Rubric
// is kept per version, since the Library compiles each pointer once.
type parsed struct {
	version int
	r       *rubrics.Rubric
}

// reservedIDs cannot be rubric or topic ids: they are pages of the
// teacher's workspace.
var reservedIDs = map[string]bool{"new": true, "import": true, "validate": true}

func newShelf(st *store.Store, lib *rubrics.Library, log *slog.Logger) *shelf {
	s := &shelf{store: st, lib: lib, log: log, bundled: map[string]bool{},
		registered: map[string]parsed{}, drafts: map[string]parsed{}}
	for _, id := range lib.TopicIDs() {
		s.bundled[id] = true
	}
	return s
}

// load registers every published topic, then every published rubric. A
// document that no longer loads is logged and left out, so that one bad
// rubric does not keep the server from starting.
func (s *shelf) load(ctx context.Context) error {
	topics, err := s.store.PublishedTopics(ctx)
	if err != nil {
		return err
	}
	for _, rec := range topics {
		t, err := s.parseTopic(rec.ID, rec.Catalogue, rec.Notes, false)
		if err == nil {
			err = s.lib.AddTopic(t)
		}
		if err != nil {
			s.log.WarnContext(ctx, "a published topic was left out", "topic", rec.ID, "error", err.Error())
		}
	}
	list, err := s.store.PublishedRubrics(ctx)
	if err != nil {
		return err
	}
	for _, rec := range list {
		r, err := s.parseRubric(rec.ID+".yaml", rec.YAML)
		if err == nil {
			err = s.register(r, rec.Version)
		}
		if err != nil {
			s.log.WarnContext(ctx, "a published rubric was left out", "rubric", rec.ID, "error", err.Error())
		}
	}
	return nil
}

// parseRubric parses and validates a rubric and compiles it once, so that
// a rule or date the Library cannot use is reported now, at its line,
// rather than when it is checked.
func (s *shelf) parseRubric(name string, data []byte) (*rubrics.Rubric, error) {
	// Parse checks everything a check needs (rules, dates, figures), each
	// at its line.
	return rubrics.Parse(name, bytes.NewReader(data), s.lib)
}

// register puts a version of a rubric in the Library. Call with mu held
// (or before serving).
func (s *shelf) register(r *rubrics.Rubric, version int) error {
	if err := s.lib.Add(r); err != nil {
		return err
	}
	s.cmu.Lock()
	s.registered[r.ID] = parsed{version: version, r: r}
	s.cmu.Unlock()
	s.remember(r.ID, version, r)
	return nil
}

// unregister takes a rubric out of the Library. Call with mu held.
func (s *shelf) unregister(id string) {
	s.lib.Remove(id)
	s.cmu.Lock()
	delete(s.registered, id)
	s.cmu.Unlock()
}

// remember keeps r as the parsed latest version of id, dropping the one it
// replaces.
func (s *shelf) remember(id string, version int, r *rubrics.Rubric) {
	s.cmu.Lock()
	defer s.cmu.Unlock()
	if old, ok := s.drafts[id]; ok && old.r != r {
		if reg, ok := s.registered[id]; !ok || reg.r != old.r {
			s.lib.Forget(old.r)
		}
	}
	s.drafts[id] = parsed{version: version, r: r}
}

// forget drops the parsed version of id.
func (s *shelf) forget(id string) {
	s.cmu.Lock()
	defer s.cmu.Unlock()
	if old, ok := s.drafts[id]; ok {
		s.lib.Forget(old.r)
		delete(s.drafts, id)
	}
}

// versionOf is the version of a teacher's rubric, 0 for a built-in one or
// an unsaved draft, for the report to name.
func (s *shelf) versionOf(r *rubrics.Rubric) int {
	s.cmu.Lock()
	defer s.cmu.Unlock()
	for _, m := range []map[string]parsed{s.registered, s.drafts} {
		if p, ok := m[r.ID]; ok && p.r == r {
			return p.version
		}
	}
	return 0
}

// rubric returns the latest version of a teacher's rubric and the rubric
// parsed from it; err is a validation error when the stored YAML no longer
// validates (its topic was withdrawn), with the record still returned.
func (s *shelf) rubric(ctx context.Context, id string) (store.RubricRecord, *rubrics.Rubric, error) {
	rec, err := s.store.Rubric(ctx, id)
	if err != nil {
		return rec, nil, err
	}
	s.cmu.Lock()
	p, ok := s.drafts[id]
	s.cmu.Unlock()
	if ok && p.version == rec.Version {
		return rec, p.r, nil
	}
	r, err := s.parseRubric(id+".yaml", rec.YAML)
	if err != nil {
		return rec, nil, err
	}
	s.remember(id, rec.Version, r)
	return rec, r, nil
}

// visible returns a teacher's rubric for a caller (a teacher's id, or 0
// for a student): ErrNotFound for a draft unless the caller owns it.
func (s *shelf) visible(ctx context.Context, caller int64, id string) (store.RubricRecord, *rubrics.Rubric, error) {
	rec, r, err := s.rubric(ctx, id)
	if rec.ID == "" { // not stored, or the store failed
		return rec, nil, err
	}
	if !rec.Published && rec.Owner != caller {
		return store.RubricRecord{}, nil, fmt.Errorf("rubric %q: %w", id, store.ErrNotFound)
	}
	return rec, r, err
}

// saveRubric stores r, parsed from data, as the next version of its id; a
// published rubric's new version replaces the old in the Library at once.
func (s *shelf) saveRubric(ctx context.Context, owner int64, r *rubrics.Rubric, data []byte) (store.RubricRecord, error) {
	if err := s.checkRubricID(r.ID); err != nil {
		return store.RubricRecord{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v, err := s.store.SaveRubric(ctx, owner, r.ID, data)
	if err != nil {
		return store.RubricRecord{}, err
	}
	rec, err := s.store.Rubric(ctx, r.ID)
	if err != nil {
		return rec, err
	}
	if rec.Published {
		if err := s.register(r, v); err != nil {
			return rec, err
		}
	}
	s.remember(r.ID, v, r)
	return rec, nil
}

// checkRubricID refuses the ids of built-in rubrics and workspace pages.
func (s *shelf) checkRubricID(id string) error {
	switch {
	case s.lib.IsBuiltin(id):
		return userError(codeConflict, "%q is a built-in rubric: give yours another id.", id)
	case reservedIDs[id]:
		return userError(codeConflict, "%q cannot be a rubric's id: choose another.", id)
	}
	return nil
}

// setPublished publishes or unpublishes a rubric of owner's.
func (s *shelf) setPublished(ctx context.Context, owner int64, id string, published bool) (store.RubricRecord, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, r, err := s.rubric(ctx, id)
	switch {
	case rec.ID == "": // not stored, or the store failed
		return rec, err
	case rec.Owner != owner:
		if !rec.Published {
			return store.RubricRecord{}, fmt.Errorf("rubric %q: %w", id, store.ErrNotFound)
		}
		return store.RubricRecord{}, fmt.Errorf("rubric %q: %w", id, store.ErrForbidden)
	case !published:
		if err := s.store.SetPublished(ctx, owner, id, false); err != nil {
			return rec, err
		}
		s.unregister(id)
	case err != nil:
		return rec, invalidDoc(codeInvalidRubric, err)
	default:
		if err := s.store.SetPublished(ctx, owner, id, true); err != nil {
			return rec, err
		}
		if err := s.register(r, rec.Version); err != nil {
			_ = s.store.SetPublished(ctx, owner, id, false)
			return rec, err
		}
	}
	rec.Published = published
	return rec, nil
}

// deleteRubric deletes a rubric of owner's with every version.
func (s *shelf) deleteRubric(ctx context.Context, owner int64, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.store.DeleteRubric(ctx, owner, id); err != nil {
		return err
	}
	s.unregister(id)
	s.forget(id)
	return nil
}

// users lists the published rubrics that use a topic. Call with mu held
// to act on the answer.
func (s *shelf) users(topic string) []string {
	var ids []string
	for _, id := range s.lib.RubricIDs() {
		if r, ok := s.lib.Rubric(id); ok && r.Topic == topic && !s.lib.IsBuiltin(id) {
			ids = append(ids, id)
		}
	}
	return ids
}
