package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// showAbout handles "GET /how-marking-works".
func (h *handler) showAbout(c *gin.Context) {
	h.render(c, http.StatusOK, "about", base{Title: "How marking works", Nav: "about"})
}
