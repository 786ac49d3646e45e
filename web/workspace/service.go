package workspace

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
)

// Service keeps teachers' rubrics and topics. It stores them and keeps the
// Library in step with the store: a published rubric can be checked, and a
// published topic searched, the moment it is published; a draft never can
// be, except by its owner's preview.
//
// The store is the truth, also when another process changes it (the
// teacher command removing a teacher, say): Refresh notices and brings the
// Library back in step. A published rubric that no longer validates, most
// often because the owner of its topic withdrew or changed it, stays
// published in the store but is withdrawn from the Library until it
// validates again.
type Service struct {
	store   *store.Store
	lib     *rubrics.Library
	log     *slog.Logger
	bundled map[string]bool // topics that ship with rubricate

	// mu serialises changes: each store write and the Library update that
	// follows it happen together, so that when teachers save at once the
	// Library ends as the store does.
	mu sync.Mutex

	// Guarded by mu: what of the store the Library holds.
	topics    map[string]topicState // published teacher topic id -> its state
	withdrawn map[string]stamp      // published rubrics left out of the Library

	// seen is the store's DataVersion the Library was last brought in
	// step with.
	seen atomic.Int64

	// cmu guards the maps below.
	cmu        sync.Mutex
	registered map[string]parsed // rubric id -> the version in the Library
	drafts     map[string]parsed // rubric id -> its latest version, parsed
}

// stamp tells one version of a rubric or topic from every other, also from
// a version with the same number of a document deleted and made again
// under the same id.
type stamp struct {
	owner   int64
	created int64 // Unix milliseconds
	version int
}

func rubricStamp(rec store.RubricRecord) stamp {
	return stamp{owner: rec.Owner, created: rec.Created.UnixMilli(), version: rec.Version}
}

func topicStamp(rec store.TopicRecord) stamp {
	return stamp{owner: rec.Owner, created: rec.Created.UnixMilli(), version: rec.Version}
}

// topicState is a published teacher topic as the Service last saw it; live
// is false when it did not load, so it is not in the Library.
type topicState struct {
	stamp stamp
	live  bool
}

// parsed is a rubric as parsed from one stored version. Only one *Rubric
// is kept per version, since the Library compiles each pointer once.
type parsed struct {
	stamp stamp
	yaml  []byte
	r     *rubrics.Rubric
}

// reservedIDs cannot be rubric or topic ids: they are pages of the
// teacher's workspace.
var reservedIDs = map[string]bool{"new": true, "import": true, "validate": true}

// pollInterval is how often the server looks for changes other processes
// made to the store, for the routes that do not look themselves.
const pollInterval = time.Second

func New(st *store.Store, lib *rubrics.Library, log *slog.Logger) *Service {
	s := &Service{store: st, lib: lib, log: log, bundled: map[string]bool{},
		topics: map[string]topicState{}, withdrawn: map[string]stamp{},
		registered: map[string]parsed{}, drafts: map[string]parsed{}}
	for _, id := range lib.TopicIDs() {
		s.bundled[id] = true
	}
	return s
}

// Load registers every published topic, then every published rubric, and
// starts looking for changes other processes make. A document that no
// longer loads is logged and left out, so that one bad rubric does not
// keep the server from starting.
func (s *Service) Load(ctx context.Context) error {
	v, err := s.store.DataVersion(ctx)
	if err != nil {
		return err
	}
	s.mu.Lock()
	err = s.sync(ctx)
	s.mu.Unlock()
	if err != nil {
		return err
	}
	s.seen.Store(v)
	go s.Watch(pollInterval)
	return nil
}

// resyncEvery is how many polls pass between syncs made whether or not
// the store's DataVersion changed: should the writer's connection ever be
// replaced, its DataVersion starts again and could miss a change.
const resyncEvery = 60

// Watch refreshes the Service every interval until the store is closed.
func (s *Service) Watch(interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for n := 1; ; n++ {
		<-t.C
		if n%resyncEvery == 0 {
			s.seen.Store(-1) // no DataVersion: the next refresh syncs
		}
		if errors.Is(s.Refresh(context.Background()), store.ErrClosed) {
			return
		}
	}
}

