//go:build !unix

package essayfile

// limitChild has only the Go runtime's limits where the system has no
// rlimits; the parent's timeout still ends the child.
func limitChild() {}
