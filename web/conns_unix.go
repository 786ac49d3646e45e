//go:build unix

package web

import "syscall"

// openFileLimit is the process's soft limit on open files (which Go raises
// to the hard limit at start-up).
func openFileLimit() (int, bool) {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil || rl.Cur > 1<<30 {
		return 0, false
	}
	return int(rl.Cur), true
}
