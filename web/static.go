package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

//go:embed static
var staticFS embed.FS

// assets are the embedded static files with a content hash each, so pages
// link to "/static/app.js?v=HASH" and browsers may cache them for good.
type assets struct {
	fsys    fs.FS
	version map[string]string // file name -> short content hash
}

// requiredAssets must exist for the pages to work.
var requiredAssets = []string{"app.js", "teacher.js", "style.css", "favicon.svg"}

func loadAssets() (*assets, error) {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	a := &assets{fsys: sub, version: map[string]string{}}
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		a.version[p] = hex.EncodeToString(sum[:6])
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	for _, name := range requiredAssets {
		if _, ok := a.version[name]; !ok {
			return nil, fmt.Errorf("web: static file %q is missing", name)
		}
	}
	return a, nil
}

// url is the template function "static": the versioned URL of a file.
func (a *assets) url(name string) (string, error) {
	v, ok := a.version[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return "/static/" + name + "?v=" + v, nil
}

// showStatic handles "GET /static/*file".
func (h *handler) showStatic(c *gin.Context) {
	name := strings.TrimPrefix(c.Param("file"), "/")
	v, ok := h.assets.version[name]
	if !ok {
		h.notFound(c)
		return
	}
	cache := "public, max-age=300"
	if c.Query("v") == v {
		cache = "public, max-age=31536000, immutable"
	}
	c.Header("Cache-Control", cache)
	http.ServeFileFS(c.Writer, c.Request, h.assets.fsys, name)
}
