package web

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
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
	hd.Set("Referrer-Policy", "no-referrer")
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
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxBody)
	}
	c.Next()
}

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
