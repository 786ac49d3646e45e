//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package store

import "os"

// locks says whether Lock can tell that a folder is in use.
const locks = false

// lockFile does not lock where flock is not available: two servers on one
// data folder are not detected there.
func lockFile(*os.File) (held bool, err error) { return false, nil }
