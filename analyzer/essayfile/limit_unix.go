//go:build unix

package essayfile

import "syscall"

// limitChild puts hard limits on the child process, beyond the Go
// runtime's: its address space and its CPU time.
func limitChild() {
	syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: 2 << 30, Max: 2 << 30})
	syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: 15, Max: 15})
}
