package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"
)

// versionCount is how many versions of a document the database holds.
func versionCount(t *testing.T, s *Store, k kind, id string) int {
	t.Helper()
	var n int
	if err := s.r.QueryRow(`SELECT count(*) FROM document_versions WHERE kind = ? AND id = ?`, k, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestStoreKeepsVersions: each rubric and topic keeps its newest
// KeptVersions versions, the published one among them; older ones go, and
// other documents keep theirs.
func TestStoreKeepsVersions(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	ada := addTeacher(t, s, "ada")
	const saves = KeptVersions + 10
	tests := []struct {
		kind    kind
		save    func(id string, i int) error
		version func(id string, v int) (string, error)
		publish func(id string) error
		latest  func(id string) (int, bool, error)
	}{
		{rubricKind,
			func(id string, i int) error {
				_, err := s.SaveRubric(ctx, ada.ID, id, fmt.Appendf(nil, "id: %s\nsave: %d\n", id, i))
				return err
			},
			func(id string, v int) (string, error) {
				r, err := s.RubricVersion(ctx, id, v)
				return string(r.YAML), err
			},
			func(id string) error { return s.SetPublished(ctx, ada.ID, id, true) },
			func(id string) (int, bool, error) {
				r, err := s.Rubric(ctx, id)
				return r.Version, r.Published, err
			}},
		{topicKind,
			func(id string, i int) error {
				_, err := s.SaveTopic(ctx, ada.ID, id, fmt.Sprintf("notes %d", i), fmt.Appendf(nil, "save: %d\n", i))
				return err
			},
			func(id string, v int) (string, error) {
				r, err := s.TopicVersion(ctx, id, v)
				return string(r.Catalogue), err
			},
			func(id string) error { return s.SetTopicPublished(ctx, ada.ID, id, true) },
			func(id string) (int, bool, error) {
				r, err := s.Topic(ctx, id)
				return r.Version, r.Published, err
			}},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			if err := tt.save("few", 1); err != nil {
				t.Fatal(err)
			}
			for i := 1; i <= saves; i++ {
				if err := tt.save("often", i); err != nil {
					t.Fatal(err)
				}
				if i == saves/2 {
					if err := tt.publish("often"); err != nil {
						t.Fatal(err)
					}
				}
			}
			if n := versionCount(t, s, tt.kind, "often"); n != KeptVersions {
				t.Errorf("%d versions kept after %d saves, want %d", n, saves, KeptVersions)
			}
			v, published, err := tt.latest("often")
			if err != nil || v != saves || !published {
				t.Errorf("latest: version %d, published %v, %v; want version %d, published", v, published, err, saves)
			}
			for v := 1; v <= saves; v++ {
				body, err := tt.version("often", v)
				kept := v > saves-KeptVersions
				switch {
				case kept && (err != nil || body == ""):
					t.Errorf("version %d: %q, %v; want it kept", v, body, err)
				case !kept && !errors.Is(err, ErrNotFound):
					t.Errorf("version %d: %v; want it gone (ErrNotFound)", v, err)
				}
			}
			if n := versionCount(t, s, tt.kind, "few"); n != 1 {
				t.Errorf("another %s has %d versions, want its 1", tt.kind, n)
			}
		})
	}
}

// TestStorePrunesOldDatabases: a database from before versions were
// bounded loses its old versions when opened, and its file shrinks.
func TestStorePrunesOldDatabases(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	dir := t.TempDir()
	s := open(t, dir)
	ada := addTeacher(t, s, "ada")
	// Back to the schema before keepVersionsStep.
	if _, err := s.w.Exec(`DROP TRIGGER document_versions_keep; DROP TABLE secrets; DELETE FROM schema_version WHERE version >= ?`, keepVersionsSchema); err != nil {
		t.Fatal(err)
	}
	const saves = 3 * KeptVersions
	for i := 1; i <= saves; i++ {
		if _, err := s.SaveRubric(ctx, ada.ID, "often", append(bigBody, fmt.Sprint(i)...)); err != nil {
			t.Fatal(err)
		}
	}
	if n := versionCount(t, s, rubricKind, "often"); n != saves {
		t.Fatalf("%d versions before the step, want %d", n, saves)
	}
	s.Close()
	before, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}

	s = open(t, dir)
	if n := versionCount(t, s, rubricKind, "often"); n != KeptVersions {
		t.Errorf("%d versions after opening, want %d", n, KeptVersions)
	}
	if r, err := s.Rubric(ctx, "often"); err != nil || r.Version != saves {
		t.Errorf("latest = version %d, %v; want %d", r.Version, err, saves)
	}
	s.Close()
	after, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if after.Size() >= before.Size()*2/3 {
		t.Errorf("the file is %d bytes after pruning, %d before: its space was not given back", after.Size(), before.Size())
	}
	if migrations[keepVersionsSchema-1] != keepVersionsStep {
		t.Errorf("schema step %d is not keepVersionsStep", keepVersionsSchema)
	}
}
