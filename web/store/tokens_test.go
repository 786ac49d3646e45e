package store

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"os"
	"strconv"
	"testing"
	"time"
)

func TestStoreTokens(t *testing.T) {
	ctx := context.Background()
	s, clk := newStore(t)
	alice := addTeacher(t, s, "alice")
	addTeacher(t, s, "bob")

	laptop, token, err := s.NewToken(ctx, "alice", "laptop")
	if err != nil {
		t.Fatal(err)
	}
	if raw, err := base64.RawURLEncoding.DecodeString(token); err != nil || len(raw) != 32 {
		t.Errorf("token %q is not 32 bytes in base64url: %v", token, err)
	}
	ci, token2, err := s.NewToken(ctx, "ALICE", "ci")
	if err != nil {
		t.Fatal(err)
	}
	if token2 == token {
		t.Fatal("two tokens are equal")
	}
	if _, _, err := s.NewToken(ctx, "nobody", ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("token for an unknown teacher: %v", err)
	}

	clk.Add(time.Hour)
	got, err := s.TeacherByToken(ctx, token)
	if err != nil || got.ID != alice.ID || got.Name != "alice" {
		t.Errorf("TeacherByToken = %+v, %v", got, err)
	}
	for _, bad := range []string{"", token[:20], token + "x", "' OR 1=1 --"} {
		if _, err := s.TeacherByToken(ctx, bad); !errors.Is(err, ErrNotFound) {
			t.Errorf("TeacherByToken(%q) = %v, want ErrNotFound", bad, err)
		}
	}
	list, err := s.Tokens(ctx, "alice")
	if err != nil || len(list) != 2 || list[0].ID != laptop.ID || list[0].Label != "laptop" || list[1].ID != ci.ID {
		t.Fatalf("Tokens = %+v, %v", list, err)
	}
	if !list[0].LastUsed.Equal(clk.Now()) || !list[1].LastUsed.IsZero() {
		t.Errorf("LastUsed = %v and %v", list[0].LastUsed, list[1].LastUsed)
	}

	tests := []struct {
		teacher, ref string
		want         error
	}{
		{"bob", strconv.FormatInt(laptop.ID, 10), ErrNotFound}, // not bob's
		{"bob", token, ErrNotFound},
		{"nobody", strconv.FormatInt(laptop.ID, 10), ErrNotFound},
		{"alice", "999", ErrNotFound},
		{"alice", strconv.FormatInt(laptop.ID, 10), nil},
		{"alice", strconv.FormatInt(laptop.ID, 10), ErrNotFound}, // gone already
		{"alice", token2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.teacher+"/"+tt.ref, func(t *testing.T) {
			if err := s.RevokeToken(ctx, tt.teacher, tt.ref); !errors.Is(err, tt.want) {
				t.Errorf("RevokeToken = %v, want %v", err, tt.want)
			}
		})
	}
	for _, tok := range []string{token, token2} {
		if _, err := s.TeacherByToken(ctx, tok); !errors.Is(err, ErrNotFound) {
			t.Errorf("a revoked token still works: %v", err)
		}
	}
}

// TestStoreTokensHashed reads the database files themselves: neither API
// tokens nor session ids may be in them, in any form but their hash.
func TestStoreTokensHashed(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	alice := addTeacher(t, s, "alice")
	var secrets []string
	for range 3 {
		_, token, err := s.NewToken(ctx, "alice", "label")
		if err != nil {
			t.Fatal(err)
		}
		secrets = append(secrets, token)
		sess, err := s.NewSession(ctx, alice.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		secrets = append(secrets, sess.ID)
	}
	var files [][]byte // the SQLite database's files; PostgreSQL's are its server's
	for _, suffix := range []string{"", "-wal"} {
		if testPostgres != "" {
			break
		}
		data, err := os.ReadFile(s.Path() + suffix)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		files = append(files, data)
	}
	if testPostgres == "" && len(files[0])+len(files[1]) == 0 {
		t.Fatal("the database files are empty")
	}
	for _, sec := range secrets {
		raw, _ := base64.RawURLEncoding.DecodeString(sec)
		for _, data := range files {
			if bytes.Contains(data, []byte(sec)) || bytes.Contains(data, raw) {
				t.Errorf("a secret is stored as it is")
			}
		}
		var n int
		s.r.QueryRow(`SELECT count(*) FROM tokens WHERE hash = ?`, hashSecret(sec)).Scan(&n)
		var m int
		s.r.QueryRow(`SELECT count(*) FROM sessions WHERE hash = ?`, hashSecret(sec)).Scan(&m)
		if n+m != 1 {
			t.Errorf("a secret's hash is stored %d times", n+m)
		}
	}
	// And no password either.
	for _, data := range files {
		if bytes.Contains(data, []byte("alice-password")) {
			t.Error("the password is stored as it is")
		}
	}
}

func TestStoreSessions(t *testing.T) {
	ctx := context.Background()
	s, clk := newStore(t)
	alice := addTeacher(t, s, "alice")
	sess, err := s.NewSession(ctx, alice.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.NewSession(ctx, alice.ID, 2*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if sess.ID == other.ID || sess.CSRF == other.CSRF || sess.ID == sess.CSRF {
		t.Fatal("session ids or CSRF tokens repeat")
	}
	if _, err := s.NewSession(ctx, 9999, time.Hour); !errors.Is(err, ErrNotFound) {
		t.Errorf("session for an unknown teacher: %v", err)
	}
	if _, err := s.NewSession(ctx, alice.ID, 0); !errors.Is(err, ErrInvalid) {
		t.Errorf("session without a lifetime: %v", err)
	}

	tests := []struct {
		name  string
		after time.Duration // since the start
		id    string
		want  error
	}{
		{"fresh", 0, sess.ID, nil},
		{"nearly expired", 59 * time.Minute, sess.ID, nil},
		{"expired", time.Hour, sess.ID, ErrNotFound},
		{"longer one", time.Hour + time.Minute, other.ID, nil},
		{"unknown", 0, "not-a-session", ErrNotFound},
		{"empty", 0, "", ErrNotFound},
	}
	start := clk.Now()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk.t = start.Add(tt.after)
			got, err := s.Session(ctx, tt.id)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Session = %v, want %v", err, tt.want)
			}
			if err == nil && (got.Teacher.ID != alice.ID || got.Teacher.Name != "alice" || got.ID != tt.id) {
				t.Errorf("Session = %+v", got)
			}
		})
	}

	got, err := s.Session(ctx, other.ID)
	if err != nil {
		t.Fatal(err)
	}
	for token, want := range map[string]bool{other.CSRF: true, sess.CSRF: false, "": false, other.CSRF[:10]: false} {
		if got.CheckCSRF(token) != want {
			t.Errorf("CheckCSRF(%q) = %v", token, !want)
		}
	}
	if err := s.EndSession(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, other.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("ended session: %v", err)
	}
	if err := s.EndSession(ctx, other.ID); err != nil {
		t.Errorf("signing out twice: %v", err)
	}
	// New sessions sweep out expired ones.
	clk.Add(24 * time.Hour)
	if _, err := s.NewSession(ctx, alice.ID, time.Hour); err != nil {
		t.Fatal(err)
	}
	var n int
	s.r.QueryRow(`SELECT count(*) FROM sessions`).Scan(&n)
	if n != 1 {
		t.Errorf("%d sessions stored, want 1 (the expired ones removed)", n)
	}
}
