package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// Password limits. The upper one keeps a hash request from costing more
// than a sign-in should.
const (
	MinPasswordLength = 10   // characters
	MaxPasswordLength = 1024 // bytes
)

// argonParams are argon2id's costs. Stored hashes carry their own, so these
// can be raised later without breaking old ones.
type argonParams struct {
	memory  uint32 // KiB
	time    uint32
	threads uint8
}

// hashParams follow OWASP's recommendation (19 MiB, 2 passes, 1 lane);
// tests lower them.
var hashParams = argonParams{memory: 19 * 1024, time: 2, threads: 1}

const (
	saltLen = 16
	keyLen  = 32
)

// hashPassword returns the PHC-style argon2id encoding of password with a
// new random salt: $argon2id$v=19$m=...,t=...,p=...$salt$hash. It takes a
// place among the hashers first (see hashers).
func hashPassword(ctx context.Context, password string) (string, error) {
	if err := hashers.acquire(ctx); err != nil {
		return "", err
	}
	defer hashers.release()
	return encodeHash(password)
}

// encodeHash is hashPassword without waiting for a place.
func encodeHash(password string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	p := hashParams
	key := argon2.IDKey([]byte(password), salt, p.time, p.memory, p.threads, keyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.memory, p.time, p.threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// checkPassword reports whether password matches encoded, comparing in
// constant time. It takes a place among the hashers first: ErrBusy when
// too many are waiting.
func checkPassword(ctx context.Context, encoded, password string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errors.New("unknown password hash format")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, errors.New("unknown argon2 version")
	}
	var p argonParams
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memory, &p.time, &p.threads); err != nil {
		return false, fmt.Errorf("bad argon2 parameters: %w", err)
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false, fmt.Errorf("bad salt: %w", err)
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false, fmt.Errorf("bad hash: %v", err)
	}
	if err := hashers.acquire(ctx); err != nil {
		return false, err
	}
	defer hashers.release()
	got := argon2.IDKey([]byte(password), salt, p.time, p.memory, p.threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// dummyHash is checked against when the name is unknown, so that a wrong
// name costs as long as a wrong password and timing does not tell which
// names exist. The check takes a place among the hashers like any other.
// It is made on first use, not at start-up, to keep the CLI's start fast.
var dummyHash = sync.OnceValues(func() (string, error) {
	return encodeHash("not a password: a name that is not a teacher")
})

// checkNewPassword says what is wrong with a password a teacher chose.
func checkNewPassword(password string) error {
	switch {
	case len([]rune(password)) < MinPasswordLength:
		return invalid("the password is too short: use at least %d characters", MinPasswordLength)
	case len(password) > MaxPasswordLength:
		return invalid("the password is too long: use at most %d bytes", MaxPasswordLength)
	}
	return nil
}

// secret returns n random bytes, base64url-encoded without padding: the
// form of tokens, session ids and CSRF tokens. It never starts with "-",
// which a command line would read as a flag ("rubricate teacher revoke
// -PXW..."): the first byte is drawn again until it does not.
func secret(n int) (string, error) {
	b := make([]byte, n)
	for {
		if _, err := rand.Read(b); err != nil {
			return "", err
		}
		if s := base64.RawURLEncoding.EncodeToString(b); s[0] != '-' {
			return s, nil
		}
	}
}

// hashSecret is how tokens and session ids are looked up: by SHA-256, so
// a copy of the database does not hold a usable credential. (They are 256
// random bits; a slow hash would add nothing.)
func hashSecret(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}
