package web

import (
	"log/slog"
	"sync/atomic"

	"github.com/gin-gonic/gin"

	"github.com/rubricate/rubricate/rubrics"
	"github.com/rubricate/rubricate/web/store"
	"github.com/rubricate/rubricate/web/workspace"
)

// handler answers every route. Each route's method lives in its own file.
type handler struct {
	lib          *rubrics.Library
	store        *store.Store
	shelf        *workspace.Service // teachers' rubrics and topics, in step with lib
	log          *slog.Logger
	views        *views
	assets       *assets
	openapi      []byte
	checks       *fairQueue  // slots for checks; see check
	idle         idleTracker // when the last check was, to return memory when idle
	defaultTopic string
	signInKey    []byte                     // signs sign-in forms' tokens; see signInToken
	hosts        atomic.Pointer[hostPolicy] // nil: every host name is accepted; see checkHost
}

// routes registers every route of the app; this is the only place that does.
func (h *handler) routes(e *gin.Engine) {
	// Every request: to a host name this server answers to; and if it
	// changes anything, from a page of this site. HEAD is answered as GET
	// (see headAsGet).
	e.Use(h.recoverPanics, h.logRequests, secureHeaders, h.checkHost, h.checkOrigin, limitBody)

	// Pages for students.
	e.GET("/", h.showHome)
	e.POST("/check", h.showCheck)
	e.GET("/check", h.showRestore)
	e.POST("/essay-file", h.readEssayFile)
	e.GET("/notes", h.showNotes)
	e.GET("/how-marking-works", h.showAbout)
	e.GET("/static/*file", h.showStatic)

	// Teachers' workspace: signed in, and every POST with the session's
	// CSRF token (sign-in has its own, before there is a session).
	e.GET("/teacher/sign-in", h.showSignIn)
	e.POST("/teacher/sign-in", h.page(h.signIn))
	t := e.Group("/teacher", h.requireTeacher)
	t.POST("/sign-out", h.page(h.signOut))
	t.GET("", h.page(h.showWorkspace))
	t.GET("/rubrics/new", h.page(h.showNewRubric))
	t.POST("/rubrics/new", h.createRubric)
	t.POST("/rubrics/import", h.page(h.importRubric))
	t.POST("/rubrics/validate", h.validateRubric)
	t.GET("/rubrics/:id", h.page(h.showRubric))
	t.POST("/rubrics/:id", h.postRubric)
	t.GET("/rubrics/:id/export", h.page(h.exportRubric))
	t.POST("/rubrics/:id/publish", h.page(h.publishRubric(true)))
	t.POST("/rubrics/:id/unpublish", h.page(h.publishRubric(false)))
	t.GET("/rubrics/:id/delete", h.page(h.showDeleteRubric))
	t.POST("/rubrics/:id/delete", h.page(h.deleteRubric))
	t.GET("/topics/new", h.showNewTopic)
	t.POST("/topics/new", h.createTopic)
	t.GET("/topics/:id", h.page(h.showTopic))
	t.POST("/topics/:id", h.postTopic)
	t.POST("/topics/:id/publish", h.page(h.publishTopic(true)))
	t.POST("/topics/:id/unpublish", h.page(h.publishTopic(false)))
	t.GET("/topics/:id/delete", h.page(h.showDeleteTopic))
	t.POST("/topics/:id/delete", h.page(h.deleteTopic))

	// JSON API.
	e.GET("/healthz", h.healthz)
	api := e.Group("/api/v1")
	api.POST("/check", h.api(h.apiCheck))
	api.GET("/rubrics", h.api(h.apiRubrics))
	api.GET("/rubrics/:id", h.api(h.apiRubric))
	api.GET("/notes/search", h.api(h.apiNotesSearch))
	api.GET("/openapi.yaml", h.showOpenAPI)

	// JSON API for teachers, with an API token.
	w := api.Group("", h.requireToken)
	w.POST("/rubrics", h.api(h.apiCreateRubric))
	w.PUT("/rubrics/:id", h.api(h.apiPutRubric))
	w.DELETE("/rubrics/:id", h.api(h.apiDeleteRubric))
	w.POST("/rubrics/:id/publish", h.api(h.apiPublishRubric(true)))
	w.POST("/rubrics/:id/unpublish", h.api(h.apiPublishRubric(false)))
	w.POST("/topics", h.api(h.apiCreateTopic))
	w.PUT("/topics/:id", h.api(h.apiPutTopic))
	w.DELETE("/topics/:id", h.api(h.apiDeleteTopic))
	w.POST("/topics/:id/publish", h.api(h.apiPublishTopic(true)))
	w.POST("/topics/:id/unpublish", h.api(h.apiPublishTopic(false)))
	api.GET("/topics/:id", h.api(h.apiTopic))

	e.NoRoute(h.notFound)
	e.NoMethod(h.methodNotAllowed)
}
