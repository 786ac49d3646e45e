package web

import (
	"net"
	"sync"
)

// Connections: each holds a file descriptor, so the server caps how many
// it serves at once below the process's limit on open files, leaving
// fdMargin for the database, its journal and the logs. Past the cap, new
// connections wait in the listen queue until one closes; the read and idle
// timeouts make sure one does.
const (
	maxConnections = 4096
	fdMargin       = 128
	minConnections = 16
)

// connectionLimit is how many connections to serve at once: the limit on
// open files less fdMargin, at most maxConnections.
func connectionLimit() int {
	n, ok := openFileLimit()
	if !ok {
		return maxConnections
	}
	return max(minConnections, min(maxConnections, n-fdMargin))
}

// limitListener accepts at most n connections at once: Accept waits while
// n are open.
func limitListener(ln net.Listener, n int) net.Listener {
	return &capListener{Listener: ln, slots: make(chan struct{}, n), done: make(chan struct{})}
}

type capListener struct {
	net.Listener
	slots     chan struct{} // one per open connection
	done      chan struct{} // closed by Close
	closeOnce sync.Once
}

// Accept waits for a free place, then for a connection.
func (l *capListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	case <-l.done:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &capConn{Conn: c, release: func() { <-l.slots }}, nil
}

// Close stops Accept, also one waiting for a place.
func (l *capListener) Close() error {
	l.closeOnce.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// capConn gives its place back when closed (once, however often Close is
// called).
type capConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *capConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
