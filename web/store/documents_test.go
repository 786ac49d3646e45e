package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestStoreRubricVersions(t *testing.T) {
	ctx := context.Background()
	s, clk := newStore(t)
	alice := addTeacher(t, s, "alice")
	start := clk.Now()
	for i := 1; i <= 3; i++ {
		v, err := s.SaveRubric(ctx, alice.ID, "mine", []byte(fmt.Sprintf("marks: %d", i)))
		if err != nil || v != i {
			t.Fatalf("save %d = %d, %v", i, v, err)
		}
		clk.Add(time.Minute)
	}
	latest, err := s.Rubric(ctx, "mine")
	if err != nil {
		t.Fatal(err)
	}
	want := RubricRecord{ID: "mine", Owner: alice.ID, OwnerName: "alice", YAML: []byte("marks: 3"), Version: 3,
		Created: start, Updated: start.Add(2 * time.Minute)}
	if fmt.Sprint(latest) != fmt.Sprint(want) {
		t.Errorf("Rubric =\n%+v, want\n%+v", latest, want)
	}
	tests := []struct {
		version int
		yaml    string
		want    error
	}{
		{1, "marks: 1", nil}, {2, "marks: 2", nil}, {3, "marks: 3", nil},
		{0, "", ErrNotFound}, {4, "", ErrNotFound}, {-1, "", ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.version), func(t *testing.T) {
			got, err := s.RubricVersion(ctx, "mine", tt.version)
			if !errors.Is(err, tt.want) || string(got.YAML) != tt.yaml || (err == nil && got.Version != tt.version) {
				t.Errorf("RubricVersion = %+v, %v", got, err)
			}
		})
	}
	if _, err := s.Rubric(ctx, "nothing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown rubric: %v", err)
	}
	if _, err := s.SaveRubric(ctx, 9999, "orphan", []byte("x")); !errors.Is(err, ErrNotFound) {
		t.Errorf("save by an unknown teacher: %v", err)
	}
	for _, id := range []string{"", " padded ", "tab\there", strings.Repeat("x", 200)} {
		if _, err := s.SaveRubric(ctx, alice.ID, id, []byte("x")); !errors.Is(err, ErrInvalid) {
			t.Errorf("id %q: %v, want ErrInvalid", id, err)
		}
	}
}

