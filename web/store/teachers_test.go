package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestStorePasswordHash(t *testing.T) {
	saved := hashParams
	defer func() { hashParams = saved }()
	for _, params := range []argonParams{saved, {memory: 19 * 1024, time: 2, threads: 1}} {
		hashParams = params
		hash, err := hashPassword(context.Background(), "correct horse battery")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(hash, "$argon2id$v=19$m=") || strings.Contains(hash, "correct horse") {
			t.Errorf("hash %q is not an argon2id PHC string", hash)
		}
		again, _ := hashPassword(context.Background(), "correct horse battery")
		if again == hash {
			t.Error("two hashes of one password are equal: the salt is not random")
		}
		tests := []struct {
			password string
			want     bool
		}{
			{"correct horse battery", true},
			{"correct horse batterY", false},
			{"correct horse battery ", false},
			{"", false},
		}
		for _, tt := range tests {
			t.Run(tt.password, func(t *testing.T) {
				got, err := checkPassword(context.Background(), hash, tt.password)
				if err != nil || got != tt.want {
					t.Errorf("checkPassword(%q) = %v, %v; want %v", tt.password, got, err, tt.want)
				}
			})
		}
	}
	for _, bad := range []string{"", "plain", "$argon2i$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=x$c2FsdA$aGFzaA"} {
		if _, err := checkPassword(context.Background(), bad, "whatever"); err == nil {
			t.Errorf("checkPassword accepted the hash %q", bad)
		}
	}
}

func TestStoreAddTeacher(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	addTeacher(t, s, "alice")
	tests := []struct {
		name, password string
		want           error
	}{
		{"bob", "long enough password", nil},
		{"Mrs O'Brien", "long enough password", nil},
		{"Zoë Ng", "ümlaute-pässwort", nil},
		{"alice", "long enough password", ErrExists},
		{"ALICE", "long enough password", ErrExists},
		{"", "long enough password", ErrInvalid},
		{" carol", "long enough password", ErrInvalid},
		{"carol\n", "long enough password", ErrInvalid},
		{"car\x00ol", "long enough password", ErrInvalid},
		{"t1\u200b", "long enough password", ErrInvalid},    // zero-width space: shows as "t1"
		{"\u202eloraC", "long enough password", ErrInvalid}, // right-to-left override
		{"car\u00adol", "long enough password", ErrInvalid}, // soft hyphen
		{"carol\ufeff", "long enough password", ErrInvalid}, // zero-width no-break space
		{"car\u2028ol", "long enough password", ErrInvalid}, // line separator
		{"car\ue000ol", "long enough password", ErrInvalid}, // private use
		{"Zoe\u0308 Ng", "long enough password", ErrExists}, // "Zoë Ng" with a combining diaeresis
		{"Ms\u00a0Khan", "long enough password", nil},       // a no-break space shows as a space
		{strings.Repeat("c", 65), "long enough password", ErrInvalid},
		{"carol", "short", ErrInvalid},
		{"carol", "123456789", ErrInvalid},
		{"carol", strings.Repeat("p", MaxPasswordLength+1), ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.password, func(t *testing.T) {
			got, err := s.AddTeacher(ctx, tt.name, tt.password)
			if !errors.Is(err, tt.want) {
				t.Fatalf("AddTeacher = %v, want %v", err, tt.want)
			}
			if err == nil && (got.ID == 0 || got.Name != tt.name) {
				t.Errorf("AddTeacher = %+v", got)
			}
		})
	}
	list, err := s.Teachers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tr := range list {
		names = append(names, tr.Name)
	}
	if got := strings.Join(names, ","); got != "alice,bob,Mrs O'Brien,Ms\u00a0Khan,Zoë Ng" {
		t.Errorf("Teachers = %s", got)
	}
}

func TestStoreAuthenticate(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	alice := addTeacher(t, s, "alice")
	tests := []struct {
		name, password string
		want           error
	}{
		{"alice", "alice-password", nil},
		{"Alice", "alice-password", nil},
		{"alice", "Alice-password", ErrBadCredentials},
		{"alice", "", ErrBadCredentials},
		{"bob", "alice-password", ErrBadCredentials},
		{"", "", ErrBadCredentials},
		{"alice' OR '1'='1", "x' OR '1'='1", ErrBadCredentials},
		{strings.Repeat("a", 1000), "alice-password", ErrBadCredentials},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.password, func(t *testing.T) {
			got, err := s.Authenticate(ctx, tt.name, tt.password)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Authenticate = %v, want %v", err, tt.want)
			}
			if err == nil && got.ID != alice.ID {
				t.Errorf("Authenticate = %+v, want %+v", got, alice)
			}
		})
	}
}

