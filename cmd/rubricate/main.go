// Command rubricate checks history essays against rubrics, offline.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/rubricate/rubricate/analyzer/essayfile"
)

func main() {
	essayfile.ServeChild() // when started to read a PDF, only that
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
