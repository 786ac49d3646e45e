package store

import (
	"context"
	"errors"
	"testing"
)

// TestDataVersion: the number changes when another handle on the same
// database commits (as the teacher command does while the server runs),
// and not for the store's own writes or for reads.
func TestDataVersion(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	server, other := open(t, dir), open(t, dir)
	ada := addTeacher(t, server, "ada")

	version := func() int64 {
		t.Helper()
		v, err := server.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	steps := []struct {
		name    string
		do      func() error
		changed bool
	}{
		{"nothing", func() error { return nil }, false},
		{"own write", func() error {
			_, err := server.SaveRubric(ctx, ada.ID, "mine", []byte("id: mine"))
			return err
		}, false},
		{"own read", func() error { _, err := server.PublishedRubrics(ctx); return err }, false},
		{"another's read", func() error { _, err := other.Rubric(ctx, "mine"); return err }, false},
		{"another's write", func() error { return other.SetPublished(ctx, ada.ID, "mine", true) }, true},
		{"another removes a teacher", func() error { return other.RemoveTeacher(ctx, "ada") }, true},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			before := version()
			if err := st.do(); err != nil {
				t.Fatal(err)
			}
			if changed := version() != before; changed != st.changed {
				t.Errorf("changed = %v, want %v", changed, st.changed)
			}
		})
	}

	server.Close()
	if _, err := server.DataVersion(ctx); !errors.Is(err, ErrClosed) {
		t.Errorf("closed: %v, want ErrClosed", err)
	}
}
