package web

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// contentSecurityPolicy allows scripts, styles and images from this server
// only: no inline script or style, no framing, forms post here only.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; " +
	"base-uri 'none'; frame-ancestors 'none'"

// secureHeaders sets the headers every response carries.
func secureHeaders(c *gin.Context) {
	hd := c.Writer.Header()
	hd.Set("Content-Security-Policy", contentSecurityPolicy)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("X-Frame-Options", "DENY")
	// No address is sent to other sites. Not "no-referrer": under it a
	// browser sends "Origin: null" even with its forms to this site, and
	// checkOrigin could not tell them from another site's.
	hd.Set("Referrer-Policy", "same-origin")
	hd.Set("Cross-Origin-Opener-Policy", "same-origin")
	hd.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
	// Pages and API answers carry essays and feedback: personal data that
	// no cache should keep. Static files override this.
	hd.Set("Cache-Control", "no-store")
	c.Next()
}

// limitBody caps the request body before any handler reads it; reading past
// maxBody fails with *http.MaxBytesError, answered as "too long".
func limitBody(c *gin.Context) {
	if c.Request.Body != nil {
		limit := int64(maxBody)
		if uploadRoutes[c.FullPath()] && strings.HasPrefix(c.GetHeader("Content-Type"), "multipart/form-data") {
			limit = maxUpload
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
	}
	c.Next()
}

// uploadRoutes take an essay as the file a student has (a Word file, a
// PDF), larger than its text.
var uploadRoutes = map[string]bool{"/check": true, "/essay-file": true}

// logRequests logs one line per request: method, route, status, time and
// size. Never the body or the query string, which may hold essay text.
func (h *handler) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	status := c.Writer.Status()
	route := c.FullPath()
	if route == "" {
		route = "(no route)"
	}
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	h.log.LogAttrs(c.Request.Context(), level, "request",
		slog.String("method", c.Request.Method),
		slog.String("route", route),
		slog.Int("status", status),
		slog.Duration("duration", time.Since(start)),
		slog.Int("bytes", c.Writer.Size()))
}

// recoverPanics turns a panic in a handler into a logged internal error and
// a plain 500 answer, without a stack trace in the response.
func (h *handler) recoverPanics(c *gin.Context) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
			panic(v) // the client went away; let net/http drop the connection
		}
		msg := fmt.Sprint(v)
		if len(msg) > 200 {
			msg = msg[:200]
		}
		h.log.ErrorContext(c.Request.Context(), "panic",
			"route", c.FullPath(), "panic", msg, "stack", string(debug.Stack()))
		if c.Writer.Written() {
			c.Abort()
			return
		}
		h.fail(c, errors.New("panic"))
	}()
	c.Next()
}

// hostPolicy is the set of names the server answers to, besides IP
// addresses and localhost. A page on another site can reach this server
// under that site's own name by DNS rebinding (its name made to resolve to
// this server's address); the name in the Host header is the tell. A
// browser only sends an IP address or localhost as the Host when that is
// what the user opened, so those are always good.
type hostPolicy struct {
	names map[string]bool // lower case, without port or final dot
}

// hostName is the host of a Host header, in lower case, without its port,
// brackets or final dot.
func hostName(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	} else {
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	}
	return strings.TrimSuffix(strings.ToLower(host), ".")
}

// allows reports whether the server answers to the Host header host.
func (p *hostPolicy) allows(host string) bool {
	name := hostName(host)
	if _, err := netip.ParseAddr(name); err == nil {
		return true
	}
	return name == "localhost" || strings.HasSuffix(name, ".localhost") || p.names[name]
}

// checkHost refuses requests sent to a name the server does not answer to
// (see hostPolicy). Until Serve or Config.Hosts turns it on, every name is
// accepted: the server is then only an http.Handler, behind whatever
// serves it.
func (h *handler) checkHost(c *gin.Context) {
	p := h.hosts.Load()
	if p == nil || c.Request.Host == "" || p.allows(c.Request.Host) {
		c.Next()
		return
	}
	name := hostName(c.Request.Host)
	if len(name) > 100 {
		name = name[:100] + "…"
	}
	h.log.WarnContext(c.Request.Context(), "refused a request for an unknown host name")
	h.fail(c, userError(codeForbidden,
		"This server does not answer to the name %q, so the request was refused. Open rubricate by its address (such as http://127.0.0.1:8080/), or ask whoever runs it to start it with --host %s.",
		name, name))
}

// checkOrigin refuses a state-changing request (anything but GET, HEAD and
// OPTIONS) that a page on another site sent: its Origin header, or failing
// that its Referer, names another scheme, host or port than the request
// was sent to. Cookies are not kept apart by port, so another program on
// this machine counts as another site. Requests with neither header (curl,
// scripts) pass, as do API requests with a token and no cookies, which no
// browser sends from another site without asking this server first.
func (h *handler) checkOrigin(c *gin.Context) {
	r := c.Request
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		c.Next()
		return
	}
	if r.Header.Get("Authorization") != "" && r.Header.Get("Cookie") == "" {
		c.Next()
		return
	}
	from := r.Header.Get("Origin")
	if from == "" {
		if ref, err := url.Parse(r.Referer()); err == nil && ref.Host != "" {
			from = ref.Scheme + "://" + ref.Host
		}
	}
	if from == "" {
		c.Next()
		return
	}
	here := site(r)
	if u, err := url.Parse(from); err == nil && u.Host != "" && origin(u.Scheme, u.Host) == here {
		c.Next()
		return
	}
	h.log.WarnContext(r.Context(), "refused a request from another site")
	h.fail(c, userError(codeForbidden,
		"This was sent from a page of another site, so it was refused. Open rubricate at %s/ and try again from its own page.", here))
}

// headAsGet answers HEAD as GET would, without the body, so that HEAD
// works wherever GET does without a route of its own.
func headAsGet(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		g := r.Clone(r.Context())
		g.Method = http.MethodGet
		next.ServeHTTP(headWriter{w}, g)
	})
}

// headWriter drops the body of an answer to HEAD.
type headWriter struct{ http.ResponseWriter }

func (w headWriter) Write(p []byte) (int, error) { return len(p), nil }

// Flush flushes the headers, if the connection can.
func (w headWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the connection.
func (w headWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
