// Package web serves rubricate: pages for students to check an essay and
// browse the notes, a workspace where teachers write and publish rubrics and
// topics, and a JSON API under /api/v1.
package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
	"github.com/rubricate/rubricate/web/workspace"
)

// Limits on requests and connections.
const (
	// maxBody caps every request body before it is read. A 50,000-character
	// essay is at most 200 KB of UTF-8, 600 KB once URL- or JSON-escaped;
	// anything larger is refused as too long without being read.
	maxBody = 1 << 20
	// maxQuery is the longest notes search accepted, in bytes.
	maxQuery = 200

	// maxQueueWait is how long a check waits for a free slot before the
	// server answers that it is busy.
	maxQueueWait = 10 * time.Second

	readHeaderTimeout = 5 * time.Second
	readTimeout       = 20 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 60 * time.Second
	shutdownTimeout   = 10 * time.Second
)

// Config configures a Server.
type Config struct {
	// Logger receives one line per request and every internal error. It
	// never receives essay text. Nil discards logs.
	Logger *slog.Logger
	// DataDir is where the server keeps state: teachers, their sessions,
	// rubrics and topics, in an SQLite database. It is created if need be.
	// Student essays are never stored.
	DataDir string
	// Database, when set, is the URL of a PostgreSQL database
	// (postgres://...) to keep that state in instead, which several servers
	// behind a load balancer share; DataDir is then not used.
	Database string
	// Checks is how many essays are checked at once; more wait their turn,
	// in order. Zero means GOMAXPROCS: a check is pure CPU work, and running
	// more at once than there are cores only makes every one of them later.
	Checks int
	// Hosts are the host names (without port) the server answers to,
	// besides IP addresses and localhost: a name students type, such as
	// "rubricate.school.example". Requests for any other name are refused
	// once the server runs (Serve), so that no other site can reach it by
	// DNS rebinding. Setting Hosts turns the check on for ServeHTTP too.
	Hosts []string
	// Connections is how many connections are served at once; more wait to
	// be accepted. Zero means as many as the limit on open files allows,
	// less a margin for the database and logs, up to maxConnections.
	Connections int
}

// Server is the web app: an http.Handler, and Serve to run it with
// timeouts and graceful shutdown.
type Server struct {
	log    *slog.Logger
	engine *gin.Engine
	serve  http.Handler // engine, with HEAD answered as GET
	h      *handler
	hosts  *hostPolicy // checked by Serve
	conns  int         // connections served at once

	closeOnce sync.Once
	closeErr  error
}

// New builds the server for lib. It parses the embedded templates and
// checks the static files, so a broken build fails here and not on the
// first request. It opens the store in cfg.DataDir and adds every published
// teacher topic and rubric to lib; Close closes the store.
func New(lib *rubrics.Library, cfg Config) (*Server, error) {
	if lib == nil {
		return nil, errors.New("web: no library")
	}
	if cfg.DataDir == "" && cfg.Database == "" {
		return nil, errors.New("web: no data folder or database")
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	assets, err := loadAssets()
	if err != nil {
		return nil, err
	}
	views, err := parseViews(assets)
	if err != nil {
		return nil, err
	}
	api, err := loadOpenAPI()
	if err != nil {
		return nil, err
	}
	n := cfg.Checks
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	h := &handler{lib: lib, log: log, views: views, assets: assets, openapi: api, checks: newFairQueue(n)}
	hosts, err := parseHosts(cfg.Hosts)
	if err != nil {
		return nil, err
	}
	if len(cfg.Hosts) > 0 {
		h.hosts.Store(hosts)
	}
	if ids := lib.TopicIDs(); len(ids) > 0 {
		h.defaultTopic = ids[0]
	}
	ctx := context.Background()
	var st *store.Store
	if cfg.Database != "" {
		st, err = store.OpenURL(ctx, cfg.Database)
	} else {
		if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
			return nil, fmt.Errorf("web: data folder: %w", err)
		}
		st, err = store.Open(ctx, cfg.DataDir)
	}
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	// Every server on the database signs sign-in forms with one key, so
	// that a form one served another accepts.
	if h.signInKey, err = st.Secret(ctx, "sign-in"); err != nil {
		st.Close()
		return nil, fmt.Errorf("web: %w", err)
	}
	h.store = st
	h.shelf = workspace.New(st, lib, log)
	if err := h.shelf.Load(ctx); err != nil {
		st.Close()
		return nil, fmt.Errorf("web: loading teachers' rubrics: %w", err)
	}
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	e.HandleMethodNotAllowed = true
	if err := e.SetTrustedProxies(nil); err != nil {
		st.Close()
		return nil, err
	}
	h.routes(e)
	conns := cfg.Connections
	if conns <= 0 {
		conns = connectionLimit()
	}
	return &Server{log: log, engine: e, serve: headAsGet(e), h: h, hosts: hosts, conns: conns}, nil
}

// parseHosts checks Config.Hosts: names, without scheme, port or path.
func parseHosts(names []string) (*hostPolicy, error) {
	p := &hostPolicy{names: map[string]bool{}}
	for _, n := range names {
		n = strings.TrimSpace(n)
		name := hostName(n)
		if name == "" || strings.ContainsAny(n, "/@ \t") || strings.ContainsAny(name, ":[]") || len(name) > 253 {
			return nil, fmt.Errorf("web: %q is not a host name: give a name such as rubricate.school.example, without http:// or a port", n)
		}
		p.names[name] = true
	}
	return p, nil
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.serve.ServeHTTP(w, r)
}

// Serve answers requests on ln until ctx is cancelled, then stops taking
// new connections and lets requests in flight finish (up to ten seconds).
// It serves at most Config.Connections connections at once, and only
// requests for the host names Config.Hosts allows.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.h.hosts.Store(s.hosts)
	ln = limitListener(ln, s.conns)
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	idleCtx, stopIdle := context.WithCancel(ctx)
	defer stopIdle()
	go s.h.idle.returnWhenIdle(idleCtx)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return err
}

// Close closes the store. Serve calls it once requests in flight have
// finished; a server used only as an http.Handler calls it when done.
// Calling it again does nothing.
func (s *Server) Close() error {
	s.closeOnce.Do(func() { s.closeErr = s.h.store.Close() })
	return s.closeErr
}
