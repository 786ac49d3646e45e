package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web"
	"github.com/rubricate/rubricate/web/store"
)

// serveCmd is "rubricate serve".
type serveCmd struct {
	*app
	addr     string
	data     string
	database string // a PostgreSQL URL, for servers that share one
	hosts    []string
	memory   int // MB: the server's memory budget (see tuneGC)
}

func (a *app) serveCommand() *cobra.Command {
	c := &serveCmd{app: a}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the web app on this machine: paste an essay in the browser and see feedback",
		Long: `Run the web app: students paste an essay in the browser, choose the question
and see their mark, the evidence they used and missed, and what to fix. The
JSON API is under /api/v1 (see /api/v1/openapi.yaml). Teachers sign in at
/teacher to write and publish rubrics and topics (accounts: rubricate
teacher add NAME --data DIR).

Essays are checked on this machine and never stored. Logs go to standard
error and never contain essay text. Stop with Ctrl+C.

One server keeps its state in an SQLite database in its data folder. For
several servers behind a load balancer, give them all one PostgreSQL
database with --database (or RUBRICATE_DATABASE): teachers, sessions,
sign-in throttling, rubrics and topics are then shared, and what a teacher
publishes on one server reaches students on every other within two
seconds.`,
		Example: `  rubricate serve
  rubricate serve --addr 127.0.0.1:9000
  rubricate serve --addr :8080 --database postgres://rubricate:secret@db.school.example/rubricate`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return c.run(cmd.Context()) },
	}
	cmd.Flags().StringVar(&c.addr, "addr", "127.0.0.1:8080", "address to listen on, host:port (port 0 picks a free one)")
	cmd.Flags().StringVar(&c.data, "data", "rubricate-data", "folder for the server's state (never essays)")
	cmd.Flags().StringVar(&c.database, "database", os.Getenv("RUBRICATE_DATABASE"), "PostgreSQL database URL (postgres://...) to keep the state in instead of --data, shared by several servers; default $RUBRICATE_DATABASE")
	cmd.Flags().IntVar(&c.memory, "memory", serverMemoryMB, "memory budget in MB: the heap is kept near it under load, however new the words students type, and given back when idle (GOMEMLIMIT overrides it)")
	cmd.Flags().StringSliceVar(&c.hosts, "host", nil, "a host name students open the server by, e.g. rubricate.school.example (IP addresses and localhost always work; other names are refused)")
	return cmd
}

func (c *serveCmd) run(ctx context.Context) error {
	log := slog.New(slog.NewTextHandler(c.stderr, nil))
	lib, err := c.library()
	if err != nil {
		return fmt.Errorf("internal error: %v", err)
	}
	if err := analyzer.Warm(); err != nil {
		return fmt.Errorf("internal error: %v", err)
	}
	if c.memory < 64 {
		return usageError("--memory %d is too small: give at least 64 (MB)", c.memory)
	}
	tuneGC(c.memory)
	if c.database != "" {
		return c.serve(ctx, log, lib, web.Config{Logger: log, Database: c.database, Hosts: c.hosts}, "database", store.RedactURL(c.database))
	}
	data, err := filepath.Abs(c.data)
	if err == nil {
		err = os.MkdirAll(data, 0o700)
	}
	if err != nil {
		return usageError("cannot use %q for data: %v (choose another folder with --data)", c.data, err)
	}
	// One server per data folder: each keeps what is published in memory,
	// so a second would show students its own, different view of it.
	lock, err := store.Lock(data)
	switch {
	case errors.Is(err, store.ErrLocked):
		return usageError("%v: stop that server first, or give this one its own folder with --data", err)
	case err != nil:
		return usageError("cannot use %q for data: %v (choose another folder with --data)", c.data, err)
	}
	defer lock.Close()
	return c.serve(ctx, log, lib, web.Config{Logger: log, DataDir: data, Hosts: c.hosts}, "data", data)
}

// serve runs the server with cfg; where says where its state is (the log's
// key and value).
func (c *serveCmd) serve(ctx context.Context, log *slog.Logger, lib *rubrics.Library, cfg web.Config, key, where string) error {
	srv, err := web.New(lib, cfg)
	if err != nil {
		if errors.Is(err, store.ErrUnavailable) || errors.Is(err, store.ErrInvalid) {
			return usageError("cannot start: %v", err)
		}
		return fmt.Errorf("cannot start: %v", err)
	}
	defer srv.Close() // Serve closes it too; Close may be called twice
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return usageError("cannot listen on %s: %v (is rubricate already running? try --addr 127.0.0.1:8081)", c.addr, err)
	}
	log.Info("listening", "addr", ln.Addr().String(), key, where)
	fmt.Fprintf(c.stdout, "rubricate is running. Open %s in your browser.\nPress Ctrl+C to stop.\n", browseURL(ln.Addr()))
	if err := srv.Serve(ctx, ln); err != nil {
		return fmt.Errorf("server stopped: %v", err)
	}
	log.Info("stopped")
	return nil
}

// serverGCPercent is the garbage collector's target for the server. The
// live heap is about 10 MiB, and each check allocates about 0.7 MB that
// dies at once, so collecting at 5x the live heap rather than 2x costs some
// 40 MiB and saves much of the CPU the collector would take from checks.
const serverGCPercent = 400

// serverMemoryMB is the default memory budget: a soft limit on the heap.
// With GOGC at 400 the heap goal is five times what the collector last
// found live, so a burst of new vocabulary could make it gigabytes; near
// this limit the collector runs as often as it must instead, and memory
// stays a function of what is kept. Measured with 20,000 checks of essays
// of new words at 8 clients (web/memory_load_test.go), resident memory
// stays at about 320 MB with this budget.
const serverMemoryMB = 300

// tuneGC sets serverGCPercent and the memory budget (MB) unless GOGC and
// GOMEMLIMIT say otherwise.
func tuneGC(budgetMB int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serverGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(budgetMB) << 20)
	}
}

// browseURL is the address to open in a browser for a listener's address:
// a wildcard host becomes localhost.
func browseURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