// Refresh brings the Library in step with the store if another process
// changed the store since it last was. It costs one small query when
// nothing changed; routes that list or serve published content call it
// first. An error is logged (and returned): the Library stays as it was,
// and the next refresh tries again.
func (s *Service) Refresh(ctx context.Context) error {
	v, err := s.store.DataVersion(ctx)
	if err == nil && v == s.seen.Load() {
		return nil
	}
	if err == nil {
		s.mu.Lock()
		if v != s.seen.Load() {
			if err = s.sync(ctx); err == nil {
				s.seen.Store(v)
			}
		}
		s.mu.Unlock()
	}
	if err != nil && !errors.Is(err, store.ErrClosed) {
		// The store may have been closed while the Service read it.
		if _, verr := s.store.DataVersion(ctx); errors.Is(verr, store.ErrClosed) {
			return verr
		}
	}
	if err != nil && !errors.Is(err, store.ErrClosed) && ctx.Err() == nil {
		s.log.ErrorContext(ctx, "the published rubrics and topics could not be brought up to date", "error", err.Error())
	}
	return err
}

// ParseRubric parses and validates a rubric and compiles it once, so that
// a rule or date the Library cannot use is reported now, at its line,
// rather than when it is checked.
func (s *Service) ParseRubric(name string, data []byte) (*rubrics.Rubric, error) {
	// Parse checks everything a check needs (rules, dates, figures), each
	// at its line.
	return rubrics.Parse(name, bytes.NewReader(data), s.lib)
}

// place puts r, parsed from rec (a published rubric's latest version), in
// the Library; if it cannot go there, it is withdrawn: taken out of the
// Library, with rec still published. Call with mu held.
func (s *Service) place(rec store.RubricRecord, r *rubrics.Rubric) error {
	st := rubricStamp(rec)
	if err := s.lib.AddVersion(r, rec.Version); err != nil {
		s.unregister(rec.ID)
		s.withdrawn[rec.ID] = st
		return err
	}
	delete(s.withdrawn, rec.ID)
	p := parsed{stamp: st, yaml: rec.YAML, r: r}
	s.cmu.Lock()
	s.registered[r.ID] = p
	s.cmu.Unlock()
	s.remember(p)
	return nil
}

// unregister takes a rubric out of the Library. Call with mu held.
func (s *Service) unregister(id string) {
	s.lib.Remove(id)
	s.cmu.Lock()
	delete(s.registered, id)
	s.cmu.Unlock()
}

// IsRegistered reports whether rec's version is the one in the Library.
func (s *Service) IsRegistered(rec store.RubricRecord) bool {
	s.cmu.Lock()
	defer s.cmu.Unlock()
	p, ok := s.registered[rec.ID]
	return ok && p.stamp == rubricStamp(rec)
}

// remember keeps p as the parsed latest version of its rubric, dropping
// the one it replaces.
func (s *Service) remember(p parsed) {
	s.cmu.Lock()
	defer s.cmu.Unlock()
	s.drafts[p.r.ID] = p
}

// forget drops the parsed version of id.
func (s *Service) forget(id string) {
	s.cmu.Lock()
	defer s.cmu.Unlock()
	delete(s.drafts, id)
}

// Rubric returns the latest version of a teacher's rubric and the rubric
// parsed from it; err is a validation error when the stored YAML no longer
// validates (its topic was withdrawn), with the record still returned.
func (s *Service) Rubric(ctx context.Context, id string) (store.RubricRecord, *rubrics.Rubric, error) {
	rec, err := s.store.Rubric(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		s.forget(id)
	}
	if err != nil {
		return rec, nil, err
	}
	r, err := s.parsedFor(rec)
	return rec, r, err
}

// parsedFor is the rubric parsed from rec: the one parsed before if rec is
// the version it was parsed from, else parsed now and remembered.
func (s *Service) parsedFor(rec store.RubricRecord) (*rubrics.Rubric, error) {
	st := rubricStamp(rec)
	s.cmu.Lock()
	p, ok := s.drafts[rec.ID]
	s.cmu.Unlock()
	// The stamp and the text both: a rubric deleted by another process
	// and saved again under its id starts again at version 1.
	if ok && p.stamp == st && bytes.Equal(p.yaml, rec.YAML) {
		return p.r, nil
	}
	r, err := s.ParseRubric(rec.ID+".yaml", rec.YAML)
	if err != nil {
		s.forget(rec.ID)
		return nil, err
	}
	s.remember(parsed{stamp: st, yaml: rec.YAML, r: r})
	return r, nil
}

// errNoRubric is the answer about a rubric the caller may not see.
func errNoRubric(id string) error {
	return fmt.Errorf("rubric %q: %w", id, store.ErrNotFound)
}

