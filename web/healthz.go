package web

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// healthz handles "GET /healthz": the server is up and its library loaded,
// and whether its database answers. A server whose database does not is
// still up, checking essays against the rubrics it holds ("status":
// "degraded"); teachers' saves and sign-ins fail until the database is
// back.
func (h *handler) healthz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	status, database := "ok", "ok"
	if err := h.store.Ping(ctx); err != nil {
		status, database = "degraded", "unreachable"
		h.log.WarnContext(ctx, "the database does not answer", "error", err.Error())
	}
	c.JSON(http.StatusOK, gin.H{"status": status, "database": database, "rubrics": len(h.lib.RubricIDs())})
}
