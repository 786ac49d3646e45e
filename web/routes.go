package web

import (
	"log/slog"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/rubrics"
)

// handler answers every route. Each route's method lives in its own file.
type handler struct {
	lib          *rubrics.Library
	log          *slog.Logger
	views        *views
	assets       *assets
	openapi      []byte
	slots        chan struct{} // one per check running; see check
	defaultTopic string
}

// routes registers every route of the app; this is the only place that does.
func (h *handler) routes(e *gin.Engine) {
	e.Use(h.recoverPanics, h.logRequests, secureHeaders, limitBody)

	// Pages for students.
	e.GET("/", h.showHome)
	e.POST("/check", h.showCheck)
	e.GET("/notes", h.showNotes)
	e.GET("/how-marking-works", h.showAbout)
	e.GET("/static/*file", h.showStatic)

	// JSON API.
	e.GET("/healthz", h.healthz)
	api := e.Group("/api/v1")
	api.POST("/check", h.apiCheck)
	api.GET("/rubrics", h.apiRubrics)
	api.GET("/rubrics/:id", h.apiRubric)
	api.GET("/notes/search", h.apiNotesSearch)
	api.GET("/openapi.yaml", h.showOpenAPI)

	e.NoRoute(h.notFound)
	e.NoMethod(h.methodNotAllowed)
}
