package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// healthz handles "GET /healthz": the server is up and its library loaded.
func (h *handler) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok", "rubrics": len(h.lib.RubricIDs())})
}
