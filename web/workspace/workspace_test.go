package workspace_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
	"github.com/rubricate/rubricate/web/workspace"
)

func service(t *testing.T) (*workspace.Service, *store.Store, *rubrics.Library) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	lib, err := rubrics.Open()
	if err != nil {
		t.Fatal(err)
	}
	ws := workspace.New(st, lib, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := ws.Load(ctx); err != nil {
		t.Fatal(err)
	}
	return ws, st, lib
}

func splitCopy(t *testing.T, id string) []byte {
	t.Helper()
	data, ok := rubrics.BuiltinYAML("sino-soviet-split")
	if !ok {
		t.Fatal("no built-in split rubric")
	}
	return []byte(strings.Replace(string(data), "id: sino-soviet-split", "id: "+id, 1))
}

// The workspace refuses built-in and reserved ids with a Conflict, and a
// rubric that does not validate with InvalidRubric and its problems; a
// teacher's rubric is theirs to publish, and reaches the Library when
// published; another teacher does not see the draft and cannot unpublish
// the published rubric.
func TestService(t *testing.T) {
	ctx := context.Background()
	ws, st, lib := service(t)
	ada, err := st.AddTeacher(ctx, "ada", "ada-password-1")
	if err != nil {
		t.Fatal(err)
	}
	bob, err := st.AddTeacher(ctx, "bob", "bob-password-1")
	if err != nil {
		t.Fatal(err)
	}
	var refused *workspace.Error
	for _, id := range []string{"sino-soviet-split", "new"} {
		if err := ws.CheckRubricID(id); !errors.As(err, &refused) || refused.Code != workspace.Conflict {
			t.Errorf("id %q: %v, want a Conflict", id, err)
		}
	}
	if _, err := ws.ParseRubric("mine.yaml", []byte("id: mine\ntopic: nowhere\n")); err == nil {
		t.Error("a rubric on no topic parsed")
	}
	data := splitCopy(t, "mine")
	r, err := ws.ParseRubric("mine.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.SaveRubric(ctx, ada.ID, r, data); err != nil {
		t.Fatal(err)
	}
	if _, ok := lib.Rubric("mine"); ok {
		t.Error("a draft is in the Library")
	}
	// Another teacher's draft is none of bob's business: it is not found.
	if _, err := ws.SetPublished(ctx, bob.ID, "mine", true); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("another teacher publishes a draft: %v, want ErrNotFound", err)
	}
	if _, err := ws.SetPublished(ctx, ada.ID, "mine", true); err != nil {
		t.Fatal(err)
	}
	// Published, bob sees it, and cannot unpublish it.
	if _, err := ws.SetPublished(ctx, bob.ID, "mine", false); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("another teacher unpublishes: %v, want ErrForbidden", err)
	}
	if _, ok := lib.Rubric("mine"); !ok {
		t.Error("a published rubric is not in the Library")
	}
	if rec, _, err := ws.Visible(ctx, 0, "mine"); err != nil || rec.Owner != ada.ID {
		t.Errorf("students see %+v, %v", rec, err)
	}
	if err := ws.DeleteRubric(ctx, ada.ID, "mine"); err != nil {
		t.Fatal(err)
	}
	if _, ok := lib.Rubric("mine"); ok {
		t.Error("a deleted rubric is still in the Library")
	}
}
