package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/rubricate/rubricate/rubrics"
)

// Exit codes.
const (
	exitOK       = 0
	exitBelowBar = 1 // an essay is below --fail-under, or eval is below its bars
	exitBadInput = 2 // bad input or usage
	// exitStopped is the shell's code for a command ended by Ctrl-C
	// (128 + SIGINT): the work was stopped before it finished.
	exitStopped = 130
)

// errStopped ends a command that was interrupted (Ctrl-C, or a signal
// from timeout or the service manager) before its work was done.
var errStopped = &exitError{code: exitStopped, msg: "stopped before finishing: nothing more was checked"}

// exitError carries an exit code out of a command; its message, if any, has
// been printed already or is printed by Run.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// usageError is a mistake on the command line.
func usageError(format string, args ...any) error {
	return &exitError{code: exitBadInput, msg: fmt.Sprintf(format, args...)}
}

// app is what every subcommand shares: the streams and the library of
// topics and rubrics, loaded once and only when a command needs it.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	color          bool

	libOnce sync.Once
	lib     *rubrics.Library
	libErr  error
	// matching is which matchers find evidence (eval --matching).
	matching rubrics.Matching
}

func (a *app) library() (*rubrics.Library, error) {
	a.libOnce.Do(func() { a.lib, a.libErr = rubrics.OpenMatching(a.matching) })
	return a.lib, a.libErr
}

// Run runs rubricate with args and returns the exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	if f, ok := stdout.(*os.File); ok && os.Getenv("NO_COLOR") == "" {
		a.color = isatty.IsTerminal(f.Fd())
	}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, "rubricate: "+ee.msg)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "rubricate: "+err.Error())
	// Errors cobra raises itself are about flags and arguments.
	return exitBadInput
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "rubricate",
		Short: "Check history essays against a rubric, offline",
		Long: `rubricate checks an essay draft against a rubric: which key evidence it
uses, what is missing and where in the notes to revise it, which facts are
wrong, and a levels-based mark with feedback for each criterion.

Nothing leaves this machine.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(a.checkCommand(), a.rubricsCommand(), a.notesCommand(), a.evalCommand(), a.serveCommand(), a.teacherCommand(), a.backupCommand())
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%v (see `%s --help`)", err, c.CommandPath())
	})
	return root
}
