package store

import (
	"context"
	"time"
)

// RubricRecord is one version of a teacher's rubric. The store does not
// read the YAML: callers parse and validate it with the rubrics package.
type RubricRecord struct {
	ID        string
	Owner     int64  // the teacher's ID
	OwnerName string // the teacher's name
	YAML      []byte
	Version   int  // from 1, one more for every save
	Published bool // students see published rubrics (their latest version)
	Created   time.Time
	Updated   time.Time // when this version was saved
}

func (d document) rubric() RubricRecord {
	return RubricRecord{ID: d.id, Owner: d.owner, OwnerName: d.ownerName, YAML: d.body,
		Version: d.version, Published: d.published, Created: d.created, Updated: d.updated}
}

func rubricRecords(docs []document, err error) ([]RubricRecord, error) {
	if err != nil {
		return nil, err
	}
	list := make([]RubricRecord, len(docs))
	for i, d := range docs {
		list[i] = d.rubric()
	}
	return list, nil
}

// SaveRubric stores yaml as the next version of rubric id (version 1 for a
// new rubric; earlier versions are kept) and returns its version.
// ErrForbidden if id belongs to another teacher, ErrNotFound if owner is
// not a teacher. A new rubric starts unpublished; saving a published one
// publishes the new version at once.
func (s *Store) SaveRubric(ctx context.Context, owner int64, id string, yaml []byte) (int, error) {
	return s.save(ctx, rubricKind, owner, id, "", yaml)
}

// Rubric returns the latest version of a rubric, published or not: the
// caller decides who may see a draft.
func (s *Store) Rubric(ctx context.Context, id string) (RubricRecord, error) {
	d, err := s.get(ctx, rubricKind, id, 0)
	return d.rubric(), err
}

// RubricVersion returns one version of a rubric.
func (s *Store) RubricVersion(ctx context.Context, id string, version int) (RubricRecord, error) {
	if version < 1 {
		return RubricRecord{}, notFoundVersion(rubricKind, id, version)
	}
	d, err := s.get(ctx, rubricKind, id, version)
	return d.rubric(), err
}

// RubricsByOwner lists a teacher's rubrics (latest versions) by id.
func (s *Store) RubricsByOwner(ctx context.Context, owner int64) ([]RubricRecord, error) {
	return rubricRecords(s.list(ctx, rubricKind, "d.owner = ?", owner))
}

// PublishedRubrics lists every teacher's published rubrics (latest
// versions) by id.
func (s *Store) PublishedRubrics(ctx context.Context) ([]RubricRecord, error) {
	return rubricRecords(s.list(ctx, rubricKind, "d.published = ?", true))
}

// SetPublished publishes or unpublishes a rubric of owner's. ErrNotFound
// if there is no such rubric, ErrForbidden if it is another teacher's.
func (s *Store) SetPublished(ctx context.Context, owner int64, id string, published bool) error {
	return s.setPublished(ctx, rubricKind, owner, id, published)
}

// DeleteRubric deletes a rubric of owner's with all its versions.
// ErrNotFound if there is no such rubric, ErrForbidden if it is another
// teacher's.
func (s *Store) DeleteRubric(ctx context.Context, owner int64, id string) error {
	return s.delete(ctx, rubricKind, owner, id)
}
