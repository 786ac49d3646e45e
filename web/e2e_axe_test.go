package web

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeScript is axe-core, the version testdata/axe/package-lock.json pins,
// installed there by npm the first time the tests need it.
var axeScript = sync.OnceValues(func() ([]byte, error) {
	dir := filepath.Join("testdata", "axe")
	path := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
	if _, err := os.Stat(path); err != nil {
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--silent")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("installing axe-core with npm ci in %s (install Node.js and npm: apt-get install npm): %v\n%s", dir, err, out)
		}
	}
	return os.ReadFile(path)
})

// axeViolation is one accessibility rule a page breaks, as axe reports it.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// checkAccessible runs axe-core in the page the browser shows and fails the
// test for every violation (WCAG 2.1 A and AA, and axe's best practices).
func checkAccessible(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	src, err := axeScript()
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(src)+";true")); err != nil {
		t.Fatalf("%s: loading axe-core: %v", page, err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))}))))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: running axe-core: %v", page, err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("%s: axe-core's answer: %v", page, err)
	}
	for _, v := range vs {
		t.Errorf("%s: %s (%s): %s; at %s", page, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
	}
}