// TestStoreOwnership: no teacher may change another's rubric or topic.
func TestStoreOwnership(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	alice := addTeacher(t, s, "alice")
	bob := addTeacher(t, s, "bob")
	if _, err := s.SaveRubric(ctx, alice.ID, "alices", []byte("original")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveTopic(ctx, alice.ID, "alices", "original notes", []byte("original")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		do   func(owner int64, id string) error
	}{
		{"save rubric", func(o int64, id string) error { _, err := s.SaveRubric(ctx, o, id, []byte("hijacked")); return err }},
		{"publish rubric", func(o int64, id string) error { return s.SetPublished(ctx, o, id, true) }},
		{"unpublish rubric", func(o int64, id string) error { return s.SetPublished(ctx, o, id, false) }},
		{"delete rubric", func(o int64, id string) error { return s.DeleteRubric(ctx, o, id) }},
		{"save topic", func(o int64, id string) error {
			_, err := s.SaveTopic(ctx, o, id, "hijacked", []byte("hijacked"))
			return err
		}},
		{"publish topic", func(o int64, id string) error { return s.SetTopicPublished(ctx, o, id, true) }},
		{"delete topic", func(o int64, id string) error { return s.DeleteTopic(ctx, o, id) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.do(bob.ID, "alices"); !errors.Is(err, ErrForbidden) {
				t.Errorf("bob: %v, want ErrForbidden", err)
			}
			if strings.HasPrefix(tt.name, "save") {
				return
			}
			if err := tt.do(alice.ID, "missing"); !errors.Is(err, ErrNotFound) {
				t.Errorf("missing: %v, want ErrNotFound", err)
			}
		})
	}
	r, err := s.Rubric(ctx, "alices")
	if err != nil || string(r.YAML) != "original" || r.Version != 1 || r.Published || r.Owner != alice.ID {
		t.Errorf("alice's rubric after bob's attempts: %+v, %v", r, err)
	}
	tp, err := s.Topic(ctx, "alices")
	if err != nil || tp.Notes != "original notes" || tp.Version != 1 || tp.Published {
		t.Errorf("alice's topic after bob's attempts: %+v, %v", tp, err)
	}
	// Her own changes go through.
	if err := s.DeleteRubric(ctx, alice.ID, "alices"); err != nil {
		t.Errorf("alice deleting her rubric: %v", err)
	}
	if _, err := s.RubricVersion(ctx, "alices", 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("a version of a deleted rubric: %v", err)
	}
	// Once deleted, the id is free for anyone.
	if v, err := s.SaveRubric(ctx, bob.ID, "alices", []byte("bob's now")); err != nil || v != 1 {
		t.Errorf("reusing a deleted id: %d, %v", v, err)
	}
}

func TestStorePublish(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	alice := addTeacher(t, s, "alice")
	bob := addTeacher(t, s, "bob")
	for _, r := range []struct {
		owner int64
		id    string
	}{{alice.ID, "a2"}, {alice.ID, "a1"}, {bob.ID, "b1"}} {
		if _, err := s.SaveRubric(ctx, r.owner, r.id, []byte(r.id)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveTopic(ctx, r.owner, r.id, r.id, nil); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(list []RubricRecord, err error) string {
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range list {
			out = append(out, r.ID)
		}
		return strings.Join(out, ",")
	}
	topicIDs := func(list []TopicRecord, err error) string {
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range list {
			out = append(out, r.ID)
		}
		return strings.Join(out, ",")
	}
	steps := []struct {
		name      string
		do        func() error
		published string
	}{
		{"none yet", func() error { return nil }, ""},
		{"publish a1", func() error { return s.SetPublished(ctx, alice.ID, "a1", true) }, "a1"},
		{"publish b1", func() error { return s.SetPublished(ctx, bob.ID, "b1", true) }, "a1,b1"},
		{"publish a1 again", func() error { return s.SetPublished(ctx, alice.ID, "a1", true) }, "a1,b1"},
		{"unpublish a1", func() error { return s.SetPublished(ctx, alice.ID, "a1", false) }, "b1"},
		{"new version of b1 stays published", func() error {
			_, err := s.SaveRubric(ctx, bob.ID, "b1", []byte("b1 v2"))
			return err
		}, "b1"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if err := st.do(); err != nil {
				t.Fatal(err)
			}
			if got := ids(s.PublishedRubrics(ctx)); got != st.published {
				t.Errorf("PublishedRubrics = %q, want %q", got, st.published)
			}
		})
	}
	pub, _ := s.PublishedRubrics(ctx)
	if len(pub) != 1 || string(pub[0].YAML) != "b1 v2" || pub[0].OwnerName != "bob" || !pub[0].Published {
		t.Errorf("published b1 = %+v", pub)
	}
	if got := ids(s.RubricsByOwner(ctx, alice.ID)); got != "a1,a2" {
		t.Errorf("alice's rubrics = %q", got)
	}
	// Topics are published apart from rubrics.
	if got := topicIDs(s.PublishedTopics(ctx)); got != "" {
		t.Errorf("PublishedTopics = %q before any is published", got)
	}
	if err := s.SetTopicPublished(ctx, alice.ID, "a2", true); err != nil {
		t.Fatal(err)
	}
	if got := topicIDs(s.PublishedTopics(ctx)); got != "a2" {
		t.Errorf("PublishedTopics = %q", got)
	}
	if got := topicIDs(s.TopicsByOwner(ctx, bob.ID)); got != "b1" {
		t.Errorf("bob's topics = %q", got)
	}
}

// TestStoreInjection stores SQL and markup in every text field and expects
// each back as it was.
func TestStoreInjection(t *testing.T) {
	ctx := context.Background()
	evil := []string{
		`'; DROP TABLE teachers; --`,
		`" OR "1"="1`,
		`Robert'); DELETE FROM documents WHERE ('1'='1`,
		`x' UNION SELECT password_hash, 1, 1 FROM teachers --`,
		`%_\ ?1 :name @p $x`,
		"<script>alert(1)</script> & \u00a0 ünïcödé",
	}
	for i, text := range evil {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			s, _ := newStore(t)
			password := text + " long enough"
			teacher, err := s.AddTeacher(ctx, text, password)
			if err != nil {
				t.Fatal(err)
			}
			if got, err := s.Authenticate(ctx, text, password); err != nil || got.Name != text {
				t.Fatalf("Authenticate = %+v, %v", got, err)
			}
			tok, token, err := s.NewToken(ctx, text, text)
			if err != nil {
				t.Fatal(err)
			}
			if list, err := s.Tokens(ctx, text); err != nil || len(list) != 1 || list[0].Label != text {
				t.Errorf("Tokens = %+v, %v", list, err)
			}
			if _, err := s.TeacherByToken(ctx, token); err != nil {
				t.Error(err)
			}
			if _, err := s.SaveRubric(ctx, teacher.ID, text, []byte(text)); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SaveTopic(ctx, teacher.ID, text, text, []byte(text)); err != nil {
				t.Fatal(err)
			}
			if err := s.SetPublished(ctx, teacher.ID, text, true); err != nil {
				t.Fatal(err)
			}
			r, err := s.Rubric(ctx, text)
			if err != nil || r.ID != text || string(r.YAML) != text || r.OwnerName != text {
				t.Errorf("Rubric = %+v, %v", r, err)
			}
			tp, err := s.Topic(ctx, text)
			if err != nil || tp.ID != text || tp.Notes != text || string(tp.Catalogue) != text {
				t.Errorf("Topic = %+v, %v", tp, err)
			}
			if list, err := s.Teachers(ctx); err != nil || len(list) != 1 || list[0].Name != text {
				t.Errorf("Teachers = %+v, %v", list, err)
			}
			if err := s.RevokeToken(ctx, text, fmt.Sprint(tok.ID)); err != nil {
				t.Error(err)
			}
			if err := s.RemoveTeacher(ctx, text); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestStoreConcurrentSaves has several teachers save at once, through two
// stores on one file (as the server and the teacher command would): every
// save must be there, with versions 1..n and no gaps.
func TestStoreConcurrentSaves(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	stores := []*Store{open(t, dir), open(t, dir)}
	const teachers, rubrics, saves = 4, 3, 8
	ids := make([]int64, teachers)
	for i := range ids {
		ids[i] = addTeacher(t, stores[0], fmt.Sprintf("teacher%d", i)).ID
	}
	var wg sync.WaitGroup
	errs := make(chan error, teachers*rubrics)
	for i := range teachers {
		for j := range rubrics {
			wg.Go(func() {
				s := stores[(i+j)%len(stores)]
				id := fmt.Sprintf("r-%d-%d", i, j)
				for k := 1; k <= saves; k++ {
					v, err := s.SaveRubric(ctx, ids[i], id, []byte(fmt.Sprintf("%s v%d", id, k)))
					if err == nil && v != k {
						err = fmt.Errorf("%s: save %d got version %d", id, k, v)
					}
					if err != nil {
						errs <- err
						return
					}
					if _, err := s.Rubric(ctx, id); err != nil {
						errs <- err
						return
					}
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for i := range teachers {
		list, err := stores[1].RubricsByOwner(ctx, ids[i])
		if err != nil || len(list) != rubrics {
			t.Fatalf("teacher %d has %d rubrics, %v", i, len(list), err)
		}
		for _, r := range list {
			for v := 1; v <= saves; v++ {
				got, err := stores[1].RubricVersion(ctx, r.ID, v)
				if want := fmt.Sprintf("%s v%d", r.ID, v); err != nil || string(got.YAML) != want {
					t.Errorf("%s version %d = %q, %v; want %q", r.ID, v, got.YAML, err, want)
				}
			}
		}
	}
}
