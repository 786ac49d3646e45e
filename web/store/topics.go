package store

import (
	"context"
	"time"
)

// TopicRecord is one version of a teacher's topic: revision notes and the
// evidence catalogue drafted from them. The store reads neither.
type TopicRecord struct {
	ID        string
	Owner     int64  // the teacher's ID
	OwnerName string // the teacher's name
	Notes     string // plain text or Markdown
	Catalogue []byte // the evidence catalogue's YAML
	Version   int    // from 1, one more for every save
	Published bool   // students see published topics (their latest version)
	Created   time.Time
	Updated   time.Time // when this version was saved
}

func (d document) topic() TopicRecord {
	return TopicRecord{ID: d.id, Owner: d.owner, OwnerName: d.ownerName, Notes: d.notes, Catalogue: d.body,
		Version: d.version, Published: d.published, Created: d.created, Updated: d.updated}
}

func topicRecords(docs []document, err error) ([]TopicRecord, error) {
	if err != nil {
		return nil, err
	}
	list := make([]TopicRecord, len(docs))
	for i, d := range docs {
		list[i] = d.topic()
	}
	return list, nil
}

// SaveTopic stores notes and catalogue as the next version of topic id and
// returns its version, like SaveRubric.
func (s *Store) SaveTopic(ctx context.Context, owner int64, id, notes string, catalogue []byte) (int, error) {
	return s.save(ctx, topicKind, owner, id, notes, catalogue)
}

// Topic returns the latest version of a topic, published or not.
func (s *Store) Topic(ctx context.Context, id string) (TopicRecord, error) {
	d, err := s.get(ctx, topicKind, id, 0)
	return d.topic(), err
}

// TopicVersion returns one version of a topic.
func (s *Store) TopicVersion(ctx context.Context, id string, version int) (TopicRecord, error) {
	if version < 1 {
		return TopicRecord{}, notFoundVersion(topicKind, id, version)
	}
	d, err := s.get(ctx, topicKind, id, version)
	return d.topic(), err
}

// TopicsByOwner lists a teacher's topics (latest versions) by id.
func (s *Store) TopicsByOwner(ctx context.Context, owner int64) ([]TopicRecord, error) {
	return topicRecords(s.list(ctx, topicKind, "d.owner = ?", owner))
}

// PublishedTopics lists every teacher's published topics (latest
// versions) by id.
func (s *Store) PublishedTopics(ctx context.Context) ([]TopicRecord, error) {
	return topicRecords(s.list(ctx, topicKind, "d.published = ?", true))
}

// SetTopicPublished publishes or unpublishes a topic of owner's, like
// SetPublished.
func (s *Store) SetTopicPublished(ctx context.Context, owner int64, id string, published bool) error {
	return s.setPublished(ctx, topicKind, owner, id, published)
}

// DeleteTopic deletes a topic of owner's with all its versions, like
// DeleteRubric.
func (s *Store) DeleteTopic(ctx context.Context, owner int64, id string) error {
	return s.delete(ctx, topicKind, owner, id)
}