// Visible returns a teacher's rubric for a caller (a teacher's id, or 0
// for a student): ErrNotFound for a draft, or a published rubric withdrawn
// from students, unless the caller owns it.
func (s *Service) Visible(ctx context.Context, caller int64, id string) (store.RubricRecord, *rubrics.Rubric, error) {
	rec, r, err := s.Rubric(ctx, id)
	if rec.ID == "" { // not stored, or the store failed
		return rec, nil, err
	}
	if !s.SeenBy(rec, caller) {
		return store.RubricRecord{}, nil, errNoRubric(id)
	}
	return rec, r, err
}

// SaveRubric stores r, parsed from data, as the next version of its id; a
// published rubric's new version replaces the old in the Library at once.
func (s *Service) SaveRubric(ctx context.Context, owner int64, r *rubrics.Rubric, data []byte) (store.RubricRecord, error) {
	if err := s.CheckRubricID(r.ID); err != nil {
		return store.RubricRecord{}, err
	}
	s.Refresh(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.store.SaveRubric(ctx, owner, r.ID, data); err != nil {
		return store.RubricRecord{}, err
	}
	rec, err := s.store.Rubric(ctx, r.ID)
	if err != nil {
		return rec, err
	}
	if rec.Published {
		if err := s.place(rec, r); err != nil {
			return rec, err
		}
	}
	s.remember(parsed{stamp: rubricStamp(rec), yaml: rec.YAML, r: r})
	return rec, nil
}

// CheckRubricID refuses the ids of built-in rubrics and workspace pages.
func (s *Service) CheckRubricID(id string) error {
	switch {
	case s.lib.IsBuiltin(id):
		return conflict("%q is a built-in rubric: give yours another id.", id)
	case reservedIDs[id]:
		return conflict("%q cannot be a rubric's id: choose another.", id)
	}
	return nil
}

// SetPublished publishes or unpublishes a rubric of owner's.
func (s *Service) SetPublished(ctx context.Context, owner int64, id string, published bool) (store.RubricRecord, error) {
	s.Refresh(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, r, err := s.Rubric(ctx, id)
	switch {
	case rec.ID == "": // not stored, or the store failed
		return rec, err
	case rec.Owner != owner:
		if !s.SeenBy(rec, owner) {
			return store.RubricRecord{}, errNoRubric(id)
		}
		return store.RubricRecord{}, fmt.Errorf("rubric %q: %w", id, store.ErrForbidden)
	case !published:
		if err := s.store.SetPublished(ctx, owner, id, false); err != nil {
			return rec, err
		}
		s.unregister(id)
		delete(s.withdrawn, id)
	case err != nil:
		return rec, &Error{Code: InvalidRubric, Err: err}
	default:
		if err := s.store.SetPublished(ctx, owner, id, true); err != nil {
			return rec, err
		}
		rec.Published = true
		if err := s.place(rec, r); err != nil {
			_ = s.store.SetPublished(ctx, owner, id, false)
			delete(s.withdrawn, id)
			return rec, err
		}
	}
	rec.Published = published
	return rec, nil
}

// DeleteRubric deletes a rubric of owner's with every version.
func (s *Service) DeleteRubric(ctx context.Context, owner int64, id string) error {
	s.Refresh(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.store.DeleteRubric(ctx, owner, id); err != nil {
		return err
	}
	s.unregister(id)
	delete(s.withdrawn, id)
	s.forget(id)
	return nil
}

// Users lists the published rubrics in the Library that use a topic.
// Call with mu held to act on the answer.
func (s *Service) Users(topic string) []string {
	var ids []string
	for _, p := range s.usersOf(topic) {
		ids = append(ids, p.r.ID)
	}
	return ids
}

// usersOf is the versions in the Library of the published rubrics that
// use a topic, by id.
func (s *Service) usersOf(topic string) []parsed {
	s.cmu.Lock()
	defer s.cmu.Unlock()
	var out []parsed
	for _, id := range s.lib.RubricIDs() {
		if p, ok := s.registered[id]; ok && p.r.Topic == topic {
			out = append(out, p)
		}
	}
	return out
}

// SeenBy reports whether a teacher (or 0, a student) may see a rubric:
// their own, or one published and in the Library.
func (s *Service) SeenBy(rec store.RubricRecord, caller int64) bool {
	return rec.Owner == caller || rec.Published && s.IsRegistered(rec)
}

// IsBundled reports whether id is a topic that ships with rubricate.
func (s *Service) IsBundled(id string) bool { return s.bundled[id] }
