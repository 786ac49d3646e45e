package web

import (
	_ "embed"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
)

//go:embed openapi.yaml
var openapiYAML []byte

// loadOpenAPI returns the API description served at /api/v1/openapi.yaml.
// Tests validate the handlers against it.
func loadOpenAPI() ([]byte, error) {
	if len(openapiYAML) == 0 {
		return nil, errors.New("web: openapi.yaml is empty")
	}
	return openapiYAML, nil
}

// showOpenAPI handles "GET /api/v1/openapi.yaml".
func (h *handler) showOpenAPI(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=300")
	c.Data(http.StatusOK, "application/yaml; charset=utf-8", h.openapi)
}
