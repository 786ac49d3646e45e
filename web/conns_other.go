//go:build !unix

package web

// openFileLimit is not known here; the server keeps to maxConnections.
func openFileLimit() (int, bool) { return 0, false }
