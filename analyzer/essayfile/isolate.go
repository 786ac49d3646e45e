package essayfile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"time"
)

// A PDF is read in a child process. PDF readers follow the references a
// file makes between its objects, and a crafted file can make them loop
// for ever or recurse until the stack runs out, which no recover catches:
// in a child, that costs the child, bounded in time and memory, and the
// student is told the file cannot be read.

// ChildArg is the first argument that makes a program that calls
// ServeChild the PDF reader's child process.
const ChildArg = "__rubricate-read-pdf"

// Limits of one child.
const (
	childTime   = 5 * time.Second
	childMemory = 512 << 20 // the Go heap
	childStack  = 64 << 20  // a goroutine's stack: deep recursion ends here
	// maxChildren is how many PDFs are read at once; more wait.
	maxChildren = 2
)

var children = make(chan struct{}, maxChildren)

// ServeChild reads a PDF on standard input and writes its text to
// standard output, and exits, when the program was started as the child
// (os.Args[1] == ChildArg); otherwise it returns at once. Every program
// that reads essays (the command, and the tests of the packages that read
// them) calls it first thing in main or TestMain.
func ServeChild() {
	if len(os.Args) < 2 || os.Args[1] != ChildArg {
		return
	}
	debug.SetMemoryLimit(childMemory)
	debug.SetMaxStack(childStack)
	limitChild()
	data, err := io.ReadAll(io.LimitReader(os.Stdin, MaxFile+1))
	if err == nil {
		var text string
		text, err = pdfText(data)
		if err == nil {
			os.Stdout.WriteString(text)
			os.Exit(0)
		}
	}
	var fe *Error
	if errors.As(err, &fe) {
		fmt.Fprint(os.Stderr, "student: "+fe.msg)
		os.Exit(2)
	}
	fmt.Fprint(os.Stderr, err)
	os.Exit(1)
}

// pdf reads a PDF's text in a child process (see ServeChild).
func pdf(data []byte) (string, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data, " \r\n\t"), []byte("%PDF-")) {
		return "", errors.New("not a PDF")
	}
	self, err := os.Executable()
	if err != nil {
		return "", fail("PDF files cannot be read here. Save the essay as a Word document (.docx), or copy and paste it into the box.")
	}
	ctx, cancel := context.WithTimeout(context.Background(), childTime)
	defer cancel()
	select {
	case children <- struct{}{}:
		defer func() { <-children }()
	case <-ctx.Done():
		return "", fail("Too many PDF files are being read just now. Wait a minute and upload it again, or copy and paste the essay into the box.")
	}
	cmd := exec.CommandContext(ctx, self, ChildArg)
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	cmd.Stdin = bytes.NewReader(data)
	var out, errOut bytes.Buffer
	cmd.Stdout = &limitedBuffer{b: &out, max: maxText}
	cmd.Stderr = &limitedBuffer{b: &errOut, max: 4096}
	err = cmd.Run()
	if err == nil {
		return out.String(), nil
	}
	if msg, ok := strings.CutPrefix(errOut.String(), "student: "); ok {
		return "", &Error{msg}
	}
	if ctx.Err() != nil {
		return "", fail("The PDF took too long to read. Save the essay as a Word document (.docx), or copy and paste it into the box.")
	}
	return "", fmt.Errorf("damaged PDF: %v: %s", err, errOut.String())
}

// limitedBuffer keeps the first max bytes written to it, and fails after.
type limitedBuffer struct {
	b   *bytes.Buffer
	max int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if l.b.Len()+len(p) > l.max {
		return 0, ErrTooBig
	}
	return l.b.Write(p)
}
