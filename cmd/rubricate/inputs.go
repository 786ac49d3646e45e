package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/rubricate/rubricate/analyzer"
	"github.com/rubricate/rubricate/analyzer/essayfile"
)

// essayFile is one essay to check, or the reason it cannot be.
type essayFile struct {
	name string
	text string
	err  error
}

// Limits on what is read of one file, so that a huge file (or /dev/zero)
// is refused instead of filling memory.
const (
	// maxEssayBytes: 50,000 characters of UTF-8 take at most four bytes
	// each.
	maxEssayBytes = 4*analyzer.MaxChars + 4
	// maxNotesBytes: a topic's notes, as large as the web app takes in one
	// request.
	maxNotesBytes = 1 << 20
)

// errNotRegular is a path that is not a plain file: a pipe, a device or a
// socket, which could block for ever or never end.
var errNotRegular = errors.New("this is not a plain file (a pipe, a device or a socket): save the text in a file and give that, or use - to read standard input")

// openInput opens a file to read, refusing anything but a plain file
// before a read can block: opening a FIFO without O_NONBLOCK waits for a
// writer for ever. Errors are worded for the person who typed the name.
func openInput(name string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fileError(err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fileError(err)
	}
	switch {
	case info.IsDir():
		f.Close()
		return nil, errors.New("this is a folder, not a file")
	case !info.Mode().IsRegular():
		f.Close()
		return nil, errNotRegular
	}
	return f, nil
}

// readInput reads all of name ("-" is stdin), refusing more than limit
// bytes with tooBig.
func readInput(name string, stdin io.Reader, limit int64, tooBig error) ([]byte, error) {
	if name == "-" {
		return readLimited(stdin, limit, tooBig)
	}
	f, err := openInput(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f, limit, tooBig)
}

// readLimited reads all of r, or refuses more than limit bytes with tooBig
// after reading no more than one byte past it.
func readLimited(r io.Reader, limit int64, tooBig error) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fileError(err)
	}
	if int64(len(data)) > limit {
		return nil, tooBig
	}
	return data, nil
}

// readEssays expands folders (their essay files, sorted) and reads
// every file; "-" is standard input. A file that cannot be read keeps its
// place with its error, so the others are still checked.
func readEssays(args []string, stdin io.Reader) []essayFile {
	var out []essayFile
	for _, arg := range args {
		if arg == "-" {
			out = append(out, readEssay("-", stdin))
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			out = append(out, essayFile{name: arg, err: fileError(err)})
			continue
		}
		if !info.IsDir() {
			out = append(out, readPath(arg))
			continue
		}
		var files []string
		filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			// A folder's README is about the essays, not one of them.
			isReadme := strings.HasPrefix(strings.ToLower(d.Name()), "readme")
			if err == nil && !d.IsDir() && !isReadme && essayExt(p) {
				files = append(files, p)
			}
			return nil
		})
		sort.Strings(files)
		if len(files) == 0 {
			out = append(out, essayFile{name: arg, err: errors.New("this folder holds no essays (.txt, .md, .docx, .odt, .rtf or .pdf files)")})
		}
		for _, f := range files {
			out = append(out, readPath(f))
		}
	}
	return out
}

func readPath(p string) essayFile {
	f, err := openInput(p)
	if err != nil {
		return essayFile{name: p, err: err}
	}
	defer f.Close()
	return readEssay(p, f)
}

func readEssay(name string, r io.Reader) essayFile {
	limit := int64(maxEssayBytes)
	document := isDocument(name)
	if document {
		limit = essayfile.MaxFile
	}
	data, err := readLimited(r, limit, analyzer.ErrTooLong)
	if err != nil {
		if document {
			err = essayfile.ErrTooBig
		}
		return essayFile{name: name, err: err}
	}
	text := string(data)
	if document {
		if text, err = essayfile.Read(name, data); err != nil {
			return essayFile{name: name, err: err}
		}
	}
	if err := analyzer.Validate(text); err != nil {
		return essayFile{name: name, err: err}
	}
	return essayFile{name: name, text: text}
}

// isDocument reports whether a file is a word-processor document or a
// PDF, whose text essayfile reads, rather than plain text.
func isDocument(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".docx", ".odt", ".rtf", ".pdf", ".doc":
		return true
	}
	return false
}

// essayExt reports whether a file in a folder of essays is one.
func essayExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".docx", ".odt", ".rtf", ".pdf":
		return true
	}
	return false
}

// fileError words a file-system error for a student.
func fileError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file: check the name and the folder you are in")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("this file cannot be read (permission denied)")
	}
	return fmt.Errorf("cannot read this file: %v", err)
}
