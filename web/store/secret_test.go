package store

import "testing"

// A token never starts with "-", which the command line would read as a
// flag when a teacher pastes it ("rubricate teacher revoke TOKEN"). About
// one in 64 random tokens would.
func TestSecretNeverLooksLikeAFlag(t *testing.T) {
	for range 2000 {
		s, err := secret(32)
		if err != nil {
			t.Fatal(err)
		}
		if s[0] == '-' {
			t.Fatalf("token %q starts with -", s)
		}
	}
}