func TestStoreThrottle(t *testing.T) {
	ctx := context.Background()
	s, clk := newStore(t)
	addTeacher(t, s, "alice")
	fail := func() error {
		_, err := s.Authenticate(ctx, "alice", "wrong password")
		return err
	}
	for i := range MaxFailures {
		if err := fail(); !errors.Is(err, ErrBadCredentials) {
			t.Fatalf("failure %d: %v, want ErrBadCredentials", i+1, err)
		}
	}
	// Locked out: even the right password is not checked.
	_, err := s.Authenticate(ctx, "ALICE", "alice-password")
	var te *ThrottledError
	if !errors.Is(err, ErrThrottled) || !errors.As(err, &te) || te.RetryAfter != time.Second {
		t.Fatalf("after %d failures: %v, want ErrThrottled for 1s", MaxFailures, err)
	}
	// Another name is not locked out.
	addTeacher(t, s, "bob")
	if _, err := s.Authenticate(ctx, "bob", "bob-password"); err != nil {
		t.Errorf("bob: %v", err)
	}
	// Each further failure doubles the wait.
	for _, want := range []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second} {
		clk.Add(time.Minute)
		if err := fail(); !errors.Is(err, ErrBadCredentials) {
			t.Fatalf("after the wait: %v", err)
		}
		if err := fail(); !errors.As(err, &te) || te.RetryAfter != want {
			t.Fatalf("wait = %v, want %v", err, want)
		}
	}
	clk.Add(8 * time.Second)
	if _, err := s.Authenticate(ctx, "alice", "alice-password"); err != nil {
		t.Fatalf("right password after the wait: %v", err)
	}
	// Success forgets the failures.
	for range MaxFailures - 1 {
		fail()
	}
	if _, err := s.Authenticate(ctx, "alice", "alice-password"); err != nil {
		t.Errorf("after %d new failures: %v", MaxFailures-1, err)
	}
	// Unknown names are throttled alike, so lockouts do not tell which
	// names exist.
	for range MaxFailures {
		s.Authenticate(ctx, "nobody", "wrong password")
	}
	if _, err := s.Authenticate(ctx, "nobody", "wrong password"); !errors.Is(err, ErrThrottled) {
		t.Errorf("unknown name: %v, want ErrThrottled", err)
	}
	// A day later the old failures are forgotten.
	clk.Add(25 * time.Hour)
	if err := fail(); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("a day later: %v", err)
	}
	var rows int
	s.r.QueryRow(`SELECT count(*) FROM sign_in_failures WHERE name = 'nobody'`).Scan(&rows)
	if rows != 0 {
		t.Errorf("old failures of an unknown name are kept")
	}
}

func TestStoreLockout(t *testing.T) {
	tests := []struct {
		failures int
		want     time.Duration
	}{
		{1, 0}, {MaxFailures - 1, 0}, {MaxFailures, time.Second}, {MaxFailures + 3, 8 * time.Second},
		{MaxFailures + 10, MaxLockout}, {MaxFailures + 100, MaxLockout},
	}
	for _, tt := range tests {
		if got := lockout(tt.failures, MaxFailures); got != tt.want {
			t.Errorf("lockout(%d) = %v, want %v", tt.failures, got, tt.want)
		}
	}
}

func TestStoreSetPassword(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	alice := addTeacher(t, s, "alice")
	sess, err := s.NewSession(ctx, alice.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	_, token, err := s.NewToken(ctx, "alice", "laptop")
	if err != nil {
		t.Fatal(err)
	}
	for range MaxFailures {
		s.Authenticate(ctx, "alice", "guess")
	}
	if err := s.SetPassword(ctx, "alice", "short"); !errors.Is(err, ErrInvalid) {
		t.Errorf("short password: %v", err)
	}
	if err := s.SetPassword(ctx, "nobody", "a new password"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown teacher: %v", err)
	}
	if err := s.SetPassword(ctx, "alice", "a new password"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "alice", "a new password"); err != nil {
		t.Errorf("new password: %v", err)
	}
	if _, err := s.Authenticate(ctx, "alice", "alice-password"); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("old password: %v", err)
	}
	if _, err := s.Session(ctx, sess.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("a session outlived the password change: %v", err)
	}
	// Whoever knew the old password may have made a token with it.
	if _, err := s.TeacherByToken(ctx, token); !errors.Is(err, ErrNotFound) {
		t.Errorf("an API token outlived the password change: %v", err)
	}
	if list, err := s.Tokens(ctx, "alice"); err != nil || len(list) != 0 {
		t.Errorf("tokens after the password change: %+v, %v", list, err)
	}
}

func TestStoreRemoveTeacher(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	alice := addTeacher(t, s, "alice")
	bob := addTeacher(t, s, "bob")
	_, token, _ := s.NewToken(ctx, "alice", "")
	sess, _ := s.NewSession(ctx, alice.ID, time.Hour)
	s.SaveRubric(ctx, alice.ID, "alices", []byte("a"))
	s.SaveTopic(ctx, alice.ID, "alices", "n", []byte("c"))
	s.SaveRubric(ctx, bob.ID, "bobs", []byte("b"))

	if err := s.RemoveTeacher(ctx, "Alice"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveTeacher(ctx, "alice"); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing twice: %v", err)
	}
	checks := map[string]error{}
	_, checks["sign-in"] = s.Authenticate(ctx, "alice", "alice-password")
	_, checks["token"] = s.TeacherByToken(ctx, token)
	_, checks["session"] = s.Session(ctx, sess.ID)
	_, checks["rubric"] = s.Rubric(ctx, "alices")
	_, checks["topic"] = s.Topic(ctx, "alices")
	for what, err := range checks {
		if err == nil {
			t.Errorf("the removed teacher's %s still works", what)
		}
	}
	var versions int
	s.r.QueryRow(`SELECT count(*) FROM document_versions WHERE id = 'alices'`).Scan(&versions)
	if versions != 0 {
		t.Errorf("%d versions of the removed teacher's work are left", versions)
	}
	if _, err := s.Rubric(ctx, "bobs"); err != nil {
		t.Errorf("another teacher's rubric: %v", err)
	}
}
